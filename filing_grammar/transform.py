"""Stage 4: parse tree -> records.

One method per grammar rule (python-hcl2 style).  The grammar says which
lines make up a cover field, an item, a signature block; the few things a
context-free grammar cannot say are done here, each marked POST-PROCESSING:

* which line of a cover field is its value, and which column of a caption
  row a value stands in (state / file number / IRS number);
* dates, telephone numbers, ZIP codes read as values;
* an item title wrapped onto the line below its heading;
* signer, title and date among the lines of a signature block;
* an exhibit description wrapped over several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from lark import Token, Transformer, Tree

from .records import (
    Cover, Document, ExhibitRef, Filing, HeaderFiler, Item, SecHeader, Signature, Span,
    Unmatched,
)
from .form import official_title_end
from .values import FILE_NUMBER, IRS, PHONE, ZIP, collapse, find_date, header_date

__all__ = ["FilingTransformer", "to_filing", "tree_tokens"]

# Line kinds that carry words a cover value can be made of.
_VALUE_KINDS = frozenset({"TEXT", "EXHIBIT_ENTRY", "SECTION_HEADING", "NAME_LINE",
                          "TITLE_LINE", "DATE_LINE", "BY_LINE", "PAGE_NUMBER", "UNMATCHED"})
# Furniture: never part of a value or of item text.
_LAYOUT = frozenset({"PAGE", "PAGE_NUMBER", "TABLE_TAG"})


def tree_tokens(tree: Tree | Token) -> list[Token]:
    """All tokens of a tree, in input order."""
    if isinstance(tree, Token):
        return [tree]
    out: list[Token] = []
    stack: list = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Token):
            out.append(node)
        else:
            stack.extend(reversed(node.children))
    return out


def _text(tok: Token) -> str:
    """A line token's text, PEM dash-escape and newline removed."""
    s = tok.value.rstrip("\n")
    if s.startswith("- -"):
        s = s[2:]
    return s.replace("\t", "    ")


def _span(tokens: Sequence[Token]) -> Span | None:
    real = [t for t in tokens if isinstance(t, Token) and t.line is not None]
    if not real:
        return None
    first, last = real[0], real[-1]
    return Span(first.line, 1, last.end_line or last.line, last.end_column or 1,
                first.start_pos or 0, last.end_pos or 0)


def _blocks(tokens: Iterable[Token]) -> list[list[Token]]:
    """Runs of consecutive value lines (blank lines, rules, banners split them)."""
    blocks: list[list[Token]] = []
    current: list[Token] = []
    for tok in tokens:
        if tok.type in _VALUE_KINDS and tok.type != "PAGE_NUMBER" and tok.value.strip():
            current.append(tok)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


_SEGMENT = {2: re.compile(r"\S+(?: \S+)*"), 3: re.compile(r"\S+(?: {1,2}\S+)*")}


def _segments(line: str, gap: int = 2) -> list[tuple[int, str]]:
    """Columns of a line: (start column, text), split on runs of ``gap`` or
    more spaces (3 for text typed with double spaces between words)."""
    return [(m.start(), m.group()) for m in _SEGMENT[gap].finditer(line)]


# ---------------------------------------------------------------------------
#  Cover page helpers
# ---------------------------------------------------------------------------
@dataclass
class _Field:
    kind: str
    value: list[Token]
    captions: list[Token]
    also: set[str] = field(default_factory=set)  # kinds of captions merged into this one

    @property
    def tokens(self) -> list[Token]:
        return self.value + self.captions


_US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "district of columbia", "florida", "georgia", "hawaii", "idaho", "illinois",
    "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
    "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
    "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina",
    "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
    "west virginia", "wisconsin", "wyoming", "puerto rico", "bermuda", "cayman islands",
    "british virgin islands", "canada", "ontario", "british columbia", "quebec", "alberta",
    "england", "united kingdom", "ireland", "netherlands", "luxembourg", "panama", "liberia",
    "marshall islands", "israel", "switzerland", "bahamas", "virgin islands",
}


def _is_state(text: str) -> bool:
    t = text.lower().strip(" .,()")
    return t in _US_STATES or t.removeprefix("state of ") in _US_STATES


