# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Both create (or reuse) .venv and install the project with what they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck pytest bench clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## serve the bundled demo site and crawl it into output/
	$(BIN)/healthsift demo --out output

test: lint typecheck pytest  ## ruff, mypy (strict) and pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy flows extractors schemas

pytest: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)  ## speed and quality figures (installs the bench extra)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/sections.py

clean-venv:
	rm -rf $(VENV)
