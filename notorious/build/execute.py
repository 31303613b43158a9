"""Execute the book's notebooks on every core, into the execution cache, before Sphinx reads them.

MyST-NB executes a page while Sphinx reads it, so a cold build runs the notebooks one after another on one
core. ``make book`` (notorious/build/state.py) first runs ``python notorious/build/execute.py CACHE [--stale DOC,...]``,
which does MyST-NB's own execution of each page that the cache lacks (or that ``--stale`` names: data it read has
changed), in a pool of one process per core, the longest first, and stores each result in the jupyter-cache as
MyST-NB stores it: the notebook as MyST-NB's reader makes it from the page, executed by jupyter-cache's
``single_nb_execution`` with MyST-NB's arguments (the page's folder as working directory, the book's timeout,
``allow_errors``, ``meta_override``) and the page announced to the kernel (``pages.DOC_VARIABLE``), as the Sphinx
extension announces it. The cache keys on what MyST-NB hashes, so Sphinx then finds every page in the cache and
executes none (tests/build/test_author_loop.py holds it to that).

The pool starts first: when work is certain (stale pages, or no cache yet) its workers start and import while this
process reads the pages, and each stale page is sent at once, its worker reading it. Sphinx starts meanwhile too
(notorious/build/state.py) and reads no page before this step has finished (site.reading.wait_for_execution).

A page that fails here is not stored: Sphinx executes it again and reports the failing cell, as without this step.
A stale page's old record is removed first, so a failure can never leave its old outputs to be served.

Run as a script, as buildstate.py is: importing the package would load pandas and Altair, in this process and in
each worker, for nothing.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import cache
from multiprocessing import active_children, get_context
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "_config.yml"
# pages.DOC_VARIABLE, named here too so that this script imports nothing of the package.
DOC_VARIABLE = "NOTORIOUS_DOC"


def documents() -> list[str]:
    """Every page of _toc.yml, root first (pages.documents, without importing the package)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    parts = toc.get("parts", [{"chapters": toc.get("chapters", [])}])
    return [toc["root"]] + [entry["file"] for part in parts for entry in part["chapters"]]


@cache
def parser_configs():
    """MyST's and MyST-NB's configurations as Jupyter Book gives them to Sphinx from _config.yml."""
    import dataclasses

    from jupyter_book.config import get_final_config
    from myst_nb.core.config import NbParserConfig
    from myst_parser.config.main import MdParserConfig

    config, _ = get_final_config(user_yaml=CONFIG, sourcedir=ROOT, cli_config={"latex_individualpages": False})

    def pick(cls, prefix):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(
            **{k[len(prefix) :]: v for k, v in config.items() if k.startswith(prefix) and k[len(prefix) :] in names}
        )

    return pick(MdParserConfig, "myst_"), pick(NbParserConfig, "nb_")


def read(doc: str, md_config, nb_config):
    """The page's notebook as MyST-NB reads it (myst_nb.sphinx_.Parser.parse), and its reader's format."""
    from myst_nb.core.read import create_nb_reader

    path = ROOT / f"{doc}.md"
    text = path.read_text(encoding="utf-8")
    reader = create_nb_reader(str(path), md_config, nb_config, text)
    if reader is None:
        return None, None
    return reader.read(text), reader.read_fmt


def _execute(job: tuple[str, str, bool, int]) -> tuple[str, str | None, float, str | None]:
    """In a worker: execute one page's notebook (as JSON, read by the main process as MyST-NB reads it) as MyST-NB
    would, with its execution settings; its notebook as JSON (None when it failed), the time and the error. The
    worker imports only nbformat and jupyter-cache's executor (nbclient): not Jupyter Book, MyST or the page."""
    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    doc, text, allow_errors, timeout = job
    if text is None:  # a stale page, sent before the main process read it: read here, as MyST-NB reads it
        md_config, nb_config = parser_configs()
        notebook, _ = read(doc, md_config, nb_config)
        if notebook is None:
            return doc, None, 0.0, None  # not a notebook: nothing to execute
        allow_errors, timeout = nb_config.execution_allow_errors, nb_config.execution_timeout
    else:
        notebook = nbformat.reads(text, as_version=4)
    os.environ[DOC_VARIABLE] = doc  # the kernel inherits it, as under Sphinx (site.reading.announce_doc)
    result = single_nb_execution(
        notebook,
        cwd=str((ROOT / doc).parent),
        allow_errors=allow_errors,
        timeout=timeout,
        meta_override=True,
    )
    if result.err is not None:
        return doc, None, result.time, f"{result.err.__class__.__name__}"
    return doc, nbformat.writes(notebook), result.time, None


