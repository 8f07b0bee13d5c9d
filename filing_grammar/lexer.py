"""Stage 2: the line classifier.

An 8-K is laid out in lines, so the lexer hands the parser one token per line
(the line *with* its newline), typed by the line's shape: ``ITEM_HEADING``,
``SIGNATURE_LEGEND``, ``BLANK`` ...  The grammar (grammar/filing.lark) decides
what a sequence of such lines means.  Classification never fails: a line of no
known shape is ``TEXT``.  Concatenating the tokens gives back the input exactly.

The lexer keeps only the state that a line's shape cannot tell:

* after ``-----BEGIN PRIVACY-ENHANCED MESSAGE-----`` and up to the first blank
  line, lines are PEM header fields (``PEM_FIELD``);
* between ``<SEC-HEADER>`` and ``</SEC-HEADER>`` lines are ``KEY: value``
  header lines (``HEADER_FIELD``, ``HEADER_ROLE``, ``HEADER_GROUP``), because
  "ITEM INFORMATION: Other events" would read as body text elsewhere;
* a document whose text is HTML (its first non-blank line is an HTML tag) is
  ``HTML_LINE`` tokens down to ``</TEXT>``: the grammar keeps it as HTML and
  transform.py reads the form in its rendering (filing_grammar/html.py);
* a uuencoded attachment (``begin 644 name`` ... ``end``) is one opaque
  ``UUENCODED`` token, since its bytes can look like anything.

Inside a PEM wrapper every line that began with ``-`` is dash-escaped as
``- -...``; such lines are classified by the text after the escape.
"""

from __future__ import annotations

import functools
from typing import Iterator

from lark import Token

from . import cache
from .body_lines import _BODY, _BODY_LEAD, _BODY_UNSCANNED, _BOX_ENDS, ITEM_PARTS, folds_like_ascii, needs_scan
from .form import official_title_end
from .caption_lines import (CAPTION, CAPTION_HINT, CAPTION_HINT_LEADS, CAPTION_WORD, REGISTRANTS, REGISTRANTS_LOW,
                            caption_low)
from .envelope_lines import _ENVELOPE, _MAX_TAG_DEPTH, classify_header, classify_tag_header
from .kinds import LINE_KINDS
from .source.html import Rendering, looks_like_html
from .tokens import LineToken, RenderedToken, RunToken

__all__ = ["tokenize", "classify_body", "RunToken", "LINE_KINDS", "RenderedToken"]


_UU_BEGIN = cache.compile(r"begin [0-7]{3,4} \S")

def classify_body(line: str) -> str:
    """The kind of one line of document text (no newline)."""
    kind = _classify_raw(line)
    return "TEXT" if kind == "TOC_LINE" else kind


def _classify_raw(line: str) -> str:
    """classify_body, telling a contents line with dotted leaders (TOC_LINE)."""
    stripped = line.strip()
    if not stripped:
        return "BLANK"
    if stripped.startswith("- ") and line.startswith("- "):  # PEM dash-escape
        stripped = stripped[2:].strip()
        if not stripped:
            return "TEXT"
    # _BODY, through the quick tests of body_lines.needs_scan and _BODY_LEAD
    # first: most lines are prose that no shape matches, and the shapes that
    # scan a line cost most on the longest lines.  Then the captions, the
    # same way: CAPTION_HINT, REGISTRANTS_LOW and caption_low read the line
    # lowercased, where it folds like ASCII (nearly every line: curly quotes
    # and no-break spaces do), else CAPTION and REGISTRANTS with (?i).
    low = stripped.lower()
    if stripped.isascii():  # (nearly every line) needs_scan, written out for an ASCII line: a call per line costs
        folded = True
        scan = "<" in low or "...." in low or (
            ("transition" in low or "financial" in low) and stripped[-1] in _BOX_ENDS)
    else:
        folded = folds_like_ascii(stripped)
        scan = needs_scan(stripped, low)
    if scan:
        m = _BODY.match(stripped)
    elif _BODY_LEAD.match(low) is not None:
        m = _BODY_UNSCANNED.match(stripped)
    else:
        m = None
    if m is not None:
        return m.lastgroup  # type: ignore[return-value]
    if len(stripped) > 400:
        return "TEXT"
    if folded:
        if (CAPTION_HINT.search(low) is None and not low.startswith(CAPTION_HINT_LEADS)  # (most prose)
                or not CAPTION_WORD.search(low)):
            return "TEXT"
        if REGISTRANTS_LOW.search(low):
            return "REGISTRANTS_CAPTION"
        return caption_low(low)
    if not CAPTION_WORD.search(low):
        return "TEXT"
    if REGISTRANTS.search(stripped):
        return "REGISTRANTS_CAPTION"
    m = CAPTION.search(stripped)
    if m is not None:
        return m.lastgroup  # type: ignore[return-value]
    return "TEXT"


