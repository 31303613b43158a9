"""Rules across rows: who is who in the record.

The cell rules in dataset.py check each value's form. These check what rows say together: one document is one
source (two ids for one document split its citations and double its weight), and one event is one event however
many rows record it (rows of one event share an ``event_key``, and counts count keys).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # dataset imports this module; the names are only for annotations
    from .dataset import Problem, _Raw

PAIR = re.compile(r"^(?P<base>.+)-(?P<side>[ab])$")


# Query parameters that track a visit rather than name a document.
TRACKING = re.compile(r"^(utm_\w+|fromrss|bc|mode|trknav|lang)$", re.I)


def document_address(url: str) -> str:
    """One spelling per address: no scheme, 'www.' or trailing dot in the host, no trailing slash or '.html',
    no tracking parameters."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().rstrip(".").removeprefix("www.")
    path = re.sub(r"(\.html?|/)$", "", parts.path, flags=re.I)
    query = "&".join(sorted(p for p in parts.query.split("&") if p and not TRACKING.match(p.split("=")[0])))
    return f"{host}{path}" + (f"?{query}" if query else "")


def document_name(row: dict[str, str]) -> tuple[str, str, str]:
    """Publisher, title (without a parenthesis of ours such as '(alternate stored copy)') and date."""
    title = re.sub(r"\s*\((?:alternate|second|another)[^)]*\)\s*$", "", row["title"], flags=re.I)
    return row["publisher"].strip().lower(), title.strip().lower(), row["published"]


def _copy(row: dict[str, str]) -> str | None:
    """The copy's address, for a source whose own address is unknown (two such ids on one copy are one document)."""
    return document_address(row["copy_url"]) if row["copy_url"] and not row["url"] else None


def check_one_document_one_source(sources: _Raw, problems: list[Problem], problem: type[Problem]) -> None:
    """Two source ids for one address, or for one publisher, title and date, are one document cited twice."""
    addresses = (lambda r: document_address(r["url"]) if r["url"] else None, lambda r: _copy(r))
    for key in (*addresses, document_name):
        first: dict[object, tuple[str, int]] = {}
        for row, line in zip(sources.rows, sources.lines, strict=True):
            value = key(row)
            if value is None:
                continue
            if value in first:
                other, other_line = first[value]
                problems.append(
                    problem(
                        sources.label,
                        line,
                        "source_id",
                        f"{row['source_id']!r} is the document already cited as {other!r} (line {other_line}): "
                        "one document has one source id",
                    )
                )
            else:
                first[value] = (row["source_id"], line)


def check_event_keys(events: _Raw, problems: list[Problem], problem: type[Problem]) -> None:
    """Rows of one event share its type, and a pair of rows named -a and -b shares one event_key."""
    types: dict[str, tuple[str, int]] = {}
    by_base: dict[str, set[str]] = defaultdict(set)
    for row, line in zip(events.rows, events.lines, strict=True):
        key, kind = row["event_key"], row["event_type"]
        if key in types and types[key][0] != kind:
            problems.append(
                problem(
                    events.label,
                    line,
                    "event_type",
                    f"{kind!r} differs from line {types[key][1]} ({types[key][0]!r}), "
                    f"a row of the same event_key {key!r}",
                )
            )
        types.setdefault(key, (kind, line))
        pair = PAIR.match(row["event_id"])
        if pair:
            by_base[pair["base"]].add(key)
    for row, line in zip(events.rows, events.lines, strict=True):
        pair = PAIR.match(row["event_id"])
        if pair and len(by_base[pair["base"]]) > 1:
            problems.append(
                problem(
                    events.label,
                    line,
                    "event_key",
                    f"{row['event_id']!r} is one of a pair (-a, -b) whose rows have different event_keys: "
                    f"{', '.join(sorted(by_base[pair['base']]))}",
                )
            )


def check_copies(sources: _Raw, problems: list[Problem], problem: type[Problem]) -> None:
    """A source has its own address or the copy's; a copy says what kind of copy it is, and a kind needs a copy."""
    for row, line in zip(sources.rows, sources.lines, strict=True):
        if not row["url"] and not row["copy_url"]:
            message = "give the document's address or, in copy_url, the copy's"
            problems.append(problem(sources.label, line, "url", message))
        if row["copy_url"] and not row["copy_kind"]:
            message = "a copy_url needs its copy_kind (repost, mirror …)"
            problems.append(problem(sources.label, line, "copy_kind", message))
        if row["copy_kind"] and not row["copy_url"]:
            message = f"copy_kind {row['copy_kind']!r} without a copy_url"
            problems.append(problem(sources.label, line, "copy_url", message))


def check_gaps(gaps: _Raw, sources: _Raw | None, problems: list[Problem], problem: type[Problem]) -> None:
    """A gap that was partly filled says what was found, and the sources it names are in sources.csv."""
    known = {row["source_id"] for row in sources.rows} if sources else set()
    for row, line in zip(gaps.rows, gaps.lines, strict=True):
        if row["status"] == "narrowed" and not row["note"]:
            problems.append(problem(gaps.label, line, "note", "a narrowed gap says in its note what was found"))
        for sid in (s.strip() for s in row["sources"].split(";") if s.strip()):
            if sources and sid not in known:
                problems.append(problem(gaps.label, line, "sources", f"{sid!r} is not a source_id in {sources.label}"))
