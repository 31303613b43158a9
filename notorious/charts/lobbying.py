"""Charts of Alibaba's US federal lobbying (chapter 2): spend, hires and the comparison with other clients.

Every function takes frames from the dataset and returns a chart or a frame; none loads data. Amounts are
drawn exactly as reported, one mark per source, and a year without any sourced figure is drawn as a grey
band labelled as missing, never as zero.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data import dates
from ..data.words import listed, qualified
from ..publish.figures import Figure
from .common import (
    ALIBABA_GROUP,
    decision_rules,
    decisions,
    drawn_at,
    precision_key,
    precision_scale,
)
from .theme import ALIBABA, INK, MISSING, OTHER
from .year_ticks import year_axis, year_extent

# How firmly each figure stands: a figure whose source is under an unclosed gap that calls it provisional
# (gaps.csv: lobbying-2017-figure-report, a page of an unidentified report) is drawn faded, and its row says so.
STATED, PROVISIONAL = "stated", "provisional"


def provisional_sources(gaps: pd.DataFrame) -> set[str]:
    """The sources whose figures a gap still open (or narrowed, not closed) says stay provisional."""
    open_ = gaps[gaps["status"].ne("closed") & gaps["statement"].str.contains("provisional", case=False, na=False)]
    return {s.strip() for cell in open_["sources"].dropna() for s in str(cell).split(";") if s.strip()}


def standing(rows: pd.DataFrame, gaps: pd.DataFrame) -> pd.Series:
    """'provisional' for each row whose source a gap calls provisional, 'stated' for the others."""
    return rows["source_id"].isin(provisional_sources(gaps)).map({True: PROVISIONAL, False: STATED})


def _money(amount: float) -> str:
    """An amount as a reader says it: $461,000 or $3.16 million."""
    amount = float(amount)
    if amount >= 1_000_000:
        return f"${amount / 1e6:,.2f}".rstrip("0").rstrip(".") + " million"
    return f"${amount:,.0f}"


def client_spend(
    lobbying: pd.DataFrame, publishers: pd.Series, periods: pd.DataFrame, client: str = ALIBABA_GROUP
) -> pd.DataFrame:
    """One client's reported totals (no firm-level rows), one row per source, with the span each period covers.

    ``publishers`` maps source_id to publisher, for labels; ``periods`` (periods.csv) gives each period's months
    and label. Adds: start, end, mid (dates of the period), period_label, publisher, amount_text (the amount as the
    source words it).
    """
    rows = lobbying[lobbying["client"].eq(client) & lobbying["registrant"].isna()].copy()
    period = periods.set_index("period")
    first = rows["period"].map(period["first_month"]).astype(int)
    last = rows["period"].map(period["last_month"]).astype(int)
    rows["start"] = pd.to_datetime({"year": rows["year"].astype(int), "month": first, "day": 1})
    rows["end"] = pd.to_datetime({"year": rows["year"].astype(int), "month": last, "day": 1}) + pd.offsets.MonthEnd(0)
    rows["mid"] = rows["start"] + (rows["end"] - rows["start"]) / 2
    rows["period_label"] = rows["period"].map(period["label"]).astype(str)
    rows["publisher"] = rows["source_id"].map(publishers)
    rows["amount_text"] = [qualified(q, _money(a)) for q, a in zip(rows["qualifier"], rows["amount_usd"], strict=True)]
    return rows.sort_values(["year", "period", "amount_usd"], ascending=[True, True, False]).reset_index(drop=True)


def missing_years(spend: pd.DataFrame) -> pd.DataFrame:
    """Years between the first and last reported figure for which no source gives a full-year total.

    A year with only a part-year figure counts as missing a full-year total, and says so in ``what``.
    """
    full = set(spend.loc[spend["period"].eq("year"), "year"].astype(int))
    part = set(spend.loc[~spend["period"].eq("year"), "year"].astype(int))
    years = range(int(spend["year"].min()), int(spend["year"].max()) + 1)
    rows = [
        {
            "year": y,
            "start": pd.Timestamp(year=y, month=1, day=1),
            "end": pd.Timestamp(year=y, month=12, day=31),
            "what": "only a part-year figure found" if y in part else "no figure found",
        }
        for y in years
        if y not in full
    ]
    return pd.DataFrame(rows, columns=["year", "start", "end", "what"])


def disputed_years(spend: pd.DataFrame) -> pd.DataFrame:
    """Full years for which sources give different amounts, with the values each gives."""
    full = spend[spend["period"].eq("year")]
    out = []
    for year, rows in full.groupby("year"):
        if rows["amount_usd"].nunique() > 1:
            out.append(
                {
                    "year": int(year),
                    "n_sources": len(rows),
                    "low": rows["amount_usd"].min(),
                    "mid": rows["mid"].iloc[0],
                    "label": f"{len(rows)} sources differ",
                }
            )
    return pd.DataFrame(out, columns=["year", "n_sources", "low", "mid", "label"])


# One window for the chapter's time charts, so they share an axis.
WINDOW = ("2010-01-01", "2023-01-01")
LOBBYING_COLUMNS = [
    "client",
    "year",
    "period",
    "amount_usd",
    "qualifier",
    "registrant",
    "source_id",
    "quote",
    "quote_en",
]
SPEND_KEY = (
    "Each orange bar spans the period one source's figure covers, with a dot at its middle; a part-year figure is "
    "dashed, with a hollow dot; grey bands are years with no sourced full-year figure, not years of zero spending; "
    "dashed lines mark USTR's decisions on Taobao."
)


def _publishers(ds) -> pd.Series:
    return ds.sources.set_index("source_id")["publisher"]


def spend_figure(ds, start: str = WINDOW[0], end: str = WINDOW[1]) -> Figure:
    """Figure: Alibaba's reported spend, period by period, against USTR's decisions."""
    spend = client_spend(ds.lobbying, _publishers(ds), ds.periods)
    spend["standing"] = standing(spend, ds.gaps)
    return Figure(
        name="lobbying-spend",
        chart=spend_chart(spend, decisions(ds.listings, ds.reviews), start, end),
        rows=spend[[*LOBBYING_COLUMNS, "note"]],
        table=spend[["year", "period_label", "amount_text", "standing", "publisher", "source_id"]].rename(
            columns={"period_label": "period", "amount_text": "reported", "source_id": "source"}
        ),
        alt_text=spend_summary(spend),
        key=spend_key(spend),
    )


def spend_key(spend: pd.DataFrame) -> str:
    """SPEND_KEY, and what a faded mark means where a provisional figure is drawn."""
    if not spend["standing"].eq(PROVISIONAL).any():
        return SPEND_KEY
    return SPEND_KEY[:-1] + (
        "; a faded bar and dot, labelled provisional, is a figure from a page of a report not yet identified (its "
        "table row says provisional)."
    )


def spend_title(ds) -> str:
    """Figure 2.1's finding, from the data: the year of the highest reported full-year figure, and what the sources
    give for the year USTR re-listed Taobao."""
    spend = client_spend(ds.lobbying, _publishers(ds), ds.periods)
    full = spend[spend["period"].eq("year")]
    peak = int(full.loc[full["amount_usd"].idxmax(), "year"])
    title = f"Alibaba's highest reported lobbying spend is for {peak}"
    relisted = decisions(ds.listings, ds.reviews)
    relisted = relisted[relisted["label"].str.startswith("Re-listed")]
    if len(relisted):
        year = int(relisted["date"].iloc[-1].year)
        gaps = missing_years(spend).set_index("year")["what"]
        if year in gaps.index:
            has = {"no figure found": "has no figure", "only a part-year figure found": "has only a part-year figure"}
            title += f"; {year}, the year USTR re-listed Taobao, {has[gaps[year]]}"
    return title


def _dashes(spend: pd.DataFrame) -> alt.Scale:
    """The periods drawn, as the chart's dash styles: a full year solid, every part of a year dashed."""
    full = spend["period"].eq("year")
    whole = list(dict.fromkeys(spend.loc[full, "period_label"]))
    part = list(dict.fromkeys(spend.loc[~full, "period_label"]))
    return alt.Scale(domain=whole + part, range=[[1, 0]] * len(whole) + [[4, 3]] * len(part))


