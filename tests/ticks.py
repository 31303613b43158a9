"""Year ticks: what keeps a chart's time axis from ticking on 1 January of each year (tests/charts use it)."""

from notorious.charts import keys


def x_axes(spec: dict) -> list[dict]:
    """The axis of every temporal x encoding of a spec, layers and panels opened."""
    return [
        unit["encoding"]["x"].get("axis") or {}
        for unit in keys._units(spec)
        if unit.get("encoding", {}).get("x", {}).get("type") == "temporal"
        and unit["encoding"]["x"].get("axis") is not None
    ]


def year_tick_problems(spec: dict) -> list[str]:
    """What keeps a chart's time axis from ticking on 1 January of each year."""
    problems = []
    axes = x_axes(spec)
    if not axes:
        return ["the chart has no time axis"]
    for axis in axes:
        values = axis.get("values")
        if not values:
            problems.append(f"an x axis without explicit tick values: {axis}")
            continue
        for value in values:
            if not (isinstance(value, dict) and value.get("month") == 1 and value.get("date") == 1):
                problems.append(f"a tick that is not 1 January: {value}")
                continue
            if set(value) - {"year", "month", "date"}:
                problems.append(f"a tick with a time of day: {value}")
        years = [v["year"] for v in values if isinstance(v, dict)]
        if years != list(range(years[0], years[0] + len(years))):
            problems.append(f"ticks skip a year: {years}")
    return problems
