"""The book's roles and directives: {src} (a source, from sources.csv), {gap} (a gap and what was searched),
{edition} (the edition's facts), ``cite-this-book`` and ``rating-scale``. Docutils escapes what they write.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..data import gaps
from ..data.dataset import record_read
from ..edition.identity import PDF, edition
from ..pages import GAPS, site_root
from ..paths import DATA_DIR
from ..publish import citing
from . import metadata

logger = logging.getLogger(__name__)


@cache
def _rows_by(path: Path, key: str, reader: str) -> dict[str, dict[str, str]]:
    """A data table's rows by their id column, read once per build and recorded as read."""
    data = path.read_bytes()
    record_read(path, data, reader=reader)
    return {row[key]: row for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))}


@cache
def _cited_on(page: str, path: Path, reader: str) -> None:
    """Record that ``page`` cites rows of ``path``, so that a change to the file re-reads the pages that cite it
    (notorious/build/state.py)."""
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
    """The claim audit's rating scale (notorious.site.metadata.RATINGS), the one its ClaimReviews name."""

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
