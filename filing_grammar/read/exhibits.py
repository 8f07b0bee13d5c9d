"""Exhibit lists: the EXHIBIT INDEX section (grammar section 2.4: each
``exhibit_entry`` with its continuation lines), or, without one, the list
under Item 7 / Item 9.01 "(c) Exhibits".

POST-PROCESSING here, what a context-free grammar cannot say: which wrapped
lines continue a description (their column), a page-number column, a
"Filed herewith" column, and a year that is not a page.
"""

from __future__ import annotations

import re

from lark import Token, Tree

from .. import cache
from ..form import EXHIBIT_ITEMS
from ..body_lines import ENTRY_PARTS
from ..records import ExhibitRef, Item
from ..tree import line_text, span_and_line, span_at, span_of, tree_tokens
from ..values import collapse, without_final_period
from .items import INAPPLICABLE

__all__ = ["read_exhibits", "read_exhibit_index", "read_item_exhibits"]

# A last line shorter than this ends an unfinished description.
SHORT_LAST_LINE = 40

_PAGE_AT_END = cache.compile(r"(?:\d{1,4}|[A-Z]-\d{1,3}|E-\d+)$", re.I)
# A page number is the line's last word, at most this long ("E-123", "1234").
PAGE_TAIL = 8
# A "page" column value between these is a year, if a month and day precede it.
YEARS = (1900, 2099)


def _split_page(text: str, letters: bool = True) -> tuple[str, str | None]:
    """A description and the page number in a column after it: the last word,
    two spaces or more (or "Page ") away.  ``letters``: pages like "E-3"."""
    text = text.rstrip()
    m = _PAGE_AT_END.search(text[-PAGE_TAIL:])
    if m is None:
        return text, None
    page = m.group()
    if not letters and not page.isdigit():
        return text, None
    before = text[: len(text) - len(page)]
    desc = before.rstrip()
    gap = len(before) - len(desc)
    if gap >= 1 and desc[-4:].lower() == "page" and (len(desc) == 4 or desc[-5].isspace()):
        head = desc[:-4].rstrip()
        if len(desc) - 4 - len(head) >= 2 or not head:
            return head, page
    if gap >= 2 and desc:
        return desc, page
    return text, None


_EXHIBITS_SUBHEADING = cache.compile(r"(?i)^\s*(?:\(?[a-d]\)\s*)?exhibits?\b(?!\s+\d)[^.]{0,40}\.?\s*$")
# "EXHIBITS" alone on its line: the list under another item's text.
_EXHIBITS_LINE = cache.compile(r"(?i)\s*exhibits?:?\s*")
_EXHIBITS_LINE_WORD = len("exhibits:")  # (the longest line it matches, blanks stripped)
_FILED_COLUMN = cache.compile(r"(?i)\(?(?:filed|furnished)\s+(?:herewith|electronically)[\w\s.]{0,30}\)?$")


def _strip_filed_column(desc: str) -> str:
    """Drop a column saying how the exhibit is filed ("   Filed herewith"),
    two spaces or more after the description."""
    m = _FILED_COLUMN.search(desc)
    if m is None:
        return desc
    head = desc[: m.start()]
    kept = head.rstrip()
    return kept if len(head) - len(kept) >= 2 and kept else desc
_MONTH_DAY = cache.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?$")
_UNFINISHED = cache.compile(r"(?:[,;:(&-]|\b(?:and|or|of|the|a|an|by|to|for|in|on|with|between|among|dated|from))$", re.I)


def _page_or_year(desc: str, page: str | None) -> tuple[str, str | None]:
    """A page column value, unless it is the year of a date ("May 18,  2000")."""
    if page and page.isdecimal() and YEARS[0] <= int(page) <= YEARS[1] and _MONTH_DAY.search(desc.rstrip()):
        return f"{desc} {page}", None
    return desc, page


# line kinds that end an entry rather than continue its description
_NOT_CONTINUATION = frozenset({
    "EXHIBIT_ENTRY", "BLANK", "RULE", "PAGE", "PAGE_NUMBER", "TABLE_TAG", "ITEM_HEADING",
    "SIGNATURE_HEADING", "SIGNATURE_LEGEND", "EXHIBIT_INDEX_HEADING", "UUENCODED", "TEXT_CLOSE",
})


class _Entry:
    """An exhibit entry being read: its description grows line by line (as
    pieces, joined once at the end: += on a long description is quadratic)."""

    __slots__ = ("number", "pieces", "page", "tokens", "mark", "parenthesised", "number_cols", "run")

    def __init__(self, number: str, tok: Token, page: str | None, number_cols: tuple[int, int]):
        self.number = number
        self.pieces: list[str] = []
        self.page = page
        self.tokens = [tok]
        text = line_text(tok)
        mark = _MARK.match(text)
        self.mark = mark.group(1) if mark else None
        self.parenthesised = bool(_PARENTHESISED.match(text))
        self.number_cols = number_cols
        self.run = 0

    def record(self) -> ExhibitRef:
        head = self.tokens[0]
        line = span_and_line([head])[1]
        description = without_final_period(collapse(" ".join(self.pieces))) or None
        if self.mark is None and description:
            # "10.2 Agreement with ACME Corporation*": the mark after the description
            end = _TRAILING_MARK.search(description)
            self.mark = end.group(1) if end else None
        return ExhibitRef(number=self.number, description=description,
                          page=self.page, line=line, span=span_of(self.tokens),
                          number_span=span_at(head, *self.number_cols), mark=self.mark,
                          parenthesised=self.parenthesised, run=self.run)


