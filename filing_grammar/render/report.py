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
import re
import sys
from dataclasses import fields
from html import escape
from string import Template
from typing import Iterable, Sequence

from lark import Token, Tree

from ..records import Cover, Filing, Span
from ..tokens import LineToken
from ..tree import RENDERING
from . import plain
from .report_diagnostics import _diagnostic, _diagnostic_list, _rules

__all__ = ["render_report", "report_pieces", "page", "REGIONS", "region_of", "MAX_LINES"]

# The lines a page shows at most (report --max-lines; 0 or None: every line).
# A page of millions of lines is hundreds of MB that no browser opens, and was
# the slowest thing the command line made (issue 12); the largest filing of
# the corpus has 48,000 lines.  Where the page stops, a note says so.
MAX_LINES = 200_000

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
# A rendered line's link to its line of HTML source (_Text._line).
_HTML_LINK = re.compile(r'<a class="(h(?: same)?)" href="#H(\d+)" title="HTML source line \d+">\d+</a>')
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


# what stands for the body: never in the escaped title (a "<"), the style
# nor the script (a NUL)
_BODY = "<\x00body\x00>"


def _page_around(title: str) -> tuple[str, str]:
    """The text of :func:`page` before and after its body."""
    whole = page(title, _BODY)
    before, body, after = whole.partition(_BODY)
    if not body or _BODY in after:
        raise ValueError("the page template must hold its body once")
    return before, after


