# news-timeline: every entry point a developer or CI needs. Each target installs what it
# needs first, so any of them works as the first command on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TIMEML ?= ../shared/data/timeml
PYTEST_ARGS ?=
BENCH_ARGS ?=
# The web page's time axis: vis-timeline's standalone build from the npm registry, checked
# against this digest (the registry's sha512 of the tarball) and copied beside the page.
VIS_TIMELINE := 8.5.4
VIS_TIMELINE_SHA512 := 5eded136b46f3a44224b293abc54d7491c13ba74f4cbd3330e01d8f0df07f673ee79b27a560faedf19efd12c1bc676bf3dad84dc78da05b94421088aef8134d5
VENDOR := services/query/static/vendor
VENDOR_STAMP := $(VENDOR)/.vis-timeline-$(VIS_TIMELINE)

.PHONY: setup browser run test test-unit lint format schemas kafka-up kafka-down topics \
	bench-normalizer bench-api bench-pipeline bench-rebuild clean

setup: $(STAMP) $(VENDOR_STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(VENDOR_STAMP):
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; \
	  else echo "install npm (sudo apt-get install npm)" >&2; exit 2; fi; }
	mkdir -p .cache/npm
	cd .cache/npm && npm pack --silent vis-timeline@$(VIS_TIMELINE) >/dev/null
	echo "$(VIS_TIMELINE_SHA512)  .cache/npm/vis-timeline-$(VIS_TIMELINE).tgz" | sha512sum -c --quiet
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)
	tar -xzf .cache/npm/vis-timeline-$(VIS_TIMELINE).tgz -C $(VENDOR) --transform 's|.*/||' \
	  package/standalone/umd/vis-timeline-graph2d.min.js \
	  package/styles/vis-timeline-graph2d.min.css package/LICENSE.MIT.txt
	touch $@

run: setup
	$(BIN)/newstimeline run

# The browser test drives Debian's Chromium (playwright's own browser download is not
# reachable everywhere); install it when missing and when we may.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "install Debian's chromium (sudo apt-get install chromium)" >&2; exit 2; fi; }

test: setup browser
	$(BIN)/python -m pytest -ra $(PYTEST_ARGS)

test-unit: setup
	$(BIN)/python -m pytest -ra tests/unit $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff format --check services tests bench
	$(BIN)/ruff check services tests bench
	$(BIN)/mypy --strict services bench

format: setup
	$(BIN)/ruff format services tests bench
	$(BIN)/ruff check --fix services tests bench

schemas: setup
	$(BIN)/python -m services.platform.schemas

kafka-up: setup
	$(BIN)/newstimeline kafka start

kafka-down: setup
	$(BIN)/newstimeline kafka stop

topics: setup
	$(BIN)/newstimeline topics create

bench-normalizer: setup
	$(BIN)/python -m bench.normalizer $(TIMEML)

# wrk drives the load from its own process when it is there (an httpx load process otherwise).
bench-api: setup
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(BIN)/python -m bench.api $(BENCH_ARGS)

# The whole pipeline on the real local broker beside the normalizer alone (BENCH_ARGS, e.g.
# --articles 2000 --workers 1, or --profile var/profiles for py-spy stacks).
bench-pipeline: setup
	$(BIN)/python -m bench.pipeline --corpus $(TIMEML) $(BENCH_ARGS)

# The projector rebuilding a read model from a topic of 1M incidents (BENCH_ARGS, e.g.
# --incidents 200000).
bench-rebuild: setup
	$(BIN)/python -m bench.rebuild --corpus $(TIMEML) $(BENCH_ARGS)

clean:
	-$(BIN)/newstimeline kafka stop
	rm -rf $(VENV) .cache .state var $(VENDOR)
