"""Load the shared dataset, validating every cell against ``data/datapackage.json``.

The schema is a Frictionless Data Package, so the data is reusable outside the book; this module
enforces it itself so that every problem is reported as ``file, line N, column 'x': what was expected``
and nothing is silently dropped or coerced.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import os
import posixpath
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..paths import DATA_DIR, ROOT
from . import record

# Dates known to the year, the month or the day. The schema uses this exact pattern for such fields.
PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
MAX_REPORTED = 20
ALSO = re.compile(r"\(also: ([^)]*)\)")
# Tables that may hold only their header: the corrections log starts empty.
MAY_BE_EMPTY = {"corrections"}
# pandas' nullable integers are 64-bit; a larger whole number is refused rather than crashing the load.
INT_LIMIT = 2**63 - 1
# A metric named ..._share or ..._share_... is a part of a whole, in percent (share_price_change is not).
SHARE = re.compile(r"_share(_|$)")
# Every percent lies within 0-100, unless its metric declares itself a change by its name (..._change: a fall of
# 42 percent is -42, a doubling +100); shares are 0-100 whatever their name says.
PERCENT_CHANGE = re.compile(r"_change$")
# Numbers as the schema means them: ASCII digits only (Python's int() and float() also take fullwidth digits
# "４６１０００" and separators "1_953", which the downloads would then publish as text).
INTEGER = re.compile(r"-?[0-9]+")
NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Characters a reader cannot see that change what they read: bidirectional overrides, embeddings, isolates and
# marks (the rest of a line drawn reversed), zero-width spaces and joiners (two values that look equal and are
# not), line and paragraph separators (a line break some tools count and others do not), and control characters.
# Unicode's categories Cc and Cf hold all but the separators; a newline inside a quoted cell is allowed.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
ALLOWED_CONTROLS = {"\n"}


# Set by the build (notorious/build/state.py): a file to which every reader of data/ appends what it read, so the
# build can tell whether each page used the data the repository holds (an edit made and undone while the book
# was building would otherwise be published). Each line: the page (or reader), the file and its SHA-256.
READS_VARIABLE = "NOTORIOUS_READS"


def record_read(path: Path, data: bytes, reader: str | None = None, page: str | None = None) -> None:
    """Note, for the build, that ``reader`` (the page being executed, by default) read ``data`` from ``path``;
    ``page`` names the page a reader of the build itself (a role) read it for."""
    _record(path, hashlib.sha256(data).hexdigest(), reader, page)


def _record(path: Path, sha256: str, reader: str | None = None, page: str | None = None) -> None:
    target = os.environ.get(READS_VARIABLE)
    if not target:
        return
    resolved = Path(path).resolve()
    name = resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(resolved)
    who = reader or os.environ.get("NOTORIOUS_DOC") or "the build's check of data/"
    entry = {"reader": who, "file": name, "sha256": sha256}
    if page is not None:
        entry["page"] = page
    with open(target, "a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")


def files_digest(data_dir: Path = DATA_DIR) -> str:
    """One SHA-256 over every file of ``data_dir`` and its name, as notorious/build/state.py computes it for the
    data it checked (its ``digest``)."""
    h = hashlib.sha256()
    names = {p.relative_to(data_dir).as_posix(): p for p in Path(data_dir).rglob("*") if p.is_file()}
    for name in sorted(names):
        h.update(f"data/{name}\0{hashlib.sha256(names[name].read_bytes()).hexdigest()}\0".encode())
    return h.hexdigest()


class DataError(ValueError):
    """The dataset breaks its schema. The message lists every problem, each with file, line and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:MAX_REPORTED])
        more = len(problems) - MAX_REPORTED
        tail = f"\n  ... and {more} more" if more > 0 else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"The dataset is invalid ({len(problems)} {noun}):\n{shown}{tail}")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.path]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class Dataset(Mapping[str, pd.DataFrame]):
    """The validated tables, by resource name (``ds["listings"]`` or ``ds.listings``).

    A table is recorded as read (``record_read``) when a page first asks for it, not when it is loaded: every page
    loads, and so validates, every table, but its outputs depend only on the tables it asks for, and the build
    re-executes a page after a data edit only when the edit touched one of those (notorious/build/state.py)."""

    def __init__(self, tables: dict[str, pd.DataFrame], schema: dict, files: dict[str, tuple[Path, str]] | None = None):
        self._tables = tables
        self.schema = schema
        self._files = dict(files or {})  # table -> (its file, the SHA-256 of the bytes loaded), until recorded

    def __getitem__(self, name: str) -> pd.DataFrame:
        frame = self._tables[name]
        if name in self._files:
            _record(*self._files.pop(name))
        return frame

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


