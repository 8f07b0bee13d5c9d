"""Reading values printed on the form: dates, phone numbers, identifiers.

These are the pieces a context-free grammar does not say: what date
"September 30, 2002" is, or whether "95-4449516" is an IRS number.
"""

from __future__ import annotations

import datetime as _dt
import re

from . import cache
from .form import POSTAL_STATES

__all__ = ["find_date", "to_iso", "header_date", "PHONE", "IRS", "FILE_NUMBER", "ZIP", "misprinted_zip", "collapse",
           "is_placeholder", "without_final_period", "has_digit"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"

# "September 30, 2002", "Sept. 30,2002", "March 1 2004".  (A month's first
# letter looked at first: the twelve months were tried at every place, issue 12)
_DATE_MDY = cache.compile(r"(?=[jfmasond])" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)\b", re.I)
# "30 September 2002", "8th day of January, 2025"
_DATE_DMY = cache.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
# "09/30/2002", "9-30-02"
_DATE_NUM = cache.compile(r"\b(?P<month>\d{1,2})[/-](?P<day>\d{1,2})[/-](?P<year>(?:19|20)?\d\d)\b")
_DIGIT = cache.compile(r"\d")

PHONE = cache.compile(r"(?:\+\d{1,3}[\s.\-]*)?(?:\(\s*\d{3}\s*\)|\b\d{3})[\s.\-/]*\d{3}[\s.\-]+\d{4}\b")
IRS = cache.compile(r"^\d{2}\s?-\s?\d{7}$|^\d{9}$")
FILE_NUMBER = cache.compile(r"^(?:No\.\s*)?(?:\d{1,3}-\d{3,6}(?:-\d{1,3})?|\d{3}-\d{2,5}-\d{2,3})$")


def has_digit(text: str) -> bool:
    """Does ``text`` hold a digit (``\\d``: a Unicode decimal)?  IRS and
    FILE_NUMBER need one: a word without is not tried against them (issue 12)."""
    return _DIGIT.search(text) is not None


# US ZIP (+4), Canadian and UK postal codes, at the end of an address line
ZIP = cache.compile(r"(?<!Box )(?<!BOX )\b\d{5}(?:-\d{4})?$|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d$"
                 r"|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}$")


# A US address ends in its state and ZIP code ("Calabasas, California 91302",
# "Boston, MA 02110-1234", the ZIP in a column of its own).  A number printed
# there that is not five digits or ZIP+4 is a ZIP code misprinted.
_STATE_THEN_NUMBER = cache.compile(
    r"(?:^|[\s,])(?:(?i:" + "|".join(sorted(POSTAL_STATES, key=len, reverse=True)).replace(" ", r"\s+")
    + r")|" + "|".join(sorted(set(POSTAL_STATES.values()))) + r")\.?,?\s+(?P<zip>\d[\d -]*\d)\s*$")

# A state's name is at most this many words ("district of columbia") ...
_STATE_WORDS = max(len(name.split()) for name in POSTAL_STATES)
# ... and what may follow it to the end of the line: a full stop, a comma,
# blanks, the number (digits, blanks, hyphens), in ASCII.
_AFTER_STATE = " \t\n\r\f\v.,-0123456789"


def misprinted_zip(text: str) -> re.Match | None:
    """The number after a US state at the end of an address line, when it is
    not a ZIP code (``91302``, ``91302-1234``, ``02110 - 1234``)."""
    end = text.rstrip()
    if not end or not end[-1].isdecimal():
        # (no number at the end, the pattern's \d ... \s*$: the long
        # search through the states' names is not run, issue 12)
        return None
    # (the state's words, at most _STATE_WORDS, end where the run of blanks,
    # digits and punctuation at the end of the line starts: searched from
    # there, not from every blank of the line, issue 12; a run that ends in a
    # blank or digit outside ASCII is searched from the start)
    head = text.rstrip(_AFTER_STATE)
    words = head.rsplit(None, _STATE_WORDS)
    outside = head and (head[-1].isspace() or head[-1].isdecimal())
    m = _STATE_THEN_NUMBER.search(text, len(words[0]) if len(words) > _STATE_WORDS and not outside else 0)
    if m is None:
        return None
    digits = cache.sub(r"\s*-\s*", "-", m.group("zip"))
    if cache.fullmatch(r"\d{5}(?:-\d{4})?|\d{9}", digits) or " " in digits:
        return None
    return m


# What a filer prints where a field has no value: "N/A", "Not Applicable",
# "None", a dash or a rule ("—", "___").  A field that holds one is empty.
_PLACEHOLDER = cache.compile(
    r"(?i)\(?\s*(?:n\s*/\s*a|n\.?\s*a\.?|not\s+applicable|inapplicable|none|[-_\u2010-\u2015]+)\s*\.?\s*\)?")


def is_placeholder(text: str, ticker: bool = False) -> bool:
    """Is ``text`` what is printed for no value ("N/A", "Not applicable.",
    "None", "—")?  ``ticker``: the text is a trading symbol, where "NA" may
    be one."""
    text = text.strip()
    return _PLACEHOLDER.fullmatch(text) is not None and not (ticker and text.upper() == "NA")


# Abbreviations a name or description may end with, whose full stop is part
# of the words ("... and Protagenic Therapeutics, Inc.").
_ABBREVIATION_END = cache.compile(
    r"(?i)(?:^|[\s,(])(?:inc|co|cos|corp|ltd|jr|sr|bros|assn|intl|mfg|no|nos|etc"
    r"|l\.\s?p|l\.\s?l\.\s?c|l\.\s?l\.\s?p|n\.\s?a|s\.\s?a|n\.\s?v|b\.\s?v|u\.\s?s)\.$")
# How far from the end a match of it starts, at most: a separator, "l. l. p",
# the full stop and a newline (11); where it is searched from (issue 12: the
# whole description was searched, the pattern tried at every blank).
_ABBREVIATION_TAIL = 12


def without_final_period(text: str) -> str:
    """``text`` without its closing full stop (and the spaces around it),
    unless that stop ends an abbreviation ("Inc.", "Co.", "L.P.")."""
    text = text.rstrip(" ")
    # (no full stop at the end, the pattern's \.$: no search, issue 12)
    if (text.endswith(".") or text.endswith(".\n")) and \
            _ABBREVIATION_END.search(text, max(0, len(text) - _ABBREVIATION_TAIL)):
        return text
    return text.rstrip(" .")


def collapse(text: str) -> str:
    """Whitespace runs to one space, ends trimmed; a number broken at a hyphen
    over two lines ("Series 2003-" / "55") is joined again."""
    text = " ".join(text.split())
    if "- " not in text:  # (nearly always: no broken number to join)
        return text
    return cache.sub(r"(\d-) (\d)", r"\1\2", text)


def to_iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key[:4] if key.startswith("sept") else key[:3], 0)


def find_date(text: str) -> tuple[str | None, re.Match | None]:
    """The first date printed in ``text``: (ISO date or None if impossible, match)."""
    if not has_digit(text):  # (each pattern needs a digit: most lines searched have none, issue 12)
        return None, None
    best = None
    for pattern in (_DATE_MDY, _DATE_DMY, _DATE_NUM):
        m = pattern.search(text)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None, None
    month = best.group("month")
    month_no = int(month) if month.isdecimal() else _month_number(month)
    year = int(best.group("year"))
    if year < 100:
        year += 1900 if year > 50 else 2000
    return to_iso(year, month_no, int(best.group("day"))), best


def header_date(value: str) -> str | None:
    """SEC header dates are YYYYMMDD."""
    value = value.strip()
    if cache.fullmatch(r"\d{8}", value):
        return to_iso(int(value[:4]), int(value[4:6]), int(value[6:]))
    return None
