"""A figure's key says what its colours, shapes and positions mean; these tests hold every key against its chart."""

import inspect

import altair as alt
import pandas as pd
import pytest

import notorious as nt
from notorious.charts import brand_coalitions, intro, keys, listing_history, lobbying, platform_metrics
from notorious.charts.theme import COLOUR_NAMES
from notorious.publish.figures import Figure

PAGES = [intro, listing_history, lobbying, brand_coalitions, platform_metrics]
# The two captions that contradicted their charts in version 1.1.0, word for word.
STALE_LIST_SIZE = "Hollow circles mark reviews whose size no source we read states; they are unknown, not zero."
STALE_HIRES = (
    "Former officials are diamonds; a start known only to the year is drawn at 1 January, and where "
    "no source dates the start, the row says so instead of guessing."
)


@pytest.fixture(scope="module")
def ds():
    return nt.load()


def figure_functions():
    """Every figure a page shows: the functions of the chart modules that return a Figure."""
    return [
        (module.__name__.rsplit(".", 1)[1], name, function)
        for module in PAGES
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if inspect.signature(function).return_annotation in (Figure, "Figure")
        and function.__module__ == module.__name__
        and not name.startswith("_")
    ]


def test_every_page_s_figures_come_from_its_chart_module():
    found = {(page, name) for page, name, _ in figure_functions()}
    assert len(found) == 17, sorted(found)
    assert {page for page, _ in found} == {
        "intro",
        "listing_history",
        "lobbying",
        "brand_coalitions",
        "platform_metrics",
    }


@pytest.mark.parametrize(("page", "name", "function"), figure_functions(), ids=lambda v: getattr(v, "__name__", v))
def test_every_figure_s_key_names_only_what_its_chart_draws_and_all_it_encodes(ds, page, name, function):
    figure = function(ds)
    assert keys.key_problems(figure.key, figure.chart.to_dict()) == []
    assert figure.rows["source_id"].notna().all() and "quote" in figure.rows.columns


def test_the_two_stale_captions_of_version_1_1_0_are_caught(ds):
    """Figure 1.3 said 'hollow circles' where it draws grey columns; Figure 2.2 said 'diamonds' it never drew."""
    sizes = listing_history.list_size_figure(ds).chart.to_dict()
    problems = keys.key_problems(STALE_LIST_SIZE, sizes)
    assert "the key names 'circle', but the chart draws no circle" in problems
    assert "the key names 'hollow', but no mark of the chart is hollow" in problems
    hires = lobbying.hires_figure(ds).chart.to_dict()
    assert "the key names 'diamond', but the chart draws no diamond" in keys.key_problems(STALE_HIRES, hires)


def test_a_figure_whose_key_contradicts_its_chart_is_refused():
    data = pd.DataFrame({"year": [2016], "value": [1], "source_id": ["a"], "quote": ["q"]})
    chart = alt.Chart(data).mark_bar(color="#7A7A7A").encode(x="year:O", y="value:Q")
    with pytest.raises(ValueError, match="its key does not match its chart: the key names 'orange'"):
        Figure(name="x", chart=chart, rows=data, table=data, alt_text="A", key="Orange bars are the values.")
    Figure(name="x", chart=chart, rows=data, table=data, alt_text="A", key="Grey bars are the values.")


def test_a_channel_the_chart_encodes_must_be_named_in_the_key():
    data = pd.DataFrame({"year": [2016, 2017], "kind": ["a", "b"], "value": [1, 2]})
    chart = alt.Chart(data).mark_point().encode(x="year:O", y="value:Q", shape="kind:N")
    assert keys.key_problems("Each mark is a value.", chart.to_dict()) == [
        "the chart encodes shape from the data, but the key does not say what it means"
    ]
    assert keys.key_problems("Each mark is a value; its shape is its kind.", chart.to_dict()) == []


def test_a_mark_named_after_no_or_not_is_not_claimed():
    data = pd.DataFrame({"year": [2016], "value": [1]})
    points = alt.Chart(data).mark_circle().encode(x="year:O", y="value:Q").to_dict()
    assert keys.key_problems("Each dot is a value; no line joins the years.", points) == []
    assert keys.key_problems("Each dot is a value; a line joins the years.", points) == [
        "the key names 'line', but the chart draws no line mark"
    ]


