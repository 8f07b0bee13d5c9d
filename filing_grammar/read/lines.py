"""What every reader needs of a run of line tokens: blocks of value lines and
the columns of a line.  POST-PROCESSING shared by the readers: a context-free
grammar over line kinds cannot say which columns a line has."""

from __future__ import annotations


from .. import cache
from typing import Iterable

from lark import Token


__all__ = ["VALUE_KINDS", "LAYOUT", "FURNITURE", "blocks", "segments", "first_segment"]

# Line kinds that carry words a value can be made of.
VALUE_KINDS = frozenset({"TEXT", "EXHIBIT_ENTRY", "SECTION_HEADING", "NAME_LINE",
                         "TITLE_LINE", "DATE_LINE", "BY_LINE", "PAGE_NUMBER", "UNMATCHED"})
# Furniture: never part of a value or of item text.
LAYOUT = frozenset({"PAGE", "PAGE_NUMBER", "TABLE_TAG"})
# Lines that separate paragraphs.
FURNITURE = frozenset({"BLANK", "RULE", "PAGE", "PAGE_NUMBER", "TABLE_TAG"})


# The kinds of a block's lines: values, not page numbers.
_BLOCK_KINDS = VALUE_KINDS - {"PAGE_NUMBER"}


def blocks(tokens: Iterable[Token]) -> list[list[Token]]:
    """Runs of consecutive value lines (blank lines, rules, banners, page
    numbers split them)."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for tok in tokens:
        # (a token is its text: not read through LineToken.value, issue 12)
        if tok.type in _BLOCK_KINDS and tok.strip():
            current.append(tok)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


# A column is a run of words one space apart (two for text typed with double
# spaces between words, where columns are three or more spaces apart).
_SEGMENT = {2: cache.compile(r"\S+(?: \S+)*"), 3: cache.compile(r"\S+(?: {1,2}\S+)*")}


def segments(line: str, gap: int = 2) -> list[tuple[int, str]]:
    """Columns of a line: (start column, text), split on runs of ``gap`` or
    more spaces."""
    return [(m.start(), m.group()) for m in _SEGMENT[gap].finditer(line)]


def first_segment(line: str, gap: int = 2) -> tuple[int, str] | None:
    """The first of :func:`segments` (None if the line is blank), without
    finding the others."""
    m = _SEGMENT[gap].search(line)
    return (m.start(), m.group()) if m else None
