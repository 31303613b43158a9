"""The book's pages, in reading order, as _toc.yml lists them: the one place that reads the table of contents."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .paths import ROOT, TOC

APPENDIX = "chapters/data-and-methods"
# The appendix's pages that others link into: every source (anchors source-<id>), every gap and disagreement
# (anchors gap-<id>), and the README's Decisions published. They were sections of APPENDIX until issue 22; its
# page sends an old link's fragment on to the page that now holds it (static/actions.js).
SOURCES = "chapters/sources"
GAPS = "chapters/gaps"
DECISIONS = "chapters/decisions"
# The page a notebook's kernel runs for. A kernel cannot see which file it executes (MyST-NB, nbclient and nbval
# start it in the notebook's folder and tell it nothing more), so every runner of the book's notebooks announces
# the page in the kernel's environment: the Sphinx extension before MyST-NB executes a page, `make notebooks`
# and the nbval plugin in conftest.py before they start a kernel.
DOC_VARIABLE = "NOTORIOUS_DOC"
FIGURE_NUMBER = re.compile(r'<a class="nt-fignum"[^>]*>Figure ([0-9A-Z]+(?:\.[0-9]+)?)\.</a>')


def documents() -> list[str]:
    """Every page's document name ('intro', 'chapters/lobbying', ...), root first."""
    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    parts = toc.get("parts", [{"chapters": toc.get("chapters", [])}])
    return [toc["root"]] + [entry["file"] for part in parts for entry in part["chapters"]]


def appendix() -> list[str]:
    """The pages of _toc.yml's Appendix part, in order (APPENDIX first)."""
    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    parts = [part for part in toc.get("parts", []) if part.get("caption") == "Appendix"]
    return [entry["file"] for part in parts for entry in part["chapters"]]


def chapter_number(doc: str) -> str:
    """The figure prefix of a page from its place in _toc.yml: '' for the root, '1'.. for chapters, 'A', 'B'.. for
    the appendix's pages (the PDF's contents numbers them the same way)."""
    docs = documents()
    if doc == docs[0]:
        return ""
    if doc not in docs:
        raise ValueError(f"{doc!r} is not in _toc.yml; add it there before numbering its figures")
    back = appendix()
    return chr(ord("A") + back.index(doc)) if doc in back else str(docs.index(doc))


def site_root(doc: str) -> str:
    """The relative path from a page to the site root: pages mirror the source tree."""
    depth = doc.count("/")
    return posixpath.join(*([".."] * depth)) if depth else "."


def source_href(url: str, root: str) -> str | None:
    """Where a link to a source goes from a page whose site root is ``root``: a document's http(s) URL, or the
    seed's path in this repository (``data/...``, never one that climbs out with '..'). Anything else is never
    linked."""
    if url.startswith("data/"):
        return f"{root}/{url}" if ".." not in url.split("/") else None
    return url if urlsplit(url).scheme in ("http", "https") else None


def doc_of(path: Path) -> str:
    """The document name of a page's file: chapters/lobbying.md (or .ipynb) -> 'chapters/lobbying'."""
    return Path(path).resolve().relative_to(ROOT).with_suffix("").as_posix()


def running_doc() -> str:
    """The page whose notebook this kernel executes, as its runner announced it (see DOC_VARIABLE)."""
    doc = os.environ.get(DOC_VARIABLE)
    if not doc:
        raise LookupError(
            f"no runner announced which page this notebook is (${DOC_VARIABLE} is unset): run it with `make book`, "
            "`make notebooks` or pytest, or name the page, e.g. FigureBook(ds.sources, doc='chapters/lobbying')"
        )
    return doc


def figure_number_problems(numbers: dict[str, list[str]]) -> list[str]:
    """What is wrong with the figure numbers each page shows: a number another page (or figure) also has, or one
    outside the page's own chapter, which is what a chapter copied with another page's name would show."""
    problems = []
    owners: dict[str, str] = {}
    for doc, shown in numbers.items():
        if not shown:
            continue  # a page without figures needs no number (nor a place in _toc.yml)
        prefix = chapter_number(doc)
        for number in shown:
            if number.rpartition(".")[0] != prefix:
                expected = f"{prefix}.n" if prefix else "n"
                problems.append(f"{doc}: Figure {number} is numbered as another page's (expected Figure {expected})")
            if number in owners:
                problems.append(f"{doc}: Figure {number} is also a figure of {owners[number]}")
            owners.setdefault(number, doc)
    return problems
