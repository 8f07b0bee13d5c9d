"""The shapes of envelope lines, for the lexer (filing_grammar/lexer.py):
EDGAR's tags (<DOCUMENT>, <TYPE> ...), the ``KEY: value`` lines of an SEC
header and the ``<TAG>value`` lines of a tag header."""

from __future__ import annotations

import re

from . import cache

__all__ = ["classify_header", "classify_tag_header"]

# --------------------------------------------------------------------------
# Envelope tags: only recognised at the very start of a line (EDGAR always
# starts structural tags in column 1).
# --------------------------------------------------------------------------
_ENVELOPE = cache.compile(
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
    | (?P<FLAWED><FLAWED>\s*$)
    | (?P<SUBMISSION_OPEN><SUBMISSION>\s*$)
    | (?P<SUBMISSION_CLOSE></SUBMISSION>\s*$)
    """,
    re.VERBOSE,
)

# --------------------------------------------------------------------------
# Header lines (inside <SEC-HEADER>): KEY:<TAB>value, nested by TABs.
# Roles open a party block, groups open a block inside a party.  Matching by
# name, not by indentation, because some 2000 headers indent one TAB too many.
# --------------------------------------------------------------------------
_HEADER_ROLE = cache.compile(
    r"\s*(FILER|SUBJECT COMPANY|FILED BY|REPORTING-OWNER|ISSUER|GROUP MEMBERS?)\s*:\s*$"
)
_HEADER_GROUP = cache.compile(
    r"\s*(COMPANY DATA|FILING VALUES|BUSINESS ADDRESS|MAIL ADDRESS|FORMER COMPANY|"
    r"OWNER DATA|REPORTING-OWNER RELATIONSHIP|FORMER NAME)\s*:\s*$"
)
# A leading "]" is the tail of a value EDGAR split over two lines in 2000
# ("STANDARD INDUSTRIAL CLASSIFICATION:\t[3281" / "]\t\tIRS NUMBER: ...").
_HEADER_FIELD = cache.compile(r"\]?\s*[A-Z][A-Z0-9 ()/&.,'-]*:")
# Stray group tags (</COMPANY-DATA>, </FILER>) that EDGAR left in key-value
# headers of September-October 2000.
# Form 4-era headers also carry <RELATIONSHIP>DIRECTOR lines.
_HEADER_TAG = cache.compile(r"\s*</?[A-Z][A-Z0-9-]*>")

# The angle-bracket form of the header (<SUBMISSION> archives, the
# dissemination feed): <TAG>value lines; group tags open and close blocks.
_TAG_GROUPS = frozenset({
    "FILER", "COMPANY-DATA", "FILING-VALUES", "BUSINESS-ADDRESS", "MAIL-ADDRESS",
    "FORMER-COMPANY", "SUBJECT-COMPANY", "FILED-BY", "REPORTING-OWNER", "OWNER-DATA",
    "ISSUER", "DEPOSITOR", "SECURITIZER", "SERIES-AND-CLASSES-CONTRACTS-DATA",
    "EXISTING-SERIES-AND-CLASSES-CONTRACTS", "SERIES", "CLASS-CONTRACT", "MERGER",
    "MERGER-SERIES-AND-CLASSES-CONTRACTS", "ACQUIRING-DATA", "TARGET-DATA", "NEW-SERIES-AND-CLASSES-CONTRACTS",
    "NEW-SERIES", "NEW-CLASSES-CONTRACTS", "FORMER-NAME",
})
_MAX_TAG_DEPTH = 20
_TAG_LINE = cache.compile(r"<(/?)([A-Z][A-Z0-9-]*)>(.*)$")


def classify_tag_header(line: str) -> str:
    """The kind of one line of a <SUBMISSION> tag header (no newline)."""
    if not line.strip():
        return "BLANK"
    m = _TAG_LINE.match(line.strip())
    if m is None:
        return "TEXT"
    closing, name, value = m.groups()
    if name in _TAG_GROUPS and not value.strip():
        return "TAG_GROUP_CLOSE" if closing else "TAG_GROUP_OPEN"
    return "TEXT" if closing else "TAG_FIELD"


# The four in one match, tried in this order (a match takes the first
# alternative that matches: the kind four matches one after another give, in
# one call; most lines of a header are HEADER_FIELD, the last).  The group of
# a role or a group name made non-capturing: the kind is the named group.
_HEADER_LINE = cache.compile("|".join(
    f"(?P<{kind}>{pattern})" for kind, pattern in (
        ("HEADER_TAG", _HEADER_TAG.pattern),
        ("HEADER_ROLE", _HEADER_ROLE.pattern.replace(r"\s*(", r"\s*(?:", 1)),
        ("HEADER_GROUP", _HEADER_GROUP.pattern.replace(r"\s*(", r"\s*(?:", 1)),
        ("HEADER_FIELD", _HEADER_FIELD.pattern))))


def classify_header(line: str) -> str:
    """The kind of one line inside <SEC-HEADER> (no newline)."""
    if not line.strip():
        return "BLANK"
    m = _HEADER_LINE.match(line)
    if m is not None:
        return m.lastgroup  # type: ignore[return-value]
    m = _ENVELOPE.match(line)
    if m is not None:
        return m.lastgroup  # type: ignore[return-value]
    return "TEXT"
