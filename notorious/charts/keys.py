"""Hold a figure's key against its chart: the sentence that says what colour, shape and position mean.

A key is written beside the encoding it describes (in the chart's module), and checked against the chart's own
Vega-Lite spec when the figure is made, so a caption can no longer describe marks the chart does not draw:

- every colour, shape, mark and style the key names is in the spec (``orange`` needs an orange mark, ``hollow`` an
  unfilled point, ``dashed`` a dash, ``tick`` a tick mark);
- every channel the chart encodes from the data (colour, shape, size, opacity, dash) is named in the key;
- every colour the data choose (through a colour scale, or colours held in the data) is named in the key.

What a chart "draws" is what its data reach: a scale that pairs a domain with a range draws only the range values
whose domain value some row holds, so a shape the legend lists but no marker has is not drawn. Keys that depend on
the data are written from it (charts/common.py: precision_key, colour_key, status_key).

A word after "no", "not" or "never" is not a claim that the mark is drawn ("no line joins the years").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .theme import ALIBABA, CATEGORICAL, INK, MISSING, OTHER, STATUS_COLOURS, VERDICT_COLOURS

# Colour words, longest first, with the colours of the palette each may name.
COLOURS = {
    "pale grey": {MISSING},
    "light grey": {MISSING},
    "dark grey": {OTHER},
    "grey": {OTHER, MISSING},
    "orange": {ALIBABA},
    "vermilion": {ALIBABA},
    "amber": {STATUS_COLOURS["named"]},
    "black": {INK, "#000000"},
    "sky blue": {CATEGORICAL[5]},
    "blue": {STATUS_COLOURS["removed"]},
    "green": {VERDICT_COLOURS["confirmed"]},
    "pink": {STATUS_COLOURS["warned"]},
}
# Shape words and the Vega-Lite point shapes (or mark types) that draw them.
SHAPES = {
    "circle": {"circle"},
    "dot": {"circle"},
    "square": {"square"},
    "triangle": {"triangle-up", "triangle-down", "triangle", "triangle-left", "triangle-right"},
    "diamond": {"diamond"},
    "cross": {"cross"},
}
# Mark words and the mark types that draw them.
MARKS = {
    "bar": {"bar", "rect"},
    "column": {"bar", "rect"},
    "band": {"rect"},
    "tick": {"tick"},
    "rule": {"rule"},
    "line": {"rule", "line"},
    "link": {"rule", "line"},
    "label": {"text"},
}
STYLES = {"hollow", "ring", "dashed"}
# What names each encoded channel in a key.
CHANNEL_WORDS = {
    "color": set(COLOURS) | {"colour", "color", "coloured", "colored"},
    "fill": set(COLOURS) | {"colour", "color"},
    "stroke": set(COLOURS) | {"colour", "color"},
    "shape": set(SHAPES) | {"shape"},
    "size": {"size", "larger", "bigger", "area"},
    "opacity": {"faded", "pale", "opacity", "lighter"},
    "strokeDash": {"dashed"},
}
NEGATION = re.compile(r"\b(?:no|not|never|without)\s+(?:\w+\s+){0,2}$")
COMPOSITE = ("layer", "vconcat", "hconcat", "concat")


def _units(spec: dict) -> Iterator[dict]:
    """Every single view of a spec: layers, stacked panels and facets opened."""
    for key in COMPOSITE:
        for part in spec.get(key, []):
            yield from _units(part)
    if "spec" in spec:
        yield from _units(spec["spec"])
    if "mark" in spec:
        yield spec


def _mark(unit: dict) -> dict:
    mark = unit["mark"]
    return {"type": mark} if isinstance(mark, str) else mark


def _field_values(spec: dict, field: str | None) -> set:
    """Every value of ``field`` in the spec's inline datasets."""
    return {row[field] for rows in spec.get("datasets", {}).values() for row in rows if field in row}


def _drawn_range(spec: dict, definition: dict) -> list:
    """The values of a channel's scale range that the chart draws: where the scale pairs a domain with a range,
    only the range values whose domain value occurs in the data (a shape listed in the legend but held by no row is
    not drawn); otherwise the whole range."""
    scale = definition.get("scale") or {}
    values = scale.get("range") if isinstance(scale.get("range"), list) else []
    domain = scale.get("domain") if isinstance(scale.get("domain"), list) else None
    present = _field_values(spec, definition.get("field"))
    if not domain or not present or len(domain) != len(values):
        return values
    return [value for label, value in zip(domain, values, strict=True) if label in present]


