# Pensionsguiden. `make run` and `make test` set up everything they need on a fresh machine.
PORT ?= 8000
WORKERS ?= 2
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
CATALOGUES := $(wildcard app/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: help setup run test test-fast lint format check-content translations bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

app/translations/%/LC_MESSAGES/messages.mo: app/translations/%/LC_MESSAGES/messages.po $(BIN)/.installed
	$(BIN)/pybabel compile --statistics -d app/translations -l $* >/dev/null

setup: $(BIN)/.installed node_modules/.installed $(COMPILED) ## Install Python and npm dependencies, compile translations

run: setup ## Set up and serve the site with gunicorn on http://127.0.0.1:$(PORT)
	$(FLASK) search build
	PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/gunicorn -c deploy/gunicorn.conf.py

# The tests outside a browser run in two processes (pytest-xdist), a whole test file in one
# process (--dist loadfile): the feedback tests share one PostgreSQL test database and clear it,
# so they must not run side by side. The browser tests run in one process, as their screenshots
# and timings need the machine to themselves.
IN_PARALLEL := -n 2 --dist loadfile
test: setup lint ## Set up and run lint, the content check and every test
	$(FLASK) content check
	$(FLASK) search build
	$(BIN)/pytest $(IN_PARALLEL) -m "not browser"
	$(BIN)/pytest -m browser

test-fast: setup lint ## Everything but the browser tests (well under a minute)
	$(FLASK) content check
	$(FLASK) search build
	$(BIN)/pytest $(IN_PARALLEL) -m "not browser"

lint: setup ## Lint, format check and the import layers (lint-imports)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: setup ## Format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-content: setup ## Validate all answers and print their LIX readability
	$(FLASK) content check

translations: setup ## Extract interface texts and update the da/en catalogues (then translate the new da entries)
	$(FLASK) translations update

bench: setup ## Print search, chat and per-request speed figures (bench/; load: bench/load.sh)
	$(BIN)/python bench/search.py
	$(BIN)/python bench/chat.py
	$(BIN)/python bench/requests.py
	$(BIN)/python bench/quality.py

clean: ## Remove generated files
	rm -rf $(VENV) node_modules search_index $(COMPILED)
