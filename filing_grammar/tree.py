"""The lossless tree, and how later stages read it: its tokens, a line's text,
and the :class:`~filing_grammar.records.Span` of a node or of a piece of a line.

A tree is Lark's ``Tree`` of line tokens (parser.py).  Concatenating
:func:`tree_tokens` gives back the input.  An HTML document's node
(``html_text``) also holds a ``rendering`` subtree: the form read from the
document's text rendering, whose tokens spell the rendering, not the input;
:func:`tree_tokens` leaves it out and :func:`form_tokens` walks into it.
Positions in a rendering are mapped back to the HTML by :func:`span_of`, so
a record read from an HTML 8-K points at the HTML it came from.
"""

from __future__ import annotations

import functools
from typing import Iterable, Sequence

from lark import Token, Tree

from .lexer import RunToken
from .tokens import LineToken, RenderedToken
from .records import Span, deferred_span

__all__ = ["RENDERING", "HOLDS_FORM", "form_parts", "tree_tokens", "form_tokens", "line_at", "line_text", "span_of",
           "span_and_line", "span_at", "span_between", "value_span", "text_span", "text_column", "offset_span",
           "rendering_of", "rendered_place"]

# The node holding the form read from an HTML document's rendering.
RENDERING = "rendering"
# The rules a form_8k may stand in (grammar: start, the envelope, an 8-K
# document, an HTML document and the rendering parser.py gives it).
HOLDS_FORM = frozenset({"start", "envelope", "sec_document", "submission", "document_8k", "html_text", RENDERING})


def form_parts(tree: Tree, name: str) -> list[Tree]:
    """The parts of the forms in ``tree`` named ``name`` (the children of each
    ``form_8k``: ``item``, ``exhibit`` ...), top down: a walk of the envelope
    down to the forms, not of every node (as ``iter_subtrees_topdown`` would
    be: a cover of a million value blocks is a million nodes; issue 12)."""
    out: list[Tree] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.data == "form_8k":
            out.extend(c for c in node.children if isinstance(c, Tree) and c.data == name)
        elif node.data in HOLDS_FORM:
            stack.extend(c for c in reversed(node.children) if isinstance(c, Tree))
    return out


def _walk(tree: Tree | Token, into_renderings: bool, lines: bool) -> list[Token]:
    if isinstance(tree, Token):
        return tree.lines() if lines and isinstance(tree, RunToken) else [tree]
    children = tree.children
    for child in children:
        cls = child.__class__
        # (a rendered line is a line too: the fast path of HTML 8-Ks, issue 12)
        if cls is not LineToken and cls is not RenderedToken:
            break
    else:  # (the commonest node, an item or a paragraph: lines alone)
        return list(children)
    out: list[Token] = []
    append, extend = out.append, out.extend

    # (recursive: the grammar nests rules only a few deep; tag groups at most
    # 20, lexer.py)
    def walk(node: Tree) -> None:
        for child in node.children:
            cls = child.__class__
            if cls is LineToken or cls is RenderedToken:  # (the commonest: a line)
                append(child)
            elif isinstance(child, Tree):
                if into_renderings or child.data != RENDERING:
                    walk(child)
            elif lines and isinstance(child, RunToken):
                extend(child.lines())
            else:
                append(child)

    walk(tree)
    return out


def tree_tokens(tree: Tree | Token, lines: bool = True) -> list[Token]:
    """The tokens of the input, in order: they spell it exactly.  A run of
    lines held as one token (``OPAQUE``, lexer.RunToken) is given as its
    line tokens, unless ``lines=False`` (the tokens of the tree as they are)."""
    return _walk(tree, False, lines)


def form_tokens(tree: Tree | Token, lines: bool = True) -> list[Token]:
    """Every token, renderings included (in tree order); runs as their lines
    unless ``lines=False``."""
    return _walk(tree, True, lines)


