"""The Sphinx extension: the book as a site that works with the network cut off (``_config.yml`` loads it).

Only ``setup()`` lives here, as sphinxcontrib-bibtex keeps its own; each concern is a module:

- ``reading``   how Sphinx reads the book: data checked first, stale pages read again, the edition stamped;
- ``roles``     {src}, {gap}, {edition}, ``cite-this-book`` and ``rating-scale``;
- ``domain``    the figure numbers each page shows, as a Sphinx domain (checked across pages);
- ``assets``    what the site serves besides its pages: the offline chart bundle, light pages, downloads;
- ``machines``  what machines read: descriptions, JSON-LD, the social card, the sitemap;
- ``hardening`` every page under the Content-Security-Policy (``policy``), and the root page.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import assets, machines, reading, roles
from .assets import VEGA_LITE, bundle_source
from .domain import FigureNumbers
from .hardening import harden

__all__ = ["VEGA_LITE", "bundle_source", "harden", "setup"]


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", assets.add_templates)
    app.connect("config-inited", reading.add_edition)
    app.connect("config-inited", machines.add_addresses)
    app.connect("builder-inited", reading.check_data)
    app.connect("builder-inited", assets.add_static_path)
    app.connect("builder-inited", assets.drop_thebe_scripts)
    app.connect("env-get-outdated", reading.reread_stale)
    app.connect("env-before-read-docs", reading.wait_for_execution)
    app.connect("source-read", reading.announce_doc)
    app.add_domain(FigureNumbers)
    app.add_role("src", roles.src_role)
    app.add_role("gap", roles.gap_role)
    app.add_role("edition", roles.edition_role)
    app.add_directive("cite-this-book", roles.CiteThisBook)
    app.add_directive("rating-scale", roles.RatingScale)
    app.add_css_file("charts.css")
    app.add_js_file("actions.js", loading_method="defer")
    app.connect("html-page-context", reading.stamp_edition, priority=300)
    app.connect("html-page-context", machines.page_metadata, priority=400)
    app.connect("html-page-context", assets.offer_pdf_edition, priority=600)
    app.connect("html-page-context", assets.scripts_for_charts)
    app.connect("html-page-context", assets.lighten_page, priority=900)
    app.connect("build-finished", assets.write_assets, priority=400)
    app.connect("build-finished", machines.complete_sitemap, priority=450)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
