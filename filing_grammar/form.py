"""Facts about Form 8-K that the grammar does not encode: which items exist in
which era, their official titles and how they changed, and the keys of the
EDGAR header (shared/reference/form-8k.md).  Defined here once; the readers
and the checks import them.
"""

from __future__ import annotations

import functools
import re

from . import cache
from dataclasses import dataclass

__all__ = ["ItemDef", "NUMBERED", "DECIMAL", "DECIMAL_ERA_START", "item_def", "era_of",
           "normalise_number", "match_title", "title_key", "official_title_end", "official_title",
           "item_order_key", "OLD_TO_NEW", "TITLE_BEFORE", "EXHIBIT_ITEMS", "HEADER_KEYS", "TAG_KEYS",
           "ID_COLUMN_ROLES", "id_column_role", "SECTION_TITLES", "US_STATES", "POSTAL_STATES", "FORM_NAME", "normalise_form_type",
           "due_date", "is_business_day", "NO_DEADLINE", "DUE_BUSINESS_DAYS"]

# Release 33-8400: the decimal items replaced the numbered ones on this day.
DECIMAL_ERA_START = "2004-08-23"


@dataclass(frozen=True)
class ItemDef:
    """An item of the form: its number, official title, when it came in and went out, other names."""

    number: str
    title: str
    since: str | None = None  # first day the item exists (ISO), None: from the start
    until: str | None = None  # last day, None: still in force
    aliases: tuple[str, ...] = ()  # other titles seen in filings and headers


NUMBERED: tuple[ItemDef, ...] = (
    ItemDef("1", "Changes in Control of Registrant"),
    ItemDef("2", "Acquisition or Disposition of Assets"),
    ItemDef("3", "Bankruptcy or Receivership"),
    ItemDef("4", "Changes in Registrant's Certifying Accountant"),
    ItemDef("5", "Other Events", aliases=("Other Events and Regulation FD Disclosure",)),
    ItemDef("6", "Resignations of Registrant's Directors"),
    ItemDef("7", "Financial Statements, Pro Forma Financial Information and Exhibits",
            aliases=("Financial Statements and Exhibits",)),
    ItemDef("8", "Change in Fiscal Year"),
    ItemDef("9", "Regulation FD Disclosure",
            aliases=("Sales of Equity Securities Pursuant to Regulation S",)),
    ItemDef("10", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
            since="2003-01-01"),
    ItemDef("11", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
            since="2003-01-01"),
    ItemDef("12", "Results of Operations and Financial Condition", since="2003-03-28",
            aliases=("Disclosure of Results of Operations and Financial Condition",)),
)

