"""The checks take time linear in the filing (issue 12).

Each shape the hunt found quadratic (an exhibit index against as many filed
documents, an Item 9.01 list against the exhibit index, many malformed SEC
header lines, megabytes of blank lines) is checked at n and 2n: the time of
the checks alone (the parse is not theirs) may not grow like n squared.  Where
the work can be counted (words read, lines looked at) it is counted instead.
And the indexes give the diagnostics the old pass over every pair gave.
"""

from __future__ import annotations

import gc
import random
import time

import pytest

from filing_grammar import read_source
from filing_grammar.api import parse_source
from filing_grammar.checks import check_source, exhibits, run_checks
from filing_grammar.checks.exhibits import _matches, _same_exhibit, exhibit_key
from filing_grammar.records import Document, ExhibitRef
from filing_grammar.source import Source

from .inputs import MODERN

_TEXT = MODERN.read_text(encoding="latin-1")
HEAD = _TEXT[: _TEXT.index("<TEXT>\n") + 7]  # the SEC header, up to the 8-K's <TEXT>
COVER = ("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\nFORM 8-K\n\n"
         "CURRENT REPORT\nPursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934\n\n"
         "Date of Report (Date of earliest event reported): January 5, 2024\n\n"
         "ACME CORPORATION\n(Exact name of registrant as specified in its charter)\n\n")
SIG = ("\nSIGNATURE\n\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant "
       "has duly caused this report to be signed.\n\nBy: /s/ John Smith\n\n")


def submission(entries, docs, item=None) -> str:
    """An EDGAR submission: the 8-K (its Item 9.01 list ``item``, else Item
    8.01, and its exhibit index ``entries``), then a document per ``docs``."""
    body = ("Item 9.01 Financial Statements and Exhibits.\n\n(d) Exhibits\n\n"
            + "".join(f"{n}  {d}\n" for n, d in item) if item else "Item 8.01 Other Events\n\nNone.\n")
    index = "EXHIBIT INDEX\n\n" + "".join(f"{n}  {d}\n" for n, d in entries) if entries else ""
    filed = "".join(f"<DOCUMENT>\n<TYPE>{t}\n" + (f"<DESCRIPTION>{d}\n" if d else "")
                    + "<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n" for t, d in docs)
    return HEAD + COVER + body + SIG + index + "</TEXT>\n</DOCUMENT>\n" + filed + "</SEC-DOCUMENT>\n"


