"""Put a chart on the page with everything a reader gets under it.

``FigureBook(sources).show(chart, ...)`` returns a figure that renders as: the chart (drawn offline by the
site's own Vega scripts), a numbered caption with the takeaway, a source note linking the sources of
exactly the rows shown, a CSV download of those rows, a collapsible data table as text alternative, and
a static SVG and PNG written to ``figures/`` for readers without JavaScript and for print.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import re
import textwrap
from dataclasses import dataclass

import altair as alt
import pandas as pd
import vl_convert as vlc

from ..charts import theme
from ..charts.keys import key_problems
from ..edition.identity import edition
from ..pages import DOC_VARIABLE, SOURCES, chapter_number, running_doc, site_root
from ..paths import figures_dir
from ..site.metadata import short_form
from . import citing, style
from .downloads import spreadsheet_safe

# figures/ in the repository, or the build's own folder while `make book` executes the notebooks (paths.py).
FIGURES_DIR = figures_dir()
MAX_INLINE_SOURCES = 6
CARD_ALT = 420  # the most characters of a card image's text alternative that Twitter/X reads
# Exported images: characters a title or source line holds before it wraps, and publishers named by name.
EXPORT_LINE = 80
EXPORT_PUBLISHERS = 4
# figures/<name>.html, the page another site embeds. Scripts and styles are the site's own files; the build adds
# the site's Content-Security-Policy. Its card (Open Graph, read by chat apps and social sites; Twitter reads the same
# tags) shows the figure's title, its takeaway and its stamped PNG, at absolute addresses.
STANDALONE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<link rel="canonical" href="{public}">
<meta name="description" content="{description}">
<meta property="og:title" content="{heading}">
<meta property="og:type" content="website">
<meta property="og:url" content="{own}">
<meta property="og:site_name" content="{book}">
<meta property="og:description" content="{description}">
<meta property="og:image" content="{image}">
<meta property="og:image:alt" content="{alt}">
<meta name="twitter:card" content="summary_large_image">
<link rel="icon" href="../_static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="../_static/charts.css">
<link rel="stylesheet" href="../_static/standalone.css">
<script defer src="../_static/mode.js"></script>
<script defer src="../_static/charts.js"></script>
</head>
<body class="nt-standalone" data-nt-on-demand>
<main>
<h1 class="nt-visually-hidden">{heading}</h1>
{figure}
<p class="nt-standalone-from">From <a href="{back}" target="_top">{book}</a>, licensed {licence}.</p>
</main>
</body>
</html>
"""


# What an embedded figure's page adds under the chart at 640 px: its caption, source line, downloads and credit
# (the tallest measured is about 410 px). At other widths the page tells the frame its height (charts.js).
EMBED_CAPTION = 420


def embed_code(src: str, title: str, height: int) -> str:
    """The iframe another site pastes, and the few lines that let the figure's page set the frame's height (from
    the book's own origin only)."""
    origin = "/".join(src.split("/")[:3])
    path = "/" + "/".join(src.split("/")[3:])
    listen = (
        "<script>addEventListener('message',function(e){var d=e.data;"
        f"if(e.origin==={json.dumps(origin)}&&d&&d.notoriousFigure==={json.dumps(path)})"
        "document.querySelectorAll('iframe[src=\"'+e.origin+d.notoriousFigure+'\"]')"
        ".forEach(function(f){f.height=d.height})})</script>"
    )
    frame = (
        f'<iframe src="{src}" title="{html.escape(title)}" width="100%" height="{height}" style="border:0" '
        'loading="lazy"></iframe>'
    )
    return frame + "\n" + listen


def embed_height(name: str) -> int:
    """The height an embed of the figure's own page needs: its chart as drawn in figures/, plus its caption.
    A figure with no drawing yet (its first build) gets a tall frame rather than a clipped one."""
    size = svg_size(FIGURES_DIR / f"{name}.svg")
    return (size[1] if size else 600) + EMBED_CAPTION


def anchor_of(name: str) -> str:
    """A figure's id on its page, the target of its permalink."""
    return f"fig-{name}"


def svg_size(path) -> tuple[int, int] | None:
    """An SVG's drawn width and height, so the page reserves its space before it loads (no layout shift)."""
    if not path.exists():
        return None
    head = path.read_text(encoding="utf-8")[:600]
    match = re.search(r'<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"', head)
    return (round(float(match.group(1))), round(float(match.group(2)))) if match else None


