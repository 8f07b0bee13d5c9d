"""Over the real filings in ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

import json
import sys

import pytest

import filing_grammar as fg

from .conftest import CORPUS, ROOT, corpus_rows, needs_corpus

TEXT_8K = corpus_rows("8-K-text-full-submission")


@needs_corpus
@pytest.mark.parametrize("row", TEXT_8K, ids=[r["file"][:40] for r in TEXT_8K])
def test_text_8k_parses_losslessly(row):
    data = (CORPUS / "files" / row["file"]).read_bytes()
    src = fg.read_source(data)
    tree = fg.parse_tree(src.text)
    assert fg.tree_text(tree) == src.text
    filing = fg.parse(data)
    json.dumps(filing.to_dict())  # records always serialise
    assert filing.form_type and filing.form_type.startswith("8-K")
    assert filing.items, "no item found"


@needs_corpus
@pytest.mark.parametrize("labels, fields", [("labels", 1200), ("labels_html", 1000)])
def test_records_agree_with_hand_labels(labels, fields):
    """Field-by-field agreement with filings read by eye: tests/labels (plain
    text, 1994-2008) and tests/labels_html (HTML 2000-2024, check boxes)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from score_labels import score  # noqa: PLC0415

    totals = score(str(CORPUS / "files"), labels=str(ROOT / "tests" / labels))
    good = sum(t[0] for t in totals.values())
    count = sum(t[1] for t in totals.values())
    assert count > fields
    assert good / count >= 0.95, {k: v for k, v in totals.items() if v[0] < v[1]}
