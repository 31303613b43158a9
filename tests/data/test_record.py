"""The primary record: every number is in its source's own words, and no fact is recorded twice.

A quote proves a row only if it states the row's number. The test accepts the forms sources write numbers in
("461,000", "$461k", "380 million", "1.43 billion yuan", "37.25%", "4.3亿"); rows whose quote states the
number some other way are listed, each with its reason, in tests/number_exceptions.csv.
"""

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from notorious import load
from notorious.paths import ROOT

EXCEPTIONS = ROOT / "tests" / "number_exceptions.csv"
WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    100: "hundred",
}
SCALES = [(1e12, ("trillion",)), (1e9, ("billion", "bn", "b")), (1e6, ("million", "mn", "m")), (1e3, ("thousand", "k"))]


def decimals(number: float) -> list[str]:
    """A number as sources print it: 3.1, 3.10, 461, 461.0."""
    forms = {f"{number:.{places}f}".rstrip("0").rstrip(".") for places in range(0, 6)}
    forms |= {f"{number:.{places}f}" for places in range(0, 3)}
    return sorted((f for f in forms if f and abs(float(f) - number) < 1e-9), key=len, reverse=True)


def number_patterns(value: float) -> list[re.Pattern]:
    """Regular expressions that match ``value`` written in any of the ways the sources write numbers."""
    value = abs(float(value))
    unscaled = r"(?!\d|\.\d|\s*(?:billion|million|thousand|bn\b|mn\b|k\b|亿|万))"
    patterns = [re.compile(rf"(?<![\d.]){re.escape(form)}{unscaled}", re.I) for form in decimals(value)]
    for scale, words in SCALES:
        scaled = value / scale
        if scaled >= 0.1 and abs(round(scaled, 3) - scaled) < 1e-9:
            for form in decimals(scaled):
                for word in words:
                    gap = r"[\s-]*" if len(word) <= 2 else r"[\s-]+"
                    patterns.append(re.compile(rf"(?<![\d.]){re.escape(form)}{gap}{re.escape(word)}", re.I))
    if value.is_integer() and int(value) in WORDS:
        patterns.append(re.compile(rf"\b{WORDS[int(value)]}\b", re.I))
    return patterns


CJK = {"兆": 10**12, "億": 10**8, "亿": 10**8, "万": 10**4}


def _cjk(match: re.Match) -> str:
    """'3兆920億' -> '3092000000000': Chinese and Japanese numbers written with myriad units."""
    total, rest = 0.0, match.group(0)
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)([兆億亿万])", rest):
        total += float(number) * CJK[unit]
    return f"{total:.0f}"


def normalise(quote: str) -> str:
    """One spelling per number: thousands separators out ("461,000" -> "461000"), myriad units expanded,
    number words before a scale as digits ("two billion" -> "2 billion")."""
    # "461,000" and "461 000"; "18, 000" only before zeros, so "By 2018, 121 brands" keeps its comma.
    text = re.sub(r"(?<=\d)(?:[,\s]|, (?=000\b))(?=\d{3}\b)", "", quote)
    text = re.sub(r"(?:\d+(?:\.\d+)?[兆億亿万])+", _cjk, text)
    words = {word: str(n) for n, word in WORDS.items() if n < 20}
    return re.sub(
        rf"\b({'|'.join(words)})(?=\s+(?:billion|million|thousand)\b)",
        lambda m: words[m.group(1).lower()],
        text,
        flags=re.I,
    )


def states(quote: str, value: float) -> bool:
    text = normalise(quote)
    return any(p.search(text) for p in number_patterns(value))


def exceptions() -> dict[tuple[str, str], str]:
    with EXCEPTIONS.open(encoding="utf-8", newline="") as f:
        return {(row["table"], row["key"]): row["reason"] for row in csv.DictReader(f)}


NUMERIC = {
    "metrics": ["value"],
    "lobbying": ["amount_usd"],
    "review_sizes": ["online_markets", "physical_markets"],
}


