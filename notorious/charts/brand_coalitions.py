"""Charts of the brands and industry groups that took sides on Alibaba (chapter 3).

Every function takes the loaded frames (or the dataset, for the vocabularies of data/ it reads: who is who, what
each step says) and returns a frame or an Altair chart; none loads data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import altair as alt
import pandas as pd

from ..data.dataset import in_strand
from ..data.words import QUALIFIER_WORDS, listed, qualified
from ..publish.figures import Figure
from .common import colour_key, decision_rules, decisions, drawn_at, precision_key, precision_scale
from .theme import ALIBABA, CATEGORICAL, INK, OTHER
from .year_ticks import year_axis

ALIBABA_NAME = "Alibaba"

STANCE_GROUPS = {
    "pressed": "Pressed Alibaba",
    "both": "Both, at different times",
    "cooperated": "Cooperated with Alibaba",
}
KIND_LABELS = {
    "alibaba": "Alibaba's own step",
    "pressed": "Pressure on Alibaba",
    "cooperated": "Cooperation with Alibaba",
    "none": "Not a stance",
}
KIND_COLOURS = {"alibaba": ALIBABA, "pressed": CATEGORICAL[0], "cooperated": CATEGORICAL[2], "none": OTHER}


def alibaba_names(platforms: pd.DataFrame) -> frozenset[str]:
    """Every name under which Alibaba acts in the data: its operator names and each platform, programme or alliance
    that platforms.csv says Alibaba Group operates. Such an actor is Alibaba, never pressure on Alibaba."""
    own = platforms[platforms["operator"].eq("Alibaba Group").fillna(False)]
    return frozenset({ALIBABA_NAME, "Alibaba Group", *own["platform"]})


@dataclass(frozen=True)
class Sides:
    """Who is who and what each step says, as data/ records it: the names under which Alibaba acts
    (``alibaba_names``), one name per party (actor_aliases.csv), the stance each event type expresses
    (event_types.csv) and the events that are exceptions to it, each with its reason (stance_exceptions.csv)."""

    alibaba: frozenset[str]
    aliases: dict[str, str]
    by_type: dict[str, str | None]
    by_event: dict[str, str | None]

    @classmethod
    def of(cls, ds) -> Sides:
        return cls(
            alibaba_names(ds.platforms),
            dict(zip(ds.actor_aliases["name"], ds.actor_aliases["party"], strict=True)),
            _stances(ds.event_types, "event_type"),
            _stances(ds.stance_exceptions, "event_id"),
        )

    def parties(self, actor: str) -> list[str]:
        """The parties named in an actor cell ('IACC; Alibaba' names two), each under its one name. A name of
        Alibaba's, or one with a parenthesis ('Taobao (Alibaba)', 'Alibaba Group (Michael Evans)'), is Alibaba."""
        named = []
        for name in (part.strip() for part in actor.split(";")):
            bare = re.sub(r"\s*\(.*\)$", "", name)
            alibaba = name in self.alibaba or bare in self.alibaba
            named.append(ALIBABA_NAME if alibaba else self.aliases.get(name, name))
        return named

    def stance(self, event_type: str, event_id: str) -> str | None:
        """The stance an event expresses (None for none): the event's own exception, or its type's."""
        if event_id in self.by_event:
            return self.by_event[event_id]
        if event_type not in self.by_type:
            raise KeyError(f"event type {event_type!r} ({event_id}) has no stance in data/event_types.csv")
        return self.by_type[event_type]


def _stances(table: pd.DataFrame, key: str) -> dict[str, str | None]:
    """A table's stances by ``key``, 'none' as None; a row without a stance is left out."""
    rows = table.dropna(subset=["stance"])
    return {k: None if s == "none" else s for k, s in zip(rows[key], rows["stance"], strict=True)}


def one_row_per_date(events: pd.DataFrame) -> pd.DataFrame:
    """Rows of one event (one event_key) whose dates agree are one mark: a row whose date is a less precise form
    of another's ('2016-10' beside '2016-10-07') is dropped. Rows whose dates disagree are all kept."""
    keep = []
    for _, group in events.groupby("event_key", sort=False):
        dates = group["date"].tolist()
        keep += [
            i for i, d in zip(group.index, dates, strict=True) if not any(o != d and o.startswith(d) for o in dates)
        ]
    return events.loc[sorted(keep)]


