"""Every number of an English message stands in its Chinese translation: a catalog that
turned 1423 into 142 (a .po line cut short) publishes a wrong number in one edition only.

The Chinese may write a number its own way, and the comparison allows for it: 6145亿 for
614.5 billion, 30多万 for 300,000, 1.5亿 for 150 million, 第四 for 4th, 2025年4月 for April
2025; numbers inside links, code and placeholders are left out (they are not translated).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "locales" / "zh_CN" / "LC_MESSAGES").rglob("*.po"))
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Not translated: placeholders, code, link targets and addresses.
URL_CHARS = r"[A-Za-z0-9_./%#?=&+:~-]"
MASKED = re.compile(rf"\{{[^}}]*\}}|`[^`]*`|\]\([^)]*\)|https?://{URL_CHARS}+"
                    rf"|[A-Za-z0-9.-]+\.(?:com|cn|org|net|io|pm|ai|gov)(?:/{URL_CHARS}*)?")
EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3,
             "m": 1e6, "bn": 1e9}
ZH_SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10}


def english_numbers(text: str) -> list[tuple[str, set[float]]]:
    text = MASKED.sub(" ", text)
    scales = {EN_SCALES[w] for w in re.findall(r"\b(thousand|million|billion|trillion)\b", text)}
    found = []
    # A number, with a scale letter (10k, 100m) or an ordinal's ending (4th); not the
    # digits of a name (100ec).
    for match in re.finditer(rf"(?<![\w.])({NUMBER})(?:(k|m|bn)|st|nd|rd|th)?(?!\w)(?!\.\d)",
                             text):
        value = float(match.group(1).replace(",", ""))
        unit = match.group(2)
        candidates = {value, *(value * scale for scale in scales)}
        if unit:
            candidates.add(value * EN_SCALES[unit])
        found.append((match.group(0), candidates))
    return found


def chinese_numbers(text: str) -> set[float]:
    text = MASKED.sub(" ", text)
    found: set[float] = set()
    for match in re.finditer(rf"({NUMBER})\s*多?(万亿|亿|万|千)?", text):
        value = float(match.group(1).replace(",", ""))
        found |= {value, value * ZH_SCALES[match.group(2)] if match.group(2) else value}
    for word, scale in ZH_SCALES.items():  # 万月活跃用户: ten thousand, no digit
        if word in text:
            found.add(scale)
    found |= {float(v) for k, v in ZH_DIGITS.items() if k in text}
    for tens, ones in re.findall(r"([一二三四五六七八九])?十([一二三四五六七八九])?", text):
        found.add(float(ZH_DIGITS.get(tens, 1) * 10 + ZH_DIGITS.get(ones, 0)))  # 双十一
    return found


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def missing_numbers(english: str, chinese: str) -> list[str]:
    have = chinese_numbers(chinese)
    return [token for token, candidates in english_numbers(english)
            if not any(_same(a, b) for a in candidates for b in have)]


def test_the_check_catches_a_cut_number_and_allows_chinese_ways():
    assert missing_numbers("an Arena score of 1423", "Arena 分数为142") == ["1423"]
    assert missing_numbers("614.5 billion yuan", "6145亿元") == []
    assert missing_numbers("150 million users", "1.5亿用户") == []
    assert missing_numbers("more than 300,000 shops", "30多万家门店") == []
    assert missing_numbers("the 4th census", "第四次普查") == []
    assert missing_numbers("Double 11", "双十一") == []
    assert missing_numbers("see [p. 97](https://x.org/a-2024.pdf)", "见[第97页](https://x.org/a-2024.pdf)") == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_every_number_of_the_english_stands_in_the_translation(path):
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="zh_CN")
    found = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        chinese = message.string if isinstance(message.string, str) else message.string[0]
        if chinese.startswith("整句"):
            continue  # the outlet's own sentence, verbatim (tests/data/test_rules.py)
        missing = missing_numbers(english, chinese)
        if missing:
            found.append(f"{missing} of {english[:60]!r} not in {chinese[:60]!r}")
    assert not found, f"{path.name}: {len(found)} message(s):\n" + "\n".join(found[:10])
