"""The errata of the fact audit of version 1.1.0 (issue 20), one test each, naming the source that corrects it.

Each test fails on the old error: it was run against the data and prose of 1.1.0 (commit 05848a3) and seen failing
before the fix. Data changes are logged in data/corrections.csv and shown on the page they changed.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from notorious import load, measure
from notorious.charts import brand_coalitions as coalitions
from notorious.charts.platform_metrics import measured
from notorious.paths import ROOT

H = ("2014-07", "2014-12")  # SAIC's test purchase, second half of 2014


@pytest.fixture(scope="module")
def ds():
    return load()


def page(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def glued(notebook: str) -> dict[str, str]:
    """Every value a page glues, as its executed notebook (nbval's reference) records it."""
    cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
    values = {}
    for cell in cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("scrapbook")
            if record:
                data = output["data"]
                values[record["name"]] = next(iter(data.values()))
    return values


# --- Data ---------------------------------------------------------------------------------------------------------


def test_saic_sampled_seven_items_on_tmall_and_twenty_on_jd(ds):
    """Xinhua (xinhua-2015-01-27-watchdog-finds-fake-goods): '6 of 7 items from Tmall.com; 18 of 20 from JD.com'. The
    blog the rows came from swapped the columns; the chapter must glue Xinhua's counts, not the blog's."""
    xinhua = dict(source_id="xinhua-2015-01-27-watchdog-finds-fake-goods")
    assert measure(ds.metrics, "sample_size", *H, platform="Tmall", **xinhua) == 7
    assert measure(ds.metrics, "sample_size", *H, platform="JD.com", **xinhua) == 20
    values = glued("chapters/platform-metrics.ipynb")
    assert values["saic_tmall_n"] == "7" and values["saic_jd_n"] == "20"


def test_taobao_is_not_called_the_lowest_of_all_platforms(ds):
    """People's Daily Online (peoplesdaily-2015-01-23-saic-taobao-lowest): ZOL Mall's one item was 0% genuine, below
    Taobao's 37.25%. 'Lowest' is said only of platforms SAIC bought more than one item from."""
    zol = ds.metrics[ds.metrics["platform"].eq("ZOL Mall") & ds.metrics["metric"].eq("genuine_share_in_sample")]
    assert (zol["value"] == 0).all() and len(zol)
    text = page("chapters/platform-metrics.md")
    assert "Taobao scored lowest" not in text
    assert "the lowest of the platforms it sampled" not in text
    assert "more than one item" in text


def test_ustr_cites_a_motor_vehicle_makers_95_percent(ds):
    """Reuters (reuters-2016-12-21-taobao-blacklist) quotes USTR: at least 95 percent of goods bearing a large motor
    vehicle maker's marks on Alibaba platforms were suspected counterfeits. The chapter had said USTR's evidence was
    what rights holders told it about their complaints."""
    passage = ds.review_passages[ds.review_passages["source_id"].eq("reuters-2016-12-21-taobao-blacklist")]
    assert passage["passage"].str.contains("at least 95 percent").any()
    assert "The evidence it cites is what rights holders told it" not in page("chapters/listing-history.md")


def test_alibabas_2015_proactive_removals_are_recorded(ds):
    """Essential Retail (essentialretail-2016-alibaba-joint-force): more than 120 million listings taken down in 2015
    by Alibaba's own systems, eight times the removals on request. The chapter had said Alibaba gave neither count."""
    assert measure(ds.metrics, "listings_removed_proactive", "2015") == 120_000_000
    assert "without giving either count" not in page("chapters/platform-metrics.md")


def test_dhgate_is_on_the_2015_list_as_a_taiwanese_wire_reports(ds):
    """CNA (cna-2015-12-17-notorious-markets) names dhgate.com on the 2015 online list; the 2017 row is no longer its
    'first listing' and the README no longer says searches found no such report."""
    rows = ds.listings.set_index(["report_id", "platform"])
    assert rows.loc[("ocr-2015", "DHgate"), "status"] == "listed"
    assert "First listing" not in str(rows.loc[("ocr-2017", "DHgate"), "note"])
    assert "found no such report" not in page("data/README.md")


def test_the_2016_list_sizes_are_stated_by_the_source_cited_for_them(ds):
    """International Trade Today (internationaltradetoday-2016-12-22-taobao-redesignated) states 21 online and 19
    physical markets; USTR's press release, which the row cited, does not."""
    row = ds.review_sizes.set_index(["report_id", "source_id"]).loc[
        ("ocr-2016", "internationaltradetoday-2016-12-22-taobao-redesignated")
    ]
    assert (row["online_markets"], row["physical_markets"]) == (21, 19)
    assert "21 online" in row["quote"] and "19 physical" in row["quote"]


def test_met_008_names_no_executive_its_source_does_not_name(ds):
    """Reuters (reuters-2015-01-30-ma-meets-saic) says 'An Alibaba executive'; Joe Tsai is named only by SCMP. (The
    audit also said met-008 to met-010 misquote a Reuters address not in the record: the stored story is at that very
    address and the three quotes are word for word, so that item is recorded as a disagreement with the audit.)"""
    row = ds.events.set_index("event_id").loc["met-008"]
    assert "Tsai" not in row["summary"] and "Tsai" not in row["quote"]


def test_the_180000_closed_stores_are_taobaos(ds):
    """USTR's 2016 review as Global Times reports it (ecns-2016-12-23-globaltimes): 'approximately 180,000 Taobao
    stores in the 12 months ending August 2016'. The chapter glued an 'all platforms' row."""
    assert measure(ds.metrics, "stores_closed", "2015-09", "2016-08", platform="Taobao") == 180_000
    assert 'value("stores_closed", "2015-09", "2016-08", platform="Taobao")' in page("chapters/platform-metrics.md")


def test_the_unacceptably_high_summary_says_no_more_than_its_quote(ds):
    """Bloomberg (bloomberg-2016-12-21-alibaba-again-named-notorious) says USTR cited 'an unacceptably high level of
    reported counterfeiting and piracy'; 'positive expectations' is another source's sentence."""
    row = ds.events.set_index("event_id").loc["ustr-2016-12-21-unacceptably-high"]
    assert "positive expectations" not in row["summary"]
    assert "unacceptably high" in row["quote"]


def test_the_2008_special_301_baidu_entry_is_quoted(ds):
    """Wikisource's transcription of the 2008 report, page 7 (wikisource-2008-special301-p7)."""
    row = ds.listings.set_index(["report_id", "platform"]).loc[("special301-2008", "Baidu")]
    assert 'largest China-based "MP3 search engine"' in row["quote"]


def test_aafas_october_2016_filing_is_one_event_and_events_are_counted_by_key(ds):
    """WWD (wwd-2016-12-taobao-relisted) and ecns report one filing; the chapter counted 43 rows as dated events."""
    events = ds.events.set_index("event_id")
    assert events.loc["aafa-2016-10-complaint", "event_key"] == events.loc["co-e30", "event_key"]
    assert 'timeline["event_key"].nunique()' in page("chapters/brand-coalitions.md")


def test_the_iacc_suspension_is_one_reading_naming_all_three_members(ds):
    """CEO Update (ceoupdate-2016-05-16-iacc-suspends): 'not only Alibaba, but the online stores Wish.com and The
    RealReal'. The tables said '(and The RealReal)' and claim c31 '(and Wish.com and The RealReal)'."""
    summary = ds.events.set_index("event_id").loc["co-e23", "summary"]
    assert "Wish.com" in summary and "The RealReal" in summary
    assert "Wish.com" in ds.claims.set_index("claim_id").loc["c31", "finding"]


def test_zhang_yong_and_daniel_zhang_are_one_name(ds):
    """Alibaba's chief executive appears under one name (ecns-2016-12-23-globaltimes calls him Zhang Yong)."""
    actors = " ".join(ds.events["actor"]) + " ".join(ds.events["summary"].fillna(""))
    assert "Alibaba Group (Zhang Yong)" not in actors
    assert "Daniel Zhang" in actors


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [("c30", "confirmed"), ("c34", "partly_confirmed")],
)
def test_claim_verdicts_read_again(ds, claim, verdict):
    """c30: the IACC's new category and Alibaba as its first member (trademarksandbrands-2016-04-iacc-new-category);
    c34: Gucci 'declined to comment' (ap-2016-05-gucci-leaves-iacc-shine), so 'in protest' is not Gucci's word."""
    assert ds.claims.set_index("claim_id").loc[claim, "verdict"] == verdict


