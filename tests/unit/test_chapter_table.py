import numpy as np
import pandas as pd

from claimsbook.core.chapter import header, styled_table as table


def test_headers_read_as_words():
    assert header("early_lag_months") == "Early lag months"
    assert header("q2_2025_lag_months") == "Q2 2025 lag months"
    assert header("training_cost_usd") == "Training cost USD"
    assert header("source_id") == "Source id"


def test_table_formats_cells_for_readers():
    frame = pd.DataFrame({
        "year": [2024.0, np.nan], "value": [1234.5678, 0.30091], "count": [13338, 2],
        "censored": [True, False], "released": pd.to_datetime(["2025-06-30", "2023-01-02"]),
    })
    html = table(frame, labels={"value": "Value (bn yuan)"}).to_html()
    for text in ("2024", "1,235", "0.3009", "13,338", "yes", "no", "2025-06-30",
                 "Value (bn yuan)", "Censored", "—"):
        assert text in html, text
    assert "2,024" not in html and "nan" not in html.lower()
    assert 'class="cb-table"' in html


def test_a_named_index_becomes_a_column_and_a_positional_one_disappears():
    named = table(pd.DataFrame({"v": [1.5]}, index=pd.Index(["eci"], name="metric"))).to_html()
    assert "Metric" in named and "eci" in named
    plain = table(pd.DataFrame({"v": [1.5, 2.5]})).to_html()
    assert ">0<" not in plain and ">1<" not in plain


def test_a_table_renders_the_same_bytes_every_time():
    """pandas gives each Styler a random id; the site must be byte-reproducible."""
    frame = pd.DataFrame({"model": ["a", "b"], "score": [1.5, 2.0]})
    first, second = table(frame).to_html(), table(frame.copy()).to_html()
    assert first == second
    assert table(frame.assign(score=[1.5, 2.5])).to_html() != first


def test_a_chinese_table_writes_numbers_and_dates_the_chinese_way():
    """No thousands separator, amounts in millions in 万/亿 (their header names no scale),
    dates as 2025年3月26日, in cells and in a column named by a date."""
    from claimsbook.core import settings
    from claimsbook.core.i18n import CHINESE

    frame = pd.DataFrame({"model": ["a"], "score": [1431.0], "count": [13338],
                          "listed_sum_m": [152.3], "history_date": ["2025-03-26"],
                          "month": ["2025-06"],
                          "2024-01-09": [1.5]})
    with settings.use(language=CHINESE):
        html = table(frame).to_html()
    for text in (">1431<", ">13338<", ">1.523亿<", ">2025年3月26日<", ">2024年1月9日<",
                 ">2025年6月<"):
        assert text in html, text
    assert "1,431" not in html and "13,338" not in html and "2025-03-26" not in html