@dataclass
class _Raw:
    """One CSV as strings, with the file line on which each record ends."""

    resource: dict
    label: str
    rows: list[dict[str, str]]
    lines: list[int]
    sha256: str = ""


def in_strand(events: pd.DataFrame, chapter: str) -> pd.DataFrame:
    """The events that belong to one strand (an event may belong to several: 'listing-history;brand-coalitions')."""
    return events[events["chapter"].str.split(";").map(lambda strands: chapter in strands)]


def strands(data_dir: Path = DATA_DIR) -> dict[str, dict[str, str]]:
    """The book's strands (strands.csv) in reading order, by name: each is its page's name, and with '_' for '-' its
    chart module's. Read as the page reading it (recorded, as the loader records every table it reads); ``load()``
    has checked the table."""
    path = Path(data_dir) / "strands.csv"
    data = path.read_bytes()
    record_read(path, data)
    return {row["strand"]: row for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))}


def strand_page(strand: str) -> str:
    """The page a strand is told on: intro, or chapters/<strand>."""
    return strand if strand == "intro" else f"chapters/{strand}"


def read_schema(data_dir: Path = DATA_DIR) -> dict:
    path = Path(data_dir) / "datapackage.json"
    try:
        data = path.read_bytes()
        record_read(path, data)
        return json.loads(data.decode("utf-8"))
    except FileNotFoundError:
        raise DataError([Problem(_label(path, data_dir), None, None, "the schema file is missing")]) from None
    except json.JSONDecodeError as err:
        raise DataError([Problem(_label(path, data_dir), err.lineno, None, f"not valid JSON: {err.msg}")]) from None


def load(data_dir: Path | str = DATA_DIR, *, edition_date: dt.date | None = None) -> Dataset:
    """Validate every table of the data package and return typed pandas frames.

    ``edition_date`` is the day of the edition the data is for (``edition.updated()``, the last commit's day,
    unless given): no date in the data may come after it. Raises DataError naming file, line and column of every
    problem found.
    """
    data_dir = Path(data_dir)
    if edition_date is None:
        from ..edition.identity import updated

        edition_date = updated()
    schema = read_schema(data_dir)
    problems: list[Problem] = []
    raws: dict[str, _Raw] = {}
    files: dict[str, tuple[Path, str]] = {}
    for resource in schema["resources"]:
        raw = _read_csv(data_dir, resource, problems)
        if raw is not None:
            raws[resource["name"]] = raw
            files[resource["name"]] = (data_dir / resource["path"], raw.sha256)
            _check_cells(raw, problems)
            _check_primary_key(raw, problems)
            _check_precision(raw, problems)
            _check_period(raw, problems)
            _check_quotes(raw, problems)
            _check_values(raw, problems)
            _check_not_after_edition(raw, edition_date, problems)
    for raw in raws.values():
        _check_foreign_keys(raw, raws, problems)
        if "sources" in raws:
            _check_further_sources(raw, raws["sources"], problems)
            _check_not_after_access(raw, raws["sources"], problems)
    if "listings" in raws and "platforms" in raws:
        _check_operators(raws["listings"], raws["platforms"], problems)
    if "sources" in raws:
        record.check_one_document_one_source(raws["sources"], problems, Problem)
        record.check_copies(raws["sources"], problems, Problem)
        _check_local_urls(raws["sources"], data_dir, problems)
    if "events" in raws:
        record.check_event_keys(raws["events"], problems, Problem)
        _check_events_once(raws["events"], problems)
        if "strands" in raws:
            _check_strands(raws["events"], raws["strands"], problems)
        if "event_types" in raws and "stance_exceptions" in raws:
            _check_stances(raws["events"], raws["event_types"], raws["stance_exceptions"], problems)
    if "gaps" in raws:
        record.check_gaps(raws["gaps"], raws.get("sources"), problems, Problem)
    if problems:
        raise DataError(problems)
    return Dataset({name: _to_frame(raw) for name, raw in raws.items()}, schema, files)


