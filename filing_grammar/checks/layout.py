"""FG6xx: text the grammar could not place."""

from __future__ import annotations

from typing import Iterator

from .context import Context
from .diagnostic import Diagnostic, Label
from .envelope import diag
from .expected import expected_words


def check(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    h = f.sec_header
    for u in f.unmatched:
        if u.span is None:
            continue
        if h is not None and h.span is not None and h.span.start <= u.span.start < h.span.end:
            continue  # FG102
        first = ctx.first_text_line(u.span) if u.line <= u.end_line else u.line
        last = ctx.last_text_line(first, u.end_line)
        span = ctx.lines_span(first, last)
        words = expected_words(ctx.tree.expected.get(u.span.start, ()))
        text = ctx.src.line(first).strip()
        if text.startswith("<") and ">" in text:
            what = "`" + text[: text.index(">") + 1][:40] + "`"
            message = f"{what} cannot stand here"
        else:
            count = last - first + 1
            message = "the grammar cannot place this line" if count == 1 else \
                f"the grammar cannot place these {count} lines"
        label = f"expected {words}" if words else "expected the end of the file"
        yield diag("FG601", message, Label(span, label),
                   notes=["an 8-K reads: cover page, items, signature, exhibit index, exhibits"]
                   if "an item heading" in words else [])
