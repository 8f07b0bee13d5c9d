"""Regressions: each bug found while hardening (by hand or by the fuzzer)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import filing_grammar as fg
from filing_grammar.cli import main
from filing_grammar.lexer import _BODY, classify_body

from ..conftest import SAMPLES, property_runs
from .util import assert_clean_result, run

OLD_TOC = re.compile(r".*\.{4,}\s*\d{0,4}$")
NEW_TOC = re.compile(_BODY.pattern[_BODY.pattern.index("(?P<TOC_LINE>") + 13:].split(")\n", 1)[0])


@property_runs(300)
def test_toc_pattern_reads_the_same_lines(max_examples):
    """TOC_LINE was `.*\\.{4,}...` (quadratic on a run of dots, 45 s for
    40,000); `.*\\.{4}...` matches exactly the same lines."""
    @settings(max_examples=max_examples)
    @given(st.text(alphabet=st.sampled_from(list(".x 1\t-")), max_size=40))
    def prop(line):
        assert bool(OLD_TOC.match(line)) == bool(NEW_TOC.match(line))
    prop()


def test_long_run_of_dots_is_quick():
    assert NEW_TOC.pattern == r".*\.{4}\s*\d{0,4}$"
    assert classify_body("Item 1" + "." * 200_000 + "X") == "ITEM_HEADING"
    assert classify_body("Other Events" + "." * 200_000 + " 3") == "TEXT"  # a TOC line


def test_recovery_memo_gives_every_line_its_expectation():
    """Recovery answers are remembered per parser stack: 100,000 stray lines
    cost a look-up each, and each still records what was expected there."""
    text = "SECURITIES AND EXCHANGE COMMISSION\n" + "</TEXT>\n" * 1000
    parsed = fg.parse_tree(text)
    assert len(parsed.expected) == 1000
    assert len(set(parsed.expected.values())) == 1
    assert "TEXT" in next(iter(parsed.expected.values()))


def test_unmatched_tokens_keep_their_text_once():
    tree = fg.parse_tree("</TEXT>\n" * 3).tree
    toks = list(tree.scan_values(lambda t: t.type == "UNMATCHED"))
    assert len(toks) == 3 and all(t == t.value == "</TEXT>\n" for t in toks)
    assert repr(toks[0]) == "Token('UNMATCHED', '</TEXT>\\n')"


def test_utf16_without_bom_and_lone_surrogates(tmp_path, capsys):
    """UTF-16 without a BOM used to decode as UTF-8 with a NUL in every other
    character; a truncated or broken UTF-16 file must still give UTF-8 output."""
    text = "Item 5. Other Events\r\nDone\r\n"
    assert fg.read_source(text.encode("utf-16-le")).text == "Item 5. Other Events\nDone\n"
    broken = text.encode("utf-16-le")[:10] + b"\x00\xd8" + text.encode("utf-16-le")[10:]  # lone surrogate
    src = fg.read_source(broken)
    src.text.encode("utf-8")
    p = tmp_path / "u16.txt"
    p.write_bytes(b"\xff\xfe" + broken + b"\x41")  # odd length too
    assert main(["parse", str(p)]) in (0, 1)
    out, err = capsys.readouterr()
    assert_clean_result(0, out, err, "json")


def test_non_utf8_locale_still_writes_utf8_json(tmp_path):
    """PYTHONIOENCODING=ascii (an old locale): JSON is still UTF-8, the table
    still prints (unencodable characters replaced), no traceback."""
    p = tmp_path / "q.txt"
    text = (SAMPLES / "000_baa583cdd3fdc5f0.txt").read_text()
    p.write_bytes(text.replace("CWMBS, INC.\n", "CWMBS \u201cquoted\u201d caf\u00e9 \u2603\n", 1).encode())
    proc = run(["parse", str(p)], env_extra={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode in (0, 1), proc.stderr
    assert "CWMBS \u201cquoted\u201d caf\u00e9 \u2603".encode() in proc.stdout
    proc = run(["parse", str(p), "--format", "table"], env_extra={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode in (0, 1) and b"Traceback" not in proc.stderr


def test_help_of_every_file_command_lists_exit_codes():
    from filing_grammar.cli import build_parser
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name, parser in sub.choices.items():
        takes_files = any(a.dest in ("path", "paths") for a in parser._actions)
        if not takes_files:
            continue
        out = run([name, "--help"]).stdout.decode()
        assert "exit codes" in out, name
        for code in ("0 ", "1 ", "2 ", "3 "):
            assert f"\n  {code}" in out, (name, code)
    top = run(["--help"]).stdout.decode()
    for code in ("0", "1", "2", "3", "130", "143"):
        assert f"\n  {code} " in top


def test_long_12b_table_reads_in_linear_time():
    """Each 12(b) row once looked up its place in the field (quadratic)."""
    import time

    def timed(rows: int) -> float:
        text = ("FORM 8-K\nSecurities registered pursuant to Section 12(b) of the Act:\n"
                "Title of each class   Trading Symbol(s)   Name of each exchange on which registered\n"
                + "Common Stock   ABC   NYSE\n" * rows)
        start = time.process_time()
        assert len(fg.parse(text).cover.securities_12b) == rows
        return time.process_time() - start

    timed(100)
    small, big = timed(2_000), timed(32_000)
    assert big / small < 16 * 3  # linear: 16; quadratic: 256


def test_long_exhibit_description_reads_in_linear_time():
    """A description grown line by line with += copied itself each time (17 s for
    40,000 lines in one run, depending on whether the allocator could grow it in place)."""
    import time

    def timed(lines: int) -> float:
        text = ("FORM 8-K\nItem 5. Other Events\n\nText.\n\nEXHIBIT INDEX\n\n99.1    Press release\n"
                + "        continued description words here\n" * lines)
        start = time.process_time()
        [entry] = fg.parse(text).exhibit_index
        assert entry.description.endswith("continued description words here")
        return time.process_time() - start

    timed(100)
    small, big = timed(2_000), timed(32_000)
    assert big / small < 16 * 3  # linear: 16; quadratic: 256


def test_exhibit_entry_with_a_long_run_of_spaces_is_quick():
    """The entry pattern's lazy description before an optional "  page"
    column backtracked over a run of spaces (42 s for 20,000)."""
    import time

    def timed(spaces: int) -> float:
        text = ("FORM 8-K\nItem 5. Other Events\n\nText.\n\nEXHIBIT INDEX\n\n99.1    Press release"
                + " " * spaces + "x\n        Filed" + " " * spaces + "herewith\n")
        start = time.process_time()
        [entry] = fg.parse(text).exhibit_index
        assert entry.description == "Press release x Filed herewith"
        return time.process_time() - start

    timed(10)
    small, big = timed(1_000), timed(16_000)
    assert big / small < 16 * 3  # linear: 16; quadratic: 256


def test_page_column_is_split_off_without_a_regex_over_the_line():
    from filing_grammar.read.exhibits import _split_page, _strip_filed_column

    assert _split_page("Press release dated May 1, 2004    6") == ("Press release dated May 1, 2004", "6")
    assert _split_page("Press release  Page 12") == ("Press release", "12")
    assert _split_page("Financial Data Schedule       E-3") == ("Financial Data Schedule", "E-3")
    assert _split_page("Press release dated May 1, 2004") == ("Press release dated May 1, 2004", None)
    assert _split_page("Exhibit A-1") == ("Exhibit A-1", None)
    assert _split_page("Schedule  E-3", letters=False) == ("Schedule  E-3", None)
    assert _strip_filed_column("Form of Award Agreement      Filed herewith electronically") == \
        "Form of Award Agreement"
    assert _strip_filed_column("Agreement (filed herewith)") == "Agreement (filed herewith)"


def test_digits_that_int_refuses_are_not_numbers():
    # The fuzzer (a 30-minute run): "<SEQUENCE>\u00b3" crashed read_document, since
    # str.isdigit() is true of a superscript three that int() refuses; so were
    # a colspan, an item number and a month of such digits.  A sequence of
    # Arabic-Indic digits is a number (int() reads every decimal digit).
    head = "<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>{}\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n"
    assert fg.parse(head.format("\u00b3"), "a.txt").documents[0].sequence is None
    assert fg.parse(head.format("\u0663"), "a.txt").documents[0].sequence == 3
    html = ("<html><body><table><tr><td colspan=\"\u00b2\">Item 8.01</td></tr></table>"
            "<p>Item 8.\u00b9 Other Events</p><p>Dated: \u00b3/4/2024</p></body></html>")
    fg.parse(html, "a.htm")
    from filing_grammar.form import normalise_number
    assert normalise_number("8.\u00b9") == "8.\u00b9" and normalise_number("\u00b2") == "\u00b2"
    assert normalise_number("8.1") == "8.01" and normalise_number("05") == "5"


def test_a_line_centred_over_covers_side_by_side_is_not_cut():
    # The fuzzer (a 30-minute run): on a cover printed twice side by side the
    # lines are cut at the second column (cover_lines.left_part); a centred
    # "(Amendment No. 1)" across that column was cut to "(A", still of kind
    # AMENDMENT, and reading its number crashed.  A word across the column is
    # in neither column: the line stays whole, and its number is read.
    for pad in (20, 30, 40):
        text = ("                          FORM 8-K/A\n" + " " * pad + "(Amendment No. 1)\n\n"
                "   ACME CORPORATION                       ACME PLC\n"
                "   (Exact name of registrant)             (Exact name of registrant)\n\n"
                "Item 8.01 Other Events\n\nText.\n")
        cover = fg.parse(text, "a.txt").cover
        assert (cover.amendment_number, cover.registrant_name) == ("1", "ACME CORPORATION")


def test_blank_lines_in_a_signature_read_in_linear_time():
    """The signer's title goes on after blank lines ("Senior Vice President" /
    blank / "and Chief Financial Officer"): the line after each blank line
    was looked for in a copy of the rest of the block, at every blank line
    (40 KB of them took 10 s)."""
    import time
    fg.parse("warm up")
    head = ("FORM 8-K\nCURRENT REPORT\n\nItem 8.01 Other Events\n\nNone.\n\nSIGNATURE\n\n"
            "By: /s/ John Smith\n    Senior Vice President\n")

    def seconds(n: int) -> float:
        text = head + "\n" * n + "    and Chief Financial Officer\n"
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            signature = fg.parse(text).signature
            best = min(best, time.process_time() - start)
        assert signature.title == "Senior Vice President and Chief Financial Officer"
        return best

    small, big = seconds(1000), seconds(16000)
    assert big / small < 16 * 3  # linear: 16; quadratic: 256
