"""The records a filing is read into: plain dataclasses, one module.

``Filing.to_dict()`` gives the JSON record documented in the README; every key
is always present, a value the filing does not give is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Span", "HeaderFiler", "SecHeader", "Cover", "Item", "Signature", "ExhibitRef",
    "Document", "Unmatched", "Filing", "CHECKBOX_KEYS",
]


CHECKBOX_KEYS = ("written_communications", "soliciting_material", "pre_commencement_14d2b",
                 "pre_commencement_13e4c")


@dataclass(frozen=True)
class Span:
    """A stretch of the decoded text: 1-based lines and columns, end inclusive
    for lines and exclusive for columns; ``start``/``end`` are offsets."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0


@dataclass
class HeaderFiler:
    name: str | None = None
    cik: str | None = None
    state_of_incorporation: str | None = None
    irs_number: str | None = None
    fiscal_year_end: str | None = None
    role: str = "FILER"
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "cik": self.cik,
            "state_of_incorporation": self.state_of_incorporation,
            "irs_number": self.irs_number,
            "fiscal_year_end": self.fiscal_year_end,
        }


@dataclass
class SecHeader:
    accession_number: str | None = None
    submission_type: str | None = None
    period_of_report: str | None = None
    filed_as_of_date: str | None = None
    item_information: list[str] = field(default_factory=list)
    filers: list[HeaderFiler] = field(default_factory=list)
    # every KEY: value line, in order, as (key, value, line)
    fields: list[tuple[str, str, int]] = field(default_factory=list)
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "accession_number": self.accession_number,
            "submission_type": self.submission_type,
            "period_of_report": self.period_of_report,
            "filed_as_of_date": self.filed_as_of_date,
            "item_information": list(self.item_information),
            "filers": [f.to_dict() for f in self.filers],
        }


@dataclass
class Cover:
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
    span: Span | None = None
    # where each field was found (field name -> span), for diagnostics
    spans: dict[str, Span] = field(default_factory=dict)
    # the date of report as printed, when it could not be read as a date
    date_text: str | None = None
    # 2004+ boxes: written_communications, soliciting_material,
    # pre_commencement_14d2b, pre_commencement_13e4c -> True/False (None: no box)
    checkboxes: dict[str, bool | None] = field(default_factory=lambda: dict.fromkeys(CHECKBOX_KEYS))
    emerging_growth_company: bool | None = None
    # 2019+ Section 12(b) table: {"title", "trading_symbol", "exchange"} (+ "registrant")
    securities_12b: list[dict[str, str | None]] = field(default_factory=list)
    # further registrants of a combined cover: {"name", "state_of_incorporation",
    # "commission_file_number", "irs_employer_id", "address", "telephone"}
    co_registrants: list[dict[str, str | None]] = field(default_factory=list)
    # "(Amendment No. 1)" and the explanatory note of an 8-K/A, as printed
    amendment_number: str | None = None
    explanatory_note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date_of_report": self.date_of_report,
            "registrant_name": self.registrant_name,
            "registrant_description": self.registrant_description,
            "state_of_incorporation": self.state_of_incorporation,
            "commission_file_number": self.commission_file_number,
            "irs_employer_id": self.irs_employer_id,
            "address": self.address,
            "zip_code": self.zip_code,
            "telephone": self.telephone,
            "former_name": self.former_name,
            "checkboxes": dict(self.checkboxes),
            "emerging_growth_company": self.emerging_growth_company,
            "securities_12b": [dict(r) for r in self.securities_12b],
            "co_registrants": [dict(r) for r in self.co_registrants],
        }


@dataclass
class Item:
    number: str | None
    title: str | None
    text: str
    line: int
    span: Span | None = None
    heading: str = ""  # the heading line(s) as printed
    numbers: list[str] = field(default_factory=list)  # "Items 5 and 7." lists two
    combined: bool = False  # one of several items under one heading ("Items 1.01 and 5.02 ...")

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "title": self.title, "text": self.text, "line": self.line}


@dataclass
class Signature:
    registrant: str | None = None
    signer: str | None = None
    title: str | None = None
    date: str | None = None
    span: Span | None = None
    date_text: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"registrant": self.registrant, "signer": self.signer, "title": self.title,
                "date": self.date}


@dataclass
class ExhibitRef:
    number: str
    description: str | None
    page: str | None = None
    line: int = 0
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "description": self.description, "page": self.page}


@dataclass
class Document:
    type: str | None
    sequence: int | None
    filename: str | None
    description: str | None
    line: int
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "sequence": self.sequence, "filename": self.filename,
                "description": self.description, "line": self.line}


@dataclass
class Unmatched:
    line: int
    end_line: int
    text: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "end_line": self.end_line, "text": self.text}


@dataclass
class Filing:
    path: str | None = None
    form_type: str | None = None
    sec_header: SecHeader | None = None
    cover: Cover | None = None
    items: list[Item] = field(default_factory=list)
    signature: Signature | None = None
    exhibit_index: list[ExhibitRef] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    # zero-width tags the parser inserted, as (tag kind, line)
    missing: list[tuple[str, int | None]] = field(default_factory=list)
    is_8k: bool = True
    # where exhibit_index came from: "index" (its own section), "item" or None
    exhibit_source: str | None = None
    # 8-K/A: {"number": "1" | None, "purpose": text | None}; None if not an amendment
    amendment: dict[str, str | None] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "form_type": self.form_type,
            "amendment": dict(self.amendment) if self.amendment else None,
            "sec_header": self.sec_header.to_dict() if self.sec_header else None,
            "cover": (self.cover or Cover()).to_dict(),
            "items": [i.to_dict() for i in self.items],
            "signature": (self.signature or Signature()).to_dict(),
            "exhibit_index": [e.to_dict() for e in self.exhibit_index],
            "documents": [d.to_dict() for d in self.documents],
            "unmatched": [u.to_dict() for u in self.unmatched],
        }
