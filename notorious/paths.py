"""Where the project's files live, resolved from the package so notebooks can run from any folder."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
FIGURES_DIR = ROOT / "figures"
# Where executing notebooks write their figures: figures/ in the repository (`make notebooks`, nbval), or the
# build's own folder, which `make book` names here so that a build that fails or is stopped never leaves its
# figures where the next build would publish them (notorious/build/state.py).
FIGURES_VARIABLE = "NOTORIOUS_FIGURES"


def figures_dir() -> Path:
    return Path(os.environ.get(FIGURES_VARIABLE) or FIGURES_DIR)


TOC = ROOT / "_toc.yml"
