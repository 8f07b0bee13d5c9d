"""The HTML renderer of ``html.py``: HTML read in one pass (HTMLParser's
events, most of them found by one regular expression, ``html_tags._TOKENS``),
its character references decoded (``html_refs.py``), laid out as lines of text
(``html_layout.py``).  Imported at the first HTML document."""

from __future__ import annotations

from html import unescape as _unescape
from itertools import chain

from .. import cache
from .html_layout import _CELL_BREAK, _TEXT, _Cell, _new_cell, _collapse_text, _layout, _offset_in, _TableRow
from .html_reading import Reading
from .html_refs import _decoded, _with_refs
from .html_tags import (_ATTR_TAGS, _NO_ATTR_LIST, _READ_AHEAD, _TOKENS, TolerantTagEnds, _attributes,
                        _style_matters, _token_length)
from .html_tags import (_BLOCK, _ENDS, _INLINE_CAPABLE, _IX_FACTS, _SKIP, _STARTS, _VOID, _end_tag,
                        _start_tag)


class Renderer(Reading):
    """HTML -> rendered lines (``lines``: text and anchors) and facts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self._html = html
        self._at = 0  # updatepos
        # rendered lines: (text, anchors); an anchor is (column in the line,
        # offset in the HTML of the character shown there); anchors made
        # when asked for are, until then, a text line's pieces (a list) or
        # a _TableRow (see Rendering._row)
        self.lines: list[tuple[str, tuple[tuple[int, int], ...] | list | _TableRow]] = []
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
        # open ones as [name, start, pieces, hidden], closed ones as
        # (name, value, start, end, hidden): a Fact's fields (html.py makes
        # the Facts, with their offsets in the source text)
        self.open_facts: list[list] = []
        self.facts: list[tuple[str, str, int, int, bool]] = []
        self._tag_ends: TolerantTagEnds | None = None  # (made at the first start tag HTMLParser reads)

    # -- speed: one pass over the document (issue 12) --------------------------
    # HTMLParser.feed and close, as one loop: a regular expression reads the
    # text runs and the plain start and end tags, which are most of a filing,
    # a stretch of the document at a time (findall: the tokens as tuples of
    # strings, their offsets counted from their lengths, as they follow each
    # other); what it does not read (comments, declarations, script, unusual
    # tags) goes to HTMLParser's own methods, one construct at a time, and
    # the loop goes on where they stopped.  The events are HTMLParser's
    # (tests/test_html_speed.py compares the renderings).
    def _run(self) -> None:
        html = self._html
        self.rawdata = html  # never cut: offsets are offsets in the HTML
        n = len(html)
        self._last_gt = html.rfind(">")  # (see _markup)
        self._no_comment_end = n + 1
        i = 0
        handle_data, start, end_tag = self.handle_data, self._start, self.handle_endtag
        inline_stack = self.inline_stack
        starts, ends = _STARTS, _ENDS  # a tag -> _start_tag, _end_tag (tags repeat)
        ended = False
        while i < n:
            if i > self._last_gt and self.cdata_elem is None:  # no ">" after: nothing can close
                i = self._unclosed(i)
                break
            if self.cdata_elem is not None:  # in <script> or <style>: text up to its end tag
                m = self.interesting.search(html, i)
                if m is None:
                    break  # as HTMLParser: the rest is dropped
                j = m.start()
                if i < j:
                    self._at = i
                    handle_data(html[i:j])
                k = self._markup(j)
                if k is None:
                    i = j
                    break
                i = k
                continue
            # A stretch ends before a "<" (a text run is never cut, nor a
            # token's tag: it holds no "<").
            stop = html.find("<", i + _READ_AHEAD)
            if stop < 0:
                stop = n
            tokens = found = iter(_TOKENS.findall(html, i, stop))
            p = i  # where the next token begins
            while True:
                # The commonest events are handled here, as handle_data,
                # handle_starttag and handle_endtag would: text outside a
                # fact (its references decoded by _decoded), the tags that
                # only nest (span, font, b ...: not _STRUCTURAL), and the
                # blocks, rows, cells, tables and line breaks, when no style
                # hides them or shows them inline.  (self._at, the offset
                # the handlers read, is set only before a handler is called.)
                for text, tag, end in tokens:
                    if text:
                        at = p
                        p += len(text)
                        if "&" in text:
                            # (_data's commonest paths written out: "&nbsp;"
                            # in a cell, a line's text with references)
                            data, pieces = _decoded(text, at, html)
                            cell = self.cell
                            if self.open_facts or self.skip_depth or "\u200b" in data or not pieces:
                                self._at = at
                                self._data(data, pieces)
                            elif cell is not None:
                                cell.extend([(t.replace("\n", " ").replace(_CELL_BREAK, " "), q)
                                                    for t, q in pieces])
                            elif self.pre or data.count("\n") < 20:  # (not _looks_preformatted)
                                current = self.current
                                if not current:
                                    self.line_pos = pieces[0][1]
                                current.extend(pieces)
                                self.had_data = True
                            else:
                                self._at = at
                                self._data(data, pieces)
                        elif self.open_facts or "\u200b" in text:
                            self._at = at
                            self._data(text, [(text, at)])
                        elif not self.skip_depth:
                            cell = self.cell
                            if cell is not None:
                                if "\n" in text:
                                    text = text.replace("\n", " ")
                                if _CELL_BREAK in text:
                                    text = text.replace(_CELL_BREAK, " ")
                                cell.append((text, at))
                            elif not self.pre and text.count("\n") >= 20:
                                self._at = at
                                handle_data(text)  # maybe preformatted
                            else:
                                current = self.current
                                if not current:
                                    self.line_pos = at
                                current.append((text, at))
                                self.had_data = True
                    at = p
                    if tag:  # a start tag (its kind: html_tags._start_tag)
                        p += len(tag)
                        read = starts.get(tag)
                        if read is None:
                            read = _start_tag(tag)
                        if not read:  # no plain tag: HTMLParser's
                            break
                        tag, attr_text, slash, kind, extra = read  # (slash: <br/>)
                        if kind == "inline":
                            if self.skip_depth:
                                if tag not in _VOID and not slash:
                                    self.skip_depth += 1
                            elif self.cell is None and not self.current and not slash:
                                self.line_pos = at
                            continue
                        if kind == "raw":  # script, style, title ...: HTMLParser's own modes
                            break
                        if self.skip_depth or kind == "start":
                            self._at = at
                            start(tag, attr_text, slash)
                        elif kind == "cell" and self.tables:
                            if self.cell is None and not self.current:
                                self.line_pos = at
                            rows = self.tables[-1]
                            if not rows:
                                rows.append([])
                            self.cell = cell = _Cell()
                            cell.pos = at
                            row = rows[-1]
                            row.append(cell)
                            if extra > 1:  # colspan: a cell per column it spans (empty ones, never changed: one object)
                                row.extend([_new_cell(at)] * (extra - 1))
                            if slash:  # <td/>, an empty cell (XHTML): handle_startendtag's end tag too
                                self.cell = None
                        elif kind == "block":  # <p>, <div> ...
                            cell = self.cell
                            if cell is None:
                                if not self.current:
                                    self.line_pos = at
                            stack = inline_stack.get(tag)
                            if stack is None:
                                inline_stack[tag] = [False]
                            else:
                                stack.append(False)
                            if cell is not None:
                                cell.append((_CELL_BREAK, at))
                            else:
                                self._emit()
                        elif kind == "pre":  # (handle_starttag's: a line break, then preformatted text)
                            cell = self.cell
                            if cell is not None:
                                cell.append((_CELL_BREAK, at))
                            else:
                                if not self.current:
                                    self.line_pos = at
                                self._emit()
                            self.pre += 1
                        elif kind == "tr" and self.tables:
                            if self.cell is None and not self.current:
                                self.line_pos = at
                            self.tables[-1].append([])
                        elif kind == "br":
                            # a line break (handle_starttag's, or for <br/>
                            # handle_startendtag's): the first where no line
                            # was begun makes a blank line
                            cell = self.cell
                            if cell is None and not self.current:
                                if not slash:
                                    self.line_pos = at
                                self.had_data = True
                                self._emit()
                            else:
                                if not slash:
                                    inline_stack.setdefault(tag, []).append(False)
                                if cell is not None:
                                    cell.append((_CELL_BREAK, at))
                                else:
                                    self._emit()
                        elif kind == "fact":  # a fact shown: its name, where it starts
                            self.open_facts.append([extra, at, [], False])  # (extra: its name)
                            if self.cell is None and not self.current:
                                self.line_pos = at
                        elif kind == "table":  # (handle_starttag's)
                            cell = self.cell
                            if cell is None:
                                if not self.current:
                                    self.line_pos = at
                                self._emit()
                            self.cell_stack.append(cell)
                            self.cell = None
                            self.tables.append([])
                            self.table_pos.append(at)
                        else:
                            self._at = at
                            start(tag, attr_text, slash)
                    elif end:  # a plain end tag (its kind: html_tags._end_tag)
                        p += len(end)
                        read = ends.get(end)
                        if read is None:
                            read = _end_tag(end)
                        tag, kind = read
                        if kind == "inline":
                            if self.skip_depth and tag not in _VOID:
                                self.skip_depth -= 1
                            continue
                        if self.skip_depth or kind == "fact":
                            self._at = at
                            end_tag(tag)
                        elif kind == "block":  # (and tr)
                            opened = inline_stack.get(tag)
                            if not (opened and opened.pop()):
                                cell = self.cell
                                if cell is not None:
                                    cell.append((_CELL_BREAK, at))
                                else:
                                    self._emit()
                        elif kind == "cell":
                            self.cell = None
                        else:
                            self._at = at
                            end_tag(tag)
                    elif p == stop:  # the stretch's last text run, no "<" after it
                        continue
                    else:  # "<" of anything else
                        p += 1
                        break
                else:
                    i = stop  # the stretch read
                    break
                # HTMLParser reads what starts at ``at`` ...
                k = self._markup(at)
                if k is None:  # a "<" that ends the document
                    i = at
                    ended = True
                    break
                # ... and the tokens it read are passed over: the loop goes on
                # at the token where it stopped, or in a token's text run
                # that it stopped in (after a comment: "-->" and the line
                # break after it were one run), at its rest, or at the "<"
                # after that run; else the next stretch begins where it
                # stopped.
                token = None
                while p < k:
                    token = next(tokens, None)
                    if token is None:
                        break
                    token_start = p
                    # (min: the stretch's last text run, with no "<" after
                    # it, is one character shorter than _token_length says)
                    p = min(p + _token_length(token), stop)
                if p > k and token is not None and self.cdata_elem is None:
                    text_end = token_start + len(token[0])
                    if k <= text_end:
                        # (put back before the rest of ``found``, not the rest
                        # copied: a tag left open comes here at every "<")
                        tokens = chain(((html[k:text_end], *token[1:]),), found)
                        p = k
                if p != k or self.cdata_elem is not None or k > self._last_gt:
                    i = k
                    break
            if ended:
                break
        if i < n and self.cdata_elem is None:
            self._at = i
            handle_data(_unescape(html[i:]))

    def _start(self, tag: str, attr_text: str, slash: bool) -> None:
        """A plain start tag (``_TOKENS``).  Its attributes are read only if
        they can matter: a cell's colspan, a fact's name, a style that hides
        or inlines (``_ATTR_HINT``)."""
        attrs = _NO_ATTR_LIST
        if attr_text and (tag in _ATTR_TAGS or _style_matters(attr_text)):
            attrs = _attributes(attr_text)
        self.lasttag = tag
        if slash:
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)

    # -- text accumulation --------------------------------------------------
    def _emit(self) -> None:
        """End the current line.  Blocks follow each other line by line (CSS
        margins are not rendered); an empty block (<p>&nbsp;</p>, a second
        <br>) is a blank line, as it is what filers use for spacing."""
        pieces = self.current
        had_data = self.had_data
        if not pieces and not self.pre:  # (the commonest: a block right after a block)
            if had_data:
                self.had_data = False
                if self.lines and self.lines[-1][0] != "":
                    self.lines.append(("", ((0, self.line_pos),)))
            return
        self.current = []
        self.had_data = False
        if self.pre:
            raw = "".join(t for t, _ in pieces).replace("\xa0", " ")
            at = 0
            for piece in raw.split("\n"):
                self.lines.append((piece.rstrip(), ((0, _offset_in(pieces, at, self.line_pos)),)))
                at += len(piece) + 1
            return
        # collapse ordinary white space as a browser does; no-break spaces
        # stand, then become spaces.  White space alone (the commonest: the
        # line breaks between tags) collapses to nothing, no-break spaces
        # and all (_collapse_text ends with rstrip), as does nothing (text
        # that was a zero-width space).
        joined = pieces[0][0] if len(pieces) == 1 else "".join(map(_TEXT, pieces))
        if joined and not joined.isspace():
            self.lines.append((_collapse_text(joined), pieces))
        elif had_data and self.lines and self.lines[-1][0] != "":
            self.lines.append(("", ((0, self.line_pos),)))

    def _break(self) -> None:
        if self.cell is not None:
            self.cell.append((_CELL_BREAK, self._pos()))  # a cell may hold several lines
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
            self.cell = _new_cell(self._pos())
            span = attr.get("colspan") or "1"
            self.tables[-1][-1].append(self.cell)
            for _ in range(min(int(span) if span.isdecimal() else 1, 20) - 1):
                self.tables[-1][-1].append(_new_cell(self.cell.pos))
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
            self.facts.append((name, value, start, self._pos() + len(tag) + 3, hidden_fact))
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
                self.cell.append(
                    (_CELL_BREAK + _CELL_BREAK.join(r.strip() for r, _ in rendered) + _CELL_BREAK, pos))
            else:
                self.lines.extend(rendered)
                self.lines.append(("", ((0, pos),)))
        elif tag in _BLOCK:
            opened = self.inline_stack.get(tag)
            if not (opened and opened.pop()):
                self._break()

    def handle_data(self, data):
        self._data(data, None)

    def _data(self, data: str, pieces: list[tuple[str, int]] | None) -> None:
        """handle_data, given ``data``'s pieces (:func:`_with_refs`) if they
        are known."""
        for fact in self.open_facts:
            fact[2].append(data)
        if self.skip_depth:
            return
        if pieces is None:
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
            self.cell.extend((t.replace("\n", " ").replace(_CELL_BREAK, " "), p) for t, p in pieces)
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


def _looks_preformatted(data: str) -> bool:
    """Text laid out in columns (a cover's caption table, an exhibit list):
    many lines, several with runs of spaces between words.  Prose wrapped in
    HTML source has its line breaks but not its columns."""
    if data.count("\n") < 20:
        return False
    columns = sum(1 for line in data.split("\n") if _COLUMN_GAP.search(line))
    return columns >= 3


_NO_ATTRS: dict = {}
_COLUMN_GAP = cache.compile(r"\S {3,}\S")