def line_at(tok: Token, index: int) -> Token:
    """The line of ``tok`` holding character ``index`` of its text: ``tok``
    itself, unless it is a run (lexer.RunToken), whose line is made without
    splitting the rest of the run (a token of the run's type: for a run of
    lines of one kind, ``HTML_LINE``)."""
    if not isinstance(tok, RunToken):
        return tok
    start = tok.rfind("\n", 0, index) + 1
    end = tok.find("\n", index)
    end = len(tok) if end == -1 else end + 1
    value = str.__str__(tok)[start:end]
    line = tok.line + tok.count("\n", 0, start)
    pos = tok.start_pos + start
    last = value.rstrip("\n")
    return Token(tok.type, value, start_pos=pos, line=line, column=1, end_line=line,
                 end_column=len(last) + 1, end_pos=pos + len(value))


def line_text(tok: Token) -> str:
    """A line token's text as the readers see it: newline removed, the PEM
    dash-escape ("- -") undone, tabs as four spaces."""
    # (a LineToken's value is its text, a rendered line's too: read without
    # the property; the commonest classes tested first, no isinstance call;
    # a tab looked for before a copy is asked for: issue 12)
    cls = tok.__class__
    s = tok.rstrip("\n") if cls is LineToken or cls is RenderedToken or isinstance(tok, LineToken) \
        else tok.value.rstrip("\n")
    if s.startswith("- -"):
        s = s[2:]
    return s.replace("\t", "    ") if "\t" in s else s


def text_column(tok: Token, column: int, clamp: bool = True) -> int:
    """The 0-based column in the token itself of 0-based ``column`` of
    :func:`line_text` (which undoes the PEM escape and widens tabs); past the
    end of the line unless ``clamp``."""
    raw = tok.value.rstrip("\n")
    at = 2 if raw.startswith("- -") else 0
    if raw.find("\t", at) == -1:  # no tab: a column is a character
        step = min(column, len(raw) - at) if column > 0 else 0
        at += step
        return at if clamp else at + max(0, column - step)
    seen = 0
    while at < len(raw) and seen < column:
        seen += 4 if raw[at] == "\t" else 1
        at += 1
    return at if clamp else at + max(0, column - seen)


def _rendering(tok: Token):
    if tok.__class__ is LineToken:  # (the commonest: a line of a text filing)
        return None
    return getattr(tok, "rendering", None)


def _line_end(tok: Token) -> int:
    """Length of the token's last line, without its newline."""
    value = tok.value.rstrip("\n")
    return len(value) - value.rfind("\n") - 1


def _ends(tokens: Sequence[Token] | Iterable[Token]) -> tuple[Token, Token] | None:
    """The first and last positioned tokens (None if none is): looked for
    from either end, not by filtering every token (a cover or a header has
    hundreds: issue 12)."""
    if not isinstance(tokens, (list, tuple)):
        tokens = list(tokens)
    for first in tokens:
        if isinstance(first, Token) and first.line is not None:
            break
    else:
        return None
    for last in reversed(tokens):
        if isinstance(last, Token) and last.line is not None:
            return first, last
    return None  # (cannot happen: first is one)


def span_of(tokens: Sequence[Token] | Iterable[Token]) -> Span | None:
    """The span of a run of line tokens (None if it has no positioned token):
    whole lines in the input; in the HTML, for a rendering's tokens."""
    ends = _ends(tokens)
    if ends is None:
        return None
    first, last = ends
    rendering = _rendering(first)
    if rendering is None:
        return _lines_span(first, last)
    return deferred_span(functools.partial(_rendered_span_of, rendering, first, last))


def _lines_span(first: Token, last: Token) -> Span:
    """The span of whole input lines, ``first``'s to ``last``'s."""
    return Span(first.line, 1, last.end_line or last.line, last.end_column or 1,
                first.start_pos or 0, last.end_pos or 0)


