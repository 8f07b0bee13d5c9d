"""The ``filing-grammar`` command line.

Exit codes (also in README.md and ``--help``):

  0    every file parsed and nothing was left unmatched (check: no errors)
  1    a file parsed with text left unmatched (check: at least one error)
  2    usage error, or an input that could not be read
  3    internal error: a bug in filing-grammar (the other files still run)
  130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
import tempfile
from typing import Callable, Iterator, Sequence

from . import __version__
from .api import parse_source, read_source
from .records import Filing

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXIT_CODES = """\
exit codes:
  0    parsed; nothing unmatched (check: no errors)
  1    parsed with unmatched text (check: at least one error)
  2    usage error or unreadable input
  3    internal error in filing-grammar (please report it); other files still run
  130  interrupted
"""

PROG = "filing-grammar"


class InputError(Exception):
    """An input that cannot be read: reported in one line, exit 2."""


def _err(message: str) -> None:
    sys.stderr.write(f"{PROG}: {message}\n")
    sys.stderr.flush()


def read_input(path: str) -> bytes:
    """Bytes of ``path`` ('-' is standard input); InputError if unreadable."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory")
        if os.path.exists(path) and not os.path.isfile(path):
            raise InputError(f"{path}: not a regular file")
        with open(path, "rb") as fh:
            return fh.read()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def iter_sources(paths: Sequence[str], status: list[int]) -> Iterator:
    """Yield decoded sources, reporting unreadable inputs (exit 2) as we go."""
    for path in paths:
        try:
            data = read_input(path)
        except InputError as exc:
            _err(str(exc))
            status.append(EXIT_USAGE)
            continue
        yield read_source(data, "<stdin>" if path == "-" else path)


def run_each(paths: Sequence[str], work: Callable, status: list[int]) -> None:
    """Run ``work(source)`` per file; a bug in our code is reported (exit 3)
    and the batch goes on."""
    for src in iter_sources(paths, status):
        try:
            status.append(work(src))
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except RecursionError:
            _err(f"{src.path}: internal error: input nests too deeply; please report this bug")
            status.append(EXIT_INTERNAL)
        except Exception as exc:  # noqa: BLE001 - the one place bugs are caught
            _err(f"{src.path}: internal error ({type(exc).__name__}: {exc}); "
                 "please report this bug with the file")
            status.append(EXIT_INTERNAL)


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to ``output`` (temp file + rename)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(prefix=".filing-grammar-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, output)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _console(stream=None):
    from rich.console import Console
    return Console(file=stream or sys.stdout, highlight=False, markup=False, emoji=False,
                   soft_wrap=False)


# ---------------------------------------------------------------------------
#  parse
# ---------------------------------------------------------------------------
def cmd_parse(args) -> int:
    status: list[int] = []
    records: list[dict] = []
    filings: list[Filing] = []

    def work(src) -> int:
        _, filing = parse_source(src)
        records.append(filing.to_dict())
        filings.append(filing)
        return EXIT_FINDINGS if filing.unmatched else EXIT_OK

    run_each(args.paths, work, status)
    if args.format == "json":
        payload = records[0] if len(args.paths) == 1 and records else records
        if len(args.paths) == 1 and not records:
            payload = None
        if payload is not None:
            write_output(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", args.output)
    else:
        from .render.table import render_filings
        buf = io.StringIO()
        console = _console(buf if args.output else None)
        render_filings(console, filings)
        if args.output:
            write_output(buf.getvalue(), args.output)
    return max(status, default=EXIT_OK)


# ---------------------------------------------------------------------------
#  tree
# ---------------------------------------------------------------------------
def cmd_tree(args) -> int:
    from .render import tree as tree_render
    status: list[int] = []

    def work(src) -> int:
        tree, filing = parse_source(src)
        if args.format == "json":
            write_output(json.dumps(tree_render.to_json(tree), indent=1, ensure_ascii=False) + "\n",
                         args.output)
        elif args.format == "text":
            write_output(tree_render.to_text(tree), args.output)
        else:
            buf = io.StringIO()
            console = _console(buf if args.output else None)
            console.print(tree_render.to_rich(tree, src.path))
            if args.output:
                write_output(buf.getvalue(), args.output)
        return EXIT_FINDINGS if filing.unmatched else EXIT_OK

    run_each([args.path], work, status)
    return max(status, default=EXIT_OK)


# ---------------------------------------------------------------------------
#  entry point
# ---------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read SEC Form 8-K filings with a formal grammar: records, trees, checks.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("parse", help="parse filings into JSON records",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="filing files ('-' reads standard input)")
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    p.set_defaults(func=cmd_parse)

    t = sub.add_parser("tree", help="print the lossless parse tree of a filing",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("path", metavar="PATH")
    t.add_argument("--format", choices=("rich", "json", "text"), default="rich")
    t.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    t.set_defaults(func=cmd_tree)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable]:
    """Further sub-commands (check, rules, explain) register themselves here."""
    out = []
    try:
        from .checks import cli as checks_cli
        out.append(checks_cli.register)
    except ImportError:
        pass
    return out


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `filing-grammar ... | head`: the reader went away; exit quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_OK
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def entry() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        pass  # BrokenPipeError is handled in main(); keep Python's default
    sys.exit(main())


if __name__ == "__main__":
    entry()
