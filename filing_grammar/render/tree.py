"""The parse tree as JSON, plain text, or a rich tree.

A token of an HTML document's rendering (under a ``rendering`` node) shows
its line in the rendering and, in brackets, where it came from in the HTML:
``TEXT 17 [html 8:4693]``.

Each form is also made as a stream of pieces of text (:func:`iter_json`,
:func:`iter_text`, :func:`iter_rich_plain`): a filing of millions of lines
is written as it is made, without its tree's dicts or its whole text in
memory, and a line takes one formatting, not a walk of nested values
(issue 12: ``tree`` of a 5 MB filing of blank lines took 24 s and 4 GB).
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any, Callable, Iterator

from lark import Token, Tree

from ..tokens import LineToken, RenderedToken
from ..tree import _rendered_start, rendered_place, span_of

# pieces gathered before a stream gives them as one
_BATCH = 4096


def _html_place(tok: Token) -> str:
    """' [html LINE:COLUMN]' for a token of a rendering, else '': where its
    span starts in the HTML (the start of :func:`~filing_grammar.tree.span_of`,
    without working out its end)."""
    if tok.__class__ is LineToken or tok.line is None:
        return ""
    rendering = getattr(tok, "rendering", None)
    if rendering is None:
        return ""
    line, column = rendering.line_col(_rendered_start(rendering, tok))
    return f" [html {line}:{column}]"


def _token_json(tok: Token) -> dict[str, Any]:
    out = {"token": tok.type, "text": tok.value, "line": tok.line, "column": tok.column}
    if getattr(tok, "rendering", None) is not None and tok.line is not None:
        span = span_of([tok])
        out["html"] = {"line": span.line, "column": span.column, "end_line": span.end_line,
                       "end_column": span.end_column}
    return out


def to_json(tree: Tree) -> dict[str, Any]:
    """``{"rule": NAME, "children": [...]}`` with tokens as
    ``{"token": TYPE, "text": ..., "line": N, "column": N}``."""
    def node(t):
        if isinstance(t, Token):
            return _token_json(t)
        return {"rule": t.data, "children": [node(c) for c in t.children]}
    return node(tree)


def iter_json(tree: Tree | Token) -> Iterator[str]:
    """The text of ``json.dumps(to_json(tree), indent=1, ensure_ascii=False)``
    in pieces, made as they are given: one formatting per token, and a stack
    of the nodes open, not a dict per token nor a recursion per value (see
    tests/test_scale_output.py, which compares the two)."""
    from . import jsontext

    def value(v: object) -> str:
        """A value as json writes it."""
        kind = v.__class__
        if kind is int:
            return int.__repr__(v)
        if kind is str:
            return encode_basestring(v)
        if v is None:
            return "null"
        return jsontext.dumps(v, indent=1, ensure_ascii=False)

    # per newline of a token's keys: the text of its "html" object around its values
    places: dict[str, tuple[str, ...]] = {}

    def html(rendering, tok: Token, k: str) -> str:
        """',"html": {...}' of a rendered token whose keys are at newline ``k``:
        the HTML its span covers (:func:`~filing_grammar.tree.span_of`'s)."""
        at = places.get(k)
        if at is None:
            k2 = k + " "
            at = places[k] = (f',{k}"html": {{{k2}"line": ', f',{k2}"column": ', f',{k2}"end_line": ',
                              f',{k2}"end_column": ', f'{k}}}')
        line, column, end_line, end_column = rendered_place(rendering, tok)
        return f"{at[0]}{line}{at[1]}{column}{at[2]}{end_line}{at[3]}{end_column + 1}{at[4]}"

    def token(tok: Token, nl: str) -> str:
        """A token at the newline ``nl`` (the general case of the loop below)."""
        k = nl + " "
        text = str.__str__(tok) if isinstance(tok, LineToken) else tok.value
        piece = (f'{{{k}"token": {value(tok.type)},{k}"text": {value(text)},{k}"line": {value(tok.line)},'
                 f'{k}"column": {value(tok.column)}')
        rendering = getattr(tok, "rendering", None)
        if rendering is not None and tok.line is not None:
            piece += html(rendering, tok, k)
        return piece + nl + "}"

    heads: dict[tuple[str, str], str] = {}

    def rule(node: Tree, nl: str) -> str:
        """A node's text up to its first child, at the newline ``nl``."""
        key = (node.data, nl)
        head = heads.get(key)
        if head is None:
            k = nl + " "
            head = heads[key] = f'{{{k}"rule": {value(node.data)},{k}"children": '
        return head + ("[]" + nl + "}" if not node.children else "[" + nl + "  ")

    if isinstance(tree, Token):
        yield token(tree, "\n")
        return
    out: list[str] = [rule(tree, "\n")]
    add = out.append
    # the nodes open: (children, next index, newline of a child, text after the last)
    stack = [(tree.children, 0, "\n  ", "\n ]\n}")] if tree.children else []
    types: dict[str, str] = {}
    # per newline: the pieces of a token's text around its values
    templates: dict[str, tuple[str, ...]] = {}
    while stack:
        children, i, nl, close = stack.pop()
        pieces = templates.get(nl)
        if pieces is None:
            k = nl + " "
            pieces = templates[nl] = (k, "," + nl, f'{{{k}"token": ', f',{k}"text": ', f',{k}"line": ',
                                      f',{k}"column": ', nl + "}")
        k, sep, a, b, c, d, e = pieces
        n = len(children)
        while i < n:
            if len(out) >= _BATCH:
                yield "".join(out)
                out.clear()
            child = children[i]
            if i:
                add(sep)
            i += 1
            kind = child.__class__
            if kind is LineToken or kind is RenderedToken:
                line, column = child.line, child.column
                if line.__class__ is int and column.__class__ is int:
                    name = types.get(child.type)
                    if name is None:
                        name = types[child.type] = value(child.type)
                    if kind is LineToken:
                        add(f"{a}{name}{b}{encode_basestring(child)}{c}{line}{d}{column}{e}")
                        continue
                    rendering = getattr(child, "rendering", None)
                    if rendering is not None:
                        add(f"{a}{name}{b}{encode_basestring(child)}{c}{line}{d}{column}"
                            f"{html(rendering, child, k)}{e}")
                        continue
            if isinstance(child, Tree):
                add(rule(child, nl))
                if child.children:
                    stack.append((children, i, nl, close))
                    stack.append((child.children, 0, k + " ", k + "]" + nl + "}"))
                    break
                continue
            add(token(child, nl))
        else:
            add(close)
    yield "".join(out)


def iter_text(tree: Tree | Token) -> Iterator[str]:
    """:func:`to_text` in pieces, made as they are given."""
    out: list[str] = []
    add = out.append
    if isinstance(tree, Token):
        yield f"{tree.type} {_where(tree)}: {_repr(tree)}\n"
        return
    add(f"{tree.data}\n")
    stack = [(tree.children, 0, "  ")]
    while stack:
        children, i, pad = stack.pop()
        n = len(children)
        while i < n:
            if len(out) >= _BATCH:
                yield "".join(out)
                out.clear()
            child = children[i]
            i += 1
            kind = child.__class__
            if kind is LineToken:
                line = child.line
                if line is not None:
                    add(f"{pad}{child.type} {line}: {str.__repr__(child)}\n")
                else:
                    add(f"{pad}{child.type} -: {str.__repr__(child)}\n")
            elif kind is RenderedToken and child.line is not None and getattr(child, "rendering", None) is not None:
                rendering = child.rendering
                html_line, html_column = rendering.line_col(_rendered_start(rendering, child))
                add(f"{pad}{child.type} {child.line} [html {html_line}:{html_column}]: {str.__repr__(child)}\n")
            elif isinstance(child, Token):
                add(f"{pad}{child.type} {_where(child)}: {_repr(child)}\n")
            else:
                add(f"{pad}{child.data}\n")
                if child.children:
                    stack.append((children, i, pad))
                    stack.append((child.children, 0, pad + "  "))
                    break
    yield "".join(out)


def _where(tok: Token) -> str:
    """A token's line and, for a rendered one, its place in the HTML; '-'
    without a line."""
    return "-" if tok.line is None else f"{tok.line}{_html_place(tok)}"


def _repr(tok: Token) -> str:
    """repr of a token's text."""
    return str.__repr__(tok) if isinstance(tok, LineToken) else repr(tok.value)


def to_text(tree: Tree) -> str:
    """An indented outline: rules by name, tokens as ``TYPE line: 'text'``."""
    return "".join(iter_text(tree))


def to_rich(tree: Tree, title: str | None = None):
    """A rich Tree; every label is a Text, so filing text is never markup."""
    from rich.text import Text
    from rich.tree import Tree as RichTree

    from . import plain

    root = RichTree(Text(plain(title or tree.data), style="bold"))

    def walk(t, parent) -> None:
        for c in t.children:
            if isinstance(c, Token):
                label = Text()
                label.append(f"{c.type} ", style="cyan" if c.type != "UNMATCHED" else "bold red")
                label.append(f"{c.line}{_html_place(c)}: " if c.line is not None else "-: ", style="dim")
                label.append(repr(c.value))
                parent.add(label)
            else:
                style = "bold red" if c.data == "unmatched" else "bold green"
                walk(c, parent.add(Text(c.data, style=style)))

    walk(tree, root)
    return root


# rich's tree guides (its default, for a UTF-8 console): space, continue, fork, end
_GUIDES = ("    ", "\u2502   ", "\u251c\u2500\u2500 ", "\u2514\u2500\u2500 ")
_ASCII_GUIDES = ("    ", "|   ", "+-- ", "`-- ")


def iter_rich_plain(tree: Tree, title: str | None = None, ascii_only: bool = False,
                    lines: bool = True) -> Iterator[str]:
    """The rich tree of :func:`to_rich` as lines of plain text, one node a
    line, made as they are written: what rich prints where it shows no style,
    except that a long label is never wrapped.  A tree of any size streams in
    constant memory beyond the tree itself (rich lays out the whole tree
    first, which for 200,000 nodes takes minutes).  With ``lines=False`` the
    lines come joined in pieces of thousands (the same text)."""
    from . import plain

    space, cont, fork, end = _ASCII_GUIDES if ascii_only else _GUIDES
    yield plain(title or tree.data) + "\n"
    out: list[str] = []
    add = out.append
    batch = _BATCH if not lines else 1
    # a stack of (children, next index, prefix of their lines)
    stack = [(tree.children, 0, "")]
    # (a repr shows every control character as an escape: plain() of one
    # is itself, so a line's text is not translated)
    types: dict[str, str] = {}
    names: dict[str, str] = {}
    while stack:
        children, i, prefix = stack.pop()
        n = len(children)
        fork_prefix = prefix + fork
        while i < n:
            if len(out) >= batch:
                yield "".join(out)
                out.clear()
            c = children[i]
            i += 1
            guide = fork_prefix if i < n else prefix + end
            kind = c.__class__
            if kind is LineToken:
                head = types.get(c.type)
                if head is None:
                    head = types[c.type] = plain(c.type) + " "
                line = c.line
                if line is not None:
                    add(f"{guide}{head}{line}: {str.__repr__(c)}\n")
                else:
                    add(f"{guide}{head}-: {str.__repr__(c)}\n")
            elif kind is RenderedToken and c.line is not None and getattr(c, "rendering", None) is not None:
                head = types.get(c.type)
                if head is None:
                    head = types[c.type] = plain(c.type) + " "
                rendering = c.rendering
                html_line, html_column = rendering.line_col(_rendered_start(rendering, c))
                add(f"{guide}{head}{c.line} [html {html_line}:{html_column}]: {str.__repr__(c)}\n")
            elif isinstance(c, Token):
                add(f"{guide}{plain(c.type)} {_where(c)}: {_repr(c)}\n")
            else:
                name = names.get(c.data)
                if name is None:
                    name = names[c.data] = plain(c.data)
                add(f"{guide}{name}\n")
                if c.children:
                    stack.append((children, i, prefix))
                    stack.append((c.children, 0, prefix + (space if i == n else cont)))
                    break
    if out:
        yield "".join(out)
