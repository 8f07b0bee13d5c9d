"""Golden files for every sample: records (JSON) and the lossless tree (text).

    pytest tests/test_golden.py --update-goldens   # rewrite after a deliberate change
"""

from __future__ import annotations

import json

import pytest

import filing_grammar as fg
from filing_grammar.render.tree import to_text

from .conftest import SAMPLES
from .golden_util import check_golden

SAMPLE_FILES = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.htm")])


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_records_golden(path, update_goldens):
    filing = fg.parse_file(path)
    d = filing.to_dict()
    d["path"] = path.name  # golden files do not depend on where the repo is
    actual = json.dumps(d, indent=2, ensure_ascii=False) + "\n"
    check_golden(path.with_suffix(".records.json"), actual, update_goldens)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_tree_golden(path, update_goldens):
    text = fg.read_source(path.read_bytes()).text
    tree = fg.parse_tree(text).tree
    assert fg.tree_text(tree) == text
    check_golden(path.with_suffix(".tree"), to_text(tree), update_goldens)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_samples_have_nothing_unmatched(path):
    assert fg.parse_file(path).unmatched == ()
