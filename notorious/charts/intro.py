"""The introduction's charts: the four strands on one time axis, and the claim audit's verdicts."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.words import listed, qualified
from ..publish.figures import Figure
from .common import ALIBABA_GROUP, colour_key, decision_rules, decisions, status_key
from .lobbying import PROVISIONAL, missing_years, provisional_labels, standing
from .theme import (
    INK,
    MISSING,
    VERDICT_COLOURS,
    VERDICT_LABELS,
    status_legend,
    status_scale,
)
from .year_ticks import year_axis, year_extent


def overview_key(statuses, standings=()) -> str:
    """The overview's key, beside its marks: dots coloured by Taobao's status, black bars for lobbying, pale grey
    bands for years without a figure, the decision rules, and a faded bar for a provisional figure if one is drawn."""
    faded = (
        " A faded bar, labelled provisional, is a figure from a page of a report not yet identified."
        if PROVISIONAL in set(standings)
        else ""
    )
    return (
        f"Dots are Taobao's status in each report ({status_key(statuses)}); each black bar is one source's lobbying "
        "figure for the year it spans, at the height of the amount (two sources' bars for one year may overlap); "
        "pale grey bands are years with no full-year figure, which is not zero; dashed lines mark USTR's decisions "
        "on Taobao."
    ) + faded


def overview_figure(ds) -> Figure:
    """Figure: Taobao's status in each report and Alibaba's reported full-year lobbying, on one time axis."""
    reviews = ds.reviews[["report_id", "released", "title"]]
    status = ds.listings[ds.listings["platform"].eq("Taobao")].merge(reviews, on="report_id")
    status = status.dropna(subset=["released"]).assign(when=lambda frame: frame["released"])
    spend = ds.lobbying[ds.lobbying["client"].eq(ALIBABA_GROUP) & ds.lobbying["period"].eq("year")]
    spend = spend.assign(standing=standing(spend, ds.gaps))
    start = f"{status['released'].min().year}-01-01"
    end = f"{max(status['released'].max().year, int(spend['year'].max())) + 1}-01-01"
    evidence = ["source_id", "quote", "quote_en"]
    rows = pd.concat(
        [
            status[["report_id", "released", "status", *evidence]].assign(strand="Taobao's status"),
            spend[["year", "amount_usd", "qualifier", "standing", *evidence]].assign(strand="Lobbying"),
        ],
        ignore_index=True,
    )
    return Figure(
        name="intro-overview",
        chart=overview(status, spend, decisions(ds.listings, ds.reviews), start, end),
        rows=rows,
        table=rows[["strand", "released", "status", "year", "amount_usd", "qualifier", "standing", "source_id"]].rename(
            columns={"amount_usd": "amount (US$)", "source_id": "source"}
        ),
        alt_text=overview_summary(status, spend),
        key=overview_key(status["status"], spend["standing"]),
    )


def overview(status: pd.DataFrame, spend: pd.DataFrame, marks: pd.DataFrame, start: str, end: str) -> alt.LayerChart:
    """Taobao's status by report and Alibaba's reported annual lobbying, in one view that stretches to a phone.

    ``spend`` holds one row per full-year figure and source; each is drawn as a bar across the year it covers.
    Years between the first and last figure without one are grey bands labelled as such, never zero.
    """
    spans = spend.assign(
        start=pd.to_datetime(spend["year"].astype(int).astype(str) + "-01-01"),
        end=pd.to_datetime(spend["year"].astype(int).astype(str) + "-12-31"),
    )
    gaps = missing_years(spans)
    x = year_axis("start", start, end, None)
    top = float(spans["amount_usd"].max()) * 1.45
    y = alt.Y(
        "amount_usd:Q",
        title="Alibaba's lobbying (US$ a year)",
        scale=alt.Scale(domain=[0, top], nice=False),
        axis=alt.Axis(format="$~s", tickCount=4),
    )
    band = (
        alt.Chart(gaps)
        .mark_rect(color=MISSING, opacity=0.35)
        .encode(x=x, x2="end:T", tooltip=[alt.Tooltip("year:O", title="No full-year figure")])
    )
    band_text = (
        alt.Chart(gaps.head(1))
        .mark_text(align="left", baseline="middle", dx=2, fontSize=10, color=INK)
        .transform_calculate(label="'no full-year figure'")
        .encode(x=x, y=alt.value(120), text="label:N")
    )
    bars = (
        alt.Chart(spans)
        .mark_rule(strokeWidth=4, color=INK)
        .encode(
            x=x,
            x2="end:T",
            y=y,
            opacity=alt.Opacity(
                "standing:N",
                scale=alt.Scale(domain=["stated", PROVISIONAL], range=[1.0, 0.4]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("amount_usd:Q", title="Reported (US$)", format=","),
                alt.Tooltip("standing:N", title="Figure"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
    )
    dots = (
        alt.Chart(status)
        .mark_circle(size=90, opacity=1)
        .encode(
            x=year_axis("when", start, end, None),
            y=alt.value(22),
            color=alt.Color("status:N", scale=status_scale(), legend=status_legend("Taobao in USTR's reports")),
            tooltip=[
                alt.Tooltip("title:N", title="Report"),
                alt.Tooltip("released:T", format="%d %b %Y"),
                alt.Tooltip("status:N"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
    )
    layers = [year_extent(start, end, None), band, band_text, decision_rules(marks, label_y=-2), bars, dots]
    if spans["standing"].eq(PROVISIONAL).any():
        middle = spans.assign(mid=spans["start"] + (spans["end"] - spans["start"]) / 2)
        layers.append(provisional_labels(middle, year_axis("mid", start, end, None), y))
    return alt.layer(*layers).properties(height=220)


def overview_title(ds) -> str:
    """Figure 1's finding, from the data: the year USTR re-listed Taobao, and that no source gives Alibaba's
    lobbying for it (a plain title if either is not so)."""
    relisted = decisions(ds.listings, ds.reviews)
    relisted = relisted[relisted["label"].str.startswith("Re-listed")]
    spend = ds.lobbying[ds.lobbying["client"].eq(ALIBABA_GROUP) & ds.lobbying["registrant"].isna()]
    gaps = missing_years(spend).set_index("year")["what"]
    if len(relisted):
        year = int(relisted["date"].iloc[-1].year)
        if gaps.get(year) == "no figure found":
            return f"USTR re-listed Taobao in {year}, a year for which no lobbying figure of Alibaba's is found"
    return "Taobao on USTR's list, and Alibaba's reported lobbying"


def verdict_title(claims: pd.DataFrame) -> str:
    """Figure 2's finding, counted from the claims: how many of them are confirmed in full."""
    return (
        f"{int(claims['verdict'].eq('confirmed').sum())} of the seed article's {len(claims)} checkable claims are "
        "confirmed in full"
    )


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    counts = claims["verdict"].value_counts().reindex(list(VERDICT_LABELS), fill_value=0)
    return pd.DataFrame(
        {"verdict": counts.index, "label": [VERDICT_LABELS[v] for v in counts.index], "claims": counts.to_numpy()}
    )


