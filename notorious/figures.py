"""Put a chart on the page with everything a reader gets under it.

``FigureBook(doc).show(chart, ...)`` returns a figure that renders as: the chart (drawn offline by the
site's own Vega scripts), a numbered caption with the takeaway, a source note linking the sources of
exactly the rows shown, a CSV download of those rows, a collapsible data table as text alternative, and
a static SVG and PNG written to ``figures/`` for readers without JavaScript and for print.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass

import altair as alt
import pandas as pd
import vl_convert as vlc

from . import theme
from .downloads import spreadsheet_safe
from .pages import APPENDIX, chapter_number, site_root
from .paths import FIGURES_DIR

MAX_INLINE_SOURCES = 6


def chart_html(spec: dict, label: str, fallback_src: str | None = None) -> str:
    """The chart's container and its spec, with an id derived from the spec so outputs are reproducible.

    No script is inline: the site's charts.js draws every container once the Vega bundle has loaded.
    """
    spec_json = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    chart_id = "nt-" + hashlib.sha256(spec_json.encode()).hexdigest()[:16]
    # In a script element only "</script" ends it, but "<!--" can change how the parser looks for that end:
    # no "<", ">" or "&" of the data may stand in the page literally. JSON.parse reads the escapes back.
    safe_json = spec_json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    fallback = ""
    if fallback_src:
        fallback = f'<noscript><img src="{fallback_src}" alt="{html.escape(label)}" width="100%"></noscript>'
    return (
        f'<div class="nt-chart" id="{chart_id}" role="img" aria-label="{html.escape(label)}">{fallback}</div>\n'
        f'<script type="application/json" class="nt-spec" data-for="{chart_id}">{safe_json}</script>'
    )


COMPOSITE = ("hconcat", "vconcat", "concat", "facet", "repeat")


def _svg_width(spec: dict) -> float:
    svg = vlc.vegalite_to_svg(spec, vl_version="6.4")
    return float(re.search(r'<svg[^>]*\bwidth="([0-9.]+)"', svg).group(1))


def panel_fit(spec: dict) -> int:
    """For stacked panels (vconcat), how much wider the drawn chart is than its widest panel: axes, labels,
    padding. Vega-Lite cannot stretch panels to a container, so charts.js sets their width from this."""
    widest = max(panel.get("width", 0) for panel in spec["vconcat"])
    return int(round(_svg_width(spec) - widest))


def page_spec(chart: alt.TopLevelMixin) -> dict:
    """The spec for the web page: single views stretch to the container; stacked panels are narrowed to it
    by charts.js (``usermeta.fitPanels``), so every chart fits a phone without shrinking its text."""
    spec = chart.to_dict()
    if "vconcat" in spec:
        spec["usermeta"] = {"fitPanels": {"overhead": panel_fit(spec)}}
    elif not any(k in spec for k in COMPOSITE):
        spec["width"] = "container"
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def static_spec(chart: alt.TopLevelMixin) -> dict:
    """The spec of the SVG and PNG in figures/: single views at the static width; stacked panels as narrow as
    a phone's column, so the image readers without JavaScript get on a phone is drawn at its own size."""
    spec = chart.to_dict()
    if "vconcat" in spec:
        width = theme.PHONE_WIDTH - panel_fit(spec)
        for panel in spec["vconcat"]:
            if "width" in panel:
                panel["width"] = min(panel["width"], width)
    elif spec.get("width") in (None, "container") and not any(k in spec for k in COMPOSITE):
        spec["width"] = theme.STATIC_WIDTH
    return spec


def quotes_note(data: pd.DataFrame, label) -> str:
    """The words of each source for the rows shown, folded (print unfolds them), escaped.

    ``label(source_id)`` gives the source's link. Rows without a quote (their note says why) add nothing.
    """
    rows = data.dropna(subset=["quote"])
    rows = rows[rows["quote"].astype("string").str.len() > 0]
    if rows.empty:
        return ""
    translations = rows["quote_en"] if "quote_en" in rows.columns else pd.Series("", index=rows.index)
    items = []
    for source_id, group in rows.assign(quote_en=translations.fillna("")).groupby("source_id", sort=True):
        said = []
        for quote, translated in dict.fromkeys(zip(group["quote"], group["quote_en"], strict=True)):
            english = f' <span class="nt-quote-en">(In English: {html.escape(translated)})</span>' if translated else ""
            said.append(f"<q>{html.escape(quote)}</q>{english}")
        items.append(f"<li>{label(source_id)}: {' '.join(said)}</li>")
    count = len(items)
    noun = "source" if count == 1 else "sources"
    return (
        f'<details class="nt-quotes"><summary>What the {noun} say ({count})</summary>'
        f"<ul>{''.join(items)}</ul></details>"
    )


def readable_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Strings for a reader: dates as YYYY-MM-DD, missing values as empty cells (never 'nan' or 0)."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
    return shown.astype("string").fillna("")


