"""How the book words things: a number's qualifier (the ``qualifier`` column of metrics.csv and lobbying.csv), and
a list of names in a sentence."""

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


def listed(items: list[str]) -> str:
    """A list as a sentence words it: 'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
