"""The book's pages, in reading order, as _toc.yml lists them: the one place that reads the table of contents."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

import yaml

from .paths import TOC

APPENDIX = "chapters/data-and-methods"


def documents() -> list[str]:
    """Every page's document name ('intro', 'chapters/lobbying', ...), root first."""
    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    parts = toc.get("parts", [{"chapters": toc.get("chapters", [])}])
    return [toc["root"]] + [entry["file"] for part in parts for entry in part["chapters"]]


def chapter_number(doc: str) -> str:
    """The figure prefix of a page from its place in _toc.yml: '' for the root, '1'.. for chapters, 'A' for the
    appendix."""
    docs = documents()
    if doc == docs[0]:
        return ""
    if doc not in docs:
        raise ValueError(f"{doc!r} is not in _toc.yml; add it there before numbering its figures")
    return "A" if doc == APPENDIX else str(docs.index(doc))


def site_root(doc: str) -> str:
    """The relative path from a page to the site root: pages mirror the source tree."""
    depth = doc.count("/")
    return posixpath.join(*([".."] * depth)) if depth else "."


def source_href(url: str, root: str) -> str | None:
    """Where a link to a source goes from a page whose site root is ``root``: a document's http(s) URL, or the
    seed's path in this repository (``data/...``). Anything else is never linked."""
    if url.startswith("data/"):
        return f"{root}/{url}"
    return url if urlsplit(url).scheme in ("http", "https") else None
