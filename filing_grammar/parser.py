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
from lark.lexer import Lexer
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
from lark.parsers.lalr_analysis import Shift

from .lexer import RunToken, tokenize
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


class LineLexer(Lexer):
    """Lark adapter: ``Lark(..., lexer=LineLexer)`` builds the parser tables
    without a lexer of its own (the terminals are %declare'd); parser.py
    feeds the tokens of :func:`tokenize` itself."""

    def __init__(self, lexer_conf):  # noqa: D401 - Lark's signature
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state, parser_state):  # pragma: no cover - abstract in Lark, never called
        raise NotImplementedError("parser.py feeds line tokens itself")



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


# Terminals that are not the kind of a line, left out of what was expected
# (OPAQUE stands for lines of the kinds listed anyway).
_NOT_LINES = frozenset({"UNMATCHED", "$END", "OPAQUE"})
_UNPLANNED = object()
_MAX_STACKS = 200_000  # (a hostile file cannot grow the memo without bound)


class _Automaton:
    """The state stacks of one parse table met so far, numbered, and for each
    the plan of each token kind: how the LALR automaton takes a token of that
    kind there (the reductions, then the shift), worked out once on the state
    stack alone.  A plan is ``(run, next stack's number, its plans)``, ``run``
    doing the reductions on the value stack (None if there are none); None if
    the token is an error there.  So a token the grammar takes costs one dict
    look-up, and a token it rejects (LALR may reduce before it finds that)
    changes nothing: recovery starts from the stack as it was."""

    def __init__(self, states, callbacks):
        self.states, self.callbacks = states, callbacks
        self.numbers: dict[tuple, int] = {}
        self.stacks: list[tuple] = []
        self.rows: list[dict] = []
        self.runs: dict[tuple, object] = {}

    def number(self, stack: tuple) -> int:
        number = self.numbers.get(stack)
        if number is None:
            number = self.numbers[stack] = len(self.stacks)
            self.stacks.append(stack)
            self.rows.append({})
        return number

    def plan(self, number: int, kind: str) -> tuple | None:
        states = self.states
        sim = list(self.stacks[number])
        steps = []
        plan = None
        while True:
            action = states[sim[-1]].get(kind)
            if action is None or kind == "$END":
                break
            if action[0] is Shift:
                sim.append(action[1])
                nxt = self.number(tuple(sim))
                plan = (self._run(tuple(steps)), nxt, self.rows[nxt])
                break
            rule = action[1]
            size = len(rule.expansion)
            if size:
                del sim[-size:]
            sim.append(states[sim[-1]][rule.origin.name][1])
            steps.append((self.callbacks[rule], size))
        self.rows[number][kind] = plan
        return plan

    def _run(self, steps: tuple):
        """One function doing the reductions ``steps`` on the value stack, as
        Lark's callbacks would (None for no reduction)."""
        if not steps:
            return None
        run = self.runs.get(steps)
        if run is None:
            run = self.runs[steps] = _reductions(steps)
        return run


# What a reduction does, for the callbacks Lark makes for this grammar (any
# other is called as Lark calls it).  Lark builds a rule's node from its
# children, splicing in the children of a rule whose name starts with "_"
# (ChildFilterLALR_NoPlaceholders: its to_include lists (index, splice?)), and
# drops the node it spliced.  So a spliced node is only a holder of children:
# it is extended and renamed in place, not made anew.  The result is the same
# tree (nothing else holds an intermediate node).
_WRAP, _RENAME, _EXTEND, _APPEND, _CALL = range(5)


def _reduction(callback, size: int) -> tuple:
    builder, include = callback, None
    if isinstance(callback, ChildFilterLALR_NoPlaceholders):
        builder, include = callback.node_builder, callback.to_include
    if not (isinstance(builder, functools.partial) and builder.func is Tree and len(builder.args) == 1
            and not builder.keywords):
        return (_CALL, callback, size)
    name = builder.args[0]
    if include is None:
        return (_WRAP, name, size)
    if size == 1 and include == [(0, True)]:
        return (_RENAME, name, size)
    if size == 2 and include == [(0, True), (1, True)]:
        return (_EXTEND, name, size)
    if size == 2 and include == [(0, True), (1, False)]:
        return (_APPEND, name, size)
    return (_CALL, callback, size)


