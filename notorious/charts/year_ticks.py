"""A time axis whose ticks fall on 1 January, each year's label inside the year it names.

A bar across 2012 then starts at the tick labelled 2012 and ends at the next, so a reader can tell which year it
covers; labels thinned on a narrow screen drop every other one (parity), never an irregular few.
"""

from __future__ import annotations

import altair as alt
import pandas as pd


def year_starts(start, end) -> list[pd.Timestamp]:
    """1 January of every year from ``start``'s to ``end``'s, both included where they fall in the window."""
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    return [
        pd.Timestamp(year=y, month=1, day=1)
        for y in range(first.year, last.year + 1)
        if first <= pd.Timestamp(year=y, month=1, day=1) <= last
    ]


def year_axis(field: str, start, end, title: str | None = "Year", labels: bool = True) -> alt.X:
    """The x encoding of every layer of a yearly chart from ``start`` to ``end``: a tick at each 1 January, the
    year's label just right of it (over the year), none at a tick that closes the window. ``labels=False`` for a
    panel above another that carries them."""
    ticks = year_starts(start, end)
    closing = pd.Timestamp(end).year if pd.Timestamp(end) == ticks[-1] else None
    label = "timeFormat(datum.value, '%Y')"
    return alt.X(
        f"{field}:T",
        title=title,
        axis=alt.Axis(
            values=[alt.DateTime(year=t.year, month=1, date=1) for t in ticks],
            labelExpr=f"year(datum.value) == {closing} ? '' : {label}" if closing else label,
            labels=labels,
            labelAlign="left",
            labelOffset=0,
            labelPadding=4,
            labelOverlap="parity",
            labelSeparation=4,
            tickSize=8,
            grid=True,
        ),
    )


def year_extent(start, end, title: str | None = "Year") -> alt.Chart:
    """An invisible layer spanning ``start`` to ``end`` on the year axis (charts.common.extent, with year ticks)."""
    frame = pd.DataFrame({"start": pd.to_datetime([start, end])})
    return (
        alt.Chart(frame).mark_point(opacity=0).encode(x=year_axis("start", start, end, title), tooltip=alt.value(None))
    )
