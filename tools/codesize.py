"""Lines per module of the package and its longest functions, for the working tree or a commit.

    .venv/bin/python tools/codesize.py             # the working tree
    .venv/bin/python tools/codesize.py d4e4003     # a commit (read with git show, nothing checked out)

A function's length is its lines from ``def`` (decorators excluded) to its last line, docstring included;
methods are named Class.method, nested functions outer.inner.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "notorious"
LONGEST = 10


def sources(rev: str | None, where: tuple[str, ...] = (PACKAGE,), suffix: str = ".py") -> dict[str, str]:
    """Every file under ``where`` whose name ends in ``suffix``, by its path, as in ``rev`` (or the working tree)."""
    if rev is None:
        found = (p for w in where for p in ((ROOT / w).rglob(f"*{suffix}") if (ROOT / w).is_dir() else [ROOT / w]))
        return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in found if p.name.endswith(suffix)}
    names = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", rev, *where], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    show = ["git", "show"]
    return {
        n: subprocess.run([*show, f"{rev}:{n}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        for n in names
        if n.endswith(suffix)
    }


def code_lines(page: str) -> int:
    """The lines of a MyST notebook's code cells (between ```{code-cell} and its closing fence), options included."""
    return sum(len(cell.splitlines()) - 1 for cell in re.findall(r"^```\{code-cell\}.*?^```$", page, re.M | re.S))


def functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, int]]:
    """(qualified name, lines) of every function and method under ``tree``."""
    found = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append((prefix + node.name, node.end_lineno - node.lineno + 1))
            found += functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            found += functions(node, f"{prefix}{node.name}.")
    return found


def main(argv: list[str]) -> int:
    rev = argv[0] if argv else None
    files = sources(rev)
    print(f"Lines per module ({rev or 'working tree'}):\n\n| module | lines |\n|---|---|")
    for name in sorted(files):
        print(f"| {name} | {len(files[name].splitlines())} |")
    print(f"| total ({len(files)} modules) | {sum(len(t.splitlines()) for t in files.values())} |")
    ranked = sorted(
        ((lines, f"{name}:{qual}") for name, text in files.items() for qual, lines in functions(ast.parse(text))),
        reverse=True,
    )
    pages = sources(rev, ("intro.md", "chapters"), ".md")
    counted = {name: code_lines(text) for name, text in sorted(pages.items()) if "{code-cell}" in text}
    each = ", ".join(f"{name} {lines}" for name, lines in counted.items())
    print(f"\nCode lines in the pages' code cells: {sum(counted.values())} ({each})")
    print(f"\nThe {LONGEST} longest functions:\n\n| function | lines |\n|---|---|")
    for lines, where in ranked[:LONGEST]:
        print(f"| {where} | {lines} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
