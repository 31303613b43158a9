"""The reader's book (issue 22, items 7 and 10): the appendix as pages a reader can use, dark mode that stays legible,
one search box whose icon leaves the query readable. In headless Chromium with every other origin blocked (the
fixtures of test_site.py), at a phone's 390 px and a desktop's 1280 px, with JavaScript off and in print.

Needs `make book` first. Each browser test here failed on the site built from d88b089 (before issue 22): the
appendix was one page, figure pages were white in dark mode, the claim cards were white text on a light card,
the desktop showed two search boxes and the magnifier sat on the query's first letter."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from notorious import load
from notorious.pages import APPENDIX, DECISIONS, GAPS, SOURCES
from notorious.paths import ROOT

sys.path.insert(0, str(Path(__file__).parent))
from test_site import SITE, browser, server  # noqa: E402, F401  (the fixtures, shared)

pytestmark = pytest.mark.built

PHONE, DESKTOP = 390, 1280
# WCAG 2.x's contrast of two colours, in the page: every visible element with text of its own, its colour against
# the first opaque background behind it (translucent ones blended in).
CONTRAST = """(selector) => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = (rgb) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]); };
  const behind = (el) => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let out = [255, 255, 255]; for (const c of layers.reverse()) out = out.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
    return out; };
  const found = [];
  for (const root of document.querySelectorAll(selector)) {
    for (const el of [root, ...root.querySelectorAll("*")]) {
      if (el.closest(".nt-chart, svg") || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
      if (!own) continue;
      const bg = behind(el); let fg = parse(style.color);
      fg = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      found.push({ text: own.slice(0, 40), cls: el.tagName + "." + el.className, ratio: (a + 0.05) / (b + 0.05),
                   fg: style.color, bg: bg.map(Math.round).join(",") });
    }
  }
  return found;
}"""


class Seen:
    """One page load with every other origin blocked, in a colour scheme (the system's) and, optionally, a mode
    chosen with the book's toggle (pydata-sphinx-theme keeps it in localStorage)."""

    def __init__(self, chromium, base, path, *, width=DESKTOP, scheme="light", mode=None, javascript=True):
        self.errors: list[str] = []
        self.context = chromium.new_context(
            java_script_enabled=javascript, viewport={"width": width, "height": 900}, color_scheme=scheme
        )
        self.context.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort()
        )
        if mode:
            self.context.add_init_script(f"try {{ localStorage.setItem('mode', '{mode}'); }} catch (e) {{}}")
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(base + path, wait_until="load")

    def close(self):
        self.context.close()


def visit(browser, server, path, **options) -> Seen:  # noqa: F811
    return Seen(browser, server, path, **options)


def illegible(page, selector: str, minimum: float = 4.5) -> list[dict]:
    found = page.evaluate(CONTRAST, selector)
    assert len(found) >= 5, f"nothing to measure under {selector!r}"
    bad = [f for f in found if f["ratio"] < minimum]
    unique = {(f["cls"], f["fg"], f["bg"]): f for f in bad}
    return list(unique.values())[:8]


# --- Item 7: the appendix as pages ---------------------------------------------------------------------------------


