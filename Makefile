# Two entry points (see README): `make run` and `make test`. Each does its own set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
APP := $(VENV)/bin/sales-assistant
DB ?= data/crm.sqlite3
APT_PACKAGES := espeak-ng sox libsox-fmt-all

.PHONY: run test lint typecheck system-deps bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# The stamp files re-install when pyproject.toml changes.
$(VENV)/.installed-app: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[coach,calls]"
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed-app
	$(PIP) install --quiet -e ".[coach,calls,dev]"
	touch $@

# Debian packages the audio tests need (synthesised speech). Root on these machines.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(DB): | $(VENV)/.installed-app
	$(APP) db init --url sqlite:///$(DB) --demo default

run: $(VENV)/.installed-app $(DB)
	SALES_ASSISTANT_DB_URL=sqlite:///$(DB) $(APP) ask

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .

typecheck: $(VENV)/.installed-dev
	$(PY) -m mypy crm sql assistant

test: $(VENV)/.installed-dev system-deps lint typecheck
	$(PY) -m pytest -q

bench: $(VENV)/.installed-app
	$(PY) -m evals.bench.demo_build

clean:
	rm -rf $(VENV) data/*.sqlite3
