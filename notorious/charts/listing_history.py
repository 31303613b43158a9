"""Charts of the USTR listing history (chapter 1)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data import dates
from ..data.dataset import in_strand
from ..data.words import listed
from ..publish.figures import Figure, sourced
from .common import (
    ALIBABA_GROUP,
    decision_rules,
    decisions,
    drawn_at,
    precision_key,
    precision_scale,
    status_key,
)
from .theme import ALIBABA, INK, MISSING, OTHER, STATUS_LABELS, status_legend, status_scale


def platform_statuses(listings: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Every recorded status with its report's date; Alibaba's platforms first, then by first appearance."""
    rows = listings.merge(reviews[["report_id", "released", "covers_year", "title"]], on="report_id")
    rows["alibaba"] = rows["operator"].eq(ALIBABA_GROUP).fillna(False)
    first_seen = rows.groupby("platform")["covers_year"].min()
    rows["first_seen"] = rows["platform"].map(first_seen)
    rows = rows.sort_values(["alibaba", "first_seen", "platform", "covers_year"], ascending=[False, True, True, True])
    rows["status_label"] = rows["status"].map(STATUS_LABELS)
    return rows.reset_index(drop=True)


def status_key_text(statuses: pd.DataFrame, unknown: pd.DataFrame | None = None) -> str:
    """The status timeline's key, beside its marks: rows, dots coloured by status, hollow circles for the reports no
    source covers, the decision rules."""
    drawn = statuses.dropna(subset=["released"])
    hollow = (
        "; a hollow grey circle (in the legend, 'No source: unknown') is a later report for which the data hold no "
        "status for the platform, which is unknown, not absent from the list"
        if unknown is not None and len(unknown)
        else ""
    )
    return (
        "Each row is a platform, Alibaba's labelled in orange; each dot is a report that names it, at the report's "
        f"release date, coloured by the status it gave ({status_key(drawn['status'])}){hollow}; dashed lines mark "
        "USTR's decisions on Taobao."
    )


# One rule for every chart of Chinese markets (Figures 1.1 and 1.4): a market is Chinese when platforms.csv gives
# its country as mainland China or Hong Kong. A market a USTR report named but whose country no source read states
# (platforms.csv leaves it empty) is drawn in neither; each figure's key names it.
REGIONS = ("China", "Hong Kong")
UNKNOWN = "no source"
# What the legends call a hollow mark: a publication for which the data hold no source for the market.
NO_SOURCE_LEGEND = "No source: unknown"


def chinese_listings(ds) -> pd.DataFrame:
    """The listing rows of markets whose country (platforms.csv) is mainland China or Hong Kong."""
    countries = ds.platforms.set_index("platform")["country"]
    return ds.listings[ds.listings["platform"].map(countries).isin(REGIONS)]


def without_country(ds, *, online: bool | None = None) -> list[str]:
    """The markets of listings.csv whose country no source read states (platforms.csv leaves it empty); ``online``
    True or False keeps only websites and apps, or only physical markets."""
    platforms = ds.platforms.set_index("platform")
    named = pd.Series(sorted(set(ds.listings["platform"])))
    keep = named.map(platforms["country"]).isna()
    if online is not None:
        keep &= named.map(platforms["kind"]).ne("physical_market").eq(online)
    return list(named[keep])


def online_listings(ds) -> pd.DataFrame:
    """The listing rows of Chinese markets (chinese_listings) that are not physical markets (platforms.csv kind),
    i.e. websites and apps."""
    physical = set(ds.platforms.loc[ds.platforms["kind"].eq("physical_market"), "platform"])
    rows = chinese_listings(ds)
    return rows[~rows["platform"].isin(physical)]


def left_out_text(names: list[str]) -> str:
    """The sentence a key adds for the markets it does not draw because no source read states their country."""
    if not names:
        return ""
    return (
        f" Not drawn: {listed(names)}, named by USTR, because no source we read says where "
        f"{'its' if len(names) == 1 else 'their'} operator is based."
    )


