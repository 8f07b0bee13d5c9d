"""The signature block: SIGNATURE(S), the legend "Pursuant to the requirements
of the Securities Exchange Act of 1934 ...", the registrant's name, "By: /s/
name", the signer's name and title, and the date.

The grammar gives the block and names its lines (``legend``, ``signed_by``,
``signer_name``, ``signer_title``, ``signature_date``; grammar section 2.3).
POST-PROCESSING here, what a context-free grammar cannot say: the block is
often two columns (a date on the left, the signature on the right), so lines
are read in the signature's column; which unlabelled line is the registrant,
the signer or the title; dates.
"""

from __future__ import annotations

import re

from lark import Token, Tree

from .. import cache
from ..records import Signature, Span
from ..tree import line_text, span_at, span_of, tree_tokens, value_span
from ..values import collapse, find_date
from .lines import segments

__all__ = ["read_signature"]

_TITLE_WORDS = cache.compile(
    r"\b(president|officer|secretary|treasurer|director|chairman|chairwoman|chair|counsel|"
    r"controller|comptroller|manager|partner|executive|financial|accounting|ceo|cfo|coo|"
    r"vice|general|principal|attorney|authorized|member|trustee|administrator|agent|head|"
    r"senior|assistant|chief|owner)\b",
    re.I,
)
_COMPANY_WORDS = cache.compile(r"\b(?:company|corporation|corp\.?|inc\.?|llc|l\.p\.|ltd\.?|trust|bank|n\.a\.|partners)\b",
                            re.I)
_COMPANY = cache.compile(r"\b(?:COMPANY|CORPORATION|CORP\.?|INC\.?|LLC|L\.P\.|LTD\.?|TRUST|BANCORP)\s*$", re.I)
_SIGNED = cache.compile(r"/\s?s\s?/", re.I)  # "/s/": a conformed signature
_BY_AT = cache.compile(r"(?i)(?:^|\s)by\s*:|^\s*by\s+\S|/\s?s\s?/")
_LABEL = cache.compile(r"(?i)(name|title|its)\s*:")
_JUNIOR = cache.compile(r"\s*(jr|sr|ii|iii|iv)\b", re.I)
# A footnote under the block: "* ...", "(1) ...", "[1] ...".
_FOOTNOTE = cache.compile(r"\s*(?:\*+|\u2020|\(\d{1,2}\)|\[\d{1,2}\])\s*\S")
# ... its first character after the blanks (the pattern only on a line with
# one: its blanks were read again at each try, issue 12)
_FOOTNOTE_FIRST = ("*", "\u2020", "(", "[")


def _footnote(text: str) -> bool:
    """Is ``text`` a footnote under the block?"""
    return text.lstrip()[:1] in _FOOTNOTE_FIRST and _FOOTNOTE.match(text) is not None
_NOT_A_NAME = cache.compile(r"(?i)\(?registrant\)?|\(?issuer\)?|\(?an?\s+[a-z ]{3,30}\s+corporation\)?")

# A column starting this near the left margin is the whole line.
LEFT_MARGIN = 4
# A "Name:" / "Title:" label may stand this far left of the /s/ it labels.
LABEL_LEFT = 12
# At most this many lines under the By line are the signer's.
UNDER_BY_MAX = 5
# A date alone on a line is at most this much longer than the date.
DATE_ALONE_SLACK = 4
# A line with a date shorter than this is the date, not the registrant.
DATE_LINE_MAX = 25
# The signed By line is this near the first By line ("BY: entity" / "BY: /s/ person").
BY_LINES_APART = 4
# Two signature blocks side by side: the second label at least this far right.
SIDE_BY_SIDE_MIN = 20
_BLOCK_LABEL = cache.compile(r"(?i)(?:^|(?<=\s))(by|name|title)\s*:")
# "Date:", "Dated": the label of the block's date.
_DATE_LABEL = cache.compile(r"(?i)\bdated?\b\s*:?")
# What a cell of the block starts with or is, tried on each line (compiled
# here, not looked up at each line through cache.match: issue 12).
_DATED = cache.compile(r"(?i)dated?\b")  # "Date: ...", "Dated ..."
_BY_ALONE = cache.compile(r"(?i)by:?")  # (fullmatch)
_BY_LABEL = cache.compile(r"(?i)by\s*:")
_RULE_CELL = cache.compile(r"[-_=\s]+")  # (fullmatch)
_NAME_LABEL = cache.compile(r"(?i)name\s*:")
_TITLE_LABEL = cache.compile(r"(?i)(title|its)\s*:")
_NAME_OR_TITLE = cache.compile(r"(?i)name|title")


