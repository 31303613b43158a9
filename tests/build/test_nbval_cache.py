"""nbval after the build (notorious/build/nbval_pages.py): a reference notebook whose code the build has just executed
on the same data is compared with the build's outputs instead of executed again, and it still fails when one of
its stored outputs differs from what the code produces. Anything else is executed, as nbval always did.

Needs `make book` first (`make test` does it): the build's execution cache is in _build/state.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from notorious.build import nbval_pages
from notorious.paths import ROOT

pytestmark = pytest.mark.built  # the build's cache

BUILD = ROOT / "_build"
DOC = "chapters/data-and-methods"  # small: four code cells
STORED = "5 corrections to this page"  # cell 1's text/plain, as stored
# The summary line the plugin prints for one notebook.
SAME = "compared with the build's execution of the same code on the same data"
COMPARED = f'nbval: 1 notebooks {SAME} (["{DOC}"]), 0 executed ([])'
EXECUTED = f'nbval: 0 notebooks {SAME} ([]), 1 executed (["{DOC}"])'


@pytest.fixture(scope="module")
def built():
    if nbval_pages.cached_execution(DOC, reference(), BUILD) is None:
        pytest.fail(f"{BUILD}/state holds no execution of {DOC} from the inputs the repository holds: run `make book`")


def reference() -> nbformat.NotebookNode:
    return nbformat.read(ROOT / f"{DOC}.ipynb", as_version=4)


def nbval(tmp_path: Path, notebook: nbformat.NotebookNode, *options: str) -> tuple[int, str]:
    """nbval with the project's plugin on ``notebook``, standing (in a folder of its own) for the page DOC."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    target = tmp_path / f"{DOC}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    env = {**os.environ, nbval_pages.BUILD_VARIABLE: str(BUILD), "NOTORIOUS_FIGURES": str(tmp_path / "figures")}
    command = [sys.executable, "-m", "pytest", "--nbval", "-p", "notorious.build.nbval_pages", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, *options, f"{DOC}.ipynb"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )
    return result.returncode, result.stdout + result.stderr


def changed_output(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    cell = [c for c in notebook.cells if c.cell_type == "code"][1]
    output = cell.outputs[0]
    assert output.data["text/plain"] == STORED, output.data
    output.data["text/plain"] = STORED.replace("5", "6")
    return notebook


def test_the_reference_the_build_executed_is_compared_without_executing_it(built, tmp_path):
    code, output = nbval(tmp_path, reference())
    assert code == 0 and COMPARED in output, output[-3000:]


def test_a_stored_output_that_differs_from_the_builds_fails(built, tmp_path):
    code, output = nbval(tmp_path, changed_output(reference()))
    assert code == 1 and COMPARED in output, output[-3000:]
    assert "Cell outputs differ" in output and "6 corrections to this page" in output, output[-3000:]


def test_a_reference_whose_code_is_not_the_pages_is_executed_and_fails_on_a_changed_output(built, tmp_path):
    notebook = changed_output(reference())
    [c for c in notebook.cells if c.cell_type == "code"][-1].source += "\n# a comment the page does not have"
    code, output = nbval(tmp_path, notebook)
    assert code == 1 and EXECUTED in output, output[-3000:]
    assert "Cell outputs differ" in output and "6 corrections to this page" in output, output[-3000:]


def test_the_cache_is_used_only_for_the_inputs_the_build_was_made_from(built, tmp_path):
    """Another table, another package or configuration, or another page's code: nbval executes."""
    assert nbval_pages.cached_execution(DOC, reference(), BUILD) is not None
    for key in ("code", "data"):
        fake = tmp_path / key
        (fake / "html").mkdir(parents=True)
        (fake / "state").mkdir()
        (fake / "state" / ".jupyter_cache").symlink_to(BUILD / "state" / ".jupyter_cache")
        stamp = json.loads((BUILD / "state" / "inputs.json").read_text(encoding="utf-8"))
        if key == "data":
            stamp["data"]["data/lobbying.csv"] = "0" * 64
        else:
            stamp["code"] = "0" * 64
        (fake / "state" / "inputs.json").write_text(json.dumps(stamp), encoding="utf-8")
        nbval_pages._current_build.cache_clear()
        assert nbval_pages.cached_execution(DOC, reference(), fake) is None, key
        shutil.rmtree(fake)
    other = reference()
    [c for c in other.cells if c.cell_type == "code"][0].source += "\n"
    assert nbval_pages.cached_execution(DOC, other, BUILD) is None
    assert nbval_pages.cached_execution("chapters/lobbying", reference(), BUILD) is None  # another page's code
