"""How the book words a number's qualifier: the ``qualifier`` column of metrics.csv and lobbying.csv."""

from __future__ import annotations

QUALIFIER_WORDS = {
    "exact": "",
    "more_than": "more than",
    "at_least": "at least",
    "about": "about",
    "nearly": "nearly",
    "up_to": "up to",
    "less_than": "less than",
}


def qualified(qualifier: str, number: str) -> str:
    """A number as its source words it: qualified("more_than", "380 million") -> "more than 380 million"."""
    word = QUALIFIER_WORDS[qualifier]
    return f"{word} {number}" if word else number
