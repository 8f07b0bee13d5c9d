"""The lexer's quick tests before its full ones (filing_grammar/lexer.py,
_classify_raw) must never turn a line away that the full tests would give a
kind: each is a superset of what it stands before.

* CAPTION_HINT (caption_lines.py), with CAPTION_HINT_LEADS: on an ASCII line,
  lowercased, it finds something wherever REGISTRANTS_LOW or caption_low
  would find a caption.  Where it finds nothing the line is TEXT at once.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filing_grammar import lexer
from filing_grammar.caption_lines import (CAPTION_ALTERNATIVES, CAPTION_HINT, CAPTION_HINT_LEADS,
                                          REGISTRANTS_ALTERNATIVES, REGISTRANTS_LOW, caption_low)

from .conftest import CORPUS, SAMPLES, corpus_rows

_CAPTIONS = {"REGISTRANTS_CAPTION"} | {kind for kind, _ in CAPTION_ALTERNATIVES}


def _hinted(low: str) -> bool:
    return CAPTION_HINT.search(low) is not None or low.startswith(CAPTION_HINT_LEADS)


def _check(line: str) -> None:
    """The contract, on one line: no hint, no caption."""
    low = line.strip().lower()
    if not low.isascii() or _hinted(low):
        return
    assert REGISTRANTS_LOW.search(low) is None, line
    assert caption_low(low) == "TEXT", line
    assert lexer._classify_raw(line) not in _CAPTIONS, line


def _alternatives() -> list[str]:
    """Each caption alternative, REGISTRANTS' split at its top-level "|"."""
    alts = [alt for _, alt in CAPTION_ALTERNATIVES]
    depth, start = 0, 0
    text = REGISTRANTS_ALTERNATIVES
    for i, ch in enumerate(text):
        if ch == "(" and text[i - 1:i] != "\\":
            depth += 1
        elif ch == ")" and text[i - 1:i] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            alts.append(text[start:i])
            start = i + 1
    alts.append(text[start:])
    return alts


@pytest.mark.parametrize("alternative", _alternatives())
def test_each_caption_alternative_has_a_hint(alternative):
    """Each alternative holds one of the hint's pieces literally (so every
    match of it does), or is the one anchored at "state"."""
    pieces = [p for p in CAPTION_HINT.pattern.split("|") if re.fullmatch(r"[a-z]+", p)]
    if any(p in alternative for p in pieces):
        return
    if alternative.startswith(r"^\(?state"):
        assert "state" in CAPTION_HINT_LEADS and "(state" in CAPTION_HINT_LEADS
        return
    assert alternative == r"i\.\s?r\.\s?s\.", alternative  # the hint's "\.\s?s\."
    assert r"\.\s?s\." in CAPTION_HINT.pattern


@pytest.mark.parametrize("alternative", _alternatives())
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_hint_finds_every_caption(alternative, data):
    """A line made of anything around a match of an alternative: if the
    caption search finds a caption there, so does the hint."""
    core = data.draw(st.from_regex(re.compile(alternative.replace("^", "").replace("$", "")), fullmatch=True))
    pad = st.text(alphabet=" \tabcdefghijklmnopqrstuvwxyz0123456789.,:;()-/", max_size=30)
    before = data.draw(pad) if not alternative.startswith("^") else data.draw(st.sampled_from(["", " ", "\t"]))
    after = data.draw(pad) if not alternative.endswith("$") else ""
    for line in (before + core + after, (before + core + after).upper(), core):
        _check(line)


_SHAPES = ["(Zip Code)", "(I. R. S. Employer", "i.r.s.", "State of incorporation", "(State or other",
           "Commission File Number", "Date of earliest event reported", "(reported):", "Exact name",
           "registrant,", "statement of the registrant", "first report", "the IRS employer", "Former name",
           "Address and telephone number", "incorporation", "of incorporation", "identification",
           "Telephone number", "jurisdiction", "organization", "executive offices)", "file no.", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SHAPES), min_size=1, max_size=4), st.sampled_from(["", " ", "   ", "\t"]))
def test_hint_on_caption_shapes(parts, sep):
    _check(sep.join(parts))
    _check("  ".join(parts).upper())


def _lines_of(paths) -> list[str]:
    lines = set()
    for path in paths:
        lines.update(path.read_bytes().decode("latin-1").splitlines())
    return sorted(lines)


def test_hint_on_sample_lines():
    for line in _lines_of(sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES / "broken").glob("*.txt"))):
        _check(line)


@pytest.mark.skipif(not corpus_rows(), reason="../shared/corpus is not present")
def test_hint_on_corpus_lines():
    paths = [CORPUS / "files" / row["file"] for row in corpus_rows() if "text" in row["kind"]]
    for line in _lines_of(paths):
        _check(line)