# ---------------------------------------------------------------------------
#  the text: lines, each with an id, in nested region blocks
# ---------------------------------------------------------------------------
class _Text:
    """Walks the tree once, writing the text pane and the outline, and keeps
    where each line of the source (or of a rendering) was put."""

    def __init__(self, src, diagnostics, max_lines: int | None = None) -> None:
        self.src = src
        # lines the page may still show; where it stopped (a source offset
        # and line): nothing from there on is shown or linked to
        self.left = max_lines if max_lines else sys.maxsize
        self.max_lines = max_lines
        self.cut: int | None = None
        self.cut_line: int | None = None
        self.cut_html: tuple[int, int] | None = None  # the lines of an HTML document the page stopped in
        self.out: list[str] = []
        self.outline: list[str] = []
        # (source offset, line id) of each line shown, as two lists: sorted as
        # pairs when first looked in, unless they came in order (as a text
        # filing's lines do; 5 million pairs were a second of the report of
        # 5 MB of blank lines: issue 12)
        self.offsets: list[int] = []
        self.keys: list[str] = []
        self.in_order = True
        self.renderings: dict[int, int] = {}
        self.nodes = 0
        self.items = 0
        self.has_html = False
        self.last_html: int | None = None
        self.html_lines: set[int] = set()  # lines of the source shown as HTML source
        self.diagnostics = diagnostics
        self.at_line: dict[str, list[int]] = {}  # line id -> diagnostics there (filled later)
        # line id -> the index in out after its line: where its diagnostics
        # go; the indices after the first of an id shown twice, in more_slots
        self.slots: dict[str, int] = {}
        self.more_slots: dict[str, list[int]] = {}
        # the same for the lines of the input written by children(): their
        # numbers (rising, unless fast_rising is False) and indices in out,
        # two lists (a dict of 5 million ids took half the time of a line)
        self.fast_ns: list[int] = []
        self.fast_ats: list[int] = []
        self.fast_rising = True
        self.fast_by_n: dict[int, list[int]] | None = None
        self.marks: dict[int, list[tuple[int, int, str]]] = {}  # source line -> (col, end, severity)
        self.extents: dict[int, tuple] = {}  # id of a node -> _extent
        self.shown: dict = {}  # a diagnostic's text -> escape(plain(it)): see _text
        self.kinds: dict[tuple, tuple[str, str, str, str]] = {}  # see _kind
        for d in diagnostics:
            s = d.primary.span
            if s.line == s.end_line:
                self.marks.setdefault(s.line, []).append((s.column - 1, s.end_column - 1, d.severity))

    # -- lines ---------------------------------------------------------------
    def _position(self, offset: int, key: str) -> None:
        offsets = self.offsets
        if offsets and (offset < offsets[-1] or (offset == offsets[-1] and key < self.keys[-1])):
            self.in_order = False
        offsets.append(offset)
        self.keys.append(key)

    def _stop(self, offset: int) -> None:
        """The page shows no line from ``offset`` of the source on: a note
        where the text stops, and one at the end of the outline."""
        starts = self.src.line_starts
        self.cut = offset
        self.cut_line = max(bisect.bisect_right(starts, offset), 1)
        self.out.append(
            f'<div class="cut" id="cut">The text stops here, at line {self.cut_line:,} of {len(starts):,}: '
            f'a page shows at most {self.max_lines:,} lines (<code>report --max-lines N</code>; 0 shows '
            f'every line). Diagnostics further on are listed at the top, without a link to their line.</div>\n')
        self.outline.append(f'<div class="leaf"><a href="#cut">the text stops at line {self.cut_line:,}</a></div>')

    def _slot(self, key: str) -> None:
        """The diagnostics of line ``key`` go here, after its line."""
        at = len(self.out)
        if self.slots.setdefault(key, at) != at:
            self.more_slots.setdefault(key, []).append(at)

    def _line(self, key: str, number: int, text: str, html_line: int | None = None,
              marks: Sequence[tuple[int, int, str]] = (), repeat: bool = False) -> None:
        """A line; a rendered line links to its HTML line (its number shown
        faintly when it is the line before's too)."""
        shown = _marked(text, marks) if marks else escape(plain(text))
        html = (f'<a class="h{" same" if repeat else ""}" href="#H{html_line}" '
                f'title="HTML source line {html_line}">{html_line}</a>' if html_line is not None else "")
        self.out.append(f'<div class="l" id="{key}"><a class="n" href="#{key}">{number}</a>{html}'
                        f'<span class="t">{shown or " "}</span></div>\n')
        self._slot(key)

    def token(self, tok: Token) -> None:
        if not tok.value or tok.line is None:
            return
        rendering = getattr(tok, "rendering", None)
        lines = tok.value.split("\n")
        if lines[-1] == "":
            lines.pop()
        for k, text in enumerate(lines):
            n = tok.line + k
            if self.cut is not None:
                return
            if rendering is None:
                key = f"L{n}"
                offset = self.src.line_starts[n - 1] if n <= len(self.src.line_starts) else 0
                if not self.left:
                    return self._stop(offset)
                self.left -= 1
                self._position(offset, key)
                self._line(key, n, text, marks=self.marks.get(n, ()))
            else:
                r = self.renderings.setdefault(id(rendering), len(self.renderings) + 1)
                key = f"R{r}-{n}"
                row = rendering.anchors[n - 1] if 0 < n <= len(rendering.anchors) else ()
                if not self.left:
                    return self._stop(row[0][1] if row else (self.offsets[-1] + 1 if self.offsets else 0))
                self.left -= 1
                for _, offset in row:
                    self._position(offset, key)
                lead = len(text) - len(text.lstrip()) if text.strip() else 0
                html_line = rendering.line_col(rendering.source_offset(n, lead))[0] if row else None
                repeat = html_line == self.last_html
                self.last_html = html_line if html_line is not None else self.last_html
                self._line(key, n, text, html_line, repeat=repeat)

    def children(self, children: Sequence) -> None:
        """:meth:`visit` of each of ``children``; a line of the input, the
        commonest by far, without a call of its own (a 5 MB filing of blank
        lines is 5 million of them: issue 12)."""
        starts = self.src.line_starts
        count = len(starts)
        out = self.out
        add = out.append
        offsets, keys, marks = self.offsets, self.keys, self.marks
        ns, ats = self.fast_ns, self.fast_ats
        last_n = ns[-1] if ns else None
        last = offsets[-1] if offsets else None
        left = self.left
        for tok in children:
            if self.cut is not None:
                break
            if tok.__class__ is not LineToken:
                self.left = left
                self.visit(tok)
                left = self.left
                last_n = ns[-1] if ns else None
                last = offsets[-1] if offsets else None
                continue
            text = str.__str__(tok)
            n = tok.line
            end = text.find("\n")
            if n is None or n in marks or not text or (end != -1 and end != len(text) - 1):
                self.left = left
                self.token(tok)  # no line, diagnostics marked in it, or several lines
                left = self.left
                last = offsets[-1] if offsets else None
                continue
            if end != -1:
                text = text[:-1]
            key = f"L{n}"
            offset = starts[n - 1] if n <= count else 0
            if not left:
                self._stop(offset)
                break
            left -= 1
            if last is not None and offset <= last and (offset < last or key < keys[-1]):
                self.in_order = False
            last = offset
            offsets.append(offset)
            keys.append(key)
            if text:
                text = escape(text if text.isprintable() else plain(text)) or " "
            else:
                text = " "
            add(f'<div class="l" id="{key}"><a class="n" href="#{key}">{n}</a><span class="t">{text}</span></div>\n')
            if last_n is not None and n <= last_n:
                self.fast_rising = False
            last_n = n
            ns.append(n)
            ats.append(len(out))
        self.left = left

    # -- nodes ---------------------------------------------------------------
    def node(self, tree: Tree) -> None:
        if self.cut is not None:
            return
        data = tree.data
        if data == "html_text":
            return self._html(tree)
        if data in _OUTLINE_SKIP:
            self.children(tree.children)
            return
        self.nodes += 1
        nid = f"n{self.nodes}"
        if data == "item":
            self.items += 1
            kind = self._kind(data, "item-b" if self.items % 2 == 0 else "item-a")
        else:
            kind = self._kind(data, None)
        classes, rule, tag, dot = kind
        label = self._label(tree)
        self.out.append(f'<div class="{classes}" id="{nid}" data-rule="{rule}">')
        if tag:
            self.out.append(tag)
        entry = (f'<a href="#{nid}" data-rule="{rule}">{dot}<b>{rule}</b>'
                 f'{" " + escape(label) if label else ""}</a>')
        kids = self._extent(tree)[3]
        if kids:
            self.outline.append(f'<details open><summary>{entry}</summary>')
        else:
            self.outline.append(f'<div class="leaf">{entry}</div>')
        self.children(tree.children)
        if kids:
            self.outline.append("</details>")
        self.out.append("</div>")

    def _kind(self, data: str, item: str | None) -> tuple[str, str, str, str]:
        """What a node of rule ``data`` shows whatever its text (the same for
        every node of a rule, made once: issue 12): its classes, its rule
        escaped, its tag and its dot in the outline."""
        kind = self.kinds.get((data, item))
        if kind is None:
            region = region_of(data)
            cls = ["b", f"rule-{data}"]
            if region:
                cls.append(f"g-{region}")
            if item:
                cls.append(item)
            # (the envelope's first line is its PEM or SEC header's)
            tag = (f'<span class="tag">{escape(data.replace("_", " "))}</span>'
                   if region and data != "envelope" else "")
            dot = f'<i class="dot {" ".join(cls[2:])}"></i>' if region else ""
            kind = self.kinds[(data, item)] = (" ".join(cls), escape(data), tag, dot)
        return kind

    def _html(self, tree: Tree) -> None:
        """An HTML document: its rendering, then its source, collapsed."""
        self.has_html = True
        source = [c for c in tree.children if isinstance(c, Token)]
        begin = len(self.out)
        for c in tree.children:
            if isinstance(c, Tree):
                self.visit(c)
        first = last = None
        if source:
            first, last = source[0].line, source[-1].end_line or source[-1].line
        if source and self.cut is None:
            self.out.append(f'<details class="src"><summary>HTML source, lines {first}–{last}</summary>')
            add, shown = self.out.append, self.html_lines.add
            starts = self.src.line_starts
            left = self.left
            for tok in source:
                lines = tok.value.split("\n")
                if lines[-1] == "":
                    lines.pop()
                n = tok.line
                for text in lines:
                    if not left:
                        self._stop(starts[n - 1] if n <= len(starts) else len(self.src.text))
                        break
                    left -= 1
                    shown(n)
                    if text:
                        text = escape(text if text.isprintable() else plain(text)) or " "
                    else:
                        text = " "
                    add(f'<div class="l" id="H{n}"><a class="n" href="#H{n}">{n}</a>'
                        f'<span class="t">{text}</span></div>\n')
                    n += 1
                if self.cut is not None:
                    break
            self.left = left
            self.out.append("</details>")
        if self.cut is not None and first is not None:
            self._unlink_html(begin, first, last)

    def _unlink_html(self, begin: int, first: int, last: int) -> None:
        """The page stopped in this HTML document (lines ``first`` to
        ``last``): its rendered lines written from ``begin`` on link to
        their HTML lines only where those are shown."""
        self.cut_html = (first, last)
        shown = self.html_lines

        def link(m: re.Match) -> str:
            return m[0] if int(m[2]) in shown else f'<span class="{m[1]}">{m[2]}</span>'
        out = self.out
        for k in range(begin, len(out)):
            if '<a class="h' in out[k]:
                out[k] = _HTML_LINK.sub(link, out[k])

    def visit(self, node) -> None:
        if isinstance(node, Token):
            self.token(node)
        else:
            self.node(node)

    # -- a node's label ------------------------------------------------------
    def _label(self, tree: Tree) -> str:
        """A node's first line of text (cut), and its line range."""
        first, last, text, _ = self._extent(tree)
        if first is None:
            return ""
        if tree.data in ("html_text",):
            text = ""
        if len(text) > 48:
            text = text[:47] + "…"
        where = f"{first}" if first == last else f"{first}–{last}"
        return f"{where} {plain(text)}".strip()

    def _extent(self, tree: Tree) -> tuple:
        """(first line, last line, first text, whether a node is a child) of
        the tokens under ``tree`` with a line and text, lines of HTML source
        left out (None, None and '' if none is): worked out once per node,
        from its children's.  (Each node scanned its whole subtree: a line
        was read once per node above it, a dozen times in an 8-K of blank
        lines: issue 12.)"""
        done = self.extents.get(id(tree))
        if done is not None:
            return done
        first = last = None
        text = ""
        kids = False
        for child in tree.children:
            if isinstance(child, Tree):
                kids = True
                a, b, t, _ = self._extent(child)
                if a is None:
                    continue
            elif not isinstance(child, Token):
                continue
            else:
                value = child.value
                if child.line is None or not value or child.type == "HTML_LINE":
                    continue
                a, b = child.line, child.end_line or child.line
                t = "" if text or value.isspace() else " ".join(value.split())
            if first is None:
                first = a
            last = b
            if not text:
                text = t
        done = self.extents[id(tree)] = (first, last, text, kids)
        return done

    # -- where a span is shown -----------------------------------------------
    def source_line(self, line: int) -> str | None:
        """The id of a line of the source as printed: HTML source or text
        (None: a line after the page stopped)."""
        if line in self.html_lines:
            return f"H{line}"
        if self.cut_line is not None and line >= self.cut_line:
            return None
        if self.cut_html is not None and self.cut_html[0] <= line <= self.cut_html[1]:
            return None
        return f"L{line}"

    def locate(self, span: Span | None) -> str | None:
        """The id of the line showing ``span`` (None: no line)."""
        if span is None or not self.offsets:
            return None
        if not self.in_order:
            pairs = sorted(zip(self.offsets, self.keys))
            self.offsets = [p for p, _ in pairs]
            self.keys = [k for _, k in pairs]
            self.in_order = True
        starts = self.src.line_starts
        line = min(max(span.line, 1), len(starts))
        offset = starts[line - 1] + max(0, span.column - 1)
        if self.cut is not None and offset >= self.cut:
            return None
        k = bisect.bisect_right(self.offsets, offset) - 1
        return self.keys[max(k, 0)]

    def _fast_slots(self, key: str) -> list[int]:
        """Where the diagnostics of ``key`` go among the lines written by
        children() (after each line of that id)."""
        if not key.startswith("L") or not self.fast_ns:
            return []
        try:
            n = int(key[1:])
        except ValueError:
            return []
        ns = self.fast_ns
        if not self.fast_rising:  # (a line shown twice, or out of order)
            if self.fast_by_n is None:
                self.fast_by_n = {}
                for m, at in zip(ns, self.fast_ats):
                    self.fast_by_n.setdefault(m, []).append(at)
            return self.fast_by_n.get(n, [])
        k = bisect.bisect_left(ns, n)
        return [self.fast_ats[k]] if k < len(ns) and ns[k] == n else []

    def text_pane(self, diagnostics) -> list[str]:
        """The text pane's pieces, each line's diagnostics after it."""
        after: list[tuple[int, str]] = []  # (index in out, line id)
        for key in self.at_line:
            if key in self.slots:
                after.append((self.slots[key], key))
                after.extend((at, key) for at in self.more_slots.get(key, ()))
            after.extend((at, key) for at in self._fast_slots(key))
        if not after:
            return self.out
        out, pieces, done = self.out, [], 0
        for at, key in sorted(after):
            pieces.extend(out[done:at])
            pieces.extend(_diagnostic(diagnostics[k], k, self) for k in self.at_line[key])
            done = at
        pieces.extend(out[done:])
        return pieces


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
                  index_href: str | None = None, max_lines: int | None = MAX_LINES) -> str:
    """The report page of one filing (a str of HTML)."""
    return "".join(report_pieces(src, parsed, filing, diagnostics, name, index_href, max_lines))


