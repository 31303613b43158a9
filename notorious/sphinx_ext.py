"""Sphinx extension that makes the book work with the network cut off.

- serves Vega, Vega-Lite and Vega-Embed from the site's own ``_static`` (the bundle that ships with
  vl-convert, which matches Altair's Vega-Lite version); only pages with a chart load ``charts.js``, which
  fetches the bundle when a chart nears the screen;
- keeps pages light for phones: every script deferred, unused stylesheets dropped, the icon font cut down
  to the icons the pages use;
- copies ``figures/`` (static images and the CSV behind each chart) into the built site;
- publishes every table under ``data/`` and the whole dataset as one archive,
  ``downloads/notorious-again-data.zip`` (the data package).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
import shutil
import textwrap
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import vl_convert as vlc
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import citing, gaps, metadata
from .dataset import DataError, files_digest, load, record_read
from .dates import when
from .downloads import ARCHIVE, write_data, write_data_package
from .edition import CHANGELOG_PAGE, CITE_ANCHOR, PDF, edition, updated
from .pages import APPENDIX, DOC_VARIABLE, FIGURE_NUMBER, GAPS, documents, figure_number_problems, site_root
from .paths import DATA_DIR, figures_dir
from .policy import PolicyError, with_policy

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
BUNDLE = "notorious/vega-bundle.js"
VEGA_LITE = "6.4"


def bundle_source() -> str:
    # The bundle declares top-level names that clash with the theme's scripts, so it runs in its own
    # function scope; it publishes vegaEmbed, vega and vegaLite on window itself.
    return "(function () {\n" + vlc.javascript_bundle(vl_version=VEGA_LITE) + "\n})();\n"


ICON_FONTS = tuple(
    f"_static/vendor/fontawesome/webfonts/fa-{name}.woff2" for name in ("solid-900", "brands-400", "regular-400")
)
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"


def used_icon_codepoints(outdir: Path) -> set[int]:
    """The Font Awesome glyphs the built pages use: their fa-* classes, mapped through the theme's CSS."""
    css = (outdir / THEME_CSS).read_text(encoding="utf-8")
    glyphs: dict[str, int] = {}
    for selectors, code in re.findall(r"((?:\.fa-[a-z0-9-]+:before,?)+)\{content:\"\\([0-9a-f]+)\"\}", css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            glyphs[name] = int(code, 16)
    # Admonition titles and a few controls draw their icon from CSS variables, not classes: keep those glyphs too.
    used = {ord(char) for char in re.findall(r'--pst-icon-[a-z-]+:"(.)"', css)}
    for page in outdir.rglob("*.html"):
        for classes in re.findall(r'class="([^"]*\bfa[-a-z]*[^"]*)"', page.read_text(encoding="utf-8")):
            used |= {glyphs[c] for c in classes.split() if c in glyphs}
    return used


def subset_icon_font(outdir: Path) -> None:
    """Replace the icon fonts (150 KB solid, 118 KB brands) with ones holding only the glyphs the pages use."""
    fonts = [outdir / font for font in ICON_FONTS if (outdir / font).exists()]
    if not fonts:
        return  # another theme (the tests' small builds)
    codepoints = sorted(used_icon_codepoints(outdir))
    for font in fonts:
        _subset_font(font, codepoints)


def _subset_font(font_path: Path, codepoints: list[int]) -> None:
    from fontTools import subset

    # Sphinx copies the theme's full font back on every build; the stamp records the subset we wrote, so an
    # unchanged build skips the work.
    stamp = font_path.with_suffix(".subset")
    signature = ",".join(map(str, codepoints)) + " " + hashlib.sha256(font_path.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == signature:
        return
    options = subset.Options(flavor="woff2", layout_features=[], notdef_outline=True)
    font = subset.load_font(str(font_path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, str(font_path), options)
    stamp.write_text(",".join(map(str, codepoints)) + " " + hashlib.sha256(font_path.read_bytes()).hexdigest())


def _add_templates(app: Sphinx, config) -> None:
    # Must happen at config-inited: the builder reads templates_path when it is created.
    config.templates_path.insert(0, str(TEMPLATES))


def _add_edition(app: Sphinx, config) -> None:
    """The edition line of every page's footer (templates/extra-footer.html). It is part of the configuration,
    so a new version or date makes Sphinx write every page again."""
    book, day = edition(), updated()
    config.html_context = {
        **config.html_context,
        "nt_edition": {
            "title": book.title,
            "version": book.version,
            "updated": when(day),
            "updated_iso": day.isoformat(),
            "pdf": PDF,
            "root": documents()[0],
            "cite_anchor": CITE_ANCHOR,
            "changelog": CHANGELOG_PAGE,
            "issues": book.issues_url,
        },
    }


class InvalidData(SphinxError):
    category = "Data error"


def _check_data(app: Sphinx) -> None:
    """Bad data stops the build before any page is read or executed, with the loader's message and nothing after
    it (the {src} role, the downloads and every notebook read data/ too, and would each fail their own way).
    `make book` has checked these very files already (it says so with their digest), and checks at its end that
    nothing read other bytes."""
    checked = os.environ.get(CHECKED_VARIABLE)
    if checked and checked == files_digest(DATA_DIR):
        return
    try:
        load(DATA_DIR)
    except DataError as error:
        raise InvalidData(str(error)) from None


def _add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def _drop_thebe_scripts(app: Sphinx) -> None:
    """Jupyter Book always loads sphinx-thebe, though this book launches no live kernels.

    Its inline script (which names a CDN) is added once per read pass, so pages carry it twice and the
    browser throws "THEBE_JS_URL has already been declared" on every page. We drop its page scripts.
    """
    for event in ("env-before-read-docs", "doctree-resolved"):
        listeners = app.events.listeners.get(event, [])
        listeners[:] = [entry for entry in listeners if not entry.handler.__module__.startswith("sphinx_thebe")]


def _stamp_edition(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """The edition's year and version where a notebook's recorded output left their tokens (edition.stamp)."""
    if "body" in context:
        context["body"] = edition().stamp(context["body"])


def _scripts_for_charts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "nt-spec" in context.get("body", ""):
        app.add_js_file("charts.js", loading_method="defer")
    # A filterable table is complete without scripts; filter.js only adds its controls.
    if "nt-filterable" in context.get("body", ""):
        app.add_js_file("filter.js", loading_method="defer")


# No page uses sphinx-design's components or thebe's live cells; their assets only cost readers bytes.
UNUSED_ASSETS = ("sphinx-thebe.css", "sphinx-design.min.css", "design-tabs.js")
# Inline scripts in the page head write to DOCUMENTATION_OPTIONS, so its small file must run first.
MUST_RUN_FIRST = ("documentation_options.js",)


def _lighten_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Defer every script file, so none blocks the first paint, and drop assets no page uses."""
    context["css_files"] = [c for c in context.get("css_files", []) if not str(c.filename).endswith(UNUSED_ASSETS)]
    scripts = []
    for js in context.get("script_files", []):
        if str(js.filename).endswith(UNUSED_ASSETS):
            continue
        attributes = dict(js.attributes)
        first = str(js.filename).split("?")[0].endswith(MUST_RUN_FIRST)
        if js.filename and not first and "body" not in attributes and "async" not in attributes:
            attributes["defer"] = "defer"
        scripts.append(type(js)(js.filename, priority=js.priority, **attributes))
    context["script_files"] = scripts


def _offer_pdf_edition(app, pagename, templatename, context, doctree) -> None:
    """The header's download menu offers the whole book as its PDF edition, beside the theme's print of the page
    (the theme fills the menu at priority 501)."""
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            for button in group["buttons"]:
                if button.get("label") == "download-pdf-button":
                    button["text"] = "Print this page"
            group["buttons"].append(
                {
                    "type": "link",
                    "url": context["pathto"](PDF, 1),
                    "text": "The whole book (PDF)",
                    "tooltip": "Download the PDF edition of the whole book",
                    "icon": "fas fa-book",
                    "label": "download-book-pdf-button",
                }
            )


# The theme's two buttons with inline handlers; static/actions.js does the same from a file.
HANDLERS = {
    'onclick="window.print()"': 'data-nt-action="print"',
    'onclick="toggleFullScreen()"': 'data-nt-action="fullscreen"',
}
# The search page loads these without defer, before the deferred doctools.js that defines what they call.
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")
# Set by `make preview` (notorious/preview.py): its pages may also run the preview's reload snippet.
PREVIEW_VARIABLE = "NOTORIOUS_PREVIEW"
# Set by `make book` (notorious/buildstate.py): the pages, comma-separated, to read again although their sources did
# not change, because data they read did.
STALE_VARIABLE = "NOTORIOUS_STALE"
# Set by `make book`: the digest of the data/ it has just checked (dataset.files_digest).
CHECKED_VARIABLE = "NOTORIOUS_DATA_CHECKED"


def harden(page: str, *, preview: bool = False) -> str:
    """A built page under the strict policy: inline handlers moved to a file, search scripts in order, the
    policy as the first element of <head> so that it governs everything after it (notorious/policy.py), put
    there on every build whatever the page holds. PolicyError for a page that would run an unknown script or
    carries a second policy."""
    for handler, data in HANDLERS.items():
        page = page.replace(handler, data)
    for script in SEARCH_SCRIPTS:
        page = re.sub(rf'<script src="([./]*{re.escape(script)})">', r'<script defer src="\1">', page)
    return with_policy(page, preview=preview)


def write_root_page(outdir: Path, root_doc: str) -> None:
    """The site's root address serves the first page itself, not a redirect to it: a reader landing on the
    root waits for one page, not two. Its canonical address is the page's own."""
    page = (outdir / f"{root_doc}.html").read_text(encoding="utf-8")
    canonical = f'<link rel="canonical" href="{html.escape(root_doc)}.html">'
    root = page.replace("</head>", f"    {canonical}\n</head>", 1)
    index = outdir / "index.html"
    if not index.exists() or index.read_text(encoding="utf-8") != root:
        index.write_text(root, encoding="utf-8")


def harden_pages(outdir: Path, *, preview: bool = False) -> list[str]:
    """Harden every page of the site; the problems of the pages that cannot be, each as 'page: what'."""
    problems = []
    # _static/ holds the theme's template fragments (webpack-macros.html), not pages.
    for path in sorted(p for p in outdir.rglob("*.html") if p.relative_to(outdir).parts[0] != "_static"):
        text = path.read_text(encoding="utf-8")
        try:
            hardened = harden(text, preview=preview)
        except PolicyError as error:
            problems.append(f"{path.relative_to(outdir).as_posix()}: {error}")
            continue
        if hardened != text:
            path.write_text(hardened, encoding="utf-8")
    return problems


def _write_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    bundle = Path(app.outdir) / "_static" / BUNDLE
    stamp = bundle.with_suffix(".version")
    version = f"vl-convert {vlc.__version__} vega-lite {VEGA_LITE}"
    if not bundle.exists() or not stamp.exists() or stamp.read_text() != version:
        bundle.parent.mkdir(parents=True, exist_ok=True)
        bundle.write_text(bundle_source(), encoding="utf-8")
        stamp.write_text(version)
    figures = figures_dir()
    if figures.is_dir():
        shutil.copytree(figures, Path(app.outdir) / "figures", dirs_exist_ok=True)
    write_data(Path(app.outdir) / "data")
    write_data_package(Path(app.outdir) / ARCHIVE)
    subset_icon_font(Path(app.outdir))
    if (Path(app.outdir) / f"{documents()[0]}.html").exists():
        write_root_page(Path(app.outdir), documents()[0])
    write_machine_files(Path(app.outdir))
    # A page the policy cannot govern is a warning, which fails the strict build.
    for problem in harden_pages(Path(app.outdir), preview=bool(os.environ.get(PREVIEW_VARIABLE))):
        logger.warning(problem)


# --- What machines read: JSON-LD, social cards, the sitemap (notorious.metadata builds the content) ---------------

CARD = "_static/notorious/card.png"
CARD_SIZE = (1200, 630)
DATA_PAGES = (APPENDIX, "chapters/data-dictionary")
BRIEF_TITLES = ("In brief", "The answer in brief")


def _add_addresses(app: Sphinx, config) -> None:
    """The site's address, for social cards and the sitemap, from CITATION.cff (never typed in _config.yml)."""
    book = edition()
    config.ogp_site_url = book.url
    config.site_url = book.url
    config.ogp_image = CARD
    config.ogp_site_name = book.title


def brief_of(doctree: nodes.document) -> str:
    """What a card says about a page: its answer box or In brief, else its first paragraph; one line of text."""
    for box in doctree.findall(nodes.admonition):
        title = box.next_node(nodes.title)
        if "nt-answer" in box["classes"] or (title is not None and title.astext().strip() in BRIEF_TITLES):
            text = " ".join(p.astext() for p in box.findall(nodes.paragraph))
            return " ".join(text.split())
    for paragraph in doctree.findall(nodes.paragraph):
        if not any(isinstance(a, (nodes.Admonition, nodes.topic)) for a in _ancestors(paragraph)):
            return " ".join(paragraph.astext().split())
    return ""


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


@cache
def _claim_reviews() -> dict:
    from .dataset import load

    ds = load()
    return metadata.claims_document(metadata.claim_reviews(ds.claims, ds.sources, edition(), updated()))


@cache
def _dataset() -> dict:
    import yaml

    from .dataset import load, read_schema
    from .edition import CITATION

    ds = load()
    schema = read_schema()
    tables = {name: getattr(ds, name) for name in ("reviews", "events", "metrics", "lobbying")}
    keywords = list(yaml.safe_load(CITATION.read_text(encoding="utf-8")).get("keywords", []))
    return metadata.dataset(schema, edition(), updated(), metadata.temporal_coverage(tables), keywords)


def _page_metadata(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Runs before sphinxext-opengraph: gives it the page's own description (escaped here, since it escapes only
    quotes) and the card's size and text alternative; adds the page's JSON-LD blocks to its <head>."""
    if doctree is None or app.builder.format != "html":
        return
    description = html.escape(brief_of(doctree), quote=False)
    book = edition()
    context["meta"] = {
        **(context.get("meta") or {}),
        "og:description": description,
        "og:image:alt": html.escape(f"{book.title}: the question this book answers", quote=False),
        "og:image:width": str(CARD_SIZE[0]),
        "og:image:height": str(CARD_SIZE[1]),
    }
    tags = [f'<meta name="description" content="{html.escape(brief_of(doctree))}">']
    if pagename == metadata.CLAIMS_PAGE:
        tags.append(metadata.script_block(_claim_reviews()))
        tags.append(f'<link rel="alternate" type="application/ld+json" href="{metadata.CLAIMS_JSONLD}">')
    if pagename in DATA_PAGES:
        tags.append(metadata.script_block(_dataset()))
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def figure_pages(outdir: Path) -> list[str]:
    """The figures' own pages (figures/<name>.html), written by the package, not by Sphinx."""
    return sorted(f"figures/{p.name}" for p in (outdir / "figures").glob("*.html"))


def _complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """sphinx-sitemap lists only the pages written in this build (an unchanged page is not rewritten, so an
    incremental build would drop it) and not the figures' own pages. Before it writes sitemap.xml, every page a reader
    can land on goes in, once, in reading order: the book's pages, then the figure pages."""
    if exception is not None or app.builder.format != "html":
        return
    links = getattr(app.env.app, "sitemap_links", None)
    if links is None:
        return
    seen = []
    while not links.empty():
        seen.append(links.get_nowait()[0])
    wanted = [f"{doc}.html" for doc in documents()] + figure_pages(Path(app.outdir))
    for link in wanted + sorted(set(seen) - set(wanted)):
        if not any(fnmatch(link, pattern) for pattern in app.config.sitemap_excludes):
            links.put((link, None))


def card_svg(title: str, question: str, address: str) -> str:
    """The card other sites show for a page: the book's title and its question, and the address."""
    lines = textwrap.wrap(question, 46)[:6]
    text = "".join(
        f'<text x="80" y="{220 + 54 * i}" font-size="38" fill="#1a1a1a">{html.escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    width, height = CARD_SIZE
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
        f'<rect width="24" height="{height}" fill="#D55E00"/>'
        f'<g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">'
        f'<text x="80" y="130" font-size="72" font-weight="bold" fill="#1a1a1a">{html.escape(title)}</text>'
        f"{text}"
        f'<text x="80" y="{height - 50}" font-size="28" fill="#555555">{html.escape(address)}</text></g></svg>'
    )


def lead_question(outdir: Path) -> str:
    """The first page's lead paragraph as built (its numbers glued), the book's question."""
    from bs4 import BeautifulSoup

    page = outdir / f"{documents()[0]}.html"
    if not page.exists():
        return ""
    lead = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.bd-article h1 ~ p")
    return " ".join(lead.get_text(" ", strip=True).split()) if lead else ""


def write_machine_files(outdir: Path) -> None:
    """claims.jsonld (every ClaimReview, for bulk readers), robots.txt, and the card image."""
    import json

    book = edition()
    files = {
        outdir / metadata.CLAIMS_JSONLD: json.dumps(_claim_reviews(), ensure_ascii=False, indent=1) + "\n",
        outdir / "robots.txt": metadata.robots_txt(book),
    }
    for path, text in files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    card = outdir / CARD
    svg = card_svg(book.title, lead_question(outdir), book.url.split("://", 1)[-1].rstrip("/"))
    stamp = card.with_suffix(".svg")
    if not card.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != svg:
        card.parent.mkdir(parents=True, exist_ok=True)
        card.write_bytes(vlc.svg_to_png(svg, scale=1))
        stamp.write_text(svg, encoding="utf-8")


@cache
def _rows_by(path: Path, key: str, reader: str) -> dict[str, dict[str, str]]:
    """A data table's rows by their id column, read once per build and recorded as read."""
    data = path.read_bytes()
    record_read(path, data, reader=reader)
    return {row[key]: row for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))}


@cache
def _cited_on(page: str, path: Path, reader: str) -> None:
    """Record that ``page`` cites rows of ``path``, so that a change to the file re-reads the pages that cite it
    (notorious/buildstate.py)."""
    record_read(path, path.read_bytes(), reader=reader, page=page)


def _sources(path: Path = DATA_DIR / "sources.csv") -> dict[str, dict[str, str]]:
    return _rows_by(path, "source_id", "the {src} role")


def src_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{src}`source_id`: a link to the source, labelled with its publisher and date, read from sources.csv.

    An unknown id, or a URL that is not http(s), is an error, which fails the strict build. Docutils escapes
    the label and the URL, so nothing in a data cell reaches the page as markup.
    """
    source_id = text.strip()
    _cited_on(inliner.document.settings.env.docname, DATA_DIR / "sources.csv", "the {src} role")
    row = _sources().get(source_id)
    problem = None
    if row is None:
        problem = f"{{src}} cites {source_id!r}, which is not a source_id in data/sources.csv"
    else:
        href = citing.href(row, site_root(inliner.document.settings.env.docname))
        if href is None:
            problem = f"{{src}} {source_id!r}: neither its url nor its copy_url is an http(s) address ({row['url']!r})"
    if problem:
        message = inliner.reporter.error(problem, line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.reference(rawtext, citing.label(row), refuri=href, classes=["nt-cite"])], []


def _gaps(path: Path = DATA_DIR / "gaps.csv") -> dict[str, dict[str, str]]:
    return _rows_by(path, "gap_id", "the {gap} role")


LABEL_WORDS = 3  # a {gap} text this short is a label (a year, a review), not a sentence


def gap_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{gap}`gap_id`, or {gap}`words of the sentence <gap_id>`: a gap, in data/gaps.csv's words or the sentence's
    own, linked to its search record in the appendix, so the prose cannot say "no source gives ..." without saying
    what was searched. An unknown id fails the strict build."""
    own = re.fullmatch(r"(?s)(.*\S)\s*<([a-z0-9-]+)>", text.strip())
    words, gap_id = (own.group(1), own.group(2)) if own else (None, text.strip())
    _cited_on(inliner.document.settings.env.docname, DATA_DIR / "gaps.csv", "the {gap} role")
    row = _gaps().get(gap_id)
    if row is None:
        message = inliner.reporter.error(
            f"{{gap}} names {gap_id!r}, which is not a gap_id in data/gaps.csv", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    root = site_root(inliner.document.settings.env.docname)
    href = f"{root}/{GAPS}.html#{gaps.anchor(gap_id)}"
    sentence = (words or row["statement"]).rstrip(".")
    if words and len(words.split()) <= LABEL_WORDS:
        # A short label ('2013', 'December 2011') is itself the link to what was searched.
        label = nodes.reference(rawtext, sentence, refuri=href, classes=["nt-gap-record"], reftitle="What we searched")
        return [nodes.inline(rawtext, "", label, classes=["nt-gap"])], []
    record = nodes.reference(rawtext, "what we searched", refuri=href, classes=["nt-gap-record"])
    parts = [nodes.Text(sentence + " ("), record, nodes.Text(")")]
    return [nodes.inline(rawtext, "", *parts, classes=["nt-gap"])], []


def _reread_stale(app: Sphinx, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """The pages the build re-executed because data they read changed: their sources did not change, so Sphinx
    would otherwise keep their old doctrees (notorious/buildstate.py names them)."""
    stale = {doc for doc in os.environ.get(STALE_VARIABLE, "").split(",") if doc}
    return sorted(stale & set(env.found_docs) - added - changed)


def _announce_doc(app: Sphinx, docname: str, source: list[str]) -> None:
    # MyST-NB executes a page right after reading it, in this process; the kernel it starts inherits this, which is
    # how FigureBook knows its page (pages.DOC_VARIABLE).
    os.environ[DOC_VARIABLE] = docname


def _record_figure_numbers(app: Sphinx, doctree: nodes.document) -> None:
    shown = [n for raw in doctree.findall(nodes.raw) for n in FIGURE_NUMBER.findall(raw.astext())]
    if not hasattr(app.env, "notorious_figures"):
        app.env.notorious_figures = {}
    app.env.notorious_figures[app.env.docname] = shown


def _forget_figure_numbers(app: Sphinx, env, docname: str) -> None:
    getattr(env, "notorious_figures", {}).pop(docname, None)


def _merge_figure_numbers(app: Sphinx, env, docnames, other) -> None:
    if not hasattr(env, "notorious_figures"):
        env.notorious_figures = {}
    env.notorious_figures.update(getattr(other, "notorious_figures", {}))


def _check_figure_numbers(app: Sphinx, env) -> None:
    """Two pages showing one figure number (a chapter copied with another's name, or a stale cached output) is a
    warning, which fails the strict build."""
    numbers = getattr(env, "notorious_figures", {})
    order = [doc for doc in env.found_docs if doc in numbers]
    for problem in figure_number_problems({doc: numbers[doc] for doc in sorted(order)}):
        logger.warning(problem, location=problem.split(":", 1)[0])


class CiteThisBook(SphinxDirective):
    """The book's citation, as text and BibTeX, from CITATION.cff (docutils escapes both)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        book = edition()
        box = nodes.admonition(classes=["nt-cite-book"])
        box += nodes.title("", "Cite this book")
        box += nodes.paragraph(
            "", "", nodes.Text(book.reference() + " "), nodes.reference(book.url, book.url, refuri=book.url)
        )
        bibtex = book.bibtex()
        box += nodes.paragraph("", "BibTeX:")
        box += nodes.literal_block(bibtex, bibtex, language="bibtex")
        note = (
            f"Version {book.version}, licensed {book.licence_name}. The citation is written from CITATION.cff "
            "in the repository; cite a figure with the line under it."
        )
        box += nodes.paragraph("", note)
        return [box]


class RatingScale(SphinxDirective):
    """The claim audit's rating scale (notorious.metadata.RATINGS), the one its ClaimReviews name."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", metadata.scale_table(), format="html")]


EDITION_KEYS = ("version", "issues", "repository", "pdf")


def edition_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{edition}`version`, `issues`, `repository` or `pdf`: the edition's facts from CITATION.cff, never typed."""
    key, book = text.strip(), edition()
    root = site_root(inliner.document.settings.env.docname)
    if key == "version":
        return [nodes.Text(book.version)], []
    links = {
        "issues": ("the repository's issues", book.issues_url),
        "repository": ("the repository", book.repository),
        "pdf": ("the PDF edition", f"{root}/{PDF}"),
    }
    if key not in links:
        message = inliner.reporter.error(f"{{edition}} knows {', '.join(EDITION_KEYS)}, not {key!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    label, href = links[key]
    return [nodes.reference(rawtext, label, refuri=href)], []


def setup(app: Sphinx) -> dict:
    app.connect("env-get-outdated", _reread_stale)
    app.connect("source-read", _announce_doc)
    app.connect("doctree-read", _record_figure_numbers)
    app.connect("env-purge-doc", _forget_figure_numbers)
    app.connect("env-merge-info", _merge_figure_numbers)
    app.connect("env-check-consistency", _check_figure_numbers)
    app.add_role("src", src_role)
    app.add_role("gap", gap_role)
    app.add_role("edition", edition_role)
    app.add_directive("cite-this-book", CiteThisBook)
    app.add_directive("rating-scale", RatingScale)
    app.connect("config-inited", _add_templates)
    app.connect("config-inited", _add_edition)
    app.connect("config-inited", _add_addresses)
    app.connect("builder-inited", _check_data)
    app.connect("builder-inited", _add_static_path)
    app.connect("builder-inited", _drop_thebe_scripts)
    app.add_css_file("charts.css")
    app.add_js_file("actions.js", loading_method="defer")
    app.connect("html-page-context", _offer_pdf_edition, priority=600)
    app.connect("html-page-context", _stamp_edition, priority=300)
    app.connect("html-page-context", _scripts_for_charts)
    app.connect("html-page-context", _lighten_page, priority=900)
    app.connect("html-page-context", _page_metadata, priority=400)
    app.connect("build-finished", _write_assets, priority=400)
    app.connect("build-finished", _complete_sitemap, priority=450)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
