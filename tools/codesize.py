"""Lines per module of the package and its longest functions, for the working tree or a commit.

    .venv/bin/python tools/codesize.py             # the working tree
    .venv/bin/python tools/codesize.py d4e4003     # a commit (read with git show, nothing checked out)

A function's length is its lines from ``def`` (decorators excluded) to its last line, docstring included;
methods are named Class.method, nested functions outer.inner.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "notorious"
LONGEST = 10


def sources(rev: str | None) -> dict[str, str]:
    """Every .py file of the package, by its path, as it is in ``rev`` (or the working tree)."""
    if rev is None:
        return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in (ROOT / PACKAGE).rglob("*.py")}
    names = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", rev, PACKAGE], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    show = ["git", "show"]
    return {
        n: subprocess.run([*show, f"{rev}:{n}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        for n in names
        if n.endswith(".py")
    }


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
    print(f"\nThe {LONGEST} longest functions:\n\n| function | lines |\n|---|---|")
    for lines, where in ranked[:LONGEST]:
        print(f"| {where} | {lines} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