def spend_chart(spend: pd.DataFrame, marks: pd.DataFrame, start: str, end: str) -> alt.LayerChart:
    """Alibaba's reported spend: a bar across the period each figure covers, a dot per source.

    Full years are solid; a part-year figure is a short, dashed, hollow mark; years without a full-year
    figure are grey bands that reach the top of the chart and are labelled, so nobody reads them as zero.
    """
    gaps = missing_years(spend)
    disputed = disputed_years(spend)
    top = float(spend["amount_usd"].max()) * 1.22
    y = alt.Y(
        "amount_usd:Q",
        title="Reported spend (US$)",
        scale=alt.Scale(domain=[0, top], nice=False),
        axis=alt.Axis(format="$~s"),
    )
    x = year_axis("start", start, end)
    tooltip = [
        alt.Tooltip("year:O", title="Year"),
        alt.Tooltip("period_label:N", title="Period"),
        alt.Tooltip("amount_text:N", title="Reported"),
        alt.Tooltip("standing:N", title="Figure"),
        alt.Tooltip("publisher:N", title="Source"),
        alt.Tooltip("source_id:N", title="Source id"),
    ]
    band = (
        alt.Chart(gaps)
        .mark_rect(color=MISSING, opacity=0.35)
        .encode(
            x=x, x2="end:T", tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("what:N", title="Full year")]
        )
    )
    band_text = (
        alt.Chart(gaps)
        .mark_text(angle=270, align="right", baseline="middle", dy=0, fontSize=10, color=INK, opacity=0.8)
        .transform_calculate(
            mid="datetime(year(datum.start), 6, 30)",
            short="datum.what == 'no figure found' ? 'no figure found' : 'no full-year figure'",
        )
        .encode(x=year_axis("mid", start, end), y=alt.value(24), text="short:N")
    )
    period_style = _dashes(spend)
    firm = _firmness(spend)
    spans = (
        alt.Chart(spend)
        .mark_rule(strokeWidth=3, color=ALIBABA)
        .encode(
            x=x,
            x2="end:T",
            y=y,
            strokeDash=alt.StrokeDash(
                "period_label:N",
                scale=period_style,
                title="Figure covers",
                legend=alt.Legend(orient="bottom", labelLimit=0),
            ),
            opacity=firm,
            tooltip=tooltip,
        )
    )
    dots = (
        alt.Chart(spend)
        .mark_point(size=70, strokeWidth=2, color=ALIBABA)
        .encode(
            x=year_axis("mid", start, end),
            y=y,
            fill=alt.condition("datum.period == 'year'", alt.value(ALIBABA), alt.value("#FFFFFF")),
            opacity=firm,
            tooltip=tooltip,
        )
    )
    layers = [year_extent(start, end), band, band_text, decision_rules(marks, label_y=0), spans, dots]
    if spend["standing"].eq(PROVISIONAL).any():
        layers.append(provisional_labels(spend, year_axis("mid", start, end), y))
    if len(disputed):
        layers.append(
            alt.Chart(disputed)
            .mark_text(dy=12, baseline="top", fontSize=11, color=INK)
            .encode(x=year_axis("mid", start, end), y=alt.Y("low:Q"), text="label:N")
        )
    return alt.layer(*layers).properties(height=300)


