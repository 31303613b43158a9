"""Execute each MyST notebook and write its paired .ipynb: the reference outputs nbval checks.

Usage: python -m notorious.build.notebooks intro.md chapters/listing-history.md ...
Timings are not recorded and cell ids are fixed, so re-running on unchanged code and data gives byte-identical files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from ..pages import DOC_VARIABLE, doc_of


def execute(source: Path) -> Path:
    notebook = jupytext.read(source)
    notebook.metadata.pop("jupytext", None)
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # jupytext draws random ids; fixed ones keep the file reproducible
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(source.parent)}},
    )
    client.execute(env={**os.environ, DOC_VARIABLE: doc_of(source)})  # the kernel's page, for FigureBook
    target = source.with_suffix(".ipynb")
    nbformat.write(notebook, target)
    return target


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"executed {execute(Path(name))}")