def _strip_by(text: str) -> str:
    text = cache.sub(r"(?i)\b(?:dated?)\s*:.*?(?=\bby\b|$)", "", text)  # "Date: ...   By: ..."
    text = cache.sub(r"(?i)^\s*by\s*:?", "", text.strip())
    text = _SIGNED.sub("", text)
    text = cache.sub(r"[_]{2,}", "", text)
    return collapse(text.strip(" :"))


def _column_text(text: str, col: int) -> str:
    """The part of a line that stands in the signature column (from ``col``,
    give or take a few characters); '' if the line has nothing there."""
    if col <= LEFT_MARGIN:
        return text.strip()
    segs = [(c, s) for c, s in segments(text) if c >= col - LEFT_MARGIN]
    return collapse(" ".join(s for _, s in segs))


def _first_block(lines: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """Two signature blocks printed side by side, one per registrant ("By:
    /s/ A   By: /s/ A" over "Name: A   Name: A"): the lines cut to the left
    block, read as the one signature (as a two-column cover is read by its
    first column).  The second block starts where a label (By, Name, Title)
    is printed a second time on one line; each line is cut at its column that
    starts there, so a long value of the left block stays whole."""
    col = None
    for _, text in lines:
        if ":" not in text:  # (no label: most lines, and no regex run: issue 12)
            continue
        seen: dict[str, int] = {}
        for m in _BLOCK_LABEL.finditer(text):
            word = m.group(1).lower()
            if word in seen and m.start() - seen[word] >= SIDE_BY_SIDE_MIN:
                col = m.start()
                break
            seen.setdefault(word, m.start())
        if col is not None:
            break
    if col is None:
        return lines
    cut = []
    for tok, text in lines:
        at = next((c for c, _ in segments(text) if c >= col - LEFT_MARGIN), None)
        cut.append((tok, text[:at].rstrip() if at else text))
    return cut


def _after_date(cell: str) -> str:
    """What follows the date on a "Date: March 30, 2021   Apple Inc." line."""
    _, dm = find_date(cell)
    return cell[dm.end():].strip(" ,") if dm else ""


class _SignatureReader:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.values: dict[str, str | None] = {"registrant": None, "signer": None, "title": None, "date": None}
        self.spans: dict[str, Span] = {}
        self.date_text: str | None = None
        # columns as printed; a blank line's text is "" (no reader looks into
        # its white space: 5 MB of blank lines in a block made 5 million texts)
        lines = [(t, "" if t.type == "BLANK" else line_text(t).expandtabs(8)) for t in tokens]
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
                if cache.search(r"authori[sz]ed\.?\s*$", lines[k - 1][1]):
                    break
        self.legend = "".join(legend)
        self.rest = _first_block(lines[k:])
        self.by_index: int | None = None
        self.by_col = 0

    def read(self) -> Signature:
        self._find_by()
        self._registrant()
        if self.by_index is not None:
            self._signer_under_by()
        else:
            self._labelled_lines()
        self._date()
        head = next((t for t in self.tokens if t.value.strip()), None)
        return Signature(span=span_of(self.tokens), date_text=self.date_text, spans=self.spans,
                         head=span_of([head]) if head is not None else None, **self.values)

    def _set(self, name: str, value: str | None, tok: Token, at: Span | None = None) -> None:
        value = collapse(value or "").strip(" ,;")
        if value and self.values[name] is None:
            self.values[name] = value
            # the value in the signature's column (a label or a date may
            # stand left of it)
            span = at or value_span([tok], value, max(0, self.by_col - LEFT_MARGIN) if name != "registrant" else 0)
            if span:
                self.spans[name] = span

    def _find_by(self) -> None:
        """The By line: the first line with "By:" or "/s/"; "BY: ADVANTA
        Mortgage Corp., USA" / "BY: /s/ H. John Berens": an entity signs
        through a person, and the line with the signature is the By line."""
        rest = self.rest
        # The By lines that can decide: the first three, none further than
        # BY_LINES_APART below the first.  (issue 12: the search stops there,
        # and the pattern, tried case-insensitively at every position, is
        # run only on a line with a "/" or the letters "by")
        by_lines: list[tuple[int, re.Match]] = []
        for idx, (_, text) in enumerate(rest):
            if by_lines and idx - by_lines[0][0] > BY_LINES_APART:
                break
            if "/" not in text and "by" not in text.lower():
                continue
            m = _BY_AT.search(text)
            if m:
                by_lines.append((idx, m))
                if len(by_lines) == 3:
                    break
        if not by_lines:
            return
        first = by_lines[0][0]
        signed = [(idx, m) for idx, m in by_lines[:3]
                  if _SIGNED.search(rest[idx][1]) and idx - first <= BY_LINES_APART]
        entity = not _SIGNED.search(rest[first][1]) and _COMPANY_WORDS.search(rest[first][1])
        idx, m = signed[0] if signed and entity else by_lines[0]
        self.by_index = idx
        self.by_col = m.start() + len(m.group()) - len(m.group().lstrip())

    def _registrant(self) -> None:
        """The block of lines above the By line (or above "(Registrant)"), in
        the signature's column first, else anywhere."""
        stop = self.by_index if self.by_index is not None else len(self.rest)
        for idx, (tok, _) in enumerate(self.rest[:stop]):
            if tok.type == "REGISTRANT_CAPTION":
                stop = idx
                break
        block = self._registrant_block(stop, self.by_col) or (
            self._registrant_block(stop, 0) if self.by_col > LEFT_MARGIN else [])
        if block:
            self._set("registrant", " ".join(c for _, c in block), block[0][0])

    def _registrant_block(self, stop: int, col: int) -> list[tuple[Token, str]]:
        block: list[tuple[Token, str]] = []
        last_block: list[tuple[Token, str]] = []
        for tok, text in self.rest[:stop]:
            cell = _column_text(text, col)
            if tok.type in ("BLANK", "RULE", "PAGE", "PAGE_NUMBER") or not cell:
                if block:
                    last_block, block = block, []
                continue
            if _DATED.match(cell):
                # "Date: February 1, 2024      Apple Inc.": the name beside the date
                cell = _after_date(cell)
                if not cell:
                    continue
            elif find_date(cell)[1] and len(cell) < DATE_LINE_MAX:
                continue
            if _NOT_A_NAME.fullmatch(cell):
                continue
            if _BY_ALONE.fullmatch(cell):
                continue  # "by" alone on the line above the /s/ signature
            if _BY_LABEL.match(cell):
                # "BY: ADVANTA Mortgage Corp., USA": the entity signing for the
                # registrant, not the registrant
                if block:
                    last_block, block = block, []
                continue
            block.append((tok, cell))
        return block or last_block

    def _under_by(self) -> list[tuple[Token, str]]:
        """The lines under the By line, in its column: the signer's name and title."""
        by_col = self.by_col
        under: list[tuple[Token, str]] = []
        after_by = self.rest[self.by_index + 1:]
        # the line after the run of blank lines met last, and whether it goes
        # on with the title: found once per run (40 KB of them took 10 s)
        nxt_at, goes_on = 0, False
        for n, (tok, text) in enumerate(after_by):
            if tok.type in ("SIGNATURE_LEGEND", "BY_LINE", "PAGE", "PAGE_NUMBER"):
                break
            if tok.type == "BLANK" and under:
                # HTML paragraphs: "..., Senior Vice President" / blank /
                # "and Chief Financial Officer" continues the title
                if nxt_at <= n:
                    nxt_at = n + 1
                    while nxt_at < len(after_by) and after_by[nxt_at][0].type == "BLANK":
                        nxt_at += 1
                    nxt = after_by[nxt_at] if nxt_at < len(after_by) else None
                    goes_on = bool(nxt and cache.match(r"(?:and|&|of)\s", _column_text(nxt[1], by_col)))
                if goes_on:
                    continue
            cell = _column_text(text, by_col)
            if not cell and tok.type in ("NAME_LINE", "TITLE_LINE"):
                # "Name:" / "Title:" printed left of the /s/ they label
                cell = _column_text(text, max(LEFT_MARGIN + 1, by_col - LABEL_LEFT))
            if tok.type in ("RULE", "REGISTRANT_CAPTION") or not cell or _RULE_CELL.fullmatch(cell):
                if under and not cell:
                    break
                continue
            if _DATED.match(cell) and not _NAME_OR_TITLE.match(cell):  # (what follows the word: optional)
                # "Date: March 30, 2021   Brien M. Chase, Senior Vice President"
                cell = _after_date(cell)
                if not cell:
                    if under:
                        break
                    continue
            if under and _COMPANY.search(cell) and not _TITLE_WORDS.search(cell):
                break  # the next registrant of a combined signature block
            under.append((tok, cell))
            if len(under) >= UNDER_BY_MAX:
                break
        return under

    def _signer_under_by(self) -> None:
        by_tok, by_text = self.rest[self.by_index]
        by_col = self.by_col
        name_on_by = _strip_by(by_text[max(0, by_col - 1):] if by_col > LEFT_MARGIN else by_text)
        under = self._under_by()
        named = [(t, c) for t, c in under if _NAME_LABEL.match(c)]
        titled = [i for i, (t, c) in enumerate(under) if _TITLE_LABEL.match(c)]
        if named:
            self._set("signer", named[0][1].split(":", 1)[1], named[0][0])
        if titled:
            i = titled[0]
            parts = [under[i][1].split(":", 1)[1]] + [c for _, c in under[i + 1:]
                                                     if not _NAME_LABEL.match(c)]
            self._set("title", " ".join(parts), under[i][0])
        plain = [(t, c) for t, c in under if not _LABEL.match(c)]
        if self.values["signer"] is None:
            if plain and not _TITLE_WORDS.search(plain[0][1].partition(",")[0]):
                tok, cell = plain.pop(0)
                name, _, tail = cell.partition(",")
                if tail.strip() and not _TITLE_WORDS.search(tail) and not _JUNIOR.match(tail):
                    name, tail = cell, ""
                elif _JUNIOR.match(tail):
                    name, tail = cell, ""
                self._set("signer", name, tok)
                if tail.strip():
                    self._set("title", " ".join([tail] + [c for _, c in plain]), tok)
            elif name_on_by:
                name, _, tail = name_on_by.partition(",")
                self._set("signer", name, by_tok)
                if tail.strip() and _TITLE_WORDS.search(tail):
                    # "By: /s/ Bruce J. Feldman, President, Chief" / "Executive
                    # Officer, Director and" / "Chairman of the Board"
                    more = [c for _, c in plain if _TITLE_WORDS.search(c) or c[:1].islower()]
                    if more and len(more) == len(plain):
                        tail = " ".join([tail] + more)
                    self._set("title", tail, by_tok)
        if self.values["title"] is None and plain:
            self._set("title", " ".join(c for _, c in plain), plain[0][0])
        if self.values["signer"] is None and name_on_by:
            self._set("signer", name_on_by, by_tok)

    def _labelled_lines(self) -> None:
        """No By line: "Name:" and "Title:" lines."""
        for tok, text in self.rest:
            cell = text.strip()
            if _NAME_LABEL.match(cell):
                self._set("signer", cell.split(":", 1)[1], tok)
            elif cache.match(r"(?i)title\s*:", cell):
                self._set("title", cell.split(":", 1)[1], tok)

    def _take_date(self, tok: Token, text: str, offset: int = 0) -> bool:
        """The date in ``text`` (which starts at column ``offset`` of the line)."""
        iso, m = find_date(text)
        if m is None:
            return False
        self.date_text = m.group()
        at = span_at(tok, offset + m.start(), offset + m.end())
        self._set("date", iso, tok, at)
        if iso is None:
            self.spans["date"] = at
        return True

    def _date(self) -> None:
        """A "Date:"/"Dated:" line, a date on the By line or alone on a line,
        or the legend's "on this 8th day of January, 2025".  Not a date in a
        footnote under the block ("* Filed on March 3, 2005 ...")."""
        # (the lines with text: no date is on a blank one)
        lines = [line for line in self._before_footnotes() if line[1]]
        for tok, text in lines:
            # (the pattern, case-insensitive, only on a line with the word: no
            # character but the ASCII letters matches its letters so, issue 12)
            m = _DATE_LABEL.search(text) if "date" in text.lower() else None
            if m and self._take_date(tok, text[m.start():], m.start()):
                return
        if self.by_index is not None and self._take_date(*self.rest[self.by_index]):
            return
        for tok, text in lines:
            _, m = find_date(text)
            if m and len(text.strip()) <= len(m.group()) + DATE_ALONE_SLACK:
                self._take_date(tok, text)
                return
        if self.legend:
            iso, m = find_date(self.legend)
            if m:
                self.date_text = m.group()
                self.values["date"] = iso
                return
        self._garbled_date(lines)

    def _before_footnotes(self) -> list[tuple[Token, str]]:
        """The block's lines down to its first footnote."""
        for n, (_, text) in enumerate(self.rest):
            if _footnote(text):
                return self.rest[:n]
        return self.rest

    def _garbled_date(self, lines: list[tuple[Token, str]]) -> None:
        """ "Date: Marcxh 12, 2002": something with a year after a Date label
        that is not a date is kept as printed (the check says it is no real
        date, not that the block has none)."""
        for tok, text in lines:
            m = cache.search(r"(?i)\bdated?\s*:\s*(\S.*?\b(?:19|20)\d\d\b)", text)
            if m:
                self.date_text = m.group(1)
                self.spans["date"] = span_at(tok, m.start(1), m.end(1))
                return


def read_signature(node: Tree) -> Signature:
    """``signature``: registrant, signer, title and date of the block."""
    return _SignatureReader(tree_tokens(node)).read()