class _CoverReader:
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
            same = prev is not None and prev.kind == f.kind and not _blocks(f.value)
            continued = (prev is not None and f.kind != prev.kind and not f.value and prev.captions
                         and _caption_open(_text(prev.captions[-1])))
            if prev is not None and prev.kind not in ("heading", "tail") and f.kind not in ("heading", "tail") \
                    and f.captions and (same or continued):
                prev.captions.extend(f.value + f.captions)
                if f.kind != prev.kind:
                    prev.also.add(f.kind)
            else:
                merged.append(_Field(f.kind, list(f.value), list(f.captions)))
        self.fields = merged
        self.cover = Cover()

    def _find(self, kind: str) -> int | None:
        for i, f in enumerate(self.fields):
            if f.kind == kind:
                return i
        for i, f in enumerate(self.fields):
            if kind in f.also:
                return i
        return None

    def _above(self, i: int) -> list[list[Token]]:
        return _blocks(self.fields[i].value)

    def _below(self, i: int) -> list[list[Token]]:
        """Blocks under field ``i``'s caption: in the next field that has any
        (a caption continued on the next line makes a field of its own)."""
        for f in self.fields[i + 1:i + 3]:
            blocks = _blocks(f.value)
            if blocks:
                return blocks
        return []

    def read(self) -> Cover:
        c = self.cover
        self._date()
        self._registrants()
        self._name()
        self._ids()
        if not self.cover.registrant_name:
            self._name_without_caption()
        self._address()
        self._phone()
        self._former()
        self._boxes()
        self._securities_12b()
        self._amendment()
        if not any(self._find(k) is not None for k in ("name", "ids", "address", "phone", "registrants")):
            self._without_captions()
        all_tokens = [t for f in self.fields for t in f.tokens]
        c.span = _span(all_tokens)
        return c

    def _set(self, name: str, value: str | None, tokens: Sequence[Token]) -> None:
        if value:
            setattr(self.cover, name, value)
            span = _span(tokens)
            if span:
                self.cover.spans[name] = span

    # Date of Report (Date of earliest event reported): value beside, above or below
    def _date(self) -> None:
        i = self._find("date")
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
            stop = self._find("name")
            for f in self.fields[: stop + 1 if stop is not None else len(self.fields)]:
                for b in _blocks(f.value):
                    for tok in b:
                        iso, m = find_date(_text(tok))
                        if m and len(_text(tok).strip()) <= len(m.group()) + 12:
                            candidates.append([tok])
        for toks in candidates:
            for tok in toks:
                text = _text(tok)
                iso, m = find_date(text)
                if m is not None:
                    self.cover.date_text = m.group()
                    self._set("date_of_report", iso, [tok])
                    if iso is None:
                        self.cover.spans["date_of_report"] = _span([tok])  # type: ignore[assignment]
                    return

    def _name(self) -> None:
        i = self._find("name")
        if i is None:
            return
        blocks = [b for b in self._above(i) if not _is_date_block(b)]
        if not blocks:
            blocks = [b for b in self._below(i)[:1] if not _is_date_block(b)]
            if not blocks:
                return
            name_block = blocks[0]
        else:
            name_block = blocks[-1]
        self._set("registrant_name", collapse(" ".join(_text(t) for t in name_block)), name_block)
        desc = [b for b in blocks if b is not name_block and b[0].start_pos < name_block[0].start_pos]
        if desc:
            self._set("registrant_description",
                      collapse(" ".join(_text(t) for b in desc for t in b)), [t for b in desc for t in b])

    def _registrants(self) -> None:
        """A combined cover (Southern Company and its subsidiaries): a caption
        row "Commission File Number | Registrant, State of Incorporation,
        Address and Telephone Number | I.R.S. Employer Identification No.",
        then one block per registrant: "1-3526   The Southern Company
        58-0690070" over "(A Delaware Corporation)", the address, the phone."""
        i = self._find("registrants")
        if i is None:
            return
        regs: list[tuple[dict, list[Token]]] = []
        lines = [t for b in self._below(i) for t in b]
        for tok in lines:
            segs = _segments(_text(tok))
            files = [seg for _, seg in segs if FILE_NUMBER.match(seg)]
            irs = [seg for _, seg in segs if IRS.match(seg)]
            names = [seg for _, seg in segs if not FILE_NUMBER.match(seg) and not IRS.match(seg)]
            if names and (files or irs):
                regs.append(({"name": names[0], "state_of_incorporation": None,
                              "commission_file_number": files[0] if files else None,
                              "irs_employer_id": irs[0] if irs else None, "address": None,
                              "telephone": None, "_address": []}, [tok]))
                continue
            if not regs:
                continue
            line = collapse(_text(tok))
            if len(line) > 70:  # the prose after the table ("This combined Form 8-K ...")
                break
            reg, block = regs[-1]
            block.append(tok)
            m = re.match(r"\(an?\s+(.+?)\s+corporation\)$", line, re.I)
            if m:
                reg["state_of_incorporation"] = m.group(1)
            elif PHONE.fullmatch(line):
                reg["telephone"] = line
            else:
                reg["_address"].append(ZIP.sub("", line).strip(" ,") if ZIP.search(line) else line)
        for reg, _ in regs:
            reg["address"] = ", ".join(a for a in reg.pop("_address") if a) or None
        if not regs:
            return
        (main, block), rest = regs[0], regs[1:]
        for key, attr in (("name", "registrant_name"), ("state_of_incorporation", "state_of_incorporation"),
                          ("commission_file_number", "commission_file_number"),
                          ("irs_employer_id", "irs_employer_id"), ("address", "address"),
                          ("telephone", "telephone")):
            self._set(attr, main[key], block)
        zips = [ZIP.search(_text(t)) for t in block[1:]]
        zips = [z.group() for z in zips if z]
        if zips:
            self._set("zip_code", zips[0], block)
        self.cover.co_registrants = [r for r, _ in rest]

    def _boxes(self) -> None:
        """The 2004+ check boxes and the 2017+ emerging growth company box:
        True when the box is checked, False when empty, None when absent."""
        toks = [t for f in self.fields for t in f.tokens]
        for k, tok in enumerate(toks):
            if tok.type != "CHECKBOX":
                continue
            text = _text(tok)
            label = (text + " " + (_text(toks[k + 1]) if k + 1 < len(toks) else "")).lower()
            checked = _box_state(text)
            if checked is None:
                continue
            if re.search(r"if\s+an\s+emerging|transition\s+period|accounting\s+standards", text, re.I):
                continue
            if "emerging growth" in text.lower():
                self.cover.emerging_growth_company = checked
            elif "written communication" in label:
                self.cover.checkboxes["written_communications"] = checked
            elif "soliciting material" in label:
                self.cover.checkboxes["soliciting_material"] = checked
            elif "14d-2" in label or "14d2" in label:
                self.cover.checkboxes["pre_commencement_14d2b"] = checked
            elif "13e-4" in label or "13e4" in label:
                self.cover.checkboxes["pre_commencement_13e4c"] = checked

    def _securities_12b(self) -> None:
        """The Section 12(b) table: a header row (Title of each class | Trading
        Symbol(s) | Name of each exchange ...), then one row per class; the
        columns are matched by position (a title wrapped onto the next line
        joins the row above)."""
        i = self._find("12b")
        if i is None:
            return
        lines = [t for t in self.fields[i].value if t.type not in ("BLANK", "RULE", "PAGE", "PAGE_NUMBER", "TABLE_TAG")]
        head_at = next((k for k, t in enumerate(lines) if re.search(r"title\s+of\s+each", _text(t), re.I)), None)
        if head_at is None:
            return
        columns: list[tuple[int, str]] = []
        k = head_at
        # the header may wrap ("Trading" / "Symbol(s)", "Name of each exchange" /
        # "on which registered"); data rows never say "symbol" or "registered"
        while k < len(lines) and (k == head_at or _12B_HEADER.search(_text(lines[k]))):
            for col, seg in _segments(_text(lines[k])):
                low = seg.lower()
                role = ("registrant" if low.startswith("registrant") else "title" if "title" in low or "class" in low
                        else "trading_symbol" if "symbol" in low or "trading" in low
                        else "exchange" if "exchange" in low or "name of each" in low else None)
                if role and all(r != role for _, r in columns):
                    columns.append((col, role))
            k += 1
        if len(columns) < 2:
            return
        columns.sort()
        value = self.fields[i].value
        after_blank = {id(value[n]) for n in range(1, len(value)) if value[n - 1].type == "BLANK"}
        rows: list[dict[str, str | None]] = []
        for tok in lines[k:]:
            if rows and id(tok) in after_blank:
                break  # the table ends at a blank line ("Note: ... also traded on ...")
            if re.search(r"(?i)registered\s+pursuant\s+to\s+section\s+12\s*\(\s*g", _text(tok)):
                break  # the 12(g) table that some covers print after it
            segs = _segments(_text(tok))
            if not segs:
                continue
            row: dict[str, str | None] = {}
            for col, seg in segs:
                role = min(columns, key=lambda c: abs(c[0] - col))[1]
                row[role] = (row[role] + " " + seg) if row.get(role) else seg
            if rows and list(row) == ["title"]:
                rows[-1]["title"] = (rows[-1].get("title") or "") + " " + row["title"]
                continue
            if len(row) < 2:
                continue
            rows.append(row)
        out = []
        for row in rows:
            rec = {"title": row.get("title"), "trading_symbol": row.get("trading_symbol"),
                   "exchange": row.get("exchange")}
            if any(r == "registrant" for _, r in columns):
                rec["registrant"] = row.get("registrant")
            out.append(rec)
        self.cover.securities_12b = out

    def _amendment(self) -> None:
        """8-K/A: "(Amendment No. 1)" on the cover, and the explanatory note
        (its first paragraph) that says what the amendment is for."""
        toks = [t for f in self.fields for t in f.tokens]
        for k, tok in enumerate(toks):
            if tok.type == "AMENDMENT" and self.cover.amendment_number is None:
                self.cover.amendment_number = re.search(r"\d+", _text(tok)).group()
            m = re.match(r"(?i)\s*explanatory\s+note\s*[:.\-\u2013\u2014]?\s*(.*)$", _text(tok))
            if m and self.cover.explanatory_note is None:
                para = [m.group(1)] if m.group(1).strip() else []
                for nxt in toks[k + 1:]:
                    if nxt.type in ("BLANK", "RULE", "PAGE") or not nxt.value.strip():
                        if para:
                            break
                        continue
                    para.append(_text(nxt))
                self.cover.explanatory_note = collapse(" ".join(para)) or None

    def _name_without_caption(self) -> None:
        """Old covers print the name with no caption under it: take the first
        block after the date of report that is neither a date nor the row of
        state / file number / IRS number."""
        date_span = self.cover.spans.get("date_of_report")
        for f in self.fields:
            if f.kind in ("heading", "tail"):
                continue
            for block in _blocks(f.value):
                if date_span and block[-1].line <= date_span.line:
                    continue
                if _is_date_block(block) or _looks_like_ids(block):
                    continue
                text = collapse(" ".join(_text(t) for t in block))
                if len(text) > 90 or PHONE.search(text):
                    continue
                self._set("registrant_name", text, block)
                return
            # the name comes before the row of ids; a caption line with its
            # value beside it ("Commission File Number : 000-28881") has no
            # lines of its own and does not end the search
            if f.kind in ("ids", "address") and _blocks(f.value):
                return

    def _without_captions(self) -> None:
        """A cover with no caption under its date of report (the monthly
        reports of asset-backed trusts): name, the row of state / file number
        / IRS number, address and telephone, in that order, told apart by
        their shapes.  The first of several file or IRS numbers is taken."""
        i = self._find("tail")
        if i is None:
            return
        stage = "name"
        for block in _blocks(self.fields[i].value):
            text = collapse(" ".join(_text(t) for t in block))
            if _is_date_block(block) or _BOX_LINE.search(text):
                continue
            phone = PHONE.search(text)
            if phone and not re.search(r"[A-Za-z]{3}", PHONE.sub("", text)):
                self._set("telephone", collapse(phone.group()), block)
                return  # the telephone number closes the cover
            if stage in ("name", "ids") and _looks_like_ids(block):
                found: dict[str, tuple[str, Token]] = {}
                for tok in block:
                    for _, seg in _segments(_text(tok)):
                        self._classify_id(seg, tok, found, roles=None, col=None)
                for key, attr in (("state", "state_of_incorporation"), ("file", "commission_file_number"),
                                  ("irs", "irs_employer_id")):
                    if key in found:
                        self._set(attr, found[key][0], [found[key][1]])
                stage = "address"
            elif stage == "name" and len(text) <= 120:
                self._set("registrant_name", text, block)
                stage = "ids"
            elif stage == "address":
                self._address_lines(block)
                stage = "phone"

    def _ids(self) -> None:
        """State, Commission File Number and IRS number: a row of values over a
        row of captions (or, in old covers, under it), matched by column.  The
        three may share one caption row or have one each."""
        found: dict[str, tuple[str, Token]] = {}
        for i, f in enumerate(self.fields):
            if f.kind != "ids":
                continue
            above = self._above(i)
            below = self._below(i)
            value_block = above[-1] if above else []
            if not _looks_like_ids(value_block) and below and _looks_like_ids(below[0]):
                value_block = below[0]
            # caption columns: where each caption word sits
            roles: list[tuple[int, str]] = []
            for cap in f.captions:
                for col, seg in _segments(_text(cap)):
                    low = seg.lower()
                    if re.search(r"exact\s+name|name\s+of\s+registrant", low):
                        roles.append((col, "name"))
                    elif re.search(r"i\.\s?r\.\s?s|irs|employer|identification", low):
                        roles.append((col, "irs"))
                    elif re.search(r"commission|file", low):
                        roles.append((col, "file"))
                    elif re.search(r"state|jurisdiction|incorporation|organi", low):
                        roles.append((col, "state"))
            # values printed on the caption line itself ("Commission File Number: 1-5502",
            # "Commission file number 000-20908")
            for cap in f.captions:
                for _, seg in _segments(_text(cap)):
                    pieces = re.split(r":\s*", seg) + seg.split()[-1:]
                    for piece in pieces:
                        self._classify_id(piece.strip(" ()"), cap, found, roles=None, col=None)
            for tok in value_block:
                for col, seg in _segments(_text(tok)):
                    self._classify_id(seg, tok, found, roles, col)
        for key, attr in (("state", "state_of_incorporation"), ("file", "commission_file_number"),
                          ("irs", "irs_employer_id"), ("name", "registrant_name")):
            if key in found and not getattr(self.cover, attr):
                self._set(attr, found[key][0], [found[key][1]])

    @staticmethod
    def _classify_id(seg: str, tok: Token, found: dict, roles, col) -> None:
        seg = seg.strip()
        if not seg:
            return
        if IRS.match(seg) and "irs" not in found:
            found["irs"] = (seg, tok)
        elif FILE_NUMBER.match(seg) and "file" not in found:
            found["file"] = (re.sub(r"^No\.\s*", "", seg), tok)
        elif roles is None and _is_state(seg) and "state" not in found:
            found["state"] = (seg, tok)  # "Delaware   File No. 1-3285   41-0417775" read as a caption row
        elif (roles is not None and "irs" not in found and re.fullmatch(r"\d{2}\s?-\s?\d{5,8}|\d{8,10}", seg)
              and _nearest(roles, col, len(seg)) == "irs"):
            # a misprinted number in the IRS column ("03-153200") is kept as
            # printed; check FG207 says it is malformed
            found["irs"] = (seg, tok)
        elif roles is not None and re.search(r"[A-Za-z]", seg) and not re.search(r"\d{3}", seg):
            role = _nearest(roles, col, len(seg))
            if role == "name" and not _is_state(seg):
                found.setdefault("name", (seg, tok))
            elif _is_state(seg) or role == "state":
                if "state" not in found:
                    found["state"] = (seg, tok)
                elif found["state"][1] is not tok:
                    # a state name wrapped onto a second line
                    found["state"] = (found["state"][0] + " " + seg, tok)

    def _address(self) -> None:
        i = self._find("address")
        if i is None:
            return
        # the address may be printed as several blocks (HTML paragraphs)
        above = [b for b in self._above(i) if not _looks_like_ids(b, numbers_only=True)
                 and not _is_date_block(b)]
        block = [t for b in above[-3:] for t in b if not _ID_CAPTION_WORDS.search(_text(t))]
        if not block:
            block = (self._below(i)[:1] or [[]])[0]
        # a value may also stand beside a caption on the caption line
        # ("Hoffman Estates, Illinois            (Zip code)")
        beside = [c for c in self.fields[i].captions
                  if any(not _CAPTION_WORDS.search(seg) for _, seg in _segments(_text(c), 3))]
        self._address_lines(list(block) + beside)

    def _address_lines(self, lines: list[Token]) -> None:
        """Address, ZIP code (and a telephone number among them) from the
        address's lines: the lines joined with ", ", the ZIP taken off."""
        parts: list[str] = []
        zip_code = None
        used: list[Token] = []
        for tok in lines:
            text = _text(tok)
            if PHONE.search(text) and not re.search(r"[A-Za-z]{3}", PHONE.sub("", text)):
                if not self.cover.telephone:
                    self._set("telephone", collapse(PHONE.search(text).group()), [tok])
                continue
            used.append(tok)
            for _, seg in _segments(text, 3):
                if _CAPTION_WORDS.search(seg):
                    continue
                m = ZIP.search(seg)
                if m:
                    zip_code = zip_code or m.group()
                    seg = seg[: m.start()]
                seg = collapse(seg).strip(" ,")
                if seg:
                    parts.append(seg)
        if parts:
            self._set("address", ", ".join(parts), used)
        if zip_code:
            self._set("zip_code", zip_code, used)

    def _phone(self) -> None:
        i = self._find("phone")
        if i is None:
            return
        f = self.fields[i]
        groups = [f.captions] + self._above(i)[-1:] + self._below(i)[:1]
        for toks in groups:
            for tok in toks:
                m = PHONE.search(_text(tok))
                if m:
                    self._set("telephone", collapse(m.group()), [tok])
                    return

    def _former(self) -> None:
        i = self._find("former")
        if i is None:
            return
        f = self.fields[i]
        # "(Former name ...): Not Applicable" on the caption line
        for cap in f.captions:
            m = re.search(r"report\)?\s*[:.]?\s*\)?\s{2,}(\S.*)$|report\)\s*:?\s*(\S.*)$", _text(cap), re.I)
            if m:
                self._set("former_name", collapse(m.group(1) or m.group(2)), [cap])
                return
        above = self._above(i)
        if above:
            block = above[-1]
            text = collapse(" ".join(_text(t) for t in block))
            if PHONE.fullmatch(text) or (self.cover.telephone and text.endswith(self.cover.telephone)):
                return
            self._set("former_name", text, block)


