"""The output of a big simple filing costs little beyond its parse (issue 12).

``tree`` and ``report`` of 5 MB of blank lines or of short HTML lines took
two to five times the parse and up to 5 GB: the tree's JSON was a dict per
token encoded by a recursion per value and kept whole; each rendered line
worked out its whole span in the HTML to print where it starts; the report
scanned every node's whole subtree for its label and built its page several
times over.  These tests compare the new output with the old way of making
it, count the work per line, and compare memory and CPU time only with the
parse of the same file in the same run, with wide margins.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

import filing_grammar as fg
from filing_grammar.render import jsontext
from filing_grammar.render.tree import iter_json, iter_rich_plain, iter_text, to_json, to_rich, to_text
from filing_grammar.source.html import Rendering

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "000_baa583cdd3fdc5f0.txt"
HTML_8K = SAMPLES / "037_form8K_Blackrock.htm"
ENVELOPE = SAMPLES / "059_ec_109446_8K_1994_0000109446-94-000005.txt"


def _edgar(body: str) -> str:
    """``body`` as the 8-K of an EDGAR submission (a sample's SEC header)."""
    head = ENVELOPE.read_text()
    head = head[: head.index("<TEXT>\n") + 7]
    return head + body + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"


def _trees():
    for path in (SEED, HTML_8K, ENVELOPE, *sorted((SAMPLES / "broken").glob("*.txt"))[:6]):
        yield path.name, fg.parse_tree(path.read_bytes()).tree
    yield "blank lines", fg.parse_tree(_edgar("\n" * 3000)).tree
    yield "html pre", fg.parse_tree("<html><body>\n" + "<pre>\tx &amp; <y>\n" * 500).tree
    yield "deep", fg.parse_tree("FORM 8-K\n\x1b[31m[bold]red\x07\n" + "<TEXT>\n" * 300).tree
    yield "no newline", fg.parse_tree("FORM 8-K\nItem 8.01 Other Events\nx").tree


@pytest.fixture(scope="module")
def trees():
    return list(_trees())


def test_streamed_json_is_the_json_of_the_tree(trees):
    for name, tree in trees:
        streamed = list(iter_json(tree))
        assert "".join(streamed) == jsontext.dumps(to_json(tree), indent=1, ensure_ascii=False), name
        assert json.loads("".join(streamed)) == to_json(tree)


def test_streamed_text_and_plain_rich_tree_are_whole_ones(trees):
    for name, tree in trees:
        assert "".join(iter_text(tree)) == to_text(tree), name
        lines = list(iter_rich_plain(tree, name))
        assert all(line.count("\n") == 1 for line in lines)
        for ascii_only in (False, True):
            assert ("".join(iter_rich_plain(tree, name, ascii_only, lines=False))
                    == "".join(iter_rich_plain(tree, name, ascii_only))), name


def test_plain_rich_tree_of_html_is_richs(trees):
    from rich.console import Console
    tree = dict(trees)["html pre"]
    buf = io.StringIO()
    Console(file=buf, width=100_000, color_system=None, force_terminal=False, highlight=False,
            markup=False, emoji=False).print(to_rich(tree, "x"))
    assert "".join(iter_rich_plain(tree, "x", lines=False)) == buf.getvalue()


def test_a_rendered_line_finds_its_place_with_one_lookup_of_a_line(monkeypatch):
    """A rendered token shows where its span starts in the HTML: one source
    line looked up per token, not two (its whole span, then its start)."""
    tree = fg.parse_tree("<html><body>\n" + "<p>x</p>\n" * 2000 + "</body></html>\n").tree
    rendered = sum(1 for t in fg.tree.form_tokens(tree, lines=False) if getattr(t, "rendering", None) is not None)
    assert rendered >= 2000
    calls = [0]
    line_col = Rendering.line_col

    def counted(self, offset):
        calls[0] += 1
        return line_col(self, offset)

    monkeypatch.setattr(Rendering, "line_col", counted)
    for lines in (iter_text(tree), iter_rich_plain(tree, "x", lines=False)):
        calls[0] = 0
        text = "".join(lines)
        assert text.count("[html ") == rendered
        assert calls[0] <= rendered


def test_a_rendered_token_in_json_finds_its_html_place_with_one_search(monkeypatch):
    """The JSON of a rendered token gives where its span starts and ends in
    the HTML: both found by one call, with one search of the line index
    where they are on one line (not five functions and two searches: issue
    12); test_streamed_json_is_the_json_of_the_tree holds them to span_of's."""
    tree = fg.parse_tree("<html><body>\n" + "<pre>x\n" * 2000 + "</body></html>\n").tree
    rendered = sum(1 for t in fg.tree.form_tokens(tree, lines=False) if getattr(t, "rendering", None) is not None)
    assert rendered >= 2000
    calls = {"line_col": 0, "line_cols": 0}
    for name in calls:
        method = getattr(Rendering, name)

        def counted(self, *args, _method=method, _name=name):
            calls[_name] += 1
            return _method(self, *args)
        monkeypatch.setattr(Rendering, name, counted)
    text = "".join(iter_json(tree))
    assert text.count('"html": {') == rendered
    assert calls["line_cols"] == rendered and calls["line_col"] <= 2


_MEASURE = """
import resource, sys, time
from filing_grammar.cli import main

def peak():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024

code = main(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(code, peak(), usage.ru_utime + usage.ru_stime, file=sys.stderr)
"""


def _run(args: list[str]) -> tuple[float, int]:
    """CPU seconds and peak RSS (bytes) of the command line in a process of
    its own, its output thrown away."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", _MEASURE, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=600, cwd=ROOT, env=env)
    code, peak, cpu = proc.stderr.decode().strip().splitlines()[-1].split()
    assert code in ("0", "1"), proc.stderr.decode()[-2000:]
    return float(cpu), int(peak)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak memory from /proc")
@pytest.mark.parametrize("fmt", ["json", "text", "rich"])
def test_tree_of_a_megabyte_of_blank_lines_costs_about_its_parse(fmt, tmp_path):
    """1 MB of blank lines, a million tokens.  The JSON tree took 2.7 times
    the parse's CPU and 2.6 times its memory (3.2 s, 840 MB against 1.2 s,
    325 MB); the text tree 1.4 times its memory, the rich one twice its CPU.
    Streamed, each takes the parse's memory and a quarter more CPU."""
    path = tmp_path / "blank.txt"
    path.write_text(_edgar("\n" * 1_000_000))
    parse_cpu, parse_peak = _run(["parse", str(path), "--format", "json"])
    cpu, peak = _run(["tree", str(path), "--format", fmt])
    print(f"parse {parse_cpu:.2f} s {parse_peak >> 20} MB; tree {fmt} {cpu:.2f} s {peak >> 20} MB")
    assert peak < 1.1 * parse_peak + (20 << 20)
    assert cpu - parse_cpu < 0.6 * parse_cpu + 0.2