def _label(path: Path, data_dir: Path) -> str:
    """Name a file as a reader of the repository would: data/listings.csv."""
    return f"{Path(data_dir).name}/{Path(path).name}"


def _read_csv(data_dir: Path, resource: dict, problems: list[Problem]) -> _Raw | None:
    path = data_dir / resource["path"]
    label = _label(path, data_dir)
    expected = [f["name"] for f in resource["schema"]["fields"]]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(label, None, None, "the file is missing"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        problems.append(
            Problem(
                label,
                line,
                None,
                f"not UTF-8 text (byte {data[err.start]:#04x}: {err.reason}); "
                "save the file as UTF-8 (it may be Latin-1 or Windows-1252)",
            )
        )
        return None
    if text.startswith("\ufeff"):
        problems.append(Problem(label, 1, None, "starts with a byte-order mark (BOM); save as UTF-8 without BOM"))
        return None
    if not text.strip():
        problems.append(Problem(label, 1, None, f"the file is empty; expected a header row: {','.join(expected)}"))
        return None
    # Lines are counted on newlines only, as editors and git count them: str.splitlines() also breaks on U+2028,
    # U+2029, form feeds and others, which would shift every later line number (or split a row in two).
    text_lines = _lines(text)
    reader = csv.reader(text_lines, strict=True)
    parsed_to = 0  # the last line of the last record read whole: a malformed record starts on the next
    try:
        header = next(reader)
        parsed_to = reader.line_num
        _check_header(label, header, expected, problems)
        if header != expected:
            return None
        rows, lines = [], []
        for record in reader:
            parsed_to = reader.line_num
            if not any(cell.strip() for cell in record):
                problems.append(Problem(label, reader.line_num, None, "blank row; remove it"))
                continue
            if len(record) != len(expected):
                problems.append(_wrong_field_count(label, reader.line_num, record, expected))
                continue
            rows.append(dict(zip(expected, record, strict=True)))
            lines.append(reader.line_num)
    except csv.Error as err:
        line, field, what = malformed_at(text_lines, parsed_to + 1)
        column = expected[field] if field < len(expected) else None
        problems.append(Problem(label, line, column, f"malformed CSV: {what} (csv: {err})"))
        return None
    if not rows and resource["name"] not in MAY_BE_EMPTY:
        problems.append(Problem(label, 2, None, "the table has a header but no rows; every chapter needs its data"))
    return _Raw(resource, label, rows, lines, hashlib.sha256(data).hexdigest())


def _wrong_field_count(label: str, line: int, record: list[str], expected: list[str]) -> Problem:
    """A row with too few or too many fields, named at the column where it stops lining up with the header: the
    first column it lacks, or the last column, after which it goes on."""
    if len(record) < len(expected):
        column, where = expected[len(record)], "the row ends before this column"
    else:
        column, where = expected[-1], f"{len(record) - len(expected)} more after this, the last column"
    return Problem(
        label, line, column, f"expected {len(expected)} fields, found {len(record)}: {where} (check commas and quotes)"
    )


def malformed_at(lines: list[str], start: int) -> tuple[int, int, str]:
    """Where the record that starts on line ``start`` breaks its quoting, which csv's strict reader does not say
    (it reports the line it had reached, which for a quote never closed is the end of the file): the line, the
    index of the field and what is wrong."""
    text = "".join(lines[start - 1 :])
    field, at_start, i = 0, True, 0

    def line_of(position: int) -> int:
        return start + text.count("\n", 0, position)

    while i < len(text):
        char = text[i]
        if at_start and char == '"':
            opened, i = i, i + 1
            while True:
                close = text.find('"', i)
                if close < 0:
                    return line_of(opened), field, "the quote that opens this field never closes"
                if not text.startswith('""', close):
                    break
                i = close + 2
            i = close + 1
            if i < len(text) and text[i] not in ",\r\n":
                if line_of(close) != line_of(opened):
                    # Read on to another row's quote: the quote that opened here was never closed.
                    what = f"the quote that opens this field never closes (csv read on to line {line_of(close)})"
                    return line_of(opened), field, what
                return line_of(i), field, 'text after the quote that closes this field (write a quote inside one as "")'
            at_start = False
            continue
        if char == "\n" or text.startswith("\r\n", i):
            break
        if char == "\r":
            return line_of(i), field, "a carriage return outside quotes"
        field, at_start = (field + 1, True) if char == "," else (field, False)
        i += 1
    return line_of(i), field, "this row cannot be read"


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _check_header(label: str, header: list[str], expected: list[str], problems: list[Problem]) -> None:
    for name in header:
        if name not in expected:
            problems.append(Problem(label, 1, name, f"unexpected column; the schema has: {', '.join(expected)}"))
    for name in expected:
        if name not in header:
            problems.append(Problem(label, 1, name, "missing column"))
    if sorted(header) == sorted(expected) and header != expected:
        problems.append(Problem(label, 1, None, f"columns out of order; expected: {','.join(expected)}"))


def _check_cells(raw: _Raw, problems: list[Problem]) -> None:
    for field in raw.resource["schema"]["fields"]:
        for row, line in zip(raw.rows, raw.lines, strict=True):
            message = cell_problem(field, row[field["name"]])
            if message:
                problems.append(Problem(raw.label, line, field["name"], message))


def cell_problem(field: dict, value: str) -> str | None:
    """What is wrong with one cell under its field's schema, or None."""
    constraints = field.get("constraints", {})
    if value == "":
        return "a value is required" if constraints.get("required") else None
    hidden = invisible(value)
    if hidden:
        return hidden
    if value != value.strip():
        return f"{value!r} has leading or trailing spaces"
    kind = field.get("type", "string")
    parsed: object = value
    if kind == "integer":
        if not INTEGER.fullmatch(value):
            return f"{value!r} is not a whole number (write it in the digits 0-9, without separators)"
        parsed = int(value)
        if abs(parsed) > INT_LIMIT:
            return f"{value} is too large to be a count or an amount (more than {INT_LIMIT})"
    elif kind == "number":
        if not NUMBER.fullmatch(value):
            return f"{value!r} is not a number (write it in the digits 0-9 with a decimal point, without separators)"
        parsed = float(value)
        if not math.isfinite(parsed) or abs(parsed) > INT_LIMIT:
            return f"{value!r} is not a finite number of a plausible size"
    elif kind == "date":
        if not ISO_DATE.fullmatch(value):
            return f"{value!r} is not a date (expected YYYY-MM-DD)"
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a date (expected YYYY-MM-DD)"
    if "maxLength" in constraints and len(value) > constraints["maxLength"]:
        return f"{len(value)} characters, more than the {constraints['maxLength']} allowed (quote less)"
    if "enum" in constraints and value not in constraints["enum"]:
        return f"{value!r} is not one of: {', '.join(constraints['enum'])}"
    # A schema's patterns are JSON Schema's (ECMAScript) regular expressions, where \\d is an ASCII digit.
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value, re.ASCII):
        if constraints["pattern"] == PARTIAL_DATE:
            return f"{value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        return f"{value!r} does not match the pattern {constraints['pattern']}"
    if constraints.get("pattern") == PARTIAL_DATE and len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a calendar date"
    if "minimum" in constraints and parsed < constraints["minimum"]:
        return f"{value} is below the minimum {constraints['minimum']}"
    if "maximum" in constraints and parsed > constraints["maximum"]:
        return f"{value} is above the maximum {constraints['maximum']}"
    return None


