"""Counts and periods a hostile trade-policy reviewer found the book states wrongly (branch fixb): Figure 4.3's title
named one of SAIC's two periods, Figure 3.1's text alternative counted marks as events, the brand-coalitions opening
counted the stance chart's parties as every party, and the lobbying chapter called four firms dated by their exit
alone. Each test was seen failing on the code before the fix (or on a mutation), as its commit says."""

from __future__ import annotations

import json
import re

import pytest

from notorious import load
from notorious.charts import brand_coalitions as coalitions
from notorious.charts import lobbying
from notorious.charts import platform_metrics as mc
from notorious.data.dataset import in_strand
from notorious.paths import ROOT


@pytest.fixture(scope="module")
def ds():
    return load()


def _saic(ds):
    m = ds.metrics
    rows = m[m["metric"].isin(mc.SAIC_METRICS) & m["platform"].isin(mc.SAIC_PLATFORMS)]
    return rows[rows["note"].str.startswith("Period: ", na=False)]


# --- Figure 4.3: SAIC's two periods -------------------------------------------------------------------------------


def test_figure_4_3_title_names_both_of_saics_periods(ds):
    """People's Daily Online, ECNS, China Daily and Xinhua say the items were bought between August and October 2014;
    the rows' period is SAIC's monitoring of the second half of 2014 (AllTechAsia). The title names both, read from
    the rows, and the chapter takes it from there; a title naming one period fails."""
    rows = _saic(ds)
    quoted = rows[rows["quote"].str.contains("between August and October", na=False)]
    assert len(quoted), "the sources' own words for the months bought"
    assert set(zip(rows["period_start"], rows["period_end"], strict=True)) == {("2014-07", "2014-12")}
    title = mc.saic_title(ds.metrics)
    assert "August to October 2014" in title and "July to December 2014" in title, title
    chapter = (ROOT / "chapters/platform-metrics.md").read_text(encoding="utf-8")
    shown = re.search(r"mc\.saic_figure\(ds\),\s*title=([^\n]+),\n", chapter)
    assert shown and shown.group(1) == "mc.saic_title(ds.metrics)", shown and shown.group(1)


def test_figure_4_3_as_recorded_names_both_periods_and_explains_the_table(ds):
    """The recorded notebook shows the computed title, and the key says the table's period is the monitoring's."""
    notebook = json.loads((ROOT / "chapters/platform-metrics.ipynb").read_text(encoding="utf-8"))
    outputs = json.dumps([c.get("outputs", []) for c in notebook["cells"]])
    title = mc.saic_title(ds.metrics)
    assert title.replace("'", "&#x27;") in outputs or title.replace("'", "\\u2019") in outputs or title in outputs
    key = mc.saic_figure(ds).key
    assert "The table's period (Jul 2014 to Dec 2014) is SAIC's monitoring of July to December 2014" in key, key
    assert "items were bought August to October 2014" in key, key


def test_saics_periods_refuse_a_row_with_other_months(ds):
    """A row whose note gives other months bought stops the title, never picks one."""
    metrics = ds.metrics.copy()
    i = _saic(ds).index[0]
    metrics.loc[i, "note"] = "Period: this source says the items were bought between September and October 2014."
    with pytest.raises(AssertionError):
        mc.saic_title(metrics)


# --- Figure 3.1: marks and events ---------------------------------------------------------------------------------


def test_figure_3_1_text_alternative_counts_marks_and_events_apart(ds):
    """An event two sources date differently is drawn twice: the text alternative counts marks and events apart."""
    rows = coalitions.timeline_rows(in_strand(ds.events, "brand-coalitions"), ds)
    n_marks, n_events, n_twice = len(rows), rows["event_key"].nunique(), rows["conflict"].nunique()
    assert n_marks > n_events and n_twice == n_marks - n_events
    text = coalitions.timeline_figure(ds).alt_text
    assert f"{n_marks} marks for {n_events} dated events" in text, text[:200]
    assert f"{n_twice} of the events are dated two ways" in text, text[:200]
    assert f"{n_marks} dated events" not in text


# --- The brand-coalitions opening: parties named and parties with a stance ---------------------------------------


def test_the_opening_counts_every_party_the_events_name_besides_alibaba_and_the_court(ds):
    """Tiffany & Co.'s governance exit takes no side (stance_exceptions.csv): it is a party the events name, not one
    the stance chart counts. The court's rulings are its only events."""
    events = in_strand(ds.events, "brand-coalitions")
    named = coalitions.parties_named(events, ds)
    stance_table, _ = coalitions.stances(events, ds)
    parties = set(named.loc[~named["court"], "party"])
    assert set(named.loc[named["court"], "party"]) == {"US court (SDNY)"}
    assert "Tiffany & Co." in parties and "Tiffany & Co." not in set(stance_table["party"])
    assert set(stance_table["party"]) < parties
    assert {"IACC", "Coach", "Louis Vuitton (LVMH)", "Kering", "SAIC", "AAFA", "Unifab", "Michael Kors"} <= parties
    chapter = (ROOT / "chapters/brand-coalitions.md").read_text(encoding="utf-8")
    assert "{glue:text}`n_parties_named` brands, industry groups and regulators besides Alibaba" in chapter
    assert "{glue:text}`n_parties` brands, industry groups and regulators" not in chapter


# --- Lobbying: what dates the firms that dropped Alibaba ----------------------------------------------------------


def test_only_two_dropped_firms_are_dated_by_their_exit_alone(ds):
    """NashNova (June 2026) names five firms; POLITICO (August 2020) names Greenberg Traurig and Sidley Austin among
    Alibaba's firms, and Bloomberg (2012) and OpenSecrets (2013) tie Sidley Austin to Mendenhall's work: a bound, not
    a start. Mercury has a reported start. Only Brownstein and MO Strategies have the exit alone."""
    hires = ds.lobbying_hires[ds.lobbying_hires["client"].eq("Alibaba Group")]
    dropped = hires[hires["note"].str.contains("June 2026", na=False) & hires["kind"].eq("firm")]
    exits = lobbying.exit_dates(dropped, hires, ds.sources, "nashnova-2026-06-29-alibaba-loses-firms").set_index("name")
    assert exits["dated_by"].to_dict() == {
        "Sidley Austin LLP": "bound",
        "Mercury Public Affairs": "start",
        "Brownstein Hyatt Farber Schreck": "exit only",
        "MO Strategies": "exit only",
        "Greenberg Traurig": "bound",
    }
    assert exits.loc["Greenberg Traurig", "earliest_named"] == "2020-08-25"
    assert exits.loc["Sidley Austin LLP", "earliest_named"].startswith("2012-04")
    chapter = (ROOT / "chapters/lobbying.md").read_text(encoding="utf-8")
    assert 'nt.glue_value("n_firms_only_dropped", len(exit_only))' in chapter
    assert "a date by which each\nworked for it, not a start" in chapter