def test_a_report_reads_each_line_about_once(monkeypatch):
    """Each node's label (its first text, its lines) came from a scan of its
    whole subtree: a blank line under a cover's tail was read by each of the
    seven nodes above it, and again twice for the text pane.  Now a node's
    label comes from its children's and a line of the text pane is shown
    without reading its value again."""
    from filing_grammar.api import parse_source, read_source
    from filing_grammar.checks import run_checks
    from filing_grammar.render.report import render_report, report_pieces
    from filing_grammar.tokens import LineToken

    src = read_source(_edgar("\n" * 20_000 + "Item 8.01 Other Events\n" + "\n" * 20_000))
    parsed, filing = parse_source(src)
    diagnostics = run_checks(src, parsed, filing)
    lines = src.text.count("\n")
    reads = [0]
    value = LineToken.value

    def counted(self):
        reads[0] += 1
        return value.fget(self)

    monkeypatch.setattr(LineToken, "value", property(counted))
    page = render_report(src, parsed, filing, diagnostics)
    assert reads[0] < 3 * lines, (reads[0], lines)
    assert "".join(report_pieces(src, parsed, filing, diagnostics)) == page
    assert page.count('<div class="l" id="L') == lines


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak memory from /proc")
def test_report_of_a_megabyte_of_blank_lines_is_not_copied_whole(tmp_path):
    """The page of 1 MB of blank lines (100 MB of HTML) was joined, copied
    into its page and encoded whole: 740 MB beyond what ``check`` of it
    takes; written in pieces, about 300 MB."""
    path = tmp_path / "blank.txt"
    path.write_text(_edgar("\n" * 1_000_000))
    _, parse_peak = _run(["parse", str(path), "--format", "json"])
    _, check_peak = _run(["check", str(path), "--format", "json"])
    _, peak = _run(["report", str(path)])
    print(f"parse {parse_peak >> 20} MB, check {check_peak >> 20} MB, report {peak >> 20} MB")
    assert peak - check_peak < 1.5 * parse_peak


def test_a_line_shown_twice_has_its_diagnostics_after_each():
    """As before: a line id that comes twice in the text pane (a token seen
    twice, out of order) has its diagnostics after each of its lines."""
    from types import SimpleNamespace

    from lark import Tree

    from filing_grammar.api import parse_source, read_source
    from filing_grammar.records import Span
    from filing_grammar.render.report import render_report

    src = read_source(SEED.read_bytes())
    parsed, filing = parse_source(src)
    line = 12
    # a diagnostic over two lines (no columns marked: the line is written
    # by the commonest path)
    diagnostic = SimpleNamespace(code="FG601", severity="error", message="m", line=line, column=1,
                                 primary=SimpleNamespace(span=Span(line, 1, line + 1, 1), message=None),
                                 secondary=(), notes=(), help=None)
    once = render_report(src, parsed, filing, [diagnostic])
    assert once.count('id="d0"') == 1
    stack = [parsed.tree]
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, Tree):
                stack.append(child)
            elif child.line == line:
                node.children.insert(0, child)  # shown first, then again in its place
                stack = []
                break
    twice = render_report(src, parsed, filing, [diagnostic])
    assert twice.count(f'<div class="l" id="L{line}">') == 2
    assert twice.count('id="d0"') == 2


def test_report_runs_with_the_collector_paused(tmp_path):
    """As tree and check do: the collections set off by a page's pieces
    walked the whole tree each time (a fifth of the report of 1 MB of blank
    lines)."""
    import gc

    from filing_grammar.cli import main

    path = tmp_path / "blank.txt"
    path.write_text(_edgar("\n" * 100_000))
    full = []

    def seen(phase, info):
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.collect()
    gc.callbacks.append(seen)
    try:
        assert main(["report", str(path), "-o", str(tmp_path / "page.html")]) in (0, 1)
    finally:
        gc.callbacks.remove(seen)
    assert not full
