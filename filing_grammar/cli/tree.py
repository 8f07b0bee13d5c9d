"""``filing-grammar tree``: the lossless parse tree of one filing, as rich
text, JSON or a plain outline."""

from __future__ import annotations

import argparse
import io

from .io import Exit, console, exit_codes_help, output_stream, plain_target, rendered, run_each, write_output

# A tree of more lines than this is written plainly even on a terminal: rich
# lays a tree out whole before printing it (minutes for 200,000 nodes).
HUGE_TREE_LINES = 50_000


def register(subparsers) -> None:
    t = subparsers.add_parser("tree", help="print the lossless parse tree of a filing",
                              epilog=exit_codes_help("tree"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("path", metavar="PATH", help="a filing file ('-' reads standard input)")
    t.add_argument("--format", choices=("rich", "json", "text"), default="rich")
    t.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    t.set_defaults(func=run)


def run(args) -> int:
    from ..api import parse_source
    from ..render import tree as tree_render
    status: list[int] = []

    def work(src) -> int:
        parsed, filing = parse_source(src)
        tree = parsed.tree
        unmatched = bool(filing.unmatched)
        del filing, parsed
        if args.format == "rich" and (plain_target(args.output) or src.text.count("\n") > HUGE_TREE_LINES):
            # no style shown (a pipe, a file) or too big to lay out: the same
            # lines as rich's, streamed as they are made (long labels not wrapped)
            with output_stream(args.output) as out:
                batch: list[str] = []
                for line in tree_render.iter_rich_plain(tree, src.path):
                    batch.append(line)
                    if len(batch) >= 4096:
                        out.write("".join(batch))
                        batch.clear()
                out.write("".join(batch))
            return Exit.FINDINGS if unmatched else Exit.OK
        if args.format == "json":
            from ..render import jsontext
            text = jsontext.dumps(tree_render.to_json(tree), indent=1, ensure_ascii=False) + "\n"
        elif args.format == "text":
            text = tree_render.to_text(tree)
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
