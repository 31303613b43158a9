"""Numbers for the prose: every figure a sentence states is glued from the data, never typed."""

from __future__ import annotations

import difflib
import numbers

import pandas as pd
from myst_nb import glue

from . import style


def plain(value: object) -> object:
    """A numpy or pandas scalar as a plain Python value, which glue's formatting needs; whole numbers as int."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        raise ValueError("refusing to glue a missing value; state the gap in words instead")
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        # A whole number reads without a decimal point ("6", not "6.0"); a format spec can still ask for one.
        return int(value) if float(value).is_integer() else float(value)
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def glue_value(name: str, value: object) -> object:
    """Glue one value under ``name`` without displaying it, and return it for use in the notebook."""
    value = plain(value)
    glue(name, value, display=False)
    return value


def glue_money(name: str, value: object) -> object:
    """Glue an amount in US dollars twice: ``name``, the number (for arithmetic and format specs), and
    ``name_usd``, the amount as the house style writes it ('US$461,000', 'US$3.16 million'; publish.style), which
    the prose shows. Returns the number."""
    value = glue_value(name, value)
    glue(f"{name}_usd", style.money(value), display=False)
    return value


def _matching(frame: pd.DataFrame, where: dict) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key] == wanted
    return mask.fillna(False).astype(bool)


def _table(frame: pd.DataFrame) -> str:
    """The file a frame came from (dataset.load records it), or what to call it when it came from elsewhere."""
    return frame.attrs.get("path", "the table")


def _lines(frame: pd.DataFrame, rows: pd.Index) -> str:
    """The file lines of some rows of a loaded table ('lines 4, 9'), or '' for a frame that is not one."""
    lines = frame.attrs.get("lines")
    if lines is None or len(lines) < len(frame) or not all(isinstance(i, int) and 0 <= i < len(lines) for i in rows):
        return ""
    shown = ", ".join(str(lines[i]) for i in list(rows)[:8]) + (", ..." if len(rows) > 8 else "")
    return f" (line{'s' if len(rows) > 1 else ''} {shown})"


def _sought(where: dict) -> str:
    return ", ".join(f"{key}={value!r}" for key, value in where.items())


def _nothing_found(frame: pd.DataFrame, column: str, where: dict) -> str:
    """Why no row matched: for each condition no row meets, the values the table does hold that are closest."""
    hints = []
    for key, wanted in where.items():
        held = frame[key].dropna()
        if not (held == wanted).any():
            values = [str(v) for v in held.unique()]
            close = difflib.get_close_matches(str(wanted), values, n=3, cutoff=0.6)
            hints.append(
                f"no row has {key}={wanted!r}" + (f" (closest: {', '.join(map(repr, close))})" if close else "")
            )
    because = f": {'; '.join(hints)}" if hints else ": no row meets all of them at once"
    return f"{_table(frame)}: looking up {column}, expected one row with {_sought(where)}, found 0{because}"


def one(frame: pd.DataFrame, column: str, **where: object) -> object:
    """The single value of ``column`` in the row matching ``where``; fails unless exactly one row matches, naming
    the table, what was sought and the lines of the rows found."""
    found = frame.loc[_matching(frame, where), column]
    if len(found) == 0:
        raise LookupError(_nothing_found(frame, column, where))
    if len(found) != 1:
        raise LookupError(
            f"{_table(frame)}: looking up {column}, expected one row with {_sought(where)}, found {len(found)}"
            f"{_lines(frame, found.index)}; add a condition that tells them apart"
        )
    return found.iloc[0]


def agreed(frame: pd.DataFrame, column: str, **where: object) -> object:
    """The one value that every row matching ``where`` gives; fails loudly if sources start to disagree, naming the
    table, what was sought and the line and source of each value."""
    found = frame.loc[_matching(frame, where)]
    values = found[column].unique()
    if len(found) == 0:
        raise LookupError(
            _nothing_found(frame, column, where).replace("expected one row", "expected rows", 1)
            + f" (they would agree on one {column}, found [])"
        )
    if len(values) != 1:
        given = "; ".join(
            f"{value!r}"
            + _lines(frame, found.index[found[column] == value])
            + (
                f" from {', '.join(sorted(set(found.loc[found[column] == value, 'source_id'].dropna())))}"
                if "source_id" in found.columns
                else ""
            )
            for value in values
        )
        raise LookupError(
            f"{_table(frame)}: expected rows with {_sought(where)} to agree on one {column}, found "
            f"{values.tolist()}: {given}; name a source or a platform"
        )
    return values[0]


def measure(metrics: pd.DataFrame, metric: str, start: str, end: str | None = None, **where: object) -> object:
    """The value of one measure of metrics.csv for the period ``start`` to ``end`` (one period when ``end`` is
    omitted), as every matching source gives it; fails loudly if they disagree, so name a source or a platform.
    Whole numbers come back as int."""
    value = agreed(metrics, "value", metric=metric, period_start=start, period_end=end or start, **where)
    return plain(value)


def n_sources(frame: pd.DataFrame, **where: object) -> int:
    """How many sources give the rows matching ``where``."""
    return int(frame.loc[_matching(frame, where), "source_id"].nunique())


def only(values: object, what: str) -> object:
    """The one distinct member of ``values``: a sentence saying 'the only <what>' glues this, and the build fails
    the day the data hold a second one (or none)."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) != 1:
        raise LookupError(f"'the only {what}' expects exactly one, the data hold {len(distinct)}: {distinct}")
    return plain(distinct[0])


def lowest(frame: pd.DataFrame, column: str, **where: object) -> pd.Series:
    """The row with the lowest ``column`` among the rows matching ``where``: 'the lowest' is glued from this, and
    a tie or an empty match fails rather than picking one."""
    rows = frame.loc[_matching(frame, where)].dropna(subset=[column])
    if rows.empty:
        raise LookupError(f"'the lowest {column}': no row with {where}")
    least = rows[rows[column] == rows[column].min()]
    if len(least) != 1:
        raise LookupError(f"'the lowest {column}' is shared by {len(least)} rows with {where}")
    return least.iloc[0]