def timeline_rows(events: pd.DataFrame, ds) -> pd.DataFrame:
    """The chapter's events, each drawn once on the row of its lead party (the first party that is not Alibaba),
    who is who and what each step says read from the dataset ``ds`` (``Sides``).

    Adds: when (the first day of the stated date), row (the party), kind (Alibaba's step, pressure, cooperation
    or neither), conflict (the event_key of two rows that date one event differently) and other_date.
    """
    rows = one_row_per_date(events).copy()
    rows["when"] = drawn_at(rows["date"])
    sides = Sides.of(ds)
    named = rows["actor"].map(sides.parties)
    rows["row"] = [next((p for p in ps if p != ALIBABA_NAME), ALIBABA_NAME) for ps in named]
    kinds = []
    for r in rows.itertuples():
        if r.row == ALIBABA_NAME:
            kinds.append("alibaba")
        else:
            kinds.append(sides.stance(r.event_type, r.event_id) or "none")
    rows["kind"] = kinds
    rows["kind_label"] = rows["kind"].map(KIND_LABELS)
    keys = rows["event_key"]
    rows["conflict"] = keys.where(keys.map(keys.value_counts()) == 2)
    other = {}
    for _, pair in rows.dropna(subset=["conflict"]).groupby("conflict"):
        a, b = pair["event_id"].tolist()
        da, db = pair["date"].tolist()
        other[a], other[b] = f"{db} ({b})", f"{da} ({a})"
    rows["other_date"] = [other.get(event, "none") for event in rows["event_id"]]
    rows["flag"] = rows["conflict"].notna().map({True: "Sources disagree on the date", False: ""})
    return rows.sort_values("when").reset_index(drop=True)


def row_order(rows: pd.DataFrame) -> list[str]:
    """Parties in order of their first event, Alibaba first."""
    order = list(dict.fromkeys(rows.sort_values("when")["row"]))
    return [ALIBABA_NAME] + [p for p in order if p != ALIBABA_NAME] if ALIBABA_NAME in order else order


DETAIL = ("2015-01-01", "2017-12-31")  # the two years before and after the re-listing, where events crowd
PANEL_WIDTH = 520  # px, each panel of the timeline
MARKER = 12  # px a marker (size 80, with its outline) takes on the time axis
LANE = 8  # px between two lanes of one party's row


EVENT_COLUMNS = ["event_id", "date", "date_precision", "date_basis", "actor", "event_type", "summary"]


def timeline_key(rows: pd.DataFrame, marks: pd.DataFrame) -> str:
    """The timeline's key, from what it draws: each kind of step's colour, each precision's shape, and the lanes
    of markers that would overlap, if any panel has them."""
    colours = colour_key({KIND_LABELS[k]: KIND_COLOURS[k] for k in KIND_COLOURS}, rows["kind_label"])
    stacked = any(lanes(panel, domain).gt(0).any() for panel, domain in panel_rows(rows, marks))
    return (
        f"Each row is a party, Alibaba first; each marker is one step, coloured by its kind ({colours}), its shape "
        f"saying how precisely the date is known ({precision_key(rows['date_precision'])}); dashed rings joined by a "
        "black link mark an event two sources date differently"
        + (
            "; steps of one party too close in time to draw side by side are set a little above or below its line"
            if stacked
            else ""
        )
        + (
            "; a date worked out from a source's own words and dateline (a weekday, 'earlier this month') is drawn "
            "like a stated one, and the table says which dates are computed"
            if rows["date_basis"].eq("computed").any()
            else ""
        )
        + "; dashed lines mark USTR's decisions on Taobao."
    )


def timeline_figure(ds) -> Figure:
    """Figure: every step of the brands, their associations and Alibaba, one row per party."""
    rows = timeline_rows(in_strand(ds.events, "brand-coalitions"), ds)
    return Figure(
        name="coalitions-timeline",
        chart=timeline_chart(rows, decisions(ds.listings, ds.reviews)),
        rows=rows[[*EVENT_COLUMNS, "source_id", "quote", "quote_en", "other_date"]],
        table=rows.assign(party=rows["row"], other_source_date=rows["other_date"])[
            ["date", "date_precision", "date_basis", "party", "event_type", "summary", "other_source_date", "source_id"]
        ].rename(
            columns={
                "date_precision": "date known to the",
                "date_basis": "date stated or computed",
                "event_type": "step",
                "other_source_date": "another source's date",
                "source_id": "source",
            }
        ),
        alt_text=timeline_summary(rows),
        key=timeline_key(rows, decisions(ds.listings, ds.reviews)),
    )


