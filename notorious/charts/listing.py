"""Charts of the USTR listing history (chapter 1)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..theme import ALIBABA, INK, OTHER, STATUS_LABELS, status_legend, status_scale
from .common import ALIBABA_GROUP, decision_rules, drawn_at

STATUS_SHAPES = {
    "listed": "circle",
    "named": "diamond",
    "warned": "triangle-up",
    "removed": "cross",
    "not_listed": "square",
}


def platform_statuses(listings: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Every recorded status with its report's date; Alibaba's platforms first, then by first appearance."""
    rows = listings.merge(reviews[["report_id", "released", "covers_year", "title"]], on="report_id")
    rows["alibaba"] = rows["operator"].eq(ALIBABA_GROUP).fillna(False)
    first_seen = rows.groupby("platform")["covers_year"].min()
    rows["first_seen"] = rows["platform"].map(first_seen)
    rows = rows.sort_values(["alibaba", "first_seen", "platform", "covers_year"], ascending=[False, True, True, True])
    rows["status_label"] = rows["status"].map(STATUS_LABELS)
    return rows.reset_index(drop=True)


def status_timeline(statuses: pd.DataFrame, marks: pd.DataFrame) -> alt.LayerChart:
    """One row per platform, one mark per report that names it, on the reports' release dates."""
    drawn = statuses.dropna(subset=["released"])
    order = list(dict.fromkeys(drawn["platform"]))
    alibaba = sorted(set(drawn.loc[drawn["alibaba"], "platform"]))
    label_colour = alt.ExprRef(f"indexof({alibaba!r}, datum.value) >= 0 ? '{ALIBABA}' : '{INK}'")
    points = (
        alt.Chart(drawn)
        .mark_point(size=110, filled=True, opacity=1)
        .encode(
            x=alt.X(
                "released:T",
                title="Report release date",
                scale=alt.Scale(padding=12),
                axis=alt.Axis(format="%Y", tickCount="year"),
            ),
            y=alt.Y(
                "platform:N", sort=order, title=None, axis=alt.Axis(labelColor=label_colour, labelFontWeight="bold")
            ),
            color=alt.Color("status:N", scale=status_scale(), legend=status_legend()),
            shape=alt.Shape(
                "status:N",
                scale=alt.Scale(domain=list(STATUS_SHAPES), range=list(STATUS_SHAPES.values())),
                legend=status_legend(),
            ),
            tooltip=[
                alt.Tooltip("platform:N", title="Platform"),
                alt.Tooltip("operator:N", title="Operator"),
                alt.Tooltip("status_label:N", title="Status"),
                alt.Tooltip("title:N", title="Report"),
                alt.Tooltip("released:T", title="Released", format="%d %b %Y"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
    )
    return alt.layer(decision_rules(marks, label_y=-2), points).properties(height=alt.Step(26))


def list_sizes(reviews: pd.DataFrame) -> pd.DataFrame:
    """The list's size per stand-alone review, long: one row per review and kind; unknown sizes kept as NA."""
    rows = reviews[reviews["report_type"] == "out_of_cycle_review"]
    long = rows.melt(
        id_vars=["report_id", "covers_year", "released", "source_id", "quote", "quote_en"],
        value_vars=["online_markets", "physical_markets"],
        var_name="kind",
        value_name="markets",
    )
    long["kind"] = long["kind"].map({"online_markets": "Online", "physical_markets": "Physical"})
    long["known"] = long["markets"].notna()
    return long.sort_values(["covers_year", "kind"]).reset_index(drop=True)


def list_size_chart(sizes: pd.DataFrame) -> alt.LayerChart:
    """Grouped bars for known sizes; a hollow 'not stated' marker where no source gives the size."""
    x = alt.X("covers_year:O", title="Review (year in its title)")
    offset = alt.XOffset("kind:N", sort=["Online", "Physical"])
    kinds = alt.Scale(domain=["Online", "Physical"], range=[ALIBABA, OTHER])
    bars = (
        alt.Chart(sizes[sizes["known"]])
        .mark_bar()
        .encode(
            x=x,
            xOffset=offset,
            y=alt.Y("markets:Q", title="Markets on the list"),
            color=alt.Color("kind:N", scale=kinds, title="Markets"),
            tooltip=[
                alt.Tooltip("report_id:N", title="Review"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("markets:Q", title="Markets"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
    )
    unknown = (
        alt.Chart(sizes[~sizes["known"]])
        .mark_point(shape="circle", filled=False, size=60, strokeWidth=1.5)
        .encode(
            x=x,
            xOffset=offset,
            y=alt.datum(0),
            color=alt.Color("kind:N", scale=kinds, title="Markets"),
            tooltip=[
                alt.Tooltip("report_id:N", title="Review"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("known:N", title="Size stated by a source"),
            ],
        )
    )
    return alt.layer(bars, unknown).properties(height=260)


def events_strip(events: pd.DataFrame, start: str, end: str) -> alt.Chart:
    """Dated events between two dates, one row per actor, with each event's summary on hover."""
    rows = events[(events["date"] >= start) & (events["date"] <= end)].copy()
    rows["when"] = drawn_at(rows["date"])
    return (
        alt.Chart(rows)
        .mark_point(filled=True, size=90, color=ALIBABA, opacity=0.9)
        .encode(
            x=alt.X("when:T", title=None, axis=alt.Axis(format="%b %Y")),
            y=alt.Y("actor:N", title=None, sort=alt.EncodingSortField("when", op="min")),
            shape=alt.Shape(
                "date_precision:N",
                title="Date known to the",
                scale=alt.Scale(domain=["day", "month", "year"], range=["circle", "square", "triangle-up"]),
            ),
            tooltip=[
                alt.Tooltip("date:N", title="Date"),
                alt.Tooltip("actor:N", title="Who"),
                alt.Tooltip("summary:N", title="What"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
        .properties(height=alt.Step(24))
    )


def status_summary(statuses: pd.DataFrame) -> str:
    """A text alternative of the status timeline, written from the data."""
    parts = []
    for platform, rows in statuses.dropna(subset=["released"]).groupby("platform", sort=False):
        steps = ", ".join(f"{STATUS_LABELS[r.status].lower()} {r.released:%b %Y}" for r in rows.itertuples())
        parts.append(f"{platform}: {steps}.")
    return "Dot timeline of USTR reports by release date, one row per Chinese platform. " + " ".join(parts)


def list_size_summary(sizes: pd.DataFrame) -> str:
    """A text alternative of the list-size chart, written from the data."""
    parts = []
    for year, rows in sizes.groupby("covers_year"):
        counts = ", ".join(f"{r.kind.lower()} {int(r.markets) if r.known else 'not stated'}" for r in rows.itertuples())
        parts.append(f"{year}: {counts}")
    return "Markets on each stand-alone review. " + "; ".join(parts) + "."
