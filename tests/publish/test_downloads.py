"""What readers download is safe to open in a spreadsheet, and otherwise exactly the data."""

import shutil
import zipfile

import pandas as pd

from notorious.paths import DATA_DIR
from notorious.publish.downloads import neutralised, published_files, spreadsheet_safe, write_data_package


def test_cells_a_spreadsheet_would_run_are_neutralised():
    for text in ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]:
        assert neutralised(text) == "'" + text
    assert neutralised("Taobao") == "Taobao"
    assert neutralised("") == ""


def test_figure_downloads_neutralise_text_and_leave_numbers():
    frame = pd.DataFrame({"value": [-3.2, 5], "note": ["=cmd|' /C calc'!A0", "fine"], "year": [2016, 2017]})
    safe = spreadsheet_safe(frame)
    assert safe["note"].tolist() == ["'=cmd|' /C calc'!A0", "fine"]
    assert safe["value"].tolist() == [-3.2, 5] and safe["year"].tolist() == [2016, 2017]


def test_data_downloads_neutralise_only_text_fields(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "metrics.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = frame.index[frame["metric"].eq("share_price_change")][0]
    frame.loc[row, "note"] = '=HYPERLINK("http://evil")'
    frame.to_csv(path, index=False, lineterminator="\n")
    served = published_files(data)["metrics.csv"].decode("utf-8")
    assert "'=HYPERLINK" in served
    assert f",{frame.loc[row, 'value']}," in served and frame.loc[row, "value"].startswith("-"), (
        "a negative number stays a number"
    )


def test_downloads_are_the_data_itself_when_no_cell_needs_neutralising():
    for name, body in published_files().items():
        assert body == (DATA_DIR / name).read_bytes(), f"data/{name} is served changed"


def test_data_package_archive_is_reproducible(tmp_path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    write_data_package(first)
    write_data_package(second)
    assert first.read_bytes() == second.read_bytes()
    assert "notorious-again-data/datapackage.json" in zipfile.ZipFile(first).namelist()
