"""The data room: load ``data/`` and refuse what breaks its contract.

- ``dataset``  load every table, checking each cell against ``datapackage.json`` and its vocabularies;
- ``record``   rules across rows: who is who (one document one source, one event one key, Alibaba's platforms);
- ``dates``    partial dates: their precision, the period they span, how a sentence says them;
- ``words``    how the book words a qualifier and a list of names;
- ``gaps``     what the book says is unknown, with the record of what was searched;
- ``readme``   the data README's tables section, written from the schema.
"""

from .dataset import DataError, Dataset, in_strand, load

__all__ = ["DataError", "Dataset", "in_strand", "load"]