_CAPTION_WORDS = re.compile(r"^\(|\)$|zip\s+code\)?$|principal\s+executive|address\s+of|^address\s+and$|telephone\s+number", re.I)


_ID_CAPTION_WORDS = re.compile(r"(?i)identification|incorporation|organi[sz]ation\)|number\)|employer")
_BOX_LINE = re.compile(r"(?i)check\s+the\s+appropriate\s+box|written\s+communications|soliciting\s+material|"
                       r"pre-commencement|emerging\s+growth")
_12B_HEADER = re.compile(r"(?i)symbol|registered|title\s+of\s+each|name\s+of\s+each|^\s*class(?:\s{2,}|\s*$)")
_CHECKED = re.compile(r"\[ {0,3}[xX] {0,3}\]|\( {0,3}[xX] {0,3}\)|[\u2611\u2612\u00fd\u00fe]|(?:^|\s)[xX](?=\s|$)")
_EMPTY = re.compile(r"\[ {0,3}_? {0,3}\]|\|_\||\( {0,3}\)|\u2610|\u00a8|(?:^|\s)[oq](?=\s|$)")


def _box_state(text: str) -> bool | None:
    """True for a checked box glyph in ``text``, False for an empty one."""
    checked, empty = _CHECKED.search(text), _EMPTY.search(text)
    if checked and (not empty or checked.start() < empty.start()):
        return True
    if empty:
        return False
    return None


def _caption_open(line: str) -> bool:
    """Does a caption line go on to the next line ("(Address, including Zip
    Code, and telephone number," / "Address and")?"""
    line = line.strip()
    return line.count("(") > line.count(")") or bool(re.search(r"(?:,|\band|\bof|\bor)$", line, re.I))


