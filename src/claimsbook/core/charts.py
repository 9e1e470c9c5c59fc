"""Charts that state their finding, cite their source and link their data.

Every chart of the book goes through :func:`make_figure`, which refuses a chart
without a title, source, description, axis titles (with units) or tooltips,
writes the data behind it as CSV, and renders an accessible ``<figure>`` that
the book's own script (``_static/claimsbook.js``) draws with the Vega libraries
served from the site itself: no page loads a third-party script.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import altair as alt
import pandas as pd

from . import settings
from .i18n import _, data_text, is_chinese
from .numbers import CJK
from .paths import chart_data_dir

CHART_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
POSITION_CHANNELS = ("x", "y", "x2", "y2", "theta", "radius")
# Charts made of several views keep their own widths.
COMPOUND = ("hconcat", "vconcat", "concat", "facet", "repeat")
FONT = "Noto Sans, Helvetica Neue, Arial, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"

# One colour per country or group, the same in every chapter.
PALETTE = {
    "United States": "#1f5fa8",
    "China": "#c8102e",
    "Europe": "#f2a900",
    "Other": "#7f7f7f",
    "Open weights": "#2a9d8f",
    "Proprietary": "#6c4f9e",
}
WIDTH = 640
HEIGHT = 320
# Vega does not wrap titles; beyond about this many characters a title would be
# cut at the edge of the text column, so it is broken into lines.
TITLE_CHARS = 70
SUBTITLE_CHARS = 105


class ChartError(ValueError):
    """A chart misses something every chart of the book must have."""


# Number and time formats of the Chinese edition's charts (d3-format / d3-time-format
# locales, as Vega reads them from the config): months as 1月 … 12月, dates as 2025年4月1日,
# and no thousands separator (9758亿元, not 9,758; STYLE.md rule 4), whatever the format says.
ZH_LOCALE = {
    "number": {"decimal": ".", "thousands": "", "grouping": [3], "currency": ["¥", ""]},
    "time": {
        "dateTime": "%Y年%-m月%-d日 %A %X", "date": "%Y年%-m月%-d日", "time": "%H:%M:%S",
        "periods": ["上午", "下午"],
        "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": [f"{m}月" for m in range(1, 13)],
        "shortMonths": [f"{m}月" for m in range(1, 13)],
    },
}


@alt.theme.register("claimsbook", enable=True)
def theme() -> alt.theme.ThemeConfig:
    """The book's chart style (read each time a chart is written, so that the Chinese
    edition's charts get Chinese month names)."""
    config = _theme_config()
    if is_chinese():
        config["config"]["locale"] = ZH_LOCALE
    return cast(alt.theme.ThemeConfig, config)


def _theme_config() -> dict[str, Any]:
    return (
        {
            "config": {
                "font": FONT,
                "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
                "title": {
                    "anchor": "start",
                    "fontSize": 15,
                    "subtitleFontSize": 11,
                    "subtitleColor": "#555555",
                    "offset": 12,
                },
                "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6"},
                "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom"},
                "range": {"category": list(PALETTE.values())},
            }
        }
    )


