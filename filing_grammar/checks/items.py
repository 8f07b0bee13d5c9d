"""FG3xx: the items."""

from __future__ import annotations

from typing import Iterator

from .. import cache
from ..form import (
    DECIMAL, DECIMAL_ERA_START, NUMBERED, OLD_TO_NEW, ItemDef, item_order_key, match_title, normalise_number,
    official_title, official_title_end, title_key,
)
from ..records import Item
from .context import Context, number_span
from .diagnostic import Diagnostic, Label
from .rules import diag

_POOLS = {"numbered": NUMBERED, "decimal": DECIMAL}


# number -> the first item of that number in each era's pool, and in either
# (numbered first): what a scan of the pools in that order finds
_DEFS: dict[str | None, dict[str, ItemDef]] = {}
for _era, _pools in (("numbered", (NUMBERED,)), ("decimal", (DECIMAL,)), (None, (NUMBERED, DECIMAL))):
    _DEFS[_era] = {}
    for _pool in _pools:
        for _d in _pool:
            _DEFS[_era].setdefault(_d.number, _d)


def _def(number: str, era: str | None) -> ItemDef | None:
    return _DEFS[era or None].get(number)


_order_keys: dict[str, tuple[int, ...]] = {}


def _order_key(number: str) -> tuple[int, ...]:
    """:func:`item_order_key`, kept per number (a filing has few)."""
    key = _order_keys.get(number)
    if key is None:
        key = item_order_key(number)
        if len(_order_keys) < 4096:
            _order_keys[number] = key
    return key


_official_keys: dict[str, tuple[str, tuple[str, ...]]] = {}


def _official_key(official: str) -> tuple[str, tuple[str, ...]]:
    """The :func:`title_key` of an official title (or variant), and of each of
    its parts split at ";": kept, there are a few dozen."""
    keys = _official_keys.get(official)
    if keys is None:
        keys = _official_keys[official] = (title_key(official), tuple(title_key(p) for p in official.split(";")))
    return keys


_SMALL = frozenset("a an and as at by for from in into of on or the to under with".split())


def _looks_like_prose(title: str, number: str | None = None) -> bool:
    """A heading line that runs straight into the item's text ("Item 2. On
    September 30, 1996, the Company ...") has no title to compare.  An official
    title is never prose, however long (Item 5.02's has 19 words)."""
    if number and official_title_end(number, title) >= len(title.rstrip(" .")) - 1:
        return False
    words = title.split()
    if len(words) > 16:
        return True
    # title case or capitals have few lower-case words besides the small ones
    if words and words[0].lower() in ("the", "on", "in", "as", "we", "our", "this"):
        lower = [w for w in words if w[:1].islower() and w.lower() not in _SMALL]
        if len(lower) >= 2:
            return True
    return bool(cache.match(r"(?i)(on|in|the|as|effective|pursuant)\s+\S+", title)
                and cache.search(r"\d|,", title)) or title.rstrip().endswith(("the", "of", "a", "to"))


