"""Stage 2: the line classifier.

An 8-K is laid out in lines, so the lexer hands the parser one token per line
(the line *with* its newline), typed by the line's shape: ``ITEM_HEADING``,
``SIGNATURE_LEGEND``, ``BLANK`` ...  The grammar (grammar/filing.lark) decides
what a sequence of such lines means.  Classification never fails: a line of no
known shape is ``TEXT``.  Concatenating the tokens gives back the input exactly.

The lexer keeps only the state that a line's shape cannot tell:

* after ``-----BEGIN PRIVACY-ENHANCED MESSAGE-----`` and up to the first blank
  line, lines are PEM header fields (``PEM_FIELD``);
* between ``<SEC-HEADER>`` and ``</SEC-HEADER>`` lines are ``KEY: value``
  header lines (``HEADER_FIELD``, ``HEADER_ROLE``, ``HEADER_GROUP``), because
  "ITEM INFORMATION: Other events" would read as body text elsewhere;
* a uuencoded attachment (``begin 644 name`` ... ``end``) is one opaque
  ``UUENCODED`` token, since its bytes can look like anything.

Inside a PEM wrapper every line that began with ``-`` is dash-escaped as
``- -...``; such lines are classified by the text after the escape.
"""

from __future__ import annotations

import re
from typing import Iterator

from lark import Token
from lark.lexer import Lexer

__all__ = ["LineLexer", "tokenize", "LINE_KINDS", "MISSING_PREFIX"]

# Zero-width tokens the parser inserts for closing tags the filing left out.
MISSING_PREFIX = "missing:"

# --------------------------------------------------------------------------
# Envelope tags: only recognised at the very start of a line (EDGAR always
# starts structural tags in column 1).
# --------------------------------------------------------------------------
_ENVELOPE = re.compile(
    r"""
      (?P<PEM_BEGIN>-----BEGIN\ PRIVACY-ENHANCED\ MESSAGE-----\s*$)
    | (?P<PEM_END>-----END\ PRIVACY-ENHANCED\ MESSAGE-----\s*$)
    | (?P<SEC_DOCUMENT_OPEN><(?:SEC|IMS)-DOCUMENT>)
    | (?P<SEC_DOCUMENT_CLOSE></(?:SEC|IMS)-DOCUMENT>)
    | (?P<SEC_HEADER_OPEN><(?:SEC|IMS)-HEADER>)
    | (?P<SEC_HEADER_CLOSE></(?:SEC|IMS)-HEADER>)
    | (?P<ACCEPTANCE_DATETIME><ACCEPTANCE-DATETIME>)
    | (?P<DOCUMENT_OPEN><DOCUMENT>\s*$)
    | (?P<DOCUMENT_CLOSE></DOCUMENT>\s*$)
    | (?P<TYPE_8K><TYPE>\s*8-K)
    | (?P<TYPE_OTHER><TYPE>)
    | (?P<SEQUENCE><SEQUENCE>)
    | (?P<FILENAME><FILENAME>)
    | (?P<DESCRIPTION><DESCRIPTION>)
    | (?P<TEXT_OPEN><TEXT>\s*$)
    | (?P<TEXT_CLOSE></TEXT>\s*$)
    """,
    re.VERBOSE,
)

# --------------------------------------------------------------------------
# Header lines (inside <SEC-HEADER>): KEY:<TAB>value, nested by TABs.
# Roles open a party block, groups open a block inside a party.  Matching by
# name, not by indentation, because some 2000 headers indent one TAB too many.
# --------------------------------------------------------------------------
_HEADER_ROLE = re.compile(
    r"\s*(FILER|SUBJECT COMPANY|FILED BY|REPORTING-OWNER|ISSUER|GROUP MEMBERS?)\s*:\s*$"
)
_HEADER_GROUP = re.compile(
    r"\s*(COMPANY DATA|FILING VALUES|BUSINESS ADDRESS|MAIL ADDRESS|FORMER COMPANY|"
    r"OWNER DATA|REPORTING-OWNER RELATIONSHIP|FORMER NAME)\s*:\s*$"
)
_HEADER_FIELD = re.compile(r"\s*[A-Z][A-Z0-9 ()/&.,'-]*:")

