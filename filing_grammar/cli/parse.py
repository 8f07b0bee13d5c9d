"""``filing-grammar parse``: filings as JSON records, or as rich tables.

Inputs and batches (directories, globs, archives, ``--jobs``, ``jsonl``,
``parquet``, ``--resume``) are :mod:`.batch`'s."""

from __future__ import annotations

import argparse

from . import batch
from .io import exit_codes_help


def register(subparsers) -> None:
    p = subparsers.add_parser("parse", help="parse filings into JSON records",
                              epilog=exit_codes_help("parse"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="filing files, directories, globs, .zip/.tar.gz archives ('-' reads standard input)")
    p.add_argument("--format", choices=("json", "table", "jsonl", "parquet"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout "
                   "(jsonl: in place, line by line, for --resume)")
    batch.add_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    """Each file's record is written as soon as it is parsed."""
    def make_sink(out, single, target):
        if args.format == "json":
            # Always one JSON document: a file that could not be read (or hit
            # a bug) is left out of the array; alone, it is null.
            return batch.JsonSink(out, single)
        return batch.TextSink(out)

    return batch.run(args, "parse", make_sink)
