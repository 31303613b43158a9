"""All or nothing: build the book in a staging folder and publish it only when the whole build succeeded.

``make book`` runs ``python notorious/build/state.py _build -- <jupyter-book flags>``, which

1. takes the build folder's lock (two builds never share one folder) and puts right what a stopped build left:
   a staging folder is removed, a site set aside for publishing is put back;
2. reads the inputs (data/, the package, the configuration, the pages) and their SHA-256, by content;
3. checks the data (bad data stops the build here, with the loader's message as the last thing it prints) while
   notorious/build/execute.py executes, on every core, each notebook the execution cache lacks; then builds in
   ``_build/staging``: Jupyter Book (its doctrees, execution cache and the figures the notebooks write all inside
   it; it finds every page executed), then the PDF edition. The staging folder starts as a copy of the last
   published build when the package and the configuration (which the execution cache cannot see) are the same as
   then, so an unchanged chapter is not executed again; otherwise it starts empty and every notebook executes.
   When tables of data/ changed, the pages that read one of them in the last build (the log of reads, below) are
   stale: they are executed and read again, and no other; a change to any other file of data/ (the schema, its
   README, a seed file) empties the staging folder;
4. checks that the inputs still hold what was read at the start, and that every page, and the build's own
   readers of data/ (the {src} role, the downloads), read exactly those bytes: each records the SHA-256 of what it
   loaded (``dataset.record_read``), so an edit made and undone while the book was building cannot be published;
5. publishes: ``_build/html`` is set aside, the staging site renamed into its place, and the rest of the staging
   folder kept as ``_build/state`` for the next build. A kill at any moment therefore leaves the previous complete
   site, or (between two renames) none, never part of one.

A failed build removes ``_build/html`` (keeping Jupyter Book's execution reports in ``_build/reports``), so no stale
site is left where a deploy would take it. When every input is what the published site was built from, nothing is
rebuilt. ``--preview`` (``make preview``) builds without the PDF, into its own folder, allows the preview's reload
snippet and keeps the last good site when a build fails (the preview server shows the error instead).

Run as a script: importing the package would load pandas and Altair, which costs more than a build with nothing
to do.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]

# What the execution cache cannot see. A change to the package or the configuration executes every notebook again;
# a change to a table of data/ executes again only the pages that read it (each page records what it reads).
DATA = ["data/**/*"]
CODE = [
    "notorious/**/*.py",
    "notorious/site/static/*",
    "notorious/site/templates/**/*",
    "_config.yml",
    "_toc.yml",
    "constraints.txt",
    "requirements.lock",
    "CITATION.cff",
    "CHANGELOG.md",
]
INPUTS = DATA + CODE
# Everything else a build reads: when these and the inputs are unchanged, the published site is current.
PAGES = ["*.md", "chapters/**/*.md", "assets/**/*"]
# Jupyter Book's output folder inside the staging folder (jupyter-book build --path-output staging).
OUTPUT = "_build"
READS = "reads.jsonl"
STAMP = "inputs.json"
# The environment variables the package reads (dataset.READS_VARIABLE, paths.FIGURES_VARIABLE,
# site.hardening.PREVIEW_VARIABLE, site.reading.EXECUTED_VARIABLE); named here too so that this script imports
# nothing of the package.
READS_VARIABLE = "NOTORIOUS_READS"
FIGURES_VARIABLE = "NOTORIOUS_FIGURES"
PREVIEW_VARIABLE = "NOTORIOUS_PREVIEW"
STALE_VARIABLE = "NOTORIOUS_STALE"
CHECKED_VARIABLE = "NOTORIOUS_DATA_CHECKED"
EXECUTED_VARIABLE = "NOTORIOUS_EXECUTED"  # site.reading.EXECUTED_VARIABLE
SCHEMA = "data/datapackage.json"


class BuildFailed(Exception):
    """The build did not produce a complete, current site; the message says why."""


def snapshot(root: Path = ROOT) -> dict[str, str]:
    """Each input file's SHA-256, by its path in the repository."""
    return {
        name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in sorted(_named(root, INPUTS + PAGES))
    }


