"""The records a filing is read into: immutable dataclasses, one module.

Each record is a frozen dataclass; sequences are tuples.  ``to_dict()`` (one
generic function for every record) gives the JSON record documented in the
README: every key is always present, a value the filing does not give is
``None``.  Fields that say *where* a value was read (spans) or that serve the
checks only are left out of the JSON: they carry ``metadata={"json": False}``.
The JSON keys come out in the order the fields are declared.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Mapping

__all__ = [
    "Span", "deferred_span", "HeaderFiler", "SecHeader", "Cover", "Item", "Signature", "ExhibitRef",
    "Document", "Unmatched", "Filing", "CHECKBOX_KEYS", "to_dict",
]


CHECKBOX_KEYS = ("written_communications", "soliciting_material", "pre_commencement_14d2b",
                 "pre_commencement_13e4c")

_INTERNAL = MappingProxyType({"json": False})  # a field left out of the JSON record


def _internal(default: Any = None, factory: Any = None) -> Any:
    if factory is not None:
        return field(default_factory=factory, metadata=_INTERNAL, repr=False, compare=False)
    return field(default=default, metadata=_INTERNAL, repr=False, compare=False)


def _json(value: Any) -> Any:
    kind = type(value)
    if kind is str or value is None or kind is int or kind is bool or kind is float:
        return value  # (most values: no test of record, sequence or mapping)
    if kind is tuple:
        return [_json(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return to_dict(value)
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _json(v) for k, v in value.items()}
    return value


# Per record class, its JSON fields: (name, factory of the empty record a None
# stands for, or None); fields() and the metadata look-ups once per class, not
# once per record (a filing of 100,000 items has 100,000 of them).
_JSON_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _json_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    plan = _JSON_FIELDS.get(cls)
    if plan is None:
        plan = _JSON_FIELDS[cls] = tuple((f.name, f.metadata.get("empty")) for f in fields(cls)
                                         if f.metadata.get("json", True))
    return plan


def to_dict(record: Any) -> dict[str, Any]:
    """The JSON form of any record: its public fields, in declaration order,
    nested records and tuples converted; a record field that is ``None`` and
    declares ``metadata={"empty": Type}`` gives ``Type()``'s dict (every key
    present, all ``None``)."""
    out: dict[str, Any] = {}
    for name, empty in _json_fields(type(record)):
        value = getattr(record, name)
        if value is None and empty is not None:
            value = empty()
        out[name] = _json(value)
    return out


class _Record:
    """Mix-in: the generic ``to_dict``."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Span:
    """A stretch of the decoded text: 1-based lines and columns, end inclusive
    for lines and exclusive for columns; ``start``/``end`` are offsets.  For a
    value read from an HTML document's rendering, the span is in the HTML
    source (see filing_grammar/source/html.py), not in the rendering."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0


def _deferred_field(index: int) -> property:
    return property(lambda self: self._resolved()[index])


class DeferredSpan(Span):
    """A :class:`Span` worked out when one of its fields is first read.

    A value read from an HTML document's rendering points into the HTML, and
    finding where costs the rendered line's anchors (source/html.py), about
    a quarter of reading an HTML 8-K's records; ``parse`` never reads a span,
    only the checks and the renderers do (issue 12).  ``resolve`` returns
    the Span; it is called at most once, and dropped (with the rendering it
    holds) once called.  A DeferredSpan equals, hashes, prints, copies and
    pickles as the Span it stands for."""

    def __init__(self, resolve: Any) -> None:  # (not Span's: no field is known yet)
        object.__setattr__(self, "_resolve", resolve)

    def _resolved(self) -> tuple[int, int, int, int, int, int]:
        values = self.__dict__.get("_values")
        if values is None:
            span = self.__dict__["_resolve"]()
            values = (span.line, span.column, span.end_line, span.end_column, span.start, span.end)
            object.__setattr__(self, "_values", values)
            del self.__dict__["_resolve"]
        return values

    line = _deferred_field(0)
    column = _deferred_field(1)
    end_line = _deferred_field(2)
    end_column = _deferred_field(3)
    start = _deferred_field(4)
    end = _deferred_field(5)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self._resolved() == (other.line, other.column, other.end_line, other.end_column,
                                        other.start, other.end)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(Span(*self._resolved()))

    def __repr__(self) -> str:
        return repr(Span(*self._resolved()))

    def __reduce__(self):
        return Span, self._resolved()


def deferred_span(resolve: Any) -> DeferredSpan:
    """``DeferredSpan(resolve)``, made without a call of its ``__init__``
    (an HTML 8-K makes some fifty: issue 12)."""
    span = object.__new__(DeferredSpan)
    span.__dict__["_resolve"] = resolve
    return span


@dataclass(frozen=True)
class HeaderFiler(_Record):
    """A filer (or subject company) of the SEC header."""

    name: str | None = None
    cik: str | None = None
    state_of_incorporation: str | None = None
    irs_number: str | None = None
    fiscal_year_end: str | None = None
    role: str = _internal("FILER")
    span: Span | None = _internal()


@dataclass(frozen=True)
class SecHeader(_Record):
    """The EDGAR <SEC-HEADER> (or <SUBMISSION> tags) of a submission."""

    accession_number: str | None = None
    submission_type: str | None = None
    period_of_report: str | None = None
    filed_as_of_date: str | None = None
    item_information: tuple[str, ...] = ()
    filers: tuple[HeaderFiler, ...] = ()
    # every KEY: value line, in order, as (key, value, line)
    fields: tuple[tuple[str, str, int], ...] = _internal(())
    span: Span | None = _internal()


@dataclass(frozen=True)
class Cover(_Record):
    """The cover page of the 8-K: its fields, where each was read, where each caption is."""

    date_of_report: str | None = None
    registrant_name: str | None = None
    registrant_description: str | None = None
    state_of_incorporation: str | None = None
    commission_file_number: str | None = None
    irs_employer_id: str | None = None
    address: str | None = None
    zip_code: str | None = None
    telephone: str | None = None
    former_name: str | None = None
    # 2004+ boxes: written_communications, soliciting_material,
    # pre_commencement_14d2b, pre_commencement_13e4c -> True/False (None: no box)
    checkboxes: Mapping[str, bool | None] = field(default_factory=lambda: dict.fromkeys(CHECKBOX_KEYS))
    emerging_growth_company: bool | None = None
    # 2019+ Section 12(b) table: {"title", "trading_symbol", "exchange"} (+ "registrant")
    securities_12b: tuple[Mapping[str, str | None], ...] = ()
    # further registrants of a combined cover: {"name", "state_of_incorporation",
    # "commission_file_number", "irs_employer_id", "address", "telephone"}
    co_registrants: tuple[Mapping[str, str | None], ...] = ()
    span: Span | None = _internal()
    # where each field's value was read (field name -> span)
    spans: Mapping[str, Span] = _internal(factory=dict)
    # where each field's caption is (field name -> span), for fields with one
    captions: Mapping[str, Span] = _internal(factory=dict)
    # where a value should stand but the filing left it blank: the empty cell
    # over a caption (field name -> span)
    blanks: Mapping[str, Span] = _internal(factory=dict)
    # where something was printed for a value that could not be read as one
    # (a garbled date near its caption)
    unread: Mapping[str, Span] = _internal(factory=dict)
    # the FORM 8-K title line
    form_title: str | None = _internal()
    form_title_span: Span | None = _internal()
    # the date of report as printed, when it could not be read as a date
    date_text: str | None = _internal()
    # a second date printed in parentheses beside or under the date of report:
    # the date of the earliest event reported (ISO)
    event_date: str | None = _internal()
    # "(Amendment No. 1)" and the explanatory note of an 8-K/A, as printed
    amendment_number: str | None = _internal()
    explanatory_note: str | None = _internal()


@dataclass(frozen=True)
class Item(_Record):
    """One item of the 8-K: number(s), title, text, where the number and the title are."""

    number: str | None
    title: str | None
    text: str
    line: int
    span: Span | None = _internal()
    heading: str = _internal("")  # the heading line(s) as printed
    numbers: tuple[str, ...] = _internal(())  # "Items 5 and 7." lists two
    combined: bool = _internal(False)  # one of several items under one heading
    # where each number is printed on the heading line (normalised number -> span)
    number_spans: Mapping[str, Span] = _internal(factory=dict)
    # where the title is printed
    title_span: Span | None = _internal()


@dataclass(frozen=True)
class Signature(_Record):
    """The signature block: registrant, signer, title, date, where each was read."""

    registrant: str | None = None
    signer: str | None = None
    title: str | None = None
    date: str | None = None
    span: Span | None = _internal()
    date_text: str | None = _internal()
    spans: Mapping[str, Span] = _internal(factory=dict)
    # the first line of text of the block (its heading or legend)
    head: Span | None = _internal()


@dataclass(frozen=True)
class ExhibitRef(_Record):
    """One exhibit named by the exhibit index (or Item 7 / 9.01)."""

    number: str
    description: str | None
    page: str | None = None
    line: int = _internal(0)
    span: Span | None = _internal()
    # where the number is printed, and the footnote mark after it ("2.1*")
    number_span: Span | None = _internal()
    mark: str | None = _internal()
    parenthesised: bool = _internal(False)  # "(1) ..." style
    run: int = _internal(0)  # which list of its section: prose between entries starts the next


@dataclass(frozen=True)
class Document(_Record):
    """One <DOCUMENT> of the submission."""

    type: str | None
    sequence: int | None
    filename: str | None
    description: str | None
    line: int
    span: Span | None = _internal()
    type_line: int | None = _internal()  # the line of its <TYPE> tag


@dataclass(frozen=True)
class Unmatched(_Record):
    """Lines the grammar could not place."""

    line: int
    end_line: int
    text: str
    span: Span | None = _internal()


@dataclass(frozen=True)
class Filing(_Record):
    """The record of one filing: envelope, cover, items, signature, exhibits."""

    path: str | None = None
    form_type: str | None = None
    # 8-K/A: {"number": "1" | None, "purpose": text | None}; None if not an amendment
    amendment: Mapping[str, str | None] | None = None
    sec_header: SecHeader | None = None
    cover: Cover | None = field(default=None, metadata={"empty": Cover})
    items: tuple[Item, ...] = ()
    signature: Signature | None = field(default=None, metadata={"empty": Signature})
    exhibit_index: tuple[ExhibitRef, ...] = ()
    documents: tuple[Document, ...] = ()
    unmatched: tuple[Unmatched, ...] = ()
    # Inline XBRL (2019 on): the dei: facts tagged in the 8-K document, name ->
    # values in document order ({"dei:EntityFileNumber": ["001-33099"], ...});
    # None for a document that tags none
    xbrl: Mapping[str, tuple[str, ...]] | None = None
    # where each of those values is tagged (name -> spans, in the same order)
    xbrl_spans: Mapping[str, tuple[Span, ...]] = _internal(factory=dict)
    # zero-width tags the parser inserted, as (tag kind, line)
    missing: tuple[tuple[str, int | None], ...] = _internal(())
    is_8k: bool = _internal(True)
    # where exhibit_index came from: "index" (its own section), "item" or None
    exhibit_source: str | None = _internal()
    # with an exhibit index: the list under Item 7 / Item 9.01 too, to compare
    item_exhibits: tuple[ExhibitRef, ...] = _internal(())
    # the 8-K document is HTML (its form was read from the text rendering)
    is_html: bool = _internal(False)
    # where the 8-K document's text begins (its HTML, for an HTML document)
    text_span: Span | None = _internal()
