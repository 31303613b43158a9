"""Every built page under the site's Content-Security-Policy (``policy.py`` says what it allows), and the root page."""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.util import logging

from .policy import PolicyError, with_policy

logger = logging.getLogger(__name__)


# The theme's two buttons with inline handlers; static/actions.js does the same from a file.
HANDLERS = {
    'onclick="window.print()"': 'data-nt-action="print"',
    'onclick="toggleFullScreen()"': 'data-nt-action="fullscreen"',
}


# The search page loads these without defer, before the deferred doctools.js that defines what they call.
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")


# Set by `make preview` (notorious/build/preview.py): its pages may also run the preview's reload snippet.
PREVIEW_VARIABLE = "NOTORIOUS_PREVIEW"


def harden(page: str, *, preview: bool = False) -> str:
    """A built page under the strict policy: inline handlers moved to a file, search scripts in order, the
    policy as the first element of <head> so that it governs everything after it (notorious/site/policy.py), put
    there on every build whatever the page holds. PolicyError for a page that would run an unknown script or
    carries a second policy."""
    for handler, data in HANDLERS.items():
        page = page.replace(handler, data)
    for script in SEARCH_SCRIPTS:
        page = re.sub(rf'<script src="([./]*{re.escape(script)})">', r'<script defer src="\1">', page)
    return with_policy(page, preview=preview)


def write_root_page(outdir: Path, root_doc: str) -> None:
    """The site's root address serves the first page itself, not a redirect to it: a reader landing on the
    root waits for one page, not two. Its canonical address is the page's own."""
    page = (outdir / f"{root_doc}.html").read_text(encoding="utf-8")
    canonical = f'<link rel="canonical" href="{html.escape(root_doc)}.html">'
    root = page.replace("</head>", f"    {canonical}\n</head>", 1)
    index = outdir / "index.html"
    if not index.exists() or index.read_text(encoding="utf-8") != root:
        index.write_text(root, encoding="utf-8")


def harden_pages(outdir: Path, *, preview: bool = False) -> list[str]:
    """Harden every page of the site; the problems of the pages that cannot be, each as 'page: what'."""
    problems = []
    # _static/ holds the theme's template fragments (webpack-macros.html), not pages.
    for path in sorted(p for p in outdir.rglob("*.html") if p.relative_to(outdir).parts[0] != "_static"):
        text = path.read_text(encoding="utf-8")
        try:
            hardened = harden(text, preview=preview)
        except PolicyError as error:
            problems.append(f"{path.relative_to(outdir).as_posix()}: {error}")
            continue
        if hardened != text:
            path.write_text(hardened, encoding="utf-8")
    return problems
