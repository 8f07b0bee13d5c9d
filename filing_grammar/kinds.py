"""The line kinds: the terminals the lexer (lexer.py) emits and the grammar
(grammar/filing.lark) declares, the vocabulary the two stages share."""

from __future__ import annotations

__all__ = ["LINE_KINDS"]

# Every line kind the lexer can emit, for %declare in the grammar and docs.
LINE_KINDS = (
    # envelope
    "PEM_BEGIN", "PEM_FIELD", "PEM_END", "SEC_DOCUMENT_OPEN", "SEC_DOCUMENT_CLOSE",
    "SEC_HEADER_OPEN", "SEC_HEADER_CLOSE", "ACCEPTANCE_DATETIME",
    "HEADER_ROLE", "HEADER_GROUP", "HEADER_FIELD", "HEADER_TAG",
    "SUBMISSION_OPEN", "SUBMISSION_CLOSE", "TAG_FIELD", "TAG_GROUP_OPEN", "TAG_GROUP_CLOSE",
    "DOCUMENT_OPEN", "DOCUMENT_CLOSE", "TYPE_8K", "TYPE_OTHER", "SEQUENCE", "FILENAME",
    "DESCRIPTION", "TEXT_OPEN", "TEXT_CLOSE", "UUENCODED", "HTML_LINE", "FLAWED", "LEADING_BLANK", "OPAQUE",
    # layout furniture
    "BLANK", "PAGE", "PAGE_NUMBER", "RULE", "TABLE_TAG",
    # cover page
    "UNITED_STATES", "COMMISSION", "WASHINGTON", "FORM_TITLE", "CURRENT_REPORT", "PURSUANT",
    "EXCHANGE_ACT", "DATE_CAPTION", "NAME_CAPTION", "ID_CAPTION", "ADDRESS_CAPTION",
    "PHONE_CAPTION", "FORMER_CAPTION", "REGISTRANTS_CAPTION", "CHECKBOX", "CHECKBOX_INTRO",
    "SECURITIES_12B_INTRO", "EGC_INTRO", "AMENDMENT",
    # items, signature, exhibits
    "CONTENTS", "ITEM_HEADING", "SECTION_HEADING", "SIGNATURE_HEADING", "SIGNATURE_LEGEND", "BY_LINE",
    "NAME_LINE", "TITLE_LINE", "DATE_LINE", "REGISTRANT_CAPTION", "EXHIBIT_INDEX_HEADING",
    "EXHIBIT_HEADING", "EXHIBIT_ENTRY",
    # anything else
    "TEXT",
)
