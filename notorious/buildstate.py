"""Keep incremental builds honest.

Jupyter Book's execution cache keys on a notebook's code only, and Sphinx re-reads a page only when its
own source changes: after an edit to data/ or to this package, both would serve stale outputs. So
before each build we fingerprint those inputs and, when they changed, start from a clean build folder.
A build is also all or nothing: `make book` runs `--failed` when Jupyter Book fails, which removes the site
so that no broken or stale page can be deployed (the execution reports are kept beside it), and `--check` after
it succeeds, which fails if data/ or the package changed while the build ran.

Usage: python notorious/buildstate.py [--failed | --check] _build  (run as a script: importing the package
would load pandas and Altair, which costs more than the rest of a rebuild with nothing changed)
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INPUTS = [
    "data/**/*",
    "notorious/**/*.py",
    "notorious/static/*",
    "notorious/templates/**/*",
    "_config.yml",
    "_toc.yml",
    "constraints.txt",
    "CITATION.cff",
    "CHANGELOG.md",
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


def discard_site(build: Path, why: str) -> None:
    """Remove the built site, keeping Jupyter Book's execution reports (they say which cell failed)."""
    site, reports = build / "html", build / "html" / "reports"
    if reports.is_dir():
        shutil.rmtree(build / "reports", ignore_errors=True)
        shutil.move(str(reports), str(build / "reports"))
    shutil.rmtree(site, ignore_errors=True)
    (build / ".inputs-sha256").unlink(missing_ok=True)  # the next build starts clean
    print(f"{why}; {site}/ was removed so that no broken or stale site can be deployed", file=sys.stderr)


def unchanged_since_start(build: Path) -> bool:
    stamp = build / ".inputs-sha256"
    return stamp.exists() and stamp.read_text().strip() == fingerprint()


def main(argv: list[str]) -> int:
    mode = argv[0] if argv and argv[0].startswith("--") else None
    build = Path(argv[-1] if argv and not argv[-1].startswith("--") else "_build")
    if mode == "--failed":
        discard_site(build, "the book did not build (see the errors above and the reports in _build/reports)")
        return 1
    if mode == "--check":
        if not unchanged_since_start(build):
            discard_site(build, "data/ or the package changed while the book was building; run `make book` again")
            return 1
        return 0
    if refresh(build):
        print(f"inputs changed: {build}/ emptied, every notebook will execute")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
