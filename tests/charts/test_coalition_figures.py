"""Chapter 3's figures: the stance title counted from its table; yearly axes tick on 1 January."""

import pytest
from ticks import year_tick_problems

import notorious as nt
from notorious.charts import brand_coalitions as coalitions
from notorious.data.dataset import in_strand
from notorious.paths import ROOT


@pytest.fixture(scope="module")
def ds():
    return nt.load()


def test_figure_3_2_title_counts_the_parties_from_its_table(ds):
    table, _ = coalitions.stances(in_strand(ds.events, "brand-coalitions"), ds)
    both = table.loc[table["group"] == "both", "party"].tolist()
    title = coalitions.stance_title(table)
    assert title == f"{len(both)} of the {len(table)} parties both pressed Alibaba and cooperated with it"
    assert all(party in coalitions.stance_takeaway(table) for party in both)  # the takeaway names them
    chapter = (ROOT / "chapters/brand-coalitions.md").read_text(encoding="utf-8")
    assert "title=coalitions.stance_title(stance_table)," in chapter


def test_the_yearly_panels_tick_on_1_january(ds):
    growth = coalitions.growth_figure(ds).chart.to_dict()
    assert year_tick_problems(growth) == []
    whole = coalitions.timeline_figure(ds).chart.to_dict()["vconcat"][0]
    assert year_tick_problems(whole) == []
