"""The grammar itself: conflict-free LALR, and in step with the lexer."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from filing_grammar.lexer import LINE_KINDS, tokenize
from filing_grammar.parser import get_parser, grammar_text


def test_grammar_is_conflict_free_lalr():
    # strict=True turns any shift/reduce or reduce/reduce conflict into an error
    parser = get_parser(strict=True)
    assert parser.options.parser == "lalr"


def test_every_line_kind_is_declared_and_used():
    text = grammar_text()
    declared = set()
    for line in text.splitlines():
        if line.startswith("%declare"):
            declared.update(line.split()[1:])
    assert set(LINE_KINDS) | {"UNMATCHED"} == declared
    body = "\n".join(l for l in text.splitlines() if not l.startswith(("%declare", "//")))
    unused = [k for k in declared if not re.search(rf"\b{k}\b", body)]
    assert unused == []


def test_grammar_sections_are_banner_commented():
    text = grammar_text()
    for section in ("Envelope", "The SEC header", "Documents", "The Form 8-K document",
                    "Cover page", "Items", "Signature", "Exhibit index"):
        assert re.search(rf"//\s+[\d.]+\s+{section}", text), section


def test_lexer_classifies_lines_by_shape():
    lines = {
        "Item 5.       Other Events.": "ITEM_HEADING",
        "ITEM 2.02 RESULTS OF OPERATIONS AND FINANCIAL CONDITION": "ITEM_HEADING",
        "Items 5 and 7.": "ITEM_HEADING",
        "Item 9.01 of this report is incorporated": "TEXT",  # prose, not a heading
        "Item 5. Other Events.......................... 3": "TEXT",  # table of contents
        "                                    Signature": "SIGNATURE_HEADING",
        "     Pursuant to the  requirements  of the Securities  Exchange Act of 1934, the": "SIGNATURE_LEGEND",
        "                                  Exhibit Index": "EXHIBIT_INDEX_HEADING",
        "                                  EXHIBIT 99.1": "EXHIBIT_HEADING",
        "99.1  LEHMAN Computational Materials filed on Form SE dated": "EXHIBIT_ENTRY",
        "                                       2": "PAGE_NUMBER",
        "                                      -1-<PAGE>": "PAGE",
        "----          ------------": "RULE",
        "             (Exact name of registrant as specified in its charter)": "NAME_CAPTION",
        "(State of Other Jurisdiction      (Commission               (I.R.S. Employer": "ID_CAPTION",
        "        Registrant's telephone number, including area code (818) 225-3240": "PHONE_CAPTION",
        "                                    Form 8-K": "FORM_TITLE",
        "                                               By: / s / Darren Bigby": "BY_LINE",
        "Dated:  September 30, 2002": "DATE_LINE",
        "[ ] Written communications pursuant to Rule 425 under the Securities Act": "CHECKBOX",
        "": "BLANK",
        "The Company announced its results.": "TEXT",
    }
    for line, kind in lines.items():
        tok = next(tokenize(line + "\n"))
        assert tok.type == kind, (line, tok.type)


def _sample_lines() -> list[str]:
    from pathlib import Path
    lines = set()
    for path in sorted((Path(__file__).parent.parent / "samples").iterdir()):
        if path.suffix in (".txt", ".htm", ".html"):
            lines.update(path.read_text(encoding="utf-8", errors="replace").splitlines())
    more = set()
    for line in lines:  # every case, and the PEM dash-escape
        more.update((line.upper(), line.lower(), line.title(), "- " + line))
    return sorted(lines | more)


def test_cheap_tests_before_the_classifier_regexes_change_nothing():
    # _BODY_LEAD lets every line _BODY matches through; caption_low (an ASCII
    # line, lowercased) finds what CAPTION.search finds.
    from filing_grammar.caption_lines import CAPTION, caption_low
    from filing_grammar.lexer import _BODY, _BODY_LEAD
    matched = 0
    for line in _sample_lines() + ["Transition period [ ]" * 2, "<PAGE>", "x  Written communications", "(1)"]:
        stripped = line.strip()
        if not stripped.isascii():
            continue
        low = stripped.lower()
        m = _BODY.match(stripped)
        if m is not None:
            matched += 1
            assert (_BODY_LEAD.match(low) or "<" in low or "...." in low or "transition" in low
                    or "financial" in low), (line, m.lastgroup)
        if not ("<" in low or "...." in low or "transition" in low or "financial" in low):
            _assert_unscanned_same(stripped)
        cap = CAPTION.search(stripped)
        assert caption_low(low) == (cap.lastgroup if cap else "TEXT"), line
    assert matched > 500


def _assert_unscanned_same(stripped: str) -> None:
    from filing_grammar.lexer import _BODY, _BODY_UNSCANNED
    a, b = _BODY.match(stripped), _BODY_UNSCANNED.match(stripped)
    assert (a and (a.lastgroup, a.span())) == (b and (b.lastgroup, b.span())), stripped


_FRAGMENTS = ["Item 2.02", "ITEM 5.", "Exhibit 99.1", "99.1", "  ", "Press release", "SIGNATURES", "(", ")",
              "[X]", "[ ]", "Emerging growth company", "Written communications", "Page 3", "-", "---",
              "Date of Report", "Washington, D.C. 20549", "FORM 8-K", "Section 8", "Other Events", "By:", "/s/",
              "Name:", "Title:", "Dated:", "(Registrant)", "1934", "Amendment No. 1", "x", "o", "Securities",
              "pursuant to the requirements of the Securities Exchange Act", "12(b)", ".", "...", ":", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=6).map(" ".join))
def test_the_unscanned_classifier_regex_matches_as_the_whole_one(line):
    # lexer._BODY_UNSCANNED (the shapes that scan the whole line made to fail)
    # is what _BODY matches on a line without "<", "...." and the words of the
    # late CHECKBOX form: the lines the lexer gives it
    stripped = line.strip()
    low = stripped.lower()
    if stripped and not ("<" in low or "...." in low or "transition" in low or "financial" in low):
        _assert_unscanned_same(stripped)


def test_header_lines_are_classified_only_inside_the_header():
    text = ("<SEC-HEADER>0001.hdr.sgml : 20020930\nACCESSION NUMBER:\t\t0001\nFILER:\n\n"
            "\tCOMPANY DATA:\t\n</SEC-HEADER>\nACCESSION NUMBER: 1\n")
    kinds = [t.type for t in tokenize(text)]
    assert kinds == ["SEC_HEADER_OPEN", "HEADER_FIELD", "HEADER_ROLE", "BLANK", "HEADER_GROUP",
                     "SEC_HEADER_CLOSE", "TEXT"]


def test_uuencoded_attachment_is_one_opaque_token():
    text = "<TEXT>\nbegin 644 logo.gif\nM1234<S>\nM<C>xyz\n`\nend\n</TEXT>\n"
    toks = list(tokenize(text))
    assert [t.type for t in toks] == ["TEXT_OPEN", "UUENCODED", "TEXT_CLOSE"]
    assert toks[1].value == "begin 644 logo.gif\nM1234<S>\nM<C>xyz\n`\nend\n"
    assert (toks[1].line, toks[1].end_line, toks[2].line) == (2, 6, 7)
