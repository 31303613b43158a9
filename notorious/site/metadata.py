"""What machines read about the book: schema.org JSON-LD (a ClaimReview per audited claim, the Dataset), the
social-card description of a page, the sitemap's pages and robots.txt.

Everything is generated from data/, datapackage.json and CITATION.cff, so it cannot disagree with the pages.
Dates are the edition's (``edition.updated``), never the clock's. JSON-LD reaches a page inside
``<script type="application/ld+json">``, which the browser never runs; ``json_ld`` escapes ``<``, ``>`` and ``&``
so that no data string (a claim holding ``</script>``) can end the block early.
"""

from __future__ import annotations

import datetime as dt
import html
import json

import pandas as pd

from ..charts.theme import VERDICT_LABELS
from ..edition.identity import Edition
from ..pages import APPENDIX
from ..publish.downloads import ARCHIVE

CLAIMS_PAGE = "intro"  # the page whose audit table holds every claim's anchor
SCALE_PAGE = APPENDIX
SCALE_ANCHOR = "rating-scale"
CLAIMS_JSONLD = "claims.jsonld"
# Fact-check tools show about this many characters of a claim (Google: "try to keep this less than 75 characters").
SHORT_CLAIM = 75
# The rating scale, worst to best: each verdict's value and what it means. The audit's verdicts are ordinal (how far
# the record bears a claim out), so the scale runs from 1 (the sources say otherwise) to 4 (they bear it out).
RATINGS = {
    "contradicted": (1, "The sources we found say otherwise: the claim is wrong as the article states it."),
    "unverified": (
        2,
        "No source we found states it, or the sources cannot decide it; it may be true, but the record "
        "does not show it.",
    ),
    "partly_confirmed": (
        3,
        "Part of the claim is borne out by the sources and part is not (a number garbled, a date or "
        "a name wrong, a qualifier dropped).",
    ),
    "confirmed": (4, "The sources state what the article says."),
}
WORST, BEST = min(v for v, _ in RATINGS.values()), max(v for v, _ in RATINGS.values())
SCALE_NAME = "Notorious Again claim audit scale"
# Dated facts: the columns whose dates say when what the data records happened (not when we read a source).
FACT_DATES = {"reviews": ["released"], "events": ["date"], "metrics": ["period_start", "period_end"]}
FACT_YEARS = {"lobbying": ["year"]}
LICENCE_URLS = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}


def json_ld(data: dict) -> str:
    """JSON for a ``<script type="application/ld+json">`` block: ``<``, ``>`` and ``&`` as JSON escapes, so nothing in
    it can close the element or be read as markup; a JSON parser reads the same text."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def script_block(data: dict) -> str:
    return f'<script type="application/ld+json">\n{json_ld(data)}\n</script>'


def short_form(text: str, limit: int = SHORT_CLAIM) -> str:
    """The claim as a fact-check tool shows it: whole when it fits in ``limit`` characters, else cut at the last word
    that fits, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-('\"‘“")
    return cut + "…"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def _organisation(book: Edition) -> dict:
    return {"@type": "Organization", "name": book.author_text, "url": book.url}


def _seed_work(seed: pd.Series, book: Edition) -> dict:
    publisher = {"@type": "Organization", "name": str(seed["publisher"])}
    # The seed is read in a machine translation we hold (sources.csv: url empty, copy_url its path here).
    url = str(seed["url"]) if pd.notna(seed["url"]) else str(seed["copy_url"])
    work = {
        "@type": "CreativeWork",
        "headline": str(seed["title"]),
        "url": book.url + url if url.startswith("data/") else url,
        "author": publisher,
        "publisher": publisher,
    }
    if pd.notna(seed["published"]):
        work["datePublished"] = str(seed["published"])
    return work


def rating(verdict: str) -> dict:
    value, _ = RATINGS[verdict]
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST,
        "worstRating": WORST,
        "alternateName": VERDICT_LABELS[verdict],
        "name": VERDICT_LABELS[verdict],
    }


