# news-timeline: every entry point a developer or CI needs. Each target installs what it
# needs first, so any of them works as the first command on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
TIMEML ?= ../shared/data/timeml
TIMELINE17 ?= ../shared/data/timeline17
PYTEST_ARGS ?=
BENCH_ARGS ?=
DOCS_PORT ?= 8000
# mkdocs-material 9.x prints a banner about its end of life (May 2027; Zensical succeeds it)
# on every build; it is known and noted in docs/development.md, so the builds stay quiet.
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs
# The web page's time axis: vis-timeline's standalone build from the npm registry, checked
# against this digest (the registry's sha512 of the tarball) and copied beside the page.
VIS_TIMELINE := 8.5.4
VIS_TIMELINE_SHA512 := 5eded136b46f3a44224b293abc54d7491c13ba74f4cbd3330e01d8f0df07f673ee79b27a560faedf19efd12c1bc676bf3dad84dc78da05b94421088aef8134d5
VENDOR := services/query/static/vendor
VENDOR_STAMP := $(VENDOR)/.vis-timeline-$(VIS_TIMELINE)

.PHONY: setup setup-dev browser rouge run reset status test soak test-unit lint format schemas \
	kafka-up kafka-down topics bench-normalizer bench-api bench-pipeline bench-rebuild \
	bench-replay bench-stories eval-timeml eval-stories docs docs-serve clean

# Two stamps: the runtime set (requirements.lock) is all `make run` needs; tests and linters
# add the dev set (requirements-dev.lock) on top.
setup: $(STAMP) $(VENDOR_STAMP)

setup-dev: setup $(DEV_STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
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

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  -r requirements-dev.lock
	touch $(DEV_STAMP)

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

# ROUGE-1.5.5 (shipped inside tilse, run by eval-stories) is a Perl script that needs XML::DOM.
rouge:
	@perl -MXML::DOM -e1 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml-dom-perl; \
	  else echo "install Debian's libxml-dom-perl for ROUGE-1.5.5 (eval-stories)" >&2; fi; }

test: setup-dev browser rouge
	$(BIN)/python -m pytest -ra -m "not soak" $(PYTEST_ARGS)

# The chaos test at scale (not in CI): 10,000 articles, five worker kills, a broker restart
# and a query kill; prints the figures of the table in docs/faults.md.
soak: setup-dev
	FAULTS_ARTICLES=10000 FAULTS_WORKER_KILLS=5 $(BIN)/python -m pytest -s -ra \
	  tests/faults/test_chaos.py $(PYTEST_ARGS)

test-unit: setup-dev
	$(BIN)/python -m pytest -ra tests/unit $(PYTEST_ARGS)

lint: setup-dev
	$(BIN)/ruff format --check services evaluation tests bench docs/hooks.py
	$(BIN)/ruff check services evaluation tests bench docs/hooks.py
	$(BIN)/mypy --strict services evaluation bench tests docs/hooks.py
	$(MKDOCS) build --strict --quiet

# The documentation site (mkdocs-material, from docs/ into the git-ignored site/). --strict
# turns every warning (a broken link or anchor, a page missing from the nav) into a failure.
docs: setup-dev
	$(MKDOCS) build --strict

docs-serve: setup-dev
	$(MKDOCS) serve --strict --dev-addr 127.0.0.1:$(DOCS_PORT)

format: setup-dev
	$(BIN)/ruff format services evaluation tests bench docs/hooks.py
	$(BIN)/ruff check --fix services evaluation tests bench docs/hooks.py

schemas: setup
	$(BIN)/python -m services.contracts.schemas

kafka-up: setup
	$(BIN)/newstimeline kafka start

kafka-down: setup
	$(BIN)/newstimeline kafka stop

topics: setup
	$(BIN)/newstimeline topics create

# Ours against dateparser.search_dates: our calls alone, then `newstimeline normalize --jsonl`
# as a whole process, run between slices of dateparser's calls (BENCH_ARGS="--runs 9": the
# median of nine processes; five by default).
bench-normalizer: setup
	$(BIN)/python -m bench.normalizer $(TIMEML) $(BENCH_ARGS)

# The evaluations (evaluation/, beside bench/: measurement, not in the image): TempEval-3
# scores of the normalizer on a TimeML gold folder, and story timelines scored with tilse.
eval-timeml: setup
	$(BIN)/python -m evaluation timeml $(TIMEML) $(BENCH_ARGS)

eval-stories: setup-dev rouge
	$(BIN)/python -m evaluation stories $(TIMELINE17) $(BENCH_ARGS)

# wrk drives the load from its own process when it is there (an httpx load process otherwise).
bench-api: setup
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(BIN)/python -m bench.api $(BENCH_ARGS)

# The whole pipeline on the real local broker beside the normalizer alone (BENCH_ARGS, e.g.
# --articles 2000 --workers 1, or --profile var/profiles for py-spy stacks).
bench-pipeline: setup-dev
	$(BIN)/python -m bench.pipeline --corpus $(TIMEML) $(BENCH_ARGS)

# The projector rebuilding a read model from a topic of 1M incidents (BENCH_ARGS, e.g.
# --incidents 200000).
bench-rebuild: setup
	$(BIN)/python -m bench.rebuild --corpus $(TIMEML) $(BENCH_ARGS)

# What `newstimeline audit` prints on a healthy stack of 10,000 articles, and its time.
bench-audit: setup
	$(BIN)/python -m bench.audit $(BENCH_ARGS)

# Replay and rebuild rates on the broker make run uses (topics of its own; not in make test).
bench-replay: setup
	$(BIN)/python -m bench.replay --articles 5000

# Latency of GET /v1/stories/timeline over one Timeline17 topic, in-process.
bench-stories: setup-dev
	$(BIN)/python -m bench.stories $(firstword $(wildcard $(TIMELINE17)/*/)) $(BENCH_ARGS)

clean:
	-$(BIN)/newstimeline kafka stop
	rm -rf $(VENV) .cache .state var site $(VENDOR)
