"""``filing-grammar parse``: filings as JSON records, or as rich tables."""

from __future__ import annotations

import argparse

from .io import Exit, JsonDocument, exit_codes_help, output_stream, rendered, run_each, target_console


def register(subparsers) -> None:
    p = subparsers.add_parser("parse", help="parse filings into JSON records",
                              epilog=exit_codes_help("parse"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="filing files ('-' reads standard input)")
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    p.set_defaults(func=run)


def run(args) -> int:
    """Each file's record is written as soon as it is parsed."""
    from ..api import parse_source
    status: list[int] = []
    with output_stream(args.output) as out:
        if args.format == "json":
            doc = JsonDocument(out, single=len(args.paths) == 1)

            def work(src) -> int:
                filing = parse_source(src)[1]  # the tree goes at once: it is the big part
                doc.add(filing.to_dict())
                return Exit.FINDINGS if filing.unmatched else Exit.OK

            run_each(args.paths, work, status)
            # Always one JSON document: a file that could not be read (or hit
            # a bug) is left out of the array; alone, it is null.
            doc.close()
        else:
            from ..render.table import render_filings
            target = target_console(args.output, out)

            def work(src) -> int:
                _, filing = parse_source(src)
                out.write(rendered(target, lambda console: render_filings(console, [filing])))
                return Exit.FINDINGS if filing.unmatched else Exit.OK

            run_each(args.paths, work, status)
    return max(status, default=Exit.OK)
