"""``filing-grammar check``: diagnostics of filings against the rules of
Form 8-K (see ``rules`` and ``explain``).

Like ``parse``, it writes each file's result as soon as the file is checked
(SARIF too: one log for the whole run, its results written file by file), so
a batch takes the memory of its largest file.
"""

from __future__ import annotations

import argparse

from typing import TYPE_CHECKING

from . import batch
from .io import PROG, Exit, JsonDocument, err, exit_codes_help, plain_target, rendered

if TYPE_CHECKING:  # pragma: no cover
    from ..checks.diagnostic import Diagnostic
    from ..source import Source


def _codes(value: str) -> list[str]:
    return [c for c in value.split(",") if c.strip()]


def register(subparsers) -> None:
    c = subparsers.add_parser("check", help="check filings against the rules of Form 8-K",
                              description="Check filings and report diagnostics (see `rules`, `explain`).",
                              epilog=exit_codes_help("check"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("paths", nargs="+", metavar="PATH",
                   help="filing files, directories, globs, .zip/.tar.gz archives ('-' reads standard input)")
    c.add_argument("--format", choices=("rich", "concise", "json", "sarif", "jsonl", "parquet"), default="rich")
    c.add_argument("--select", type=_codes, metavar="CODES",
                   help="only these codes or prefixes, comma-separated (FG201,FG3)")
    c.add_argument("--ignore", type=_codes, metavar="CODES",
                   help="leave out these codes or prefixes, comma-separated")
    c.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout "
                   "(jsonl: in place, line by line, for --resume)")
    batch.add_options(c)
    c.set_defaults(func=run)


def check_one(src: Source, codes) -> list[Diagnostic]:
    """The diagnostics of one file: the one place the command line parses and
    checks a source."""
    from ..api import parse_source
    from ..checks import run_checks
    parsed, filing = parse_source(src)
    return run_checks(src, parsed, filing, codes)


def run(args) -> int:
    from ..checks.rules import select_codes
    try:
        codes = select_codes(args.select, args.ignore)
    except ValueError as exc:
        err(f"check: {exc} (see `{PROG} rules`)")
        return Exit.USAGE
    return batch.run(args, "check", lambda out, single, target: _REPORTS[args.format](out, single, target),
                     codes=codes, check=check_one)


# ---------------------------------------------------------------------------
#  reports: add(payload) as each file is checked (what batch.process made of
#  it), close() at the end
# ---------------------------------------------------------------------------
class _Rich:
    """rustc-style diagnostics, then one summary line counted as we went.

    rich is loaded only when there is something to draw: a file without
    diagnostics prints nothing, and the summary line, when no colour can be
    shown (not a terminal, ``-o FILE``), is the line as rich would print it."""

    def __init__(self, out, single, target) -> None:
        from ..render.diagnostics import Tally
        self.out, self.target, self.tally = out, target, Tally()

    def add(self, payload) -> None:
        text, severities = payload
        self.out.write(text)
        self.tally.files += 1
        self.tally.severities.update(severities)

    def failed(self) -> None:
        """A file that could not be checked (batch.run calls this of a report that has it)."""
        self.tally.failed += 1

    def close(self) -> None:
        line = self.tally.line()
        if not self.target.made and plain_target(self.target.output):
            self.out.write(line + "\n")  # rich prints it so, soft-wrapped, when it shows no style
            return
        from ..render.diagnostics import render_summary
        self.out.write(rendered(self.target, lambda c: render_summary(c, line)))


class _Concise:
    """One line per diagnostic."""

    def __init__(self, out, single, target) -> None:
        self.out = out

    def add(self, payload) -> None:
        self.out.write(payload)

    def close(self) -> None:
        pass


class _Json:
    """An array of records, or the one record of a single path (null when it
    could not be read): one JSON document, written a record at a time."""

    def __init__(self, out, single, target) -> None:
        self.doc = JsonDocument(out, single=single)

    def add(self, payload) -> None:
        self.doc.add(payload)

    def close(self) -> None:
        self.doc.close()


class _Sarif:
    """One SARIF log, each file's results written as the file is checked
    (their texts: render.sarif.result_texts)."""

    def __init__(self, out, single, target) -> None:
        from ..render.sarif import LogWriter
        self.out, self.log = out, LogWriter(out.write)

    def add(self, payload) -> None:
        self.log.add(payload)

    def close(self) -> None:
        self.log.close()
        self.out.write("\n")


_REPORTS = {"rich": _Rich, "concise": _Concise, "json": _Json, "sarif": _Sarif}
