"""What the grammar expected, in words a filer understands.

The parser records, for each line it could not place, the line kinds
(terminals of grammar/filing.lark) it would have accepted there
(``tree.expected``).  This module turns those names into phrases such as
"an item heading or the signature block".
"""

from __future__ import annotations

from typing import Iterable

# (line kinds, phrase), in the order phrases are listed
_PHRASES: tuple[tuple[frozenset, str], ...] = tuple((frozenset(k), p) for k, p in (
    (("TEXT",), "body text"),
    (("ITEM_HEADING",), "an item heading"),
    (("SIGNATURE_HEADING", "SIGNATURE_LEGEND"), "the signature block"),
    (("EXHIBIT_INDEX_HEADING",), "an exhibit index"),
    (("EXHIBIT_HEADING",), "an exhibit"),
    (("FORM_TITLE",), "the FORM 8-K title"),
    (("DATE_CAPTION", "NAME_CAPTION", "ID_CAPTION", "ADDRESS_CAPTION", "PHONE_CAPTION",
      "FORMER_CAPTION"), "a cover page field"),
    (("HEADER_FIELD",), "a header field (`KEY: value`)"),
    (("HEADER_ROLE",), "a party (`FILER:`)"),
    (("HEADER_GROUP",), "a group (`COMPANY DATA:`)"),
    (("SEC_HEADER_CLOSE",), "the end of the header (`</SEC-HEADER>`)"),
    (("TEXT_CLOSE",), "the end of the document text (`</TEXT>`)"),
    (("DOCUMENT_CLOSE",), "`</DOCUMENT>`"),
    (("DOCUMENT_OPEN",), "a new `<DOCUMENT>`"),
    (("TYPE_8K", "TYPE_OTHER"), "a `<TYPE>` line"),
    (("SEQUENCE", "FILENAME", "DESCRIPTION"), "a `<SEQUENCE>`, `<FILENAME>` or `<DESCRIPTION>` line"),
    (("TEXT_OPEN",), "`<TEXT>`"),
    (("SEC_DOCUMENT_OPEN",), "`<SEC-DOCUMENT>`"),
    (("SEC_HEADER_OPEN",), "the SEC header (`<SEC-HEADER>`)"),
    (("ACCEPTANCE_DATETIME",), "`<ACCEPTANCE-DATETIME>`"),
    (("SEC_DOCUMENT_CLOSE",), "`</SEC-DOCUMENT>`"),
    (("PEM_FIELD",), "a PEM header field"),
    (("PEM_END",), "the end of the PEM message"),
))

MAX_PHRASES = 5


def expected_phrases(kinds: Iterable[str]) -> list[str]:
    kinds = set(kinds)
    return [phrase for names, phrase in _PHRASES if names & kinds]


def join_or(phrases: list[str]) -> str:
    if not phrases:
        return ""
    if len(phrases) > MAX_PHRASES:
        phrases = phrases[:MAX_PHRASES - 1] + ["another section"]
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " or " + phrases[-1]


def expected_words(kinds: Iterable[str]) -> str:
    """'an item heading or the signature block' ('' when nothing but layout
    lines, such as blank lines, was expected)."""
    return join_or(expected_phrases(kinds))