def drawn(spec: dict) -> dict[str, set]:
    """What a spec draws: mark types, point shapes, colours, styles, and the channels encoded from data."""
    out = {
        "marks": set(),
        "shapes": set(),
        "colours": set(),
        "encoded_colours": set(),
        "styles": set(),
        "channels": set(),
    }
    for unit in _units(spec):
        mark, encoding = _mark(unit), unit.get("encoding", {})
        if mark.get("opacity") == 0:
            continue  # an invisible extent layer
        kind = mark["type"]
        out["marks"].add(kind)
        if kind == "rule" and mark.get("strokeWidth", 1) >= 3:
            out["marks"].add("bar")  # a thick rule across a period is drawn, and read, as a bar
        if kind in ("circle", "square"):
            out["shapes"].add(kind)
        if kind == "point":
            out["shapes"].add(mark.get("shape", "circle"))
            fill = encoding.get("fill", {})
            white = "#FFFFFF" in {str(v).upper() for v in (fill.get("value"), fill.get("condition", {}).get("value"))}
            if mark.get("filled") is not True and ("fill" not in encoding or white):
                out["styles"].update({"hollow", "ring"})  # Vega-Lite draws a point unfilled unless told otherwise
        if mark.get("strokeDash"):
            out["styles"].add("dashed")
        for prop in ("color", "fill", "stroke"):
            if isinstance(mark.get(prop), str):
                out["colours"].add(mark[prop].upper())
        for channel, definition in encoding.items():
            if not isinstance(definition, dict):
                continue
            value = definition.get("value")
            if channel in ("color", "fill", "stroke") and isinstance(value, str):
                out["colours"].add(value.upper())
            if channel == "shape" and isinstance(value, str):
                out["shapes"].add(value)
            if channel == "strokeDash" and value:
                out["styles"].add("dashed")
            if "field" not in definition and "datum" not in definition:
                continue
            values = _drawn_range(spec, definition)
            if channel in ("color", "fill", "stroke"):
                if "scale" in definition and definition["scale"] is None:
                    # The data hold the colours themselves.
                    held = {str(v).upper() for v in _field_values(spec, definition.get("field"))}
                    out["colours"].update(held)
                    out["encoded_colours"].update(held)
                else:
                    encoded = {str(v).upper() for v in values or CATEGORICAL}
                    out["colours"].update(encoded)
                    out["encoded_colours"].update(encoded)
            if channel == "shape":
                out["shapes"].update(values)
            if channel == "strokeDash":
                out["styles"].add("dashed")
            if channel in CHANNEL_WORDS:
                out["channels"].add(channel)
    return out


def _named(key: str, words) -> list[str]:
    """The words of ``words`` the key says are drawn (singular or plural, not after a negation)."""
    text, found = key.lower(), []
    for word in sorted(words, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(word)}(?:s|es)?\b", text):
            if not NEGATION.search(text[: match.start()]):
                found.append(word)
                text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return found


def key_problems(key: str, spec: dict) -> list[str]:
    """What the key says that the chart does not draw, and what the chart encodes that the key does not say."""
    seen, problems = drawn(spec), []
    data_colours = {c.upper() for c in seen["colours"]}
    for word in _named(key, COLOURS):
        if not {c.upper() for c in COLOURS[word]} & data_colours:
            problems.append(f"the key names {word!r}, but the chart draws no {word} mark")
    for word in _named(key, SHAPES):
        if not SHAPES[word] & seen["shapes"]:
            problems.append(f"the key names {word!r}, but the chart draws no {word}")
    for word in _named(key, MARKS):
        if not MARKS[word] & seen["marks"]:
            problems.append(f"the key names {word!r}, but the chart draws no {word} mark")
    for word in _named(key, STYLES):
        if word not in seen["styles"]:
            problems.append(f"the key names {word!r}, but no mark of the chart is {word}")
    named_colours = {c.upper() for word in _named(key, COLOURS) for c in COLOURS[word]}
    for colour in sorted(seen["encoded_colours"] - named_colours):
        problems.append(f"the chart colours marks {colour} by the data, but the key does not say which colour that is")
    for channel in sorted(seen["channels"]):
        if not _named(key, CHANNEL_WORDS[channel]):
            problems.append(f"the chart encodes {channel} from the data, but the key does not say what it means")
    return problems
