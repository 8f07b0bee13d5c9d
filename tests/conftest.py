"""Shared fixtures.  ``pytest --update-goldens`` rewrites golden files."""

from __future__ import annotations

import os
import pathlib

import pytest

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
