# Arad Digital — `make run` and `make test` are all a new machine needs (Debian/Ubuntu).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian's Python: its sqlite3 can load SpatiaLite (pyenv's build cannot).
SYSTEM_PYTHON ?= /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# GeoDjango on SpatiaLite; gettext for the translations; DejaVu for the PDF receipts, labels and
# certificates; poppler to read certificates back in the tests; curl for the Rasa readiness checks.
RUN_PACKAGES := python3 python3-venv libsqlite3-mod-spatialite \
	gdal-bin libgdal32 gettext fonts-dejavu-core curl
TEST_PACKAGES := chromium fonts-liberation poppler-utils

.PHONY: help run test deps test-deps venv rasa messages migrate demo lint test-postgis clean

help:
	@echo "make run    install what is missing, migrate, load the demo city, serve on http://$(HOST):$(PORT)"
	@echo "make test   install what is missing and run the whole suite"

deps:
	@scripts/ensure-system-packages.sh $(RUN_PACKAGES)

test-deps: deps
	@scripts/ensure-system-packages.sh $(TEST_PACKAGES)

# The virtualenv is rebuilt whenever the pinned requirements change.
$(VENV)/.installed: requirements.txt | deps
	@test -x $(PY) || $(SYSTEM_PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -r requirements.txt
	@touch $@

venv: $(VENV)/.installed

# Rasa 3.6 in its own virtualenv (Python 3.10), from chatbot/requirements-rasa.txt.
rasa:
	@scripts/rasa.sh install

.env:
	@scripts/ensure-env.sh

messages: venv .env
	@$(MANAGE) compilemessages --ignore='.venv*' --ignore=var -v 0

migrate: venv .env messages
	@mkdir -p var
	@$(MANAGE) migrate --no-input -v 0

demo: migrate
	@$(MANAGE) load_demo --if-empty --all

run: demo rasa
	@$(MANAGE) ensure_admin
	@PORTAL_API_URL=http://$(HOST):$(PORT) scripts/rasa.sh start
	@echo
	@echo "  Portal:  http://$(HOST):$(PORT)/"
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/"
	@echo "  Health:  http://$(HOST):$(PORT)/healthz"
	@echo
	@trap 'scripts/rasa.sh stop' EXIT; $(MANAGE) runserver $(HOST):$(PORT)

# The open-data sync tests talk to a real CKAN: ../shared/ckan-testbed, or CKAN_URL + CKAN_TOKEN.
CKAN_ENV := $${CKAN_TESTBED_DIR:-/tmp/arad-ckan-testbed}/env.sh
WITH_CKAN := if [ -z "$${CKAN_URL:-}" ] && [ -f $(CKAN_ENV) ]; then . $(CKAN_ENV); fi;

test: test-deps venv rasa messages
	@mkdir -p var
	@scripts/ckan-testbed.sh start
	@$(WITH_CKAN) $(PY) -m pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL + PostGIS (local server, trust auth), as CI runs it.
test-postgis: test-deps venv rasa messages
	@scripts/ensure-postgis.sh
	@scripts/ckan-testbed.sh start
	@$(WITH_CKAN) DATABASE_URL=$${DATABASE_URL:-postgis://postgres@127.0.0.1:5432/arad} \
		$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

clean:
	@scripts/ckan-testbed.sh stop
	rm -rf var/test.sqlite3 var/test-media var/test-private .pytest_cache
