"""Shared code of the Notorious Again book: load the data, draw the charts, glue the numbers."""

from .dataset import DataError, Dataset, load
from .figures import FigureBook
from .prose import glue_value, one

__all__ = ["DataError", "Dataset", "FigureBook", "glue_value", "load", "one"]
