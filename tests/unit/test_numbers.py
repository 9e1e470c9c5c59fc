"""Chinese amounts: 万, 亿 and 万亿, never a thousands separator (core.numbers)."""

from __future__ import annotations

import pytest

from claimsbook.core import settings
from claimsbook.core.i18n import CHINESE
from claimsbook.core.numbers import fmt_amount, fmt_prose, fmt_range_zh, fmt_scaled_zh


@pytest.mark.parametrize(("amount", "text"), [
    (150e6, "1.5亿"),             # 150 million
    (1305e6, "13.05亿"),          # no 1,305百万
    (614.5e9, "6145亿"),          # no 614.5十亿, no 6,145亿
    (1e8, "1亿"),                 # exactly one 亿
    (99_995_000, "1亿"),          # rounds up into the next scale word, not 10000万
    (99_990_000, "9999万"),
    (2.5e12, "2.5万亿"),
    (1e15, "1000万亿"),           # no 1,000万亿
    (12_345, "1.234万"),
    (9_999, "9999"),              # below 1万: the number itself
    (0.5, "0.5"),
    (0, "0"),
    (-1.5e8, "-1.5亿"),           # negative
])
def test_an_amount_takes_the_chinese_scale_word(amount, text):
    assert fmt_scaled_zh(amount) == text


def test_a_missing_amount_says_so():
    assert fmt_scaled_zh(float("nan")) == "无"


def test_a_range_gives_each_end_its_own_scale_word():
    assert fmt_range_zh(8e7, 1.2e8) == "8000万至1.2亿"


def test_prose_formats_a_value_given_in_millions_or_billions():
    assert fmt_prose(150, "zh-million") == "1.5亿"
    assert fmt_prose(614.5, "zh-billion") == "6145亿"
    assert fmt_prose(10755, "zh-hundred-million.3") == "1.08万亿"  # given in 亿
    assert fmt_prose(1.402, ".1f") == "1.4"  # any other spec is Python's
    assert fmt_prose(140740, "zh-units") == "14.074万"  # a count keeps every digit, in 万
    assert fmt_prose(150000, "zh-units") == "15万"
    assert fmt_prose(3833, "zh-units") == "3833"
    with pytest.raises(ValueError, match="formats a number"):
        fmt_prose("DeepSeek-R1", "zh-million")


def test_cards_give_a_bound_amount_in_the_same_scale():
    with settings.use(language=CHINESE):
        assert fmt_amount(2523, "100 million yuan") == "2523亿元"
        assert fmt_amount(3.2, "trillion yuan") == "3.2万亿元"


def test_a_card_value_without_a_scale_in_its_unit_is_still_written_in_wan():
    """122,500 patents read 12.25万 in Chinese; an Arena score 1429, not 1,429."""
    with settings.use(language=CHINESE):
        assert fmt_amount(122500, "patents").startswith("12.25万")
        assert fmt_amount(1429, "Arena score").startswith("1429")


def test_prose_can_ask_for_fewer_digits_where_the_english_rounds():
    """The English's 'roughly 4.5 million' is 约450万 in Chinese, not 约454.3万."""
    assert fmt_prose(4.543, "zh-million.2") == "450万"
    assert fmt_prose(4.543, "zh-million") == "454.3万"
    assert fmt_prose(14.072, "zh-million") == "1407万"  # an amount in millions, rounded


def test_a_period_reads_as_chinese_dates_do():
    from claimsbook.core.numbers import period_text
    with settings.use(language=CHINESE):
        assert period_text("2023") == "2023年"  # a bare year takes 年
        assert period_text("2023/2024") == "2023年至2024年"
        assert period_text("2024-01/2025-02") == "2024年1月至2025年2月"
        assert period_text("2024-03-27/2025-02-14") == "2024年3月27日至2025年2月14日"
        assert period_text("2025-06") == "2025年6月"
        assert period_text("2025-06-30") == "2025年6月30日"
    assert period_text("2023") == "2023"


def test_a_point_of_a_calendar_or_series_is_written_as_one():
    assert fmt_amount(8, "day of April 2025") == "8 April 2025"
    assert fmt_amount(5, "month of 2025") == "May 2025"
    assert fmt_amount(6, "TPU generation") == "6th TPU generation"
    with settings.use(language=CHINESE):
        assert fmt_amount(8, "day of April 2025") == "2025年4月8日"
        assert fmt_amount(5, "month of 2025") == "2025年5月"
        assert fmt_amount(6, "TPU generation") == "第六代TPU"
    with pytest.raises(ValueError, match="31 is not a day of April 2025"):
        fmt_amount(31, "day of April 2025")
    with pytest.raises(ValueError, match="13 is not a month of 2025"):
        fmt_amount(13, "month of 2025")


def test_a_difference_of_two_points_is_in_days_months_or_generations():
    from claimsbook.core.numbers import gap_unit

    assert gap_unit("day of April 2025") == "days" and gap_unit("month of 2025") == "months"
    assert gap_unit("TPU generation") == "generations" and gap_unit("users") == "users"


def test_a_lag_in_months_is_shown_to_a_tenth():
    assert fmt_amount(6.407, "months") == "6.4 months"
    assert fmt_amount(0.7556, "months") == "0.8 months"  # STYLE.md rule 6: a tenth
    assert fmt_amount(0.04, "months") == "0.04 months"  # not 0.0
    with settings.use(language=CHINESE):
        assert fmt_amount(17.05, "months") == "17.1个月"


def test_a_signed_difference_says_its_direction_in_words_in_chinese():
    """STYLE.md rule 7: 比上一年减少37个模型, not 为-37个模型（与上一年相比的变化）."""
    from claimsbook.core.ledger.model import stated_amount
    from claimsbook.core.numbers import gap_unit

    change = "models (change from the year before)"
    with settings.use(language=CHINESE):
        assert fmt_amount(-37, change) == "比上一年减少37个模型"
        assert fmt_amount(12, change) == "比上一年增加12个模型"
        assert fmt_amount(-7.471, "percentage points (change in the gap)") == "差距缩小7.471个百分点"
        assert fmt_amount(-25, "models (China less United States)") == "中国比美国少25个模型"
        assert fmt_amount(0, change) == "0个模型（与上一年相比的变化）"  # no direction to say
        assert stated_amount("<", 0, change) == "比上一年减少"  # a fall, of any size
        assert stated_amount(">", 0, "models (United States less China)") == "美国比中国多"
        assert stated_amount(">", 5, change) == "超过5个模型（与上一年相比的变化）"
        assert fmt_amount(-30, "percent (growth)") == "下降30%"  # 不到0% was the bound's form
        assert stated_amount(">", 0, "index points (lead)") == "领先"
        assert stated_amount(">", 0, "percent (change in growth)") == "增速加快"
    assert fmt_amount(-37, change) == "-37 models (change from the year before)"
    assert gap_unit(change) == "models"  # how far a value misses has no direction
