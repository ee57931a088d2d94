# `make demo` and `make test` work on a fresh machine with only python3:
# they create .venv and install the project into it when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(abspath $(VENV))/bin
STAMP  := $(VENV)/.installed
# nbgrader runs `alembic` and Jupyter kernels from PATH.
export PATH := $(BIN):$(PATH)

.PHONY: all venv data expected release demo test clean

all: test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

data: venv
	$(BIN)/nngrader build-data

# Regenerate what is derived from the reference solution (expected values,
# source notebooks) and the student release; all of it is committed.
expected: venv
	$(BIN)/nngrader build-expected

release: venv
	$(BIN)/nngrader release

demo: data
	$(BIN)/nngrader demo

test: data
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) datasets/data demo .pytest_cache
