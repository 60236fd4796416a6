# Parley: `make run` serves the API with the curated data; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: the runtime requirements (`make run`) and the development tools on top
# (`make test`, `make sdk`, ...). Each is redone when its requirements files change; a
# venv made by `make run` gets the tools on the first `make test`.
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
# The seed documents, when they sit beside the repository: tests then check every quote.
export PARLEY_SOURCES_DIR ?= $(abspath $(wildcard ../shared/seeds))

.PHONY: install install-runtime run test lint check-schema schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# requirements-dev.txt includes requirements.txt: the runtime stamp is fresh afterwards.
$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(RUNTIME_STAMP) $@

# What serving needs: Django, DRF, the database drivers, gunicorn (requirements.txt).
install-runtime: $(RUNTIME_STAMP)

# Everything: the runtime plus the tools of the tests, lint, SDKs and benchmarks.
install: $(DEV_STAMP)

# Local use: DEBUG on (development secret key, static files served by runserver).
run: install-runtime
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_curated
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-schema: install
	DEBUG=1 $(BIN)/python manage.py spectacular --validate --fail-on-warn --file /dev/null

# Regenerate the committed OpenAPI schema (tests fail when it is stale).
schema: install
	DEBUG=1 $(BIN)/python manage.py spectacular --validate --fail-on-warn --file docs/openapi.yaml

# Real browser checks of /api/docs/, /api/redoc/ and the browsable API in the machine's
# Chromium (installed by the script when missing and possible; the tests skip without it).
.PHONY: browser
browser: install
	bash scripts/install-chromium.sh
	PARLEY_BROWSER_REQUIRED=1 $(BIN)/python -m pytest tests/browser -q

# The explorer's screenshots in README.md and docs/ (docs/img/explore-*.png), taken in the
# machine's Chromium from a throwaway database loaded with the curated data.
.PHONY: screenshots
screenshots: install
	bash scripts/install-chromium.sh
	$(BIN)/python scripts/screenshots.py

# The clients, from the current schema (see sdk/README.md): the Python client regenerated
# into sdk/python and pip-installed into a throwaway venv, mypy --strict, the TypeScript
# types and openapi-fetch examples (tsc); then the live tests of both Python clients, run
# with the installed copy. Fails on any generator warning; nothing here may skip.
.PHONY: sdk
sdk: install
	PARLEY_SDK_REQUIRED=1 bash sdk/generate.sh
	PARLEY_SDK_REQUIRED=1 build/sdk/venv/bin/python -m pytest tests/sdk -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
