# The one entry point. `make book` builds the site into _build/html; `make test` runs every test.
# Both set up what they need on a fresh machine with Python 3.11 (a .venv, the pinned packages).

PYTHON ?= python3
CHROMIUM ?= $(or $(CHROME_PATH),/usr/bin/chromium)
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
# Strict: warnings are errors, references are checked, and every problem is reported before failing.
BOOK_FLAGS = -W -n --keep-going
NOTEBOOKS  = intro.md $(wildcard chapters/*.md)
# The edition's date is the last commit's, never the clock's (notorious/edition/identity.py reads it): the same commit
# builds the same site, PDF and release bundle.
# Without git (a copy of the files) it stays unset and CITATION.cff's release date is used: Sphinx refuses an empty one.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: book test check mutants audit preview notebooks lint release clean help

help:
	@echo "make book       build the site into _build/html (re-executes notebooks whose code or data changed)"
	@echo "make test       data, chart, notebook (nbval), workflow and offline-browser tests"
	@echo "make check      the fast loop: lint and every test that needs no build (pytest -m 'not built', no nbval)"
	@echo "make mutants    break each rule the README states, one at a time in a copy; a test must fail each time"
	@echo "make audit      Lighthouse (mobile) and axe-core on every page, served with gzip, other origins blocked"
	@echo "make preview    serve the book on http://127.0.0.1:8000 and rebuild on save"
	@echo "make notebooks  sync each .md with its .ipynb and re-execute it (nbval's reference outputs)"
	@echo "make release    the release bundle in _build/release: site archive, PDF, data package, SHA256SUMS"
	@echo "make clean      remove the build and the execution cache"

# Every file pip installs is checked against requirements.lock's SHA-256 hashes (tools/lock.py writes it from
# constraints.txt and build-tools.txt); pip itself is pinned there too.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# All or nothing (notorious/build/state.py): the book, then its PDF edition (the site printed by Chromium,
# notorious/edition/pdf.py), are built in _build/staging and moved into _build/html only when both succeeded and every
# page read the data the repository holds. A failed build leaves no site to deploy; a stopped one, the last.
book: $(STAMP) $(CHROMIUM)
	CHROME_PATH=$(CHROMIUM) $(BIN)/python notorious/build/state.py _build -- $(BOOK_FLAGS)

test: lint book node_modules/.installed $(CHROMIUM)
	CHROME_PATH=$(CHROMIUM) $(BIN)/python -m pytest

# The browser tests drive Debian's Chromium. A fresh machine lacks it: install it as root, or say how.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "--- installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else \
		echo "make test needs Chromium at $(CHROMIUM) for its browser tests."; \
		echo "Install it (Debian: sudo apt-get install chromium) or point CHROME_PATH at a Chromium binary."; \
		exit 1; \
	fi

# Readers' budget: perf >= 90, accessibility and best practices 100, no axe violation, <= 300 KiB on a page
# without charts. Median of three Lighthouse runs, because one run on a 2-core machine is noisy.
audit: book node_modules/.installed
	node tools/audit.mjs _build/html --runs 3 --json _build/audit.json --reports _build/audit

# Serves the last good build while the next one runs; a failed build shows its error in the browser, a good one
# reloads it (notorious/build/preview.py). Its own folder, _build/preview, and no PDF.
preview: $(STAMP)
	$(BIN)/python -m notorious.build.preview --port 8000

# Byte-identical when rebuilt from the same commit (notorious/edition/release.py); see "Releases" in the README.
release: book
	$(BIN)/python -m notorious.edition.release _build

notebooks: $(STAMP)
	$(BIN)/python -m notorious.build.notebooks $(NOTEBOOKS)

lint: $(STAMP)
	$(BIN)/ruff check notorious tests tools
	$(BIN)/ruff format --check notorious tests tools

# The fast loop (under a minute): no build, no notebooks, no browser. Tests that need the built site or a build
# are marked `built` (pyproject.toml) and left out; nbval is not loaded, so no notebook executes.
check: lint node_modules/.installed
	$(BIN)/python -m pytest -p no:nbval -o addopts="-p no:cacheprovider" -m "not built" tests

# Mutation testing (tools/mutants.py): each mutant breaks one rule in a scratch copy of the tree and runs the fast
# tests; a mutant no test kills fails the target. About ten minutes.
mutants: $(STAMP)
	$(BIN)/python tools/mutants.py

clean:
	rm -rf _build .preview
