"""The rules the charts draw by, on small hand-written tables: what counts as a decision, a gap, a stance,
a disagreement, and how a number or a period is written."""

import json
from types import SimpleNamespace

import pandas as pd
import pytest

from notorious.charts import brand_coalitions as coalitions
from notorious.charts import intro as overview
from notorious.charts import lobbying, theme
from notorious.charts import platform_metrics as metrics
from notorious.charts.common import decisions, is_alibaba
from notorious.data import dates
from notorious.data.words import qualified
from notorious.paths import DATA_DIR

REVIEWS = pd.DataFrame(
    {
        "report_id": ["r10", "r11", "r12", "r13", "r15", "r16"],
        "released": pd.to_datetime(
            ["2011-02-28", "2011-12-20", "2012-12-13", "2014-02-12", "2015-12-17", "2016-12-21"]
        ),
        "covers_year": [2010, 2011, 2012, 2013, 2015, 2016],
    }
)


def listings(*statuses):
    return pd.DataFrame(
        {"report_id": REVIEWS["report_id"], "platform": "Taobao", "status": statuses, "source_id": "s"}
    ).dropna()


def test_decisions_are_the_first_listing_the_removal_and_the_return():
    marks = decisions(listings("listed", "listed", "removed", "not_listed", "warned", "listed"), REVIEWS)
    assert marks["label"].tolist() == ["Listed Feb 2011", "Removed Dec 2012", "Re-listed Dec 2016"]


def test_staying_on_the_list_is_not_a_decision():
    marks = decisions(listings("listed", "listed", "listed", "listed", "listed", "listed"), REVIEWS)
    assert marks["label"].tolist() == ["Listed Feb 2011"]


def test_a_report_without_a_release_date_draws_no_decision():
    undated = REVIEWS.assign(released=REVIEWS["released"].where(REVIEWS["report_id"] != "r12"))
    marks = decisions(listings("listed", "listed", "removed", None, None, "listed"), undated)
    assert "Removed" not in " ".join(marks["label"])


def spend(rows):
    frame = pd.DataFrame(rows, columns=["year", "period", "amount_usd"])
    return frame.assign(mid=pd.to_datetime(frame["year"].astype(str) + "-07-01"))


def test_missing_years_are_gaps_never_zero_and_part_years_say_so():
    gaps = lobbying.missing_years(spend([(2011, "year", 100), (2013, "H1", 210), (2016, "year", 5)]))
    assert gaps["year"].tolist() == [2012, 2013, 2014, 2015]
    assert gaps.set_index("year").loc[2013, "what"] == "only a part-year figure found"
    assert gaps.set_index("year").loc[2012, "what"] == "no figure found"


def test_a_lobbying_period_covers_the_months_periods_csv_gives_and_is_named_by_it():
    rows = pd.DataFrame(
        {
            "client": "C",
            "year": [2016, 2017],
            "period": ["year", "H1"],
            "amount_usd": [100, 50],
            "qualifier": "exact",
            "registrant": None,
            "source_id": "s",
        }
    )
    periods = pd.DataFrame(
        {"period": ["year", "H1"], "first_month": [1, 1], "last_month": [12, 6], "label": ["Whole year", "Jan-Jun"]}
    )
    spend = lobbying.client_spend(rows, pd.Series({"s": "P"}), periods, client="C").set_index("period")
    assert spend.loc["H1", "end"] == pd.Timestamp("2017-06-30") and spend.loc["year", "start"] == pd.Timestamp("2016")
    assert spend["period_label"].tolist() == ["Whole year", "Jan-Jun"]


def test_a_year_with_two_different_figures_is_disputed():
    disputed = lobbying.disputed_years(spend([(2020, "year", 3160), (2020, "year", 3100), (2021, "year", 3000)]))
    assert disputed["year"].tolist() == [2020] and disputed["label"].iloc[0] == "2 sources differ"


