"""Shared fixtures.  ``pytest --update-goldens`` rewrites golden files.

Tests marked ``slow`` (the scale cases and the exhaustive hostile runs) are
left out of ``make test`` and run by ``make test-slow`` (CI runs both).
"""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (no random seed, no
# example database): a failure comes from a change of the code, not from luck,
# and parallel test processes share no files.  Fuzzing for new inputs is
# fuzz/'s job.
settings.register_profile("filing-grammar", derandomize=True, database=None, deadline=None)
settings.load_profile("filing-grammar")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = pathlib.Path(os.environ.get("FILING_GRAMMAR_CORPUS", ROOT.parent / "shared" / "corpus"))


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden files from the current output instead of comparing")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


def corpus_rows(kind_prefix: str = "") -> list[dict]:
    """MANIFEST.tsv rows (empty when the corpus is not beside the repo)."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    lines = manifest.read_text().splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]
    return [r for r in rows if r["kind"].startswith(kind_prefix)]


def property_runs(full: int):
    """Parametrize a property test with its number of examples: a fifth of
    them (at least 10) in the fast set, all ``full`` marked slow.  The test
    takes ``max_examples`` and runs its @given function with that many."""
    fast = max(10, full // 5)
    return pytest.mark.parametrize("max_examples", [
        pytest.param(fast, id=f"{fast}-examples"),
        pytest.param(full, id=f"{full}-examples", marks=pytest.mark.slow),
    ])


needs_corpus = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(),
                                  reason="../shared/corpus is not present")


def assert_lossless(tree, text: str) -> None:
    """The tree's tokens, in order and without overlap, spell ``text``."""
    from filing_grammar.tree import tree_tokens  # noqa: PLC0415

    if hasattr(tree, "tree"):  # a ParseResult
        tree = tree.tree
    tokens = tree_tokens(tree)
    assert "".join(tokens) == text
    pos = 0
    for tok in tokens:
        if tok.value:
            assert tok.start_pos == pos
            pos = tok.end_pos
    assert pos == len(text)
