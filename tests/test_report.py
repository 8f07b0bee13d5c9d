"""The HTML report (``filing-grammar report``), read as HTML without a
browser: every link lands, filing text is escaped, the policy allows only the
page's own style and script.  test_report_browser.py opens the pages."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from filing_grammar.api import parse_source, read_source
from filing_grammar.checks import run_checks
from filing_grammar.cli import main
from filing_grammar.render.report import MAX_DIAGNOSTICS, MAX_LINES, render_report
from filing_grammar.render.report_site import bar_chart

from .conftest import SAMPLES
from .hostile.inputs import CASES, MANY_LINES, SLOW_CASES

SEED = SAMPLES / "000_baa583cdd3fdc5f0.txt"
SEED2 = SAMPLES / "002_15025ed101fcb0cd.txt"
HTML_8K = SAMPLES / "037_form8K_Blackrock.htm"
STRAY_TAG = SAMPLES / "broken" / "07_stray_tag.txt"  # one unmatched line, FG601
HOSTILE_LINES = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>")


def hostile_text() -> str:
    """The first seed with markup that would run, were it not escaped, in
    the body of its Item 5."""
    lines = SEED.read_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Item 5")) + 2
    lines[at:at] = [*HOSTILE_LINES, '"><svg onload=alert(3)> & &amp; </div></pre>', ""]
    return "\n".join(lines)


def report_of(path_or_text, name: str = "filing.txt", max_lines: int | None = MAX_LINES,
              max_diagnostics: int | None = MAX_DIAGNOSTICS) -> tuple[str, object, list]:
    if hasattr(path_or_text, "read_bytes"):
        src = read_source(path_or_text.read_bytes(), str(path_or_text))
    else:
        src = read_source(path_or_text, name)
    parsed, filing = parse_source(src)
    diagnostics = run_checks(src, parsed, filing)
    page = render_report(src, parsed, filing, diagnostics, max_lines=max_lines, max_diagnostics=max_diagnostics)
    return page, filing, diagnostics


class _Doc(HTMLParser):
    """Ids, fragment links, elements by tag, and the text of scripts."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: dict[str, list[dict]] = {}
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.setdefault(tag, []).append(a)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def seed():
    return report_of(SEED)


def test_every_link_lands_and_every_id_is_unique(seed):
    for path in (SEED, HTML_8K, STRAY_TAG):
        doc = _Doc(report_of(path)[0])
        assert len(doc.ids) == len(set(doc.ids)), path
        missing = set(doc.links) - set(doc.ids)
        assert not missing, (path, sorted(missing)[:5])


def test_outline_has_a_node_per_item_and_each_links_to_its_block(seed):
    html, filing, _ = seed
    doc = _Doc(html)
    outline = [a for a in doc.tags["a"] if a.get("data-rule") == "item"]
    assert len(outline) == len(filing.items) == 2
    blocks = [d for d in doc.tags["div"] if d.get("data-rule") == "item"]
    assert [a["href"][1:] for a in outline] == [d["id"] for d in blocks]
    assert re.search(r'data-rule="item"><i class="dot [^"]*"></i><b>item</b> 87–109 Item 7\. Financial Statements', html)


def test_every_line_of_a_text_filing_is_shown_with_its_number(seed):
    html, _, _ = seed
    doc = _Doc(html)
    n = len(SEED.read_text().splitlines())
    assert [i for i in doc.ids if i.startswith("L")] == [f"L{k}" for k in range(1, n + 1)]
    assert '<a class="n" href="#L87">87</a><span class="t">Item 7.       Financial Statements' in html


def _cut_report(path, max_lines):
    html, _, diagnostics = report_of(path, max_lines=max_lines)
    return html, diagnostics


def _line_ids(doc: _Doc) -> list[str]:
    return [d["id"] for d in doc.tags.get("div", []) if d.get("class") == "l"]


@pytest.mark.parametrize("path, max_lines", [(SEED, 50), (STRAY_TAG, 120), (HTML_8K, 10), (HTML_8K, 100),
                                             (SAMPLES / "003_ALABAMA_0000092122-05-000042.txt", 450)])
