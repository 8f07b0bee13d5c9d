"""Pathological output stays cheap (issue 12): every command and format on a
huge but simple filing, into a pipe.

    .venv/bin/python bench/scale.py [--headings N] [--timeout S] [--only CMD]

The filing is a minimal cover followed by N item headings ("Item 5.02
Departure of Directors" over a line of text, 128,000 by default: 4.99 MB,
the size the limit is set at, a tree of 384,000 tokens and a record of
128,000 items; each item is also two diagnostics, an unofficial title and a
repeated item).  Each command runs as its own process
with stdout a pipe that is read and thrown away; the figures are its wall
seconds and peak memory (ru_maxrss of that child, from wait4), and the bytes
it wrote.  The limit of issue 12: no input of 5 MB or less takes more than
10 s in any command and format.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

COVER = """UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549

FORM 8-K

CURRENT REPORT
Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934

Date of Report (Date of earliest event reported): January 5, 2024

ACME CORPORATION
(Exact name of registrant as specified in its charter)

"""
# A line of text under each heading: headings with nothing between them are
# read as a table of contents (issue 11), and the record would hold 2 items.
HEADING = "Item 5.02 Departure of Directors\nNone.\n"

RUNS = [
    ("parse", "json"), ("parse", "table"),
    ("tree", "rich"), ("tree", "json"), ("tree", "text"),
    ("check", "rich"), ("check", "concise"), ("check", "json"), ("check", "sarif"),
    ("report", None),  # (an HTML page: no --format)
]


def command_line(script: str, cmd: str, path: str, fmt: str | None) -> list[str]:
    """The command line of one of RUNS."""
    return [script, cmd, path] + (["--format", fmt] if fmt else [])


def pathological(headings: int, text: bool = True) -> str:
    """The cover and ``headings`` item headings, each over a line of text
    (``text=False``: the bare headings, read as one table of contents)."""
    return COVER + (HEADING if text else HEADING.split("\n", 1)[0] + "\n") * headings


def run(cmd: list[str], timeout: float) -> tuple[float, float, int, int | None]:
    """(seconds, peak MB, bytes written, exit code or None on timeout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    size = 0
    deadline = start + timeout
    os.set_blocking(proc.stdout.fileno(), True)
    while True:
        chunk = proc.stdout.read(1 << 16)
        if not chunk:
            break
        size += len(chunk)
        if time.perf_counter() > deadline:
            proc.kill()
            break
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    code = None if seconds > timeout else proc.returncode
    return seconds, usage.ru_maxrss / 1024, size, code


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--headings", type=int, default=128_000)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed")
    ap.add_argument("--only", help="one command (parse, tree, check, report)")
    ap.add_argument("--bare", action="store_true", help="headings without text (one table of contents)")
    args = ap.parse_args(argv)
    script = os.path.join(os.path.dirname(sys.executable), "filing-grammar")
    with tempfile.TemporaryDirectory(prefix="fg-scale-") as tmp:
        path = os.path.join(tmp, "headings.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(pathological(args.headings, text=not args.bare))
        mb = os.path.getsize(path) / 1e6
        print(f"input: {args.headings} item headings{' (bare)' if args.bare else ', each over a line of text'}, "
              f"{mb:.2f} MB; stdout a pipe")
        print(f"{'command':<22} {'seconds':>8} {'peak MB':>8} {'out MB':>8} {'exit':>5}")
        worst = 0.0
        for command, fmt in RUNS:
            if args.only and command != args.only:
                continue
            seconds, peak, size, code = run(command_line(script, command, path, fmt), args.timeout)
            worst = max(worst, seconds)
            shown = "kill" if code is None else str(code)
            name = command + (" --format " + fmt if fmt else "")
            print(f"{name:<22} {seconds:>8.2f} {peak:>8.0f} {size / 1e6:>8.2f} {shown:>5}", flush=True)
        print(f"slowest: {worst:.2f} s (limit of issue 12: 10 s for 5 MB or less)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
