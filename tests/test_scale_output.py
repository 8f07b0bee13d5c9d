"""Pathological output stays cheap (issue 12): every command and format on a
filing of 100,000 item headings, into a pipe.

Times are compared only with each other, within one run: each command's CPU
time (its own process) against ``parse --format json`` of the same file,
with a wide margin.  The full size is marked slow (``make test-slow``);
bench/scale.py prints the seconds and peak memory.
"""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys

import pytest

import filing_grammar as fg
from filing_grammar.render.tree import iter_rich_plain, to_rich

from .conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "bench"))
from scale import RUNS, command_line, pathological  # noqa: E402

SEED = os.path.join(ROOT, "samples", "000_baa583cdd3fdc5f0.txt")


def test_plain_tree_is_richs_tree_unwrapped():
    """Into a pipe, ``tree --format rich`` streams the lines rich would
    print with no style, label for label (rich, at a width that wraps nothing)."""
    from rich.console import Console
    tree = fg.parse_tree(open(SEED, "rb").read()).tree
    buf = io.StringIO()
    Console(file=buf, width=1000, color_system=None, force_terminal=False, highlight=False,
            markup=False, emoji=False).print(to_rich(tree, SEED))
    assert "".join(iter_rich_plain(tree, SEED)) == buf.getvalue()


def test_plain_tree_of_a_deep_tree_and_hostile_text():
    text = "FORM 8-K\n\x1b[31m[bold]red\x07\n" + "<TEXT>\n" * 500
    lines = list(iter_rich_plain(fg.parse_tree(text).tree, "t\x1b.txt"))
    out = "".join(lines)
    assert "\x1b" not in out and "\x07" not in out
    assert lines[0] == "t\\x1b.txt\n"


def _cpu(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=1200)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert proc.returncode in (0, 1), proc.stderr.decode()[-500:]
    assert not proc.stderr
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


@pytest.mark.slow
def test_every_command_and_format_on_100k_headings(tmp_path):
    path = tmp_path / "headings.txt"
    # bare headings (one table of contents): a tree of 100,000 lines, with few
    # diagnostics; 100,000 items, each a diagnostic, are bench/scale.py's
    path.write_text(pathological(100_000, text=False))
    script = os.path.join(os.path.dirname(sys.executable), "filing-grammar")
    times = {f"{c} {f or ''}".strip(): _cpu(command_line(script, c, str(path), f)) for c, f in RUNS}
    print({k: round(v, 2) for k, v in times.items()})
    base = times["parse json"]
    # Each is a parse plus its output: rich's layout of the whole tree once
    # took ten times the parse; plain or streamed output takes about one.
    for name, seconds in times.items():
        assert seconds < 4 * base + 2, (name, seconds, base)
