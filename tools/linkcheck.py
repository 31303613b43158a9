"""Check the sources' addresses (data/sources.csv: url and copy_url) and report the broken ones.

Run weekly by .github/workflows/links.yml. It writes a Markdown summary (to $GITHUB_STEP_SUMMARY when set) and
always exits 0: a dead link is news for the maintainers (find an archived copy, note it), never a reason to hold
back a correction. Addresses inside the repository (data/...) are checked by the loader, not here.
"""

from __future__ import annotations

import csv
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources.csv"
USER_AGENT = "notorious-again-linkcheck (+https://github.com/notorious-again/notorious-again)"
# A fetcher takes an address and returns an HTTP status, or raises OSError (DNS, refused, timeout).
Fetcher = Callable[[str], int]


def fetch(url: str, timeout: float = 20) -> int:
    """The status of ``url``: HEAD first, GET when a server refuses HEAD."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (403, 405, 501):
                continue
            return err.code
    return 0


def addresses(path: Path = SOURCES) -> list[tuple[int, str, str, str]]:
    """(line, source_id, column, address) for every http(s) url and copy_url of sources.csv."""
    found = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            for column in ("url", "copy_url"):
                address = (row.get(column) or "").strip()
                if address.startswith(("http://", "https://")):
                    found.append((reader.line_num, row["source_id"], column, address))
    return found


def broken(found: Iterable[tuple[int, str, str, str]], fetcher: Fetcher = fetch) -> list[tuple]:
    """The addresses that do not answer with a success or a redirect, each with what went wrong."""
    bad = []
    for line, source_id, column, address in found:
        try:
            status = fetcher(address)
            problem = None if 200 <= status < 400 else f"HTTP {status}"
        except (OSError, ValueError) as err:
            problem = f"{type(err).__name__}: {err}"
        if problem:
            bad.append((line, source_id, column, address, problem))
    return bad


def summary(checked: int, bad: list[tuple]) -> str:
    if not bad:
        return f"# Source links\n\nAll {checked} addresses in data/sources.csv answered.\n"
    rows = "\n".join(
        f"| {line} | `{sid}` | {column} | {address} | {problem} |" for line, sid, column, address, problem in bad
    )
    return (
        f"# Source links\n\n{len(bad)} of {checked} addresses in data/sources.csv are broken. Find an archived copy "
        "(copy_url, copy_kind) or note the loss; the book keeps the address it cited.\n\n"
        f"| line | source | column | address | problem |\n|---|---|---|---|---|\n{rows}\n"
    )


def main(path: Path = SOURCES, fetcher: Fetcher = fetch, out=sys.stdout) -> int:
    found = addresses(path)
    text = summary(len(found), broken(found, fetcher))
    out.write(text)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
