"""The dataset is valid, and every rule of the data contract refuses bad data with a precise message.

Each test corrupts a copy of data/ in a temporary folder; the originals are never touched.
"""

import csv
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from notorious import DataError, load
from notorious.data.dataset import further_sources, in_strand
from notorious.paths import DATA_DIR, ROOT


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def dataset():
    return load()


@pytest.fixture
def copy(tmp_path):
    """A throwaway copy of data/, checked afterwards to prove the original was not modified."""
    before = digest(DATA_DIR)
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    yield target
    assert digest(DATA_DIR) == before, "a test modified the real data/"


def rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def write(path: Path, table: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Set one cell, addressed as a reader would: file line (header is line 1) and column name."""
    table = rows(path)
    table[line - 1][table[0].index(column)] = value
    write(path, table)


def refused(folder: Path) -> str:
    with pytest.raises(DataError) as caught:
        load(folder)
    return str(caught.value)


def test_real_data_passes(dataset):
    """Every table loads whole: the schema's columns in order, one frame row per CSV row."""
    assert len(dataset) == len(dataset.schema["resources"])
    for resource in dataset.schema["resources"]:
        frame = dataset[resource["name"]]
        assert frame.attrs["path"] == f"data/{resource['path']}"
        assert list(frame.columns) == [f["name"] for f in resource["schema"]["fields"]]
        with (DATA_DIR / resource["path"]).open(encoding="utf-8", newline="") as fh:
            assert len(frame) == len(list(csv.DictReader(fh))), resource["name"]


def test_every_fact_table_is_non_empty(dataset):
    for name in ["reviews", "listings", "lobbying", "events", "metrics", "claims", "lawsuits", "lobbying_hires"]:
        assert len(dataset[name]) > 0, f"data/{name}.csv has no rows"


def test_frames_are_typed(dataset):
    assert str(dataset.lobbying["amount_usd"].dtype) == "Int64"
    assert str(dataset.metrics["value"].dtype) == "Float64"
    assert pd.api.types.is_datetime64_any_dtype(dataset.reviews["released"])


def test_unknown_gaps_stay_missing_not_zero(dataset):
    # online/physical sizes that no source states are empty cells, which must load as missing.
    sizes = dataset.reviews[["online_markets", "physical_markets"]]
    assert sizes.isna().any().any() or (sizes > 0).all().all()


def test_wrong_type_is_refused(copy):
    set_cell(copy / "lobbying.csv", 2, "amount_usd", "461k")
    assert "data/lobbying.csv, line 2, column 'amount_usd': '461k' is not a whole number" in refused(copy)


def test_unknown_status_is_refused(copy):
    set_cell(copy / "listings.csv", 3, "status", "relisted")
    message = refused(copy)
    assert "data/listings.csv, line 3, column 'status': 'relisted' is not one of: listed, named, removed" in message


def test_dangling_source_is_refused(copy):
    set_cell(copy / "events.csv", 2, "source_id", "no-such-source")
    assert (
        "data/events.csv, line 2, column 'source_id': 'no-such-source' is not a source_id in data/sources.csv"
        in refused(copy)
    )


def test_dangling_report_is_refused(copy):
    set_cell(copy / "listings.csv", 2, "report_id", "ocr-1999")
    assert "column 'report_id': 'ocr-1999' is not a report_id in data/reviews.csv" in refused(copy)


def test_dangling_further_source_is_refused(copy):
    set_cell(copy / "claims.csv", 2, "finding", "Confirmed (also: ghost-2016).")
    assert (
        "data/claims.csv, line 2, column 'finding': cites (also: ghost-2016), not a source_id in data/sources.csv"
        in refused(copy)
    )


@pytest.mark.parametrize(
    ("table", "column"), [("events.csv", "summary"), ("claims.csv", "finding"), ("metrics.csv", "note")]
)
def test_rule_an_also_citation_is_checked_in_every_free_text_column_that_cites(copy, table, column):
    """``(also: a, b)`` in an event's summary, a claim's finding or a note names further sources; an unknown id
    there is refused like a dangling source_id, with its file, line and column."""
    set_cell(copy / table, 3, column, "As reported (also: reuters-2016-12-21-ghost, ghost-2016).")
    message = refused(copy)
    for sid in ("reuters-2016-12-21-ghost", "ghost-2016"):
        assert f"data/{table}, line 3, column '{column}': cites (also: {sid}), not a source_id in data/sources.csv" in (
            message
        )


def test_duplicate_key_is_refused(copy):
    table = rows(copy / "events.csv")
    table.append(list(table[1]))
    write(copy / "events.csv", table)
    message = refused(copy)
    assert (
        f"data/events.csv, line {len(table)}, column 'event_id': duplicate key (event_id='{table[1][0]}'); "
        "first used on line 2" in message
    )


def test_negative_amount_is_refused(copy):
    set_cell(copy / "lobbying.csv", 2, "amount_usd", "-5")
    assert "data/lobbying.csv, line 2, column 'amount_usd': -5 is below the minimum 0" in refused(copy)


def test_missing_required_value_is_refused(copy):
    set_cell(copy / "metrics.csv", 4, "unit", "")
    assert "data/metrics.csv, line 4, column 'unit': a value is required" in refused(copy)


def test_missing_source_is_refused(copy):
    set_cell(copy / "listings.csv", 2, "source_id", "")
    assert "data/listings.csv, line 2, column 'source_id': a value is required" in refused(copy)


@pytest.mark.parametrize("bad", ["2016-13-01", "2016-02-30", "21 Dec 2016", "2016/12/21"])
def test_malformed_date_is_refused(copy, bad):
    set_cell(copy / "events.csv", 2, "date", bad)
    message = refused(copy)
    assert f"data/events.csv, line 2, column 'date': '{bad}' is not" in message


def test_malformed_full_date_is_refused(copy):
    set_cell(copy / "reviews.csv", 2, "released", "2016-12")
    assert "data/reviews.csv, line 2, column 'released': '2016-12' is not a date (expected YYYY-MM-DD)" in refused(copy)


def test_precision_must_match_date(copy):
    set_cell(copy / "events.csv", 2, "date", "2016")
    set_cell(copy / "events.csv", 2, "date_precision", "day")
    assert "data/events.csv, line 2, column 'date_precision': 'day' does not match the date '2016'" in refused(copy)


def test_stray_extra_column_is_refused(copy):
    table = rows(copy / "metrics.csv")
    write(copy / "metrics.csv", [r + ["x"] for r in table[:1]] + [r + [""] for r in table[1:]])
    assert "data/metrics.csv, line 1, column 'x': unexpected column" in refused(copy)


def test_missing_column_is_refused(copy):
    table = rows(copy / "claims.csv")
    write(copy / "claims.csv", [r[:-1] for r in table])
    assert "data/claims.csv, line 1, column 'chapter': missing column" in refused(copy)


def test_row_with_extra_field_is_refused(copy):
    path = copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8") + "a,b,c,2016,u,,,news,2026-11-28,n,EXTRA\n", encoding="utf-8")
    line = len(rows(path))
    assert f"data/sources.csv, line {line}, column 'note': expected 10 fields, found 11: 1 more after" in refused(copy)


def edit_line(path: Path, line: int, edit) -> None:
    """Change one line of a file as text (a malformed row cannot be written with the csv module)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = edit(lines[line - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # csv reads on from an unclosed quote to the next quote in the file and reports the line it got to.
        (
            lambda text: text.replace(",", ',"', 1),
            "line 4, column 'claim': malformed CSV: the quote that opens this field never closes",
        ),
        (
            lambda text: text.replace(",", ',"x"y', 1),
            "line 4, column 'claim': malformed CSV: text after the quote that closes this field",
        ),
        (lambda text: text.rsplit(",", 2)[0], "line 4, column 'source_id': expected 6 fields, found 4: the row ends"),
        (lambda text: text + ",,", "line 4, column 'chapter': expected 6 fields, found 8: 2 more after this"),
    ],
    ids=["unclosed-quote", "text-after-quote", "too-few-fields", "too-many-fields"],
)
def test_rule_a_malformed_csv_error_keeps_its_line(copy, edit, expected):
    """A malformed row is reported at the file, line and column where it goes wrong, not where csv gave up."""
    path = copy / "claims.csv"
    assert '"' not in path.read_text(encoding="utf-8").split("\n")[3], "line 4 must hold no quote for this test"
    edit_line(path, 4, edit)
    assert f"data/claims.csv, {expected}" in refused(copy)


def test_empty_file_is_refused(copy):
    (copy / "lawsuits.csv").write_text("", encoding="utf-8")
    assert "data/lawsuits.csv, line 1: the file is empty; expected a header row: case_id," in refused(copy)


def test_missing_file_is_refused(copy):
    (copy / "corrections.csv").unlink()
    assert "data/corrections.csv: the file is missing" in refused(copy)


def test_every_problem_is_reported_at_once(copy):
    set_cell(copy / "lobbying.csv", 2, "amount_usd", "-1")
    set_cell(copy / "listings.csv", 2, "status", "gone")
    message = refused(copy)
    assert "2 problems" in message and "lobbying.csv" in message and "listings.csv" in message


def test_frictionless_agrees_the_package_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(DATA_DIR / "datapackage.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report, indent=1)[:3000]


def test_every_source_has_a_reachable_locator(dataset):
    """A source has its own address or the address of the copy we read; a copy says what kind it is."""
    for row in dataset.sources.itertuples():
        where = row.url if pd.notna(row.url) else row.copy_url
        assert pd.notna(where), f"source {row.source_id}: neither url nor copy_url"
        paired = pd.notna(row.copy_url) == pd.notna(row.copy_kind)
        assert paired, f"source {row.source_id}: copy_url and copy_kind go together"
        if row.kind == "seed":
            assert (ROOT / where).is_file(), f"seed source {row.source_id}: {where} is not in the repository"
        else:
            assert where.startswith(("https://", "http://")), f"source {row.source_id}: url {where!r}"


def test_every_source_is_used(dataset):
    """Each source backs a row, is cited as a further source or in the prose, or documents a gap in data/README.md."""
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    used = set(dataset.sources.loc[dataset.sources["kind"] == "seed", "source_id"])
    used |= {sid for sid in dataset.sources["source_id"] if f"`{sid}`" in readme}
    for name, frame in dataset.items():
        if name != "sources" and "source_id" in frame.columns:
            used |= set(frame["source_id"].dropna())
        for column in {"note", "finding", "summary"} & set(frame.columns):
            used |= {sid for text in frame[column].dropna() for sid in further_sources(text)}
    prose = "".join(path.read_text(encoding="utf-8") for path in [ROOT / "intro.md", *ROOT.glob("chapters/*.md")])
    used |= set(re.findall(r"\{src\}`([^`]+)`", prose))
    unused = sorted(set(dataset.sources["source_id"]) - used)
    assert not unused, f"sources.csv lists documents no row cites: {unused}"


def test_every_table_is_sourced_or_a_declared_vocabulary(dataset):
    """Every fact table has its source_id; a table without one is the search record (gaps.csv) or a vocabulary that
    datapackage.json declares ("vocabulary": true), which states no fact and quotes no source."""
    for resource in dataset.schema["resources"]:
        fields = {f["name"] for f in resource["schema"]["fields"]}
        if resource.get("vocabulary"):
            assert not fields & {"source_id", "quote"}, f"{resource['path']} states facts: it is not a vocabulary"
        elif resource["name"] != "gaps":
            assert "source_id" in fields, f"{resource['path']} has no source_id and is not declared a vocabulary"


def test_every_vocabulary_row_is_used(dataset):
    """No stale words: every labelled metric is measured, every alias names an actor of events.csv, and every
    stance exception is an event of the coalitions strand, the only page that draws stances."""
    unmeasured = set(dataset.metric_labels["metric"]) - set(dataset.metrics["metric"])
    assert not unmeasured, f"metric_labels.csv names metrics metrics.csv does not hold: {sorted(unmeasured)}"
    actors = {part.strip() for actor in dataset.events["actor"] for part in actor.split(";")}
    unused = set(dataset.actor_aliases["name"]) - actors
    assert not unused, f"actor_aliases.csv names actors events.csv does not: {sorted(unused)}"
    coalitions = set(in_strand(dataset.events, "brand-coalitions")["event_id"])
    elsewhere = set(dataset.stance_exceptions["event_id"]) - coalitions
    assert not elsewhere, f"stance_exceptions.csv names events outside the coalitions strand: {sorted(elsewhere)}"


def test_row_without_quote_is_refused(copy):
    set_cell(copy / "events.csv", 2, "quote", "")
    set_cell(copy / "events.csv", 2, "quote_en", "")
    set_cell(copy / "events.csv", 2, "note", "")
    assert "data/events.csv, line 2, column 'quote': a verbatim quote from the source is required" in refused(copy)


def test_note_can_say_why_there_is_no_quote(copy):
    set_cell(copy / "events.csv", 2, "quote", "")
    set_cell(copy / "events.csv", 2, "quote_en", "")
    set_cell(copy / "events.csv", 2, "note", "No quote: the source is a table without sentences.")
    load(copy)


def test_overlong_quote_is_refused(copy):
    set_cell(copy / "metrics.csv", 2, "quote", "x" * 401)
    assert "data/metrics.csv, line 2, column 'quote': 401 characters, more than the 400 allowed" in refused(copy)


def test_unknown_qualifier_is_refused(copy):
    set_cell(copy / "lobbying.csv", 2, "qualifier", "roughly")
    assert "data/lobbying.csv, line 2, column 'qualifier': 'roughly' is not one of: exact, more_than" in refused(copy)


def test_unknown_date_basis_is_refused(copy):
    set_cell(copy / "events.csv", 2, "date_basis", "guessed")
    assert "data/events.csv, line 2, column 'date_basis': 'guessed' is not one of: stated, computed" in refused(copy)


def test_rule_an_unknown_metric_is_refused_not_given_a_made_up_label(copy):
    """Every metric slug of metrics.csv has its words in metric_labels.csv; a new slug stops the build until it has."""
    set_cell(copy / "metrics.csv", 4, "metric", "listings_vanished")
    assert (
        "data/metrics.csv, line 4, column 'metric': 'listings_vanished' is not a metric in data/metric_labels.csv"
        in refused(copy)
    )


def test_rule_a_count_of_an_unknown_thing_is_refused(copy):
    """What a count counts is a column with its own list (brands, members, companies ...), not words in a note."""
    table = rows(copy / "metrics.csv")
    line = next(i for i, row in enumerate(table, 1) if row[0] == "alliance_members")
    set_cell(copy / "metrics.csv", line, "counted", "fans")
    assert f"data/metrics.csv, line {line}, column 'counted': 'fans' is not one of: brands," in refused(copy)


def test_rule_an_unknown_event_type_is_refused(copy):
    """event_types.csv lists the kinds of event, each with its meaning and stance; a new kind stops the build."""
    set_cell(copy / "events.csv", 2, "event_type", "teleported")
    assert (
        "data/events.csv, line 2, column 'event_type': 'teleported' is not an event_type in data/event_types.csv"
        in refused(copy)
    )


def test_rule_a_stance_exception_names_a_recorded_event_and_its_source(copy):
    set_cell(copy / "stance_exceptions.csv", 2, "event_id", "co-e99")
    set_cell(copy / "stance_exceptions.csv", 3, "source_id", "ghost-2016")
    message = refused(copy)
    assert "data/stance_exceptions.csv, line 2, column 'event_id': 'co-e99' is not an event_id in data/events.csv" in (
        message
    )
    assert "data/stance_exceptions.csv, line 3, column 'source_id': 'ghost-2016' is not a source_id" in message


def test_rule_a_coalitions_event_of_a_type_without_a_stance_is_refused(copy):
    """The brand-coalitions page draws and counts every event of its strand by its stance: an event there whose type
    event_types.csv gives no stance stops the build, unless stance_exceptions.csv gives the event one."""
    table = rows(copy / "events.csv")
    line = next(i for i, row in enumerate(table, 1) if row[0] == "co-e19")
    set_cell(copy / "events.csv", line, "event_type", "listed")
    assert (
        f"data/events.csv, line {line}, column 'event_type': 'listed' has no stance in data/event_types.csv"
        in refused(copy)
    )


def test_rule_an_event_given_its_own_stance_needs_none_from_its_type(copy):
    """The other half of the rule above: stance_exceptions.csv gives co-e22 its own stance, so co-e22 may be of a
    type without one (mutant vocab-stance-exception, which ignores the exceptions, is killed here)."""
    table = rows(copy / "events.csv")
    line = next(i for i, row in enumerate(table, 1) if row[0] == "co-e22")
    set_cell(copy / "events.csv", line, "event_type", "disclosure")
    load(copy)


def test_rule_an_event_of_an_unknown_strand_is_refused(copy):
    """Strands are the pages' own names (strands.csv): the old short name 'coalitions' is refused, with its line."""
    table = rows(copy / "events.csv")
    line = next(i for i, row in enumerate(table, 1) if row[0] == "co-e19")
    set_cell(copy / "events.csv", line, "chapter", "listing-history;coalitions")
    assert (
        f"data/events.csv, line {line}, column 'chapter': 'coalitions' is not a strand in data/strands.csv"
        in refused(copy)
    )
    set_cell(copy / "events.csv", line, "chapter", "brand-coalitions")
    set_cell(copy / "gaps.csv", 2, "chapter", "coalitions")
    assert "data/gaps.csv, line 2, column 'chapter': 'coalitions' is not a strand in data/strands.csv" in refused(copy)


def test_rule_data_modules_and_pages_name_a_strand_alike():
    """One vocabulary: each strand of strands.csv is a page of _toc.yml (intro, or chapters/<strand>) and, with '_'
    for '-', a chart module of notorious/charts; every chapter page with a chart module is a strand."""
    from notorious.data.dataset import strand_page, strands
    from notorious.pages import documents

    named = strands()
    pages = set(documents())
    modules = {p.stem for p in (ROOT / "notorious" / "charts").glob("*.py")} - {
        "__init__",
        "common",
        "keys",
        "theme",
        "year_ticks",
    }
    for strand in named:
        assert strand_page(strand) in pages, f"strand {strand!r} has no page {strand_page(strand)}"
        assert strand.replace("-", "_") in modules, f"strand {strand!r} has no module notorious/charts/{strand}.py"
    assert {m.replace("_", "-") for m in modules} == set(named)


def test_rule_an_unknown_lobbying_period_is_refused(copy):
    """periods.csv says which months each period of lobbying.csv covers and what readers are told it is."""
    set_cell(copy / "lobbying.csv", 2, "period", "Q5")
    assert "data/lobbying.csv, line 2, column 'period': 'Q5' is not a period in data/periods.csv" in refused(copy)


def test_rule_only_a_count_says_what_it_counts(copy):
    table = rows(copy / "metrics.csv")
    line = next(i for i, row in enumerate(table, 1) if row[table[0].index("unit")] == "percent")
    set_cell(copy / "metrics.csv", line, "counted", "brands")
    assert f"data/metrics.csv, line {line}, column 'counted': 'brands' for a value in percent, not a count" in (
        refused(copy)
    )


def test_platform_missing_from_platforms_is_refused(copy):
    set_cell(copy / "metrics.csv", 2, "platform", "Nowhere Mall")
    assert (
        "data/metrics.csv, line 2, column 'platform': 'Nowhere Mall' is not a platform in data/platforms.csv"
        in refused(copy)
    )


def test_operator_disagreeing_with_platforms_is_refused(copy):
    table = rows(copy / "listings.csv")
    line = next(i for i, r in enumerate(table, 1) if r[1] == "Taobao")
    set_cell(copy / "listings.csv", line, "operator", "Tencent")
    assert f"data/listings.csv, line {line}, column 'operator': 'Tencent' disagrees with data/platforms.csv" in refused(
        copy
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>x</script>",
        "ftp://x.org/a",
        'https://x.org/"onmouseover=alert(1)',
    ],
)
def test_url_other_than_http_is_refused(copy, url):
    set_cell(copy / "sources.csv", 3, "url", url)
    assert "data/sources.csv, line 3, column 'url':" in refused(copy)


