"""The glossary covers every term a reader meets (issue 22, item 6): each {term} the pages use has an entry, the
terms of art the book uses without a link are there too, and each entry says where its facts come from."""

from __future__ import annotations

import csv
import re

from notorious.paths import ROOT

GLOSSARY = ROOT / "chapters" / "glossary.md"
PAGES = [ROOT / "intro.md", *sorted((ROOT / "chapters").glob("*.md"))]
# Terms a reader meets in the chapters, tables and notes (some only in data shown as tables, which cannot link):
# each must have an entry.
REQUIRED = [
    "MarketSafe",
    "General Member",
    "Cloud Sword",
    "RICO",
    "Lanham Act",
    "LD-1",
    "LD-2",
    "New US law (2026)",
    "Federal Register",
    "Docket",
    "Special 301 Subcommittee",
    "IP Joint-Force System",
]
ROLE = re.compile(r"\{term\}`([^`]*)`")


def entries(text: str | None = None) -> dict[str, str]:
    """Each glossary term and its definition (a term line, more term lines for synonyms, an indented definition)."""
    text = GLOSSARY.read_text(encoding="utf-8") if text is None else text
    block = re.search(r"```\{glossary\}\n(.*?)```", text, re.S).group(1)
    found, terms = {}, []
    for line in block.splitlines():
        if line and not line.startswith(" "):
            terms.append(line.strip())
        elif line.strip():
            for term in terms:
                found[term] = found.get(term, "") + " " + line.strip()
        elif terms and all(term in found for term in terms):
            terms = []
    return found


def target(role_text: str) -> str:
    """The term a {term} role points at: 'USTR's <USTR>' points at USTR."""
    m = re.search(r"<([^>]*)>\s*$", role_text)
    return (m.group(1) if m else role_text).strip()


def test_every_term_the_pages_use_has_an_entry():
    glossary = {term.lower() for term in entries()}  # Sphinx matches terms without regard to case
    used = [(page.name, target(m.group(1))) for page in PAGES for m in ROLE.finditer(page.read_text(encoding="utf-8"))]
    assert used, "no {term} role found: is the pattern right?"
    missing = sorted({f"{page}: {term}" for page, term in used if term.lower() not in glossary})
    assert not missing, f"terms linked with no glossary entry: {missing}"


def test_each_listed_term_has_an_entry_with_a_source():
    glossary = entries()
    missing = [term for term in REQUIRED if term not in glossary]
    assert not missing, f"no glossary entry for: {missing}"
    sources = {row["source_id"] for row in csv.DictReader((ROOT / "data" / "sources.csv").open(encoding="utf-8"))}
    for term, definition in glossary.items():
        cited = re.findall(r"\{src\}`([^`]*)`", definition)
        assert cited, f"the glossary's {term!r} states facts with no source"
        unknown = sorted(set(cited) - sources)
        assert not unknown, f"the glossary's {term!r} cites unknown sources: {unknown}"


def test_the_check_reads_entries_and_roles():
    text = "```{glossary}\nA\nB\n  Both ({src}`x`).\n\nC\n  One.\n```\n"
    assert entries(text) == {"A": " Both ({src}`x`).", "B": " Both ({src}`x`).", "C": " One."}
    assert target("USTR's <USTR>") == "USTR" and target("Taobao") == "Taobao"