def panel_rows(rows: pd.DataFrame, marks: pd.DataFrame) -> list[tuple[pd.DataFrame, list[str]]]:
    """The events each panel draws, with its time domain: the whole timeline, then the detail of 2015 to 2017."""
    first, last = rows["when"].min(), max(rows["when"].max(), marks["date"].max())
    whole = [f"{first.year - 1}-07-01", f"{last.year + 1}-06-30"]
    inside = rows[(rows["when"] >= DETAIL[0]) & (rows["when"] <= DETAIL[1])]
    return [(rows, whole), (inside, list(DETAIL))]


def timeline_chart(rows: pd.DataFrame, marks: pd.DataFrame) -> alt.VConcatChart:
    """The whole timeline, then a detail of 2015 to 2017, where most events fall, on a wider time scale."""
    (_, whole), (inside, _) = panel_rows(rows, marks)
    detail_marks = marks[(marks["date"] >= DETAIL[0]) & (marks["date"] <= DETAIL[1])]
    panels = [
        timeline_panel(rows, marks, whole, "%Y").properties(title=alt.Title("All events", fontSize=12)),
        timeline_panel(inside, detail_marks, list(DETAIL), "%b %Y").properties(
            title=alt.Title(f"Detail: {DETAIL[0][:4]} to {DETAIL[1][:4]}", fontSize=12)
        ),
    ]
    return alt.vconcat(*(p.properties(width=PANEL_WIDTH) for p in panels), spacing=16).resolve_scale(
        color="shared", shape="shared"
    )


def lanes(rows: pd.DataFrame, domain: list[str], width: float = PANEL_WIDTH) -> pd.Series:
    """Each marker's lane in its party's row, for a panel ``width`` px wide showing ``domain``: a marker that would
    touch the previous one in its lane (closer than MARKER px) goes to the next lane, so none hides another. The two
    rows of an event that sources date differently (one ``conflict``) keep one lane, so their ring and link stay
    joined. Lane 0 is the row's centre line."""
    per_px = (pd.Timestamp(domain[1]) - pd.Timestamp(domain[0])) / width
    gap = per_px * MARKER
    lane = pd.Series(0, index=rows.index, dtype=int)
    for _, party in rows.groupby("row", sort=False):
        group = party.assign(item=party["conflict"].fillna(party["event_id"]))
        items = group.groupby("item", sort=False)["when"].agg(["min", "max"]).sort_values("min")
        ends: list[pd.Timestamp] = []  # the last marker drawn in each lane
        for item, (first, last) in items.iterrows():
            free = next((i for i, end in enumerate(ends) if first - end >= gap), len(ends))
            if free < len(ends):
                ends[free] = last
            else:
                ends.append(last)
            lane[group.index[group["item"] == item]] = free
    return lane


