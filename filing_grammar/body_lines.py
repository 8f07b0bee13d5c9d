"""The shapes of the lines of a document's text, for the lexer
(filing_grammar/lexer.py): item and section headings, the signature, the
exhibit index and its entries, the cover's fixed lines and check boxes, page
furniture; and the parts of a heading and of an exhibit entry, for the
readers.  (Envelope lines: envelope_lines.py; cover captions:
caption_lines.py.)"""

from __future__ import annotations

import re

from . import cache
from .form import SECTION_TITLES

__all__ = ["ITEM_NUMBER", "EXHIBIT_NUMBER", "BOX_CHECKED", "BOX_EMPTY", "ITEM_PARTS", "ENTRY_PARTS"]

# --------------------------------------------------------------------------
# Body lines, matched on the stripped line.  Order matters: the first
# alternative that matches wins.  (How each alternative starts is also in
# _BODY_LEAD, below: a new alternative needs its start there.)
# --------------------------------------------------------------------------
_SEP = r"[\s.:\-\u2013\u2014]*"
_SECTIONS = "|".join(
    number + r"\s*[.:\-\u2013\u2014]+\s*" + r"\W{1,3}".join(re.escape(w) for w in cache.findall(r"[A-Za-z]+", title))
    for number, title in SECTION_TITLES.items())
