"""The site's Content-Security-Policy, and the one list of inline scripts a page may carry.

Every built page gets the policy as the first element of its ``<head>``, whatever the page already holds, so
nothing written before it (a data cell, an author's raw HTML) can remove or widen it. Scripts come only from the
site itself, or are one of the theme's small inline snippets below, each allowed by the SHA-256 of its exact text.
A page with any other inline script, or with a second policy of its own, fails the build: ``harden`` raises
PolicyError and the Sphinx extension turns that into a warning, which the strict build makes an error.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-src 'none'"
)
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def sha256(text: str) -> str:
    """A script's hash as a policy names it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# The inline scripts of the theme (pydata-sphinx-theme, sphinx-book-theme, sphinx-togglebutton, Sphinx's search
# page) that the book's pages carry, each with its hash. A theme upgrade that changes one fails the build with the
# script's text, and the new text is added here after reading it. tests/site/test_policy.py checks each hash.
THEME_SNIPPETS = {
    '\n    document.documentElement.dataset.mode = localStorage.getItem("mode") || "auto";\n'
    '    document.documentElement.dataset.theme = localStorage.getItem("theme") || "auto";\n  ': (
        "'sha256-P1Gd/Wqjqq8uduID7MOciZi3jIWvAuyCldpRMjsiEjw='"
    ),
    "let toggleHintShow = 'Click to show';": "'sha256-0ysgQORJN47/EUTghWD1YTjEV1Juh4KAG4PeoPPRgDk='",
    "let toggleHintHide = 'Click to hide';": "'sha256-pH3yt92lhQNFBWt4vXOLwSWBTKDsryr1//6kIMDlG2k='",
    "let toggleOpenOnPrint = 'true';": "'sha256-FqfirzFHtRrANndrt9LFhvjuJAu6+Nu06S6SzGfHlvE='",
    "var togglebuttonSelector = '.toggle, .admonition.dropdown';": (
        "'sha256-I0O+LkYBdTrXbI52RlP9O+S0aJ9NPgUrB5OaBpP2uHA='"
    ),
    "DOCUMENTATION_OPTIONS.search_as_you_type = false;": "'sha256-45raXJwhVFsGIr53+bEjhDPiYb+40hWrPMHNnlmjRLo='",
    "\n    // Activate the search field on page load\n"
    '    let searchInput = document.querySelector("form.bd-search input");\n'
    "    if (searchInput) {\n"
    "        searchInput.focus();\n"
    "        searchInput.select();\n"
    '        console.log("[PST]: Set focus on search field.");\n'
    "    }\n  ": "'sha256-mNyD6WQ4vKGmtbf2Mk6RMjMo7k6Ib4wzc6b1fvYgVHE='",
}
# Sphinx names each page in one more snippet; it is known when it names a page as Sphinx does (no quote, no
# backslash, nothing but a document name), and its hash is computed for that name.
PAGENAME_SNIPPET = re.compile(r"DOCUMENTATION_OPTIONS\.pagename = '[A-Za-z0-9_./-]+';")
# `make preview` only: the server adds this to every page it serves so the browser reloads after a rebuild
# (notorious/build/preview.py). A preview build allows it; `make book` never does, so it cannot run on the published
# site.
PREVIEW_RELOAD = "\n".join(
    [
        "(function () {",
        "  var seen = null;",
        "  function poll() {",
        "    fetch('/_preview/state', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (s) {",
        "      if (seen !== null && s !== seen) { location.reload(); return; }",
        "      seen = s; setTimeout(poll, 700);",
        "    }, function () { setTimeout(poll, 1500); });",
        "  }",
        "  poll();",
        "})();",
    ]
)
# Script types a browser does not run: data blocks (each chart's spec is one).
DATA_TYPES = {"application/json", "application/ld+json"}
# The policy this module wrote, right after <head>, in a page an earlier build hardened.
OURS = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"<>]*">')


class PolicyError(ValueError):
    """A page would run something the policy does not list, or carries a policy of its own."""


class _Scan(HTMLParser):
    """The inline scripts and the policies a page holds, as an HTML parser sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.policies = 0
        self._script: tuple[dict, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta" and attributes.get("http-equiv", "").strip().lower() == "content-security-policy":
            self.policies += 1
        if tag == "script":
            self._script = (attributes, [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            attributes, body = self._script
            self.scripts.append((attributes, "".join(body)))
            self._script = None


def allowed_hashes(page: str, *, preview: bool = False) -> list[str]:
    """The hashes of the page's inline scripts, every one of them known; PolicyError names any other."""
    scan = _Scan()
    scan.feed(page)
    scan.close()
    if scan.policies:
        raise PolicyError(f"the page carries a Content-Security-Policy of its own ({scan.policies}); remove it")
    # A preview build's pages run the reload snippet the preview server adds to each page it serves.
    hashes = {sha256(PREVIEW_RELOAD)} if preview else set()
    for attributes, body in scan.scripts:
        if "src" in attributes or attributes.get("type", "").strip().lower() in DATA_TYPES:
            continue
        if body in THEME_SNIPPETS:
            hashes.add(THEME_SNIPPETS[body])
        elif PAGENAME_SNIPPET.fullmatch(body) or (preview and body == PREVIEW_RELOAD):
            hashes.add(sha256(body))
        else:
            shown = " ".join(body.split())[:120]
            raise PolicyError(
                f"an inline script that is not one of the theme's known snippets (notorious/site/policy.py): "
                f"{shown!r}; put the code in a file under notorious/site/static/ instead"
            )
    return sorted(hashes)


def csp_meta(page: str, *, preview: bool = False) -> str:
    """The policy element for one page: its known inline snippets allowed by hash."""
    return META.format(policy=POLICY.format(hashes=" ".join(allowed_hashes(page, preview=preview))))


def with_policy(page: str, *, preview: bool = False) -> str:
    """The page with the policy as the first element of its <head>, always: the policy an earlier build put
    there is replaced, and any other is refused."""
    head = re.search(r"<head\b[^>]*>", page)
    if head is None:
        raise PolicyError("the page has no <head> to put the Content-Security-Policy in")
    earlier = OURS.match(page, head.end())
    if earlier:
        page = page[: head.end()] + page[earlier.end() :]
    meta = csp_meta(page, preview=preview)
    return page[: head.end()] + "\n    " + meta + page[head.end() :]
