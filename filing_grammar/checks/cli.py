"""The ``check``, ``rules`` and ``explain`` sub-commands (registered by
filing_grammar/cli.py)."""

from __future__ import annotations

import argparse
import io
import json

from .. import cli
from ..api import parse_source
from . import run_checks
from .diagnostic import Severity
from .rules import RULES, SECTIONS, rule, rule_markdown, select_codes

CHECK_EXIT = """\
exit codes:
  0    no errors (warnings allowed)
  1    at least one error
  2    usage error or unreadable input
  3    internal error in filing-grammar (please report it); other files still run
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)
"""


def _codes(value: str) -> list[str]:
    return [c for c in value.split(",") if c.strip()]


def register(sub) -> None:
    c = sub.add_parser("check", help="check filings against the rules of Form 8-K",
                       description="Check filings and report diagnostics (see `rules`, `explain`).",
                       epilog=CHECK_EXIT, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("paths", nargs="+", metavar="PATH", help="filing files ('-' reads standard input)")
    c.add_argument("--format", choices=("rich", "concise", "json", "sarif"), default="rich")
    c.add_argument("--select", type=_codes, metavar="CODES",
                   help="only these codes or prefixes, comma-separated (FG201,FG3)")
    c.add_argument("--ignore", type=_codes, metavar="CODES",
                   help="leave out these codes or prefixes, comma-separated")
    c.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    c.set_defaults(func=cmd_check)

    r = sub.add_parser("rules", help="list the rule catalogue")
    r.add_argument("--format", choices=("table", "json"), default="table")
    r.set_defaults(func=cmd_rules)

    e = sub.add_parser("explain", help="explain one rule (e.g. FG601)")
    e.add_argument("code", metavar="CODE")
    e.add_argument("--format", choices=("text", "json"), default="text")
    e.set_defaults(func=cmd_explain)


def cmd_check(args) -> int:
    from ..render.diagnostics import FileResult, render_concise, render_rich, to_json
    try:
        codes = select_codes(args.select, args.ignore)
    except ValueError as exc:
        cli._err(f"check: {exc} (see `{cli.PROG} rules`)")
        return cli.EXIT_USAGE
    status: list[int] = []
    results: list[FileResult] = []

    def work(src) -> int:
        tree, filing = parse_source(src)
        diagnostics = run_checks(src, tree, filing, codes)
        results.append(FileResult(src.path or "<stdin>", src, diagnostics))
        return cli.EXIT_FINDINGS if any(d.severity == Severity.ERROR for d in diagnostics) \
            else cli.EXIT_OK

    cli.run_each(args.paths, work, status)
    if args.format == "concise":
        cli.write_output(render_concise(results), args.output)
    elif args.format == "json":
        payload = [to_json(r) for r in results]
        if len(args.paths) == 1:
            payload = payload[0] if payload else None
        # always one JSON document: null when the only path could not be read
        cli.write_output(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", args.output)
    elif args.format == "sarif":
        from ..render.sarif import to_sarif
        cli.write_output(json.dumps(to_sarif(results), indent=2, ensure_ascii=False) + "\n",
                         args.output)
    else:
        buf = io.StringIO() if args.output else None
        console = cli._console(buf)
        render_rich(console, results)
        if buf is not None:
            cli.write_output(buf.getvalue(), args.output)
    return max(status, default=cli.EXIT_OK)


def cmd_rules(args) -> int:
    if args.format == "json":
        cli.write_output(json.dumps([r.to_dict() for r in RULES], indent=2) + "\n", None)
        return cli.EXIT_OK
    from rich.table import Table
    table = Table(box=None, pad_edge=False, show_edge=False)
    for col in ("code", "name", "severity", "summary"):
        table.add_column(col, no_wrap=col != "summary")
    section = None
    for r in RULES:
        if r.section != section:
            if section is not None:
                table.add_row("", "", "", "")
            section = r.section
        table.add_row(r.code, r.name, r.severity, r.summary)
    console = cli._console()
    console.print(table)
    return cli.EXIT_OK


def cmd_explain(args) -> int:
    r = rule(args.code)
    if r is None:
        cli._err(f"explain: unknown rule {args.code!r} (see `{cli.PROG} rules`; "
                 f"sections: {', '.join(f'FG{k}xx {v}' for k, v in SECTIONS.items())})")
        return cli.EXIT_USAGE
    if args.format == "json":
        cli.write_output(json.dumps(r.to_dict(), indent=2) + "\n", None)
    else:
        cli.write_output(rule_markdown(r).replace(
            "<!-- generated from filing_grammar/checks/rules.py by "
            "`python -m filing_grammar.checks.docs`; do not edit -->\n\n", ""), None)
    return cli.EXIT_OK
