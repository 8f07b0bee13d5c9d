"""The rule catalogue, the checks on real text, the command line of `check`,
`rules` and `explain`, escaping and colour."""

from __future__ import annotations

import json
import pathlib
import os
import re
import subprocess
import sys

import pytest

from filing_grammar.api import parse_source, read_source
from filing_grammar.checks import RULES, check_source, rule, select_codes
from filing_grammar.checks.docs import DEFAULT_DIR, pages
from filing_grammar.checks.expected import expected_words
from filing_grammar.cli import main

from .conftest import CORPUS, SAMPLES, corpus_rows, needs_corpus, property_runs

BROKEN = SAMPLES / "broken"
SEEDS = ["000_baa583cdd3fdc5f0.txt", "002_15025ed101fcb0cd.txt"]


def check_file(path):
    return check_source(read_source(path.read_bytes(), str(path)))


# ---------------------------------------------------------------------------
#  the catalogue
# ---------------------------------------------------------------------------
def test_catalogue_codes_are_unique_and_grouped():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert len({r.name for r in RULES}) == len(RULES)
    sections = {"1": "envelope", "2": "cover", "3": "items", "4": "signature",
                "5": "exhibits", "6": "layout"}
    for r in RULES:
        assert re.fullmatch(r"FG[1-6]\d\d", r.code)
        assert r.section == sections[r.code[2]]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name), r.name
        assert r.severity in ("error", "warning", "info")
        for text in (r.summary, r.what, r.why, r.example):
            assert text.strip(), (r.code, "empty section")
        # summaries read like rustc messages: lower case, no final period
        assert r.summary[0].islower() or r.summary[0] in "`<" or r.summary.split()[0].isupper(), r.code
        assert not r.summary.endswith(".")
        if r.severity == "warning":
            assert "warning" in r.why, f"{r.code}: a warning says why it is not an error"


def test_docs_pages_are_in_sync_with_the_catalogue(update_goldens):
    expected = pages()
    if update_goldens:
        DEFAULT_DIR.mkdir(parents=True, exist_ok=True)
        for name, text in expected.items():
            (DEFAULT_DIR / name).write_text(text, encoding="utf-8")
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in DEFAULT_DIR.glob("*.md")}
    assert on_disk == expected, "run `python -m filing_grammar.checks.docs` and commit docs/rules"


def test_select_and_ignore_take_codes_and_prefixes():
    assert select_codes(["FG3"], None) == {r.code for r in RULES if r.code.startswith("FG3")}
    assert select_codes(None, ["FG3", "FG101"]) == {
        r.code for r in RULES if not r.code.startswith("FG3") and r.code != "FG101"}
    assert select_codes(["fg304"], None) == {"FG304"}
    with pytest.raises(ValueError, match="FG9"):
        select_codes(["FG9"], None)


# ---------------------------------------------------------------------------
#  the checks on real text
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", SEEDS)
def test_seeds_have_no_diagnostics(name):
    assert check_file(SAMPLES / name) == []


def broken_cases():
    return sorted(p.name[: -len(".expect.json")] for p in BROKEN.glob("*.expect.json"))


def test_there_are_at_least_ten_broken_samples():
    assert len(broken_cases()) >= 10


@pytest.mark.parametrize("case", broken_cases())
def test_broken_sample_is_caught_at_the_right_line(case):
    expect = json.loads((BROKEN / f"{case}.expect.json").read_text())
    got = sorted((d.code, d.line) for d in check_file(BROKEN / f"{case}.txt"))
    assert got == sorted((e["code"], e["line"]) for e in expect["expect"])


def test_unplaceable_line_says_what_the_grammar_expected():
    [d] = check_file(BROKEN / "07_stray_tag.txt")
    assert d.code == "FG601"
    assert d.message == "`<FILENAME>` cannot stand here"
    assert d.primary.message.startswith("expected body text, an item heading, the signature block")
    assert "_" not in d.primary.message  # words, not terminal names


def test_expected_words_are_for_filers():
    assert expected_words(["ITEM_HEADING", "SIGNATURE_HEADING", "SIGNATURE_LEGEND", "BLANK"]) \
        == "an item heading or the signature block"
    assert expected_words(["BLANK", "PAGE"]) == ""
    assert "`</SEC-HEADER>`" in expected_words(["HEADER_FIELD", "SEC_HEADER_CLOSE"])