def _firmness(rows: pd.DataFrame) -> alt.Opacity:
    """Opacity by the figure's standing: a provisional figure faded, so it is not read as a stated one. No legend:
    the faded mark is labelled 'provisional' where it stands (provisional_labels), and the key says so."""
    held = [s for s in (STATED, PROVISIONAL) if s in set(rows["standing"])]
    return alt.Opacity(
        "standing:N",
        scale=alt.Scale(domain=held, range=[{STATED: 1.0, PROVISIONAL: 0.4}[s] for s in held]),
        legend=None,
    )


def provisional_labels(rows: pd.DataFrame, x: alt.X, y: alt.Y) -> alt.Chart:
    """The word 'provisional' under each provisional figure, at its dot."""
    return (
        alt.Chart(rows[rows["standing"].eq(PROVISIONAL)])
        .mark_text(dy=9, baseline="top", fontSize=11, fontStyle="italic", color=INK)
        .transform_calculate(word="'provisional'")
        .encode(x=x, y=y, text="word:N")
    )


def spend_summary(spend: pd.DataFrame) -> str:
    """Text alternative for the spend chart, written from the data."""
    parts = []
    for year, rows in spend.groupby("year"):
        values = "; ".join(
            f"{r.amount_text} ({r.publisher}{', first half only' if r.period != 'year' else ''}"
            f"{', provisional' if getattr(r, 'standing', STATED) == PROVISIONAL else ''})"
            for r in rows.itertuples()
        )
        parts.append(f"{year}: {values}")
    gaps = missing_years(spend)
    none = ", ".join(str(y) for y in gaps.loc[gaps["what"].eq("no figure found"), "year"])
    return (
        "Alibaba's reported US federal lobbying spend by year, with USTR's Taobao decisions marked. "
        + ". ".join(parts)
        + f". No figure was found for {none}."
    )