def span_and_line(tokens: Sequence[Token]) -> tuple[Span | None, int]:
    """:func:`span_of` of ``tokens``, and the line it starts on (0 for no
    span).  For rendered lines only the start is worked out now: the end,
    on another line of the HTML perhaps, is found when the span is read
    (a record's line is read at once; its span perhaps never: issue 12)."""
    ends = _ends(tokens)
    if ends is None:
        return None, 0
    first, last = ends
    rendering = _rendering(first)
    if rendering is None:
        return _lines_span(first, last), first.line
    start = _rendered_start(rendering, first)
    return (deferred_span(functools.partial(_rendered_span_of, rendering, first, last, start)),
            rendering.line_of(start))


def _rendered_start(rendering, first: Token) -> int:
    """Where :func:`span_of` of rendered lines starts in the HTML: at the
    first character shown (a rendered line may start with the blank of an
    empty cell)."""
    text = first.value
    if not text[:1].isspace():  # (the commonest: no blank to pass)
        return rendering.first_offset(first.line)
    text = text.rstrip("\n")
    lead = len(text) - len(text.lstrip()) if text.strip() else 0
    if lead == 0:
        return rendering.first_offset(first.line)
    return rendering.source_offset(first.line, lead)


def _rendered_span_of(rendering, first: Token, last: Token, start: int | None = None) -> Span:
    """:func:`span_of` of rendered lines: in the HTML, from the first character
    shown to the last (``start``, if known: :func:`_rendered_start`)."""
    return _span(rendering, *_rendered_offsets(rendering, first, last, start))


def _rendered_offsets(rendering, first: Token, last: Token, start: int | None = None) -> tuple[int, int]:
    """The source offsets :func:`_rendered_span_of` spans (the tree's JSON
    gives a line's place without making a Span)."""
    if start is None:
        start = _rendered_start(rendering, first)
    end = rendering.source_offset(last.end_line or last.line, max(0, _line_end(last) - 1)) + 1
    return start, max(end, start + 1)


def rendered_place(rendering, tok: Token) -> tuple[int, int, int, int]:
    """Line and column in the HTML where :func:`span_of` of one rendered
    token starts, and of its last character: the offsets of
    :func:`_rendered_offsets`, in one function (the tree's JSON gives one per
    token: a million calls of the five it takes apart; issue 12)."""
    start = _rendered_start(rendering, tok)
    value = str.__str__(tok).rstrip("\n")
    last = len(value) - value.rfind("\n") - 2  # (_line_end - 1)
    end = rendering.source_offset(tok.end_line or tok.line, last if last > 0 else 0)
    return rendering.line_cols(start, end if end > start else start)


def span_at(tok: Token, start: int, end: int) -> Span:
    """The span of columns ``start`` to ``end`` (0-based, end exclusive) of
    :func:`line_text` of ``tok``: a value inside a line."""
    if tok.__class__ is LineToken:  # (the commonest: no rendering, perhaps no tab nor PEM escape)
        raw = tok.rstrip("\n")
        if raw.find("\t") == -1 and not raw.startswith("- -"):
            # text_column's columns, clamped to the line; never an empty span
            width = len(raw)
            end = max(end, start + 1)
            a = min(start, width) if start > 0 else 0
            b = min(end, width) if end > 0 else 0
            a = min(a, max(0, width - 1))
            b = max(b, a + 1)
            base = tok.start_pos or 0
            return Span(tok.line, a + 1, tok.line, b + 1, base + a, base + b)
    rendering = _rendering(tok)
    if rendering is not None:
        return deferred_span(functools.partial(_rendered_span_at, rendering, tok, start, end))
    a, b = text_column(tok, start), text_column(tok, max(end, start + 1))
    # never an empty span: past the end of the line, its last character
    width = len(tok.value.rstrip("\n"))
    a = min(a, max(0, width - 1))
    b = max(b, a + 1)
    base = tok.start_pos or 0
    return Span(tok.line, a + 1, tok.line, b + 1, base + a, base + b)