def _reductions(steps: tuple):
    ops: list[tuple] = []
    for callback, size in steps:
        op = _reduction(callback, size)
        last = ops[-1] if ops else None
        # a node made of one value (a holder, since the next step splices it)
        if last is not None and last[0] == _WRAP and last[2] == 1:
            if op[0] == _RENAME:  # renamed: made with the new name
                ops[-1] = (_WRAP, op[1], 1)
                continue
            if op[0] == _EXTEND:  # spliced: its one value appended
                ops[-1] = (_APPEND, op[1], 2)
                continue
        ops.append(op)

    def run(values: list) -> None:
        for code, arg, size in ops:
            if code == _APPEND:
                value = values.pop()
                node = values[-1]
                node.children.append(value)
                node.data = arg
            elif code == _WRAP:
                if size == 1:
                    values[-1] = Tree(arg, [values[-1]])
                else:
                    children = values[-size:] if size else []
                    del values[len(values) - size:]
                    values.append(Tree(arg, children))
            elif code == _RENAME:
                values[-1].data = arg
            elif code == _EXTEND:
                value = values.pop()
                node = values[-1]
                node.children += value.children
                node.data = arg
            else:
                children = values[-size:] if size else []
                del values[len(values) - size:]
                values.append(arg(children))

    if len(ops) == 1 and ops[0][0] == _APPEND:  # the commonest: one more line of a repeat
        name = ops[0][1]

        def run(values: list) -> None:  # noqa: F811
            value = values.pop()
            node = values[-1]
            node.children.append(value)
            node.data = name
    return run


_AUTOMATA: dict[int, _Automaton] = {}


def _automaton(states, callbacks) -> _Automaton:
    """The automaton of a parse table (one per process, but a test may build another)."""
    automaton = _AUTOMATA.get(id(states))
    if automaton is None or automaton.states is not states or len(automaton.stacks) > _MAX_STACKS:
        automaton = _AUTOMATA[id(states)] = _Automaton(states, callbacks)
    return automaton


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
                if k.isupper() and k not in _NOT_LINES and accepts((k,))))
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

    values = state.value_stack
    automaton = _automaton(states, state.parse_conf.callbacks)
    plan_of = automaton.plan
    keep_value, keep_fed = values.append, fed.append

    def resync() -> tuple[int, dict]:
        number = automaton.number(tuple(stack))
        return number, automaton.rows[number]

    number, row = resync()
    iterator: Iterator[Token] = iter(tokens)
    for tok in iterator:
        # A token the grammar takes: what Lark's feed_token would do, planned
        # once per state stack and kind (_Automaton), and done here.  (The
        # grammar has no callbacks on terminals, so the token is its value.)
        plan = row.get(tok.type, _UNPLANNED)
        if plan is _UNPLANNED:
            plan = plan_of(number, tok.type)
        if plan is not None:
            run, number, row = plan
            if run is not None:
                run(values)
            keep_value(tok)
            keep_fed(tok)
            continue
        stack[:] = automaton.stacks[number]  # the state stack, for recovery
        if isinstance(tok, RunToken):  # a run where the grammar does not take it: its lines
            lines = iter(tok.lines())
            for line in lines:
                if not feed(line):
                    rest = [line, *lines, *iterator]
                    return result(_fallback(fed, rest), [])  # the fallback tree holds no inserted tag
                fed.append(line)
        elif not feed(tok):
            rest = [tok, *iterator]
            return result(_fallback(fed, rest), [])  # the fallback tree holds no inserted tag
        else:
            fed.append(tok)
        number, row = resync()
    stack[:] = automaton.stacks[number]
    end = Token("$END", "", start_pos=text_len, line=None, column=None, end_pos=text_len)
    if accepts(("$END",)) or try_closers(end):
        return result(state.feed_token(end, True), inserted)
    return result(_fallback(fed, []), [])


def _lines(tokens: list[Token]) -> list[Token]:
    """The tokens, each run as its lines."""
    return [line for t in tokens for line in (t.lines() if isinstance(t, RunToken) else (t,))]


def _fallback(fed: list[Token], rest: list[Token]) -> Tree:
    """Last resort: keep every line, the unplaceable rest as one unmatched node."""
    children: list = _lines(fed)
    if rest:
        children.append(Tree("unmatched", [_unmatched(t) for t in _lines(rest)]))
    return Tree("start", [Tree("unparsed", children)])


# The rules an html_text node may stand in (grammar: start, document_8k, and
# the envelope around them).
_HOLDS_HTML = frozenset({"start", "envelope", "sec_document", "submission", "document_8k"})


def _html_texts(tree: Tree) -> list[Tree]:
    """The html_text nodes of a tree (a walk of the envelope, not of every node)."""
    out, stack = [], [tree]
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, Tree):
                if child.data == "html_text":
                    out.append(child)
                elif child.data in _HOLDS_HTML:
                    stack.append(child)
    return out


def parse_source(src: Source) -> ParseResult:
    """Tokenise and parse a source; read the form in each HTML document from
    its rendering and attach it to the document's node."""
    parsed = parse_tokens(tokenize(src.text, runs=True), len(src.text))
    for node in _html_texts(parsed.tree):
        lines = [t for t in node.children if isinstance(t, Token)]
        if not lines:
            continue
        rendering = src.rendering(lines[0].start_pos or 0, lines[-1].end_pos or 0)
        inner = parse_tokens(tokenize(rendering.text, rendering=rendering, runs=True), len(rendering.text))
        node.children.append(Tree(RENDERING, inner.tree.children))
    return parsed
