"""Statements a hostile trade-policy reviewer found the sources do not support as drawn (issue 22, "a sentence is a
claim"): a chart mark, a date, a key or a caption. One test per finding, each naming the rule and its source; each
was seen failing on the code and data before the fix (branch hstmt)."""

from __future__ import annotations

import pandas as pd
import pytest

from notorious import dates, load
from notorious.charts import brand_coalitions as coalitions
from notorious.charts import lobbying
from notorious.charts import platform_metrics as mc
from notorious.data.dataset import in_strand
from notorious.paths import ROOT


@pytest.fixture(scope="module")
def ds():
    return load()


def _layers(spec: dict):
    """Every single view of a Vega-Lite spec, layers and stacked panels opened."""
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for part in spec.get(key, []):
            yield from _layers(part)
    if "mark" in spec:
        yield spec


def _data(spec: dict, view: dict) -> list[dict]:
    """The rows a view draws: its own dataset, or the chart's."""
    return spec["datasets"][(view.get("data") or spec["data"])["name"]]


# --- Figure 3.2: who stood where ---------------------------------------------------------------------------------


def test_saic_is_counted_as_pressing_and_cooperating(ds):
    """CECC (cecc-2015-03-27-alibaba-saic): after the dispute 'Alibaba's CEO met with the director of the regulatory
    agency and agreed to cooperate and strengthen communication'. SAIC's meeting with Jack Ma (met-010, Reuters) is
    a step towards Alibaba, so SAIC is not a party that only pressed."""
    table, steps = coalitions.stances(in_strand(ds.events, "brand-coalitions"), ds)
    saic = table.set_index("party").loc["SAIC"]
    assert saic["group"] == "both" and saic["cooperated"] >= 1, saic
    meeting = steps[steps["event_id"].eq("met-010")]
    assert meeting[["party", "kind"]].values.tolist() == [["SAIC", "cooperated"]]


def test_gucci_america_is_counted_under_kering_which_sued_for_it(ds):
    """Reuters (reuters-2015-05-16-kering-sues): the 2015 suit was filed 'by Gucci, Yves Saint Laurent and other
    brands owned by Paris-based Kering SA'; the court's caption names Gucci America first (lawsuits.csv co-l02). Gucci
    America is one party with Kering, which sued, dropped and settled for its brands, not a party that only pressed;
    the stance chart's key says whose steps it counts under whose name."""
    events = in_strand(ds.events, "brand-coalitions")
    table, steps = coalitions.stances(events, ds)
    assert "Gucci America" not in set(table["party"])
    gucci = steps[steps["event_id"].str.startswith("co-e21")]
    assert set(gucci["party"]) == {"Kering"}
    assert "Gucci America's under Kering's" in coalitions.stance_figure(ds).key


# --- Figure 2.2: hires --------------------------------------------------------------------------------------------

MONTHS = {
    "Jim Wilkinson": "2014-05",  # pulse2-2014-05-12-alibaba-hires-wilkinson: 'Posted May 12, 2014'
    "Mercury Public Affairs": "2020-08",  # foreignlobby-2020-08-25-alibaba-hires-mercury: digest of 25 Aug 2020
    "Toby Moffett": "2021-04",  # foreignlobby-2021-04-21-huawei-tencent: 'is now a registered lobbyist', 21 Apr 2021
}


def test_a_hire_dated_by_a_dated_report_carries_its_month_and_is_drawn_so(ds):
    """A start the source dates to a month is stored and drawn to the month (a square), never as 1 January of its
    year; a date read from the report's own date is 'approximate'. Greenberg Traurig is only 'retained' by August
    2020 (POLITICO): a bound is not a start, so it stays 'start not found'."""
    hires = ds.lobbying_hires.set_index("name")
    for name, month in MONTHS.items():
        assert hires.loc[name, "started"] == month, name
        assert hires.loc[name, "date_basis"] == "approximate", name
    assert pd.isna(hires.loc["Greenberg Traurig", "started"])
    figure = lobbying.hires_figure(ds)
    drawn = {}
    for view in _layers(figure.chart.to_dict()):
        shape = view.get("encoding", {}).get("shape")
        if shape:
            data = _data(figure.chart.to_dict(), view)
            drawn.update({row["name"]: row["precision"] for row in data})
    assert {name: drawn[name] for name in MONTHS} == dict.fromkeys(MONTHS, "month")
    assert "square: the month" in figure.key


# --- Figure 1.2 and the coalitions timeline: AAFA's October 2016 filing ------------------------------------------


def test_aafas_filing_day_is_computed_and_says_from_what(ds):
    """Global Times (ecns-2016-10-09-aafa-relist), Sunday 9 October 2016: the filing was sent 'on Friday', 7 October,
    the deadline in USTR's notice (fr-2016-08-25-nml-comment-request: 'Written comments are due by 11:59 p.m. (EDT) on
    October 7, 2016'). The day is computed, and its note says how and names the notice."""
    row = ds.events.set_index("event_id").loc["co-e30"]
    assert (row["date"], row["date_precision"], row["date_basis"]) == ("2016-10-07", "day", "computed")
    assert dates.parse(row["date"]).day_name() == "Friday"
    assert "on Friday" in row["note"] and "fr-2016-08-25-nml-comment-request" in row["note"]


def test_the_coalitions_timeline_says_which_days_are_computed(ds):
    """Figure 1.2 draws AAFA's filing from WWD's 'in October' (aafa-2016-10-complaint), a month, as a square; Figure
    3.1 draws the computed 7 October (co-e30) as a day. Its key says a computed date is drawn like a stated one, and
    its table says which each is."""
    figure = coalitions.timeline_figure(ds)
    assert "the table says which dates are computed" in figure.key
    table = figure.table.set_index("date")
    assert table.loc["2016-10-07", "date stated or computed"] == "computed"
    strip = in_strand(ds.events, "listing-history")
    assert strip.set_index("event_id").loc["aafa-2016-10-complaint", "date_precision"] == "month"
    assert "co-e30" not in set(strip["event_id"])