def lane_offset(lane: pd.Series) -> pd.Series:
    """Pixels above (negative) or below the row's centre for each lane: 0, then one lane above, one below …"""
    return lane.map(lambda n: 0 if n == 0 else (-1) ** n * LANE * ((n + 1) // 2))


def timeline_panel(rows: pd.DataFrame, marks: pd.DataFrame, domain: list[str], fmt: str) -> alt.LayerChart:
    """One row per party, one mark per event; shape = date precision, ring and link = conflicting dates. Markers of
    one party that would overlap at this panel's scale are drawn in lanes a few pixels apart (``lanes``)."""
    rows = rows.assign(offset=lane_offset(lanes(rows, domain)))
    order = row_order(rows)
    if fmt == "%Y":  # the whole timeline: a tick at each 1 January, the year's label inside its year
        x = year_axis("when", domain[0], domain[1], None).scale(domain=domain)
    else:
        x = alt.X(
            "when:T",
            title=None,
            axis=alt.Axis(format=fmt, tickCount={"interval": "month", "step": 6}, labelOverlap="greedy"),
            scale=alt.Scale(domain=domain),
        )
    y = alt.Y(
        "row:N",
        sort=order,
        title=None,
        axis=alt.Axis(
            labelColor=alt.ExprRef(f"datum.value == '{ALIBABA_NAME}' ? '{ALIBABA}' : '{INK}'"), labelLimit=130
        ),
    )
    tooltip = [
        alt.Tooltip("date:N", title="Date"),
        alt.Tooltip("date_precision:N", title="Known to the"),
        alt.Tooltip("actor:N", title="Who"),
        alt.Tooltip("event_type:N", title="Type"),
        alt.Tooltip("summary:N", title="What"),
        alt.Tooltip("source_id:N", title="Source"),
        alt.Tooltip("other_date:N", title="Other source's date"),
    ]
    conflicts = rows.dropna(subset=["conflict"])
    spans = conflicts.groupby(["conflict", "row", "offset"], as_index=False).agg(
        start=("when", "min"), end=("when", "max")
    )
    # A pixel offset from the row's centre: the lane (no scale, so the field is pixels).
    lane = alt.YOffset("offset:Q", scale=None)
    link = (
        alt.Chart(spans)
        .mark_rule(color=INK, strokeWidth=2, opacity=0.7)
        .encode(x="start:T", x2="end:T", y=alt.Y("row:N", sort=order), yOffset=lane)
    )
    ring = (
        alt.Chart(conflicts)
        .mark_point(shape="circle", size=360, filled=False, color=INK, strokeWidth=1.2, strokeDash=[2, 2])
        .encode(x=x, y=y, yOffset=lane, tooltip=tooltip)
    )
    points = (
        alt.Chart(rows)
        .mark_point(filled=True, size=80, opacity=0.9, stroke="#FFFFFF", strokeWidth=0.6)
        .encode(
            x=x,
            y=y,
            yOffset=lane,
            color=alt.Color(
                "kind_label:N",
                title="Event",
                scale=alt.Scale(domain=[KIND_LABELS[k] for k in KIND_COLOURS], range=list(KIND_COLOURS.values())),
                legend=alt.Legend(columns=1, orient="bottom", labelLimit=220),
            ),
            shape=alt.Shape(
                "date_precision:N",
                title="Date known to the",
                scale=precision_scale(rows["date_precision"]),
                legend=alt.Legend(orient="top", direction="horizontal", columns=3),
            ),
            tooltip=tooltip,
        )
    )
    return alt.layer(decision_rules(marks, label_y=-2, domain=domain), link, ring, points).properties(
        height=alt.Step(24)
    )


def timeline_summary(rows: pd.DataFrame) -> str:
    """A text alternative of the timeline, written from the data."""
    parts = []
    for party in row_order(rows):
        mine = rows[rows["row"] == party]
        steps = "; ".join(
            f"{r.date} {r.event_type}" + (" (date disputed)" if pd.notna(r.conflict) else "") for r in mine.itertuples()
        )
        parts.append(f"{party}: {steps}.")
    n_events, n_twice = rows["event_key"].nunique(), rows["conflict"].nunique()
    assert len(rows) - n_events == n_twice, "each event is one mark, or two where two sources date it differently"
    return (
        f"Timeline of {len(rows)} marks for {n_events} dated events, one row per party; {n_twice} of the events are "
        "dated two ways by different sources, both dates drawn and linked. " + " ".join(parts)
    )


def stances(events: pd.DataFrame, ds) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Who stood where: one row per party other than Alibaba and its stance ('pressed', 'cooperated', 'both').

    An event naming two parties (such as 'Alibaba; Unifab') counts for each party other than Alibaba; an event
    recorded in several rows (one event_key: two sources dating it differently, or two strands) counts once.
    Alibaba's own platforms (alibaba_names) are Alibaba, not parties. Stances and names are the dataset's
    (``Sides``).
    Columns: party, group, group_label, pressed, cooperated (event counts), first, last (dates), event_types,
    event_ids. Also returns the long frame of counted events (party, kind, date, event_type, event_id,
    source_id, quote, quote_en), which is exactly what the chart counts.
    """
    records = []
    sides = Sides.of(ds)
    for r in events.itertuples():
        kind = sides.stance(r.event_type, r.event_id)
        if kind is None:
            continue
        for party in sides.parties(r.actor):
            if party != ALIBABA_NAME:
                records.append(
                    {
                        "party": party,
                        "kind": kind,
                        "date": r.date,
                        "event_type": r.event_type,
                        "event_id": r.event_id,
                        "event": r.event_key,
                        "source_id": r.source_id,
                        "quote": r.quote,
                        "quote_en": r.quote_en,
                    }
                )
    long = pd.DataFrame(records)
    counted = long.drop_duplicates(subset=["party", "event"])
    out = []
    for party, rows in counted.groupby("party", sort=False):
        kinds = set(rows["kind"])
        group = "both" if len(kinds) == 2 else kinds.pop()
        out.append(
            {
                "party": party,
                "group": group,
                "group_label": STANCE_GROUPS[group],
                "pressed": int((rows["kind"] == "pressed").sum()),
                "cooperated": int((rows["kind"] == "cooperated").sum()),
                "first": rows["date"].min(),
                "last": rows["date"].max(),
                "event_types": ", ".join(sorted(set(rows["event_type"]))),
                "event_ids": ", ".join(long.loc[long["party"] == party, "event_id"]),
            }
        )
    table = pd.DataFrame(out)
    table["group_rank"] = table["group"].map({g: i for i, g in enumerate(STANCE_GROUPS)})
    table = table.sort_values(["group_rank", "first"]).drop(columns="group_rank").reset_index(drop=True)
    return table, long


def parties_named(events: pd.DataFrame, ds) -> pd.DataFrame:
    """Every party other than Alibaba that the events name, each under its one name (``Sides``), whether or not its
    steps take a side: one row per party with its event count and ``court`` (true when every one of its events is a
    court's ruling, event type 'ruling'). ``stances`` counts only the parties whose steps take a side."""
    sides = Sides.of(ds)
    named = [
        (party, r.event_key, r.event_type)
        for r in events.itertuples()
        for party in sides.parties(r.actor)
        if party != ALIBABA_NAME
    ]
    long = pd.DataFrame(named, columns=["party", "event", "event_type"]).drop_duplicates(["party", "event"])
    table = long.groupby("party", sort=False).agg(
        events=("event", "nunique"), court=("event_type", lambda s: bool(s.eq("ruling").all()))
    )
    return table.reset_index()


STANCE_KEY = (
    "Each party's counted steps pressing Alibaba (blue) and cooperating with it (green) are bars, side by side, "
    "with the count written at the end of each."
)


def counted_under(events: pd.DataFrame, ds) -> dict[str, str]:
    """Actors of ``events`` whose steps a chart counts under another party's name (actor_aliases.csv): a company's
    unit under its owner, such as Gucci America under Kering. Variants that begin with the party's own name ('AAFA
    and 17 other organizations') and Alibaba's names are not listed: a reader sees no other party in them."""
    sides = Sides.of(ds)
    named = {name.strip() for actor in events["actor"] for name in actor.split(";")}
    return {
        name: party
        for name, party in sides.aliases.items()
        if name in named and party != ALIBABA_NAME and not name.startswith(party)
    }


def stance_key(events: pd.DataFrame, ds) -> str:
    """The stance chart's key: its bars, and whose steps are counted under another party's name."""
    merged = counted_under(events, ds)
    if not merged:
        return STANCE_KEY
    under = listed([f"{name}'s under {party}'s" for name, party in merged.items()])
    return STANCE_KEY[:-1] + f"; steps are counted by party, {under}."


def stance_figure(ds) -> Figure:
    """Figure: each party's steps pressing Alibaba and cooperating with it, counted."""
    events = in_strand(ds.events, "brand-coalitions")
    table, steps = stances(events, ds)
    return Figure(
        name="coalitions-stances",
        chart=stance_chart(table),
        rows=steps[["party", "kind", "date", "event_type", "event_id", "source_id", "quote", "quote_en"]],
        table=table[["party", "group_label", "pressed", "cooperated", "first", "last", "event_types"]].rename(
            columns={
                "group_label": "stance",
                "pressed": "steps pressing",
                "cooperated": "steps cooperating",
                "first": "first step",
                "last": "last step",
                "event_types": "kinds of step",
            }
        ),
        alt_text=stance_summary(table),
        key=stance_key(events[events["event_id"].isin(steps["event_id"])], ds),
    )


def stance_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Each party's counted steps as bars with their count written, pressure and cooperation side by side.

    A party with only blue bars only pressed Alibaba; one with both colours did both, at different times."""
    long = table.melt(
        id_vars=["party", "group", "group_label", "event_types"],
        value_vars=["pressed", "cooperated"],
        var_name="kind",
        value_name="events",
    )
    long = long[long["events"] > 0]
    long["kind_label"] = long["kind"].map(KIND_LABELS)
    order = list(table["party"])
    kinds = [KIND_LABELS["pressed"], KIND_LABELS["cooperated"]]
    colours = alt.Scale(domain=kinds, range=[KIND_COLOURS["pressed"], KIND_COLOURS["cooperated"]])
    base = alt.Chart(long).encode(
        y=alt.Y("party:N", sort=order, title=None, axis=alt.Axis(labelLimit=130)),
        yOffset=alt.YOffset("kind_label:N", scale=alt.Scale(domain=kinds)),
        x=alt.X("events:Q", title="Steps counted", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[
            alt.Tooltip("party:N", title="Party"),
            alt.Tooltip("group_label:N", title="Stance"),
            alt.Tooltip("kind_label:N", title="Kind"),
            alt.Tooltip("events:Q", title="Steps"),
            alt.Tooltip("event_types:N", title="Event types"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("kind_label:N", scale=colours, title=None, legend=alt.Legend(columns=1, labelLimit=220))
    )
    counts = base.mark_text(align="left", dx=3, baseline="middle", fontSize=11, color=INK).encode(text="events:Q")
    return alt.layer(bars, counts).properties(height=alt.Step(13))


def stance_takeaway(table: pd.DataFrame) -> str:
    """The stance chart's one-line finding, counted from the table it draws."""
    groups = {g: table.loc[table["group"].eq(g), "party"].tolist() for g in STANCE_GROUPS}
    parts = [f"{len(groups['pressed'])} of {len(table)} parties only pressed Alibaba"]
    if groups["both"]:
        parts.append(f"{listed(groups['both'])} pressed and cooperated at different times")
    if groups["cooperated"]:
        parts.append(f"{listed(groups['cooperated'])} only cooperated")
    return "; ".join(parts) + "."


def stance_title(table: pd.DataFrame) -> str:
    """Figure 3.2's finding, counted from the table it draws: how many parties both pressed Alibaba and cooperated
    with it (the takeaway names them)."""
    both = int(table["group"].eq("both").sum())
    return f"{both} of the {len(table)} parties both pressed Alibaba and cooperated with it"


def stance_summary(table: pd.DataFrame) -> str:
    """A text alternative of the stance chart, written from the data."""
    parts = []
    for label, rows in table.groupby("group_label", sort=False):
        who = ", ".join(f"{r.party} ({r.pressed} pressing, {r.cooperated} cooperating)" for r in rows.itertuples())
        parts.append(f"{label}: {who}.")
    return "Parties grouped by their steps toward Alibaba, with counts of events of each kind. " + " ".join(parts)


def growth_series(labels: pd.DataFrame) -> dict[str, str]:
    """The series of the alliance-growth chart, by metric: the counts of Alibaba's alliances and brand programmes
    that metric_labels.csv gives a series."""
    named = labels.dropna(subset=["series"])
    return dict(zip(named["metric"], named["series"], strict=True))


def growth_rows(metrics: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """The sourced counts of each metric with a series (``growth_series``), one row per source, with where and how
    precisely each is dated and what it counts (metrics.counted).

    A count given for a year or a month is drawn across that whole period (start to end), so a year-end
    figure is not mistaken for a dated one; a count dated to the day is a point.
    """
    series = growth_series(labels)
    rows = metrics[metrics["metric"].isin(list(series))].copy()
    rows["series"] = rows["metric"].map(series)
    stated = rows["period_end"].fillna(rows["period_start"])
    rows["as_of"] = stated
    rows["precision"] = stated.str.len().map({4: "year", 7: "month", 10: "day"})
    rows["start"] = drawn_at(stated)
    ends = {"year": pd.offsets.YearEnd(0), "month": pd.offsets.MonthEnd(0), "day": pd.offsets.Day(0)}
    rows["end"] = [s + ends[p] for s, p in zip(rows["start"], rows["precision"], strict=True)]
    rows["mid"] = rows["start"] + (rows["end"] - rows["start"]) / 2
    rows["shown"] = [qualified(q, f"{v:,.0f}") for q, v in zip(rows["qualifier"], rows["value"], strict=True)]
    rows["qualifier"] = rows["qualifier"].map(lambda q: QUALIFIER_WORDS[q] or "as stated")
    rows["counted"] = rows["counted"].fillna("not stated")
    rows["value"] = rows["value"].astype(float)
    return rows.sort_values(["series", "start"]).reset_index(drop=True)


def growth_key(rows: pd.DataFrame) -> str:
    """The growth chart's key, with the shapes its counts are drawn in."""
    return (
        "One panel per series; each orange marker is one source's count, its shape saying how precisely the count is "
        f"dated ({precision_key(rows['precision'])}), and a bar spans the month or year a count is dated to; no line "
        "joins the counts; dashed lines mark USTR's decisions on Taobao."
    )


def growth_figure(ds) -> Figure:
    """Figure: the counts of Alibaba's alliance and brand programmes, each source's count on its own."""
    rows = growth_rows(ds.metrics, ds.metric_labels)
    columns = ["metric", "series", "period_start", "period_end", "value", "unit", "counted", "qualifier", "note"]
    return Figure(
        name="coalitions-alliance-growth",
        chart=growth_chart(rows, decisions(ds.listings, ds.reviews)),
        rows=rows.assign(value=rows["value"].round().astype("Int64"))[[*columns, "source_id", "quote", "quote_en"]],
        table=rows[["series", "as_of", "shown", "counted", "source_id"]].rename(
            columns={"as_of": "as of", "shown": "count", "source_id": "source"}
        ),
        alt_text=growth_summary(rows),
        key=growth_key(rows),
    )


def growth_chart(rows: pd.DataFrame, marks: pd.DataFrame) -> alt.VConcatChart:
    """One small panel per series, in the rows' order, on a shared time axis: points (no line), period spans,
    qualifiers on hover."""
    domain = [rows["start"].min() - pd.DateOffset(months=3), rows["end"].max() + pd.DateOffset(months=3)]
    domain = [d.strftime("%Y-%m-%d") for d in domain]
    shown_marks = marks[marks["date"] >= domain[0]]
    panels = []
    series_order = list(dict.fromkeys(rows["series"]))
    for i, series in enumerate(series_order):
        data = rows[rows["series"] == series]
        x = year_axis("mid", domain[0], domain[1], "Date of the count" if i == len(series_order) - 1 else None).scale(
            domain=domain
        )
        y = alt.Y(
            "value:Q", title="Count", scale=alt.Scale(zero=True, nice=True), axis=alt.Axis(format="~s", tickCount=3)
        )
        tooltip = [
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("shown:N", title="Count (as the source puts it)"),
            alt.Tooltip("counted:N", title="Counted"),
            alt.Tooltip("as_of:N", title="As of"),
            alt.Tooltip("metric:N", title="Metric"),
            alt.Tooltip("note:N", title="Note"),
            alt.Tooltip("source_id:N", title="Source"),
        ]
        span = (
            alt.Chart(data)
            .mark_rule(color=ALIBABA, strokeWidth=3, opacity=0.45)
            .encode(x="start:T", x2="end:T", y="value:Q", tooltip=tooltip)
        )
        points = (
            alt.Chart(data)
            .mark_point(filled=True, size=70, color=ALIBABA, opacity=0.9)
            .encode(
                x=x,
                y=y,
                shape=alt.Shape(
                    "precision:N",
                    title="Count dated to the",
                    scale=precision_scale(rows["precision"]),
                    legend=alt.Legend(orient="bottom"),
                ),
                tooltip=tooltip,
            )
        )
        layers = [span, points]
        if len(shown_marks):
            layers.insert(
                0, alt.Chart(shown_marks).mark_rule(strokeDash=[4, 3], color=INK, opacity=0.4).encode(x="date:T")
            )
        # A long series name takes two lines, so the title is never wider than a phone's panel.
        words = series.split(" ")
        title = (
            series if len(series) <= 36 else [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]
        )
        panels.append(alt.layer(*layers).properties(width=520, height=90, title=alt.Title(title, fontSize=12)))
    return alt.vconcat(*panels, spacing=12).resolve_scale(shape="shared")


def growth_summary(rows: pd.DataFrame) -> str:
    """A text alternative of the growth chart, written from the data."""
    parts = []
    for series, data in rows.groupby("series", sort=False):
        counts = "; ".join(f"{r.shown} as of {r.as_of} ({r.source_id})" for r in data.itertuples())
        parts.append(f"{series}: {counts}.")
    return "Sourced counts, drawn as separate points without connecting lines. " + " ".join(parts)
