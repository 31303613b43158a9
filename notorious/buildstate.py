"""Keep incremental builds honest.

Jupyter Book's execution cache keys on a notebook's code only, and Sphinx re-reads a page only when its
own source changes: after an edit to data/ or to this package, both would serve stale outputs. So
before each build we fingerprint those inputs and, when they changed, start from a clean build folder.
Usage: python notorious/buildstate.py _build  (run as a script: importing the package would load pandas and
Altair, which costs more than the rest of a rebuild with nothing changed)
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INPUTS = [
    "data/**/*", "notorious/**/*.py", "notorious/static/*", "notorious/templates/**/*",
    "_config.yml", "_toc.yml", "constraints.txt",
]


def fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    files = sorted({p for pattern in INPUTS for p in root.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def refresh(build: Path) -> bool:
    """Empty ``build`` if the inputs changed since it was made; True when it did."""
    stamp = build / ".inputs-sha256"
    current = fingerprint()
    stale = not stamp.exists() or stamp.read_text().strip() != current
    if stale and build.exists():
        shutil.rmtree(build, ignore_errors=True)  # another build may be emptying it too
    build.mkdir(parents=True, exist_ok=True)
    if stale:
        # Written only when it changes: a file touched on every pre-build makes a watcher rebuild forever.
        stamp.write_text(current + "\n")
    return stale


if __name__ == "__main__":
    build = Path(sys.argv[1] if len(sys.argv) > 1 else "_build")
    if refresh(build):
        print(f"inputs changed: {build}/ emptied, every notebook will execute")
