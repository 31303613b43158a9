"""Partial dates (notorious/data/dates.py). Each rule test was seen failing with its rule broken."""

import datetime as dt

import pandas as pd
import pytest

from notorious.data import dates


def test_rule_a_timestamp_from_a_partial_date_is_not_day_precision():
    """The loophole: dates.when(pd.Timestamp("2016-10")) wrote "1 October 2016". A partial date is written to its
    own precision from its text; a Timestamp, which has forgotten it, is refused unless the precision is stated."""
    assert [dates.when(v) for v in ("2016", "2016-10", "2016-10-01")] == ["2016", "October 2016", "1 October 2016"]
    assert dates.phrase("2016-10") == "in October 2016"
    for partial in ("2016", "2016-10"):
        with pytest.raises(TypeError, match="pass the partial date itself"):
            dates.when(pd.Timestamp(partial))
        with pytest.raises(TypeError, match="pass the partial date itself"):
            dates.when(pd.Timestamp(partial), "month")  # "January 2016" for a year would be invented too
        with pytest.raises(TypeError):
            dates.phrase(pd.Timestamp(partial))
        with pytest.raises(ValueError, match="counting days from it would invent one"):
            dates.day(partial)
    with pytest.raises(TypeError):
        dates.day(pd.Timestamp("2016-10"))
    # A column typed date is known to the day, and says so; a stated precision never claims more than the text.
    assert dates.when(pd.Timestamp("2016-12-21"), precision="day") == "21 December 2016"
    assert dates.when(pd.Timestamp("2016-12-21"), "month", precision="day") == "December 2016"
    assert dates.phrase(pd.Timestamp("2016-12-21"), precision="day") == "on 21 December 2016"
    with pytest.raises(ValueError, match="known to the month, not to the day"):
        dates.when("2016-10", precision="day")
    assert dates.when(dt.date(2016, 12, 21)) == "21 December 2016"  # a date is a day (the edition's date)
    assert (dates.day("2016-05-13") - dates.day("2016-04-13")).days == 30