def test_negative_count_is_refused(copy):
    table = rows(copy / "metrics.csv")
    line = next(i for i, r in enumerate(table, 1) if r[table[0].index("unit")] == "count")
    set_cell(copy / "metrics.csv", line, "value", "-4")
    assert f"data/metrics.csv, line {line}, column 'value': -4 is a negative count" in refused(copy)


def test_share_above_100_is_refused(copy):
    table = rows(copy / "metrics.csv")
    line = next(i for i, r in enumerate(table, 1) if r[0] == "genuine_share_in_sample")
    set_cell(copy / "metrics.csv", line, "value", "137.25")
    assert f"data/metrics.csv, line {line}, column 'value': 137.25 is a share outside 0-100 percent" in refused(copy)


def test_date_after_the_source_was_read_is_refused(copy):
    set_cell(copy / "events.csv", 2, "date", "2031-01-01")
    set_cell(copy / "events.csv", 2, "date_precision", "day")
    assert "data/events.csv, line 2, column 'date': '2031-01-01' is after the source was accessed" in refused(copy)


def test_a_source_published_after_we_read_it_is_refused(copy):
    set_cell(copy / "sources.csv", 3, "published", "2021-06-01")
    set_cell(copy / "sources.csv", 3, "accessed", "2020-01-01")
    assert "data/sources.csv, line 3, column 'published': '2021-06-01' is after the source was accessed" in refused(
        copy
    )


