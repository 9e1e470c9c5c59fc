"""Chart helpers refuse charts a reader could not read or trace."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from claimsbook.core.charts import ChartError, make_figure
from claimsbook.core import settings

DATA = pd.DataFrame({"year": [2023, 2024], "gap": [17.5, 0.3], "country": ["China", "China"]})


def _chart(**encoding):
    base = dict(x=alt.X("year:O", title="Year"), y=alt.Y("gap:Q", title="Gap (percentage points)"),
                tooltip=["year", "gap"])
    base.update(encoding)
    return alt.Chart(DATA).mark_line().encode(**{k: v for k, v in base.items() if v is not None})


def _figure(chart, tmp_path, monkeypatch, **kw):
    monkeypatch.setenv("CLAIMSBOOK_CHART_DATA_DIR", str(tmp_path))
    settings.refresh()  # the settings are read once; re-read them
    args = dict(chapter="99-test", chart_id="gap", title="The gap closed", source="AI Index 2025",
                description="Gap fell from 17.5 to 0.3 points.", data=DATA)
    args.update(kw)
    return make_figure(chart, **args)


def test_figure_has_title_source_csv_and_accessible_text(tmp_path, monkeypatch):
    figure = _figure(_chart(), tmp_path, monkeypatch)
    html = figure._repr_html_()
    assert figure.spec["title"] == {"text": "The gap closed", "subtitle": "Source: AI Index 2025"}
    assert 'role="img"' in html and "Gap fell from 17.5 to 0.3 points." in html
    assert 'href="../chart-data/99-test/gap.csv"' in html
    assert (tmp_path / "99-test" / "gap.csv").read_text().startswith("year,gap,country")
    assert "<script src" not in html  # the spec is data; the site's own script draws it


def test_axis_without_title_is_refused(tmp_path, monkeypatch):
    with pytest.raises(ChartError, match="'y' axis of field 'gap' has no title"):
        _figure(_chart(y=alt.Y("gap:Q")), tmp_path, monkeypatch)


def test_chart_without_tooltip_is_refused(tmp_path, monkeypatch):
    with pytest.raises(ChartError, match="no tooltip"):
        _figure(_chart(tooltip=None), tmp_path, monkeypatch)


@pytest.mark.parametrize("field", ["title", "source", "description"])
def test_empty_text_is_refused(field, tmp_path, monkeypatch):
    with pytest.raises(ChartError, match=f"non-empty {field}"):
        _figure(_chart(), tmp_path, monkeypatch, **{field: " "})


def test_bad_chart_id_is_refused(tmp_path, monkeypatch):
    with pytest.raises(ChartError, match="chart_id 'Gap 1'"):
        _figure(_chart(), tmp_path, monkeypatch, chart_id="Gap 1")


def test_layered_chart_checks_every_layer(tmp_path, monkeypatch):
    points = alt.Chart(DATA).mark_point().encode(x=alt.X("year:O", title="Year"), y="gap:Q")
    with pytest.raises(ChartError, match="'y' axis"):
        _figure(_chart() + points, tmp_path, monkeypatch)


def test_single_view_fills_the_column_and_a_set_width_is_kept(tmp_path, monkeypatch):
    fluid = _figure(_chart(), tmp_path, monkeypatch)
    assert fluid.spec["width"] == "container"
    assert fluid.spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    fixed = _figure(_chart().properties(width=300), tmp_path, monkeypatch)
    assert fixed.spec["width"] == 300 and "autosize" not in fixed.spec
    both = _figure(alt.hconcat(_chart(), _chart()), tmp_path, monkeypatch)
    assert "width" not in both.spec


def test_long_title_and_source_are_broken_into_lines(tmp_path, monkeypatch):
    title = "At elasticity 0.1, ten per cent more second-hand GMV goes with 488 bn yuan more retail sales"
    figure = _figure(_chart(), tmp_path, monkeypatch, title=title, source="S " * 80)
    lines = figure.spec["title"]["text"]
    assert isinstance(lines, list) and len(lines) == 2 and " ".join(lines) == title
    assert all(len(line) <= 70 for line in lines)
    assert isinstance(figure.spec["title"]["subtitle"], list)
    assert f'aria-label="{title}.' in figure._repr_html_()
