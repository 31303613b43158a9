"""The introduction's figures: finding titles counted from the data, year ticks, the provisional figure apart."""

import pytest
from ticks import year_tick_problems

import notorious as nt
from notorious.charts import intro, keys
from notorious.paths import ROOT


@pytest.fixture(scope="module")
def ds():
    return nt.load()


def test_the_overview_ticks_on_1_january_and_fades_the_provisional_figure(ds):
    figure = intro.overview_figure(ds)
    spec = figure.chart.to_dict()
    assert year_tick_problems(spec) == []
    table = figure.table[figure.table["strand"].eq("Lobbying")].set_index("year")
    assert table.loc[2017, "standing"] == "provisional"
    assert set(table.drop(index=2017)["standing"]) == {"stated"}
    opacity = [u["encoding"]["opacity"] for u in keys._units(spec) if "opacity" in u.get("encoding", {})]
    assert opacity and opacity[0]["scale"]["range"] == [1.0, 0.4]
    assert "faded" in figure.key and "provisional" in figure.key


def test_the_overview_title_is_the_relisting_year_and_its_lobbying_gap(ds):
    listed = ds.listings[ds.listings["platform"].eq("Taobao")].merge(ds.reviews, on="report_id")
    removed = listed.loc[listed["status"].eq("removed"), "released"].min()
    back = listed[listed["status"].eq("listed") & listed["released"].gt(removed)]["released"].min()
    spend = ds.lobbying[ds.lobbying["client"].eq("Alibaba Group")]
    assert back.year not in set(spend["year"].astype(int))
    assert intro.overview_title(ds) == (
        f"USTR re-listed Taobao in {back.year}, a year for which no lobbying figure of Alibaba's is found"
    )


def test_the_verdict_title_counts_the_confirmed_claims(ds):
    confirmed = (ds.claims["verdict"] == "confirmed").sum()
    assert intro.verdict_title(ds.claims) == (
        f"{confirmed} of the seed article's {len(ds.claims)} checkable claims are confirmed in full"
    )
    fewer = ds.claims.assign(verdict="unverified")
    assert intro.verdict_title(fewer).startswith("0 of ")


def test_the_intro_takes_its_titles_from_the_chart_module():
    page = (ROOT / "intro.md").read_text(encoding="utf-8")
    assert "title=overview.overview_title(ds)," in page and "title=overview.verdict_title(ds.claims)," in page
