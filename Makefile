# tracker: `make run` serves on the embedded PostgreSQL, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.install-stamp
# The extractor compiled with mypyc (tracker/extract/native.py): rebuilt when its sources
# (subpackages such as sieves/ included) change; used only while fresh, so a failed build
# costs speed, never correctness.
NATIVE_STAMP := $(VENV)/.native-stamp
EXTRACT_SOURCES := $(wildcard tracker/extract/*.py tracker/extract/*/*.py)

.PHONY: install run test lint format bench clean

install: $(STAMP) $(NATIVE_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NATIVE_STAMP): $(STAMP) $(EXTRACT_SOURCES)
	$(BIN)/python -m tracker.native_build --if-stale
	touch $(NATIVE_STAMP)

run: install
	$(BIN)/tracker db upgrade
	$(BIN)/tracker serve

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/chain_walk.py

clean:
	rm -rf $(VENV) build tracker/extract/_native *.egg-info .mypy_cache .ruff_cache