def test_huge_integer_is_refused_not_crashing(copy):
    set_cell(copy / "lobbying.csv", 2, "amount_usd", "1" + "0" * 30)
    assert "data/lobbying.csv, line 2, column 'amount_usd': 1000000000000000000000000000000 is too large" in refused(
        copy
    )


def test_header_only_table_is_refused(copy):
    path = copy / "lawsuits.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert "data/lawsuits.csv, line 2: the table has a header but no rows" in refused(copy)


def test_byte_order_mark_is_refused(copy):
    path = copy / "claims.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "data/claims.csv, line 1: starts with a byte-order mark" in refused(copy)


def test_latin1_bytes_are_refused_with_their_line(copy):
    path = copy / "claims.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + b" caf\xe9"
    path.write_bytes(b"\n".join(lines))
    assert "data/claims.csv, line 4: not UTF-8 text (byte 0xe9" in refused(copy)


def test_one_document_under_two_source_ids_is_refused(copy):
    """The OpenSecrets post and International Trade Today's 2016 report each had two ids in 1.1.0."""
    path = copy / "sources.csv"
    table = rows(path)
    twin = list(table[1])
    twin[0] = "a-second-id-for-the-same-document"
    twin[4] = twin[4].replace("https://", "http://www.") if twin[4].startswith("https://") else twin[4] + "/"
    write(path, [*table, twin])
    message = refused(copy)
    assert f"data/sources.csv, line {len(table) + 1}, column 'source_id'" in message
    assert "is the document already cited as" in message


