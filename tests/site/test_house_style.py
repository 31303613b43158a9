"""The house style over the built text (issue 22, item 6): money, dates and abbreviations written one way on every
page a reader opens, as notorious/publish/style.py sets them.

Reads each page of _build/html (the chapters and the figures' own pages) as a reader sees it: the body's text without
scripts, styles, code and the sources' own words. A source's words are marked up as <q> (the "What the sources say"
notes) and <blockquote> (the reviews' passages), or set in quotation marks in the prose; a URL is a source's address.
None of them is the book's to restyle. Needs `make book` first."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from notorious.pages import documents
from notorious.paths import ROOT
from notorious.publish import style

pytestmark = pytest.mark.built

SITE = ROOT / "_build" / "html"
# The sources' own words and what is not prose: left out before the text is read.
NOT_OURS = ["script", "style", "template", "svg", "code", "pre", "q", "blockquote", "head", "kbd", "samp"]
QUOTED = re.compile(r"\"[^\"\n]{0,600}\"|“[^”]{0,600}”")
URL = re.compile(r"(?:https?://|www\.)\S+")


def pages() -> list[str]:
    found = [f"{doc}.html" for doc in documents()]
    found += sorted(str(p.relative_to(SITE)) for p in (SITE / "figures").glob("*.html"))
    return found


# Elements a reader sees as separate lines or cells: their text does not run into the next one's.
BLOCKS = [
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "caption",
    "figcaption",
    "summary",
    "tr",
    "br",
    "label",
    "option",
    "title",
]


def readers_text(markup: str) -> str:
    """What a reader reads of a page in the book's own words: no code, no quotes from sources, no addresses."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(NOT_OURS):
        tag.decompose()
    # A source's words not set as a quote (a source's title, the seed article's claims), and the theme's furniture.
    for tag in soup.select(".nt-verbatim, .headerlink"):
        tag.decompose()
    for tag in soup.find_all(BLOCKS):
        tag.insert_before("\n")
        tag.append("\n")
    text = soup.get_text("")
    text = QUOTED.sub(" ", text)
    return URL.sub(" ", text)


def breaches_in(text: str) -> list[str]:
    found = []
    for rule, m, instead in style.matches(text):
        around = re.sub(r"\s+", " ", text[max(0, m.start() - 60) : m.end() + 40]).strip()
        found.append(f"{rule} {m.group(0)!r} (write {instead}): ...{around}...")
    return list(dict.fromkeys(found))


def test_the_check_sees_each_breach_and_leaves_quotes_and_addresses_alone():
    page = (
        "<html><head><title>2016-12-21</title></head><body><p>On 2016-12-21, in Sept 2014, on 1 Oct 2025, $461k, "
        "$3m, $461,000 and US$ 461,000.</p><blockquote>On 2016-12-21 $5k</blockquote><p><q>Dec 2016, $4m</q> "
        '"$7k on 2015-01-01" <a href="https://x.test/2016-12-21">https://x.test/2016-12-21</a> '
        "<code>2016-12-21</code> politico-2020-08-25-influence, US$461,000 on 21 December 2016</p></body></html>"
    )
    found = breaches_in(readers_text(page))
    rules = [line.split(" '")[0] for line in found]
    assert sorted(set(rules)) == ["$Nk or $Nm", "ISO date", "US$ and a space", "abbreviated month", "bare $"], found
    assert not any("$5k" in line or "$4m" in line or "$7k" in line for line in found), found
    assert len([r for r in rules if r == "ISO date"]) == 1, found


@pytest.mark.parametrize("path", pages())
def test_every_page_writes_money_and_dates_the_house_way(path):
    page = SITE / path
    if not page.exists():
        pytest.fail(f"{path} is not built: run `make book` first")
    found = breaches_in(readers_text(page.read_text(encoding="utf-8")))
    assert not found, f"{path}: {len(found)} breaches of the house style:\n" + "\n".join(found[:40])
