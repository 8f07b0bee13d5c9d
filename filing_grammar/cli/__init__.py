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
import importlib
import sys
from typing import Sequence

from .. import __version__
from .io import PROG, catch_sigterm, exit_codes_help, finish, flush_stdout, guarded

__all__ = ["main", "entry", "build_parser"]

# The command modules, in the order --help lists them, and the commands each
# registers (rules also registers explain).
COMMANDS = {"parse": ("parse",), "tree": ("tree",), "check": ("check",), "rules": ("rules", "explain"),
            "report": ("report",)}


def _named(argv: Sequence[str]) -> str | None:
    """The command module ``argv`` runs: its first word that is not an option
    (the top level has no option that takes a value); None if that names none."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return next((m for m, names in COMMANDS.items() if word in names), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser.  Given ``argv`` that names a command, only
    that command is registered and its module loaded (start-up: a run needs
    one); otherwise every one, so that --help and a mistyped command see all."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read SEC Form 8-K filings with a formal grammar: records, trees, checks.",
        epilog=exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    only = None if argv is None else _named(argv)
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv``; the exit code (never raises)."""
    args_in = list(sys.argv[1:] if argv is None else argv)

    def run() -> int:
        args = build_parser(args_in).parse_args(args_in)
        return args.func(args)
    return guarded(run)


def entry() -> None:
    """Console-script entry point."""
    catch_sigterm()
    code = main()
    flush_stdout()
    finish(code)  # (exits without the interpreter's teardown: io.finish)
