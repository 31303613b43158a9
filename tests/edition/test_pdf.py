"""The PDF edition `make book` prints from the built site: A4, a cover that says which edition it is, every page
of the book in order with its figures' captions and source notes, an outline, and nothing that varies from run to
run. Needs `make book` first (`make test` does it)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from notorious.data.dates import when
from notorious.edition import PDF, edition, updated
from notorious.edition.pdf import confirmed_print, reproducible
from notorious.pages import documents
from notorious.paths import ROOT

pytestmark = pytest.mark.built  # the whole module needs the built site or runs a build

SITE = ROOT / "_build" / "html"
A4 = (595.28, 841.89)  # points; Chromium rounds to whole pixels at 96 per inch, within a point of it


@pytest.fixture(scope="module")
def pdf():
    path = SITE / PDF
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make book` first")
    return pypdf.PdfReader(path)


def plain(text: str) -> str:
    """Text as a reader's search compares it: ligatures ("ﬀ") as letters, whitespace folded, no space before
    punctuation (HTML puts one between a link and the full stop after it)."""
    folded = " ".join(unicodedata.normalize("NFKC", text).split())
    folded = re.sub(r"(\w)- (\w)", r"\1-\2", folded)  # a hyphenated word broken across two lines
    return re.sub(r" ([.,;:)])", r"\1", folded)


@pytest.fixture(scope="module")
def text(pdf):
    return plain(" ".join(page.extract_text() for page in pdf.pages))


def built(doc: str) -> BeautifulSoup:
    soup = BeautifulSoup((SITE / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")
    for permalink in soup.select("a.headerlink"):
        permalink.decompose()
    return soup


def words(element) -> str:
    return plain(element.get_text(" ", strip=True))


def test_it_is_a4_and_as_long_as_the_book(pdf):
    for page in pdf.pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 1 and abs(float(page.mediabox.height) - A4[1]) < 1
    # A cover, the contents, then every page from its own sheet: at least two sheets a page; the claim audit, the
    # source list and the quotes unfolded make it long, but not without bound.
    assert len(documents()) * 2 + 2 <= len(pdf.pages) <= 400, len(pdf.pages)


def test_the_cover_says_which_edition_it_is(pdf):
    book = edition()
    cover = plain(pdf.pages[0].extract_text())
    lead = words(built("intro").select_one("article.bd-article h1 ~ p"))  # the question, its numbers glued
    for expected in (book.title, lead, f"Version {book.version}", when(updated()), book.url, book.licence_name):
        assert expected in cover, expected
    assert pdf.metadata.title == f"{book.title}, version {book.version}"
    stamp = f"D:{updated():%Y%m%d}"
    assert pdf.metadata["/CreationDate"].startswith(stamp) and pdf.metadata["/ModDate"].startswith(stamp)


def test_every_page_title_is_in_the_contents_the_outline_and_the_text(pdf, text):
    contents = plain(pdf.pages[1].extract_text())
    outline = [plain(item.title) for item in pdf.outline if not isinstance(item, list)]
    for doc in documents():
        title = words(built(doc).select_one("article.bd-article h1"))
        assert title in contents, f"{title!r} is not in the contents"
        assert title in outline, f"{title!r} is not in the outline {outline}"
        assert text.count(title) >= 2, title


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles.extend(outline_titles(item) if isinstance(item, list) else [item.title])
    return titles


def test_bookmarks_are_the_headings_once_with_their_spaces(pdf):
    """Chromium writes a bookmark from the laid-out lines: a heading that wraps lost its space ("Special
    301reports"), one that opens a page break came twice ("The lawsuitsThe lawsuits"). Every bookmark must be a
    heading of the book as the site writes it. Seen failing on the PDF of 1.2.0 (both faults)."""
    headings = {"Contents"}
    for doc in documents():
        for heading in built(doc).select("article.bd-article :is(h1, h2, h3, h4, h5, h6)"):
            headings.add(" ".join(heading.get_text().split()))
    titles = [" ".join(title.split()) for title in outline_titles(pdf.outline)]
    assert len(titles) > 50
    doubled = [t for t in titles if len(t) % 2 == 0 and t[: len(t) // 2] == t[len(t) // 2 :]]
    assert doubled == [], f"bookmarks written twice: {doubled}"
    unknown = [t for t in titles if t not in headings]
    assert unknown == [], f"bookmarks that are no heading (a lost space?): {unknown}"


def contents_lines(pdf) -> list[str]:
    return [plain(line) for line in pdf.pages[1].extract_text().splitlines()]


def test_the_contents_gives_the_page_each_part_starts_on(pdf):
    """Each line of the contents ends with the page number its part starts on (as the footer counts, from the
    cover), and that page opens with the part's title. Seen failing on 1.2.0's contents, which had no numbers."""
    lines = contents_lines(pdf)
    destinations = pdf.named_destinations
    for doc in documents():
        title = words(built(doc).select_one("article.bd-article h1"))
        line = next((line for line in lines if re.fullmatch(rf"(?:[0-9A-Z]+ )?{re.escape(title)} [0-9]+", line)), None)
        assert line, f"{title!r} has no numbered line in the contents {lines}"
        page = int(line.rsplit(" ", 1)[1])
        assert page == pdf.get_destination_page_number(destinations[f"/{doc.replace('/', '-')}"]) + 1, line
        assert title in plain(pdf.pages[page - 1].extract_text()), f"page {page} does not open {title!r}"


def test_chapter_numbers_are_their_figures_numbers(pdf, text):
    """The contents and the line above a chapter's title number it as its figures are numbered: chapter 1
    carries Figures 1.x. Seen failing on 1.2.0, whose contents numbered the introduction 1 and so the first chapter
    (Figures 1.x) 2."""
    from notorious.pages import FIGURE_NUMBER

    lines = contents_lines(pdf)
    checked = 0
    for doc in documents():
        soup = built(doc)
        numbers = FIGURE_NUMBER.findall(str(soup))
        prefixes = {number.rpartition(".")[0] for number in numbers}
        if not numbers or prefixes == {""}:
            continue  # the introduction's figures are 1, 2 ..: it is not a numbered chapter
        assert len(prefixes) == 1, f"{doc}: figures of several chapters {sorted(prefixes)}"
        prefix = prefixes.pop()
        title = words(soup.select_one("article.bd-article h1"))
        assert any(re.fullmatch(rf"{re.escape(prefix)} {re.escape(title)} [0-9]+", line) for line in lines), (
            f"the contents does not number {title!r} {prefix}, as its figures: {lines}"
        )
        assert f"Chapter {prefix} {title}" in text, f"{title!r} is not headed Chapter {prefix}"
        checked += 1
    assert checked >= 4


def test_every_figure_prints_with_its_caption_source_note_and_vector_image(pdf, text):
    captions = []
    for doc in documents():
        for figure in built(doc).select("figure.nt-figure"):
            caption = figure.select_one("figcaption p")
            captions.append(words(caption))
            note = words(figure.select_one(".nt-sources p, .nt-sources summary"))
            assert note in text, f"{doc}: the source note {note[:60]!r} is not in the PDF"
    assert len(captions) >= 10
    for caption in captions:
        assert caption in text, f"not in the PDF: {caption[:80]!r}"
    # Charts print as their SVG: drawn as vector paths on the page, not embedded as pictures.
    pictures = sum(len(page.images) for page in pdf.pages)
    assert pictures == 0, f"{pictures} raster images in the PDF"


def test_links_inside_the_book_stay_inside_the_pdf(pdf):
    """A link to another page of the book jumps within the PDF; a download points at the public site; nothing
    points at the machine that printed it."""
    uris, internal = [], 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is None:
                internal += 1  # a destination inside the document
            elif "/URI" in action:
                uris.append(str(action["/URI"]))
            else:
                internal += 1
    assert internal >= 20, "links between the book's pages were lost"
    local = [u for u in uris if not u.startswith(("https://", "http://"))]
    assert local == [], local[:5]
    assert not any("127.0.0.1" in u or u.startswith("file:") for u in uris)


def test_what_chromium_varies_is_made_stable():
    """Two prints of one document differ in their dates and in tagged-table node ids; both are rewritten to the
    same bytes without moving any offset."""
    first = b"<</CreationDate (D:20261129092123+00'00')>> /ID (node00000312) /Headers [(node00000312)] (node00000400)"
    second = b"<</CreationDate (D:20261130101010+00'00')>> /ID (node00000500) /Headers [(node00000500)] (node00000588)"
    day = updated()
    one, other = reproducible(first, day), reproducible(second, day)
    assert one == other and len(one) == len(first)
    assert re.search(rb"\(D:\d{8}000000", one)
    assert one.count(b"(node00000000)") == 2 and b"(node00000001)" in one


def test_a_print_is_published_only_when_a_second_print_agrees():
    """Chromium now and then draws one line a fraction of a pixel off: that one-off print is never the one kept,
    and if no two prints agree the build stops instead of publishing a PDF nobody can reproduce."""
    prints = iter([b"usual", b"one line 0.6 px off", b"usual", b"never asked for"])
    calls = []

    def printer():
        calls.append(1)
        return next(prints)

    assert confirmed_print(printer) == b"usual" and len(calls) == 3
    assert confirmed_print(iter([b"usual", b"usual"]).__next__) == b"usual"
    variants = iter([b"a", b"b", b"c", b"d"])
    with pytest.raises(RuntimeError, match="4 times and no two prints agreed"):
        confirmed_print(variants.__next__, attempts=4)


def test_changing_the_print_rules_reprints_the_book(tmp_path, monkeypatch):
    """The stamp that skips an unneeded print covers the printer's own rules (its CSS lives in
    notorious/edition/pdf.py), not only the pages: an edited rule must not leave the old PDF in place."""
    from notorious.edition import pdf as printer

    before = printer._inputs_digest(SITE, "footer")
    assert printer._inputs_digest(SITE, "footer") == before
    edited = tmp_path / "pdf.py"
    edited.write_bytes(Path(printer.__file__).read_bytes().replace(b"size: A4;", b"size: A4; /* edited */"))
    monkeypatch.setattr(printer, "__file__", str(edited))
    assert printer._inputs_digest(SITE, "footer") != before
    assert printer._inputs_digest(SITE, "other footer") != printer._inputs_digest(SITE, "footer")


def test_an_outline_title_that_repeats_its_heading_or_its_first_line_is_matched():
    """Chromium doubles a heading that opens a page break, and when that heading also wraps it doubles only the
    first laid-out line ("…Special 301Before the list: …Special 301reports", seen in the 2026-12-03 build)."""
    from notorious.edition.pdf import _repeats

    heading = "Beforethelist:namedintheSpecial301reports"
    assert _repeats(heading, heading) and _repeats(heading * 2, heading)
    assert _repeats("Beforethelist:namedintheSpecial301" + heading, heading)
    assert not _repeats("Thelawsuits" + heading, heading) and not _repeats("Beforethelist", heading)