def test_unknown_item_names_the_item_its_title_belongs_to():
    [d] = [d for d in check_file(BROKEN / "05_item_13.txt") if d.code == "FG302"]
    assert d.message == "item 13 does not exist in a filing dated 1994-03-22"
    assert d.help == "the title is that of item 5 (Other Events)"
    assert (d.primary.span.column, d.primary.span.end_column) == (1, 8)  # "ITEM 13"


def test_decimal_item_in_a_numbered_era_filing():
    [d] = [d for d in check_file(BROKEN / "04_decimal_item_in_1998.txt") if d.code == "FG302"]
    assert d.severity == "error" and "decimal items" in d.notes[0]


def test_unofficial_title_is_a_warning_with_the_official_title_in_help():
    [d] = check_file(BROKEN / "08_unofficial_title.txt")
    assert (d.code, d.severity) == ("FG304", "warning")
    assert d.help == "the official title of item 8.01 is `Other Events`"


def test_signature_date_before_report_points_at_both_dates():
    [d] = check_file(BROKEN / "10_signed_before_report.txt")
    assert d.code == "FG403"
    assert d.primary.span.line == 129 and d.secondary[0].span.line == 71


def test_truncated_file_reports_missing_tags_once():
    [d] = [d for d in check_file(BROKEN / "16_truncated.txt") if d.code == "FG106"]
    assert d.message == "`</TEXT>`, `</DOCUMENT>` and `</SEC-DOCUMENT>` are missing"


def test_an_item_reported_three_times_is_not_said_twice_three_times():
    # each heading after the first is a duplicate; the third is not "twice"
    text = (SAMPLES / SEEDS[1]).read_text()
    lines = text.split("\n")
    heading = next(n for n, line in enumerate(lines) if line.startswith("Item 5."))
    lines[heading + 1:heading + 1] = ["", lines[heading], "Text.", "", lines[heading], "More text.", ""]
    ds = check_source(read_source("\n".join(lines), "x"))
    assert [d.message for d in ds if d.code == "FG306"] == [
        "item 5 appears twice", "item 5 appears for the 3rd time"]


def test_a_non_8k_gets_one_diagnostic_only():
    [d] = check_file(BROKEN / "12_not_an_8k.txt")
    assert (d.code, d.message) == ("FG101", "not an 8-K: the filing is a 10-Q")


def test_an_item_heading_quoted_in_text_is_not_a_duplicate():
    # "Item 2. The registrant will file ..." inside Item 7 is a reference
    text = (SAMPLES / SEEDS[1]).read_text()
    lines = text.split("\n")
    lines.insert(100, "Item 5. The registrant will file the required financial statements")
    src = read_source("\n".join(lines), "x")
    assert [i.number for i in parse_source(src)[1].items] == ["5", "7", "5"]
    ds = check_source(src)
    assert not [d for d in ds if d.code in ("FG305", "FG306", "FG304")]


# ---------------------------------------------------------------------------
#  the command line
# ---------------------------------------------------------------------------
def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_exit_codes(capsys, tmp_path):
    assert run(capsys, "check", *(str(SAMPLES / s) for s in SEEDS))[0] == 0
    assert run(capsys, "check", str(BROKEN / "08_unofficial_title.txt"))[0] == 0  # warnings only
    assert run(capsys, "check", str(BROKEN / "06_missing_signature.txt"))[0] == 1
    code, _, err = run(capsys, "check", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "check", "--select", "FG999", str(SAMPLES / SEEDS[0]))
    assert code == 2 and "unknown rule" in err
    assert run(capsys, "check", "--bogus", str(SAMPLES / SEEDS[0]))[0] == 2


def test_check_select_and_ignore(capsys):
    path = str(BROKEN / "03_unknown_item_2_07.txt")
    _, out, _ = run(capsys, "check", "--format", "concise", "--select", "FG3", path)
    assert [line.split()[1] for line in out.splitlines()] == ["FG302"]
    code, out, _ = run(capsys, "check", "--format", "concise", "--ignore", "FG1,FG302", path)
    assert (code, out) == (0, "")


def test_check_concise(capsys):
    _, out, _ = run(capsys, "check", "--format", "concise", str(BROKEN / "02_impossible_date.txt"))
    assert out == (f"{BROKEN / '02_impossible_date.txt'}:17:38: FG202 "
                   "the date of report `October 32, 2003` is not a real date\n")


