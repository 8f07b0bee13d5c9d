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
    tree = fg.parse_tree(src.text).tree
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


@needs_corpus
def test_text_8k_in_html_pre_gives_the_same_records():
    """Each text 8-K document, escaped and wrapped in <html><body><pre>, reads
    exactly as the text does (the HTML path keeps lines and columns)."""
    import html
    import re

    compared = 0
    for row in TEXT_8K:
        raw = (CORPUS / "files" / row["file"]).read_bytes().decode("latin-1")
        m = re.search(r"<TYPE>8-K.*?<TEXT>\n(.*?)</TEXT>", raw, re.S)
        if m is None:
            continue
        body = m.group(1)
        a = fg.parse(body).to_dict()
        b = fg.parse("<html><body><pre>" + html.escape(body) + "</pre></body></html>\n").to_dict()
        for key in ("cover", "signature"):
            assert a[key] == b[key], (row["file"], key)
        assert [(i["number"], i["title"]) for i in a["items"]] == [(i["number"], i["title"]) for i in b["items"]]
        assert [(e["number"], e["description"]) for e in a["exhibit_index"]] == [
            (e["number"], e["description"]) for e in b["exhibit_index"]], row["file"]
        compared += 1
    assert compared >= 70
