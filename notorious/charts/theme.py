"""The one look of every chart: Alibaba's platforms in one colour, everything else in grey.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common forms of colour
blindness. Charts draw on a white card so they stay legible in the site's dark mode too.
"""

import altair as alt

ALIBABA = "#D55E00"  # vermilion: every Alibaba Group platform
OTHER = "#7A7A7A"  # neutral grey: every other platform or actor
INK = "#1F1F1F"
GRID = "#E3E3E3"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

# A listing status is a category, not a platform, so it gets its own colour-blind-safe set;
# 'listed' shares Alibaba's vermilion because it is the state the book is about.
STATUS_COLOURS = {
    "listed": ALIBABA,
    "named": "#E69F00",
    "warned": "#CC79A7",
    "removed": "#0072B2",
    "not_listed": "#BBBBBB",  # the MISSING grey below: absent from the list
}
STATUS_LABELS = {
    "listed": "Listed",
    "named": "Named (before the list)",
    "warned": "Warned, not listed",
    "removed": "Removed",
    "not_listed": "Not listed",
}
# Ordered categories for everything else (event types, verdicts), all colour-blind safe.
CATEGORICAL = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7A7A7A", "#000000"]

STATIC_WIDTH = 640  # width of the SVG/PNG written to figures/, where the page width is unknown
PHONE_WIDTH = 340  # the text column of a 390 px phone: stacked panels are drawn this wide in figures/


# The claim audit's verdicts, from "as printed" to "wrong": what a reader reads (in charts and tables) and, apart
# from it, the colour a chart draws each in, from the same colour-blind-safe palette. Both keep this order.
VERDICT_LABELS = {
    "confirmed": "Confirmed",
    "partly_confirmed": "Partly confirmed",
    "unverified": "Unverified",
    "contradicted": "Contradicted",
}
VERDICT_COLOURS = {
    "confirmed": "#009E73",
    "partly_confirmed": "#E69F00",
    "unverified": OTHER,
    "contradicted": ALIBABA,
}
MISSING = "#BBBBBB"  # light grey for spans where no source gives a value
# What a key calls each colour of the book (charts/keys.py holds a key to these words).
COLOUR_NAMES = {
    ALIBABA: "orange",
    "#E69F00": "amber",
    "#CC79A7": "pink",
    "#0072B2": "blue",
    "#009E73": "green",
    "#56B4E9": "sky blue",
    OTHER: "grey",
    MISSING: "pale grey",
    "#000000": "black",
}


def status_scale() -> alt.Scale:
    return alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))


def status_legend(title: str = "Status") -> alt.Legend:
    """A legend that names statuses in words (status codes stay in the data)."""
    expr = " : ".join(f"datum.value == '{k}' ? '{v}'" for k, v in STATUS_LABELS.items()) + " : datum.value"
    return alt.Legend(title=title, labelExpr=expr, columns=1)


@alt.theme.register("notorious", enable=True)
def notorious_theme() -> alt.theme.ThemeConfig:
    axis = {
        "labelColor": INK,
        "titleColor": INK,
        "labelFont": FONT,
        "titleFont": FONT,
        "labelFontSize": 12,
        "titleFontSize": 12,
        "gridColor": GRID,
        "domainColor": "#8A8A8A",
        "tickColor": "#8A8A8A",
    }
    return {
        "config": {
            "background": "#FFFFFF",
            "padding": 8,
            "font": FONT,
            "view": {"stroke": None, "continuousHeight": 260},
            "axis": axis,
            "legend": {
                "labelColor": INK,
                "titleColor": INK,
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "direction": "horizontal",
                "columns": 2,
                "labelLimit": 150,
                # Two legends under one chart stack, the second under the first, so a phone does not clip either.
                "layout": {"bottom": {"anchor": "start", "direction": "vertical", "margin": 4}},
            },
            "title": {"color": INK, "fontSize": 14, "anchor": "start"},
            "range": {"category": CATEGORICAL},
            "mark": {"color": ALIBABA},
            "text": {"color": INK, "fontSize": 11},
        }
    }
