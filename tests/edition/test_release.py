"""The edition and the release: one place for the version and the date, citations written from it, a changelog
that agrees with it, and a release bundle that is byte-identical when rebuilt from the same commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
import tarfile

import pandas as pd
import pytest
import yaml

from notorious.edition import Release, edition, release, release_of, releases, updated
from notorious.edition import identity as editions
from notorious.paths import ROOT
from notorious.publish.tables import corrections_by_version
from tests.repository import copy_repository

pytestmark = pytest.mark.built  # the whole module needs the built site or runs a build

BUILD = ROOT / "_build"


def test_citation_changelog_and_configuration_agree():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"] == cff["repository-code"], "the theme's buttons and the citation disagree"
    newest = releases()[0]
    assert newest.version == str(cff["version"]), "CHANGELOG.md's newest version is not CITATION.cff's"
    assert newest.date.isoformat() == str(cff["date-released"])
    dates = [r.date for r in releases()]
    assert dates == sorted(dates, reverse=True), "CHANGELOG.md lists versions newest first"


def test_the_edition_date_is_the_commit_s_never_the_clock_s(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1482278400")  # 21 December 2016, 00:00 UTC
    assert updated() == dt.date(2016, 12, 21)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    commit = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True)
    if commit.returncode == 0 and commit.stdout.strip():
        # %cs is the committer date in the committer's zone; the edition uses UTC, at most a day apart.
        assert abs((updated() - dt.date.fromisoformat(commit.stdout.strip())).days) <= 1


def test_citations_are_written_from_citation_cff(tmp_path, monkeypatch):
    cff = tmp_path / "CITATION.cff"
    cff.write_text(
        'cff-version: 1.2.0\ntitle: "A <Book>"\nversion: "9.8.7"\ndate-released: "2030-01-02"\n'
        'authors:\n  - name: "Team A"\n  - given-names: Ann\n    family-names: Lee\nlicense: CC-BY-4.0\n'
        'url: "https://example.org/book"\nrepository-code: "https://example.org/repo/"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(editions, "CITATION", cff)
    editions.edition.cache_clear()
    try:
        book = edition()
        assert book.url == "https://example.org/book/" and book.repository == "https://example.org/repo"
        assert (
            book.citation()
            == "Team A, Ann Lee (2030). A <Book> (version 9.8.7) [Book and dataset]. https://example.org/book/"
        )
        bibtex = book.bibtex()
        assert "author = {{Team A} and {Ann Lee}}" in bibtex and "version = {9.8.7}" in bibtex
        assert "note = {Book and dataset, licensed CC BY 4.0}" in bibtex
        assert book.figure_citation("2.1", "Spend.", "chapters/lobbying", "fig-spend").endswith(
            '"Figure 2.1: Spend." In A <Book> (version 9.8.7). https://example.org/book/chapters/lobbying.html#fig-spend'
        )
        cff.write_text(cff.read_text(encoding="utf-8").replace('version: "9.8.7"\n', ""), encoding="utf-8")
        editions.edition.cache_clear()
        with pytest.raises(ValueError, match="missing version"):
            edition()
    finally:
        editions.edition.cache_clear()


def test_each_correction_is_listed_under_the_first_version_that_carried_it():
    listed = [Release("1.1.0", dt.date(2026, 11, 29)), Release("1.0.0", dt.date(2026, 11, 28))]
    assert release_of(dt.date(2026, 11, 28), listed) == "1.0.0"
    assert release_of(dt.date(2026, 11, 29), listed) == "1.1.0"
    assert release_of(dt.date(2026, 12, 1), listed) is None
    corrections = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-11-27", "2026-11-29", "2026-12-01"]),
            "what": ["old <b>fix</b>", "new fix", "latest fix"],
            "why": ["a", "b", "c"],
            "source_id": [None, None, None],
        }
    )
    shown = corrections_by_version(corrections, listed).html
    order = [
        shown.index(h) for h in ("Not yet released (1 correction)", "Version 1.1.0 (1 correction)", "Version 1.0.0")
    ]
    assert order == sorted(order)
    assert "old &lt;b&gt;fix&lt;/b&gt;" in shown and "<b>fix" not in shown


def test_a_site_archive_depends_only_on_its_files(tmp_path):
    site = tmp_path / "html"
    (site / "a").mkdir(parents=True)
    (site / "a" / "page.html").write_text("<p>x</p>")
    (site / "index.html").write_text("<p>i</p>")
    (site / ".buildinfo").write_text(f"config: {tmp_path}")  # Sphinx's notes, with this machine's paths
    first = release.site_archive(site, "top", 1482278400)
    os.utime(site / "index.html", (0, 0))
    (site / ".buildinfo").write_text("config: elsewhere")
    assert release.site_archive(site, "top", 1482278400) == first
    with tarfile.open(fileobj=io.BytesIO(first)) as tar:
        assert tar.getnames() == ["top/a/page.html", "top/index.html"]
        assert {(m.mtime, m.uid, m.uname, m.mode) for m in tar.getmembers()} == {(1482278400, 0, "", 0o644)}


@pytest.fixture(scope="module")
def bundle():
    if not (BUILD / "html" / "intro.html").exists():
        pytest.fail("no built site: run `make book` first")
    return release.build(BUILD)


def test_the_release_bundle_holds_the_site_the_pdf_and_the_data_with_checksums(bundle):
    version = edition().version
    names = sorted(p.name for p in bundle.iterdir())
    stem = f"notorious-again-{version}"
    assert names == sorted(["SHA256SUMS", f"{stem}-data.zip", f"{stem}-site.tar.gz", f"{stem}.pdf"])
    for line in (bundle / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((bundle / name).read_bytes()).hexdigest() == digest, name
    with tarfile.open(bundle / f"{stem}-site.tar.gz") as tar:
        files = set(tar.getnames())
    assert {f"{stem}-site/intro.html", f"{stem}-site/downloads/notorious-again.pdf"} <= files
    assert not any(name.endswith(release.NOT_THE_SITE) for name in files)


def test_a_rebuild_from_the_same_commit_gives_the_same_bytes(bundle, tmp_path):
    """The repository's files copied elsewhere (no git, no build, another path) and `make release` run there, with
    the commit's date: every file of the bundle is byte-identical."""
    copy = copy_repository(tmp_path / "copy")
    bin_dir = os.path.dirname(sys.executable)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "PYTHONPATH": str(copy),
        "SOURCE_DATE_EPOCH": str(int(dt.datetime.combine(updated(), dt.time(), dt.UTC).timestamp())),
    }
    result = subprocess.run(
        ["make", "-o", ".venv/.installed", f"BIN={bin_dir}", "release"],
        cwd=copy,
        capture_output=True,
        text=True,
        env=env,
        timeout=1500,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rebuilt = copy / "_build" / "release"
    assert sorted(p.name for p in rebuilt.iterdir()) == sorted(p.name for p in bundle.iterdir())
    for path in sorted(bundle.iterdir()):
        if path.name.endswith(".tar.gz"):
            members = _members(rebuilt / path.name), _members(path)
            changed = sorted(n for n in members[0].keys() | members[1].keys() if members[0].get(n) != members[1].get(n))
            assert changed == [], f"{path.name}: these files of the site differ when rebuilt: {changed[:10]}"
        assert (rebuilt / path.name).read_bytes() == path.read_bytes(), f"{path.name} differs when rebuilt"


def _members(archive) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
