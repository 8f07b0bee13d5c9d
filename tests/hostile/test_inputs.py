"""Every hostile input through every command and format: exit 0 or 1, no
message, no traceback, valid JSON where JSON was asked, a few seconds each."""

from __future__ import annotations

import json
import time

import pytest

import filing_grammar as fg
from filing_grammar.cli import main

from ..conftest import assert_lossless
from .inputs import ANSI, CASES, MANY_LINES, MARKUP, case_params
from .util import FORMATS, assert_clean_result, run, time_limit

LIGHT = [name for name in CASES if name not in MANY_LINES]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Each case written once to a file of the module's temp dir."""
    d = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, make in CASES.items():
        p = d / f"{name}.txt"
        p.write_bytes(make())
        paths[name] = p
    return paths


@pytest.mark.parametrize("name", case_params(CASES))
def test_api_is_lossless(name, files):
    data = files[name].read_bytes()
    with time_limit(60):
        src = fg.read_source(data)
        tree = fg.parse_tree(data)
        record = fg.parse(data).to_dict()
    assert_lossless(tree, src.text)
    json.dumps(record)
    src.text.encode("utf-8")  # no lone surrogate: always writable as UTF-8


@pytest.mark.parametrize("command,fmt", FORMATS, ids=[f"{c}-{f}" for c, f in FORMATS])
@pytest.mark.parametrize("name", case_params(LIGHT))
def test_every_format(name, command, fmt, files, capsys):
    with time_limit(60):
        code = main([command, str(files[name]), "--format", fmt])
    out, err = capsys.readouterr()
    assert_clean_result(code, out, err, fmt)
    if name in ("rich-markup", "ansi-escapes") and fmt not in ("json", "sarif"):
        # filing text prints as text: no markup read, no escape sent raw
        assert "\x1b" not in out
        if name == "rich-markup" and command == "parse":
            assert _squeeze(MARKUP) in _squeeze(out)


@pytest.mark.parametrize("name", case_params(sorted(MANY_LINES)))
@pytest.mark.parametrize("command", sorted({c for c, f in FORMATS if f == "json"}))
def test_many_lines_as_json(name, command, files, capsys):
    with time_limit(120):
        code = main([command, str(files[name]), "--format", "json"])
    out, err = capsys.readouterr()
    assert_clean_result(code, out, err, "json")


@pytest.mark.parametrize("name", case_params(CASES))
def test_as_a_process(name, files):
    """End to end through the console entry: exit code, stderr, JSON, time."""
    start = time.monotonic()
    proc = run(["parse", str(files[name])], timeout=120)
    elapsed = time.monotonic() - start
    assert_clean_result(proc.returncode, proc.stdout.decode(), proc.stderr.decode(), "json")
    record = json.loads(proc.stdout)
    assert record["path"] == str(files[name])
    print(f"{name}: {elapsed:.1f} s")


def _squeeze(text: str) -> str:
    """Text without spaces, newlines and box drawing (a table wraps values)."""
    return "".join(c for c in text if not c.isspace() and not 0x2500 <= ord(c) <= 0x257F)


def test_markup_and_escapes_print_literally(files, capsys):
    assert main(["parse", str(files["rich-markup"]), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert _squeeze(f"CWMBS {MARKUP}") in _squeeze(out)
    assert main(["parse", str(files["ansi-escapes"]), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and _squeeze("\\x1b[31mRED\\x1b[0m") in _squeeze(out)
    assert main(["parse", str(files["ansi-escapes"])]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["cover"]["registrant_name"] == f"CWMBS {ANSI}".rstrip()
    assert main(["tree", str(files["ansi-escapes"]), "--format", "text"]) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_stdin_dash(files):
    for name in ("utf16-bom", "random-bytes", "empty", "crlf"):
        data = files[name].read_bytes()
        proc = run(["parse", "-"], stdin=data)
        assert_clean_result(proc.returncode, proc.stdout.decode(), proc.stderr.decode(), "json")
        rec = json.loads(proc.stdout)
        assert rec["path"] == "<stdin>"
        assert rec == json.loads(run(["parse", str(files[name])]).stdout) | {"path": "<stdin>"}
