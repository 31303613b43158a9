"""The tables pages show (notorious/publish/tables.py). Each rule test was seen failing with its rule broken."""

import html
import re

import pandas as pd
import pytest

import notorious as nt
from notorious.publish import tables

# A script, an element with a handler, and a quote that would end an attribute: data, never markup.
PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)">'
ESCAPED = html.escape(PAYLOAD, quote=False)


@pytest.fixture(scope="module")
def ds():
    return nt.load()


def shown_as_text(markup: str, cells: int) -> None:
    """The payload is in ``markup`` ``cells`` times, each escaped, and nowhere as markup."""
    assert "<script" not in markup and "<img" not in markup and "onerror=" not in markup.replace("onerror=&quot;", "")
    found = markup.count(ESCAPED) + markup.count(ESCAPED.replace('"', "&quot;"))
    assert found == cells, f"expected {cells} escaped payloads, found {found}"


def poisoned(frame, columns, rows=1):
    frame = frame.head(rows).copy()
    for column in columns:
        frame[column] = frame[column].astype("string")
        frame.iloc[0, frame.columns.get_loc(column)] = PAYLOAD
    return frame


def test_rule_quote_en_and_table_cells_are_escaped_where_they_meet_html(ds):
    """Every data string a table of the pages renders is escaped: a source table's cells, quote and quote_en;
    USTR's passages; the claim audit; the source list; the corrections; the data dictionary."""
    lobbying = poisoned(ds.lobbying, ["client", "registrant", "note", "quote", "quote_en"], rows=2)
    shown_as_text(tables.source_table(lobbying, ds.sources, "chapters/lobbying", caption="Rows.").html, 5)

    passages = poisoned(ds.review_passages, ["passage", "location"])
    reviews = ds.reviews.astype({"title": "string"})
    reviews.loc[reviews["report_id"].eq(passages["report_id"].iloc[0]), "title"] = PAYLOAD
    sources = ds.sources.astype({"publisher": "string"})
    sources.loc[sources["source_id"].eq(passages["source_id"].iloc[0]), "publisher"] = PAYLOAD
    shown_as_text(tables.passage_list(passages, reviews, sources, "chapters/listing-history").html, 4)

    claims = poisoned(ds.claims, ["claim", "finding"])
    shown_as_text(tables.claim_audit(claims, ds.sources, "intro", leads=[]).html, 2)

    listed = poisoned(ds.sources.sort_values("source_id"), ["title", "publisher", "note"])
    shown_as_text(tables.source_list(listed).html, 3)  # the publisher is shown once, in the source's label

    corrections = poisoned(ds.corrections, ["what", "why"]).assign(page="intro")
    shown_as_text(tables.corrections_log(corrections).html, 2)
    shown_as_text(tables.page_corrections(corrections, "intro").html, 2)

    schema = {**ds.schema, "resources": [dict(r) for r in ds.schema["resources"][:1]]}
    resource = schema["resources"][0]
    resource["description"] = PAYLOAD
    resource["schema"] = {**resource["schema"], "fields": [{**resource["schema"]["fields"][0], "description": PAYLOAD}]}
    shown_as_text(tables.data_dictionary(schema).html, 2)


def test_every_table_has_plain_headers_and_a_caption(ds):
    """A reader reads 'report' and 'amount (US$)', never 'report_id' or 'amount_usd', under a caption."""
    frame = pd.DataFrame(
        {"report_id": ["ocr-2016"], "amount_usd": [1], "ruling_or_outcome": ["x"], "source_id": ["seed-article"]}
    )
    markup = tables.source_table(frame, ds.sources, "chapters/lobbying", caption="What <b> says.").html
    assert "<caption>What &lt;b&gt; says.</caption>" in markup
    headers = re.findall(r"<th[^>]*>(.*?)</th>", markup)
    assert headers == ["report", "amount (US$)", "ruling or outcome", "source"]
    for markup in (tables.corrections_log(ds.corrections).html, tables.data_dictionary(ds.schema).html):
        assert "_" not in " ".join(re.findall(r"<th[^>]*>(.*?)</th>", markup))
        assert "<caption>" in markup
