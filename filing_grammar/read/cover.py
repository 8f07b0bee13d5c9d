"""The cover page: date of report, registrant's name, the row of state /
Commission file number / IRS number, address, telephone, former name.

The grammar gives each caption field its node, named like the record field
(``registrant_name``, ``registrant_ids`` ...: the value lines down to the
caption; grammar section 2.1).  POST-PROCESSING here, what a context-free
grammar cannot say: which of a field's lines is its value, which column of a
caption row a value stands in, captions continued on the next line, values
printed beside or under their caption, covers without captions.  The parts of
a cover that stand apart (check boxes, 12(b) table ...) are in
cover_sections.py.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from lark import Token, Tree

from .. import cache
from ..form import id_column_role
from ..records import CHECKBOX_KEYS, Cover, Span
from ..tree import line_text, span_at, span_of, text_span, tree_tokens, value_span
from ..values import FILE_NUMBER, IRS, PHONE, ZIP, collapse, find_date, has_digit, is_placeholder, misprinted_zip
from .cover_lines import (BOX_LINE, CAPTION_DIGITS, CAPTION_WORDS, DATEISH, EVENT_DATE, FILE_NUMBER_LIKE, ID_CAPTION_WORDS,
                          ID_PREFIX, PHONE_LIKE, caption_open, closes_caption, is_state, left_part, nearest,
                          second_column)
from .cover_sections import CoverSections
from .lines import blocks, first_segment, segments

__all__ = ["read_cover"]

# A date of report with no caption stands nearly alone on its line.
DATE_ALONE_SLACK = 12
# A date block is the date and at most this much more ("June 5, 2002 (June 1, 2002)").
DATE_BLOCK_SLACK = 30
# A registrant's name without a caption is at most this long (longer: prose).
NAME_MAX = 90
# ... and, on a cover with no captions at all, at most this long.
NAME_MAX_NO_CAPTIONS = 120
# ... whose fields are read from its first this many blocks of lines (on the
# corpus they are in the first four; a cover tail of a million blocks is no
# cover: issue 12).
NO_CAPTION_BLOCKS = 40
# How many paragraphs above its caption an address may take (HTML).
ADDRESS_BLOCKS = 3

# The kinds of field nodes that are not a caption field.
_NOT_FIELDS = ("cover_heading", "cover_tail")
# Field nodes made of a caption: value lines, then the caption line.
_CAPTIONED = frozenset({"cover_heading", "date_of_report", "registrant_name", "registrant_ids", "address",
                        "telephone", "former_name", "co_registrants"})


@dataclass
class _Field:
    """A field node of the cover: its value lines and its caption line(s)."""

    kind: str
    value: list[Token]
    captions: list[Token]
    also: set[str] = field(default_factory=set)  # kinds of captions merged into this one


class _CoverReader(CoverSections):
    """POST-PROCESSING: read the field values the grammar has grouped."""

    def __init__(self, fields: list[_Field]):
        # A caption continued on the next line ("(State of ..." / "of
        # Incorporation)") is one caption: a field with no value of its own
        # joins the field above it, and answers to both captions' kinds
        # ("(Address, including Zip Code, and telephone number, ..." /
        # "... of Registrant's principal executive offices)").
        merged: list[_Field] = []
        for f in fields:
            prev = merged[-1] if merged else None
            same = prev is not None and prev.kind == f.kind and not blocks(f.value)
            continued = (prev is not None and f.kind != prev.kind and not f.value and prev.captions
                         and caption_open(line_text(prev.captions[-1])))
            if prev is not None and prev.kind not in _NOT_FIELDS and f.kind not in _NOT_FIELDS \
                    and f.captions and (same or continued):
                prev.captions.extend(f.value + f.captions)
                if f.kind != prev.kind:
                    prev.also.add(f.kind)
            else:  # (the field itself, not a copy: read_cover made it for this reader alone, issue 12)
                merged.append(f)
        self.fields = merged
        # every line of the cover, in order (made once: four readers walk it, issue 12)
        self.tokens = [t for f in merged for t in (*f.value, *f.captions)]
        self._blocks: dict[int, list[list[Token]]] = {}  # field -> its value's blocks (_value_blocks)
        # kind -> its first field, else the first answering to it too (_find;
        # a table made once, not a scan per look-up: issue 12)
        back = list(enumerate(merged))[::-1]
        self._first = {k: i for i, f in back for k in f.also} | {f.kind: i for i, f in back}
        self.values: dict = {}
        self.spans: dict[str, Span] = {}
        self.checkboxes: dict[str, bool | None] = dict.fromkeys(CHECKBOX_KEYS)
        self.date_tok: Token | None = None  # the line the date of report was read from
        self.unread: dict[str, Span] = {}
        # ids row: where each field's caption cell is, and a value cell left blank
        self.caption_cells: dict[str, tuple[Token, int, int]] = {}
        self.blank_cells: dict[str, tuple[Token, int]] = {}

    def _find(self, kind: str) -> int | None:
        """The first field of ``kind``, else the first answering to it too."""
        return self._first.get(kind)

    def _value_blocks(self, i: int) -> list[list[Token]]:
        """blocks() of field ``i``'s value lines, made once (a field's are read
        over its caption and under the one before: issue 12); not to be changed."""
        found = self._blocks.get(i)
        if found is None:
            found = self._blocks[i] = blocks(self.fields[i].value)
        return found

    def _above(self, i: int) -> list[list[Token]]:
        """Blocks over field ``i``'s caption, less the end of the caption
        before them ("including area code)" under "(Registrant's telephone
        number,")."""
        found = list(self._value_blocks(i))
        while found and closes_caption(line_text(found[0][0])):
            found[0] = found[0][1:]
            if not found[0]:
                found.pop(0)
        return found

    def _below(self, i: int) -> list[list[Token]]:
        """Blocks under field ``i``'s caption: in the next field that has any
        (a caption continued on the next line makes a field of its own)."""
        for k in range(i + 1, min(i + 3, len(self.fields))):
            found = self._value_blocks(k)
            if found:
                return found
        return []

    def read(self) -> Cover:
        self._date()
        self._registrants()
        self._name()
        self._ids()
        if not self.values.get("registrant_name"):
            self._name_without_caption()
        self._address()
        self._phone()
        self._former()
        self._boxes()
        self._securities_12b()
        self._amendment()
        if not any(self._find(k) is not None for k in ("registrant_name", "registrant_ids", "address", "telephone", "co_registrants")):
            self._without_captions()
        heading = next((f for f in self.fields if f.kind == "cover_heading"), None)
        return Cover(span=span_of(self.tokens), spans=self.spans, captions=self._captions(),
                     blanks=self._blanks(), unread={} if "date_of_report" in self.spans else self.unread,
                     checkboxes=self.checkboxes,
                     form_title=collapse(line_text(heading.captions[0])) if heading else None,
                     form_title_span=text_span(heading.captions[0]) if heading else None,
                     **self.values)

    def _captions(self) -> dict[str, Span]:
        """Where each field's caption is (the caption row for the ids)."""
        out: dict[str, Span] = {}
        for f in self.fields:
            if f.kind in _NOT_FIELDS or not f.captions:
                continue
            cap = f.captions[0]
            first = first_segment(line_text(cap))
            at = span_at(cap, first[0], first[0] + len(first[1])) if first else span_of([cap])
            for kind in (f.kind, *sorted(f.also)):
                if kind == "registrant_ids":
                    continue  # its columns are told apart in _ids (caption_cells)
                for name in _FIELD_NAMES.get(kind, (kind,)):
                    out.setdefault(name, at)
        for name, (tok, col, end) in self.caption_cells.items():
            out[name] = span_at(tok, col, end)
        return out

    def _blanks(self) -> dict[str, Span]:
        """Fields of the ids row whose caption has a column but whose value
        row is blank there (an emptied cell): where the value should be."""
        return {name: span_at(tok, col, col + 1) for name, (tok, col) in self.blank_cells.items()
                if not self.values.get(name)
                # in typed text, a column past the end of the row is no cell
                and (getattr(tok, "rendering", None) is not None or col < len(line_text(tok).rstrip()))}

    def _set(self, name: str, value: str | None, tokens: Sequence[Token], at: Span | None = None) -> None:
        """Set a field's value and where it was read (``at``, else its lines)."""
        if value:
            self.values[name] = value
            span = at or value_span(tokens, value)
            if span:
                self.spans[name] = span

    def _maybe_unread(self, tok: Token, text: str, caption: bool) -> None:
        """Something like a date where the date of report should be (text
        after the caption words, or a line near it) that is not one: where
        the check says the date cannot be read."""
        if caption:
            m = cache.search(r"(?i)(?:reported|report)\)?\s*:?\s*(\S.*)$", text)
            if m and DATEISH.search(m.group(1)):
                self.unread["date_of_report"] = span_at(tok, m.start(1), len(text.rstrip()))
        elif DATEISH.search(text) and not cache.fullmatch(r"[-=_ ]+", text.strip()) \
                and not cache.search(r"(?i)exchange\s+act|section\s+13", text):
            self.unread["date_of_report"] = span_at(tok, len(text) - len(text.lstrip()), len(text.rstrip()))

    # Date of Report (Date of earliest event reported): value beside, above or below
    def _date(self) -> None:
        i = self._find("date_of_report")
        candidates: list[list[Token]] = []
        if i is not None:
            caps = self.fields[i].captions
            # text after the caption words on the caption line(s)
            candidates.append(caps)
            above = self._above(i)
            if above:
                candidates.append(above[-1])
            below = self._below(i)
            if below:
                candidates.append(below[0])
        else:
            # No caption (1990s covers): the first line that is only a date,
            # before the registrant's name caption.
            stop = self._find("registrant_name")
            for k in range(stop + 1 if stop is not None else len(self.fields)):
                for b in self._value_blocks(k):
                    for tok in b:
                        iso, m = find_date(line_text(tok))
                        if m and len(line_text(tok).strip()) <= len(m.group()) + DATE_ALONE_SLACK:
                            candidates.append([tok])
        for toks in candidates:
            for tok in toks:
                text = line_text(tok)
                iso, m = find_date(text)
                if m is None and "date_of_report" not in self.unread:
                    self._maybe_unread(tok, text, caption=i is not None and tok in self.fields[i].captions)
                if m is not None:
                    self.values["date_text"] = m.group()
                    self.date_tok = tok
                    at = span_at(tok, m.start(), m.end())
                    self._set("date_of_report", iso, [tok], at)
                    if iso is None:
                        self.spans["date_of_report"] = at
                    self._event_date(tok, m.end())
                    return

    def _event_date(self, tok: Token, after: int) -> None:
        """ "Date of Report (Date of earliest event reported): October 3, 2000"
        over "(September 21, 2000)": the second date, in parentheses beside or
        under the first (from column ``after`` of ``tok``), is the date of the
        earliest event."""
        tokens = self.tokens
        try:  # the next line that is not blank (looked for; the lines before it compared once: issue 12)
            at = tokens.index(tok) + 1
        except ValueError:
            at = len(tokens)
        nxt = next((t for t in tokens[at:] if t.type != "BLANK"), None)
        following = [nxt] if nxt is not None else []
        for line, start in [(tok, after)] + [(t, 0) for t in following]:
            text = line_text(line)
            m = EVENT_DATE.match(text, start)
            if m:
                iso, d = find_date(m.group(1))
                if iso:
                    self.values["event_date"] = iso
                    self.spans["event_date"] = span_at(line, m.start(1) + d.start(), m.start(1) + d.end())
                return

    def _name(self) -> None:
        i = self._find("registrant_name")
        if i is None:
            return
        blocks = [b for b in self._above(i) if _may_be_name(b)]
        if not blocks:
            blocks = [b for b in self._below(i)[:1] if _may_be_name(b)]
            if not blocks:
                return
            name_block = blocks[0]
        else:
            name_block = blocks[-1]
        self._set("registrant_name", collapse(" ".join(line_text(t) for t in name_block)), name_block)
        desc = [b for b in blocks if b is not name_block and b[0].start_pos < name_block[0].start_pos]
        if desc:
            self._set("registrant_description",
                      collapse(" ".join(line_text(t) for b in desc for t in b)), [t for b in desc for t in b])

    def _name_without_caption(self) -> None:
        """Old covers print the name with no caption under it: take the first
        block after the date of report that is neither a date nor the row of
        state / file number / IRS number."""
        date_tok = self.date_tok
        for k, f in enumerate(self.fields):
            if f.kind in _NOT_FIELDS:
                continue
            for block in self._value_blocks(k):
                if date_tok is not None and block[-1].line <= date_tok.line:
                    continue
                if _is_date_block(block) or _looks_like_ids(block):
                    continue
                text = collapse(" ".join(line_text(t) for t in block))
                if len(text) > NAME_MAX or PHONE.search(text):
                    continue
                self._set("registrant_name", text, block)
                return
            # the name comes before the row of ids; a caption line with its
            # value beside it ("Commission File Number : 000-28881") has no
            # lines of its own and does not end the search
            if f.kind in ("registrant_ids", "address") and self._value_blocks(k):
                return

    def _without_captions(self) -> None:
        """A cover with no caption under its date of report (the monthly
        reports of asset-backed trusts): name, the row of state / file number
        / IRS number, address and telephone, in that order, told apart by
        their shapes.  The first of several file or IRS numbers is taken."""
        i = self._find("cover_tail")
        if i is None:
            return
        stage = "name"
        for block in itertools.islice(self._value_blocks(i), NO_CAPTION_BLOCKS):
            text = collapse(" ".join(line_text(t) for t in block))
            if _is_date_block(block) or BOX_LINE.search(text):
                continue
            phone = PHONE.search(text)
            if phone and not cache.search(r"[A-Za-z]{3}", PHONE.sub("", text)):
                self._set("telephone", collapse(phone.group()), block)
                return  # the telephone number closes the cover
            if stage in ("name", "ids") and _looks_like_ids(block):
                found: dict[str, tuple[str, Token]] = {}
                for tok in block:
                    for _, seg in segments(line_text(tok)):
                        self._classify_id(seg, tok, found, roles=None, col=None)
                for key, attr in (("state", "state_of_incorporation"), ("file", "commission_file_number"),
                                  ("irs", "irs_employer_id")):
                    if key in found:
                        self._set(attr, found[key][0], [found[key][1]])
                stage = "address"
            elif stage == "name" and len(text) <= NAME_MAX_NO_CAPTIONS:
                self._set("registrant_name", text, block)
                stage = "ids"
            elif stage == "address":
                self._address_lines(block)
                stage = "phone"

    def _ids(self) -> None:
        """State, Commission File Number and IRS number: a row of values over a
        row of captions (or, in old covers, under it), matched by column.  The
        three may share one caption row or have one each."""
        found: dict[str, tuple[str, Token, Span | None]] = {}
        for i, f in enumerate(self.fields):
            if f.kind != "registrant_ids":
                continue
            above = self._above(i)
            below = self._below(i)
            value_block = above[-1] if above else []
            if not _looks_like_ids(value_block) and below and _looks_like_ids(below[0]):
                value_block = below[0]
            # caption columns: where each caption word sits; and values printed
            # on the caption line itself ("Commission File Number: 1-5502",
            # "Commission file number 000-20908").  (Each caption line's columns
            # made once, split at a colon only where there is one: issue 12)
            roles: list[tuple[int, str]] = []
            for cap in f.captions:
                for col, seg in segments(line_text(cap)):
                    role = id_column_role(seg)
                    if role:
                        roles.append((col, role))
                        if role in _ID_FIELDS:
                            self.caption_cells.setdefault(_ID_FIELDS[role], (cap, col, col + len(seg)))
                    pieces = (cache.split(r":\s*", seg) if ":" in seg else [seg]) + seg.split()[-1:]
                    for piece in pieces:
                        self._classify_id(piece.strip(" ()"), cap, found, roles=None, col=None)
            for tok in value_block:
                for col, seg in segments(line_text(tok)):
                    self._classify_id(seg, tok, found, roles, col)
            # a caption column with nothing over it: the value's cell is blank
            if value_block:
                for col, role in roles:
                    if role in _ID_FIELDS and role not in found:
                        self.blank_cells.setdefault(_ID_FIELDS[role], (value_block[0], col))
        for key, attr in (("state", "state_of_incorporation"), ("file", "commission_file_number"),
                          ("irs", "irs_employer_id"), ("name", "registrant_name")):
            if key in found and not self.values.get(attr):
                value, tok, at = found[key]
                self._set(attr, value, [tok], at)

    @classmethod
    def _classify_id(cls, seg: str, tok: Token, found: dict, roles, col) -> None:
        seg = seg.strip()
        if not seg:
            return
        if roles is None and not has_digit(seg):
            # (most words of a caption line: no number, so no label before
            # one, and no row to place it in; only a state's name: issue 12)
            if is_state(seg) and "state" not in found:
                found["state"] = (seg, tok, span_at(tok, col, col + len(seg)) if col is not None else None)
            return
        # "No. 95-4545390", "File No. 1-3285", "I.R.S. No. 95-4545390": the
        # value after its label
        prefix = ID_PREFIX.match(seg)
        if prefix and prefix.end() < len(seg):
            seg, col = seg[prefix.end():], None if col is None else col + prefix.end()
        # "0-27568 65-0617076": two values one space apart
        pieces = seg.split(" ")
        if len(pieces) > 1 and sum(1 for p in pieces if IRS.match(p) or FILE_NUMBER.match(p)) > 1:
            at = col
            for piece in pieces:
                cls._classify_id(piece, tok, found, roles, at)
                at = None if at is None else at + len(piece) + 1
            return
        at = span_at(tok, col, col + len(seg)) if col is not None else None
        if IRS.match(seg) and "irs" not in found:
            found["irs"] = (seg, tok, at)
        elif FILE_NUMBER.match(seg) and "file" not in found:
            found["file"] = (cache.sub(r"^No\.\s*", "", seg), tok, at)
        elif roles is None and is_state(seg) and "state" not in found:
            found["state"] = (seg, tok, at)  # "Delaware   File No. 1-3285   41-0417775" read as a caption row
        elif (roles is not None and "irs" not in found and cache.fullmatch(r"\d{2}\s?-\s?\d{5,8}|\d{8,10}", seg)
              and nearest(roles, col, len(seg)) == "irs"):
            # a misprinted number in the IRS column ("03-153200") is kept as
            # printed; check FG207 says it is malformed
            found["irs"] = (seg, tok, at)
        elif (roles is not None and "file" not in found and FILE_NUMBER_LIKE.fullmatch(seg)
              and nearest(roles, col, len(seg)) == "file"):
            # a misprinted number in the file number column ("333-9215X") is
            # kept as printed; check FG208 says it is malformed
            found["file"] = (seg, tok, at)
        elif roles is not None and cache.search(r"[A-Za-z]", seg) and not cache.search(r"\d{3}", seg):
            role = nearest(roles, col, len(seg))
            if role == "name" and not is_state(seg):
                found.setdefault("name", (seg, tok, at))
            elif is_state(seg) or role == "state":
                if "state" not in found:
                    found["state"] = (seg, tok, at)
                elif found["state"][1] is not tok:
                    # a state name wrapped onto a second line
                    found["state"] = (found["state"][0] + " " + seg, tok, None)

    def _address(self) -> None:
        i = self._find("address")
        if i is None:
            return
        # the address may be printed as several blocks (HTML paragraphs): the
        # last ADDRESS_BLOCKS of them that are no ids row and no date (looked
        # for from the caption up, the blocks above them left untried: issue 12)
        above: list[list[Token]] = []
        for b in reversed(self._above(i)):
            if len(above) == ADDRESS_BLOCKS:
                break
            if not _looks_like_ids(b, numbers_only=True) and not _is_date_block(b):
                above.insert(0, b)
        block = [t for b in above for t in b if not ID_CAPTION_WORDS.search(line_text(t))]
        if not block:
            block = (self._below(i)[:1] or [[]])[0]
        # a value may also stand beside a caption on the caption line
        # ("Hoffman Estates, Illinois            (Zip code)")
        beside = [c for c in self.fields[i].captions
                  if any(not CAPTION_WORDS.search(seg) for _, seg in segments(line_text(c), 3))]
        self._address_lines(list(block) + beside)

    def _address_lines(self, lines: list[Token]) -> None:
        """Address, ZIP code (and a telephone number among them) from the
        address's lines: the lines joined with ", ", the ZIP taken off."""
        parts: list[str] = []
        zip_code = None
        zip_at: Span | None = None
        used: list[Token] = []
        for tok in lines:
            text = line_text(tok)
            if PHONE.search(text) and not cache.search(r"[A-Za-z]{3}", PHONE.sub("", text)):
                if not self.values.get("telephone"):
                    self._set("telephone", collapse(PHONE.search(text).group()), [tok])
                continue
            used.append(tok)
            bad = misprinted_zip(text)
            for col, seg in segments(text, 3):
                if CAPTION_WORDS.search(seg):
                    continue
                m = ZIP.search(seg)
                if m:
                    if zip_code is None:
                        zip_code, zip_at = m.group(), span_at(tok, col + m.start(), col + m.end())
                    seg = seg[: m.start()]
                elif bad is not None and col <= bad.start("zip") < col + len(seg):
                    # kept as printed, check FG211 says it is malformed
                    if zip_code is None:
                        zip_code, zip_at = bad.group("zip"), span_at(tok, bad.start("zip"), bad.end("zip"))
                    seg = seg[: bad.start("zip") - col]
                seg = collapse(seg).strip(" ,")
                if seg:
                    parts.append(seg)
        if parts:
            self._set("address", ", ".join(parts), used)
        if zip_code:
            self._set("zip_code", zip_code, used, zip_at)

    def _phone(self) -> None:
        i = self._find("telephone")
        if i is None:
            return
        f = self.fields[i]
        groups = [f.captions] + self._above(i)[-1:] + self._below(i)[:1]
        for toks in groups:
            for tok in toks:
                m = PHONE.search(line_text(tok))
                if m:
                    self._set("telephone", collapse(m.group()), [tok])
                    return
        # a number meant as the telephone but misprinted ("(818) 225-324"):
        # kept as printed, for the check to say so (FG210)
        for toks in groups:
            for tok in toks:
                text = line_text(tok)
                m = PHONE_LIKE.search(text)
                if m and not CAPTION_DIGITS.search(text[:m.start()]):
                    self._set("telephone", collapse(m.group()), [tok], span_at(tok, m.start(), m.end()))
                    return

    def _former(self) -> None:
        i = self._find("former_name")
        if i is None:
            return
        f = self.fields[i]
        # "(Former name ...): Not Applicable" on the caption line
        for cap in f.captions:
            m = cache.search(r"report\)?\s*[:.]?\s*\)?\s{2,}(\S.*)$|report\)\s*:?\s*(\S.*)$", line_text(cap), re.I)
            if m:
                text = collapse(m.group(1) or m.group(2))
                if not is_placeholder(text):  # "N/A", "Not Applicable": no former name
                    self._set("former_name", text, [cap])
                return
        above = self._above(i)
        if above:
            block = above[-1]
            text = collapse(" ".join(line_text(t) for t in block))
            if PHONE.fullmatch(text) or (self.values.get("telephone") and text.endswith(self.values["telephone"])):
                return
            if not is_placeholder(text):
                self._set("former_name", text, block)


def _may_be_name(block: list[Token]) -> bool:
    """Can a block be the registrant's name?  Not a date, not the row of state
    / file number / IRS number, not a state alone (the name's own line left
    out puts one of those next to the caption)."""
    if _is_date_block(block) or _looks_like_ids(block):
        return False
    text = collapse(" ".join(line_text(t) for t in block))
    return not (is_state(text) or FILE_NUMBER.match(text) or IRS.match(text))


def _is_date_block(block: list[Token]) -> bool:
    text = collapse(" ".join(line_text(t) for t in block))
    iso, m = find_date(text)
    return m is not None and len(text) <= len(m.group()) + DATE_BLOCK_SLACK and not cache.search(r"[A-Z]{2,}.*,\s*(INC|CORP|LLC)", text)


def _looks_like_ids(block: list[Token], numbers_only: bool = False) -> bool:
    for tok in block:
        for _, seg in segments(line_text(tok)):
            if (has_digit(seg) and (IRS.match(seg) or FILE_NUMBER.match(seg))) \
                    or (not numbers_only and is_state(seg)):
                return True
    return False


# Role of a column of the ids caption row -> the record field.
_ID_FIELDS = {"state": "state_of_incorporation", "file": "commission_file_number", "irs": "irs_employer_id"}

# Field node -> the record fields it gives (the ids row: see _ID_FIELDS).
_FIELD_NAMES = {"address": ("address", "zip_code")}


def read_cover(node: Tree) -> Cover:
    """``cover_page``: every field of the cover.  A cover printed in two
    columns is read by its first, the registrant's; the names in the second
    are its co-registrants."""
    fields = []
    # (each field's lines walked once, the name's too: issue 12)
    children = [(c, tree_tokens(c)) for c in node.children if isinstance(c, Tree)]
    column = second_column([t for c, tokens in children if c.data == "registrant_name" for t in tokens])
    others: list[str] = []
    for child, tokens in children:
        if column is not None:
            if child.data == "registrant_name":
                names = [t for t in tokens[:-1] if line_text(t).strip()]
                others = [seg for col, seg in segments(line_text(names[-1]), 3) if col >= column] if names else []
            tokens = [left_part(t, column) for t in tokens]
        if child.data in _CAPTIONED:
            fields.append(_Field(child.data, tokens[:-1], tokens[-1:]))
        else:
            fields.append(_Field(child.data, tokens, []))
    cover = _CoverReader(fields).read()
    if others:
        cover = replace(cover, co_registrants=cover.co_registrants + tuple(collapse(o) for o in others))
    return cover