def test_a_copy_without_its_kind_is_refused(copy):
    path = copy / "sources.csv"
    line = next(i for i, r in enumerate(rows(path), start=1) if r[0] == "bloomberg-2012-04-18-mendenhall")
    set_cell(path, line, "copy_kind", "")
    assert f"data/sources.csv, line {line}, column 'copy_kind': a copy_url needs its copy_kind" in refused(copy)


def test_rows_of_one_event_with_different_types_are_refused(copy):
    """AAFA's October 2016 filing was a 'statement' in one row and a 'petitioned' in the other."""
    path = copy / "events.csv"
    line = next(i for i, r in enumerate(rows(path), start=1) if r[0] == "aafa-2016-10-complaint")
    set_cell(path, line, "event_type", "statement")
    assert "a row of the same event_key 'aafa-2016-10-submission'" in refused(copy)


def test_a_narrowed_gap_without_its_note_and_a_gap_without_its_search_are_refused(copy):
    path = copy / "gaps.csv"
    table = rows(path)
    line = next(i for i, r in enumerate(table, start=1) if r[table[0].index("status")] == "narrowed")
    set_cell(path, line, "note", "")
    set_cell(path, 2, "searched", "")
    message = refused(copy)
    assert f"data/gaps.csv, line {line}, column 'note': a narrowed gap says in its note what was found" in message
    assert "data/gaps.csv, line 2, column 'searched'" in message


