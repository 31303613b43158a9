"""Charts and helpers of the platform-metrics chapter (counting fakes).

A measurement in ``metrics.csv`` is often repeated by several sources. Here one *measurement* is one
distinct (metric, platform, period, value, unit); the sources that give it are kept together, and two
different values for the same metric, platform and period are flagged as a disagreement. Every
measurement is drawn over its whole period, so a four-month operation never looks like a year.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data import dates
from ..data.words import listed, qualified
from ..publish.figures import Figure
from .common import decision_rules, decisions, extent, is_alibaba, time_axis
from .theme import ALIBABA, INK, OTHER

KEY = ["metric", "platform", "period_start", "period_end", "value", "qualifier", "unit"]
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


def _in_window(marks: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    return marks[(marks["date"] >= pd.Timestamp(start)) & (marks["date"] <= pd.Timestamp(end))]


def period_rows_chart(
    measures: pd.DataFrame, marks: pd.DataFrame, start: str, end: str, headings: dict[str, str]
) -> alt.LayerChart:
    """One row per measurement: a bar over its period, its value and period written above, at the left edge.

    Values of different units share the chart because each is written, not plotted on a value axis;
    the time axis shows only how long and when each period was. Each metric opens with a bold heading
    row (its words in ``headings``, by metric), so no axis labels take width from the chart on a phone.
    """
    rows, heads = [], []
    for metric, group in measures.groupby("metric", sort=False):
        heads.append({"row": f"h-{metric}", "text": headings[metric]})
        rows.append(pd.DataFrame([{"row": f"h-{metric}"}]))
        body = group.copy()
        body["row"] = [f"{metric}-{i}" for i in range(len(body))]
        rows.append(body)
    order = [r for frame in rows for r in frame["row"]]
    data = pd.concat([f for f in rows if "value" in f.columns], ignore_index=True)
    where = [f" · {p}" if p in ("Taobao", "Tmall") else "" for p in data["platform"]]
    data["text"] = (
        data["shown"] + " · " + data["period"] + where + data["disputed"].map({True: " · disputed", False: ""})
    )
    data["colour"] = data["alibaba"].map({True: ALIBABA, False: OTHER})
    data["year_only"] = year_only(data)
    data["edge"] = pd.Timestamp(start)
    heads = pd.DataFrame(heads).assign(edge=pd.Timestamp(start))
    x = time_axis("start", None)
    y = alt.Y("row:N", sort=order, title=None, axis=None, scale=alt.Scale(domain=order))
    tooltip = [
        alt.Tooltip("label:N", title="Measure"),
        alt.Tooltip("platform:N", title="Platform"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("shown:N", title="Value"),
        alt.Tooltip("sources:N", title="Sources"),
    ]
    bars = (
        alt.Chart(data[~data["year_only"]])
        .mark_bar(height=7, cornerRadius=1)
        .encode(x=x, x2="end:T", y=y, color=alt.Color("colour:N", scale=None), tooltip=tooltip)
    )
    # A figure dated only to a year (or years) is an outline across them: the source gives no months.
    years = (
        alt.Chart(data[data["year_only"]])
        .mark_bar(height=7, cornerRadius=1, fill="#FFFFFF", fillOpacity=0, strokeWidth=1.5, strokeDash=[3, 2])
        .encode(x=x, x2="end:T", y=y, stroke=alt.Stroke("colour:N", scale=None), tooltip=tooltip)
    )
    values = (
        alt.Chart(data)
        .mark_text(align="left", dy=-9, dx=2, fontSize=10.5, color=INK)
        .encode(x=alt.X("edge:T"), y=y, text="text:N")
    )
    titles = (
        alt.Chart(heads)
        .mark_text(align="left", dx=2, dy=4, fontSize=12, fontWeight="bold", color=INK)
        .encode(x=alt.X("edge:T"), y=y, text="text:N")
    )
    layers = [extent(start, end, None), bars, years, values, titles]
    shown_marks = _in_window(marks, start, end)
    if len(shown_marks):
        layers.insert(0, decision_rules(shown_marks, label_y=-4))
    return alt.layer(*layers).properties(height=alt.Step(28))


ALIBABA_ALL = "Alibaba Group (all platforms)"
RETAIL = "Alibaba China retail marketplaces"


def year_only(measures: pd.DataFrame) -> pd.Series:
    """Whether each measurement's period is given only in years ('2015', '2017' to '2018'): no month is known, so
    the chart cannot say which part of the year it covers."""
    start, end = measures["period_start"], measures["period_end"]
    known = start.notna() & end.notna()
    return known & start.fillna("").astype(str).str.len().eq(4) & end.fillna("").astype(str).str.len().eq(4)


def period_key(measures: pd.DataFrame, marks: pd.DataFrame, start: str, end: str) -> str:
    """The period chart's key, from what it draws: the colours of the platforms shown, how a period known only to
    the year is drawn, the decision rules if any."""
    alibaba = set(measures["alibaba"])
    colours = (
        "orange for Alibaba's platforms and grey for others"
        if alibaba == {True, False}
        else ("orange, Alibaba's" if True in alibaba else "grey")
    )
    key = (
        f"Each row is one measurement: a bar ({colours}) across the period it covers, with its value and period "
        "written above it, since the values are written, not plotted on a value axis"
    )
    if year_only(measures).any():
        key += (
            "; a dashed outline spans the calendar year (or years) of a figure its source dates only to the year, "
            "without months, so it may cover only part of that span"
        )
    if len(_in_window(marks, start, end)):
        key += "; dashed lines mark USTR's decisions on Taobao"
    return key + "."


def _period_figure(ds, name: str, measures: pd.DataFrame, start: str, end: str, intro: str) -> Figure:
    """Figure: measurements (from ``measurements``), each drawn across its period, between two dates."""
    marks = decisions(ds.listings, ds.reviews)
    return Figure(
        name=name,
        chart=period_rows_chart(measures, marks, start, end, metric_words(ds.metric_labels, "short")),
        rows=rows_shown(ds.metrics, measures),
        table=readable(measures),
        alt_text=rows_summary(measures, intro),
        key=period_key(measures, marks, start, end),
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
        "Bars spanning each measurement's period, with its value written above.",
    )


SCALE_END = "2017-03-01"


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
        "Bars spanning each measurement's period, with its value written above.",
    )


def police_counts_figure(ds) -> Figure:
    """Figure: leads passed to the police, arrests and sites closed, by reported period."""
    return _period_figure(
        ds,
        "metrics-police-counts",
        measured(ds, POLICE, [ALIBABA_ALL]),
        "2014-01-01",
        "2023-01-01",
        "Bars spanning each reported period, with the count written above.",
    )


def police_values_figure(ds) -> Figure:
    """Figure: the value of cases and of goods seized, in yuan, by reported period."""
    return _period_figure(
        ds,
        "metrics-police-values",
        measured(ds, MONEY, [ALIBABA_ALL]),
        "2015-01-01",
        "2020-01-01",
        "Bars spanning each reported period, with the value in yuan written above.",
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
