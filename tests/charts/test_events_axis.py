"""Figure 1.2 (listing history): the events on a real time axis, with a few short labels saying what happened."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import notorious as nt
from notorious.charts import listing_history as listing


@pytest.fixture(scope="module")
def figure():
    return listing.warning_to_relisting_figure(nt.load())


def layers(figure):
    return figure.chart.to_dict()["layer"]


def test_the_events_sit_on_a_time_axis_not_a_list(figure):
    points = next(layer for layer in layers(figure) if layer["mark"]["type"] == "point")
    assert points["encoding"]["y"]["type"] == "temporal" and points["encoding"]["y"]["field"] == "when"


def test_six_to_eight_labels_say_what_happened_not_the_event_type(figure):
    rows = listing.event_rows(figure.rows, "2015-12", "2016-12-31")
    labels = rows.loc[rows["labelled"], "label"]
    assert 6 <= len(labels) <= 8
    for label in labels:
        date, what = label.split("\n")
        assert not re.search(r"\b(statement|report|listed|petitioned|joined|warned)\b", what), what
        # A number in a label comes from the event's row (its date or its actor), never typed.
        assert not re.search(r"\d", what.replace("17 other", "")), what


def test_labels_keep_apart_along_the_axis_and_stay_inside_it():
    day = pd.Timestamp("2016-06-01")
    events = pd.DataFrame(
        {
            "event_id": list(listing.HEADLINES),
            "date": [str((day + pd.Timedelta(days=i)).date()) for i in range(len(listing.HEADLINES))],
            "date_precision": "day",
            "actor": "AAFA and 17 other organizations",
        }
    )
    for end, span in (("2016-07-05", 65), ("2016-06-05", 35)):  # room below the last; none, so labels move up
        rows = listing.event_rows(events, "2016-05-01", end)
        placed = rows.loc[rows["labelled"], "label_at"].tolist()
        gap = pd.Timedelta(days=listing.LABEL_GAP * span / listing.STRIP_HEIGHT)
        assert all(b - a >= gap - pd.Timedelta(seconds=1) for a, b in zip(placed, placed[1:], strict=False))
        assert max(placed) <= pd.Timestamp(end)


def test_a_label_for_an_event_outside_the_window_stops_the_build():
    ds = nt.load()
    with pytest.raises(ValueError, match="not in the window"):
        listing.warning_to_relisting_figure(ds, "2016-01", "2016-12-31")
