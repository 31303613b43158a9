"""The house style: money, counts of years and dates written one way wherever a reader reads them.

- Money is US dollars, written ``US$`` then the digits with thousands separators and no space: "US$461,000".
  From a million up it is "US$3.16 million" when that is exact (at most two decimals), otherwise the full digits
  ("US$1,234,567"): a figure is never rounded, so the style never states a precision the source did not give.
  Never a bare "$", never "$461k" or "$3.2m".
- A count of years is a numeral and the word: "1 year", "4 years" (never "four years"; spelled-out numbers in prose
  are caught by the tests too).
- A date is day month year, "4 December 2026"; known to the month, "December 2016"; to the year, "2016". Never an
  ISO date ("2026-12-03") and never an abbreviated month ("Sept 2014", "1 Oct 2025"). ``notorious.data.dates`` keeps
  the rule that a date is never written more precisely than it is known; this module only says how it looks.

``restyle`` applies the same rules to a reader-facing note written another way (a data note, a table cell), at
render time: an ISO date becomes a long date, "Sept 2014" becomes "September 2014", "$461k" becomes "US$461,000".
Each rewrite is exact (a "k" is a thousand, an "m" a million); a source's own words (a ``quote`` column) are never
passed through it.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from ..data import dates

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The abbreviations a note might use, to the month they stand for ("Sept" and "Sep" both for September).
ABBREVIATIONS = {m[:3]: m for m in MONTHS if m != "May"} | {"Sept": "September"}


def money(amount: object) -> str:
    """An amount in US dollars as the book writes it: 'US$461,000', 'US$3.16 million', 'US$1,234,567'."""
    if amount is None or isinstance(amount, bool):
        raise ValueError(f"{amount!r} is not an amount; say the gap in words instead")
    value = Decimal(str(amount))
    if not value.is_finite():
        raise ValueError(f"{amount!r} is not an amount; say the gap in words instead")
    if value < 0:
        raise ValueError(f"{amount!r}: the book states no negative amounts")
    if value >= 1_000_000:
        millions = value / 1_000_000
        if millions == millions.quantize(Decimal("0.01")):
            shown = f"{millions:,.2f}".rstrip("0").rstrip(".")
            return f"US${shown} million"
    if value == value.to_integral_value():
        return f"US${value:,.0f}"
    return f"US${value:,.2f}"


def years(count: object) -> str:
    """A count of years: '1 year', '4 years'."""
    if isinstance(count, bool) or not float(count).is_integer() or float(count) < 0:
        raise ValueError(f"{count!r} is not a count of years")
    n = int(float(count))
    return f"{n} year" if n == 1 else f"{n} years"


def date(value: object, coarsest: str | None = None, *, precision: str | None = None) -> str:
    """A date as the book writes it: '4 December 2026', 'December 2016' or '2016', as precisely as it is known
    (``notorious.data.dates.when``, which refuses to add precision)."""
    return dates.when(value, coarsest, precision=precision)


def month(value: object) -> str:
    """A date to the month: 'December 2016'."""
    return dates.when(value, "month")


# A whole ISO date that is not part of a longer token (a source id such as politico-2020-08-25-influence is not one).
_ISO_DAY = re.compile(r"(?<![\w-])(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\w-])")
_ISO_MONTH = re.compile(r"(?<![\w-])(\d{4})-(0[1-9]|1[0-2])(?![\w-])")
_ABBR = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_FULL = "|".join(MONTHS)
# "Sept 2014", "Oct. 2015", "Aug-Oct 2014", "1 Oct 2025": an abbreviation beside a number or another month.
_ABBREVIATED = re.compile(rf"\b({_ABBR})\.?(?=\s+\d|\s*[-–]\s*(?:{_ABBR}|{_FULL})\b)|(?<=\d\s)({_ABBR})\b\.?")
# "December 21", "Dec. 21, 2016": the month before the day (the house puts the day first).
_MONTH_FIRST = re.compile(rf"\b({_FULL}|{_ABBR})\.? (\d{{1,2}})(?!\d|:)(?:(?:st|nd|rd|th)\b)?(?:,? (\d{{4}})\b)?")
_SHORT_MONEY = re.compile(r"(?<![\w$])(?:US)?\$\s?(\d+(?:\.\d+)?)\s?([kKmM])\b")
_BARE_DOLLAR = re.compile(r"(?<![\w$])(?<!US)\$\s?(?=\d)")
_SPACED_DOLLAR = re.compile(r"\bUS\$\s+(?=\d)")
# A source's words, which a note may quote in double quotation marks: left as they are.
_QUOTED = re.compile(r"\"[^\"\n]{0,600}\"|“[^”]{0,600}”")


def _short_money(m: re.Match) -> str:
    factor = 1_000 if m.group(2) in "kK" else 1_000_000
    return money(Decimal(m.group(1)) * factor)


def _full(name: str) -> str:
    return ABBREVIATIONS.get(name, name)


def _day_first(m: re.Match) -> str:
    day, name, year = m.group(2), _full(m.group(1)), m.group(3)
    return f"{int(day)} {name}" + (f" {year}" if year else "")


def _restyled(text: str) -> str:
    if re.fullmatch(_ISO_MONTH.pattern, text):
        return month(text)
    text = _ISO_DAY.sub(lambda m: date(m.group(0)), text)
    text = _ISO_MONTH.sub(lambda m: month(m.group(0)), text)
    text = _MONTH_FIRST.sub(_day_first, text)
    text = _ABBREVIATED.sub(lambda m: _full(m.group(1) or m.group(2)), text)
    text = _SHORT_MONEY.sub(_short_money, text)
    text = _SPACED_DOLLAR.sub("US$", text)
    return _BARE_DOLLAR.sub("US$", text)


def restyle(text: object) -> object:
    """A reader-facing note of ours in the house style (see the module's docstring); anything not a string is
    returned as it is, and words in double quotation marks (a source's) are left as they are. A whole partial ISO
    date ('2016-10') becomes 'October 2016'."""
    if not isinstance(text, str):
        return text
    out, last = [], 0
    for m in _QUOTED.finditer(text):
        out += [_restyled(text[last : m.start()]), m.group(0)]
        last = m.end()
    out.append(_restyled(text[last:]))
    return "".join(out)


# What the house style forbids in a reader's text, each with what to write instead (tests/site/test_style.py).
FORBIDDEN = {
    "ISO date": (_ISO_DAY, "a long date, '4 December 2026'"),
    "abbreviated month": (_ABBREVIATED, "the month in full"),
    "month before the day": (_MONTH_FIRST, "the day first, '21 December 2016'"),
    "$Nk or $Nm": (_SHORT_MONEY, "the amount in full, 'US$461,000' or 'US$3.16 million'"),
    "bare $": (_BARE_DOLLAR, "'US$', 'US$461,000'"),
    "US$ and a space": (_SPACED_DOLLAR, "'US$' with no space, 'US$461,000'"),
}


def breaches(text: str) -> list[tuple[str, str, str]]:
    """(rule, what was found, what to write instead) for every breach of the house style in ``text``."""
    return [(rule, m.group(0), instead) for rule, m, instead in matches(text)]


def matches(text: str) -> list[tuple[str, re.Match, str]]:
    """(rule, the match, what to write instead) for every breach of the house style in ``text``."""
    return [(rule, m, instead) for rule, (pattern, instead) in FORBIDDEN.items() for m in pattern.finditer(text)]


# Columns that hold a source's own words, an address or an id: never restyled (a quote stays verbatim; an id such as
# politico-2020-08-25-influence is a key, not a date). The seed article's claims are its words too.
VERBATIM = frozenset({"quote", "quote_en", "passage", "claim", "title", "url", "copy_url", "pattern", "example"})


def restyle_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of strings with every cell a reader reads in the house style, except the VERBATIM columns and ids."""
    shown = frame.copy()
    for column in shown.columns:
        if is_verbatim(column):
            continue
        shown[column] = shown[column].map(restyle)
    return shown


def is_verbatim(column: object) -> bool:
    """Whether a column holds a source's words, an address or an id (never restyled)."""
    name = str(column)
    return name in VERBATIM or name.endswith("_id") or name == "id"


def mark_verbatim(cells: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """``shown`` (escaped HTML cells) with each non-empty cell of a VERBATIM text column (a title, a claim) in a
    ``span.nt-verbatim``: a source's words, which the house style's test over the built text leaves as they are."""
    shown = shown.copy()
    for column in shown.columns:
        if str(column) in VERBATIM:
            shown[column] = [f'<span class="nt-verbatim">{v}</span>' if v else v for v in shown[column]]
    return shown
