"""What the site serves besides its pages, so it works with the network cut off and stays light on a phone.

- Vega, Vega-Lite and Vega-Embed from the site's own ``_static`` (the bundle that ships with vl-convert, which
  matches Altair's Vega-Lite version); only pages with a chart load ``charts.js``, which fetches the bundle when a
  chart nears the screen;
- every script deferred, unused stylesheets dropped, the icon font cut down to the icons the pages use;
- ``figures/`` (static images and the CSV behind each chart) copied into the built site, every table under
  ``data/`` and the whole dataset as one archive, ``downloads/notorious-again-data.zip`` (the data package).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import vl_convert as vlc
from sphinx.application import Sphinx
from sphinx.util import logging

from ..edition.identity import PDF
from ..pages import documents
from ..paths import figures_dir
from ..publish.downloads import ARCHIVE, write_data, write_data_package
from .hardening import PREVIEW_VARIABLE, harden_pages, write_root_page
from .machines import write_machine_files

logger = logging.getLogger(__name__)


STATIC = Path(__file__).parent / "static"


TEMPLATES = Path(__file__).parent / "templates"


BUNDLE = "notorious/vega-bundle.js"


VEGA_LITE = "6.4"


def bundle_source() -> str:
    # The bundle declares top-level names that clash with the theme's scripts, so it runs in its own
    # function scope; it publishes vegaEmbed, vega and vegaLite on window itself.
    return "(function () {\n" + vlc.javascript_bundle(vl_version=VEGA_LITE) + "\n})();\n"


ICON_FONTS = tuple(
    f"_static/vendor/fontawesome/webfonts/fa-{name}.woff2" for name in ("solid-900", "brands-400", "regular-400")
)


THEME_CSS = "_static/styles/pydata-sphinx-theme.css"


def used_icon_codepoints(outdir: Path) -> set[int]:
    """The Font Awesome glyphs the built pages use: their fa-* classes, mapped through the theme's CSS."""
    css = (outdir / THEME_CSS).read_text(encoding="utf-8")
    glyphs: dict[str, int] = {}
    for selectors, code in re.findall(r"((?:\.fa-[a-z0-9-]+:before,?)+)\{content:\"\\([0-9a-f]+)\"\}", css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            glyphs[name] = int(code, 16)
    # Admonition titles and a few controls draw their icon from CSS variables, not classes: keep those glyphs too.
    used = {ord(char) for char in re.findall(r'--pst-icon-[a-z-]+:"(.)"', css)}
    for page in outdir.rglob("*.html"):
        for classes in re.findall(r'class="([^"]*\bfa[-a-z]*[^"]*)"', page.read_text(encoding="utf-8")):
            used |= {glyphs[c] for c in classes.split() if c in glyphs}
    return used


def subset_icon_font(outdir: Path) -> None:
    """Replace the icon fonts (150 KB solid, 118 KB brands) with ones holding only the glyphs the pages use."""
    fonts = [outdir / font for font in ICON_FONTS if (outdir / font).exists()]
    if not fonts:
        return  # another theme (the tests' small builds)
    codepoints = sorted(used_icon_codepoints(outdir))
    for font in fonts:
        _subset_font(font, codepoints)


def _subset_font(font_path: Path, codepoints: list[int]) -> None:
    from fontTools import subset

    # Sphinx copies the theme's full font back on every build; the stamp records the subset we wrote, so an
    # unchanged build skips the work.
    stamp = font_path.with_suffix(".subset")
    signature = ",".join(map(str, codepoints)) + " " + hashlib.sha256(font_path.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == signature:
        return
    options = subset.Options(flavor="woff2", layout_features=[], notdef_outline=True)
    font = subset.load_font(str(font_path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, str(font_path), options)
    stamp.write_text(",".join(map(str, codepoints)) + " " + hashlib.sha256(font_path.read_bytes()).hexdigest())


def add_templates(app: Sphinx, config) -> None:
    # Must happen at config-inited: the builder reads templates_path when it is created.
    config.templates_path.insert(0, str(TEMPLATES))


def add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def drop_thebe_scripts(app: Sphinx) -> None:
    """Jupyter Book always loads sphinx-thebe, though this book launches no live kernels.

    Its inline script (which names a CDN) is added once per read pass, so pages carry it twice and the
    browser throws "THEBE_JS_URL has already been declared" on every page. We drop its page scripts.
    """
    for event in ("env-before-read-docs", "doctree-resolved"):
        listeners = app.events.listeners.get(event, [])
        listeners[:] = [entry for entry in listeners if not entry.handler.__module__.startswith("sphinx_thebe")]


def scripts_for_charts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "nt-spec" in context.get("body", ""):
        app.add_js_file("charts.js", loading_method="defer")
    # A filterable table is complete without scripts; filter.js only adds its controls.
    if "nt-filterable" in context.get("body", ""):
        app.add_js_file("filter.js", loading_method="defer")


# No page uses sphinx-design's components or thebe's live cells; their assets only cost readers bytes.
UNUSED_ASSETS = ("sphinx-thebe.css", "sphinx-design.min.css", "design-tabs.js")


# Inline scripts in the page head write to DOCUMENTATION_OPTIONS, so its small file must run first.
MUST_RUN_FIRST = ("documentation_options.js",)


def lighten_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Defer every script file, so none blocks the first paint, and drop assets no page uses."""
    context["css_files"] = [c for c in context.get("css_files", []) if not str(c.filename).endswith(UNUSED_ASSETS)]
    scripts = []
    for js in context.get("script_files", []):
        if str(js.filename).endswith(UNUSED_ASSETS):
            continue
        attributes = dict(js.attributes)
        first = str(js.filename).split("?")[0].endswith(MUST_RUN_FIRST)
        if js.filename and not first and "body" not in attributes and "async" not in attributes:
            attributes["defer"] = "defer"
        scripts.append(type(js)(js.filename, priority=js.priority, **attributes))
    context["script_files"] = scripts


def offer_pdf_edition(app, pagename, templatename, context, doctree) -> None:
    """The header's download menu offers the whole book as its PDF edition, beside the theme's print of the page
    (the theme fills the menu at priority 501)."""
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            for button in group["buttons"]:
                if button.get("label") == "download-pdf-button":
                    button["text"] = "Print this page"
            group["buttons"].append(
                {
                    "type": "link",
                    "url": context["pathto"](PDF, 1),
                    "text": "The whole book (PDF)",
                    "tooltip": "Download the PDF edition of the whole book",
                    "icon": "fas fa-book",
                    "label": "download-book-pdf-button",
                }
            )


def write_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    bundle = Path(app.outdir) / "_static" / BUNDLE
    stamp = bundle.with_suffix(".version")
    version = f"vl-convert {vlc.__version__} vega-lite {VEGA_LITE}"
    if not bundle.exists() or not stamp.exists() or stamp.read_text() != version:
        bundle.parent.mkdir(parents=True, exist_ok=True)
        bundle.write_text(bundle_source(), encoding="utf-8")
        stamp.write_text(version)
    figures = figures_dir()
    if figures.is_dir():
        shutil.copytree(figures, Path(app.outdir) / "figures", dirs_exist_ok=True)
    write_data(Path(app.outdir) / "data")
    write_data_package(Path(app.outdir) / ARCHIVE)
    subset_icon_font(Path(app.outdir))
    if (Path(app.outdir) / f"{documents()[0]}.html").exists():
        write_root_page(Path(app.outdir), documents()[0])
    write_machine_files(Path(app.outdir))
    # A page the policy cannot govern is a warning, which fails the strict build.
    for problem in harden_pages(Path(app.outdir), preview=bool(os.environ.get(PREVIEW_VARIABLE))):
        logger.warning(problem)
