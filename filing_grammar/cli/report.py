"""``filing-grammar report``: each filing as a self-contained HTML page (its
text shaded by grammar region, the parse tree's outline, the diagnostics at
their lines, the records as tables); for a batch, a folder of pages and an
index page.

``report PATH -o report.html`` writes one page (to standard output without
``-o``); ``report DIR... -o site/`` (or several files) writes one page per
filing into ``site/`` and ``site/index.html``.  A folder is read for its
filings (``.txt``, ``.htm``, ``.html``; not hidden ones, nor the output
folder), in name order, recursively.
"""

from __future__ import annotations

import argparse
import os

from .io import (PROG, STDIN_NAME, Exit, clean_path, err, exit_codes_help, output_stream, printable, run_each,
                 write_output)


def register(subparsers) -> None:
    r = subparsers.add_parser("report", help="write an HTML report of filings (one page each, and an index)",
                              description="Write each filing as a self-contained HTML page: its text "
                                          "shaded by grammar region, the parse tree, the diagnostics at "
                                          "their lines and the records. Several files or a folder: a "
                                          "folder of pages with an index.html.",
                              epilog=exit_codes_help("check"),  # the exit codes of check
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("paths", nargs="+", metavar="PATH",
                   help="filing files or folders of them ('-' reads standard input)")
    r.add_argument("-o", "--output", metavar="OUT",
                   help="the page to write (one file), or the folder for the pages and "
                        "index.html (several files or a folder); one file without -o: standard output")
    r.add_argument("--max-lines", metavar="N", type=_number_of("lines"), default=None,
                   help="show at most N lines of a filing's text on its page, with a note where it "
                        "stops (default: 200,000; 0: every line). A page of millions of lines is too "
                        "large for a browser to open")
    r.add_argument("--max-diagnostics", metavar="N", type=_number_of("diagnostics"), default=None,
                   help="show at most N diagnostics on a filing's page, the first ones, with a note of "
                        "how many there are (default: 10,000; 0: all). check lists every one")
    r.set_defaults(func=run)


def _number_of(what: str):
    """An argument type: a count of ``what`` (0 or more; "10,000" and
    "10_000" too)."""
    def number(value: str) -> int:
        try:
            n = int(value.replace(",", "").replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number of {what}: {value!r}") from None
        if n < 0:
            raise argparse.ArgumentTypeError(f"not a number of {what}: {value!r}")
        return n
    return number


FILING_SUFFIXES = (".txt", ".htm", ".html")
_PIECES = 1 << 14  # pieces of a page written at once (a line of text is one)


def _expand(paths: list[str], output: str | None) -> tuple[list[str], bool]:
    """The files to read, and whether this is a batch (a folder or several)."""
    out: list[str] = []
    skip = os.path.realpath(output) if output not in (None, "-") else None
    batch = len(paths) > 1
    for path in paths:
        if path != "-" and os.path.isdir(path):
            batch = True
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and os.path.realpath(os.path.join(root, d)) != skip)
                found += [os.path.join(root, f) for f in files
                          if not f.startswith(".") and f.lower().endswith(FILING_SUFFIXES)]
            out += sorted(found)
        else:
            out.append(path)
    return out, batch


def _page_name(path: str, taken: set[str]) -> str:
    stem = os.path.basename(path) if path != "-" else "stdin"
    stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in stem) or "filing"
    name, k = f"{stem}.html", 1
    while name.lower() in taken or name.lower() == "index.html":
        k += 1
        name = f"{stem}-{k}.html"
    taken.add(name.lower())
    return name


def run(args) -> int:
    from ..api import parse_source
    from ..checks import run_checks
    from ..checks.diagnostic import Severity
    from ..render.report import MAX_DIAGNOSTICS, MAX_LINES, counts, report_pieces

    paths, batch = _expand(args.paths, args.output)
    if not paths:
        err(f"report: no files in {', '.join(printable(p) for p in args.paths)}")
        return Exit.USAGE
    if batch and args.output in (None, "-"):
        err(f"report: several filings need a folder to write to: -o DIR (see `{PROG} report --help`)")
        return Exit.USAGE
    if batch:
        try:
            os.makedirs(args.output, exist_ok=True)
        except OSError as exc:
            err(f"report: cannot make the folder {printable(args.output)} ({exc.strerror or exc})")
            return Exit.USAGE
    status: list[int] = []
    rows: list[dict] = []
    taken: set[str] = set()
    pending = list(paths)

    def work(src) -> int:
        name = src.path or STDIN_NAME
        parsed, filing = parse_source(src)
        diagnostics = run_checks(src, parsed, filing)
        page = _page_name(name, taken) if batch else None
        html = report_pieces(src, parsed, filing, diagnostics, name, "index.html" if batch else None,
                             MAX_LINES if args.max_lines is None else args.max_lines,
                             MAX_DIAGNOSTICS if args.max_diagnostics is None else args.max_diagnostics)
        del parsed
        # the page is made whole before a byte is written (a failure writes
        # nothing), then written a few MB at a time, never joined (issue 12)
        with output_stream(os.path.join(args.output, page) if batch else args.output) as out:
            for k in range(0, len(html), _PIECES):
                out.write("".join(html[k:k + _PIECES]))
        del html
        code = Exit.FINDINGS if any(d.severity == Severity.ERROR for d in diagnostics) else Exit.OK
        if batch:
            by_code: dict[str, list] = {}
            for d in diagnostics:
                by_code.setdefault(d.code, [d.severity, 0])[1] += 1
            rows.append({"path": name, "page": page, "form": filing.form_type, "counts": counts(diagnostics),
                         "codes": by_code, "items": len(filing.items),
                         "unmatched": sum(u.end_line - u.line + 1 for u in filing.unmatched),
                         "registrant": filing.cover.registrant_name if filing.cover else None})
        return code

    from .pool import paused
    # (the garbage collector paused for each filing, as for tree and check:
    # the page's millions of pieces set off collections that walked the tree
    # again and again; issue 12)
    run_each(paths, lambda src: paused(work, src), status)
    if batch:
        from ..render.report_site import render_index
        done = {r["path"] for r in rows}
        for path in pending:
            shown = STDIN_NAME if path == "-" else clean_path(path)
            if shown not in done:
                rows.append({"path": shown, "page": None, "failed": True})
        write_output(render_index(rows), os.path.join(args.output, "index.html"))
    return max(status, default=Exit.OK)
