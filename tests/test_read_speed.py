"""Reading the records faster (issue 12) must read the same records: the
shortcuts of the readers against what they replace, kept here as it was."""

from __future__ import annotations

import pathlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Token

import filing_grammar as fg
from filing_grammar.body_lines import BOX_CHECKED, BOX_EMPTY
from filing_grammar.parser import parse_source
from filing_grammar.read.cover_sections import _transition_box, box_state
from filing_grammar.records import DeferredSpan, Span
from filing_grammar.tokens import LineToken, RenderedToken
from filing_grammar.tree import RENDERING, form_tokens, line_text, span_at, span_between, tree_tokens, value_span

from .conftest import property_runs

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"

# Characters that matter to the patterns: boxes and their glyphs, the letters
# of the words looked for, and the letters another character matches
# case-insensitively (the dotted and dotless i, the long s, the Kelvin sign).
_CHARS = "xXoq[]()_| \t\u2610\u2611\u2612\u00fd\u00fe\u00a8emrgtanscoui\u0130\u0131\u017f\u212aEMRGTANCOU-"
_WORDS = st.sampled_from(["if an emerging", "IF AN EMERGING", "transition period", "TRANSITION  PERIOD",
                          "accounting standards", "Accounting\nStandards", "emerg\u0130ng", "EMERG\u0131NG",
                          "tran\u017fition period", "written communications", "[x]", "( X )", "\u2612", " x "])
_TEXTS = st.lists(st.text(_CHARS, max_size=8) | _WORDS, max_size=8).map("".join)


def _box_state_as_it_was(text: str) -> bool | None:
    checked, empty = re.search(BOX_CHECKED, text), re.search(BOX_EMPTY, text)
    if checked and (not empty or checked.start() < empty.start()):
        return True
    if empty:
        return False
    return None


@property_runs(2000)
def test_box_state_searches_only_where_a_box_can_be_checked(max_examples):
    @settings(max_examples=max_examples, suppress_health_check=list(HealthCheck))
    @given(_TEXTS)
    def check(text):
        assert box_state(text) == _box_state_as_it_was(text)

    check()
    for text in ["x", "X", "[x]", "(X)", "\u2611 a", "\u00fe", "a x b", "o  Written", "[ ] x", ""]:
        assert box_state(text) == _box_state_as_it_was(text)


@property_runs(2000)
def test_the_emerging_growth_pattern_is_tried_wherever_it_can_match(max_examples):
    """cover_sections._transition_box runs the pattern only on a line whose
    lower case holds "emerg", "tran" or "accou": as if it ran on every line."""
    pattern = re.compile(r"if\s+an\s+emerging|transition\s+period|accounting\s+standards", re.I)

    @settings(max_examples=max_examples, suppress_health_check=list(HealthCheck))
    @given(_TEXTS)
    def check(text):
        assert _transition_box(text, text.lower()) == bool(pattern.search(text))

    check()


def _value_span_as_it_was(tokens, value, start=0):
    words = value.split()
    tokens = [t for t in tokens if isinstance(t, Token) and t.line is not None]
    if not words or not tokens:
        from filing_grammar.tree import span_of
        return span_of(tokens)
    first = a = None
    for tok in tokens:
        at = line_text(tok).find(words[0], start if tok is tokens[0] else 0)
        if at != -1:
            first, a = tok, at
            break
    if first is None:
        first = tokens[0]
        text = line_text(first)
        a = len(text) - len(text.lstrip())
    rest = tokens[tokens.index(first):]
    last, b = first, None
    for tok in reversed(rest):
        text = line_text(tok)
        at = text.rfind(words[-1], a if tok is first else 0)
        if at != -1:
            last, b = tok, at + len(words[-1])
            break
    if b is None:
        b = len(line_text(first).rstrip())
    if last is first and b <= a:
        b = len(line_text(first).rstrip())
    return _span_between_as_it_was(first, a, last, max(b, a + 1))


def _span_between_as_it_was(first, start, last, end):
    if first is last:
        return span_at(first, start, end)
    a, b = span_at(first, start, start + 1), span_at(last, max(0, end - 1), end)
    return Span(a.line, a.column, b.end_line, b.end_column, a.start, b.end)


def _spelled(span):
    return None if span is None else (span.line, span.column, span.end_line, span.end_column, span.start, span.end)


def _lines(texts: list[str]) -> list[LineToken]:
    out, pos = [], 0
    for n, text in enumerate(texts, 1):
        out.append(LineToken("TEXT", text + "\n", start_pos=pos, line=n, column=1, end_line=n,
                             end_column=len(text) + 1, end_pos=pos + len(text) + 1))
        pos += len(text) + 1
    return out


