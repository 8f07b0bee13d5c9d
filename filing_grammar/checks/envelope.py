"""FG1xx: the EDGAR envelope: form type, SEC header, closing tags."""

from __future__ import annotations

from typing import Iterator

from .. import cache
from ..form import DUE_BUSINESS_DAYS, NO_DEADLINE, due_date, item_def, item_order_key, match_title, normalise_number, title_key
from ..tree import line_text
from .context import Context, number_span
from .diagnostic import Diagnostic, Label
from .expected import expected_words
from .rules import diag


def _field_line(ctx: Context, key: str) -> int | None:
    h = ctx.filing.sec_header
    if h is None:
        return None
    for k, _v, line in h.fields:
        if k.strip().upper() == key:
            return line
    return None


def not_an_8k(ctx: Context) -> Diagnostic:
    """FG101: the one diagnostic a non-8-K gets."""
    f = ctx.filing
    form = (f.form_type or "").strip()
    line = _field_line(ctx, "CONFORMED SUBMISSION TYPE")
    if line is None and f.documents:
        doc = f.documents[0]
        line = doc.type_line or doc.line
    if line is None:
        line = ctx.first_text_line(None)
        while line < len(ctx.src.line_starts) and not ctx.src.line(line).strip():
            line += 1
    if form:
        span = ctx.find_span(line, form) if line else ctx.line_span(1)
        return diag("FG101", f"not an 8-K: the filing is a {form}",
                    Label(span, f"the form type is {form}"),
                    notes=["no other rule runs on a filing that is not an 8-K"])
    return diag("FG101", "not an 8-K: no form type, cover page or item found",
                Label(ctx.line_span(line), "this does not begin a Form 8-K"),
                notes=["no other rule runs on a filing that is not an 8-K"])


def html_not_read(ctx: Context) -> Diagnostic:
    """FG107: an HTML 8-K of which the grammar read no item."""
    span = ctx.filing.text_span or ctx.line_span(1)
    return diag("FG107", "the 8-K document is HTML, and no items could be read from it",
                Label(span, "HTML starts here"),
                notes=["the cover, item, signature and exhibit checks are skipped for this filing"])


_SGML_CLOSE = cache.compile(r"\s*</[A-Z][A-Z0-9-]*>\s*$")