def report_pieces(src, parsed, filing: Filing, diagnostics, name: str | None = None,
                  index_href: str | None = None, max_lines: int | None = MAX_LINES) -> list[str]:
    """:func:`render_report`'s page in pieces, to be written one after the
    other: a filing of millions of lines is not joined into one string, nor
    copied into its page (three copies of half a GB, twice that once a
    character of the page is not Latin-1: issue 12)."""
    name = name or src.path or "<stdin>"
    text = _Text(src, diagnostics, max_lines)
    text.visit(parsed.tree)
    where = [text.locate(d.primary.span) for d in diagnostics]
    for k, key in enumerate(where):
        text.at_line.setdefault(key or "", []).append(k)
    body_text = text.text_pane(diagnostics)
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
                  f'{_diagnostic_list(diagnostics, where, text.shown)}{"".join(stray)}</section>' if diagnostics else "")
    head = f"""
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
<div class="lines">"""
    tail = f"""</div></section>
</div>
<section class="panel" id="records"><h2>Records</h2><div class="recs">{_records(filing, text)}</div></section>
<section class="panel" id="rules"><h2>Rules</h2>{_rules(diagnostics) or '<p class="none">No rule was broken.</p>'}</section>
<footer>Written by filing-grammar report. This page loads nothing from the network.</footer>
"""
    before, after = _page_around(f"{name} — filing-grammar report")
    return [before + head, *body_text, tail + after]
