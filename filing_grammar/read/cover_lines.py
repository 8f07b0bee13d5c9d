"""The lines of a cover page as the cover reader (cover.py) sees them: the
shapes of values and caption words, captions that go on to the next line, the
column a value stands in, and covers printed in two columns.  POST-PROCESSING
(see cover.py): these are the layout facts a context-free grammar cannot say."""

from __future__ import annotations

import re

from lark import Token

from .. import cache
from ..form import US_STATES
from ..tree import line_text
from .lines import segments

__all__ = ["ID_PREFIX", "FILE_NUMBER_LIKE", "EVENT_DATE", "PHONE_LIKE", "NAME_CAPTION", "CAPTION_DIGITS", "DATEISH", "CAPTION_WORDS", "ID_CAPTION_WORDS", "BOX_LINE", "closes_caption", "caption_open", "is_state", "nearest", "second_column", "left_part"]

# The label before an ids value: "No.", "File No.", "I.R.S. No.", "EIN".
ID_PREFIX = cache.compile(r"(?i)(?:(?:commission\s+)?file\s+no\.?|i\.?\s?r\.?\s?s\.?\s+(?:employer\s+)?"
                        r"(?:identification\s+)?no\.?|ein|no\.)\s*:?\s*(?=\d)")
# Something a filer meant as a file number: digits and hyphens, a letter or
# two among them ("333-9215X", "1-5502A"), at least one hyphen.
FILE_NUMBER_LIKE = cache.compile(r"\d{1,3}-[\dA-Za-z]{3,6}(?:-[\dA-Za-z]{1,3})?")
# A date in parentheses, alone (after the date of report, or on the line under it).
EVENT_DATE = cache.compile(r"\s*\(([^()]{6,30})\)\s*$")
# Something meant as a telephone number: an area code in parentheses, then
# digits in two groups (checked against PHONE by FG210).
PHONE_LIKE = cache.compile(r"\(\s*\d{3}\s*\)\s*\d{2,4}\s*[-.]\s*\d{2,6}\b")
NAME_CAPTION = cache.compile(r"(?i)exact\s+name\s+of|name\s+of\s+registrant")
# digits before it on its line that would make it something else (a ZIP code)
CAPTION_DIGITS = cache.compile(r"\d{5}\s*$")
# Something like a date: a digit or a month's first letters.
DATEISH = cache.compile(r"(?i)\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
# Caption words beside a value on a caption line, and in an address block.
CAPTION_WORDS = cache.compile(r"^\(|\)$|zip\s+code\)?$|principal\s+executive|address\s+of|^address\s+and$|telephone\s+number", re.I)
ID_CAPTION_WORDS = cache.compile(r"(?i)identification|incorporation|organi[sz]ation\)|number\)|employer")
# The lines of the check boxes, skipped by a cover without captions.
BOX_LINE = cache.compile(r"(?i)check\s+the\s+appropriate\s+box|written\s+communications|soliciting\s+material|"
                       r"pre-commencement|emerging\s+growth")


# "State of Delaware", "Commonwealth of Massachusetts": the state's name after it.
_STATE_OF = cache.compile(r"(?:state|republic|commonwealth|kingdom)\s+of\s+")


def is_state(text: str) -> bool:
    """Is ``text`` a US state's name ("Delaware", "State of Delaware")?"""
    t = text.lower().strip(" .,()")
    # (a match, not a substitution: most words tried are no state, issue 12)
    return t in US_STATES or ((m := _STATE_OF.match(t)) is not None and t[m.end():] in US_STATES)


def closes_caption(line: str) -> bool:
    """Is a line the end of a caption begun on the line above ("including
    area code)")?"""
    return line.count(")") > line.count("(")


def caption_open(line: str) -> bool:
    """Does a caption line go on to the next line ("(Address, including Zip
    Code, and telephone number," / "Address and")?"""
    line = line.strip()
    return line.count("(") > line.count(")") or bool(cache.search(r"(?:,|\band|\bof|\bor)$", line, re.I))


def nearest(roles: list[tuple[int, str]], col: int | None, width: int) -> str | None:
    """The caption column a value at ``col`` stands under (left edges or centres)."""
    if not roles or col is None:
        return None
    return min(roles, key=lambda r: min(abs(r[0] - col), abs(r[0] - (col + width / 2))))[1]


def second_column(tokens: list[Token]) -> int | None:
    """POST-PROCESSING: a cover printed twice side by side, a column per
    registrant ("Carnival Corporation   Carnival plc" over "(Exact name of
    registrant ...)  (Exact name of registrant ...)"): the column where the
    second starts, read off the name caption printed twice."""
    for tok in tokens:
        if tok.type == "NAME_CAPTION":
            segs = segments(line_text(tok), 3)
            if len(segs) == 2 and all(NAME_CAPTION.search(seg) for _, seg in segs):
                return segs[1][0]
    return None


def left_part(tok: Token, column: int) -> Token:
    """The part of a line token before ``column`` (a token of the same kind and
    start, so that every span read from it stays where it is)."""
    text = tok.value
    if len(text.rstrip("\n")) <= column or "\t" in text or text.startswith("- -"):
        return tok
    if text[column - 1:column + 1].strip() and " " not in text[column - 1:column + 1]:
        # a word across the column ("(Amendment No. 1)" centred over both
        # covers) is not in two columns: the line is left whole
        return tok
    left = text[:column].rstrip(" ")
    new = type(tok).new_borrow_pos(tok.type, left + ("\n" if text.endswith("\n") else ""), tok)
    if hasattr(tok, "rendering"):
        new.rendering = tok.rendering
    new.end_line, new.end_column, new.end_pos = tok.line, len(left) + 1, tok.start_pos + len(left)
    return new
