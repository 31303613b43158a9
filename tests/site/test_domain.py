"""Figure numbers kept in a Sphinx domain (notorious.site.domain): a page showing another chapter's figure number
fails the strict build, whether the pages were read in one process or merged from parallel readers."""

from pathlib import Path

from sphinx.application import Sphinx

NUMBER = '<a class="nt-fignum" href="#f">Figure {}.</a>'


def project(tmp_path: Path, shown: dict[str, str]) -> Sphinx:
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    (src / "conf.py").write_text("extensions = ['notorious.site']\nroot_doc = 'intro'\n", encoding="utf-8")
    pages = {"intro": "Intro", "chapters/listing-history": "Listing", "chapters/lobbying": "Lobbying"}
    for doc, title in pages.items():
        body = f"{title}\n{'=' * len(title)}\n\n"
        if doc == "intro":
            body += ".. toctree::\n\n   chapters/listing-history\n   chapters/lobbying\n\n"
        if doc in shown:
            body += f".. raw:: html\n\n   {NUMBER.format(shown[doc])}\n"
        (src / f"{doc}.rst").write_text(body, encoding="utf-8")
    warnings = (tmp_path / "warnings.txt").open("w")
    return Sphinx(
        str(src),
        str(src),
        str(tmp_path / "out"),
        str(tmp_path / "dt"),
        "html",
        status=None,
        warning=warnings,
        freshenv=True,
    )


def warnings_of(tmp_path: Path) -> str:
    return (tmp_path / "warnings.txt").read_text()


def test_each_page_numbering_its_own_figures_builds_without_a_warning(tmp_path):
    app = project(tmp_path, {"chapters/listing-history": "1.1", "chapters/lobbying": "2.1"})
    app.build()
    assert "Figure" not in warnings_of(tmp_path)
    assert app.env.get_domain("notorious").data["figures"]["chapters/lobbying"] == ["2.1"]


def test_a_page_showing_another_chapters_figure_number_is_a_warning(tmp_path):
    """A chapter copied under another's name shows the other chapter's numbers."""
    app = project(tmp_path, {"chapters/listing-history": "1.1", "chapters/lobbying": "1.1"})
    app.build()
    text = warnings_of(tmp_path)
    assert "chapters/lobbying: Figure 1.1 is numbered as another page's (expected Figure 2.n)" in text
    assert "Figure 1.1 is also a figure of chapters/listing-history" in text


def test_numbers_merged_from_a_parallel_reader_are_checked_and_a_purged_page_forgotten(tmp_path):
    app = project(tmp_path, {"chapters/listing-history": "1.1"})
    app.build()
    domain = app.env.get_domain("notorious")
    domain.merge_domaindata(["chapters/lobbying"], {"figures": {"chapters/lobbying": ["1.1"], "intro": ["9.9"]}})
    assert domain.figures["chapters/lobbying"] == ["1.1"]
    assert domain.figures["intro"] == [], "only the docnames the reader read are merged"
    domain.check_consistency()
    assert "chapters/lobbying: Figure 1.1 is also a figure of chapters/listing-history" in warnings_of(tmp_path)
    domain.clear_doc("chapters/lobbying")
    assert "chapters/lobbying" not in domain.figures