def test_rule_the_sources_a_gap_names_are_sources(copy):
    """A gap's sources (what was read that bears on it) are source ids of sources.csv: a gap citing one that is
    not there is refused, with file, line and column."""
    path = copy / "gaps.csv"
    set_cell(path, 2, "sources", "no-such-source")
    expected = "data/gaps.csv, line 2, column 'sources': 'no-such-source' is not a source_id in data/sources.csv"
    assert expected in refused(copy)


# Issue 26: the last bad inputs, each refused with file, line and column.


def line_of(path: Path, column: str, value: str) -> int:
    table = rows(path)
    return next(i for i, r in enumerate(table, 1) if r[table[0].index(column)] == value)


def test_an_event_after_the_edition_is_refused_even_from_a_source_read_then(copy):
    """The reproduction: an event dated 2099 from a source 'accessed' in 2099 passed (and dropped out of its
    figure)."""
    table = rows(copy / "events.csv")
    source = table[1][table[0].index("source_id")]
    set_cell(copy / "sources.csv", line_of(copy / "sources.csv", "source_id", source), "accessed", "2099-01-01")
    set_cell(copy / "events.csv", 2, "date", "2099-01-01")
    set_cell(copy / "events.csv", 2, "date_precision", "day")
    message = refused(copy)
    assert "data/events.csv, line 2, column 'date': '2099-01-01' is after the edition's date" in message
    assert "column 'accessed': '2099-01-01' is after the edition's date" in message


