"""What a reader sees for each answer of the ledger, in the reader's language."""

from __future__ import annotations

from ..i18n import N_, _, is_chinese
from .model import Faithful, Garble, Grade, Headline, Verdict

# What a reader sees for each answer: the English names, marked for the catalog and
# translated where they are shown (:func:`label` and its kin); the CSV and JSON keep
# the enums' values.
GARBLE_LABELS = {
    # Translators: a kind of garbled restatement (glossary: 时期错误)
    Garble.WRONG_PERIOD: N_("wrong period"),
    # Translators: a kind of garbled restatement (glossary: 百分点误作百分比)
    Garble.POINTS_AS_PERCENT: N_("points called per cent"),
    # Translators: a kind of garbled restatement (glossary: 指标错误)
    Garble.WRONG_METRIC: N_("wrong quantity or metric"),
    # Translators: a kind of garbled restatement (glossary: 范围或归属错误)
    Garble.WRONG_SCOPE: N_("wrong scope or attribution"),
    # Translators: a kind of garbled restatement (glossary: 单位错误)
    Garble.WRONG_UNIT: N_("wrong unit or scale"),
    # Translators: a kind of garbled restatement (glossary: 部分属实)
    Garble.PARTLY_TRUE: N_("true for only part of the claim"),
    # Translators: a kind of garbled restatement (glossary: 水平值误作变化)
    Garble.LEVEL_AS_CHANGE: N_("a level reported as a change"),
    # Translators: a kind of garbled restatement (glossary: 抄录错误)
    Garble.TRANSCRIPTION: N_("transcription error"),
}
GRADE_LABELS = {
    # Translators: an evidence grade (glossary: 独立数据)
    Grade.INDEPENDENT_DATA: N_("independent data"),
    # Translators: an evidence grade (glossary: 发布方自己的数据)
    Grade.PRODUCER: N_("producer's own publication"),
    # Translators: an evidence grade (glossary: 独立报告)
    Grade.INDEPENDENT_REPORT: N_("independent report"),
    # Translators: an evidence grade (glossary: 同一说法的转载; 转载 for a relay)
    Grade.RELAY: N_("relay of the same statement"),
    # Translators: an evidence grade (glossary: 验算; never 自行计算, which reads as the
    # book's own computation)
    Grade.ARITHMETIC: N_("arithmetic on the claim's own figures"),
    # Translators: an evidence grade (未获证据: a label beside 无法核实, not a missing value)
    Grade.NONE: N_("no evidence reached"),
}
HEADLINE_LABELS = {
    # Translators: a headline rating (glossary: 成立)
    Headline.HOLDS: N_("Holds"),
    # Translators: a headline rating (glossary: 大致成立)
    Headline.ROUGHLY: N_("Roughly holds"),
    # Translators: a headline rating, also the answer to "faithful?" (glossary: 转述有误)
    Headline.GARBLED: N_("Garbled"),
    # Translators: a headline rating (glossary: 不成立); the verdict of the same name
    # has its own message
    Headline.CONTRADICTED: N_("Contradicted"),
    # Translators: a headline rating: some parts of a sentence or table hold, others
    # fail (glossary: 部分成立)
    Headline.PARTLY: N_("Partly holds"),
    # Translators: a headline rating (glossary: 转述忠实、未获证实)
    Headline.FAITHFUL: N_("Faithful, unconfirmed"),
    # Translators: a headline rating and a verdict (glossary: 无法核实)
    Headline.UNVERIFIABLE: N_("Unverifiable"),
}
VERDICT_LABELS = {
    Verdict.REPRODUCED: N_("Reproduced"),
    Verdict.APPROXIMATELY: N_("Approximately"),
    Verdict.CONTRADICTED: "Contradicted",
    # Translators: the verdict of "does it hold?" for a statement of which some parts
    # hold and some fail (glossary: 部分成立)
    Verdict.PARTLY: N_("Partly reproduced"),
    Verdict.UNVERIFIABLE: N_("Unverifiable"),
}
# The verdict "Contradicted" (相矛盾) and the headline "Contradicted" (不成立) read
# alike in English but not in Chinese: the verdict is looked up under its own message.
_VERDICT_MESSAGES = {
    **VERDICT_LABELS,
    # Translators: the verdict of "does it hold?" when the evidence contradicts the
    # number (glossary: 相矛盾); English shows it as "Contradicted"
    Verdict.CONTRADICTED: N_("Contradicted (verdict)"),
}
FAITHFUL_LABELS = {
    # Translators: the answer to "faithful?" (glossary: 忠实)
    Faithful.FAITHFUL: N_("Faithful"),
    Faithful.GARBLED: N_("Garbled"),
    # Translators: the answer to "faithful?" (glossary: 未找到原始出处)
    Faithful.NOT_REACHED: N_("Source's figure not reached"),
    # Translators: the answer to "faithful?" (glossary: 未注明出处)
    Faithful.NOT_ATTRIBUTED: N_("Not attributed"),
}


def headline_label(value: Headline | str) -> str:
    """A headline rating as the reader sees it (``holds`` -> "Holds" / "成立")."""
    return _(HEADLINE_LABELS[Headline(value)])


def headline_in_sentence(value: Headline | str) -> str:
    """A headline rating mid-sentence ("rate it *holds*" / "评为*成立*")."""
    label = headline_label(value)
    return label[:1].lower() + label[1:]


def verdict_label(value: Verdict | str) -> str:
    """A "does it hold?" verdict as the reader sees it."""
    verdict = Verdict(value)
    if not is_chinese():
        return VERDICT_LABELS[verdict]
    return _(_VERDICT_MESSAGES[verdict])


def faithful_label(value: Faithful | str) -> str:
    """A "faithful?" answer as the reader sees it."""
    return _(FAITHFUL_LABELS[Faithful(value)])


def garble_label(value: Garble | str) -> str:
    """A garble kind as the reader sees it (``wrong-period`` -> "wrong period")."""
    return _(GARBLE_LABELS[Garble(value)])


def grade_label(value: Grade | str) -> str:
    """An evidence grade as the reader sees it."""
    return _(GRADE_LABELS[Grade(value)])


def label(value: Headline | Verdict | Faithful | Garble | Grade) -> str:
    """Any of the ledger's answers as the reader sees it, by its enum (a plain string
    is ambiguous: "contradicted" is a headline and a verdict; use the functions above)."""
    if isinstance(value, Headline):
        return headline_label(value)
    if isinstance(value, Verdict):
        return verdict_label(value)
    if isinstance(value, Faithful):
        return faithful_label(value)
    if isinstance(value, Garble):
        return garble_label(value)
    if isinstance(value, Grade):
        return grade_label(value)
    raise TypeError(f"{value!r} is not an answer of the ledger")


# Grades that can make a number hold; the others can at most show it inconsistent.
