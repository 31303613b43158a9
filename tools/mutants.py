"""Mutation testing: each mutant breaks one rule the README states, and a test that names the rule must kill it.

    .venv/bin/python tools/mutants.py                 # every mutant, on a copy of the working tree
    .venv/bin/python tools/mutants.py --only one-several --only csv-at-sign
    .venv/bin/python tools/mutants.py --rev d4e4003 -- --ignore=tests/site/test_site.py   # an older commit's tree

Each mutant is (name, module, original snippet, mutated snippet, rule, narrow tests). The original must occur
exactly once in its module, or the run stops before testing anything: a refactor cannot turn a mutant into a
no-op unnoticed (with --rev, such a mutant is reported "n/a" instead). The mutants are applied one at a time to a
scratch copy of the tree, never to the repository. A mutant is run against its narrow tests first; one that
survives them is run against the whole fast suite (`pytest -p no:nbval -m "not built" tests`) before it is called
a survivor. The fast suite must pass on the unmutated copy first. Exit status 1 when a mutant survives.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
FAST = ["-p", "no:nbval", "-o", "addopts=-p no:cacheprovider", "-m", "not built", "-x", "-q", "-rfE"]
TIMEOUT = 600


class Mutant(NamedTuple):
    name: str
    path: str
    original: str
    mutated: str
    rule: str
    tests: str = "tests"


def _m(name, path, original, mutated, rule, tests="tests") -> Mutant:
    return Mutant(name, path, original, mutated, rule, tests)


DS, REC, DL, FIG, PROSE, DATES = (
    "notorious/data/dataset.py",
    "notorious/data/record.py",
    "notorious/publish/downloads.py",
    "notorious/publish/figures.py",
    "notorious/publish/prose.py",
    "notorious/data/dates.py",
)
KEYS, TD = "notorious/charts/keys.py", "tests/data/test_dataset.py"
# The rules are the README's: its test table ("tests/data/test_dataset.py | ... refuses ..."), "What the book says,
# checked", "Decisions", "Authors" and the Dates paragraph under "Two commands".
# fmt: off
MUTANTS = [
    # -- Data the build refuses (README: the tests table, tests/data/test_dataset.py; Decisions, "Data the build
    #    refuses")
    _m("enum", DS, 'if "enum" in constraints and', 'if False and "enum" in constraints and',
       "dataset: unknown status refused (enum)", TD),
    _m("foreign-key", DS, "if value and value not in allowed:", "if False:",
       "dataset: a dangling source refused (sources required)", TD),
    _m("primary-key", DS, "        if value in seen:", "        if False:", "dataset: duplicate key refused", TD),
    _m("quote-required", DS, 'if not row["quote"] and not row.get', 'if False and not row.get',
       "dataset: a fact row without its quote refused", TD),
    _m("negative-count", DS, 'if row["unit"] == "count" and value < 0:', 'if row["unit"] == "count" and value < -1e9:',
       "dataset: negative amount or count refused", TD),
    _m("share-0-100", DS, 'if SHARE.search(row["metric"]) and not 0 <= value <= 100:',
       'if SHARE.search(row["metric"]) and not 0 <= value <= 1000:', "dataset: share outside 0-100 refused", TD),
    _m("percent-change", DS, 'PERCENT_CHANGE = re.compile(r"_change$")', 'PERCENT_CHANGE = re.compile(r"_")',
       "dataset: a percent outside 0-100 refused unless its metric is a change (..._change)", TD),
    _m("after-edition", DS, "if re.fullmatch(PARTIAL_DATE, value) and value > limit", "if False and value > limit",
       "dataset: a date after the edition's date refused", TD),
    _m("after-access", DS, "if value and read_on and value >", "if False and value >",
       "dataset: a date after its source was read refused", TD),
    _m("ascii-digits", DS, 'INTEGER = re.compile(r"-?[0-9]+")', 'INTEGER = re.compile(r"-?\\d+")',
       "dataset: a number not written in ASCII digits refused", TD),
    _m("invisible-separators", DS, '{"Cc", "Cf", "Zl", "Zp"}', '{"Cc", "Cf"}',
       "dataset: an invisible character (U+2028/U+2029) refused", TD),
    _m("bom", DS, 'if text.startswith("\\ufeff"):', 'if text.startswith("\\ufeff\\ufeff"):',
       "dataset: a byte-order mark refused", TD),
    _m("malformed-line", DS, 'Problem(label, line, column, f"malformed', 'Problem(label, None, column, f"malformed',
       "dataset: a malformed CSV's error keeps its line (rule 5d)", TD),
    _m("malformed-column", DS, "column = expected[field] if field < len(expected) else None", "column = None",
       "dataset: a malformed CSV's error names its column (rule 5d)", TD),
    _m("stray-column", DS, "        if name not in expected:\n", "        if False:\n",
       "dataset: a stray column refused", TD),
    _m("header-only", DS, 'if not rows and resource["name"] not in MAY_BE_EMPTY:', "if False:",
       "dataset: an empty or header-only file refused", TD),
    _m("local-url", DS, 'or ".." in url.split("/") or not target.is_relative_to(root):', "or False:",
       "dataset: a local URL that leaves data/ refused", TD),
    _m("event-twice", DS, "            if key in seen:", "            if False:",
       "dataset: one event recorded twice in a strand refused", TD),
    _m("also-summary", DS, 'fields & {"note", "finding", "summary"}', 'fields & {"note", "finding"}',
       "dataset: an (also: ...) citation in a summary is checked (rule 5e)", TD),
    _m("operator", DS, 'if known is not None and row["operator"] != known:', "if False:",
       "dataset: an operator that disagrees with platforms.csv refused", TD),
    # -- Who is who (README: "What the book says, checked")
    _m("one-document", REC, "            if value in first:", "            if False:",
       "record: one document under two source ids refused", TD),
    _m("copy-kind", REC, 'if row["copy_url"] and not row["copy_kind"]:', "if False:",
       "record: a copy without its kind refused", TD),
    _m("event-types", REC, "if key in types and types[key][0] != kind:", "if False:",
       "record: rows of one event of different types refused", TD),
    _m("gap-sources", REC, "if sources and sid not in known:", "if False:",
       "record: the sources a gap names are in sources.csv", TD),
    # -- Vocabularies are data (README: data/README's vocabularies; issue 21 item 4)
    _m("vocab-counted", DS, 'if row.get("counted") and row["unit"] != "count":', "if False:",
       "vocabularies: only a count says what it counts (metrics.counted)", TD),
    _m("vocab-stance", DS, 'if STANCE_STRAND in row["chapter"].split(";") and kind in stance and not stance[kind]:',
       "if False:", "vocabularies: a coalitions event of a type without a stance is refused", TD),
    _m("vocab-strand", DS, "            if strand not in known:", "            if False:",
       "vocabularies: an event names only strands of strands.csv (one vocabulary with pages and modules)", TD),
    _m("vocab-stance-exception", DS, 'excepted = {row["event_id"] for row in exceptions.rows}', "excepted = set()",
       "vocabularies: an event's own stance (stance_exceptions.csv) is honoured", TD),
    # -- Downloads safe in a spreadsheet (README: tests/publish/test_downloads.py; rule 5a)
    _m("csv-at-sign", DL, '("=", "+", "-", "@", "\\t", "\\r")', '("=", "+", "-", "\\t", "\\r")',
       "downloads: cells a spreadsheet would run are neutralised ('@')", "tests/publish/test_downloads.py"),
    _m("csv-string-dtype", DL, " or pd.api.types.is_string_dtype(safe[column])", "",
       "figures: a figure's CSV is neutralised for spreadsheets (rule 5a)", "tests/publish/test_figure_rules.py"),
    _m("csv-data-downloads", DL, "[neutralised(v) if name in text_fields else v", "[v if name in text_fields else v",
       "downloads: the data CSVs readers download are neutralised", "tests/publish/test_downloads.py"),
    _m("csv-figure-written", FIG, "spreadsheet_safe(data).to_csv(", "data.to_csv(",
       "figures: a figure's CSV is neutralised for spreadsheets (rule 5a)", "tests/publish/test_figure_rules.py"),
    # -- A figure (README: tests/publish/test_figures.py; Authors, "Add a chapter" 3; rules 5b, 5f)
    _m("figure-empty-source", FIG, '.isna() | self.rows["source_id"].astype("string").str.strip().eq("")', ".isna()",
       "figures: a figure refuses rows without a source (rule 5b)", "tests/publish/test_figure_rules.py"),
    _m("figure-unknown-source", FIG, 'sorted(set(data["source_id"]) - set(self.sources.index))', "[]",
       "figures: a figure refuses rows without a known source (rule 5b)", "tests/publish/test_figure_rules.py"),
    _m("figure-key-checked", FIG, "problems = key_problems(self.key, self.chart.to_dict())", "problems = []",
       "figures: a figure's key is checked against its chart when it is made", "tests/charts/test_keys.py"),
    _m("escape-quote-en", FIG, "(In English: {html.escape(translated)})", "(In English: {translated})",
       "figures: quote_en escaped where it meets HTML (rule 5f)", "tests/publish/test_tables.py"),
    _m("escape-quote", FIG, "<q>{html.escape(quote)}</q>", "<q>{quote}</q>",
       "figures: the sources' words escaped where they meet HTML", "tests/publish/test_figures.py"),
    _m("escape-table-cells", FIG, "return html.escape(str(text), quote=False).replace('\"', \"&quot;\")",
       "return str(text)", "figures: table cells escaped where they meet HTML (rule 5f)",
       "tests/publish/test_figures.py"),
    _m("escape-spec-json", FIG, 'spec_json.replace("<", "\\\\u003c")', 'spec_json.replace("<<", "\\\\u003c")',
       "figures: no '<' of the data stands in a chart's spec in the page", "tests/publish/test_figures.py"),
    _m("offline-renderer", FIG, 'alt.renderers.enable("notorious")', 'alt.renderers.enable("default")',
       "Decisions, Offline charts: a chart renders without a CDN", "tests/publish/test_figures.py"),
    _m("escape-tables", "notorious/publish/tables.py", '.fillna("").map(html.escape)', '.fillna("")',
       "tables: every data string escaped in the book's tables", "tests/publish/test_tables.py"),
    _m("escape-json-ld", "notorious/site/metadata.py", '.replace("<", "\\\\u003c")', '.replace("<<", "\\\\u003c")',
       "metadata: JSON-LD data strings escaped ('<' as \\u003c)", "tests/site/test_metadata.py"),
    # -- Keys (README: Authors 3; charts/keys.py)
    _m("key-colour", KEYS, "if not {c.upper() for c in COLOURS[word]} & data_colours:", "if False:",
       "keys: a key naming a colour the chart does not draw stops the build", "tests/charts/test_keys.py"),
    _m("key-channel", KEYS, "if not _named(key, CHANNEL_WORDS[channel]):", "if False:",
       "keys: a channel the chart encodes, left unexplained by the key, stops the build", "tests/charts/test_keys.py"),
    _m("key-shape", KEYS, "if not SHAPES[word] & seen[\"shapes\"]:", "if False:",
       "keys: a key naming a shape the chart does not draw stops the build", "tests/charts/test_keys.py"),
    # -- Glue and look-ups (README: Authors 4; "Words that claim are computed"; rule 5c)
    _m("one-several", PROSE, "if len(found) != 1:\n        raise LookupError(\n            f\"{_table(frame)}: looking",
       "if len(found) > 9:\n        raise LookupError(\n            f\"{_table(frame)}: looking",
       "prose: one() refuses several matches (rule 5c)", "tests/publish/test_prose.py"),
    _m("agreed-disagree", PROSE, "if len(values) != 1:", "if len(values) > 9:",
       "prose: agreed() fails when sources disagree", "tests/publish/test_figures.py"),
    _m("glue-missing", PROSE, "value is pd.NA or (isinstance(value, float) and value != value)", "False",
       "prose: a missing value is never glued (glue-only numbers)", "tests/publish/test_figures.py"),
    _m("only-one", PROSE, "if len(distinct) != 1:", "if len(distinct) > 9:",
       "prose: 'the only' fails the day the data hold a second (words that claim are computed)",
       "tests/book/test_statements.py"),
    _m("lowest-tie", PROSE, "if len(least) != 1:", "if False:",
       "prose: 'the lowest' fails on a tie (words that claim are computed)", "tests/book/test_statements.py"),
    # -- Dates (README: the Dates paragraph under "Two commands"; Decisions, Dates; rule 5g)
    _m("when-timestamp", DATES, "precision(value)  # raises, saying what to pass", "stated = 'day'",
       "dates: a Timestamp from a partial date is not day precision (rule 5g)", "tests/data/test_dates.py"),
    _m("when-no-invented-day", DATES, "if PRECISIONS.index(wanted) > PRECISIONS.index(known):", "if False:",
       "dates: a month-only date is never written with a day", "tests/charts/test_charts.py"),
    _m("day-refuses-partial", DATES, 'if precision(value) != "day":', "if False:",
       "dates: dates.day refuses a date known only to the month or year", "tests/data/test_dates.py"),
    _m("when-stated-precision", DATES, "if stated is not None and stated != known:", "if False:",
       "dates: a stated precision must not claim more than the date's text", "tests/data/test_dates.py"),
    # -- Words, sources, gaps, charts, policy
    _m("qualifier", "notorious/data/words.py", '"more_than": "more than",', '"more_than": "",',
       "words: numbers keep their source's qualifier ('more than')", "tests/charts/test_charts.py"),
    _m("copy-note", "notorious/publish/citing.py", 'return f"read in {COPY_WORDS[kind]}"', 'return ""',
       "citing: a source read through a copy says so", "tests/site/test_citations.py"),
    _m("http-only", "notorious/pages.py", 'if urlsplit(url).scheme in ("http", "https") else None', "",
       "citations: a source URL that is not http(s) is never linked", "tests/site/test_citations.py"),
    _m("gap-words", "notorious/data/gaps.py", "|(?:we )?found no\\b|", "|",
       "statements: 'we found no' is stated only through the {gap} role", "tests/book/test_statements.py"),
    _m("decisions", "notorious/charts/common.py", 'or (row.status == "listed" and previous != "listed")',
       'or row.status == "listed"', "charts: staying on the list is not a decision", "tests/charts/test_charts.py"),
    _m("alibaba-names", "notorious/charts/brand_coalitions.py", '{ALIBABA_NAME, "Alibaba Group", *own["platform"]}',
       '{ALIBABA_NAME, "Alibaba Group"}', "charts: a platform Alibaba operates is Alibaba's own step, never pressure",
       "tests/charts/test_charts.py"),
    _m("precision-shapes", "notorious/charts/common.py", '"month": "square"', '"month": "circle"',
       "Decisions, one meaning per marker shape: a square is a month", "tests/charts/test_keys.py"),
    _m("policy-pagename", "notorious/site/policy.py", "pagename = '[A-Za-z0-9_./-]+';", "pagename = '.+';",
       "policy: an inline script that is not a known snippet fails the build", "tests/site/test_policy.py"),
    _m("policy-object-src", "notorious/site/policy.py", "object-src 'none'; ", "",
       "policy: a strict Content-Security-Policy (no plugins)", "tests/site/test_policy.py"),
]
# fmt: on


def tree_copy(scratch: Path, rev: str | None) -> None:
    """The tree to mutate: the working tree's files (tracked and new), or those of commit ``rev``."""
    if rev:
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(scratch)], input=archive, check=True)
    else:
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True)
        for name in filter(None, listed.stdout.decode().split("\0")):
            if (ROOT / name).is_file():
                (scratch / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, scratch / name)
    if (ROOT / "node_modules").is_dir():
        (scratch / "node_modules").symlink_to(ROOT / "node_modules")


