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
# certificates; poppler to read certificates back in the tests; curl for the Rasa readiness checks;
# Chromium for the screenshots in the generated tutorials (and the browser tests).
RUN_PACKAGES := python3 python3-venv libsqlite3-mod-spatialite \
	gdal-bin libgdal32 gettext fonts-dejavu-core curl chromium fonts-liberation
TEST_PACKAGES := poppler-utils

.PHONY: help run test test-fast check lint deps test-deps venv test-venv rasa messages migrate demo \
	test-postgis clean prod-up prod-down prod-status

help:
	@echo "make run           install what is missing, load the demo city, serve http://$(HOST):$(PORT) (chatbot if Python 3.10)"
	@echo "make test          install what is missing (Rasa too) and run the whole suite"
	@echo "make test-fast     the suite without browser and Rasa tests, on the kept test database"
	@echo "make test-postgis  the whole suite on PostgreSQL + PostGIS (CI: without browser and Rasa tests)"
	@echo "make check         lint, Django's checks, no missing migrations, translation catalogues up to date"
	@echo "make lint          ruff: lint and formatting"
	@echo "make demo          migrate and load the demo city (only what is missing)"
	@echo "make migrate       apply the database migrations"
	@echo "make messages      compile the translation catalogues"
	@echo "make rasa          install Rasa 3.6 into .venv-rasa (needs Python 3.10)"
	@echo "make venv          the runtime virtualenv (.venv) from requirements/base.txt"
	@echo "make test-venv     .venv plus the test and tooling packages from requirements/test.txt"
	@echo "make deps          the Debian packages the portal needs to run"
	@echo "make test-deps     those plus Chromium, fonts and poppler for the tests"
	@echo "make prod-up       the production layout on this machine: nginx, two gunicorn nodes, PostGIS, Redis, Celery, S3"
	@echo "make prod-down     stop what prod-up started (the database is kept)"
	@echo "make prod-status   which processes of the production layout are up, and their addresses"
	@echo "make clean         stop the CKAN testbed; remove the test database and test files"

deps:
	@scripts/ensure-system-packages.sh $(RUN_PACKAGES)

test-deps: deps
	@scripts/ensure-system-packages.sh $(TEST_PACKAGES)

# The virtualenv is refreshed whenever the pinned requirements change: the runtime packages for
# `make run`, the test and tooling packages on top for `make test` and `make check`.
$(VENV)/.installed-base: requirements/base.txt | deps
	@test -x $(PY) || $(SYSTEM_PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -r requirements/base.txt
	@touch $@

$(VENV)/.installed-test: requirements/test.txt $(VENV)/.installed-base
	@$(PY) -m pip install -q -r requirements/test.txt
	@touch $@

venv: $(VENV)/.installed-base

test-venv: $(VENV)/.installed-test

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
	@PORTAL_API_URL=http://$(HOST):$(PORT) scripts/rasa.sh start --if-installed
	@echo
	@echo "  Portal:  http://$(HOST):$(PORT)/"
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/"
	@echo "  Health:  http://$(HOST):$(PORT)/healthz"
	@echo
	@trap 'scripts/rasa.sh stop' EXIT; $(MANAGE) runserver $(HOST):$(PORT)

# The open-data sync tests talk to a real CKAN: ../shared/ckan-testbed, or CKAN_URL + CKAN_TOKEN.
CKAN_ENV := $${CKAN_TESTBED_DIR:-/tmp/arad-ckan-testbed}/env.sh
WITH_CKAN := if [ -z "$${CKAN_URL:-}" ] && [ -f $(CKAN_ENV) ]; then . $(CKAN_ENV); fi;

# The whole suite needs the assistant: here a missing Python 3.10 is an error.
test test-postgis: export RASA_REQUIRED := 1

# The S3 server that checks signed URLs' expiry (moto's does not), for the object-storage tests.
S3RVER := var/s3rver/node_modules/.bin/s3rver
$(S3RVER):
	@command -v npm >/dev/null || scripts/ensure-system-packages.sh npm
	@npm install --prefix var/s3rver --no-audit --no-fund --loglevel=error s3rver@3.7.1

test: test-deps test-venv rasa messages $(S3RVER)
	@mkdir -p var
	@scripts/ckan-testbed.sh start
	@$(WITH_CKAN) $(PY) -m pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL + PostGIS (local server, trust auth), as CI runs it.
test-postgis: test-deps test-venv rasa messages $(S3RVER)
	@scripts/ensure-postgis.sh
	@scripts/ckan-testbed.sh start
	@$(WITH_CKAN) DATABASE_URL=$${DATABASE_URL:-postgis://postgres@127.0.0.1:5432/arad} \
		$(PY) -m pytest $(PYTEST_ARGS)

# No browser, no Rasa, no CKAN; the test database is kept between runs (--reuse-db).
test-fast: test-venv messages
	@mkdir -p var
	@$(PY) -m pytest -m "not browser and not rasa" --reuse-db -q $(PYTEST_ARGS)

lint: test-venv
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

# What CI checks before the suites: lint, Django's system checks, no model change without its
# migration, and translation catalogues that hold every string of the code and templates.
check: lint .env
	@mkdir -p var
	@$(MANAGE) check --fail-level WARNING
	@$(MANAGE) makemigrations --check --dry-run -v 1
	@$(PY) scripts/check-messages.py

# Production's processes on one machine (docs/deployment.md): nginx with TLS in front of two web
# nodes, PostgreSQL + PostGIS, Redis, a Celery worker and beat, an S3 server (moto, from the test
# packages); logs and pids under var/prod/.
prod-up: test-venv messages
	@scripts/prod-stack.sh start

prod-down:
	@scripts/prod-stack.sh stop

prod-status:
	@scripts/prod-stack.sh status

clean:
	@scripts/ckan-testbed.sh stop
	rm -rf var/test.sqlite3 var/test-media var/test-private .pytest_cache
