"""FG6xx: text the grammar could not place."""

from __future__ import annotations

from typing import Iterator

from lark import Token

from .context import Context
from .diagnostic import Diagnostic, Label
from .expected import expected_words
from .rules import diag


def check(ctx: Context) -> Iterator[Diagnostic]:
    yield from check_exhibit_headings(ctx)
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
        words = expected_words(ctx.expected.get(u.span.start, ()))
        text = next((line.strip() for line in u.text.split("\n") if line.strip()), "")
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


def swallowing_exhibits(ctx: Context) -> list[tuple[Token, list[Token]]]:
    """Exhibits (after an EXHIBIT_HEADING line) whose text holds item headings
    or a signature block: (heading, the strong lines taken in)."""
    out = []
    for node in ctx.exhibit_nodes:
        toks = [t for t in node.children if isinstance(t, Token)]
        if not toks or toks[0].type != "EXHIBIT_HEADING":
            continue
        strong = [t for t in toks[1:] if t.type in ("ITEM_HEADING", "SIGNATURE_HEADING")]
        if strong:
            out.append((toks[0], strong))
    return out


def check_exhibit_headings(ctx: Context) -> Iterator[Diagnostic]:
    """FG602: a line read as an exhibit heading that takes in items or the
    signature (often the end of a sentence: '... attached as' / 'Exhibit 99.1.')."""
    for heading, strong in swallowing_exhibits(ctx):
        what = []
        items = [t for t in strong if t.type == "ITEM_HEADING"]
        if items:
            what.append("item headings" if len(items) > 1 else "an item heading")
        if any(t.type == "SIGNATURE_HEADING" for t in strong):
            what.append("the signature block")
        first = strong[0]
        yield diag("FG602", "an exhibit heading takes in " + " and ".join(what),
                   Label(ctx.line_span(heading.line), "read as the heading of an exhibit"),
                   secondary=[Label(ctx.line_span(first.line), "so this is read as exhibit text")],
                   notes=["everything after an exhibit heading is read as the exhibit's text"],
                   help="if this line ends a sentence (`... attached hereto as` / "
                        "`Exhibit 99.1.`), join it to the line above")
