"""Items: "Item 5.  Other Events" (1993 to 2004-08-22) or "Item 2.02 Results
of Operations and Financial Condition" (2004-08-23 on), each with its text.

The grammar gives each ``item`` its heading line and body lines (grammar
section 2.2).  POST-PROCESSING here: where a title wrapped onto the next line
or run on into the text ends (the official titles of form.py decide first),
and a heading that names several items.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lark import Token, Tree

from .. import cache
from ..form import normalise_number, official_title_end
from ..body_lines import ITEM_NUMBER, ITEM_PARTS
from ..records import Item, Span
from ..tree import line_text, span_and_line, span_at, span_of, tree_tokens
from ..values import collapse
from .lines import LAYOUT

__all__ = ["read_item", "item_is_inapplicable_list", "split_combined_item", "INAPPLICABLE"]

# How many lines under a heading may continue its title.
TITLE_LINES = 4
# A wrapped title line is short: a line of 70 characters or more is prose.
TITLE_LINE_MAX = 70
# A title alone on the line under its heading has at most this many words.
TITLE_WORDS_MAX = 14


INAPPLICABLE = cache.compile(r"^(?:are\s+)?(?:not\s+applicable|none|omitted|n/a|intentionally omitted)\b", re.I)


def _clean_title(title: str) -> str:
    title = collapse(title)
    if title and (title[0] in ".:-\u2013\u2014" or title[0].isspace()):  # (else nothing to take off)
        title = cache.sub(r"^[\s.:\-\u2013\u2014]+", "", title)
    return title.rstrip(" .:;").strip()


def _unfinished(raw_title: str) -> bool:
    """A title that cannot end where it does ("... Arrangements of")."""
    return bool(cache.search(r"[;,]$|\b(?:and|of|or|the|to|in|for|on|under)$", raw_title.rstrip(), re.I))


def read_item(node: Tree) -> Item:
    """``item``: the heading, its title (wrapped or run on), the text."""
    tokens = tree_tokens(node)
    head = tokens[0]
    text = line_text(head)
    m = ITEM_PARTS.match(text)
    if m is None:  # cannot happen: the lexer matched the same shape
        span = span_of(tokens)
        return Item(None, None, "", span.line if span else 0, span=span)
    num, more = m.group("num", "more")
    numbers = [num] + cache.findall(ITEM_NUMBER, more) if more else [num]
    number = num.rstrip(".")
    raw_title = m.group("rest")
    title = _clean_title(raw_title)
    # "Item 2.01 Completion of Acquisition. On March 1, the Company ...": the
    # heading runs into the text; the title ends at its first full stop.
    # (The pattern needs a full stop and 33 characters.)
    run_on = cache.match(r"^(.{8,150}?[a-z)\]]{2}\.)\s+([A-Z(\u201c\"].{20,})$", title) \
        if len(title) >= 33 and "." in title else None
    lead_text = ""
    # The official title (see form.py) decides first where a run-on title
    # ends: "Appointment of Certain Officers. Compensatory Arrangements of
    # Certain Officers. Mr. Kaufman ..." keeps its full stops inside.
    bare = raw_title.lstrip(" .:-\u2013\u2014\t")
    end = official_title_end(number, bare)
    after = bare[end:] if end else ""
    if end and cache.match(r"^[.:;]?\s+[A-Z(\u201c\"].{20,}$", after):
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
        so_far = raw_title.strip(" .:-\u2013\u2014\t")
        complete = official_title_end(number, so_far) >= len(so_far)
        j = 0
        while j < len(body) and j < TITLE_LINES:
            tok = body[j]
            if tok.type == "RULE":
                j += 1
                continue
            line = line_text(tok)
            indent = len(line) - len(line.lstrip())
            nxt = body[j + 1].type if j + 1 < len(body) else "BLANK"
            aligned = abs(indent - title_col) <= 1
            # a line at the margin, alone before a blank line, ends a title
            # that is not complete yet; under a complete title ("Item 5.
            # Other Events" / "None.") it is the item's text
            alone = indent <= 1 and nxt in ("BLANK", "RULE", "PAGE") and not complete and (
                line.rstrip().endswith(".") or _unfinished(raw_title))
            if tok.type == "TEXT" and line.strip() and (
                    ((aligned or alone) and len(line.strip()) < TITLE_LINE_MAX) or _official_goes_on(number, raw_title, line)):
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
        # the official title, wrapped over up to three lines
        k, joined = j, ""
        while k < len(body) and k < j + 3 and body[k].type == "TEXT":
            joined = (joined + " " + line_text(body[k]).strip()).strip()
            done = official_title_end(number, joined)
            if done and not joined[done:].strip(" .:;,"):
                title, consumed = _clean_title(joined), k + 1
                break
            k += 1
        if not title and j < len(body) and body[j].type == "TEXT":
            line = line_text(body[j]).strip()
            # a title stands alone (a blank line or rule under it) or is the
            # official one; the first line of a paragraph is not a title
            alone = j + 1 >= len(body) or body[j + 1].type in ("BLANK", "RULE", "PAGE")
            if line and len(line.split()) <= TITLE_WORDS_MAX and line[0].isupper() and not line.endswith(",") and (
                    alone or official_title_end(number, line)):
                title = _clean_title(line)
                consumed = j + 1
    # the heading's dash underline is part of the heading, not of the text
    while consumed < len(body) and body[consumed].type == "RULE":
        consumed += 1
    lines = [line_text(t).rstrip() for t in body[consumed:] if t.type not in LAYOUT]
    if lead_text:
        lines.insert(0, lead_text)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    heading = text if not consumed else " ".join([text] + [line_text(t) for t in body[:consumed] if t.type != "RULE"])
    span, line = span_and_line(tokens)
    return Item(
        number=number,
        title=title or None,
        text="\n".join(lines),
        line=line,
        span=span,
        heading=collapse(heading),
        numbers=tuple([n.rstrip(".") for n in numbers]),
        number_spans=_number_spans(head, m),
        title_span=_title_span(head, text, title, raw_title),
    )


def _official_goes_on(number: str, raw_title: str, line: str) -> bool:
    """Whether ``line`` carries on the official title where the heading's
    title stops: it continues it, however long."""
    so_far = raw_title.lstrip(" .:-\u2013\u2014\t").rstrip()
    return official_title_end(number, so_far + " " + line.strip()) > len(so_far) + 1


def _number_spans(head: Token, m: re.Match) -> dict[str, Span]:
    """Where each number of a heading is printed: "Item 2.02" for the first,
    the number alone for the others ("Items 5 and 7")."""
    out = {normalise_number(m.group("num")): span_at(head, m.start("word"), m.end("num"))}
    more = m.group("more")
    if not more:
        return out
    for n in cache.finditer(ITEM_NUMBER, more):
        out.setdefault(normalise_number(n.group()), span_at(head, m.start("more") + n.start(), m.start("more") + n.end()))
    return out


def _title_span(head: Token, text: str, title: str | None, raw_title: str) -> Span | None:
    """The title on the heading line, from its first word to the line's end."""
    if not title:
        return None
    first = title.split(None, 1)[0]
    word = text.lower().find("item")
    at = text.find(first, word + 4 if word != -1 else 0)
    if at == -1:
        return span_of([head])
    return span_at(head, at, len(text.rstrip()))


def item_is_inapplicable_list(item: Item) -> bool:
    """ "Items 1 through 4, 6 and 8 Not Applicable." lists items the report
    does not use; it is not an item of the report."""
    return len(item.numbers) > 1 and bool(item.title and INAPPLICABLE.match(item.title))


def split_combined_item(item: Item) -> list[Item]:
    """POST-PROCESSING: "Items 1.01(a) and 5.02(e) Amendment of a Material
    Definitive Agreement; Compensatory Arrangements of Certain Officers" is
    one section of the document but two items of the report: one record per
    number, sharing the heading's line and text.  The title is shared out by
    the official titles where they are spelled in order, else one part per
    number where the parts (split at ";") are as many as the numbers, else
    each item keeps the whole title."""
    numbers = [n for n in dict.fromkeys(item.numbers) if n]
    if len(numbers) < 2 or cache.search(r"(?i)\bthrough\b|\d\s*(?:-|to)\s*\d", item.heading.split(";")[0][:40]):
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
    return [replace(item, number=n, title=t or None, numbers=(n,), combined=True)
            for n, t in zip(numbers, titles)]
