"""How the book names a source: its publisher and date, and, when we read it through a copy, what kind of copy.

A reader sees "Bloomberg, 18 April 2012 (read in a reprint)": the original's publisher, never the copy's host,
and the link goes to the document's own address where sources.csv knows it, else to the copy we read.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..data import dates
from ..pages import source_href

# What "read in ..." says for each copy_kind of the schema (datapackage.json lists the same kinds).
COPY_WORDS = {
    "mirror": "a mirror",
    "reprint": "a reprint",
    "repost": "a repost",
    "transcription": "a transcription",
    "ocr": "an OCR scan",
    "machine_translation": "a machine translation",
    "file_host": "a copy on a file-sharing site",
    "redirect": "a tracking link",
}


def _text(row: Mapping, key: str) -> str:
    value = row.get(key, "")
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def copy_note(row: Mapping) -> str:
    """'read in a reprint', or '' when we read the original."""
    kind = _text(row, "copy_kind")
    if not kind:
        return ""
    if kind not in COPY_WORDS:
        raise ValueError(f"unknown copy_kind {kind!r}; expected one of {', '.join(COPY_WORDS)}")
    return f"read in {COPY_WORDS[kind]}"


def label(row: Mapping) -> str:
    """'Bloomberg, 18 April 2012 (read in a reprint)': the publisher, the date as known, the kind of copy."""
    published = _text(row, "published")
    text = _text(row, "publisher") + (f", {dates.when(published)}" if published else "")
    note = copy_note(row)
    return f"{text} ({note})" if note else text


def href(row: Mapping, root: str) -> str | None:
    """Where a link to the source goes: the document's own address, else the copy we read; None if neither is
    an address the book links to."""
    address = _text(row, "url") or _text(row, "copy_url")
    return source_href(address, root) if address else None