def test_a_source_accessed_after_the_edition_is_refused(copy):
    set_cell(copy / "sources.csv", 3, "accessed", "2099-06-30")
    assert "data/sources.csv, line 3, column 'accessed': '2099-06-30' is after the edition's date" in refused(copy)


def test_the_edition_date_is_the_limit(copy):
    set_cell(copy / "sources.csv", 3, "accessed", "2098-12-31")
    load(copy, edition_date=dt.date(2098, 12, 31))
    with pytest.raises(DataError, match="'2098-12-31' is after the edition's date \\(2098-12-30\\)"):
        load(copy, edition_date=dt.date(2098, 12, 30))


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u2067", "RIGHT-TO-LEFT ISOLATE"),
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u200d", "ZERO WIDTH JOINER"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
        ("\u2028", "LINE SEPARATOR"),
        ("\u2029", "PARAGRAPH SEPARATOR"),
    ],
)
def test_an_invisible_character_in_any_cell_is_refused(copy, char, name):
    """A right-to-left override in a publisher drew the rest of the paragraph reversed; a zero-width space in a
    lobbying client made a chapter's look-up fail far from the data."""
    set_cell(copy / "sources.csv", 3, "publisher", "Reuters" + char + "sretueR")
    assert (
        f"data/sources.csv, line 3, column 'publisher': holds an invisible character, U+{ord(char):04X} {name}, "
        "at character 8" in refused(copy)
    )


