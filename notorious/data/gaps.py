"""Gaps are data: what the book says is unknown, each with the record of what was searched (data/gaps.csv).

The chapters state a gap with the {gap} role, the appendix lists every gap with its search record, and the
README's Gaps section is written from the same table (``python -m notorious.data.gaps`` rewrites it; a test holds
the README to it), so no gap can be stated without saying what was looked for, where and when.
"""

from __future__ import annotations

import csv
import html
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from ..paths import DATA_DIR
from ..publish.style import restyle
from . import dates
from .dataset import strands
from .words import listed

LANGUAGES = {"en": "English", "zh": "Chinese", "fr": "French", "it": "Italian", "de": "German", "ja": "Japanese"}
START, END = "<!-- gaps-start -->", "<!-- gaps-end -->"
README = DATA_DIR / "README.md"


def read(path: Path = DATA_DIR / "gaps.csv") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def anchor(gap_id: str) -> str:
    return f"gap-{gap_id}"


def search_record(row: Mapping[str, str]) -> str:
    """'Searched on 2 December 2026, in English and Chinese, in news and law firms: <what>.'"""
    languages = listed([LANGUAGES.get(code.strip(), code.strip()) for code in row["languages"].split(";")])
    kinds = listed([kind.strip() for kind in row["source_kinds"].split(";")])
    return f"Searched on {dates.when(row['searched_on'])}, in {languages}, in {kinds}: {row['searched'].rstrip('.')}."


def _sources_read(row: Mapping[str, str]) -> list[str]:
    return [sid.strip() for sid in (row.get("sources") or "").split(";") if sid.strip()]


def readme_section(rows: list[dict[str, str]]) -> str:
    """The README's Gaps section, written from gaps.csv."""
    lines = [
        "## Gaps",
        "",
        "What the research looked for and did not find, written from `gaps.csv` (edit that table, then run",
        "`python -m notorious.data.gaps` to rewrite this section). A gap is not a zero: the missing value is simply",
        "absent from the tables. Each gap says what was searched, in which languages and kinds of sources, and when.",
    ]
    for chapter, strand in strands(DATA_DIR).items():
        title = strand["subject"]
        mine = [r for r in rows if r["chapter"] == chapter]
        if not mine:
            continue
        lines += ["", f"### {title}", ""]
        for r in mine:
            note = f" {r['note']}" if r["note"] else ""
            read_ = _sources_read(r)
            read_ = f" Read: {', '.join(f'`{sid}`' for sid in read_)}." if read_ else ""
            lines.append(f"- **{r['subject']}** (`{r['gap_id']}`). {r['statement']}{note} {search_record(r)}{read_}")
    return "\n".join(lines) + "\n"


def with_section(readme: str, rows: list[dict[str, str]]) -> str:
    """The README with its Gaps section (between the gaps markers) written from ``rows``."""
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{readme_section(rows)}{END}{after}"


def _read_links(row: Mapping[str, str]) -> str:
    """The sources read for a gap, each a link to its entry on the Sources page (beside this one in chapters/)."""
    ids = _sources_read(row)
    if not ids:
        return ""
    links = ", ".join(
        f'<a href="sources.html#source-{html.escape(sid)}"><code>{html.escape(sid)}</code></a>' for sid in ids
    )
    return f' <span class="nt-note">Read: {links}.</span>'


def gap_list(rows: list[dict[str, str]]) -> str:
    """Every gap for the appendix, with an anchor (gap-<id>) that the {gap} role links to; data strings in the house
    style (notorious.publish.style), escaped."""
    parts = []
    for chapter, strand in strands(DATA_DIR).items():
        title = strand["subject"]
        items = [
            f'<li id="{html.escape(anchor(r["gap_id"]))}">'
            f'<span class="nt-gap-subject">{html.escape(restyle(r["subject"]))}.</span> '
            f"{html.escape(restyle(r['statement']))}"
            + (f" {html.escape(restyle(r['note']))}" if r["note"] else "")
            + f' <span class="nt-note">{html.escape(restyle(search_record(r)))}</span>'
            + _read_links(r)
            + "</li>"
            for r in rows
            if r["chapter"] == chapter
        ]
        if items:
            parts.append(f'<h3>{html.escape(title)}</h3><ul class="nt-gaps">{"".join(items)}</ul>')
    return "\n".join(parts)


# The words that state a gap. Prose outside code may say them only through the {gap} role.
GAP_WORDS = re.compile(
    r"\b(no source (?:we \w+ )?(?:gives?|states?|dates?|links?|counts?|confirms?|names?|carries|says)"
    r"|(?:we )?found no\b|not found|(?:is|are) not known|appears in no source|no sourced"
    r"|we found nothing|found nothing)",
    re.I,
)


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    README.write_text(with_section(text, read()), encoding="utf-8")
    print(f"wrote the Gaps section of {README.relative_to(README.parent.parent)} from data/gaps.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
