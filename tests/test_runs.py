"""Runs of lines held as one token (lexer.RunToken: OPAQUE, a run of
HTML_LINE) are an economy, never a change: their lines are the tokens the
line lexer gives, and a parse with runs reads the same records, the same
unplaceable lines and the same tree of lines as a parse without."""

from __future__ import annotations

import pytest

import filing_grammar as fg
from filing_grammar import parser
from filing_grammar.lexer import RunToken, tokenize
from filing_grammar.transform import to_filing
from filing_grammar.tree import line_at, tree_tokens

from .conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.htm"))


def _key(tok):
    return (tok.type, str(tok), tok.start_pos, tok.line, tok.column, tok.end_line, tok.end_column, tok.end_pos)


def _lines(text: str) -> list[tuple]:
    out = []
    for tok in tokenize(text, runs=True):
        out.extend(_key(t) for t in (tok.lines() if isinstance(tok, RunToken) else [tok]))
    return out


def _read(text: str, runs: bool, monkeypatch) -> tuple:
    real = tokenize
    monkeypatch.setattr(parser, "tokenize", lambda t, **kw: real(t, **{**kw, "runs": runs}))
    parsed = parser.parse_source(fg.read_source(text))
    monkeypatch.setattr(parser, "tokenize", real)
    return (to_filing(parsed).to_dict(), dict(parsed.expected), [(t.type, t.line) for t in parsed.inserted],
            [_key(t) for t in tree_tokens(parsed.tree)])


DOC = "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n"
EDGES = {
    # the text of an exhibit: one token up to </TEXT>
    "opaque": DOC + "Exhibit 99.1\n\nItem 5. Other Events\nPress release\n" + "text\n" * 5 + "</TEXT>\n</DOCUMENT>\n",
    # an item's title may stand on the lines under its heading in a contents:
    # a tag that close to an item heading is read line by line
    "title over a tag": DOC + "Item 2.02\nResults of Operations and\n<DESCRIPTION>Financial Condition\n"
                        "Item 9.01\n</TEXT>\n</DOCUMENT>\n",
    # a uuencoded block inside it may hold what looks like a tag
    "uuencoded": DOC + "begin 644 a.pdf\nM<DOCUMENT>\n<DOCUMENT>\nend\nmore\n</TEXT>\n</DOCUMENT>\n",
    # a tag a table of contents may run over: read line by line
    "contents over a tag": DOC + "SIGNATURES\nEXHIBIT INDEX\n<DESCRIPTION>Index ....... 3\n</TEXT>\n</DOCUMENT>\n",
    # cut off: the closing tags are inserted after the run
    "truncated": DOC + "text\nmore text\n",
    # an HTML run the grammar does not take where it stands: its lines, one by one
    "html run refused": "<TEXT>  \n<html>\n<p>hi</p>",
    "bare html": "<html>\n<body>\n<p>Item 5. Other Events</p>\n</body>\n</html>\n",
    "tag inside an exhibit": DOC + "text\n<TYPE>8-K\ntext\n</TEXT>\n</DOCUMENT>\n",
}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_the_lines_of_runs_are_the_line_tokens(path):
    text = fg.read_source(path.read_bytes()).text
    assert _lines(text) == [_key(t) for t in tokenize(text)]


@pytest.mark.parametrize("name", EDGES)
def test_a_parse_with_runs_reads_what_one_without_does(name, monkeypatch):
    text = EDGES[name]
    assert _lines(text) == [_key(t) for t in tokenize(text)]
    assert _read(text, True, monkeypatch) == _read(text, False, monkeypatch)


def test_an_exhibit_is_one_token_and_an_html_document_one_run():
    kinds = [t.type for t in tokenize(EDGES["opaque"], runs=True)]
    assert kinds == ["DOCUMENT_OPEN", "TYPE_OTHER", "TEXT_OPEN", "OPAQUE", "TEXT_CLOSE", "DOCUMENT_CLOSE"]
    assert [t.type for t in tokenize(EDGES["bare html"], runs=True)] == ["HTML_LINE"]


def test_line_at_gives_the_line_of_a_run():
    run = next(tokenize(EDGES["bare html"], runs=True))
    line = line_at(run, run.index("Item"))
    assert (line.type, str(line), line.line, line.start_pos) == ("HTML_LINE", "<p>Item 5. Other Events</p>\n", 3, 14)
    assert _key(line) == _key(run.lines()[2])
