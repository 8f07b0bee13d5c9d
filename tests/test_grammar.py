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
    # needs_scan and _BODY_LEAD let every line _BODY matches through, and
    # _BODY_UNSCANNED matches as _BODY where needs_scan says no; caption_low
    # (an ASCII line, lowercased) finds what CAPTION.search finds.
    from filing_grammar.caption_lines import CAPTION, caption_low
    matched = 0
    for line in _sample_lines() + ["Transition period [ ]" * 2, "<PAGE>", "x  Written communications", "(1)",
                                   "\u2610 Written communications", "\u201cItem 5\u201d", "\u0131tem 5.02 Other",
                                   "Wash\u0131ngton, D.C. 20549", "S\u0131gnatures", "Pur\u017fuant to Section 13 or 15(d)",
                                   "\u201cQuoted\u201d prose, financial, ending with x"]:
        if _assert_body_kind(line):
            matched += 1
        stripped = line.strip()
        if stripped.isascii():
            cap = CAPTION.search(stripped)
            assert caption_low(stripped.lower()) == (cap.lastgroup if cap else "TEXT"), line
    assert matched > 500


def _assert_body_kind(line: str) -> bool:
    """The lexer gives ``line`` the kind _BODY gives it, if any, and else no
    kind of _BODY's (whatever its quick tests skipped); is it one of _BODY's?"""
    from filing_grammar.body_lines import _BODY, _BODY_LEAD, needs_scan
    from filing_grammar.lexer import _classify_raw
    stripped = line.strip()
    if not stripped or line.startswith("- "):
        return False
    m = _BODY.match(stripped)
    kind = _classify_raw(line)
    if m is not None:
        assert kind == m.lastgroup, (line, kind, m.lastgroup)
        assert needs_scan(stripped, stripped.lower()) or _BODY_LEAD.match(stripped.lower()), (line, m.lastgroup)
    else:
        assert kind not in _BODY.groupindex, (line, kind)
    if not needs_scan(stripped, stripped.lower()):
        _assert_unscanned_same(stripped)
    return m is not None


def _assert_unscanned_same(stripped: str) -> None:
    from filing_grammar.lexer import _BODY, _BODY_UNSCANNED
    a, b = _BODY.match(stripped), _BODY_UNSCANNED.match(stripped)
    assert (a and (a.lastgroup, a.span())) == (b and (b.lastgroup, b.span())), stripped


_FRAGMENTS = ["Item 2.02", "ITEM 5.", "Exhibit 99.1", "99.1", "  ", "Press release", "SIGNATURES", "(", ")",
              "[X]", "[ ]", "Emerging growth company", "Written communications", "Page 3", "-", "---",
              "Date of Report", "Washington, D.C. 20549", "FORM 8-K", "Section 8", "Other Events", "By:", "/s/",
              "Name:", "Title:", "Dated:", "(Registrant)", "1934", "Amendment No. 1", "x", "o", "Securities",
              "pursuant to the requirements of the Securities Exchange Act", "12(b)", ".", "...", ":", "a",
              # the late check box form, and what is not ASCII: quotes, box glyphs, no-break spaces, digits
              # of another script, the characters re folds onto ASCII letters
              "transition period", "financial accounting standards", "\u2610", "\u2612", "\u00fe", "\u00a8",
              "\u201c", "\u2019", "\u00a0", "\u2014", "\u0663", "\u0131", "\u017f", "\u212a", "\u0130", "q", "|_|"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=6).map(" ".join))
def test_the_unscanned_classifier_regex_matches_as_the_whole_one(line):
    # The lexer's quick tests (body_lines.needs_scan, _BODY_LEAD) and
    # _BODY_UNSCANNED (the shapes that scan the whole line made to fail) give
    # every line the kind _BODY gives it
    _assert_body_kind(line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=6).map("".join))
def test_the_quick_tests_hold_for_fragments_run_together(line):
    _assert_body_kind(line)


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