def _named(root: Path, patterns: list[str]) -> set[str]:
    skip = {"_build", ".venv", "node_modules"}
    found = {p.relative_to(root).as_posix() for pattern in patterns for p in root.glob(pattern) if p.is_file()}
    return {name for name in found if not skip & set(Path(name).parts)}


def digest(files: dict[str, str], names: set[str] | None = None) -> str:
    """One SHA-256 over some of the files (all of them by default), their names included."""
    h = hashlib.sha256()
    for name in sorted(files if names is None else names & set(files)):
        h.update(f"{name}\0{files[name]}\0".encode())
    return h.hexdigest()


def changed_reads(log: Path, files: dict[str, str]) -> list[str]:
    """The files some reader saw with bytes other than the inputs' at the start, each with its readers:
    'data/metrics.csv, as read by chapters/platform-metrics, intro'."""
    if not log.exists():
        return []
    readers: dict[str, set[str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if files.get(entry["file"]) != entry["sha256"]:
            readers.setdefault(entry["file"], set()).add(entry["reader"])
    return [f"{name}, as read by {', '.join(sorted(who))}" for name, who in sorted(readers.items())]


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


# What builds before the staging folder left at the top of _build.
OLD_LAYOUT = (".doctrees", ".jupyter_cache", "jupyter_execute", "pdf", ".inputs-sha256")


def recover(build: Path) -> None:
    """Put right what a stopped build left: its staging folder goes; a site set aside for publishing returns."""
    _remove(build / "staging")
    for name in OLD_LAYOUT:
        _remove(build / name)
    aside = build / "aside"
    if aside.exists():
        if not (build / "html").exists() and (aside / "html").exists():
            os.rename(aside / "html", build / "html")
            if (aside / "state").exists() and not (build / "state").exists():
                os.rename(aside / "state", build / "state")
        _remove(aside)


def published_stamp(build: Path) -> dict | None:
    stamp = build / "state" / STAMP
    if not (build / "html").is_dir() or not stamp.exists():
        return None
    return json.loads(stamp.read_text(encoding="utf-8"))


def data_files(files: dict[str, str]) -> dict[str, str]:
    return {name: sha for name, sha in files.items() if name.startswith("data/")}


def tables(root: Path = ROOT) -> set[str]:
    """The files of data/ that are tables of the data package ('data/lobbying.csv', ...)."""
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    return {f"data/{resource['path']}" for resource in schema["resources"]}


def page_of(entry: dict, root: Path = ROOT) -> str | None:
    """The page a read was for: the page whose notebook read it, or the page a role read it for; None for the
    build's own readers (the data check, the downloads), which run in every build."""
    page = entry.get("page", entry["reader"])
    return page if (root / f"{page}.md").is_file() else None


def stale_pages(log: Path, changed: set[str], root: Path = ROOT) -> set[str] | None:
    """The pages that read one of the ``changed`` files in the last build, or None when a change could reach a
    page unrecorded (the schema, or a file of data/ that is not one of its tables): then every page executes."""
    if SCHEMA in changed or not changed <= tables(root) or not log.exists():
        return None
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return {page for e in entries if e["file"] in changed and (page := page_of(e, root)) is not None}


def forget_reads(log: Path, changed: set[str], stale: set[str]) -> set[str]:
    """Drop from the carried log what the stale pages read and every read of a changed file (they are read again
    in this build); the stale pages whose notebooks had read data/, which must read it again."""
    kept, executed = [], set()
    for line in log.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        page = page_of(entry)
        if page in stale and "page" not in entry:
            executed.add(page)
        if entry["file"] not in changed and page not in stale:
            kept.append(line)
    log.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
    return executed


class Seed(NamedTuple):
    """How the staging folder starts: empty (``clean``), or as the published build, with the pages whose data
    changed (``stale``) to be executed and read again."""

    clean: bool
    changed: list[str]
    stale: set[str]
    executed: set[str]


def seed(build: Path, staging: Path, files: dict[str, str]) -> Seed:
    """Start the staging folder from the published build when the package and the configuration are the same; when
    only tables of data/ changed, the pages that read them are stale."""
    stamp = published_stamp(build)
    out = staging / OUTPUT
    code = digest(files, _named(ROOT, CODE))
    if stamp is None or stamp.get("code") != code:
        out.mkdir(parents=True)
        return Seed(True, [], set(), set())
    old, new = stamp.get("data", {}), data_files(files)
    changed = {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
    stale = stale_pages(build / "state" / READS, changed) if changed else set()
    if stale is None:
        out.mkdir(parents=True)
        return Seed(True, sorted(changed), set(), set())
    shutil.copytree(build / "state", out, symlinks=True)
    shutil.copytree(build / "html", out / "html", symlinks=True)
    executed = forget_reads(out / READS, changed, stale) if changed else set()
    return Seed(False, sorted(changed), stale, executed)


def publish(build: Path, staging: Path) -> None:
    """The staging site becomes _build/html by renames: at every moment there is the old site, or the new, or
    (between two renames) none."""
    out = staging / OUTPUT
    aside = build / "aside"
    _remove(aside)
    aside.mkdir()
    for name in ("state", "html"):
        if (build / name).exists():
            os.rename(build / name, aside / name)
    os.rename(out / "html", build / "html")
    os.rename(out, build / "state")
    _remove(aside)
    _remove(staging)


def discard_site(build: Path, staging: Path) -> None:
    """Remove the published site, keeping Jupyter Book's execution reports (they say which cell failed)."""
    reports = staging / OUTPUT / "html" / "reports"
    if reports.is_dir():
        _remove(build / "reports")
        shutil.move(str(reports), str(build / "reports"))
    for name in ("html", "state"):
        _remove(build / name)
    print(f"{build}/html was removed so that no broken or stale site can be deployed", file=sys.stderr)


CHECK_DATA = """
import sys
from notorious.data.dataset import DataError, load
try:
    load(sys.argv[1])
except DataError as error:
    sys.exit(str(error))
"""


def check_data(data_dir: Path, env: dict | None = None) -> str | None:
    """The loader's verdict on ``data_dir`` before anything else runs: None, or its message (every problem, with
    file, line and column), which is then the last thing the build prints."""
    result = subprocess.run(
        [sys.executable, "-c", CHECK_DATA, str(data_dir)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode == 0:
        return None
    return result.stderr.strip() or f"the data check failed (exit {result.returncode})"


def start(command: list[str], env: dict, output: list[str] | None = None) -> tuple:
    """Start one step of the build; with ``output``, also keep what it prints (the preview shows it)."""
    if output is None:
        return subprocess.Popen(command, cwd=ROOT, env=env), None
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    )

    def keep() -> None:
        for line in process.stdout:
            sys.stdout.write(line)
            output.append(line)

    reader = threading.Thread(target=keep, daemon=True)
    reader.start()
    return process, reader


def finish(step: tuple) -> int:
    process, reader = step
    process.wait()
    if reader is not None:
        reader.join()
    return process.returncode


def stop(*steps: tuple) -> None:
    for process, _ in steps:
        process.terminate()
    for step in steps:
        finish(step)


def run(command: list[str], env: dict, output: list[str] | None = None) -> int:
    return finish(start(command, env, output))


def build(
    build_dir: Path, flags: list[str], *, pdf: bool = True, preview: bool = False, output: list[str] | None = None
) -> bool:
    """One build of the book into ``build_dir``/html, all or nothing: True when it published a new site, False
    when the published one is current; BuildFailed says why it did not publish."""
    build_dir.mkdir(parents=True, exist_ok=True)
    staging = build_dir / "staging"
    with open(build_dir / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for the other build in {build_dir} to finish", file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        recover(build_dir)
        files = snapshot()
        code, everything = digest(files, _named(ROOT, CODE)), digest(files)
        stamp = published_stamp(build_dir)
        if stamp is not None and stamp.get("everything") == everything:
            print(f"{build_dir}/html is up to date: no input changed since it was built", flush=True)
            return False
        seeded = seed(build_dir, staging, files)
        if seeded.clean:
            print("inputs changed: a clean build, every notebook will execute", flush=True)
        elif seeded.changed:
            pages = ", ".join(sorted(seeded.stale)) or "none"
            print(
                f"data changed ({', '.join(seeded.changed)}): the pages that read it execute again: {pages}", flush=True
            )
        out = staging / OUTPUT
        env = {
            **os.environ,
            CHECKED_VARIABLE: digest(files, set(data_files(files))),
            READS_VARIABLE: str((out / READS).resolve()),
            FIGURES_VARIABLE: str((out / "figures").resolve()),
            STALE_VARIABLE: ",".join(sorted(seeded.stale)),
        }
        if preview:
            env[PREVIEW_VARIABLE] = "1"
        (out / "figures").mkdir(exist_ok=True)
        bin_dir = Path(sys.executable).parent
        jupyter_book = [str(bin_dir / "jupyter-book"), "build", ".", "--path-output", str(staging), *flags]
        execute = [sys.executable, str(ROOT / "notorious" / "build" / "execute.py"), str(out / ".jupyter_cache")]
        env[EXECUTED_VARIABLE] = str((staging / "executed").resolve())
        try:
            # The notebooks start executing while the data is checked, and Sphinx starts meanwhile too (its imports,
            # the configuration, the last environment); it reads no page before the file EXECUTED_VARIABLE names
            # exists (site.reading.wait_for_execution). Bad data stops all of them before any page is read.
            executing = start([*execute, "--stale", env[STALE_VARIABLE]], env, output)
            building = start(jupyter_book, env, output)
            problems = check_data(ROOT / "data", env)
            if problems:
                stop(executing, building)
                if output is not None:
                    output.append(problems + "\n")
                raise BuildFailed(problems)
            if finish(executing) != 0:
                stop(building)
                raise BuildFailed("the notebooks could not be executed into the cache (see above)")
            Path(env[EXECUTED_VARIABLE]).touch()
            built = finish(building) == 0
            _check_reads(out, files)  # first: changed data may be why a page failed
            _check_executed(out, seeded.executed)
            if not built:
                raise BuildFailed("the book did not build (see the errors above and the reports in _build/reports)")
            # The last published build's pages are the PDF's first guess where the staging folder started empty.
            printing = [sys.executable, "-m", "notorious.edition.pdf", str(out / "html"), "--last"]
            if pdf and run([*printing, str(build_dir / "state" / "pdf")], env, output) != 0:
                raise BuildFailed("the PDF edition was not printed (see above)")
            if snapshot() != files:
                raise BuildFailed("inputs changed while the book was building; run `make book` again")
            _check_reads(out, files)
        except BuildFailed:
            if not preview:
                discard_site(build_dir, staging)
            _remove(staging)
            raise  # its message is printed last (main)
        _compact(out / READS)
        stamp = {"code": code, "data": data_files(files), "everything": everything}
        (out / STAMP).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
        publish(build_dir, staging)
        return True


def _compact(log: Path) -> None:
    """Each read once: the log is carried from build to build and would otherwise grow with every one."""
    if log.exists():
        lines = dict.fromkeys(log.read_text(encoding="utf-8").splitlines())
        log.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def _check_reads(out: Path, files: dict[str, str]) -> None:
    problems = changed_reads(out / READS, files)
    if problems:
        raise BuildFailed(
            "data changed while the book was building; what these pages read is not what the repository held when "
            f"the build started: {'; '.join(problems)}. Nothing was published; run `make book` again"
        )


def _check_executed(out: Path, pages: set[str]) -> None:
    """Each page executed again for changed data read it again: none is published with its old outputs."""
    log = out / READS
    read = (
        {json.loads(line)["reader"] for line in log.read_text(encoding="utf-8").splitlines()} if log.exists() else set()
    )
    missing = sorted(pages - read)
    if missing:
        raise BuildFailed(
            f"data these pages read changed, and they were not executed again: {', '.join(missing)}. Nothing was "
            "published; run `make clean` and `make book`"
        )


def main(argv: list[str]) -> int:
    flags = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = argv[: argv.index("--")] if "--" in argv else argv
    preview = "--preview" in args
    folders = [a for a in args if not a.startswith("--")]
    build_dir = Path(folders[0] if folders else "_build")
    started = time.monotonic()
    try:
        if build(build_dir, flags, pdf=not preview, preview=preview):
            print(f"published {build_dir}/html ({time.monotonic() - started:.1f} s)", flush=True)
    except BuildFailed as failure:
        print(f"{failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
