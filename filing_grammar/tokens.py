"""The token classes of the lexer (filing_grammar/lexer.py).

A line token is a ``lark.Token`` that holds its text once; a rendered token
also knows the HTML rendering it was read from; a run token holds a run of
lines as one token and gives its line tokens on demand.
"""

from __future__ import annotations

from lark import Token

from .source.html import Rendering

__all__ = ["LineToken", "RenderedToken", "RunToken"]


class LineToken(Token):
    """A line token that keeps its text once, not twice.

    ``lark.Token`` is a ``str`` that also stores its text in ``.value``, a
    second copy of every line; here ``.value`` is read from the token itself.
    The tokens of a filing take about a third less memory (see
    tests/hostile/test_scale.py); everything else is a ``Token`` as before.
    """

    __slots__ = ()

    @property
    def value(self) -> str:  # type: ignore[override]
        return str.__str__(self)

    @value.setter
    def value(self, _value: str) -> None:
        pass  # Token.__new__ sets it; the text is the token itself


class RenderedToken(LineToken):
    """A line of an HTML document's text rendering.  Its positions are in the
    rendering; ``rendering`` maps them back to the HTML (see
    filing_grammar/tree.py, ``span_of``)."""

    __slots__ = ("rendering",)

    @classmethod
    def at(cls, rendering: Rendering, *args, **kw) -> "RenderedToken":
        tok = cls(*args, **kw)
        tok.rendering = rendering
        return tok

    def __reduce__(self):
        return (_rebuild_rendered, (self.type, str.__str__(self), self.start_pos, self.line, self.column,
                                    self.end_line, self.end_column, self.end_pos, self.rendering))


class RunToken(LineToken):
    """A run of lines as one token (``OPAQUE``: the text of a document that
    is not an 8-K).  ``lines()`` gives the line tokens the lexer yields for
    them (``relex``, set by the lexer, makes them), made on first use: readers
    and checks that look at lines see the same tokens as if the run had never
    been one."""

    __slots__ = ("rendering", "relex", "_lines")

    def lines(self) -> list[Token]:
        try:
            return self._lines
        except AttributeError:
            self._lines = list(self.relex(self))  # (its own text: the lexer keeps no copy of it)
            return self._lines


def _rebuild_rendered(kind, value, start_pos, line, column, end_line, end_column, end_pos, rendering):
    return RenderedToken.at(rendering, kind, value, start_pos=start_pos, line=line, column=column,
                            end_line=end_line, end_column=end_column, end_pos=end_pos)
