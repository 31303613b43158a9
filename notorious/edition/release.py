"""A release: what a reader archives or a library deposits, byte-identical when rebuilt from the same commit.

``python -m notorious.edition.release _build`` (``make release``, after ``make book``) writes ``_build/release/``:

- ``notorious-again-<version>-site.tar.gz``: the website as deployed (Sphinx's bookkeeping left out);
- ``notorious-again-<version>.pdf``: the PDF edition;
- ``notorious-again-<version>-data.zip``: the data package (CSV tables, schema, README);
- ``SHA256SUMS``: their checksums, in the format ``sha256sum -c`` reads.

The archive is reproducible: entries sorted, every time stamp the edition's date (``SOURCE_DATE_EPOCH``), owner
and group 0 without names, fixed modes, and gzip without a file name or time.
"""

from __future__ import annotations

import calendar
import gzip
import hashlib
import io
import sys
import tarfile
from pathlib import Path

from ..publish.downloads import ARCHIVE
from .identity import PDF, edition, updated

# Files of the build that are the builder's notes to itself, not the site: Sphinx's .buildinfo holds absolute
# paths of this checkout, and the stamps record what was already done.
NOT_THE_SITE = (".buildinfo", ".subset", ".version")


def site_files(site: Path) -> list[Path]:
    return sorted(
        (p for p in site.rglob("*") if p.is_file() and not p.name.endswith(NOT_THE_SITE)),
        key=lambda p: p.relative_to(site).as_posix(),
    )


def site_archive(site: Path, top: str, mtime: int) -> bytes:
    """The site as a .tar.gz whose bytes depend only on the files' paths and contents."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in site_files(site):
            info = tarfile.TarInfo(f"{top}/{path.relative_to(site).as_posix()}")
            body = path.read_bytes()
            info.size, info.mtime, info.mode = len(body), mtime, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(body))
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()


def build(build_dir: Path) -> Path:
    site = build_dir / "html"
    missing = [name for name in ("intro.html", PDF, ARCHIVE) if not (site / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{site}: {', '.join(missing)} missing; run `make book` first")
    book = edition()
    stem = f"notorious-again-{book.version}"
    mtime = calendar.timegm(updated().timetuple())
    out = build_dir / "release"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    files = {
        f"{stem}-site.tar.gz": site_archive(site, f"{stem}-site", mtime),
        f"{stem}.pdf": (site / PDF).read_bytes(),
        f"{stem}-data.zip": (site / ARCHIVE).read_bytes(),
    }
    for name, body in files.items():
        (out / name).write_bytes(body)
    sums = "".join(f"{hashlib.sha256(body).hexdigest()}  {name}\n" for name, body in sorted(files.items()))
    (out / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    out = build(Path(argv[0] if argv else "_build"))
    print(f"release written to {out}/:")
    print((out / "SHA256SUMS").read_text(encoding="utf-8"), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