def test_check_json_shape(capsys):
    _, out, _ = run(capsys, "check", "--format", "json", str(BROKEN / "10_signed_before_report.txt"))
    doc = json.loads(out)
    assert set(doc) == {"path", "diagnostics", "summary"}
    [d] = doc["diagnostics"]
    assert {"code", "severity", "message", "line", "column", "end_line", "end_column",
            "help"} <= set(d)
    assert doc["summary"]["errors"] == 1 and doc["summary"]["by_code"] == {"FG403": 1}
    _, out, _ = run(capsys, "check", "--format", "json", str(SAMPLES / SEEDS[0]),
                    str(SAMPLES / SEEDS[1]))
    assert [d["diagnostics"] for d in json.loads(out)] == [[], []]


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and all(r.code in out for r in RULES)
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert [r["code"] for r in json.loads(out)] == [r.code for r in RULES]
    code, out, _ = run(capsys, "explain", "fg304")
    assert code == 0 and out.startswith("# FG304 unofficial-item-title")
    assert "## Example" in out and "Item 5. Press Release" in out
    code, out, _ = run(capsys, "explain", "FG304", "--format", "json")
    assert json.loads(out)["severity"] == "warning"
    code, _, err = run(capsys, "explain", "FG999")
    assert code == 2 and "unknown rule" in err
    assert rule("FG601").severity == "error"


# three broken samples with diagnostics, and a path that cannot be read
STREAMED = [str(BROKEN / n) for n in ("06_missing_signature.txt", "02_impossible_date.txt",
                                      "10_signed_before_report.txt")]


def _written_before_each_file(monkeypatch, capsys, *argv):
    """Run ``check``; what stdout had received when each file began to be
    checked, and the whole output."""
    from filing_grammar.cli import check as check_command
    real, before = check_command.check_one, []

    def spy(src, codes):
        before.append(capsys.readouterr().out)
        return real(src, codes)

    monkeypatch.setattr(check_command, "check_one", spy)
    code = main(["check", "--jobs", "1", *argv])  # in this process, where the spy is
    return code, before, "".join(before) + capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["rich", "concise", "json", "sarif"])
def test_check_writes_each_file_as_soon_as_it_is_checked(monkeypatch, capsys, fmt, tmp_path):
    from filing_grammar.render.diagnostics import FileResult, render_concise, to_json
    from filing_grammar.render.sarif import to_sarif
    paths = [STREAMED[0], str(tmp_path / "nope.txt"), *STREAMED[1:]]
    code, before, out = _written_before_each_file(monkeypatch, capsys, *paths, "--format", fmt)
    assert code == 2 and len(before) == 3
    assert before[0] == "" and before[1] and len(before[2]) > 0  # file 1 out before file 2 began
    results = [FileResult(p, None, check_file(pathlib.Path(p))) for p in STREAMED]
    if fmt == "concise":
        assert out == render_concise(results) and before[1] == render_concise(results[:1])
    elif fmt == "json":  # still one JSON document, byte for byte json.dumps of the array
        assert out == json.dumps([to_json(r) for r in results], indent=2, ensure_ascii=False) + "\n"
    elif fmt == "sarif":  # one log for the run, byte for byte json.dumps of it, its results file by file
        results = [FileResult(p, read_source(open(p, "rb").read(), p), r.diagnostics) for p, r in zip(STREAMED, results)]
        assert out == json.dumps(to_sarif(results), indent=2, ensure_ascii=False) + "\n"
        assert out.startswith(before[1]) and before[1].count('"ruleId"') == len(results[0].diagnostics) > 0
        assert before[2].count('"ruleId"') == len(results[0].diagnostics)  # (the unreadable file: none)
    else:
        assert before[1].startswith("error[FG401]") and "found" not in before[1]
        assert out.count("error[FG401]") == 1
        assert out.rstrip("\n").splitlines()[-1] == "found 3 errors and 0 warnings in 3 files; 1 file could not be checked"


def test_check_json_of_one_path_is_an_object_or_null(capsys, tmp_path):
    _, out, _ = run(capsys, "check", "--format", "json", STREAMED[0])
    assert json.loads(out)["path"] == STREAMED[0]
    assert run(capsys, "check", "--format", "json", str(tmp_path / "nope.txt"))[1] == "null\n"
    assert run(capsys, "check", "--format", "json", str(tmp_path / "a"), str(tmp_path / "b"))[1] \
        == "[]\n"