def invisible(value: str) -> str | None:
    """What is wrong with a cell that holds a character a reader cannot see, or None."""
    for position, char in enumerate(value, 1):
        if char not in ALLOWED_CONTROLS and unicodedata.category(char) in INVISIBLE_CATEGORIES:
            name = unicodedata.name(char, "a control character")
            return (
                f"holds an invisible character, U+{ord(char):04X} {name}, at character {position} "
                f"(after {value[max(0, position - 21) : position - 1]!r}); delete it"
            )
    return None


def _check_primary_key(raw: _Raw, problems: list[Problem]) -> None:
    key = raw.resource["schema"].get("primaryKey")
    if not key:
        return
    key = [key] if isinstance(key, str) else key
    seen: dict[tuple, int] = {}
    for row, line in zip(raw.rows, raw.lines, strict=True):
        value = tuple(row[k] for k in key)
        if value in seen:
            shown = ", ".join(f"{k}={v!r}" for k, v in zip(key, value, strict=True))
            problems.append(
                Problem(raw.label, line, ",".join(key), f"duplicate key ({shown}); first used on line {seen[value]}")
            )
        else:
            seen[value] = line


def _check_precision(raw: _Raw, problems: list[Problem]) -> None:
    """A date written to the month must say date_precision=month, and so on."""
    fields = {f["name"] for f in raw.resource["schema"]["fields"]}
    if not {"date", "date_precision"} <= fields:
        return
    for row, line in zip(raw.rows, raw.lines, strict=True):
        implied = PRECISION_BY_LENGTH.get(len(row["date"]))
        if implied and row["date_precision"] and implied != row["date_precision"]:
            problems.append(
                Problem(
                    raw.label,
                    line,
                    "date_precision",
                    f"{row['date_precision']!r} does not match the date {row['date']!r} (expected {implied!r})",
                )
            )


