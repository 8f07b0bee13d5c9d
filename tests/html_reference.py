"""The HTML renderer as it was before the single-pass tokenizer (issue 12), kept
unchanged as the reference the tests compare the new one against (but for
two fixes made in both: the offsets of what close() reads, and text whose
references all decode to nothing, "&#1;", which ended the rendering).

HTML documents rendered to the plain-text layout the grammar reads.

Since 1999 most 8-Ks are HTML.  The grammar's tree keeps an HTML document as
its own lines (``html_text``); to read the form inside it, this module renders
the HTML the way a browser would lay it out as text — block elements start new
lines, table rows become lines with their cells in aligned columns (so a row
of values sits over its row of captions, as on a typed cover page), hidden
Inline XBRL headers are skipped, entities are decoded — and keeps, for each
rendered line, the source line it came from.  The rendered text is then parsed
by the same grammar as a typed filing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

from filing_grammar import cache

__all__ = ["render_html", "looks_like_html", "Rendering", "Fact"]

_BLOCK = frozenset({
    "p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "hr", "center", "blockquote", "pre", "title", "dl", "dt", "dd", "section", "article",
    "header", "footer", "page",
})
_INLINE_CAPABLE = frozenset({"p", "div", "center", "h1", "h2", "h3", "h4", "h5", "h6", "section"})
_SKIP = frozenset({"script", "style", "head", "ix:header", "xbrli:context", "noscript"})
_HTML_START = cache.compile(
    r"\s*<(?:html|!doctype|xbrl|\?xml|p|div|font|center|body|head|title|br|h[1-6]|b|span|a\s|"
    r"hr|img|meta|link|!--)\b", re.I)


def looks_like_html(line: str) -> bool:
    """Does a document whose first non-blank line is ``line`` hold HTML?"""
    return bool(_HTML_START.match(line))


class _Cell:
    """A table cell: its pieces of text with their offsets in the HTML, and
    the offset of its <td> (where an empty cell is)."""

    __slots__ = ("pieces", "pos")

    def __init__(self, pos: int):
        self.pieces: list[tuple[str, int]] = []
        self.pos = pos

    def text(self) -> str:
        return "".join(t for t, _ in self.pieces)


class _RendererMixin:
    # The renderer's methods; the class itself, on html.parser's HTMLParser,
    # is made at the first HTML document (_renderer), so that a process that
    # reads no HTML does not load html.parser (start-up, issue 12).
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self._html = html
        self._at = 0  # updatepos
        # rendered lines: (text, anchors); an anchor is (column in the line,
        # offset in the HTML of the character shown there)
        self.lines: list[tuple[str, tuple[tuple[int, int], ...]]] = []
        self.current: list[tuple[str, int]] = []  # pieces of the line being built
        self.line_pos = 0  # where in the HTML the line being built began
        self.skip_depth = 0
        self.pre = 0
        self.had_data = False  # data (even blank) since the last line break
        # table state: a stack of tables, each a list of rows of cells
        self.tables: list[list[list[_Cell]]] = []
        self.table_pos: list[int] = []
        self.cell: _Cell | None = None
        self.cell_stack: list[_Cell | None] = []
        self.inline_stack: dict[str, list[bool]] = {}  # per block tag: opened inline?
        # Inline XBRL facts (ix:nonNumeric, ix:nonFraction), hidden ones too:
        # open ones as [name, start, pieces], closed ones as Fact
        self.open_facts: list[list] = []
        self.facts: list[Fact] = []

    # -- speed: what HTMLParser does, for the tags that are most of a filing --
    # (HTMLParser's own methods take the rest: the result is the same, a test
    # compares; the loop, comments, declarations and script stay its own.)
    def updatepos(self, i: int, j: int) -> int:
        """Where the parser is, as an offset in ``rawdata`` (HTMLParser counts
        lines and columns here, and ``_pos`` would turn them back)."""
        if i < j:
            self._at = j
        return j

    def _pos(self) -> int:
        """The offset in the HTML of the tag or text being handled."""
        # rawdata is what is left of the HTML (fed once, whole)
        return len(self._html) - len(self.rawdata) + self._at

    def parse_starttag(self, i: int) -> int:
        m = _SIMPLE_TAG.match(self.rawdata, i)
        if m is None:
            return super().parse_starttag(i)
        tag, attr_text, slash = m.groups()
        tag = tag.lower()
        if tag in _RAW_TEXT:  # script, style, title ...: HTMLParser's own modes
            return super().parse_starttag(i)
        attrs = []
        if attr_text:
            for name, rest, quoted, bare in _SIMPLE_ATTR.findall(attr_text):
                if not rest:
                    value = None
                else:
                    value = quoted[1:-1] if quoted else bare
                    if value:
                        value = _unescape(value)
                attrs.append((name.lower(), value))
        self.lasttag = tag
        if slash:
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
        return m.end()

    def parse_endtag(self, i: int) -> int:
        if self.cdata_elem is None:
            m = _SIMPLE_END.match(self.rawdata, i)
            if m is not None:
                self.handle_endtag(m.group(1).lower())
                return m.end()
        return super().parse_endtag(i)

    # -- text accumulation --------------------------------------------------
    def _emit(self) -> None:
        """End the current line.  Blocks follow each other line by line (CSS
        margins are not rendered); an empty block (<p>&nbsp;</p>, a second
        <br>) is a blank line, as it is what filers use for spacing."""
        pieces = self.current
        self.current = []
        had_data, self.had_data = self.had_data, False
        if self.pre:
            raw = "".join(t for t, _ in pieces).replace("\xa0", " ")
            at = 0
            for piece in raw.split("\n"):
                self.lines.append((piece.rstrip(), ((0, _offset_in(pieces, at, self.line_pos)),)))
                at += len(piece) + 1
            return
        # collapse ordinary white space as a browser does; no-break spaces
        # stand, then become spaces
        text, anchors = _collapse(pieces)
        if text.strip():
            self.lines.append((text, anchors))
        elif had_data and self.lines and self.lines[-1][0] != "":
            self.lines.append(("", ((0, self.line_pos),)))

    def _break(self) -> None:
        if self.cell is not None:
            self.cell.pieces.append((_CELL_BREAK, self._pos()))  # a cell may hold several lines
            return
        self._emit()

    # -- parser callbacks -----------------------------------------------------
    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        attr = dict(attrs) if attrs else _NO_ATTRS
        style = (attr.get("style") or "").replace(" ", "").lower()
        hidden = "display:none" in style
        if tag in _IX_FACTS:
            shown = not self.skip_depth and not hidden
            self.open_facts.append([attr.get("name") or "", self._pos(), [], not shown])
        if tag in _SKIP or hidden or self.skip_depth:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if not self.current and self.cell is None:
            self.line_pos = self._pos()
        if tag == "pre":
            self._break()
            self.pre += 1
        elif tag == "table":
            if self.cell is None:
                self._emit()
            self.cell_stack.append(self.cell)
            self.cell = None
            self.tables.append([])
            self.table_pos.append(self._pos())
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.cell = _Cell(self._pos())
            span = attr.get("colspan") or "1"
            self.tables[-1][-1].append(self.cell)
            for _ in range(min(int(span) if span.isdecimal() else 1, 20) - 1):
                self.tables[-1][-1].append(_Cell(self.cell.pos))
        elif tag == "br" and not self.current and self.cell is None:
            self.had_data = True  # <br><br>: a blank line
            self._break()
        elif tag in _BLOCK:
            # <div style="display:inline"> flows with the text around it
            # (iXBRL wraps values so: "(<div inline>972</div>) 934-4700")
            inline = "display:inline" in style and tag in _INLINE_CAPABLE
            self.inline_stack.setdefault(tag, []).append(inline)
            if not inline:
                self._break()

    def handle_startendtag(self, tag, attrs):
        tag = tag.lower()
        if self.skip_depth:
            return
        if tag in ("br", "hr", "p", "div"):
            if tag == "br" and not self.current and self.cell is None:
                self.had_data = True  # <br><br>: a blank line
            self._break()
        elif tag in ("td", "th"):
            # an empty cell written <td/> (XHTML) still holds its column
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in _IX_FACTS and self.open_facts:
            name, start, pieces, hidden_fact = self.open_facts.pop()
            value = " ".join("".join(pieces).split())
            self.facts.append(Fact(name, value, start, self._pos() + len(tag) + 3, hidden_fact))
        if self.skip_depth:
            if tag not in _VOID:
                self.skip_depth -= 1
            return
        if tag == "pre":
            self._emit()
            self.pre = max(0, self.pre - 1)
        elif tag in ("td", "th"):
            self.cell = None
        elif tag == "table" and self.tables:
            rows = self.tables.pop()
            pos = self.table_pos.pop()
            self.cell = self.cell_stack.pop() if self.cell_stack else None
            rendered = _layout(rows)
            if self.cell is not None:  # a table inside a cell: its lines go into the cell
                self.cell.pieces.append(
                    (_CELL_BREAK + _CELL_BREAK.join(r.strip() for r, _ in rendered) + _CELL_BREAK, pos))
            else:
                self.lines.extend(rendered)
                self.lines.append(("", ((0, pos),)))
        elif tag in _BLOCK:
            opened = self.inline_stack.get(tag)
            if not (opened and opened.pop()):
                self._break()

    def handle_data(self, data):
        for fact in self.open_facts:
            fact[2].append(data)
        if self.skip_depth:
            return
        pieces = _with_refs(data, self._html, self._pos())
        # a no-break space is kept until the line is laid out: a run of them
        # is how text converted to HTML keeps its columns (browsers show them)
        if "\u200b" in data:
            pieces = [(t.replace("\u200b", ""), p) for t, p in pieces]
            data = "".join(t for t, _ in pieces)
        if not pieces:
            # text whose references all decode to nothing ("&#1;"): nothing
            # to show (it raised IndexError here, and the rest of the
            # document went unrendered)
            return
        pos = pieces[0][1]
        if self.cell is not None:
            self.cell.pieces.extend((t.replace("\n", " ").replace(_CELL_BREAK, " "), p) for t, p in pieces)
            return
        if not self.pre and _looks_preformatted(data):
            # a plain-text filing wrapped in <html><body><div> without <pre>:
            # its line breaks and columns are the layout, so keep them
            self._emit()
            at = 0
            for piece in data.replace("\xa0", " ").split("\n"):
                self.lines.append((piece.rstrip(), ((0, _offset_in(pieces, at, pos)),)))
                at += len(piece) + 1
            return
        if not self.current:
            self.line_pos = pos
        self.current.extend(pieces)
        self.had_data = True

    def close(self):
        # The one change from the old module: feed() leaves what it could not
        # finish (an unclosed tag or comment, "&" near the end) in rawdata,
        # and close() reads it from offset 0 again; the old module kept the
        # offset reached by feed() in _at, so the positions of what close()
        # handled first were off by that much (twice the true offset).
        self._at = 0
        super().close()
        self._emit()


def _looks_preformatted(data: str) -> bool:
    """Text laid out in columns (a cover's caption table, an exhibit list):
    many lines, several with runs of spaces between words.  Prose wrapped in
    HTML source has its line breaks but not its columns."""
    if data.count("\n") < 20:
        return False
    columns = sum(1 for line in data.split("\n") if _COLUMN_GAP.search(line))
    return columns >= 3


# A start tag HTMLParser reads in the plain way: a name, attributes name=
# "value", name='value', name=value (followed by white space or ">") or a
# name alone, separated by ASCII white space; anything else goes to
# HTMLParser.parse_starttag.  groups: name, attributes, "/" of "/>".
_SIMPLE_TAG = cache.compile(
    r"<([a-zA-Z][-.a-zA-Z0-9:_]*)"
    r"((?:[ \t\n\r\f]+[a-zA-Z_:][-.a-zA-Z0-9:_]*"
    r"(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`/]+(?=[ \t\n\r\f>])))?)*)"
    r"[ \t\n\r\f]*(/?)>")
_SIMPLE_ATTR = cache.compile(
    r"([a-zA-Z_:][-.a-zA-Z0-9:_]*)([ \t\n\r\f]*=[ \t\n\r\f]*(?:(\"[^\"]*\"|'[^']*')|([^\s\"'=<>`/]+)))?")
_SIMPLE_END = cache.compile(r"</([a-zA-Z][-.a-zA-Z0-9:_]*)>")
# Elements whose content HTMLParser reads as raw text (in one Python version
# or another): left to it.
_RAW_TEXT = frozenset({"script", "style", "title", "textarea", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})
_NO_ATTRS: dict = {}
_COLUMN_GAP = cache.compile(r"\S {3,}\S")
_SPACES = cache.compile(r"[ \t\n\r\f\v]+")
_CELL_BREAK = "\u2028"  # a line break inside a table cell (raw newlines are spaces)
_IX_FACTS = frozenset({"ix:nonnumeric", "ix:nonfraction"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"})


def _line_starts(text: str, end: int | None = None) -> list[int]:
    """Offsets at which each line of ``text`` begins (those of ``text[:end]``
    and the line after it)."""
    starts = [0]
    starts.extend(m.end() for m in _NEWLINE.finditer(text, 0, len(text) if end is None else end))
    return starts


_NEWLINE = cache.compile("\n")


# A character reference, as html.unescape reads one.
_CHARREF = cache.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def _with_refs(data: str, html: str, pos: int) -> list[tuple[str, int]]:
    """``data`` (text with its character references decoded, as HTMLParser
    hands it over) as pieces with their exact offsets in ``html``: the runs
    between references, and each reference.  One piece if there is none, or
    if the pieces cannot be matched to the data."""
    amp = html.find("&", pos, pos + len(data) + 1)
    if amp == -1:
        return [(data, pos)]
    pieces: list[tuple[str, int]] = []
    n, i, limit = 0, pos, len(data)
    while n < limit:
        amp = html.find("&", i, i + (limit - n) + 1)
        if amp == -1 or amp - i >= limit - n:
            pieces.append((html[i:i + limit - n], i))
            n = limit
            break
        if amp > i:
            pieces.append((html[i:amp], i))
            n += amp - i
        m = _CHARREF.match(html, amp)
        text = _unescape(m.group()) if m else "&"
        pieces.append((text, amp))
        n += len(text)
        i = m.end() if m else amp + 1
    if "".join(t for t, _ in pieces) != data:
        return [(data, pos)]
    return pieces


def _offset_in(pieces: list[tuple[str, int]], at: int, default: int) -> int:
    """The HTML offset of character ``at`` of the pieces joined."""
    for text, pos in pieces:
        if at < len(text):
            return pos + at
        at -= len(text)
    return pieces[-1][1] + len(pieces[-1][0]) if pieces else default


_RUN = cache.compile(r"[ \t\n\r\f\v]+|[^ \t\n\r\f\v]+")


class _Collapsing:
    """A line being collapsed as a browser shows text: runs of white space
    one space, none at the start; anchors (column, HTML offset) at each
    piece's first word, and after each run of white space that was not one
    character.  Shared by text lines (:func:`_collapse`: ASCII white space,
    so a no-break space is a word) and table cells (:func:`_cell_lines`: any
    white space, as ``str.split``)."""

    __slots__ = ("out", "anchors", "length", "pending")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0
        self.pending = False

    def add(self, words: list[str], at: int, ascii_space: bool) -> None:
        """The runs of one piece (words and white space), its first at ``at``."""
        out, anchors = self.out, self.anchors
        length, pending, anchored = self.length, self.pending, False
        for word in words:
            if (word[0] in _WHITE) if ascii_space else word.isspace():
                if out:
                    pending = True
                    if len(word) != 1:
                        anchored = False
                at += len(word)
                continue
            if pending:
                out.append(" ")
                length += 1
                pending = False
            if not anchored:
                anchors.append((length, at))
                anchored = True
            out.append(word)
            length += len(word)
            at += len(word)
        self.length, self.pending = length, pending


def _collapse(pieces: list[tuple[str, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Pieces of text -> one line as a browser shows it (:class:`_Collapsing`),
    no-break spaces shown as spaces, none at the end."""
    line = _Collapsing()
    for text, at in pieces:
        line.add(_RUN.findall(text), at, True)
    anchors = line.anchors
    text = "".join(line.out).replace("\xa0", " ").rstrip()
    return text, tuple(a for a in anchors if a[0] < len(text)) or tuple(anchors[:1])


_WHITE = frozenset(" \t\n\r\f\v")


# A column is as wide as its widest cell, up to this many characters.
_CELL_WIDTH = 70


def _cell_lines(cell: _Cell) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    """The lines of a cell (split at its line breaks), each with its white
    space collapsed as ``" ".join(line.split())`` does, and its anchors (as
    :func:`_collapse`'s)."""
    lines: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    line = _Collapsing()
    for text, pos in cell.pieces:
        offset = 0
        for part_no, part in enumerate(text.split(_CELL_BREAK) if _CELL_BREAK in text else (text,)):
            if part_no:
                if line.out:
                    lines.append(("".join(line.out), tuple(line.anchors)))
                line = _Collapsing()
                offset += 1
            line.add(_CELL_RUN.findall(part), pos + offset, False)
            offset += len(part)
    if line.out:
        lines.append(("".join(line.out), tuple(line.anchors)))
    return lines


_CELL_RUN = cache.compile(r"\s+|\S+")


def _layout(rows: list[list[_Cell]]) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    """Rows of cells -> lines, the cells in aligned columns 3 spaces apart.  A
    cell of several lines makes its row as many lines high.  Each line keeps
    an anchor per cell: its first word, or its <td> when it is empty."""
    grid: list[list[tuple[list, int]]] = []
    for row in rows:
        cells = [(_cell_lines(c), c.pos) for c in row]
        if any(lines for lines, _ in cells):
            grid.append(cells)
    if not grid:
        return []
    ncols = max(len(r) for r in grid)
    for r in grid:
        pos = r[-1][1] if r else 0
        r.extend([([], pos) for _ in range(ncols - len(r))])
    keep = [j for j in range(ncols) if any(r[j][0] for r in grid)]
    widths = {j: min(max((len(ln) for r in grid for ln, _ in r[j][0]), default=0), _CELL_WIDTH) for j in keep}
    out = []
    for r in grid:
        height = max(len(r[j][0]) for j in keep)
        for k in range(height):
            cells = []
            anchors = []
            col = 0
            for j in keep:
                lines, td = r[j]
                text, marks = lines[k] if k < len(lines) else ("", ((0, td),))
                anchors.extend((col + c, pos) for c, pos in marks)
                cells.append(text.ljust(widths[j]))
                col += len(cells[-1]) + 3
            out.append(("   ".join(cells).rstrip(), tuple(anchors)))
    return out


@dataclass(frozen=True)
class Fact:
    """An Inline XBRL fact of the document (``dei:EntityFileNumber`` ...): its
    name, its text (white space collapsed), and where its element is."""

    name: str
    value: str
    start: int
    end: int
    hidden: bool = False  # in ix:header (ix:hidden) or display:none: tagged, not printed


@dataclass(frozen=True)
class Rendering:
    """An HTML document rendered to layout text, with the way back.

    ``text`` is what the grammar reads; ``anchors[n]`` holds, for rendered
    line ``n + 1``, pairs (column, offset in the source text) sorted by
    column: the character at that column came from that offset, and the
    characters after it from the offsets after it (up to the next anchor).
    ``base`` is the offset of the HTML in the source text."""

    text: str
    anchors: tuple[tuple[tuple[int, int], ...], ...]
    base: int = 0
    # line starts of the source text, to turn offsets into lines and columns
    source_starts: list[int] = field(default_factory=lambda: [0], repr=False, compare=False)
    # the document's Inline XBRL facts, offsets in the source text
    facts: tuple[Fact, ...] = field(default=(), repr=False, compare=False)
    # source_starts may hold only the lines that begin before this offset
    # (the end of the HTML: the attachments after it need no line index),
    # and the whole text's line starts are made by all_starts for an offset
    # at or past it; None: source_starts is complete
    starts_upto: int | None = field(default=None, repr=False, compare=False)
    all_starts: Callable[[], list[int]] | None = field(default=None, repr=False, compare=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        starts = self.source_starts
        if self.starts_upto is not None and offset >= self.starts_upto and self.all_starts is not None:
            starts = self.all_starts()
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def source_offset(self, line: int, column: int) -> int:
        """The source offset of 1-based rendered ``line``, 0-based ``column``."""
        if not self.anchors:
            return self.base
        row = self.anchors[min(max(line, 1), len(self.anchors)) - 1]
        k = bisect.bisect_right(row, (column, 1 << 62)) - 1
        if k < 0:
            return row[0][1]
        col, pos = row[k]
        return pos + (column - col)

    def source_line_offsets(self) -> list[int]:
        """The source offset of each rendered line's first anchor."""
        return [row[0][1] if row else self.base for row in self.anchors]


_Renderer = None
_unescape = None


def _renderer() -> type:
    """The HTMLParser subclass that renders, made once (see _RendererMixin)."""
    global _Renderer, _unescape
    if _Renderer is None:
        from html import unescape
        from html.parser import HTMLParser
        _unescape = unescape
        _Renderer = type("_Renderer", (_RendererMixin, HTMLParser), {"__module__": __name__})
    return _Renderer


def render_html(html: str, base: int = 0, source_starts: list[int] | None = None, *,
                starts_upto: int | None = None, all_starts: Callable[[], list[int]] | None = None) -> Rendering:
    """Render HTML to text laid out like a typed filing.  ``base``: the offset
    of ``html`` in the source text, added to every anchor; ``source_starts``:
    the source text's line starts (default: ``html`` is the whole source);
    ``starts_upto``, ``all_starts``: see :class:`Rendering`."""
    r = _renderer()(html)
    try:
        r.feed(html)
        r.close()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; keep what was read
        r._emit()
    lines: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    for text, anchors in r.lines:
        if text == "" and lines and lines[-1][0] == "":
            continue
        lines.append((text, anchors))
    while lines and lines[0][0] == "":
        lines.pop(0)
    text = "\n".join(t for t, _ in lines) + ("\n" if lines else "")
    anchors = tuple(tuple((c, base + p) for c, p in a) for _, a in lines)
    facts = tuple(Fact(f.name, f.value, base + f.start, base + f.end, f.hidden) for f in r.facts)
    return Rendering(text, anchors, base, source_starts if source_starts is not None else _line_starts(html),
                     facts, starts_upto, all_starts)
