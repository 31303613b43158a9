"""The {src} role: one way to cite, read from data/sources.csv, escaped, and strict about unknown ids."""

from pathlib import Path

import pytest
from sphinx.application import Sphinx

from notorious.site import roles

HOSTILE = {
    "source_id": "evil",
    "publisher": '<svg onload="alert(1)">Evil Press',
    "published": "2016",
    "url": 'https://example.org/a"onmouseover="alert(2)',
}


def build(tmp_path: Path, text: str, warnings: Path) -> str:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['notorious.site']\n", encoding="utf-8")
    (src / "index.rst").write_text(f"Title\n=====\n\n{text}\n", encoding="utf-8")
    out = tmp_path / "out"
    with warnings.open("w") as stream:
        app = Sphinx(
            str(src), str(src), str(out), str(tmp_path / "doctrees"), "html", status=None, warning=stream, freshenv=True
        )
        app.build()
    return (out / "index.html").read_text(encoding="utf-8")


def test_src_renders_publisher_and_date_as_a_link(tmp_path):
    page = build(tmp_path, "As reported :src:`opensecrets-2013-09-alibaba-lobbying`.", tmp_path / "w.txt")
    assert 'href="http://www.opensecrets.org/news/2013/09/chinese-internet-giant-lobbied-to-b.html"' in page
    assert ">OpenSecrets (Center for Responsive Politics), September 2013</a>" in page


def test_a_source_read_in_a_copy_names_its_publisher_and_the_kind_of_copy(tmp_path):
    """The original's publisher and date, what the copy is, and a link to the copy when the original's address is
    unknown: 'Bloomberg, 18 April 2012 (read in a reprint)'."""
    page = build(tmp_path, "As reported :src:`bloomberg-2012-04-18-mendenhall`.", tmp_path / "w.txt")
    assert ">Bloomberg, 18 April 2012 (read in a reprint)</a>" in page
    assert 'href="https://www.gadgetsnow.com/' in page


def test_unknown_source_id_is_an_error(tmp_path):
    warnings = tmp_path / "w.txt"
    build(tmp_path, "As reported :src:`no-such-source`.", warnings)
    assert "'no-such-source', which is not a source_id in data/sources.csv" in warnings.read_text()


def test_data_strings_reach_the_page_escaped(tmp_path, monkeypatch):
    monkeypatch.setattr(roles, "_sources", lambda: {"evil": HOSTILE})
    page = build(tmp_path, "As reported :src:`evil`.", tmp_path / "w.txt")
    assert "<svg" not in page and "&lt;svg onload=" in page and "Evil Press, 2016</a>" in page
    assert 'href="https://example.org/a&quot;onmouseover=&quot;alert(2)"' in page


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_a_url_that_is_not_http_is_not_linked(tmp_path, monkeypatch, url):
    monkeypatch.setattr(roles, "_sources", lambda: {"evil": {**HOSTILE, "url": url}})
    warnings = tmp_path / "w.txt"
    page = build(tmp_path, "As reported :src:`evil`.", warnings)
    assert url not in page
    assert "neither its url nor its copy_url is an http(s) address" in warnings.read_text()
