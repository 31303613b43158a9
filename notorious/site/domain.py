"""Figure numbers as a Sphinx domain: which numbers each page shows, kept per page, merged from parallel reads.

A chapter copied under another's name, or a stale cached output, shows figure numbers that belong to another page;
the strict build then fails with a warning naming the page (``pages.figure_number_problems`` says what is wrong).
The figures are numbered where they are made (``publish.figures.FigureBook``); this domain only reads the numbers
off each page's doctree, as sphinxcontrib-bibtex keeps its citations in a domain rather than on the environment.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util import logging

from ..pages import FIGURE_NUMBER, figure_number_problems

logger = logging.getLogger(__name__)


class FigureNumbers(Domain):
    name = "notorious"
    label = "Notorious Again figure numbers"
    initial_data: dict = {"figures": {}}  # docname -> the figure numbers the page shows, in order
    data_version = 1

    @property
    def figures(self) -> dict[str, list[str]]:
        return self.data.setdefault("figures", {})

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        self.figures[docname] = [n for raw in document.findall(nodes.raw) for n in FIGURE_NUMBER.findall(raw.astext())]

    def clear_doc(self, docname: str) -> None:
        self.figures.pop(docname, None)

    def merge_domaindata(self, docnames: list[str], otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata.get("figures", {}):
                self.figures[docname] = otherdata["figures"][docname]

    def check_consistency(self) -> None:
        """Two pages showing one figure number is a warning, which fails the strict build."""
        shown = {doc: self.figures[doc] for doc in sorted(self.figures) if doc in self.env.found_docs}
        for problem in figure_number_problems(shown):
            logger.warning(problem, location=problem.split(":", 1)[0])

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode) -> list:
        return []
