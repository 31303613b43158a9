"""Sphinx extension that makes the book work with the network cut off.

- serves Vega, Vega-Lite and Vega-Embed from the site's own ``_static`` (the bundle that ships with
  vl-convert, which matches Altair's Vega-Lite version), and loads it only on pages that have a chart;
- copies ``figures/`` (static images and the CSV behind each chart) into the built site;
- publishes every table under ``data/`` and the whole dataset as one archive,
  ``downloads/notorious-again-data.zip`` (the data package).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import vl_convert as vlc
from sphinx.application import Sphinx

from .paths import DATA_DIR, FIGURES_DIR

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
BUNDLE = "notorious/vega-bundle.js"
ARCHIVE = "downloads/notorious-again-data.zip"
# A fixed timestamp keeps the archive byte-identical from build to build.
ZIP_TIME = (2016, 12, 21, 0, 0, 0)
VEGA_LITE = "6.4"


def bundle_source() -> str:
    # The bundle declares top-level names that clash with the theme's scripts, so it runs in its own
    # function scope; it publishes vegaEmbed, vega and vegaLite on window itself.
    return "(function () {\n" + vlc.javascript_bundle(vl_version=VEGA_LITE) + "\n})();\n"


def write_data_package(target: Path, data_dir: Path = DATA_DIR) -> None:
    """Zip data/ (CSVs, datapackage.json, README, the seed) under a top folder, reproducibly.

    Skipped when the archive is newer than every data file, so a rebuild with nothing changed stays fast.
    """
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    if target.exists() and target.stat().st_mtime >= max(p.stat().st_mtime for p in files):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"notorious-again-data/{path.relative_to(data_dir).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def _add_templates(app: Sphinx, config) -> None:
    # Must happen at config-inited: the builder reads templates_path when it is created.
    config.templates_path.insert(0, str(TEMPLATES))


def _add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def _drop_thebe_scripts(app: Sphinx) -> None:
    """Jupyter Book always loads sphinx-thebe, though this book launches no live kernels.

    Its inline script (which names a CDN) is added once per read pass, so pages carry it twice and the
    browser throws "THEBE_JS_URL has already been declared" on every page. We drop its page scripts.
    """
    for event in ("env-before-read-docs", "doctree-resolved"):
        listeners = app.events.listeners.get(event, [])
        listeners[:] = [entry for entry in listeners if not entry.handler.__module__.startswith("sphinx_thebe")]


def _scripts_for_charts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "nt-spec" in context.get("body", ""):
        app.add_js_file(BUNDLE, loading_method="defer")
        app.add_js_file("charts.js", loading_method="defer")


def _write_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    bundle = Path(app.outdir) / "_static" / BUNDLE
    stamp = bundle.with_suffix(".version")
    version = f"vl-convert {vlc.__version__} vega-lite {VEGA_LITE}"
    if not bundle.exists() or not stamp.exists() or stamp.read_text() != version:
        bundle.parent.mkdir(parents=True, exist_ok=True)
        bundle.write_text(bundle_source(), encoding="utf-8")
        stamp.write_text(version)
    if FIGURES_DIR.is_dir():
        shutil.copytree(FIGURES_DIR, Path(app.outdir) / "figures", dirs_exist_ok=True)
    shutil.copytree(DATA_DIR, Path(app.outdir) / "data", dirs_exist_ok=True)
    write_data_package(Path(app.outdir) / ARCHIVE)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _add_static_path)
    app.connect("builder-inited", _drop_thebe_scripts)
    app.add_css_file("charts.css")
    app.connect("html-page-context", _scripts_for_charts)
    app.connect("build-finished", _write_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
