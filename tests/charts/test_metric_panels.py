"""Figures 4.1, 4.2, 4.4 and 4.5 show values on value axes: one panel per measure, each with its own axis from zero
(the values differ by orders of magnitude), every value drawn at its height and labelled; ticks on 1 January."""

import pytest
from ticks import year_tick_problems

import notorious as nt
from notorious.charts import keys
from notorious.charts import platform_metrics as mc
from notorious.paths import ROOT

FIGURES = ["enforcement_figure", "scale_figure", "police_counts_figure", "police_values_figure"]


@pytest.fixture(scope="module")
def ds():
    return nt.load()


def rows_of(spec: dict, view: dict) -> list[dict]:
    return spec["datasets"][view["data"]["name"]] if "data" in view and "name" in view["data"] else []


def panel_problems(spec: dict) -> list[str]:
    """What keeps a chart from being small multiples of values: panels that mix measures or units, a value drawn
    without a quantitative axis, an axis that leaves out a value or zero, a value without its label."""
    if "vconcat" not in spec:
        return ["not one panel per measure"]
    problems = []
    for n, panel in enumerate(spec["vconcat"]):
        views = [view for view in keys._units(panel) if view["mark"].get("opacity") != 0]  # not the extent
        drawn = [row for view in views if view["mark"]["type"] in ("rule", "point") for row in rows_of(spec, view)]
        drawn = [row for row in drawn if "value" in row]
        measures = {(row["metric"], row["platform"], row["unit"]) for row in drawn}
        if len(measures) != 1:
            problems.append(f"panel {n} draws {len(measures)} measures: {sorted(measures)}")
        for view in views:
            if view["mark"]["type"] in ("rule", "point") and rows_of(spec, view):
                y = view["encoding"].get("y", {})
                if y.get("type") != "quantitative" or y.get("field") != "value":
                    problems.append(f"panel {n}: a mark not placed by its value on a value axis")
                    continue
                low, high = y["scale"]["domain"]
                if not low <= 0 <= high or any(not low <= row["value"] <= high for row in rows_of(spec, view)):
                    problems.append(f"panel {n}: its axis ({low}, {high}) leaves out zero or a value")
        labelled = {row["text"] for view in views if view["mark"]["type"] == "text" for row in rows_of(spec, view)}
        for row in drawn:
            label = mc.short_value(row["value"], row["unit"], row["qualifier"])
            if not any(label in text.split(" / ") for text in labelled):
                problems.append(f"panel {n}: {label} is drawn without its label")
    return problems


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_is_one_panel_per_measure_with_its_values_labelled_on_a_value_axis(ds, name):
    figure = getattr(mc, name)(ds)
    spec = figure.chart.to_dict()
    assert panel_problems(spec) == [], name
    assert year_tick_problems(spec) == [], name
    assert "own value axis" in figure.key


def test_rule_the_old_text_list_and_a_shared_axis_are_caught(ds):
    """The 1.1 chart (values written on rows of a time axis) and two measures on one axis both fail the check."""
    spec = mc.enforcement_figure(ds).chart.to_dict()
    spec["vconcat"][1] = spec["vconcat"][0] | {"layer": spec["vconcat"][0]["layer"] + spec["vconcat"][1]["layer"]}
    assert any("measures" in p for p in panel_problems(spec))
    spec = mc.enforcement_figure(ds).chart.to_dict()
    for view in keys._units(spec):
        if view["mark"]["type"] == "rule":
            view["encoding"]["y"] = {"field": "row", "type": "nominal"}
    assert any("value axis" in p for p in panel_problems(spec))
    spec = mc.enforcement_figure(ds).chart.to_dict()
    for view in keys._units(spec):
        if view["mark"]["type"] == "text":
            view["data"] = {"values": []}
    assert any("without its label" in p for p in panel_problems(spec))


def test_the_values_differ_by_orders_of_magnitude_so_no_two_panels_share_an_axis(ds):
    spec = mc.scale_figure(ds).chart.to_dict()
    domains = []
    for panel in spec["vconcat"]:
        ys = {tuple(v["encoding"]["y"]["scale"]["domain"]) for v in keys._units(panel) if "y" in v.get("encoding", {})}
        assert len(ys) == 1
        domains.append(ys.pop())
    highs = sorted(d[1] for d in domains)
    assert highs[-1] / highs[0] > 1000, highs


def test_figure_4_1_title_names_the_last_year_with_a_count_of_listings_removed(ds):
    rows = ds.metrics[
        ds.metrics["metric"].eq("listings_removed") & ds.metrics["platform"].isin([mc.ALIBABA_ALL, "Taobao"])
    ]
    last = rows["period_end"].dropna().astype(str).str[:4].max()
    assert mc.enforcement_title(ds) == f"In our sources, the counts of listings removed end with {last}"


def test_figure_4_2_title_gives_the_orders_of_the_largest_counts(ds):
    rows = mc.scale_measures(ds)
    live = rows.loc[rows["metric"].eq("live_listings"), "value"].max()
    removed = rows.loc[rows["metric"].eq("listings_removed"), "value"].max()
    assert live >= 1e9 and 1e8 <= removed < 1e9, (live, removed)
    assert mc.scale_title(ds) == (
        "The largest count of live listings a source gives is in the billions, the largest of listings removed in the "
        "hundreds of millions"
    )


def test_figure_4_4_title_names_the_year_with_most_arrests_of_the_single_year_counts(ds):
    rows = ds.metrics[ds.metrics["metric"].eq("arrests") & ds.metrics["platform"].eq(mc.ALIBABA_ALL)]
    single = rows[rows["period_start"].astype(str).str.len().eq(4) & rows["period_start"].eq(rows["period_end"])]
    peak = single.loc[single["value"].astype(float).idxmax(), "period_start"]
    assert mc.arrests_title(ds) == f"The most arrests reported for a single year are for {peak}"
    # The two-year 2017-18 total is not a single year and is not compared.
    assert "2017" not in mc.arrests_title(ds)


def test_the_chapter_takes_the_finding_titles_from_the_chart_module():
    chapter = (ROOT / "chapters/platform-metrics.md").read_text(encoding="utf-8")
    for function in ("enforcement_title", "scale_title", "arrests_title"):
        assert f"title=mc.{function}(ds)," in chapter, function
