# Doorlopend: everyday commands. `make run` and `make test` work on a fresh clone with only
# Python 3.11 present; everything else is installed into .venv from uv.lock.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
UV_VERSION := 0.13.9
CHROMIUM ?= /usr/bin/chromium
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="-q -x"`.
PYTEST_ARGS ?=
# `make test` spreads the tests over the machine's cores (pytest-xdist; each worker has its
# own test database, test_<name>_gw0, _gw1, ...). `make test PYTEST_WORKERS=0` runs them in
# one process, e.g. with --pdb.
PYTEST_WORKERS ?= auto
# Tests start many Python processes (a worker per core, real task workers, manage.py
# checks). Each would compile every module again where PYTHONDONTWRITEBYTECODE is set (as on
# our CI machines): keep our bytecode in var/pycache instead (out of the source tree), and
# let uv compile the dependencies once at install. Halves a process's start-up time.
PYTEST_ENV := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/var/pycache

# pytest exits 5 when a selection holds no tests (e.g. no browser tests yet): that is not a
# failure of the code, so say so and succeed. Every other non-zero status still fails.
define pytest_allow_empty
	status=0; $(1) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests (exit 5): treated as success"; status=0; fi; \
	exit $$status
endef

.PHONY: help install run serve test test-fast test-browser lint fmt worker bench messages clean

help:
	@echo "make install       create .venv and install the locked dependencies (uv.lock)"
	@echo "make run           install, migrate, load the demo data, serve on http://127.0.0.1:8000"
	@echo "make test          the test suite, without the browser tests, on every core"
	@echo "make test-fast     the same, keeping the test databases between runs (--reuse-db)"
	@echo "make test-browser  the browser tests (Playwright driving Debian's $(CHROMIUM))"
	@echo "make lint          ruff check, ruff format --check, djhtml --check, lint-imports, makemigrations --check"
	@echo "make fmt           ruff check --fix, ruff format"
	@echo "make worker        the background task worker (db_worker with the job sweeps)"
	@echo "make serve         production start: migrate, collectstatic, then gunicorn + worker + periodic jobs (Procfile, honcho)"
	@echo "make bench         every benchmark under bench/, in order"
	@echo "make messages      update and compile the nl/en translation catalogs"
	@echo "make clean         remove .venv, caches and screenshots (keeps var/, your database)"

install: $(VENV)/.installed

# The stamp is newer than the lock file once the venv matches it: a second `make install` is
# a no-op. uv lives inside the venv (pinned in the dev group, so `uv sync` keeps it).
$(VENV)/.installed: pyproject.toml uv.lock
	@if [ ! -x $(PY) ]; then \
		$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
			|| { echo "Doorlopend needs Python 3.11; '$(PYTHON)' is $$($(PYTHON) --version 2>&1). Try: make PYTHON=python3.11 ..." >&2; exit 1; }; \
		echo "Creating $(VENV) with $$($(PYTHON) --version)"; \
		$(PYTHON) -m venv $(VENV); \
	fi
	@if [ ! -x $(UV) ]; then \
		$(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --upgrade >/dev/null; \
		$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION); \
	fi
	$(UV) sync --frozen --compile-bytecode --python $(PY)
	@touch $@

run: install
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: install
	@$(call pytest_allow_empty,$(PYTEST_ENV) $(PY) -m pytest -m "not browser" -n $(PYTEST_WORKERS) $(PYTEST_ARGS))

# Local runs only (CI always builds fresh databases): the test databases are kept, so the
# next run skips the migrations; it still applies new ones. After editing or deleting a
# migration, run `make test-fast PYTEST_ARGS=--create-db` once.
test-fast: install
	@$(call pytest_allow_empty,$(PYTEST_ENV) $(PY) -m pytest -m "not browser" -n $(PYTEST_WORKERS) --reuse-db $(PYTEST_ARGS))

test-browser: install
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "The browser tests drive Debian's chromium at $(CHROMIUM), which is missing." >&2; \
		echo "Install it with:  sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core" >&2; \
		exit 1; \
	fi
	@$(call pytest_allow_empty,$(PYTEST_ENV) CHROMIUM=$(CHROMIUM) $(PY) -m pytest -m browser tests/browser $(PYTEST_ARGS))

# All checks run even when one fails, so one run reports every problem. lint-imports holds
# the app order of pyproject.toml ([tool.importlinter]).
lint: install
	@status=0; \
	echo "$(VENV)/bin/ruff check ."; $(VENV)/bin/ruff check . || status=1; \
	echo "$(VENV)/bin/ruff format --check ."; $(VENV)/bin/ruff format --check . || status=1; \
	echo "$(VENV)/bin/djhtml --check doorlopend tests"; $(VENV)/bin/djhtml --check doorlopend tests || status=1; \
	echo "$(VENV)/bin/lint-imports"; $(VENV)/bin/lint-imports || status=1; \
	echo "$(MANAGE) makemigrations --check --dry-run"; $(MANAGE) makemigrations --check --dry-run || status=1; \
	exit $$status

fmt: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# --no-reload: with DEBUG on the worker would restart on every code change, killing tasks.
worker: install
	@mkdir -p var
	$(MANAGE) run_worker --no-reload --queue-name '*'

# Production start (README "In productie draaien"): settings from the environment (.env too),
# then the Procfile's web (gunicorn, config/gunicorn.conf.py), worker and periodic through
# honcho from uv.lock. Gunicorn listens on HOST:PORT. SERVE_MIGRATE=0 skips migrate (with
# several machines, run it once per release instead). Ctrl-C or SIGTERM stops all three.
PORT ?= 8000
SERVE_MIGRATE ?= 1
serve: install
	@mkdir -p var
	@if [ "$(SERVE_MIGRATE)" = 1 ]; then $(MANAGE) migrate --noinput; fi
	$(MANAGE) collectstatic --noinput -v0
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" exec $(VENV)/bin/honcho start --no-colour -f Procfile -p $(PORT)

bench: install
	@mkdir -p var
	@shopt -s nullglob; found=0; \
	for script in bench/[!_]*.py; do \
		found=1; echo "== $$script"; $(PY) "$$script"; \
	done; \
	if [ $$found -eq 0 ]; then echo "no benchmarks under bench/"; fi

messages: install
	$(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=var --ignore=node_modules --ignore=tests --ignore=bench
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) .ruff_cache .pytest_cache .hypothesis tests/browser/screenshots var/static var/pycache var/test-template-*.sqlite3
	find . \( -path ./.git -o -path ./.venv \) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
