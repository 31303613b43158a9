"""A contributed data row can never run code in a reader's browser.

In a copy of the repository, script and markdown payloads are put into every free-text column of every table
(the first rows of each), the whole book is built from that copy, and every page is checked: no payload
reaches the HTML as markup, and no page breaks its Content-Security-Policy. Columns the schema constrains (keys,
enums, patterns, dates, numbers) refuse such text with file, line and column, which test_dataset.py proves.
"""

from __future__ import annotations

import csv
import functools
import http.server
import json
import os
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from repository import copy_repository, make_book

pytestmark = pytest.mark.built  # the whole module needs the built site or runs a build

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
MARK = "ntfuzz"
PAYLOAD = (
    f'={MARK}() <script>window.{MARK}=1</script><img src=x onerror="window.{MARK}=1">'
    f'<a href="javascript:window.{MARK}=1">{MARK}-a</a> [{MARK}-md](javascript:void(0)) **{MARK}-bold**'
    f" {{glue:text}}`{MARK}`"
    # Text that named the policy made the build skip the page, which then had none (issue 26).
    ' http-equiv="Content-Security-Policy" content="default-src *"'
)
ROWS = 3
# Free text the chapters match on exactly (a client, a person, an actor list they split, a claim's id) would
# change the book's logic, not test its escaping; these carry the payload only in the tests of test_dataset.py.
EXACT = {
    "lobbying": {"client", "registrant"},
    "lobbying_hires": {"name", "client", "kind"},
    "lobbying_issues": {"client"},
    "events": {"actor"},
    "platforms": {"operator"},
    "listings": {"operator"},
    # A vocabulary's names the chapters select by: a growth series, a party.
    "metric_labels": {"series"},
    "actor_aliases": {"party"},
}


def free_text_fields(resource: dict) -> list[dict]:
    key = resource["schema"].get("primaryKey", [])
    keys = set([key] if isinstance(key, str) else key)
    keys |= {fk["fields"] for fk in resource["schema"].get("foreignKeys", [])}
    return [
        f
        for f in resource["schema"]["fields"]
        if f.get("type", "string") == "string"
        and f["name"] not in keys
        and not {"enum", "pattern"} & set(f.get("constraints", {}))
        and f["name"] not in EXACT.get(resource["name"], set())
    ]


def poison(data: Path) -> int:
    """Append the payload to the free-text cells of the first rows of every table; returns cells changed."""
    schema = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    changed = 0
    for resource in schema["resources"]:
        path = data / resource["path"]
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if not rows:
            continue
        for field in free_text_fields(resource):
            limit = field.get("constraints", {}).get("maxLength")
            for row in rows[:ROWS]:
                if field["name"] in ("quote", "quote_en") and not row["quote"]:
                    continue  # a row without a quote must say why in its note; adding one would change that
                text = f"{row[field['name']]} {PAYLOAD}".strip()
                row[field["name"]] = text[-limit:].strip() if limit else text
                changed += 1
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return changed


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    copy = copy_repository(tmp_path_factory.mktemp("fuzz") / "book")
    assert poison(copy / "data") > 100
    result = make_book(copy)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return copy / "_build" / "html"


class Markup(HTMLParser):
    """What the payload would become if it reached a page unescaped: elements and attributes, not text."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.policies: list[str] = []
        self.script: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if MARK in (value or "") and (name.startswith("on") or (value or "").startswith("javascript:")):
                self.found.append(f"<{tag} {name}={value!r}>")
        scripted_link = tag == "a" and (attrs.get("href") or "").startswith("javascript:")
        if (tag == "img" and attrs.get("src") == "x") or scripted_link:
            self.found.append(f"<{tag}> built from the payload: {attrs}")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attrs.get("content"))
        if tag == "script" and attrs.get("type") not in ("application/json", "application/ld+json"):
            self.script = ""
        if tag == "strong":
            self.script = None
        self.tag = tag

    def handle_data(self, data):
        if self.script is not None:
            self.script += data
        if getattr(self, "tag", "") == "strong" and f"{MARK}-bold" in data:
            self.found.append("markdown in a data cell became <strong>")

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            if MARK in self.script:
                self.found.append(f"an executable script holds the payload: {self.script[:80]!r}")
            self.script = None
        self.tag = ""


def test_payloads_never_reach_a_page_as_markup(poisoned_site):
    pages = sorted(poisoned_site.rglob("*.html"))
    assert len(pages) > 5
    reached = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        reached += text.count(MARK)
        parser = Markup()
        parser.feed(text)
        assert parser.found == [], f"{page.relative_to(poisoned_site)}: {parser.found[:3]}"
        if page.relative_to(poisoned_site).parts[0] == "_static":
            continue  # the theme's template fragments, not pages
        assert len(parser.policies) == 1 and "default-src 'self'" in parser.policies[0], page
        assert re.search(r'<head>\s*<meta http-equiv="Content-Security-Policy"', text), f"{page}: policy not first"
    assert reached > 50, "the payloads should reach the pages, escaped"


def test_payloads_stay_data_inside_json_ld(poisoned_site):
    """A claim holding </script> cannot end its JSON-LD block: the block still parses, holds the payload as text,
    and carries no raw <, > or &."""
    blocks = [
        body
        for page in poisoned_site.rglob("*.html")
        for body in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S)
    ]
    assert blocks, "the introduction and the data pages carry JSON-LD"
    assert any(MARK in json.dumps(json.loads(body), ensure_ascii=False) for body in blocks), "the payload reached it"
    for body in blocks:
        assert not re.search(r"[<>&]", body), body[:200]


def test_downloads_of_poisoned_rows_are_safe_in_a_spreadsheet(poisoned_site):
    for path in (poisoned_site / "data").glob("*.csv"):
        for row in csv.reader(path.read_text(encoding="utf-8").splitlines()):
            assert not any(cell.startswith(f"={MARK}") for cell in row), path
    served = (poisoned_site / "data" / "events.csv").read_text(encoding="utf-8")
    assert f"'={MARK}()" in served, "an empty note given the payload starts with = and must be neutralised"


def test_no_payload_runs_in_the_browser(poisoned_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(poisoned_site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for page_path in [
                "intro.html",
                "chapters/listing-history.html",
                "chapters/lobbying.html",
                "chapters/brand-coalitions.html",
                "chapters/platform-metrics.html",
                "chapters/data-and-methods.html",
                "chapters/sources.html",  # every source's free text (issue 22 split the appendix)
                "chapters/gaps.html",  # every gap's, and the disagreements
                "chapters/data-dictionary.html",
            ]:
                context = browser.new_context()
                context.add_init_script(
                    "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                    " e => window.__csp.push(e.violatedDirective));"
                )
                page = context.new_page()
                page.goto(base + page_path, wait_until="load")
                for link in page.locator(f"a:has-text('{MARK}')").all()[:3]:
                    assert not (link.get_attribute("href") or "").startswith("javascript:")
                assert page.evaluate(f"window.{MARK}") is None, f"{page_path}: a payload ran"
                assert page.evaluate("window.__csp") == [], f"{page_path}: {page.evaluate('window.__csp')}"
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
