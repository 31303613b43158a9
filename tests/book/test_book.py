"""The book's sources agree with each other: notebooks with their references, pages with the schema,
the README with the data, the citation file with the project."""

import json
import re
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

from notorious import load
from notorious.pages import FIGURE_NUMBER, documents, figure_number_problems
from notorious.paths import DATA_DIR, ROOT
from notorious.publish.tables import corrections_log, data_dictionary, source_list

DOCS = documents()
SCHEMA = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))


def code_sources(notebook) -> list[str]:
    return [cell.source.strip() for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("doc", DOCS)
def test_every_page_has_a_myst_notebook_header_jupytext_can_pair(doc):
    text = (ROOT / f"{doc}.md").read_text(encoding="utf-8")
    header = yaml.safe_load(text.split("---")[1])
    assert header["jupytext"]["text_representation"]["extension"] == ".md"
    assert header["jupytext"]["text_representation"]["format_name"] == "myst"
    assert header["kernelspec"]["name"] == "python3"


def figure_numbers(notebook) -> list[str]:
    """The figure numbers a notebook's outputs show, in order."""
    html = (
        "".join(output.get("data", {}).get("text/html", ""))
        for cell in notebook.cells
        for output in cell.get("outputs", [])
    )
    return [number for markup in html for number in FIGURE_NUMBER.findall(markup)]


def test_no_two_pages_number_a_figure_the_same_and_each_numbers_its_own():
    """What the strict build also refuses (sphinx_ext): a chapter copied from another that numbers its figures as
    that chapter's, here in the executed references nbval compares."""
    shown = {doc: figure_numbers(nbformat.read(ROOT / f"{doc}.ipynb", as_version=4)) for doc in DOCS}
    assert sum(map(len, shown.values())) >= 10, "the pages' figures were not found"
    assert figure_number_problems(shown) == []


@pytest.mark.parametrize("doc", DOCS)
def test_reference_notebook_matches_its_source_and_is_executed(doc):
    """nbval checks the .ipynb; this proves the .ipynb is the current .md, executed (`make notebooks`)."""
    reference = ROOT / f"{doc}.ipynb"
    assert reference.exists(), f"{reference.name} is missing: run `make notebooks`"
    source = jupytext.read(ROOT / f"{doc}.md")
    executed = nbformat.read(reference, as_version=4)
    assert code_sources(executed) == code_sources(source), f"{reference.name} is stale: run `make notebooks`"
    for cell in executed.cells:
        if cell.cell_type == "code":
            assert cell.execution_count is not None, f"{reference.name} has unexecuted cells: run `make notebooks`"


def test_dictionary_renders_every_table_and_column_of_the_schema():
    markup = data_dictionary(SCHEMA).html
    for resource in SCHEMA["resources"]:
        assert f'id="table-{resource["name"]}"' in markup
        for field in resource["schema"]["fields"]:
            assert f"<td>{field['name']}</td>" in markup, (resource["name"], field["name"])


def test_dictionary_disagrees_when_the_schema_changes():
    changed = json.loads(json.dumps(SCHEMA))
    changed["resources"][0]["schema"]["fields"].append({"name": "brand_new_column", "type": "string"})
    assert "brand_new_column" in data_dictionary(changed).html
    assert "brand_new_column" not in data_dictionary(SCHEMA).html


def test_data_readme_describes_every_table_and_column():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for resource in SCHEMA["resources"]:
        assert resource["path"] in readme, f"data/README.md does not describe {resource['path']}"
        for field in resource["schema"]["fields"]:
            assert f"`{field['name']}`" in readme, f"data/README.md lacks {resource['name']}.{field['name']}"
    assert "<!-- gaps-start -->" in readme and "<!-- gaps-end -->" in readme


def test_source_list_anchors_every_source():
    sources = load().sources
    markup = source_list(sources).html
    for source_id in sources["source_id"]:
        assert f'id="source-{source_id}"' in markup


def test_corrections_log_renders_rows_and_says_when_empty():
    corrections = load().corrections
    assert "No corrections" in corrections_log(corrections.iloc[0:0]).html
    import pandas as pd

    one = pd.DataFrame(
        {"date": pd.to_datetime(["2026-11-28"]), "what": ["Fixed a date"], "why": ["A typo"], "source_id": [None]}
    )
    markup = corrections_log(one).html
    assert "28 November 2026" in markup and "Fixed a date" in markup  # the house style's long date


def test_citation_file_is_valid_cff():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "license", "version", "type"):
        assert citation.get(key), f"CITATION.cff lacks {key}"
    assert citation["title"] == yaml.safe_load((ROOT / "_config.yml").read_text())["title"]
    assert all("name" in a or "family-names" in a for a in citation["authors"])


def test_licences_are_stated_separately_for_code_and_content():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "Attribution 4.0" in (ROOT / "LICENSE-CONTENT").read_text()
    assert SCHEMA["licenses"][0]["name"] == "CC-BY-4.0"


