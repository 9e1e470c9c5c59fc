# Two commands: `make book` builds the site into _build/html, `make test` runs every
# test tier. Both create the virtual environment from the lock file on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Kernels resolve to the venv's ipykernel, whatever the user's own Jupyter setup says.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: book test nbval run snapshot datapackage translations lock benchmark audit clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

## book: build the static site into _build/html (re-executes only the stale chapters, in
## parallel; starts no build at all when no input changed since the last one)
book: $(STAMP)
	$(if $(V),CLAIMSBOOK_VERBOSE=1 )$(BIN)/claimsbook book

## test: unit (with mypy), data, notebook (the build's executions + papermill parameter sets), ledger snapshot and browser tests
# The tests reuse the build's executions of the chapters; pytest prints the tests' own
# time (after the book is built) above its closing line.
test: book
	$(BIN)/python -m pytest

## nbval: execute every chapter notebook cell by cell under pytest --nbval-lax, the way a
## contributor checks one notebook (outputs are not compared: notebooks are committed
## without them); like every pytest run here (conftest.py), it writes its verdicts and chart
## data under _build/test-runs, never into the book's
nbval: $(STAMP)
	$(BIN)/python -m pytest --nbval-lax chapters/*.ipynb -q

## run: execute one chapter, e.g. make run CHAPTER=02-months-behind PARAMS=arena SET="countries=[China, United States]; tolerance=2"
run: $(STAMP)
	$(BIN)/claimsbook run $(CHAPTER) $(if $(PARAMS),--params $(PARAMS)) $(if $(SET),--set "$(SET)")

## snapshot: accept the current verdicts as the ledger snapshot, and each parameter set's results
## as its expectation in tests/snapshots/params/ (after a deliberate change)
snapshot: book
	$(BIN)/claimsbook snapshot

## datapackage: record new checksums after a deliberate data change, then validate
datapackage: $(STAMP)
	$(BIN)/claimsbook datapackage --update

## translations: after changing English text (a page, a data table's text, a message of the
## package), refresh every catalog under locales/zh_CN/LC_MESSAGES: new messages arrive
## empty, changed ones keep their old translation marked fuzzy; then translate them
translations: $(STAMP)
	$(BIN)/claimsbook translations update

## lock: re-resolve requirements.lock from pyproject.toml (needs the package index)
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes \
		--output-file requirements.lock --no-header

## benchmark: on a copy, the three build ratios (clean vs Σ execution ÷ cores + the rest, no-change vs clean, what an edit of one chapter module re-executes), a data-change rebuild, page weights
benchmark: $(STAMP)
	$(BIN)/python benchmarks/benchmark.py

## audit: Lighthouse (mobile) and axe-core over every page of the built site, and the ledger page with a ledger ten times today's
audit: book
	$(BIN)/python benchmarks/audit.py

clean:
	rm -rf _build
