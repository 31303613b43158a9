"""The PDF edition: the built site, printed by Chromium into one A4 document.

``python -m notorious.edition.pdf _build/html`` (``make book`` runs it after the site is built) gathers every page's
article in the order of ``_toc.yml`` into one HTML document in ``pdf/`` beside the site: a cover with the title, the
version and the date, a contents list, then each page starting on a new sheet. Charts print as their static SVG
images (vector, as on paper), folded source notes and tables print unfolded, and the site's own stylesheets and
print rules apply. Chromium (Debian's, through Playwright; nothing is downloaded) prints it to
``_build/html/downloads/notorious-again.pdf``.

The file is reproducible: the dates Chromium writes are replaced by the edition's date (same length, so the
cross-reference table stays valid) and the tagged-PDF node ids, which count DOM nodes across the browser's life,
are renumbered in order. Chromium's layout is not quite deterministic: now and then a print draws the text of one
inline code 0.6 px higher or lower than every other print does (on 2026-11-29: 2 prints in 38 of one document, 1 in
44 when laid out for print from the start, and once in CI, where it broke the release's byte-identity test). Each
variant differs from every other, so the book is printed until two prints agree byte for byte
(``confirmed_print``, two prints at a time, each in its own browser) and a one-off is never published. A stamp of
the inputs skips the print when nothing changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from ..data.dates import when
from ..pages import appendix, chapter_number, documents
from .identity import PDF, edition, updated

CHROMIUM = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
# Elements of a page that mean nothing on paper: live charts (their static image prints), scripts, the reuse fold
# (an embed code), heading permalinks, buttons.
DROP = "div.nt-chart, script, noscript, details.nt-reuse, a.headerlink, button, .toggle-details__summary"
PRINT_CSS = """
@page { size: A4; }
html { font-size: 10.5pt; }
body { margin: 0; background: #fff; }
.pdf-cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.pdf-cover h1 { font-size: 2.6rem; margin: 0 0 1rem; }
.pdf-cover .pdf-question { font-size: 1.2rem; max-width: 36rem; }
.pdf-cover .pdf-meta { margin-top: 2.5rem; line-height: 1.7; }
.pdf-contents { break-after: page; }
.pdf-contents .pdf-part { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.06em; color: #444;
  margin: 1.1rem 0 0.3rem; }
.pdf-contents ol { list-style: none; padding: 0; margin: 0; font-size: 1.05rem; line-height: 1.9; }
.pdf-contents li a { display: flex; align-items: baseline; gap: 0.4rem; text-decoration: none; }
.pdf-contents .pdf-num { min-width: 1.6rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.pdf-contents .pdf-leader { flex: 1; border-bottom: 1px dotted #888; transform: translateY(-0.25rem); }
.pdf-contents .pdf-page { font-variant-numeric: tabular-nums; min-width: 2rem; text-align: right; }
.pdf-doc { break-before: page; }
.pdf-label { font-size: 0.85rem; font-weight: 600; letter-spacing: 0.04em; color: #444; margin: 0 0 0.5rem; }
figure, .nt-figure img, tr, blockquote { break-inside: avoid; }
h1, h2, h3 { break-after: avoid; }
img.nt-print-image { display: block; width: 100%; max-width: 100%; }
a { color: inherit; }
.bd-article { padding: 0 !important; }
/* Captions, source notes and the sources' words read as text on paper: set left, in the text's colour, the
   quotes as a list with a hanging indent rather than centred lines of grey. */
.nt-figure figcaption, .nt-figure figcaption p, .nt-sources, .nt-sources p, .nt-quotes { text-align: left; }
.nt-figure figcaption, .nt-sources, .nt-quote-en, p.nt-passage-meta, .nt-claim-id { color: #333 !important; }
.nt-quotes summary { font-weight: 600; list-style: none; }
.nt-quotes ul { list-style: none; padding-left: 0; margin: 0.2rem 0 0.6rem; font-size: 8.5pt; line-height: 1.35; }
.nt-quotes li { padding-left: 1.2em; text-indent: -1.2em; margin: 0 0 0.2rem; }
/* The claim table: compact, its columns the text's width. */
table.nt-claims { font-size: 8pt; line-height: 1.3; }
table.nt-claims td, table.nt-claims th { padding: 1.5pt 4pt; }
"""
FOOTER = (
    '<div style="font-size:8px;width:100%;margin:0 14mm;color:#555;display:flex;justify-content:space-between">'
    '<span>{label}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)


def _page(site: Path, doc: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")


def _slug(doc: str) -> str:
    return doc.replace("/", "-")


def article(site: Path, doc: str, docs: list[str]) -> tuple[str, str]:
    """A page's article as the PDF holds it, and its title. Ids are prefixed with the page's slug so that
    links between pages become links inside the PDF; files the site serves are linked at its public address;
    images are read from the built site."""
    soup = _page(site, doc)
    body = soup.select_one("article.bd-article")
    if body is None:
        raise ValueError(f"{doc}.html has no article element: is it a page of the book?")
    for element in body.select(DROP):
        element.decompose()
    for details in body.find_all("details"):
        details["open"] = ""
    slug = _slug(doc)
    for element in body.find_all(id=True):
        element["id"] = f"{slug}--{element['id']}"
    page_url = f"http://site/{doc}.html"
    public = edition().url
    for link in body.find_all("a", href=True):
        target = urljoin(page_url, link["href"])
        parts = urlsplit(target)
        if parts.netloc != "site":
            continue  # another site: kept as it is
        path = parts.path.lstrip("/")
        linked = path[: -len(".html")] if path.endswith(".html") else None
        if linked in docs:
            link["href"] = f"#{_slug(linked)}--{parts.fragment}" if parts.fragment else f"#{_slug(linked)}"
        else:
            link["href"] = public + path + (f"#{parts.fragment}" if parts.fragment else "")
    for image in body.find_all("img", src=True):
        image["src"] = (site / urlsplit(urljoin(page_url, image["src"])).path.lstrip("/")).resolve().as_uri()
        image.attrs.pop("loading", None)
    title = body.find("h1")
    name = title.get_text(" ", strip=True) if title else doc
    # A line above the page's title (Chromium's outline doubles a heading that opens a forced page break): which
    # chapter it is, numbered as its figures are (chapter 1 carries Figures 1.x).
    label = f'<p class="pdf-label">{html.escape(chapter_label(doc))}</p>'
    return f'<section class="pdf-doc" id="{slug}">{label}{body}</section>', name


def chapter_label(doc: str) -> str:
    """'Introduction', 'Chapter 1' .., 'Appendix A' ..: the number is the one its figures carry."""
    number = chapter_number(doc)
    if not number:
        return "Introduction"
    return f"Appendix {number}" if doc in appendix() else f"Chapter {number}"


def headings(document: str) -> list[str]:
    """The text of every heading of the printable document, in order, as a reader reads it (spaces kept)."""
    soup = BeautifulSoup(document, "html.parser")
    return [" ".join(h.get_text().split()) for h in soup.find_all(re.compile(r"^h[1-6]$"))]


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _repeats(title: str, heading: str) -> bool:
    """Whether an outline title is the heading (letters only), with its opening written twice: the whole heading
    ("The lawsuitsThe lawsuits") or, for one that wraps and opens a page break, its first laid-out line ("…Special
    301Before the list: …Special 301reports")."""
    extra = len(title) - len(heading)
    return 0 <= extra <= len(heading) and title.endswith(heading) and heading.startswith(title[:extra])


def outline_titles(pdf: bytes, expected: list[str]) -> bytes:
    """The PDF with its outline's titles as the headings say them. Chromium writes a title from the laid-out
    lines, so a heading that wraps loses the space at the break ("Special 301reports") and a heading that opens a
    forced page break is written twice ("The lawsuitsThe lawsuits"), or its first line is, when it also wraps. Each
    outline entry is matched, in order, to the next heading it repeats (``_repeats``), and takes that heading's
    text; pypdf rewrites the file, the same bytes for the same input."""
    import io

    import pypdf
    from pypdf.generic import NameObject, TextStringObject

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    squeezed = [_squeezed(text) for text in expected]
    position = 0

    def entries(node):
        child = node.get("/First")
        while child is not None:
            item = child.get_object()
            yield item
            yield from entries(item)
            child = item.get("/Next")

    outlines = writer._root_object.get("/Outlines")
    for item in entries(outlines.get_object()) if outlines is not None else []:
        title = _squeezed(str(item.get("/Title", "")))
        for index in range(position, len(expected)):
            if _repeats(title, squeezed[index]):
                item[NameObject("/Title")] = TextStringObject(expected[index])
                position = index + 1
                break
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def section_pages(pdf: bytes, docs: list[str]) -> dict[str, int]:
    """The page (counted from the cover, as the footer counts) on which each page of the book starts."""
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    return {
        doc: reader.get_destination_page_number(destinations[f"/{_slug(doc)}"]) + 1
        for doc in docs
        if f"/{_slug(doc)}" in destinations
    }


def book_html(site: Path, pages: dict[str, int] | None = None) -> str:
    """The whole book as one printable document; ``pages`` gives the contents its page numbers (from a first print
    of the same document: the numbers take no more room than the blanks they fill, so the pages stay put)."""
    docs = documents()
    book, day = edition(), updated()
    back = appendix()
    sections, contents = [], []
    for doc in docs:
        section, title = article(site, doc, docs)
        sections.append(section)
        number = chapter_number(doc)
        page = str(pages[doc]) if pages and doc in pages else ""
        if doc == (back[0] if back else None):
            contents.append('</ol><p class="pdf-part">Appendix</p><ol>')
        elif number == "1":
            contents.append('</ol><p class="pdf-part">Chapters</p><ol>')
        contents.append(
            f'<li><a href="#{_slug(doc)}"><span class="pdf-num">{html.escape(number)}</span>'
            f'<span class="pdf-title">{html.escape(title)}</span><span class="pdf-leader"></span>'
            f'<span class="pdf-page">{page}</span></a></li>'
        )
    stylesheets = [
        urljoin("http://site/intro.html", link["href"])
        for link in _page(site, docs[0]).select('link[rel="stylesheet"]')
    ]
    links = "".join(
        f'<link rel="stylesheet" href="{(site / urlsplit(href).path.lstrip("/")).resolve().as_uri()}">'
        for href in stylesheets
        if urlsplit(href).netloc == "site"
    )
    # The cover's line is the first page's own lead paragraph, whose numbers are glued from the data.
    lead = _page(site, docs[0]).select_one("article.bd-article h1 ~ p")
    question = " ".join(lead.get_text(" ", strip=True).split()) if lead else ""
    cover = (
        f'<section class="pdf-cover"><h1>{html.escape(book.title)}</h1>'
        f'<p class="pdf-question">{html.escape(question)}</p>'
        f'<p class="pdf-meta">{html.escape(book.author_text)}<br>Version {html.escape(book.version)}, '
        f"{html.escape(when(day))}<br>{html.escape(book.url)}<br>Licensed {html.escape(book.licence_name)}"
        f"<br>Cite as: {html.escape(book.citation())}</p></section>"
    )
    toc = f'<section class="pdf-contents"><h2>Contents</h2><ol>{"".join(contents)}</ol></section>'.replace(
        "<ol></ol>", ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en" data-theme="light" data-mode="light"><head><meta charset="utf-8">'
        f"<title>{html.escape(book.title)}, version {html.escape(book.version)}</title>{links}"
        f"<style>{PRINT_CSS}</style></head>\n<body>{cover}{toc}\n" + "\n".join(sections) + "\n</body></html>\n"
    )


def _inputs_digest(site: Path, footer: str) -> str:
    """What the print depends on: the pages, the stylesheets, the chart images, the footer (the edition) and this
    module (its print rules and the way it prints)."""
    digest = hashlib.sha256(footer.encode("utf-8") + b"\0" + Path(__file__).read_bytes())
    pages = [site / f"{doc}.html" for doc in documents()]
    for path in [*pages, *sorted(site.glob("_static/**/*.css")), *sorted(site.glob("figures/*.svg"))]:
        digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def reproducible(pdf: bytes, day) -> bytes:
    """Chromium's PDF without what changes from run to run: its creation and modification times, and the ids of
    tagged table cells (numbered by a counter of the browser's life). Same-length replacements only."""
    stamp = f"D:{day:%Y%m%d}000000+00'00'".encode()
    pdf = re.sub(
        rb"\(D:\d{14}[+\-Z][^)]{0,8}\)",
        lambda m: b"(" + stamp.ljust(len(m.group(0)) - 2)[: len(m.group(0)) - 2] + b")",
        pdf,
    )
    ids: dict[bytes, bytes] = {}

    def renumber(match: re.Match) -> bytes:
        number = ids.setdefault(match.group(1), b"%0*d" % (len(match.group(1)), len(ids)))
        return b"(node" + number + b")"

    return re.sub(rb"\(node(\d{8,})\)", renumber, pdf)


# A print is published only when another print of the same document gives the same bytes; after this many prints
# without two that agree, the build stops rather than publish a PDF that the next build would not reproduce.
PRINTS = 6
# Two prints at a time: the fewest a build needs, on the two cores of the machine the book is built on.
AT_ONCE = 2


def confirmed_print(print_once, attempts: int = PRINTS, at_once: int = 1) -> bytes:
    """Print until two prints are byte-identical and return that print.

    Chromium sometimes lays out one line a fraction of a pixel differently; those variants differ from each other
    (a different line each time), so two prints that agree are the document's usual layout. ``at_once`` prints
    run at the same time (each its own browser): the two prints a build needs at least then cost one's time."""
    seen: set[str] = set()
    printed = 0
    with ThreadPoolExecutor(max_workers=at_once) as pool:
        while printed < attempts:
            batch = min(at_once, attempts - printed)
            for pdf in pool.map(lambda _: print_once(), range(batch)):
                printed += 1
                digest = hashlib.sha256(pdf).hexdigest()
                if digest in seen:
                    print(f"two of {printed} prints agree", flush=True)
                    return pdf
                seen.add(digest)
    raise RuntimeError(
        f"Chromium printed the book {attempts} times and no two prints agreed: the PDF edition would not be "
        "reproducible, so it is not written"
    )


def print_pdf(document: Path, footer: str) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        try:
            page = browser.new_page(java_script_enabled=False)
            page.goto(document.resolve().as_uri(), wait_until="load")
            return page.pdf(
                format="A4",
                print_background=True,
                outline=True,
                tagged=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer,
                margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            )
        finally:
            browser.close()


PAGES = "pages.json"


def _last_pages(folders: list[Path], docs: list[str]) -> dict[str, int] | None:
    """The pages each part started on in the last print (its work folder's ``pages.json``), if it printed the
    same parts."""
    for folder in folders:
        try:
            pages = json.loads((folder / PAGES).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(pages, dict) and sorted(pages) == sorted(docs):
            return {doc: int(pages[doc]) for doc in docs}
    return None


def build(site: Path, work: Path, last: Path | None = None) -> Path:
    """Write the PDF edition into ``site``; ``work`` keeps the printable document, the inputs' stamp and the pages
    the parts start on (``last``: the work folder of the last build, when ``work`` starts empty)."""
    target = site / PDF
    book, day = edition(), updated()
    label = html.escape(f"{book.title} · version {book.version} · {when(day)}")
    footer = FOOTER.format(label=label)
    stamp = work / "book.sha256"
    digest = _inputs_digest(site, footer)
    if target.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return target  # nothing it depends on changed: the print would be the same bytes
    work.mkdir(parents=True, exist_ok=True)
    source = work / "book.html"
    docs = documents()
    # The contents gives the page each part starts on, and the print that is published must start each part
    # there. The last print's pages are tried first: when no part moved, two prints at once are the whole job.
    # Otherwise (or with no last print) a print finds the pages (the numbers take no more room than the blanks or
    # other numbers they replace, so the parts stay put) and the contents is printed with them.
    pages = _last_pages([work] + ([last] if last else []), docs)
    if pages is None:
        source.write_text(book_html(site), encoding="utf-8")
        pages = section_pages(print_pdf(source, footer), docs)
    for _ in range(2):
        document = book_html(site, pages)
        source.write_text(document, encoding="utf-8")
        pdf = confirmed_print(lambda: reproducible(print_pdf(source, footer), day), at_once=AT_ONCE)
        found = section_pages(pdf, docs)
        if found == pages:
            break
        print("the parts start on other pages than in the last print: printed again with those", flush=True)
        pages = found
    else:
        raise RuntimeError("the contents' page numbers moved the pages they number")
    pdf = outline_titles(pdf, headings(document))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    (work / PAGES).write_text(json.dumps(pages, indent=1) + "\n", encoding="utf-8")
    stamp.write_text(digest + "\n")
    return target


def main(argv: list[str]) -> int:
    argv, last = list(argv), None
    if "--last" in argv:  # the last build's work folder, whose pages are tried first
        at = argv.index("--last")
        last = Path(argv[at + 1])
        del argv[at : at + 2]
    site = Path(argv[0] if argv else "_build/html")
    if not (site / "intro.html").exists():
        print(f"{site}: no built site to print; run `make book`", file=sys.stderr)
        return 1
    try:
        target = build(site, site.parent / "pdf", last)
    except RuntimeError as error:
        print(f"{site / PDF}: {error}", file=sys.stderr)
        return 1
    print(f"PDF edition: {target} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