def test_claim_c39_says_its_source_post_dates_the_seed(ds):
    """Jing Daily (jingdaily-2017-l2-taobao-64-percent) was published after June 2017."""
    assert (
        "post" in ds.claims.set_index("claim_id").loc["c39", "finding"]
        or "after June 2017" in (ds.claims.set_index("claim_id").loc["c39", "finding"])
    )


def test_c22_and_the_chapter_agree_no_unifab_filing_was_found(ds):
    """The WSJ (wsj-2016-10-08-alibaba-fakes-under-fire) reports Unifab's call; no docket filing was found, and c22
    had said Unifab was among the 2016 commenters."""
    finding = ds.claims.set_index("claim_id").loc["c22", "finding"]
    assert "among the 2016 commenters" not in finding and "no Unifab filing" in finding


# --- Who is who ---------------------------------------------------------------------------------------------------


def test_taobao_and_tiffany_are_not_pressure_on_alibaba(ds):
    """platforms.csv says Alibaba operates Taobao, so Taobao's letter against SAIC (met-004) is Alibaba's own step;
    Tiffany left the IACC over governance (nationaljeweler-2016-05-13-tiffany-resigns). Two parties only pressed:
    SAIC also agreed to cooperate (cecc-2015-03-27-alibaba-saic), and Gucci America is counted under Kering
    (tests/test_hostile_review.py)."""
    table, _ = coalitions.stances(ds.events[ds.events["chapter"].str.contains("brand-coalitions")], ds)
    assert "Taobao" not in set(table["party"]) and "Tiffany & Co." not in set(table["party"])
    assert sorted(table.loc[table["group"].eq("pressed"), "party"]) == ["AAFA", "Michael Kors"]


