# `make demo` and `make test` work on a fresh machine with only python3:
# they create .venv and install the project into it when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(abspath $(VENV))/bin
STAMP  := $(VENV)/.installed
# nbgrader runs `alembic` and Jupyter kernels from PATH.
export PATH := $(BIN):$(PATH)

.PHONY: all venv data expected release demo test browser clean

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

# Debian's Chromium for the JupyterLab browser test (tests/test_browser.py); where it
# cannot be installed (no root, no apt-get) that test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser test ..."; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; } || \
	    echo "could not install chromium: the browser test will be skipped"; \
	  else echo "chromium is not installed (needs root and apt-get): the browser test will be skipped"; fi; }

test: data browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) datasets/data demo .pytest_cache