def _is_date_block(block: list[Token]) -> bool:
    text = collapse(" ".join(_text(t) for t in block))
    iso, m = find_date(text)
    return m is not None and len(text) <= len(m.group()) + 30 and not re.search(r"[A-Z]{2,}.*,\s*(INC|CORP|LLC)", text)


def _looks_like_ids(block: list[Token], numbers_only: bool = False) -> bool:
    for tok in block:
        for _, seg in _segments(_text(tok)):
            if IRS.match(seg) or FILE_NUMBER.match(seg) or (not numbers_only and _is_state(seg)):
                return True
    return False


def _nearest(roles: list[tuple[int, str]], col: int | None, width: int) -> str | None:
    """The caption column a value at ``col`` stands under (left edges or centres)."""
    if not roles or col is None:
        return None
    return min(roles, key=lambda r: min(abs(r[0] - col), abs(r[0] - (col + width / 2))))[1]


# ---------------------------------------------------------------------------
#  Items
# ---------------------------------------------------------------------------
_ITEM = re.compile(
    r"^(?P<lead>\s*)(?P<word>items?)\s+(?P<num>\d{1,2}(?:\.\d{1,2})?)(?P<sub>\s*\([a-z]\))?"
    r"(?P<more>(?:\s*(?:,|and|through|to|&)\s*(?:items?\s+)?\d{1,2}(?:\.\d{1,2})?(?:\s*\([a-z]\))?)*)"
    r"(?P<rest>.*)$",
    re.I,
)
_INAPPLICABLE = re.compile(r"^(?:are\s+)?(?:not\s+applicable|none|omitted|n/a|intentionally omitted)\b", re.I)


def _clean_title(title: str) -> str:
    title = collapse(title)
    title = re.sub(r"^[\s.:\-\u2013\u2014]+", "", title)
    return title.rstrip(" .:;").strip()


def read_item(tokens: list[Token]) -> Item | None:
    head = tokens[0]
    text = _text(head)
    m = _ITEM.match(text)
    if m is None:  # cannot happen: the lexer matched the same shape
        return Item(None, None, "", head.line or 0)
    numbers = [m.group("num")] + re.findall(r"\d{1,2}(?:\.\d{1,2})?", m.group("more") or "")
    number = m.group("num").rstrip(".")
    raw_title = m.group("rest")
    title = _clean_title(raw_title)
    # "Item 2.01 Completion of Acquisition. On March 1, the Company ...": the
    # heading runs into the text; the title ends at its first full stop.
    run_on = re.match(r"^(.{8,150}?[a-z)\]]{2}\.)\s+([A-Z(\u201c\"].{20,})$", title)
    lead_text = ""
    # The official title (see form.py) decides first where a run-on title
    # ends: "Appointment of Certain Officers. Compensatory Arrangements of
    # Certain Officers. Mr. Kaufman ..." keeps its full stops inside.
    bare = raw_title.lstrip(" .:-\u2013\u2014\t")
    end = official_title_end(number, bare)
    after = bare[end:] if end else ""
    if end and re.match(r"^[.:;]?\s+[A-Z(\u201c\"].{20,}$", after):
        title = _clean_title(bare[:end])
        raw_title = bare[:end] + "."
        lead_text = after.lstrip(" .:;")
    elif end and not after.strip(" .:;"):
        title = _clean_title(bare)
    elif run_on:
        title = _clean_title(run_on.group(1))
        raw_title = run_on.group(1)
        lead_text = run_on.group(2)
    body = tokens[1:]
    consumed = 0
    title_col = len(text) - len(raw_title.lstrip(" .:-\u2013\u2014\t")) if raw_title.strip() else None
    # POST-PROCESSING: a title wrapped onto the next line(s), indented like the
    # title above it ("Item 7.   Financial Statements, Pro Forma Financial" /
    # "          Information and Exhibits."), possibly with a dash underline between.
    if title and not raw_title.rstrip().endswith(".") and title_col is not None:
        j = 0
        while j < len(body) and j < 4:
            tok = body[j]
            if tok.type == "RULE":
                j += 1
                continue
            line = _text(tok)
            indent = len(line) - len(line.lstrip())
            nxt = body[j + 1].type if j + 1 < len(body) else "BLANK"
            aligned = abs(indent - title_col) <= 1
            # a line that carries on the official title continues it, however long
            so_far = raw_title.lstrip(" .:-\u2013\u2014\t").rstrip()
            official = official_title_end(number, so_far + " " + line.strip()) > len(so_far) + 1
            unfinished = re.search(r"[;,]$|\b(?:and|of|or|the|to|in|for|on|under)$", raw_title.rstrip(), re.I)
            alone = indent <= 1 and nxt in ("BLANK", "RULE", "PAGE") and (
                line.rstrip().endswith(".") or unfinished)
            if tok.type == "TEXT" and line.strip() and (
                    official or ((aligned or alone) and len(line.strip()) < 70)):
                raw_title = raw_title.rstrip() + " " + line.strip()
                title = _clean_title(raw_title)
                consumed = j + 1
                if line.rstrip().endswith("."):
                    break
                j += 1
                continue
            break
    # A heading with no title on its line, the title alone on the next line
    # (centred headings: "ITEM 2." / "ACQUISITION OR DISPOSITION OF ASSETS").
    elif not title:
        j = 0
        while j < len(body) and body[j].type in ("BLANK", "RULE") and j < 2:
            j += 1
        if j < len(body) and body[j].type == "TEXT":
            line = _text(body[j]).strip()
            # a title stands alone (a blank line or rule under it) or is the
            # official one; the first line of a paragraph is not a title
            alone = j + 1 >= len(body) or body[j + 1].type in ("BLANK", "RULE", "PAGE")
            if line and len(line.split()) <= 14 and line[0].isupper() and not line.endswith(",") and (
                    alone or official_title_end(number, line)):
                title = _clean_title(line)
                consumed = j + 1
    # the heading's dash underline is part of the heading, not of the text
    while consumed < len(body) and body[consumed].type == "RULE":
        consumed += 1
    lines = [_text(t).rstrip() for t in body[consumed:] if t.type not in _LAYOUT]
    if lead_text:
        lines.insert(0, lead_text)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    heading_toks = [head] + body[:consumed]
    return Item(
        number=number,
        title=title or None,
        text="\n".join(lines),
        line=head.line or 0,
        span=_span(tokens),
        heading=collapse(" ".join(_text(t) for t in heading_toks if t.type != "RULE")),
        numbers=[n.rstrip(".") for n in numbers],
    )


def item_is_inapplicable_list(item: Item) -> bool:
    """ "Items 1 through 4, 6 and 8 Not Applicable." lists items the report
    does not use; it is not an item of the report."""
    return len(item.numbers) > 1 and bool(item.title and _INAPPLICABLE.match(item.title))


def split_combined_item(item: Item) -> list[Item]:
    """POST-PROCESSING: "Items 1.01(a) and 5.02(e) Amendment of a Material
    Definitive Agreement; Compensatory Arrangements of Certain Officers" is
    one section of the document but two items of the report: one record per
    number, sharing the heading's line and text.  The title is shared out by
    the official titles where they are spelled in order, else one part per
    number where the parts (split at ";") are as many as the numbers, else
    each item keeps the whole title."""
    numbers = [n for n in dict.fromkeys(item.numbers) if n]
    if len(numbers) < 2 or re.search(r"(?i)\bthrough\b|\d\s*(?:-|to)\s*\d", item.heading.split(";")[0][:40]):
        return [item]  # a range ("Items 2 through 4") names items it does not print
    title = item.title or ""
    titles: list[str | None] = []
    rest = title
    for n in numbers:
        end = official_title_end(n, rest)
        if not end:
            break
        titles.append(_clean_title(rest[:end]))
        rest = rest[end:].lstrip(" .;:,-\u2013\u2014")
    if len(titles) != len(numbers) or rest:
        parts = [p.strip() for p in title.split(";") if p.strip()]
        titles = [_clean_title(p) for p in parts] if len(parts) == len(numbers) else [item.title] * len(numbers)
    return [Item(number=n, title=t or None, text=item.text, line=item.line, span=item.span,
                 heading=item.heading, numbers=[n], combined=True) for n, t in zip(numbers, titles)]