def test_a_page_stops_at_its_line_budget_and_links_only_to_lines_it_shows(path, max_lines):
    """report --max-lines: the page shows that many lines (a text filing's,
    an HTML document's rendering and its source alike), then a note where
    the text stops; every link still lands, and a diagnostic further on is
    listed at the top with its line, unlinked."""
    html, diagnostics = _cut_report(path, max_lines)
    doc = _Doc(html)
    assert len(_line_ids(doc)) == max_lines
    assert doc.ids.count("cut") == 1 and "The text stops here, at line " in html
    assert len(doc.ids) == len(set(doc.ids))
    missing = set(doc.links) - set(doc.ids)
    assert not missing, sorted(missing)[:5]
    for k, d in enumerate(diagnostics):
        assert f"d{k}" in doc.ids  # each diagnostic is on the page
    whole = _Doc(_cut_report(path, None)[0])
    assert _line_ids(doc) == _line_ids(whole)[:max_lines]


def test_a_diagnostic_after_the_cut_is_listed_unlinked():
    html, diagnostics = _cut_report(STRAY_TAG, 120)
    (d,) = diagnostics
    assert d.line > 120
    assert f'<span class="at">line {d.line}:{d.column}</span>' in html
    assert f'href="#L{d.line}"' not in html
    # and with room for its line, it sits under it, linked
    html, _ = _cut_report(STRAY_TAG, d.line + 1)
    assert f'<a class="at" href="#L{d.line}">line {d.line}:{d.column}</a>' in html


def test_cli_max_lines(tmp_path, capsys):
    out = tmp_path / "page.html"
    assert main(["report", str(SEED), "--max-lines", "30", "-o", str(out)]) == 0
    assert len(_line_ids(_Doc(out.read_text()))) == 30
    assert main(["report", str(SEED), "--max-lines", "0", "-o", str(out)]) == 0
    assert len(_line_ids(_Doc(out.read_text()))) == len(SEED.read_text().splitlines())
    capsys.readouterr()
    for bad in ("-1", "many"):
        assert main(["report", str(SEED), "--max-lines", bad]) == 2
        assert "not a number of lines" in capsys.readouterr().err


def repeated_items(n: int) -> str:
    """The first seed with its Item 5 printed ``n`` more times before it:
    ``n`` repeated items (FG306), a diagnostic each."""
    lines = SEED.read_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Item 5"))
    lines[at:at] = ["Item 5. Other Events", "None.", ""] * n
    return "\n".join(lines)


def _boxes(doc: _Doc) -> list[str]:
    return [d["id"] for d in doc.tags.get("div", []) if (d.get("class") or "").startswith("diag ")]


@pytest.mark.parametrize("budget", [1, 7, 29])
def test_a_page_shows_at_most_its_diagnostics_budget(budget):
    """report --max-diagnostics: the first N diagnostics, each in the list and
    under its line; a note of how many there are; the counts at the top are
    of all of them, and every link lands."""
    html, _, diagnostics = report_of(repeated_items(30), max_diagnostics=budget)
    assert len(diagnostics) == 30
    doc = _Doc(html)
    assert _boxes(doc) == [f"d{k}" for k in range(budget)]
    assert len(doc.tags["li"]) - len(_Doc(report_of(repeated_items(0))[0]).tags.get("li", [])) == budget
    assert f"The page shows the first {budget:,} of 30 diagnostics" in html and doc.ids.count("diag-cut") == 1
    assert '<span class="chip s-warning">30 warnings</span>' in html  # (FG306 is a warning)
    assert not set(doc.links) - set(doc.ids)
    whole = report_of(repeated_items(30), max_diagnostics=0)[0]
    assert "diag-cut" not in whole and _boxes(_Doc(whole)) == [f"d{k}" for k in range(30)]
    assert "diag-cut" not in report_of(repeated_items(30), max_diagnostics=30)[0]