def offline_renderer(spec: dict, **_: object) -> dict:
    """Altair renderer for a chart shown on its own: same offline container, no CDN, stable id."""
    return {"text/html": chart_html(spec, "Chart"), "text/plain": "<chart>"}


alt.renderers.register("notorious", offline_renderer)
alt.renderers.enable("notorious")


@dataclass(frozen=True)
class Html:
    """A notebook output shown as HTML on the site, with a plain-text fallback."""

    html: str
    text: str

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/html": self.html, "text/plain": self.text}


@dataclass(frozen=True)
class Figure(Html):
    number: str = ""


class FigureBook:
    """Numbers the figures of one page and writes their files; one per notebook."""

    def __init__(self, doc: str, sources: pd.DataFrame):
        self.doc = doc
        self.prefix = chapter_number(doc)
        self.sources = sources.set_index("source_id")
        self.count = 0
        self.root = site_root(doc)

    def show(
        self,
        chart: alt.TopLevelMixin,
        *,
        name: str,
        title: str,
        takeaway: str,
        data: pd.DataFrame,
        alt_text: str,
        table: pd.DataFrame | None = None,
    ) -> Figure:
        """Render ``chart`` with caption, sources, download and text alternative.

        ``data`` are exactly the rows the chart shows; each needs a ``source_id``. ``table`` is the
        readable version offered as the text alternative (defaults to ``data``).
        """
        for column in ("source_id", "quote"):
            if column not in data.columns:
                raise ValueError(
                    f"figure {name!r}: the data shown needs a {column} column (the rows as they are "
                    "in data/, with their source's words)"
                )
        missing = sorted(set(data["source_id"].dropna()) - set(self.sources.index))
        if missing or data["source_id"].isna().any():
            raise ValueError(f"figure {name!r}: rows without a known source: {missing or 'empty source_id'}")
        self.count += 1
        number = f"{self.prefix}.{self.count}" if self.prefix else str(self.count)
        self._write_files(chart, name, data)
        figures = posixpath.join(self.root, "figures")
        body = chart_html(page_spec(chart), alt_text, fallback_src=f"{figures}/{name}.svg")
        # Print shows the static image: a chart not yet scrolled to has not been drawn. Hidden and lazy on screen,
        # so it costs a reader nothing until they print.
        body += (
            f'\n<img class="nt-print-image" src="{figures}/{name}.svg" alt="{html.escape(alt_text)}" loading="lazy">'
        )
        caption = (
            f'<figcaption><p><span class="nt-fignum">Figure {number}.</span> '
            f"<strong>{html.escape(title)}</strong> {html.escape(takeaway)}</p>"
            f'<div class="nt-sources">{self._source_note(data)}{quotes_note(data, self._source_label)} '
            f'<p><a href="{figures}/{name}.csv" download>Download the data (CSV)</a> · '
            f'<a href="{figures}/{name}.svg">Static image (SVG)</a></p></div></figcaption>'
        )
        readable = readable_frame(table if table is not None else data)
        details = (
            f'<details class="nt-table"><summary>Figure {number} as a table</summary>'
            f"{readable.to_html(index=False, border=0, escape=True)}</details>"
        )
        markup = f'<figure class="nt-figure" id="fig-{name}">\n{body}\n{caption}\n{details}\n</figure>'
        return Figure(markup, f"Figure {number}. {title} {takeaway}", number)

    def _source_note(self, data: pd.DataFrame) -> str:
        """Sources inline when few; folded behind a count when many, so the caption stays readable."""
        links = self._source_links(data)
        count = data["source_id"].nunique()
        if count <= MAX_INLINE_SOURCES:
            return f"<p>Sources: {links}.</p>"
        return f'<details class="nt-source-list"><summary>Sources: {count} documents</summary>{links}.</details>'

    def _source_label(self, source_id: str) -> str:
        """A link to the source's entry in the appendix, labelled with its publisher and date (escaped)."""
        row = self.sources.loc[source_id]
        label = html.escape(
            f"{row['publisher']} ({row['published']})" if pd.notna(row["published"]) else str(row["publisher"])
        )
        href = html.escape(f"{self.root}/{APPENDIX}.html#source-{source_id}")
        return f'<a href="{href}" title="{html.escape(str(row["title"]))}">{label}</a>'

    def _source_links(self, data: pd.DataFrame) -> str:
        return "; ".join(self._source_label(source_id) for source_id in sorted(data["source_id"].unique()))

    def _write_files(self, chart: alt.TopLevelMixin, name: str, data: pd.DataFrame) -> None:
        FIGURES_DIR.mkdir(exist_ok=True)
        spreadsheet_safe(data).to_csv(FIGURES_DIR / f"{name}.csv", index=False, lineterminator="\n")
        spec = static_spec(chart)
        svg = vlc.vegalite_to_svg(spec, vl_version="6.4")
        (FIGURES_DIR / f"{name}.svg").write_text(svg, encoding="utf-8")
        (FIGURES_DIR / f"{name}.png").write_bytes(vlc.vegalite_to_png(spec, vl_version="6.4", scale=2))
