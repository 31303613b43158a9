"""The edition a reader holds, and what is made of it: its facts (``identity``: version, date, addresses, how to
cite it, from CITATION.cff and the changelog), the PDF edition (``pdf``) and the release bundle (``release``)."""

from .identity import (
    CHANGELOG_PAGE,
    CITATION,
    CITE_ANCHOR,
    PDF,
    Edition,
    Release,
    edition,
    release_of,
    releases,
    updated,
)

__all__ = [
    "CHANGELOG_PAGE",
    "CITATION",
    "CITE_ANCHOR",
    "PDF",
    "Edition",
    "Release",
    "edition",
    "release_of",
    "releases",
    "updated",
]