def hires_key(hires: pd.DataFrame) -> str:
    """The key of the hires chart, beside the encoding it describes: colour says who held a government post, shape
    how precisely the start is known (only the shapes drawn); unknown starts are written, not drawn."""
    precisions = [dates.precision(started) for started in hires["started"].dropna()]
    return (
        "A former government official is orange, anyone else grey; the marker's shape says how precisely the start "
        f"is known ({precision_key(precisions)})"
        + (
            ", and a start known only to the year is drawn at 1 January, which may be before the hire was reported"
            if "year" in precisions
            else ""
        )
        + "; where no source dates the start, the row says so instead of guessing."
    )


def hires_figure(ds, start: str = WINDOW[0], end: str = WINDOW[1]) -> Figure:
    """Figure: the firms and people Alibaba hired, at their reported starts."""
    hires = ds.lobbying_hires[ds.lobbying_hires["client"].eq(ALIBABA_GROUP)]
    columns = ["name", "kind", "client", "employer", "started", "date_basis", "former_government_role"]
    return Figure(
        name="lobbying-hires",
        chart=hires_timeline(hires, decisions(ds.listings, ds.reviews), start, end),
        rows=hires[[*columns, "source_id", "quote", "quote_en", "note"]],
        table=hires[["name", "kind", "employer", "started", "former_government_role"]]
        .assign(
            started=hires["started"].fillna("not found"),
            former_government_role=hires["former_government_role"].fillna("none reported"),
        )
        .rename(columns={"former_government_role": "former government role"}),
        alt_text=hires_summary(hires),
        key=hires_key(hires),
    )


def hires_title(ds) -> str:
    """Figure 2.2's finding, from the data: how many of the people Alibaba hired had held a government post."""
    hires = ds.lobbying_hires[ds.lobbying_hires["client"].eq(ALIBABA_GROUP)]
    people = hires[hires["kind"].eq("person")]
    former = int(people["former_government_role"].notna().sum())
    firms = int(hires.loc[hires["kind"].ne("person"), "former_government_role"].notna().sum())
    if firms or not former:
        return "Firms and people Alibaba hired"
    return f"{former} of the {len(people)} people our sources name among Alibaba's hires had held government posts"


