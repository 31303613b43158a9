"""The rules a figure keeps whatever it draws: its CSV cannot run in a spreadsheet, and it shows no row without a
source. Each test names its rule and was seen failing with the rule broken (see the commit that added it)."""

import csv
import re

import altair as alt
import pandas as pd
import pytest

import notorious as nt
from notorious.pages import DOC_VARIABLE
from notorious.paths import FIGURES_VARIABLE
from notorious.publish import figures as figmod
from notorious.publish.downloads import FORMULA_STARTS, spreadsheet_safe
from notorious.publish.figures import Figure

# What a spreadsheet runs as a formula, or as the start of one: each start, in a cell a contributor could write.
PAYLOADS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_rule_figure_csvs_are_neutralised_for_spreadsheets():
    """spreadsheet_safe is what a figure's CSV is written through: every text cell that starts as a formula would
    gets a leading apostrophe, whatever the column's dtype (the loader's "string", pandas' "str" or object), and
    nothing else changes."""
    assert set(FORMULA_STARTS) == {p[0] for p in PAYLOADS}, "a start added to the rule needs its payload here"
    n = len(PAYLOADS)
    frame = pd.DataFrame(
        {
            "loaded": pd.array(PAYLOADS, dtype="string"),  # as nt.load() types text columns
            "plain": PAYLOADS,
            "mixed": pd.Series(PAYLOADS, dtype=object),
            "quote": pd.array(["a=b", "Taobao", "", None, "'=kept", "x-y"], dtype="string"),
            "value": [-3.5, -1.0, 0.0, 1.0, 2.5, -0.0],
            "amount": pd.array([-5, 1, 2, 3, 4, None], dtype="Int64"),
            "released": pd.to_datetime(["2016-12-21"] * n),
        }
    )
    before = frame.copy()
    safe = spreadsheet_safe(frame)
    for column in ("loaded", "plain", "mixed"):
        assert safe[column].tolist() == ["'" + p for p in PAYLOADS], column
    assert safe["quote"].tolist()[:3] == ["a=b", "Taobao", ""] and pd.isna(safe["quote"][3])
    assert safe["quote"].tolist()[4:] == ["'=kept", "x-y"], "a cell that does not start as a formula is kept"
    for column in ("value", "amount", "released"):
        assert safe[column].equals(frame[column]), f"{column}: numbers and dates are never touched"
    pd.testing.assert_frame_equal(frame, before)  # the figure's own rows are left as they were
    written = safe.to_csv(index=False, lineterminator="\n")
    assert all(not line.startswith(FORMULA_STARTS) for line in written.split("\n")[1:]), written


KEY = "Each dot is one reported total."


def chart(data):
    return alt.Chart(data).mark_point().encode(x="year:O", y="value:Q")


@pytest.fixture(scope="module")
def ds():
    return nt.load()


@pytest.fixture
def figures(ds, tmp_path, monkeypatch):
    """A figure book for the lobbying chapter; a figure that is (wrongly) drawn writes into tmp_path, not figures/."""
    monkeypatch.delenv(DOC_VARIABLE, raising=False)
    monkeypatch.setenv(FIGURES_VARIABLE, str(tmp_path))
    monkeypatch.setattr(figmod, "FIGURES_DIR", tmp_path, raising=False)
    return nt.FigureBook(ds.sources, doc="chapters/lobbying")


@pytest.mark.parametrize(
    ("source_id", "named"),
    [
        (pd.NA, "rows without a source"),
        (None, "rows without a source"),
        ("", "rows without a source"),
        (" ", "rows without a source"),
        ("no-such-source", "rows without a known source: ['no-such-source']"),
    ],
)
def test_rule_a_figure_refuses_rows_without_a_source(ds, figures, source_id, named):
    """FigureBook.show refuses a row whose source_id is missing, empty or not a source of data/sources.csv, before
    it draws or writes anything."""
    rows = ds.lobbying.head(2).astype({"source_id": object})
    rows.iloc[1, rows.columns.get_loc("source_id")] = source_id
    with pytest.raises(ValueError, match=r"figure 'unsourced': " + re.escape(named)):
        figure = Figure(name="unsourced", chart=chart(rows), rows=rows, table=rows, alt_text="Points", key=KEY)
        figures.show(figure, title="T.", takeaway="K.")


def test_rule_a_figure_s_csv_download_is_written_neutralised(ds, figures, tmp_path):
    """The CSV under a figure (figures/<name>.csv, the rows shown) is written through spreadsheet_safe: a data cell
    that starts as a formula reaches the reader's spreadsheet as text, and numbers are left as they are."""
    admitted = [p for p in PAYLOADS if p[0].isprintable()]  # the loader refuses a tab or carriage return in a cell
    rows = ds.lobbying.head(len(admitted)).copy()
    rows["quote"] = pd.array(admitted, dtype="string")
    figure = Figure(name="formulas", chart=chart(rows), rows=rows, table=rows, alt_text="Points", key=KEY)
    figures.show(figure, title="T.", takeaway="K.")
    with (tmp_path / "formulas.csv").open(newline="", encoding="utf-8") as fh:
        written = list(csv.DictReader(fh))
    assert [r["quote"] for r in written] == ["'" + p for p in admitted]
    assert [r["amount_usd"] for r in written] == [str(v) for v in rows["amount_usd"]], "numbers are never touched"


def test_rule_a_figure_s_table_has_a_reader_s_headers_and_a_caption():
    """'report_id' or 'amount_usd' is the data's name for a column, not a reader's: the table under a figure shows
    the reader's name, and a caption naming the figure."""
    data = pd.DataFrame({"report_id": ["ocr-2016"], "amount_usd": [1], "ruling_or_outcome": ["x"], "source_id": ["a"]})
    markup = figmod._escaped_table(data, "The data of Figure 1.2: A <title>")
    assert "<caption>The data of Figure 1.2: A &lt;title&gt;</caption>" in markup
    assert re.findall(r"<th[^>]*>(.*?)</th>", markup) == ["report", "amount (US$)", "ruling or outcome", "source"]
