"""The public API, shaped like the ``json`` module, with each stage exposed.

    >>> import filing_grammar as fg
    >>> filing = fg.parse_file("samples/000_baa583cdd3fdc5f0.txt")
    >>> filing.cover.registrant_name
    'CWMBS, INC.'

Stages, each usable on its own:
``read_source`` (bytes -> Source) -> ``tokenize`` (text -> line tokens) ->
``parse_tree`` (text -> ParseResult: the lossless tree, what the grammar
expected where it could not place a line, the tags it inserted) ->
``to_filing`` (ParseResult -> Filing).
"""

from __future__ import annotations

import errno
import os
import stat
from typing import IO

from lark import Tree

from .lexer import tokenize
from .parser import ParseResult, parse_source as _parse
from .records import Filing
from .source import Source
from .transform import to_filing
from .tree import tree_tokens

__all__ = ["parse", "parse_file", "parse_bytes", "parse_tree", "parse_source", "load", "loads", "read_source",
           "tokenize", "to_filing", "tree_text", "ParseResult"]


def read_source(data: bytes | str, path: str | None = None) -> Source:
    """Decode (UTF-8, else cp1252, else latin-1) and normalise newlines."""
    if isinstance(data, bytes):
        return Source.from_bytes(data, path)
    return Source.from_text(data, path)


def parse_tree(text: str | bytes | Source) -> ParseResult:
    """The lossless parse tree of a filing, in a :class:`ParseResult`
    (``tree_text(result.tree)`` gives back the decoded, newline-normalised
    text).  An HTML document's node holds the form read from its rendering."""
    src = text if isinstance(text, Source) else read_source(text)
    return _parse(src)


def tree_text(tree: Tree | ParseResult) -> str:
    """Concatenate a tree's tokens: the text it was parsed from."""
    if isinstance(tree, ParseResult):
        tree = tree.tree
    return "".join(tree_tokens(tree, lines=False))


def parse_source(src: Source) -> tuple[ParseResult, Filing]:
    """Parse a :class:`Source`: its parse and its records."""
    parsed = _parse(src)
    return parsed, to_filing(parsed, src.path)


def parse(text: str | bytes, path: str | None = None) -> Filing:
    """Parse a filing's text (or bytes) into a :class:`Filing` record."""
    return parse_source(read_source(text, path))[1]


loads = parse


def parse_bytes(data: bytes | str, name: str | None = None) -> dict:
    """The JSON record of a filing's bytes (what ``parse`` prints for it),
    ``name`` as its ``path``: a pure function of its arguments, picklable, for
    a map over many filings (Dask, Spark, multiprocessing; see README, "At
    scale").  Any bytes give a record; nothing is read from disk.  For the
    diagnostics, :func:`filing_grammar.check_bytes`."""
    return parse_source(read_source(data, name))[1].to_dict()


def parse_file(path: str | os.PathLike) -> Filing:
    """Read and parse a file.  Raises ``OSError`` if it cannot be read, or if
    it is not a regular file (a FIFO or a device would block or never end)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
        data = fh.read()
    return parse(data, os.fspath(path))


def load(fp: IO) -> Filing:
    """Parse an open file (text or binary), like ``json.load``."""
    data = fp.read()
    return parse(data, getattr(fp, "name", None))
