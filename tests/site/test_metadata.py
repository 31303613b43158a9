"""What machines read about the built book: schema.org JSON-LD (a ClaimReview per audited claim, the Dataset), Open
Graph and Twitter cards, sitemap.xml and robots.txt, all generated from data/, datapackage.json and CITATION.cff.

The JSON-LD is checked against two sets of rules, written down here with their sources:

- schema.org (https://schema.org/ClaimReview, /Claim, /Rating, /CreativeWork, /Organization, /Dataset,
  /DataDownload): schema.org itself makes no property required, so the check is that every property a block uses is
  one schema.org defines for its type (a misspelt property is silently ignored by every reader) and that every
  nested object names its type.
- Google's documented requirements for the rich results these types feed:
  Fact check (https://developers.google.com/search/docs/appearance/structured-data/factcheck): required
  ``claimReviewed``, ``reviewRating`` with ``reviewRating.alternateName`` (the textual rating, "currently the only
  value shown"), and ``url`` (the page with the fact check, on the same domain as the page carrying the markup);
  recommended ``author``, ``itemReviewed`` (a Claim with ``author``, ``datePublished``, ``appearance`` or
  ``firstAppearance``), ``reviewRating.bestRating``/``worstRating``/``ratingValue`` (a numeric rating needs its
  scale documented: "there must be a number to text rating system") and ``datePublished``; ``claimReviewed`` kept
  "less than 75 characters" so it does not wrap on a phone.
  Dataset (https://developers.google.com/search/docs/appearance/structured-data/dataset): required ``name`` and
  ``description`` (50 to 5000 characters); recommended ``creator`` (each with a ``name``), ``license``, ``version``,
  ``temporalCoverage`` (ISO 8601), ``url``, ``keywords``, ``isAccessibleForFree``, ``distribution``; a
  ``DataDownload`` requires ``contentUrl`` and recommends ``encodingFormat``.

The unit tests below feed the validator broken blocks, so each rule is seen to refuse what it should.
"""

from __future__ import annotations

import base64
import copy
import csv
import datetime as dt
import functools
import hashlib
import html
import http.server
import json
import os
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from notorious.charts.theme import VERDICT_LABELS
from notorious.edition import edition
from notorious.pages import documents
from notorious.paths import DATA_DIR, ROOT
from notorious.site import metadata