STEP = 28  # px per row of the hires chart


def hires_timeline(hires: pd.DataFrame, marks: pd.DataFrame, start: str, end: str) -> alt.LayerChart:
    """One row per firm or person; a mark at the reported start, or 'start not found' where no date is known."""
    rows = hires.copy()
    rows["known"] = rows["started"].notna()
    rows["drawn"] = drawn_at(rows["started"].fillna(start[:4]))
    rows["who"] = rows["name"]
    rows["role"] = rows["former_government_role"].fillna("none reported")
    rows["ex_official"] = (
        rows["former_government_role"].notna().map({True: "Former official", False: "No government role reported"})
    )
    rows["started_text"] = rows["started"].fillna("not found")
    rows["precision"] = [dates.precision(v) if pd.notna(v) else "" for v in rows["started"]]
    order = (
        rows.assign(key=rows["drawn"].where(rows["known"], pd.Timestamp(end)))
        .sort_values(["key", "name"])["who"]
        .tolist()
    )
    # Each name is written above its row from the chart's left edge, not as an axis label: a phone's column then
    # holds the longest name whole ("Brownstein Hyatt Farber Schreck") and the plot keeps its width.
    y = alt.Y("who:N", sort=order, title=None, axis=None)
    title = "Reported start"
    rows["edge"] = pd.Timestamp(start)
    # The legends go under the axis title, from the chart's left edge, one above the other: side by side they run
    # off a phone's screen.
    below = STEP * len(order) + 52
    tooltip = [
        alt.Tooltip("name:N", title="Who"),
        alt.Tooltip("kind:N", title="Firm or person"),
        alt.Tooltip("started_text:N", title="Started"),
        alt.Tooltip("employer:N", title="Through"),
        alt.Tooltip("role:N", title="Former government role"),
        alt.Tooltip("source_id:N", title="Source"),
    ]
    known = (
        alt.Chart(rows[rows["known"]])
        .mark_point(size=110, filled=True, opacity=1)
        .encode(
            x=year_axis("drawn", start, end, title),
            y=y,
            color=alt.Color(
                "ex_official:N",
                title=None,
                legend=alt.Legend(labelLimit=0, columns=1, orient="none", legendX=0, legendY=below),
                scale=alt.Scale(domain=["Former official", "No government role reported"], range=[ALIBABA, OTHER]),
            ),
            shape=alt.Shape(
                "precision:N",
                title="Start known to the",
                legend=alt.Legend(columns=3, orient="none", legendX=0, legendY=below + 46),
                scale=precision_scale(rows.loc[rows["known"], "precision"]),
            ),
            tooltip=tooltip,
        )
    )
    unknown = (
        alt.Chart(rows[~rows["known"]])
        .mark_text(align="left", fontStyle="italic", fontSize=11, color=OTHER)
        .transform_calculate(label="'start not found'")
        .encode(x=year_axis("drawn", start, end, title), y=y, text="label:N", tooltip=tooltip)
    )
    names = (
        alt.Chart(rows)
        .mark_text(align="left", baseline="bottom", dx=2, dy=-7, fontSize=11, color=INK)
        .encode(x=year_axis("edge", start, end, title), y=y, text="who:N", tooltip=tooltip)
    )
    layers = [year_extent(start, end, title), decision_rules(marks, label_y=0), names, known, unknown]
    return alt.layer(*layers).properties(height=alt.Step(STEP), padding={"left": 5, "right": 5, "top": 5, "bottom": 90})


def hires_summary(hires: pd.DataFrame) -> str:
    """Text alternative for the hires timeline."""
    parts = []
    for r in hires.itertuples():
        when = f"started {r.started}" if pd.notna(r.started) else "start not found"
        role = f"; former government role: {r.former_government_role}" if pd.notna(r.former_government_role) else ""
        parts.append(f"{r.name} ({r.kind}), {when}{role}")
    return "Firms and people Alibaba hired for US lobbying or government affairs: " + ". ".join(parts) + "."