def test_stances_count_an_event_twice_dated_once_and_leave_alibaba_out():
    events = pd.DataFrame(
        {
            "event_id": ["e1-a", "e1-b", "e2", "e3"],
            "event_key": ["e1", "e1", "e2", "e3"],
            "date": ["2016-04-13", "2016-04-14", "2016-05-13", "2017-08-03"],
            "actor": ["Alibaba; IACC", "Alibaba; IACC", "IACC", "Kering; Alibaba"],
            "event_type": ["joined", "joined", "suspended", "settled"],
            "source_id": "s",
            "quote": "q",
            "quote_en": None,
        }
    )
    table, counted = coalitions.stances(events, SIDES)
    by_party = table.set_index("party")
    assert by_party.loc["IACC", "cooperated"] == 1, "two rows of one event_key are one event"
    assert by_party.loc["IACC", "pressed"] == 1 and by_party.loc["IACC", "group"] == "both"
    assert "Alibaba" not in by_party.index
    assert by_party.loc["Kering", "group"] == "cooperated"


PLATFORMS = pd.DataFrame({"platform": ["Taobao", "Baidu"], "operator": ["Alibaba Group", "Baidu"]})
# The vocabularies the coalitions charts read from data/, hand-written.
SIDES = SimpleNamespace(
    platforms=PLATFORMS,
    event_types=pd.DataFrame(
        {
            "event_type": ["joined", "suspended", "settled", "statement", "petitioned", "withdrew", "ruling", "listed"],
            "stance": ["cooperated", "pressed", "cooperated", "pressed", "pressed", "pressed", "none", None],
        }
    ),
    stance_exceptions=pd.DataFrame({"event_id": ["k2"], "stance": ["cooperated"]}),
    actor_aliases=pd.DataFrame({"name": ["AAFA and 17 other organizations"], "party": ["AAFA"]}),
)


def test_a_platform_alibaba_operates_is_alibaba_not_pressure_on_it():
    """Taobao's own letter against a regulator is Alibaba's step: platforms.csv says Alibaba operates Taobao."""
    events = pd.DataFrame(
        {
            "event_id": ["t1", "t2", "t3"],
            "event_key": ["t1", "t2", "t3"],
            "date": ["2015-01-27", "2015-01-28", "2016-05-13"],
            "actor": ["Taobao", "Taobao (Alibaba)", "Baidu"],
            "event_type": ["statement", "statement", "statement"],
            "source_id": "s",
            "quote": "q",
            "quote_en": None,
        }
    )
    table, _ = coalitions.stances(events, SIDES)
    assert table["party"].tolist() == ["Baidu"]
    rows = coalitions.timeline_rows(events, SIDES)
    assert rows.set_index("event_id").loc[["t1", "t2"], "kind"].eq("alibaba").all()


def test_rows_of_one_event_that_agree_on_the_date_are_one_mark():
    events = pd.DataFrame(
        {
            "event_id": ["x", "y", "z-a", "z-b"],
            "event_key": ["k", "k", "z", "z"],
            "date": ["2016-10", "2016-10-07", "2016-05-04", "2016-05-07"],
            "date_precision": ["month", "day", "day", "day"],
            "actor": ["AAFA and 17 other organizations", "AAFA", "Gucci America", "Gucci America"],
            "event_type": ["statement", "petitioned", "withdrew", "withdrew"],
            "source_id": "s",
            "quote": "q",
            "quote_en": None,
        }
    )
    rows = coalitions.timeline_rows(events, SIDES)
    assert sorted(rows["event_id"]) == ["y", "z-a", "z-b"], "October 2016 and 7 October 2016 agree; 4 and 7 May do not"
    assert rows["conflict"].dropna().tolist() == ["z", "z"]


def test_an_event_type_without_a_stance_is_refused():
    sides = coalitions.Sides.of(SIDES)
    for kind in ("teleported", "listed"):
        with pytest.raises(KeyError, match="has no stance in data/event_types.csv"):
            sides.stance(kind, "e9")


