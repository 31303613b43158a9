"""The introduction's charts: the four strands on one time axis, and the claim audit's verdicts."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..theme import ALIBABA, OTHER, VERDICT_COLOURS, VERDICT_LABELS, status_legend, status_scale
from .common import decision_rules, drawn_at

STRANDS = {
    "listing": "USTR and Alibaba",
    "lobbying": "Lobbying",
    "coalitions": "Brands and coalitions",
    "metrics": "Enforcement and measurement",
}
PANEL_WIDTH = 560  # concatenated views cannot stretch to the page; the page's CSS scales them down on phones


def strand_events(events: pd.DataFrame) -> pd.DataFrame:
    """Every dated event with the strand it belongs to and where it is drawn."""
    # An event of two strands is drawn once, in the first it names.
    first = events["chapter"].str.split(";").str[0]
    rows = events.assign(strand=first.map(STRANDS), when=drawn_at(events["date"]))
    return rows.sort_values("when").reset_index(drop=True)


def overview(
    status: pd.DataFrame, spend: pd.DataFrame, events: pd.DataFrame, marks: pd.DataFrame, start: str, end: str
) -> alt.VConcatChart:
    """Taobao's status, Alibaba's reported lobbying spend and the dated events of each strand, one time axis.

    ``spend`` holds one row per year and source; years without a figure have no row, so no bar.
    """
    domain = [start, end]
    x = alt.X("when:T", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(format="%Y", tickCount="year"))
    status_panel = alt.layer(
        decision_rules(marks, label_y=-2),
        alt.Chart(status)
        .mark_point(filled=True, size=120)
        .encode(
            x=x,
            color=alt.Color("status:N", scale=status_scale(), legend=status_legend("Taobao's status")),
            tooltip=[
                alt.Tooltip("title:N", title="Report"),
                alt.Tooltip("released:T", format="%d %b %Y"),
                alt.Tooltip("status:N"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        ),
    ).properties(height=60, title="Taobao on USTR's list")
    spend_panel = (
        alt.Chart(spend)
        .mark_point(shape="square", filled=True, size=70, color=ALIBABA)
        .encode(
            x=x,
            y=alt.Y("amount_usd:Q", title="US$ per year", axis=alt.Axis(format="~s")),
            tooltip=[
                alt.Tooltip("year:O"),
                alt.Tooltip("period:N"),
                alt.Tooltip("amount_usd:Q", format=","),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
        .properties(height=110, title="Alibaba's reported US lobbying (one mark per source; no mark = no figure)")
    )
    event_panel = (
        alt.Chart(events)
        .mark_tick(thickness=2, size=16, color=OTHER)
        .encode(
            x=x,
            y=alt.Y("strand:N", title=None, sort=list(STRANDS.values())),
            tooltip=[
                alt.Tooltip("date:N"),
                alt.Tooltip("actor:N"),
                alt.Tooltip("summary:N"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
        .properties(height=120, title="Dated events in each strand")
    )
    panels = [p.properties(width=PANEL_WIDTH) for p in (status_panel, spend_panel, event_panel)]
    return alt.vconcat(*panels, spacing=12).resolve_scale(color="independent")


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    counts = claims["verdict"].value_counts().reindex(list(VERDICT_LABELS), fill_value=0)
    return pd.DataFrame(
        {"verdict": counts.index, "label": [VERDICT_LABELS[v] for v in counts.index], "claims": counts.to_numpy()}
    )


def verdict_chart(counts: pd.DataFrame) -> alt.Chart:
    labels = [VERDICT_LABELS[v] for v in VERDICT_COLOURS]
    scale = alt.Scale(domain=labels, range=list(VERDICT_COLOURS.values()))
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("claims:Q", title="Claims of the seed article"),
            y=alt.Y("label:N", title=None, sort=labels),
            color=alt.Color("label:N", scale=scale, legend=None),
            tooltip=[alt.Tooltip("label:N", title="Verdict"), alt.Tooltip("claims:Q")],
        )
        .properties(height=150)
    )


def verdict_takeaway(counts: pd.DataFrame) -> str:
    total = int(counts["claims"].sum())
    confirmed = int(counts.loc[counts["verdict"] == "confirmed", "claims"].sum())
    return (
        f"{confirmed} of {total} checkable claims are confirmed as printed; "
        "the rest are garbled, unverifiable or wrong."
    )


def overview_summary(status: pd.DataFrame, spend: pd.DataFrame, events: pd.DataFrame) -> str:
    """A text alternative of the overview chart, written from the data."""
    steps = "; ".join(f"{r.status.replace('_', ' ')} {r.released:%b %Y}" for r in status.itertuples())
    years = ", ".join(f"{r.year}: US${r.amount_usd:,}" for r in spend.drop_duplicates("year").itertuples())
    per_strand = ", ".join(f"{k} {v}" for k, v in events["strand"].value_counts().items())
    return (
        f"Three panels on a shared time axis. Taobao's status by report: {steps}. Alibaba's reported annual "
        f"lobbying (first source per year): {years}; other years have no figure. Dated events per strand: "
        f"{per_strand}."
    )
