"""``filing-grammar rules`` (the rule catalogue) and ``filing-grammar
explain CODE`` (one rule in full)."""

from __future__ import annotations


from .io import PROG, Exit, console, err, write_output

_GENERATED = ("<!-- generated from filing_grammar/checks/rules.py by "
              "`python -m filing_grammar.checks.docs`; do not edit -->\n\n")


def register(subparsers) -> None:
    r = subparsers.add_parser("rules", help="list the rule catalogue")
    r.add_argument("--format", choices=("table", "json"), default="table")
    r.set_defaults(func=run)

    e = subparsers.add_parser("explain", help="explain one rule (e.g. FG601)")
    e.add_argument("code", metavar="CODE")
    e.add_argument("--format", choices=("text", "json"), default="text")
    e.set_defaults(func=run)


def run(args) -> int:
    return explain(args) if args.command == "explain" else rules(args)


def rules(args) -> int:
    from ..checks.rules import RULES
    if args.format == "json":
        import json
        write_output(json.dumps([r.to_dict() for r in RULES], indent=2) + "\n", None)
        return Exit.OK
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
    console().print(table)
    return Exit.OK


def explain(args) -> int:
    from ..checks.rules import SECTIONS, rule, rule_markdown
    r = rule(args.code)
    if r is None:
        err(f"explain: unknown rule {args.code!r} (see `{PROG} rules`; "
            f"sections: {', '.join(f'FG{k}xx {v}' for k, v in SECTIONS.items())})")
        return Exit.USAGE
    if args.format == "json":
        import json
        write_output(json.dumps(r.to_dict(), indent=2) + "\n", None)
    else:
        write_output(rule_markdown(r).replace(_GENERATED, ""), None)
    return Exit.OK