def test_stances_and_names_are_the_vocabularies_of_data():
    """A stance comes from event_types.csv unless stance_exceptions.csv gives the event its own; an actor written
    two ways is one party by actor_aliases.csv; 'none' is no stance, so the step is not counted."""
    events = pd.DataFrame(
        {
            "event_id": ["k1", "k2", "a1", "r1"],
            "event_key": ["k1", "k2", "a1", "r1"],
            "date": ["2014-07-15", "2014-07-30", "2016-10-07", "2017-01-01"],
            "actor": ["Kering", "Kering", "AAFA and 17 other organizations", "US court"],
            "event_type": ["withdrew", "withdrew", "petitioned", "ruling"],
            "source_id": "s",
            "quote": "q",
            "quote_en": None,
        }
    )
    table, counted = coalitions.stances(events, SIDES)
    by_party = table.set_index("party")
    assert by_party.loc["Kering", "group"] == "both", "k2 is an exception: a withdrawal towards Alibaba"
    assert by_party.loc["AAFA", "pressed"] == 1 and "US court" not in by_party.index


def test_measurements_flag_different_values_for_one_period_and_keep_qualifiers():
    rows = pd.DataFrame(
        {
            "metric": ["stores_closed"] * 3,
            "platform": ["Taobao"] * 3,
            "period_start": ["2015-09", "2015-09", "2016"],
            "period_end": ["2016-08", "2016-08", "2016"],
            "value": [180000.0, 150000.0, 240000.0],
            "qualifier": ["about", "exact", "more_than"],
            "unit": ["count"] * 3,
            "source_id": ["a", "b", "c"],
            "quote": "q",
            "quote_en": None,
            "note": None,
        }
    )
    directory = pd.DataFrame({"platform": ["Taobao"], "operator": ["Alibaba Group"]})
    measured = metrics.measurements(rows, ["stores_closed"], directory=directory, labels=LABELS)
    disputed = measured.set_index("value")["disputed"]
    assert disputed[180000.0] and disputed[150000.0] and not disputed[240000.0]
    assert set(measured["shown"]) == {"about 180,000", "150,000", "more than 240,000"}
    assert measured["alibaba"].all()


LABELS = pd.DataFrame(
    {"metric": ["stores_closed", "arrests"], "label": ["Stores shut", "Arrests"], "short": [None, "Held"]}
)


def test_a_metric_is_named_by_metric_labels_and_never_by_its_slug():
    """A measure's label and its chart heading are metric_labels.csv's words; a metric the table does not name is
    refused, not labelled 'Listings vanished' from its slug."""
    rows = pd.DataFrame(
        {
            "metric": ["stores_closed", "arrests", "listings_vanished"],
            "platform": "Taobao",
            "period_start": "2016",
            "period_end": "2016",
            "value": [1.0, 2.0, 3.0],
            "qualifier": "exact",
            "unit": "count",
            "source_id": "s",
            "quote": "q",
            "quote_en": None,
            "note": None,
        }
    )
    directory = pd.DataFrame({"platform": ["Taobao"], "operator": ["Alibaba Group"]})
    named = metrics.measurements(rows, ["stores_closed", "arrests"], directory=directory, labels=LABELS)
    assert named["label"].tolist() == ["Stores shut", "Arrests"]
    assert metrics.metric_words(LABELS, "short") == {"stores_closed": "Stores shut", "arrests": "Held"}
    with pytest.raises(KeyError, match="listings_vanished"):
        metrics.measurements(rows, ["listings_vanished"], directory=directory, labels=LABELS)


def test_growth_series_and_what_each_count_counts_are_columns_not_notes():
    """The alliance-growth chart draws the metrics metric_labels.csv gives a series, under that series, and says what
    each count counts from metrics.counted: a note is prose and is never parsed."""
    rows = pd.DataFrame(
        {
            "metric": ["alliance_members", "alliance_members", "arrests"],
            "platform": "AACA",
            "period_start": None,
            "period_end": ["2017-01-16", "2019", "2019"],
            "value": [20.0, 155.0, 9.0],
            "qualifier": "exact",
            "unit": "count",
            "counted": ["members", None, None],
            "source_id": "s",
            "quote": "q",
            "quote_en": None,
            "note": ["counted: brands; launch", None, None],
        }
    )
    labels = pd.DataFrame(
        {"metric": ["alliance_members", "arrests"], "label": ["Members", "Arrests"], "series": ["AACA", None]}
    )
    growth = coalitions.growth_rows(rows, labels)
    assert growth["series"].tolist() == ["AACA", "AACA"], "arrests have no series, so they are not drawn"
    assert growth["counted"].tolist() == ["members", "not stated"]


