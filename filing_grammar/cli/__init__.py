"""The ``filing-grammar`` command line: ``parse``, ``tree``, ``check``,
``rules``,
``explain``, ``report``.

One module per command (``parse``, ``tree``, ``check``, ``rules`` with
``explain``), each with ``register(subparsers)`` and ``run(args) -> int``;
what they share (safe input, atomic output, signals, one-line messages and
the exit codes) is in :mod:`.io`.  The exit codes are defined once, in
:class:`.io.Exit`; ``filing-grammar --help`` prints them.

``python -m filing_grammar`` and ``python -m filing_grammar.cli`` run
:func:`entry`.
"""

from __future__ import annotations

import argparse
from typing import Sequence

from .. import __version__
from . import check, parse, report, rules, tree
from .io import PROG, catch_sigterm, exit_codes_help, flush_stdout, guarded

__all__ = ["main", "entry", "build_parser"]

COMMANDS = (parse, tree, check, rules, report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read SEC Form 8-K filings with a formal grammar: records, trees, checks.",
        epilog=exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv``; the exit code (never raises)."""
    def run() -> int:
        args = build_parser().parse_args(argv)
        return args.func(args)
    return guarded(run)


def entry() -> None:
    """Console-script entry point."""
    catch_sigterm()
    code = main()
    flush_stdout()
    raise SystemExit(code)
