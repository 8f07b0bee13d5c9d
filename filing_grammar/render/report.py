"""One filing as a self-contained HTML page: its text shaded by grammar region,
an outline of the parse tree, the diagnostics at their lines, the records as
tables (``filing-grammar report``).  The batch index is in ``report_site``.

The page is built with the standard library: every piece of filing text goes
through :func:`html.escape` (quotes too), and the one template
(``templates/page.html``, with its CSS and script beside it) is filled with
:class:`string.Template`.  The page loads nothing: its Content Security
Policy is ``default-src 'none'`` with the style and the one script allowed
by their SHA-256 hashes, so no filing text can run or fetch anything.

An HTML 8-K is shown as its text rendering (what the grammar read); each
rendered line links to its line of the HTML source, which follows in a
collapsed block.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
from dataclasses import fields
from html import escape
from string import Template
from typing import Iterable, Sequence

from lark import Token, Tree

from ..records import Cover, Filing, Span
from ..tree import RENDERING
from . import plain

__all__ = ["render_report", "page", "REGIONS", "region_of"]

# Grammar rules shaded in the text, and how the legend names them.
REGIONS = (
    ("envelope", "Envelope / SEC header"),
    ("cover", "Cover page"),
    ("item", "Item"),
    ("signature", "Signature"),
    ("index", "Exhibit index"),
    ("toc", "Table of contents"),
    ("exhibit", "Exhibit / other document"),
    ("unmatched", "Unmatched text"),
)
_REGION_OF = {
    "envelope": "envelope", "pem_header": "envelope", "sec_header": "envelope", "tag_header": "envelope",
    "cover_page": "cover", "item": "item", "signature": "signature", "signature_by_legend": "signature",
    "exhibit_index": "index", "table_of_contents": "toc", "exhibit": "exhibit", "document": "exhibit",
    "unmatched": "unmatched",
}
# Nodes the outline leaves out (their lines stay in their parent's).
_OUTLINE_SKIP = frozenset({RENDERING})


def region_of(rule: str) -> str | None:
    return _REGION_OF.get(rule)


# ---------------------------------------------------------------------------
#  the page shell
# ---------------------------------------------------------------------------
def _resource(name: str) -> str:
    from importlib.resources import files
    return (files("filing_grammar.render.templates") / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def page(title: str, body: str) -> str:
    """The whole document around ``body`` (already escaped HTML): the
    stylesheet, the one script, and a CSP that allows just those two."""
    style, script = _resource("report.css"), _resource("report.js")
    csp = (f"default-src 'none'; style-src '{_sha256(style)}'; script-src '{_sha256(script)}'; "
           "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
           "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'")
    return Template(_resource("page.html")).substitute(
        title=escape(title), csp=escape(csp), style=style, script=script, body=body)


# ---------------------------------------------------------------------------
#  the text: lines, each with an id, in nested region blocks
# ---------------------------------------------------------------------------
class _Text:
    """Walks the tree once, writing the text pane and the outline, and keeps
    where each line of the source (or of a rendering) was put."""

    def __init__(self, src, diagnostics) -> None:
        self.src = src
        self.out: list[str] = []
        self.outline: list[str] = []
        self.positions: list[tuple[int, str]] = []  # (source offset, line id)
        self.renderings: dict[int, int] = {}
        self.nodes = 0
        self.items = 0
        self.has_html = False
        self.last_html: int | None = None
        self.html_lines: set[int] = set()  # lines of the source shown as HTML source
        self.diagnostics = diagnostics
        self.at_line: dict[str, list[int]] = {}  # line id -> diagnostics there (filled later)
        self.marks: dict[int, list[tuple[int, int, str]]] = {}  # source line -> (col, end, severity)
        for d in diagnostics:
            s = d.primary.span
            if s.line == s.end_line:
                self.marks.setdefault(s.line, []).append((s.column - 1, s.end_column - 1, d.severity))

    # -- lines ---------------------------------------------------------------
    def _line(self, key: str, number: int, text: str, html_line: int | None = None,
              marks: Sequence[tuple[int, int, str]] = (), repeat: bool = False) -> None:
        """A line; a rendered line links to its HTML line (its number shown
        faintly when it is the line before's too)."""
        shown = _marked(text, marks) if marks else escape(plain(text))
        html = (f'<a class="h{" same" if repeat else ""}" href="#H{html_line}" '
                f'title="HTML source line {html_line}">{html_line}</a>' if html_line is not None else "")
        self.out.append(f'<div class="l" id="{key}"><a class="n" href="#{key}">{number}</a>{html}'
                        f'<span class="t">{shown or " "}</span></div>\n')
        self.out.append(f"\x00{key}\x00")  # where the diagnostics of this line go

    def token(self, tok: Token) -> None:
        if not tok.value or tok.line is None:
            return
        rendering = getattr(tok, "rendering", None)
        lines = tok.value.split("\n")
        if lines[-1] == "":
            lines.pop()
        for k, text in enumerate(lines):
            n = tok.line + k
            if rendering is None:
                key = f"L{n}"
                self.positions.append((self.src.line_starts[n - 1] if n <= len(self.src.line_starts) else 0,
                                       key))
                self._line(key, n, text, marks=self.marks.get(n, ()))
            else:
                r = self.renderings.setdefault(id(rendering), len(self.renderings) + 1)
                key = f"R{r}-{n}"
                row = rendering.anchors[n - 1] if 0 < n <= len(rendering.anchors) else ()
                for _, offset in row:
                    self.positions.append((offset, key))
                lead = len(text) - len(text.lstrip()) if text.strip() else 0
                html_line = rendering.line_col(rendering.source_offset(n, lead))[0] if row else None
                repeat = html_line == self.last_html
                self.last_html = html_line if html_line is not None else self.last_html
                self._line(key, n, text, html_line, repeat=repeat)

    # -- nodes ---------------------------------------------------------------
    def node(self, tree: Tree) -> None:
        if tree.data == "html_text":
            return self._html(tree)
        if tree.data in _OUTLINE_SKIP:
            for c in tree.children:
                self.visit(c)
            return
        self.nodes += 1
        nid = f"n{self.nodes}"
        region = region_of(tree.data)
        cls = ["b", f"rule-{tree.data}"]
        if region:
            cls.append(f"g-{region}")
        if tree.data == "item":
            self.items += 1
            cls.append("item-b" if self.items % 2 == 0 else "item-a")
        label = _label(tree)
        self.out.append(f'<div class="{" ".join(cls)}" id="{nid}" data-rule="{escape(tree.data)}">')
        if region and tree.data != "envelope":  # (its first line is its PEM or SEC header's)
            self.out.append(f'<span class="tag">{escape(tree.data.replace("_", " "))}</span>')
        kids = [c for c in tree.children if isinstance(c, Tree)]
        dot = f'<i class="dot {" ".join(cls[2:])}"></i>' if region else ""
        entry = (f'<a href="#{nid}" data-rule="{escape(tree.data)}">{dot}<b>{escape(tree.data)}</b>'
                 f'{" " + escape(label) if label else ""}</a>')
        if kids:
            self.outline.append(f'<details open><summary>{entry}</summary>')
        else:
            self.outline.append(f'<div class="leaf">{entry}</div>')
        for c in tree.children:
            self.visit(c)
        if kids:
            self.outline.append("</details>")
        self.out.append("</div>")

    def _html(self, tree: Tree) -> None:
        """An HTML document: its rendering, then its source, collapsed."""
        self.has_html = True
        source = [c for c in tree.children if isinstance(c, Token)]
        for c in tree.children:
            if isinstance(c, Tree):
                self.visit(c)
        if source:
            first, last = source[0].line, source[-1].end_line or source[-1].line
            self.out.append(f'<details class="src"><summary>HTML source, lines {first}–{last}</summary>')
            for tok in source:
                lines = tok.value.split("\n")
                if lines[-1] == "":
                    lines.pop()
                for k, text in enumerate(lines):
                    n = tok.line + k
                    self.html_lines.add(n)
                    self.out.append(f'<div class="l" id="H{n}"><a class="n" href="#H{n}">{n}</a>'
                                    f'<span class="t">{escape(plain(text)) or " "}</span></div>\n')
            self.out.append("</details>")

    def visit(self, node) -> None:
        if isinstance(node, Token):
            self.token(node)
        else:
            self.node(node)

    # -- where a span is shown ---------------------------------------------
    def source_line(self, line: int) -> str:
        """The id of a line of the source as printed: HTML source or text."""
        return f"H{line}" if line in self.html_lines else f"L{line}"

    def locate(self, span: Span | None) -> str | None:
        """The id of the line showing ``span`` (None: no line)."""
        if span is None or not self.positions:
            return None
        if not hasattr(self, "_offsets"):
            self.positions.sort()
            self._offsets = [p for p, _ in self.positions]
        starts = self.src.line_starts
        line = min(max(span.line, 1), len(starts))
        offset = starts[line - 1] + max(0, span.column - 1)
        k = bisect.bisect_right(self._offsets, offset) - 1
        return self.positions[max(k, 0)][1]


def _label(tree: Tree) -> str:
    """A node's first line of text (cut), and its line range."""
    first = last = None
    text = ""
    for tok in tree.scan_values(lambda t: isinstance(t, Token)):
        if tok.line is None or not tok.value or tok.type == "HTML_LINE":
            continue
        if first is None:
            first = tok.line
        last = tok.end_line or tok.line
        if not text and tok.value.strip() and tree.data not in ("html_text",):
            text = " ".join(tok.value.split())
    if first is None:
        return ""
    if len(text) > 48:
        text = text[:47] + "…"
    where = f"{first}" if first == last else f"{first}–{last}"
    return f"{where} {plain(text)}".strip()


def _marked(text: str, marks: Sequence[tuple[int, int, str]]) -> str:
    """``text`` escaped, with the columns of each diagnostic underlined
    (overlapping ranges: the first one)."""
    out, at = [], 0
    for start, end, severity in sorted(marks):
        start, end = max(start, at), min(max(end, start + 1), len(text))
        if start >= len(text) or end <= start:
            continue
        out.append(escape(plain(text[at:start])))
        out.append(f'<mark class="s-{escape(severity)}">{escape(plain(text[start:end]))}</mark>')
        at = end
    out.append(escape(plain(text[at:])))
    return "".join(out)


# ---------------------------------------------------------------------------
#  diagnostics
# ---------------------------------------------------------------------------
def _diagnostic(d, k: int, text: "_Text") -> str:
    from ..checks.rules import rule
    r = rule(d.code)
    title = escape(r.summary) if r else ""
    parts = [f'<div class="diag s-{escape(d.severity)}" id="d{k}">',
             f'<span class="sev">{escape(d.severity)}</span> ',
             f'<a class="code" href="#rule-{escape(d.code)}" title="{title}">{escape(d.code)}</a> ',
             f'<span class="msg">{escape(plain(d.message))}</span>']
    if d.primary.message:
        parts.append(f' <span class="lab">— {escape(plain(d.primary.message))}</span>')
    parts.append(f' <a class="at" href="#{text.source_line(d.line)}">line {d.line}:{d.column}</a>')
    for label in d.secondary:
        shown = text.locate(label.span) or text.source_line(label.span.line)
        parts.append(f'<div class="note">also <a href="#{shown}">line {label.span.line}</a>: '
                     f'{escape(plain(label.message))}</div>')
    for note in d.notes:
        parts.append(f'<div class="note">note: {escape(plain(note))}</div>')
    if d.help:
        parts.append(f'<div class="help">help: {escape(plain(d.help))}</div>')
    parts.append("</div>")
    return "".join(parts)


def _diagnostic_list(diagnostics, where: list[str | None]) -> str:
    if not diagnostics:
        return '<p class="none">No diagnostics.</p>'
    rows = []
    for k, d in enumerate(diagnostics):
        rows.append(f'<li class="s-{escape(d.severity)}"><a href="#d{k}"><span class="sev">{escape(d.severity)}'
                    f'</span> <b>{escape(d.code)}</b> line {d.line}: {escape(plain(d.message))}</a></li>')
    return f'<ol class="diags">{"".join(rows)}</ol>'


def _rules(diagnostics) -> str:
    from ..checks.rules import rule
    out = []
    for code in sorted({d.code for d in diagnostics}):
        r = rule(code)
        if r is None:
            continue
        fix = f"<p><b>Fix:</b> {escape(r.fix)}</p>" if r.fix else ""
        out.append(f'<div class="rule" id="rule-{escape(code)}"><h3>{escape(code)} {escape(r.name)} '
                   f'<span class="sev s-{escape(r.severity)}">{escape(r.severity)}</span></h3>'
                   f'<p class="sum">{escape(r.summary)}</p><p>{escape(r.what)}</p><p>{escape(r.why)}</p>{fix}'
                   f'<p class="doc">Full page: <code>docs/rules/{escape(code)}.md</code>, or '
                   f'<code>filing-grammar explain {escape(code)}</code></p></div>')
    return "".join(out)


# ---------------------------------------------------------------------------
#  records
# ---------------------------------------------------------------------------
def _cell(value, key: str | None) -> str:
    if value is None or value == "":
        return '<td class="na">—</td>'
    if isinstance(value, bool):
        value = "yes" if value else "no"
    text = escape(plain(value))
    return f'<td><a href="#{key}">{text}</a></td>' if key else f"<td>{text}</td>"


def _table(title: str, head: Iterable[str], rows: list[str], anchor: str) -> str:
    if not rows:
        return f'<div class="rb"><h3 id="{anchor}">{escape(title)}</h3><p class="none">None read.</p></div>'
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (f'<div class="rb"><h3 id="{anchor}">{escape(title)}</h3><table class="rec"><thead><tr>{th}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></div>')


def _records(filing: Filing, text: _Text) -> str:
    loc = text.locate
    out = []
    head = filing.sec_header
    if head is not None:
        rows = [f"<tr><th>{escape(k)}</th>{_cell(v, loc(head.span))}</tr>" for k, v in (
            ("accession number", head.accession_number), ("submission type", head.submission_type),
            ("period of report", head.period_of_report), ("filed as of", head.filed_as_of_date))]
        out.append(_table("SEC header", ("field", "value"), rows, "rec-header"))
    cover = filing.cover or Cover()
    rows = []
    for f in fields(Cover):
        if not f.metadata.get("json", True) or f.name in ("checkboxes", "securities_12b", "co_registrants"):
            continue
        rows.append(f"<tr><th>{escape(f.name.replace('_', ' '))}</th>"
                    f"{_cell(getattr(cover, f.name), loc(cover.spans.get(f.name)))}</tr>")
    for name, value in (cover.checkboxes or {}).items():
        rows.append(f"<tr><th>box: {escape(name.replace('_', ' '))}</th>{_cell(value, None)}</tr>")
    for sec in cover.securities_12b:
        rows.append(f"<tr><th>12(b) security</th>{_cell(' · '.join(str(v) for v in sec.values() if v), None)}</tr>")
    for co in cover.co_registrants:
        rows.append(f"<tr><th>co-registrant</th>{_cell(co.get('name'), None)}</tr>")
    out.append(_table("Cover", ("field", "value"), rows, "rec-cover"))
    rows = [f"<tr>{_cell(i.number, loc(i.number_spans.get(i.number) if i.number else None) or loc(i.span))}"
            f"{_cell(i.title, loc(i.title_span) or loc(i.span))}{_cell(i.line, loc(i.span))}"
            f"<td class='num'>{len(i.text.split())}</td></tr>" for i in filing.items]
    out.append(_table("Items", ("number", "title", "line", "words"), rows, "rec-items"))
    sig = filing.signature
    rows = []
    if sig is not None:
        for name in ("registrant", "signer", "title", "date"):
            rows.append(f"<tr><th>{name}</th>{_cell(getattr(sig, name), loc(sig.spans.get(name)) or loc(sig.span))}</tr>")
    out.append(_table("Signature", ("field", "value"), rows, "rec-signature"))
    rows = [f"<tr>{_cell(e.number, loc(e.number_span) or loc(e.span))}{_cell(e.description, loc(e.span))}"
            f"{_cell(e.page, None)}</tr>" for e in filing.exhibit_index]
    out.append(_table("Exhibits", ("number", "description", "page"), rows, "rec-exhibits"))
    rows = [f"<tr>{_cell(d.type, loc(d.span))}{_cell(d.sequence, None)}{_cell(d.filename, None)}"
            f"{_cell(d.description, None)}{_cell(d.line, loc(d.span))}</tr>" for d in filing.documents]
    out.append(_table("Documents", ("type", "sequence", "file name", "description", "line"), rows, "rec-documents"))
    if filing.xbrl:
        rows = [f"<tr><th>{escape(plain(name))}</th>"
                f"{_cell(', '.join(values), loc((filing.xbrl_spans.get(name) or (None,))[0]))}</tr>"
                for name, values in filing.xbrl.items()]
        out.append(_table("Inline XBRL facts", ("name", "values"), rows, "rec-xbrl"))
    if filing.unmatched:
        rows = [f"<tr>{_cell(u.line, loc(u.span))}{_cell(u.end_line, None)}{_cell(u.text[:200], loc(u.span))}</tr>"
                for u in filing.unmatched]
        out.append(_table("Unmatched text", ("line", "to line", "text"), rows, "rec-unmatched"))
    return "".join(out)


# ---------------------------------------------------------------------------
#  the report
# ---------------------------------------------------------------------------
def _legend() -> str:
    keys = "".join(f'<li><span class="sw g-{k}{" item-a" if k == "item" else ""}"></span>{escape(n)}</li>'
                   for k, n in REGIONS)
    return (f'<ul class="legend" aria-label="legend">{keys}'
            '<li>diagnostics: <mark class="s-error">error</mark> <mark class="s-warning">warning</mark></li></ul>')


def counts(diagnostics) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        out[d.severity] = out.get(d.severity, 0) + 1
    return out


def render_report(src, parsed, filing: Filing, diagnostics, name: str | None = None,
                  index_href: str | None = None) -> str:
    """The report page of one filing (a str of HTML)."""
    name = name or src.path or "<stdin>"
    text = _Text(src, diagnostics)
    text.visit(parsed.tree)
    where = [text.locate(d.primary.span) for d in diagnostics]
    for k, key in enumerate(where):
        text.at_line.setdefault(key or "", []).append(k)
    body_text = []
    for piece in text.out:
        if piece.startswith("\x00"):
            for k in text.at_line.get(piece.strip("\x00"), ()):
                body_text.append(_diagnostic(diagnostics[k], k, text))
        else:
            body_text.append(piece)
    stray = [_diagnostic(diagnostics[k], k, text) for k in text.at_line.get("", ())]
    c = counts(diagnostics)
    chips = "".join(f'<span class="chip s-{s}{" zero" if not n else ""}">{n} {s}{"s" if n != 1 and s != "info" else ""}</span>'
                    for s, n in c.items())
    unmatched = sum(u.end_line - u.line + 1 for u in filing.unmatched)
    if unmatched:
        chips += f'<span class="chip g-unmatched">{unmatched} unmatched line{"s" if unmatched != 1 else ""}</span>'
    back = f'<a class="back" href="{escape(index_href)}">← all filings</a>' if index_href else ""
    form = escape(filing.form_type or "unknown form")
    registrant = escape(plain((filing.cover.registrant_name if filing.cover else None) or ""))
    diag_panel = (f'<section class="panel" id="diagnostics"><h2>Diagnostics</h2>'
                  f'{_diagnostic_list(diagnostics, where)}{"".join(stray)}</section>' if diagnostics else "")
    body = f"""
<header class="top"><div class="title">{back}
<h1>{escape(plain(name))}</h1>
<p class="sub">{form}{" · " + registrant if registrant else ""}{" · HTML document, shown as its text rendering" if filing.is_html else ""}</p></div>
<div class="side"><p class="chips">{chips}</p>
<nav class="jump"><a href="#text">Text</a> <a href="#records">Records</a> <a href="#rules">Rules</a></nav></div>
</header>
{diag_panel}
<div class="main{" has-html" if text.has_html else ""}">
<nav class="outline" id="outline" aria-label="parse tree"><h2>Parse tree</h2>{"".join(text.outline)}</nav>
<section class="textpane" id="text"><div class="textbar"><h2>Text</h2>{_legend()}</div>
<div class="lines">{"".join(body_text)}</div></section>
</div>
<section class="panel" id="records"><h2>Records</h2><div class="recs">{_records(filing, text)}</div></section>
<section class="panel" id="rules"><h2>Rules</h2>{_rules(diagnostics) or '<p class="none">No rule was broken.</p>'}</section>
<footer>Written by filing-grammar report. This page loads nothing from the network.</footer>
"""
    return page(f"{name} — filing-grammar report", body)
