"""`make preview` an author can trust (notorious/build/preview.py): the browser reloads after a rebuild, a failed
rebuild shows its error instead of stale pages, and the last good site is served until the next one is ready.

The server runs here on a small hand-made site; the builds it starts are `make book`'s (test_build.py).
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from notorious.build.preview import State, rebuild, serve, site_folder
from notorious.site import harden

pytestmark = pytest.mark.built  # the whole module needs the built site or runs a build

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Intro</title></head>
<body><h1>{heading}</h1></body>
</html>
"""


def write_site(folder, heading: str, *, preview: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "intro.html").write_text(harden(PAGE.format(heading=heading), preview=preview), encoding="utf-8")


@pytest.fixture
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


def test_the_browser_reloads_after_a_rebuild_and_shows_a_failed_one(tmp_path, browser):
    """The reproductions: the browser never reloaded (the policy blocked the reload script), and after a failed
    rebuild the old pages were served as if current."""
    write_site(tmp_path / "html", "First")
    state = State()
    server = serve(state, tmp_path, 0)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective));"
    )
    page = context.new_page()
    try:
        page.goto(base + "intro.html", wait_until="load")
        assert page.locator("h1").inner_text() == "First"
        page.wait_for_timeout(1000)  # the snippet has asked for the state once
        write_site(tmp_path / "html", "Second")
        state.succeeded()
        page.locator("h1", has_text="Second").wait_for(timeout=10000)
        assert page.evaluate("window.__csp") == [], "the reload snippet must run under the preview's policy"
        page.wait_for_timeout(1000)
        state.failed("data/metrics.csv, line 4, column 'value': 'x' is not a number")
        page.get_by_text("The book did not build").wait_for(timeout=10000)
        assert "data/metrics.csv, line 4, column 'value'" in page.content()
        page.wait_for_timeout(1000)
        write_site(tmp_path / "html", "Third")
        state.succeeded()
        page.locator("h1", has_text="Third").wait_for(timeout=10000)
    finally:
        context.close()
        server.shutdown()


def test_the_last_good_site_is_served_until_the_new_one_takes_its_place(tmp_path):
    assert site_folder(tmp_path) is None
    write_site(tmp_path / "aside" / "html", "Old")  # between the two renames that publish a build
    assert site_folder(tmp_path) == tmp_path / "aside" / "html"
    write_site(tmp_path / "html", "New")
    assert site_folder(tmp_path) == tmp_path / "html"


def test_a_failed_rebuild_keeps_what_the_build_said(tmp_path):
    class Failing:
        class BuildFailed(Exception):
            pass

        def build(self, build_dir, flags, *, pdf, preview, output):
            assert preview and not pdf
            output.append("data/events.csv, line 7, column 'date': '2099' is after the edition's date\n")
            raise self.BuildFailed("the book did not build")

    state = State()
    rebuild(state, tmp_path, Failing(), [])
    assert state.error.startswith("the book did not build") and "line 7, column 'date'" in state.error
    assert state.token() == "1:failed"
