"""FG2xx: the cover page.

Every label points at a span the cover reader recorded (read/cover.py): a
value where it was read, a caption where it is printed, a blank cell where a
value should stand, else the FORM 8-K title."""

from __future__ import annotations

from typing import Iterator

from ..records import Cover, Span
from ..values import FILE_NUMBER, IRS, PHONE, ZIP, find_date
from .context import Context
from .diagnostic import Diagnostic, Label
from .rules import diag

# field -> words for the messages
_FIELDS = (
    ("state_of_incorporation", "state of incorporation"),
    ("irs_employer_id", "I.R.S. employer identification number"),
    ("address", "address of principal executive offices"),
    ("telephone", "telephone number"),
)
_SHORT = {"commission_file_number": "file number"}

# field, its shape, and what is said of a value not in that shape
_SHAPES = (
    ("commission_file_number", FILE_NUMBER, "FG208", "the Commission file number `{}` is malformed",
     "expected digits and hyphens, e.g. 333-92152", "print the file number as the SEC assigned it"),
    ("irs_employer_id", IRS, "FG207", "the I.R.S. employer identification number `{}` is not nine digits",
     "expected NN-NNNNNNN", "an EIN is two digits, a hyphen and seven digits"),
    ("telephone", PHONE, "FG210", "the telephone number `{}` is malformed",
     "expected an area code and seven digits", "print the number as (NNN) NNN-NNNN"),
    ("zip_code", ZIP, "FG211", "the ZIP code `{}` is malformed",
     "expected five digits, or five, a hyphen and four", "print the ZIP code as NNNNN or NNNNN-NNNN"),
)


def _anchor_span(ctx: Context, cover: Cover) -> Span:
    """A diagnostic about the cover as a whole points at the FORM 8-K title,
    else the cover's first line of text."""
    if cover.form_title_span is not None:
        return cover.form_title_span
    return ctx.line_span(ctx.first_text_line(cover.span))


def _missing(ctx: Context, cover: Cover, name: str, words: str) -> Label:
    """Where a missing value is reported: its blank cell, its caption, or the
    cover's title."""
    short = _SHORT.get(name) or words.split(" of ")[0]
    if name in cover.blanks:
        return Label(cover.blanks[name], f"no {short} in this cell")
    if name in cover.captions:
        return Label(cover.captions[name], f"no {short} above this caption")
    return Label(_anchor_span(ctx, cover), f"no {words} on this cover page")


def check(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    cover = f.cover
    if cover is None:
        if f.items:
            yield diag("FG206", "the 8-K has no cover page",
                       Label(ctx.line_span(f.items[0].line), "the first item comes before any cover page"),
                       help="start the document with the Form 8-K cover page")
        return

    # FG201 / FG202: date of report
    if cover.date_of_report is None:
        span = cover.spans.get("date_of_report")
        cap = cover.captions.get("date_of_report")
        if cover.date_text and span is not None:
            yield diag("FG202", f"the date of report `{cover.date_text}` is not a real date",
                       Label(span, "no such day"),
                       help="print the date as `Month day, year`")
        elif cap is not None:
            # the reader says where something like a date stands near the caption
            near = cover.unread.get("date_of_report") or cap
            yield diag("FG202", "the date of report cannot be read",
                       Label(near, "no date can be read here"),
                       secondary=[Label(cap, "date of report caption")] if near.line != cap.line else [],
                       help="print the date as `Month day, year`, e.g. `September 30, 2002`")
        else:
            yield diag("FG201", "the cover page has no date of report",
                       Label(_anchor_span(ctx, cover), "this cover page gives no date of report"),
                       help="add `Date of Report (Date of earliest event reported): Month day, year`")

    # FG203: registrant name
    if not cover.registrant_name:
        cap = cover.captions.get("registrant_name")
        label = (Label(cap, "no name above this caption") if cap is not None
                 else Label(_anchor_span(ctx, cover), "no registrant name on this cover page"))
        yield diag("FG203", "the cover page does not give the registrant's name", label)

    # FG204: commission file number
    if not cover.commission_file_number:
        yield diag("FG204", "the cover page does not give the Commission file number",
                   _missing(ctx, cover, "commission_file_number", "Commission file number"))

    # FG207 / FG208 / FG210 / FG211: a value read where it stands (its column,
    # caption or place in the address), but not in its shape
    for name, shape, code, message, expected, help_ in _SHAPES:
        value = getattr(cover, name)
        if value and not shape.search(value):
            span = cover.spans.get(name) or _anchor_span(ctx, cover)
            yield diag(code, message.format(value), Label(span, expected), help=help_)

    # FG205: the other fields
    for name, words in _FIELDS:
        if getattr(cover, name):
            continue
        yield diag("FG205", f"the cover page does not give the {words}", _missing(ctx, cover, name, words))

    yield from _tagged(ctx, cover)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower().replace("&", "and") if ch.isalnum())


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _iso(text: str) -> str | None:
    return find_date(text)[0]


# printed cover field -> (dei fact(s), how two values are compared).  Not the
# registrant's name: dei:EntityRegistrantName is EDGAR's conformed name
# ("ORACLE CORP" for "Oracle Corporation"), not what the cover prints.
_TAGGED = (
    ("commission_file_number", ("dei:EntityFileNumber",), _letters),
    ("irs_employer_id", ("dei:EntityTaxIdentificationNumber",), _digits),
    ("date_of_report", ("dei:DocumentPeriodEndDate",), None),
    ("zip_code", ("dei:EntityAddressPostalZipCode",), _digits),
    ("telephone", ("dei:CityAreaCode", "dei:LocalPhoneNumber"), _digits),
)


def _tagged(ctx: Context, cover: Cover) -> Iterator[Diagnostic]:
    """FG209: a printed cover value that differs from the Inline XBRL fact the
    document tags for it (what EDGAR's own cover page validation compares)."""
    facts = ctx.filing.xbrl
    if not facts:
        return
    for name, tags, norm in _TAGGED:
        printed = getattr(cover, name)
        if not printed or not all(t in facts for t in tags):
            continue
        tagged = " ".join(facts[t][0] for t in tags)
        if norm is None:  # a date: compare the days
            same = _iso(tagged) in (cover.date_of_report, cover.event_date) or _iso(tagged) is None
        else:
            a, b = norm(printed), norm(tagged)
            same = a == b or (name == "telephone" and a[-7:] == b[-7:] and len(b) >= 7 and a.endswith(b[-10:]))
        if same:
            continue
        span = cover.spans.get(name) or _anchor_span(ctx, cover)
        where = ctx.filing.xbrl_spans.get(tags[0], ())
        yield diag("FG209", f"the cover prints `{printed}` but tags {tags[0]} `{tagged}`",
                   Label(span, "printed here"),
                   secondary=[Label(where[0], f"tagged `{tagged}`")] if where else [],
                   help="print and tag the same value (EDGAR validates the cover page against its tags)")
