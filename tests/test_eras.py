"""Every era and variant, measured over the corpus (skipped without it).

The thresholds are the project's targets for plain-text 8-Ks (issue 5); the
figures themselves are printed by `python bench/corpus_stats.py`.
"""

from __future__ import annotations

import collections

import pytest

import filing_grammar as fg
from filing_grammar.checks.envelope import header_number, reported_items
from filing_grammar.form import era_of

from .conftest import CORPUS, corpus_rows, needs_corpus


def _parse(row):
    return fg.parse_file(CORPUS / "files" / row["file"])


@needs_corpus
def test_text_8k_targets():
    rows = corpus_rows("8-K-text-full-submission")
    n = len(rows)
    assert n >= 70
    named = agree = core = clean = 0
    for row in rows:
        f = _parse(row)
        h = f.sec_header
        if h and h.item_information:  # the items the header names, read as FG103 reads them
            era = era_of(h.period_of_report or h.filed_as_of_date)
            want = {header_number(v, era) or f"?{v}" for v in h.item_information}
            named += 1
            agree += want <= set(reported_items(f))
        c, s = f.cover, f.signature
        core += bool(c and c.date_of_report and c.registrant_name and s and s.signer)
        clean += not f.unmatched
    assert agree / named >= 0.98, (agree, named)
    assert core / n >= 0.98, (core, n)
    assert clean / n >= 0.95, (clean, n)


@needs_corpus
def test_html_8k_are_read():
    rows = corpus_rows("8-K-html")
    found = collections.Counter()
    for row in rows:
        f = _parse(row)
        assert f.is_8k, row["file"]
        found["items"] += bool(f.items)
        found["date"] += bool(f.cover and f.cover.date_of_report)
        found["name"] += bool(f.cover and f.cover.registrant_name)
        found["signer"] += bool(f.signature and f.signature.signer)
    for key, count in found.items():
        assert count / len(rows) >= 0.9, (key, count, len(rows))


@needs_corpus
@pytest.mark.parametrize("row", corpus_rows("negative"), ids=lambda r: r["file"][:40])
def test_negatives_are_recognised(row):
    f = _parse(row)
    assert not f.is_8k
    assert f.form_type and not f.form_type.upper().startswith("8-K")
    assert f.items == () and f.cover is None
    assert len(f.unmatched) <= 1