# --------------------------------------------------------------------------
# Body lines, matched on the stripped line.  Order matters: the first
# alternative that matches wins.
# --------------------------------------------------------------------------
_SEP = r"[\s.:\-\u2013\u2014]*"  # what may stand between an item number and its title
_BODY = re.compile(
    r"""
      (?P<PAGE>.*(?i:</?PAGE>).*$)
    | (?P<TABLE_TAG></?(?:TABLE|CAPTION|S|C|FN|F\d+)>.*$)
    | (?P<RULE>(?:[-=_*~]\s*){3,}$)
    # "Item 5.  Other Events", "ITEM 2.02 RESULTS", "Items 5 and 7.", "Item 7(c)".
    # The title must start with a capital (prose such as "Item 9.01 of Form 8-K"
    # is body text), unless the heading lists further item numbers.
    # (\.{4} and not \.{4,}: the same lines, but linear on a long run of dots)
    | (?P<TOC_LINE>.*\.{4}\s*\d{0,4}$)
    | (?P<ITEM_HEADING>(?i:items?)\s+\d{1,2}(?:\.\d{1,2})?(?!\d|\.\d)(?:\s*\([a-z]\))?
          (?:""" + _SEP + r"""$
           |""" + _SEP + r"""(?:[A-Z0-9("'\[\u201c]|(?i:n/a))
           |\s*(?:,|and|through|to|&)\s*(?:items?\s+)?\d))
    | (?P<SECTION_HEADING>(?i:section)\s+\d{1,2}\s*[.:\-\u2013\u2014]\s*[A-Z].*$)
    | (?P<SIGNATURE_HEADING>(?i:signatures?|s\ ?i\ ?g\ ?n\ ?a\ ?t\ ?u\ ?r\ ?e\ ?s?)[.:]?$)
    | (?P<SIGNATURE_LEGEND>(?i:pursuant\s+to\s+the\s+requirements\s+of\s+(?:the\s+)?securities\s+(?:and\s+)?exchange\s+act
          |in\s+accordance\s+with\s+(?:the\s+requirements\s+of\s+)?(?:section\s+13|the\s+securities\s+exchange\s+act)))
    | (?P<EXHIBIT_INDEX_HEADING>(?i:exhibit\s+index|index\s+to\s+exhibits|exhibits?\s+index|index\s+of\s+exhibits|list\s+of\s+exhibits)[.:]?$)
    | (?P<EXHIBIT_HEADING>(?i:exhibit)\s+(?:(?i:no)\.?\s*)?\d{1,3}(?:\.\d{1,3})?[A-Za-z]?(?:\([a-z0-9]{1,4}\))?[.:]?$)
    | (?P<PAGE_NUMBER>(?:-\s*)?\d{1,3}(?:\s*-)?$|(?i:page)\s+\d{1,4}(?:\s+(?i:of)\s+\d{1,4})?$)
    | (?P<BY_LINE>(?i:by)(?:\s*:|\s)|/\s?[sS]\s?/)
    | (?P<NAME_LINE>(?i:name)\s*:)
    | (?P<TITLE_LINE>(?i:title|its)\s*:)
    | (?P<DATE_LINE>(?i:dated?)\s*:)
    | (?P<REGISTRANT_CAPTION>\((?i:registrant)\)$)
    | (?P<UNITED_STATES>(?i:united\s+states)$)
    | (?P<COMMISSION>(?i:securities\s+and\s+exchange\s+commission)$)
    | (?P<WASHINGTON>(?i:washington),?\s*(?i:d\.?\s*c\.?)\s*(?:\d{5})?$)
    | (?P<FORM_TITLE>(?i:form)\s+8-K[0-9A-Z]*(?:\s*/\s*A)?(?:\s+.{0,40})?$)
    | (?P<CURRENT_REPORT>(?i:current\s+report)\b.*$)
    | (?P<PURSUANT>(?i:pursuant\s+to\s+section\s+13\s+or\s+15\s*\(d\)).*$)
    | (?P<EXCHANGE_ACT>(?i:(?:of\s+)?(?:the\s+)?securities\s+exchange\s+act\s+of\s+1934)$)
    | (?P<CHECKBOX>(?:\[\s?[xX]?\s?\]|\u2610|\u2611|\u2612|\(\s?[xX]?\s?\)|[oq\u00a8]\s)\s*(?i:written|soliciting|pre-commencement|emerging|if\s+an\s+emerging).*$)
    | (?P<EXHIBIT_ENTRY>(?:(?i:exhibit)\s+)?(?:(?i:no)\.\s*)?\(?\d{1,3}(?:\.\d{1,3})?[A-Za-z]?(?:\([a-zA-Z0-9]{1,4}\))?\)?[.:]?\s+["'(\u201cA-Z].*$)
    """,
    re.VERBOSE,
)