def test_check_sarif_keeps_no_source(monkeypatch, capsys):
    """SARIF is one log for the run, written file by file from what each file
    left behind (the texts of its results), not from the files' sources:
    when a file's results are written, no file checked before it is kept."""
    import gc
    import weakref

    import filing_grammar.render.sarif as sarif
    from filing_grammar.cli import check as check_command
    from filing_grammar.render.diagnostics import FileResult
    real_check, real_add, sources, alive = check_command.check_one, sarif.LogWriter.add, [], []

    def spy_check(src, codes):
        sources.append(weakref.ref(src))
        return real_check(src, codes)

    def spy_add(self, texts):
        assert texts and all(type(t) is str for t in texts)
        gc.collect()
        alive.append(sum(ref() is not None for ref in sources[:-1]))
        return real_add(self, texts)

    monkeypatch.setattr(check_command, "check_one", spy_check)
    monkeypatch.setattr(sarif.LogWriter, "add", spy_add)
    code, out, _ = run(capsys, "check", "--jobs", "1", "--format", "sarif", *STREAMED)
    assert code == 1 and len(sources) == 3 and alive == [0, 0, 0]
    expected = sarif.to_sarif([FileResult(p, read_source(open(p, "rb").read(), p), check_file(pathlib.Path(p)))
                               for p in STREAMED])
    assert out == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------
#  escaping and colour
# ---------------------------------------------------------------------------
MARKUP = "[bold]Other[/] Events [link=https://example.com]x"


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "filing_grammar", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=60)


