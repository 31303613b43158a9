"""The listing chapter's box "How a listing is decided" and its "Why then" list, in the built site: each step links
to where the book shows it, and the links land (the file exists and holds the anchor). Read at a phone's width with
JavaScript off, and in print.

Needs `make book` first and Debian's chromium at /usr/bin/chromium (or CHROME_PATH).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from playwright.sync_api import sync_playwright

from notorious.paths import ROOT

pytestmark = pytest.mark.built

SITE = ROOT / "_build" / "html"
PAGE = "chapters/listing-history.html"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PHONE = 390
BOX = "How a listing is decided"
# The steps of "Why then", in order, and the page each one's link must reach.
STEPS = [
    ("China's regulator", "chapters/platform-metrics.html"),
    ("A lawsuit", "chapters/brand-coalitions.html"),
    ("USTR's warning", "chapters/listing-history.html"),
    ("The IACC episode", "chapters/brand-coalitions.html"),
    ("The filings", "chapters/brand-coalitions.html"),
    ("The decision", "chapters/listing-history.html"),
]


def dangling(site: Path, page: str, hrefs: list[str]) -> list[str]:
    """The internal links among ``hrefs`` (as written on ``page``) whose file or anchor the built site lacks."""
    bad = []
    for href in hrefs:
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        target, fragment = urldefrag(urljoin(page, href))
        path = site / target
        if not path.is_file():
            bad.append(href)
        elif fragment and not re.search(rf'\bid="{re.escape(fragment)}"', path.read_text(encoding="utf-8")):
            bad.append(href)
    return bad


@pytest.fixture(scope="module")
def page():
    if not (SITE / PAGE).exists():
        pytest.fail("no built site in _build/html: run `make book` first")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium, or set CHROME_PATH")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(java_script_enabled=False, viewport={"width": PHONE, "height": 800})

        # Nothing leaves the machine: the page is read from disk and every other request is refused.
        def local_only(route):
            return route.continue_() if route.request.url.startswith("file:") else route.abort()

        context.route("**/*", local_only)
        tab = context.new_page()
        tab.goto((SITE / PAGE).as_uri())
        yield tab
        browser.close()


def box(tab):
    return tab.locator(".admonition", has=tab.locator(".admonition-title", has_text=BOX))


def why_then(tab):
    return tab.locator("section:has(> h2:has-text('Why then'))")


def test_the_box_is_on_the_page_with_its_anchor_and_its_sources(page):
    found = box(page)
    assert found.count() == 1, f"one '{BOX}' box"
    text = found.inner_text()
    for words in [
        "Special 301 Subcommittee",
        "Federal Register",
        "rebuttals",
        "regulations.gov",
        "Counterfeiting and Piracy",
        "Obama administration",
    ]:
        assert words in text, f"the box says {words!r}"
    assert not re.search(r"\{glue|\?\?\?", text), "every glued value was filled in"
    assert found.get_attribute("id") == "listing-how-decided" or page.locator("#listing-how-decided").count() == 1
    sources = found.locator("a.reference.external").count()
    assert sources >= 8, f"the box cites its sources ({sources} links)"


def test_why_then_links_each_step_to_where_the_book_shows_it(page):
    items = why_then(page).locator("ol > li")
    assert items.count() == len(STEPS)
    hrefs = []
    for i, (opening, target) in enumerate(STEPS):
        item = items.nth(i)
        assert item.inner_text().replace("\u2019", "'").startswith(opening)  # the theme curls apostrophes
        links = [a.get_attribute("href") for a in item.locator("a.reference.internal").all()]
        assert any(urldefrag(urljoin(PAGE, h))[0] == target and "#" in h for h in links), (
            f"step {i + 1} ({opening}) links into {target}: {links}"
        )
        hrefs += links
    assert dangling(SITE, PAGE, hrefs) == []


def test_the_link_check_catches_a_missing_anchor_or_page(tmp_path):
    """The check above would fail: the same links against a copy of the site with one target's anchor removed, and
    with one target page gone."""
    for name in ["chapters/listing-history.html", "chapters/brand-coalitions.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SITE / name, tmp_path / name)
    hrefs = ["brand-coalitions.html#coalitions-iacc", "#listing-how-decided"]
    assert dangling(tmp_path, PAGE, hrefs) == []
    coalitions = tmp_path / "chapters/brand-coalitions.html"
    coalitions.write_text(coalitions.read_text(encoding="utf-8").replace('id="coalitions-iacc"', 'id="x"'))
    assert dangling(tmp_path, PAGE, hrefs) == ["brand-coalitions.html#coalitions-iacc"]
    coalitions.unlink()
    assert dangling(tmp_path, PAGE, hrefs) == ["brand-coalitions.html#coalitions-iacc"]


def test_the_box_fits_a_phone_without_javascript_and_prints_whole(page):
    found = box(page)
    found.scroll_into_view_if_needed()
    width = found.bounding_box()["width"]
    assert 0 < width <= PHONE, f"the box is {width} px wide on a {PHONE} px screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.emulate_media(media="print")
    try:
        assert found.is_visible() and why_then(page).is_visible()
        assert BOX in found.inner_text()
    finally:
        page.emulate_media(media="screen")
