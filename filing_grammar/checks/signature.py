"""FG4xx: the signature block."""

from __future__ import annotations

from typing import Iterator

from .context import Context
from .diagnostic import Diagnostic, Label
from .layout import swallowing_exhibits
from .rules import diag


def check(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    sig = f.signature
    if sig is None:
        if any(t.type == "SIGNATURE_HEADING" for _, strong in swallowing_exhibits(ctx) for t in strong):
            return  # FG602 says where the signature block went
        if f.items and f.items[-1].span:
            last = f.items[-1]
            line = ctx.last_text_line(last.line, max(last.line, last.span.end_line - 1))
            span, label = ctx.line_span(line), "the items end here, with no signature block after them"
        elif f.cover and f.cover.span:
            line = ctx.last_text_line(f.cover.span.line, f.cover.span.end_line)
            span, label = ctx.line_span(line), "no signature block after the cover page"
        else:
            span, label = ctx.line_span(1), "no signature block in this filing"
        yield diag("FG401", "the filing has no signature block", Label(span, label),
                   help="add `SIGNATURES`, the legend `Pursuant to the requirements of the "
                        "Securities Exchange Act of 1934 ...`, and `By: /s/ name`")
        return
    head = sig.head or ctx.line_span(ctx.first_text_line(sig.span))
    if not sig.signer:
        yield diag("FG402", "the signature block names no signer",
                   Label(head, "no `By:` line or signer's name in this block"),
                   help="add `By: /s/ <name>` with the signer's name and title")
    if sig.date is None:
        span = sig.spans.get("date")
        if sig.date_text and span is not None:
            yield diag("FG404", f"the signature date `{sig.date_text}` is not a real date",
                       Label(span, "no such day"))
        elif not sig.date_text:
            yield diag("FG405", "the signature block gives no date",
                       Label(head, "no date in this signature block"),
                       help="add `Date: Month day, year`")
    # the earliest date the cover prints: the report's, or the earliest event's
    report = min(d for d in (f.cover.date_of_report, f.cover.event_date) if d) \
        if f.cover and f.cover.date_of_report else None
    if sig.date and report and sig.date < report:
        span = sig.spans.get("date")
        primary = span or head
        secondary = []
        cspan = f.cover.spans.get("date_of_report")
        if cspan is not None:
            secondary.append(Label(cspan, f"the date of report is {report}"))
        yield diag("FG403", f"the report is signed on {sig.date}, before its date of report {report}",
                   Label(primary, "signed before the event reported"),
                   secondary=secondary,
                   help="correct the signature date or the date of report")
