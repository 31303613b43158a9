"""What the book says, held to the data: gaps are stated only with their search record, words that claim ("the only",
"the lowest", "every", "in all") are computed or reviewed, and the README's Gaps section is the gaps table.

The data tests check the form of every row; these check sentences. Each was seen failing on 1.1.0's prose.
"""

from __future__ import annotations

import csv
import re

import pytest
from prose import PAGES, occurrences

from notorious import load
from notorious.charts.lobbying import missing_years
from notorious.data import gaps
from notorious.paths import DATA_DIR, ROOT

ROLES = ("gap", "src", "term", "doc", "ref", "glue:text", "edition")
CLAIM_WORDS = re.compile(
    r"\b(the only|only|the lowest|lowest|the highest|highest|the largest|the first|the earliest|every|all|none"
    r"|no other|in all|never|always)\b",
    re.I,
)
REVIEWED = ROOT / "tests" / "claim_words.csv"


def test_a_gap_is_stated_only_with_its_search_record():
    """'No source gives', 'we found no', 'is not known' ... appear in the prose only inside the {gap} role, which
    links the sentence to its row of gaps.csv and so to what was searched, where and when."""
    bare = occurrences(gaps.GAP_WORDS, blank_roles=("gap",))
    assert not bare, "gap sentences without {gap}:\n" + "\n".join(f"{p}:{n}: {w}" for p, n, w in bare)


# The README ("What the book says, checked": "Gaps are data") names these as the words that state a gap.
README_GAP_WORDS = ("no source gives", "we found no", "not found", "is not known", "appears in no source")


@pytest.mark.parametrize("words", README_GAP_WORDS)
def test_rule_the_words_the_readme_says_state_a_gap_are_caught_outside_the_gap_role(words):
    """Each phrase the README says states a gap is one the prose check catches, so it cannot stand in a chapter
    without {gap} and its search record: in a sentence, and not once inside the role."""
    sentence = f"For 2013, {words} an outcome of the suit."
    assert gaps.GAP_WORDS.search(sentence), f"{words!r} would pass the check outside the {{gap}} role"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f'"{w}"' in readme for w in ("no source gives", "we found no", "not found")), "the README changed"


def test_every_gap_role_names_a_gap():
    known = {row["gap_id"] for row in gaps.read()}
    named = set()
    for page in PAGES:
        named |= {
            m.group(2) or m.group(1)
            for m in re.finditer(r"\{gap\}`(?:[^`<]*<([a-z0-9-]+)>|([a-z0-9-]+))`", (ROOT / page).read_text())
        }
    assert named, "the pages state no gap at all"
    assert named <= known, f"unknown gap ids: {sorted(named - known)}"


def test_the_readme_gaps_section_is_the_gaps_table():
    """data/README.md's Gaps section is written from gaps.csv (python -m notorious.data.gaps); an edit to one without
    the other fails here."""
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert gaps.with_section(readme, gaps.read()) == readme, "run: python -m notorious.data.gaps"


def test_the_readme_tables_section_is_the_schema():
    """data/README.md's "Tables and columns" is written from datapackage.json (python -m notorious.data.readme)."""
    from notorious.data import readme

    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    schema = load().schema
    assert readme.with_tables(text, schema) == text, "run: python -m notorious.data.readme"


def test_the_lobbying_gap_names_every_year_without_a_figure():
    """The gap the chapters cite for Alibaba's missing years names each year lobbying.csv has no full-year total for."""
    ds = load()
    spend = ds.lobbying[ds.lobbying["client"].eq("Alibaba Group") & ds.lobbying["registrant"].isna()]
    missing = missing_years(spend[spend["period"].eq("year")])
    statement = {row["gap_id"]: row for row in gaps.read()}["lobbying-annual-totals"]["statement"]
    for year in missing["year"]:
        assert str(int(year)) in statement, f"{year} has no full-year figure but the gap does not name it"


def test_the_reviews_without_ustrs_words_are_the_gaps_reviews():
    """The listing chapter lists the reviews with no passage of USTR's; the gap it cites names each of them."""
    ds = load()
    standalone = ds.reviews[ds.reviews["report_type"].eq("out_of_cycle_review")]
    silent = standalone[~standalone["report_id"].isin(ds.review_passages["report_id"])]
    statement = {row["gap_id"]: row for row in gaps.read()}["ustr-words-by-review"]["statement"]
    for year in silent["covers_year"]:
        assert str(int(year)) in statement, f"the {year} review has no passage but the gap does not name it"


def _reviewed() -> dict[tuple[str, str], str]:
    with REVIEWED.open(encoding="utf-8", newline="") as f:
        return {(row["page"], row["words"]): row["why"] for row in csv.DictReader(f)}


def _claim_occurrences() -> list[tuple[str, str]]:
    """(page, the few words around each claim word) for the prose, roles blanked: the key a reviewer signs off."""
    found = []
    for page, _line, around in occurrences(CLAIM_WORDS, blank_roles=ROLES):
        found.append((page, around))
    return found


def test_words_that_claim_are_computed_or_reviewed():
    """'The only', 'the lowest', 'every', 'all', 'none', 'N in all' are claims about the data. Each occurrence is in
    tests/claim_words.csv with the look-up (nt.only, nt.lowest, a count) or the rule or source that backs it; a new
    one fails until someone has checked it, and so does a sentence edited around one."""
    reviewed = _reviewed()
    new = [f"{page}: …{words}…" for page, words in _claim_occurrences() if (page, words) not in reviewed]
    assert not new, f"{len(new)} claim words not reviewed in tests/claim_words.csv:\n" + "\n".join(new)


def test_every_reviewed_claim_word_is_still_in_the_prose():
    present = set(_claim_occurrences())
    stale = sorted(set(_reviewed()) - present)
    assert not stale, f"tests/claim_words.csv lists sentences that are gone: {stale[:5]}"


def test_every_review_says_why():
    empty = [key for key, why in _reviewed().items() if not why.strip()]
    assert not empty, f"claim words reviewed without a reason: {empty[:5]}"


@pytest.mark.parametrize("word", ["the lowest", "the only"])
def test_the_look_ups_behind_the_lowest_and_the_only_fail_when_the_data_stop_supporting_them(word):
    import pandas as pd

    from notorious import lowest, only

    if word == "the lowest":
        tie = pd.DataFrame({"platform": ["A", "B"], "value": [1.0, 1.0]})
        with pytest.raises(LookupError, match="shared by 2 rows"):
            lowest(tie, "value")
        assert lowest(pd.DataFrame({"platform": ["A", "B"], "value": [2.0, 1.0]}), "value")["platform"] == "B"
    else:
        with pytest.raises(LookupError, match="expects exactly one"):
            only(["Taobao", "Baidu"], "platform removed and listed again")
        assert only(["Taobao", "Taobao"], "platform") == "Taobao"
