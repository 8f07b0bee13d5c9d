"""The parts of a cover that stand apart from its caption fields: the caption
row of a combined cover (several registrants), the 2004+ check boxes, the
2019+ Section 12(b) table and an amendment's number and explanatory note.

The grammar gives each its node (``co_registrants``, ``checkboxes``,
``securities_12b``, ``emerging_growth_company``; grammar section 2.1).
POST-PROCESSING here: which box is checked, which column of the 12(b) table
a value stands in, which lines of a combined cover belong to which registrant.
"""

from __future__ import annotations

import re

from lark import Token

from .. import cache
from ..body_lines import BOX_CHECKED, BOX_EMPTY
from ..tree import line_text
from ..values import FILE_NUMBER, IRS, PHONE, ZIP, collapse, is_placeholder
from .lines import FURNITURE, segments

__all__ = ["CoverSections", "box_state"]

# A line of a combined cover's table longer than this is the prose after it
# ("This combined Form 8-K is filed separately by ...").
REGISTRANT_LINE_MAX = 70

_12B_HEADER = cache.compile(r"(?i)symbol|registered|title\s+of\s+each|name\s+of\s+each|^\s*class(?:\s{2,}|\s*$)")
_CHECKED = cache.compile(BOX_CHECKED)
_EMPTY = cache.compile(BOX_EMPTY)


_EGC_BOX_AT_END = cache.compile(r"(?i)\bemerging\s+growth\s+compan(?:y|ies)\W{0,3}?\s*(\S{1,5})$")
# An amendment's explanatory note: its heading, perhaps its first words after it.
_EXPLANATORY_NOTE = cache.compile(r"(?i)\s*explanatory\s+note\s*[:.\-\u2013\u2014]?\s*(.*)$")


# What every checked box has (an x, or a box glyph): a line without any is
# not searched for one (the pattern, tried at every place, is slow: issue 12)
_CHECKED_CHARS = ("x", "X", "\u2611", "\u2612", "\u00fd", "\u00fe")


def box_state(text: str) -> bool | None:
    """True for a checked box glyph in ``text``, False for an empty one."""
    checked = _CHECKED.search(text) if any(c in text for c in _CHECKED_CHARS) else None
    empty = _EMPTY.search(text)
    if checked and (not empty or checked.start() < empty.start()):
        return True
    if empty:
        return False
    return None


def _transition_box(text: str, low: str) -> bool:
    """The emerging growth company's box for the extended transition period
    (new accounting standards): not one of the four boxes.  (The pattern
    only on a line whose lower case ``low`` has the words' first letters,
    none of which another character matches case-insensitively: issue 12)"""
    return ("emerg" in low or "tran" in low or "accou" in low) and cache.search(
        r"if\s+an\s+emerging|transition\s+period|accounting\s+standards", text, re.I) is not None