def _check_time(text: str) -> float:
    """CPU seconds of the checks of ``text`` (best of two; the parse not
    counted, nor the garbage collector: with the parse's objects alive, its
    passes made doubling the diagnostics take 2.7 times as long)."""
    src = Source.from_text(text, "x.txt")
    parsed, filing = parse_source(src)
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(2):
            start = time.process_time()
            run_checks(src, parsed, filing)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _linear(make, n: int) -> tuple[float, float]:
    """Check times at n and 2n: linear doubles, quadratic quadruples."""
    _check_time(make(n // 10))  # warm up
    small, big = _check_time(make(n)), _check_time(make(2 * n))
    print(f"checks at n={n}: {small:.3f} s, 2n: {big:.3f} s")
    return small, big


# -- 1. an exhibit index against the documents filed ------------------------

def index_vs_docs(n: int) -> str:
    """n entries 98.1 listed, n documents EX-99.1 filed: nothing matches."""
    return submission([("98.1", "Press release")] * n, [("EX-99.1", None)] * n)


def test_exhibit_index_against_many_documents_is_linear():
    # was 1.45 s at 1,000 (75 KB), 5.2 s at 2,000, 19.7 s at 4,000
    small, big = _linear(index_vs_docs, 600)
    assert big < 3.5 * small + 0.05


def test_descriptions_are_read_once_each(monkeypatch):
    """Pairing an entry with a document by description (FG503) reads each
    description once, not once per entry and document."""
    calls = []
    words = exhibits._words
    monkeypatch.setattr(exhibits, "_words", lambda text: calls.append(text) or words(text))
    n = 200
    text = submission([("98.1", "Underwriting agreement dated today")] * n,
                      [("EX-99.1", "Purchase agreement among parties")] * n)
    diagnostics = check_source(read_source(text, "x.txt"))
    assert [d.code for d in diagnostics].count("FG501") == n
    assert len(calls) <= 2 * n  # was 2 n^2


def test_filed_note_is_bounded():
    """FG501's note lists the exhibits filed: the first 50 and how many more
    (in full, it made the output of n FG501 n^2 long: 37 MB for 150 KB)."""
    n = 120
    text = submission([("98.1", "Press release")] * n, [(f"EX-99.{k}", None) for k in range(1, n + 1)])
    fg501 = [d for d in check_source(read_source(text, "x.txt")) if d.code == "FG501"]
    assert len(fg501) == n
    note = fg501[0].notes[0]
    shown = ", ".join(f"EX-99.{k}" for k in range(1, 51))
    assert note == f"exhibits filed: {shown} and 70 more"
    # up to 50 the note is as it was
    text = submission([("98.1", "Press release")], [(f"EX-99.{k}", None) for k in range(1, 51)])
    [d] = [d for d in check_source(read_source(text, "x.txt")) if d.code == "FG501"]
    assert d.notes == ["exhibits filed: " + shown]


def _word(k: int) -> str:
    """A word of letters only, one per number."""
    return "w" + "".join("abcdefghij"[int(c)] for c in str(k)) + "x"


def long_descriptions(n: int) -> str:
    """n entries of three words, n documents of 13: each shares only the word
    'agreement' (the longer ones were compared one by one with each entry)."""
    return submission([("98.1", f"Underwriting agreement {_word(k)}") for k in range(n)],
                      [("EX-99.1", "agreement " + " ".join(_word(1000 * k + j) for j in range(1, 13)))
                       for k in range(n)])


def test_long_descriptions_sharing_a_word_are_linear():
    small, big = _linear(long_descriptions, 1_200)
    assert big < 3.5 * small + 0.05


def scattered_words(n: int) -> str:
    """n entries of four words; n documents of 13 words, one of each of 13
    entries: each shares one word with 13 entries, more than 12 with them all
    (those documents were compared one by one with each entry)."""
    return submission([("98.1", f"Press {_word(3 * k)} {_word(3 * k + 1)} {_word(3 * k + 2)}") for k in range(n)],
                      [("EX-99.1", " ".join(_word(3 * ((j + i) % n)) for i in range(13))) for j in range(n)])


def test_documents_sharing_many_words_with_the_entries_are_linear():
    small, big = _linear(scattered_words, 3_000)
    assert big < 3.5 * small + 0.05


def common_words(n: int, common: str = "Press") -> str:
    """scattered_words with a word (or two) every entry and every document
    holds: each document shares it with every entry, and one more word with
    none of them (each entry counted every document sharing any word)."""
    return submission([("98.1", f"{common} {_word(3 * k)} {_word(3 * k + 1)} {_word(3 * k + 2)}") for k in range(n)],
                      [("EX-99.1", common + " " + " ".join(_word(3 * ((j + i) % n) + 2 * (i % 2)) for i in range(13)))
                       for j in range(n)])


@pytest.mark.parametrize("common", ["Press", "Press release"])
def test_documents_sharing_a_word_with_every_entry_are_linear(common):
    small, big = _linear(lambda n: common_words(n, common), 4_000)
    assert big < 3 * small + 0.05


# -- 2. an Item 9.01 list against the exhibit index -------------------------

def item_vs_index(n: int) -> str:
    """n entries 98.1 under Item 9.01, n entries 99.1 in the exhibit index."""
    return (COVER + "Item 9.01 Financial Statements and Exhibits.\n\n(d) Exhibits\n\n" + "98.1 Press release\n" * n
            + SIG + "EXHIBIT INDEX\n\n" + "99.1 Press release\n" * n)


def test_item_list_against_the_index_is_linear():
    # was 1.06 s at 2,000 (77 KB), 3.7 s at 4,000, 13.5 s at 8,000
    small, big = _linear(item_vs_index, 1_000)
    assert big < 3.5 * small + 0.05


# -- 3. malformed lines in the SEC header ----------------------------------

def bad_header(n: int) -> str:
    at = HEAD.index("</SEC-HEADER>")
    return (HEAD[:at] + "garbage line\nFILED AS OF DATE:\t\t20050110\n" * n + HEAD[at:] + COVER
            + "Item 8.01 Other Events\n\nNone.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")


def test_many_malformed_header_lines_are_linear():
    # was 0.8 s at 4,000 lines (166 KB), 2.8 s at 8,000, 11.3 s at 16,000
    small, big = _linear(bad_header, 2_000)
    assert big < 3.5 * small + 0.05
    diagnostics = check_source(read_source(bad_header(50), "x.txt"))
    assert [d.code for d in diagnostics].count("FG102") == 50


def test_tokens_in_a_span_are_those_of_a_pass_over_all():
    text = bad_header(30) + "\n\nstray text\n" * 5
    src = Source.from_text(text, "x.txt")
    parsed, filing = parse_source(src)
    from filing_grammar.checks.context import Context
    ctx = Context(src, parsed, filing)
    spans = [u.span for u in filing.unmatched if u.span] + [filing.sec_header.span, filing.cover.span]
    for span in spans:
        for kinds in ((), ("UNMATCHED",)):
            expected = [t for t in ctx.tokens
                        if span.start <= (t.start_pos or 0) < span.end and (not kinds or t.type in kinds)]
            assert ctx.tokens_in(span, *kinds) == expected


# -- 4. megabytes of blank lines ---------------------------------------------

@pytest.mark.parametrize("shape", ["edgar", "text"])
def test_blank_lines_are_not_looked_at_one_by_one(shape, monkeypatch):
    """The first and last line of text of a span (the cover's, for each of
    its diagnostics; the items'; the signature's) were found line by line:
    9 million lines looked at for 5 MB of blank lines."""
    n = 100_000
    text = {"edgar": HEAD + "\n" * n + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n",
            "text": COVER + "\n" * n}[shape]
    src = read_source(text, "x.txt")
    parsed, filing = parse_source(src)
    looked = []
    line = Source.line
    monkeypatch.setattr(Source, "line", lambda self, number: looked.append(number) or line(self, number))
    run_checks(src, parsed, filing)
    assert len(looked) < 1_000


def test_first_and_last_text_line_as_line_by_line():
    from filing_grammar.checks.context import Context
    from filing_grammar.records import Span
    text = "\n \t\nabc\n\n\x0c\n  d  \n\u00a0\n\n\u2028x\n\n"
    src = Source.from_text(text, "x.txt")
    parsed, filing = parse_source(src)
    ctx = Context(src, parsed, filing)
    count = len(src.line_starts)

    def first_slow(a, b):
        return next((n for n in range(a, b + 1) if src.line(n).strip()), a)

    def last_slow(a, b):
        return next((n for n in range(b, a - 1, -1) if src.line(n).strip()), a)

    for a in range(-1, count + 3):
        for b in range(-1, count + 3):
            span = Span(a, 1, b, 1, 0, 0)
            assert ctx.first_text_line(span) == first_slow(a, b), (a, b)
            assert ctx.last_text_line(a, b) == last_slow(a, b), (a, b)


# -- the indexes give what the pass over every pair gave ---------------------

ENTRIES = [("99.1", "Press release dated January 5, 2024"), ("99.01", "Press release dated January 5, 2024"),
           ("99(a)", "Letter of the auditors"), ("99.2", "Underwriting agreement among the underwriters"),
           ("10.1", "Employment agreement with the officer"), ("10.1", "Employment agreement with the officer"),
           ("4.(F)", "Form of note"), ("23.(D)", "Consent of accountants"), ("24(e)", "Power of attorney"),
           ("2.1", "Merger agreement"), ("104", "Cover page interactive data")]
DOCS = [("EX-99.1", "Press release"), ("EX-99", None), ("EX-99.3", "Underwriting agreement"),
        ("EX-10.2", "Employment agreement"), ("EX-4.F", "Note"), ("EX-23.(E)", "Consent of independent accountants"),
        ("EX-24.(E)", "Power of attorney"), ("EX-101.SCH", None), ("EX-99.1", "Press release again"),
        ("EX-7", "Unrelated letter")]
ITEM = [("99.1", "Press release"), ("99.02", "Other release"), ("(1)", "A footnote"), ("10.1", "Agreement"),
        ("99(a)", "Letter"), ("3", "Articles")]


@pytest.mark.parametrize("entries, docs, item, expected", [
    (ENTRIES, DOCS, ITEM, [
        ("FG504", 80, "exhibit 3 is listed under the item but not in the exhibit index"),
        ("FG503", 94, "exhibit 10.1 in the exhibit index is filed as EX-99.3"),
        ("FG503", 95, "exhibit 10.1 in the exhibit index is filed as EX-10.2"),
        ("FG505", 98, "exhibit 24(e) is in the exhibit index but not listed under the item"),
        ("FG501", 99, "exhibit 2.1 is listed but not filed"),
        ("FG505", 99, "exhibit 2.1 is in the exhibit index but not listed under the item"),
        ("FG502", 131, "exhibit EX-4.F is filed but not in the exhibit index"),
        ("FG502", 138, "exhibit EX-23.(E) is filed but not in the exhibit index"),
        ("FG502", 165, "exhibit EX-7 is filed but not in the exhibit index")]),
    (ENTRIES, DOCS, None, [
        ("FG503", 87, "exhibit 10.1 in the exhibit index is filed as EX-99.3"),
        ("FG503", 88, "exhibit 10.1 in the exhibit index is filed as EX-10.2"),
        ("FG501", 92, "exhibit 2.1 is listed but not filed"),
        ("FG502", 124, "exhibit EX-4.F is filed but not in the exhibit index"),
        ("FG502", 131, "exhibit EX-23.(E) is filed but not in the exhibit index"),
        ("FG502", 158, "exhibit EX-7 is filed but not in the exhibit index")]),
    (ENTRIES[:3], DOCS[:2], ITEM[:2], [
        ("FG504", 76, "exhibit 99.02 is listed under the item but not in the exhibit index"),
        ("FG505", 88, "exhibit 99(a) is in the exhibit index but not listed under the item")]),
])
def test_exhibit_diagnostics_as_before(entries, docs, item, expected):
    """Duplicated, unmatched and suffixed numbers (99.1, 99.01, 99(a), 4.(F)):
    the diagnostics the pass over every pair gave (main at 07b4d88)."""
    diagnostics = check_source(read_source(submission(entries, docs, item), "x.txt"))
    assert [(d.code, d.line, d.message) for d in diagnostics if d.code.startswith("FG50")] == expected
    for d in diagnostics:
        if d.code == "FG501":
            assert d.notes == ["exhibits filed: " + ", ".join(t for t, _ in docs)]


_NUMBERS = ["99.1", "99.01", "99", "99(a)", "99.2", "99.4(a)", "10.1", "10", "4.(F)", "EX-4.F", "101.SCH",
            "104", "2.1", "x", "", "99.A", "99.1.1"]


def test_key_index_matches_as_the_pass_over_all():
    from filing_grammar.checks.exhibits import _Keys
    r = random.Random(12)
    for _ in range(2_000):
        keys = [exhibit_key(r.choice(_NUMBERS)) for _ in range(r.randint(0, 5))]
        key = exhibit_key(r.choice(_NUMBERS))
        assert _Keys(keys).match(key) == any(_matches(key, k) for k in keys), (key, keys)


_WORDS = ["press", "release", "agreement", "underwriting", "purchase", "letter", "consent", "auditors",
          "employment", "officer", "merger", "note", "power", "attorney", "credit", "lenders"]


def _old_pairs(unfiled, unlisted):
    """The pairing as it was: every entry against every document left."""
    pairs = []
    docs = list(unlisted)
    for entry in unfiled:
        doc = next((d for d in docs if _same_exhibit(entry, d)), None)
        if doc is not None:
            pairs.append((entry, doc))
            docs.remove(doc)
    rest = [e for e in unfiled if all(e is not p[0] for p in pairs)]
    if len(rest) == 1 and len(docs) == 1:
        pairs.append((rest[0], docs[0]))
    return pairs


def test_pairs_by_description_as_the_pass_over_all():
    from filing_grammar.checks.exhibits import _pairs
    r = random.Random(12)

    def description():
        if r.random() < 0.1:
            return None
        # up to 16 words: past _PAIRED_WORDS (12) the long ones are compared one by one
        return " ".join(r.sample(_WORDS, r.choice([1, 2, 3, 4, 6, 13, 16])))

    for _ in range(1_000):
        listed = [description() for _ in range(r.randint(1, 4))]  # entries often alike
        unfiled = [ExhibitRef(number="98.1", description=r.choice(listed), line=k) for k in range(r.randint(0, 8))]
        unlisted = [Document(type="EX-99.1", sequence=None, filename=None, description=description(), line=k)
                    for k in range(r.randint(0, 8))]
        got = [(id(e), id(d)) for e, d in _pairs(unfiled, unlisted)]
        assert got == [(id(e), id(d)) for e, d in _old_pairs(unfiled, unlisted)]