def built(doc: str) -> BeautifulSoup:
    return BeautifulSoup((SITE / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")


def test_every_source_has_an_entry_whose_id_links_to_itself():
    page = built(SOURCES)
    ids = list(load().sources["source_id"])
    for sid in ids:
        entry = page.find(id=f"source-{sid}")
        assert entry is not None and entry.name == "li", f"{sid} has no entry on the Sources page"
        link = entry.select_one("a.nt-source-id")
        assert link is not None and link["href"] == f"#source-{sid}", f"{sid}: its id is not a link to its entry"
    assert built(APPENDIX).find(id=re.compile("^source-")) is None, "the sources are listed twice"


def test_the_appendix_is_pages_a_reader_can_scroll(browser, server):  # noqa: F811
    """Data and methods was one page of about 88,000 px at 1280 px wide; now it says how, and links the rest."""
    seen = visit(browser, server, f"{APPENDIX}.html")
    try:
        height = seen.page.evaluate("document.documentElement.scrollHeight")
        assert height < 20000, f"{APPENDIX}.html is {height} px tall"
        for doc in (SOURCES, GAPS, DECISIONS):
            name = doc.rsplit("/", 1)[1]
            assert seen.page.locator(f"article a[href='{name}.html']").count() >= 1, f"the appendix does not link {doc}"
    finally:
        seen.close()


@pytest.mark.parametrize(
    "old, new",
    [
        ("#source-{source}", f"{SOURCES}.html#source-{{source}}"),
        ("#gap-{gap}", f"{GAPS}.html#gap-{{gap}}"),
        ("#sources", f"{SOURCES}.html"),
        ("#gaps-and-disagreements", f"{GAPS}.html"),
        ("#where-sources-disagree", f"{GAPS}.html#where-sources-disagree"),
        ("#rating-scale", f"{APPENDIX}.html#rating-scale"),  # still on the appendix's first page: not sent on
    ],
)
def test_links_made_before_the_split_still_land(browser, server, old, new):  # noqa: F811
    ds = load()
    values = {"source": ds.sources["source_id"].iloc[-1], "gap": ds.gaps["gap_id"].iloc[-1]}
    old, new = old.format(**values), new.format(**values)
    seen = visit(browser, server, f"{APPENDIX}.html{old}", width=PHONE)
    try:
        seen.page.wait_for_url(re.compile(re.escape(new) + "$"), timeout=10000)
        fragment = new.partition("#")[2]
        if fragment:
            top = seen.page.evaluate(f"document.getElementById({fragment!r}).getBoundingClientRect().top")
            assert 0 <= top < 900, f"{new}: the entry is not on the screen ({top} px)"
        assert seen.errors == []
    finally:
        seen.close()


def test_the_decisions_page_is_the_readmes_decisions():
    """One source of truth: the page includes the README's section; each decision's bold lead is on the page."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- decisions-start -->", 1)[1].split("<!-- decisions-end -->", 1)[0]
    leads = re.findall(r"^- \*\*(.+?)\*\*", section, re.M)
    assert len(leads) >= 10
    shown = []
    for item in built(DECISIONS).select("article section li"):
        lead = item.find("p").contents[0]  # the bold words that open the decision
        if getattr(lead, "name", None) == "strong":
            shown.append(" ".join(lead.get_text().split()).replace("\u2019", "'"))  # MyST's typographer
    expected = [re.sub(r"`([^`]*)`", r"\1", lead) for lead in leads]
    assert shown == expected


# --- Item 10: dark mode -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("how", ["system", "toggle"])
def test_claim_cards_and_filters_are_legible_in_dark_mode(browser, server, width, how):  # noqa: F811
    """The claim audit (cards on a phone, a table on a desktop) and its filters, dark by the system's setting or
    by the book's toggle: every text at least 4.5:1 against what is behind it. Failed before: the theme put every
    notebook output on a light card (206, 214, 221) under the dark theme's light text and links."""
    scheme, mode = ("dark", None) if how == "system" else ("light", "dark")
    seen = visit(browser, server, "intro.html", width=width, scheme=scheme, mode=mode)
    try:
        assert seen.page.evaluate("document.documentElement.dataset.theme") == "dark"
        seen.page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        seen.page.locator(".nt-filter select").first.wait_for(state="visible", timeout=10000)
        assert illegible(seen.page, "table.nt-claims, .nt-filter") == []
        assert illegible(seen.page, "article.bd-article") == []
    finally:
        seen.close()


@pytest.mark.parametrize("path", ["chapters/listing-history.html", f"{SOURCES}.html", f"{GAPS}.html"])
def test_pages_are_legible_in_dark_mode(browser, server, path):  # noqa: F811
    seen = visit(browser, server, path, width=PHONE, scheme="dark")
    try:
        assert illegible(seen.page, "article.bd-article") == []
    finally:
        seen.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_javascript_the_page_is_legible(browser, server, scheme):  # noqa: F811
    seen = visit(browser, server, "intro.html", width=PHONE, scheme=scheme, javascript=False)
    try:
        assert illegible(seen.page, "article.bd-article") == []
    finally:
        seen.close()


def test_a_page_printed_from_dark_mode_prints_dark_text(browser, server):  # noqa: F811
    """Paper is white: printed from dark mode, the text must be dark (backgrounds are not printed)."""
    seen = visit(browser, server, "intro.html", scheme="dark")
    try:
        seen.page.emulate_media(media="print", color_scheme="dark")
        found = seen.page.evaluate(CONTRAST.replace("const bg = behind(el);", "const bg = [255, 255, 255];"), "article")
        bad = {(f["cls"], f["fg"]): f for f in found if f["ratio"] < 4.5}
        assert list(bad.values())[:8] == []
    finally:
        seen.close()


def luminance_of_page(page) -> float:
    rgb = page.evaluate(
        "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)",
    )
    return sum(rgb) / 3


@pytest.mark.parametrize(
    "scheme, mode, dark",
    [("light", None, False), ("dark", None, True), ("light", "dark", True), ("dark", "light", False)],
)
def test_a_figures_own_page_follows_the_readers_colour_mode(browser, server, scheme, mode, dark):  # noqa: F811
    """figures/<name>.html follows the system's scheme unless the book's toggle chose a mode; its text stays
    legible, and the chart keeps its white card. Failed before: it was white on every setting."""
    name = sorted((SITE / "figures").glob("*.html"))[0].name
    seen = visit(browser, server, f"figures/{name}", scheme=scheme, mode=mode)
    try:
        level = luminance_of_page(seen.page)
        assert (level < 60) if dark else (level > 200), f"{name} ({scheme}, toggle {mode}): background {level}"
        assert illegible(seen.page, "main") == []
        assert seen.errors == []
    finally:
        seen.close()


# --- Item 10: search ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_one_search_box_on_the_screen(browser, server, width):  # noqa: F811
    seen = visit(browser, server, "chapters/lobbying.html", width=width)
    try:
        shown = seen.page.locator(".search-button__button:visible, form.bd-search:visible")
        assert shown.count() == 1, f"{shown.count()} search boxes at {width} px"
    finally:
        seen.close()


QUERY_START = """() => { const input = document.activeElement; const style = getComputedStyle(input);
  const box = input.getBoundingClientRect(); const icon = input.parentElement.querySelector("i, svg");
  return {text: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
          icon: icon ? icon.getBoundingClientRect().right : null}; }"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_search_icon_leaves_the_query_readable(browser, server, width):  # noqa: F811
    """The magnifier sits inside the field; the query's first letter starts after it, in the search dialog and
    on the search page. Failed before: the text began 6 px under the icon."""
    seen = visit(browser, server, "intro.html", width=width)
    try:
        seen.page.locator(".search-button__button:visible").first.click()
        field = seen.page.locator("#pst-search-dialog input[type=search], dialog input[name=q]").first
        field.wait_for(state="visible")
        field.fill("Taobao")
        where = seen.page.evaluate(QUERY_START)
        assert where["icon"] is not None and where["text"] >= where["icon"], where
        seen.page.goto(server + "search.html?q=Taobao", wait_until="load")
        field = seen.page.locator("article input[type=search], .bd-search-container input[name=q]").first
        field.focus()
        where = seen.page.evaluate(QUERY_START)
        assert where["icon"] is not None and where["text"] >= where["icon"], where
    finally:
        seen.close()