def test_filing_text_is_never_read_as_markup():
    path = str(BROKEN / "15_markup_in_title.txt")
    plain = _cli("check", path, env={"NO_COLOR": "", "FORCE_COLOR": ""})
    assert MARKUP in plain.stdout
    assert "\x1b" not in plain.stdout  # not a terminal: no escape codes
    colour = _cli("check", path, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" in colour.stdout
    assert "\x1b]8;" not in colour.stdout  # no hyperlink made from the filing's [link=...]
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", colour.stdout)
    assert MARKUP in stripped
    # the source line is quoted as typed, too
    assert "126 | Item 8.01- " + MARKUP in stripped


def test_no_color_is_honoured():
    out = _cli("check", str(BROKEN / "06_missing_signature.txt"),
               env={"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"}).stdout
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m|\x1b\[[0-9;]*;3[0-7]", out)  # no colour codes
    assert "error[FG401]" in re.sub(r"\x1b\[[0-9;]*m", "", out)


# ---------------------------------------------------------------------------
#  the corpus: nothing crashes, and errors only where the audit found them
# ---------------------------------------------------------------------------
# Files of the corpus (text 8-Ks) with an error, judged by eye (see README):
#  103: signed 2005-02-09, date of report 2005-02-11 (a real FG403)
KNOWN_ERRORS = {"103": {"FG403"}}


@needs_corpus
def test_corpus_text_8ks_have_errors_only_where_the_audit_found_them():
    found = {}
    for row in corpus_rows("8-K-text"):
        path = CORPUS / "files" / row["file"]
        errors = {d.code for d in check_file(path) if d.severity == "error"}
        if errors:
            found[row["file"][:3]] = errors
    assert found == KNOWN_ERRORS


@needs_corpus
def test_checks_run_on_every_corpus_file():
    for row in corpus_rows(""):
        path = CORPUS / "files" / row["file"]
        src = read_source(path.read_bytes(), str(path))
        tree, filing = parse_source(src)
        ds = check_source(src)
        if not filing.is_8k:
            assert [d.code for d in ds] == ["FG101"], row["file"]


@needs_corpus
def test_html_8ks_get_no_errors():
    for row in corpus_rows("8-K-html"):
        ds = check_file(CORPUS / "files" / row["file"])
        assert not [d for d in ds if d.severity == "error"], row["file"]


def test_fg107_an_html_8k_without_items_gets_one_warning():
    html = ("<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<HTML><BODY><P>UNITED STATES</P>"
            "<P>FORM 8-K</P><P>Nothing else.</P></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n")
    [d] = check_source(read_source(html, "x.htm"))
    assert (d.code, d.line) == ("FG107", 4)


def test_long_lines_are_shown_cut_around_the_span():
    import io
    from filing_grammar.checks import Diagnostic, Label
    from filing_grammar.records import Span
    from filing_grammar.render.diagnostics import FileResult, plain_console, render_rich
    line = "x" * 400 + " Item 8.01 Press Release " + "y" * 400
    src = read_source("first\n" + line + "\n", "long.txt")
    start = line.index("Item")
    d = Diagnostic("FG304", "warning", "m", Label(Span(2, start + 1, 2, start + 10), "here"))
    buf = io.StringIO()
    render_rich(plain_console(buf), [FileResult("long.txt", src, [d])])
    out = buf.getvalue().splitlines()
    assert max(len(text) for text in out) < 200
    shown = next(text for text in out if text.startswith("2 |"))
    caret = next(text for text in out if "^" in text)
    assert shown.startswith("2 | ...xxx") and shown.endswith("yyy...")
    assert shown[caret.index("^"):].startswith("Item 8.01")
    assert caret.endswith("^^^^^^^^^ here")


def test_the_diagnostic_pasted_in_the_readme_is_current(capsys, monkeypatch):
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ filing-grammar check samples/broken/05_item_13.txt --select FG302\n")[1]
    block = block.split("```")[0]
    monkeypatch.chdir(SAMPLES.parent)
    _, out, _ = run(capsys, "check", "samples/broken/05_item_13.txt", "--select", "FG302")
    assert out == block


# ---------------------------------------------------------------------------
#  rules without a broken sample of their own: one edit of a good sample each
# ---------------------------------------------------------------------------
def edited(sample: str, *edits: tuple[int, str, str], delete: tuple[int, int] | None = None):
    lines = (SAMPLES / sample).read_text(encoding="latin-1").split("\n")
    for n, old, new in edits:
        assert old in lines[n - 1], (n, lines[n - 1])
        lines[n - 1] = lines[n - 1].replace(old, new)
    if delete:
        del lines[delete[0] - 1:delete[1]]
    return [(d.code, d.line) for d in check_source(read_source("\n".join(lines), sample))]


S020 = "020_EXPERTELLIGENCE_0001164150-07-000163.txt"
S111 = "111_ec_1001426_8K_2005_0001275287-05-000056.txt"
S059 = "059_ec_109446_8K_1994_0000109446-94-000005.txt"


def test_fg303_item_not_yet_in_force():
    # 5.08 exists from 2011-09-20; this filing is dated 2007-11-19
    assert ("FG303", 126) in edited(S020, (126, "Item 8.01- Other Events",
                                           "Item 5.08- Shareholder Director Nominations"))


def test_fg302_old_number_in_a_decimal_era_filing_gets_the_new_number():
    ds = check_source(read_source((SAMPLES / S020).read_text().replace(
        "Item 8.01- Other Events", "Item 5. Other Events"), S020))
    [d] = [d for d in ds if d.code == "FG302"]
    assert d.help == "old item 5 became item 8.01 (Other Events)"


def test_fg306_duplicate_item():
    got = edited(S111, (122, "ITEM 9.01.", "ITEM 5.02."))
    assert ("FG306", 122) in got


def test_fg402_signature_without_signer():
    got = edited(S020, (159, "By: /s/ Jason Smart", ""), delete=(161, 162))
    assert ("FG402", 147) in got


def test_fg404_impossible_signature_date():
    assert edited(S020, (159, "November 19, 2007", "November 31, 2007")) == [("FG404", 159)]


def test_fg405_signature_without_date():
    got = edited(S059, (129, "March 22, 1994", "              "))
    assert [c for c in got if c[0] == "FG405"] == [("FG405", 119)]


def test_fg301_no_items():
    got = edited(S020, (126, "Item 8.01- Other Events", "Other Events"))
    assert ("FG301", 147) in got


def test_fg102_malformed_header_line():
    got = edited(S020, (16, "PUBLIC DOCUMENT COUNT:", "]PUBLIC DOCUMENT COUNT"))
    assert got == [("FG102", 16)]


def test_fg502_exhibit_not_listed():
    text = (SAMPLES / S111).read_text(encoding="latin-1")
    extra = "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>3\n<TEXT>\nA second release.\n</TEXT>\n</DOCUMENT>\n"
    text = text.replace("</SEC-DOCUMENT>", extra + "</SEC-DOCUMENT>", 1)
    src = read_source(text, "x.txt")
    got = [(d.code, d.primary.span.line) for d in check_source(src) if d.code.startswith("FG50")]
    assert got == [("FG502", src.text[:src.text.index("<TYPE>EX-99.2")].count("\n") + 1)]
    # renumbered, the one exhibit is one diagnostic (FG503), not a FG501 and a FG502
    assert [c for c, _ in edited(S111, (153, "EX-99.1", "EX-99.7")) if c.startswith("FG50")] == ["FG503"]
    # written loosely, 99 stands for 99.1
    assert not {"FG501", "FG502"} & {c for c, _ in edited(S111, (153, "EX-99.1", "EX-99"))}


def test_fg104_period_of_report_disagrees():
    assert edited(S020, (17, "20071119", "20071109")) == [("FG104", 73)]


def test_fg202_garbled_date_points_at_the_garbled_text():
    got = edited("002_15025ed101fcb0cd.txt", (17, "October 28, 2003", "Octobr 28, 2003"))
    assert got == [("FG202", 17)]
    assert edited(S020, (73, "November 19, 2007", "Novembr 19, 2007")) == [("FG202", 73)]


# ---------------------------------------------------------------------------
#  any input: the checks never raise, and every span lies in the text
# ---------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINES = sorted({line for p in SAMPLES.glob("*.txt")
                 for line in p.read_text(encoding="latin-1").split("\n")})


