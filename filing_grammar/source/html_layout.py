"""Lines of an HTML rendering (``html.py``): text collapsed as a browser
shows it, table cells laid out in aligned columns, each line with its
anchors back to the HTML (column in the line, offset in the HTML); and the
Inline XBRL facts read on the way.

The text of a line is made at once, with a few string operations; its
anchors only when they are asked for (``Rendering.source_offset``: the few
lines records point into), from what the line was made of (a text line's
pieces, :func:`_text_anchors`; a ``_TableRow``)."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from .. import cache

_CELL_BREAK = "\u2028"  # a line break inside a table cell (raw newlines are spaces)
_TEXT = itemgetter(0)  # a piece's text ("".join(map(_TEXT, pieces)): no comprehension's frame)


class _Cell(list):
    """A table cell: the list of its pieces of text with their offsets in the
    HTML, and ``pos``, the offset of its <td> (where an empty cell is).
    (A list with two slots, made as ``_Cell()`` and ``pos`` set after: a
    document has thousands of cells, and a list made in C is half the time
    of an object made by an ``__init__``, issue 12.)  An empty cell is
    false: "no cell" is tested with ``is None``."""

    __slots__ = ("pos", "rows")  # rows: the anchors of its lines, set when first asked for


def _new_cell(pos: int) -> _Cell:
    """An empty cell at ``pos`` (where the loop makes the commonest cell, it
    does this without the call)."""
    cell = _Cell()
    cell.pos = pos
    return cell


def _offset_in(pieces: list[tuple[str, int]], at: int, default: int) -> int:
    """The HTML offset of character ``at`` of the pieces joined."""
    for text, pos in pieces:
        if at < len(text):
            return pos + at
        at -= len(text)
    return pieces[-1][1] + len(pieces[-1][0]) if pieces else default


class _Collapsing:
    """A line being collapsed as a browser shows text: runs of white space
    one space, none at the start; anchors (column, HTML offset) at each
    piece's first word, and after each run of white space that was not one
    character.  Shared by text lines (:func:`_collapse`: ASCII white space,
    so a no-break space is a word) and table cells (:func:`_cell_lines`: any
    white space, as ``str.split``).

    A piece is read a stretch at a time (``_STRETCH``, ``_CELL_STRETCH``):
    words apart by one white space character each, which collapse to the
    words one space apart and take one anchor, the first word's."""

    __slots__ = ("out", "anchors", "length", "pending")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0
        self.pending = False  # white space after the last word

    def add(self, text: str, at: int, ascii_space: bool) -> None:
        """One piece of text, its first character at ``at``."""
        if " " not in text and text.isprintable() and text:
            # one word, no white space in it (str.isprintable is false for
            # every white space character but " "): the loop below's one
            # stretch, without the regular expression (a line of 2.5 million
            # pieces took 3 s, issue 12)
            if self.out and self.pending:
                self.out.append(" ")
                self.length += 1
            self.anchors.append((self.length, at))
            self.out.append(text)
            self.length += len(text)
            self.pending = False
            return
        if not text.strip(_ASCII_SPACES if ascii_space else None):
            # white space only (or nothing; the commonest piece: the line
            # break between two tags): no stretch, as the loop below finds
            if text and self.out:
                self.pending = True
            return
        out, anchors = self.out, self.anchors
        length, pending, end = self.length, self.pending, -1
        for m in (_STRETCH if ascii_space else _CELL_STRETCH).finditer(text):
            start, end = m.span()
            if out and (pending or start):
                out.append(" ")
                length += 1
            stretch = m.group()
            if not stretch.isalnum() and _ONE_WHITE.search(stretch):  # one white space character, not " "
                stretch = (_ASCII_WHITE if ascii_space else _CELL_WHITE).sub(" ", stretch)
            anchors.append((length, at + start))
            out.append(stretch)
            length += len(stretch)
        if end >= 0:
            self.length, self.pending = length, end < len(text)
        elif text and out:  # white space only
            self.pending = True


