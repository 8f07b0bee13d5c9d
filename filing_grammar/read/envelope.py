"""The EDGAR envelope: the SEC header (``KEY:<TAB>value`` lines, or the
``<TAG>value`` form of <SUBMISSION> archives) and each <DOCUMENT>'s tags.

Each reader takes its node of the tree (grammar/filing.lark, section 1) and
returns its record."""

from __future__ import annotations

from lark import Token, Tree

from ..form import HEADER_KEYS, TAG_KEYS
from ..records import Document, HeaderFiler, SecHeader
from ..tree import span_of, tree_tokens
from ..values import header_date

__all__ = ["read_sec_header", "read_tag_header", "read_document"]

# The roles of a party block that name the registrant: FILER; without one,
# the SUBJECT COMPANY (or, on ownership forms, the ISSUER).
_REGISTRANT_ROLES = ("FILER",)
_FALLBACK_ROLES = ("SUBJECT COMPANY", "ISSUER")


def _key_values(tokens) -> list[tuple[str, str, int]]:
    """(KEY, value, line) of HEADER_FIELD tokens."""
    out = []
    for tok in tokens:
        if isinstance(tok, Token) and tok.type == "HEADER_FIELD":
            key, _, value = tok.partition(":")  # (a token is its text: not read through LineToken.value)
            out.append((key.strip().lstrip("]").strip(), value.strip(), tok.line or 0))
    return out


def _party(node: Tree) -> HeaderFiler:
    """A FILER: / SUBJECT COMPANY: block and its groups (COMPANY DATA: ...)."""
    role = node.children[0].value.strip().rstrip(":").strip()
    tokens = tree_tokens(node)
    return HeaderFiler(role=role, span=span_of(tokens), **_filer_values(_key_values(tokens)))


def read_sec_header(node: Tree) -> SecHeader:
    """``sec_header``: the key-value header of a full submission."""
    fields = tuple(_key_values(c for c in node.children if isinstance(c, Token)))
    parties = [_party(c) for c in node.children if isinstance(c, Tree) and c.data == "party"]
    filers = ([p for p in parties if p.role in _REGISTRANT_ROLES]
              or [p for p in parties if p.role in _FALLBACK_ROLES])
    return SecHeader(fields=fields, filers=tuple(filers), span=span_of(tree_tokens(node)),
                     **_header_values(fields))


def _tag_pairs(children, groups: bool = True) -> list[tuple[str, str, int]]:
    """(KEY, value, line) of TAG_FIELD lines (also inside groups), keys spelled
    as in the key-value form."""
    out = []
    for c in children:
        if isinstance(c, Token) and c.type == "TAG_FIELD":
            name, _, value = c.value.strip()[1:].partition(">")
            out.append((TAG_KEYS.get(name, name.replace("-", " ")), value.strip(), c.line or 0))
        elif groups and isinstance(c, Tree) and c.data == "tag_group":
            out.extend(_tag_pairs(c.children))
    return out


def _group_name(node: Tree) -> str:
    return node.children[0].value.strip()[1:-1]


def read_tag_header(node: Tree) -> SecHeader:
    """``tag_header``: <ACCESSION-NUMBER>..., <FILER> <COMPANY-DATA> ... groups."""
    fields = tuple(_tag_pairs(node.children, groups=False))
    filers = tuple(HeaderFiler(role=_group_name(c), **_filer_values(_tag_pairs(c.children)))
                   for c in node.children
                   if isinstance(c, Tree) and c.data == "tag_group" and _group_name(c) in _REGISTRANT_ROLES)
    return SecHeader(fields=fields, filers=filers,
                     span=span_of([c for c in node.children if isinstance(c, Token)]), **_header_values(fields))


def _header_values(fields) -> dict:
    out: dict = {"item_information": []}
    for key, value, _ in fields:
        name = HEADER_KEYS.get(key)
        if name in ("period_of_report", "filed_as_of_date"):
            out[name] = header_date(value) or value or None
        elif name == "item_information":
            if value:  # an empty line names no item
                out[name].append(value)
        elif name:
            out[name] = value
    out["item_information"] = tuple(out["item_information"])
    return out


# KEY of a party's block -> HeaderFiler field
_FILER_KEYS = {
    "COMPANY CONFORMED NAME": "name", "CENTRAL INDEX KEY": "cik",
    "STATE OF INCORPORATION": "state_of_incorporation", "IRS NUMBER": "irs_number", "EIN": "irs_number",
    "FISCAL YEAR END": "fiscal_year_end",
}


def _filer_values(pairs) -> dict:
    """The first value of each key: a party run on by a stray tag of the 2000
    headers (``<REPORTING-OWNER>``) does not overwrite it."""
    out: dict = {}
    seen: set[str] = set()
    for key, value, _ in pairs:
        if key in seen:
            continue
        seen.add(key)
        if key in _FILER_KEYS:
            out[_FILER_KEYS[key]] = value
    return out


# The tags of a document read into its record.
_DOCUMENT_TAGS = frozenset({"TYPE_8K", "TYPE_OTHER", "SEQUENCE", "FILENAME", "DESCRIPTION"})


def read_document(node: Tree) -> Document:
    """``document_8k`` / ``document``: <TYPE>, <SEQUENCE>, <FILENAME>, <DESCRIPTION>."""
    tokens = [c for c in node.children if isinstance(c, Token)]
    values: dict = {"type": None, "sequence": None, "filename": None, "description": None}
    type_line = None
    for c in tokens:
        if c.type not in _DOCUMENT_TAGS:
            continue
        value = c.partition(">")[2].strip()  # (a token is its text: not read through LineToken.value)
        if c.type in ("TYPE_8K", "TYPE_OTHER"):
            values["type"] = value or None
            type_line = c.line
        elif c.type == "SEQUENCE":
            values["sequence"] = int(value) if value.isdecimal() else None
        else:
            values[c.type.lower()] = value or None
    return Document(line=tokens[0].line or 0, span=span_of(tokens), type_line=type_line, **values)