# ---------------------------------------------------------------------------
#  Signature
# ---------------------------------------------------------------------------
_TITLE_WORDS = re.compile(
    r"\b(president|officer|secretary|treasurer|director|chairman|chairwoman|chair|counsel|"
    r"controller|comptroller|manager|partner|executive|financial|accounting|ceo|cfo|coo|"
    r"vice|general|principal|attorney|authorized|member|trustee|administrator|agent|head|"
    r"senior|assistant|chief|owner)\b",
    re.I,
)
_COMPANY_WORDS = re.compile(r"\b(?:company|corporation|corp\.?|inc\.?|llc|l\.p\.|ltd\.?|trust|bank|n\.a\.|partners)\b",
                            re.I)
_COMPANY = re.compile(r"\b(?:COMPANY|CORPORATION|CORP\.?|INC\.?|LLC|L\.P\.|LTD\.?|TRUST|BANCORP)\s*$", re.I)
_BY = re.compile(r"^\s*(?:By\s*:?\s*)?(?:/\s?s\s?/\s*)?", re.I)


def _strip_by(text: str) -> str:
    text = re.sub(r"(?i)\b(?:dated?)\s*:.*?(?=\bby\b|$)", "", text)  # "Date: ...   By: ..."
    text = re.sub(r"(?i)^\s*by\s*:?", "", text.strip())
    text = re.sub(r"/\s?[sS]\s?/", "", text)
    text = re.sub(r"[_]{2,}", "", text)
    return collapse(text.strip(" :"))


def _column_text(text: str, col: int) -> str:
    """The part of a line that stands in the signature column (from ``col``,
    give or take a few characters); '' if the line has nothing there."""
    if col <= 4:
        return text.strip()
    segs = [(c, s) for c, s in _segments(text) if c >= col - 4]
    return collapse(" ".join(s for _, s in segs))


def read_signature(tokens: list[Token]) -> Signature:
    """POST-PROCESSING: registrant, signer, title and date among the lines of
    a signature block.  The block is often two columns (a date on the left,
    the signature on the right), so lines are read in the signature's column."""
    sig = Signature(span=_span(tokens))
    lines = [(t, _text(t).expandtabs(8)) for t in tokens]  # columns as printed
    k = 0
    if lines and lines[0][0].type == "SIGNATURE_HEADING":
        k = 1
    while k < len(lines) and lines[k][0].type in ("BLANK", "RULE"):
        k += 1
    legend: list[str] = []  # joined once: += on a long legend is quadratic
    if k < len(lines) and lines[k][0].type == "SIGNATURE_LEGEND":
        while k < len(lines) and lines[k][0].type != "BLANK":
            legend.append(" " + lines[k][1])
            k += 1
            if re.search(r"authori[sz]ed\.?\s*$", lines[k - 1][1]):
                break
    legend_text = "".join(legend)
    rest = lines[k:]

    def set_(name: str, value: str | None, tok: Token) -> None:
        value = collapse(value or "").strip(" ,;")
        if value and getattr(sig, name) is None:
            setattr(sig, name, value)
            span = _span([tok])
            if span:
                sig.spans[name] = span

    by_index = None
    by_col = 0
    by_lines = [(idx, m) for idx, (tok, text) in enumerate(rest)
                if (m := re.search(r"(?i)(?:^|\s)by\s*:|^\s*by\s+\S|/\s?s\s?/", text))]
    if by_lines:
        # "BY: ADVANTA Mortgage Corp., USA" / "BY: /s/ H. John Berens": an
        # entity signs through a person; the line with the signature is the By line
        signed = [(idx, m) for idx, m in by_lines[:3]
                  if re.search(r"/\s?s\s?/", rest[idx][1], re.I) and idx - by_lines[0][0] <= 4]
        idx, m = signed[0] if signed and not re.search(r"/\s?s\s?/", rest[by_lines[0][0]][1], re.I) \
            and _COMPANY_WORDS.search(rest[by_lines[0][0]][1]) else by_lines[0]
        by_index = idx
        by_col = m.start() + len(m.group()) - len(m.group().lstrip())
    # the registrant: the block of lines above the By line (or "(Registrant)")
    stop = by_index if by_index is not None else len(rest)
    for idx, (tok, text) in enumerate(rest[:stop]):
        if tok.type == "REGISTRANT_CAPTION":
            stop = idx
            break
    def registrant_block(col: int) -> list[tuple[Token, str]]:
        block: list[tuple[Token, str]] = []
        last_block: list[tuple[Token, str]] = []
        for tok, text in rest[:stop]:
            cell = _column_text(text, col)
            if tok.type in ("BLANK", "RULE", "PAGE", "PAGE_NUMBER") or not cell:
                if block:
                    last_block, block = block, []
                continue
            if re.match(r"(?i)dated?\b", cell):
                # "Date: February 1, 2024      Apple Inc.": the name beside the date
                _, dm = find_date(cell)
                cell = cell[dm.end():].strip(" ,") if dm else ""
                if not cell:
                    continue
            elif find_date(cell)[1] and len(cell) < 25:
                continue
            if re.fullmatch(r"(?i)\(?registrant\)?|\(?issuer\)?|\(?an?\s+[a-z ]{3,30}\s+corporation\)?", cell):
                continue
            if re.fullmatch(r"(?i)by:?", cell):
                continue  # "by" alone on the line above the /s/ signature
            if re.match(r"(?i)by\s*:", cell):
                # "BY: ADVANTA Mortgage Corp., USA": the entity signing for the
                # registrant, not the registrant
                if block:
                    last_block, block = block, []
                continue
            block.append((tok, cell))
        return block or last_block

    # in the signature's column first; else anywhere above the By line
    block = registrant_block(by_col) or (registrant_block(0) if by_col > 4 else [])
    if block:
        set_("registrant", " ".join(c for _, c in block), block[0][0])
    # signer and title: the lines under the By line, in its column
    if by_index is not None:
        by_tok, by_text = rest[by_index]
        name_on_by = _strip_by(by_text[max(0, by_col - 1):] if by_col > 4 else by_text)
        under: list[tuple[Token, str]] = []
        after_by = rest[by_index + 1:]
        for n, (tok, text) in enumerate(after_by):
            if tok.type in ("SIGNATURE_LEGEND", "BY_LINE", "PAGE", "PAGE_NUMBER"):
                break
            if tok.type == "BLANK" and under:
                # HTML paragraphs: "..., Senior Vice President" / blank /
                # "and Chief Financial Officer" continues the title
                nxt = next((t for t in after_by[n + 1:] if t[0].type != "BLANK"), None)
                if nxt and re.match(r"(?:and|&|of)\s", _column_text(nxt[1], by_col)):
                    continue
            cell = _column_text(text, by_col)
            if not cell and tok.type in ("NAME_LINE", "TITLE_LINE"):
                # "Name:" / "Title:" printed left of the /s/ they label
                cell = _column_text(text, max(5, by_col - 12))
            if tok.type in ("RULE", "REGISTRANT_CAPTION") or not cell or re.fullmatch(r"[-_=\s]+", cell):
                if under and not cell:
                    break
                continue
            if re.match(r"(?i)dated?\b\s*:?", cell) and not re.match(r"(?i)name|title", cell):
                # "Date: March 30, 2021   Brien M. Chase, Senior Vice President"
                _, dm = find_date(cell)
                cell = cell[dm.end():].strip(" ,") if dm else ""
                if not cell:
                    if under:
                        break
                    continue
            if under and _COMPANY.search(cell) and not _TITLE_WORDS.search(cell):
                break  # the next registrant of a combined signature block
            under.append((tok, cell))
            if len(under) >= 5:
                break
        named = [(t, c) for t, c in under if re.match(r"(?i)name\s*:", c)]
        titled = [i for i, (t, c) in enumerate(under) if re.match(r"(?i)(title|its)\s*:", c)]
        if named:
            set_("signer", named[0][1].split(":", 1)[1], named[0][0])
        if titled:
            i = titled[0]
            parts = [under[i][1].split(":", 1)[1]] + [c for _, c in under[i + 1:]
                                                     if not re.match(r"(?i)name\s*:", c)]
            set_("title", " ".join(parts), under[i][0])
        plain = [(t, c) for t, c in under if not re.match(r"(?i)(name|title|its)\s*:", c)]
        if sig.signer is None:
            if plain and not _TITLE_WORDS.search(plain[0][1].partition(",")[0]):
                tok, cell = plain.pop(0)
                name, _, tail = cell.partition(",")
                if tail.strip() and not _TITLE_WORDS.search(tail) and not re.match(r"\s*(jr|sr|ii|iii|iv)\b", tail, re.I):
                    name, tail = cell, ""
                elif re.match(r"\s*(jr|sr|ii|iii|iv)\b", tail, re.I):
                    name, tail = cell, ""
                set_("signer", name, tok)
                if tail.strip():
                    set_("title", " ".join([tail] + [c for _, c in plain]), tok)
            elif name_on_by:
                name, _, tail = name_on_by.partition(",")
                set_("signer", name, by_tok)
                if tail.strip() and _TITLE_WORDS.search(tail):
                    # "By: /s/ Bruce J. Feldman, President, Chief" / "Executive
                    # Officer, Director and" / "Chairman of the Board"
                    more = [c for _, c in plain if _TITLE_WORDS.search(c) or c[:1].islower()]
                    if more and len(more) == len(plain):
                        tail = " ".join([tail] + more)
                    set_("title", tail, by_tok)
        if sig.title is None and plain:
            set_("title", " ".join(c for _, c in plain), plain[0][0])
        if sig.signer is None and name_on_by:
            set_("signer", name_on_by, by_tok)
    else:
        for tok, text in rest:
            cell = text.strip()
            if re.match(r"(?i)name\s*:", cell):
                set_("signer", cell.split(":", 1)[1], tok)
            elif re.match(r"(?i)title\s*:", cell):
                set_("title", cell.split(":", 1)[1], tok)
    # date: a "Date:"/"Dated:" line, a date on the By line or alone on a line,
    # or the legend's "on this 8th day of January, 2025"
    def take(tok: Token, text: str) -> bool:
        iso, m = find_date(text)
        if m is None:
            return False
        sig.date_text = m.group()
        set_("date", iso, tok)
        if iso is None:
            sig.spans["date"] = _span([tok])  # type: ignore[assignment]
        return True

    done = False
    for tok, text in rest:
        m = re.search(r"(?i)\bdated?\b\s*:?", text)
        if m and take(tok, text[m.start():]):
            done = True
            break
    if not done and by_index is not None:
        done = take(rest[by_index][0], rest[by_index][1])
    if not done:
        for tok, text in rest:
            iso, m = find_date(text)
            if m and len(text.strip()) <= len(m.group()) + 4:
                done = take(tok, text)
                break
    if not done and legend_text:
        iso, m = find_date(legend_text)
        if m:
            sig.date_text = m.group()
            sig.date = iso
    return sig


