# Semilla's commands. `make run` and `make test` are the two set-up commands of the README:
# each creates .venv when missing and installs the pinned dependencies first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
CONSTRAINTS := requirements/constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

.PHONY: run test lint typecheck fmt bench install bootstrap lock clean-demo check-deploy audit

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip setuptools wheel
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

## bootstrap: dependencies, database, translations (no server)
bootstrap: $(STAMP)
	$(PY) manage.py createcachetable
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py compile_translations

## run: the site with demo data on http://127.0.0.1:8000 (a free port if taken), the task
## cluster and the fake Stripe on a free loopback port (scripts/run_dev.sh; Ctrl-C stops all)
run: bootstrap
	$(PY) manage.py seed_demo
	@bash scripts/run_dev.sh $(PY) $(HOST) $(PORT)

## test: the whole suite (browser journeys too when Chromium is installed)
test: $(STAMP)
	$(PY) manage.py compile_translations
	SEMILLA_URL_COVERAGE=$(if $(PYTEST_ARGS),0,1) $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')
	$(VENV)/bin/lint-imports --no-cache
	$(MAKE) --no-print-directory typecheck

## typecheck: mypy (with django-stubs) over the services and selectors of every app
TYPED = -m semilla.services -m semilla.transitions -m semilla.errors -m semilla.service_call -m semilla.downloads -m semilla.paging -m semilla.choice_labels \
	-m semilla.privacy.services -m semilla.privacy.selectors \
	-m semilla.reporting.selectors -m semilla.reporting.partners -p cohorts.services -m cohorts.selectors -m cohorts.checks \
	-m curriculum.services -m curriculum.selectors -m curriculum.permissions -m curriculum.offline -p mentors.services -m mentors.selectors \
	-m semilla.notification_services -m semilla.notification_selectors \
	-p pitchday.services -p pitchday.selectors -m pitchday.permissions -m pitchday.money \
	-m community.services -m community.selectors \
	-m outcomes.services -m outcomes.selectors \
	-m conversations.services -m conversations.selectors \
	-m market.services -m market.selectors -m market.readiness
typecheck: $(STAMP)
	$(VENV)/bin/mypy $(TYPED)

fmt: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html') || true

## audit: known vulnerabilities in the pinned dependencies (pip-audit, in its own environment
## so its dependencies never mix with the project's); says NOT AUDITED when the
## vulnerability service cannot be reached (SEMILLA_AUDIT_REQUIRED=1 makes that fail)
AUDIT_VENV := var/audit-venv
PIP_AUDIT_VERSION := 2.10.1
audit: $(STAMP)
	@test -x $(AUDIT_VENV)/bin/pip-audit || { $(PYTHON) -m venv $(AUDIT_VENV) && \
		$(AUDIT_VENV)/bin/pip install --quiet pip-audit==$(PIP_AUDIT_VERSION); }
	$(PY) scripts/audit_dependencies.py $(AUDIT_VENV)/bin/pip-audit $(PY)

## bench: the benchmark suite (ratios against baselines run side by side)
bench: $(STAMP)
	$(PY) bench/run.py

## lock: refresh the constraints file from the current environment
lock: $(STAMP)
	$(PIP) freeze --exclude-editable | grep -v '^-e' > $(CONSTRAINTS)

check-deploy: $(STAMP)
	DJANGO_SETTINGS_MODULE=semilla.settings.production SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-key-0123456789abcdefghij \
	  ALLOWED_HOSTS=semilla.example.org DATABASE_URL=sqlite:///var/check.sqlite3 \
	  $(PY) manage.py check --deploy --fail-level WARNING

## mutate: mutation testing of the eligibility, application, booking, money and erasure
## services: mutmut 3 over the apps, then the named mutations (scripts/named_mutations.py,
## which also reach the site/ package). Slow (minutes per module on two cores): run it by
## hand, never in CI or `make test`. MUTANTS='cohorts.eligibility*' limits mutmut to one
## module; set DATABASE_URL for the PostgreSQL ones. Results: docs/testing.md
.PHONY: mutate
MUTANTS ?=
mutate: $(STAMP)
	$(PY) manage.py compile_translations
	-$(VENV)/bin/mutmut run --max-children 1 $(MUTANTS)
	-$(VENV)/bin/mutmut results
	$(PY) scripts/named_mutations.py
