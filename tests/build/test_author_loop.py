"""The author's loop (issue 25), on a copy of the repository built as `make preview` builds it (no PDF).

A cold build executes every notebook once, on both cores, before Sphinx reads the cache, and Sphinx then finds
every page there and executes none: the cache key notorious/build/execute.py stores under is MyST-NB's own. A change
to one table re-executes every page that read it in the last build and no other, and what the build then
publishes is what a cold build of the changed data publishes: no page is left with its old outputs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from repository import book_command, copy_repository

from notorious.pages import documents

pytestmark = pytest.mark.built  # the whole module runs builds of a copy

FLAGS = ["-W", "-n", "--keep-going"]
TABLE = "data/lobbying.csv"
MARK = " (a sentence the test added)"


def build(copy: Path, folder: str) -> str:
    """One preview build of the copy into ``folder``; what it printed."""
    _, env = book_command(copy)
    command = [sys.executable, "notorious/build/state.py", folder, "--preview", "--", *FLAGS]
    result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    return output


def executed(output: str) -> set[str]:
    """The pages notorious/build/execute.py executed into the cache."""
    return set(re.findall(r"^executed (\S+) \(", output, re.MULTILINE))


def readers(state: Path, file: str) -> set[str]:
    """The pages whose notebooks, or whose roles, read ``file`` in the build that left ``state``."""
    entries = [json.loads(line) for line in (state / "reads.jsonl").read_text().splitlines()]
    return {e.get("page", e["reader"]) for e in entries if e["file"] == file} & set(notebook_pages(state.parent))


def notebook_pages(build_dir: Path) -> list[str]:
    execute = build_dir / "state" / "jupyter_execute"
    return sorted(p.relative_to(execute).with_suffix("").as_posix() for p in execute.rglob("*.ipynb"))


def figures(build_dir: Path) -> dict[str, bytes]:
    """The files the notebooks wrote (each chart's SVG, PNG and CSV)."""
    folder = build_dir / "state" / "figures"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page(build_dir: Path, doc: str) -> str:
    """A built page, without the cache-busting ``?v=`` Sphinx adds to an asset link only when the asset is already
    in the output folder (so only in an incremental build)."""
    return re.sub(r"\?v=[0-9a-f]{8}", "", (build_dir / "html" / f"{doc}.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return copy_repository(tmp_path_factory.mktemp("loop") / "book")


@pytest.fixture(scope="module")
def cold(copy):
    return build(copy, "_build/loop")


def test_a_cold_build_executes_every_notebook_before_sphinx_and_sphinx_executes_none(copy, cold):
    pages = notebook_pages(copy / "_build" / "loop")
    assert len(pages) == len(documents()) and executed(cold) == set(pages)
    assert "Executing notebook" not in cold, "Sphinx executed a page the cache should have held"
    assert cold.count("Using cached notebook") == len(pages)


def test_a_table_edit_re_executes_every_page_that_reads_it_and_no_other(copy, cold):
    folder = copy / "_build" / "loop"
    pages = set(notebook_pages(folder))
    read_it = readers(folder / "state", TABLE)
    assert "chapters/lobbying" in read_it and "chapters/glossary" not in read_it and read_it < pages
    before = {doc: page(folder, doc) for doc in pages}
    table = copy / TABLE
    lines = table.read_text(encoding="utf-8").split("\n")
    assert lines[1].startswith("Alibaba Group,2011,year,100000,")
    # Alibaba's first year of lobbying (the introduction's and the chapter's charts) and the row's note (the
    # chapter's source table).
    lines[1] = lines[1].replace(",100000,", ",100500,", 1).rstrip(".") + MARK + "."
    table.write_text("\n".join(lines), encoding="utf-8")

    again = build(copy, "_build/loop")
    assert executed(again) == read_it, "a data edit must re-execute exactly the pages that read the table"
    assert "Executing notebook" not in again
    assert f"data changed ({TABLE})" in again
    assert MARK.strip(" ()") in (folder / "html" / "chapters" / "lobbying.html").read_text(encoding="utf-8")

    for doc in ("intro", "chapters/lobbying"):
        assert page(folder, doc) != before[doc], f"the edit does not show on {doc}: the test would prove nothing"

    build(copy, "_build/fresh")  # the same data, from nothing
    fresh = copy / "_build" / "fresh"
    for doc in sorted(pages):
        assert page(folder, doc) == page(fresh, doc), f"{doc}.html is not what a cold build of the same data gives"
    assert figures(folder) == figures(fresh), "a chart's files are not what a cold build of the same data gives"
