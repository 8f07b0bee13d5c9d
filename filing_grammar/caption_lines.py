"""The shapes of the caption lines of a cover page, for the line classifier
(filing_grammar/lexer.py): "(Exact name of registrant as specified in its
charter)", "(Commission File Number)", "(Zip Code)" ..."""

from __future__ import annotations

import re

from . import cache

__all__ = ["CAPTION", "CAPTION_LOW", "CAPTION_AT", "CAPTION_WORD", "CAPTION_HINT", "CAPTION_HINT_LEADS", "REGISTRANTS",
           "REGISTRANTS_LOW", "caption_low"]

# Cover-page captions, found anywhere in the line (they are often centred, or
# several sit side by side in one caption row): (kind, alternative), in the
# order they are tried.
CAPTION_ALTERNATIVES = (
    ("DATE_CAPTION", r"date\s+of\s+report"), ("DATE_CAPTION", r"date\s+of\s+earliest\s+event"),
    ("DATE_CAPTION", r"^\(?reported\)?\s*:?"),
    ("NAME_CAPTION", r"exact\s+name\s+of"), ("NAME_CAPTION", r"name\s+of\s+registrant\s+as\s+specified"),
    ("PHONE_CAPTION", r"telephone\s+number"),
    ("FORMER_CAPTION", r"former\s+name"), ("FORMER_CAPTION", r"former\s+address"),
    ("ADDRESS_CAPTION", r"address\s+of\s+principal"), ("ADDRESS_CAPTION", r"principal\s+executive\s+offices"),
    ("ADDRESS_CAPTION", r"executive\s+offices\)"), ("ADDRESS_CAPTION", r"\(zip\s+code\)"),
    ("ADDRESS_CAPTION", r"^zip\s+code$"), ("ADDRESS_CAPTION", r"address\s+and\s*$"),
    ("ID_CAPTION", r"jurisdiction"), ("ID_CAPTION", r"commission\s+file"), ("ID_CAPTION", r"file\s+n(?:o\.|umber)"),
    ("ID_CAPTION", r"employer\s+identification"), ("ID_CAPTION", r"identification\s+n(?:o|umber)"),
    ("ID_CAPTION", r"i\.\s?r\.\s?s\."), ("ID_CAPTION", r"\birs\s+employer"),
    ("ID_CAPTION", r"^\(?state\s+(?:or|of)\b"), ("ID_CAPTION", r"^\(?incorporation\)?"),
    ("ID_CAPTION", r"^of\s+incorporation"), ("ID_CAPTION", r"^identification$"),
    ("ID_CAPTION", r"incorporation\s+or\s+organi[sz]ation"),
)


def _caption_pattern(alternatives: tuple[tuple[str, str], ...]) -> str:
    groups: dict[str, list[str]] = {}
    for kind, alternative in alternatives:
        groups.setdefault(kind, []).append(alternative)
    return "|".join(f"(?P<{kind}>{'|'.join(alts)})" for kind, alts in groups.items())


CAPTION = cache.compile("(?i)" + _caption_pattern(CAPTION_ALTERNATIVES))
# The same on a line that is ASCII, lowercased (for ASCII text the same
# matches as (?i), and faster); and where one may start after the line's first
# character: each alternative not anchored at the start, all without groups,
# so that the regex engine skips to the characters that can begin one
# (a superset: "irs" without its \b).
CAPTION_LOW = cache.compile(_caption_pattern(CAPTION_ALTERNATIVES))
CAPTION_AT = cache.compile("|".join(alt.removeprefix(r"\b") for _, alt in CAPTION_ALTERNATIVES
                                  if not alt.startswith("^")))

# Every caption holds one of these words; a cheap test before CAPTION.
CAPTION_WORDS = ("registrant", "report", "name", "telephone", "former", "address", "zip", "executive",
                 "jurisdiction", "commission", "file", "employer", "identification", "r.s",
                 "irs", "state", "incorporation", "organi")
CAPTION_WORD = cache.compile("|".join(map(re.escape, CAPTION_WORDS)))

# A quicker test of an ASCII line, lowercased, before CAPTION_WORD, for the
# lexer's commonest answer (a line of prose is no caption): every match of
# CAPTION_LOW and REGISTRANTS_LOW holds one of these, or the line starts with
# CAPTION_HINT_LEADS (ID_CAPTION's "^\(?state\s+(?:or|of)").  Each is a piece
# of a caption's words that begins with a character rare in prose (p v x g f
# d z j m .), so that the search passes over most of a line in its fast loop
# (CAPTION_WORD's words begin with e, t, a, i, n, s, r ...: its search was
# over half of the time _classify_raw takes on a line of prose).  "\.\s?s\." is the end of "i.r.s." and
# "i. r. s.".  A new caption alternative needs a piece here
# (tests/test_lexer_prefilter.py checks the pieces against the alternatives).
CAPTION_HINT = cache.compile(r"port|vent|xact|gistrant|phone|former|ddress|xecutive|zip|jurisdiction|mmission"
                             r"|file|mployer|fication|poration|\.\s?s\.")
CAPTION_HINT_LEADS = ("state", "(state")

# The caption row of a combined cover, looked for before the other captions
# because it also holds "Commission File Number" and "I.R.S. Employer ...".
REGISTRANTS_ALTERNATIVES = (
    r"registrant,\s+state\s+of\s+incorporation|registrant,(?:\s{2,}|\s*$)"
    r"|state\s+of\s+incorporation,(?:\s{2,}|\s*$)|address\s+and\s+telephone\s+number(?:\s{2,}|\s*$)")
REGISTRANTS = cache.compile("(?i)" + REGISTRANTS_ALTERNATIVES)
REGISTRANTS_LOW = cache.compile(REGISTRANTS_ALTERNATIVES)  # on an ASCII line, lowercased


def caption_low(low: str) -> str:
    """``CAPTION.search`` of an ASCII line (``low``: lowercased): its kind, or
    TEXT.  The first alternative at the first place where one matches: the
    start, then each place CAPTION_AT finds."""
    m = CAPTION_LOW.match(low)
    at = 1
    while m is None:
        found = CAPTION_AT.search(low, at)
        if found is None:
            return "TEXT"
        at = found.start()
        m = CAPTION_LOW.match(low, at)
        at += 1
    return m.lastgroup  # type: ignore[return-value]
