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
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping, Sequence

from lark import Lark, Token, Tree
from lark.lexer import Lexer
from lark.parsers.lalr_analysis import Shift

from . import cache
from .cache import write_atomic
from .automaton import automaton_for, recovery_for
from .lexer import RunToken, tokenize
from .source import Source
from .tree import HOLDS_FORM, RENDERING

__all__ = ["get_parser", "parse_tables", "parse_tokens", "parse_source", "ParseResult", "grammar_text", "GRAMMAR_FILE"]


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
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "grammar")
    checkout = os.path.join(os.path.dirname(here), "grammar")
    for directory in (packaged, checkout):  # (no importlib.resources unless needed: start-up)
        if os.path.isfile(os.path.join(directory, GRAMMAR_FILE)):
            return directory
    try:
        from importlib import resources
        traversable = resources.files("filing_grammar") / "grammar"
        if traversable.is_dir():
            return str(traversable)
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - odd loaders
        pass
    return checkout


def grammar_text() -> str:
    with open(os.path.join(_grammar_dir(), GRAMMAR_FILE), encoding="utf-8") as fh:
        return fh.read()


@functools.lru_cache(maxsize=None)
def get_parser(strict: bool = False) -> Lark:
    """The Lark LALR parser for the 8-K grammar (built once per process).

    ``cache=True`` keeps the analysed tables in the temp directory between
    processes (about 3x faster start-up); ``strict=True`` turns any grammar
    conflict into an error (used by the tests).  :func:`parse_tokens` does not
    use it: it drives the tables of :func:`parse_tables` (cached apart, faster
    to load).
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


# --------------------------------------------------------------------------
# The parse tables, cached between processes.  Lark's own cache (cache=True)
# stores them in its serialised form, rebuilt object by object at each start
# (about 40 ms); here the analysed table itself is pickled (the Shift/Reduce
# actions by reference, so ``action is Shift`` still holds) and loads in a few
# milliseconds.  The file is keyed on the grammar's content, the Lark and
# Python versions and the format below; it holds the grammar text, compared
# on load; it is written atomically (a temporary file, then os.replace); a
# file that cannot be read, or is stale, is ignored and rebuilt.  It lives in
# the user's cache directory ($XDG_CACHE_HOME or ~/.cache, filing-grammar/),
# never in the package (which may be read-only); if that cannot be written
# either, the tables are built in each process, as before.
#
# Format 2 (start-up): the table is pickled compactly (:func:`_compact`), as
# unpickling Lark's objects one by one cost more than anything else in
# loading it.  Each grammar symbol and rule is pickled once (Lark's rules hold
# a symbol object per occurrence), each distinct action once, each distinct
# set of a state's token kinds once; a state is its kinds' number and either
# one action's number (the 366 of 525 states that do the same for every kind)
# or a tuple of them.  Loading makes the same dicts with dict.fromkeys and
# zip, in C.  Grammar symbols, rules and rule callbacks are pickled as calls
# of their classes (:func:`_by_constructor`).  Loading: 26 M instructions
# became 18 M (the pickle 16 M -> 11 M).
#
# Format 3: the rule callbacks name their nodes with plain ``str``
# (:func:`_build_conf`), not the grammar loader's ``Token``.
# --------------------------------------------------------------------------

_TABLES_FORMAT = 3


@dataclass(frozen=True)
class ParseTables:
    """What :func:`parse_tokens` needs of the parser: the LALR table and the
    tree-building callbacks of its rules (Lark's ``ParseConf``)."""

    conf: object  # lark.parsers.lalr_parser.ParseConf

    def state(self):
        """A fresh parser state at the start symbol."""
        from lark.parsers.lalr_parser import ParserState
        return ParserState(self.conf, None)


def _cache_path(text: str) -> str | None:
    import hashlib
    import sys

    import lark
    directory = cache.cache_dir()
    if directory is None:
        return None
    key = hashlib.sha256(f"{_TABLES_FORMAT}\0{lark.__version__}\0{text}".encode("utf-8")).hexdigest()[:24]
    py = "%d%d" % sys.version_info[:2]
    return os.path.join(directory, f"tables-{key}-lark{lark.__version__}-py{py}.pickle")


def _load_tables(path: str, text: str):
    import pickle

    import lark
    import gc
    with open(path, "rb") as fh:
        blob = fh.read()
    enabled = gc.isenabled()
    gc.disable()  # some 30,000 objects, none of them garbage: no collections on the way (half the time)
    try:
        data = pickle.loads(blob)
    finally:
        if enabled:
            gc.enable()
    if not (isinstance(data, dict) and data.get("format") == _TABLES_FORMAT
            and data.get("lark") == lark.__version__ and data.get("grammar") == text):
        raise ValueError("stale parse tables")
    return _expand(data["conf"])


def _compact(conf) -> tuple:
    """What is pickled of a ParseConf (see the comment above _TABLES_FORMAT)."""
    import copy

    symbols: dict = {}
    rules: dict = {}  # id of Lark's rule -> its copy made of shared symbols

    def symbol(sym):
        key = (type(sym), sym.name, getattr(sym, "filter_out", None))
        if key not in symbols:
            symbols[key] = copy.copy(sym)
        return symbols[key]

    def rule(r):
        if id(r) not in rules:
            new = rules[id(r)] = copy.copy(r)  # equal, same hash: only its symbols are shared
            new.origin = symbol(r.origin)
            new.expansion = type(r.expansion)(map(symbol, r.expansion))
        return rules[id(r)]

    from lark.parsers.lalr_analysis import Reduce
    actions: list = []
    numbers: dict = {}  # action -> its number
    kind_sets: dict = {}  # a state's token kinds, in order -> their number
    rows = {}
    for state, row in conf.parse_table.states.items():
        kinds = kind_sets.setdefault(tuple(row), len(kind_sets))
        these = []
        for action in row.values():
            if action not in numbers:
                numbers[action] = len(actions)
                actions.append((Reduce, rule(action[1])) if action[0] is Reduce else action)
            these.append(numbers[action])
        rows[state] = (kinds, these[0] if these and len(set(these)) == 1 else tuple(these))
    callbacks = {rule(r): callback for r, callback in conf.callbacks.items()}
    table = conf.parse_table
    return (type(table), callbacks, actions, tuple(kind_sets), rows, table.start_states, table.end_states,
            conf.start)


def _expand(data):
    """The ParseConf that :func:`_compact` gave ``data`` of."""
    from lark.parsers.lalr_parser import ParseConf
    table_type, callbacks, actions, kind_sets, rows, start_states, end_states, start = data
    get = actions.__getitem__
    states = {state: dict.fromkeys(kind_sets[kinds], actions[these]) if type(these) is int
              else dict(zip(kind_sets[kinds], map(get, these)))
              for state, (kinds, these) in rows.items()}
    return ParseConf(table_type(states, start_states, end_states), callbacks, start)


def _save_tables(path: str, text: str, conf) -> None:
    import io
    import pickle

    import lark
    from lark.parsers.lalr_analysis import Action

    class _Pickler(pickle.Pickler):
        # Shift and Reduce by name, so that loading gives Lark's own objects
        dispatch_table = {Action: lambda action: action.name}

        def reducer_override(self, obj):
            return _by_constructor(obj)

    buf = io.BytesIO()
    _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(
        {"format": _TABLES_FORMAT, "lark": lark.__version__, "grammar": text, "conf": _compact(conf)})
    write_atomic(path, buf.getvalue())


def _by_constructor(obj):
    """How the pickle makes one of Lark's grammar symbols, rules and rule
    callbacks: by calling its class as Lark does (a few times faster to load
    than an empty object and its attributes set one by one), when that makes
    the very object (no attribute the constructor would not set); otherwise
    NotImplemented, pickle's own way."""
    from lark.grammar import NonTerminal, Rule, RuleOptions, Terminal
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
    kind = type(obj)
    state = getattr(obj, "__dict__", None)
    if kind is functools.partial:
        if not obj.keywords and not state:
            return functools.partial, (obj.func, *obj.args)
    elif kind is NonTerminal:
        if not state:
            return NonTerminal, (obj.name,)
    elif kind is Terminal:
        if state is not None and state.keys() == {"filter_out"}:
            return Terminal, (obj.name, obj.filter_out)
    elif kind is Rule:
        if not state and obj._hash == hash((obj.origin, tuple(obj.expansion))):
            return Rule, (obj.origin, obj.expansion, obj.order, obj.alias, obj.options)
    elif kind is RuleOptions:
        fields = ("keep_all_tokens", "expand1", "priority", "template_source", "empty_indices")
        if state is not None and tuple(state) == fields:
            return RuleOptions, tuple(state.values())
    elif kind is ChildFilterLALR_NoPlaceholders:
        if state is not None and tuple(state) == ("node_builder", "to_include"):
            return ChildFilterLALR_NoPlaceholders, (obj.to_include, obj.node_builder)
    return NotImplemented


def _build_conf():
    """The ParseConf of :func:`get_parser`'s parser, its equal actions made
    one object (the pickle is half the size and loads faster)."""
    import copy

    from lark.parsers.lalr_parser import ParseConf
    inner = get_parser().parser.parser.parser  # Lark -> frontend -> LALR_Parser -> _Parser
    table = copy.copy(inner.parse_table)
    same: dict = {}
    table.states = {state: {kind: same.setdefault(action, action) for kind, action in actions.items()}
                    for state, actions in inner.parse_table.states.items()}
    return ParseConf(table, {rule: _str_names(callback) for rule, callback in inner.callbacks.items()}, "start")


def _str_names(callback):
    """A rule's callback, naming its node with a plain ``str``.  Lark names a
    node (``Tree.data``) with the rule's name as the grammar loader read it, a
    ``Token``: every ``node.data == "item"`` of the readers then runs
    ``Token.__eq__``, a Python function (issue 12).  Lark's own callbacks are
    left as they are (a copy is made)."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
    if isinstance(callback, ChildFilterLALR_NoPlaceholders):
        builder = _str_names(callback.node_builder)
        if builder is not callback.node_builder:
            return ChildFilterLALR_NoPlaceholders(callback.to_include, builder)
    elif (isinstance(callback, functools.partial) and callback.func is Tree and len(callback.args) == 1
          and not callback.keywords and isinstance(callback.args[0], Token)):
        return functools.partial(Tree, str(callback.args[0]))
    return callback


@functools.lru_cache(maxsize=None)
def parse_tables() -> ParseTables:
    """The parse table and callbacks of the grammar: from the cache file if
    there is a good one, else from :func:`get_parser` (then cached)."""
    text = grammar_text()
    path = _cache_path(text)
    if path is not None:
        try:
            return ParseTables(_load_tables(path, text))
        except Exception:  # missing, unreadable, truncated, stale: build it again
            pass
    conf = _build_conf()
    if path is not None:
        try:
            _save_tables(path, text, conf)
        except Exception:  # a read-only home, a full disk: build it next time too
            pass
    return ParseTables(conf)


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


def parse_tokens(tokens: Iterable[Token], text_len: int = 0) -> ParseResult:
    """Parse line tokens into a tree; never raises on any token sequence."""
    state = parse_tables().state()
    states = state.parse_conf.states
    end_state = state.parse_conf.end_state
    stack = state.state_stack
    fed: list[Token] = []  # for the last-resort fallback only
    inserted: list[Token] = []  # the closing tags put in (zero-width tokens)
    # For each line made UNMATCHED: the line kinds the grammar would have
    # accepted there (offset -> kinds), for diagnostics that say what was expected.
    expected: dict[int, tuple[str, ...]] = {}
    # Recovery answers depend only on the parse table and the state stack, and
    # a hostile file repeats the same stack (100,000 stray </TEXT> lines):
    # remember them (for the process, as the plans), so recovery costs a dict
    # look-up per line and not dozens of automaton runs.
    memo = recovery_for(states)

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
                if k.isupper() and k not in _NOT_LINES and takes(k)))
        return memo[key]  # type: ignore[return-value]

    def try_closers(tok: Token) -> bool:
        """Insert the first closer sequence after which ``tok`` is accepted."""
        seq = closers_for(tok.type)
        if seq is None:
            return False
        for kind in seq:
            missing = _missing(kind, tok, text_len)
            inserted.append(missing)
            take(missing)
        return True

    def takes(kind: str) -> bool:
        """Would the grammar take a token of ``kind`` (a line kind, not $END)
        here?  The automaton's plan, worked out once per stack and kind: the
        same answer as accepts((kind,)), without running the table again."""
        plan = row.get(kind, _UNPLANNED)
        if plan is _UNPLANNED:
            plan = plan_of(number, kind)
        return plan is not None

    def take(tok: Token) -> None:
        """Feed a token the grammar takes here (as accepts() found): by the
        automaton, as the main loop does, the state stack kept in step."""
        nonlocal number, row
        plan = row.get(tok.type, _UNPLANNED)
        if plan is _UNPLANNED:
            plan = plan_of(number, tok.type)
        run, number, row = plan
        if run is not None:
            run(values)
        values.append(tok)
        stack[:] = automaton.stacks[number]

    def feed(tok: Token) -> bool:
        # Check before feeding: an LALR table may reduce on a lookahead before
        # it finds it cannot shift it, and a reduction builds trees in place.
        if takes(tok.type):
            take(tok)
            return True
        if tok.type in _STRUCTURAL and try_closers(tok):
            take(tok)
            return True
        if takes("UNMATCHED"):
            expected[tok.start_pos] = expected_here()
            take(_unmatched(tok))
            return True
        if tok.type not in _STRUCTURAL and try_closers(tok):
            take(tok)
            return True
        return False

    def result(tree: Tree, closers: list[Token]) -> ParseResult:
        return ParseResult(tree, MappingProxyType(expected), tuple(closers))

    values = state.value_stack
    automaton = automaton_for(states, state.parse_conf.callbacks)
    plan_of = automaton.plan
    keep_value, keep_fed = values.append, fed.append

    # The automaton's number of the state stack, and its row of plans (kept
    # in step by the main loop and by take()).
    number = automaton.number(tuple(stack))
    row = automaton.rows[number]
    iterator: Iterator[Token] = iter(tokens)
    for tok in iterator:
        # A token the grammar takes: what Lark's feed_token would do, planned
        # once per state stack and kind (automaton.Automaton), and done here.  (The
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
_HOLDS_HTML = HOLDS_FORM - {"html_text", RENDERING}


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
