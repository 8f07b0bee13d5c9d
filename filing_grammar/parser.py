"""Stage 3: the LALR parser, built once per process, with error recovery.

The grammar lives in ``grammar/filing.lark``; this module loads it, drives the
parser with the line tokens of :mod:`filing_grammar.lexer`, and makes sure a
tree always comes out:

* a line the grammar does not accept where it stands is re-typed
  ``UNMATCHED`` and fed again (the grammar accepts ``unmatched`` wherever lines
  repeat), so it stays in the tree, in place;
* an envelope tag that arrives while a section is still open (``<DOCUMENT>``
  before the previous ``</TEXT>``), or the end of a truncated file, first
  gets the missing closing tags inserted as zero-width tokens;
* if neither helps (it should not happen), the rest of the file becomes one
  ``unmatched`` node, so the tree is still lossless.

:func:`parse_source` also reads the form inside each HTML document: the
source stage renders the document to layout text (filing_grammar/source/html.py),
the same lexer and grammar read that text from ``form_8k``, and the subtree
is attached to the document's ``html_text`` node as a ``rendering`` child.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping, Sequence

from lark import Lark, Token, Tree
from lark.parsers.lalr_analysis import Shift

from .lexer import LineLexer, tokenize
from .source import Source
from .tree import RENDERING

__all__ = ["get_parser", "parse_tokens", "parse_source", "ParseResult", "grammar_text", "GRAMMAR_FILE"]


@dataclass(frozen=True)
class ParseResult:
    """What the parser found: the lossless tree, the line kinds the grammar
    expected where it met each line it could not place (the line's offset ->
    kinds), and the closing tags it inserted (zero-width tokens)."""

    tree: Tree
    expected: Mapping[int, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    inserted: tuple[Token, ...] = ()

GRAMMAR_FILE = "filing.lark"

# Closing tags the parser may insert, and the order it tries them in.
_CLOSERS: tuple[tuple[str, ...], ...] = (
    ("TEXT_CLOSE",),
    ("TEXT_CLOSE", "DOCUMENT_CLOSE"),
    ("DOCUMENT_CLOSE",),
    ("SEC_HEADER_CLOSE",),
    ("TEXT_CLOSE", "DOCUMENT_CLOSE", "SEC_DOCUMENT_CLOSE"),
    ("DOCUMENT_CLOSE", "SEC_DOCUMENT_CLOSE"),
    ("SEC_DOCUMENT_CLOSE",),
    ("SEC_HEADER_CLOSE", "SEC_DOCUMENT_CLOSE"),
    ("TEXT_OPEN",),
)
# Tokens for which inserting closers is tried before calling them unmatched.
_STRUCTURAL = frozenset({
    "DOCUMENT_OPEN", "DOCUMENT_CLOSE", "TEXT_CLOSE", "SEC_DOCUMENT_CLOSE",
    "SEC_HEADER_CLOSE", "PEM_END", "$END",
})


def _grammar_dir() -> str:
    """Where the .lark files are: inside the installed package (the wheel maps
    ``grammar/`` to ``filing_grammar/grammar``) or beside it in a checkout."""
    try:
        packaged = resources.files("filing_grammar") / "grammar"
        if packaged.is_dir():
            return str(packaged)
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - odd loaders
        pass
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "grammar")


def grammar_text() -> str:
    with open(os.path.join(_grammar_dir(), GRAMMAR_FILE), encoding="utf-8") as fh:
        return fh.read()


@functools.lru_cache(maxsize=None)
def get_parser(strict: bool = False) -> Lark:
    """The Lark LALR parser for the 8-K grammar (built once per process).

    ``cache=True`` keeps the analysed tables in the temp directory between
    processes (about 3x faster start-up); ``strict=True`` turns any grammar
    conflict into an error (used by the tests).
    """
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=LineLexer,
        start="start",
        strict=strict,
        cache=not strict,
        maybe_placeholders=False,
    )


def _missing(kind: str, at: Token | None, text_len: int) -> Token:
    """A zero-width token standing for a tag the filing left out."""
    if at is None or at.type == "$END":
        return Token(kind, "", start_pos=text_len, line=None, column=None, end_pos=text_len)
    return Token(kind, "", start_pos=at.start_pos, line=at.line, column=1,
                 end_line=at.line, end_column=1, end_pos=at.start_pos)


def _unmatched(tok: Token) -> Token:
    # type(tok): a lexer line token stays one (it holds its text once)
    return type(tok).new_borrow_pos("UNMATCHED", tok.value, tok)


def _accepts(states, stack: list, kinds: Sequence[str], end_state=None) -> bool:
    """Would the parser accept tokens of ``kinds`` in turn (then the end of
    input, if ``end_state`` is given)?  Runs the LALR automaton on a copy of
    the state stack only, so nothing is built and nothing can be undone."""
    if len(kinds) == 1 and kinds[0] != "$END":  # the common case: one line
        action = states[stack[-1]].get(kinds[0])
        if action is None:
            return False
        if action[0] is Shift:
            return True
    stack = stack[:]
    for kind in kinds:
        while True:
            action = states[stack[-1]].get(kind)
            if action is None:
                return False
            if action[0] is Shift:
                if kind == "$END":
                    return stack[-1] == end_state or action[1] == end_state
                stack.append(action[1])
                break
            size = len(action[1].expansion)
            if size:
                del stack[-size:]
            stack.append(states[stack[-1]][action[1].origin.name][1])
            if kind == "$END" and stack[-1] == end_state:
                return True
    return True


def parse_tokens(tokens: Iterable[Token], text_len: int = 0) -> ParseResult:
    """Parse line tokens into a tree; never raises on any token sequence."""
    parser = get_parser()
    interactive = parser.parse_interactive("")
    state = interactive.parser_state
    states = state.parse_conf.states
    end_state = state.parse_conf.end_state
    stack = state.state_stack
    fed: list[Token] = []  # for the last-resort fallback only
    inserted: list[Token] = []  # the closing tags put in (zero-width tokens)
    # For each line made UNMATCHED: the line kinds the grammar would have
    # accepted there (offset -> kinds), for diagnostics that say what was expected.
    expected: dict[int, tuple[str, ...]] = {}
    # Recovery answers depend only on the state stack, and a hostile file
    # repeats the same stack (100,000 stray </TEXT> lines): remember them, so
    # recovery costs a dict look-up per line and not dozens of automaton runs.
    memo: dict[tuple, object] = {}

    def accepts(kinds: Sequence[str]) -> bool:
        return _accepts(states, stack, kinds, end_state)

    def closers_for(kind: str) -> tuple[str, ...] | None:
        key = (kind, *stack)
        if key not in memo:
            memo[key] = next((seq for seq in _CLOSERS if accepts(seq + (kind,))), None)
        return memo[key]  # type: ignore[return-value]

    def expected_here() -> tuple[str, ...]:
        key = ("", *stack)
        if key not in memo:
            memo[key] = tuple(sorted(
                k for k in states[stack[-1]]
                if k.isupper() and k not in ("UNMATCHED", "$END") and accepts((k,))))
        return memo[key]  # type: ignore[return-value]

    def try_closers(tok: Token) -> bool:
        """Insert the first closer sequence after which ``tok`` is accepted."""
        seq = closers_for(tok.type)
        if seq is None:
            return False
        for kind in seq:
            missing = _missing(kind, tok, text_len)
            inserted.append(missing)
            state.feed_token(missing)
        return True

    def feed(tok: Token) -> bool:
        # Check before feeding: an LALR table may reduce on a lookahead before
        # it finds it cannot shift it, and Lark builds trees in place.
        if accepts((tok.type,)):
            state.feed_token(tok)
            return True
        if tok.type in _STRUCTURAL and try_closers(tok):
            state.feed_token(tok)
            return True
        if accepts(("UNMATCHED",)):
            expected[tok.start_pos] = expected_here()
            state.feed_token(_unmatched(tok))
            return True
        if tok.type not in _STRUCTURAL and try_closers(tok):
            state.feed_token(tok)
            return True
        return False

    def result(tree: Tree, closers: list[Token]) -> ParseResult:
        return ParseResult(tree, MappingProxyType(expected), tuple(closers))

    iterator: Iterator[Token] = iter(tokens)
    for tok in iterator:
        if not feed(tok):
            rest = [tok, *iterator]
            return result(_fallback(fed, rest), [])  # the fallback tree holds no inserted tag
        fed.append(tok)
    end = Token("$END", "", start_pos=text_len, line=None, column=None, end_pos=text_len)
    if accepts(("$END",)) or try_closers(end):
        return result(state.feed_token(end, True), inserted)
    return result(_fallback(fed, []), [])


def _fallback(fed: list[Token], rest: list[Token]) -> Tree:
    """Last resort: keep every line, the unplaceable rest as one unmatched node."""
    children: list = list(fed)
    if rest:
        children.append(Tree("unmatched", [_unmatched(t) for t in rest]))
    return Tree("start", [Tree("unparsed", children)])


def parse_source(src: Source) -> ParseResult:
    """Tokenise and parse a source; read the form in each HTML document from
    its rendering and attach it to the document's node."""
    parsed = parse_tokens(tokenize(src.text), len(src.text))
    for node in list(parsed.tree.find_data("html_text")):
        lines = [t for t in node.children if isinstance(t, Token)]
        if not lines:
            continue
        rendering = src.rendering(lines[0].start_pos or 0, lines[-1].end_pos or 0)
        inner = parse_tokens(tokenize(rendering.text, rendering=rendering), len(rendering.text))
        node.children.append(Tree(RENDERING, inner.tree.children))
    return parsed