def claim_reviews(
    claims: pd.DataFrame, sources: pd.DataFrame, book: Edition, day: dt.date, seed_id: str = "seed-article"
) -> list[dict]:
    """One schema.org ClaimReview per audited claim: the claim (short and whole), who made it (the seed article, its
    publisher and date), our verdict on the published scale, the review's date, author and address."""
    seed = sources.set_index("source_id").loc[seed_id]
    work = _seed_work(seed, book)
    reviews = []
    for row in claims.itertuples():
        url = book.page_url(CLAIMS_PAGE, claim_anchor(row.claim_id))
        claim = {
            "@type": "Claim",
            "text": " ".join(str(row.claim).split()),
            "author": work["author"],
            "appearance": work,
            "firstAppearance": work,
        }
        if "datePublished" in work:
            claim["datePublished"] = work["datePublished"]
        reviews.append(
            {
                "@type": "ClaimReview",
                "@id": url,
                "url": url,
                "identifier": row.claim_id,
                "claimReviewed": short_form(str(row.claim)),
                "itemReviewed": claim,
                "reviewRating": rating(row.verdict),
                "reviewBody": " ".join(str(row.finding).split()),
                "author": _organisation(book),
                "publisher": _organisation(book),
                "datePublished": day.isoformat(),
                "inLanguage": "en",
            }
        )
    return reviews


def claims_document(reviews: list[dict]) -> dict:
    """Every ClaimReview in one JSON-LD document (the page's block, and claims.jsonld for bulk readers)."""
    return {"@context": "https://schema.org", "@graph": reviews}


def temporal_coverage(tables: dict[str, pd.DataFrame]) -> str:
    """The years the dataset's dated facts span, as an ISO 8601 interval ("2008/2021")."""
    years = []
    for name, columns in FACT_DATES.items():
        for column in columns:
            values = tables[name][column].dropna().astype(str)
            years += [int(v[:4]) for v in values if v[:4].isdigit()]
    for name, columns in FACT_YEARS.items():
        for column in columns:
            years += [int(v) for v in tables[name][column].dropna()]
    return f"{min(years)}/{max(years)}"


def dataset(schema: dict, book: Edition, day: dt.date, coverage: str, keywords: list[str]) -> dict:
    """The data package as a schema.org Dataset: name, description, licence, creator, version, temporal coverage and
    every download (the archive and each CSV), from datapackage.json and CITATION.cff."""
    licence = schema.get("licenses", [{}])[0].get("path") or LICENCE_URLS.get(book.licence, book.licence)
    files = [
        {
            "@type": "DataDownload",
            "name": "The whole dataset (Frictionless Data Package)",
            "encodingFormat": "application/zip",
            "contentUrl": book.url + ARCHIVE,
        }
    ]
    files += [
        {
            "@type": "DataDownload",
            "name": f"{r['path']}: {r['title']}",
            "description": r["description"],
            "encodingFormat": "text/csv",
            "contentUrl": f"{book.url}data/{r['path']}",
        }
        for r in schema["resources"]
    ]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": book.url + "data/datapackage.json",
        "name": schema.get("title") or book.title,
        "alternateName": schema.get("name", ""),
        "description": schema["description"],
        "url": book.page_url(APPENDIX),
        "sameAs": book.repository,
        "license": licence,
        "creator": [_organisation(book)],
        "publisher": _organisation(book),
        "version": book.version,
        "datePublished": book.released.isoformat(),
        "dateModified": day.isoformat(),
        "temporalCoverage": coverage,
        "keywords": keywords,
        "isAccessibleForFree": True,
        "inLanguage": "en",
        "citation": book.citation(),
        "distribution": files,
    }


def scale_table() -> str:
    """The rating scale as the page explaining it shows it (every string escaped)."""
    rows = "".join(
        f"<tr><td>{value}</td><td>{html.escape(VERDICT_LABELS[verdict])}</td><td>{html.escape(meaning)}</td></tr>"
        for verdict, (value, meaning) in sorted(RATINGS.items(), key=lambda item: -item[1][0])
    )
    return (
        '<div class="nt-table-wrap"><table class="nt-rating-scale"><thead><tr><th>Rating</th><th>Verdict</th>'
        f"<th>What it means</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def robots_txt(book: Edition) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {book.url}sitemap.xml\n"