# ---------------------------------------------------------------------------
#  Exhibit lists
# ---------------------------------------------------------------------------
# The head of an exhibit entry, up to its description.  The description and
# a page column after it are split off in Python (_split_page): a lazy
# ".*?" before an optional "\s{2,}page" backtracks quadratically over a long
# run of spaces.
_ENTRY = re.compile(
    r"^(?P<lead>\s*)(?:\([a-d]\)\s+(?=exhibit))?(?:exhibit\s+)?(?:no\.\s*)?\(?(?P<num>\d{1,3}(?:\.\d{1,3})?[A-Za-z]?(?:\([a-zA-Z0-9]{1,4}\))?)\)?\*?[.:]?"
    r"\s+(?:(?:--?|[\u2013\u2014])\s*)?",
    re.I,
)
_PAGE_AT_END = re.compile(r"(?:\d{1,4}|[A-Z]-\d{1,3}|E-\d+)$", re.I)


def _split_page(text: str, letters: bool = True) -> tuple[str, str | None]:
    """A description and the page number in a column after it: the last word,
    two spaces or more (or "Page ") away.  ``letters``: pages like "E-3"."""
    text = text.rstrip()
    m = _PAGE_AT_END.search(text[-8:])
    if m is None:
        return text, None
    page = m.group()
    if not letters and not page.isdigit():
        return text, None
    before = text[: len(text) - len(page)]
    desc = before.rstrip()
    gap = len(before) - len(desc)
    if gap >= 1 and desc[-4:].lower() == "page" and (len(desc) == 4 or desc[-5].isspace()):
        head = desc[:-4].rstrip()
        if len(desc) - 4 - len(head) >= 2 or not head:
            return head, page
    if gap >= 2 and desc:
        return desc, page
    return text, None


_EXHIBITS_SUBHEADING = re.compile(r"(?i)^\s*(?:\(?[a-d]\)\s*)?exhibits?\b(?!\s+\d)[^.]{0,40}\.?\s*$")
_FILED_COLUMN = re.compile(r"(?i)\(?(?:filed|furnished)\s+(?:herewith|electronically)[\w\s.]{0,30}\)?$")


def _strip_filed_column(desc: str) -> str:
    """Drop a column saying how the exhibit is filed ("   Filed herewith"),
    two spaces or more after the description."""
    m = _FILED_COLUMN.search(desc)
    if m is None:
        return desc
    head = desc[: m.start()]
    kept = head.rstrip()
    return kept if len(head) - len(kept) >= 2 and kept else desc
_MONTH_DAY = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?$")
_UNFINISHED = re.compile(r"(?:[,;:(&-]|\b(?:and|or|of|the|a|an|by|to|for|in|on|with|between|among|dated|from))$", re.I)


def _page_or_year(desc: str, page: str | None) -> tuple[str, str | None]:
    """A page column value, unless it is the year of a date ("May 18,  2000")."""
    if page and page.isdigit() and 1900 <= int(page) <= 2099 and _MONTH_DAY.search(desc.rstrip()):
        return f"{desc} {page}", None
    return desc, page


# line kinds that end an entry rather than continue its description
_NOT_CONTINUATION = frozenset({
    "EXHIBIT_ENTRY", "BLANK", "RULE", "PAGE", "PAGE_NUMBER", "TABLE_TAG", "ITEM_HEADING",
    "SIGNATURE_HEADING", "SIGNATURE_LEGEND", "EXHIBIT_INDEX_HEADING", "UUENCODED", "TEXT_CLOSE",
})


def read_exhibits(tokens: list[Token], parenthesised: bool = True) -> list[ExhibitRef]:
    """POST-PROCESSING: exhibit entries and their wrapped continuation lines.

    A line continues the entry above it when it is indented past the entry's
    number (a description column), or, flush with it, when the description
    so far is unfinished (ends in a comma or a joining word, or the line
    starts in lower case).  ``parenthesised=False`` skips "(1)"-style entries
    (footnotes, where no "Exhibits" sub-heading starts the list)."""
    out: list[ExhibitRef] = []
    inapplicable: set[int] = set()  # id() of "(1) Underwriting agreement / Not Applicable." entries
    # each entry's description as pieces, joined once at the end (a long
    # description grown by += would be quadratic)
    pieces: dict[int, list[str]] = {}
    current: ExhibitRef | None = None
    last: ExhibitRef | None = None
    indent = 0
    cont_col = -1  # the column of the current entry's continuation lines
    for k, tok in enumerate(tokens):
        text = _text(tok)
        if (tok.type == "EXHIBIT_ENTRY" and current is not None
                and len(text) - len(text.lstrip()) == cont_col > indent + 1):
            # "Attachment" / "1: Disclosure Schedule; ...": a wrapped line of
            # the description that starts with a number, in its column
            pieces[id(current)].append(text.strip())
            continue
        if tok.type == "EXHIBIT_ENTRY":
            cont_col = -1
            m = _ENTRY.match(text)
            if m is None or (not parenthesised and re.match(r"\s*\(\d", text)):
                current = None
                continue
            desc, page = _split_page(text[m.end():])
            # a column saying how the exhibit is filed is not its description
            desc, page = _page_or_year(_strip_filed_column(desc.strip()), page)
            current = ExhibitRef(number=m.group("num"), description=None,
                                 page=page, line=tok.line or 0, span=_span([tok]))
            pieces[id(current)] = [desc]
            indent = len(m.group("lead"))
            cont_col = m.end()  # until a continuation line says otherwise
            out.append(current)
            last = current
        elif last is not None and _INAPPLICABLE.match(text.strip()):
            inapplicable.add(id(last))
            last = current = None
        elif current is not None and tok.type not in _NOT_CONTINUATION and text.strip():
            # "------------      September 26, 1997, among ...": the number's
            # underline beside the description's second line
            under = re.match(r"^\s*[-=_]{3,}\s+(?=\S)", text)
            content = text[under.end():] if under else text.lstrip()
            lead = len(text) - len(content)
            so_far = pieces[id(current)][-1].rstrip()  # how the description ends so far
            # a short last line of the paragraph ends an unfinished sentence:
            # "Exhibit 99.1 Press Release ... issued by Westell" / "Technologies, Inc."
            tail = (len(content.strip()) < 40 and not so_far.endswith((".", ")"))
                    and (k + 1 == len(tokens) or tokens[k + 1].type in ("BLANK", "PAGE")))
            if lead <= indent and not (_UNFINISHED.search(so_far) or content[:1].islower() or tail):
                current = None
                continue
            desc, page = _page_or_year(*_split_page(content.strip(), letters=False))
            pieces[id(current)].append(desc)
            cont_col = lead
            if page and not current.page:
                current.page = page
        elif tok.type in ("BLANK", "RULE", "PAGE", "PAGE_NUMBER"):
            current = None
    for e in out:
        e.description = collapse(" ".join(pieces[id(e)])).rstrip(" .") or None
    return [e for e in out if id(e) not in inapplicable]