# Keys of version 1.2.0 a hostile reader caught, word for word: Figure 1.2 named a triangle its legend listed but no
# marker had; Figure 3.1 said its steps pressed Alibaba or cooperated with it, and drew four colours.
STALE_EVENTS = (
    "Each row is one date and one actor, read down like a list; the marker's shape says how precisely the date is "
    "known (circle: the day, square: the month, triangle: the year), and Alibaba's own steps are orange, others grey."
)
STALE_TIMELINE = (
    "Each row is a party, Alibaba in orange; each marker is one step, coloured by whether it pressed Alibaba or "
    "cooperated with it (named in the legend), its shape saying how precisely the date is known (circle: the day, "
    "square: the month, triangle: the year); dashed rings joined by a black link mark an event two sources date "
    "differently; dashed lines mark USTR's decisions on Taobao."
)


def test_a_shape_only_the_legend_lists_is_not_drawn():
    """A key may name only what a marker draws: a scale's range value no row of the data holds is not drawn."""
    data = pd.DataFrame({"x": [1, 2], "precision": ["day", "month"]})
    scale = alt.Scale(domain=["day", "month", "year"], range=["circle", "square", "triangle-up"])
    chart = alt.Chart(data).mark_point().encode(x="x:Q", shape=alt.Shape("precision:N", scale=scale)).to_dict()
    assert keys.key_problems("Shape: circle the day, square the month, triangle the year.", chart) == [
        "the key names 'triangle', but the chart draws no triangle"
    ]
    assert keys.key_problems("Shape: circle the day, square the month.", chart) == []


def test_every_colour_the_data_choose_is_named_in_the_key():
    """A key that names two of four colours describes a chart that is not drawn."""
    data = pd.DataFrame({"x": [1, 2, 3], "kind": ["a", "b", "c"]})
    scale = alt.Scale(domain=["a", "b", "c", "d"], range=["#D55E00", "#0072B2", "#7A7A7A", "#009E73"])
    chart = alt.Chart(data).mark_circle().encode(x="x:Q", color=alt.Color("kind:N", scale=scale)).to_dict()
    assert keys.key_problems("Orange a, blue b.", chart) == [
        "the chart colours marks #7A7A7A by the data, but the key does not say which colour that is"
    ]
    assert keys.key_problems("Orange a, blue b, grey c.", chart) == []


def test_the_stale_keys_of_version_1_2_0_are_caught(ds):
    events = listing_history.warning_to_relisting_figure(ds).chart.to_dict()
    assert "the key names 'triangle', but the chart draws no triangle" in keys.key_problems(STALE_EVENTS, events)
    timeline = brand_coalitions.timeline_figure(ds).chart.to_dict()
    problems = keys.key_problems(STALE_TIMELINE, timeline)
    assert "the chart colours marks #7A7A7A by the data, but the key does not say which colour that is" in problems


def test_every_colour_name_a_key_writes_is_one_the_key_check_reads():
    for colour, name in COLOUR_NAMES.items():
        assert colour in keys.COLOURS[name], (name, colour)


# The README (Decisions, "One meaning per marker shape"): circle the day, square the month, triangle the year.
README_SHAPES = {"day": ("circle",), "month": ("square",), "year": ("triangle", "triangle-up", "triangle-down")}


def test_rule_one_meaning_per_marker_shape_across_the_book(ds):
    """Wherever a figure encodes shape from its data, the shape says how precisely the date is known, as the README
    states it: each value of the scale is a precision, drawn as its own shape."""
    encoded = 0
    for page, name, function in figure_functions():
        spec = function(ds).chart.to_dict()
        for unit in keys._units(spec):
            shape = unit.get("encoding", {}).get("shape", {})
            if "field" not in shape:
                continue
            scale = shape.get("scale") or {}
            pairs = dict(zip(scale.get("domain", []), scale.get("range", []), strict=True))
            assert pairs, f"{page}.{name}: a shape from {shape['field']!r} without its precision scale"
            for value, drawn in pairs.items():
                assert drawn in README_SHAPES.get(value, ()), f"{page}.{name}: {value!r} drawn as {drawn!r}"
            encoded += 1
    assert encoded >= 4, "the figures that draw dates by precision were not found"
