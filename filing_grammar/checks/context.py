"""What every check gets: the source, the parse (tree, expected line kinds),
the records, and helpers that turn lines of the filing into spans.

Checks read the tree and the records.  The source is only used to turn a
line number into a span for a label (``line_span``); what a check reports
about a value points at the span the reader recorded for it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from lark import Token, Tree

from .. import cache
from ..form import era_of
from ..parser import ParseResult
from ..records import Filing, Item, Span
from ..source import Source
from ..tree import form_parts, form_tokens, tree_tokens


@dataclass
class Context:
    """What a check gets: the source, the parse, the record."""

    src: Source
    parsed: ParseResult
    filing: Filing
    # set for an HTML 8-K of which no item was read (FG107): checks that
    # compare items with other facts stay quiet
    items_unread: bool = False

    # -- the filing --------------------------------------------------------
    @property
    def tree(self) -> Tree:
        return self.parsed.tree

    @property
    def expected(self):
        """Offset of each line the grammar could not place -> the line kinds
        it expected there."""
        return self.parsed.expected

    @cached_property
    def tokens(self) -> list[Token]:
        """The tokens of the input (for an HTML document, its HTML lines)."""
        return tree_tokens(self.tree)

    @cached_property
    def form_tokens(self) -> list[Token]:
        """The tokens the form was read from: an HTML document's rendering
        instead of its HTML lines."""
        return [t for t in form_tokens(self.tree) if t.type != "HTML_LINE"]

    @cached_property
    def exhibit_nodes(self) -> list[Tree]:
        """The ``exhibit`` subtrees, top down (one walk of the tree: FG602, FG401
        and FG501 each look at them)."""
        return form_parts(self.tree, "exhibit")

    @cached_property
    def report_date(self) -> str | None:
        """The date the filing's era is judged by: the date of report, else the
        header's period of report, else the signature date."""
        f = self.filing
        if f.cover and f.cover.date_of_report:
            return f.cover.date_of_report
        if f.sec_header and f.sec_header.period_of_report:
            return f.sec_header.period_of_report
        if f.signature and f.signature.date:
            return f.signature.date
        return None

    @cached_property
    def era(self) -> str | None:
        return era_of(self.report_date)

    @cached_property
    def _token_starts(self) -> tuple[list[int], list[int]]:
        """The tokens' start offsets in ascending order, and the index in
        ``tokens`` of each (for ``tokens_in``: a bisection, not a pass over
        every token for each span)."""
        order = sorted(range(len(self.tokens)), key=lambda i: self.tokens[i].start_pos or 0)
        return [self.tokens[i].start_pos or 0 for i in order], order

    def tokens_in(self, span: Span | None, *kinds: str) -> list[Token]:
        """The tokens that start in ``span`` (of those kinds), in input order."""
        if span is None:
            return []
        starts, order = self._token_starts
        found = order[bisect.bisect_left(starts, span.start):bisect.bisect_left(starts, span.end)]
        found.sort()
        toks = self.tokens
        return [toks[i] for i in found if not kinds or toks[i].type in kinds]

    # -- spans ---------------------------------------------------------------
    def line_span(self, line: int, start: int | None = None, end: int | None = None) -> Span:
        """Line ``line`` from 0-based character ``start`` to ``end`` (default:
        the line's text without surrounding blanks)."""
        n_lines = max(1, len(self.src.line_starts))
        line = min(max(1, line), n_lines)
        text = self.src.line(line)
        if start is None:
            stripped = text.strip()
            start = len(text) - len(text.lstrip()) if stripped else 0
            end = start + len(stripped) if stripped else 0
        if end is None:
            end = len(text.rstrip())
        end = max(end, start + 1) if text else start + 1
        base = self.src.line_starts[line - 1]
        return Span(line, start + 1, line, end + 1, base + start, base + end)

    def find_span(self, line: int, needle: str, after: int = 0) -> Span:
        """The first occurrence of ``needle`` on ``line`` (case-insensitive,
        spaces flexible), else the whole line."""
        text = self.src.line(line)
        if needle:
            pattern = r"\s+".join(re.escape(w) for w in needle.split())
            m = cache.compile(pattern, re.I).search(text, after)
            if m:
                return self.line_span(line, m.start(), m.end())
        return self.line_span(line)

    def lines_span(self, first: int, last: int) -> Span:
        a = self.line_span(first)
        b = self.line_span(last)
        return Span(a.line, a.column, b.end_line, b.end_column, a.start, b.end)

    def _text_between(self, first: int, last: int) -> tuple[int, int]:
        """The offsets of lines ``first..last`` (those in the source)."""
        starts = self.src.line_starts
        first, last = max(first, 1), min(last, len(starts))
        if first > last:
            return 0, 0
        return starts[first - 1], starts[last] if last < len(starts) else len(self.src.text)

    def last_text_line(self, first: int, last: int) -> int:
        """The last non-blank line in ``first..last`` (``first`` if none).
        Found in the text, not line by line (5 MB of blank lines)."""
        begin, end = self._text_between(first, last)
        text = self.src.text[begin:end].rstrip()
        if not text:
            return first
        return self.src.line_col(begin + len(text) - 1)[0]

    def first_text_line(self, span: Span | None) -> int:
        """The first non-blank line of ``span`` (its first line if none)."""
        if span is None:
            return 1
        begin, end = self._text_between(span.line, span.end_line)
        m = _NOT_BLANK.search(self.src.text, begin, end)
        return self.src.line_col(m.start())[0] if m else span.line


# what str.strip() keeps: \s is str.isspace() for a str pattern
_NOT_BLANK = cache.compile(r"\S")


def number_span(ctx: Context, item: Item, number: str):
    """Where item ``number`` is printed in its heading (the heading line if
    the reader did not record it)."""
    return item.number_spans.get(number) or ctx.line_span(item.line)
