"""A pytest plugin (pyproject.toml loads it) for nbval's run of the .ipynb references: it tells each notebook's
kernel which page it is, and it does not execute a notebook a second time when the build has just executed it.

nbval starts a notebook's kernel when its first cell is set up, with this process's environment; FigureBook
reads the page from it (notorious.pages.DOC_VARIABLE), as it does under `make book` and `make notebooks`.

`make test` builds the book first, and the build executes every page (notorious/build/execute.py) into its
execution cache (``_build/state/.jupyter_cache``). nbval would then execute the same code on the same data again.
When the build's execution is exactly what nbval would run, its outputs are compared instead, cell by cell, with
nbval's own comparison (``IPyNbCell.compare_outputs``: its skipped keys, its sanitizers, its coalesced streams,
an error in a cell is a failure unless the cell is marked to raise). That is the case only when all of these hold:

- the build that holds the cache was published from the package, the configuration and the data the repository
  holds now (``_build/state/inputs.json`` against the inputs' SHA-256 now, as `make book` compares them);
- the cache holds an execution of the page (its record names the page's file) matching, by jupyter-cache's own
  hash, the notebook MyST-NB reads from the page's ``.md`` now;
- the ``.ipynb``'s code cells are, in order and byte for byte, that notebook's code cells.

Otherwise nbval executes the notebook as before. Either way a stored output that differs from what the code
produces fails (tests/build/test_nbval_cache.py changes one and sees it fail). ``--nbval-execute`` always executes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import types
from functools import cache
from pathlib import Path

import nbformat
import pytest

from notorious.pages import DOC_VARIABLE

BUILD_VARIABLE = "NOTORIOUS_NBVAL_BUILD"  # the build folder whose cache is used (default: _build)
_checked: dict[str, str] = {}  # page -> "cache" or "executed", for the summary


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("nbval").addoption(
        "--nbval-execute",
        action="store_true",
        help="execute every notebook, even when the build's execution cache holds the same code on the same data",
    )


def page_of(path: Path, config: pytest.Config) -> str:
    """The page a reference notebook stands for: its path from the repository's root, without the suffix."""
    return Path(path).resolve().relative_to(config.rootpath.resolve()).with_suffix("").as_posix()


@cache
def _script(name: str):
    """notorious/build/state.py or execute.py, which are scripts (as preview.py loads state.py)."""
    spec = importlib.util.spec_from_file_location(f"notorious_build_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _current_build(build: Path) -> bool:
    """Whether the build in ``build`` was made from the package, configuration and data the repository holds."""
    state = _script("state")
    stamp = state.published_stamp(build)
    if stamp is None:
        return False
    files = state.snapshot()
    return stamp.get("code") == state.digest(files, state._named(state.ROOT, state.CODE)) and stamp.get(
        "data"
    ) == state.data_files(files)


def cached_execution(doc: str, reference: nbformat.NotebookNode, build: Path) -> list | None:
    """The code cells of the build's execution of ``doc``, when it is exactly the execution nbval would do of
    ``reference`` (see the module's docstring); otherwise None."""
    execute = _script("execute")
    source = execute.ROOT / f"{doc}.md"
    cache_path = build / "state" / ".jupyter_cache"
    if not source.is_file() or not cache_path.is_dir() or not _current_build(build):
        return None
    from jupyter_cache import get_cache

    notebook, _ = execute.read(doc, *execute.parser_configs())
    if notebook is None:
        return None
    cache = get_cache(str(cache_path))
    try:
        record = cache.match_cache_notebook(notebook)
    except KeyError:
        return None
    if Path(record.uri).resolve() != source.resolve():
        return None  # the same code executed as another page: its outputs may differ
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    if [cell.source for cell in reference.cells if cell.cell_type == "code"] != code:
        return None  # the reference is not the page's current source
    executed = [cell for cell in cache.get_cache_bundle(record.pk).nb.cells if cell.cell_type == "code"]
    if [cell.source for cell in executed] != code:
        return None
    return executed


def _outputs(cell) -> list:
    """A cached cell's outputs as nbval gathers them from the kernel's messages (IPyNbCell.runtest)."""
    outs = []
    for output in cell.get("outputs", []):
        out = nbformat.NotebookNode(output_type=output["output_type"])
        if output["output_type"] in ("display_data", "execute_result"):
            out["metadata"] = output.get("metadata", {})
            out["data"] = output["data"]
            if output["output_type"] == "execute_result":
                out.execution_count = output.get("execution_count")
        elif output["output_type"] == "stream":
            out.name, out.text = output["name"], output["text"]
        elif output["output_type"] == "error":
            out["ename"], out["evalue"], out["traceback"] = output["ename"], output["evalue"], output["traceback"]
        outs.append(out)
    return outs


def _compare_cached(self) -> None:
    """IPyNbCell.runtest, with the build's outputs of this cell for the kernel's."""
    from nbval.plugin import coalesce_streams

    if self.options["skip"]:
        pytest.skip()
    outs = _outputs(self._notorious_cached)
    self.test_outputs = outs
    for out in outs:
        if out.output_type == "error" and not self.options["check_exception"]:
            self.raise_cell_error("Cell execution caused an exception", "\n" + "\n".join(out["traceback"]))
    outs[:] = coalesce_streams(outs)
    unrun = self.cell.execution_count is None
    if unrun and self.cell.outputs:
        self.raise_cell_error("Unrun reference cell has outputs")
    if self.options["check"] and not unrun:
        if not self.compare_outputs(outs, coalesce_streams(self.cell.outputs)):
            self.raise_cell_error("Cell outputs differ", "\n".join(self.comparison_traceback))


def _setup_without_kernel(self) -> None:
    self.setup_sanitize_files()  # nbval's sanitizers apply as when it executes


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list) -> None:
    try:
        from nbval.plugin import IPyNbCell
    except ImportError:
        return
    build = Path(os.environ.get(BUILD_VARIABLE) or config.rootpath / "_build")
    files: dict = {}
    for item in items:
        if isinstance(item, IPyNbCell):
            files.setdefault(item.parent, []).append(item)
    for notebook_file, cells in files.items():
        doc = page_of(notebook_file.path, config)
        executed = None if config.getoption("nbval_execute") else cached_execution(doc, notebook_file.nb, build)
        _checked[doc] = "executed" if executed is None else "cache"
        if executed is None:
            continue
        notebook_file.setup = types.MethodType(_setup_without_kernel, notebook_file)
        for cell in cells:
            cell._notorious_cached = executed[cell.cell_num]
            cell.runtest = types.MethodType(_compare_cached, cell)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.path.suffix == ".ipynb":
        os.environ[DOC_VARIABLE] = page_of(item.path, item.config)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not _checked:
        return
    cached = sorted(doc for doc, how in _checked.items() if how == "cache")
    executed = sorted(doc for doc, how in _checked.items() if how == "executed")
    terminalreporter.write_line(
        f"nbval: {len(cached)} notebooks compared with the build's execution of the same code on the same data "
        f"({json.dumps(cached)}), {len(executed)} executed ({json.dumps(executed)})"
    )
