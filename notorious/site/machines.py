"""What machines read, as Sphinx hooks: each page's description and JSON-LD, the social card, the sitemap
(``metadata.py`` builds the content).
"""

from __future__ import annotations

import html
import textwrap
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import vl_convert as vlc
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..edition.identity import edition, updated
from ..pages import APPENDIX, documents
from . import metadata

logger = logging.getLogger(__name__)


CARD = "_static/notorious/card.png"


CARD_SIZE = (1200, 630)


DATA_PAGES = (APPENDIX, "chapters/data-dictionary")


BRIEF_TITLES = ("In brief", "The answer in brief")


def add_addresses(app: Sphinx, config) -> None:
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
    from ..data.dataset import load

    ds = load()
    return metadata.claims_document(metadata.claim_reviews(ds.claims, ds.sources, edition(), updated()))


@cache
def _dataset() -> dict:
    import yaml

    from ..data.dataset import load, read_schema
    from ..edition.identity import CITATION

    ds = load()
    schema = read_schema()
    tables = {name: getattr(ds, name) for name in ("reviews", "events", "metrics", "lobbying")}
    keywords = list(yaml.safe_load(CITATION.read_text(encoding="utf-8")).get("keywords", []))
    return metadata.dataset(schema, edition(), updated(), metadata.temporal_coverage(tables), keywords)


def page_metadata(app: Sphinx, pagename, templatename, context, doctree) -> None:
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


def complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
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
