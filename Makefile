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

.PHONY: install run test test-browser test-citus lint format bench bench-ui screenshots clean

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
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The desk in Debian's Chromium alone (`make test` runs these too when a Chromium is found).
test-browser: install
	$(BIN)/python -m pytest tests/browser

# The `citus` tests on a local cluster the session starts (Citus built once into the user's
# cache; see `tracker cluster`), or on TRACKER_TEST_CITUS_URL's cluster.
test-citus: install
	$(BIN)/python -m pytest -m citus tests/citus

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/chain_walk.py

# The desk's page times beside the JSON API's for the same data (docs/PERFORMANCE.md).
bench-ui: install
	$(BIN)/python bench/ui.py

# docs/screenshots/*.png, taken with Debian's Chromium on stories written for the script.
screenshots: install
	$(BIN)/python bench/screenshots.py

clean:
	rm -rf $(VENV) build tracker/extract/_native *.egg-info .mypy_cache .ruff_cache