def test_cli_max_diagnostics(tmp_path, capsys):
    src = tmp_path / "items.txt"
    src.write_text(repeated_items(12))
    out = tmp_path / "page.html"
    assert main(["report", str(src), "--max-diagnostics", "5", "-o", str(out)]) in (0, 1)
    assert len(_boxes(_Doc(out.read_text()))) == 5
    assert main(["report", str(src), "--max-diagnostics", "0", "-o", str(out)]) in (0, 1)
    assert len(_boxes(_Doc(out.read_text()))) == 12
    capsys.readouterr()
    for bad in ("-1", "some"):
        assert main(["report", str(src), "--max-diagnostics", bad]) == 2
        assert "not a number of diagnostics" in capsys.readouterr().err


def test_filing_text_is_escaped_and_the_policy_allows_only_the_pages_own_script():
    html, _, _ = report_of(hostile_text())
    for line in HOSTILE_LINES:
        assert line not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&quot;&gt;&lt;svg onload=alert(3)&gt; &amp; &amp;amp; &lt;/div&gt;&lt;/pre&gt;" in html
    doc = _Doc(html)
    assert len(doc.tags["script"]) == 1 and "img" not in doc.tags and "svg" not in doc.tags
    csp = next(m["content"] for m in doc.tags["meta"] if m.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(doc.scripts[0].encode()).digest()).decode()
    assert csp.startswith("default-src 'none';")
    assert f"script-src 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    # nothing to fetch: no src, no stylesheet link, no url() in the style
    assert not any("src" in a for tags in doc.tags.values() for a in tags)
    assert "link" not in doc.tags and "url(" not in html and "@import" not in html


def test_unmatched_text_is_a_red_block_and_its_diagnostic_sits_under_its_line():
    html, filing, diagnostics = report_of(STRAY_TAG)
    assert [d.code for d in diagnostics] == ["FG601"]
    block = re.search(r'<div class="b rule-unmatched g-unmatched" id="(n\d+)"[^>]*>(.*?)</div></div>', html, re.S)
    assert block and 'id="L128"' in block.group(2) and "&lt;FILENAME&gt;ex99-1.txt" in block.group(2)
    # the diagnostic follows its line, and the list at the top links to it
    line = html.index('id="L128"')
    assert html.index('<div class="diag s-error" id="d0">', line) < html.index('id="L129"')
    assert '<a href="#d0"><span class="sev">error</span> <b>FG601</b> line 128' in html
    assert '<div class="rule" id="rule-FG601">' in html
    assert '<mark class="s-error">&lt;FILENAME&gt;ex99-1.txt</mark>' in html


def test_records_link_to_where_each_value_was_read(seed):
    html, filing, _ = seed
    # the registrant's name is read on line 23 (the cover's value block)
    assert re.search(r'<th>registrant name</th><td><a href="#L23">CWMBS, INC\.</a></td>', html)
    assert re.search(r'<td><a href="#L87">7\.</a></td>', html) or re.search(r'<td><a href="#L87">7</a>', html)


def test_an_html_8k_is_shown_as_its_rendering_with_each_line_linked_to_the_html():
    html, filing, _ = report_of(HTML_8K)
    doc = _Doc(html)
    rendered = [i for i in doc.ids if i.startswith("R1-")]
    assert len(rendered) > 60
    source = [i for i in doc.ids if i.startswith("H")]
    assert len(source) == len(HTML_8K.read_text().splitlines())
    assert "HTML document, shown as its text rendering" in html
    to_html = [a["href"][1:] for a in doc.tags["a"] if a.get("class", "").startswith("h")]
    assert len(to_html) == len(rendered) and set(to_html) <= set(source)  # a link on each rendered line
    # the registrant's name, read from the rendering, links to its rendered line
    assert re.search(r'<th>registrant name</th><td><a href="#R1-\d+">BlackRock, Inc\.</a>', html)
    assert len([a for a in doc.tags["a"] if a.get("data-rule") == "item"]) == len(filing.items)


@pytest.mark.parametrize("name", [n for n in CASES if n not in SLOW_CASES and n not in MANY_LINES])
def test_hostile_input_makes_a_page(name, tmp_path, capsys):
    """Every hostile input (bar the big ones, which take seconds): exit 0 or
    1, nothing on stderr, a page with the one script."""
    path = tmp_path / "in.txt"
    path.write_bytes(CASES[name]())
    out = tmp_path / "out.html"
    assert main(["report", str(path), "-o", str(out)]) in (0, 1)
    assert capsys.readouterr().err == ""
    doc = _Doc(out.read_text(encoding="utf-8"))
    assert len(doc.tags["script"]) == 1 and "img" not in doc.tags


