"""The built book, opened in headless Chromium with every request to another origin blocked.

Needs `make book` first (`make test` does it) and Debian's chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from playwright.sync_api import sync_playwright

from notorious.edition import PDF, edition, releases, updated
from notorious.pages import documents
from notorious.paths import ROOT

pytestmark = pytest.mark.built  # the whole module needs the built site or runs a build

SITE = ROOT / "_build" / "html"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Flags that keep Chromium from reaching out on its own (updates, sync, field trials).
QUIET = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def pages() -> list[str]:
    return [f"{doc}.html" for doc in documents()]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    if not (SITE / "index.html").exists():
        pytest.fail("no built site in _build/html: run `make book` first")
    handler = functools.partial(QuietHandler, directory=str(SITE))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it), or set CHROME_PATH")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=QUIET)
        yield browser
        browser.close()


class Visit:
    """One page load with the network cut off: what was requested, blocked and logged."""

    def __init__(self, browser, base: str, path: str, *, javascript: bool = True, width: int = 1200):
        self.base = base
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.requested: list[str] = []
        self.page.on("request", lambda r: self.requested.append(r.url))
        self.response = self.page.goto(base + path, wait_until="load")

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def close(self):
        self.context.close()


def draw_all(page) -> None:
    """Charts draw when they near the screen, as a reader scrolls; scroll to each and wait for its SVG. A figure's
    own page draws when the reader presses its button."""
    for button in page.locator("button[data-nt-draw]").all():
        button.click()
    charts = page.locator(".nt-chart")
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        charts.nth(i).locator("svg").first.wait_for(state="attached", timeout=20000)


@pytest.fixture(scope="module")
def visits(browser, server):
    loaded = {}
    for path in pages():
        visit = Visit(browser, server, path)
        draw_all(visit.page)
        loaded[path] = visit
    yield loaded
    for visit in loaded.values():
        visit.close()


@pytest.mark.parametrize("path", pages())
def test_page_loads_without_other_origins_or_errors(visits, path):
    visit = visits[path]
    assert visit.response.status == 200
    assert visit.blocked == [], f"{path} asked another origin: {visit.blocked}"
    assert visit.failed == [], f"{path} had failed requests: {visit.failed}"
    assert visit.errors == [], f"{path} logged errors: {visit.errors}"


@pytest.mark.parametrize("path", pages()[:5])
def test_every_chart_draws(visits, path):
    page = visits[path].page
    charts = page.locator(".nt-chart")
    assert charts.count() >= 1, f"{path} should have charts"
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.get_attribute("data-drawn") == "true", f"{path}: chart {i + 1} did not draw"
        box = chart.locator("svg").first.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, f"{path}: chart {i + 1} is too small: {box}"
        assert "could not be drawn" not in chart.inner_text()


def test_chapters_have_charts(visits):
    for path in pages()[1:5]:
        assert visits[path].page.locator(".nt-chart").count() >= 1, f"{path} has no chart"


@pytest.mark.parametrize("path", pages())
def test_every_figure_has_caption_sources_download_and_text_alternative(visits, path):
    page = visits[path].page
    figures = page.locator("figure.nt-figure")
    for i in range(figures.count()):
        figure = figures.nth(i)
        assert figure.locator(".nt-fignum").inner_text().startswith("Figure ")
        assert figure.locator(".nt-sources a[href*='sources.html#source-']").count() >= 1
        assert figure.locator("a[download][href$='.csv']").count() == 1
        assert figure.locator(".nt-chart").get_attribute("aria-label")
        assert figure.locator("details.nt-table table tr").count() >= 2


@pytest.mark.parametrize("path", pages())
def test_every_internal_link_and_anchor_resolves(visits, server, path):
    page = visits[path].page
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    problems = []
    for href in hrefs:
        if not href.startswith(server):
            continue
        target, fragment = urldefrag(href)
        relative = urlparse(target).path.lstrip("/") or "index.html"
        file = SITE / relative
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            problems.append(f"{href}: no such file")
        elif fragment and file.suffix == ".html":
            text = file.read_text(encoding="utf-8")
            if f'id="{fragment}"' not in text:
                problems.append(f"{href}: no element with id {fragment!r}")
    assert problems == [], "\n".join(problems)


def test_every_download_serves_sourced_data(visits, server):
    """Each CSV download has rows and a source_id column, or is a vocabulary datapackage.json declares (the words
    and rules the charts read, which state no fact) with the schema's columns; the data package archive holds the
    schema."""
    import csv
    import io
    import json
    import urllib.request
    import zipfile

    schema = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    vocabularies = {
        r["path"]: [f["name"] for f in r["schema"]["fields"]] for r in schema["resources"] if r.get("vocabulary")
    }
    seen = 0
    for path in pages():
        for href in visits[path].page.eval_on_selector_all("a[download]", "els => els.map(e => e.href)"):
            body = urllib.request.urlopen(href).read()
            seen += 1
            if href.endswith(".zip"):
                names = zipfile.ZipFile(io.BytesIO(body)).namelist()
                assert "notorious-again-data/datapackage.json" in names, names
                assert "notorious-again-data/listings.csv" in names, names
                continue
            if "/figures/export/" in href:  # the images for reuse carry their figure's number inside
                if href.endswith(".png"):
                    assert body[:4] == b"\x89PNG", href
                else:
                    assert href.endswith(".svg") and b">Figure " in body and b"Sources: " in body, href
                continue
            assert href.endswith(".csv"), href
            header = next(csv.reader(io.StringIO(body.decode("utf-8"))))
            if href.endswith("/gaps.csv"):  # a record of our searches, not of facts: it says what was searched
                assert {"searched", "languages", "searched_on"} <= set(header), href
                continue
            if href.rsplit("/", 1)[-1] in vocabularies:
                assert header == vocabularies[href.rsplit("/", 1)[-1]], href
                continue
            assert "source_id" in header, f"{href} is not a sourced CSV"
    assert seen >= 10


def test_vega_loads_only_on_pages_with_charts(visits):
    for path, visit in visits.items():
        scripts = visit.page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
        has_chart = visit.page.locator(".nt-chart").count() > 0
        assert any("vega-bundle.js" in s for s in scripts) == has_chart, path


def test_no_script_blocks_the_first_paint(visits):
    """Every script file but Sphinx's tiny documentation_options.js (which inline scripts need at once) is
    deferred or async; Vega is fetched later, by charts.js."""
    for path in pages():
        html = (SITE / path).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        for tag in re.findall(r"<script[^>]*\bsrc=[^>]*>", head):
            if "documentation_options.js" not in tag:
                assert re.search(r"\b(defer|async)\b", tag), f"{path}: {tag} blocks parsing"
        # A script or preload naming it (the Decisions page names the file in its text, which loads nothing).
        loads = re.search(r"<(?:script|link)\b[^>]*vega-bundle\.js", html)
        assert loads is None, f"{path} loads the Vega bundle up front"


def test_charts_wait_until_a_reader_nears_them(browser, server):
    visit = Visit(browser, server, "chapters/data-and-methods.html")
    try:
        assert visit.page.locator(".nt-chart").count() == 0
    finally:
        visit.close()
    visit = Visit(browser, server, "intro.html", width=360)
    try:
        visit.page.wait_for_load_state("networkidle")
        last = visit.page.locator(".nt-chart").last
        assert last.get_attribute("data-drawn") is None, "a chart far below the screen drew before the reader scrolled"
        last.scroll_into_view_if_needed()
        last.locator("svg").first.wait_for(state="attached", timeout=20000)
        assert last.get_attribute("data-drawn") == "true"
    finally:
        visit.close()


PHONE = 390
# The smallest text in a chart, as drawn: each <text>'s font size times the scale the page draws its SVG at.
SMALLEST_CHART_TEXT = """() => [...document.querySelectorAll('.nt-chart svg')].map(svg => {
  const drawn = svg.getBoundingClientRect().width;
  const natural = (svg.viewBox.baseVal && svg.viewBox.baseVal.width) || svg.width.baseVal.value;
  const sizes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
    .map(t => [parseFloat(getComputedStyle(t).fontSize) * drawn / natural, t.textContent]);
  sizes.sort((a, b) => a[0] - b[0]);
  return {figure: svg.closest('figure').id, width: drawn, smallest: sizes[0]};
})"""


@pytest.fixture(scope="module")
def phone_visits(browser, server):
    loaded = {}
    for path in ["index.html", *pages()]:
        visit = Visit(browser, server, path, width=PHONE)
        draw_all(visit.page)
        loaded[path] = visit
    yield loaded
    for visit in loaded.values():
        visit.close()


@pytest.mark.parametrize("path", ["index.html", *pages()])
def test_no_page_scrolls_sideways_on_a_phone(phone_visits, path):
    width = phone_visits[path].page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, f"{path} is {width}px wide on a {PHONE}px screen"


@pytest.mark.parametrize("path", pages())
def test_every_chart_fits_a_phone_and_its_text_stays_readable(phone_visits, path):
    charts = phone_visits[path].page.evaluate(SMALLEST_CHART_TEXT)
    for chart in charts:
        assert chart["width"] <= PHONE, f"{chart['figure']} is {chart['width']}px wide on a {PHONE}px screen"
        size, text = chart["smallest"]
        assert size >= 10, f"{chart['figure']}: {text!r} is drawn at {size:.1f}px on a {PHONE}px screen"


def test_the_answer_comes_first_on_a_phone(phone_visits):
    """The boxed answer is the first thing under the title: on screen without scrolling, before any section."""
    page = phone_visits["intro.html"].page
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(".nt-answer").first
    assert box.is_visible()
    top = box.evaluate("e => e.getBoundingClientRect().top")
    assert top < 844 * 0.6, f"the answer box starts {top:.0f}px down the first screen"
    first_section = page.locator("article section section, article h2").first
    assert box.evaluate(
        "(a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)", first_section.element_handle()
    )


def test_the_claim_audit_is_a_whole_table_that_readers_can_filter(browser, server):
    """Without JavaScript every claim is in the table and no control is shown; with it, filters hide rows."""
    import csv

    claims = list(csv.DictReader((ROOT / "data" / "claims.csv").open(encoding="utf-8")))
    static = Visit(browser, server, "intro.html", javascript=False)
    try:
        assert static.page.locator("table.nt-claims-lead tbody tr").count() == 5
        static.page.locator(".nt-claims-all > summary").click()  # a fold opens without JavaScript
        assert static.page.locator("table.nt-claims-every tbody tr").count() == len(claims)
        assert not static.page.locator(".nt-filter").is_visible()
        words = static.page.locator("table.nt-claims-every .nt-verdict").all_inner_texts()
        assert {w.strip() for w in words} >= {"Confirmed", "Contradicted"}
    finally:
        static.close()
    visit = Visit(browser, server, "intro.html", width=PHONE)
    try:
        page = visit.page
        page.locator(".nt-claims-all > summary").click()
        page.locator(".nt-filter").wait_for(state="visible")
        page.select_option("select[data-filter='verdict']", "contradicted")
        shown = page.locator("table.nt-claims-every tbody tr:visible")
        expected = sum(c["verdict"] == "contradicted" for c in claims)
        assert shown.count() == expected > 0
        page.select_option("select[data-filter='chapter']", "platform-metrics")
        both = sum(c["verdict"] == "contradicted" and c["chapter"] == "platform-metrics" for c in claims)
        assert page.locator("table.nt-claims-every tbody tr:visible").count() == both
        assert page.locator(".nt-filter output").inner_text() == f"{both} of {len(claims)} shown"
    finally:
        visit.close()
    linked = Visit(browser, server, "intro.html#claim-c31")
    try:
        assert linked.page.locator("#claim-c31").is_visible(), "a claim's permalink leaves its row folded away"
    finally:
        linked.close()


def test_without_javascript_readers_get_static_images_and_tables(browser, server):
    visit = Visit(browser, server, pages()[1], javascript=False)
    try:
        page = visit.page
        assert page.locator("details.nt-table table").count() >= 1
        # With scripting off the <noscript> fallback is parsed as a real image; it must load and show.
        images = page.locator(".nt-chart img")
        assert images.count() == page.locator(".nt-chart").count() >= 1
        images.first.scroll_into_view_if_needed()
        assert images.first.is_visible()
        assert images.first.evaluate("img => img.complete && img.naturalWidth > 0"), "the static image did not load"
        srcs = page.eval_on_selector_all("img[src*='figures/']", "els => els.map(e => e.getAttribute('src'))")
        assert srcs, "no static figure referenced"
        for src in srcs:
            assert (SITE / urljoin("chapters/", src)).is_file(), src
    finally:
        visit.close()


def test_published_dictionary_matches_the_schema(visits):
    """The data dictionary page as built lists every table and column of datapackage.json, and nothing else."""
    import json

    schema = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    page = visits["chapters/data-dictionary.html"].page
    built = page.eval_on_selector_all(
        "section.nt-resource",
        "els => els.map(s => [s.id, [...s.querySelectorAll('tbody tr td:first-child')].map(td => td.textContent)])",
    )
    expected = [[f"table-{r['name']}", [f["name"] for f in r["schema"]["fields"]]] for r in schema["resources"]]
    assert built == expected


def test_pages_skip_the_icon_script_but_keep_their_icons(visits):
    """fontawesome.js (0.5 MB gzipped) is not loaded; the theme's webfont still draws the header icons."""
    for path, visit in visits.items():
        scripts = visit.page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
        assert not any("fontawesome" in s for s in scripts), path
    page = visits["intro.html"].page
    glyph = page.eval_on_selector(".theme-switch-button i, .fa-solid", "el => getComputedStyle(el, '::before').content")
    assert glyph not in ("", "none", "normal"), glyph
    # The icon is drawn only if the cut-down font still holds that glyph.
    from fontTools.ttLib import TTFont

    font = TTFont(SITE / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2")
    codepoint = ord(glyph.strip("\"'"))
    assert codepoint in font.getBestCmap(), f"the subset font lacks U+{codepoint:04X}"


@pytest.mark.parametrize("path", pages()[1:5])
def test_readers_see_what_the_sources_say_folded_on_screen_and_unfolded_in_print(browser, server, path):
    visit = Visit(browser, server, path)
    try:
        quotes = visit.page.locator("details.nt-quotes")
        assert quotes.count() >= 1, f"{path}: no figure shows its sources' words"
        first = quotes.first.locator("q").first
        assert not first.is_visible(), "the words are folded on screen"
        visit.page.emulate_media(media="print")
        assert first.is_visible(), "print unfolds the words"
        assert first.inner_text().strip()
    finally:
        visit.close()


def test_every_figure_download_carries_the_quotes(visits):
    import csv
    import io
    import urllib.request

    for path in pages()[1:5]:
        for href in visits[path].page.eval_on_selector_all(
            "figure a[download][href$='.csv']", "els => els.map(e => e.href)"
        ):
            header = next(csv.reader(io.StringIO(urllib.request.urlopen(href).read().decode("utf-8"))))
            assert "quote" in header, f"{href} lacks the quote column"


# Each figure's own page, the one other sites embed (figures/<name>.html).
FIGURE_PAGES = sorted(f"figures/{p.name}" for p in (ROOT / "figures").glob("*.html"))
CSP_PAGES = ["index.html", "search.html", "genindex.html", *pages(), *FIGURE_PAGES]


def policy_of(html_text: str) -> str:
    match = re.search(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html_text)
    assert match, "the policy must be the first element of <head>"
    return match.group(1)


@pytest.mark.parametrize("path", CSP_PAGES)
def test_every_page_carries_a_strict_content_security_policy(path):
    page = (SITE / path).read_text(encoding="utf-8")
    policy = policy_of(page)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    script = directives["script-src"]
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert re.search(r"<[a-z][^>]*\son[a-z]+=", page) is None, f"{path} has an inline event handler"


@pytest.mark.parametrize("path", CSP_PAGES)
def test_pages_run_under_their_policy_without_a_violation(browser, server, path):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(server + path, wait_until="load")
        draw_all(page)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__csp") == [], f"{path} broke its policy"
        assert errors == [], f"{path} logged errors: {errors}"
    finally:
        context.close()


def test_search_finds_a_word(browser, server):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(server + "search.html?q=Taobao", wait_until="load")
        page.locator("#search-results ul.search li").first.wait_for(timeout=15000)
        assert page.locator("#search-results ul.search li").count() >= 3
        assert errors == [], errors
    finally:
        context.close()


def test_the_root_address_serves_the_first_page_itself():
    """No redirect (a reader would wait for two pages): the root is the introduction, naming it as canonical."""
    page = (SITE / "index.html").read_text(encoding="utf-8")
    intro = (SITE / "intro.html").read_text(encoding="utf-8")
    assert page == intro.replace("</head>", '    <link rel="canonical" href="intro.html">\n</head>', 1)
    assert 'http-equiv="refresh"' not in page.lower()


def test_admonition_icons_survive_the_font_subset(visits):
    """The answer box's icon comes from a CSS variable, not an fa-* class; the cut-down font must still hold it."""
    from fontTools.ttLib import TTFont

    page = visits["intro.html"].page
    glyph = page.eval_on_selector(".nt-answer .admonition-title", "el => getComputedStyle(el, '::after').content")
    font = TTFont(SITE / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2")
    assert ord(glyph.strip("\"'")) in font.getBestCmap(), f"no glyph for the answer box icon {glyph!r}"


def test_glued_numbers_read_like_the_prose_around_them(visits):
    page = visits["intro.html"].page
    weights = page.eval_on_selector_all(
        "p span.pasted-text",
        "els => els.map(e => [getComputedStyle(e).fontWeight, getComputedStyle(e.parentElement).fontWeight])",
    )
    assert weights, "the introduction glues numbers into its prose"
    assert all(own == parent for own, parent in weights), weights


def test_print_shows_every_chart_as_its_static_image(browser, server):
    visit = Visit(browser, server, "chapters/lobbying.html")
    try:
        page = visit.page
        images = page.locator("img.nt-print-image")
        assert images.count() == page.locator(".nt-chart").count() >= 1
        assert not images.first.is_visible(), "on screen the live chart shows"
        loaded_on_screen = page.evaluate(
            "() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('.svg')"
            " && e.name.includes('/figures/')).length"
        )
        assert loaded_on_screen == 0, "the print images cost a reader nothing until they print"
        page.emulate_media(media="print")
        assert not page.locator(".nt-chart").first.is_visible()
        last = images.last
        last.scroll_into_view_if_needed()
        last.evaluate("img => img.decode()")
        assert last.is_visible() and last.evaluate("img => img.naturalWidth > 0")
    finally:
        visit.close()


def test_every_page_gives_the_edition_its_date_and_the_pdf(visits):
    """One place (CITATION.cff and the commit date) gives every page its version, date and links."""
    book, day = edition(), updated()
    for path, visit in visits.items():
        footer = visit.page.locator(".nt-edition")
        assert footer.count() == 1, f"{path} has no edition line"
        assert footer.locator(".nt-version").inner_text() == book.version, path
        assert footer.locator("time.nt-updated").get_attribute("datetime") == day.isoformat(), path
        pdf = footer.locator("a.nt-pdf-link").evaluate("a => a.href")
        assert pdf.endswith("/" + PDF) and (SITE / PDF).stat().st_size > 100_000, path
        hrefs = footer.locator("a").evaluate_all("els => els.map(a => a.href)")
        assert any(h.endswith("intro.html#cite-this-book") for h in hrefs), hrefs
        assert any(h.endswith("chapters/changelog.html") for h in hrefs), hrefs
        assert book.issues_url in hrefs, hrefs


def test_every_page_links_its_repository_and_its_source_to_edit(visits):
    book = edition()
    for path, visit in visits.items():
        hrefs = visit.page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
        assert book.repository in hrefs, f"{path}: no repository button"
        edits = [h for h in hrefs if h.startswith(f"{book.repository}/edit/main/")]
        assert len(edits) == 1, f"{path}: {edits}"
        source = edits[0].removeprefix(f"{book.repository}/edit/main/")
        assert source == path.removesuffix(".html") + ".md" and (ROOT / source).is_file(), source


def test_every_figure_number_is_a_permalink_to_the_figure(visits):
    seen = 0
    for path, visit in visits.items():
        for figure_id, href in visit.page.eval_on_selector_all(
            "figure.nt-figure", "els => els.map(f => [f.id, f.querySelector('a.nt-fignum').getAttribute('href')])"
        ):
            assert href == f"#{figure_id}", f"{path}: {figure_id} links {href}"
            seen += 1
    assert seen >= 10


def test_every_figure_has_a_page_of_its_own_that_draws_offline(browser, server, visits):
    """The embed code's page: the same figure (number, caption, sources), drawn with the site's own scripts, with
    every other origin blocked."""
    shown, where = {}, {}
    for path, visit in visits.items():
        for figure_id, number in visit.page.eval_on_selector_all(
            "figure.nt-figure", "els => els.map(f => [f.id, f.querySelector('a.nt-fignum').textContent])"
        ):
            shown[figure_id.removeprefix("fig-")] = number
            where[figure_id.removeprefix("fig-")] = path
    assert sorted(f"figures/{name}.html" for name in shown) == FIGURE_PAGES
    for name, number in shown.items():
        visit = Visit(browser, server, f"figures/{name}.html", width=390)
        try:
            # First the static image, drawn for the screen's width, and no Vega until the reader asks for it.
            image = visit.page.locator(".nt-chart .nt-static img")
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), name
            assert image.evaluate("img => img.currentSrc").endswith(
                f"{name}-phone.svg" if (SITE / "figures" / f"{name}-phone.svg").exists() else f"{name}.svg"
            )
            assert not any("vega-bundle" in r for r in visit.requested), name
            assert visit.page.locator("h1").count() == 1, "a page needs its heading"
            draw_all(visit.page)
            assert visit.page.locator(".nt-chart .nt-static").count() == 0, "the live chart replaces the image"
            assert visit.page.locator("a.nt-fignum").inner_text() == number
            assert visit.page.locator(".nt-chart svg").count() >= 1, name
            assert visit.blocked == [] and visit.failed == [] and visit.errors == [], name
            canonical = visit.page.locator("link[rel=canonical]").get_attribute("href")
            assert canonical == f"{edition().url}{where[name]}#fig-{name}", canonical
        finally:
            visit.close()


def test_the_introduction_says_how_to_cite_the_book(visits):
    book = edition()
    box = visits["intro.html"].page.locator("#cite-this-book .nt-cite-book")
    assert box.count() == 1
    text = box.inner_text()
    assert book.citation() in " ".join(text.split()), text
    bibtex = box.locator("pre").inner_text()
    assert bibtex.startswith("@misc{") and f"version = {{{book.version}}}" in bibtex and book.url in bibtex


def test_the_changelog_lists_each_version_and_every_correction(visits):
    page = visits["chapters/changelog.html"].page
    headings = page.eval_on_selector_all("h2, h3", "els => els.map(h => h.textContent)")
    for release in releases():
        assert any(h.startswith(release.version) for h in headings), f"no section for {release.version}"
    corrections = (ROOT / "data" / "corrections.csv").read_text(encoding="utf-8")
    import csv
    import io

    logged = list(csv.DictReader(io.StringIO(corrections)))
    assert page.locator("table.nt-corrections tbody tr").count() == len(logged) > 0
    assert page.locator(f"a[href='{edition().issues_url}']").count() >= 1, "no way to report an error"


def smallest_font(svg: str) -> float:
    return min(float(size) for size in re.findall(r'font-size="([0-9.]+)px"', svg))


def test_a_phone_without_javascript_gets_each_chart_drawn_for_its_width(browser, server):
    """With scripting off a reader sees the static SVG; on a 390 px phone it is the one drawn at a phone's width,
    so its smallest text is still 10 px or more once fitted to the screen."""
    seen = 0
    for path in pages():
        visit = Visit(browser, server, path, javascript=False, width=390)
        try:
            images = visit.page.locator(".nt-chart img")
            for i in range(images.count()):
                image = images.nth(i)
                image.scroll_into_view_if_needed()
                image.evaluate("img => img.decode()")
                source = image.evaluate("img => img.currentSrc")
                svg = (SITE / urlparse(source).path.lstrip("/")).read_text(encoding="utf-8")
                drawn = float(re.search(r'<svg[^>]* width="([0-9.]+)"', svg).group(1))
                shown = image.evaluate("img => img.getBoundingClientRect().width")
                assert shown <= 390, f"{path}: {source} is {shown} px wide"
                assert smallest_font(svg) * shown / drawn >= 10, f"{path}: {source} draws text at " + str(
                    round(smallest_font(svg) * shown / drawn, 1)
                )
                seen += 1
        finally:
            visit.close()
    assert seen >= 10


# Every table cell's words wider than the cell's text box: a word is what lies between spaces, after a hyphen or
# slash, or at a <wbr> (which ends a text node), where a line may break. A cell narrower than one of its words has
# broken it mid-word.
WORDS_WIDER_THAN_THEIR_CELL = """() => {
  const ctx = document.createElement("canvas").getContext("2d"), found = [];
  for (const cell of document.querySelectorAll("main td, main th")) {
    const head = cell.closest("thead");
    if (!cell.offsetParent || cell.getBoundingClientRect().width < 2 ||
        (head && getComputedStyle(head).position === "absolute")) continue;  // folded, or read as a card's label
    const style = getComputedStyle(cell);
    const box = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      ctx.font = getComputedStyle(node.parentElement).font;
      for (const word of node.textContent.split(/\\s+|(?<=[-\\/])/)) {
        const width = word ? ctx.measureText(word).width : 0;
        if (width > box + 1) found.push(`${word} (${Math.round(width)} px in a ${Math.round(box)} px cell)`);
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("width", [PHONE, 1280])
@pytest.mark.parametrize("path", pages())
def test_table_cells_wrap_between_words_never_inside_one(browser, server, path, width):
    """A cell wraps only at word boundaries, so no column is narrower than its longest word; a table wider than
    the screen scrolls in its own box. 1.1.0's `overflow-wrap: anywhere` let columns shrink to one letter
    ('str in g')."""
    visit = Visit(browser, server, path, width=width)
    try:
        visit.page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        broken = visit.page.evaluate(WORDS_WIDER_THAN_THEIR_CELL)
        assert broken == [], f"{path} at {width} px breaks {len(broken)} words: {broken[:5]}"
        wider = visit.page.evaluate(
            "() => [...document.querySelectorAll('main table')].filter(t => !t.closest('.nt-table-wrap') &&"
            " t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length"
        )
        assert wider == 0, f"{path} at {width} px: {wider} tables run past the screen outside a scrolling box"
    finally:
        visit.close()


def test_an_embedded_figure_sets_its_frame_to_its_own_height(browser, server):
    """The embed code has no fixed 600 px frame: the figure's page tells the frame how tall it is, at any width."""
    from notorious.publish.figures import embed_code

    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    try:
        page = context.new_page()
        page.set_content(
            f"<!DOCTYPE html><body style='margin:0'>{embed_code(f'{server}figures/lobbying-hires.html', 'F', 100)}"
        )
        page.wait_for_function("() => document.querySelector('iframe').height !== '100'", timeout=15000)
        height = int(page.evaluate("() => document.querySelector('iframe').height"))
        inner = page.frames[1].evaluate("() => document.documentElement.scrollHeight")
        assert height == inner > 300
    finally:
        context.close()


def test_citations_and_embed_code_have_a_copy_button(browser, server):
    visit = Visit(browser, server, "intro.html")
    try:
        page = visit.page
        figures = page.locator("figure.nt-figure").count()
        buttons = page.locator("button.nt-copy-button")
        assert buttons.count() == 2 * figures + 2, "one per figure citation and embed code, two for the book"
        button = page.locator(".nt-cite-book button.nt-copy-button").first
        button.click()
        # The clipboard answers asynchronously, and a headless browser may refuse it: then the text is selected.
        page.wait_for_function("b => b.textContent !== 'Copy'", arg=button.element_handle(), timeout=5000)
        said = button.inner_text()
        assert said in ("Copied", "Selected: copy it"), said
        # Both ways of copying refused: the reader is told, and the citation is left selected to copy by hand.
        page.evaluate(
            """() => {
                navigator.clipboard.writeText = () => Promise.reject(new Error("refused"));
                document.execCommand = () => false;
            }"""
        )
        embed = page.locator(".nt-cite-book button.nt-copy-button").nth(1)
        embed.click()
        page.wait_for_function("b => b.textContent === 'Selected: copy it'", arg=embed.element_handle(), timeout=5000)
        selected = page.evaluate("() => window.getSelection().toString().trim()")
        target = embed.evaluate("b => b.previousElementSibling.textContent.trim()")
        assert selected == target and len(target) > 20
    finally:
        visit.close()


@pytest.mark.parametrize("path", ["intro.html", "chapters/lobbying.html"])
def test_the_header_download_menu_offers_the_whole_book_pdf(path):
    page = (SITE / path).read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]*notorious-again\.pdf)"[^>]*>.*?The whole book \(PDF\)', page, re.S)
    assert link, f"{path}: no PDF edition in the download menu"
    assert (SITE / path).parent.joinpath(link.group(1)).resolve() == (SITE / PDF).resolve()