def check(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    if not f.items:
        if f.signature and f.signature.span:
            span = ctx.line_span(ctx.first_text_line(f.signature.span))
            label = "the signature block comes before any item"
        elif f.cover and f.cover.span:
            span = ctx.line_span(ctx.last_text_line(f.cover.span.line, f.cover.span.end_line))
            label = "no item heading after the cover page"
        else:
            span = ctx.line_span(1)
            label = "no item heading in this filing"
        yield diag("FG301", "the filing reports no items", Label(span, label),
                   notes=["items are headed like `Item 8.01 Other Events` (from 2004-08-23) "
                          "or `Item 5. Other Events` (before)"])
        return

    era, date = ctx.era, ctx.report_date
    seen: dict[str, Item] = {}
    times: dict[str, int] = {}  # headings so far of an item reported again
    previous: tuple | None = None
    previous_item: Item | None = None
    previous_number = ""
    for item in f.items:
        numbers = [normalise_number(n) for n in (item.numbers or ([item.number] if item.number else []))]
        for number in numbers:
            if number in seen and item.title and _looks_like_prose(item.title, number):
                continue  # "Item 2. The registrant will file ...": a reference in the text
            span = number_span(ctx, item, number)
            valid = yield from _check_number(ctx, item, number, span, era, date)
            if number in seen:
                first = seen[number]
                times[number] = count = times.get(number, 1) + 1
                # ("twice" only where it is: a third heading is not a second one)
                again = "twice" if count == 2 else f"for the {_ordinal(count)} time"
                yield diag("FG306", f"item {number} appears {again}",
                           Label(span, f"item {number} again"),
                           secondary=[Label(number_span(ctx, first, number), "first reported here")],
                           help="report all the events of one item under one heading")
            else:
                seen[number] = item
            key = _order_key(number)
            if valid and key and previous and len(key) == len(previous) and key < previous:
                yield diag("FG305", f"item {number} comes after item {previous_number}",
                           Label(span, "out of order"),
                           secondary=[Label(number_span(ctx, previous_item, previous_number),
                                            f"item {previous_number} is here")],
                           help="put the items in the order of their numbers")
            if valid and key:
                previous, previous_item, previous_number = key, item, number
        if len(numbers) == 1 and item.title:
            yield from _check_title(ctx, item, numbers[0], era)


def _ordinal(n: int) -> str:
    """3rd, 4th, 11th, 21st, 112th ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _check_number(ctx, item, number, span, era, date):
    """FG302/FG303; returns whether the number is an item of the era."""
    if not cache.fullmatch(r"\d+(\.\d+)?", number):
        return False
    decimal = "." in number
    if era == "numbered" and decimal:
        yield diag("FG302", f"item {number} does not exist in a filing dated {date}",
                   Label(span, "a decimal item number"),
                   notes=[f"decimal items (1.01 ... 9.01) exist from {DECIMAL_ERA_START}; "
                          "before, items were numbered 1 to 12"])
        return False
    if era == "decimal" and not decimal:
        new = OLD_TO_NEW.get(number)
        d = _def(new, "decimal") if new else None
        yield diag("FG302", f"item {number} does not exist in a filing dated {date}",
                   Label(span, "a pre-2004 item number"),
                   notes=[f"from {DECIMAL_ERA_START} items are numbered 1.01 ... 9.01"],
                   help=f"old item {number} became item {new} ({d.title})" if d else None)
        return False
    d = _def(number, era)
    if d is None:
        guess = match_title(item.title, era) if item.title and not _looks_like_prose(item.title) else None
        pool = "decimal items 1.01 ... 9.01" if (era == "decimal" or decimal) else "items 1 to 12"
        yield diag("FG302", f"item {number} does not exist" + (f" in a filing dated {date}" if date else ""),
                   Label(span, "no such item"),
                   notes=[f"Form 8-K has {pool}" + (" in this era" if era else "")],
                   help=f"the title is that of item {guess.number} ({guess.title})" if guess else None)
        return False
    if date and d.since and date < d.since:
        yield diag("FG303", f"item {number} did not exist yet on {date}",
                   Label(span, f"item {number} exists from {d.since}"),
                   notes=[f"item {number} is {d.title}"])
        return False
    return True


def _check_title(ctx: Context, item: Item, number: str, era: str | None):
    d = _def(number, era)
    if d is None or (era is None):
        return
    title = item.title.strip()
    if _looks_like_prose(title) or title.lower() in ("n/a", "not applicable"):
        return
    key = title_key(title)
    if not key:
        return
    for official in (d.title,) + d.aliases:
        ok, parts = _official_key(official)
        if key == ok or (len(key) > 12 and (ok.startswith(key) or key.startswith(ok))):
            return
        # under a heading naming several items, each gets its part of the
        # official title ("Items 1.01 and 5.02 ...; Compensatory Arrangements ...")
        if item.combined and key in parts:
            return
    span = item.title_span or ctx.line_span(item.line)
    shown = title if len(title) <= 60 else title[:57] + "..."
    yield diag("FG304", f"item {number} is titled `{shown}`, not its official title",
               Label(span, "unofficial title"),
               help=f"the official title of item {number} is `{official_title(d, ctx.report_date)}`")