class CoverSections:
    """Mixed into the cover reader (cover.py): reads its ``fields``, ``_find``
    and ``_below``, and sets values with ``_set`` and ``values``."""

    fields: list
    tokens: list
    values: dict
    checkboxes: dict

    def _registrants(self) -> None:
        """A combined cover (Southern Company and its subsidiaries): a caption
        row "Commission File Number | Registrant, State of Incorporation,
        Address and Telephone Number | I.R.S. Employer Identification No.",
        then one block per registrant: "1-3526   The Southern Company
        58-0690070" over "(A Delaware Corporation)", the address, the phone."""
        i = self._find("co_registrants")
        if i is None:
            return
        regs: list[tuple[dict, list[Token]]] = []
        lines = [t for b in self._below(i) for t in b]
        for tok in lines:
            segs = segments(line_text(tok))
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
            line = collapse(line_text(tok))
            if len(line) > REGISTRANT_LINE_MAX:  # the prose after the table
                break
            reg, block = regs[-1]
            block.append(tok)
            m = cache.match(r"\(an?\s+(.+?)\s+corporation\)$", line, re.I)
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
        zips = [ZIP.search(line_text(t)) for t in block[1:]]
        zips = [z.group() for z in zips if z]
        if zips:
            self._set("zip_code", zips[0], block)
        self.values["co_registrants"] = tuple(r for r, _ in rest)

    def _boxes(self) -> None:
        """The 2004+ check boxes and the 2017+ emerging growth company box:
        True when the box is checked, False when empty, None when absent."""
        toks = self.tokens
        for k, tok in enumerate(toks):
            if tok.type == "EGC_INTRO":
                # the box at the end of the question's paragraph ("... of this
                # chapter). Emerging growth company \u2610")
                tail = _EGC_BOX_AT_END.search(line_text(tok).rstrip())
                if tail is not None and box_state(tail.group(1)) is not None:
                    self.values["emerging_growth_company"] = box_state(tail.group(1))
                continue
            if tok.type != "CHECKBOX":
                continue
            text = line_text(tok)
            checked = box_state(text)
            if checked is None:
                continue
            low = text.lower()
            if _transition_box(text, low):
                continue
            if "emerging growth" in low:
                self.values["emerging_growth_company"] = checked
                continue
            # (the label, this line and the next, made only here: issue 12)
            label = " ".join((text + " " + (line_text(toks[k + 1]) if k + 1 < len(toks) else "")).lower().split())
            if "written communication" in label:
                self.checkboxes["written_communications"] = checked
            elif "soliciting material" in label:
                self.checkboxes["soliciting_material"] = checked
            elif "14d-2" in label or "14d2" in label:
                self.checkboxes["pre_commencement_14d2b"] = checked
            elif "13e-4" in label or "13e4" in label:
                self.checkboxes["pre_commencement_13e4c"] = checked

    def _securities_12b(self) -> None:
        """The Section 12(b) table: a header row (Title of each class | Trading
        Symbol(s) | Name of each exchange ...), then one row per class; the
        columns are matched by position (a title wrapped onto the next line
        joins the row above)."""
        i = self._find("securities_12b")
        if i is None:
            return
        lines = [t for t in self.fields[i].value if t.type not in FURNITURE]
        head_at = next((k for k, t in enumerate(lines) if cache.search(r"title\s+of\s+each", line_text(t), re.I)), None)
        if head_at is None:
            return
        columns: list[tuple[int, str]] = []
        k = head_at
        # the header may wrap ("Trading" / "Symbol(s)", "Name of each exchange" /
        # "on which registered"); data rows never say "symbol" or "registered"
        while k < len(lines) and (k == head_at or _12B_HEADER.search(line_text(lines[k]))):
            for col, seg in segments(line_text(lines[k])):
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
            if cache.search(r"(?i)registered\s+pursuant\s+to\s+section\s+12\s*\(\s*g", line_text(tok)):
                break  # the 12(g) table that some covers print after it
            segs = segments(line_text(tok))
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
            # a cell printed "N/A" or "—" holds nothing (notes with no trading
            # symbol); a row of nothing else is no class of securities
            row = {role: None if cell is None or is_placeholder(cell, ticker=role == "trading_symbol") else cell
                   for role, cell in row.items()}
            if not any(row.values()):
                continue
            rec = {"title": row.get("title"), "trading_symbol": row.get("trading_symbol"),
                   "exchange": row.get("exchange")}
            if any(r == "registrant" for _, r in columns):
                rec["registrant"] = row.get("registrant")
            out.append(rec)
        self.values["securities_12b"] = tuple(out)

    def _amendment(self) -> None:
        """8-K/A: "(Amendment No. 1)" on the cover, and the explanatory note
        (its first paragraph) that says what the amendment is for."""
        toks = self.tokens
        for k, tok in enumerate(toks):
            if tok.type == "AMENDMENT" and self.values.get("amendment_number") is None:
                # (a line of a cover printed twice side by side is cut at the
                # second column, cover_lines.left_part: its number may be cut off)
                number = cache.search(r"\d+", line_text(tok))
                if number is not None:
                    self.values["amendment_number"] = number.group()
            # (every line of the cover: the pattern, case-insensitive, only on
            # a line with the word; no other character matches its letters so)
            if "explanatory" not in tok.lower():
                continue
            m = _EXPLANATORY_NOTE.match(line_text(tok))
            if m and self.values.get("explanatory_note") is None:
                para = [m.group(1)] if m.group(1).strip() else []
                for nxt in toks[k + 1:]:
                    if nxt.type in ("BLANK", "RULE", "PAGE") or not nxt.value.strip():
                        if para:
                            break
                        continue
                    para.append(line_text(nxt))
                self.values["explanatory_note"] = collapse(" ".join(para)) or None