@pytest.mark.parametrize(
    ("readings", "agree"),
    [
        ([(4495, "exact"), (4500, "nearly")], True),
        ([(1419, "exact"), (1400, "more_than")], True),
        ([(37.25, "exact"), (37, "exact")], True),
        ([(380e6, "more_than"), (380e6, "exact")], True),
        ([(90, "exact"), (85.7, "exact")], False),
        ([(20, "exact"), (30, "exact")], False),
        ([(90e6, "exact"), (6e6, "exact")], False),
        ([(40, "less_than"), (41, "exact")], False),
    ],
)
def test_readings_disagree_only_when_no_number_fits_them_all(readings, agree):
    """A value stands for the range its printed digits and its qualifier allow; Figure 4.4 flagged 4,495 against
    'nearly 4,500' and 1,419 against 'more than 1,400' as disputes."""
    assert metrics.readings_agree(readings) is agree


def test_a_platform_missing_from_the_directory_is_refused():
    directory = pd.DataFrame({"platform": ["Taobao"], "operator": ["Alibaba Group"]})
    with pytest.raises(KeyError, match="not in data/platforms.csv"):
        is_alibaba(pd.Series(["Nowhere Mall"]), directory)


def test_only_alibaba_group_platforms_are_alibaba_s():
    directory = pd.DataFrame({"platform": ["Taobao", "AAFA", "JD.com"], "operator": ["Alibaba Group", "AAFA", None]})
    assert is_alibaba(pd.Series(["Taobao", "AAFA", "JD.com"]), directory).tolist() == [True, False, False]


def test_periods_and_values_read_as_a_reader_says_them():
    assert metrics.period_label("2015-09", "2016-08") == "Sep 2015 to Aug 2016"
    assert metrics.period_label("2016", "2016") == "2016"
    assert metrics.period_label(None, "2017-03") == "to Mar 2017 (start not stated)"
    assert metrics.value_text(37.25, "percent") == "37.25%"
    assert metrics.value_text(1.43e9, "cny", "about") == "about 1,430,000,000 yuan"
    assert qualified("more_than", "380 million") == "more than 380 million"


def test_a_month_only_date_is_never_written_with_a_day():
    assert dates.when("2016-12") == "December 2016"
    assert dates.when("2016-12-21") == "21 December 2016"
    assert dates.when("2016-12-21", "month") == "December 2016"
    assert dates.phrase("2015") == "in 2015" and dates.phrase("2016-12-21") == "on 21 December 2016"
    with pytest.raises(ValueError, match="known only to the month"):
        dates.when("2016-12", "day")
    assert dates.span("2016-02") == (pd.Timestamp("2016-02-01"), pd.Timestamp("2016-03-01"))


def test_every_verdict_has_a_reader_label_and_its_own_colour_and_the_chart_pairs_them():
    schema = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    claims = next(r for r in schema["resources"] if r["name"] == "claims")
    verdicts = next(f for f in claims["schema"]["fields"] if f["name"] == "verdict")["constraints"]["enum"]
    assert list(theme.VERDICT_LABELS) == list(theme.VERDICT_COLOURS) and set(verdicts) == set(theme.VERDICT_LABELS)
    counts = overview.verdict_counts(pd.DataFrame({"verdict": ["contradicted", "confirmed", "contradicted"]}))
    assert counts.set_index("label")["claims"].to_dict() == {
        "Confirmed": 1,
        "Partly confirmed": 0,
        "Unverified": 0,
        "Contradicted": 2,
    }
    scale = overview.verdict_chart(counts).to_dict()["encoding"]["color"]["scale"]
    drawn = dict(zip(scale["domain"], scale["range"], strict=True))
    assert drawn["Contradicted"] == theme.VERDICT_COLOURS["contradicted"]
    assert drawn["Confirmed"] == theme.VERDICT_COLOURS["confirmed"]
