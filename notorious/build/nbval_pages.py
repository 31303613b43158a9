"""A pytest plugin (pyproject.toml loads it) for nbval's run of the .ipynb references: it tells each notebook's
kernel which page it is.

nbval starts a notebook's kernel when its first cell is set up, with this process's environment; FigureBook
reads the page from it (notorious.pages.DOC_VARIABLE), as it does under `make book` and `make notebooks`.
"""

import os

import pytest

from notorious.pages import DOC_VARIABLE, doc_of


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.path.suffix == ".ipynb":
        os.environ[DOC_VARIABLE] = doc_of(item.path)