def _check_period(raw: _Raw, problems: list[Problem]) -> None:
    """A measurement needs a period: its start, its end, or both; and the start cannot follow the end."""
    fields = {f["name"] for f in raw.resource["schema"]["fields"]}
    if not {"period_start", "period_end"} <= fields:
        return
    for row, line in zip(raw.rows, raw.lines, strict=True):
        start, end = row["period_start"], row["period_end"]
        if not start and not end:
            problems.append(
                Problem(raw.label, line, "period_start", "a period is required: give a start, an end or both")
            )
        elif start and end and start[: len(end)] > end[: len(start)]:
            problems.append(Problem(raw.label, line, "period_end", f"{end!r} is before the start {start!r}"))


NO_QUOTE = "No quote:"


def _check_quotes(raw: _Raw, problems: list[Problem]) -> None:
    """Every fact row quotes its source, unless its note says why the source has no words to quote."""
    fields = {f["name"] for f in raw.resource["schema"]["fields"]}
    if "quote" not in fields:
        return
    for row, line in zip(raw.rows, raw.lines, strict=True):
        if not row["quote"] and not row.get("note", "").startswith(NO_QUOTE):
            problems.append(
                Problem(
                    raw.label,
                    line,
                    "quote",
                    f"a verbatim quote from the source is required (or a note beginning {NO_QUOTE!r} "
                    "that says why the source has no words to quote)",
                )
            )
        if row.get("quote_en") and not row["quote"]:
            problems.append(Problem(raw.label, line, "quote_en", "a translation without the quote it translates"))


def _check_values(raw: _Raw, problems: list[Problem]) -> None:
    """Counts are never negative, and only a count says what it counts; shares, and every other percent but a
    change, lie between 0 and 100."""
    fields = {f["name"] for f in raw.resource["schema"]["fields"]}
    if not {"metric", "value", "unit"} <= fields:
        return
    for row, line in zip(raw.rows, raw.lines, strict=True):
        if row.get("counted") and row["unit"] != "count":
            problems.append(
                Problem(raw.label, line, "counted", f"{row['counted']!r} for a value in {row['unit']}, not a count")
            )
        try:
            value = float(row["value"])
        except ValueError:
            continue  # already reported as not a number
        if row["unit"] == "count" and value < 0:
            problems.append(Problem(raw.label, line, "value", f"{row['value']} is a negative count"))
        if SHARE.search(row["metric"]) and not 0 <= value <= 100:
            problems.append(Problem(raw.label, line, "value", f"{row['value']} is a share outside 0-100 percent"))
        elif row["unit"] == "percent" and not PERCENT_CHANGE.search(row["metric"]) and not 0 <= value <= 100:
            problems.append(
                Problem(
                    raw.label,
                    line,
                    "value",
                    f"{row['value']} is a percent outside 0-100; a metric that can be (a change) is named ..._change",
                )
            )


