"""transform.to_filing takes a parse without a recorded UNMATCHED line as
having none (no walk of its tokens): the unmatched records must be those a
walk of the tree finds, for parses with unmatched lines and without."""

from __future__ import annotations

import pytest

from filing_grammar.api import read_source
from filing_grammar.parser import parse_source, parse_tokens
from filing_grammar.lexer import tokenize
from filing_grammar.transform import to_filing

from .conftest import SAMPLES

FILES = sorted(p for p in [*SAMPLES.glob("*"), *(SAMPLES / "broken").glob("*")]
               if p.suffix in (".txt", ".htm") and not p.name.endswith((".rich.txt", ".concise.txt")))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_unmatched_as_a_walk(path):
    parsed = parse_source(read_source(path.read_bytes(), str(path)))
    assert to_filing(parsed).unmatched == to_filing(parsed.tree).unmatched


def test_some_have_unmatched_lines():
    assert any(parse_source(read_source(p.read_bytes(), str(p))).expected for p in FILES)


def test_fallback_tree_keeps_its_unmatched():
    text = "</SEC-DOCUMENT>\n" * 3 + "hello\n"
    parsed = parse_tokens(tokenize(text, runs=True), len(text))
    assert to_filing(parsed).unmatched == to_filing(parsed.tree).unmatched