def pytest(scratch: Path, selection: str, extra: list[str]) -> tuple[bool, str]:
    """Run the fast suite (or ``selection`` of it) in the copy: (passed, the first failing test's id)."""
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout
    env = {**os.environ, "PYTHONPATH": str(scratch), "SOURCE_DATE_EPOCH": epoch.strip()}
    command = [sys.executable, "-m", "pytest", *FAST, *extra, *selection.split()]
    try:
        done = subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"(timed out after {TIMEOUT} s)"
    failed = re.search(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", done.stdout, re.M)  # a test id may hold spaces
    if done.returncode == 0:
        return True, ""
    if done.returncode in (4, 5):  # a usage error or no test collected says nothing about the mutant
        sys.exit(f"pytest {' '.join(command[3:])} could not run (exit {done.returncode}):\n{done.stdout[-600:]}")
    return False, failed.group(1) if failed else f"(pytest exit {done.returncode}: {done.stdout[-300:]})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", help="mutate this commit's tree instead of the working tree")
    parser.add_argument("--only", action="append", help="run only the mutant of this name (repeatable)")
    parser.add_argument("extra", nargs="*", help="more pytest arguments, after --")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if not args.only or m.name in args.only]
    with tempfile.TemporaryDirectory(prefix="mutants-") as tmp:
        scratch = Path(tmp)
        tree_copy(scratch, args.rev)
        applicable, rows = [], []
        for m in chosen:
            module = scratch / m.path
            count = module.read_text(encoding="utf-8").count(m.original) if module.exists() else 0
            if count == 1:
                applicable.append(m)
            elif args.rev:
                rows.append((m, "n/a", f"snippet found {count} times in {m.path}"))
            else:
                print(f"refused: mutant {m.name!r}: its original occurs {count} times in {m.path}, not once")
                return 2
        passed, failing = pytest(scratch, "tests", args.extra)
        if not passed:
            print(f"the fast suite fails on the unmutated tree ({failing}); no mutant can be judged")
            return 2
        for m in applicable:
            target = scratch / m.path
            clean = target.read_bytes()
            started = time.monotonic()
            try:
                target.write_text(clean.decode("utf-8").replace(m.original, m.mutated), encoding="utf-8")
                # A narrow selection the tree lacks (an older commit's) falls back to the whole fast suite.
                narrow = m.tests if all((scratch / t).exists() for t in m.tests.split()) else "tests"
                survived, killer = pytest(scratch, narrow, args.extra)
                if survived and narrow != "tests":
                    survived, killer = pytest(scratch, "tests", args.extra)
            finally:
                target.write_bytes(clean)
            assert target.read_bytes() == clean, f"{m.path} was not restored"
            rows.append((m, "survived" if survived else "killed", killer))
            print(f"{m.name}: {rows[-1][1]} {killer} ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
    print("| mutant | rule | result | killing test |\n|---|---|---|---|")
    for m, result, killer in rows:
        print(f"| {m.name} | {m.rule} | {result} | {killer} |")
    judged = [r for r in rows if r[1] != "n/a"]
    killed = sum(r[1] == "killed" for r in judged)
    tree = args.rev or "working tree"
    print(f"\nkilled {killed} of {len(judged)} ({len(rows) - len(judged)} not applicable), {tree}")
    return 0 if killed == len(judged) else 1


if __name__ == "__main__":
    sys.exit(main())
