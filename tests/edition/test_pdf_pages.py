"""How many times the PDF edition is printed (notorious/edition/pdf.build), with Chromium stood in for: the contents
needs the page each part starts on, which only a print can tell; the last print's pages are tried first, so a
rebuild in which no part moved prints twice at once and nothing before it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notorious.edition import pdf as printer
from notorious.pages import documents


@pytest.fixture
def chromium(monkeypatch, tmp_path):
    """A printer whose parts start on ``layout`` whatever the contents says; it counts its prints and keeps the
    page numbers each print's contents gave."""
    layout = {doc: 3 + 2 * number for number, doc in enumerate(documents())}
    printed: list[dict | None] = []

    def book_html(site, pages=None):
        return json.dumps(pages)

    def print_pdf(source: Path, footer: str) -> bytes:
        printed.append(json.loads(source.read_text(encoding="utf-8")))
        return b"%PDF " + source.read_bytes()

    monkeypatch.setattr(printer, "book_html", book_html)
    monkeypatch.setattr(printer, "print_pdf", print_pdf)
    monkeypatch.setattr(printer, "section_pages", lambda pdf, docs: dict(layout))
    monkeypatch.setattr(printer, "outline_titles", lambda pdf, expected: pdf)
    monkeypatch.setattr(printer, "headings", lambda document: [])
    builds = iter(range(100))
    monkeypatch.setattr(printer, "_inputs_digest", lambda site, footer: str(next(builds)))  # never up to date
    site = tmp_path / "html"
    site.mkdir()
    return site, layout, printed


def published(site: Path) -> dict:
    return json.loads((site / printer.PDF).read_bytes()[len(b"%PDF ") :])


def test_a_first_print_finds_the_pages_then_two_at_once_agree(chromium, tmp_path):
    site, layout, printed = chromium
    printer.build(site, tmp_path / "pdf")
    assert printed == [None, layout, layout]  # the cold build: three prints, the last two at once
    assert published(site) == layout
    assert json.loads((tmp_path / "pdf" / printer.PAGES).read_text()) == layout


def test_the_last_prints_pages_are_tried_first(chromium, tmp_path):
    site, layout, printed = chromium
    printer.build(site, tmp_path / "pdf")
    printed.clear()
    printer.build(site, tmp_path / "pdf")  # a rebuild: its work folder kept the pages
    assert printed == [layout, layout]
    printed.clear()
    printer.build(site, tmp_path / "empty", last=tmp_path / "pdf")  # a clean rebuild: the last build's pages
    assert printed == [layout, layout] and published(site) == layout


def test_pages_that_moved_are_printed_again_with_the_pages_found(chromium, tmp_path):
    site, layout, printed = chromium
    last = tmp_path / "last"
    last.mkdir()
    moved = {doc: page + 1 for doc, page in layout.items()}
    (last / printer.PAGES).write_text(json.dumps(moved))
    printer.build(site, tmp_path / "pdf", last=last)
    assert printed == [moved, moved, layout, layout]  # never published with the pages of the last print
    assert published(site) == layout
    (last / printer.PAGES).write_text(json.dumps({"intro": 3}))  # another book's parts: not a guess
    printed.clear()
    printer.build(site, tmp_path / "other", last=last)
    assert printed == [None, layout, layout]
