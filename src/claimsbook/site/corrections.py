"""The corrections log, computed from the repository's history of the ledger snapshot.

Every commit that changed ``tests/snapshots/verdicts.csv`` is compared with its parent:
a claim added or removed, a rating changed, or a value moved beyond the claim's
tolerance is a correction, dated by the commit, with the commit's own words as its
reason (the line of the message that names the claim, else the message's subject).
Nothing here is typed: rewrite the history and the log follows.
"""

from __future__ import annotations

import io
import math
import re
import subprocess
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..core.i18n import N_, _, is_chinese, ngettext
from ..core.numbers import period_text
from .fragments import render

SNAPSHOT = "tests/snapshots/verdicts.csv"
CORRECTIONS_FILE = "corrections.csv"
FEED_FILE = "corrections.xml"
# Answers compared between two snapshots, when both have them.
ANSWERS = ("headline", "faithful", "garble", "verdict", "evidence_grade")
VALUES = ("source_value", "computed_value")


@dataclass(frozen=True)
class Correction:
    date: str
    commit: str
    claim_id: str
    chapter: str
    change: str
    old: str
    new: str
    reason: str


@dataclass(frozen=True)
class Revision:
    commit: str
    date: str
    message: str
    snapshot: pd.DataFrame


class HistoryError(RuntimeError):
    """The repository's history cannot be read (not a clone, or a shallow one)."""


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise HistoryError(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def history(root: Path, path: str = SNAPSHOT) -> list[Revision]:
    """Every committed version of the snapshot, oldest first."""
    if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise HistoryError(
            "the clone is shallow: the corrections log needs the snapshot's whole history "
            "(git fetch --unshallow, or actions/checkout with fetch-depth: 0)")
    log = _git(root, "log", "--reverse", "--format=%H%x1f%aI%x1f%B%x1e", "--", path)
    revisions = []
    for record in filter(str.strip, log.split("\x1e")):
        commit, date, message = record.strip("\n").split("\x1f", 2)
        text = _git(root, "show", f"{commit}:{path}")
        frame = pd.read_csv(io.StringIO(text), dtype={"claim_id": str}, keep_default_na=False,
                            na_values={v: [""] for v in VALUES})
        revisions.append(Revision(commit, date, message.strip(), frame))
    return revisions


def _rating(row: pd.Series) -> str:
    """A row's published rating: the headline where the snapshot has one (the two-
    question standard), else the single verdict of the earlier standard."""
    return str(row["headline"]) if "headline" in row.index else f"{row['verdict']} (verdict)"


# A claim id that opens an explanation in a commit message: "boc-gpt5-price-higher:".
LISTED_ID = re.compile(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+:")


def message_blocks(message: str) -> list[str]:
    """A commit message cut into its bullets and paragraphs, each on one line."""
    blocks: list[list[str]] = []
    for line in message.splitlines():
        stripped = line.strip()
        if not stripped:
            blocks.append([])
        elif stripped.startswith(("- ", "* ")) or not blocks:
            blocks.append([stripped[2:] if stripped.startswith(("- ", "* ")) else stripped])
        else:
            blocks[-1].append(stripped)
    return [" ".join(block) for block in blocks if block]


def reason_for(message: str, claim_id: str) -> str:
    """The bullet or paragraph of a commit message that names the claim; else the
    message's subject."""
    named = re.compile(rf"(?<![\w-]){re.escape(claim_id)}(?![\w-])")
    blocks = message_blocks(message)[1:]
    # A bullet that opens with the claim ("claim-id: …") is its own explanation; one
    # that only mentions it (another claim's "a part of claim-id") comes after.
    opening = [b for b in blocks if b.startswith(f"{claim_id}:")]
    for block in opening + [b for b in blocks if b not in opening]:
        found = named.search(block)
        if not found:
            continue
        # A paragraph that explains several claims ("a-id: ... b-id: ..."): this
        # claim's own part, from its id to the next id that opens an explanation.
        starts = [m.start() for m in LISTED_ID.finditer(block)]
        if len(starts) > 1 and found.start() in starts:
            following = [s for s in starts if s > found.start()]
            return block[found.start():following[0] if following else None].strip()
        return block
    return message.splitlines()[0] if message else ""


def _changed_value(before: float, after: float, tolerance: float) -> bool:
    if math.isnan(before) and math.isnan(after):
        return False
    if math.isnan(before) or math.isnan(after):
        return True
    return abs(after - before) > max(tolerance, 1e-9 * max(1.0, abs(before)))


def compare(old: Revision | None, new: Revision) -> list[Correction]:
    """The corrections one commit made to the published ledger."""
    date = new.date[:10]
    after = new.snapshot.set_index("claim_id")
    before = (old.snapshot.set_index("claim_id") if old is not None
              else pd.DataFrame(columns=after.columns).rename_axis("claim_id"))
    found = []

    def add(claim_id: str, chapter: str, change: str, was: str, now: str) -> None:
        found.append(Correction(date, new.commit[:10], claim_id, chapter, change, was, now,
                                reason_for(new.message, claim_id)))

    if old is None:
        return []
    for claim_id in sorted(set(after.index) - set(before.index)):
        add(claim_id, str(after.loc[claim_id, "chapter"]), "added", "",
            _rating(after.loc[claim_id]))
    for claim_id in sorted(set(before.index) - set(after.index)):
        add(claim_id, str(before.loc[claim_id, "chapter"]), "removed",
            _rating(before.loc[claim_id]), "")
    for claim_id in sorted(set(before.index) & set(after.index)):
        was, now = before.loc[claim_id], after.loc[claim_id]
        chapter = str(now["chapter"])
        if _rating(was) != _rating(now):
            add(claim_id, chapter, "rating", _rating(was), _rating(now))
        else:
            for answer in ANSWERS:
                if answer in was.index and answer in now.index and str(was[answer]) != str(
                        now[answer]):
                    add(claim_id, chapter, answer, str(was[answer]), str(now[answer]))
        tolerance = float(now.get("tolerance", 0) or 0)
        for value in VALUES:
            if value in was.index and value in now.index and _changed_value(
                    float(was[value]), float(now[value]), tolerance):
                add(claim_id, chapter, value, _fmt(was[value]), _fmt(now[value]))
    return found


def _fmt(value: object) -> str:
    number = float(value)  # type: ignore[arg-type]
    return "—" if math.isnan(number) else f"{number:.4g}"


def corrections(revisions: Iterable[Revision]) -> list[Correction]:
    """Every correction in the history, newest first."""
    found: list[Correction] = []
    previous: Revision | None = None
    for revision in revisions:
        found += compare(previous, revision)
        previous = revision
    return sorted(found, key=lambda c: (c.date, c.commit), reverse=True)


def frame(found: list[Correction]) -> pd.DataFrame:
    return pd.DataFrame([asdict(c) for c in found],
                        columns=list(Correction.__dataclass_fields__))


def history_anchor(claim_id: str) -> str:
    return f"history-{claim_id}"


# How the log names a kind of change (English shows the other kinds by their column name).
CHANGE_NAMES = {"added": N_("claim added"), "removed": N_("claim removed"),
                "rating": N_("rating"), "headline": N_("headline"),
                "faithful": N_("faithful?"), "garble": N_("garble kind"),
                "verdict": N_("holds?"), "evidence_grade": N_("evidence grade"),
                "source_value": N_("source's value"), "computed_value": N_("evidence value")}
ENGLISH_CHANGE_NAMES = {"added": "claim added", "removed": "claim removed"}


def change_name(change: str) -> str:
    if not is_chinese():
        return ENGLISH_CHANGE_NAMES.get(change, change)
    return _(CHANGE_NAMES[change]) if change in CHANGE_NAMES else change


def value_text(change: str, value: str) -> str:
    """An old or new answer as the log shows it: the snapshot's own value in English,
    its display name in Chinese."""
    if not value or not is_chinese():
        return value
    from . import appendix

    try:
        if change in ("added", "removed", "rating", "headline"):
            old_standard = value.endswith(" (verdict)")
            if old_standard:
                # Translators: a rating of the book's earlier single-verdict standard.
                return _("{verdict} (earlier single verdict)").format(
                    verdict=appendix.answer_text(value.removesuffix(" (verdict)")))
            return appendix.headline_label(value)
        if change in ("faithful", "verdict"):
            return appendix.answer_text(value)
        if change == "garble":
            return appendix.garble_label(value)
        if change == "evidence_grade":
            return appendix.grade_label(value)
    except ValueError:  # a value of an older standard that the enums no longer hold
        return value
    return value


def log_html(found: list[Correction], card_prefix: str = "../chapters/") -> str:
    """The log as a table, newest first; a claim's newest entry carries the anchor
    its card and ledger row link to (a claim whose newest entry removed it has no card
    left to link to)."""
    newest: dict[str, str] = {}
    for c in found:
        newest.setdefault(c.claim_id, c.change)
    anchored: set[str] = set()
    entries = []
    for c in found:
        entries.append({
            "claim": c.claim_id, "reason": c.reason, "commit": c.commit,
            "date": period_text(c.date),  # 2026年12月6日 in Chinese
            "anchor": "" if c.claim_id in anchored else history_anchor(c.claim_id),
            "card": "" if newest[c.claim_id] == "removed"
                    else f"{card_prefix}{c.chapter}.html#claim-{c.claim_id}",
            "change": change_name(c.change), "old": value_text(c.change, c.old) or "—",
            "new": value_text(c.change, c.new) or "—"})
        anchored.add(c.claim_id)
    return render(
        "corrections.html", entries=entries, aria=_("Corrections"), date_head=_("Date"),
        head=_("Claim · change · reason · commit"),
        # Translators: a correction: the claim's id (a link), the kind of change, the
        # answer before and after it.
        line=_("{claim} · {change}: {old} → {new}"),
        # The reasons are the commits' own words, in English: the Chinese edition says so.
        # Translators: before a commit message quoted in English in the corrections log
        quoted=_("The commit's words, in English:") if is_chinese() else "",
        # Translators: the corrections log's caption; the commit messages stay in English
        caption=_("Each entry's first line says what changed, from the answers themselves; "
                  "its reason is the message of the commit that changed it, quoted as "
                  "written (in English)."))


def atom(found: list[Correction], base_url: str, page: str, title: str) -> str:
    """An Atom feed (RFC 4287, written by feedgen): one entry per commit that corrected
    the ledger, the book's contributors as the feed's author."""
    from feedgen.feed import FeedGenerator

    by_commit: dict[str, list[Correction]] = {}
    for c in found:
        by_commit.setdefault(c.commit, []).append(c)
    page_url = base_url.rstrip("/") + "/" + page
    feed = FeedGenerator()
    # Translators: the Atom feed's title; {title} is the book's title.
    feed.title(_("{title}: corrections").format(title=title))
    feed.id(page_url)
    # Translators: the author of the corrections feed (RFC 4287 requires one)
    feed.author({"name": _("The claims book contributors")})
    feed.link(href=page_url, rel="alternate")
    feed.link(href=base_url.rstrip("/") + "/" + FEED_FILE, rel="self")
    feed.language("zh-CN" if is_chinese() else "en")
    feed.updated(_when(found[0].date) if found else _when("1970-01-01"))
    # feedgen lists entries newest first when each is added at the front.
    for commit, items in reversed(list(by_commit.items())):
        entry = feed.add_entry()
        subject = items[0].reason if len(items) == 1 else ngettext(
            "{n} correction", "{n} corrections", len(items)).format(n=len(items))
        entry.title(subject[:200])
        entry.id(f"{page_url}#commit-{commit}")
        entry.link(href=f"{page_url}#{history_anchor(items[0].claim_id)}")
        entry.updated(_when(items[0].date))
        entry.content("\n".join(_feed_line(c) for c in items), type="text")
    text: str = feed.atom_str(pretty=False).decode("utf-8")
    return text.replace("<?xml version='1.0' encoding='UTF-8'?>",
                        '<?xml version="1.0" encoding="utf-8"?>', 1) + "\n"


def _feed_line(c: Correction) -> str:
    """One correction in a feed entry's text."""
    if not is_chinese():
        return f"{c.claim_id}: {c.change} {c.old or '—'} → {c.new or '—'}"
    return _("{claim}: {change} {old} → {new}").format(
        claim=c.claim_id, change=change_name(c.change),
        old=value_text(c.change, c.old) or "—", new=value_text(c.change, c.new) or "—")


def _when(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc)