def _collapse(pieces: list[tuple[str, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Pieces of text -> one line as a browser shows it (:class:`_Collapsing`),
    no-break spaces shown as spaces, none at the end."""
    line = _Collapsing()
    for text, at in pieces:
        line.add(text, at, True)
    anchors = line.anchors
    text = "".join(line.out).replace("\xa0", " ").rstrip()
    # (the anchors' columns grow: those inside the text are the first ones)
    k = len(anchors)
    while k and anchors[k - 1][0] >= len(text):
        k -= 1
    return text, tuple(anchors[:k]) or tuple(anchors[:1])


def _collapse_text(joined: str) -> str:
    """The text of :func:`_collapse` (its words, ASCII white space between
    them one space), without the anchors, of its pieces' text joined."""
    if not _OTHER_SPACE.search(joined):
        # The white space str.split splits at is then _WORDS' (the quicker
        # way), but for the no-break spaces, kept in the words as "\x00".
        if "\xa0" in joined:
            return " ".join(joined.replace("\xa0", "\x00").split()).replace("\x00", " ").rstrip()
        return " ".join(joined.split())
    return " ".join(_WORDS.findall(joined)).replace("\xa0", " ").rstrip()


def _text_anchors(pieces: list[tuple[str, int]]) -> tuple[tuple[int, int], ...]:
    """The anchors of a text line, made when asked for (:func:`_collapse`)
    from its pieces (which the line keeps, no object made for them)."""
    return _collapse(pieces)[1]


# A stretch of words apart by one white space character each: ASCII white
# space (text lines), any (cells).
_STRETCH = cache.compile(r"[^ \t\n\r\f\v]+(?:[ \t\n\r\f\v][^ \t\n\r\f\v]+)*")
_ASCII_SPACES = " \t\n\r\f\v"  # (_STRETCH's white space; the cells' is str.strip's, as \s)
_CELL_STRETCH = cache.compile(r"\S+(?:\s\S+)*")
_ONE_WHITE = cache.compile(r"[^\S ]")
_ASCII_WHITE = cache.compile(r"[\t\n\r\f\v]")
_WORDS = cache.compile(r"[^ \t\n\r\f\v]+")
# The characters str.isspace holds white space, but for ASCII white space and
# the no-break space; and "\x00" (see _collapse_text).
_OTHER_SPACE = cache.compile("[\x00\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_CELL_WHITE = cache.compile(r"\s")


# A column is as wide as its widest cell, up to this many characters.
_CELL_WIDTH = 70


def _cell_lines(cell: _Cell) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    """The lines of a cell (split at its line breaks), each with its white
    space collapsed as ``" ".join(line.split())`` does, and its anchors (as
    :func:`_collapse`'s)."""
    lines: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    line = _Collapsing()
    for text, pos in cell:
        offset = 0
        for part_no, part in enumerate(text.split(_CELL_BREAK) if _CELL_BREAK in text else (text,)):
            if part_no:
                if line.out:
                    lines.append(("".join(line.out), tuple(line.anchors)))
                line = _Collapsing()
                offset += 1
            line.add(part, pos + offset, False)
            offset += len(part)
    if line.out:
        lines.append(("".join(line.out), tuple(line.anchors)))
    return lines


class _TableRow(list):
    """The anchors of a line of a table, made when asked for: per column
    (its first column in the line), line ``k`` of a cell or, where the cell
    has no such line, the offset of its <td>.  The list of the columns:
    (column, cell, k) or (column, None, offset of the <td>).  (A list: no
    object made for it by an ``__init__``, issue 12.)"""

    __slots__ = ()

    def anchors(self) -> tuple[tuple[int, int], ...]:
        out: list[tuple[int, int]] = []
        for col, cell, k in self:
            if cell is None:
                out.append((col, k))
                continue
            out.extend([(col + c, pos) for c, pos in _cell_rows(cell)[k]])
        return tuple(out)

    def first_offset(self) -> int | None:
        """The offset the anchors give column 0 of the line (that of the last
        anchor at column 0, else of the first anchor; None if there is none),
        the anchors made only of the cells up to the first anchor past column
        0 (Rendering.first_offset)."""
        found = None
        for col, cell, k in self:
            for c, pos in ((0, k),) if cell is None else _cell_rows(cell)[k]:
                if col + c > 0:
                    return pos if found is None else found
                found = pos
        return found


def _cell_rows(cell: _Cell) -> list:
    """The anchors of each line of a cell (:func:`_cell_lines`), made once."""
    rows = getattr(cell, "rows", None)
    if rows is None:
        rows = cell.rows = [marks for _, marks in _cell_lines(cell)]
    return rows


def _layout(rows: list[list[_Cell]]) -> list[tuple[str, _TableRow]]:
    """Rows of cells -> lines, the cells in aligned columns 3 spaces apart.  A
    cell of several lines makes its row as many lines high.  Each line keeps
    an anchor per cell: its first word, or its <td> when it is empty."""
    # the rows with text: their cells, and the lines of each (no tuple made
    # for each cell: issue 12)
    grid: list[tuple[list[_Cell], list[list[str]]]] = []
    ncols = 0
    for row in rows:
        # the cells' lines: the text of :func:`_cell_lines`, without the
        # anchors (a table has many cells, most of one piece or none)
        cell_lines: list[list[str]] = []
        filled = False
        for c in row:
            if not c:
                cell_lines.append(_NO_LINES)
                continue
            joined = c[0][0] if len(c) == 1 else "".join(map(_TEXT, c))
            if not joined or joined.isspace():  # (_CELL_BREAK is white space)
                cell_lines.append(_NO_LINES)
                continue
            if _CELL_BREAK in joined:
                cell_lines.append([" ".join(part.split()) for part in joined.split(_CELL_BREAK)
                                   if part and not part.isspace()])
            else:
                cell_lines.append([" ".join(joined.split())])
            filled = True
        if filled:
            grid.append((row, cell_lines))
            if len(cell_lines) > ncols:
                ncols = len(cell_lines)
    if not grid:
        return []
    # a column's width is its widest line's (no line is empty), up to
    # _CELL_WIDTH; a column with no line in any row is left out
    widths = [0] * ncols
    for _, cell_lines in grid:
        if len(cell_lines) < ncols:  # a short row: no lines in the columns it lacks
            cell_lines.extend([_NO_LINES] * (ncols - len(cell_lines)))
        for j, lines in enumerate(cell_lines):
            if lines:
                w = len(lines[0]) if len(lines) == 1 else max(map(len, lines))
                if w > widths[j]:
                    widths[j] = w
    keep = [(j, min(w, _CELL_WIDTH)) for j, w in enumerate(widths) if w]
    out = []
    for row, cell_lines in grid:
        height = max([len(cell_lines[j]) for j, _ in keep])
        last = len(row) - 1  # (the <td> of a column a short row lacks: its last one's)
        for k in range(height):
            cells = []
            columns = _TableRow()
            col = 0
            for j, width in keep:
                lines = cell_lines[j]
                if k < len(lines):
                    text = lines[k].ljust(width)
                    columns.append((col, row[j], k))
                else:
                    text = " " * width
                    columns.append((col, None, row[j if j <= last else last].pos))
                cells.append(text)
                col += len(text) + 3
            out.append(("   ".join(cells).rstrip(), columns))
    return out


_NO_LINES: list[str] = []  # (never changed)


@dataclass(frozen=True)
class Fact:
    """An Inline XBRL fact of the document (``dei:EntityFileNumber`` ...): its
    name, its text (white space collapsed), and where its element is."""

    name: str
    value: str
    start: int
    end: int
    hidden: bool = False  # in ix:header (ix:hidden) or display:none: tagged, not printed
