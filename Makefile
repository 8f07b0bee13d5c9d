# filing-grammar: two commands on a fresh machine (Python 3.10+ and make):
#   make run    set up .venv and parse samples/ (records as JSON, one per file)
#   make test   set up .venv and run the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/filing-grammar parse samples/*.txt samples/*.htm --format table
	$(BIN)/filing-grammar parse samples/*.txt samples/*.htm > samples.records.json; \
	  rc=$$?; echo "records of $$(ls samples/*.txt samples/*.htm | wc -l) samples written to samples.records.json (exit $$rc)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info samples.records.json