# "2.1*", "10.3\u2020": a footnote mark after the exhibit number
_MARK = cache.compile(r"\s*(?:exhibit\s+)?[\d.()a-zA-Z]*?\d[\d.]*[a-zA-Z]?(\*+|\u2020)", re.I)
# ... or at the end of its description
_TRAILING_MARK = cache.compile(r"\S(\*+|\u2020)$")
# "(1) The pro forma adjustments ...": numbered like a footnote
_PARENTHESISED = cache.compile(r"\s*\(\d{1,2}\)")


def read_exhibits(tokens: list[Token], parenthesised: bool = True) -> list[ExhibitRef]:
    """POST-PROCESSING: exhibit entries and their wrapped continuation lines.

    A line continues the entry above it when it is indented past the entry's
    number (a description column), or, flush with it, when the description
    so far is unfinished (ends in a comma or a joining word, or the line
    starts in lower case).  ``parenthesised=False`` skips "(1)"-style entries
    (footnotes, where no "Exhibits" sub-heading starts the list)."""
    out: list[_Entry] = []
    inapplicable: set[int] = set()  # id() of "(1) Underwriting agreement / Not Applicable." entries
    current: _Entry | None = None
    last: _Entry | None = None
    indent = 0
    cont_col = -1  # the column of the current entry's continuation lines
    run, prose = 0, False  # which list an entry is in: prose between two entries starts another
    for k, tok in enumerate(tokens):
        text = line_text(tok)
        if (tok.type == "EXHIBIT_ENTRY" and current is not None
                and len(text) - len(text.lstrip()) == cont_col > indent + 1):
            # "Attachment" / "1: Disclosure Schedule; ...": a wrapped line of
            # the description that starts with a number, in its column
            current.pieces.append(text.strip())
            current.tokens.append(tok)
            continue
        if tok.type == "EXHIBIT_ENTRY":
            cont_col = -1
            m = ENTRY_PARTS.match(text)
            if m is None or (not parenthesised and _PARENTHESISED.match(text)):
                current = None
                continue
            desc, page = _split_page(text[m.end():])
            # a column saying how the exhibit is filed is not its description
            desc, page = _page_or_year(_strip_filed_column(desc.strip()), page)
            current = _Entry(m.group("num"), tok, page, (m.start("num"), m.end("num")))
            if prose and out:
                run += 1
            prose = False
            current.run = run
            current.pieces.append(desc)
            indent = len(m.group("lead"))
            cont_col = m.end()  # until a continuation line says otherwise
            out.append(current)
            last = current
        elif last is not None and INAPPLICABLE.match(text.strip()):
            inapplicable.add(id(last))
            last = current = None
        elif current is not None and tok.type not in _NOT_CONTINUATION and text.strip():
            # "------------      September 26, 1997, among ...": the number's
            # underline beside the description's second line
            under = cache.match(r"^\s*[-=_]{3,}\s+(?=\S)", text)
            content = text[under.end():] if under else text.lstrip()
            lead = len(text) - len(content)
            so_far = current.pieces[-1].rstrip()  # how the description ends so far
            # a short last line of the paragraph ends an unfinished sentence:
            # "Exhibit 99.1 Press Release ... issued by Westell" / "Technologies, Inc."
            tail = (len(content.strip()) < SHORT_LAST_LINE and not so_far.endswith((".", ")"))
                    and (k + 1 == len(tokens) or tokens[k + 1].type in ("BLANK", "PAGE")))
            if lead <= indent and not (_UNFINISHED.search(so_far) or content[:1].islower() or tail):
                current, prose = None, True
                continue
            desc, page = _page_or_year(*_split_page(content.strip(), letters=False))
            current.pieces.append(desc)
            current.tokens.append(tok)
            cont_col = lead
            if page and not current.page:
                current.page = page
        elif tok.type in ("BLANK", "RULE", "PAGE", "PAGE_NUMBER"):
            current = None
        elif text.strip():
            prose = True
    return [e.record() for e in out if id(e) not in inapplicable]


def read_exhibit_index(node: Tree) -> list[ExhibitRef]:
    """``exhibit_index``: its entries."""
    return read_exhibits(tree_tokens(node))


def read_item_exhibits(item: Item, node: Tree) -> list[ExhibitRef]:
    """With no exhibit index of its own, a filing lists its exhibits under
    Item 7 / Item 9.01 "(c) Exhibits", or under an "EXHIBITS" sub-heading in
    another item's text."""
    body = tree_tokens(node)[1:]
    if item.number not in EXHIBIT_ITEMS:
        # (every line of the text: the pattern only on a line of a word or
        # so, as long as "exhibits:" once its blanks are stripped, issue 12)
        at = next((k for k, t in enumerate(body) if t.type == "TEXT" and len(t.strip()) <= _EXHIBITS_LINE_WORD
                   and _EXHIBITS_LINE.fullmatch(line_text(t))), None)
        body = body[at:] if at is not None else []
    else:
        # Item 7 may hold pro forma statements before its "(c) Exhibits"
        # list, with footnotes "(1) The pro forma adjustments ...": start at
        # the sub-heading where there is one, and without one take no
        # "(1)"-style entries
        at = next((k for k, t in enumerate(body) if t.type == "TEXT"
                   and _EXHIBITS_SUBHEADING.match(line_text(t))), None)
        if at is not None:
            body = body[at:]
    return read_exhibits(body, parenthesised=at is not None) if body else []