# ---------------------------------------------------------------------------
#  The transformer
# ---------------------------------------------------------------------------
@dataclass
class _Form8K:
    cover: Cover | None = None
    items: list[Item] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    exhibit_index: list[ExhibitRef] | None = None
    item_bodies: list[tuple[Item, list[Token]]] = field(default_factory=list)
    form_title: str | None = None
    rendered: str | None = None  # the text rendering, for an HTML document


@dataclass
class _Doc:
    record: Document
    form: _Form8K | None = None


class FilingTransformer(Transformer):
    """Tree -> records, one method per grammar rule."""

    # -- shared -------------------------------------------------------------
    def unmatched(self, children):
        return children[0]

    # -- envelope -----------------------------------------------------------
    def pem_header(self, children):
        return ("pem", children)

    def header_group(self, children):
        return ("group", children)

    def party(self, children):
        role_tok = children[0]
        filer = HeaderFiler(role=_text(role_tok).strip().rstrip(":").strip(), span=_span(tree_tokens_list(children)))
        _fill_filer(filer, _fields(children))
        return filer

    def sec_header(self, children):
        header = SecHeader(span=_span(tree_tokens_list(children)))
        header.fields = _fields([c for c in children if isinstance(c, Token)])
        _fill_header(header)
        parties = [c for c in children if isinstance(c, HeaderFiler)]
        # the FILER blocks; a submission without one names its registrant as
        # SUBJECT COMPANY (or, on ownership forms, ISSUER)
        header.filers = ([p for p in parties if p.role == "FILER"]
                         or [p for p in parties if p.role in ("SUBJECT COMPANY", "ISSUER")])
        return header

    # the tag form of the header (<SUBMISSION> archives)
    def tag_group(self, children):
        name = children[0].value.strip()[1:-1]
        return ("tag_group", name, children[1:-1])

    def tag_header(self, children):
        return _tag_header_record(children)

    def submission(self, children):
        return ("sec_document", children)

    def document_8k(self, children):
        return _Doc(_document_record(children), next((c for c in children if isinstance(c, _Form8K)), None))

    def document(self, children):
        return _Doc(_document_record(children))

    def sec_document(self, children):
        return ("sec_document", children)

    def envelope(self, children):
        return ("envelope", children)

    # -- the 8-K document ---------------------------------------------------
    def cover_heading(self, children):
        return _Field("heading", children[:-1], children[-1:])

    def _cover_field(kind):  # noqa: N805 - a method factory
        def method(self, children):
            return _Field(kind, children[:-1], children[-1:])
        method.__name__ = kind
        return method

    date_of_report_field = _cover_field("date")
    registrant_name_field = _cover_field("name")
    registrant_ids_field = _cover_field("ids")
    address_field = _cover_field("address")
    telephone_field = _cover_field("phone")
    former_name_field = _cover_field("former")
    registrants_field = _cover_field("registrants")
    del _cover_field

    def checkbox_section(self, children):
        return _Field("checkboxes", children, [])

    def securities_12b_section(self, children):
        return _Field("12b", children, [])

    def emerging_growth_section(self, children):
        return _Field("egc", children, [])

    def cover_tail(self, children):
        return _Field("tail", children, [])

    def cover_page(self, children):
        cover = _CoverReader(list(children)).read()
        return ("cover", cover, children)

    def item(self, children):
        return ("item", read_item(children), children)

    def signature(self, children):
        return ("signature", read_signature(children))

    def exhibit_index(self, children):
        return ("exhibit_index", read_exhibits(children))

    def exhibit(self, children):
        return ("exhibit", children)

    def html_text(self, children):
        return _read_html(children)

    def form_8k(self, children):
        form = _Form8K()
        for child in children:
            kind = child[0]
            if kind == "cover":
                form.cover = child[1]
                heading = next((f for f in child[2] if f.kind == "heading"), None)
                if heading:
                    form.form_title = collapse(_text(heading.captions[0]))
            elif kind == "item":
                form.items.append(child[1])
                form.item_bodies.append((child[1], child[2]))
            elif kind == "signature":
                form.signatures.append(child[1])
            elif kind == "exhibit_index":
                form.exhibit_index = (form.exhibit_index or []) + child[1]
        return form

    # -- the whole file -----------------------------------------------------
    def start(self, children):
        return children


def _read_html(tokens: list[Token]) -> _Form8K:
    """POST-PROCESSING: render an HTML document to text, read that text with the
    grammar (from form_8k), and point the records back at the HTML lines."""
    from .html import render_html
    from .lexer import tokenize
    from .parser import parse_tokens

    html = "".join(tokens)
    text, line_map = render_html(html)
    tree = parse_tokens(tokenize(text, html=False), len(text))
    form = next((c for c in _iter_forms(FilingTransformer().transform(tree))), None) or _Form8K()
    first = tokens[0]
    base = (first.line or 1) - 1

    def where(line: int | None) -> int:
        if not line or not line_map:
            return base + 1
        return base + line_map[min(line, len(line_map)) - 1]

    def span(sp: Span | None) -> Span | None:
        if sp is None:
            return None
        a, b = where(sp.line), where(sp.end_line)
        return Span(a, 1, b, 1, 0, 0)

    if form.cover:
        form.cover.span = span(form.cover.span)
        form.cover.spans = {k: span(v) for k, v in form.cover.spans.items()}
    for item in form.items:
        item.line = where(item.line)
        item.span = span(item.span)
    for sig in form.signatures:
        sig.span = span(sig.span)
        sig.spans = {k: span(v) for k, v in sig.spans.items()}
    for ex in form.exhibit_index or []:
        ex.line = where(ex.line)
        ex.span = span(ex.span)
    form.rendered = text
    return form


def _iter_forms(parts):
    for c in parts if isinstance(parts, list) else [parts]:
        if isinstance(c, _Form8K):
            yield c
        elif isinstance(c, _Doc) and c.form is not None:
            yield c.form


def tree_tokens_list(children) -> list[Token]:
    out: list[Token] = []
    for c in children:
        if isinstance(c, Token):
            out.append(c)
    return out


def _fields(children) -> list[tuple[str, str, int]]:
    """KEY: value pairs of HEADER_FIELD tokens (also inside groups)."""
    out = []
    for c in children:
        if isinstance(c, tuple) and c[0] == "group":
            out.extend(_fields(c[1]))
        elif isinstance(c, Token) and c.type == "HEADER_FIELD":
            key, _, value = c.value.partition(":")
            out.append((key.strip().lstrip("]").strip(), value.strip(), c.line or 0))
    return out


# <TAG> names of the tag-form header and the KEY of the key-value form.
_TAG_KEYS = {
    "ACCESSION-NUMBER": "ACCESSION NUMBER", "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT", "ITEMS": "ITEM INFORMATION",
    "FILING-DATE": "FILED AS OF DATE", "CONFORMED-NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY", "IRS-NUMBER": "IRS NUMBER",
    "STATE-OF-INCORPORATION": "STATE OF INCORPORATION", "FISCAL-YEAR-END": "FISCAL YEAR END",
    "PUBLIC-DOCUMENT-COUNT": "PUBLIC DOCUMENT COUNT",
}