def test_a_line_separator_shifts_no_line_number(copy):
    """Lines are counted on newlines only: a U+2028 in a summary on line 3 must not move the report of line 10."""
    set_cell(copy / "events.csv", 3, "summary", "first\u2028second")
    set_cell(copy / "events.csv", 10, "date_basis", "guessed")
    message = refused(copy)
    assert "data/events.csv, line 3, column 'summary': holds an invisible character, U+2028" in message
    assert "data/events.csv, line 10, column 'date_basis': 'guessed' is not one of" in message


@pytest.mark.parametrize(
    ("table", "column", "value", "expected"),
    [
        ("lobbying.csv", "amount_usd", "４６１０００", "'４６１０００' is not a whole number"),
        ("lobbying.csv", "amount_usd", "1_953", "'1_953' is not a whole number"),
        ("lobbying.csv", "year", "２０１６", "'２０１６' is not a whole number"),
        ("metrics.csv", "value", "1_953", "'1_953' is not a number"),
        ("metrics.csv", "value", "４６１０００", "'４６１０００' is not a number"),
        ("events.csv", "date", "２０１６", "'２０１６' is not a date"),
        ("sources.csv", "accessed", "２０２６-１１-２８", "'２０２６-１１-２８' is not a date"),
    ],
)
def test_numbers_and_dates_are_written_in_ascii_digits(copy, table, column, value, expected):
    set_cell(copy / table, 2, column, value)
    assert f"data/{table}, line 2, column '{column}': {expected}" in refused(copy)


def test_a_percent_outside_0_100_is_refused_unless_its_metric_is_a_change(copy):
    table = rows(copy / "metrics.csv")
    unit, metric = table[0].index("unit"), table[0].index("metric")
    line = next(
        i
        for i, r in enumerate(table, 1)
        if r[unit] == "percent" and "_share" not in r[metric] and not r[metric].endswith("_change")
    )
    set_cell(copy / "metrics.csv", line, "value", "250")
    assert f"data/metrics.csv, line {line}, column 'value': 250 is a percent outside 0-100" in refused(copy)
    change = next(i for i, r in enumerate(table, 1) if r[unit] == "percent" and r[metric].endswith("_change"))
    set_cell(copy / "metrics.csv", line, "value", "25")
    set_cell(copy / "metrics.csv", change, "value", "-250")
    load(copy)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("data/../../../../etc/passwd", "leaves data/"),
        ("data/seed/../../README.md", "leaves data/"),
        ("data/./seed", "leaves data/"),
        ("data/seed/no-such-file.txt", "is not a file in data/"),
    ],
)
def test_a_local_url_is_a_file_inside_data(copy, url, expected):
    line = line_of(copy / "sources.csv", "kind", "seed")
    set_cell(copy / "sources.csv", line, "url", url)
    assert f"data/sources.csv, line {line}, column 'url': '{url}' {expected}" in refused(copy)


