"""Chart helpers: numbering, sources, downloads, text alternatives, stable ids, static files."""

import html
import json
import re
import struct

import altair as alt
import pandas as pd
import pytest

from notorious import FigureBook, agreed, glue_value, measure, n_sources, one
from notorious.edition import edition
from notorious.pages import DOC_VARIABLE, chapter_number, figure_number_problems
from notorious.publish import figures as figmod
from notorious.publish.figures import Figure, chart_html
from notorious.site import bundle_source

SOURCES = pd.DataFrame(
    {
        "source_id": ["a-2016", "b-2012"],
        "title": ["A report", "B <story>"],
        "publisher": ["USTR", "Reuters"],
        "published": ["2016-12-21", None],
    }
)
DATA = pd.DataFrame(
    {
        "year": [2012, 2016],
        "value": [1, 2],
        "source_id": ["a-2016", "b-2012"],
        "quote": ["It spent 1 in 2012.", "Spending rose to 2."],
        "quote_en": [None, None],
    }
)


@pytest.fixture
def book(tmp_path, monkeypatch):
    monkeypatch.setattr(figmod, "FIGURES_DIR", tmp_path)
    monkeypatch.setenv(DOC_VARIABLE, "chapters/lobbying")  # as make book, make notebooks and nbval announce it
    return FigureBook(SOURCES), tmp_path


def chart():
    return alt.Chart(DATA).mark_bar().encode(x="year:O", y="value:Q")


KEY = "One bar per year, as high as its value."


def fig(name="spend", data=DATA, alt_text="Bars", key=KEY):
    return Figure(name=name, chart=chart(), rows=data, table=data, alt_text=alt_text, key=key)


def test_a_figure_book_numbers_the_page_its_runner_announces_and_refuses_another(monkeypatch):
    monkeypatch.setenv(DOC_VARIABLE, "chapters/platform-metrics")
    assert FigureBook(SOURCES).prefix == "4"
    assert FigureBook(SOURCES, doc="chapters/platform-metrics").prefix == "4"
    with pytest.raises(ValueError, match="numbered as another page's"):
        FigureBook(SOURCES, doc="chapters/listing-history")  # a chapter copied with its template's name
    monkeypatch.delenv(DOC_VARIABLE)
    with pytest.raises(LookupError, match="name the page"):
        FigureBook(SOURCES)


def test_two_pages_with_one_figure_number_are_reported():
    assert figure_number_problems({"intro": ["1", "2"], "chapters/listing-history": ["1.1", "1.2"]}) == []
    assert figure_number_problems({"index": []}) == []  # a page outside the book's table of contents, no figures
    copied = {"chapters/listing-history": ["1.1"], "chapters/lobbying": ["1.1", "1.2"]}
    assert figure_number_problems(copied) == [
        "chapters/lobbying: Figure 1.1 is numbered as another page's (expected Figure 2.n)",
        "chapters/lobbying: Figure 1.1 is also a figure of chapters/listing-history",
        "chapters/lobbying: Figure 1.2 is numbered as another page's (expected Figure 2.n)",
    ]


def test_chapters_are_numbered_from_the_toc():
    assert chapter_number("intro") == ""
    assert chapter_number("chapters/listing-history") == "1"
    assert chapter_number("chapters/platform-metrics") == "4"
    assert chapter_number("chapters/data-and-methods") == "A"
    assert chapter_number("chapters/sources") == "B"  # the appendix's pages are lettered, as the PDF prints them
    with pytest.raises(ValueError, match="not in _toc.yml"):
        chapter_number("chapters/nowhere")


def test_figure_has_number_caption_sources_download_and_table(book):
    figures, folder = book
    first = figures.show(fig("spend", DATA, "Bars"), title="Spend.", takeaway="It rose.")
    second = figures.show(fig("spend2", DATA.head(1), "Bars"), title="T.", takeaway="K.")
    assert (first.number, second.number) == ("2.1", "2.2")
    assert "nt-source-list" not in first.html  # two sources are named inline, not folded
    markup = first._repr_mimebundle_()["text/html"]
    assert (
        '<a class="nt-fignum" href="#fig-spend" title="Link to this figure">Figure 2.1.</a> '
        "<strong>Spend.</strong> It rose." in markup
    )
    assert 'href="../chapters/sources.html#source-a-2016"' in markup
    assert 'href="../chapters/sources.html#source-b-2012"' in markup
    assert 'title="B &lt;story&gt;"' in markup  # titles are escaped
    assert 'href="../figures/spend.csv" download' in markup
    assert '<details class="nt-table"><summary>Figure 2.1 as a table</summary>' in markup
    assert 'role="img" aria-label="Bars"' in markup
    assert (
        '<noscript><picture class="nt-static"><source media="(max-width: 40em)" srcset="../figures/spend-phone.svg"'
        in markup
    )
    assert '<img src="../figures/spend.svg" alt="Bars" width="' in markup  # its size is reserved before it loads
    # The second figure shows one row, so only its one source is credited.
    assert "source-b-2012" not in second.html
    written = pd.read_csv(folder / "spend.csv", dtype=str, keep_default_na=False)
    assert written.to_dict("list") == DATA.fillna("").astype(str).to_dict("list")
    assert (folder / "spend.svg").read_text().startswith("<svg")
    assert (folder / "export" / "spend.png").read_bytes()[:4] == b"\x89PNG"