def _rendered_span_at(rendering, tok: Token, start: int, end: int) -> Span:
    """:func:`span_at` of a rendered line, in the HTML.  A rendered line has no
    trailing blanks, but a column past its end (an empty table cell) still
    maps to its place in the HTML."""
    a, b = text_column(tok, start, False), text_column(tok, max(end, start + 1), False)
    src_a = rendering.source_offset(tok.line, a)
    src_b = rendering.source_offset(tok.line, b - 1) + 1
    return _span(rendering, src_a, max(src_b, src_a + 1))


def span_between(first: Token, start: int, last: Token, end: int) -> Span:
    """From column ``start`` of ``first`` to column ``end`` (exclusive) of
    ``last`` (columns of :func:`line_text`)."""
    if first is last:
        return span_at(first, start, end)
    if _rendering(first) is not None or _rendering(last) is not None:
        # (one deferred span, not three: both ends are worked out when it is
        # read, issue 12)
        return deferred_span(functools.partial(_between, first, start, last, end))
    return _between(first, start, last, end)


def _between(first: Token, start: int, last: Token, end: int) -> Span:
    """:func:`span_between` of two lines, worked out now."""
    return _joined(span_at(first, start, start + 1), span_at(last, max(0, end - 1), end))


def _joined(a: Span, b: Span) -> Span:
    """From the start of ``a`` to the end of ``b``."""
    return Span(a.line, a.column, b.end_line, b.end_column, a.start, b.end)


def value_span(tokens: Sequence[Token], value: str, start: int = 0) -> Span | None:
    """Where ``value`` (as read: collapsed, perhaps cut from a longer line)
    is printed among ``tokens``: from its first word, in the first line that
    holds it (from column ``start`` on), to its last word, in the last line
    that holds it; the lines' text if a word cannot be found."""
    words = value.split()
    tokens = [t for t in tokens if isinstance(t, Token) and t.line is not None]
    if not words or not tokens:
        return span_of(tokens)
    texts = [line_text(t) for t in tokens]  # (each line's text made once: issue 12)
    i = a = None
    for k, text in enumerate(texts):
        at = text.find(words[0], start if k == 0 else 0)
        if at != -1:
            i, a = k, at
            break
    if i is None:
        i, text = 0, texts[0]
        a = len(text) - len(text.lstrip())
    j, b = i, None
    for k in range(len(tokens) - 1, i - 1, -1):
        at = texts[k].rfind(words[-1], a if k == i else 0)
        if at != -1:
            j, b = k, at + len(words[-1])
            break
    if b is None or (j == i and b <= a):
        b = len(texts[i].rstrip())
    return span_between(tokens[i], a, tokens[j], max(b, a + 1))


def text_span(tok: Token) -> Span:
    """The span of a line's text, without the blanks around it."""
    text = line_text(tok)
    stripped = text.strip()
    if not stripped:
        return span_of([tok]) or span_at(tok, 0, 1)
    lead = len(text) - len(text.lstrip())
    return span_at(tok, lead, lead + len(stripped))


def offset_span(rendering, start: int, end: int) -> Span:
    """The span of source offsets ``start`` to ``end`` (a rendering knows the
    source's lines; worked out when read)."""
    return deferred_span(functools.partial(_span, rendering, start, end))


def rendering_of(tree: Tree):
    """The Rendering the first rendered token under ``tree`` came from, if any
    (a walk that stops at the first token)."""
    stack: list = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Token):
            if _rendering(node) is not None:  # (an inserted closing tag has none)
                return _rendering(node)
        else:
            stack.extend(reversed(node.children))
    return None


def _span(rendering, start: int, end: int) -> Span:
    line, col = rendering.line_col(start)
    end_line, end_col = rendering.line_col(max(start, end - 1))
    return Span(line, col, end_line, end_col + 1, start, end)
