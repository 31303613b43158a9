"""Numbers for the prose: every figure a sentence states is glued from the data, never typed."""

from __future__ import annotations

import numbers

import pandas as pd
from myst_nb import glue


def plain(value: object) -> object:
    """A numpy or pandas scalar as a plain Python value, which glue's formatting needs."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        raise ValueError("refusing to glue a missing value; state the gap in words instead")
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def glue_value(name: str, value: object) -> object:
    """Glue one value under ``name`` without displaying it, and return it for use in the notebook."""
    value = plain(value)
    glue(name, value, display=False)
    return value


def _matching(frame: pd.DataFrame, where: dict) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key] == wanted
    return mask


def one(frame: pd.DataFrame, column: str, **where: object) -> object:
    """The single value of ``column`` in the row matching ``where``; fails unless exactly one row matches."""
    found = frame.loc[_matching(frame, where), column]
    if len(found) != 1:
        raise LookupError(f"expected one row with {where}, found {len(found)}")
    return found.iloc[0]


def agreed(frame: pd.DataFrame, column: str, **where: object) -> object:
    """The one value that every row matching ``where`` gives; fails loudly if sources start to disagree."""
    values = frame.loc[_matching(frame, where), column].unique()
    if len(values) != 1:
        raise LookupError(f"expected rows with {where} to agree on one {column}, found {values.tolist()}")
    return values[0]


def cite(sources: pd.DataFrame, *source_ids: str) -> None:
    """Glue a Markdown link for each source, under ``src-<source_id>``, for inline citations.

    Prose cites with {glue:md}`src-<id>`; a source missing from sources.csv fails the notebook.
    """
    from IPython.display import Markdown

    table = sources.set_index("source_id")
    for source_id in source_ids:
        if source_id not in table.index:
            raise KeyError(f"{source_id!r} is not in data/sources.csv")
        row = table.loc[source_id]
        when = f", {row['published']}" if pd.notna(row["published"]) else ""
        glue(f"src-{source_id}", Markdown(f"[{row['publisher']}{when}]({row['url']})"), display=False)
