"""The command line: formats, exit codes, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from filing_grammar.cli import build_parser, main
from filing_grammar.cli.io import Exit, exit_codes_markdown

from .conftest import ROOT, SAMPLES

SEED1 = str(SAMPLES / "000_baa583cdd3fdc5f0.txt")
SEED2 = str(SAMPLES / "002_15025ed101fcb0cd.txt")


def run(*args, stdin: bytes | None = None):
    proc = subprocess.run([sys.executable, "-m", "filing_grammar", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=60)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_parse_json_one_object_per_file(capsys):
    assert main(["parse", SEED1]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one["cover"]["registrant_name"] == "CWMBS, INC."
    assert main(["parse", SEED1, SEED2]) == 0
    many = json.loads(capsys.readouterr().out)
    assert [r["cover"]["commission_file_number"] for r in many] == ["333-92152", "333-103821"]


def test_parse_table_prints_fields(capsys):
    assert main(["parse", SEED1, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "CWMBS, INC." in out and "Darren Bigby" in out and "99.1" in out


def test_tree_json_shape(capsys):
    assert main(["tree", SEED1, "--format", "json"]) == 0
    tree = json.loads(capsys.readouterr().out)
    assert tree["rule"] == "start"
    tokens = []

    def walk(n):
        if "token" in n:
            tokens.append(n)
        else:
            for c in n["children"]:
                walk(c)

    walk(tree)
    assert "".join(t["text"] for t in tokens) == open(SEED1).read()
    assert tokens[0] == {"token": "COMMISSION", "text": "SECURITIES AND EXCHANGE COMMISSION\n",
                         "line": 1, "column": 1}


def test_tree_text_and_rich(capsys):
    assert main(["tree", SEED1, "--format", "text"]) == 0
    assert "ITEM_HEADING 48: 'Item 5.       Other Events.\\n'" in capsys.readouterr().out
    assert main(["tree", SEED1]) == 0
    assert "cover_page" in capsys.readouterr().out


def test_unmatched_text_exits_one(tmp_path, capsys):
    text = open(SEED1).read().replace("Item 7.", "<DOCUMENT>\nItem 7.", 1)
    p = tmp_path / "x.txt"
    p.write_text(text)
    assert main(["parse", str(p)]) == 1
    rec = json.loads(capsys.readouterr().out)
    assert rec["unmatched"][0]["text"] == "<DOCUMENT>"


def test_unreadable_input_exits_two_with_one_line():
    code, out, err = run("parse", "/no/such/file.txt")
    assert code == 2
    assert err.strip() == "filing-grammar: /no/such/file.txt: no such file"
    assert "Traceback" not in err


def test_check_summary_counts_files_it_could_not_read(capsys):
    # not "no problems found in 0 files" when the file named could not be read
    assert main(["check", "/no/such/file.txt"]) == 2
    assert capsys.readouterr().out.strip() == "1 file could not be checked"
    assert main(["check", "/no/such/file.txt", SEED1, "--jobs", "1"]) == 2
    assert capsys.readouterr().out.strip().endswith("in 1 file; 1 file could not be checked")
    assert main(["check", "/no/such/file.txt", "/no/such/other.txt", SEED1, SEED2, "--jobs", "2"]) == 2
    assert capsys.readouterr().out.strip().endswith("in 2 files; 2 files could not be checked")


def test_the_exit_without_teardown_keeps_output_status_and_cache(tmp_path):
    # cli/io.finish: os._exit after the atexit handlers and the flushes; the
    # same bytes and exit status as the ordinary exit, and the regex cache
    # (written by an atexit handler) is there afterwards
    runs = {}
    for teardown in ("0", "1"):
        cache = tmp_path / f"cache{teardown}"
        env = dict(os.environ, FILING_GRAMMAR_CACHE=str(cache), FILING_GRAMMAR_TEARDOWN=teardown)
        for args in (("check", SEED1), ("parse", SEED1, SEED2), ("check", "/no/such/file.txt")):
            proc = subprocess.run([sys.executable, "-m", "filing_grammar", *args], capture_output=True,
                                  cwd=ROOT, env=env, timeout=60)
            runs[teardown, args] = proc.returncode, proc.stdout, proc.stderr
        assert list(cache.glob("regex-*.marshal")) and list(cache.glob("tables-*.pickle"))
    for args in {a for _, a in runs}:
        assert runs["0", args] == runs["1", args], args
    assert runs["0", ("check", "/no/such/file.txt")][0] == 2 and runs["0", ("parse", SEED1, SEED2)][1]


def test_usage_error_exits_two():
    code, _, err = run("parse", "--format", "nope", SEED1)
    assert code == 2 and "invalid choice" in err


def test_stdin_and_output_file(tmp_path):
    out = tmp_path / "rec.json"
    code, _, err = run("parse", "-", "-o", str(out), stdin=open(SEED1, "rb").read())
    assert code == 0, err
    assert json.loads(out.read_text())["path"] == "<stdin>"


def test_help_lists_exit_codes():
    code, out, _ = run("parse", "--help")
    assert code == 0 and "exit codes" in out and "130" in out


def _help(command: str | None) -> str:
    parser = build_parser()
    if command is not None:
        parser = next(a for a in parser._actions if a.dest == "command").choices[command]
    return parser.format_help()


@pytest.mark.parametrize("command", [None, "parse", "tree", "check"])
def test_help_lists_every_exit_code_with_its_meaning(command):
    text = _help(command)
    for e in Exit:
        meaning = e.check if command == "check" else e.meaning
        assert f"\n  {e.value:<4} {meaning}\n" in text, (command, e.name)
        if command is None and e.check != e.meaning:
            assert f"check: {e.check}\n" in text, e.name


def test_readme_exit_code_table_is_the_one_in_cli_io():
    """The exit codes are defined once (cli/io.py Exit); README.md shows a copy."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    begin = "<!-- exit codes: from filing_grammar/cli/io.py; tests/test_cli.py compares -->"
    end = "<!-- end of exit codes -->"
    assert readme.count(begin) == 1 and readme.count(end) == 1
    table = readme[readme.index(begin) + len(begin):readme.index(end)].strip("\n") + "\n"
    assert table == exit_codes_markdown(), (
        "README.md's exit-code table differs from filing_grammar/cli/io.py; paste this:\n"
        + exit_codes_markdown())


