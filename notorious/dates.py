"""Partial dates, in one place: how precisely a date is known, the period it spans and how a sentence says it.

A date in data/ is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a column typed ``date`` loads as a Timestamp,
known to the day. Nothing here invents precision: a month-only date is never written with a day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

PRECISIONS = ("year", "month", "day")
_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
_FORMATS = {"year": "%Y", "month": "%B %Y", "day": "%-d %B %Y"}
_PREPOSITIONS = {"year": "in", "month": "in", "day": "on"}


def precision(value: object) -> str:
    """'year', 'month' or 'day': how precisely ``value`` is known."""
    if isinstance(value, (pd.Timestamp, dt.date)):
        return "day"
    text = str(value)
    if len(text) not in _BY_LENGTH:
        raise ValueError(f"{value!r} is not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return _BY_LENGTH[len(text)]


def parse(value: object) -> pd.Timestamp:
    """The first instant of the period a partial date names."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        raise ValueError("a missing date cannot be parsed; say the gap in words")
    return pd.Timestamp(value) if isinstance(value, (pd.Timestamp, dt.date)) else pd.Timestamp(str(value))


def span(value: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period a partial date covers: its first instant and the first instant after it."""
    start = parse(value)
    step = {"year": pd.DateOffset(years=1), "month": pd.DateOffset(months=1), "day": pd.DateOffset(days=1)}
    return start, start + step[precision(value)]


def when(value: object, coarsest: str | None = None) -> str:
    """A date as prose says it: '21 December 2016', 'March 2015' or '2015'.

    ``coarsest`` may ask for less precision than is known ('month' gives 'December 2016'), never for more.
    """
    known = precision(value)
    wanted = known if coarsest is None else coarsest
    if PRECISIONS.index(wanted) > PRECISIONS.index(known):
        raise ValueError(f"{value!r} is known only to the {known}; it cannot be written to the {wanted}")
    return parse(value).strftime(_FORMATS[wanted])


def phrase(value: object, coarsest: str | None = None) -> str:
    """A date with its preposition: 'on 21 December 2016', 'in March 2015', 'in 2015'."""
    wanted = coarsest or precision(value)
    return f"{_PREPOSITIONS[wanted]} {when(value, coarsest)}"
