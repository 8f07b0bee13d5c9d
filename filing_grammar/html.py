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

import re
from html.parser import HTMLParser

__all__ = ["render_html", "looks_like_html"]

_BLOCK = frozenset({
    "p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "hr", "center", "blockquote", "pre", "title", "dl", "dt", "dd", "section", "article",
    "header", "footer", "page",
})
_INLINE_CAPABLE = frozenset({"p", "div", "center", "h1", "h2", "h3", "h4", "h5", "h6", "section"})
_SKIP = frozenset({"script", "style", "head", "ix:header", "xbrli:context", "noscript"})
_HTML_START = re.compile(
    r"\s*<(?:html|!doctype|xbrl|\?xml|p|div|font|center|body|head|title|br|h[1-6]|b|span|a\s|"
    r"hr|img|meta|link|!--)\b", re.I)


def looks_like_html(line: str) -> bool:
    """Does a document whose first non-blank line is ``line`` hold HTML?"""
    return bool(_HTML_START.match(line))


class _Renderer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, int]] = []  # (text, source line)
        self.current: list[str] = []
        self.current_line = 1
        self.skip_depth = 0
        self.hidden_stack: list[bool] = []
        self.pre = 0
        self.had_data = False  # data (even blank) since the last line break
        # table state: a stack of tables, each a list of rows of cells
        self.tables: list[list[list[str]]] = []
        self.table_lines: list[int] = []
        self.cell: list[str] | None = None
        self.cell_stack: list[list[str] | None] = []
        self.inline_stack: dict[str, list[bool]] = {}  # per block tag: opened inline?

    # -- text accumulation --------------------------------------------------
    def _emit(self) -> None:
        """End the current line.  Blocks follow each other line by line (CSS
        margins are not rendered); an empty block (<p>&nbsp;</p>, a second
        <br>) is a blank line, as it is what filers use for spacing."""
        text = "".join(self.current)
        self.current = []
        had_data, self.had_data = self.had_data, False
        if self.pre:
            for piece in text.replace("\xa0", " ").split("\n"):
                self.lines.append((piece.rstrip(), self.current_line))
            return
        # collapse ordinary white space as a browser does; no-break spaces
        # stand, then become spaces
        text = _SPACES.sub(" ", text).strip(" ").replace("\xa0", " ").rstrip()
        if text.strip():
            self.lines.append((text, self.current_line))
        elif had_data and self.lines and self.lines[-1][0] != "":
            self.lines.append(("", self.current_line))

    def _break(self) -> None:
        if self.cell is not None:
            self.cell.append(_CELL_BREAK)  # a cell may hold several lines
            return
        self._emit()

    # -- parser callbacks -----------------------------------------------------
    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        style = (dict(attrs).get("style") or "").replace(" ", "").lower()
        hidden = "display:none" in style
        if tag in _SKIP or hidden or self.skip_depth:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if not self.current and self.cell is None:
            self.current_line = self.getpos()[0]
        if tag == "pre":
            self._break()
            self.pre += 1
        elif tag == "table":
            if self.cell is None:
                self._emit()
            self.cell_stack.append(self.cell)
            self.cell = None
            self.tables.append([])
            self.table_lines.append(self.getpos()[0])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.cell = []
            span = dict(attrs).get("colspan") or "1"
            self.tables[-1][-1].append(self.cell)
            for _ in range(min(int(span) if span.isdigit() else 1, 20) - 1):
                self.tables[-1][-1].append([])
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
            line = self.table_lines.pop()
            self.cell = self.cell_stack.pop() if self.cell_stack else None
            rendered = _layout(rows)
            if self.cell is not None:  # a table inside a cell: its lines go into the cell
                self.cell.append(_CELL_BREAK + _CELL_BREAK.join(r.strip() for r in rendered) + _CELL_BREAK)
            else:
                for r in rendered:
                    self.lines.append((r, line))
                self.lines.append(("", line))
        elif tag in _BLOCK:
            opened = self.inline_stack.get(tag)
            if not (opened and opened.pop()):
                self._break()

    def handle_data(self, data):
        if self.skip_depth:
            return
        # a no-break space is kept until the line is laid out: a run of them
        # is how text converted to HTML keeps its columns (browsers show them)
        data = data.replace("\u200b", "")
        if self.cell is not None:
            self.cell.append(data.replace("\n", " ").replace(_CELL_BREAK, " "))
            return
        if not self.pre and _looks_preformatted(data):
            # a plain-text filing wrapped in <html><body><div> without <pre>:
            # its line breaks and columns are the layout, so keep them
            self._emit()
            first = self.getpos()[0]
            for n, piece in enumerate(data.replace("\xa0", " ").split("\n")):
                self.lines.append((piece.rstrip(), first + n))
            return
        if not self.current:
            self.current_line = self.getpos()[0]
        self.current.append(data)
        self.had_data = True

    def close(self):
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


_COLUMN_GAP = re.compile(r"\S {3,}\S")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_CELL_BREAK = "\u2028"  # a line break inside a table cell (raw newlines are spaces)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"})


def _layout(rows: list[list[list[str]]]) -> list[str]:
    """Rows of cells -> lines, the cells in aligned columns 3 spaces apart.  A
    cell of several lines makes its row as many lines high."""
    grid: list[list[list[str]]] = []
    for row in rows:
        cells = []
        for c in row:
            lines = [" ".join(part.split()) for part in "".join(c).split(_CELL_BREAK)]
            cells.append([ln for ln in lines if ln])
        if any(cells):
            grid.append(cells)
    if not grid:
        return []
    ncols = max(len(r) for r in grid)
    for r in grid:
        r.extend([[] for _ in range(ncols - len(r))])
    keep = [j for j in range(ncols) if any(r[j] for r in grid)]
    widths = {j: min(max((len(ln) for r in grid for ln in r[j]), default=0), 70) for j in keep}
    out = []
    for r in grid:
        height = max(len(r[j]) for j in keep)
        for k in range(height):
            cells = [(r[j][k] if k < len(r[j]) else "").ljust(widths[j]) for j in keep]
            out.append("   ".join(cells).rstrip())
    return out


def render_html(html: str) -> tuple[str, list[int]]:
    """Render HTML to text.  Returns the text (lines joined with newlines) and,
    for each of its lines, the 1-based line of ``html`` it came from."""
    r = _Renderer()
    try:
        r.feed(html)
        r.close()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; keep what was read
        r._emit()
    lines: list[tuple[str, int]] = []
    for text, line in r.lines:
        if text == "" and lines and lines[-1][0] == "":
            continue
        lines.append((text, line))
    while lines and lines[0][0] == "":
        lines.pop(0)
    text = "\n".join(t for t, _ in lines) + ("\n" if lines else "")
    return text, [line for _, line in lines]