# Chinese text has no spaces to break at: in the Chinese edition a line is cut where it
# reaches the width, a CJK character counting as two Latin ones, never inside a Latin
# word or number and never before closing punctuation.
_TOKEN = re.compile(r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+")
_NO_LINE_START = "，。；：、）》」』”’！？,.;:)"


def _wrap_cjk(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKEN.findall(text):
        size = sum(2 if CJK.match(ch) else 1 for ch in token)
        if line and used + size > width and not token.isspace() and token[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
        if not line and token.isspace():
            continue
        line += token
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines or [text]


def _lines(text: str, width: int) -> str | list[str]:
    # The English edition wraps at spaces, whatever Chinese names its titles quote.
    if is_chinese():
        lines = _wrap_cjk(text, width)
    else:
        lines = textwrap.wrap(text, width, break_long_words=False)
    return lines[0] if len(lines) == 1 else lines


def tooltip(field: str | alt.Tooltip, title: str, date_format: str = "",
            **kwargs: Any) -> alt.Tooltip:
    """A tooltip field titled in the reader's language (``title`` is marked with ``N_``
    where it is written); in Chinese a date shows in ``date_format`` (2024年4月)."""
    tip = alt.Tooltip(field, **kwargs) if isinstance(field, str) else field.copy()
    tip["title"] = _(title)
    if date_format and is_chinese():
        tip["format"] = date_format
    return tip


def country_scale(domain: list[str] | None = None) -> alt.Scale:
    """The colour scale that keeps each country's colour fixed across charts (a
    country's name may be given in the reader's language)."""
    domain = domain or list(PALETTE)
    translated = {data_text(name): colour for name, colour in PALETTE.items()}
    return alt.Scale(domain=domain,
                     range=[PALETTE.get(d) or translated.get(d, "#7f7f7f") for d in domain])


def what_if_label(name: str, page_value: object) -> str:
    """The name of a what-if menu (a Vega-Lite parameter bound to a select), with the
    value this page was computed with: "Metric (this page: ECI) ". ``name`` comes in the
    reader's language already."""
    # Translators: a chart's what-if menu: {name} is what the menu sets, {value} the
    # value this page was computed with; keep the closing space
    return _("{name} (this page: {value}) ").format(name=name, value=page_value)


def _views(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(key, []):
            yield from _views(child)
    if "spec" in spec:
        yield from _views(spec["spec"])


def check_spec(spec: dict[str, Any]) -> None:
    """Every positional field needs a title (with its unit); some layer needs tooltips."""
    has_tooltip = False
    for view in _views(spec):
        encoding = view.get("encoding", {})
        has_tooltip = has_tooltip or "tooltip" in encoding
        for channel in POSITION_CHANNELS:
            definition = encoding.get(channel)
            if not isinstance(definition, dict) or "field" not in definition:
                continue
            axis = definition.get("axis") or {}
            if not (definition.get("title") or axis.get("title")):
                raise ChartError(
                    f"the {channel!r} axis of field {definition['field']!r} has no title; "
                    "give it one that names the unit, e.g. 'Score gap (percentage points)'"
                )
    if not has_tooltip:
        raise ChartError("the chart has no tooltip encoding; readers hover to read values")


# The static drawing's width: the desktop text column; CSS scales it to the reader's.
STATIC_WIDTH = 640
# Set to "0" by runs that publish no page (papermill parameter sets): no static drawing.
STATIC_CHARTS = settings.STATIC_CHARTS_ENV
_SVG_SIZE = re.compile(r'^(<svg\b[^>]*?)\s(width|height)="[^"]*"')


def _has_bindings(spec: dict[str, Any]) -> bool:
    return any("bind" in param for view in _views(spec) for param in view.get("params", []))


def static_svg(spec: dict[str, Any]) -> str:
    """The chart drawn at build time (vl-convert, no browser): shown at once and to
    readers without JavaScript, replaced by the interactive drawing when the reader
    reaches or touches the chart, so that no chart costs the page's first load."""
    import vl_convert

    fixed = dict(spec)
    if fixed.get("width") == "container":
        fixed["width"] = STATIC_WIDTH
    svg = str(vl_convert.vegalite_to_svg(fixed))
    # Sized by CSS to the column, with its own aspect ratio from the viewBox.
    for _ in range(2):
        svg = _SVG_SIZE.sub(r"\1", svg, count=1)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


@dataclass(frozen=True)
class Figure:
    """A chart ready for the page: the Vega-Lite spec plus caption, source and CSV,
    and its static drawing."""

    chart_id: str
    spec: dict[str, Any]
    description: str
    source: str
    csv_href: str
    svg: str = ""

    def _repr_html_(self) -> str:
        spec_json = json.dumps(self.spec, ensure_ascii=False).replace("</", "<\\/")
        esc = html.escape
        title = self.spec.get("title", {}).get("text", "")
        title = " ".join(title) if isinstance(title, list) else title
        # Translators: what assistive technology reads for a chart: its title, then its
        # description (both already in the reader's language)
        aria = _("{title}. {description}").format(title=title, description=self.description)
        # Translators: shown where a chart cannot be drawn
        fallback = _("The chart needs JavaScript; its data is in the CSV below.")
        # Translators: under a chart: {source} names where its data come from
        source = _("Source: {source}").format(source=self.source)
        # Translators: the link to a chart's data, under the chart
        csv_link = _("Data behind this chart (CSV)")
        return (
            f'<figure class="cb-chart" id="fig-{self.chart_id}" data-chart-id="{self.chart_id}">'
            f'<div class="cb-chart-view" role="img" aria-label="{esc(aria)}">'
            + (f'<div class="cb-chart-static">{self.svg}</div>' if self.svg else
               f'<p class="cb-chart-fallback">{esc(fallback, quote=False)}</p>')
            + "</div>"
            # What-if menus (Vega-Lite parameters) go beside the drawing, not inside
            # its role="img", so that assistive technology reaches them.
            + ('<div class="cb-chart-controls"></div>' if _has_bindings(self.spec) else "")
            + f'<script type="application/json" class="cb-chart-spec">{spec_json}</script>'
            f'<figcaption><p class="cb-chart-desc">{esc(self.description)}</p>'
            f'<p class="cb-chart-meta">{esc(source)} · '
            f'<a class="cb-chart-csv" href="{esc(self.csv_href)}" download>{esc(csv_link)}</a>'
            "</p></figcaption></figure>"
        )


def make_figure(
    chart: alt.TopLevelMixin,
    *,
    chapter: str,
    chart_id: str,
    title: str,
    source: str,
    description: str,
    data: pd.DataFrame,
) -> Figure:
    """Title the chart with its finding, attach the source line, check its axes and
    tooltips, and write ``data`` as the CSV that the figure links to."""
    if not CHART_ID.match(chart_id):
        raise ChartError(f"chart_id {chart_id!r} must be lower-case letters, digits and hyphens")
    for name, value in (("title", title), ("source", source), ("description", description)):
        if not value or not value.strip():
            raise ChartError(f"chart {chart_id!r} needs a non-empty {name}")
    if data.empty:
        raise ChartError(f"chart {chart_id!r}: the data behind it is empty")
    titled = chart.properties(
        title=alt.Title(_lines(title, TITLE_CHARS),
                        subtitle=_lines(_("Source: {source}").format(source=source),
                                        SUBTITLE_CHARS)),
        description=description,
    )
    spec = titled.to_dict()
    check_spec(spec)
    if "width" not in spec and not any(k in spec for k in COMPOUND):
        # Fill the text column, whatever the reader's screen, axes and legend included.
        spec.update(width="container", autosize={"type": "fit-x", "contains": "padding"})
    folder = chart_data_dir() / chapter
    folder.mkdir(parents=True, exist_ok=True)
    data.to_csv(folder / f"{chart_id}.csv", index=False)
    # Chapter pages live one folder down (chapters/); the site publishes chart-data/.
    href = f"../chart-data/{chapter}/{chart_id}.csv"
    drawn = static_svg(spec) if settings.static_charts() else ""
    return Figure(chart_id, spec, description, source, href, drawn)