_LINE = st.lists(st.sampled_from(["Acme", "Corp.", "Inc", "New", "York", "\t", "- -", "  ", "Acme Corp."]),
                 max_size=6).map(" ".join)


@property_runs(1000)
def test_value_span_reads_each_line_once_and_finds_the_same_place(max_examples):
    @settings(max_examples=max_examples, suppress_health_check=list(HealthCheck))
    @given(st.lists(_LINE, min_size=1, max_size=5), st.lists(st.sampled_from(["Acme", "Corp.", "York", "Inc",
                                                                              "Nowhere"]), max_size=4),
           st.integers(0, 12))
    def check(texts, words, start):
        tokens = _lines(texts)
        value = " ".join(words)
        assert _spelled(value_span(tokens, value)) == _spelled(_value_span_as_it_was(tokens, value))
        # a column to start from: the signature's, on its one line
        one = tokens[:1]
        assert _spelled(value_span(one, value, start)) == _spelled(_value_span_as_it_was(one, value, start))

    check()


def test_span_between_rendered_lines_is_one_deferred_span_where_it_was_three():
    data = (SAMPLES / "037_form8K_Blackrock.htm").read_bytes()
    tree = parse_source(fg.read_source(data, "037_form8K_Blackrock.htm")).tree
    rendered = [t for t in form_tokens(tree) if isinstance(t, RenderedToken) and t.strip()]
    assert len(rendered) > 20
    # (the walk's shortcut for a node of rendered lines gives the tokens the
    # general walk gives)
    renderings = [n for n in tree.iter_subtrees() if n.data == RENDERING]
    assert renderings and all(tree_tokens(n) == _walked(n) for n in renderings[0].iter_subtrees())
    for k in range(0, len(rendered) - 3, 3):
        first, last = rendered[k], rendered[k + 3]
        for start, end in ((0, 5), (2, 40), (len(line_text(first)), 1)):
            new = span_between(first, start, last, end)
            assert isinstance(new, DeferredSpan)
            assert _spelled(new) == _spelled(_span_between_as_it_was(first, start, last, end))


def _walked(node) -> list:
    out = []
    for child in node.children:
        if isinstance(child, Token):
            out.append(child)
        elif child.data != RENDERING:
            out.extend(_walked(child))
    return out


def test_a_month_starts_with_one_of_the_letters_looked_for_first():
    """values._DATE_MDY looks for a month's first letter before trying the
    months: every character that starts a month, case-insensitively (the
    long s too), is one of them."""
    from filing_grammar.values import _DATE_MDY, _MONTH

    firsts = re.compile(r"(?i)j|f|m|a|s|o|n|d")
    ahead = re.compile(_DATE_MDY.pattern[:_DATE_MDY.pattern.index(_MONTH)], re.I)  # (the look-ahead alone)
    for code in range(0x10000):
        c = chr(code)
        assert bool(firsts.match(c)) == bool(ahead.match(c)), hex(code)
    old = re.compile(_MONTH + _DATE_MDY.pattern.split(_MONTH, 1)[1], re.I)
    for text in ["Date: \u017fept. 30, 2002", "SEPTEMBER 30,2002 and June 1 2003", "on 1 Jan 2004", "MAy 5 1999",
                 "x" * 50 + " december 31, 2020", "Octob 2, 2000", "Nov.3, 2001", "oct. 3, 2001"]:
        new, was = _DATE_MDY.search(text), old.search(text)
        assert (new and new.span(), new and new.groupdict()) == (was and was.span(), was and was.groupdict())


def test_a_deferred_span_made_without_its_init_is_one_made_with_it():
    import copy
    import pickle

    from filing_grammar.records import deferred_span

    calls = []

    def resolve():
        calls.append(1)
        return Span(3, 4, 5, 6, 70, 80)

    fast, slow = deferred_span(resolve), DeferredSpan(resolve)
    assert type(fast) is DeferredSpan and fast.__dict__ == slow.__dict__
    assert fast == slow == Span(3, 4, 5, 6, 70, 80) and hash(fast) == hash(slow)
    assert repr(fast) == repr(slow) and pickle.loads(pickle.dumps(fast)) == copy.copy(slow)
    assert len(calls) == 2 and fast.__dict__ == slow.__dict__  # each worked out once, then dropped