DECIMAL: tuple[ItemDef, ...] = (
    ItemDef("1.01", "Entry into a Material Definitive Agreement"),
    ItemDef("1.02", "Termination of a Material Definitive Agreement"),
    ItemDef("1.03", "Bankruptcy or Receivership"),
    ItemDef("1.04", "Mine Safety - Reporting of Shutdowns and Patterns of Violations", since="2012-01-27"),
    ItemDef("1.05", "Material Cybersecurity Incidents", since="2023-12-18"),
    ItemDef("2.01", "Completion of Acquisition or Disposition of Assets"),
    ItemDef("2.02", "Results of Operations and Financial Condition"),
    ItemDef("2.03", "Creation of a Direct Financial Obligation or an Obligation under an "
                    "Off-Balance Sheet Arrangement of a Registrant"),
    ItemDef("2.04", "Triggering Events That Accelerate or Increase a Direct Financial Obligation "
                    "or an Obligation under an Off-Balance Sheet Arrangement"),
    ItemDef("2.05", "Costs Associated with Exit or Disposal Activities"),
    ItemDef("2.06", "Material Impairments"),
    ItemDef("3.01", "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or "
                    "Standard; Transfer of Listing"),
    ItemDef("3.02", "Unregistered Sales of Equity Securities"),
    ItemDef("3.03", "Material Modification to Rights of Security Holders"),
    ItemDef("4.01", "Changes in Registrant's Certifying Accountant"),
    ItemDef("4.02", "Non-Reliance on Previously Issued Financial Statements or a Related Audit "
                    "Report or Completed Interim Review"),
    ItemDef("5.01", "Changes in Control of Registrant"),
    ItemDef("5.02", "Departure of Directors or Certain Officers; Election of Directors; "
                    "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
            aliases=("Departure of Directors or Principal Officers; Election of Directors; "
                     "Appointment of Principal Officers",)),
    ItemDef("5.03", "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year"),
    ItemDef("5.04", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"),
    ItemDef("5.05", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"),
    ItemDef("5.06", "Change in Shell Company Status", since="2005-11-07"),
    ItemDef("5.07", "Submission of Matters to a Vote of Security Holders", since="2010-02-28"),
    ItemDef("5.08", "Shareholder Director Nominations", since="2011-09-20",
            aliases=("Shareholder Nominations Pursuant to Exchange Act Rule 14a-11",)),
    ItemDef("6.01", "ABS Informational and Computational Material", since="2005-03-08"),
    ItemDef("6.02", "Change of Servicer or Trustee", since="2005-03-08"),
    ItemDef("6.03", "Change in Credit Enhancement or Other External Support", since="2005-03-08"),
    ItemDef("6.04", "Failure to Make a Required Distribution", since="2005-03-08"),
    ItemDef("6.05", "Securities Act Updating Disclosure", since="2005-03-08"),
    ItemDef("6.06", "Static Pool", since="2014-11-24"),
    ItemDef("6.10", "Alternative Filings of Asset-Backed Issuers"),
    ItemDef("7.01", "Regulation FD Disclosure"),
    ItemDef("8.01", "Other Events"),
    ItemDef("9.01", "Financial Statements and Exhibits"),
)

_BY_NUMBER = {d.number: d for d in NUMBERED + DECIMAL}


def era_of(date: str | None) -> str | None:
    """'numbered' before 2004-08-23, 'decimal' from then on, None if unknown."""
    if not date:
        return None
    return "decimal" if date >= DECIMAL_ERA_START else "numbered"


@functools.lru_cache(maxsize=4096)  # (a few dozen numbers, asked for again at every item and check)
def normalise_number(number: str) -> str:
    """'2.2' -> '2.02', '9.1' -> '9.01', '05' -> '5'."""
    number = number.strip().rstrip(".")
    if "." in number:
        major, minor = number.split(".", 1)
        if minor.isdecimal() and major.isdecimal():
            return f"{int(major)}.{int(minor):02d}"
        return number
    return str(int(number)) if number.isdecimal() else number


def item_def(number: str) -> ItemDef | None:
    return _BY_NUMBER.get(normalise_number(number))


def title_key(title: str) -> str:
    """A title reduced for comparison: lower case, letters and digits only."""
    t = title.lower().replace("&", "and")
    t = cache.sub(r"[\u2013\u2014-]", " ", t)
    return " ".join(cache.sub(r"[^a-z0-9 ]", " ", t).split())


def match_title(title: str, era: str | None) -> ItemDef | None:
    """The item of ``era`` whose official title (or a known variant) ``title`` is
    (ITEM INFORMATION in the SEC header gives titles, not numbers)."""
    key = title_key(title)
    if not key:
        return None
    pools = {"numbered": NUMBERED, "decimal": DECIMAL}
    order = [pools[era]] if era in pools else [DECIMAL, NUMBERED]
    for pool in order:
        for d in pool:
            for t in (d.title,) + d.aliases:
                tk = title_key(t)
                if key == tk or (len(key) > 12 and (tk.startswith(key) or key.startswith(tk))):
                    return d
    return None


_TITLE_PATTERNS: dict[str, list[re.Pattern[str]]] = {}


def official_title_end(number: str, text: str) -> int:
    """How far ``text`` (a heading's title, from its first word) spells the
    official title of item ``number`` or a known variant, word by word with
    any punctuation between: the end of the longest such match, 0 if none.

    Used to find where a title ends when it runs on into the text
    ("... Appointment of Certain Officers. Compensatory Arrangements ...")
    and whether the next line continues a wrapped title."""
    d = item_def(number)
    if d is None:
        return 0
    pats = _TITLE_PATTERNS.get(d.number)
    if pats is None:
        pats = []
        for t in (d.title,) + d.aliases:
            words = [r"(?:and|&)" if w == "and" else re.escape(w) for w in title_key(t).split()]
            pats.append(cache.compile(r"[^a-z0-9&]*".join(words) + r"(?![a-z0-9])", re.I))
        _TITLE_PATTERNS[d.number] = pats
    best = 0
    for pat in pats:
        m = pat.match(text)
        if m:
            best = max(best, m.end())
    return best


# The nine sections the decimal items are grouped in (Release 33-8400); many
# filers print a section's heading above its items ("Section 8 - Other Events").
SECTION_TITLES = {
    "1": "Registrant's Business and Operations",
    "2": "Financial Information",
    "3": "Securities and Trading Markets",
    "4": "Matters Related to Accountants and Financial Statements",
    "5": "Corporate Governance and Management",
    "6": "Asset-Backed Securities",
    "7": "Regulation FD",
    "8": "Other Events",
    "9": "Financial Statements and Exhibits",
}


# Release 33-8400: where each numbered item went (shared/reference/form-8k.md)
OLD_TO_NEW = {"1": "5.01", "2": "2.01", "3": "1.03", "4": "4.01", "5": "8.01", "6": "5.02",
              "7": "9.01", "8": "5.03", "9": "7.01", "10": "5.05", "11": "5.04", "12": "2.02"}

# Official titles that changed: number -> (day of the change, title before it)
# (shared/reference/form-8k.md, section 1.3)
TITLE_BEFORE = {
    "5.02": ("2006-11-07", "Departure of Directors or Principal Officers; Election of Directors; "
                           "Appointment of Principal Officers"),
}


def official_title(d: ItemDef, date: str | None) -> str:
    """The official title of item ``d`` on ``date``."""
    change = TITLE_BEFORE.get(d.number)
    if change and date and date < change[0]:
        return change[1]
    return d.title


def item_order_key(number: str) -> tuple[int, ...]:
    """'2.02' -> (2, 2); numbers sort as the form orders them; () if not a number."""
    return tuple(int(p) for p in number.split(".")) if cache.fullmatch(r"\d+(\.\d+)?", number) else ()


# The items whose text carries the exhibit list when there is no exhibit index.
EXHIBIT_ITEMS = ("7", "9.01", "9.1")

# A line naming a form ("FORM 10-K", "Form 8-K/A"): how a bare document says
# what it is when no header or <TYPE> does.
FORM_NAME = cache.compile(r"\s*form\s+(\d{1,2}-[A-Z0-9]{1,4}(?:\s*/\s*A)?|\d{1,2}[A-Z]?-\d?[A-Z]{0,3}\d?)\s*", re.I)


def normalise_form_type(name: str) -> str:
    """'8-k / a' -> '8-K/A'."""
    return name.upper().replace(" ", "")


# ---------------------------------------------------------------------------
#  The EDGAR header (shared/reference/form-8k.md, section 3)
# ---------------------------------------------------------------------------
# KEY of the key-value header -> SecHeader field
HEADER_KEYS = {
    "ACCESSION NUMBER": "accession_number", "CONFORMED SUBMISSION TYPE": "submission_type",
    "CONFORMED PERIOD OF REPORT": "period_of_report", "FILED AS OF DATE": "filed_as_of_date",
    "ITEM INFORMATION": "item_information",
}

# <TAG> names of the tag-form header and the KEY of the key-value form.
TAG_KEYS = {
    "ACCESSION-NUMBER": "ACCESSION NUMBER", "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT", "ITEMS": "ITEM INFORMATION",
    "FILING-DATE": "FILED AS OF DATE", "CONFORMED-NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY", "IRS-NUMBER": "IRS NUMBER",
    "STATE-OF-INCORPORATION": "STATE OF INCORPORATION", "FISCAL-YEAR-END": "FISCAL YEAR END",
    "PUBLIC-DOCUMENT-COUNT": "PUBLIC DOCUMENT COUNT",
}


# ---------------------------------------------------------------------------
#  The cover page (shared/reference/form-8k.md, section 2)
# ---------------------------------------------------------------------------
# The columns of the caption row under the state / file number / IRS number
# row: the words that name each (the lexer's ID_CAPTION says which lines are
# such a row; these say which column of it is which).  First match wins.
ID_COLUMN_ROLES = (
    ("name", cache.compile(r"exact\s+name|name\s+of\s+registrant", re.I)),
    ("irs", cache.compile(r"i\.\s?r\.\s?s|irs|employer|identification", re.I)),
    ("file", cache.compile(r"commission|file", re.I)),
    ("state", cache.compile(r"state|jurisdiction|incorporation|organi", re.I)),
)


def id_column_role(caption: str) -> str | None:
    """Which value a column of the ids caption row names: "name", "irs",
    "file", "state" or None."""
    for role, pattern in ID_COLUMN_ROLES:
        if pattern.search(caption):
            return role
    return None


# States and countries a registrant is incorporated in, as printed on covers.
US_STATES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "district of columbia", "florida", "georgia", "hawaii", "idaho", "illinois",
    "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
    "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
    "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina",
    "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
    "west virginia", "wisconsin", "wyoming", "puerto rico", "bermuda", "cayman islands",
    "british virgin islands", "canada", "ontario", "british columbia", "quebec", "alberta",
    "england", "england and wales", "scotland", "united kingdom", "ireland", "netherlands", "luxembourg", "panama", "liberia",
    "marshall islands", "israel", "switzerland", "bahamas", "virgin islands",
})


