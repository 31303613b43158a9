"""Pieces every chapter's charts share: the decision markers and the date encoding."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .theme import ALIBABA, COLOUR_NAMES, INK, STATUS_COLOURS, STATUS_LABELS

ALIBABA_GROUP = "Alibaba Group"
# Across the book a marker's shape says how precisely its date is known: circle the day, square the month,
# triangle the year.
PRECISION_SHAPES = {"day": "circle", "month": "square", "year": "triangle-up"}
PRECISION_WORDS = {"day": "circle: the day", "month": "square: the month", "year": "triangle: the year"}


def precisions_drawn(precisions) -> list[str]:
    """The precisions among ``precisions``, once each, in the book's order (day, month, year)."""
    held = set(precisions)
    return [p for p in PRECISION_SHAPES if p in held]


def precision_scale(precisions) -> alt.Scale:
    """The shape scale of markers whose dates have these precisions: only their shapes, in the book's order, so a
    legend never lists a shape no marker has."""
    present = precisions_drawn(precisions)
    return alt.Scale(domain=present, range=[PRECISION_SHAPES[p] for p in present])


def precision_key(precisions) -> str:
    """What the shapes drawn for these precisions mean, for a key: 'circle: the day, square: the month'."""
    return ", ".join(PRECISION_WORDS[p] for p in precisions_drawn(precisions))


def colour_key(labels: dict[str, str], present) -> str:
    """What each colour drawn means, for a key, from the scale's own labels and colours and only for the labels
    the data hold: 'orange: Listed, blue: Removed'."""
    present = set(present)
    return ", ".join(f"{COLOUR_NAMES[colour]}: {label}" for label, colour in labels.items() if label in present)


def status_key(statuses) -> str:
    """What the colours of the listing statuses drawn mean: 'orange: Listed, blue: Removed'."""
    return colour_key({STATUS_LABELS[s]: STATUS_COLOURS[s] for s in STATUS_COLOURS}, map(STATUS_LABELS.get, statuses))


def is_alibaba(names: pd.Series, platforms: pd.DataFrame) -> pd.Series:
    """Whether each named platform is run by Alibaba Group, as the platforms table says."""
    operator = platforms.set_index("platform")["operator"]
    unknown = sorted(set(names) - set(operator.index))
    if unknown:
        raise KeyError(f"not in data/platforms.csv: {unknown}")
    return names.map(operator).eq(ALIBABA_GROUP).fillna(False).astype(bool)


def drawn_at(dates: pd.Series) -> pd.Series:
    """Where a partial date (YYYY, YYYY-MM or YYYY-MM-DD) is drawn: its first day.

    Charts mark the precision with the marker's shape, so a month-only date is never read as a day.
    """
    return pd.to_datetime(dates.astype("string"), format="mixed")


def decisions(listings: pd.DataFrame, reviews: pd.DataFrame, platform: str = "Taobao") -> pd.DataFrame:
    """USTR's decisions on one platform that changed its status (listed after not, removed), with dates.

    Returns columns: date, label, report_id, source_id. Drawn as vertical rules on every time chart so
    that each strand can be read against the listing history.
    """
    rows = listings[listings["platform"] == platform].merge(
        reviews[["report_id", "released", "covers_year"]], on="report_id"
    )
    rows = rows.dropna(subset=["released"]).sort_values("released")
    out, previous, was_removed = [], None, False
    for row in rows.itertuples():
        if row.status == "removed" or (row.status == "listed" and previous != "listed"):
            verb = "Removed" if row.status == "removed" else ("Re-listed" if was_removed else "Listed")
            out.append(
                {
                    "date": row.released,
                    "label": f"{verb} {row.released:%b %Y}",
                    "report_id": row.report_id,
                    "source_id": row.source_id,
                }
            )
        was_removed |= row.status == "removed"
        previous = row.status
    return pd.DataFrame(out, columns=["date", "label", "report_id", "source_id"])


def decision_rules(marks: pd.DataFrame, *, label_y: float = 0, domain: list[str] | None = None) -> alt.LayerChart:
    """Dashed vertical rules with short labels at the dates of USTR's decisions.

    Each label has its own line above the plot, the first at the top, so labels never print over each other
    however narrow the screen. A label sits right of its rule, unless the rule is in the right part of the chart,
    where the label would run off the edge: then left of it. Panels of a stacked chart pass their ``domain``,
    since their x scale is not named 'x' there.
    """
    rules = alt.Chart(marks).mark_rule(strokeDash=[4, 3], color=INK, opacity=0.6).encode(x=alt.X("date:T"))
    labels = []
    for i in range(len(marks)):
        line = -4 - 13 * (len(marks) - 1 - i)
        if domain is None:
            # Flip a label that would run past the right edge: its width estimated from its length at 11 px.
            flip = f"scale('x', datum.date) + {6.2 * len(marks['label'].iloc[i]) + 4:.0f} > width"
            align, dx = alt.ExprRef(f"{flip} ? 'right' : 'left'"), alt.ExprRef(f"{flip} ? -3 : 3")
        else:
            first, last = pd.Timestamp(domain[0]), pd.Timestamp(domain[1])
            right = (marks["date"].iloc[i] - first) / (last - first) > 0.55
            align, dx = ("right", -3) if right else ("left", 3)
        text = alt.Chart(marks.iloc[[i]]).mark_text(
            align=align, dx=dx, dy=line, baseline="bottom", fontSize=11, color=ALIBABA
        )
        labels.append(text.encode(x=alt.X("date:T"), text="label:N", y=alt.value(label_y)))
    return alt.layer(rules, *labels)
