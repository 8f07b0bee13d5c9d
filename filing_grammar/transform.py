"""Stage 4: parse tree -> records.

This module dispatches each node of the tree to its reader and assembles the
:class:`~filing_grammar.records.Filing`; the readers, one per part of the form,
are in filing_grammar/read/:

    sec_header, tag_header, document_8k, document   read/envelope.py
    cover_page                                      read/cover.py (+ cover_sections.py, xbrl.py)
    item                                            read/items.py
    signature                                       read/signature.py
    exhibit_index (or the list under Item 9.01)     read/exhibits.py

An HTML document's form is the ``form_8k`` under its ``rendering`` node
(parser.py); it is read like any other, and its records point into the HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lark import Token, Tree

from . import cache
from .form import FORM_NAME, normalise_form_type
from .parser import ParseResult
from .read.cover import read_cover
from .read.envelope import read_document, read_sec_header, read_tag_header
from .read.exhibits import read_exhibit_index, read_item_exhibits
from .read.items import item_is_inapplicable_list, read_item, split_combined_item
from .read.signature import read_signature
from .read.xbrl import complete_cover, read_facts
from .records import Cover, Document, ExhibitRef, Filing, Item, SecHeader, Signature, Span, Unmatched
from .lexer import RunToken
from .tree import RENDERING, form_tokens, line_at, line_text, rendering_of, span_at, span_of, tree_tokens

__all__ = ["to_filing", "unmatched_of"]

# A bare document names its form in one of its first lines ("FORM 10-K").
FORM_NAME_LINES = 300


@dataclass
class _Form:
    """What one ``form_8k`` node gives."""

    cover: Cover | None = None
    items: list[tuple[Item, Tree]] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    exhibit_index: list[ExhibitRef] | None = None
    html: bool = False


def _read_form(node: Tree, html: bool) -> _Form:
    form = _Form(html=html)
    for child in node.children:
        if not isinstance(child, Tree):
            continue
        if child.data == "cover_page":
            form.cover = read_cover(child)
        elif child.data == "item":
            form.items.append((read_item(child), child))
        elif child.data == "signature":
            form.signatures.append(read_signature(child))
        elif child.data == "exhibit_index":
            form.exhibit_index = (form.exhibit_index or []) + read_exhibit_index(child)
    return form


@dataclass
class _Parts:
    """What the walk of the tree collects, before the Filing is assembled."""

    headers: list[SecHeader] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    forms: list[_Form] = field(default_factory=list)
    html_start: Span | None = None
    rendering: object | None = None  # of the first HTML document


# The nodes that hold other parts, and what the readers make of the others.
_CONTAINERS = frozenset({"start", "envelope", "sec_document", "submission", "unparsed"})
_HTML_TAG = cache.compile(r"(?i)<(?:html|body|div|p|font)[\s>]")
_HTML_TAG_IN_RUN = cache.compile(r"(?i)<(?:html|body|div|p|font)(?:[^\S\n]|>)")  # (within a line)


def _collect(node: Tree, parts: _Parts, html: bool = False) -> None:
    for child in node.children:
        if not isinstance(child, Tree):
            continue
        kind = child.data
        if kind == "sec_header":
            parts.headers.append(read_sec_header(child))
        elif kind == "tag_header":
            parts.headers.append(read_tag_header(child))
        elif kind in ("document_8k", "document"):
            parts.documents.append(read_document(child))
            _collect(child, parts, html)
        elif kind == "form_8k":
            parts.forms.append(_read_form(child, html))
        elif kind == "html_text":
            if parts.html_start is None:
                parts.html_start = _html_start(child)
            before = len(parts.forms)
            for sub in child.children:
                if isinstance(sub, Tree) and sub.data == RENDERING:
                    if parts.rendering is None:
                        parts.rendering = rendering_of(sub)
                    _collect(sub, parts, True)
            if len(parts.forms) == before:
                parts.forms.append(_Form(html=True))  # an HTML document with no form in it
        elif kind in _CONTAINERS:
            _collect(child, parts, html)


def _html_start(node: Tree) -> Span | None:
    """Where an HTML document's markup begins: its first <html>, <body>,
    <div>, <p> or <font> tag (else its first line)."""
    lines = [t for t in node.children if isinstance(t, Token)]
    for run in lines:  # (a run of lines is searched whole, then its line read)
        found = _HTML_TAG_IN_RUN.search(run)
        if found is None:
            continue
        tok = line_at(run, found.start())
        m = _HTML_TAG.search(line_text(tok))
        if m:
            end = line_text(tok).find(">", m.start())
            return span_at(tok, m.start(), end + 1 if end != -1 else m.end())
    return span_of([line_at(t, 0) for t in lines[:1]])


def _unmatched(tokens: list[Token]) -> list[Unmatched]:
    """Runs of consecutive UNMATCHED lines, one record per run."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if tok.type != "UNMATCHED":
            continue
        if runs and (runs[-1][-1].end_line or 0) + 1 == tok.line:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return [Unmatched(run[0].line or 0, run[-1].end_line or run[-1].line or 0,
                      "".join(run).rstrip("\n"), span_of(run)) for run in runs]


