"""The text pane of a report page (filing_grammar/render/report.py): the
filing's lines, each with an id, in blocks nested as the parse tree's nodes
and shaded by grammar region; the outline of the tree beside it; where each
line of the source was put, for the links of the diagnostics and records;
and where the page stops (report --max-lines)."""

from __future__ import annotations

import bisect
import re
import sys
from html import escape
from typing import Sequence

from lark import Token, Tree

from ..records import Span
from ..tokens import LineToken
from ..tree import RENDERING
from . import plain
from .report_diagnostics import _diagnostic

__all__ = ["REGIONS", "region_of", "TextPane"]

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
# A rendered line's link to its line of HTML source (TextPane._line).
_HTML_LINK = re.compile(r'<a class="(h(?: same)?)" href="#H(\d+)" title="HTML source line \d+">\d+</a>')
# Nodes the outline leaves out (their lines stay in their parent's).
_OUTLINE_SKIP = frozenset({RENDERING})


def region_of(rule: str) -> str | None:
    return _REGION_OF.get(rule)


# ---------------------------------------------------------------------------
#  the text: lines, each with an id, in nested region blocks
# ---------------------------------------------------------------------------
class TextPane:
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
        self.ends: dict[tuple[int, int], int | None] = {}  # (id of a node, side) -> _end
        self.texts: dict[int, str] = {}  # id of a node -> _text_of
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
        lines: issue 12.)  A node of many children has each looked for from
        the end it is at instead (_end, _text_of): the page may stop long
        before its last child (the top node of a cover of 1.7 million value
        blocks was 2 s of its report)."""
        done = self.extents.get(id(tree))
        if done is not None:
            return done
        if len(tree.children) > _WIDE:
            first = self._end(tree, 0)
            if first is None:
                done = (None, None, "", _has_node(tree))
            else:
                done = (first, self._end(tree, 1), self._text_of(tree), _has_node(tree))
            self.extents[id(tree)] = done
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

    def _end(self, tree: Tree, side: int) -> int | None:
        """The first line (``side`` 0) or the last (1) of the tokens under
        ``tree`` that _extent counts; kept per node and side."""
        key = (id(tree), side)
        if key in self.ends:
            return self.ends[key]
        found = None
        for child in (tree.children if not side else reversed(tree.children)):
            if isinstance(child, Tree):
                found = self._end(child, side)
            elif isinstance(child, Token) and _counted(child):
                found = child.line if not side else (child.end_line or child.line)
            if found is not None:
                break
        self.ends[key] = found
        return found

    def _text_of(self, tree: Tree) -> str:
        """The first text under ``tree`` that is not blank, white space
        collapsed ('' if none is); kept per node."""
        text = self.texts.get(id(tree))
        if text is None:
            text = ""
            for child in tree.children:
                if isinstance(child, Tree):
                    text = self._text_of(child)
                elif isinstance(child, Token) and _counted(child) and not child.value.isspace():
                    text = " ".join(child.value.split())
                if text:
                    break
            self.texts[id(tree)] = text
        return text

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


# A node of more children than this has its extent looked for from its ends.
_WIDE = 256


def _counted(tok: Token) -> bool:
    """Is a token one whose lines a node's label counts (TextPane._extent)?"""
    return tok.line is not None and bool(tok.value) and tok.type != "HTML_LINE"


def _has_node(tree: Tree) -> bool:
    return any(isinstance(child, Tree) for child in tree.children)


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