@property_runs(2000)
def test_an_abbreviation_at_the_end_is_found_from_near_the_end(max_examples):
    """values.without_final_period searches the last _ABBREVIATION_TAIL
    characters for the abbreviation, not the whole text."""
    from filing_grammar.values import _ABBREVIATION_END, without_final_period

    def as_it_was(text):
        text = text.rstrip(" ")
        if (text.endswith(".") or text.endswith(".\n")) and _ABBREVIATION_END.search(text):
            return text
        return text.rstrip(" .")

    ends = st.sampled_from(["L. L. C.", "l.l.p.", "L.\u2003L.\tP.", "Inc.", "CORP.", "Bros.", "N. A.", "co.", "u.s.",
                            "Inc.\n", "L.P.\n", "L. L. C.\n", "l.\u2003l.\u2003p.\n", ".", " .", "etc. ", "x", "\u0130nc.", "A\u017fsn."])
    seps = st.sampled_from([" ", ",", "(", "", "  ", "a", "\n"])

    @settings(max_examples=max_examples, suppress_health_check=list(HealthCheck))
    @given(st.text("ab ,.(\n", max_size=20), seps, ends)
    def check(head, sep, end):
        text = head + sep + end
        assert without_final_period(text) == as_it_was(text)

    check()


@property_runs(3000)
def test_a_misprinted_zip_is_searched_for_from_the_states_words(max_examples):
    """values.misprinted_zip searches from the last words before the number at
    the end of the line, not from the start: the same match of the zip."""
    from filing_grammar.values import _STATE_THEN_NUMBER, misprinted_zip

    def as_it_was(text):
        end = text.rstrip()
        if not end or not end[-1].isdecimal():
            return None
        m = _STATE_THEN_NUMBER.search(text)
        if m is None:
            return None
        digits = re.sub(r"\s*-\s*", "-", m.group("zip"))
        if re.fullmatch(r"\d{5}(?:-\d{4})?|\d{9}", digits) or " " in digits:
            return None
        return m

    words = st.sampled_from(["District of Columbia", "DISTRICT\u2003OF\nCOLUMBIA", "of Columbia", "Columbia",
                             "New York", "York", "NY", "ny", "West Virginia", "Virginia", "VA", "Kan\u017fas",
                             "Boston,MA", "Suite 100", "CA.", "TX,", "1234", "12 34", "9130", "91302-12", "-",
                             "\u0661\u0662\u0663", "Main", ",", ".", "a"])
    blanks = st.sampled_from([" ", "  ", "\t", "\u00a0", ", ", "\n", ""])

    @settings(max_examples=max_examples, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(words, blanks), max_size=8))
    def check(parts):
        text = "".join(w + b for w, b in parts)
        new, was = misprinted_zip(text), as_it_was(text)
        assert (new is None) == (was is None)
        if new is not None:
            assert (new.span(), new.span("zip"), new.group("zip")) == (was.span(), was.span("zip"), was.group("zip"))

    check()
    for text in ["Washington, District of Columbia 2000", "Charleston, West Virginia 2530", "Boston,MA 0211",
                 "New York, NY 1001 - 1", "Lawrence, Kan\u017fas 6604"]:
        assert misprinted_zip(text) is not None and misprinted_zip(text).span() == as_it_was(text).span()


@property_runs(2000)
def test_a_footnote_is_looked_for_only_where_one_can_start(max_examples):
    from filing_grammar.read.signature import _FOOTNOTE, _footnote

    @settings(max_examples=max_examples, suppress_health_check=list(HealthCheck))
    @given(st.text(" \t\u00a0\u2003\n*\u2020()[]12a", max_size=12))
    def check(text):
        assert _footnote(text) == bool(_FOOTNOTE.match(text))

    check()


def test_the_parts_of_a_form_are_those_a_walk_of_every_node_finds():
    """tree.form_parts walks the envelope down to the forms only: it finds
    the parts iter_subtrees_topdown finds, in its order (text and HTML
    filings, a broken one, and a bare 8-K)."""
    from filing_grammar.tree import form_parts  # noqa: PLC0415
    paths = sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.htm")) + sorted((SAMPLES / "broken").glob("*"))
    found = 0
    for path in paths:
        if path.suffix not in (".txt", ".htm"):
            continue
        tree = parse_source(fg.read_source(path.read_bytes(), str(path))).tree
        for name in ("exhibit", "item", "signature", "exhibit_index", "cover_page"):
            every = [node for node in tree.iter_subtrees_topdown() if node.data == name]
            assert [id(n) for n in form_parts(tree, name)] == [id(n) for n in every], (path.name, name)
            found += len(every)
    assert found > 50