# --- Prose and captions -------------------------------------------------------------------------------------------


def test_figure_keys_describe_marks_the_charts_draw(ds):
    """Figure 1.3 drew grey columns, not hollow circles; Figure 2.2 has no diamonds; Figure 1's text alternative drew
    every source's figure, not the first per year."""
    listing = page("chapters/listing-history.md")
    assert "Hollow circles" not in listing
    from notorious.charts import intro as overview
    from notorious.charts import lobbying

    assert "diamond" not in lobbying.hires_figure(ds).key and "diamond" not in page("chapters/lobbying.md")
    status = pd.DataFrame({"status": ["listed"], "released": [pd.Timestamp("2016-12-21")]})
    spend = pd.DataFrame(
        {"year": [2020, 2020], "period": "year", "amount_usd": [3160000, 3100000], "qualifier": ["exact", "more_than"]}
    )
    summary = overview.overview_summary(status, spend)
    assert "first source per year" not in summary
    assert "US$3,160,000" in summary and "more than US$3,100,000" in summary


def test_agreeing_readings_are_not_flagged_as_disputed(ds):
    """4,495 leads against 'nearly 4,500' (businesstimes-2017-reuters-poor-laws) and 1,419 sites against 'more than
    1,400' (ecns-2017-04-01-alibaba-ipr-report) agree; Figure 4.4 flagged them."""
    measures = measured(ds, ["cases_referred_to_police", "facilities_closed"])
    for metric, period in [("cases_referred_to_police", "2016"), ("facilities_closed", "2016")]:
        rows = measures[measures["metric"].eq(metric) & measures["period_start"].eq(period)]
        assert len(rows) >= 2 and not rows["disputed"].any(), rows[["value", "qualifier", "disputed"]]


def test_taobaos_listing_count_adds_up(ds):
    """'10 in all counting its first listing' did not add up: the chapter now glues the run since 2016 and the total
    since 2011, both counted from listings.csv."""
    text = page("chapters/listing-history.md")
    assert "in all counting its" not in text
    values = glued("chapters/listing-history.ipynb")
    listed = ds.listings[ds.listings["platform"].eq("Taobao") & ds.listings["status"].eq("listed")]
    assert values["taobao_listed_reviews"] == str(len(listed))


