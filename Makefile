# Two commands for a newcomer: `make run` (install + start the app) and `make test` (install + every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test test-fast bench lint schema train clean

run: $(VENV)/.installed
	SOURCETRACE_WORKSPACE=shared $(BIN)/streamlit run app.py --server.port $(PORT)

# Without Chromium the browser tests are skipped and the run ends with a red banner saying so
# (tests/browser_guard.py); .ci/run sets SOURCETRACE_REQUIRE_BROWSER=1 so that a skip fails CI.
test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest

test-fast: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -m "not e2e"

bench: $(VENV)/.dev-installed
	$(BIN)/python -m benchmarks

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .

# Rebuild the learned cue model from PolNeAR train (needs ../shared; about 4 min of CPU with the parse cached, 13 min wall from scratch on a loaded 2-core machine; seed fixed)
POLNEAR ?= ../shared/data
train: $(VENV)/.dev-installed
	$(BIN)/python -m sourcetrace train $(POLNEAR)/polnear-train -o data/models/cues --dev $(POLNEAR)/polnear-dev

schema: $(VENV)/.installed
	$(BIN)/python -m sourcetrace schema -o schema/analysis.schema.json

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
