"""The edition a reader holds: its version, its date, where it lives and how to cite it, from one place.

``CITATION.cff`` gives the version, the title, the authors, the licence and the addresses (the site and the
repository). The date is the last commit's, so a page never carries the wall-clock time of its build:
``SOURCE_DATE_EPOCH`` when it is set (the Makefile sets it from ``git log``), else the commit date read from git,
else the release date in ``CITATION.cff`` (a copy of the files without git).

Nothing here reaches a notebook's output except the version and the addresses: a date in a recorded output would
make every commit change what nbval compares.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from functools import cache

import yaml

from ..paths import ROOT

CITATION = ROOT / "CITATION.cff"
CHANGELOG = ROOT / "CHANGELOG.md"
# "## 1.1.0 (29 November 2026)", the house style's long date (notorious.publish.style); an older ISO heading
# ("## 1.1.0 (2026-11-29)") is still read.
RELEASE_HEADING = re.compile(
    r"^## (?P<version>\d+\.\d+\.\d+) \((?P<date>\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4})\)$", re.M
)
PDF = "downloads/notorious-again.pdf"
CHANGELOG_PAGE = "chapters/changelog"
CITE_ANCHOR = "cite-this-book"


@dataclass(frozen=True)
class Edition:
    title: str
    version: str
    released: dt.date
    authors: tuple[str, ...]
    licence: str
    url: str  # the published site, ending in "/"
    repository: str

    @property
    def year(self) -> int:
        return self.released.year

    @property
    def author_text(self) -> str:
        return ", ".join(self.authors)

    def page_url(self, doc: str, anchor: str = "") -> str:
        """A page's public address: ``doc`` as in _toc.yml ('chapters/lobbying')."""
        return f"{self.url}{doc}.html" + (f"#{anchor}" if anchor else "")

    @property
    def licence_name(self) -> str:
        """The licence as readers write it: "CC BY 4.0" for the SPDX id "CC-BY-4.0"."""
        return self.licence.replace("-", " ") if self.licence.startswith("CC-") else self.licence

    @property
    def issues_url(self) -> str:
        return f"{self.repository}/issues"

    def reference(self) -> str:
        """The citation up to the address: author, year, title, version, kind."""
        return f"{self.author_text} ({self.year}). {self.title} (version {self.version}) [Book and dataset]."

    def citation(self) -> str:
        """The book's citation in plain text."""
        return f"{self.reference()} {self.url}"

    def bibtex(self) -> str:
        key = "".join(c for c in self.title.lower() if c.isalnum()) + str(self.year)
        fields = {
            "author": "{" + " and ".join("{" + a + "}" for a in self.authors) + "}",
            "title": "{" + self.title + "}",
            "year": "{" + str(self.year) + "}",
            "version": "{" + self.version + "}",
            "url": "{" + self.url + "}",
            "note": "{Book and dataset, licensed " + self.licence_name + "}",
        }
        body = ",\n".join(f"  {name} = {value}" for name, value in fields.items())
        return f"@misc{{{key},\n{body}\n}}"

    def figure_citation(self, number: str, title: str, doc: str, anchor: str, *, deferred: bool = False) -> str:
        """``deferred``: the year and version as tokens the site build fills in (``stamp``), for a notebook's
        recorded output, so a release does not rewrite every notebook."""
        year, version = (YEAR_TOKEN, VERSION_TOKEN) if deferred else (self.year, self.version)
        return (
            f'{self.author_text} ({year}). "Figure {number}: {title.rstrip(".")}." In {self.title} (version '
            f"{version}). {self.page_url(doc, anchor)}"
        )

    def stamp(self, text: str) -> str:
        """``text`` with the edition's tokens replaced by this edition's year and version."""
        return text.replace(YEAR_TOKEN, str(self.year)).replace(VERSION_TOKEN, self.version)


# Where a notebook's output names the edition, it writes these; the site build writes the edition in their place.
YEAR_TOKEN = "[[edition:year]]"
VERSION_TOKEN = "[[edition:version]]"


@cache
def edition() -> Edition:
    cff = yaml.safe_load(CITATION.read_text(encoding="utf-8"))
    missing = [
        key
        for key in ("title", "version", "date-released", "authors", "license", "url", "repository-code")
        if not cff.get(key)
    ]
    if missing:
        raise ValueError(f"{CITATION.name}: missing {', '.join(missing)}")
    url = str(cff["url"])
    return Edition(
        title=str(cff["title"]),
        version=str(cff["version"]),
        released=dt.date.fromisoformat(str(cff["date-released"])),
        authors=tuple(a.get("name") or f"{a['given-names']} {a['family-names']}" for a in cff["authors"]),
        licence=str(cff["license"]),
        url=url if url.endswith("/") else url + "/",
        repository=str(cff["repository-code"]).rstrip("/"),
    )


def updated() -> dt.date:
    """The edition's date: SOURCE_DATE_EPOCH, else the last commit's date, else the release date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return edition().released


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date


def _heading_date(text: str) -> dt.date:
    if "-" in text:
        return dt.date.fromisoformat(text)
    return dt.datetime.strptime(text, "%d %B %Y").date()


def releases(path=CHANGELOG) -> list[Release]:
    """The versions CHANGELOG.md lists, newest first, from headings "## 1.1.0 (29 November 2026)"."""
    found = [
        Release(m["version"], _heading_date(m["date"]))
        for m in RELEASE_HEADING.finditer(path.read_text(encoding="utf-8"))
    ]
    if not found:
        raise ValueError(f"{path.name}: no version heading like '## 1.1.0 (29 November 2026)'")
    return found


def release_of(day: dt.date, listed: list[Release]) -> str | None:
    """The first version released on or after ``day`` (a correction made then is in it); None when none is yet."""
    later = [r for r in listed if r.date >= day]
    return min(later, key=lambda r: r.date).version if later else None