def _dimensions(size: tuple[int, int] | None) -> str:
    return f' width="{size[0]}" height="{size[1]}"' if size else ""


def chart_html(
    spec: dict,
    label: str,
    fallback_src: str | None = None,
    phone_src: str | None = None,
    static: bool = False,
    sizes: tuple = (None, None),
) -> str:
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
        # A phone without JavaScript gets the image drawn at its own width, so its text is not shrunk.
        size, phone_size = sizes
        phone = f'<source media="(max-width: 40em)" srcset="{phone_src}"{_dimensions(phone_size)}>' if phone_src else ""
        image = (
            f'<picture class="nt-static">{phone}<img src="{fallback_src}" alt="{html.escape(label)}"'
            f"{_dimensions(size)}></picture>"
        )
        # ``static``: the image is the chart until the reader asks for the live one (a figure's own page).
        fallback = image if static else f"<noscript>{image}</noscript>"
    return (
        f'<div class="nt-chart" id="{chart_id}" role="img" aria-label="{html.escape(label)}">{fallback}</div>\n'
        f'<script type="application/json" class="nt-spec" data-for="{chart_id}">{safe_json}</script>'
    )


COMPOSITE = ("hconcat", "vconcat", "concat", "facet", "repeat")
VEGA_LITE = "6.4"  # the version Altair writes and the site's bundle draws (site.assets.VEGA_LITE)


def single_view(spec: dict) -> bool:
    return not any(k in spec for k in COMPOSITE)


def render_svg(spec: dict) -> str:
    return vlc.vegalite_to_svg(spec, vl_version=VEGA_LITE)


def _svg_width(spec: dict) -> float:
    svg = render_svg(spec)
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
    elif single_view(spec):
        spec["width"] = "container"
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def phone_spec(chart: alt.TopLevelMixin) -> dict:
    """A single view drawn as wide as a phone's column, for readers on a phone without JavaScript."""
    spec = chart.to_dict()
    spec["width"] = theme.PHONE_WIDTH
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
    elif spec.get("width") in (None, "container") and single_view(spec):
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
    """Strings for a reader in the house style (notorious.publish.style): dates as '21 December 2016', amounts as
    'US$461,000', missing values as empty cells (never 'nan' or 0). A source's words and ids stay as they are."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = [style.date(d, precision="day") if pd.notna(d) else None for d in shown[column]]
    shown = shown.astype("string").fillna("")
    return style.restyle_frame(shown)


# A reader's name for a data column, where the data's own is not plain words; any other underscore is a space.
HEADERS = {"source_id": "source", "report_id": "report", "claim_id": "claim", "amount_usd": "amount (US$)"}


def plain(column: str) -> str:
    """A column's header as a reader reads it: 'report_id' is 'report', 'ruling_or_outcome' 'ruling or outcome'."""
    return HEADERS.get(column, column.replace("_", " "))


def escaped(text: object) -> str:
    """Text for HTML, double quotes included (pandas' own escaping leaves them as they are, and every attribute the
    site writes is double-quoted)."""
    return html.escape(str(text), quote=False).replace('"', "&quot;")


def html_table(shown: pd.DataFrame, caption: str, css: str | None = None) -> str:
    """Every table the site shows: ``shown`` (cells already HTML, escaped by the caller) with the reader's headers
    and a caption, in the box that scrolls a wide table (charts.css)."""
    body = shown.rename(columns=lambda c: escaped(plain(str(c)))).to_html(
        index=False, border=0, escape=False, classes=css
    )
    body = body.replace(">", f"><caption>{escaped(caption)}</caption>", 1) if caption else body
    return f'<div class="nt-table-wrap">{body}</div>'


def _escaped_table(frame: pd.DataFrame, caption: str = "") -> str:
    """A frame of strings as an HTML table, every cell and heading escaped; a source's own words (a title) marked as
    such (style.VERBATIM), so that the house style's test leaves them as they are."""
    return html_table(style.mark_verbatim(frame, frame.map(escaped)), caption)


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


EVIDENCE = ("source_id", "quote", "quote_en")