def _check_not_after_access(raw: _Raw, sources: _Raw, problems: list[Problem]) -> None:
    """A source cannot report what happened after we read it: every date of a row (a source's own publication
    date too) is on or before the day its source was accessed. (A correction's date is when we corrected a row, not
    something its source reports, so corrections are exempt.)"""
    if raw.resource["name"] == "corrections":
        return
    accessed = {row["source_id"]: row["accessed"] for row in sources.rows}
    fields = _date_fields(raw.resource)
    if not fields or "source_id" not in {f["name"] for f in raw.resource["schema"]["fields"]}:
        return
    for row, line in zip(raw.rows, raw.lines, strict=True):
        read_on = accessed.get(row["source_id"], "")
        for field in fields:
            value = row[field]
            if value and read_on and value > read_on[: len(value)]:
                problems.append(
                    Problem(raw.label, line, field, f"{value!r} is after the source was accessed ({read_on})")
                )


def _date_fields(resource: dict) -> list[str]:
    """The fields that hold a date: typed date, or a partial date by the schema's pattern."""
    return [
        f["name"]
        for f in resource["schema"]["fields"]
        if f.get("type") == "date" or f.get("constraints", {}).get("pattern") == PARTIAL_DATE
    ]


def _check_not_after_edition(raw: _Raw, edition_date: dt.date, problems: list[Problem]) -> None:
    """Nothing in the data happened, was published or was read after the edition it is published in (an event
    dated 2099, a source 'accessed' in 2099)."""
    limit = edition_date.isoformat()
    for field in _date_fields(raw.resource):
        for row, line in zip(raw.rows, raw.lines, strict=True):
            value = row[field]
            # A malformed date is reported by its own check; comparing it would only add noise.
            if re.fullmatch(PARTIAL_DATE, value) and value > limit[: len(value)]:
                problems.append(Problem(raw.label, line, field, f"{value!r} is after the edition's date ({limit})"))


def _check_local_urls(sources: _Raw, data_dir: Path, problems: list[Problem]) -> None:
    """A source kept in the repository (url 'data/...') is a file that exists inside data/: no '..', no '.', no
    link that leaves the book's folder."""
    root = Path(data_dir).resolve()
    for row, line in zip(sources.rows, sources.lines, strict=True):
        url = row["url"]
        if not url.startswith("data/"):
            continue
        inside = url[len("data/") :]
        target = (root / inside).resolve()
        if posixpath.normpath(url) != url or ".." in url.split("/") or not target.is_relative_to(root):
            problems.append(Problem(sources.label, line, "url", f"{url!r} leaves data/; name the file as data/<path>"))
        elif not target.is_file():
            problems.append(Problem(sources.label, line, "url", f"{url!r} is not a file in data/"))


def _check_events_once(events: _Raw, problems: list[Problem]) -> None:
    """One event is one row in a strand: another id with the same date, actor, event_type, strand and summary is
    the event recorded twice ("USTR: warned ×2"). Several acts of one actor on one day (two platforms removed,
    five statements in one report, two listings one sentence reports) are rows with summaries of their own."""
    seen: dict[tuple, tuple[int, str]] = {}
    for row, line in zip(events.rows, events.lines, strict=True):
        for strand in row["chapter"].split(";"):
            key = (row["date"], row["actor"], row["event_type"], strand, " ".join(row["summary"].split()))
            if key in seen:
                first_line, first_id = seen[key]
                problems.append(
                    Problem(
                        events.label,
                        line,
                        "event_id",
                        f"{row['event_id']!r} records the event of line {first_line} ({first_id!r}) again: same "
                        f"date, actor, event_type, strand ({strand!r}) and summary; keep one row",
                    )
                )
                break
            seen[key] = (line, row["event_id"])


