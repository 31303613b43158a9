"""Charts of the USTR listing history (chapter 1)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.dataset import in_strand
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


def status_key_text(statuses: pd.DataFrame) -> str:
    """The status timeline's key, beside its marks: rows, dots coloured by status, the decision rules."""
    drawn = statuses.dropna(subset=["released"])
    return (
        "Each row is a platform, Alibaba's labelled in orange; each dot is a report that names it, at the report's "
        f"release date, coloured by the status it gave ({status_key(drawn['status'])}); dashed lines mark USTR's "
        "decisions on Taobao."
    )


def online_listings(ds) -> pd.DataFrame:
    """The listing rows of platforms that are not physical markets (platforms.csv kind), i.e. websites and apps."""
    physical = set(ds.platforms.loc[ds.platforms["kind"].eq("physical_market"), "platform"])
    return ds.listings[~ds.listings["platform"].isin(physical)]


def status_figure(ds) -> Figure:
    """Figure: every Chinese online platform's status in every report that names it."""
    statuses = platform_statuses(online_listings(ds), ds.reviews)
    shown = statuses[["report_id", "released", "platform", "operator", "status"]]
    return Figure(
        name="listing-status-timeline",
        chart=status_timeline(statuses, decisions(ds.listings, ds.reviews)),
        rows=sourced(shown, ds.listings, ["report_id", "platform"]),
        table=statuses[["platform", "operator", "report_id", "released", "status_label"]].rename(
            columns={"report_id": "report", "status_label": "status"}
        ),
        alt_text=status_summary(statuses),
        key=status_key_text(statuses),
    )


def status_timeline(statuses: pd.DataFrame, marks: pd.DataFrame) -> alt.LayerChart:
    """One row per platform, one mark per report that names it, on the reports' release dates."""
    drawn = statuses.dropna(subset=["released"])
    order = list(dict.fromkeys(drawn["platform"]))
    alibaba = sorted(set(drawn.loc[drawn["alibaba"], "platform"]))
    label_colour = alt.ExprRef(f"indexof({alibaba!r}, datum.value) >= 0 ? '{ALIBABA}' : '{INK}'")
    points = (
        alt.Chart(drawn)
        .mark_circle(size=110, opacity=1)
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


def event_rows(events: pd.DataFrame) -> pd.DataFrame:
    """One row per date and actor, in date order, labelled with its date (to the precision known) and what
    happened (the event types, counted), so the chart can be read without hovering."""
    rows = events.assign(when=drawn_at(events["date"]))
    out = []
    for (when, date, precision, actor), group in rows.groupby(["when", "date", "date_precision", "actor"], sort=True):
        counts = group["event_type"].value_counts(sort=False)
        what = ", ".join(t if n == 1 else f"{t} ×{n}" for t, n in counts.items())
        out.append(
            {
                "when": when,
                "date": date,
                "date_precision": precision,
                "actor": actor,
                "alibaba": "Alibaba" in actor,
                "label": f"{_say(when, precision)}\n{actor}: {what}",
                "summary": " | ".join(group["summary"]),
                "source_id": ", ".join(sorted(set(group["source_id"]))),
            }
        )
    frame = pd.DataFrame(out)
    frame["row"] = range(len(frame))
    return frame


def _say(when: pd.Timestamp, precision: str) -> str:
    return when.strftime({"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}[precision])


def events_key(events: pd.DataFrame) -> str:
    """The events strip's key, from the precisions its markers have."""
    return (
        "Each row is one date and one actor, read down like a list; the marker's shape says how precisely the date "
        f"is known ({precision_key(events['date_precision'])}), and Alibaba's own steps are orange, others grey."
    )


def warning_to_relisting_figure(ds, start: str = "2015-12", end: str = "2016-12-31") -> Figure:
    """Figure: the listing strand's events from USTR's warning to its re-listing of Taobao."""
    window = in_strand(ds.events, "listing-history")
    shown = window[(window["date"] >= start) & (window["date"] <= end)]
    columns = ["event_id", "date", "date_precision", "date_basis", "actor", "event_type", "summary"]
    return Figure(
        name="listing-warning-to-relisting",
        chart=events_strip(shown, start, end),
        rows=sourced(shown[columns], ds.events, ["event_id"]),
        table=shown[["date", "actor", "summary"]],
        alt_text="Timeline of events between USTR's December 2015 warning and its December 2016 listing, one row per "
        "actor.",
        key=events_key(shown),
    )


def events_strip(events: pd.DataFrame, start: str, end: str) -> alt.LayerChart:
    """Dated events between two dates, read down like a list: one row per date and actor, each labelled.

    The marker's shape says how precisely the date is known; Alibaba's own steps are in its colour."""
    rows = event_rows(events[(events["date"] >= start) & (events["date"] <= end)])
    y = alt.Y("row:O", title=None, axis=None)
    base = alt.Chart(rows).encode(
        y=y,
        tooltip=[
            alt.Tooltip("date:N", title="Date"),
            alt.Tooltip("actor:N", title="Who"),
            alt.Tooltip("summary:N", title="What"),
            alt.Tooltip("source_id:N", title="Source"),
        ],
    )
    colour = alt.Color(
        "alibaba:N",
        scale=alt.Scale(domain=[True, False], range=[ALIBABA, OTHER]),
        legend=None,
    )
    points = base.mark_point(filled=True, size=90, opacity=1).encode(
        x=alt.value(8),
        color=colour,
        shape=alt.Shape(
            "date_precision:N",
            title="Date known to the",
            scale=precision_scale(rows["date_precision"]),
        ),
    )
    labels = base.mark_text(align="left", baseline="middle", dx=0, fontSize=12, lineBreak="\n", lineHeight=15).encode(
        x=alt.value(22), text="label:N", color=alt.value(INK)
    )
    return alt.layer(points, labels).properties(height=alt.Step(38))


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
REGIONS = ("China", "Hong Kong")
UNKNOWN = "no source"
# What the legend calls a hollow square: a publication for which the data hold no source for the market.
NO_SOURCE_LEGEND = "No source: unknown"


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
    chinese = ds.listings[ds.listings["platform"].map(platforms["country"]).isin(REGIONS)]
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
    )[["platform", "kind", "on_in", "removed_in", "not_listed_in", "unknown"]].rename(
        columns={
            "platform": "market",
            "on_in": "listed or named in",
            "removed_in": "removed in",
            "not_listed_in": "not listed in",
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