def sourced(shown: pd.DataFrame, table: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    """The rows a figure shows, each with the source and the words of the data row it comes from.

    ``table`` is the data table the rows were drawn from (``ds.listings``, ``ds.events`` ...), ``on`` its key: the
    figure attaches the evidence, so the analysis need not carry quotes through every step. A row shown that
    matches no row of the table has no source, and the figure refuses it.
    """
    evidence = table[[*on, *(c for c in EVIDENCE if c in table.columns)]]
    rows = shown.drop(columns=[c for c in EVIDENCE if c in shown.columns])
    return rows.merge(evidence, on=on, how="left", validate="many_to_one")


@dataclass(frozen=True)
class Figure:
    """A whole figure as its chart module makes it, before a page numbers and captions it.

    ``chart`` is the Altair chart; ``rows`` are exactly the rows it shows, each with its ``source_id`` and ``quote``
    (and ``quote_en``); ``table`` is the readable table offered as its text alternative, with plain headers;
    ``alt_text`` describes the chart in words; ``key`` says what its colours, shapes and positions mean, written
    beside the encoding and checked against the chart's spec (``charts.keys``): a key that names a mark the chart
    does not draw, or leaves an encoded channel unexplained, stops the build.
    """

    name: str
    chart: alt.TopLevelMixin
    rows: pd.DataFrame
    table: pd.DataFrame
    alt_text: str
    key: str

    def __post_init__(self) -> None:
        for column in ("source_id", "quote"):
            if column not in self.rows.columns:
                raise ValueError(
                    f"figure {self.name!r}: the rows shown need a {column} column (the rows as they are in data/, "
                    "with their source's words)"
                )
        unsourced = self.rows["source_id"].isna() | self.rows["source_id"].astype("string").str.strip().eq("")
        if unsourced.any():
            raise ValueError(f"figure {self.name!r}: rows without a source: lines {list(unsourced[unsourced].index)}")
        problems = key_problems(self.key, self.chart.to_dict())
        if problems:
            raise ValueError(f"figure {self.name!r}: its key does not match its chart: " + "; ".join(problems))


@dataclass(frozen=True)
class Shown(Html):
    """A figure as a page shows it: its HTML, its plain-text fallback and its number."""

    number: str = ""


class FigureBook:
    """Numbers the figures of one page and writes their files; one per notebook.

    The page is the one the notebook runs as (its runner says which, see ``pages.DOC_VARIABLE``); ``doc`` names it
    where no runner does, and must agree with the runner's where one does.
    """

    def __init__(self, sources: pd.DataFrame, doc: str | None = None):
        announced = os.environ.get(DOC_VARIABLE)
        if doc is None:
            doc = running_doc()
        elif announced and announced != doc:
            raise ValueError(
                f"FigureBook was told it is {doc!r}, but this notebook runs as {announced!r}: its figures would be "
                f"numbered as another page's; drop the doc argument"
            )
        self.doc = doc
        self.prefix = chapter_number(doc)
        self.sources = sources.set_index("source_id")
        self.count = 0
        self.root = site_root(doc)

    def show(self, figure: Figure, *, title: str, subtitle: str = "", takeaway: str = "") -> Shown:
        """Number ``figure`` and render it with its caption (title, subtitle, takeaway, key), sources, downloads and
        table.

        The page gives the title (the finding, computed from the data where it is a claim), the subtitle (the
        descriptive line set under it: what the chart shows) and the takeaway, the claim it makes of the figure
        (and asserts); the figure brings the rest.
        """
        name, data = figure.name, figure.rows
        missing = sorted(set(data["source_id"]) - set(self.sources.index))
        if missing:
            raise ValueError(f"figure {name!r}: rows without a known source: {missing}")
        self.count += 1
        number = f"{self.prefix}.{self.count}" if self.prefix else str(self.count)
        key = style.restyle(figure.key)  # a chart module's key, in the house style ("July 2014", not "Jul 2014")
        self._write_files(figure.chart, name, data, number=number, title=title, subtitle=subtitle, note=key)
        spec = page_spec(figure.chart)
        caption = " ".join(part for part in (takeaway, key) if part)
        shown = {
            "name": name,
            "number": number,
            "title": title,
            "subtitle": subtitle,
            "takeaway": caption,
            "data": data,
            "alt_text": figure.alt_text,
            "table": figure.table,
        }
        described = " ".join(part for part in (subtitle, caption) if part)
        self._write_standalone(
            self._markup(spec, root="..", standalone=True, **shown), name, number, title, described, figure.alt_text
        )
        markup = self._markup(spec, root=self.root, **shown)
        return Shown(markup, f"Figure {number}. {title} {described}", number)

    def _markup(
        self, spec, *, name, number, title, subtitle, takeaway, data, alt_text, table, root, standalone=False
    ) -> str:
        """The figure as a page shows it (``spec`` from page_spec); ``root`` is the path from that page to the
        site root; ``standalone`` for the figure's own page."""
        figures = posixpath.join(root, "figures")
        anchor = anchor_of(name)
        phone = f"{figures}/{name}-phone.svg" if single_view(spec) else None
        sizes = (svg_size(FIGURES_DIR / f"{name}.svg"), svg_size(FIGURES_DIR / f"{name}-phone.svg") if phone else None)
        body = chart_html(
            spec,
            alt_text,
            fallback_src=f"{figures}/{name}.svg",
            phone_src=phone,
            static=standalone,
            sizes=sizes,
        )
        if standalone:
            body += '\n<button type="button" class="nt-draw" data-nt-draw hidden>Explore the values</button>'
        # Print shows the static image: a chart not yet scrolled to has not been drawn. Hidden and lazy on screen,
        # so it costs a reader nothing until they print.
        body += (
            f'\n<img class="nt-print-image" src="{figures}/{name}.svg" alt="{html.escape(alt_text)}" loading="lazy">'
        )
        # The number is the figure's permalink: a reader copies it to point at this figure.
        permalink = f"{self.page_url}#{anchor}" if standalone else f"#{anchor}"
        sources = self._source_note(data, root)
        quotes = quotes_note(data, lambda source_id: self._source_label(source_id, root))
        # The subtitle, the descriptive line, starts a line of its own directly under the title.
        under = f'<br><span class="nt-subtitle">{html.escape(subtitle)}</span>' if subtitle else ""
        caption = (
            f'<figcaption><p><a class="nt-fignum" href="{html.escape(permalink)}" title="Link to this figure">'
            f"Figure {number}.</a> <strong>{html.escape(title)}</strong>{under} {html.escape(takeaway)}</p>"
            f'<div class="nt-sources">{sources}{quotes} '
            f'<p class="nt-downloads"><a href="{figures}/{name}.csv" download>Data (CSV)</a> · '
            f'<a href="{figures}/export/{name}.png" download>Image for slides (PNG)</a> · '
            f'<a href="{figures}/export/{name}.svg" download>Vector image (SVG)</a></p>'
            f"{self._reuse_note(name, number, title, figures)}</div></figcaption>"
        )
        readable = readable_frame(table if table is not None else data)
        details = (
            f'<details class="nt-table"><summary>Figure {number} as a table</summary>'
            f"{_escaped_table(readable, f'The data of Figure {number}: {title}')}</details>"
        )
        return f'<figure class="nt-figure" id="{anchor}">\n{body}\n{caption}\n{details}\n</figure>'

    @property
    def page_url(self) -> str:
        return edition().page_url(self.doc)

    def _reuse_note(self, name: str, number: str, title: str, figures: str) -> str:
        """How to cite the figure and put it on another site (an iframe of its standalone page)."""
        book = edition()
        cite = book.figure_citation(number, title, self.doc, anchor_of(name), deferred=True)
        embed = embed_code(f"{book.url}figures/{name}.html", f"Figure {number}: {title}", embed_height(name))
        return (
            '<details class="nt-reuse"><summary>Cite, embed or reuse this figure</summary>'
            f"<p><strong>Cite this figure:</strong> <span data-nt-copy>{html.escape(cite)}</span></p>"
            f'<p><strong>Embed it</strong> (the figure on its own page, <a href="{figures}/{name}.html">'
            "open it</a>):</p>"
            f'<pre class="nt-embed"><code>{html.escape(embed)}</code></pre>'
            f"<p>Licence: {html.escape(book.licence_name)}; credit {html.escape(book.title)}.</p></details>"
        )

    def _source_note(self, data: pd.DataFrame, root: str) -> str:
        """Sources inline when few; folded behind a count when many, so the caption stays readable."""
        links = "; ".join(self._source_label(source_id, root) for source_id in sorted(data["source_id"].unique()))
        count = data["source_id"].nunique()
        if count <= MAX_INLINE_SOURCES:
            return f"<p>Sources: {links}.</p>"
        return f'<details class="nt-source-list"><summary>Sources: {count} documents</summary>{links}.</details>'

    def _source_label(self, source_id: str, root: str) -> str:
        """A link to the source's entry in the appendix, labelled with its publisher and date (escaped)."""
        row = self.sources.loc[source_id]
        label = html.escape(citing.label(row))
        href = html.escape(f"{root}/{SOURCES}.html#source-{source_id}")
        return f'<a href="{href}" title="{html.escape(str(row["title"]))}">{label}</a>'

    def _source_line(self, data: pd.DataFrame) -> str:
        """The sources in one line for an exported image: their publishers, the first few by name."""
        publishers = sorted(set(self.sources.loc[sorted(data["source_id"].unique()), "publisher"].astype(str)))
        shown = ", ".join(publishers[:EXPORT_PUBLISHERS])
        more = len(publishers) - EXPORT_PUBLISHERS
        return f"Sources: {shown}" + (f" and {more} more (listed at the address below)" if more > 0 else "")

    def _write_files(
        self,
        chart: alt.TopLevelMixin,
        name: str,
        data: pd.DataFrame,
        *,
        number: str,
        title: str,
        subtitle: str = "",
        note: str = "",
    ) -> None:
        """The rows (CSV), the plain SVG the page shows without JavaScript and in print, and the exports: SVG and
        PNG (2x, for slides) stamped with the figure's number, title, how to read it (its key), sources, licence and
        address, so a slide carries what the caption says about its marks; the subtitle is the first line under the
        title."""
        (FIGURES_DIR / "export").mkdir(parents=True, exist_ok=True)
        spreadsheet_safe(data).to_csv(FIGURES_DIR / f"{name}.csv", index=False, lineterminator="\n")
        spec = static_spec(chart)
        (FIGURES_DIR / f"{name}.svg").write_text(render_svg(spec), encoding="utf-8")
        if single_view(spec):
            (FIGURES_DIR / f"{name}-phone.svg").write_text(render_svg(phone_spec(chart)), encoding="utf-8")
        book = edition()
        heading = textwrap.wrap(f"Figure {number}. {title}", EXPORT_LINE)
        footer = [
            *textwrap.wrap(subtitle, EXPORT_LINE),  # directly under the title, as on the page
            *textwrap.wrap(f"How to read it: {note}" if note else "", EXPORT_LINE),
            *textwrap.wrap(self._source_line(data), EXPORT_LINE),
            f"{book.title}, version {book.version} · {book.licence_name}",
            book.page_url(self.doc, anchor_of(name)),
        ]
        stamped = {
            **spec,
            "title": {
                "text": heading,
                "subtitle": footer,
                "anchor": "start",
                "orient": "top",
                "fontSize": 15,
                "subtitleFontSize": 11,
                "subtitleColor": "#444",
                "offset": 12,
            },
        }
        (FIGURES_DIR / "export" / f"{name}.svg").write_text(render_svg(stamped), encoding="utf-8")
        (FIGURES_DIR / "export" / f"{name}.png").write_bytes(
            vlc.vegalite_to_png(stamped, vl_version=VEGA_LITE, scale=2)
        )

    def _write_standalone(self, markup: str, name: str, number: str, title: str, takeaway: str, alt_text: str) -> None:
        """figures/<name>.html: the figure alone, for embedding, drawn by the site's own scripts (no CDN).

        The site build gives it the same Content-Security-Policy as every page."""
        book = edition()
        page = STANDALONE.format(
            title=html.escape(f"Figure {number}: {title} | {book.title}"),
            heading=html.escape(f"Figure {number}: {title}"),
            figure=book.stamp(markup),
            book=html.escape(book.title),
            back=html.escape(f"../{self.doc}.html#{anchor_of(name)}"),
            public=html.escape(book.page_url(self.doc, anchor_of(name))),
            licence=html.escape(book.licence_name),
            own=html.escape(f"{book.url}figures/{name}.html"),
            description=html.escape(" ".join(takeaway.split())),
            image=html.escape(f"{book.url}figures/export/{name}.png"),
            alt=html.escape(short_form(alt_text, CARD_ALT)),
        )
        (FIGURES_DIR / f"{name}.html").write_text(page, encoding="utf-8")
