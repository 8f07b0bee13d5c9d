"""FG2xx: the cover page."""

from __future__ import annotations

import re
from typing import Iterator

from lark import Token

from .context import Context
from .diagnostic import Diagnostic, Label
from .envelope import diag
from ..values import IRS


def _anchor(ctx: Context) -> int:
    """The line a diagnostic about the cover as a whole points at: the FORM 8-K
    title, else the cover's first line of text."""
    cover = ctx.filing.cover
    titles = ctx.tokens_in(cover.span, "FORM_TITLE")
    if titles:
        return titles[0].line
    return ctx.first_text_line(cover.span)


def _anchor_span(ctx: Context):
    """The FORM 8-K title (found in a long HTML line too), else the line."""
    line = _anchor(ctx)
    text = ctx.src.line(line)
    if len(text) > 200:
        m = re.search(r"(?i)form\s*(?:<[^>]*>\s*)*8-K", text)
        if m:
            return ctx.line_span(line, m.start(), m.end())
    return ctx.line_span(line)


def _caption(ctx: Context, kind: str, pattern: str | None = None) -> Token | None:
    for tok in ctx.tokens_in(ctx.filing.cover.span, kind):
        if pattern is None or re.search(pattern, tok.value, re.I):
            return tok
    return None


def _caption_span(ctx: Context, tok: Token, pattern: str | None):
    if pattern:
        m = re.search(pattern, ctx.src.line(tok.line), re.I)
        if m:
            # widen to the caption's parentheses, if any
            text = ctx.src.line(tok.line)
            a, b = m.start(), m.end()
            open_ = text.rfind("(", 0, a)
            close = text.find(")", b)
            if open_ != -1 and text.find(")", open_, a) == -1 and close != -1:
                a, b = open_, close + 1
            return ctx.line_span(tok.line, a, b)
    return ctx.line_span(tok.line)


# field -> (caption kind, pattern in the caption, words)
_FIELDS = (
    ("state_of_incorporation", "ID_CAPTION", r"jurisdiction|state\s+(?:or|of)|incorporation",
     "state of incorporation"),
    ("irs_employer_id", "ID_CAPTION", r"employer|i\.\s?r\.\s?s|\birs\b|identification",
     "I.R.S. employer identification number"),
    ("address", "ADDRESS_CAPTION", r"address|executive\s+offices", "address of principal executive offices"),
    ("telephone", "PHONE_CAPTION", r"telephone", "telephone number"),
)


def check(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    cover = f.cover
    if cover is None:
        if f.items:
            line = f.items[0].line
            yield diag("FG206", "the 8-K has no cover page",
                       Label(ctx.line_span(line), "the first item comes before any cover page"),
                       help="start the document with the Form 8-K cover page")
        return

    # FG201 / FG202: date of report
    if cover.date_of_report is None:
        span = cover.spans.get("date_of_report")
        cap = _caption(ctx, "DATE_CAPTION")
        if cover.date_text and span is not None:
            yield diag("FG202", f"the date of report `{cover.date_text}` is not a real date",
                       Label(ctx.find_span(span.line, cover.date_text), "no such day"),
                       help="print the date as `Month day, year`")
        elif cap is not None:
            near = _near_caption_text(ctx, cap)
            yield diag("FG202", "the date of report cannot be read",
                       Label(ctx.line_span(near), "no date can be read here"),
                       secondary=[Label(ctx.line_span(cap.line), "date of report caption")]
                       if near != cap.line else [],
                       help="print the date as `Month day, year`, e.g. `September 30, 2002`")
        else:
            yield diag("FG201", "the cover page has no date of report",
                       Label(_anchor_span(ctx), "this cover page gives no date of report"),
                       help="add `Date of Report (Date of earliest event reported): Month day, year`")

    # FG203: registrant name
    if not cover.registrant_name:
        cap = _caption(ctx, "NAME_CAPTION")
        if cap is not None:
            label = Label(_caption_span(ctx, cap, r"exact\s+name|name\s+of\s+registrant"),
                          "no name above this caption")
        else:
            label = Label(_anchor_span(ctx), "no registrant name on this cover page")
        yield diag("FG203", "the cover page does not give the registrant's name", label)

    # FG204: commission file number
    if not cover.commission_file_number:
        pattern = r"commission\s+file|file\s+n(?:o\.|umber)"
        cap = _caption(ctx, "ID_CAPTION", pattern)
        label = (Label(_caption_span(ctx, cap, pattern), "no file number above this caption")
                 if cap is not None else
                 Label(_anchor_span(ctx), "no Commission file number on this cover page"))
        yield diag("FG204", "the cover page does not give the Commission file number", label)

    # FG207: an IRS number read from its column but not nine digits
    irs = cover.irs_employer_id
    if irs and not IRS.match(irs):
        sp = cover.spans.get("irs_employer_id")
        line = sp.line if sp else _anchor(ctx)
        # in HTML a table's lines map to its first source line: look below it
        line = next((n for n in range(line, min(line + 80, ctx.src.line_count + 1))
                     if irs in ctx.src.line(n)), line)
        yield diag("FG207", f"the I.R.S. employer identification number `{irs}` is not nine digits",
                   Label(ctx.find_span(line, irs), "expected NN-NNNNNNN"),
                   help="an EIN is two digits, a hyphen and seven digits")

    # FG205: the other fields
    for name, kind, pattern, words in _FIELDS:
        if getattr(cover, name):
            continue
        cap = _caption(ctx, kind, pattern)
        label = (Label(_caption_span(ctx, cap, pattern), f"no {words.split(' of ')[0]} above this caption")
                 if cap is not None else
                 Label(_anchor_span(ctx), f"no {words} on this cover page"))
        yield diag("FG205", f"the cover page does not give the {words}", label)


_DATEISH = re.compile(r"(?i)\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


def _near_caption_text(ctx: Context, cap: Token) -> int:
    """The line a garbled date of report is on: text after the caption on its
    own line(s) ("Reported): Octobr 28, 2003"), else the nearest line below or
    above with something date-like on it; the caption line if none."""
    for n in (cap.line, cap.line + 1):
        m = re.search(r"(?i)(?:reported|report)\)?\s*:?\s*(\S.*)$", ctx.src.line(n))
        if m and _DATEISH.search(m.group(1)):
            return n
    for n in [cap.line + 1, cap.line + 2, cap.line + 3, cap.line - 1, cap.line - 2, cap.line - 3]:
        t = ctx.src.line(n).strip()
        if t and not re.fullmatch(r"[-=_ ]+", t) and _DATEISH.search(t) \
                and not re.search(r"(?i)exchange\s+act|section\s+13", t):
            return n
    return cap.line
