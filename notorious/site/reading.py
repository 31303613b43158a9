"""How Sphinx reads the book: bad data stops it first, pages whose data changed are read again, each page's kernel
knows its page, and the edition's facts reach every page at build time.
"""

from __future__ import annotations

import os
import time

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util import logging

from ..data.dataset import DataError, files_digest, load
from ..data.dates import when
from ..edition.identity import CHANGELOG_PAGE, CITE_ANCHOR, PDF, edition, updated
from ..pages import DOC_VARIABLE, documents
from ..paths import DATA_DIR

logger = logging.getLogger(__name__)


def add_edition(app: Sphinx, config) -> None:
    """The edition line of every page's footer (templates/extra-footer.html). It is part of the configuration,
    so a new version or date makes Sphinx write every page again."""
    book, day = edition(), updated()
    config.html_context = {
        **config.html_context,
        "nt_edition": {
            "title": book.title,
            "version": book.version,
            "updated": when(day),
            "updated_iso": day.isoformat(),
            "pdf": PDF,
            "root": documents()[0],
            "cite_anchor": CITE_ANCHOR,
            "changelog": CHANGELOG_PAGE,
            "issues": book.issues_url,
        },
    }


class InvalidData(SphinxError):
    category = "Data error"


def check_data(app: Sphinx) -> None:
    """Bad data stops the build before any page is read or executed, with the loader's message and nothing after
    it (the {src} role, the downloads and every notebook read data/ too, and would each fail their own way).
    `make book` has checked these very files already (it says so with their digest), and checks at its end that
    nothing read other bytes."""
    checked = os.environ.get(CHECKED_VARIABLE)
    if checked and checked == files_digest(DATA_DIR):
        return
    try:
        load(DATA_DIR)
    except DataError as error:
        raise InvalidData(str(error)) from None


def stamp_edition(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """The edition's year and version where a notebook's recorded output left their tokens (edition.stamp)."""
    if "body" in context:
        context["body"] = edition().stamp(context["body"])


# Set by `make book` (notorious/build/state.py): the pages, comma-separated, to read again although their sources did
# not change, because data they read did.
STALE_VARIABLE = "NOTORIOUS_STALE"


# Set by `make book`: the digest of the data/ it has just checked (dataset.files_digest).
CHECKED_VARIABLE = "NOTORIOUS_DATA_CHECKED"


def reread_stale(app: Sphinx, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """The pages the build re-executed because data they read changed: their sources did not change, so Sphinx
    would otherwise keep their old doctrees (notorious/build/state.py names them)."""
    stale = {doc for doc in os.environ.get(STALE_VARIABLE, "").split(",") if doc}
    return sorted(stale & set(env.found_docs) - added - changed)


# Set by `make book` (notorious/build/state.py), which starts Sphinx while the notebooks still execute into the cache
# (notorious/build/execute.py): a file that exists once they have, and the data has been checked.
EXECUTED_VARIABLE = "NOTORIOUS_EXECUTED"


def wait_for_execution(app: Sphinx, env, docnames: list[str]) -> None:
    """Sphinx starts (its extensions, the configuration, the last environment) while the notebooks execute; no page
    is read before every one is in the cache, so MyST-NB finds each there and executes none. `make book` stops
    this process when the execution or the data check fails."""
    marker = os.environ.get(EXECUTED_VARIABLE)
    if not marker:
        return
    waited, parent = time.monotonic(), os.getppid()
    while not os.path.exists(marker):
        if os.getppid() != parent:
            raise SystemExit("the build that started Sphinx is gone; no page is read")
        time.sleep(0.05)
    logger.info(f"the notebooks were executed into the cache; waited {time.monotonic() - waited:.1f} s for them")


def announce_doc(app: Sphinx, docname: str, source: list[str]) -> None:
    # MyST-NB executes a page right after reading it, in this process; the kernel it starts inherits this, which is
    # how FigureBook knows its page (pages.DOC_VARIABLE).
    os.environ[DOC_VARIABLE] = docname