def numeric_rows():
    dataset = load()
    for table, columns in NUMERIC.items():
        frame = dataset[table]
        key = next(r for r in dataset.schema["resources"] if r["name"] == table)["schema"]["primaryKey"]
        for _, row in frame.iterrows():
            for column in columns:
                if pd.notna(row[column]) and pd.notna(row["quote"]):
                    ident = "|".join("" if pd.isna(row[k]) else str(row[k]) for k in key)
                    yield table, ident, column, float(row[column]), str(row["quote"])


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("spending $461,000 in 2012", 461000),
        ("it spent $461k", 461000),
        ("more than 380 million listings", 380e6),
        ("goods worth 1.43 billion yuan", 1.43e9),
        ("only 37.25% were genuine", 37.25),
        ("涉案金额4.3亿元", 4.3e8),
        ("a total of $3.16 million", 3160000),
        ("Three publications", 3),
        ("GMVは3兆920億元", 3.092e12),
        ("scanned nearly two billion products", 2e9),
        ("RMB3 trillion in annual GMV", 3e12),
        ("It spent double that, $3.6-million, on lobbying", 3.6e6),
        ("more than 18, 000 brands", 18000),
        ("only 0.0116 percent", 0.0116),
        ("By the end of 2018, 121 brands", 121),
    ],
)
def test_number_forms_are_recognised(quote, value):
    assert states(quote, value)


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("spending $461,000 in 2012", 46100),
        ("more than 380 million listings", 38e6),
        ("only 37.25% genuine", 37.2),
        ("in 2016 it removed", 16),
        ("$3.16 million", 3.16),
    ],
)
def test_other_numbers_are_not_mistaken_for_the_value(quote, value):
    assert not states(quote, value)


def test_every_numeric_row_quotes_its_number():
    allowed = exceptions()
    missing = [
        f"{table} [{ident}] {column}={value:g}: {quote[:90]!r}"
        for table, ident, column, value, quote in numeric_rows()
        if not states(quote, value) and (table, ident) not in allowed
    ]
    assert not missing, f"{len(missing)} rows whose quote does not state their number:\n" + "\n".join(missing)


def test_every_exception_is_still_needed():
    """An exception whose row now quotes its number, or no longer exists, is removed from the list."""
    stale = set(exceptions())
    for table, ident, _column, value, quote in numeric_rows():
        if (table, ident) in stale and not states(quote, value):
            stale.discard((table, ident))
    assert not stale, f"tests/number_exceptions.csv lists rows that need no exception: {sorted(stale)}"


def test_no_event_is_recorded_twice():
    """One event is one row: two strands recording the same actor's act on the same day, from the same source,
    are a duplicate. (Two sources dating one event differently are a pair named -a and -b, kept on purpose.)"""
    events = load().events
    key = ["date", "actor", "event_type", "source_id"]
    same = events[events.duplicated(subset=key, keep=False)]
    twice = same.groupby(key).filter(lambda group: group["chapter"].nunique() > 1)
    assert twice.empty, "events recorded twice:\n" + twice[["event_id", *key, "chapter"]].to_string()


def disagreements_section() -> str:
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    return readme.split("## Where sources disagree", 1)[1].split("\n## ", 1)[0]


def test_no_silent_disagreement_between_measures():
    """Different values for one measure (metric, platform, period, unit) are written up in data/README.md's
    'Where sources disagree', which names every source of the disagreement."""
    metrics = load().metrics
    key = ["metric", "platform", "period_start", "period_end", "unit"]
    filled = metrics.assign(**{k: metrics[k].fillna("") for k in key})
    disputed = filled[filled.groupby(key)["value"].transform("nunique") > 1]
    section = disagreements_section()
    silent = disputed[[f"`{sid}`" not in section for sid in disputed["source_id"]]]
    assert silent.empty, (
        "measures with different values whose sources data/README.md does not name under "
        "'Where sources disagree':\n" + silent[key + ["value", "source_id"]].to_string()
    )


def test_every_charted_list_size_is_a_reading_its_source_states():
    """reviews.csv keeps the count the book charts; it must be one source's reading in review_sizes.csv, whose quote
    states it (test_every_numeric_row_quotes_its_number), never a count carried without its sentence."""
    dataset = load()
    readings = dataset.review_sizes
    unstated = []
    for row in dataset.reviews.itertuples():
        for column in ("online_markets", "physical_markets"):
            value = getattr(row, column)
            if pd.isna(value):
                continue
            theirs = readings.loc[readings["report_id"].eq(row.report_id), column]
            if value not in set(theirs.dropna()):
                unstated.append(f"reviews.csv {row.report_id} {column}={value}: no review_sizes.csv row states it")
    assert not unstated, "\n".join(unstated)


def test_no_silent_disagreement_between_list_sizes():
    """Sources that count one review's markets differently are written up in data/README.md, naming each source."""
    sizes = load().review_sizes
    section = disagreements_section()
    silent = []
    for column in ("online_markets", "physical_markets"):
        known = sizes.dropna(subset=[column])
        split = known[known.groupby("report_id")[column].transform("nunique") > 1]
        silent += [
            f"{r.report_id} {column}: {r.source_id}" for r in split.itertuples() if f"`{r.source_id}`" not in section
        ]
    heading = "list sizes that differ between sources, not named under 'Where sources disagree':"
    assert not silent, heading + "\n" + "\n".join(silent)


def test_exceptions_file_names_real_tables():
    for table, _key in exceptions():
        assert table in NUMERIC, f"tests/number_exceptions.csv: unknown table {table!r}"
    assert Path(EXCEPTIONS).read_text(encoding="utf-8").startswith("table,key,reason")
