# news-timeline: every entry point a developer or CI needs. Each target installs what it
# needs first, so any of them works as the first command on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TIMEML ?= ../shared/data/timeml
PYTEST_ARGS ?=

.PHONY: setup browser run reset status test soak test-unit lint format schemas kafka-up kafka-down topics \
	bench-normalizer bench-api clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Keeps everything between runs (broker storage, read model, worker state); `make reset`
# is the one way to wipe them.
run: setup
	$(BIN)/newstimeline run

reset: setup
	$(BIN)/newstimeline reset --yes

status: setup
	$(BIN)/newstimeline status

# The browser test drives Debian's Chromium (playwright's own browser download is not
# reachable everywhere); install it when missing and when we may.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "install Debian's chromium (sudo apt-get install chromium)" >&2; exit 2; fi; }

test: setup browser
	$(BIN)/python -m pytest -ra $(PYTEST_ARGS)

# The chaos test at scale (not in CI): 10,000 articles, five worker kills, a broker restart
# and a query kill; prints the figures the README's table shows.
soak: setup
	FAULTS_ARTICLES=10000 FAULTS_WORKER_KILLS=5 $(BIN)/python -m pytest -s -ra \
	  tests/faults/test_chaos.py $(PYTEST_ARGS)

test-unit: setup
	$(BIN)/python -m pytest -ra tests/unit $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff format --check services tests
	$(BIN)/ruff check services tests
	$(BIN)/mypy --strict services

format: setup
	$(BIN)/ruff format services tests
	$(BIN)/ruff check --fix services tests

schemas: setup
	$(BIN)/python -m services.platform.schemas

kafka-up: setup
	$(BIN)/newstimeline kafka start

kafka-down: setup
	$(BIN)/newstimeline kafka stop

topics: setup
	$(BIN)/newstimeline topics create

bench-normalizer: setup
	$(BIN)/python -m services.evaluation.bench $(TIMEML)

# wrk drives the load from its own process when it is there (an httpx load process otherwise).
bench-api: setup
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(BIN)/python -m services.query.bench

clean:
	-$(BIN)/newstimeline kafka stop
	rm -rf $(VENV) .cache .state var