def _stop(signum, frame) -> None:
    """Stopped (the data check failed, or the build was): the workers go too; their kernels follow them."""
    for worker in active_children():
        worker.kill()
    os._exit(128 + signum)


def _warm(reads: bool) -> None:
    """In a worker, as soon as it starts: what executing a notebook imports (and, when it will read stale pages
    itself, what reading one does), while the main process reads the pages."""
    import jupyter_cache.executors.utils  # noqa: F401  (nbclient, nbformat)

    if reads:
        parser_configs()


def execute(cache_path: Path, stale: set[str], jobs: int | None = None) -> list[str]:
    """Execute into the cache every notebook page it lacks, and every stale one; the pages executed."""
    cores = jobs or os.cpu_count() or 1
    pool = ProcessPoolExecutor(max_workers=cores, mp_context=get_context("spawn"))
    signal.signal(signal.SIGTERM, _stop)
    # Work is certain when pages are stale or there is no cache yet: the workers start (and import) while this
    # process imports jupyter-cache and reads the pages, and each stale page is sent at once (its worker reads it).
    for _ in range(min(cores, len(stale)) if stale else cores if not cache_path.exists() else 0):
        pool.submit(_warm, bool(stale))
    early = {
        doc: pool.submit(_execute, (doc, None, None, None))
        for doc in sorted(stale, key=lambda d: -(ROOT / f"{d}.md").stat().st_size)
        if (ROOT / f"{doc}.md").is_file()
    }
    try:
        return _execute_pending(pool, cache_path, stale, early)
    finally:
        pool.shutdown(cancel_futures=True)


def _execute_pending(pool: ProcessPoolExecutor, cache_path: Path, stale: set[str], early: dict) -> list[str]:
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.cache.db import NbProjectRecord

    md_config, nb_config = parser_configs()
    cache = get_cache(str(cache_path))
    pending: dict[str, tuple[object, dict | None, float]] = {}
    for doc in documents():
        notebook, read_fmt = read(doc, md_config, nb_config)
        if notebook is None:
            continue
        try:
            record = cache.match_cache_notebook(notebook)
        except KeyError:
            record = None
        if record is not None and doc not in stale:
            continue
        if record is not None:
            cache.remove_cache(record.pk)  # never served again, even if the page now fails
        last = record.data.get("execution_seconds", 0.0) if record is not None else 0.0
        pending[doc] = (notebook, read_fmt, last or (ROOT / f"{doc}.md").stat().st_size / 1e4)
    # The longest first (by the last run, or the page's size), so that two cores finish close together.
    order = sorted(set(pending) - set(early), key=lambda d: -pending[d][2])
    settings = (nb_config.execution_allow_errors, nb_config.execution_timeout)
    futures = [pool.submit(_execute, (doc, nbformat.writes(pending[doc][0]), *settings)) for doc in order]
    done = []
    for future in as_completed([*early.values(), *futures]):
        doc, text, seconds, error = future.result()
        if doc not in pending:
            continue  # a stale page that is not a notebook
        if text is None:
            print(f"{doc}: failed ({error}) in {seconds:.1f} s; Sphinx will execute it and report", flush=True)
            continue
        _, read_fmt, _ = pending[doc]
        path = str(ROOT / f"{doc}.md")
        stage = cache.add_nb_to_project(path, read_data=read_fmt) if read_fmt else cache.add_nb_to_project(path)
        NbProjectRecord.remove_tracebacks([stage.pk], cache.db)
        cache.cache_notebook_bundle(
            CacheBundleIn(nbformat.reads(text, as_version=4), stage.uri, data={"execution_seconds": seconds}),
            check_validity=False,
            overwrite=True,
        )
        print(f"executed {doc} ({seconds:.1f} s)", flush=True)
        done.append(doc)
    return done


def main(argv: list[str]) -> int:
    cache_path = Path(argv[0])
    stale = set()
    if "--stale" in argv:
        stale = {d for d in argv[argv.index("--stale") + 1].split(",") if d}
    started = time.monotonic()
    done = execute(cache_path, stale)
    print(f"executed {len(done)} notebooks into the cache ({time.monotonic() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
