"""HTML tables for the pages: source-linked tables, the data dictionary, the source list, the corrections log.

Every table is generated from data/ or datapackage.json, so the pages cannot drift from the data.
"""

from __future__ import annotations

import html

import pandas as pd

from ..charts.theme import VERDICT_COLOURS, VERDICT_LABELS
from ..data import gaps as gap_records
from ..data.dataset import PARTIAL_DATE, strand_page, strands
from ..edition.identity import CHANGELOG_PAGE, release_of
from ..pages import SOURCES, site_root, source_href
from ..site.metadata import CLAIMS_PAGE, SCALE_ANCHOR, SCALE_PAGE, claim_anchor
from . import citing, style
from .downloads import ARCHIVE
from .figures import Html as Table
from .figures import html_table, quotes_note

KIND_TITLES = {
    "primary": "Primary documents (government, courts, disclosures)",
    "news": "News reporting",
    "analysis": "Analysis (research firms, watchdogs, think tanks)",
    "company": "Alibaba's own statements and reports",
    "industry": "Industry associations and brands",
    "seed": "The seed article",
}


def _escaped(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype("string").fillna("").map(html.escape)


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells a reader reads, in the house style (notorious.publish.style; a source's words and ids as they are),
    escaped."""
    cells = frame.astype("string").fillna("")
    return style.mark_verbatim(cells, style.restyle_frame(cells).map(html.escape))


def source_link(source_id: str, root: str) -> str:
    sid = html.escape(source_id)
    return f'<a href="{root}/{SOURCES}.html#source-{sid}">{sid}</a>'


def source_table(frame: pd.DataFrame, sources: pd.DataFrame, doc: str, *, caption: str) -> Table:
    """An HTML table whose source_id column links to each source's entry in the appendix, under its caption."""
    missing = sorted(set(frame["source_id"].dropna()) - set(sources["source_id"]))
    if missing:
        raise ValueError(f"table cites unknown sources: {missing}")
    root = site_root(doc)
    words = ""
    if "quote" in frame.columns:
        # The sources' own sentences go under the table, folded like a figure's, not into its cells.
        words = quotes_note(frame, lambda sid: source_link(sid, root))
        frame = frame.drop(columns=[c for c in ("quote", "quote_en") if c in frame.columns])
    shown = _readable(frame)
    shown["source_id"] = [source_link(s, root) if s else "" for s in frame["source_id"].fillna("")]
    if "claim_id" in frame.columns:
        # A claim's id links to its row in the claim audit, its permalink.
        shown["claim_id"] = [
            f'<a href="{root}/{CLAIMS_PAGE}.html#{html.escape(claim_anchor(c))}">{html.escape(c)}</a>'
            for c in frame["claim_id"].astype(str)
        ]
    return Table(html_table(shown, caption, "nt-source-table") + words, f"{len(frame)} rows")


TOPICS = {
    "listed_reason": "why it was listed",
    "removal": "why it was removed",
    "condition": "what the removal asked",
    "warning": "the warning",
    "relisting_evidence": "what rights holders reported",
    "request": "what USTR asked",
    "improvement": "progress USTR saw",
    "other": "other",
}


def passage_list(passages: pd.DataFrame, reviews: pd.DataFrame, sources: pd.DataFrame, doc: str) -> Table:
    """USTR's own words, review by review: each passage as a quotation with its platform, topic and source.

    A list rather than a wide table, so that long passages read on a phone; every data string is escaped.
    """
    root = site_root(doc)
    publishers = sources.set_index("source_id")
    titles = reviews.set_index("report_id")["title"]
    order = {report_id: i for i, report_id in enumerate(reviews["report_id"])}
    parts = []
    for report_id in sorted(passages["report_id"].unique(), key=order.get):
        items = []
        for row in passages[passages["report_id"] == report_id].itertuples():
            source = publishers.loc[row.source_id]
            how = "in the report" if source["kind"] == "primary" else "as quoted by"
            where = f" · {html.escape(row.location)}" if pd.notna(row.location) else ""
            link = (
                f'<a href="{root}/{SOURCES}.html#source-{html.escape(row.source_id)}">'
                f"{html.escape(source['publisher'])}</a>"
            )
            items.append(
                f'<li><blockquote class="nt-passage">{html.escape(row.passage)}</blockquote>'
                f'<p class="nt-passage-meta">{html.escape(row.platform)} · {html.escape(TOPICS[row.topic])}{where}'
                f" · {how} {link}</p></li>"
            )
        title = f'<span class="nt-verbatim">{html.escape(titles[report_id])}</span>'  # the report's own title
        parts.append(f'<h3>{title}</h3><ul class="nt-passages">{"".join(items)}</ul>')
    return Table("\n".join(parts), f"{len(passages)} passages")


def claim_audit(claims: pd.DataFrame, sources: pd.DataFrame, doc: str, *, leads: list[str]) -> Table:
    """The seed article's claims: first the few that carry its argument (``leads``, by claim id) with their verdicts,
    then every claim in a fold, as a table a reader can scan and filter: the claim, the verdict in colour and in
    words, what the sources say, the chapter that tells the story, the source.

    Complete without JavaScript; filter.js adds a verdict and a chapter filter above the full table, and opens the
    fold when a reader follows a claim's permalink. Every string is escaped. Each verdict is written as the theme's
    label (VERDICT_LABELS) next to a dot of its colour (VERDICT_COLOURS).
    """
    unknown = sorted(set(leads) - set(claims["claim_id"]))
    if unknown:
        raise KeyError(f"lead claims not in data/claims.csv: {unknown}")
    root = site_root(doc)
    known = set(sources["source_id"])
    rows, lead_rows = [], {}
    named = strands()
    for r in claims.itertuples():
        label, colour = VERDICT_LABELS[r.verdict], VERDICT_COLOURS[r.verdict]
        page, chapter = strand_page(r.chapter), named[r.chapter]["title"]
        where = f'<a href="{root}/{page}.html">{html.escape(chapter)}</a>' if page else html.escape(str(chapter))
        source = source_link(r.source_id, root) if pd.notna(r.source_id) and r.source_id in known else "none found"
        # Each claim's row is its permalink's target (#claim-c01), which its ClaimReview names (site.metadata).
        anchor = html.escape(claim_anchor(r.claim_id))
        finding = html.escape(style.restyle(r.finding))  # ours, in the house style; the claim is the seed's words
        rows.append(
            f'<tr id="{anchor}" data-verdict="{html.escape(r.verdict)}" data-chapter="{html.escape(str(r.chapter))}">'
            f'<td data-label="The article says"><a class="nt-claim-id" href="#{anchor}" title="Link to this claim">'
            f'{html.escape(r.claim_id)}</a> <span class="nt-verbatim">{html.escape(r.claim)}</span></td>'
            f'<td data-label="Verdict"><span class="nt-verdict" style="--nt-verdict: {colour}">'
            f"{html.escape(label)}</span></td>"
            f'<td data-label="What the sources say">{finding}<br><small>Source: {source}</small></td>'
            f'<td data-label="Chapter">{where}</td></tr>'
        )
        if r.claim_id in leads:
            lead_rows[r.claim_id] = (
                f'<tr><td data-label="The article says"><a class="nt-claim-id" href="#{anchor}">'
                f'{html.escape(r.claim_id)}</a> <span class="nt-verbatim">{html.escape(r.claim)}</span></td>'
                f'<td data-label="Verdict"><span class="nt-verdict" style="--nt-verdict: {colour}">'
                f"{html.escape(label)}</span></td>"
                f'<td data-label="What the sources say">{finding}</td></tr>'
            )
    options = {
        "verdict": [(k, v) for k, v in VERDICT_LABELS.items() if k in set(claims["verdict"])],
        "chapter": [(k, v["title"]) for k, v in named.items() if k in set(claims["chapter"])],
    }
    selects = "".join(
        f'<label>{title} <select data-filter="{key}"><option value="">All</option>'
        + "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options[key])
        + "</select></label> "
        for key, title in (("verdict", "Verdict"), ("chapter", "Chapter"))
    )
    controls = f'<div class="nt-filter" hidden>{selects}<output aria-live="polite"></output></div>'
    table = (
        '<table class="nt-claims nt-claims-every"><thead><tr><th>The article says</th><th>Verdict</th>'
        "<th>What the sources say</th><th>Chapter</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    scale = (
        f'<p class="nt-scale-note">Each verdict is a rating on a scale <a href="{root}/{SCALE_PAGE}.html#'
        f"{SCALE_ANCHOR}\">explained in the appendix</a>; each claim's id is its permalink.</p>"
    )
    lead = (
        '<table class="nt-claims nt-claims-lead"><caption>The claims that carry the article\'s argument.</caption>'
        "<thead><tr><th>The article says</th><th>Verdict</th><th>What the sources say</th></tr></thead>"
        f"<tbody>{''.join(lead_rows[c] for c in leads)}</tbody></table>"
    )
    every = (
        f'<details class="nt-claims-all"><summary>Every claim, {len(claims)} in all, with filters</summary>'
        f'<div class="nt-filterable">{controls}<div class="nt-table-wrap">{table}</div></div></details>'
    )
    return Table(f'<div class="nt-table-wrap">{lead}</div>{every}{scale}', f"{len(claims)} claims")


def data_dictionary(schema: dict) -> Table:
    """Every table and column of datapackage.json: type, whether required, allowed values, description."""
    parts = []
    for resource in schema["resources"]:
        rows = []
        for field in resource["schema"]["fields"]:
            c = field.get("constraints", {})
            allowed = ", ".join(c["enum"]) if "enum" in c else (f"pattern {c['pattern']}" if "pattern" in c else "")
            if c.get("pattern") == PARTIAL_DATE:
                allowed = "a partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD"
            if "minimum" in c:
                allowed = (allowed + "; " if allowed else "") + f"at least {c['minimum']}"
            rows.append(
                {
                    "column": field["name"],
                    "type": field.get("type", "string"),
                    "required": "yes" if c.get("required") else "",
                    "allowed": allowed,
                    "description": field.get("description", ""),
                }
            )
        key = resource["schema"].get("primaryKey", [])
        key = [key] if isinstance(key, str) else key
        cells = _escaped(pd.DataFrame(rows))
        # A pattern is one long word: let it wrap after each alternative, never inside one.
        cells["allowed"] = cells["allowed"].str.replace(r"([|;])", r"\1<wbr>", regex=True)
        table = html_table(cells, f"The columns of {resource['path']}.", "nt-dictionary")
        parts.append(
            f'<section class="nt-resource" id="table-{html.escape(resource["name"])}">'
            f"<h3>{html.escape(resource['path'])}: {html.escape(resource['title'])}</h3>"
            f"<p>{html.escape(resource['description'])} Key: {html.escape(', '.join(key))}.</p>"
            f"{table}</section>"
        )
    return Table("\n".join(parts), f"{len(schema['resources'])} tables")


def source_list(sources: pd.DataFrame, *, root: str = "..") -> Table:
    """Every source, grouped by kind, each with an anchor (source-<id>) that figures and tables link to."""
    parts = []
    for kind, title in KIND_TITLES.items():
        group = sources[sources["kind"] == kind].sort_values(["publisher", "published", "source_id"])
        if group.empty:
            continue
        items = []
        for _, row in group.iterrows():
            note = (
                f' <span class="nt-note">{html.escape(style.restyle(row["note"]))}</span>'
                if pd.notna(row["note"])
                else ""
            )
            # The schema admits only http(s) URLs; a row that slipped past it is shown, never linked.
            href = citing.href(row, root)
            # A title is the source's own words, as published: the house style is not applied to it.
            document = f'<span class="nt-verbatim">{html.escape(row["title"])}</span>'
            name = f'<a href="{html.escape(href)}">{document}</a>' if href else document
            copy = ""
            if pd.notna(row.get("copy_url")) and pd.notna(row.get("url")):
                copy_href = source_href(row["copy_url"], root)
                copy = f' <a class="nt-copy" href="{html.escape(copy_href)}">The copy we read.</a>' if copy_href else ""
            sid = html.escape(row["source_id"])
            # The id is the entry's own link, so a reader can copy the address that lands on it.
            items.append(
                f'<li id="source-{sid}">{name}. {html.escape(citing.label(row))}.{copy} '
                f'<a class="nt-source-id" href="#source-{sid}" title="Link to this source"><code>{sid}</code></a>'
                f"{note}</li>"
            )
        parts.append(f'<h3>{html.escape(title)} ({len(group)})</h3><ul class="nt-sources-list">{"".join(items)}</ul>')
    return Table("\n".join(parts), f"{len(sources)} sources")


def gap_list(gaps: pd.DataFrame) -> Table:
    """Every gap with its search record, anchored gap-<id> for the {gap} role's links (notorious.data.gaps)."""
    rows = [{k: ("" if pd.isna(v) else str(v)) for k, v in row.items()} for _, row in gaps.iterrows()]
    for row in rows:
        row["searched_on"] = row["searched_on"][:10]
    return Table(gap_records.gap_list(rows), f"{len(rows)} gaps")


def corrections_log(corrections: pd.DataFrame) -> Table:
    """The corrections, newest first; says so plainly when there are none yet."""
    if corrections.empty:
        return Table("<p>No corrections have been made since publication.</p>", "no corrections")
    shown = corrections.sort_values("date", ascending=False)
    shown = shown.assign(date=[style.date(d, precision="day") for d in shown["date"]])
    table = html_table(_readable(shown), "Every correction since publication, newest first.", "nt-corrections")
    return Table(table, f"{len(corrections)} corrections")


def page_corrections(corrections: pd.DataFrame, doc: str) -> Table:
    """A "Corrected on ..." note for the corrections that changed page ``doc``, newest first; nothing when there are
    none. Each says what changed and why, in the words of corrections.csv (escaped)."""
    mine = corrections[corrections["page"].eq(doc).fillna(False)].sort_values("date", ascending=False, kind="stable")
    if mine.empty:
        return Table("", "no corrections to this page")
    items = "".join(
        f"<li><strong>Corrected on {html.escape(style.date(r.date, precision='day'))}.</strong> "
        f"{html.escape(style.restyle(r.what))}. {html.escape(style.restyle(r.why))}</li>"
        for r in mine.itertuples()
    )
    changelog = f"{site_root(doc)}/{CHANGELOG_PAGE}.html"
    return Table(
        f'<details class="nt-corrected"><summary>Corrections to this page ({len(mine)})</summary><ul>{items}</ul>'
        f'<p>Every correction is on the <a href="{html.escape(changelog)}">changelog</a>.</p></details>',
        f"{len(mine)} corrections to this page",
    )


def corrections_by_version(corrections: pd.DataFrame, listed: list) -> Table:
    """The corrections grouped under the version that first carried each (``edition.releases()``), newest first;
    those made since the latest release under "Not yet released"."""
    version = corrections["date"].dt.date.map(lambda day: release_of(day, listed) or "unreleased")
    parts = []
    for heading in ["unreleased", *[r.version for r in listed]]:
        rows = corrections[version.eq(heading)]
        if rows.empty:
            continue
        title = "Not yet released" if heading == "unreleased" else f"Version {heading}"
        count = f"{len(rows)} correction" + ("" if len(rows) == 1 else "s")
        parts.append(f'<h3 id="corrections-{html.escape(heading)}">{html.escape(title)} ({count})</h3>')
        parts.append(corrections_log(rows).html)
    if not parts:
        return Table("<p>No corrections have been made since publication.</p>", "no corrections")
    return Table("\n".join(parts), f"{len(corrections)} corrections")


def downloads(schema: dict, doc: str) -> Table:
    """Links to the whole data package and to each table, as the site serves them."""
    root = site_root(doc)
    items = [
        f'<li><a href="{root}/{ARCHIVE}" download>The whole dataset as one archive</a> (CSV tables, schema and '
        "README, a Frictionless Data Package).</li>",
        f'<li><a href="{root}/data/datapackage.json">datapackage.json</a>, the schema.</li>',
    ]
    for resource in schema["resources"]:
        path = html.escape(resource["path"])
        items.append(f'<li><a href="{root}/data/{path}" download>{path}</a>: {html.escape(resource["title"])}</li>')
    return Table(f'<ul class="nt-downloads">{"".join(items)}</ul>', f"{len(items)} downloads")