@property_runs(80)
def test_checks_on_shuffled_filing_lines_never_raise(max_examples):
    from filing_grammar.render.diagnostics import FileResult, plain_console, render_rich
    from filing_grammar.render.sarif import to_sarif
    import io

    @settings(max_examples=max_examples, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(_LINES), max_size=120))
    def prop(lines):
        src = read_source("\n".join(lines), "f.txt")
        ds = check_source(src)
        n_lines = max(1, len(src.line_starts))
        for d in ds:
            s = d.primary.span
            assert 1 <= s.line <= s.end_line <= n_lines, d
            assert s.column >= 1 and (s.end_line > s.line or s.end_column > s.column), d
            assert d.message and d.message[-1] != "." and not d.message[0].isupper(), d.message
        render_rich(plain_console(io.StringIO()), [FileResult("f.txt", src, ds)])
        to_sarif([FileResult("f.txt", src, ds)])
    prop()


def test_check_writes_sarif_to_a_file(capsys, tmp_path):
    out = tmp_path / "report.sarif"
    code, stdout, _ = run(capsys, "check", "--format", "sarif", "-o", str(out),
                          str(BROKEN / "06_missing_signature.txt"), str(SAMPLES / SEEDS[0]))
    assert code == 1 and stdout == ""
    log = json.loads(out.read_text())
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["FG401"]


def test_fg304_help_gives_the_title_in_force_on_the_date_of_report():
    [d] = [d for d in check_file(SAMPLES / S111) if d.code == "FG304"]
    assert d.help == ("the official title of item 5.02 is `Departure of Directors or Principal "
                      "Officers; Election of Directors; Appointment of Principal Officers`")


def test_fg501_not_reported_for_a_starred_exhibit_incorporated_by_reference():
    broken = (BROKEN / "13_exhibit_not_filed.txt").read_text(encoding="latin-1").split("\n")
    assert "FG501" in {d.code for d in check_source(read_source("\n".join(broken), "x"))}
    broken[125] = broken[125].replace("99.1    ", "99.1*   ")
    broken.insert(129, "* Incorporated by reference to the Company's Form 8-K of May 1, 2004.")
    assert "FG501" not in {d.code for d in check_source(read_source("\n".join(broken), "x"))}


def test_fg602_exhibit_heading_that_takes_in_items_and_the_signature():
    lines = (SAMPLES / S020).read_text().split("\n")
    lines[143:143] = ["", "Exhibit 99.1", "", "Item 9.01 Financial Statements and Exhibits", "",
                      "  99.1  Press release"]
    ds = check_source(read_source("\n".join(lines), "x"))
    assert [(d.code, d.line) for d in ds] == [("FG602", 145)]  # and no FG401
    assert ds[0].secondary[0].span.line == 147


