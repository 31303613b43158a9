"""Shared code of the Notorious Again book: load the data, draw the charts, glue the numbers.

This is what a chapter imports (``import notorious as nt``; ``from notorious import dates, tables``). The rooms
behind it: ``data`` (load and rules), ``charts`` (one module per page), ``publish`` (the figure, its HTML and
files, tables, downloads), ``site`` (the Sphinx extension), ``edition`` (edition, PDF, release) and ``build``
(the all-or-nothing build, parallel execution, preview). README.md's "Layout" maps them.
"""

from . import edition
from .data import dates
from .data.dataset import DataError, Dataset, in_strand, load
from .publish import style, tables
from .publish.figures import FigureBook
from .publish.prose import agreed, glue_money, glue_value, lowest, measure, n_sources, one, only
from .publish.tables import source_table

__all__ = [
    "DataError",
    "Dataset",
    "FigureBook",
    "agreed",
    "dates",
    "edition",
    "glue_money",
    "glue_value",
    "in_strand",
    "load",
    "lowest",
    "measure",
    "n_sources",
    "one",
    "only",
    "source_table",
    "style",
    "tables",
]