SITE = ROOT / "_build" / "html"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# schema.org: the properties each type used here may carry (its own and those it inherits), as schema.org defines
# them. Only the ones a book like this could use are listed; a property outside the list is a mistake here.
THING = {"@id", "@type", "@context", "name", "alternateName", "description", "identifier", "url", "sameAs", "image"}
CREATIVE_WORK = THING | {
    "author",
    "publisher",
    "creator",
    "datePublished",
    "dateModified",
    "headline",
    "inLanguage",
    "license",
    "version",
    "keywords",
    "citation",
    "isAccessibleForFree",
    "text",
    "temporalCoverage",
    "isBasedOn",
}
SCHEMA_ORG = {
    "ClaimReview": CREATIVE_WORK | {"claimReviewed", "itemReviewed", "reviewRating", "reviewBody"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "Rating": THING | {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "author"},
    "CreativeWork": CREATIVE_WORK,
    "Organization": THING | {"email", "logo"},
    "Dataset": CREATIVE_WORK
    | {"distribution", "includedInDataCatalog", "measurementTechnique", "variableMeasured", "spatialCoverage"},
    "DataDownload": CREATIVE_WORK | {"contentUrl", "encodingFormat", "contentSize"},
}


def schema_org_problems(node, path: str = "") -> list[str]:
    """Properties schema.org does not define for the node's type, and nested objects without a type."""
    problems = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            problems += schema_org_problems(item, f"{path}[{i}]")
        return problems
    if not isinstance(node, dict):
        return problems
    if "@graph" in node:
        return schema_org_problems(node["@graph"], f"{path}@graph")
    kind = node.get("@type")
    if kind not in SCHEMA_ORG:
        return [f"{path or 'block'}: @type {kind!r} is not one of {sorted(SCHEMA_ORG)}"]
    for key, value in node.items():
        if key not in SCHEMA_ORG[kind]:
            problems.append(f"{path}.{key}: schema.org defines no {key!r} for {kind}")
        problems += schema_org_problems(value, f"{path}.{key}")
    return problems


def _has(node: dict, dotted: str) -> bool:
    for part in dotted.split("."):
        if not isinstance(node, dict) or node.get(part) in (None, "", []):
            return False
        node = node[part]
    return True


# Google's requirements (see the module's docstring for the pages they come from).
GOOGLE_REQUIRED = {
    "ClaimReview": ["claimReviewed", "reviewRating", "reviewRating.alternateName", "url"],
    "Dataset": ["name", "description"],
    "DataDownload": ["contentUrl"],
}
GOOGLE_RECOMMENDED = {
    "ClaimReview": [
        "author.name",
        "datePublished",
        "itemReviewed.author.name",
        "itemReviewed.datePublished",
        "itemReviewed.appearance",
        "reviewRating.ratingValue",
        "reviewRating.bestRating",
        "reviewRating.worstRating",
    ],
    "Dataset": ["creator", "license", "version", "temporalCoverage", "url", "keywords", "distribution"],
    "DataDownload": ["encodingFormat"],
}


def google_problems(node: dict, page_url: str | None = None) -> list[str]:
    """What keeps a block from Google's fact-check or Dataset Search results (required and, since the book
    promises them, recommended properties), checked on every node of a block."""
    problems = []
    nodes = node.get("@graph", [node])
    for item in nodes:
        kind = item.get("@type")
        for dotted in GOOGLE_REQUIRED.get(kind, []) + GOOGLE_RECOMMENDED.get(kind, []):
            if not _has(item, dotted):
                problems.append(f"{kind} {item.get('@id', '')}: no {dotted}")
        if kind == "ClaimReview":
            problems += _claim_review_rules(item, page_url)
        if kind == "Dataset":
            problems += _dataset_rules(item)
    return problems


def _claim_review_rules(item: dict, page_url: str | None) -> list[str]:
    problems, rating = [], item.get("reviewRating", {})
    values = [rating.get(k) for k in ("worstRating", "ratingValue", "bestRating")]
    if all(isinstance(v, int | float) for v in values) and not values[0] <= values[1] <= values[2]:
        problems.append(f"ClaimReview {item.get('@id')}: rating {values[1]} outside {values[0]}..{values[2]}")
    if len(item.get("claimReviewed", "")) > metadata.SHORT_CLAIM:
        problems.append(f"ClaimReview {item.get('@id')}: claimReviewed longer than {metadata.SHORT_CLAIM} characters")
    if page_url and urlsplit(item.get("url", "")).netloc != urlsplit(page_url).netloc:
        problems.append(f"ClaimReview {item.get('@id')}: url {item.get('url')!r} is not on {page_url}'s domain")
    return problems


def _dataset_rules(item: dict) -> list[str]:
    problems = []
    if not 50 <= len(item.get("description", "")) <= 5000:
        problems.append(f"Dataset: description of {len(item.get('description', ''))} characters, not 50-5000")
    for creator in item.get("creator", []):
        if not creator.get("name"):
            problems.append("Dataset: a creator without a name")
    coverage = str(item.get("temporalCoverage", ""))
    if coverage and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?", coverage):
        problems.append(f"Dataset: temporalCoverage {coverage!r} is not ISO 8601")
    for download in item.get("distribution", []):
        problems += [f"Dataset distribution: {p}" for p in google_problems(download)]
    return problems


# --- the generators and the validator, without a build ----------------------------------------------------------


def _sample_claims() -> tuple[pd.DataFrame, pd.DataFrame]:
    claims = pd.DataFrame(
        {
            "claim_id": ["c01", "c02"],
            "claim": ["Short claim.", "A claim </script><script>alert(1)</script> & more, long enough to be cut " * 2],
            "verdict": ["confirmed", "contradicted"],
            "finding": ["The sources say so.", "They say <b>otherwise</b>."],
            "source_id": ["s1", pd.NA],
            "chapter": ["listing-history", "lobbying"],
        }
    )
    sources = pd.DataFrame(
        {
            "source_id": ["seed-article"],
            "title": ["The seed"],
            "publisher": ["A trade paper"],
            "published": ["2016-12"],
            "url": ["data/seed/seed.txt"],
        }
    )
    return claims, sources


def _sample_reviews() -> dict:
    claims, sources = _sample_claims()
    return metadata.claims_document(metadata.claim_reviews(claims, sources, edition(), dt.date(2026, 11, 29)))


def _sample_dataset() -> dict:
    schema = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    return metadata.dataset(schema, edition(), dt.date(2026, 11, 29), "2008/2022", ["Alibaba"])


def test_generated_blocks_meet_schema_org_and_google():
    for block in (_sample_reviews(), _sample_dataset()):
        assert schema_org_problems(block) == []
        assert google_problems(block, edition().url) == []


BROKEN_CLAIM_REVIEWS = {
    "no claimReviewed": lambda r: r.pop("claimReviewed"),
    "no textual rating": lambda r: r["reviewRating"].pop("alternateName"),
    "no url": lambda r: r.pop("url"),
    "rating off its scale": lambda r: r["reviewRating"].update(ratingValue=9),
    "claimReviewed too long": lambda r: r.update(claimReviewed="x" * 80),
    "url on another domain": lambda r: r.update(url="https://example.org/fact-check"),
    "claim without its author": lambda r: r["itemReviewed"].pop("author"),
    "misspelt property": lambda r: r.update(claimReview="x"),
    "untyped rating": lambda r: r["reviewRating"].pop("@type"),
}


@pytest.mark.parametrize("breakage", sorted(BROKEN_CLAIM_REVIEWS))
def test_the_validator_refuses_a_broken_claim_review(breakage):
    block = copy.deepcopy(_sample_reviews())
    BROKEN_CLAIM_REVIEWS[breakage](block["@graph"][0])
    assert schema_org_problems(block) + google_problems(block, edition().url), breakage


BROKEN_DATASETS = {
    "no name": lambda d: d.pop("name"),
    "short description": lambda d: d.update(description="Some data."),
    "download without its address": lambda d: d["distribution"][1].pop("contentUrl"),
    "creator without a name": lambda d: d["creator"][0].pop("name"),
    "coverage not ISO 8601": lambda d: d.update(temporalCoverage="the 2010s"),
    "no licence": lambda d: d.pop("license"),
    "misspelt property": lambda d: d.update(licence="CC-BY-4.0"),
}


@pytest.mark.parametrize("breakage", sorted(BROKEN_DATASETS))
def test_the_validator_refuses_a_broken_dataset(breakage):
    block = copy.deepcopy(_sample_dataset())
    BROKEN_DATASETS[breakage](block)
    assert schema_org_problems(block) + google_problems(block), breakage


def test_json_ld_cannot_close_its_script_element():
    block = metadata.script_block(_sample_reviews())
    body = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not re.search(r"[<>&]", body), "a data string reached the block as markup"
    assert json.loads(body) == _sample_reviews(), "the escapes must read back as the same data"
    assert "</script><script>alert(1)</script>" in json.dumps(json.loads(body)["@graph"][1]["itemReviewed"]["text"])


def test_a_long_claim_gets_a_short_form_and_a_short_one_stays_whole():
    assert metadata.short_form("Short claim.") == "Short claim."
    long = "USTR put Alibaba's Taobao back on its Notorious Markets list 'on Wednesday' (December 2016)."
    short = metadata.short_form(long)
    assert len(short) <= metadata.SHORT_CLAIM and short.endswith("…")
    assert long.startswith(short[:-1]), "a short form is the claim's own first words"


def test_the_rating_scale_orders_every_verdict():
    assert set(metadata.RATINGS) == set(VERDICT_LABELS)
    values = sorted(v for v, _ in metadata.RATINGS.values())
    assert values == list(range(metadata.WORST, metadata.BEST + 1)), "one value per verdict, no gaps"
    assert metadata.RATINGS["contradicted"][0] == metadata.WORST and metadata.RATINGS["confirmed"][0] == metadata.BEST


# --- the built site ----------------------------------------------------------------------------------------------


def built(path: str) -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("no built site in _build/html: run `make book` first")
    return SITE / path


def site_pages() -> list[str]:
    """Every HTML page of the built site (not the theme's template fragments it copies into _static)."""
    pages = (p.relative_to(built(".")).as_posix() for p in built(".").rglob("*.html"))
    return sorted(p for p in pages if not p.startswith("_static/"))


def blocks_of(page: str) -> list[dict]:
    return [json.loads(body) for body in JSON_LD.findall(built(page).read_text(encoding="utf-8"))]


def canonical_is_itself(page: str) -> bool:
    """The root serves the introduction under its canonical address intro.html; it is not a page of its own."""
    return page != "index.html"


def claims_csv() -> dict[str, dict]:
    with (DATA_DIR / "claims.csv").open(encoding="utf-8", newline="") as f:
        return {row["claim_id"]: row for row in csv.DictReader(f)}


@pytest.mark.built
def test_every_json_ld_block_of_the_site_is_valid():
    found = 0
    for page in site_pages():
        raw = built(page).read_text(encoding="utf-8")
        assert raw.count('type="application/ld+json"') - raw.count('rel="alternate" type="application/ld+json"') == len(
            JSON_LD.findall(raw)
        ), f"{page}: a JSON-LD block the pattern misses"
        for block in blocks_of(page):
            found += 1
            assert block.get("@context") == "https://schema.org", page
            assert schema_org_problems(block) == [], f"{page}: {schema_org_problems(block)[:5]}"
            problems = google_problems(block, edition().url + page)
            assert problems == [], f"{page}: {problems[:5]}"
    assert found >= 3, "the introduction's claims and the two data pages' Dataset"


@pytest.mark.built
def test_every_claim_has_exactly_one_claim_review_with_its_verdict():
    reviews = [
        (page, item)
        for page in site_pages()
        if canonical_is_itself(page)
        for block in blocks_of(page)
        for item in block.get("@graph", [block])
        if item.get("@type") == "ClaimReview"
    ]
    by_id: dict[str, list] = {}
    for page, item in reviews:
        by_id.setdefault(item["identifier"], []).append((page, item))
    claims = claims_csv()
    assert sorted(by_id) == sorted(claims), "one ClaimReview per claim id, and none for a claim not in claims.csv"
    for claim_id, found in by_id.items():
        assert len(found) == 1, f"{claim_id}: {len(found)} ClaimReviews ({[p for p, _ in found]})"
        page, item = found[0]
        row = claims[claim_id]
        assert item["reviewRating"]["alternateName"] == VERDICT_LABELS[row["verdict"]], claim_id
        assert item["reviewRating"]["ratingValue"] == metadata.RATINGS[row["verdict"]][0], claim_id
        assert item["itemReviewed"]["text"] == " ".join(row["claim"].split()), claim_id
        # The review's address is the claim's row in the audit table, its permalink.
        anchor = metadata.claim_anchor(claim_id)
        assert item["url"] == edition().page_url(metadata.CLAIMS_PAGE, anchor)
        assert f'id="{anchor}"' in built(f"{metadata.CLAIMS_PAGE}.html").read_text(encoding="utf-8"), claim_id


@pytest.mark.built
def test_the_claim_reviews_name_the_seed_and_the_published_scale():
    with (DATA_DIR / "sources.csv").open(encoding="utf-8", newline="") as f:
        seed = next(row for row in csv.DictReader(f) if row["source_id"] == "seed-article")
    (block,) = blocks_of(f"{metadata.CLAIMS_PAGE}.html")
    for item in block["@graph"]:
        claim = item["itemReviewed"]
        assert claim["author"]["name"] == seed["publisher"]
        assert claim["datePublished"] == seed["published"]
        text = seed["url"] or seed["copy_url"]  # the seed is read in the machine translation this repository holds
        assert claim["appearance"]["url"] == edition().url + text
        assert built(text).exists(), "the seed's text is served where the claim says it appeared"
        assert (item["reviewRating"]["worstRating"], item["reviewRating"]["bestRating"]) == (1, 4)
        assert item["author"]["name"] == edition().author_text
    scale = built(f"{metadata.SCALE_PAGE}.html").read_text(encoding="utf-8")
    assert f'id="{metadata.SCALE_ANCHOR}"' in scale, "a page explains the rating scale"
    for verdict, (value, meaning) in metadata.RATINGS.items():
        assert f"<td>{value}</td><td>{VERDICT_LABELS[verdict]}</td><td>{html.escape(meaning)}</td>" in scale, verdict


@pytest.mark.built
def test_claims_jsonld_gives_bulk_readers_the_same_reviews():
    bulk = json.loads(built(metadata.CLAIMS_JSONLD).read_text(encoding="utf-8"))
    assert bulk == blocks_of(f"{metadata.CLAIMS_PAGE}.html")[0]
    assert schema_org_problems(bulk) == [] and google_problems(bulk, edition().url) == []


@pytest.mark.built
def test_the_data_pages_describe_the_dataset_and_every_download():
    schema = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    for page in ("chapters/data-and-methods.html", "chapters/data-dictionary.html"):
        (block,) = [b for b in blocks_of(page) if b.get("@type") == "Dataset"]
        assert block["version"] == edition().version
        assert block["license"] == schema["licenses"][0]["path"]
        urls = {d["contentUrl"] for d in block["distribution"]}
        expected = {f"{edition().url}data/{r['path']}" for r in schema["resources"]}
        assert expected <= urls and len(urls) == len(expected) + 1, "the archive and each CSV, nothing else"
        for url in urls:
            assert built(url.removeprefix(edition().url)).exists(), url


def meta(page_text: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', page_text)
    return match.group(1) if match else None


@pytest.mark.built
@pytest.mark.parametrize("page", ["index.html", *[f"{d}.html" for d in documents()]])
def test_every_page_has_a_card_with_its_answer_and_an_image_in_the_build(page):
    text = built(page).read_text(encoding="utf-8")
    for key in ("og:title", "og:description", "og:image", "og:url", "og:type", "twitter:card", "description"):
        assert meta(text, key), f"{page}: no {key}"
    image = meta(text, "og:image")
    assert image.startswith(edition().url), f"{page}: og:image {image!r} is not absolute on the site"
    assert built(image.removeprefix(edition().url)).is_file(), f"{page}: og:image {image} is not in the build"
    assert meta(text, "og:url").startswith(edition().url)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    brief = soup.select_one(".admonition.nt-answer") or next(
        (
            box
            for box in soup.select(".admonition")
            if box.select_one(".admonition-title").get_text(strip=True) == "In brief"
        ),
        None,
    )
    if brief is not None:
        expected = " ".join(" ".join(p.get_text() for p in brief.select("p:not(.admonition-title)")).split())
        assert " ".join(soup.find("meta", property="og:description")["content"].split()) == expected


@pytest.mark.built
@pytest.mark.parametrize("page", sorted(f"figures/{p.name}" for p in (ROOT / "figures").glob("*.html")))
def test_every_figure_page_has_a_card_with_its_own_png(page):
    text = built(page).read_text(encoding="utf-8")
    for key in ("og:title", "og:description", "og:image", "og:url", "twitter:card"):
        assert meta(text, key), f"{page}: no {key}"
    name = Path(page).stem
    assert meta(text, "og:image") == f"{edition().url}figures/export/{name}.png"
    assert built(f"figures/export/{name}.png").is_file()
    assert meta(text, "og:url") == f"{edition().url}{page}"


def sitemap_pages() -> list[str]:
    tree = ET.parse(built("sitemap.xml"))
    locs = [loc.text for loc in tree.getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert all(loc.startswith(edition().url) for loc in locs), "absolute addresses on the site"
    return [loc.removeprefix(edition().url) for loc in locs]


@pytest.mark.built
def test_the_sitemap_lists_every_page_and_nothing_else():
    """Every page a reader can land on: the book's pages and each figure's own page. Not the search and index pages
    (nothing to land on), nor the root, whose canonical address is the introduction's."""
    listed = sitemap_pages()
    assert len(listed) == len(set(listed)), "a page listed twice"
    landing = {p for p in site_pages() if p not in ("search.html", "genindex.html", "index.html")}
    assert set(listed) == landing
    assert set(listed) == {f"{d}.html" for d in documents()} | {
        f"figures/{p.name}" for p in (ROOT / "figures").glob("*.html")
    }


@pytest.mark.built
def test_robots_txt_points_at_the_sitemap():
    robots = built("robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {edition().url}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots.splitlines()


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@pytest.mark.built
def test_json_ld_needs_no_script_allowance_in_the_policy():
    for page in ("intro.html", "chapters/data-and-methods.html"):
        text = built(page).read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text).group(1)
        for body in JSON_LD.findall(text):
            assert _sha256(body) not in policy, f"{page}: the policy allows the JSON-LD block as a script"


@pytest.mark.built
def test_json_ld_causes_no_policy_violation_in_chromium(tmp_path):
    """JSON-LD is data: Chromium neither runs it nor reports it against the policy. As a control, the same page with
    the block's type changed to a script type is reported, so the check can see a violation."""
    from playwright.sync_api import sync_playwright

    served = tmp_path / "site"
    shutil.copytree(built("."), served, ignore=shutil.ignore_patterns("*.pdf", "*.zip", "*.tar.gz"))
    page = (served / "intro.html").read_text(encoding="utf-8")
    (served / "control.html").write_text(
        page.replace('<script type="application/ld+json">', '<script type="text/javascript">', 1), encoding="utf-8"
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    violations = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for path in ("intro.html", "chapters/data-and-methods.html", "control.html"):
                context = browser.new_context()
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
                context.add_init_script(
                    "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                    " e => window.__csp.push(e.violatedDirective + ' ' + e.sample));"
                )
                tab = context.new_page()
                tab.goto(base + path, wait_until="load")
                tab.wait_for_timeout(300)
                violations[path] = tab.evaluate("window.__csp")
                assert tab.evaluate("document.querySelectorAll('script[type=\"application/ld+json\"]').length") >= (
                    0 if path == "control.html" else 1
                )
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    assert violations["intro.html"] == [] and violations["chapters/data-and-methods.html"] == [], violations
    assert any(v.startswith("script-src") for v in violations["control.html"]), "the control should be refused"