def no_source_marks(statuses: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """For each platform, the USTR publications after its first appearance for which the data hold no status:
    unknown, never 'not listed'. One row each, in the columns the timeline draws; an undated review (no release day
    known) is in the table but cannot be drawn on the time axis."""
    rows = []
    for platform, group in statuses.groupby("platform", sort=False):
        # Dated reports after its first appearance, and an undated review for a later year (in the table, not drawn).
        after = reviews["released"].gt(group["released"].min()) | (
            reviews["released"].isna() & reviews["covers_year"].gt(group["covers_year"].max())
        )
        later = reviews[after & ~reviews["report_id"].isin(group["report_id"])]
        first = group.iloc[0]
        rows += [
            {
                "platform": platform,
                "operator": first["operator"],
                "report_id": r.report_id,
                "released": r.released,
                "covers_year": r.covers_year,
                "title": r.title,
                "status_label": NO_SOURCE_LEGEND,
                "source_id": "",
            }
            for r in later.itertuples()
        ]
    return pd.DataFrame(
        rows,
        columns=["platform", "operator", "report_id", "released", "covers_year", "title", "status_label", "source_id"],
    )


def status_figure(ds) -> Figure:
    """Figure: every Chinese online platform's status in every report that names it, and a hollow mark for each
    later report for which no source gives one."""
    statuses = platform_statuses(online_listings(ds), ds.reviews)
    unknown = no_source_marks(statuses, ds.reviews)
    shown = statuses[["report_id", "released", "platform", "operator", "status"]]
    table = pd.concat([statuses, unknown.assign(status_label="No source (unknown)")], ignore_index=True)
    order = {p: i for i, p in enumerate(dict.fromkeys(statuses["platform"]))}
    table = table.assign(rank=table["platform"].map(order)).sort_values(["rank", "covers_year", "report_id"])
    return Figure(
        name="listing-status-timeline",
        chart=status_timeline(statuses, decisions(ds.listings, ds.reviews), unknown),
        rows=sourced(shown, ds.listings, ["report_id", "platform"]),
        table=table[["platform", "operator", "report_id", "released", "status_label"]].rename(
            columns={"report_id": "report", "status_label": "status"}
        ),
        alt_text=status_summary(statuses),
        key=status_key_text(statuses, unknown) + left_out_text(without_country(ds, online=True)),
    )


def status_timeline(statuses: pd.DataFrame, marks: pd.DataFrame, unknown: pd.DataFrame | None = None) -> alt.LayerChart:
    """One row per platform, one mark per report that names it, on the reports' release dates; a hollow grey circle
    for each later report for which no source gives the platform a status."""
    drawn = statuses.dropna(subset=["released"])
    order = list(dict.fromkeys(drawn["platform"]))
    alibaba = sorted(set(drawn.loc[drawn["alibaba"], "platform"]))
    label_colour = alt.ExprRef(f"indexof({alibaba!r}, datum.value) >= 0 ? '{ALIBABA}' : '{INK}'")
    x = alt.X(
        "released:T",
        title="Report release date",
        scale=alt.Scale(padding=12),
        axis=alt.Axis(format="%Y", tickCount="year"),
    )
    y = alt.Y(
        "platform:N",
        sort=order,
        title=None,
        # A company's "Technology" dropped from its label, so a phone keeps room for the marks (the tooltip and the
        # table keep the full name).
        axis=alt.Axis(
            labelColor=label_colour, labelFontWeight="bold", labelExpr="replace(datum.value, / Technology$/, '')"
        ),
    )
    points = (
        alt.Chart(drawn)
        .mark_circle(size=110, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color("status:N", scale=status_scale(), legend=status_legend()),
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
    layers = [decision_rules(marks, label_y=-2), points]
    if unknown is not None and len(unknown):
        hollow = (
            alt.Chart(unknown[unknown["platform"].isin(order)].dropna(subset=["released"]))
            .mark_point(shape="circle", size=50, filled=False, strokeWidth=1, opacity=0.9)
            .encode(
                x=x,
                y=y,
                stroke=alt.Stroke(
                    "status_label:N",
                    scale=alt.Scale(domain=[NO_SOURCE_LEGEND], range=[OTHER]),
                    legend=alt.Legend(title=None, symbolType="circle", orient="bottom"),
                ),
                tooltip=[
                    alt.Tooltip("platform:N", title="Platform"),
                    alt.Tooltip("status_label:N", title="Status"),
                    alt.Tooltip("title:N", title="Report"),
                    alt.Tooltip("released:T", title="Released", format="%d %b %Y"),
                ],
            )
        )
        layers.insert(1, hollow)
    # Room at the sides: the image is laid out with the converter's font and shown with the reader's, which can be
    # wider, so a row name or the last year at the edge would be clipped on a phone without JavaScript. (Not in the
    # theme: stacked panels scale down with their padding, and their text must stay 10 px on a phone.)
    return alt.layer(*layers).properties(height=alt.Step(26), padding={"left": 18, "right": 18, "top": 8, "bottom": 8})


KINDS = {"online_markets": "Online", "physical_markets": "Physical"}


def list_sizes(reviews: pd.DataFrame, sizes: pd.DataFrame) -> pd.DataFrame:
    """The list's size per stand-alone review, long: one row per review and kind, the count the book charts
    (reviews.csv) with the source whose quote states it; unknown sizes kept as NA. ``others`` lists the different
    counts other sources give (review_sizes.csv), so a disagreement is drawn, not hidden."""
    rows = reviews[reviews["report_type"] == "out_of_cycle_review"]
    long = rows.melt(
        id_vars=["report_id", "covers_year", "released"],
        value_vars=list(KINDS),
        var_name="column",
        value_name="markets",
    )
    stated, others = [], []
    for r in long.itertuples():
        readings = sizes[sizes["report_id"].eq(r.report_id)].dropna(subset=[r.column])
        same = readings[readings[r.column].eq(r.markets)] if pd.notna(r.markets) else readings.iloc[:0]
        stated.append(same.iloc[0] if len(same) else None)
        others.append(readings[~readings[r.column].eq(r.markets).fillna(False)] if pd.notna(r.markets) else readings)
    long["kind"] = long["column"].map(KINDS)
    for column in ("source_id", "quote", "quote_en"):
        long[column] = pd.array([s[column] if s is not None else pd.NA for s in stated], dtype="string")
    long["others"] = [
        "; ".join(f"{int(value)} per {sid}" for value, sid in zip(frame[column], frame["source_id"], strict=True))
        for frame, column in zip(others, long["column"], strict=True)
    ]
    long["known"] = long["markets"].notna()
    long["stated"] = long["known"].map({True: "stated", False: "not stated"})
    return long.drop(columns="column").sort_values(["covers_year", "kind"]).reset_index(drop=True)


def other_counts(reviews: pd.DataFrame, sizes: pd.DataFrame) -> pd.DataFrame:
    """Counts a source gives that differ from the one charted, one row each (review, kind, markets, source)."""
    charted = reviews.set_index("report_id")
    rows = []
    for r in sizes.itertuples():
        for column, kind in KINDS.items():
            value = getattr(r, column)
            if pd.notna(value) and r.report_id in charted.index and charted.loc[r.report_id, column] != value:
                rows.append(
                    {
                        "report_id": r.report_id,
                        "covers_year": charted.loc[r.report_id, "covers_year"],
                        "kind": kind,
                        "markets": int(value),
                        "source_id": r.source_id,
                        "quote": r.quote,
                        "quote_en": r.quote_en,
                    }
                )
    return pd.DataFrame(rows, columns=["report_id", "covers_year", "kind", "markets", "source_id", "quote", "quote_en"])


HEIGHT = 260


# The list-size chart's key, beside the marks it names: orange bars (online) and dark grey bars (physical) are
# counts a source states; a pale grey column is a count no source we read states; a black tick is another source's.
LIST_SIZE_KEY = (
    "Orange bars are online and dark grey bars physical markets, as a source states them; a pale grey column marked "
    "'not stated' is a count no source we read states, unknown and not zero; a black tick is a different count "
    "another source gives."
)


def list_size_figure(ds) -> Figure:
    """Figure: how many online and physical markets each stand-alone review listed, with other sources' counts."""
    sizes = list_sizes(ds.reviews, ds.review_sizes)
    others = other_counts(ds.reviews, ds.review_sizes)
    rows = pd.concat([sizes.dropna(subset=["source_id"]), others])
    return Figure(
        name="listing-list-size",
        chart=list_size_chart(sizes, others),
        rows=rows[["report_id", "covers_year", "kind", "markets", "source_id", "quote", "quote_en"]],
        table=sizes[["report_id", "kind", "markets", "others"]]
        .assign(markets=sizes["markets"].astype("string").fillna("not stated"))
        .rename(columns={"report_id": "review", "others": "other sources"}),
        alt_text=list_size_summary(sizes),
        key=LIST_SIZE_KEY,
    )


def list_size_chart(sizes: pd.DataFrame, others: pd.DataFrame) -> alt.LayerChart:
    """Grouped bars for the counts a source states; a grey, labelled column where no source gives the size; a
    black tick at each different count another source gives."""
    x = alt.X("covers_year:O", title="Review (year in its title)")
    offset = alt.XOffset("kind:N", sort=list(KINDS.values()), scale=alt.Scale(domain=list(KINDS.values())))
    kinds = alt.Scale(domain=list(KINDS.values()), range=[ALIBABA, OTHER])
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
                alt.Tooltip("others:N", title="Other sources"),
            ],
        )
    )
    # A size no source states is a grey column the height of the chart, labelled, never a mark on the zero line.
    unknown = alt.Chart(sizes[~sizes["known"]]).encode(
        x=x,
        xOffset=offset,
        tooltip=[
            alt.Tooltip("report_id:N", title="Review"),
            alt.Tooltip("kind:N", title="Kind"),
            alt.Tooltip("stated:N", title="Size"),
        ],
    )
    gap = unknown.mark_rect(color=MISSING, opacity=0.45).encode(y=alt.value(0), y2=alt.value(HEIGHT))
    # One label per review, centred on it, even where both sizes are missing.
    words = (
        alt.Chart(sizes[~sizes["known"]].drop_duplicates("covers_year"))
        .mark_text(angle=270, align="right", baseline="middle", fontSize=10, color=INK)
        .encode(x=x, y=alt.value(4), text="stated:N")
    )
    # Another source's different count: a black tick at its height, on the bar of the same kind.
    ticks = (
        alt.Chart(others)
        .mark_tick(color=INK, thickness=3)
        .encode(
            x=x,
            xOffset=offset,
            y=alt.Y("markets:Q"),
            tooltip=[
                alt.Tooltip("report_id:N", title="Review"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("markets:Q", title="Another source's count"),
                alt.Tooltip("source_id:N", title="Source"),
            ],
        )
    )
    return alt.layer(gap, words, bars, ticks).properties(height=HEIGHT)


# Figure 1.2's labelled events: what happened, in a few words of ours, for the steps the chapter's account turns on.
# Every other event of the window is a dot on the same time axis, named in the tooltip and the table. A label may
# hold no number: a count comes from the event's row (the petition's signatories, from its actor).
HEADLINES = {
    "ustr-2015-12-17-alibaba-warned": "USTR warns Alibaba",
    "co-e19": "Alibaba joins the IACC",
    "co-e23": "IACC suspends Alibaba's membership",
    "ustr-2016-08-25-comment-request": "USTR calls for comments",
    "alibaba-2016-10-07-submission": "Alibaba files its comments",
    "aafa-2016-10-complaint": "{actor} petition USTR",
    "ustr-2016-12-21-taobao-relisted": "USTR lists Taobao again",
    "alibaba-2016-12-21-evans-statement": "Alibaba objects to the decision",
}
STRIP_HEIGHT = 560  # px of the time axis; labels keep at least LABEL_GAP px apart along it
LABEL_GAP = 34


def headline(row) -> str:
    """An event's short label: its date (to the precision known) and what happened, from HEADLINES."""
    what = HEADLINES[row["event_id"]].format(actor=row["actor"].replace(" organizations", " groups"))
    return f"{dates.when(pd.Timestamp(row['when']), precision=row['date_precision'])}\n{what}"


def event_rows(events: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """The window's events on one time axis: each at its date (a month-only date at its first day, shown by the
    marker), the HEADLINES ones labelled, their labels spread along the axis so that none overlaps the next."""
    order = {event: i for i, event in enumerate(HEADLINES)}  # on one day, labels read in HEADLINES' order
    rows = events.assign(when=drawn_at(events["date"]), order=events["event_id"].map(order).fillna(len(order)))
    rows = rows.sort_values(["when", "order", "event_id"]).reset_index(drop=True)
    rows["alibaba"] = rows["actor"].str.contains("Alibaba")
    rows["labelled"] = rows["event_id"].isin(HEADLINES)
    rows["label"] = [headline(r) if r["labelled"] else "" for _, r in rows.iterrows()]
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    gap = pd.Timedelta(days=LABEL_GAP * (hi - lo).days / STRIP_HEIGHT)
    placed = list(rows.loc[rows["labelled"], "when"])
    for i in range(1, len(placed)):  # down the axis, each label at least a gap below the one before
        placed[i] = max(placed[i], placed[i - 1] + gap)
    if placed and placed[-1] > hi:  # then up from the end, so the last stays inside the axis
        placed[-1] = hi
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - gap)
    rows["label_at"] = pd.NaT
    rows.loc[rows["labelled"], "label_at"] = placed
    return rows


def events_key(events: pd.DataFrame) -> str:
    """The events strip's key, from the events and precisions it draws."""
    labelled = events["event_id"].isin(HEADLINES)
    return (
        "Time runs down the chart. Each marker is an event at its date; the marker's shape says how precisely the "
        f"date is known ({precision_key(events['date_precision'])}), and Alibaba's own steps are orange, others grey. "
        f"{int(labelled.sum())} of the {len(events)} events carry a label, joined to their marker by a line; the "
        "others are in the table below the chart (and in the tooltips)."
    )


def warning_to_relisting_figure(ds, start: str = "2015-12", end: str = "2016-12-31") -> Figure:
    """Figure: the listing strand's events from USTR's warning to its re-listing of Taobao."""
    window = in_strand(ds.events, "listing-history")
    shown = window[(window["date"] >= start) & (window["date"] <= end)]
    missing = sorted(set(HEADLINES) - set(shown["event_id"]))
    if missing:
        raise ValueError(f"Figure labels name events that are not in the window {start} to {end}: {missing}")
    columns = ["event_id", "date", "date_precision", "date_basis", "actor", "event_type", "summary"]
    rows = event_rows(shown, start, end)
    return Figure(
        name="listing-warning-to-relisting",
        chart=events_strip(rows, start, end),
        rows=sourced(shown[columns], ds.events, ["event_id"]),
        table=shown[["date", "actor", "summary"]],
        alt_text="Timeline, time running down, of the events between USTR's December 2015 warning and its December "
        "2016 listing: " + "; ".join(rows.loc[rows["labelled"], "label"].str.replace("\n", ": ")) + ".",
        key=events_key(shown),
    )


def events_strip(rows: pd.DataFrame, start: str, end: str) -> alt.LayerChart:
    """Dated events between two dates on a real time axis running down, as a phone reads it: a marker per event at
    its date, a label for the HEADLINES ones, joined to its marker by a line where labels had to move apart.

    The marker's shape says how precisely the date is known; Alibaba's own steps are in its colour."""
    pad = pd.Timedelta(days=12)
    y_scale = alt.Scale(
        domain=[(pd.Timestamp(start) - pad).isoformat(), (pd.Timestamp(end) + pad).isoformat()], reverse=True
    )
    y_axis = alt.Axis(format="%b %Y", tickCount="month", grid=True, labelFontSize=11, domain=False, ticks=False)
    y = alt.Y("when:T", title=None, scale=y_scale, axis=y_axis)
    base = alt.Chart(rows).encode(
        tooltip=[
            alt.Tooltip("date:N", title="Date"),
            alt.Tooltip("actor:N", title="Who"),
            alt.Tooltip("summary:N", title="What"),
            alt.Tooltip("source_id:N", title="Source"),
        ],
    )
    colour = alt.Color("alibaba:N", scale=alt.Scale(domain=[True, False], range=[ALIBABA, OTHER]), legend=None)
    points = base.mark_point(filled=True, size=80, opacity=1).encode(
        x=alt.value(10),
        y=y,
        color=colour,
        shape=alt.Shape(
            "date_precision:N",
            title="Date known to the",
            scale=precision_scale(rows["date_precision"]),
            legend=alt.Legend(orient="top"),
        ),
    )
    labelled = base.transform_filter("datum.labelled")
    leaders = labelled.mark_rule(strokeWidth=1, color=OTHER).encode(
        x=alt.value(16), x2=alt.value(30), y=y, y2="label_at:T"
    )
    labels = labelled.mark_text(align="left", baseline="middle", fontSize=12, lineBreak="\n", lineHeight=14).encode(
        x=alt.value(34),
        y=alt.Y("label_at:T", scale=y_scale, axis=y_axis, title=None),
        text="label:N",
        color=alt.value(INK),
    )
    return alt.layer(leaders, points, labels).properties(height=STRIP_HEIGHT)


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
        counts = ", ".join(
            f"{r.kind.lower()} {int(r.markets) if r.known else 'not stated'}"
            + (f" (other sources: {r.others})" if r.others else "")
            for r in rows.itertuples()
        )
        parts.append(f"{year}: {counts}")
    return "Markets on each stand-alone review. " + "; ".join(parts) + "."


# How rare is a return: one swimlane per Chinese market, one square per USTR publication.
ON = ("listed", "named")


def publications(reviews: pd.DataFrame) -> pd.DataFrame:
    """Every USTR publication in order (the Special 301 reports of 2006-2010, then the stand-alone reviews), with a
    short column label: S06-S10 for the Special 301 reports, the review's year for the others."""
    rows = reviews.assign(special=reviews["report_type"].eq("special_301"))
    rows = rows.sort_values(["covers_year", "special"], ascending=[True, False]).reset_index(drop=True)
    rows["column"] = [
        f"S{y % 100:02d}" if s else str(y) for y, s in zip(rows["covers_year"], rows["special"], strict=True)
    ]
    rows["position"] = range(len(rows))
    return rows[["report_id", "report_type", "covers_year", "column", "position"]]


def market_paths(ds) -> pd.DataFrame:
    """One row per Chinese market (mainland or Hong Kong, per platforms.csv) and USTR publication: the status a
    source gives it there, or 'no source' where the data hold none (never read as 'not listed')."""
    platforms = ds.platforms.set_index("platform")
    chinese = chinese_listings(ds)
    pubs = publications(ds.reviews)
    markets = sorted(set(chinese["platform"]))
    grid = pd.MultiIndex.from_product([markets, pubs["report_id"]], names=["platform", "report_id"]).to_frame(
        index=False
    )
    grid = grid.merge(pubs, on="report_id").merge(
        chinese[["report_id", "platform", "status"]], on=["report_id", "platform"], how="left"
    )
    grid["status"] = grid["status"].astype("string").fillna(UNKNOWN)
    grid["kind"] = (
        grid["platform"].map(platforms["kind"]).map(lambda k: "physical market" if k == "physical_market" else "online")
    )
    grid["region"] = grid["platform"].map(platforms["country"])
    grid["label"] = grid["platform"].str.replace(r" \(China\)$", "", regex=True)
    grid["status_label"] = grid["status"].map({**STATUS_LABELS, UNKNOWN: "No source"})
    first = grid[grid["status"].isin(ON)].groupby("platform")["position"].min()
    grid["first_on"] = grid["platform"].map(first)
    grid = grid.sort_values(["first_on", "platform", "position"]).reset_index(drop=True)
    return grid


def returns(paths: pd.DataFrame) -> pd.DataFrame:
    """Per market: first publication on the list, removals, returns after a removal (and the years between), and
    whether it was on every publication from its first listing to the last one the data give any status for."""
    known = paths[paths["status"].ne(UNKNOWN)]
    last = int(known["position"].max())
    rows = []
    for platform, p in paths.groupby("platform", sort=False):
        on = p[p["status"].isin(ON)]
        removed = p[p["status"].eq("removed")]
        back = on[on["position"] > removed["position"].min()] if len(removed) else on.iloc[:0]
        span = p[p["position"].between(on["position"].min(), last)] if len(on) else p.iloc[:0]
        rows.append(
            {
                "platform": platform,
                "label": p["label"].iloc[0],
                "kind": p["kind"].iloc[0],
                "ever_on": len(on) > 0,
                "first_on": on["covers_year"].min() if len(on) else pd.NA,
                "removed_year": removed["covers_year"].min() if len(removed) else pd.NA,
                "back_year": back["covers_year"].min() if len(back) else pd.NA,
                "stayed_on": len(on) > 0 and on["position"].min() < last and span["status"].isin(ON).all(),
                "unknown": int(p["status"].eq(UNKNOWN).sum()),
                "on_in": ", ".join(on["column"]),
                "removed_in": ", ".join(removed["column"]),
                "not_listed_in": ", ".join(p.loc[p["status"].eq("not_listed"), "column"]),
                "warned_in": ", ".join(p.loc[p["status"].eq("warned"), "column"]),
            }
        )
    out = pd.DataFrame(rows)
    out["came_back"] = out["back_year"].notna()
    out["years_away"] = (out["back_year"] - out["removed_year"]).where(out["came_back"])
    return out


def returns_key(paths: pd.DataFrame) -> str:
    """The swimlane's key, written from the statuses it draws."""
    drawn = paths.loc[paths["status"].ne(UNKNOWN), "status"]
    return (
        "Each row is a Chinese market, named above its squares; from left to right, one square per USTR publication, "
        "S06 to S10 for the Special 301 reports of 2006 to 2010, then the stand-alone review of each year. A filled "
        "square is "
        f"the status a source gives ({status_key(drawn.unique())}); a hollow grey square (in the legend, "
        f"'{NO_SOURCE_LEGEND}') means the data hold no source for that market in that publication, which is unknown, "
        "not absent from the list. The publications are labelled above and below the squares."
    )


def returns_summary(paths: pd.DataFrame, per_market: pd.DataFrame) -> str:
    """A text alternative of the swimlane, written from the data."""
    parts = []
    for r in per_market.itertuples():
        steps = [f"on in {r.on_in}" if r.on_in else "", f"removed in {r.removed_in}" if r.removed_in else ""]
        steps.append(f"not listed in {r.not_listed_in}" if r.not_listed_in else "")
        steps.append(f"warned, not listed, in {r.warned_in}" if r.warned_in else "")
        parts.append(f"{r.platform}: " + "; ".join(s for s in steps if s) + f"; no source for {r.unknown}.")
    pubs = paths["report_id"].nunique()
    return (
        f"Swimlane chart of {len(per_market)} Chinese markets across {pubs} USTR publications, one row per market, "
        "one square per publication coloured by status, hollow where no source gives one. " + " ".join(parts)
    )


def returns_figure(ds) -> Figure:
    """Figure: every Chinese market's years on, off and back the list, with the years no source covers."""
    paths = market_paths(ds)
    per_market = returns(paths)
    shown = paths[paths["status"].ne(UNKNOWN)][["report_id", "platform", "status"]]
    table = per_market.assign(
        first_on=per_market["first_on"].astype("string").fillna(""),
        unknown=per_market["unknown"].astype(str),
    )[["platform", "kind", "on_in", "removed_in", "not_listed_in", "warned_in", "unknown"]].rename(
        columns={
            "platform": "market",
            "on_in": "listed or named in",
            "removed_in": "removed in",
            "not_listed_in": "not listed in",
            "warned_in": "warned, not listed, in",
            "unknown": "publications with no source",
        }
    )
    return Figure(
        name="listing-returns",
        chart=returns_chart(paths),
        rows=sourced(shown, ds.listings, ["report_id", "platform"]),
        table=table,
        alt_text=returns_summary(paths, per_market),
        key=returns_key(paths),
    )


def returns_chart(paths: pd.DataFrame) -> alt.LayerChart:
    """A swimlane per market: its name on a line of its own, then one square per publication.

    The publications are labelled above and below the lanes (the chart is tall: a reader at either end sees which
    square is which year), and the legend has an entry for the hollow square as well as for each status."""
    columns = list(dict.fromkeys(paths.sort_values("position")["column"]))
    order = list(dict.fromkeys(paths["platform"]))
    y = alt.Y("platform:N", sort=order, axis=None, title=None)

    def x(orient: str) -> alt.X:
        return alt.X(
            "column:O",
            sort=columns,
            title="USTR publication (S: Special 301 report)" if orient == "bottom" else None,
            axis=alt.Axis(orient=orient, labelAngle=-90, labelFontSize=10, labelPadding=2, ticks=False, domain=False),
            scale=alt.Scale(paddingInner=0.15),
        )

    tooltip = [
        alt.Tooltip("platform:N", title="Market"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("report_id:N", title="Publication"),
        alt.Tooltip("status_label:N", title="Status"),
    ]
    base = alt.Chart(paths)
    known = (
        base.transform_filter(f"datum.status != '{UNKNOWN}'")
        .mark_square(size=70, filled=True, opacity=1, yOffset=7)
        .encode(
            x=x("top"), y=y, color=alt.Color("status:N", scale=status_scale(), legend=status_legend()), tooltip=tooltip
        )
    )
    unknown = (
        base.transform_filter(f"datum.status == '{UNKNOWN}'")
        .mark_point(shape="square", size=40, filled=False, strokeWidth=1, opacity=0.8, yOffset=7)
        .encode(
            x=x("bottom"),
            y=y,
            stroke=alt.Stroke(
                "status_label:N",
                scale=alt.Scale(domain=["No source"], range=[OTHER]),
                legend=alt.Legend(title=None, symbolType="square", labelExpr=f"'{NO_SOURCE_LEGEND}'"),
            ),
            tooltip=tooltip,
        )
    )
    names = (
        base.transform_filter("datum.position == 0")
        .mark_text(align="left", baseline="middle", fontSize=11, yOffset=-8, color=INK)
        .encode(x=alt.value(0), y=y, text="label:N")
    )
    return alt.layer(unknown, known, names).resolve_axis(x="independent").properties(height=alt.Step(34))