# Cover-page captions, found anywhere in the line (they are often centred, or
# several sit side by side in one caption row).
_CAPTION = re.compile(
    r"""(?i)
      (?P<DATE_CAPTION>date\s+of\s+report|date\s+of\s+earliest\s+event|^\(?reported\)?\s*:?)
    | (?P<NAME_CAPTION>exact\s+name\s+of|name\s+of\s+registrant\s+as\s+specified)
    | (?P<PHONE_CAPTION>telephone\s+number)
    | (?P<FORMER_CAPTION>former\s+name|former\s+address)
    | (?P<ADDRESS_CAPTION>address\s+of\s+principal|principal\s+executive\s+offices|executive\s+offices\)|\(zip\s+code\)|^zip\s+code$|address\s+and\s*$)
    | (?P<ID_CAPTION>jurisdiction|commission\s+file|file\s+n(?:o\.|umber)|employer\s+identification|identification\s+n(?:o|umber)|i\.\s?r\.\s?s\.|\birs\s+employer
                    |^\(?state\s+(?:or|of)\b|^\(?incorporation\)?|^of\s+incorporation|^identification$|incorporation\s+or\s+organi[sz]ation)
    """,
    re.VERBOSE,
)

# Every caption holds one of these words; a cheap test before _CAPTION.
_CAPTION_WORDS = ("report", "name", "telephone", "former", "address", "zip", "executive",
                  "jurisdiction", "commission", "file", "employer", "identification", "r.s",
                  "irs", "state", "incorporation", "organi")

_UU_BEGIN = re.compile(r"begin [0-7]{3,4} \S")

# Every line kind the lexer can emit, for %declare in the grammar and docs.
LINE_KINDS = (
    # envelope
    "PEM_BEGIN", "PEM_FIELD", "PEM_END", "SEC_DOCUMENT_OPEN", "SEC_DOCUMENT_CLOSE",
    "SEC_HEADER_OPEN", "SEC_HEADER_CLOSE", "ACCEPTANCE_DATETIME",
    "HEADER_ROLE", "HEADER_GROUP", "HEADER_FIELD",
    "DOCUMENT_OPEN", "DOCUMENT_CLOSE", "TYPE_8K", "TYPE_OTHER", "SEQUENCE", "FILENAME",
    "DESCRIPTION", "TEXT_OPEN", "TEXT_CLOSE", "UUENCODED",
    # layout furniture
    "BLANK", "PAGE", "PAGE_NUMBER", "RULE", "TABLE_TAG",
    # cover page
    "UNITED_STATES", "COMMISSION", "WASHINGTON", "FORM_TITLE", "CURRENT_REPORT", "PURSUANT",
    "EXCHANGE_ACT", "DATE_CAPTION", "NAME_CAPTION", "ID_CAPTION", "ADDRESS_CAPTION",
    "PHONE_CAPTION", "FORMER_CAPTION", "CHECKBOX",
    # items, signature, exhibits
    "ITEM_HEADING", "SECTION_HEADING", "SIGNATURE_HEADING", "SIGNATURE_LEGEND", "BY_LINE",
    "NAME_LINE", "TITLE_LINE", "DATE_LINE", "REGISTRANT_CAPTION", "EXHIBIT_INDEX_HEADING",
    "EXHIBIT_HEADING", "EXHIBIT_ENTRY",
    # anything else
    "TEXT",
)


