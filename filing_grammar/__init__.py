"""filing-grammar: SEC Form 8-K filings read by a formal grammar.

See README.md; the grammar is grammar/filing.lark.

The API (``parse``, ``parse_file``, ``Filing`` ...) is loaded on first use:
``import filing_grammar`` alone costs nothing much, so that the command line
(``filing-grammar --help``, ``rules``) and tools that only want a record class
do not pay for the parser and its readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import cache as _cache

__version__ = "0.1.0"

_cache.fast_dataclasses()  # before any module of the package makes its dataclasses

_API = ("parse", "parse_file", "parse_bytes", "parse_tree", "parse_source", "load", "loads",
        "read_source", "tokenize", "to_filing", "tree_text", "ParseResult")
_RECORDS = ("Filing", "Cover", "Item", "Signature", "ExhibitRef", "Document", "Span", "SecHeader",
            "HeaderFiler", "Unmatched")

__all__ = [*_API, "check_bytes", *_RECORDS, "__version__"]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .api import (
        ParseResult, load, loads, parse, parse_bytes, parse_file, parse_source, parse_tree, read_source,
        to_filing, tokenize, tree_text,
    )
    from .records import (
        Cover, Document, ExhibitRef, Filing, HeaderFiler, Item, SecHeader, Signature, Span, Unmatched,
    )


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api as module
    elif name == "check_bytes":  # needs the checks
        from . import bulk as module
    elif name in _RECORDS:
        from . import records as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value  # once: later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
