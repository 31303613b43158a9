"""Shared code of the Notorious Again book: load the data, draw the charts, glue the numbers."""

from .dataset import DataError, Dataset, in_strand, load
from .figures import FigureBook
from .prose import agreed, glue_value, lowest, measure, n_sources, one, only
from .tables import source_table

__all__ = [
    "DataError",
    "Dataset",
    "FigureBook",
    "in_strand",
    "agreed",
    "glue_value",
    "lowest",
    "load",
    "measure",
    "n_sources",
    "one",
    "only",
    "source_table",
]