def test_bar_chart_draws_a_bar_per_code_longest_first():
    svg = bar_chart({"FG201": ("error", 3, 2), "FG305": ("warning", 6, 4), "FG<x>": ("info", 1, 1)})
    assert svg.startswith("<svg") and svg.count("<rect") == 3
    assert svg.index("FG305") < svg.index("FG201") < svg.index("FG&lt;x&gt;")
    assert 'class="bar-warning" x="70" y="0" width="760.0"' in svg
    assert bar_chart({}).startswith("<p")


def test_cli_writes_one_page_or_a_folder_with_an_index(tmp_path, capsys):
    out = tmp_path / "one.html"
    assert main(["report", str(SEED), "-o", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    batch = tmp_path / "in"
    batch.mkdir()
    (batch / "a.txt").write_bytes(SEED.read_bytes())
    (batch / "b.txt").write_bytes(STRAY_TAG.read_bytes())
    (batch / ".hidden").write_text("x")
    site = tmp_path / "site"
    code = main(["report", str(batch), str(tmp_path / "missing.txt"), "-o", str(site)])
    assert code == 2  # one file could not be read; the others are written
    assert sorted(p.name for p in site.iterdir()) == ["a.txt.html", "b.txt.html", "index.html"]
    index = (site / "index.html").read_text()
    assert index.count("<tr>") == 4  # the heading and a row per filing
    assert '<a href="a.txt.html">' in index and "not read" in index and "FG601×1" in index
    assert 'href="index.html"' in (site / "b.txt.html").read_text()
    assert "missing.txt: no such file" in capsys.readouterr().err


def test_cli_refuses_a_batch_without_a_folder(capsys):
    assert main(["report", str(SEED), str(SEED2)]) == 2
    assert "-o DIR" in capsys.readouterr().err


def test_cli_one_page_to_stdout_exits_one_on_errors(capsys):
    assert main(["report", str(STRAY_TAG)]) == 1
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_the_template_files_ship_in_the_wheel():
    """pyproject.toml's package-data for filing_grammar.render.templates
    covers every file of render/templates/ (a file left out would be missing from
    `pip install .`, and every report would fail)."""
    import fnmatch

    from .conftest import ROOT
    line = re.search(r'^"filing_grammar\.render\.templates" = \[(.*)\]$',
                     (ROOT / "pyproject.toml").read_text(), re.M)
    globs = re.findall(r'"([^"]+)"', line.group(1))
    files = sorted(p.name for p in (ROOT / "filing_grammar" / "render" / "templates").iterdir()
                   if p.is_file() and p.suffix != ".py")
    assert files == ["page.html", "report.css", "report.js"]
    assert all(any(fnmatch.fnmatch(f, g) for g in globs) for f in files)


@pytest.mark.parametrize("text", [
    "FORM 8-K\n\n" + "x\n\n" * 400,  # a cover tail of 400 value blocks
    "FORM 8-K\n" + "\n" * 300 + "Item 8.01 Other Events\n" + "\n" * 300 + "None.\n" + "Item 9.01 Exhibits\nx\n" * 300,
    "<html><body>" + "<p>x</p><p></p>" * 300 + "</body></html>",
])
def test_labels_of_wide_nodes_are_those_of_a_pass_over_their_children(text, monkeypatch):
    """A node of many children has its label's lines and text looked for
    from its ends (report_text._WIDE): the same page as a pass over all."""
    from filing_grammar.render import report_text  # noqa: PLC0415
    src = read_source(text, "x.txt")
    parsed, filing = parse_source(src)
    diagnostics = run_checks(src, parsed, filing)
    page = render_report(src, parsed, filing, diagnostics)
    monkeypatch.setattr(report_text, "_WIDE", 10**9)
    assert render_report(src, parsed, filing, diagnostics) == page
    if text.startswith("FORM"):
        assert re.search(r"<b>cover_page</b> 1–\d+ FORM 8-K", page)
