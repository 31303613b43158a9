"""A throwaway copy of the repository, and `make book` run in it with the tests' own packages: for the tests
that change the book (poisoned data, failing cells) and must not touch the real one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from notorious.edition import updated
from notorious.paths import ROOT


def copy_repository(target: Path) -> Path:
    """Every file git tracks, copied under ``target``."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def book_command(copy: Path) -> tuple[list[str], dict]:
    """`make book` for the copy, with this virtualenv's tools; the copy's own package (and so its own data/) is
    the one the build and its kernels import. The edition's date is this repository's (a copy has no git)."""
    bin_dir = Path(sys.executable).parent
    epoch = str(int(dt.datetime.combine(updated(), dt.time(), dt.UTC).timestamp()))
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "PYTHONPATH": str(copy),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", epoch),
    }
    return ["make", "-o", ".venv/.installed", f"BIN={bin_dir}", "book"], env


def make_book(copy: Path, timeout: int = 1500) -> subprocess.CompletedProcess:
    command, env = book_command(copy)
    return subprocess.run(command, cwd=copy, capture_output=True, text=True, env=env, timeout=timeout)


def start_book(copy: Path, log: Path) -> subprocess.Popen:
    """`make book` in the copy, started in a session of its own (so that a test can stop all of it), its output
    going to ``log``."""
    command, env = book_command(copy)
    with log.open("w") as out:
        return subprocess.Popen(
            command, cwd=copy, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
