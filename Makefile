# Quick start: `make refresh` then `make test`. Both create .venv from the lock if needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)

# Prefect runs offline, with its state inside the project unless told otherwise.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

RAW ?= raw
WAREHOUSE ?= warehouse/events.duckdb

.PHONY: setup refresh test lint bench eval lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	$(BIN)/python -m eventcoder.coding.places.index_build
	rm -f $(VENV)/.installed-*
	touch $@

refresh: $(STAMP)
	$(BIN)/eventcoder refresh --raw $(RAW) --warehouse $(WAREHOUSE)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check eventcoder flows schemas tests bench
	$(BIN)/ruff format --check eventcoder flows schemas tests bench

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Code and score every development set (../shared/eval and eval/*/); writes eval/scorecard.md and eval/scores.json.
eval: $(STAMP)
	$(BIN)/python -m flows.scorecard --out eval

# Re-pin every dependency (needs pip-tools; run after editing requirements.in).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) .prefect .pytest_cache .cache