def check(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    h = f.sec_header
    # FG102: malformed header lines (unmatched lines inside the header)
    if h is not None and h.span is not None:
        for u in f.unmatched:
            if u.span is None or not (h.span.start <= u.span.start < h.span.end):
                continue
            for tok in ctx.tokens_in(u.span, "UNMATCHED"):
                text = line_text(tok)
                if not text.strip() or _SGML_CLOSE.match(text):
                    continue
                words = expected_words(ctx.expected.get(tok.start_pos, ())
                                       or ctx.expected.get(u.span.start, ()))
                yield diag("FG102", "malformed line in the SEC header",
                           Label(ctx.line_span(tok.line), f"expected {words}" if words
                                 else "not a `KEY: value` line"),
                           help="header lines read `KEY:<TAB>value`")

    if h is not None:
        if not ctx.items_unread:
            yield from _header_items(ctx)
        yield from _header_period(ctx)
        yield from _header_type(ctx)
        if not ctx.items_unread:
            yield from _deadline(ctx)

    # FG106: closing tags the parser had to insert (one diagnostic per place)
    places: dict = {}
    for kind, line in f.missing:
        places.setdefault(line, []).append(_TAGS.get(kind, kind))
    for line, tags in places.items():
        shown = _join_and([f"`{t}`" for t in tags])
        verb = "is" if len(tags) == 1 else "are"
        if line is None:
            last = ctx.last_text_line(1, ctx.src.line_count or 1)
            span = ctx.line_span(last)
            label = "the file ends here"
            notes = ["the file may be truncated"]
        else:
            span = ctx.line_span(line)
            label = f"{shown} expected before this line"
            notes = []
        yield diag("FG106", f"{shown} {verb} missing", Label(span, label), notes=notes)


def _join_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_TAGS = {
    "TEXT_CLOSE": "</TEXT>", "DOCUMENT_CLOSE": "</DOCUMENT>", "SEC_HEADER_CLOSE": "</SEC-HEADER>",
    "SEC_DOCUMENT_CLOSE": "</SEC-DOCUMENT>", "TEXT_OPEN": "<TEXT>",
}


def header_number(entry: str, era: str | None) -> str | None:
    """The item number an ITEM INFORMATION entry names (a title, or a number)."""
    m = cache.fullmatch(r"(?i)(?:item\s+)?(\d{1,2}(?:\.\d{1,2})?)\.?", entry.strip())
    if m:
        return normalise_number(m.group(1))
    d = match_title(entry, era)
    return d.number if d else None


def reported_items(filing) -> dict[str, object]:
    """Item number -> the first Item that reports it ("Items 5 and 7" reports two)."""
    found: dict[str, object] = {}
    for item in filing.items:
        for n in item.numbers or ([item.number] if item.number else []):
            found.setdefault(normalise_number(n), item)
    return found


def listed_items(header, era: str | None) -> tuple[dict[str, tuple[str, int]], bool]:
    """The items the SEC header's ITEM INFORMATION lists (number -> (entry,
    line)), and whether every entry named an item of the era."""
    listed: dict[str, tuple[str, int]] = {}
    complete = True
    for key, value, line in header.fields:
        if key.strip().upper() != "ITEM INFORMATION":
            continue
        text = value.strip()
        number = header_number(text, era) if text else None
        if number is None:
            complete = False
            continue
        listed.setdefault(number, (text, line))
    return listed, complete


def _header_items(ctx: Context) -> Iterator[Diagnostic]:
    if not any(k.strip().upper() == "ITEM INFORMATION" for k, _, _ in ctx.filing.sec_header.fields):
        return
    found = reported_items(ctx.filing)
    listed, complete = listed_items(ctx.filing.sec_header, ctx.era)
    have = ", ".join(sorted(found, key=_order_key)) or "none"
    for number, (text, line) in listed.items():
        if number in found:
            continue
        d = item_def(number)
        notes = [f"items found in the filing: {have}"]
        if d and title_key(d.title) != title_key(text):
            notes.insert(0, f"item {number} is {d.title}")
        yield diag("FG103", f"the SEC header lists item {number}, which the filing does not report",
                   Label(ctx.find_span(line, text), f"item {number} listed here"), notes=notes)
    if complete and listed:
        for number, item in found.items():
            if number in listed:
                continue
            yield diag("FG103", f"item {number} is not listed in the SEC header's ITEM INFORMATION",
                       Label(number_span(ctx, item, number), f"item {number} is reported here"),
                       secondary=[Label(ctx.line_span(min(line for _, line in listed.values())),
                                        "ITEM INFORMATION starts here")],
                       notes=["header lists: " + ", ".join(sorted(listed, key=_order_key))])


def _order_key(number: str) -> tuple:
    return item_order_key(number) or (999,)



def _header_period(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    h = f.sec_header
    if not (h.period_of_report and f.cover and f.cover.date_of_report):
        return
    if h.period_of_report in (f.cover.date_of_report, f.cover.event_date):
        return  # a cover may print both the report's date and the earliest event's
    span = f.cover.spans.get("date_of_report")
    line = _field_line(ctx, "CONFORMED PERIOD OF REPORT")
    if span is None or line is None:
        return
    yield diag("FG104", "the date of report differs from the header's period of report",
               Label(span, f"the cover says {f.cover.date_of_report}"),
               secondary=[Label(ctx.line_span(line), f"the header says {h.period_of_report}")])


def _header_type(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    h = f.sec_header
    if not (h.submission_type and f.documents and f.documents[0].type):
        return
    a = cache.sub(r"\s+", "", h.submission_type.upper())
    b = cache.sub(r"\s+", "", f.documents[0].type.upper())
    if a == b:
        return
    line = f.documents[0].type_line or f.documents[0].line
    hline = _field_line(ctx, "CONFORMED SUBMISSION TYPE")
    yield diag("FG105", f"the document is typed {f.documents[0].type} but the submission is "
               f"{h.submission_type}",
               Label(ctx.line_span(line), f"document type {f.documents[0].type}"),
               secondary=[Label(ctx.line_span(hline), f"submission type {h.submission_type}")]
               if hline else [],
               help=f"give the document the submission's type: `<TYPE>{h.submission_type}`")


def _deadline(ctx: Context) -> Iterator[Diagnostic]:
    """FG108: filed after the deadline of the items it reports (2004-08-23 on:
    four business days after the event)."""
    f = ctx.filing
    h = f.sec_header
    cover = f.cover
    if not (h.filed_as_of_date and cover and cover.date_of_report) or f.amendment:
        return
    if (f.form_type or "").upper().endswith("/A"):
        return
    event = cover.event_date or cover.date_of_report
    numbers = list(reported_items(f))
    due = due_date(event, numbers)
    if due is None or h.filed_as_of_date <= due:
        return
    line = _field_line(ctx, "FILED AS OF DATE")
    span = cover.spans.get("event_date" if cover.event_date else "date_of_report")
    timed = sorted((n for n in numbers if n not in NO_DEADLINE), key=_order_key)
    yield diag("FG108", f"the 8-K was filed on {h.filed_as_of_date}, after its deadline of {due}",
               Label(ctx.line_span(line) if line else span, f"filed {h.filed_as_of_date}"),
               secondary=[Label(span, f"the event is dated {event}")] if span and line else [],
               notes=[f"item{'s' if len(timed) > 1 else ''} {_join_and(timed)} must be filed within "
                      f"{DUE_BUSINESS_DAYS} business days after the event (General Instruction B.1)"],
               help="file within four federal business days of the event; "
                    "an event on a weekend or holiday starts the count on the next business day")