def test_the_first_lists_split_is_not_called_the_only_one(ds):
    """The data hold 17 and 17 (loc-2011-03-03-ocr2010) and 13 physical (techspot-2011-03-baidu-pirates) beside
    Export Compliance Daily's 16 and 17."""
    assert "the only count that separates online from physical markets" not in page("chapters/listing-history.md")
    assert ds.review_sizes["report_id"].eq("ocr-2010").sum() >= 2


def test_unifabs_call_is_dated(ds):
    """The WSJ story of 8 October 2016 dates Unifab's call (event co-e32); the chapter said no source gave the date."""
    assert "no source gives the exact date" not in page("chapters/brand-coalitions.md")
    assert ds.events.set_index("event_id").loc["co-e32", "date"] == "2016-10-08"


def test_l2_named_three_of_just_a_few_and_rates_include_saics(ds):
    """L2 (l2-2016-coach-tmall-closure) says 'just a few' and names three; the data's rates include SAIC's shares."""
    text = page("chapters/platform-metrics.md")
    assert "only {glue:text}`l2_brands` luxury brands" not in text and '"just a few"' in text
    assert "The only rates in the data are Alibaba's own" not in text


def test_voa_counts_issues_not_filings():
    """VOA (voa-2023-alibaba-lobbying): 'Ten of the 39 issues Alibaba lobbied on in 2022 were related to trade'."""
    assert "filings on trade" not in page("chapters/lobbying.md")


def test_claim_verdicts_are_counted_not_called_confirmed_as_printed():
    from notorious.charts import intro as overview

    counts = pd.DataFrame({"verdict": ["confirmed", "partly_confirmed"], "label": ["a", "b"], "claims": [2, 1]})
    assert "as printed" not in overview.verdict_takeaway(counts)
    assert overview.verdict_takeaway(counts) == "Of the seed's 3 checkable claims, 2 confirmed and 1 partly confirmed."


def test_the_changelog_does_not_say_usts_words_come_from_its_own_reviews(ds):
    """Most of USTR's passages come through others (review_passages.csv: the sources are mostly news and law firms)."""
    primary = ds.review_passages.merge(ds.sources[["source_id", "kind"]], on="source_id")["kind"].eq("primary")
    assert primary.sum() < len(primary) / 2
    assert "from its own reviews and press releases" not in page("CHANGELOG.md")


def test_the_data_readme_has_no_dangling_or_stale_words():
    readme = page("data/README.md")
    for stale in ("empty so far", "see Decisions in `data/README.md`", "the research notes", "URL as returned"):
        assert stale not in readme, stale
    assert "URL as returned by search tool" not in page("data/sources.csv")


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("chapters/brand-coalitions.md", "from a different\nsources"),
        ("chapters/data-and-methods.md", "The whole book is also a PDF edition: {edition}`pdf`"),
    ],
)
def test_grammar_errata(name, wrong):
    assert wrong not in page(name)


def test_stance_takeaway_lists_names_with_and():
    table = pd.DataFrame({"party": ["A", "B", "C", "D"], "group": ["pressed", "both", "both", "cooperated"]})
    assert coalitions.stance_takeaway(table) == (
        "1 of 4 parties only pressed Alibaba; B and C pressed and cooperated at different times; D only cooperated."
    )


def test_corrections_are_logged_and_shown_on_their_page(ds):
    """Every data change of this issue is in corrections.csv with the page it changed; the page shows it."""
    today = ds.corrections[ds.corrections["date"].eq(pd.Timestamp("2026-12-02"))]
    assert len(today) >= 20 and today["page"].notna().all()
    for doc in set(today["page"]):
        assert f'page_corrections(ds.corrections, "{doc}")' in page(f"{doc}.md"), doc


def test_no_process_words_reach_readers(ds):
    """'stored copy', 'excerpt', 'second-wave re-reading' and the like describe our research, not the sources."""
    words = re.compile(r"stored cop|\bexcerpt\b|second-wave|second reading|first research|search tool", re.I)
    for name, frame in ds.items():
        for column in {"title", "publisher", "note", "finding", "summary", "statement", "what", "why"} & set(frame):
            hits = frame[column].dropna().loc[lambda s: s.str.contains(words)]
            assert hits.empty, f"{name}.{column}: {hits.tolist()[:3]}"
