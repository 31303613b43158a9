"""What readers download: the data tables, the data package archive and each figure's rows.

A CSV opened in a spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a formula, so a
contributed row could run one on a reader's machine. Every text cell that starts that way is written with a
leading apostrophe, which spreadsheets show as text; numbers are never touched. The repository's own data/
keeps the cells as they are: only the copies readers download are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from ..data.dataset import record_read
from ..paths import DATA_DIR

ARCHIVE = "downloads/notorious-again-data.zip"
# A fixed timestamp keeps the archive byte-identical from build to build.
ZIP_TIME = (2016, 12, 21, 0, 0, 0)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """A text cell a spreadsheet will not run: "=1+1" becomes "'=1+1"."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its text cells neutralised; numeric, date and boolean columns are left as they are."""
    safe = frame.copy()
    for column in safe.columns:
        if pd.api.types.is_object_dtype(safe[column]) or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralised(v) if isinstance(v, str) else v)
    return safe


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    record_read(path, data, reader="the site's data downloads")
    return data


def safe_table_text(path: Path, resource: dict) -> str:
    """A data/ CSV as readers download it: its string fields (per the schema) neutralised, numbers untouched."""
    text_fields = {f["name"] for f in resource["schema"]["fields"] if f.get("type", "string") == "string"}
    rows = list(csv.reader(io.StringIO(_read(path).decode("utf-8"), newline="")))
    header = rows[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows[1:]:
        writer.writerow([neutralised(v) if name in text_fields else v for name, v in zip(header, row, strict=True)])
    return out.getvalue()


def published_files(data_dir: Path = DATA_DIR) -> dict[str, bytes]:
    """Every file of data/ as readers get it, by its path inside data/."""
    schema = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["path"]: r for r in schema["resources"]}
    files = {}
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        name = path.relative_to(data_dir).as_posix()
        files[name] = safe_table_text(path, tables[name]).encode("utf-8") if name in tables else _read(path)
    return files


def write_data(target_dir: Path, data_dir: Path = DATA_DIR) -> None:
    """The data/ folder the site serves."""
    for name, body in published_files(data_dir).items():
        target = target_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != body:
            target.write_bytes(body)


def write_data_package(target: Path, data_dir: Path = DATA_DIR) -> None:
    """Zip data/ (CSVs, datapackage.json, README, the seed) under a top folder, reproducibly.

    Skipped when the archive is newer than every data file, so a rebuild with nothing changed stays fast.
    """
    sources = sorted(p for p in data_dir.rglob("*") if p.is_file())
    if target.exists() and target.stat().st_mtime >= max(p.stat().st_mtime for p in sources):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in published_files(data_dir).items():
            info = zipfile.ZipInfo(f"notorious-again-data/{name}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, body)
