"""The lexer's quick tests before its full ones (filing_grammar/lexer.py,
_classify_raw) must never turn a line away that the full tests would give a
kind: each is a superset of what it stands before.

* CAPTION_HINT (caption_lines.py), with CAPTION_HINT_LEADS: on an ASCII line,
  lowercased, it finds something wherever REGISTRANTS_LOW or caption_low
  would find a caption.  Where it finds nothing the line is TEXT at once.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from filing_grammar import lexer
from filing_grammar.body_lines import folds_like_ascii
from filing_grammar.caption_lines import (CAPTION, CAPTION_ALTERNATIVES, CAPTION_HINT, CAPTION_HINT_LEADS,
                                          REGISTRANTS, REGISTRANTS_ALTERNATIVES, REGISTRANTS_LOW, caption_low)

from .conftest import CORPUS, SAMPLES, corpus_rows

_CAPTIONS = {"REGISTRANTS_CAPTION"} | {kind for kind, _ in CAPTION_ALTERNATIVES}


def _hinted(low: str) -> bool:
    return CAPTION_HINT.search(low) is not None or low.startswith(CAPTION_HINT_LEADS)


def _check(line: str) -> None:
    """The contract, on one line that folds like ASCII (the lexer reads such
    a line lowercased): the lowercased searches find what CAPTION and
    REGISTRANTS find with (?i); and no hint, no caption."""
    stripped = line.strip()
    if not folds_like_ascii(stripped):
        return
    low = stripped.lower()
    cap = CAPTION.search(stripped)
    assert caption_low(low) == (cap.lastgroup if cap else "TEXT"), line
    assert (REGISTRANTS_LOW.search(low) is None) == (REGISTRANTS.search(stripped) is None), line
    if _hinted(low):
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
    pad = st.text(alphabet=" \tabcdefghijklmnopqrstuvwxyz0123456789.,:;()-/\u00a0\u2019\u201c\u00e9\u00c9\u2003",
                  max_size=30)
    before = data.draw(pad) if not alternative.startswith("^") else data.draw(st.sampled_from(["", " ", "\t"]))
    after = data.draw(pad) if not alternative.endswith("$") else ""
    for line in (before + core + after, (before + core + after).upper(), core, "\u201c" + core + "\u201d"):
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


def test_folds_like_ascii_knows_every_character_re_folds_onto_an_ascii_letter():
    # The characters that a case-insensitive ASCII letter matches besides its
    # own two cases, in this Python's re; and the one whose lowercase is longer
    letter = re.compile("(?i)[a-z]")
    odd = [c for c in map(chr, range(0x80, sys.maxunicode + 1)) if letter.fullmatch(c)]
    longer = [c for c in map(chr, range(0x80, sys.maxunicode + 1)) if len(c.lower()) != 1]
    assert odd and longer
    for c in odd + longer:
        assert not folds_like_ascii("Item " + c), hex(ord(c))
    assert folds_like_ascii("\u201cItem 5.02\u201d \u00e9\u00c9\u00a0")


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


# ---------------------------------------------------------------------------
# The lexer's contents-line helpers: the quick way finds what the pattern did
# ---------------------------------------------------------------------------
_COLUMN_PIECES = ["Item 2.02", "Results", "Page", "page", "3", "12", "1234", "\u0663", "\u00b2", " ", "  ", "\t",
                  "\u00a0", "\u2003", ".", "-", "a"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_COLUMN_PIECES), max_size=8).map("".join))
@example("Item 2.02  \u0663")  # a digit of another script
@example("Results  Page 12\u2003\t")
@example("Results  \u00b2")  # a digit to isdigit, not to \d
def test_page_column_is_looked_for_only_where_it_can_be(line):
    assert lexer._without_page_column(line) == lexer._PAGE_COLUMN.sub("", line)


_FIRST_LINE = re.compile(r"(?<![ \t\f\v])[ \t\f\v]*\S[^\n]*")  # what lexer._first_line stands for


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\t", "\f", "\v", "x", "Item 5", "\u00a0", "\u2028"]), max_size=12)
       .map("".join), st.integers(0, 12), st.integers(0, 14))
def test_first_line_is_the_patterns_match(text, pos, limit):
    m = _FIRST_LINE.search(text, pos, limit)
    assert lexer._first_line(text, pos, limit) == (m and m.span())


# --------------------------------------------------------------------------
# The kinds of short lines, kept by their text (lexer._SHORT_KINDS)
# --------------------------------------------------------------------------
def _kinds(text: str) -> list[tuple[str, int]]:
    return [(t.type, t.start_pos) for t in lexer.tokenize(text, runs=True)]


def test_short_lines_are_classified_once_and_the_same(monkeypatch):
    """A short line's kind is read once per process and then looked up: 140,000
    lines of seven texts cost seven readings (those starting with "<", which
    the lexer first tries as envelope tags, too), and the tokens are those of a
    lexer that keeps nothing (the samples, read after one another so that
    each finds the kinds the others left)."""
    calls = []
    classify = lexer._classify_raw

    def counted(line: str) -> str:
        calls.append(line)
        return classify(line)

    lexer._SHORT_KINDS.clear()
    monkeypatch.setattr(lexer, "_classify_raw", counted)
    assert len(_kinds("x\n\n1\n(a)\nNone.\n  x\n<\n<x>\n" * 20_000)) == 160_000
    assert sorted(calls) == sorted(["x", "1", "(a)", "None.", "  x", "<", "<x>"])
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLES.glob("*.txt"))]
    kept = [_kinds(t) for t in texts]
    monkeypatch.setattr(lexer, "_SHORT", 0)
    assert [_kinds(t) for t in texts] == kept


def test_short_kinds_are_bounded(monkeypatch):
    """Distinct short lines fill the table up to its bound, then are read
    each time (as before the table), with the same kinds."""
    monkeypatch.setattr(lexer, "_SHORT_KEPT", 1000)
    lexer._SHORT_KINDS.clear()
    text = "".join(f"x{k}\n" for k in range(3000))
    kinds = _kinds(text)
    assert len(lexer._SHORT_KINDS) == 1000
    monkeypatch.setattr(lexer, "_SHORT", 0)
    assert _kinds(text) == kinds
