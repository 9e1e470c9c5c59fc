"""The corrections log from a throw-away repository's history of the snapshot."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from claimsbook.site import corrections

OLD = "claim_id,chapter,verdict,computed_value,tolerance\na,01-x,reproduced,5.0,0.5\nb,01-x,unverifiable,,0.5\n"
NEW = ("claim_id,chapter,part_of,headline,faithful,garble,source_value,verdict,evidence_grade,"
       "computed_value,tolerance\n"
       "a,01-x,,holds,not attributed,,,reproduced,independent-data,5.2,0.5\n"
       "c,01-x,,garbled,garbled,wrong-period,3833,unverifiable,none,,0\n")
NEWER = NEW.replace("5.2,0.5", "6.0,0.5").replace("c,01-x,,garbled,garbled,wrong-period",
                                                    "c,01-x,,garbled,garbled,wrong-metric")


def _commit(repo: Path, text: str, message: str, date: str) -> None:
    path = repo / corrections.SNAPSHOT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t",
           "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "commit", "-qm", message], cwd=repo, check=True, env=env)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _commit(tmp_path, OLD, "First ledger", "2026-11-01T10:00:00+00:00")
    _commit(tmp_path, NEW, "Two questions\n\n- c: added, the patents row\n- a moved on new data",
            "2026-11-20T10:00:00+00:00")
    _commit(tmp_path, NEWER, "Re-read the report\n\nc is another metric, not another year",
            "2026-11-25T10:00:00+00:00")
    return tmp_path


def test_every_change_is_dated_and_explained_by_its_commit(repo: Path):
    found = corrections.corrections(corrections.history(repo))
    seen = {(c.date, c.claim_id, c.change, c.old, c.new) for c in found}
    assert ("2026-11-20", "a", "rating", "reproduced (verdict)", "holds") in seen
    assert ("2026-11-20", "b", "removed", "unverifiable (verdict)", "") in seen
    assert ("2026-11-20", "c", "added", "", "garbled") in seen
    assert ("2026-11-25", "c", "garble", "wrong-period", "wrong-metric") in seen
    # 5.0 -> 5.2 is within the tolerance of 0.5 (no entry); 5.2 -> 6.0 is not.
    assert ("2026-11-25", "a", "computed_value", "5.2", "6") in seen
    assert not any(c.change == "computed_value" and c.date == "2026-11-20" for c in found)
    reasons = {(c.date, c.claim_id): c.reason for c in found}
    assert reasons[("2026-11-20", "c")] == "c: added, the patents row"
    assert reasons[("2026-11-20", "a")] == "a moved on new data"
    assert reasons[("2026-11-25", "c")] == "c is another metric, not another year"
    assert [c.date for c in found] == sorted((c.date for c in found), reverse=True)


def test_log_anchors_each_claims_newest_entry_and_feed_is_atom(repo: Path):
    found = corrections.corrections(corrections.history(repo))
    page = corrections.log_html(found)
    assert page.count("id='history-c'") == 1 and page.count("data-claim='c'") == 2
    assert "href='../chapters/01-x.html#claim-a'" in page
    feed = corrections.atom(found, "https://example.org/book", "appendix/corrections.html", "T")
    assert feed.startswith("<?xml") and feed.count("<entry>") == 2
    assert "<updated>2026-11-25T00:00:00+00:00</updated>" in feed
    assert "https://example.org/book/corrections.xml" in feed
    assert atom_problems(feed) == []


ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def atom_problems(feed: str) -> list[str]:
    """What RFC 4287 requires of a feed and its entries (sections 4.1.1, 4.1.2, 4.2.6,
    4.2.14, 4.2.15, 3.3), checked on the XML."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(feed.encode("utf-8"))
    problems = [] if root.tag == f"{ATOM}feed" else ["the root is not atom:feed"]
    entries = root.findall(f"{ATOM}entry")
    for name in ("id", "title", "updated"):
        if len(root.findall(f"{ATOM}{name}")) != 1:
            problems.append(f"feed: exactly one atom:{name} (4.1.1)")
    # 4.1.1: one or more atom:author unless every entry has one.
    if not root.findall(f"{ATOM}author/{ATOM}name") and not all(
            e.findall(f"{ATOM}author/{ATOM}name") for e in entries):
        problems.append("feed: atom:author with atom:name (4.1.1)")
    if not any(link.get("rel") == "self" for link in root.findall(f"{ATOM}link")):
        problems.append("feed: a rel='self' link (4.1.1, SHOULD)")
    for number, entry in enumerate(entries, 1):
        for name in ("id", "title", "updated"):
            if len(entry.findall(f"{ATOM}{name}")) != 1:
                problems.append(f"entry {number}: exactly one atom:{name} (4.1.2)")
        if not entry.findall(f"{ATOM}content") and not any(
                link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")):
            problems.append(f"entry {number}: atom:content or an alternate link (4.1.2)")
    for updated in root.iter(f"{ATOM}updated"):
        if not RFC3339.match(updated.text or ""):
            problems.append(f"atom:updated {updated.text!r} is not an RFC 3339 date (3.3)")
    return problems


def test_the_feed_check_finds_a_missing_author():
    """The check can fail: the hand-written feed this one replaced had no author."""
    feed = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>x</id>'
            "<title>t</title><updated>2026-11-25T00:00:00Z</updated>"
            "<entry><id>e</id><title>t</title><updated>2026-11-25</updated></entry></feed>")
    assert atom_problems(feed) == [
        "feed: atom:author with atom:name (4.1.1)", "feed: a rel='self' link (4.1.1, SHOULD)",
        "entry 1: atom:content or an alternate link (4.1.2)",
        "atom:updated '2026-11-25' is not an RFC 3339 date (3.3)"]


def test_a_shallow_clone_is_refused_with_the_fix(repo: Path, tmp_path_factory):
    shallow = tmp_path_factory.mktemp("shallow") / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True)
    with pytest.raises(corrections.HistoryError, match="fetch-depth: 0"):
        corrections.history(shallow)


def test_a_paragraph_that_explains_several_claims_gives_each_its_own_part():
    message = ("Subject\n\nClaims added: new-a-1: holds: the producer's page. "
               "new-b-2: contradicted: a later release. Claims removed: none.")
    assert corrections.reason_for(message, "new-a-1") == "new-a-1: holds: the producer's page."
    assert corrections.reason_for(message, "new-b-2").startswith("new-b-2: contradicted")
    assert corrections.reason_for(message, "other") == "Subject"


def test_a_removed_claim_links_to_no_card_in_any_of_its_entries():
    C = corrections.Correction
    found = [C("2026-12-06", "b2", "gone", "03-x", "removed", "holds", "", "merged into a"),
             C("2026-11-20", "a1", "gone", "03-x", "verdict", "reproduced", "contradicted", "x"),
             C("2026-11-20", "a1", "kept", "03-x", "verdict", "reproduced", "contradicted", "y")]
    page = corrections.log_html(found)
    assert "#claim-gone" not in page and "href='../chapters/03-x.html#claim-kept'" in page


def test_a_claims_own_bullet_wins_over_one_that_mentions_it():
    message = ("Subject\n\n- part-a: added (a part of the statement sent-x).\n"
               "- sent-x: added (one sentence, one statement).")
    assert corrections.reason_for(message, "sent-x") == "sent-x: added (one sentence, one statement)."
    assert corrections.reason_for(message, "part-a").startswith("part-a: added")
