"""HTML documents rendered to the plain-text layout the grammar reads.

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
import functools
import re
from dataclasses import dataclass, field
from typing import Callable

from .. import cache
from .html_layout import _ASCII_SPACES, Fact, _TableRow, _text_anchors

__all__ = ["render_html", "looks_like_html", "Rendering", "Fact"]

_HTML_START = cache.compile(
    r"\s*<(?:html|!doctype|xbrl|\?xml|p|div|font|center|body|head|title|br|h[1-6]|b|span|a\s|"
    r"hr|img|meta|link|!--)\b", re.I)


def looks_like_html(line: str) -> bool:
    """Does a document whose first non-blank line is ``line`` hold HTML?"""
    return bool(_HTML_START.match(line))


def _line_starts(text: str, end: int | None = None) -> list[int]:
    """Offsets at which each line of ``text`` begins (those of ``text[:end]``
    and the line after it)."""
    starts = [0]
    starts.extend(m.end() for m in _NEWLINE.finditer(text, 0, len(text) if end is None else end))
    return starts


_NEWLINE = cache.compile("\n")


@dataclass(frozen=True, eq=False)
class Rendering:
    """An HTML document rendered to layout text, with the way back.

    ``text`` is what the grammar reads; ``anchors[n]`` holds, for rendered
    line ``n + 1``, pairs (column, offset in the source text) sorted by
    column: the character at that column came from that offset, and the
    characters after it from the offsets after it (up to the next anchor).
    ``base`` is the offset of the HTML in the source text.

    The anchors of a line are made when first asked for (``source_offset``
    asks for a line's, ``anchors`` for all): ``rows`` holds, per line, its
    anchors as offsets in the HTML (without ``base``) or what makes them."""

    text: str
    rows: list = field(repr=False)
    base: int = 0
    # line starts of the source text, to turn offsets into lines and columns;
    # or what makes them, called at the first line_col (parse() asks for no
    # line nor column: indexing the source's lines was 4% of rendering the
    # HTML 8-Ks, issue 12)
    source_starts: list[int] | Callable[[], list[int]] = field(default_factory=lambda: [0], repr=False)
    # the document's Inline XBRL facts, offsets in the source text
    facts: tuple[Fact, ...] = field(default=(), repr=False)
    # source_starts may hold only the lines that begin before this offset
    # (the end of the HTML: the attachments after it need no line index),
    # and the whole text's line starts are made by all_starts for an offset
    # at or past it; None: source_starts is complete
    starts_upto: int | None = field(default=None, repr=False)
    all_starts: Callable[[], list[int]] | None = field(default=None, repr=False)
    # the source text, if given: line_of counts its lines without an index
    source_text: str | None = field(default=None, repr=False)

    def _row(self, index: int) -> tuple[tuple[int, int], ...]:
        """The anchors of 0-based line ``index``, offsets in the HTML."""
        row = self.rows[index]
        if type(row) is not tuple:
            # a text line's pieces (a list), or a _TableRow
            row = self.rows[index] = _text_anchors(row) if type(row) is list else row.anchors()
        return row

    @property
    def anchors(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        anchors = self.__dict__.get("_anchors")
        if anchors is None:
            base, row = self.base, self._row
            anchors = tuple(tuple([(c, base + p) for c, p in row(n)]) for n in range(len(self.rows)))
            object.__setattr__(self, "_anchors", anchors)
        return anchors

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rendering):
            return NotImplemented
        return (self.text, self.base, self.anchors) == (other.text, other.base, other.anchors)

    def __hash__(self) -> int:
        return hash((self.text, self.base))

    def __getstate__(self) -> dict:
        """Pickled with every line's anchors made (and nothing to make them)."""
        state = dict(self.__dict__)
        state["rows"] = [self._row(n) for n in range(len(self.rows))]
        state["source_starts"] = self._source_starts()
        state.pop("_anchors", None)
        state.pop("_counted", None)
        return state

    def _source_starts(self) -> list[int]:
        """``source_starts``, made if it is not yet."""
        starts = self.source_starts
        if type(starts) is not list:
            starts = starts()
            object.__setattr__(self, "source_starts", starts)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        starts = self._source_starts()
        if self.starts_upto is not None and offset >= self.starts_upto and self.all_starts is not None:
            # past the lines indexed: the whole text's, kept from now on
            starts = self.all_starts()
            object.__setattr__(self, "source_starts", starts)
            object.__setattr__(self, "starts_upto", None)
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_cols(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``line_col`` of ``start`` and of ``end`` (not before it), searched
        once where both are on one line (the tree's JSON: a rendered line's
        place, issue 12)."""
        if self.starts_upto is not None and end >= self.starts_upto:
            return (*self.line_col(start), *self.line_col(end))
        starts = self._source_starts()
        i = bisect.bisect_right(starts, start) - 1
        j = i if i + 1 >= len(starts) or end < starts[i + 1] else bisect.bisect_right(starts, end) - 1
        return i + 1, start - starts[i] + 1, j + 1, end - starts[j] + 1

    def line_of(self, offset: int) -> int:
        """``line_col(offset)[0]``.  Until the line index is made (line_col
        makes it), the newlines of the source text are counted, from the
        offset asked for last when this one is after it: records ask for the
        lines they start on in the order of the document, and making the
        index for them cost more than reading their HTML (issue 12)."""
        text = self.source_text
        if text is None or type(self.source_starts) is list or offset <= 0:
            return self.line_col(offset)[0]
        last, line = self.__dict__.get("_counted", (0, 1))
        if offset < last:
            last, line = 0, 1
        line += text.count("\n", last, offset)
        object.__setattr__(self, "_counted", (offset, line))
        return line

    def source_offset(self, line: int, column: int) -> int:
        """The source offset of 1-based rendered ``line``, 0-based ``column``."""
        if not self.rows:
            return self.base
        return self._offset_in(self._row(min(max(line, 1), len(self.rows)) - 1), column)

    def _offset_in(self, row: tuple[tuple[int, int], ...], column: int) -> int:
        """source_offset of ``column`` of a line whose anchors are ``row``."""
        k = bisect.bisect_right(row, (column, 1 << 62)) - 1
        if k < 0:
            return self.base + row[0][1]
        col, pos = row[k]
        return self.base + pos + (column - col)

    def first_offset(self, line: int) -> int:
        """``source_offset(line, 0)``: where the first character of 1-based
        rendered ``line`` comes from.  A text line whose anchors are not made
        yet gives it from its first piece with a character shown, as the
        first anchor would (making the anchors collapses the whole line; a
        record's line is read at once, its span perhaps never: issue 12)."""
        if self.rows:
            row = self.rows[min(max(line, 1), len(self.rows)) - 1]
            if type(row) is tuple:  # (anchors made)
                return self._offset_in(row, 0)
            if type(row) is list:
                for text, at in row:
                    shown = text.lstrip(_ASCII_SPACES)
                    if shown:
                        return self.base + at + len(text) - len(shown)
            elif type(row) is _TableRow:  # a line of a table: the anchors of its first cells only
                offset = row.first_offset()
                if offset is not None:
                    return self.base + offset
        return self.source_offset(line, 0)

    def source_line_offsets(self) -> list[int]:
        """The source offset of each rendered line's first anchor."""
        return [row[0][1] if row else self.base for row in self.anchors]


_Renderer = None


def _renderer() -> type:
    """The renderer's class, its module imported at the first HTML document
    (so that a process that reads no HTML does not load html.parser:
    start-up, issue 12)."""
    global _Renderer
    if _Renderer is None:
        from .html_render import Renderer
        _Renderer = Renderer
    return _Renderer


def render_html(html: str, base: int = 0, source_starts: list[int] | Callable[[], list[int]] | None = None, *,
                starts_upto: int | None = None, all_starts: Callable[[], list[int]] | None = None,
                source_text: str | None = None) -> Rendering:
    """Render HTML to text laid out like a typed filing.  ``base``: the offset
    of ``html`` in the source text, added to every anchor; ``source_starts``:
    the source text's line starts, or what makes them when first needed
    (default: ``html`` is the whole source);
    ``starts_upto``, ``all_starts``, ``source_text``: see :class:`Rendering`."""
    r = _renderer()(html)
    try:
        r._run()
        r._emit()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; keep what was read
        r._emit()
    # the lines, but for blank ones at the start and a blank one after a
    # blank one; their texts and rows gathered apart (no list of pairs made
    # again: issue 12)
    texts: list[str] = []
    rows: list = []
    blank = True  # (the line before is blank, or there is none)
    for text, row in r.lines:
        if not text:
            if blank:
                continue
            blank = True
        else:
            blank = False
        texts.append(text)
        rows.append(row)
    text = "\n".join(texts) + ("\n" if texts else "")
    facts = tuple([Fact(name, value, base + start, base + end, hidden) for name, value, start, end, hidden in r.facts])
    return Rendering(text, rows, base,
                     source_starts if source_starts is not None else functools.partial(_line_starts, html),
                     facts, starts_upto, all_starts, source_text)
