"""The author's loop, timed: `python tools/speed.py TREE [TREE ...] [--runs 3] [--only cold,bare,...]`.

Each TREE is a clone of the repository (for example main's commit and this branch's, side by side); every tree
runs with this virtualenv's packages and its own package (PYTHONPATH), as the tests' copies do. Each measurement
is taken ``--runs`` times, the trees alternating within each run, under ``/usr/bin/time -v``, and the median wall
time is printed with the command that was timed:

- bare:      every page of the book (_toc.yml's, twelve on 2026-12-04) executed one after another with
             `jupyter-execute` (no build at all)
- cold:      `rm -rf _build && make book`
- unchanged: `make book` again
- nbval:     `pytest intro.ipynb chapters` after the build (nbval checks every reference notebook, as in `make test`)
- data:      one row's note in data/lobbying.csv edited (or the edit undone), then `make book`
- preview:   the same data edit, then the build `make preview` runs on save (no PDF, its own folder)
- prose:     a sentence added to chapters/lobbying.md (or removed), then `make book`
- check:     `make check`
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

BIN = Path(sys.executable).parent
KINDS = ["bare", "cold", "unchanged", "nbval", "data", "preview", "prose", "check"]
MAKE = f"make -o .venv/.installed -o node_modules/.installed BIN={BIN}"
MARK = " (timed edit)"
SENTENCE = "\nA sentence added to time a prose edit.\n"


def pages(tree: Path) -> list[str]:
    """Every page of the tree's book, in the order of its _toc.yml."""
    toc = yaml.safe_load((tree / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [entry["file"] for part in toc["parts"] for entry in part["chapters"]]


def command(kind: str, figures: str, tree: Path) -> str:
    if kind == "bare":
        return "; ".join(
            f"NOTORIOUS_DOC={doc} NOTORIOUS_FIGURES={figures} {BIN}/jupyter-execute --timeout=300 {doc}.ipynb"
            for doc in pages(tree)
        )
    return {
        "cold": f"rm -rf _build && {MAKE} book",
        "unchanged": f"{MAKE} book",
        "nbval": f"{BIN}/python -m pytest -q intro.ipynb chapters",
        "data": f"{MAKE} book",
        "preview": f"{BIN}/python notorious/build/state.py _build/preview --preview -- -W -n --keep-going",
        "prose": f"{MAKE} book",
        "check": f"{MAKE} check",
    }[kind]


def edit(tree: Path, kind: str) -> None:
    """The data and prose edits toggle: every other run undoes the last, so each run is an edit."""
    if kind in ("data", "preview"):
        table = tree / "data" / "lobbying.csv"
        lines = table.read_text(encoding="utf-8").split("\n")
        row = lines[1].rstrip(".")
        lines[1] = (row[: -len(MARK)] if row.endswith(MARK) else row + MARK) + "."
        table.write_text("\n".join(lines), encoding="utf-8")
    elif kind == "prose":
        page = tree / "chapters" / "lobbying.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text[: -len(SENTENCE)] if text.endswith(SENTENCE) else text + SENTENCE, encoding="utf-8")


def timed(tree: Path, kind: str, figures: str) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB) of one run of ``kind`` in ``tree``."""
    edit(tree, kind)
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=tree, capture_output=True, text=True).stdout
    env = {**os.environ, "PYTHONPATH": str(tree), "PATH": f"{BIN}:{os.environ['PATH']}"}
    env["SOURCE_DATE_EPOCH"] = epoch.strip()
    result = subprocess.run(
        ["/usr/bin/time", "-v", "bash", "-c", command(kind, figures, tree)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"{tree}: {kind} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(clock.split(":"))))
    memory = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, memory


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(KINDS))
    args = parser.parse_args(argv)
    kinds = [k for k in KINDS if k in args.only.split(",")]
    trees = [t.resolve() for t in args.trees]
    times: dict[tuple[str, Path], list[float]] = {}
    # The bare execution and the cold builds alternate within each run, so that their ratio is side by side.
    groups = [[k for k in ("bare", "cold") if k in kinds]] + [[k] for k in kinds if k not in ("bare", "cold")]
    with tempfile.TemporaryDirectory() as figures:
        for group in filter(None, groups):
            for run in range(args.runs):
                for kind in group:
                    for tree in trees if kind != "bare" else trees[-1:]:
                        if kind in ("unchanged", "nbval", "data", "prose") and not (tree / "_build" / "html").exists():
                            timed(tree, "unchanged", figures)  # the build these edits start from, not timed
                        if kind == "preview" and not (tree / "_build" / "preview" / "html").exists():
                            timed(tree, "preview", figures)
                        seconds, memory = timed(tree, kind, figures)
                        times.setdefault((kind, tree), []).append(seconds)
                        print(
                            f"{kind:9} {tree.name:12} run {run + 1}: {seconds:6.1f} s, {memory // 1024} MiB", flush=True
                        )
    for tree in trees:  # the edits undone
        subprocess.run(["git", "checkout", "--", "data/lobbying.csv", "chapters/lobbying.md"], cwd=tree, check=True)
    print("\nmedians:")
    for (kind, tree), values in times.items():
        shown = ", ".join(f"{v:.1f}" for v in values)
        print(f"{kind:9} {tree.name:12} {statistics.median(values):6.1f} s ({shown})   `{command(kind, '$TMP', tree)}`")
    bare = [v for (kind, _), v in times.items() if kind == "bare"]
    for (kind, tree), values in times.items():
        if kind == "cold" and bare:
            ratio = statistics.median(values) / statistics.median(bare[0])
            print(f"cold / bare, {tree.name}: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
