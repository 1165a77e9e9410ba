# Two commands for a newcomer: `make run` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench lock po clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

# Two workers (pytest-xdist), each with its own PostgreSQL: the suite mostly waits (timeouts, restarts, rest
# timers), so two overlap it (about half the wall time). `make test PYTEST_ARGS=` runs it in one process.
PYTEST_ARGS ?= -n 2

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# After adding or changing an N_() sentence: merge it into each language's .po, then translate it there.
po: $(STAMP)
	$(BIN)/python -m bot.i18n

bench: $(STAMP)
	@for script in bench/[!_]*.py; do $(BIN)/python $$script || exit 1; done

# requirements.txt: the runtime dependencies pinned, from a fresh venv holding only what pyproject.toml asks for.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet .
	{ echo "# Runtime dependencies, pinned: what Heroku-style builders and the Dockerfile install (no dev tools)."; \
	  echo "# Generated from pyproject.toml by \`make lock\`; regenerate after changing its dependencies."; \
	  .lock-venv/bin/python -m pip freeze --exclude setcoach; } > requirements.txt
	rm -rf .lock-venv build

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
