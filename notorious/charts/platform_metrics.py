"""Charts and helpers of the platform-metrics chapter (counting fakes).

A measurement in ``metrics.csv`` is often repeated by several sources. Here one *measurement* is one
distinct (metric, platform, period, value, unit); the sources that give it are kept together, and two
different values for the same metric, platform and period are flagged as a disagreement. Every
measurement is drawn over its whole period, so a four-month operation never looks like a year.
"""

from __future__ import annotations

from types import SimpleNamespace

import altair as alt
import pandas as pd

from ..data import dates
from ..data.words import listed, qualified
from ..publish.figures import Figure
from .common import is_alibaba
from .theme import ALIBABA, INK, OTHER, PHONE_WIDTH
from .year_ticks import year_axis

KEY = ["metric", "platform", "period_start", "period_end", "value", "qualifier", "unit"]
ALIBABA_ALL = "Alibaba Group (all platforms)"
RETAIL = "Alibaba China retail marketplaces"
UNIT_WORDS = {"cny": "yuan", "usd": "US dollars"}


def metric_words(labels: pd.DataFrame, column: str = "label") -> dict[str, str]:
    """Each metric's words from metric_labels.csv: its ``label``, or its ``short`` heading (the label where the
    table gives none)."""
    table = labels.set_index("metric")
    return dict(table[column].fillna(table["label"]))


