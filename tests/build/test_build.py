"""All or nothing, for real: builds of a copy of the repository, stopped or fed changed data while they run.

The reproductions of issue 26: a build killed while it wrote pages left 9 of 30 pages and no policy; a kill during
the PDF step, or of `make` alone, left a site without the PDF its footer links to; a metrics row appended while
the book built and removed before it ended was published (7777 on the page and in the figure's CSV) with exit 0.
The tests share one copy and run in order; each build is stopped as early as the case allows, to stay cheap.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from repository import copy_repository, start_book

pytestmark = pytest.mark.built  # the whole module needs the built site or runs a build

PDF = "downloads/notorious-again.pdf"
# What the build prints once it has read its inputs and removed what a stopped build left (buildstate.py).
CLEAN = "inputs changed: a clean build"


def manifest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def wait_for(condition, what: str, process: subprocess.Popen | None = None, timeout: float = 900) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            pytest.fail(f"the build ended (exit {process.returncode}) before {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def stop(process: subprocess.Popen, sig: int) -> None:
    os.killpg(process.pid, sig)
    process.wait(timeout=120)


def read_by(log: Path, reader: str, file: str) -> bool:
    """Whether ``reader`` has read ``file`` (buildstate's log of what each page loaded)."""
    if not log.exists():
        return False
    entries = [json.loads(line) for line in log.read_text().splitlines() if line.endswith("}")]
    return any(e["reader"] == reader and e["file"] == file for e in entries)


def change_the_package(copy: Path, mark: str) -> None:
    """An edit of notorious/ makes the next build a clean one, which takes long enough to be stopped midway."""
    theme = copy / "notorious" / "charts" / "theme.py"
    theme.write_text(theme.read_text(encoding="utf-8") + f"\n# {mark}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return copy_repository(tmp_path_factory.mktemp("build") / "book")


@pytest.fixture(scope="module")
def published(copy, tmp_path_factory):
    """A complete site, built by a `make book` whose `make` process was killed as soon as the build started: the
    build itself carries on and publishes the whole site, PDF included."""
    log = tmp_path_factory.mktemp("logs") / "first.log"
    process = start_book(copy, log)
    wait_for(lambda: (copy / "_build" / "staging").exists(), "the staging folder", process)
    process.send_signal(signal.SIGTERM)  # make alone, not its build
    process.wait(timeout=60)
    site = copy / "_build" / "html"
    wait_for(lambda: (site / PDF).exists() and not (copy / "_build" / "staging").exists(), "the published site")
    wait_for(lambda: "published _build/html" in log.read_text(), "the build's last line")
    return manifest(site)


def test_killing_make_alone_still_publishes_the_whole_site(published):
    assert PDF in published and "intro.html" in published and "search.html" in published
    assert len([p for p in published if p.endswith(".html") and not p.startswith("_static")]) > 25


def test_a_build_killed_while_it_writes_pages_leaves_the_previous_complete_site(copy, published, tmp_path):
    theme = copy / "notorious" / "charts" / "theme.py"
    original = theme.read_bytes()
    change_the_package(copy, "while pages are written")
    log = tmp_path / "build.log"
    process = start_book(copy, log)
    wait_for(lambda: CLEAN in log.read_text(), "the build's start", process)
    wait_for(lambda: (copy / "_build/staging/_build/html/chapters/lobbying.html").exists(), "a page written", process)
    stop(process, signal.SIGTERM)
    assert manifest(copy / "_build" / "html") == published, "stopped while pages were written, the site changed"
    theme.write_bytes(original)  # the next build may start from the published one again


def test_a_build_killed_while_it_prints_the_pdf_leaves_the_previous_complete_site(copy, published, tmp_path):
    """A prose edit: the build starts from the published one, re-reads one page and prints the PDF again."""
    glossary = copy / "chapters" / "glossary.md"
    original = glossary.read_bytes()
    glossary.write_bytes(original + b"\nA sentence added by the test.\n")
    started = time.time()
    book = copy / "_build/staging/_build/pdf/book.html"  # written by this build's PDF step (the copied one is older)
    process = start_book(copy, tmp_path / "build.log")
    wait_for(lambda: book.exists() and book.stat().st_mtime > started, "the PDF step", process)
    stop(process, signal.SIGKILL)
    assert manifest(copy / "_build" / "html") == published, "killed while the PDF was printed, the site changed"
    glossary.write_bytes(original)


def test_data_changed_and_restored_while_the_book_builds_is_not_published(copy, published, tmp_path):
    metrics = copy / "data" / "metrics.csv"
    original = metrics.read_bytes()
    figures = manifest(copy / "figures")
    row = next(line for line in original.decode("utf-8").splitlines() if line.startswith("arrests,"))
    fields = row.split(",")
    edited = ",".join([fields[0], fields[1], "2013", "2013", "7777", *fields[5:]]) + "\n"
    change_the_package(copy, "a clean build, so that every page reads data/")
    log = tmp_path / "build.log"
    process = start_book(copy, log)
    wait_for(lambda: CLEAN in log.read_text(), "the build's start (the inputs are read)", process)
    metrics.write_bytes(original + edited.encode("utf-8"))
    reads = copy / "_build" / "staging" / "_build" / "reads.jsonl"
    wait_for(
        lambda: read_by(reads, "chapters/platform-metrics", "data/metrics.csv"), "the metrics page's load", process
    )
    metrics.write_bytes(original)
    assert process.wait(timeout=900) != 0
    output = log.read_text()
    assert "data changed while the book was building" in output
    assert re.search(r"data/metrics\.csv, as read by [^;]*chapters/platform-metrics", output), output[-2000:]
    site = copy / "_build" / "html"
    assert not site.exists() or not any("7777" in p.read_text(errors="ignore") for p in site.rglob("*.csv"))
    assert manifest(copy / "figures") == figures, "a build must not leave its figures in the repository"