# Item numbers ("5", "2.02") and exhibit numbers ("99", "99.1", "10.3a",
# "4(b)"): the shapes of the headings and entries below, and of their parts
# as the readers take them apart (ITEM_PARTS, ENTRY_PARTS at the end).
ITEM_NUMBER = r"\d{1,2}(?:\.\d{1,2})?"
EXHIBIT_NUMBER = r"\d{1,3}(?:\.\d{1,3})?[A-Za-z]?(?:\([a-zA-Z0-9]{1,4}\))?"
_BOX = r"\[[ ]{0,3}[xX_]?[ ]{0,3}\]|\|_\||\u2610|\u2611|\u2612|\([ ]{0,3}[xX]?[ ]{0,3}\)|[oqxX\u00a8\u00fd\u00fe](?=\s|$)"  # a check box, empty or checked
# The same glyphs by state, for the readers (read/cover_sections.py): [X] (X)
# \u2611 \u2612, Wingdings x \u00fd \u00fe checked; [ ] [_] |_| ( ) \u2610, Wingdings
# \u00a8 o q empty.
BOX_CHECKED = r"\[ {0,3}[xX] {0,3}\]|\( {0,3}[xX] {0,3}\)|[\u2611\u2612\u00fd\u00fe]|(?:^|\s)[xX](?=\s|$)"
BOX_EMPTY = r"\[ {0,3}_? {0,3}\]|\|_\||\( {0,3}\)|\u2610|\u00a8|(?:^|\s)[oq](?=\s|$)"
# The three shapes that may sit anywhere in a line, so that a match of them
# scans the whole line (a ".*" tried at every place): kept apart, to be left
# out of _BODY_UNSCANNED below.
_PAGE_SHAPE = r".*(?i:</?PAGE>).*$"
_TOC_SHAPE = r".*\.{4}\s*\d{0,4}$"
_LATE_BOX_SHAPE = r"""|.{20,}(?i:transition\s+period|financial\s+accounting\s+standards).{0,80}?(?:""" + _BOX + r""")\s*$"""
_BODY_TEXT = (
    r"""
      (?P<PAGE>""" + _PAGE_SHAPE + r""")
    | (?P<TABLE_TAG></?(?:TABLE|CAPTION|S|C|FN|F\d+)>.*$)
    | (?P<RULE>(?:[-=_*~]\s*){3,}$)
    # "Item 5.  Other Events", "ITEM 2.02 RESULTS", "Items 5 and 7.", "Item 7(c)",
    # "Item5." (no space).
    # The title must start with a capital (prose such as "Item 9.01 of Form 8-K"
    # is body text), unless the heading lists further item numbers.
    # (\.{4} and not \.{4,}: the same lines, but linear on a long run of dots)
    | (?P<TOC_LINE>""" + _TOC_SHAPE + r""")
    | (?P<ITEM_HEADING>(?i:items?)\s*""" + ITEM_NUMBER + r"""(?!\d|\.\d)(?:\s*\([a-z]\))?
          (?:""" + _SEP + r"""$
           |""" + _SEP + r"""(?:[A-Z0-9("'\[\u201c]|(?i:n/a))
           |\s*(?:,|and|through|to|&)\s*(?:items?\s+)?\d))
    # "Section 8 - Other Events": a section of the form by its official title
    # (form.SECTION_TITLES); "Section 3. Notice of Meetings." is text.
    | (?P<SECTION_HEADING>(?i:section\s+(?:""" + _SECTIONS + r"""))[\s.:]*$)
    | (?P<SIGNATURE_HEADING>(?i:signatures?|s\ ?i\ ?g\ ?n\ ?a\ ?t\ ?u\ ?r\ ?e\ ?s?)[.:]?$)
    | (?P<SIGNATURE_LEGEND>(?i:pursuant\s+to\s+the\s+requirements\s+of\s+(?:the\s+)?securities\s+(?:and\s+)?exchange\s+act
          |in\s+accordance\s+with\s+(?:the\s+requirements\s+of\s+)?(?:section\s+13|the\s+securities\s+exchange\s+act)))
    | (?P<EXHIBIT_INDEX_HEADING>(?i:exhibit\s+index|index\s+to\s+exhibits?|exhibits?\s+index|index\s+of\s+exhibits?|list\s+of\s+exhibits|exhibit\s+list)[.:]?$)
    | (?P<EXHIBIT_HEADING>(?i:exhibit)\s+(?:(?i:no)\.?\s*)?\d{1,3}(?:\.\d{1,3})?[A-Za-z]?(?:\([a-z0-9]{1,4}\))?[.:]?$)
    | (?P<PAGE_NUMBER>(?:-\s*)?\d{1,3}(?:\s*-)?$|(?i:page)\s+\d{1,4}(?:\s+(?i:of)\s+\d{1,4})?$)
    | (?P<BY_LINE>(?i:by)(?:\s*:|\s)|/\s?[sS]\s?/)
    | (?P<NAME_LINE>(?i:name)\s*:)
    | (?P<TITLE_LINE>(?i:title|its)\s*:)
    | (?P<DATE_LINE>(?i:dated?)\s*:)
    | (?P<REGISTRANT_CAPTION>\((?i:registrant|signature)\)\*?$)
    | (?P<UNITED_STATES>(?i:united\s+states)$)
    | (?P<COMMISSION>(?i:securities\s+and\s+exchange\s+commission)$)
    | (?P<WASHINGTON>(?i:washington),?\s*(?i:d\.?\s*c\.?)\s*(?:\d{5})?$)
    | (?P<FORM_TITLE>(?i:form)\s+8-K[0-9A-Z]*(?:\s*/\s*A)?(?:\s+.{0,40})?$)
    | (?P<CURRENT_REPORT>(?i:current\s+report)\b.*$)
    | (?P<PURSUANT>(?i:pursuant\s+to\s+section\s+13\s+or\s+15\s*\(d\)).*$)
    | (?P<EXCHANGE_ACT>(?i:(?:of\s+)?(?:the\s+)?securities\s+exchange\s+act\s+of\s+1934)$)
    # Check boxes of the 2004+ cover: a box glyph, then the box's label; or the
    # label, then the box ("Emerging growth company  [ ]").  Glyphs: [ ] [X],
    # ( ), the ballot boxes U+2610-2612, and Wingdings read as text (o, q,
    # \u00a8 empty; x, \u00fd, \u00fe checked).
    | (?P<CHECKBOX>(?:""" + _BOX + r""")\s*(?i:written|soliciting|pre-commencement|emerging|if\s+an\s+emerging).*$
          |(?i:emerging\s+growth\s+compan(?:y|ies)).{0,4}?\s*(?:""" + _BOX + r""")\s*$
          """ + _LATE_BOX_SHAPE + r""")
    | (?P<CHECKBOX_INTRO>(?i:check\s+the\s+appropriate\s+box\s+below).*$)
    | (?P<SECURITIES_12B_INTRO>(?i:securities\s+registered\s+pursuant\s+to\s+section\s+12\s*\(\s*b\s*\)).*$)
    | (?P<EGC_INTRO>(?i:indicate\s+by\s+check\s+mark\s+whether\s+the\s+registrant\s+is\s+an\s+emerging).*$)
    | (?P<AMENDMENT>\(?(?i:amendment\s+no\.?)\s*\d{1,2}\)?$)
    # An exhibit entry: "99.1  Press release", "Exhibit 10.1 - 2000 Stock
    # Option Plan", "(c) Exhibit 99.1 -- ...", "2.1* ...", "(1) ...".
    | (?P<EXHIBIT_ENTRY>(?:\([a-d]\)\s+(?=(?i:exhibit)))?(?:(?i:exhibit)\s+)?(?:(?i:no)\.\s*)?\(?""" + EXHIBIT_NUMBER + r"""\)?\*?[.:]?\s+(?:(?:--?|[\u2013\u2014])\s*["'(\u201cA-Z0-9]|["'(\u201cA-Z]).*$)
    """
)
_BODY = cache.compile(_BODY_TEXT, re.VERBOSE)