def _span(text: str | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    return None if text is None or pd.isna(text) else dates.span(str(text))


def period_label(start: str | None, end: str | None) -> str:
    """A period as a reader says it: '2016', 'Sep 2015 to Aug 2016', 'from Feb 2016 (end not stated)'."""

    def word(text: str) -> str:
        return pd.Timestamp(text).strftime({4: "%Y", 7: "%b %Y", 10: "%-d %b %Y"}[len(text)])

    if pd.isna(start) and pd.isna(end):
        return "period not stated"
    if pd.isna(end):
        return f"from {word(start)} (end not stated)"
    if pd.isna(start):
        return f"to {word(end)} (start not stated)"
    return word(start) if start == end else f"{word(start)} to {word(end)}"


def value_text(value: float, unit: str, qualifier: str = "exact") -> str:
    """A value with its unit and the source's own qualifier ('more than'), without conversion."""
    if unit == "percent":
        number = f"{value:+g}%" if value < 0 else f"{value:g}%"
    elif unit == "ratio":
        number = f"{value:g} to 1"
    elif unit in UNIT_WORDS:
        number = f"{value:,.0f} {UNIT_WORDS[unit]}"
    else:
        number = f"{value:,.0f}"
    return qualified(qualifier, number)


# What a reading lets a value be. A number stands for the range its last printed digit allows ("37%" is 36.5 to
# 37.5, "380 million" 379.5 to 380.5 million), and its qualifier widens that range: "more than" upwards, "nearly"
# a little below, "about" within 5 % either way. Two readings of one measure disagree only if no number fits both,
# so 4,495 and "nearly 4,500", 1,419 and "more than 1,400", or 37.25% and a rounded "37%" agree.
TOLERANCE = 0.05


def _half_digit(value: float) -> float:
    """Half a unit of the last significant digit: 37.25 -> 0.005, 90 -> 0.5, 380,000,000 -> 5,000,000. Trailing
    zeros count as rounding only from the thousands up ("1,400", "380 million"); a "90%" or "20" is taken as
    printed."""
    text = f"{abs(value):.6f}".rstrip("0")
    if not text.endswith("."):
        return 0.5 * 10 ** -len(text.split(".")[1])
    digits = text[:-1]
    zeros = len(digits) - len(digits.rstrip("0")) if abs(value) >= 1000 else 0
    return 0.5 * 10**zeros


def reading_range(value: float, qualifier: str) -> tuple[float, float]:
    """The open range of numbers a (value, qualifier) reading allows."""
    low, high = value - _half_digit(value), value + _half_digit(value)
    return {
        "exact": (low, high),
        "more_than": (value, float("inf")),
        "at_least": (low, float("inf")),
        "about": (min(low, value * (1 - TOLERANCE)), max(high, value * (1 + TOLERANCE))),
        "nearly": (min(low, value * (1 - TOLERANCE)), high),
        "up_to": (float("-inf"), high),
        "less_than": (float("-inf"), value),
    }[qualifier]


def readings_agree(readings: list[tuple[float, str]]) -> bool:
    """Whether one number could be every (value, qualifier) reading at once."""
    ranges = [reading_range(float(v), q) for v, q in readings]
    return max(r[0] for r in ranges) < min(r[1] for r in ranges)


def measurements(
    metrics: pd.DataFrame,
    names: list[str],
    platforms: list[str] | None = None,
    *,
    directory: pd.DataFrame,
    labels: pd.DataFrame,
) -> pd.DataFrame:
    """One row per distinct measurement of the named metrics, with its sources and a disagreement flag.

    ``disputed`` is true when the values for the same metric, platform and period cannot all be true at once,
    their qualifiers considered (readings_agree). ``directory`` is the platforms table, which says whose each
    platform is (``alibaba``); ``labels`` is metric_labels.csv, which names each metric (one it does not name
    is refused with a KeyError, never given a label made from its slug).
    """
    rows = metrics[metrics["metric"].isin(names)]
    if platforms is not None:
        rows = rows[rows["platform"].isin(platforms)]
    rows = rows.assign(**{k: rows[k].astype(object).where(rows[k].notna(), "") for k in ["period_start", "period_end"]})
    grouped = (
        rows.groupby(KEY, sort=False, dropna=False)
        .agg(
            sources=("source_id", lambda s: ", ".join(sorted(set(s)))),
            n_sources=("source_id", "nunique"),
            note=("note", lambda s: next((n for n in s if pd.notna(n)), None)),
        )
        .reset_index()
    )
    grouped = grouped.replace({"period_start": {"": None}, "period_end": {"": None}})
    grouped["value"] = grouped["value"].astype(float)
    measure = grouped.groupby(["metric", "platform", "period_start", "period_end", "unit"], dropna=False)
    grouped["disputed"] = False
    for _, rows in measure:
        agree = readings_agree(list(zip(rows["value"], rows["qualifier"], strict=True)))
        grouped.loc[rows.index, "disputed"] = not agree
    spans = [(_span(s), _span(e)) for s, e in zip(grouped["period_start"], grouped["period_end"], strict=True)]
    grouped["start"] = [s[0] if s else (e[0] if e else pd.NaT) for s, e in spans]
    grouped["end"] = [e[1] if e else pd.NaT for s, e in spans]
    periods = zip(grouped["period_start"], grouped["period_end"], strict=True)
    grouped["period"] = [period_label(s, e) for s, e in periods]
    named = metric_words(labels)
    grouped["label"] = [named[m] for m in grouped["metric"]]
    grouped["shown"] = [
        value_text(v, u, q) for v, u, q in zip(grouped["value"], grouped["unit"], grouped["qualifier"], strict=True)
    ]
    grouped["alibaba"] = is_alibaba(grouped["platform"], directory)
    order = {name: i for i, name in enumerate(names)}
    grouped["order"] = grouped["metric"].map(order)
    return grouped.sort_values(["order", "start", "value"]).reset_index(drop=True)


def measured(ds, names: list[str], platforms: list[str] | None = None) -> pd.DataFrame:
    """``measurements`` of the dataset's metrics, with its platforms and its metric labels."""
    return measurements(ds.metrics, names, platforms, directory=ds.platforms, labels=ds.metric_labels)


def rows_shown(metrics: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """The source rows behind the measurements drawn: one row per source, for the figure's download."""
    keys = measures[KEY].astype(str)
    wanted = set(map(tuple, keys.to_numpy()))
    mask = [tuple(r) in wanted for r in metrics[KEY].astype(str).to_numpy()]
    shown = metrics[mask][KEY + ["source_id", "quote", "quote_en", "note"]].reset_index(drop=True)
    # Write whole numbers as they stand in metrics.csv, not as floats.
    shown["value"] = [int(v) if float(v).is_integer() else float(v) for v in shown["value"]]
    return shown


def readable(measures: pd.DataFrame) -> pd.DataFrame:
    """The measurements as a table a reader can scan."""
    table = measures[["label", "platform", "period", "shown", "sources", "disputed"]].copy()
    table["disputed"] = table["disputed"].map({True: "yes, sources differ", False: ""})
    return table.rename(columns={"label": "measure", "shown": "value", "disputed": "disagreement"})


def short_value(value: float, unit: str, qualifier: str = "exact") -> str:
    """A value as a chart labels it, short enough for a phone: '380m', 'over 1.4k', '98%', '28 to 1', '1.43bn'.
    The qualifier stays in words; the full value is in the table and the text alternative."""
    if unit == "percent":
        number = f"{value:+g}%" if value < 0 else f"{value:g}%"
    elif unit == "ratio":
        number = f"{value:g} to 1"
    else:
        size = abs(value)
        for step, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
            if size >= step:
                number = f"{value / step:.3g}{suffix}"
                break
        else:
            number = f"{value:g}"
    words = {
        "more_than": "over",
        "at_least": "at least",
        "about": "about",
        "nearly": "nearly",
        "up_to": "up to",
        "less_than": "under",
    }
    return f"{words[qualifier]} {number}" if qualifier in words else number


# The value axis's labels, in the same short form as the marks' labels (short_value).
SHORT_AXIS = (
    "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '~r') + 'bn' : abs(datum.value) >= 1e6 ? "
    "format(datum.value / 1e6, '~r') + 'm' : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '~r') + 'k' : "
    "format(datum.value, '~r')"
)
UNIT_HEADINGS = {
    "count": "",
    "percent": " (%)",
    "ratio": " (to 1)",
    "cny": " (yuan)",
    "usd": " (US dollars)",
}
PANEL_HEIGHT = 64


def panel_heading(metric: str, platform: str, unit: str, headings: dict[str, str]) -> str:
    """A panel's name: the measure's words, whose platform it is, its unit."""
    whose = {ALIBABA_ALL: "Alibaba, all platforms", RETAIL: "Alibaba's China retail marketplaces"}.get(
        platform, platform
    )
    return f"{headings[metric]} · {whose}{UNIT_HEADINGS.get(unit, '')}"


# Where a value's label may go, tried in turn: beside its dot, above, below, then left of it (px, at a phone's width).
PLACES = [(6, 0, "left"), (3, -11, "left"), (3, 11, "left"), (-6, 0, "right"), (-3, -11, "right"), (-3, 11, "right")]
LABEL_CHAR = 6.2  # px per character of an 11 px label
PANEL_PX = PHONE_WIDTH - 60  # a panel's plot at a phone's width, its value axis taken off


def panel_height(data: pd.DataFrame) -> int:
    """A panel's height: taller where it holds more points, so their labels find room."""
    return max(PANEL_HEIGHT, 12 * len(data.groupby(["end", "value"])))


def label_rows(data: pd.DataFrame, start: str, end: str, domain: tuple[float, float]) -> pd.DataFrame:
    """One label per point drawn (a measurement's period end and value), the readings that share it joined, each
    placed where it overlaps no label placed before it and no dot, judged at a phone's width (wider screens only
    spread them). Columns: end, value, text, dx, dy, align."""
    labels = (
        data.groupby(["end", "value"], sort=True)
        .agg(text=("short", lambda s: " / ".join(dict.fromkeys(s))))
        .reset_index()
    )
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    low, high = domain
    height = panel_height(data)

    def px(row) -> tuple[float, float]:
        x = (row.end - first) / (last - first) * PANEL_PX
        y = (1 - (row.value - low) / ((high - low) or 1)) * height
        return x, y

    dots = [px(r) for r in labels.itertuples()]
    taken = [(x - 4, y - 4, x + 4, y + 4) for x, y in dots]
    for row in data.itertuples():  # the lines across the periods are in the way too
        x0, y0 = px(SimpleNamespace(end=row.start, value=row.value))
        x1, _ = px(row)
        taken.append((x0, y0 - 2, x1, y0 + 2))
    placed = []
    for row, (x, y) in zip(labels.itertuples(), dots, strict=True):
        width = LABEL_CHAR * len(row.text)
        for dx, dy, align in PLACES:
            left = x + dx if align == "left" else x + dx - width
            box = (left, y + dy - 6, left + width, y + dy + 6)
            inside = box[0] >= -2 and box[2] <= PANEL_PX + 40
            free = all(box[2] <= o[0] or box[0] >= o[2] or box[3] <= o[1] or box[1] >= o[3] for o in taken)
            if inside and free:
                break
        taken.append(box)
        placed.append((dx, dy, align))
    return labels.assign(dx=[p[0] for p in placed], dy=[p[1] for p in placed], align=[p[2] for p in placed])


def value_panels_chart(measures: pd.DataFrame, start: str, end: str, headings: dict[str, str]) -> alt.VConcatChart:
    """Small multiples, one panel per measure (metric and platform), each with its own value axis from zero: the
    values differ by orders of magnitude, so no two measures share a linear axis. In a panel each measurement is a
    line across the period it covers at its value, a dot at the period's end, the value written beside the dot.

    A period known only to the year is a dashed line across the calendar year (or years): its source gives no
    months. A value another source contradicts is a hollow dot."""
    data = measures.copy()
    data["year_only"] = year_only(data)
    data["short"] = [
        short_value(v, u, q) for v, u, q in zip(data["value"], data["unit"], data["qualifier"], strict=True)
    ]
    data["reading"] = data["disputed"].map({True: "Disputed by another source", False: "Not disputed"})
    tooltip = [
        alt.Tooltip("label:N", title="Measure"),
        alt.Tooltip("platform:N", title="Platform"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("shown:N", title="Value"),
        alt.Tooltip("sources:N", title="Sources"),
    ]
    panels = []
    groups = list(data.groupby(["order", "metric", "platform", "unit"], sort=True))
    for n, ((_, metric, platform, unit), rows) in enumerate(groups):
        x = year_axis("start", start, end, "Year" if n == len(groups) - 1 else None)
        low, high = min(0.0, float(rows["value"].min())), max(0.0, float(rows["value"].max()))
        domain = (low * 1.25, high * 1.3)
        y = alt.Y(
            "value:Q",
            title=None,
            scale=alt.Scale(domain=list(domain), nice=False, zero=True),
            axis=alt.Axis(labelExpr=SHORT_AXIS, tickCount=3, grid=True),
        )
        span = (
            alt.Chart(pd.DataFrame({"start": pd.to_datetime([start, end])}))
            .mark_point(opacity=0)
            .encode(x=x, tooltip=alt.value(None))
        )
        stated = (
            alt.Chart(rows[~rows["year_only"]])
            .mark_rule(strokeWidth=3, color=ALIBABA)
            .encode(x=x, x2="end:T", y=y, tooltip=tooltip)
        )
        # A figure dated only to a year (or years): dashed across them, since the source gives no months.
        years = (
            alt.Chart(rows[rows["year_only"]])
            .mark_rule(strokeWidth=2, strokeDash=[4, 3], color=ALIBABA)
            .encode(x=x, x2="end:T", y=y, tooltip=tooltip)
        )
        dots = (
            alt.Chart(rows)
            .mark_point(size=45, strokeWidth=2, color=ALIBABA, opacity=1)
            .encode(
                x=alt.X("end:T"),
                y=y,
                fill=alt.condition("datum.disputed", alt.value("#FFFFFF"), alt.value(ALIBABA)),
                tooltip=tooltip,
            )
        )
        placed = label_rows(rows, start, end, domain)
        # One layer per place a label took (mark offsets are not encodable per row).
        labels = [
            alt.Chart(group)
            .mark_text(align=align, dx=dx, dy=dy, baseline="middle", fontSize=11, color=INK)
            .encode(x=alt.X("end:T"), y=y, text="text:N")
            for (dx, dy, align), group in placed.groupby(["dx", "dy", "align"], sort=False)
        ]
        panels.append(
            alt.layer(span, stated, years, dots, *labels).properties(
                width=600,
                height=panel_height(rows),
                title=alt.TitleParams(
                    panel_heading(metric, platform, unit, headings), anchor="start", fontSize=11.5, offset=6
                ),
            )
        )
    return alt.vconcat(*panels, spacing=14)


PANELS_INTRO = (
    "Small multiples, one panel per measure with its own value axis: a line across each measurement's period at its "
    "value, the value written at its end."
)


def year_only(measures: pd.DataFrame) -> pd.Series:
    """Whether each measurement's period is given only in years ('2015', '2017' to '2018'): no month is known, so
    the chart cannot say which part of the year it covers."""
    start, end = measures["period_start"], measures["period_end"]
    known = start.notna() & end.notna()
    return known & start.fillna("").astype(str).str.len().eq(4) & end.fillna("").astype(str).str.len().eq(4)


def panels_key(measures: pd.DataFrame) -> str:
    """The value panels' key, from what they draw."""
    key = (
        "One panel per measure, each with its own value axis from zero (the values differ by orders of magnitude); "
        "in a panel each orange line spans the period a figure covers, at its value, with a dot at the period's end "
        "and the value written beside it"
    )
    if year_only(measures).any():
        key += (
            "; a dashed line spans the calendar year (or years) of a figure its source dates only to the year, "
            "without months, so it may cover only part of that span"
        )
    if measures["disputed"].any():
        key += "; a hollow dot is a value another source contradicts for the same period"
    return key + "."


def _period_figure(ds, name: str, measures: pd.DataFrame, start: str, end: str, intro: str) -> Figure:
    """Figure: measurements (from ``measurements``), one panel per measure, each across its period, between two
    dates."""
    return Figure(
        name=name,
        chart=value_panels_chart(measures, start, end, metric_words(ds.metric_labels, "short")),
        rows=rows_shown(ds.metrics, measures),
        table=readable(measures),
        alt_text=rows_summary(measures, intro),
        key=panels_key(measures),
    )


ENFORCEMENT = [
    "listings_removed",
    "stores_closed",
    "proactive_to_request_removals_ratio",
    "proactive_removals_before_sale_share",
    "takedown_requests_change",
]
SCALE = ["live_listings", "merchants", "annual_active_buyers", "listings_removed", "stores_closed"]
POLICE = ["cases_referred_to_police", "arrests", "facilities_closed"]
MONEY = ["case_value", "goods_seized_value"]


def enforcement_figure(ds) -> Figure:
    """Figure: Alibaba's enforcement counts and shares, each over its period."""
    return _period_figure(
        ds,
        "metrics-enforcement-periods",
        measured(ds, ENFORCEMENT, [ALIBABA_ALL, "Taobao"]),
        "2010-01-01",
        "2020-01-01",
        PANELS_INTRO,
    )


def enforcement_title(ds) -> str:
    """Figure 4.1's finding, from its rows: the last year for which a source counts the listings removed."""
    removed = measured(ds, ["listings_removed"], [ALIBABA_ALL, "Taobao"])
    last = max(str(end)[:4] for end in removed["period_end"].dropna())
    return f"In our sources, the counts of listings removed end with {last}"


SCALE_END = "2017-03-01"
MAGNITUDES = [(1e9, "billions"), (1e8, "hundreds of millions"), (1e7, "tens of millions"), (1e6, "millions")]


def magnitude(value: float) -> str:
    """The order of a number in words: 1,500,000,000 is in the billions, 380,000,000 in the hundreds of millions."""
    return next((word for step, word in MAGNITUDES if value >= step), "thousands or fewer")


def scale_title(ds, end: str = SCALE_END) -> str:
    """Figure 4.2's finding, from its rows: the orders of the largest live-listing and listings-removed counts."""
    rows = scale_measures(ds, end)
    live = rows.loc[rows["metric"].eq("live_listings"), "value"].max()
    removed = rows.loc[rows["metric"].eq("listings_removed"), "value"].max()
    return (
        f"The largest count of live listings a source gives is in the {magnitude(live)}, the largest of listings "
        f"removed in the {magnitude(removed)}"
    )


def scale_measures(ds, end: str = SCALE_END) -> pd.DataFrame:
    """The platforms' size and the enforcement counts, for periods ending by ``end``."""
    rows = measured(ds, SCALE, [ALIBABA_ALL, "Taobao", RETAIL])
    return rows[rows["end"] <= pd.Timestamp(end)]


def scale_figure(ds, end: str = SCALE_END) -> Figure:
    """Figure: the platforms' size beside the enforcement counts, up to ``end``; the axis starts with the earliest
    period drawn, so no bar is cut off."""
    measures = scale_measures(ds, end)
    return _period_figure(
        ds,
        "metrics-scale",
        measures,
        f"{measures['start'].min().year}-01-01",
        end,
        PANELS_INTRO,
    )


def police_counts_figure(ds) -> Figure:
    """Figure: leads passed to the police, arrests and sites closed, by reported period."""
    return _period_figure(
        ds,
        "metrics-police-counts",
        measured(ds, POLICE, [ALIBABA_ALL]),
        "2014-01-01",
        "2023-01-01",
        PANELS_INTRO,
    )


def arrests_title(ds) -> str:
    """Figure 4.4's finding, from its rows: the calendar year with the most arrests reported for one year."""
    arrests = measured(ds, ["arrests"], [ALIBABA_ALL])
    one_year = arrests[year_only(arrests) & arrests["period_start"].eq(arrests["period_end"])]
    peak = one_year.loc[one_year["value"].idxmax(), "period_start"]
    return f"The most arrests reported for a single year are for {peak}"


def police_values_figure(ds) -> Figure:
    """Figure: the value of cases and of goods seized, in yuan, by reported period."""
    return _period_figure(
        ds,
        "metrics-police-values",
        measured(ds, MONEY, [ALIBABA_ALL]),
        "2015-01-01",
        "2020-01-01",
        PANELS_INTRO,
    )


SAIC_PLATFORMS = ["Taobao", "Tmall", "JD.com", "Yihaodian", "ZOL Mall", "Jumei Youpin", "All platforms in sample"]
SAIC_ALL = "All platforms in sample"


def saic_rows(measures: pd.DataFrame) -> pd.DataFrame:
    """SAIC's shares as drawn: for each platform, the value the most sources give is its main value (filled), any
    value fewer sources give is another (hollow); Alibaba's platforms orange, the others grey, the whole sample
    black."""
    rows = measures.copy()
    counts = rows.groupby("platform")["n_sources"].transform("max")
    rows["kind"] = (rows["n_sources"] == counts).map({True: "Most sources", False: "Other sources"})
    rows["colour"] = [
        INK if p == SAIC_ALL else (ALIBABA if a else OTHER)
        for p, a in zip(rows["platform"], rows["alibaba"], strict=True)
    ]
    return rows


# A reading that is a bound ('less than 40 percent') allows every share on one side of it, up to the scale's end.
BOUND_TOWARDS = {"less_than": 0.0, "up_to": 0.0, "more_than": 100.0, "at_least": 100.0}


def is_bound(rows: pd.DataFrame) -> pd.Series:
    """Whether each reading is a bound ('less than', 'more than' …), not a value."""
    return rows["qualifier"].isin(list(BOUND_TOWARDS))


def saic_key(rows: pd.DataFrame) -> str:
    """The SAIC chart's key, from its rows: what filled and hollow mean, which main values rest on one source, and
    how a bound is drawn, if one is."""
    main = rows[rows["kind"].eq("Most sources")]
    single = [SAIC_NAMES.get(p, p) for p in main.loc[main["n_sources"].eq(1), "platform"]]
    bounds = rows[is_bound(rows)]
    return (
        "Each dot is one reported share of genuine goods, orange for Alibaba's platforms, grey for the others and "
        "black for the whole sample; a filled dot is the value the most sources give for that platform, a hollow dot "
        "a value fewer sources give"
        + (f" (for {listed(single)} a single source gives the filled value)" if single else "")
        + (
            f"; each bound ({', '.join(sorted(set(bounds['shown'])))}) is drawn as a dashed line across the shares "
            "it allows, with a tick at the bound, not as a dot"
            if len(bounds)
            else ""
        )
        + "."
    )


SAIC_METRICS = ["genuine_share_in_sample", "sample_size", "genuine_items_in_sample", "counterfeit_share_in_sample"]
# How a note of SAIC's test purchase gives the months the items were bought ('... the items were bought between
# August and October 2014', '... the purchases August to October 2014 (People's Daily ...)').
BOUGHT = r"(?:items were bought between|the purchases) ([A-Z][a-z]+) (?:and|to) ([A-Z][a-z]+) (\d{4})"


def saic_periods(metrics: pd.DataFrame) -> tuple[str, str]:
    """The two periods SAIC's test purchase is given, read from its rows in metrics.csv: the months the items were
    bought, as the notes give them from People's Daily Online, ECNS, China Daily and Xinhua ('August to October
    2014'), and the monitoring the rows' period_start and period_end record ('July to December 2014', AllTechAsia's
    'second half 2014'). Each must be one period; a row with another stops the build."""
    rows = metrics[metrics["metric"].isin(SAIC_METRICS) & metrics["platform"].isin(SAIC_PLATFORMS)]
    rows = rows[rows["note"].str.startswith("Period: ", na=False)]
    bought = set(rows["note"].str.extract(BOUGHT).dropna().itertuples(index=False, name=None))
    spans = set(zip(rows["period_start"], rows["period_end"], strict=True))
    assert len(bought) == 1 and len(spans) == 1, (bought, spans)
    (first, last, year), ((start, end),) = bought.pop(), spans
    months = [pd.Timestamp(p).strftime("%B") for p in (start, end)]
    assert pd.Timestamp(start).year == pd.Timestamp(end).year == int(year), "both periods fall in one year"
    assert (
        start
        <= pd.Timestamp(f"{first} {year}").strftime("%Y-%m")
        <= pd.Timestamp(f"{last} {year}").strftime("%Y-%m")
        <= end
    ), "the months bought fall within the monitoring"
    return f"{first} to {last} {year}", f"{months[0]} to {months[1]} {year}"


def saic_title(metrics: pd.DataFrame) -> str:
    """Figure 4.3's title, which names both periods the sources give."""
    bought, monitored = saic_periods(metrics)
    return f"Genuine goods in SAIC's test purchase: items bought {bought}, in its monitoring of {monitored}."


def saic_figure(ds) -> Figure:
    """Figure: the share of genuine goods per platform in SAIC's test purchase of the second half of 2014."""
    saic = measured(ds, ["genuine_share_in_sample"], SAIC_PLATFORMS)
    sizes = measured(ds, ["sample_size"], SAIC_PLATFORMS)
    return Figure(
        name="metrics-saic-test-purchase",
        chart=saic_chart(saic, sizes),
        rows=pd.concat([rows_shown(ds.metrics, saic), rows_shown(ds.metrics, sizes)]),
        table=readable(pd.concat([saic, sizes])),
        alt_text=saic_summary(saic, sizes),
        key=saic_key(saic_rows(saic)) + " " + saic_period_note(ds.metrics),
    )


def saic_period_note(metrics: pd.DataFrame) -> str:
    """What the table's period is: the monitoring's, within which the items were bought."""
    bought, monitored = saic_periods(metrics)
    return (
        f"The table's period ({period_label(*saic_span(metrics))}) is SAIC's monitoring of {monitored}; People's "
        f"Daily Online, ECNS, China Daily and Xinhua say the items were bought {bought}."
    )


def saic_span(metrics: pd.DataFrame) -> tuple[str, str]:
    """The period_start and period_end of SAIC's test-purchase rows (one span, saic_periods asserts)."""
    rows = metrics[metrics["metric"].isin(SAIC_METRICS) & metrics["platform"].isin(SAIC_PLATFORMS)]
    rows = rows[rows["note"].str.startswith("Period: ", na=False)]
    return rows["period_start"].iloc[0], rows["period_end"].iloc[0]


def saic_chart(measures: pd.DataFrame, sizes: pd.DataFrame) -> alt.LayerChart:
    """Share of genuine goods per platform in SAIC's test purchase, each reported value a dot.

    Dots most sources give are filled; values only some sources give (swaps, roundings, bounds) are hollow.
    The platform, its value and its sample size are written above each row, so the chart fits a phone.
    """
    rows = saic_rows(measures)
    main = rows[rows["kind"] == "Most sources"].groupby("platform")["shown"].first()
    cited = rows[rows["kind"] == "Most sources"].groupby("platform")["n_sources"].max()
    rows["text"] = [
        f"{SAIC_NAMES.get(p, p)}: {main.get(p, '')} genuine ({_count(cited.get(p, 0))}), {_sample_text(sizes, p, rows)}"
        for p in rows["platform"]
    ]
    order = list(dict.fromkeys(rows.sort_values("value", ascending=False)["platform"]))
    y = alt.Y("platform:N", sort=order, title=None, axis=None)
    x = alt.X("value:Q", title="Genuine goods in the sample (%)", scale=alt.Scale(domain=[0, 100]))
    tooltip = [
        alt.Tooltip("platform:N", title="Platform"),
        alt.Tooltip("shown:N", title="Genuine share"),
        alt.Tooltip("sources:N", title="Sources"),
    ]
    rows["bound"] = is_bound(rows)
    rows["towards"] = rows["qualifier"].map(BOUND_TOWARDS)
    base = alt.Chart(rows).encode(x=x, y=y, tooltip=tooltip, color=alt.Color("colour:N", scale=None))
    points = base.transform_filter("!datum.bound")
    filled = points.transform_filter("datum.kind == 'Most sources'").mark_point(filled=True, size=100, opacity=1)
    hollow = points.transform_filter("datum.kind != 'Most sources'").mark_point(filled=False, size=100, strokeWidth=2)
    # A bound is drawn as what it says: the interval of shares it allows, and a bar where it stops.
    bounds = base.transform_filter("datum.bound")
    allowed = bounds.mark_rule(strokeWidth=2, strokeDash=[4, 3]).encode(x2="towards:Q")
    bar = bounds.mark_tick(orient="vertical", thickness=2.5, size=16)
    labels = (
        base.mark_text(align="left", dy=-13, fontSize=10.5, color=INK)
        .encode(x=alt.datum(0), text="text:N", color=alt.value(INK))
        .transform_filter("datum.kind == 'Most sources'")
    )
    return alt.layer(filled, hollow, allowed, bar, labels).properties(height=alt.Step(40))


SAIC_NAMES = {SAIC_ALL: "All platforms"}


def _sources(cell: str) -> set[str]:
    return {s.strip() for s in str(cell).split(",") if s.strip()}


def _sample_text(sizes: pd.DataFrame, platform: str, shares: pd.DataFrame | None = None) -> str:
    """The sample size as the sources give it, with how many give it. A size given only by sources whose share for
    the platform is a minority (hollow) reading is left to the table: the label describes the filled dot."""
    rows = sizes[sizes["platform"] == platform]
    if shares is not None:
        own = shares[shares["platform"] == platform]
        main = set().union(*map(_sources, own.loc[own["kind"].eq("Most sources"), "sources"]))
        other = set().union(*map(_sources, own.loc[own["kind"].ne("Most sources"), "sources"])) - main
        kept = rows[[not _sources(c) <= other for c in rows["sources"]]]
        rows = kept if len(kept) else rows
    if rows.empty:
        return "sample not stated"
    counts = rows.groupby("shown", sort=False)["n_sources"].sum()
    return "sample " + " or ".join(f"{v} ({_count(n)})" for v, n in counts.items())


def _count(n: int) -> str:
    return f"{n} source{'s' if n > 1 else ''}"


def rows_summary(measures: pd.DataFrame, intro: str) -> str:
    """A text alternative written from the measurements."""
    parts = []
    for row in measures.itertuples():
        flag = ", disputed by another source" if row.disputed else ""
        parts.append(f"{row.label}, {row.platform}, {row.period}: {row.shown}{flag}")
    return intro + " " + "; ".join(parts) + "."


def saic_summary(measures: pd.DataFrame, sizes: pd.DataFrame) -> str:
    parts = []
    for platform, rows in measures.groupby("platform", sort=False):
        values = " or ".join(rows["shown"])
        parts.append(f"{SAIC_NAMES.get(platform, platform)}: {values} genuine, {_sample_text(sizes, platform)}")
    return "Dot chart of the share of genuine goods per platform in SAIC's test purchase. " + "; ".join(parts) + "."