def test_fg205_missing_telephone_points_at_its_caption():
    assert edited(S020, (92, "(416) 554-6546", "")) == [("FG205", 92)]


def test_fg206_no_cover_page():
    assert edited(S020, delete=(62, 125)) == [("FG206", 62)]


def test_every_rule_is_exercised_by_a_test_or_a_broken_sample():
    here = pathlib.Path(__file__).read_text()
    broken = " ".join(p.read_text() for p in BROKEN.glob("*.expect.json"))
    for r in RULES:
        assert r.code in here or r.code in broken, f"{r.code} is never checked"


def test_fg207_misprinted_irs_number_is_read_and_reported():
    # 002_ROCK_0000084581-00-500009 prints "03-153200" (eight digits)
    assert edited(SEEDS[0], (28, "95-4449516", "95-449516")) == [("FG207", 28)]
    lines = (SAMPLES / SEEDS[0]).read_text().replace("95-4449516", "95-449516")
    from filing_grammar import parse

    assert parse(lines).cover.irs_employer_id == "95-449516"


def test_fg108_filed_after_the_deadline():
    # 111: event January 7, 2005 (a Friday), due Thursday January 13
    assert ("FG108", 20) in edited(S111, (20, "20050110", "20050118"))
    assert "FG108" not in {c for c, _ in edited(S111, (20, "20050110", "20050113"))}


def test_fg209_printed_and_tagged_values_agree_on_the_sample():
    # tests/test_reading.py breaks it on purpose; here the real filing is quiet
    html = (SAMPLES / "037_form8K_Blackrock.htm").read_text(encoding="utf-8")
    assert "FG209" not in {d.code for d in check_source(read_source(html, "b.htm"))}


def test_fg504_fg505_item_list_against_the_index():
    # the seed lists 99.1 under Item 7 (line 98) and in its Exhibit Index (line 143)
    got = edited(SEEDS[0], (143, "99.1  LEHMAN", "99.2  LEHMAN"))
    assert ("FG504", 98) in got and ("FG505", 143) in got


def test_fg210_misprinted_telephone_is_read_and_reported():
    assert edited(SEEDS[0], (40, "(818) 225-3240", "(818) 225-324")) == [("FG210", 40)]


def test_fg208_misprinted_file_number_is_read_and_reported():
    assert edited(SEEDS[0], (28, "333-92152", "333-9215X")) == [("FG208", 28)]


def test_fg304_accepts_part_of_the_official_title_under_a_combined_heading():
    # 133_ec_1002682_8K_2008: "Items 1.01(a) and 5.02(e) Amendment of a Material
    # Definitive Agreement; Compensatory Arrangements of Certain Officers"
    lines = (SAMPLES / "111_ec_1001426_8K_2005_0001275287-05-000056.txt").read_text(encoding="latin-1")
    assert "ITEM 9.01" in lines
    text = lines.replace(
        "ITEM 9.01", "ITEMS 1.01 AND 5.02 AMENDMENT OF A MATERIAL DEFINITIVE AGREEMENT; "
                     "COMPENSATORY ARRANGEMENTS OF CERTAIN OFFICERS\n\nITEM 9.01", 1)
    got = [(d.code, d.message) for d in check_source(read_source(text, "x")) if d.code == "FG304"]
    assert any("item 1.01 is titled `AMENDMENT OF A MATERIAL" in m for _, m in got)
    assert not any("item 5.02 is titled `COMPENSATORY" in m for _, m in got)


def test_broken_samples_are_what_make_broken_writes():
    """samples/broken/*.txt and *.expect.json match their generator."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_broken", BROKEN / "make_broken.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name, (sample, edit, expect, what) in mod.CASES.items():
        lines = (SAMPLES / sample).read_text(encoding="latin-1").split("\n")
        edit(lines)
        assert (BROKEN / f"{name}.txt").read_text(encoding="latin-1") == "\n".join(lines), name
        written = json.loads((BROKEN / f"{name}.expect.json").read_text())
        assert [(e["code"], e["line"]) for e in written["expect"]] == list(expect), name


def test_fg211_misprinted_zip_code_is_read_and_reported():
    assert edited(SEEDS[0], (35, "91302", "9130 ")) == [("FG211", 35)]
    assert edited(SEEDS[0], (35, "91302", "91302-0001")) == []
