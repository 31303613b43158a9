"""Partial dates, in one place: how precisely a date is known, the period it spans and how a sentence says it.

A date in data/ is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and its text is what says how precisely it is known:
pass the cell itself. A Timestamp has forgotten: ``pd.Timestamp("2016-10")`` is 1 October 2016 at midnight, so
``when`` and ``phrase`` refuse one unless told (``when(ts, precision="day")``, for a column typed ``date``, which
is known to the day). A ``datetime.date`` is a day. Nothing here invents precision: a month-only date is never
written with a day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

PRECISIONS = ("year", "month", "day")
_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
_FORMATS = {"year": "%Y", "month": "%B %Y", "day": "%-d %B %Y"}
_PREPOSITIONS = {"year": "in", "month": "in", "day": "on"}


def precision(value: object) -> str:
    """'year', 'month' or 'day': how precisely ``value`` is known, from a partial date's text (a date is a day).

    A Timestamp or datetime is refused: it does not say whether it was a day, or a month or year parsed to its first
    instant."""
    if isinstance(value, dt.datetime):  # pd.Timestamp is one
        raise TypeError(
            f"{value!r} does not say how precisely its date is known (pd.Timestamp('2016-10') is 1 October 2016): "
            "pass the partial date itself ('2016-10'), or say precision='day' for a column typed date"
        )
    if isinstance(value, dt.date):
        return "day"
    text = str(value)
    if len(text) not in _BY_LENGTH:
        raise ValueError(f"{value!r} is not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return _BY_LENGTH[len(text)]


def _known(value: object, stated: str | None) -> str:
    """The precision of ``value``: its own, or for a Timestamp the one stated; a stated one must not claim more."""
    if stated is not None and stated not in PRECISIONS:
        raise ValueError(f"precision={stated!r} is not one of {', '.join(PRECISIONS)}")
    if isinstance(value, dt.datetime):
        if stated is None:
            precision(value)  # raises, saying what to pass
        return stated
    known = precision(value)
    if stated is not None and stated != known:
        raise ValueError(f"{value!r} is known to the {known}, not to the {stated} (precision={stated!r})")
    return known


def parse(value: object) -> pd.Timestamp:
    """The first instant of the period a partial date names."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        raise ValueError("a missing date cannot be parsed; say the gap in words")
    return pd.Timestamp(value) if isinstance(value, (pd.Timestamp, dt.date)) else pd.Timestamp(str(value))


def day(value: object) -> pd.Timestamp:
    """The day a date names, for arithmetic (days between two events); refused unless it is known to the day."""
    if precision(value) != "day":
        raise ValueError(f"{value!r} is known only to the {precision(value)}; counting days from it would invent one")
    return parse(value)


def span(value: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period a partial date covers: its first instant and the first instant after it."""
    start = parse(value)
    step = {"year": pd.DateOffset(years=1), "month": pd.DateOffset(months=1), "day": pd.DateOffset(days=1)}
    return start, start + step[precision(value)]


def when(value: object, coarsest: str | None = None, *, precision: str | None = None) -> str:
    """A date as prose says it: '21 December 2016', 'March 2015' or '2015', to the precision its text gives.

    ``coarsest`` may ask for less precision than is known ('month' gives 'December 2016'), never for more.
    ``precision`` says how precisely a Timestamp is known; without it a Timestamp is refused.
    """
    known = _known(value, precision)
    wanted = known if coarsest is None else coarsest
    if PRECISIONS.index(wanted) > PRECISIONS.index(known):
        raise ValueError(f"{value!r} is known only to the {known}; it cannot be written to the {wanted}")
    return parse(value).strftime(_FORMATS[wanted])


def phrase(value: object, coarsest: str | None = None, *, precision: str | None = None) -> str:
    """A date with its preposition: 'on 21 December 2016', 'in March 2015', 'in 2015'."""
    wanted = coarsest or _known(value, precision)
    return f"{_PREPOSITIONS[wanted]} {when(value, coarsest, precision=precision)}"
