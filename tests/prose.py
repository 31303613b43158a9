"""The book's prose as a reader gets it: the Markdown of every page without its code cells, roles blanked out, one
line per paragraph chunk so a phrase that wraps in the source is still found. For the tests that read what the book
says (test_statements.py)."""

from __future__ import annotations

import re
from pathlib import Path

from notorious.paths import ROOT

# The pages that make claims about the data; the glossary, changelog and dictionary describe terms and history.
PAGES = [
    "intro.md",
    "chapters/listing-history.md",
    "chapters/lobbying.md",
    "chapters/brand-coalitions.md",
    "chapters/platform-metrics.md",
    "chapters/data-and-methods.md",
    "chapters/sources.md",
    "chapters/gaps.md",
    "chapters/decisions.md",
]
CODE = re.compile(r"```\{code-cell\}.*?```", re.S)


def prose(text: str, blank_roles: tuple[str, ...] = ()) -> str:
    """``text`` with code cells (and the named roles) replaced by spaces, so offsets still give line numbers."""
    text = CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for role in blank_roles:
        text = re.sub(r"\{" + re.escape(role) + r"\}`[^`]*`", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


def occurrences(pattern: re.Pattern, blank_roles: tuple[str, ...] = ()) -> list[tuple[str, int, str]]:
    """(page, line, the words around the match, one line) for every match of ``pattern`` in the pages' prose."""
    found = []
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        flat = prose(text, blank_roles).replace("\n", " ")
        for m in pattern.finditer(flat):
            line = text.count("\n", 0, m.start()) + 1
            around = re.sub(r"\s+", " ", flat[max(0, m.start() - 50) : m.end() + 50]).strip()
            found.append((page, line, around))
    return found


def source(page: str) -> str:
    return (Path(ROOT) / page).read_text(encoding="utf-8")