# The states, districts and territories the US Postal Service gives ZIP codes
# to, by name and by two-letter code: an address that ends in one of them
# ends in a ZIP code (five digits, or ZIP+4).
POSTAL_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
    "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
    "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
    "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA",
    "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
    "puerto rico": "PR", "guam": "GU",
}


# ---------------------------------------------------------------------------
#  When an 8-K is due (shared/reference/form-8k.md, section 1.4)
# ---------------------------------------------------------------------------
# From 2004-08-23 (General Instruction B.1): within four business days after
# the event; Items 7.01 and 8.01 follow Regulation FD or are voluntary, 9.01
# goes with the others, 5.08 counts from a date the filing does not give.
# Before, the rules varied by item and are not checked (the reference marks
# them unverified).
DUE_BUSINESS_DAYS = 4
NO_DEADLINE = frozenset({"7.01", "8.01", "9.01", "5.08"})

# Days the Commission was closed that are not on the federal holiday calendar
# (executive orders: national days of mourning, Christmas Eves, storms).  A
# closure missing here can only make the deadline look a day early; the rule
# is a warning and its page says so.
SEC_CLOSED = frozenset({
    "2004-06-11",  # President Reagan, national day of mourning
    "2007-01-02",  # President Ford
    "2012-10-29", "2012-10-30",  # Hurricane Sandy
    "2012-12-24", "2014-12-26", "2015-12-24", "2018-12-24", "2019-12-24", "2020-12-24", "2024-12-24",
    "2018-12-05",  # President G. H. W. Bush
    "2025-01-09",  # President Carter
})


@functools.lru_cache(maxsize=None)
def _federal_holidays(year: int) -> frozenset:
    import holidays  # only the deadline rule needs the calendar

    return frozenset(holidays.US(years=year, observed=True))


def is_business_day(day) -> bool:
    """A federal business day: not a weekend, a federal holiday (the
    ``holidays`` package's US calendar) or a day the Commission was closed."""
    if day.weekday() >= 5 or day.isoformat() in SEC_CLOSED:
        return False
    return day not in _federal_holidays(day.year)


def due_date(event: str, numbers) -> str | None:
    """The last day an 8-K reporting items ``numbers`` for an event on
    ``event`` (ISO) may be filed, or None when no deadline applies (numbered
    items, or only items without one).  An event on a day that is not a
    business day starts the count on the next business day, which counts."""
    import datetime as dt

    if event < DECIMAL_ERA_START:
        return None
    items = {normalise_number(n) for n in numbers}
    if not items or items <= NO_DEADLINE:
        return None
    day = dt.date.fromisoformat(event)
    left = DUE_BUSINESS_DAYS
    if not is_business_day(day):
        while not is_business_day(day):
            day += dt.timedelta(days=1)
        left -= 1  # the first business day after the event counts
    while left:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            left -= 1
    return day.isoformat()
