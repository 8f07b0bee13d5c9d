"""``filing-grammar tree``: the lossless parse tree of one filing, as rich
text, JSON or a plain outline."""

from __future__ import annotations

import argparse
import io
from itertools import chain
from typing import Iterable

from .io import Exit, console, exit_codes_help, output_stream, plain_target, rendered, run_each, write_output

# A tree of more lines than this is written plainly even on a terminal: rich
# lays a tree out whole before printing it (minutes for 200,000 nodes).
HUGE_TREE_LINES = 50_000


# Characters of JSON or text held back before writing starts: a tree whose
# text is smaller is written whole or not at all (a failure on the way writes
# nothing, and for JSON a "null"); a bigger one is written as it is made, not
# kept whole in memory (issue 12: 770 MB of JSON for 5 MB of blank lines).
_HOLD = 1 << 22


def _stream(pieces: Iterable[str], output: str | None, hold: int = _HOLD) -> None:
    """Write ``pieces`` to ``output`` (standard output if None), the first
    ``hold`` characters at once."""
    with output_stream(output) as out:
        held: list[str] = []
        size = 0
        for piece in pieces:
            held.append(piece)
            size += len(piece)
            if size > hold:
                out.write("".join(held))
                held.clear()
                size = 0
        out.write("".join(held))


def register(subparsers) -> None:
    t = subparsers.add_parser("tree", help="print the lossless parse tree of a filing",
                              epilog=exit_codes_help("tree"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("path", metavar="PATH", help="a filing file ('-' reads standard input)")
    t.add_argument("--format", choices=("rich", "json", "text"), default="rich")
    t.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    t.set_defaults(func=run)


def run(args) -> int:
    from ..parser import parse_source
    from ..render import tree as tree_render
    from ..transform import unmatched_of
    status: list[int] = []

    def work(src) -> int:
        parsed = parse_source(src)  # (the tree alone: no records are read)
        tree = parsed.tree
        unmatched = bool(unmatched_of(parsed))
        del parsed
        if args.format == "rich" and (plain_target(args.output) or src.text.count("\n") > HUGE_TREE_LINES):
            # no style shown (a pipe, a file) or too big to lay out: the same
            # lines as rich's, streamed as they are made (long labels not wrapped)
            _stream(tree_render.iter_rich_plain(tree, src.path, lines=False), args.output, hold=0)
        elif args.format == "json":
            _stream(chain(tree_render.iter_json(tree), ("\n",)), args.output)
        elif args.format == "text":
            _stream(tree_render.iter_text(tree), args.output)
        else:
            # the terminal's width and colour, or 80 plain columns for a file
            target = console(None if args.output in (None, "-") else io.StringIO())
            text = rendered(target, lambda c: c.print(tree_render.to_rich(tree, src.path)))
            tree = None  # the tree goes before the text is written: it is the big part
            write_output(text, args.output)
        return Exit.FINDINGS if unmatched else Exit.OK

    from .pool import paused
    run_each([args.path], lambda src: paused(work, src), status)
    if args.format == "json" and status and status[-1] not in (Exit.OK, Exit.FINDINGS):
        write_output("null\n", args.output)  # still one JSON document
    return max(status, default=Exit.OK)