def verdict_key(counts: pd.DataFrame) -> str:
    """The verdict chart's key: one bar per verdict the claims got, each colour named."""
    labels = {VERDICT_LABELS[v]: VERDICT_COLOURS[v] for v in VERDICT_COLOURS}
    return f"One bar per verdict, as long as the number of claims that got it ({colour_key(labels, counts['label'])})."


def verdict_figure(ds) -> Figure:
    """Figure: how many of the seed article's claims got each verdict (the claims' source is the seed itself)."""
    counts = verdict_counts(ds.claims)
    return Figure(
        name="intro-claim-verdicts",
        chart=verdict_chart(counts),
        rows=ds.claims[["claim_id", "verdict", "chapter"]].assign(source_id="seed-article", quote=pd.NA),
        table=counts[["label", "claims"]].rename(columns={"label": "verdict"}),
        alt_text="Bar chart of claims by verdict: "
        + "; ".join(f"{row.label} {row.claims}" for row in counts.itertuples())
        + ".",
        key=verdict_key(counts),
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
    """How many claims got each verdict, counted from the chart's own table."""
    by = counts.set_index("verdict")["claims"]
    total = int(by.sum())
    words = [f"{int(by.get(v, 0))} {VERDICT_LABELS[v].lower()}" for v in VERDICT_LABELS if int(by.get(v, 0))]
    return f"Of the seed's {total} checkable claims, {listed(words)}."


def overview_summary(status: pd.DataFrame, spend: pd.DataFrame) -> str:
    """A text alternative of the overview chart, written from the data: every figure the chart draws."""
    steps = "; ".join(f"{r.status.replace('_', ' ')} {r.released:%b %Y}" for r in status.itertuples())
    years = ", ".join(
        f"{year}: "
        + " or ".join(
            sorted({qualified(q, f"US${a:,}") for q, a in zip(rows["qualifier"], rows["amount_usd"], strict=True)})
        )
        for year, rows in spend.groupby("year")
    )
    gaps = ", ".join(str(y) for y in missing_years(spend)["year"])
    return (
        f"One time axis. Taobao's status in each USTR report: {steps}. Alibaba's reported annual lobbying, every "
        f"source's figure: {years}; no full-year figure for {gaps}."
    )
