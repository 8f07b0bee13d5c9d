"""Diagnostics judged by eye (tests/audit/judged.tsv) stay as judged: a real
one still comes, a false one does not come back."""

from __future__ import annotations

import csv
import functools
import os
import pathlib

import pytest

from filing_grammar.api import read_source
from filing_grammar.checks import check_source

from .conftest import CORPUS

HERE = pathlib.Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"

with open(HERE / "audit" / "judged.tsv", encoding="utf-8", newline="") as fh:
    ROWS = list(csv.DictReader(fh, delimiter="\t"))


# Filings from outside the corpus (other projects' fixtures, tests/audit/README.md),
# where they are kept: FILING_GRAMMAR_EXTRA=/path/to/folder.
EXTRA = pathlib.Path(os.environ.get("FILING_GRAMMAR_EXTRA", HERE.parent.parent / "extra8k"))


def _path(name: str) -> pathlib.Path | None:
    for folder in (SAMPLES, CORPUS / "files", EXTRA):
        if (folder / name).exists():
            return folder / name
    return None


@functools.lru_cache(maxsize=None)
def _found(name: str) -> set[tuple[str, int]]:
    path = _path(name)
    src = read_source(path.read_bytes(), name)
    return {(d.code, d.primary.span.line) for d in check_source(src)}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['file'][:24]}-{r['code']}-{r['line']}-{r['verdict']}")
def test_judged_diagnostic(row):
    if _path(row["file"]) is None:
        pytest.skip("the filing is not here (corpus beside the project, or FILING_GRAMMAR_EXTRA)")
    found = (row["code"], int(row["line"])) in _found(row["file"])
    if row["verdict"] == "real":
        assert found, f"judged real, now gone: {row['why']}"
    elif row["verdict"] == "false":
        assert not found, f"judged false, back again: {row['why']}"


def test_every_row_has_a_verdict_and_a_reason():
    assert ROWS
    for row in ROWS:
        assert row["verdict"] in ("real", "false", "unsure"), row
        assert len(row["why"]) > 20, row