def peers(lobbying: pd.DataFrame, publishers: pd.Series) -> pd.DataFrame:
    """Full-year totals of every client, one row per source, for the comparison chart."""
    rows = lobbying[lobbying["period"].eq("year") & lobbying["registrant"].isna()].copy()
    rows["alibaba"] = rows["client"].eq(ALIBABA_GROUP)
    rows["group"] = rows["alibaba"].map({True: "Alibaba", False: "Other Chinese company"})
    rows["publisher"] = rows["source_id"].map(publishers)
    rows["amount_text"] = [qualified(q, _money(a)) for q, a in zip(rows["qualifier"], rows["amount_usd"], strict=True)]
    rows["when"] = pd.to_datetime({"year": rows["year"].astype(int), "month": 7, "day": 1})
    return rows.sort_values(["alibaba", "client", "year"], ascending=[False, True, True]).reset_index(drop=True)


def peers_key(rows: pd.DataFrame) -> str:
    """The comparison chart's key: one panel per company, named above it; what a faded bar means, if one is drawn."""
    key = (
        "One panel per company, named above it, all on one scale; one bar per source across the year it covers, "
        "Alibaba in orange and every other company in grey; no lines join the years, which differ from company to "
        "company"
    )
    if rows["standing"].eq(PROVISIONAL).any():
        key += "; a faded bar is a provisional figure, from a page of a report not yet identified"
    return key + "."


def peers_figure(ds) -> Figure:
    """Figure: every reported full-year total of the Chinese lobbying clients in the data."""
    rows = peers(ds.lobbying, _publishers(ds))
    rows["standing"] = standing(rows, ds.gaps)
    return Figure(
        name="lobbying-peers",
        chart=peers_chart(rows),
        rows=rows[[*LOBBYING_COLUMNS, "note"]],
        table=rows[["client", "year", "amount_text", "standing", "publisher", "source_id"]].rename(
            columns={"amount_text": "reported", "source_id": "source"}
        ),
        alt_text=peers_summary(rows),
        key=peers_key(rows),
    )


def ahead_of_alibaba(rows: pd.DataFrame, client: str) -> list[int]:
    """The years both ``client`` and Alibaba have a reported full-year figure and every figure of the client's is
    above every figure of Alibaba's (however the sources differ)."""
    both = rows[rows["client"].isin([client, ALIBABA_GROUP])]
    years = []
    for year, group in both.groupby("year"):
        theirs = group.loc[group["client"].eq(client), "amount_usd"]
        ours = group.loc[group["client"].eq(ALIBABA_GROUP), "amount_usd"]
        if len(theirs) and len(ours) and theirs.min() > ours.max():
            years.append(int(year))
    return years


def peers_title(ds) -> str:
    """Figure 2.3's finding, from the data: the company with the largest reported figure, and the years its every
    figure is above Alibaba's every figure."""
    rows = peers(ds.lobbying, _publishers(ds))
    top = rows.loc[rows["amount_usd"].idxmax(), "client"]
    ahead = ahead_of_alibaba(rows, top)
    if top == ALIBABA_GROUP or not ahead:
        return "Reported full-year lobbying spend of Chinese companies"
    return f"{top}'s reported lobbying spend is above Alibaba's in {listed([str(y) for y in ahead])}"


PANEL_HEIGHT = 52


