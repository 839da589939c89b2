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

# The editable install leaves the project's modules uncompiled, and where PYTHONDONTWRITEBYTECODE
# is set every process compiled them again (about 70 ms of each crawl and worker start-up):
# byte-compile them once, as a regular install does. Python still checks each file's mtime.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q flows extractors schemas demo
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