def classify_body(line: str) -> str:
    """The kind of one line of document text (no newline)."""
    stripped = line.strip()
    if not stripped:
        return "BLANK"
    if stripped.startswith("- ") and line.startswith("- "):  # PEM dash-escape
        stripped = stripped[2:].strip()
        if not stripped:
            return "TEXT"
    m = _BODY.match(stripped)
    if m is not None:
        kind = m.lastgroup
        return "TEXT" if kind == "TOC_LINE" else kind  # type: ignore[return-value]
    low = stripped.lower()
    if len(stripped) > 160 or not any(word in low for word in _CAPTION_WORDS):
        return "TEXT"
    m = _CAPTION.search(stripped)
    if m is not None:
        return m.lastgroup  # type: ignore[return-value]
    return "TEXT"


def classify_header(line: str) -> str:
    """The kind of one line inside <SEC-HEADER> (no newline)."""
    if not line.strip():
        return "BLANK"
    if _HEADER_ROLE.match(line):
        return "HEADER_ROLE"
    if _HEADER_GROUP.match(line):
        return "HEADER_GROUP"
    if _HEADER_FIELD.match(line):
        return "HEADER_FIELD"
    m = _ENVELOPE.match(line)
    if m is not None:
        return m.lastgroup  # type: ignore[return-value]
    return "TEXT"


def tokenize(text: str) -> Iterator[Token]:
    """Yield one positioned token per line of ``text`` (uuencode: per block)."""
    pos = 0
    line_no = 1
    n = len(text)
    mode = "body"  # body | pem | header
    find = text.find
    while pos < n:
        end = find("\n", pos)
        end = n if end == -1 else end + 1
        line = text[pos:end].rstrip("\n")
        kind = None
        lines_used = 1
        if line.startswith(("<", "-")):
            m = _ENVELOPE.match(line)
            if m is not None:
                kind = m.lastgroup
                if kind == "PEM_BEGIN":
                    mode = "pem"
                elif kind == "SEC_HEADER_OPEN":
                    mode = "header"
                elif kind == "SEC_HEADER_CLOSE":
                    mode = "body"
        if kind is None:
            if mode == "pem":
                if line.strip():
                    kind = "PEM_FIELD"
                else:
                    kind = "BLANK"
                    mode = "body"
            elif mode == "header":
                kind = classify_header(line)
            elif line.startswith("begin ") and _UU_BEGIN.match(line):
                # One token up to and including the closing "end" line; stop
                # short of </TEXT> if the attachment was cut off.
                kind = "UUENCODED"
                scan = end
                while scan < n:
                    nxt = find("\n", scan)
                    nxt = n if nxt == -1 else nxt + 1
                    body = text[scan:nxt].rstrip("\n")
                    if body.startswith("</TEXT>"):
                        break
                    scan = nxt
                    lines_used += 1
                    if body.rstrip() == "end":
                        break
                end = scan
            else:
                kind = classify_body(line)
        value = text[pos:end]
        last = value.rstrip("\n")
        yield _LineToken(
            kind, value, start_pos=pos, line=line_no, column=1,
            end_line=line_no + lines_used - 1 if lines_used > 1 else line_no,
            end_column=len(last) - last.rfind("\n"),  # 1 past the last character
            end_pos=end,
        )
        pos = end
        line_no += lines_used


class LineLexer(Lexer):
    """Lark adapter: lets ``Lark(..., lexer=LineLexer)`` use :func:`tokenize`."""

    def __init__(self, lexer_conf):  # noqa: D401 - Lark's signature
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state, parser_state):
        text = lexer_state.text
        yield from tokenize(getattr(text, "text", text))


class _LineToken(Token):
    """A line token that keeps its text once, not twice.

    ``lark.Token`` is a ``str`` that also stores its text in ``.value``, a
    second copy of every line; here ``.value`` is read from the token itself.
    The tokens of a filing take about a third less memory (see
    tests/hostile/test_scale.py); everything else is a ``Token`` as before.
    """

    __slots__ = ()

    @property
    def value(self) -> str:  # type: ignore[override]
        return str.__str__(self)

    @value.setter
    def value(self, _value: str) -> None:
        pass  # Token.__new__ sets it; the text is the token itself