def test_rule_a_local_url_is_a_file_inside_data_even_through_a_link(copy, tmp_path):
    """A local URL names a file inside data/: a link inside data/ whose target lies outside (its path has no '..')
    leaves data/ and is refused."""
    outside = tmp_path / "outside.txt"
    outside.write_text("not part of the dataset", encoding="utf-8")
    (copy / "seed" / "elsewhere.txt").symlink_to(outside)
    line = line_of(copy / "sources.csv", "kind", "seed")
    set_cell(copy / "sources.csv", line, "url", "data/seed/elsewhere.txt")
    assert f"data/sources.csv, line {line}, column 'url': 'data/seed/elsewhere.txt' leaves data/" in refused(copy)


def test_one_event_recorded_twice_in_a_strand_is_refused(copy):
    """The reproduction: a copy of an event under a new id drew "USTR: warned ×2"."""
    table = rows(copy / "events.csv")
    twin = list(table[5])
    twin[0] = "a-new-id-for-the-same-event"
    table.append(twin)
    write(copy / "events.csv", table)
    assert (
        f"data/events.csv, line {len(table)}, column 'event_id': 'a-new-id-for-the-same-event' records the event of "
        f"line 6 ('{table[5][0]}') again" in refused(copy)
    )


def test_a_byte_order_mark_stops_the_build_with_its_message_and_nothing_after(copy, tmp_path, monkeypatch):
    """The reproduction: the build gave the BOM's message, then crashed with KeyError: 'source_id'."""
    from sphinx.application import Sphinx

    from notorious.site import reading, roles

    path = copy / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    monkeypatch.setattr(reading, "DATA_DIR", copy)
    monkeypatch.setattr(roles, "DATA_DIR", copy)
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['notorious.site']\n", encoding="utf-8")
    (src / "index.rst").write_text("Title\n=====\n\nAs reported :src:`no-such-source`.\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        app = Sphinx(
            str(src),
            str(src),
            str(tmp_path / "out"),
            str(tmp_path / "d"),
            "html",
            status=None,
            warning=None,
            freshenv=True,
        )
        app.build()
    assert "data/sources.csv, line 1: starts with a byte-order mark" in str(caught.value)
    assert not isinstance(caught.value, KeyError) and "KeyError" not in str(caught.value)
    assert not (tmp_path / "out" / "index.html").exists(), "nothing is built after the data is refused"


def test_a_page_is_recorded_as_reading_only_the_tables_it_asks_for(tmp_path, monkeypatch):
    """Every page loads, and so validates, every table; the build re-executes a page after a data edit only when
    it asked for an edited table, so that is what the record holds (notorious/build/state.py)."""
    from notorious.data.dataset import load

    log = tmp_path / "reads.jsonl"
    monkeypatch.setenv("NOTORIOUS_READS", str(log))
    monkeypatch.setenv("NOTORIOUS_DOC", "chapters/lobbying")
    ds = load()
    assert {json.loads(line)["file"] for line in log.read_text().splitlines()} == {"data/datapackage.json"}
    ds.lobbying, ds["events"], ds.lobbying  # noqa: B018 - asking is what is recorded
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["file"] for e in entries] == ["data/datapackage.json", "data/lobbying.csv", "data/events.csv"]
    assert {e["reader"] for e in entries} == {"chapters/lobbying"}


def test_a_country_is_a_name_not_free_text(copy):
    """The listing chapter counts a market as Chinese by platforms.country; a payload there would change what the
    book counts (test_fuzz found it), so the column admits only a country or territory's name."""
    set_cell(copy / "platforms.csv", 2, "country", "China <script>x</script>")
    assert "data/platforms.csv, line 2, column 'country'" in refused(copy)