def test_no_page_links_to_a_cdn():
    for path in [ROOT / "_config.yml", *ROOT.glob("notorious/**/*.py"), *ROOT.glob("notorious/site/static/*")]:
        text = Path(path).read_text(encoding="utf-8")
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, path


# What may stand in prose as digits without glue: years (as names of reports and periods), list markers,
# names ("Special 301", "L2", "Digital Commerce 360"), software versions in the appendix, quotations, and the
# unit "per 10,000".
ALLOWED_DIGITS = [
    r"```.*?```",
    r"\{glue:[a-z]+\}`[^`]*`",
    r"\{doc\}`[^`]*`",
    r"\{src\}`[^`]*`",
    r"<[a-z0-9-]+>`",  # a {gap} role's gap id
    r"\]\([^)]*\)",
    r'"[^"]*"',
    r"\b(19|20)\d\d(s|–\d\d)?\b",
    r"^\s*\d+\. ",
    r"Special 301",
    r"Python 3\.11",
    r"\(1\.x\)",
    r"4\.0",
    r"per 10,000",
    r"Digital Commerce 360",
    r"\bL2\b",
]


# Counts written as words are numbers too ("four years", "Three publications"); "million" after a glued number is
# its unit, and "one" is too often not a count to flag.
NUMBER_WORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens?)\b",
    re.I,
)


def hand_typed(markdown: str) -> list[str]:
    for pattern in ALLOWED_DIGITS:
        markdown = re.sub(pattern, "", markdown, flags=re.S | re.M)
    return [line.strip() for line in markdown.splitlines() if re.search(r"\d", line) or NUMBER_WORDS.search(line)]


@pytest.mark.parametrize("doc", DOCS)
def test_prose_states_no_hand_typed_numbers(doc):
    typed = hand_typed((ROOT / f"{doc}.md").read_text(encoding="utf-8").split("---", 2)[2])
    assert typed == [], f"{doc}.md states numbers not glued from the data: {typed}"


def test_hand_typed_numbers_are_caught():
    assert hand_typed("Alibaba spent $461,000 in 2012.") == ["Alibaba spent $461,000 in ."]
    assert hand_typed("Taobao came back four years later.") == ["Taobao came back four years later."]
    assert hand_typed("Three publications have no date.") == ["Three publications have no date."]
    assert hand_typed('The seed says "more than four\ntimes" as a quotation.') == []
    assert hand_typed("Alibaba spent {glue:text}`spend_2012:,` in 2012.") == []


def test_source_table_folds_the_sources_words_under_it_escaped():
    import pandas as pd

    from notorious.publish.tables import source_table

    sources = pd.DataFrame({"source_id": ["a"], "title": ["T"], "publisher": ["P"], "published": [None]})
    frame = pd.DataFrame({"year": [2016], "source_id": ["a"], "quote": ["<b>Listed</b> again."], "quote_en": [None]})
    markup = source_table(frame, sources, "chapters/lobbying", caption="Rows.").html
    table, words = markup.split("</table>", 1)
    assert "quote" not in table, "the words go under the table, not into a column"
    assert '<details class="nt-quotes">' in words and "<q>&lt;b&gt;Listed&lt;/b&gt; again.</q>" in words


def test_source_list_refuses_to_link_a_url_that_is_not_http():
    import pandas as pd

    sources = pd.DataFrame(
        {
            "source_id": ["x"],
            "title": ["T"],
            "publisher": ["P"],
            "published": [None],
            "url": ["javascript:alert(1)"],
            "kind": ["news"],
            "note": [None],
        }
    )
    assert "javascript:" not in source_list(sources).html


def test_ustr_passages_read_as_escaped_quotations_with_their_source():
    import pandas as pd

    from notorious.publish.tables import passage_list

    reviews = pd.DataFrame({"report_id": ["ocr-2016"], "title": ["2016 <Review>"]})
    sources = pd.DataFrame({"source_id": ["w"], "publisher": ["WWD"], "kind": ["news"]})
    passages = pd.DataFrame(
        {
            "report_id": ["ocr-2016"],
            "platform": ["Taobao"],
            "topic": ["listed_reason"],
            "passage": ["<script>alert(1)</script> unacceptably high"],
            "location": [None],
            "source_id": ["w"],
        }
    )
    markup = passage_list(passages, reviews, sources, "chapters/listing-history").html
    assert "<script>" not in markup and "&lt;script&gt;alert(1)&lt;/script&gt; unacceptably high" in markup
    assert '<h3><span class="nt-verbatim">2016 &lt;Review&gt;</span></h3>' in markup  # the title, verbatim
    assert "Taobao · why it was listed · as quoted by" in markup and "#source-w" in markup


def test_source_list_groups_are_headed_by_their_kind():
    import html

    from notorious.publish.tables import KIND_TITLES

    markup = source_list(load().sources).html
    headings = re.findall(r"<h3>([^<]*) \(\d+\)</h3>", markup)
    assert headings and {html.unescape(h) for h in headings} <= set(KIND_TITLES.values()), headings
