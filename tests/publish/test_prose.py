"""The look-ups prose is glued from (notorious/publish/prose.py). Each rule test was seen failing with its rule
broken."""

import pandas as pd
import pytest

from notorious import one


def test_rule_one_refuses_several_matches():
    """one() is 'the' value: two rows that match are refused, even when they give the same value (agreeing rows
    are agreed()'s business, which says so), and the message counts them."""
    rows = pd.DataFrame({"metric": ["m", "m", "n"], "value": [380, 380, 5], "source_id": ["a", "b", "c"]})
    assert one(rows, "value", metric="n") == 5
    with pytest.raises(LookupError, match=r"expected one row with metric='m', found 2.*tells them apart"):
        one(rows, "value", metric="m")
    with pytest.raises(LookupError, match="found 3"):
        one(rows.assign(metric="m"), "value", metric="m")