# Kinds that open a section.  A heading starts a paragraph: a line of one of
# these shapes that continues a sentence from the line above ("... attached
# hereto as" / "Exhibit 99.1.") is prose, and is TEXT.
_OPENERS = frozenset({"ITEM_HEADING", "EXHIBIT_HEADING", "EXHIBIT_INDEX_HEADING", "SIGNATURE_HEADING"})
_CONTINUES = cache.compile(r"[A-Za-z0-9,;\-(]\s*$")


# (?<!...): a match starts only where a run of blanks starts, so a search over
# a long run of spaces is linear, not quadratic; the matches are the same.
_FIRST_NONBLANK = cache.compile(r"(?<![ \t\f\v])[ \t\f\v]*\S")


def _first_line(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The first line at or after ``pos`` that is not blank: where it starts
    (its run of leading blanks included) and where it ends (at its newline or
    ``limit``); None if there is none before ``limit``.  (Its end is found by
    str.find: a "[^\n]*" in the pattern read a long line a character at a
    time.)"""
    m = _FIRST_NONBLANK.search(text, pos, limit)
    if m is None:
        return None
    end = text.find("\n", m.end(), limit)
    return m.start(), m.endpos if end == -1 else end


def _text_is_html(text: str, pos: int) -> bool:
    """Is the first non-blank line at or after ``pos`` the start of HTML?"""
    first = _first_line(text, pos, min(len(text), pos + 100_000))
    if first is None:
        return False
    line = text[first[0]:first[1]]
    return looks_like_html(line) and _ENVELOPE.match(line.lstrip()) is None


_HEADINGS = frozenset({"EXHIBIT_INDEX_HEADING", "ITEM_HEADING", "SIGNATURE_HEADING", "EXHIBIT_HEADING"})
# The kinds of _classify_raw that the lexer looks at again, in the light of
# the lines around them: a dotted contents line is TEXT, a heading may be
# prose or the first entry of a table of contents.
_SECOND_LOOK = _OPENERS | _HEADINGS | {"TOC_LINE"}
# How a line may start that the quick branch for body text in _tokens leaves
# to the full one: an envelope tag ("<", "-----BEGIN ..."), a PEM dash escape
# ("- "), a uuencoded block ("begin 644 ...").
_NOT_PLAIN_START = frozenset({"<", "-", "b"})


# _classify_raw of short lines, kept by their text (it is a function of the
# line alone).  A filing of millions of lines is one of short lines, and short
# lines are few: "x", "1", "(a)", "None." repeat, in every filing, so that each
# is classified once per process, not once per line (5 MB of "x" lines: issue
# 12).  A bounded number, so that a filing of distinct lines costs no more
# than before.
_SHORT = 24
_SHORT_KEPT = 1 << 16
_SHORT_KINDS: dict[str, str] = cache.kept({})


def _body_kind(line: str) -> str:
    """_classify_raw of a line, a short one's kept (_SHORT_KINDS)."""
    if len(line) > _SHORT:
        return _classify_raw(line)
    kind = _SHORT_KINDS.get(line)
    if kind is None:
        kind = _classify_raw(line)
        if len(_SHORT_KINDS) < _SHORT_KEPT:
            _SHORT_KINDS[line] = kind
    return kind


# Lines that do not interrupt a table of contents.
_FURNITURE = frozenset({"BLANK", "PAGE", "PAGE_NUMBER", "RULE"})
# A page number in a column after a contents entry ("SIGNATURES      4").
_PAGE_COLUMN = cache.compile(r"(?i)(?<=\S)\s{2,}(?:page\s+)?\d{1,3}\s*$")


def _without_page_column(line: str) -> str:
    """``line`` without a page number in a column at its end (_PAGE_COLUMN).
    Looked for only in a line that ends in a digit, as such a page number
    does (what the pattern's \\d matches is a digit to str.isdigit, and what
    its \\s matches str.rstrip strips): the pattern is tried at each run of
    blanks in a line, and the lines read here are often paragraphs of prose."""
    end = line.rstrip()
    if not end or not end[-1].isdigit():
        return line
    return _PAGE_COLUMN.sub("", line)


def _classify_entry(line: str) -> str:
    """The kind of a line that may be a contents entry: a heading with a page
    number after it is the heading."""
    kind = _classify_raw(line)
    if kind in _HEADINGS or kind in _FURNITURE or kind == "TOC_LINE":
        return kind
    bare = _without_page_column(line)
    if bare != line:
        inner = _classify_raw(bare)
        if inner in _HEADINGS:
            return inner
    return kind


def _title_end(text: str, pos: int, heading: str) -> int:
    """Where the official title of an item heading's item ends, when it is
    printed on the lines after the heading (``pos``: the heading's end), as a
    contents may print it: "Item 5.02" / "Departure of Directors or Certain
    Officers; ..." (wrapped over up to three lines, a page number after it).
    ``pos`` itself when no title follows."""
    m = None
    scan, n = pos, len(text)
    for _ in range(5):
        nl = text.find("\n", scan)
        nxt = n if nl == -1 else nl + 1
        line = text[scan:nxt].strip()
        scan = nxt
        if not line:
            continue
        if line[:4].lower() in ("item", "sign", "exhi"):  # the next heading: no title under this one
            break
        if m is None:
            m = ITEM_PARTS.match(_without_page_column(heading))
            if m is None:
                break
            number, title = m.group("num"), m.group("rest").strip(" .:-\u2013\u2014")
        title = (title + " " + _without_page_column(line)).strip()
        done = official_title_end(number, title)
        if done and not title[done:].strip(" .:;,-"):
            return nxt
    return pos


def _next_kinds(text: str, pos: int, line: str = "", kind: str = "") -> Iterator[str]:
    """Kinds of the lines after ``pos`` that are not blank or furniture (a
    page number on a line of its own, a rule), nor the title of the item
    heading before them (``line``, of ``kind``: the heading ending at
    ``pos``); each classified when asked for."""
    while True:
        if kind == "ITEM_HEADING":
            pos = _title_end(text, pos, line)
        first = _first_line(text, pos, min(len(text), pos + 2000))
        if first is None:
            return
        start, end = first
        line = text[start:end]
        kind = _classify_entry(line)
        if kind not in _FURNITURE:
            yield kind
        pos = end


def _in_contents(text: str, pos: int, kind: str, line: str = "") -> bool:
    """Is this heading the first entry of a table of contents?  A contents
    lists headings as lines of their own (an item's title may stand on the
    lines under its number): "SIGNATURES" followed at once by "EXHIBIT
    INDEX", or a run of three headings with no text between them.  (The
    second line after is read only when the first is a heading: most
    headings are followed by text.)"""
    nxt = _next_kinds(text, pos, line, kind)
    if next(nxt, None) not in _HEADINGS:
        return False
    return kind in ("SIGNATURE_HEADING", "EXHIBIT_INDEX_HEADING") or next(nxt, None) in _HEADINGS


def _heading_key(kind: str, line: str) -> tuple:
    """What a heading names: its kind and, for an item, its numbers; else its
    words.  A table of contents ends where a heading repeats one of its entries."""
    if kind == "ITEM_HEADING":
        m = ITEM_PARTS.match(line)
        if m is not None:
            return kind, m.group("num"), tuple((m.group("more") or "").split())
    return kind, " ".join(line.lower().split()) if kind == "EXHIBIT_HEADING" else ""


def _contents_end(text: str, pos: int, first: tuple, heading: str = "") -> tuple[int, int]:
    """The end of a table of contents whose first entry (``first``, its
    heading key) ends at ``pos``, and how many more lines it takes.  Its
    entries are headings with no text between them (blank lines and page
    numbers between entries belong to it) and dotted leader lines ("Item
    2.02 ........ 3"); it ends at a line of text, or at a heading that
    repeats one of its entries: the document's own first heading."""
    end, lines = pos, 0
    scan, scanned = pos, 0
    seen = {first}
    n = len(text)
    title_from = heading if first[0] == "ITEM_HEADING" else None
    while scan < n:
        if title_from is not None:  # the entry's title on the lines under it
            after = _title_end(text, scan, title_from)
            if after > scan:
                scanned += text.count("\n", scan, after)
                scan = end = after
                lines = scanned
            title_from = None
        nl = text.find("\n", scan)
        nxt = n if nl == -1 else nl + 1
        line = text[scan:nxt].rstrip("\n")
        kind = _classify_entry(line)
        scanned += 1
        if kind in _FURNITURE:
            scan = nxt
            continue
        if kind in _HEADINGS:
            key = _heading_key(kind, _without_page_column(line).strip())
            if key in seen:
                break
            seen.add(key)
            if kind == "ITEM_HEADING":
                title_from = line
        elif kind != "TOC_LINE":
            break
        scan = end = nxt
        lines = scanned
    return end, lines


def tokenize(text: str, html: bool = True, rendering: Rendering | None = None,
             runs: bool = False) -> Iterator[Token]:
    """Yield one positioned token per line of ``text`` (uuencode: per block).

    ``html=False`` reads text that is already a rendering of HTML: tags in it
    are literal text, never the start of another HTML document.  With
    ``rendering`` (the :class:`Rendering` whose text ``text`` is), the tokens
    are :class:`RenderedToken`\\ s that know their way back to the HTML.

    ``runs=True`` (parser.py): the text of a document that is not an 8-K is
    one ``OPAQUE`` :class:`RunToken`, the lines of an HTML document one
    ``HTML_LINE`` run; ``lines()`` of a run are the tokens yielded without."""
    return _tokens(text, html, rendering, runs)


def _tokens(text: str, html: bool, rendering: Rendering | None, runs: bool, mode: str | None = None,
            offset: int = 0, line_no: int = 1, prev_kind: str = "BLANK") -> Iterator[Token]:
    """:func:`tokenize`; given ``mode``, the lines of a run at ``offset``."""
    if rendering is not None:
        html = False
    prev_line = ""
    tag_depth = 0
    pos = 0
    n = len(text)
    doc_type = None  # the <TYPE> kind of the document being read
    if mode is None:
        mode = "html" if html and _text_is_html(text, 0) else "body"  # body | pem | header | tags | html
        # Blank lines before an envelope tag on the first non-blank line are
        # LEADING_BLANK (as a bare 8-K may start with blank lines, BLANK there
        # would leave the parser unable to tell the two apart).
        first = _first_line(text, 0, min(n, 100_000))
        leading_end = first[0] if first and _ENVELOPE.match(text[first[0]:first[1]]) else 0
    else:
        leading_end = 0
    find, classify, short_kinds = text.find, _classify_raw, _SHORT_KINDS
    # (a token made as Token(...) makes one, without its keyword handling: one per line)
    new, token_class = str.__new__, LineToken if rendering is None else RenderedToken
    while pos < n:
        if runs and (mode == "html" or (prev_kind == "TEXT_OPEN" and doc_type == "TYPE_OTHER")) and pos >= leading_end:
            opaque = prev_kind == "TEXT_OPEN" and doc_type == "TYPE_OTHER"
            run = "OPAQUE" if opaque else "HTML_LINE"
            stop = _opaque_end(text, pos, mode)
            if stop is not None and stop > pos:
                # Its lines and its last line's end column, read in the text
                # (not in a copy of the run without its last newline: a run
                # can be megabytes)
                last_end = stop - 1 if text[stop - 1] == "\n" else stop
                lines_used = text.count("\n", pos, last_end) + 1
                nl = text.rfind("\n", pos, last_end)
                # (the run's text is the token's own: no copy of it is kept
                # for relex, which is given the token's text when called)
                tok = RunToken(run, text[pos:stop], start_pos=offset + pos, line=line_no, column=1,
                               end_line=line_no + lines_used - 1,
                               end_column=last_end - (pos - 1 if nl == -1 else nl), end_pos=offset + stop)
                tok.rendering = rendering
                tok.relex = functools.partial(_tokens, html=html, rendering=rendering, runs=False, mode=mode,
                                              offset=offset + pos, line_no=line_no, prev_kind=prev_kind)
                yield tok
                pos, line_no, prev_kind = stop, line_no + lines_used, run
                continue
        end = find("\n", pos)
        if end == -1:
            line = text[pos:]
            end = n
        else:
            line = text[pos:end]
            end += 1
        lines_used = 1
        if mode == "body" and line[:1] not in _NOT_PLAIN_START and pos >= leading_end:
            # (nearly every line) document text that can be no envelope tag
            # and no uuencoded block: what the branches below would find
            if not line or line.isspace():
                kind = "BLANK"
            elif len(line) > _SHORT:
                kind = classify(line)
            else:  # a short line, the kind of which may be known already (_body_kind, written out)
                kind = short_kinds.get(line)
                if kind is None:
                    kind = classify(line)
                    if len(short_kinds) < _SHORT_KEPT:
                        short_kinds[line] = kind
        else:
            kind = None
            if pos < leading_end:
                kind = "LEADING_BLANK"
            elif mode == "html":
                if line.startswith("</TEXT>"):
                    kind, mode = "TEXT_CLOSE", "body"
                else:
                    kind = "HTML_LINE"
            elif line.startswith(("<", "-")):
                m = _ENVELOPE.match(line)
                if m is not None:
                    kind = m.lastgroup
                    if kind == "PEM_BEGIN":
                        mode = "pem"
                    elif kind == "SEC_HEADER_OPEN":
                        mode = "header"
                    elif kind == "SEC_HEADER_CLOSE":
                        mode = "body"
                    elif kind == "SUBMISSION_OPEN":
                        mode = "tags"
                    elif kind == "DOCUMENT_OPEN":
                        mode = "body"
                        doc_type = None
                    elif kind == "TEXT_OPEN" and html and _text_is_html(text, end):
                        mode = "html"
                    elif mode == "tags" and kind != "SUBMISSION_CLOSE":
                        kind = None  # <TYPE>8-K in a tag header is a header value
                    if kind in ("TYPE_8K", "TYPE_OTHER"):
                        doc_type = kind
            if kind is None:
                if mode == "pem":
                    if line.strip():
                        kind = "PEM_FIELD"
                    else:
                        kind = "BLANK"
                        mode = "body"
                elif mode == "header":
                    kind = classify_header(line)
                elif mode == "tags":
                    kind = classify_tag_header(line)
                    # Group tags nest; past a sane depth they are not a header any
                    # more (and the tree must stay shallow enough to walk).
                    if kind == "TAG_GROUP_OPEN":
                        tag_depth += 1
                        if tag_depth > _MAX_TAG_DEPTH:
                            kind = "TEXT"
                    elif kind == "TAG_GROUP_CLOSE":
                        tag_depth -= 1
                        if tag_depth >= _MAX_TAG_DEPTH:
                            kind = "TEXT"
                elif line.startswith("begin ") and _UU_BEGIN.match(line):
                    # One token up to and including the closing "end" line; stop
                    # short of </TEXT> if the attachment was cut off.
                    kind = "UUENCODED"
                    end, more = _uuencoded_end(text, end)
                    lines_used += more
                else:
                    kind = _body_kind(line)
        if kind in _SECOND_LOOK:  # (only classify gives these)
            if kind == "TOC_LINE":
                kind = "TEXT"
            elif kind in _OPENERS and prev_kind == "TEXT" and _CONTINUES.search(prev_line):
                kind = "TEXT"
            elif kind in _HEADINGS and _in_contents(text, end, kind, line):
                # a table of contents: one token, from its first entry to its last
                end, more = _contents_end(text, end, _heading_key(kind, line.strip()), line)
                kind = "CONTENTS"
                lines_used += more
        prev_kind, prev_line = kind, line
        value = text[pos:end]
        tok = new(token_class, value)
        tok.type = kind
        tok.start_pos = offset + pos
        tok.line = line_no
        tok.column = 1
        tok.end_pos = offset + end
        if lines_used == 1:
            tok.end_line = line_no
            tok.end_column = len(line) + 1  # 1 past the end of its last line
        else:
            last = value.rstrip("\n")
            line_no += lines_used - 1
            tok.end_line = line_no
            tok.end_column = len(last) - last.rfind("\n")
        if rendering is not None:
            tok.rendering = rendering
        yield tok
        pos = end
        line_no += 1


# The lines a uuencoded block may end at: its "end" line, or the </TEXT> of a
# block cut off (one scan for both, not one each: a block can be megabytes).
_UU_STOP = cache.compile(r"\n(?:</TEXT>|end)")


def _uuencoded_end(text: str, pos: int, count: bool = True) -> tuple[int, int]:
    """The end of a uuencoded block whose ``begin`` line ends at ``pos`` (after
    its ``end`` line, or before ``</TEXT>``), and how many more lines it takes
    (0 with ``count=False``: _opaque_end wants only the end, and the run it
    ends counts its lines once).  (Found by _UU_STOP, not by a look at each
    line; the "end" line only before ``</TEXT>``: one after it is not the block's.)"""
    n = len(text)
    start = pos  # the line looked at
    close = -1
    while start < n:
        if text.startswith("</TEXT>", start):
            close = start
            break
        if text.startswith("end", start):
            nl = text.find("\n", start)
            stop = n if nl == -1 else nl + 1
            if text[start:stop].rstrip() == "end":
                return stop, text.count("\n", pos, start) + 1 if count else 0
        m = _UU_STOP.search(text, start)
        if m is None:
            break
        start = m.start() + 1
    if not count:
        return (n if close == -1 else close), 0
    if close != -1:  # an attachment cut off: the block stops short of </TEXT>
        return close, text.count("\n", pos, close)
    return n, text.count("\n", pos, n) + (n > pos and text[-1] != "\n")


# Where the line lexer may change its mind about a line of opaque text: a line
# that may be an envelope tag (it starts as one of _ENVELOPE's alternatives
# starts: a <PAGE>, <TABLE> or dash rule line is not one), or the start of a
# uuencoded block.  (Searched from the newline before: a literal first
# character is found fast.)
_OPAQUE_STOP = cache.compile(
    r"\n(?:-----(?:BEGIN|END)\ |</?(?:SEC-|IMS-|DOCUMENT>|TEXT>|SUBMISSION>)"
    r"|<(?:ACCEPTANCE-DATETIME>|TYPE>|SEQUENCE>|FILENAME>|DESCRIPTION>|FLAWED>)|begin\ )")
_CONTENTS_LINES = _HEADINGS | _FURNITURE | {"TOC_LINE"}  # what a table of contents may run over


def _opaque_end(text: str, pos: int, mode: str) -> int | None:
    """Where a run starting at ``pos`` ends: the text of a document that is not
    an 8-K at the next line the line lexer would read as an envelope tag, the
    lines of an HTML document at ``</TEXT>``; so that its lines are exactly the
    tokens the line lexer yields there.  None where that cannot be told without
    reading every line (a tag that a table of contents might run over: rare)."""
    n = len(text)
    if mode == "html":
        if text.startswith("</TEXT>", pos):
            return pos
        stop = text.find("\n</TEXT>", pos)
        return n if stop == -1 else stop + 1
    if mode != "body":
        return None
    scan = pos
    while True:
        m = _OPAQUE_STOP.search(text, scan - 1)  # (a line after <TEXT>: scan > 0)
        if m is None:
            return n
        start = m.start() + 1
        nl = text.find("\n", start)
        end = n if nl == -1 else nl + 1
        line = text[start:end].rstrip("\n")
        if line.startswith("begin "):
            if _UU_BEGIN.match(line):
                if _in_reach_of_contents(text, pos, start, line):
                    return None
                end, _ = _uuencoded_end(text, end, count=False)
        elif _ENVELOPE.match(line) is not None:
            return None if _in_reach_of_contents(text, pos, start, line) else start
        scan = end


def _in_reach_of_contents(text: str, pos: int, start: int, line: str) -> bool:
    """Might a table of contents run over ``line`` (at ``start``; the run
    began at ``pos``)?  Its entries are headings, dotted leaders and furniture
    (_contents_end), and an item's title on the lines under its heading
    (_title_end: up to five lines after an ITEM_HEADING)."""
    if _entry_kind(line) in _CONTENTS_LINES:
        return True
    stop = start
    for _ in range(5):
        if stop <= pos:
            break
        nl = text.rfind("\n", pos, stop - 1)
        begin = pos if nl == -1 else nl + 1
        if _entry_kind(text[begin:stop - 1]) == "ITEM_HEADING":
            return True
        stop = begin
    return False


# _classify_entry of the lines _in_reach_of_contents reads, kept by their
# text: the same few end most opaque documents ("</TEXT>", "end", "}",
# "</XML>", ""), in every filing.  (It is a function of the line alone.)
# Short lines only, the long ones being seldom met again; a bounded number.
_ENTRY_KINDS: dict[str, str] = cache.kept({})


def _entry_kind(line: str) -> str:
    kind = _ENTRY_KINDS.get(line)
    if kind is None:
        kind = _classify_entry(line)
        if len(line) <= 80 and len(_ENTRY_KINDS) < 1024:
            _ENTRY_KINDS[line] = kind
    return kind