# --- SAIC's period ------------------------------------------------------------------------------------------------


def test_each_saic_row_says_which_period_its_own_source_gives(ds):
    """People's Daily Online, ECNS, China Daily and Xinhua say the items were bought between August and October 2014;
    AllTechAsia says 'the second half 2014'. The rows keep the monitoring's half-year as their period, and each
    note says which its source gives (or that its quote gives none); the chapter says both."""
    saic = ds.metrics[ds.metrics["period_start"].eq("2014-07") & ds.metrics["period_end"].eq("2014-12")]
    assert len(saic) and saic["note"].str.startswith("Period: ").all()
    aug_oct = saic[saic["quote"].str.contains("between August and October")]
    assert len(aug_oct) and aug_oct["note"].str.contains("between August and October 2014").all()
    text = (ROOT / "chapters/platform-metrics.md").read_text(encoding="utf-8")
    assert "between August and October 2014" in text and '"the second half 2014"' in text


# --- Figure 4.5: a figure dated only to the year ------------------------------------------------------------------


def test_a_figure_dated_only_to_a_year_is_a_dashed_line_the_key_explains(ds):
    """The 2015 Cloud Sword pilot is dated only to 2015 by both its sources (wtr-2016-cloud-sword; the essay,
    erikakinetz-2017-recode-repost, calls it a 'three-month pilot'): no solid line may claim it covered the year."""
    figure = mc.police_values_figure(ds)
    spec = figure.chart.to_dict()
    solid, dashed = set(), set()
    for view in _layers(spec):
        mark = view["mark"] if isinstance(view["mark"], dict) else {"type": view["mark"]}
        if mark["type"] == "rule" and "data" in view:
            periods = {row["period"] for row in _data(spec, view)}
            (dashed if mark.get("strokeDash") else solid).update(periods)
    assert "2015" in dashed and "2015" not in solid, (solid, dashed)
    assert "dashed line spans the calendar year" in figure.key


# --- Figure 3.1: markers that would overlap -----------------------------------------------------------------------


def test_no_two_steps_of_one_party_are_drawn_on_top_of_each_other(ds):
    """SAIC's report (23 January 2015), white paper (28 January) and meeting with Jack Ma (30 January), or the IACC's
    suspension (13 May 2016) and expansion (19 May), fall within one marker's width: each panel sets such markers in
    lanes, and the key says so."""
    rows = coalitions.timeline_rows(in_strand(ds.events, "brand-coalitions"), ds)
    marks = coalitions.decisions(ds.listings, ds.reviews)
    for panel, domain in coalitions.panel_rows(rows, marks):
        drawn = panel.assign(lane=coalitions.lanes(panel, domain))
        width = (pd.Timestamp(domain[1]) - pd.Timestamp(domain[0])) / coalitions.PANEL_WIDTH * coalitions.MARKER
        for _, lane in drawn.groupby(["row", "lane"]):
            lane = lane.assign(item=lane["conflict"].fillna(lane["event_id"])).sort_values("when")
            starts = lane.groupby("item")["when"].min().sort_values()
            ends = lane.groupby("item")["when"].max().reindex(starts.index)
            assert (starts.iloc[1:].to_numpy() - ends.iloc[:-1].to_numpy() >= width).all(), lane
    figure = coalitions.timeline_figure(ds)
    assert "set a little above or below its line" in figure.key
    assert any("yOffset" in view.get("encoding", {}) for view in _layers(figure.chart.to_dict()))


# --- Figure 4.3: bounds -------------------------------------------------------------------------------------------


def test_a_bound_is_drawn_as_the_interval_it_allows_not_as_a_point(ds):
    """'less than 40 percent' (wearedevelopment-2015-03-23-taobao-saic) and 'just over 50 percent'
    (ecns-2015-01-28-taobao-saic) are bounds: each is a dashed line from the bound to the end of the scale it allows,
    with a tick, and no dot stands at 40 or 50."""
    figure = mc.saic_figure(ds)
    spec = figure.chart.to_dict()
    dots, lines = [], []
    for view in _layers(spec):
        mark = view["mark"] if isinstance(view["mark"], dict) else {"type": view["mark"]}
        filters = " ".join(str(t.get("filter")) for t in view.get("transform", []))
        if mark["type"] == "point" and "!datum.bound" in filters:
            dots.append(view)
        if mark["type"] == "rule" and "datum.bound" in filters and mark.get("strokeDash"):
            lines.append(view)
    assert dots and lines, "points exclude bounds; bounds are dashed rules"
    data = _data(spec, lines[0])
    bounds = {(r["platform"], r["value"], r["towards"]) for r in data if r["bound"]}
    assert bounds == {("Taobao", 40.0, 0.0), ("All platforms in sample", 50.0, 100.0)}
    assert "each bound (less than 40%, more than 50%) is drawn as a dashed line" in figure.key


# --- The 2025 review's release --------------------------------------------------------------------------------


def test_the_2025_reviews_release_month_is_recorded_and_no_day_invented(ds):
    """Mondaq (mondaq-2026-03-12-2025review): 'In March 2026' USTR released the 2025 review. released holds only a
    full date, so it stays empty; the note gives the month and the bound (the article's date), and the day is a gap
    with its searches."""
    row = ds.reviews.set_index("report_id").loc["ocr-2025"]
    assert pd.isna(row["released"])
    assert "March 2026" in row["note"] and "12 March 2026" in row["note"]
    assert "release-day-2025-review" in set(ds.gaps["gap_id"])
