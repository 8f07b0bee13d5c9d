"""Coverage-guided fuzzing of the command line (atheris): the slow target,
a few inputs a second.  ``fuzz/fuzz_parse.py`` fuzzes the library in process
(parse, tree, records, checks, the lossless invariant) hundreds of times
faster; run this one for what only the command line does.

    .venv/bin/python fuzz/fuzz_cli.py [libFuzzer options] [CORPUS_DIR ...]
    make fuzz-cli                 # FUZZ_SECONDS=1800 by default

Every input (arbitrary bytes), written to a file as a user's batch would be,
must go through the command line (``parse``, ``tree`` and ``check`` as JSON,
and for one input in four ``parse --format table``, ``check --format rich``
and ``check --format sarif``) with exit code 0 or 1, valid JSON on stdout where
JSON (or SARIF) was asked, and
nothing on stderr (exit 3, "internal error", is exactly what we hunt).

Crashes are written as ``crash-*`` files by libFuzzer; each one found becomes
a regression test in ``tests/hostile/``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import zlib

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seeds import ROOT, fuzz_argv  # noqa: E402

sys.path.insert(0, ROOT)

with atheris.instrument_imports(include=["filing_grammar"]):
    from filing_grammar import cli
    from filing_grammar.cli import check, parse, rules, tree  # noqa: F401 - every command, instrumented

# The CLI reads its input from a file, as a user's batch would.
_SCRATCH = os.path.join(tempfile.mkdtemp(prefix="fg-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None), "input.txt")


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(args)
    return code, out.getvalue(), err.getvalue()


def check_cli(data: bytes) -> None:
    with open(_SCRATCH, "wb") as fh:
        fh.write(data)
    runs = [(["parse", _SCRATCH], True), (["tree", _SCRATCH, "--format", "json"], True),
            (["check", _SCRATCH, "--format", "json"], True)]
    if zlib.crc32(data) % 4 == 0:  # rich output is slow: one input in four
        runs.append((["parse", _SCRATCH, "--format", "table"], False))
        runs.append((["check", _SCRATCH, "--format", "rich"], False))
        runs.append((["check", _SCRATCH, "--format", "sarif"], True))  # (its log written as results come)
    for args, is_json in runs:
        code, out, err = run_cli(args)
        if code not in (0, 1) or err:
            raise AssertionError(f"{args[0]} {' '.join(args[2:])}: exit {code}, stderr {err!r}")
        if is_json:
            json.loads(out)


def test_one_input(data: bytes) -> None:
    check_cli(data)


def main() -> None:
    atheris.Setup(fuzz_argv(sys.argv, timeout=20), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
