"""JSON text exactly as ``json.dumps(value, indent=N, ensure_ascii=...)``
writes it, several times faster.

The command line indents its JSON for people (records, trees, SARIF logs).
Python's ``json`` uses its C encoder only without an indent; with one it runs
the pure-Python encoder, a generator per level of nesting, which took 15 of
the 20 seconds of ``check --format sarif`` on a filing of 20,000 items (issue
12).  :func:`write` makes the same text with one recursive function over the
plain JSON types (dict with string keys, list, tuple, str, int, float, bool,
None) and ``json``'s own C string encoder.  Any other value (a subclass, a
type ``json`` would refuse) is handed to ``json`` itself at that place, its
lines indented to where it stands, so the text is always ``json``'s own, and
a value ``json`` refuses raises what ``json`` raises.  tests/test_jsontext.py
compares the two on generated values.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Callable

__all__ = ["write", "dumps"]

_CHUNK = 1 << 14  # pieces gathered before the sink is called


def _float(value: float) -> str:
    """A float as ``json`` writes it (allow_nan: NaN and the infinities as
    JavaScript names them)."""
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def write(value: object, sink: Callable[[str], object], indent: int = 2, ensure_ascii: bool = False) -> None:
    """Call ``sink`` with the text of ``json.dumps(value, indent=indent,
    ensure_ascii=ensure_ascii)``, in pieces, in order."""
    string = encode_basestring_ascii if ensure_ascii else encode_basestring
    step = " " * indent
    parts: list[str] = []
    add = parts.append
    fallback = None

    def other(item: object, newline: str) -> None:
        nonlocal fallback
        if fallback is None:
            fallback = json.JSONEncoder(indent=indent, ensure_ascii=ensure_ascii)
        add(fallback.encode(item).replace("\n", newline))

    def encode(item: object, newline: str) -> None:
        kind = type(item)
        if kind is str:
            add(string(item))
        elif kind is dict:
            if not item:
                add("{}")
                return
            if not all(type(k) is str for k in item):
                other(item, newline)
                return
            inner = newline + step
            add("{" + inner)
            first = True
            for key, val in item.items():
                if first:
                    first = False
                else:
                    add("," + inner)
                add(string(key))
                add(": ")
                encode(val, inner)
            add(newline + "}")
            if len(parts) > _CHUNK:
                sink("".join(parts))
                parts.clear()
        elif kind is list or kind is tuple:
            if not item:
                add("[]")
                return
            inner = newline + step
            add("[" + inner)
            first = True
            for val in item:
                if first:
                    first = False
                else:
                    add("," + inner)
                encode(val, inner)
            add(newline + "]")
            if len(parts) > _CHUNK:
                sink("".join(parts))
                parts.clear()
        elif kind is int:
            add(int.__repr__(item))
        elif item is None:
            add("null")
        elif item is True:
            add("true")
        elif item is False:
            add("false")
        elif kind is float:
            add(_float(item))
        else:
            other(item, newline)

    encode(value, "\n")
    if parts:
        sink("".join(parts))


def dumps(value: object, indent: int = 2, ensure_ascii: bool = False) -> str:
    """``json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)``."""
    out: list[str] = []
    write(value, out.append, indent, ensure_ascii)
    return "".join(out)