def _tag_pairs(children) -> list[tuple[str, str, int]]:
    """(KEY, value, line) of TAG_FIELD lines, keys spelled as in the key-value form."""
    out = []
    for c in children:
        if isinstance(c, Token) and c.type == "TAG_FIELD":
            name, _, value = c.value.strip()[1:].partition(">")
            out.append((_TAG_KEYS.get(name, name.replace("-", " ")), value.strip(), c.line or 0))
        elif isinstance(c, tuple) and c[0] == "tag_group":
            out.extend(_tag_pairs(c[2]))
    return out


def _tag_header_record(children) -> SecHeader:
    tokens = [c for c in children if isinstance(c, Token)]
    header = SecHeader(span=_span(tokens))
    header.fields = _tag_pairs([c for c in children if isinstance(c, Token)])
    _fill_header(header)
    for c in children:
        if isinstance(c, tuple) and c[0] == "tag_group" and c[1] in ("FILER",):
            filer = HeaderFiler(role=c[1])
            _fill_filer(filer, _tag_pairs(c[2]))
            header.filers.append(filer)
    return header


def _fill_header(header: SecHeader) -> None:
    for key, value, _ in header.fields:
        if key == "ACCESSION NUMBER":
            header.accession_number = value
        elif key == "CONFORMED SUBMISSION TYPE":
            header.submission_type = value
        elif key == "CONFORMED PERIOD OF REPORT":
            header.period_of_report = header_date(value) or value or None
        elif key == "FILED AS OF DATE":
            header.filed_as_of_date = header_date(value) or value or None
        elif key == "ITEM INFORMATION" and value:  # an empty line names no item
            header.item_information.append(value)


def _fill_filer(filer: HeaderFiler, pairs) -> None:
    """The first value of each key: a party run on by a stray tag of the 2000
    headers (``<REPORTING-OWNER>``) does not overwrite it."""
    seen: set[str] = set()
    for key, value, _ in pairs:
        if key in seen:
            continue
        seen.add(key)
        if key == "COMPANY CONFORMED NAME":
            filer.name = value
        elif key == "CENTRAL INDEX KEY":
            filer.cik = value
        elif key == "STATE OF INCORPORATION":
            filer.state_of_incorporation = value
        elif key in ("IRS NUMBER", "EIN"):
            filer.irs_number = value
        elif key == "FISCAL YEAR END":
            filer.fiscal_year_end = value


def _document_record(children) -> Document:
    open_tok = children[0]
    rec = Document(type=None, sequence=None, filename=None, description=None,
                   line=open_tok.line or 0, span=_span(tree_tokens_list(children)))
    for c in children:
        if not isinstance(c, Token):
            continue
        if c.type in ("TYPE_8K", "TYPE_OTHER"):
            rec.type = c.value.split(">", 1)[1].strip() or None
        elif c.type == "SEQUENCE":
            seq = c.value.split(">", 1)[1].strip()
            rec.sequence = int(seq) if seq.isdigit() else None
        elif c.type == "FILENAME":
            rec.filename = c.value.split(">", 1)[1].strip() or None
        elif c.type == "DESCRIPTION":
            rec.description = c.value.split(">", 1)[1].strip() or None
    return rec


def _collect(children, docs: list[_Doc], headers: list[SecHeader], forms: list[_Form8K]) -> None:
    for c in children:
        if isinstance(c, _Doc):
            docs.append(c)
            if c.form is not None:
                forms.append(c.form)
        elif isinstance(c, SecHeader):
            headers.append(c)
        elif isinstance(c, _Form8K):
            forms.append(c)
        elif isinstance(c, tuple) and c and c[0] in ("sec_document", "envelope"):
            _collect(c[1], docs, headers, forms)


def _unmatched_spans(tokens: list[Token]) -> list[Unmatched]:
    """Runs of consecutive UNMATCHED lines, one record per run."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if tok.type != "UNMATCHED":
            continue
        if runs and (runs[-1][-1].end_line or 0) + 1 == tok.line:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return [Unmatched(run[0].line or 0, run[-1].end_line or run[-1].line or 0,
                      "".join(run).rstrip("\n"), _span(run)) for run in runs]


_FORM_LINE = re.compile(r"(?im)^\s*form\s+(\d{1,2}-[A-Z0-9]{1,4}(?:\s*/\s*A)?|\d{1,2}[A-Z]?-\d?[A-Z]{0,3}\d?)\s*$")


def to_filing(tree: Tree, path: str | None = None) -> Filing:
    """Build the :class:`Filing` record of a parse tree."""
    tokens = tree_tokens(tree)
    filing = Filing(path=path)
    filing.unmatched = _unmatched_spans(tokens)
    filing.missing = [(t.type, t.line) for t in tokens if t.value == "" and t.type != "$END"]
    if tree.data == "start" and tree.children and isinstance(tree.children[0], Tree) \
            and tree.children[0].data == "unparsed":
        return filing
    parts = FilingTransformer().transform(tree)
    docs: list[_Doc] = []
    headers: list[SecHeader] = []
    forms: list[_Form8K] = []
    _collect(parts, docs, headers, forms)
    filing.sec_header = headers[0] if headers else None
    filing.documents = [d.record for d in docs]
    form = forms[0] if forms else None
    # form type: the header says it; else the first document's <TYPE>; else the cover
    if filing.sec_header and filing.sec_header.submission_type:
        filing.form_type = filing.sec_header.submission_type
    elif filing.documents and filing.documents[0].type:
        filing.form_type = filing.documents[0].type
    elif form is not None and form.form_title:
        m = re.search(r"8-K[0-9A-Z]*(?:\s*/\s*A)?", form.form_title, re.I)
        filing.form_type = m.group().replace(" ", "").upper() if m else "8-K"
    else:
        # A bare document: its title line says what form it is ("FORM 10-K").
        head = form.rendered if form is not None and form.rendered else "".join(tokens[:300])
        m = _FORM_LINE.search(head[:20000])
        if m:
            filing.form_type = m.group(1).upper().replace(" ", "")
        elif form is not None and form.items:
            filing.form_type = "8-K"
    filing.is_8k = bool(filing.form_type and filing.form_type.upper().startswith("8-K")) or (
        filing.form_type is None and form is not None and bool(form.items))
    if form is None:
        return filing
    filing.cover = form.cover
    c = form.cover
    if (filing.form_type or "").upper().endswith("/A") or (c and c.amendment_number) \
            or (form.form_title and re.search(r"/\s*A\b", form.form_title)):
        filing.amendment = {"number": c.amendment_number if c else None,
                            "purpose": c.explanatory_note if c else None}
    filing.items = [part for i in form.items if not item_is_inapplicable_list(i)
                    for part in split_combined_item(i)]
    filing.signature = form.signatures[0] if form.signatures else None
    if form.exhibit_index:
        filing.exhibit_index = form.exhibit_index
        filing.exhibit_source = "index"
    else:
        # no separate index: the list under Item 7 / Item 9.01 "(c) Exhibits"
        for item, toks in form.item_bodies:
            body = toks[1:]
            if item.number not in ("7", "9.01", "9.1"):
                # an "EXHIBITS" sub-heading inside another item's text
                at = next((k for k, t in enumerate(body) if t.type == "TEXT"
                           and re.fullmatch(r"(?i)\s*exhibits?:?\s*", _text(t))), None)
                body = body[at:] if at is not None else []
            else:
                # Item 7 may hold pro forma statements before its "(c) Exhibits"
                # list, with footnotes "(1) The pro forma adjustments ...":
                # start at the sub-heading where there is one, and without
                # one take no "(1)"-style entries
                at = next((k for k, t in enumerate(body) if t.type == "TEXT"
                           and _EXHIBITS_SUBHEADING.match(_text(t))), None)
                if at is not None:
                    body = body[at:]
            if body:
                entries = read_exhibits(body, parenthesised=at is not None)
                if entries:
                    filing.exhibit_index.extend(entries)
                    filing.exhibit_source = "item"
    return filing