def _unscanned(text: str) -> str:
    """_BODY_TEXT with the shapes that scan the line made to fail at once
    ((?!)): for a line that holds none of "<", "...." and the words of the
    third CHECKBOX form, which those shapes need, the same matches, without
    three scans of the line (they were half of the lexer's time)."""
    for shape, instead in ((_PAGE_SHAPE, "(?!)"), (_TOC_SHAPE, "(?!)"), (_LATE_BOX_SHAPE, "")):
        assert text.count(shape) == 1
        text = text.replace(shape, instead)
    return text


_BODY_UNSCANNED = cache.compile(_unscanned(_BODY_TEXT), re.VERBOSE)

# The last character of a line that the third CHECKBOX form can match: it ends
# with a box (_BOX) and nothing after it but white space, which a stripped
# line has none of.
_BOX_ENDS = frozenset("])|oqxX\u2610\u2611\u2612\u00a8\u00fd\u00fe")
def folds_like_ascii(line: str) -> bool:
    """Does ``line.lower()`` read ``line`` as a case-insensitive pattern of
    ASCII letters does?  Unless it holds one of the characters that re's case
    folding matches to an ASCII letter besides the letter's own two cases
    (U+0130 and the dotless i, the long s, the Kelvin sign), which str.lower
    leaves alone or makes two characters of (U+0130: the only character whose
    lowercase is longer).  The lexer's quick tests read a line lowercased."""
    return not ("\u0131" in line or "\u017f" in line or "\u212a" in line or "\u0130" in line)


def needs_scan(stripped: str, low: str) -> bool:
    """Must a stripped, non-blank line (``low``: lowercased) be matched by the
    whole of _BODY, the shapes that scan it included?  Only if it holds what
    one of them needs: "<" (PAGE, and TABLE_TAG, which _BODY_LEAD does not
    lead to), "...." (TOC_LINE), or the words of the third CHECKBOX form with
    a box at its end; or if it is not one that the quick tests can read (a
    non-ASCII first character: a box glyph, a digit of another script; a line
    that does not fold like ASCII).  Otherwise _BODY matches only where
    _BODY_LEAD matches ``low``, and as _BODY_UNSCANNED does
    (tests/test_grammar.py)."""
    if "<" in low or "...." in low:
        return True
    if ("transition" in low or "financial" in low) and stripped[-1] in _BOX_ENDS:
        return True
    return not stripped.isascii() and (not stripped[0].isascii() or not folds_like_ascii(stripped))

# The same shapes with their parts named, for the readers: an item heading
# (read/items.py) and an exhibit entry up to its description (read/exhibits.py;
# the description and a page column after it are split off in Python: a lazy
# ".*?" before an optional "\s{2,}page" backtracks quadratically over a long
# run of spaces).
ITEM_PARTS = cache.compile(
    r"^(?P<lead>\s*)(?P<word>items?)\s*(?P<num>" + ITEM_NUMBER + r")(?P<sub>\s*\([a-z]\))?"
    r"(?P<more>(?:\s*(?:,|and|through|to|&)\s*(?:items?\s+)?" + ITEM_NUMBER + r"(?:\s*\([a-z]\))?)*)"
    r"(?P<rest>.*)$",
    re.I,
)
ENTRY_PARTS = cache.compile(
    r"^(?P<lead>\s*)(?:\([a-d]\)\s+(?=exhibit))?(?:exhibit\s+)?(?:no\.\s*)?\(?(?P<num>" + EXHIBIT_NUMBER + r")\)?\*?[.:]?"
    r"\s+(?:(?:--?|[\u2013\u2014])\s*)?",
    re.I,
)

# A cheap test before _BODY, on an ASCII line lowercased: every alternative of
# _BODY begins with one of these, or holds "<" (PAGE), "...." (TOC_LINE) or
# "transition" / "financial" (CHECKBOX's third form) somewhere, tested apart.
# A line that fails all of them is matched by no alternative of _BODY.
_BODY_LEAD = cache.compile(
    r"""
      [-=_*~/(\[|0-9]                                       # RULE, PAGE_NUMBER, BY_LINE, REGISTRANT_CAPTION,
                                                            # AMENDMENT, EXHIBIT_ENTRY, CHECKBOX's boxes
    | items?\s*\d | in\s+accordance | index | its\s*: | indicate\s     # ITEM_HEADING, SIGNATURE_LEGEND, ...
    | section\s | s\ ?i\ ?g | securities\s                  # SECTION_HEADING, SIGNATURE_HEADING, COMMISSION, ...
    | pursuant\s | page\s | exhibit | emerging\s | list\s | by[\s:] | name\s*: | no\.
    | title\s*: | the\s+securities\s | of\s+(?:the\s+)?securities\s | [oqx](?:\s|$)
    | dated?\s*: | united\s | washington | form\s | current\s+report | check\s+the\s | amendment\s
    """,
    re.VERBOSE,
)
