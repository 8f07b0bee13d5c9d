"""The parse tree as JSON, plain text, or a rich tree.

A token of an HTML document's rendering (under a ``rendering`` node) shows
its line in the rendering and, in brackets, where it came from in the HTML:
``TEXT 17 [html 8:4693]``.
"""

from __future__ import annotations

from typing import Any

from lark import Token, Tree

from ..tree import span_of


def _html_place(tok: Token) -> str:
    """' [html LINE:COLUMN]' for a token of a rendering, else ''."""
    if getattr(tok, "rendering", None) is None or tok.line is None:
        return ""
    span = span_of([tok])
    return f" [html {span.line}:{span.column}]" if span else ""


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


def to_text(tree: Tree) -> str:
    """An indented outline: rules by name, tokens as ``TYPE line: 'text'``."""
    out: list[str] = []

    def walk(t, depth: int) -> None:
        pad = "  " * depth
        if isinstance(t, Token):
            where = t.line if t.line is not None else "-"
            out.append(f"{pad}{t.type} {where}{_html_place(t)}: {t.value!r}")
            return
        out.append(f"{pad}{t.data}")
        for c in t.children:
            walk(c, depth + 1)

    walk(tree, 0)
    return "\n".join(out) + "\n"


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


def iter_rich_plain(tree: Tree, title: str | None = None, ascii_only: bool = False):
    """The rich tree of :func:`to_rich` as lines of plain text, one node a
    line, made as they are written: what rich prints where it shows no style,
    except that a long label is never wrapped.  A tree of any size streams in
    constant memory beyond the tree itself (rich lays out the whole tree
    first, which for 200,000 nodes takes minutes)."""
    from . import plain

    space, cont, fork, end = _ASCII_GUIDES if ascii_only else _GUIDES
    yield plain(title or tree.data) + "\n"
    # a stack of (children, next index, prefix of their lines)
    stack = [(tree.children, 0, "")]
    while stack:
        children, i, prefix = stack[-1]
        if i == len(children):
            stack.pop()
            continue
        stack[-1] = (children, i + 1, prefix)
        c = children[i]
        last = i == len(children) - 1
        guide = end if last else fork
        if isinstance(c, Token):
            where = f"{c.line}{_html_place(c)}: " if c.line is not None else "-: "
            yield f"{prefix}{guide}{plain(c.type)} {where}{plain(repr(c.value))}\n"
        else:
            yield f"{prefix}{guide}{plain(c.data)}\n"
            stack.append((c.children, 0, prefix + (space if last else cont)))
