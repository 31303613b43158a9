"""A throwaway copy of the repository, and `make book` run in it with the tests' own packages: for the tests
that change the book (poisoned data, failing cells) and must not touch the real one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from notorious.paths import ROOT


def copy_repository(target: Path) -> Path:
    """Every file git tracks, copied under ``target``."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def make_book(copy: Path, timeout: int = 1500) -> subprocess.CompletedProcess:
    """`make book` in the copy, with this virtualenv's tools; the copy's own package (and so its own data/) is
    the one the build and its kernels import."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PYTHONPATH": str(copy)}
    return subprocess.run(
        ["make", "-o", ".venv/.installed", f"BIN={bin_dir}", "book"],
        cwd=copy,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