def _form_name(tree: Tree) -> str | None:
    """The form a bare document names in its first lines ("FORM 10-K"); for
    an HTML document, in the first lines of its rendering."""
    seen = 0
    for tok in _form_lines(tree):
        if tok.type in ("HTML_LINE", "BLANK", "LEADING_BLANK") or not tok:
            continue
        m = FORM_NAME.fullmatch(line_text(tok))
        if m:
            return normalise_form_type(m.group(1))
        seen += 1
        if seen >= FORM_NAME_LINES:
            break
    return None


def _form_lines(tree: Tree):
    """form_tokens, runs as their lines; a run of HTML lines left whole (its
    lines are all skipped)."""
    for tok in form_tokens(tree, lines=False):
        if isinstance(tok, RunToken) and tok.type != "HTML_LINE":
            yield from tok.lines()
        else:
            yield tok


def _form_type(parts: _Parts, form: _Form | None, tree: Tree) -> str | None:
    """The header says it; else the first document's <TYPE>; else the cover's
    FORM 8-K line; else the form a bare document names."""
    header = parts.headers[0] if parts.headers else None
    if header and header.submission_type:
        return header.submission_type
    if parts.documents and parts.documents[0].type:
        return parts.documents[0].type
    if form is not None and form.cover is not None and form.cover.form_title:
        m = cache.search(r"8-K[0-9A-Z]*(?:\s*/\s*A)?", form.cover.form_title, re.I)
        return m.group().replace(" ", "").upper() if m else "8-K"
    name = _form_name(tree)
    if name:
        return name
    if form is not None and form.items:
        return "8-K"
    return None


def _exhibits(form: _Form) -> tuple[list[ExhibitRef], str | None, list[ExhibitRef]]:
    """The exhibit index, else the lists under the items; which it was; and
    the lists under the items (to compare with the index)."""
    listed: list[ExhibitRef] = []
    for item, node in form.items:
        listed.extend(read_item_exhibits(item, node))
    if form.exhibit_index:
        return form.exhibit_index, "index", listed
    return listed, ("item" if listed else None), listed


def _unparsed(tree: Tree) -> bool:
    """Did the parser fall back to a tree of lines (parser._fallback)?"""
    return tree.data == "start" and bool(tree.children) and isinstance(tree.children[0], Tree) \
        and tree.children[0].data == "unparsed"


def unmatched_of(parsed: ParseResult | Tree) -> tuple[Unmatched, ...]:
    """The runs of UNMATCHED lines of a parse (``Filing.unmatched``), without
    reading the records (``tree`` exits 1 on them)."""
    # The parser records what it expected at each line it made UNMATCHED; a
    # parse with none of them (nearly every filing) has no UNMATCHED line,
    # unless it fell back to an unparsed tree: the tokens need no walk then.
    # A tree alone comes without that record.
    tree = parsed if isinstance(parsed, Tree) else parsed.tree
    if not isinstance(parsed, Tree) and not parsed.expected and not _unparsed(tree):
        return ()
    return tuple(_unmatched(tree_tokens(tree, lines=False)))  # (a run holds no UNMATCHED line)


def to_filing(parsed: ParseResult | Tree, path: str | None = None) -> Filing:
    """Build the :class:`Filing` record of a parse (a tree alone will do)."""
    unmatched = unmatched_of(parsed)
    if isinstance(parsed, Tree):
        parsed = ParseResult(parsed)
    tree = parsed.tree
    unparsed = _unparsed(tree)
    missing = tuple((t.type, t.line) for t in parsed.inserted)
    if unparsed:
        return Filing(path=path, unmatched=unmatched, missing=missing)
    parts = _Parts()
    _collect(tree, parts)
    form = parts.forms[0] if parts.forms else None
    form_type = _form_type(parts, form, tree)
    is_8k = bool(form_type and form_type.upper().startswith("8-K")) or (
        form_type is None and form is not None and bool(form.items))
    xbrl, xbrl_spans = read_facts(parts.rendering)
    common = dict(path=path, form_type=form_type, sec_header=parts.headers[0] if parts.headers else None,
                  documents=tuple(parts.documents), unmatched=unmatched, missing=missing, is_8k=is_8k,
                  text_span=parts.html_start, xbrl=xbrl, xbrl_spans=xbrl_spans)
    if form is None:
        return Filing(**common)
    cover = form.cover
    if cover is not None and xbrl:
        cover = complete_cover(cover, parts.rendering)
    amendment = None
    if (form_type or "").upper().endswith("/A") or (cover and cover.amendment_number) \
            or (cover and cover.form_title and cache.search(r"/\s*A\b", cover.form_title)):
        amendment = {"number": cover.amendment_number if cover else None,
                     "purpose": cover.explanatory_note if cover else None}
    exhibits, source, item_exhibits = _exhibits(form)
    return Filing(
        **common,
        amendment=amendment,
        cover=cover,
        items=tuple(part for item, _ in form.items if not item_is_inapplicable_list(item)
                    for part in split_combined_item(item)),
        signature=form.signatures[0] if form.signatures else None,
        exhibit_index=tuple(exhibits),
        exhibit_source=source,
        item_exhibits=tuple(item_exhibits),
        is_html=form.html,
    )
