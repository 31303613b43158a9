"""The house style (notorious/publish/style.py): money, counts of years and dates written one way."""

from __future__ import annotations

import pandas as pd
import pytest

from notorious.publish import style


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        (461_000, "US$461,000"),
        (100_000.0, "US$100,000"),
        (3_160_000, "US$3.16 million"),
        (2_000_000, "US$2 million"),
        (1_234_567, "US$1,234,567"),  # not exact at two decimals: in full, never rounded
        (12.5, "US$12.50"),
    ],
)
def test_money_is_written_one_way_and_never_rounded(amount, written):
    assert style.money(amount) == written


@pytest.mark.parametrize("amount", [None, float("nan"), -5, True])
def test_money_refuses_what_is_not_an_amount(amount):
    with pytest.raises(ValueError):
        style.money(amount)


def test_years_and_dates():
    assert (style.years(1), style.years(4)) == ("1 year", "4 years")
    assert style.date("2026-12-04") == "4 December 2026"
    assert style.date("2016-12") == "December 2016"
    assert style.month("2016-12-21") == "December 2016"
    with pytest.raises(ValueError):
        style.date("2016-12", "day")  # never more precise than known


@pytest.mark.parametrize(
    ("note", "restyled"),
    [
        ("released 2022-02-17", "released 17 February 2022"),
        ("2014-08", "August 2014"),
        ("see politico-2020-08-25-influence", "see politico-2020-08-25-influence"),
        ("CNBC (Sept 2014), Fortune (19 Oct 2015)", "CNBC (September 2014), Fortune (19 October 2015)"),
        ("test purchases Aug-Oct 2014", "test purchases August-October 2014"),
        ("Reuters' Dec 21 dateline", "Reuters' 21 December dateline"),
        ("on October 7, 2016", "on 7 October 2016"),
        ("(~$205m) and $461k", "(~US$205 million) and US$461,000"),
        ("$100,000 and US$ 461,000", "US$100,000 and US$461,000"),
        ('it said "Sept 2014, $5k" then', 'it said "Sept 2014, $5k" then'),  # a source's words stay
        ("May 2016, in 2017-18", "May 2016, in 2017-18"),
    ],
)
def test_restyle_rewrites_a_note_exactly(note, restyled):
    assert style.restyle(note) == restyled
    outside_quotes = style.restyle(note).split('"')[0::2]
    assert not any(style.breaches(part) for part in outside_quotes)


def test_breaches_name_each_rule():
    found = {rule for rule, _, _ in style.breaches("2016-12-21, Sept 2014, $4k, $5, US$ 6, December 21")}
    assert found == {"ISO date", "abbreviated month", "$Nk or $Nm", "bare $", "US$ and a space", "month before the day"}
    assert style.breaches("US$461,000 on 21 December 2016, in May 2016, 4 years") == []


def test_a_frame_keeps_quotes_titles_and_ids_verbatim():
    frame = pd.DataFrame(
        {"date": ["2016-12-21"], "note": ["from $461k"], "quote": ["$461k on Dec 21"], "source_id": ["x-2016-12-21"]}
    )
    shown = style.restyle_frame(frame)
    assert shown.iloc[0].tolist() == ["21 December 2016", "from US$461,000", "$461k on Dec 21", "x-2016-12-21"]
