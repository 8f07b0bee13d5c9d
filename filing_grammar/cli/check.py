"""``filing-grammar check``: diagnostics of filings against the rules of
Form 8-K (see ``rules`` and ``explain``)."""

from __future__ import annotations

import argparse
import io
import json

from ..api import parse_source
from ..checks import run_checks
from ..checks.diagnostic import Diagnostic, Severity
from ..checks.rules import select_codes
from ..source import Source
from .io import PROG, STDIN_NAME, Exit, console, err, exit_codes_help, run_each, write_output


def _codes(value: str) -> list[str]:
    return [c for c in value.split(",") if c.strip()]


def register(subparsers) -> None:
    c = subparsers.add_parser("check", help="check filings against the rules of Form 8-K",
                              description="Check filings and report diagnostics (see `rules`, `explain`).",
                              epilog=exit_codes_help("check"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("paths", nargs="+", metavar="PATH", help="filing files ('-' reads standard input)")
    c.add_argument("--format", choices=("rich", "concise", "json", "sarif"), default="rich")
    c.add_argument("--select", type=_codes, metavar="CODES",
                   help="only these codes or prefixes, comma-separated (FG201,FG3)")
    c.add_argument("--ignore", type=_codes, metavar="CODES",
                   help="leave out these codes or prefixes, comma-separated")
    c.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    c.set_defaults(func=run)


def check_one(src: Source, codes) -> list[Diagnostic]:
    """The diagnostics of one file: the one place the command line parses and
    checks a source."""
    tree, filing = parse_source(src)
    return run_checks(src, tree, filing, codes)


def run(args) -> int:
    from ..render.diagnostics import FileResult, render_concise, render_rich, to_json
    try:
        codes = select_codes(args.select, args.ignore)
    except ValueError as exc:
        err(f"check: {exc} (see `{PROG} rules`)")
        return Exit.USAGE
    status: list[int] = []
    results: list[FileResult] = []

    def work(src: Source) -> int:
        diagnostics = check_one(src, codes)
        results.append(FileResult(src.path or STDIN_NAME, src, diagnostics))
        return Exit.FINDINGS if any(d.severity == Severity.ERROR for d in diagnostics) else Exit.OK

    run_each(args.paths, work, status)
    if args.format == "concise":
        write_output(render_concise(results), args.output)
    elif args.format == "json":
        payload = [to_json(r) for r in results]
        if len(args.paths) == 1:
            payload = payload[0] if payload else None
        # always one JSON document: null when the only path could not be read
        write_output(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", args.output)
    elif args.format == "sarif":
        from ..render.sarif import to_sarif
        write_output(json.dumps(to_sarif(results), indent=2, ensure_ascii=False) + "\n", args.output)
    else:
        buf = io.StringIO() if args.output else None
        render_rich(console(buf), results)
        if buf is not None:
            write_output(buf.getvalue(), args.output)
    return max(status, default=Exit.OK)
