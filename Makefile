# filing-grammar: two commands on a fresh machine (Python 3.10+ and make):
#   make run    set up .venv and parse samples/ (records as JSON, one per file)
#   make test   set up .venv and run the tests (the fast set, in parallel)
# and, for CI or before a release:
#   make test-slow   the tests marked slow: scale cases, exhaustive hostile runs,
#                    the HTML report in a headless browser
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-slow test-browser bench fuzz fuzz-cli clean

# setuptools tells, at every editable install, how it made one (grammar/ is
# mapped into the package); that notice is no problem, so it is not shown.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:::setuptools.command.editable_wheel" \
	  $(BIN)/python -m pip install --quiet -e '.[test,parquet,dask]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/filing-grammar parse samples/*.txt samples/*.htm --format table
	$(BIN)/filing-grammar parse samples/*.txt samples/*.htm > samples.records.json; \
	  rc=$$?; echo "records of $$(ls samples/*.txt samples/*.htm | wc -l) samples written to samples.records.json (exit $$rc)"

# The fast set, one worker per core (pytest-xdist).
test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" -n auto

# One process: these measure time and memory ratios.
test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

# The report in headless Chromium (needs chromium and chromium-driver; skips without).
test-browser: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	$(BIN)/python -m pytest -q -m slow tests/test_report_browser.py

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Coverage-guided fuzzing (atheris): `fuzz` the library in process (parse,
# tree, records, checks; fuzz/fuzz_parse.py), `fuzz-cli` the command line
# (fuzz/fuzz_cli.py, far slower); crashes land in fuzz/crash-*.
# FUZZ_SECONDS=60 for a taste.
FUZZ_SECONDS ?= 1800
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet atheris
	$(BIN)/python fuzz/fuzz_parse.py -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz/ -print_final_stats=1

fuzz-cli: $(STAMP)
	$(BIN)/python -m pip install --quiet atheris
	$(BIN)/python fuzz/fuzz_cli.py -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz/ -print_final_stats=1

clean:
	rm -rf $(VENV) build *.egg-info samples.records.json