def peers_chart(rows: pd.DataFrame) -> alt.VConcatChart:
    """Small multiples: one panel per client, Alibaba first, each named above its panel, all on one value scale
    and one year axis; a bar across each reported year, one per source. No lines join the years: most clients
    have only scattered years, and a line would invent the years between."""
    rows = rows.assign(
        start=pd.to_datetime(rows["year"].astype(int).astype(str) + "-01-01"),
        end=pd.to_datetime(rows["year"].astype(int).astype(str) + "-12-31"),
    )
    first, last = f"{int(rows['year'].min())}-01-01", f"{int(rows['year'].max()) + 1}-01-01"
    top = float(rows["amount_usd"].max()) * 1.05
    clients = list(dict.fromkeys(rows["client"]))  # Alibaba first (peers' order), then by name
    tooltip = [
        alt.Tooltip("client:N", title="Client"),
        alt.Tooltip("year:O", title="Year"),
        alt.Tooltip("amount_text:N", title="Reported"),
        alt.Tooltip("standing:N", title="Figure"),
        alt.Tooltip("publisher:N", title="Source"),
        alt.Tooltip("source_id:N", title="Source id"),
    ]
    panels = []
    for i, client in enumerate(clients):
        bottom = i == len(clients) - 1
        x = year_axis("start", first, last, "Year" if bottom else None, labels=bottom)
        own = rows[rows["client"].eq(client)]
        bars = (
            alt.Chart(own)
            .mark_rule(strokeWidth=4)
            .encode(
                x=x,
                x2="end:T",
                y=alt.Y(
                    "amount_usd:Q",
                    title=None,
                    scale=alt.Scale(domain=[0, top], nice=False),
                    axis=alt.Axis(format="$~s", tickCount=2),
                ),
                color=alt.Color(
                    "group:N",
                    legend=None,
                    scale=alt.Scale(domain=["Alibaba", "Other Chinese company"], range=[ALIBABA, OTHER]),
                ),
                opacity=_firmness(own),
                tooltip=tooltip,
            )
        )
        span = (
            alt.Chart(pd.DataFrame({"start": pd.to_datetime([first, last])}))
            .mark_point(opacity=0)
            .encode(x=x, tooltip=alt.value(None))
        )
        name = "Alibaba" if client == ALIBABA_GROUP else client
        panels.append(
            alt.layer(span, bars).properties(
                width=600,
                height=PANEL_HEIGHT,
                title=alt.TitleParams(name, anchor="start", fontSize=12, fontWeight="bold", offset=4),
            )
        )
    return alt.vconcat(*panels, spacing=10).properties(
        title=alt.TitleParams("Reported full-year spend (US$)", anchor="start", fontSize=11, fontWeight="normal")
    )


def peers_summary(rows: pd.DataFrame) -> str:
    """Text alternative for the comparison chart."""
    parts = []
    for client, group in rows.groupby("client", sort=False):
        values = "; ".join(f"{r.year} {r.amount_text} ({r.publisher})" for r in group.itertuples())
        parts.append(f"{client}: {values}")
    intro = "Reported full-year US federal lobbying spend of Chinese companies, one bar per source and year. "
    return intro + ". ".join(parts) + "."


def exit_dates(dropped: pd.DataFrame, hires: pd.DataFrame, sources: pd.DataFrame, exit_source: str) -> pd.DataFrame:
    """What the data date, besides their exit, for the firms an exit report (``exit_source``) names.

    One row per dropped firm: ``started`` (its reported start, if any) and ``earliest_named`` (the publication date of
    the earliest other source whose quote in lobbying_hires.csv names the firm; such a mention is a bound, 'retained
    by', never a start). ``dated_by`` is 'start', 'bound' or 'exit only'."""
    published = sources.set_index("source_id")["published"]
    others = hires[hires["source_id"].ne(exit_source)]
    rows = []
    for firm in dropped.itertuples():
        named = others.loc[others["quote"].str.contains(firm.name, regex=False, na=False), "source_id"]
        seen = sorted(published[s] for s in set(named))
        if pd.notna(firm.started):
            kind = "start"
        elif seen:
            kind = "bound"
        else:
            kind = "exit only"
        rows.append(
            {"name": firm.name, "started": firm.started, "earliest_named": seen[0] if seen else None, "dated_by": kind}
        )
    return pd.DataFrame(rows, columns=["name", "started", "earliest_named", "dated_by"])
