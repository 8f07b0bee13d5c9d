"""filing-grammar: SEC Form 8-K filings read by a formal grammar.

See README.md; the grammar is grammar/filing.lark.
"""

from .api import (
    ParseResult, load, loads, parse, parse_bytes, parse_file, parse_source, parse_tree, read_source, to_filing,
    tokenize, tree_text,
)
from .records import (
    Cover, Document, ExhibitRef, Filing, HeaderFiler, Item, SecHeader, Signature, Span, Unmatched,
)

__version__ = "0.1.0"

__all__ = [
    "parse", "parse_file", "parse_bytes", "check_bytes", "parse_tree", "parse_source", "load", "loads",
    "read_source", "tokenize", "to_filing", "tree_text", "ParseResult",
    "Filing", "Cover", "Item", "Signature", "ExhibitRef", "Document", "Span", "SecHeader",
    "HeaderFiler", "Unmatched", "__version__",
]


def __getattr__(name: str):
    # check_bytes needs the checks, which ``import filing_grammar`` does not
    # load until asked
    if name == "check_bytes":
        from .bulk import check_bytes
        return check_bytes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