@pytest.mark.parametrize("markup", ["[bold]x[/bold]", "[link=http://e.x]y[/link]", "[/]"])
def test_filing_text_is_not_rich_markup(tmp_path, markup, capsys):
    text = open(SEED1).read().replace("CWMBS, INC.\n", f"CWMBS {markup}\n", 1)
    p = tmp_path / "m.txt"
    p.write_text(text)
    assert main(["parse", str(p), "--format", "table"]) == 0
    assert markup in capsys.readouterr().out
    assert main(["tree", str(p)]) in (0, 1)
    assert markup in capsys.readouterr().out


def test_a_run_registers_only_its_command_and_help_lists_them_all():
    import subprocess
    import sys
    code = ("import sys; from filing_grammar.cli import build_parser; "
            "build_parser(sys.argv[1:]); print(sorted(m for m in sys.modules if m.startswith('filing_grammar.cli.')))")
    def loaded(*argv):
        out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
        return out.stdout
    assert "filing_grammar.cli.report" not in loaded("check", "x.txt")
    assert "filing_grammar.cli.check" in loaded("check", "x.txt")
    assert "filing_grammar.cli.rules" in loaded("explain", "FG304")
    assert "filing_grammar.cli.report" in loaded("--help")
    choices = next(a for a in build_parser()._actions if a.dest == "command").choices
    assert set(choices) == {"parse", "tree", "check", "rules", "explain", "report"}


def test_tree_exits_as_parse_does_on_unmatched_text(tmp_path):
    """tree reads no records, and exits 1 where parse does (text the grammar
    could not place), 0 elsewhere."""
    paths = sorted((SAMPLES / "broken").glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))[:3]
    codes = []
    for path in paths:
        parse = main(["parse", str(path), "-o", str(tmp_path / "r.json")])
        assert main(["tree", str(path), "--format", "text", "-o", str(tmp_path / "t.txt")]) == parse, path.name
        codes.append(parse)
    assert set(codes) == {0, 1}