def _check_strands(events: _Raw, strands: _Raw, problems: list[Problem]) -> None:
    """Each strand an event names is one of strands.csv: the pages' own names, so data, modules and pages share one
    vocabulary."""
    known = [row["strand"] for row in strands.rows]
    for row, line in zip(events.rows, events.lines, strict=True):
        for strand in row["chapter"].split(";"):
            if strand not in known:
                problems.append(
                    Problem(
                        events.label,
                        line,
                        "chapter",
                        f"{strand!r} is not a strand in {strands.label} (one of: {', '.join(known)})",
                    )
                )


STANCE_STRAND = "brand-coalitions"  # the strand whose page counts every event by its stance


def _check_stances(events: _Raw, types: _Raw, exceptions: _Raw, problems: list[Problem]) -> None:
    """The brand-coalitions page counts every event of its strand by its stance: each has one, from its type
    (event_types.csv) or, by exception, its own (stance_exceptions.csv)."""
    stance = {row["event_type"]: row["stance"] for row in types.rows}
    excepted = {row["event_id"] for row in exceptions.rows}
    for row, line in zip(events.rows, events.lines, strict=True):
        kind = row["event_type"]
        if STANCE_STRAND in row["chapter"].split(";") and kind in stance and not stance[kind]:
            if row["event_id"] not in excepted:
                problems.append(
                    Problem(
                        events.label,
                        line,
                        "event_type",
                        f"{kind!r} has no stance in {types.label}, and the {STANCE_STRAND} strand counts every event "
                        f"by its stance: give the type one, or the event one in {exceptions.label}",
                    )
                )


def _check_operators(listings: _Raw, platforms: _Raw, problems: list[Problem]) -> None:
    """listings.csv names each platform's operator; it must agree with platforms.csv."""
    operator = {row["platform"]: row["operator"] for row in platforms.rows}
    for row, line in zip(listings.rows, listings.lines, strict=True):
        known = operator.get(row["platform"])
        if known is not None and row["operator"] != known:
            problems.append(
                Problem(
                    listings.label,
                    line,
                    "operator",
                    f"{row['operator']!r} disagrees with {platforms.label}, which says {known!r}",
                )
            )


def _check_foreign_keys(raw: _Raw, raws: dict[str, _Raw], problems: list[Problem]) -> None:
    for fk in raw.resource["schema"].get("foreignKeys", []):
        field = fk["fields"]
        target = raws.get(fk["reference"]["resource"])
        if target is None:
            continue  # the missing table is already reported
        key = fk["reference"]["fields"]
        allowed = {row[key] for row in target.rows}
        article = "an" if key[0] in "aeiou" else "a"
        for row, line in zip(raw.rows, raw.lines, strict=True):
            value = row[field]
            if value and value not in allowed:
                problems.append(Problem(raw.label, line, field, f"{value!r} is not {article} {key} in {target.label}"))


def further_sources(text: str) -> list[str]:
    """The source_ids a free-text cell cites as ``(also: a, b)``."""
    return [sid for group in ALSO.findall(text) for sid in re.split(r",\s*", group.strip())]


def _check_further_sources(raw: _Raw, sources: _Raw, problems: list[Problem]) -> None:
    known = {row["source_id"] for row in sources.rows}
    fields = {f["name"] for f in raw.resource["schema"]["fields"]}
    for field in fields & {"note", "finding", "summary"}:
        for row, line in zip(raw.rows, raw.lines, strict=True):
            for sid in further_sources(row[field]):
                if sid not in known:
                    problems.append(
                        Problem(raw.label, line, field, f"cites (also: {sid}), not a source_id in {sources.label}")
                    )


def _to_frame(raw: _Raw) -> pd.DataFrame:
    fields = raw.resource["schema"]["fields"]
    frame = pd.DataFrame(raw.rows, columns=[f["name"] for f in fields])
    for field in fields:
        name, kind = field["name"], field.get("type", "string")
        column = frame[name].mask(frame[name] == "")
        if kind == "integer":
            frame[name] = column.astype("Int64")
        elif kind == "number":
            frame[name] = column.astype("Float64")
        elif kind == "date":
            frame[name] = pd.to_datetime(column, format="%Y-%m-%d")
        else:
            frame[name] = column.astype("string")
    # Where each row came from, so a look-up that fails can name the table and the lines (prose.py).
    frame.attrs["path"] = raw.label
    frame.attrs["lines"] = list(raw.lines)
    return frame