def test_every_figure_can_be_cited_embedded_and_exported_stamped(book):
    """The reuse kit: a permalink, a citation line, an embed code for a standalone page, and exports that carry
    the figure's number, title, sources, licence and address inside the image."""
    figures, folder = book
    shown = figures.show(fig("spend", DATA, "Bars"), title="Spend <now>.", takeaway="It rose.")
    book_ = edition()
    address = f"{book_.url}chapters/lobbying.html#fig-spend"
    cite = f'{book_.author_text} ({book_.year}). "Figure 2.1: Spend <now>." In {book_.title} (version {book_.version}).'
    # The notebook's recorded output leaves the edition to the build (edition.stamp), so a release rewrites no
    # notebook; the page the site serves, and the figure's own page, carry it.
    assert book_.version not in shown.html and "[[edition:version]]" in shown.html
    assert html.escape(cite) in book_.stamp(shown.html) and address in shown.html
    assert f"&lt;iframe src=&quot;{book_.url}figures/spend.html&quot;" in shown.html  # shown as code, not markup
    assert "<iframe" not in shown.html and "<now>" not in shown.html
    assert 'href="../figures/export/spend.png" download' in shown.html
    assert 'href="../figures/export/spend.svg" download' in shown.html
    exported = (folder / "export" / "spend.svg").read_text()
    for stamp in ("Figure 2.1. Spend &lt;now&gt;.", "Sources: Reuters, USTR", book_.licence_name, address):
        assert stamp in exported, stamp
    assert "Figure 2.1" not in (folder / "spend.svg").read_text()  # the page's own image is not stamped
    width, height = struct.unpack(">II", (folder / "export" / "spend.png").read_bytes()[16:24])
    svg_width = float(re.search(r'<svg[^>]* width="([0-9.]+)"', exported).group(1))
    assert width == 2 * round(svg_width), "the PNG is drawn at twice the size, for slides"
    page = (folder / "spend.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and '<script defer src="../_static/charts.js"></script>' in page
    assert "<script>" not in page and "cdn" not in page.lower()
    assert html.escape(cite) in page and "[[edition:" not in page
    assert f'href="{address}"' in page  # its permalink and canonical address are the book's
    assert 'href="../chapters/lobbying.html#fig-spend"' in page
    assert 'href="../chapters/sources.html#source-a-2016"' in page


def test_every_data_string_in_a_figure_is_escaped_quotes_included(book):
    """The reproduction: a summary ending ` http-equiv="Content-Security-Policy" content="default-src *"` reached
    the figure's table with its quotes as they were, which the build took for a policy."""
    figures, _ = book
    forged = 'A summary http-equiv="Content-Security-Policy" content="default-src *" \'x\' <b>'
    data = DATA.assign(summary=[forged, "plain"])
    shown = figures.show(fig("spend", data, "A"), title="T", takeaway="K")
    assert forged not in shown.html and 'http-equiv="' not in shown.html
    assert html.escape(forged, quote=False).replace('"', "&quot;") in shown.html


def test_root_page_links_from_the_site_root(tmp_path, monkeypatch):
    monkeypatch.setattr(figmod, "FIGURES_DIR", tmp_path)
    monkeypatch.delenv(DOC_VARIABLE, raising=False)
    shown = FigureBook(SOURCES, doc="intro").show(fig("x", DATA, "A"), title="T", takeaway="K")
    assert shown.number == "1"
    assert 'href="./figures/x.csv"' in shown.html
    assert 'href="./chapters/sources.html#source-a-2016"' in shown.html


def test_rows_without_a_known_source_are_refused(book):
    figures, _ = book
    bad = DATA.assign(source_id=["a-2016", "nowhere"])
    with pytest.raises(ValueError, match="rows without a known source: \\['nowhere'\\]"):
        figures.show(fig("x", bad, "A"), title="T", takeaway="K")
    with pytest.raises(ValueError, match="need a source_id column"):
        figures.show(fig("x", DATA.drop(columns="source_id"), "A"), title="T", takeaway="K")


def test_chart_ids_derive_from_content_so_outputs_are_reproducible():
    spec = chart().to_dict()
    assert chart_html(spec, "A") == chart_html(chart().to_dict(), "A")
    other = alt.Chart(DATA).mark_line().encode(x="year:O", y="value:Q").to_dict()
    id_of = re.compile(r'id="(nt-[0-9a-f]{16})"')
    assert id_of.search(chart_html(spec, "A")).group(1) != id_of.search(chart_html(other, "A")).group(1)


def test_spec_cannot_close_its_script_tag_or_change_how_it_is_parsed():
    text = "</script><script>alert(1)</script> <!--<script> & >"
    data = pd.DataFrame({"x": [text], "y": [1]})
    markup = chart_html(alt.Chart(data).mark_bar().encode(x="x", y="y").to_dict(), "A")
    spec_text = markup.split('data-for="', 1)[1].split(">", 1)[1].rsplit("</script>", 1)[0]
    assert not set("<>&") & set(spec_text)
    assert json.loads(spec_text)["datasets"].popitem()[1][0]["x"] == text


def test_plain_charts_render_offline_without_a_cdn():
    bundle = chart()._repr_mimebundle_()
    markup = bundle[0]["text/html"] if isinstance(bundle, tuple) else bundle["text/html"]
    assert "cdn" not in markup.lower() and "https://" not in markup.split('class="nt-spec"')[0]
    assert 'class="nt-chart"' in markup


def test_glue_values_are_plain_python():
    import numpy as np

    assert type(glue_value("n", np.int64(4))) is int
    assert type(glue_value("f", np.float64(0.5))) is float
    assert repr(glue_value("whole", np.float64(6.0))) == "6"  # "6 million", never "6.0 million"
    with pytest.raises(ValueError, match="missing value"):
        glue_value("gap", pd.NA)


def test_one_requires_exactly_one_match():
    assert one(DATA, "value", year=2016) == 2
    with pytest.raises(LookupError, match="found 0"):
        one(DATA, "value", year=1999)


def test_agreed_returns_the_shared_value_and_refuses_a_disagreement():
    rows = pd.DataFrame({"metric": ["m", "m", "m"], "value": [380, 380, 370], "source_id": ["a", "b", "c"]})
    assert agreed(rows.head(2), "value", metric="m") == 380
    with pytest.raises(LookupError, match="agree on one value, found \\[380, 370\\]"):
        agreed(rows, "value", metric="m")
    with pytest.raises(LookupError, match="found \\[\\]"):
        agreed(rows, "value", metric="other")


def test_figures_and_the_site_bundle_use_one_vega_lite_version():
    from notorious import site

    assert figmod.VEGA_LITE == site.VEGA_LITE


def test_vega_bundle_is_scoped_and_publishes_vega_embed():
    source = bundle_source()
    assert source.startswith("(function () {") and source.rstrip().endswith("})();")
    assert "window.vegaEmbed=" in source
    assert "https://cdn" not in source


def test_many_sources_fold_behind_a_count_but_stay_linked(book):
    figures, _ = book
    many = pd.DataFrame(
        {
            "source_id": [f"s-{i}" for i in range(8)],
            "title": ["T"] * 8,
            "publisher": ["P"] * 8,
            "published": [None] * 8,
        }
    )
    figures.sources = many.set_index("source_id")
    data = pd.DataFrame({"year": range(8), "value": range(8), "source_id": many["source_id"], "quote": "q"})
    markup = figures.show(fig("many", data, "A"), title="T", takeaway="K").html
    assert '<details class="nt-source-list"><summary>Sources: 8 documents</summary>' in markup
    listed = markup.split('<details class="nt-source-list">', 1)[1].split("</details>", 1)[0]
    assert listed.count("sources.html#source-s-") == 8
    # A <details> cannot sit inside a <p>: the browser would move the links out of the source note.
    assert '<div class="nt-sources"><details' in markup


def test_rows_without_their_quote_column_are_refused(book):
    figures, _ = book
    with pytest.raises(ValueError, match="need a quote column"):
        figures.show(fig("x", DATA.drop(columns="quote"), "A"), title="T", takeaway="K")


def test_source_note_unfolds_each_source_s_words_for_the_rows_shown(book):
    figures, folder = book
    data = DATA.assign(
        quote=["It spent 1 in 2012.", "<img src=x onerror=alert(1)>"], quote_en=[None, "In English: two"]
    )
    markup = figures.show(fig("q", data, "A"), title="T", takeaway="K").html
    note = markup.split('<details class="nt-quotes">', 1)[1].split("</details>", 1)[0]
    assert "<summary>What the sources say (2)</summary>" in note
    assert "<q>It spent 1 in 2012.</q>" in note
    assert "<img" not in note and "&lt;img src=x onerror=alert(1)&gt;" in note
    assert '<span class="nt-quote-en">(In English: In English: two)</span>' in note
    assert list(pd.read_csv(folder / "q.csv").columns) == ["year", "value", "source_id", "quote", "quote_en"]


def test_a_quote_repeated_by_several_rows_is_shown_once(book):
    figures, _ = book
    data = DATA.assign(source_id=["a-2016", "a-2016"], quote=["Same words.", "Same words."])
    markup = figures.show(fig("once", data, "A"), title="T", takeaway="K").html
    assert markup.count("<q>Same words.</q>") == 1


def test_rows_without_a_quote_add_no_empty_entry(book):
    figures, _ = book
    markup = figures.show(fig("none", DATA.assign(quote=None), "A"), title="T", takeaway="K").html
    assert "nt-quotes" not in markup


def test_measure_is_the_value_sources_agree_on_for_one_period_and_counts_them():
    rows = pd.DataFrame(
        {
            "metric": ["removed"] * 4,
            "platform": ["Taobao", "Taobao", "Taobao", "Tmall"],
            "period_start": ["2016", "2016", "2015-09", "2016"],
            "period_end": ["2016", "2016", "2016-08", "2016"],
            "value": [380e6, 380e6, 240e6, 1e6],
            "source_id": ["a", "b", "a", "c"],
        }
    )
    assert repr(measure(rows, "removed", "2016", platform="Taobao")) == "380000000"
    assert measure(rows, "removed", "2015-09", "2016-08") == 240e6
    assert n_sources(rows, metric="removed", period_start="2016", value=380e6) == 2
    with pytest.raises(LookupError, match="agree on one value"):
        measure(rows, "removed", "2016")


def test_a_look_up_that_finds_nothing_names_the_table_the_key_and_what_was_sought():
    """The reproduction: a zero-width space in a lobbying client raised a LookupError inside a chapter that named
    neither file nor line."""
    from notorious import load

    lobbying = load().lobbying
    with pytest.raises(LookupError) as caught:
        one(lobbying, "amount_usd", client="Alibaba Group\u200b", year=2012, period="year")
    message = str(caught.value)
    assert message.startswith("data/lobbying.csv: looking up amount_usd, expected one row with ")
    assert "client='Alibaba Group\\u200b', year=2012, period='year', found 0" in message
    assert "no row has client='Alibaba Group\\u200b' (closest: 'Alibaba Group'" in message


def test_a_look_up_that_finds_several_rows_names_their_lines_and_sources():
    """Sources that give one measure different values: the message says which lines and which sources."""
    from notorious import load

    metrics = load().metrics
    key = ["metric", "platform", "period_start", "period_end"]
    disputed = metrics[metrics.groupby(key, dropna=False)["value"].transform("nunique") > 1].iloc[0]
    with pytest.raises(LookupError) as caught:
        measure(metrics, disputed["metric"], disputed["period_start"], disputed["period_end"])
    message = str(caught.value)
    assert message.startswith(f"data/metrics.csv: expected rows with metric='{disputed['metric']}'")
    assert re.search(r"\(lines? \d+.*\) from [a-z0-9-]+", message), message
    with pytest.raises(LookupError, match=r"data/lobbying.csv: looking up amount_usd, .* found \d+ \(lines \d+, \d+"):
        one(load().lobbying, "amount_usd", client="Alibaba Group")


def test_a_subtitle_sits_directly_under_the_title_on_the_page_its_own_page_and_the_exports(book):
    """The finding is the title; the descriptive line goes under it (escaped) wherever the figure is shown."""
    figures, folder = book
    shown = figures.show(fig("spend", DATA, "Bars"), title="Spend rose.", subtitle="Spend <by year>.", takeaway="K.")
    line = '<strong>Spend rose.</strong><br><span class="nt-subtitle">Spend &lt;by year&gt;.</span> K.'
    assert line in shown.html
    assert "<by year>" not in shown.html
    assert line in (folder / "spend.html").read_text()
    exported = (folder / "export" / "spend.svg").read_text()
    title, subtitle = exported.find("Figure 2.1. Spend rose."), exported.find("Spend &lt;by year&gt;.")
    how = exported.find("How to read it")
    assert 0 <= title < subtitle < how, (title, subtitle, how)
    plain = figures.show(fig("plain", DATA, "Bars"), title="T.", takeaway="K.")
    assert "nt-subtitle" not in plain.html and "<strong>T.</strong> K." in plain.html
