"""How rare is a return (listing history): a year no source covers is unknown, never 'not listed', and a return
needs a recorded removal followed by a recorded listing."""

from __future__ import annotations

import pandas as pd
import pytest

import notorious as nt
from notorious.charts import listing_history as listing
from notorious.charts.theme import STATUS_LABELS


@pytest.fixture(scope="module")
def ds():
    return nt.load()


def paths(**markets: list[str]) -> pd.DataFrame:
    """A swimlane frame: one market per keyword, its statuses over consecutive publications of 2010, 2011 ..."""
    rows = [
        {
            "platform": name,
            "label": name,
            "kind": "online",
            "status": status,
            "position": i,
            "covers_year": 2010 + i,
            "column": str(2010 + i),
        }
        for name, statuses in markets.items()
        for i, status in enumerate(statuses)
    ]
    return pd.DataFrame(rows)


U = listing.UNKNOWN


def test_a_publication_without_a_source_is_unknown_not_not_listed(ds):
    grid = listing.market_paths(ds)
    recorded = ds.listings[ds.listings["platform"].isin(set(grid["platform"]))]
    assert grid["status"].eq("not_listed").sum() == recorded["status"].eq("not_listed").sum()
    assert grid["status"].ne(U).sum() == len(recorded), "each drawn status is a row of listings.csv"


def test_a_return_needs_a_recorded_removal_then_a_listing():
    out = listing.returns(
        paths(
            back=["listed", "removed", U, "listed", "listed"],
            gap=["listed", U, U, "listed", "listed"],
            absent=["listed", "not_listed", "not_listed", "listed", "listed"],
        )
    ).set_index("platform")
    assert out["came_back"].to_dict() == {"back": True, "gap": False, "absent": False}
    assert out.loc["back", "years_away"] == 2


def test_staying_on_is_broken_by_a_year_without_a_source():
    out = listing.returns(
        paths(steady=["listed", "listed", "listed"], gap=["listed", U, "listed"], late=[U, U, "listed"])
    ).set_index("platform")
    assert out["stayed_on"].to_dict() == {"steady": True, "gap": False, "late": False}


def test_the_swimlane_key_names_what_the_data_draw(ds):
    figure = listing.returns_figure(ds)
    drawn = set(figure.rows["status"])
    for status in drawn:
        assert STATUS_LABELS[status] in figure.key
    assert "hollow" in figure.key


def test_the_swimlane_legend_names_the_hollow_square_and_the_years_are_labelled_at_both_ends(ds):
    """Seen failing before the legend had a 'no source' entry and the lanes a top axis (the chart is tall)."""
    figure = listing.returns_figure(ds)
    spec = figure.chart.to_dict()
    hollow = [layer for layer in spec["layer"] if layer["mark"].get("filled") is False]
    assert hollow, "the chart draws a hollow square"
    for layer in hollow:
        stroke = layer["encoding"].get("stroke", {})
        assert "field" in stroke and stroke.get("legend", {}) is not None, "the hollow square has a legend entry"
        assert listing.NO_SOURCE_LEGEND in stroke["legend"]["labelExpr"]
    assert listing.NO_SOURCE_LEGEND in figure.key
    orients = {layer["encoding"]["x"]["axis"]["orient"] for layer in spec["layer"] if "field" in layer["encoding"]["x"]}
    assert orients == {"top", "bottom"}
    assert spec.get("resolve", {}).get("axis", {}).get("x") == "independent", "both axes are drawn"


def test_figures_1_1_and_1_4_draw_chinese_markets_by_one_rule(ds):
    """A market is Chinese when platforms.csv states mainland China or Hong Kong; one without a stated country is
    drawn in neither figure, and the status timeline's key names it."""
    countries = ds.platforms.set_index("platform")["country"]
    timeline = listing.status_figure(ds)
    drawn_timeline = set(timeline.rows["platform"])
    drawn_swimlane = set(listing.market_paths(ds).query("kind == 'online'")["platform"])
    assert drawn_timeline == drawn_swimlane
    assert set(countries[sorted(drawn_timeline)]) <= set(listing.REGIONS)
    unplaced = listing.without_country(ds, online=True)
    assert unplaced and not drawn_timeline & set(unplaced)
    assert all(name in timeline.key for name in unplaced), "the key says which named markets it leaves out"


def test_figure_1_1_marks_each_later_report_without_a_source_as_unknown(ds):
    """A report after a platform's first appearance with no row for it is drawn hollow (unknown), never left blank
    and never drawn as a status; a report that has a row is never hollow."""
    statuses = listing.platform_statuses(listing.online_listings(ds), ds.reviews)
    hollow = listing.no_source_marks(statuses, ds.reviews)
    have = set(zip(statuses["platform"], statuses["report_id"], strict=True))
    assert not have & set(zip(hollow["platform"], hollow["report_id"], strict=True))
    first = statuses.groupby("platform")["released"].min()
    dated = hollow.dropna(subset=["released"])
    assert (dated["released"] > dated["platform"].map(first)).all()
    assert set(hollow.loc[hollow["released"].isna(), "report_id"]) <= set(
        ds.reviews.loc[ds.reviews["released"].isna(), "report_id"]
    )
    taobao = hollow[hollow["platform"].eq("Taobao")]
    dated_after = ds.reviews[ds.reviews["released"].gt(first["Taobao"]) | ds.reviews["released"].isna()]
    assert len(taobao) == len(
        set(dated_after["report_id"]) - set(statuses.loc[statuses["platform"].eq("Taobao"), "report_id"])
    )
    table = listing.status_figure(ds).table
    assert table["status"].eq("No source (unknown)").sum() == len(hollow), "the table marks the unknown ones too"


def test_figure_1_4_table_and_text_alternative_give_every_filled_square(ds):
    """Each filled square is in the table and the text alternative (the 2015 warning of Taobao was missing)."""
    paths = listing.market_paths(ds)
    per_market = listing.returns(paths).set_index("platform")
    filled = paths[paths["status"].ne(listing.UNKNOWN)].groupby("platform").size()
    columns = ["on_in", "removed_in", "not_listed_in", "warned_in"]
    for platform, n in filled.items():
        given = sum(len([c for c in per_market.loc[platform, col].split(", ") if c]) for col in columns)
        assert given == n, platform
    assert "warned, not listed, in 2015" in listing.returns_figure(ds).alt_text
