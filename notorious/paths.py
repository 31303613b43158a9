"""Where the project's files live, resolved from the package so notebooks can run from any folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
FIGURES_DIR = ROOT / "figures"
TOC = ROOT / "_toc.yml"
