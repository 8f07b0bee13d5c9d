"""FG5xx: the exhibit index against the documents that carry exhibits."""

from __future__ import annotations

import heapq
from typing import Iterator

from .. import cache
from ..records import Document, ExhibitRef
from ..body_lines import EXHIBIT_NUMBER
from ..tree import line_text
from .context import Context
from .diagnostic import Diagnostic, Label
from .rules import diag

_NOT_FILED_HERE = cache.compile(
    r"(?i)incorporated|by\s+reference|previously\s+filed|to\s+be\s+filed|filed\s+by\s+amendment|"
    r"amendment|paper|form\s+se\b|not\s+applicable|none|reference\s+is\s+made|filed\s+(?:as|with)\s+exhibit|"
    r"\bfiled\s+with\b|\bincluded\s+(?:in|as)\b|herein|(?:form|report)\s+\d+-[kq]|registration\s+statement|"
    r"embedded|inline\s+xbrl|interactive\s+data")


def exhibit_key(number: str) -> tuple[str, ...]:
    """'EX-99.1' -> ('99', '1'); '99.01' -> ('99', '1'); 'EX-4.(F)' -> ('4', 'f');
    '99.4(a)' -> ('99', '4', 'a')."""
    n = number.strip().lower()
    n = cache.sub(r"^ex(?:hibit)?[-\s]*", "", n)
    parts = [p for p in cache.split(r"[.()\s-]+", n) if p]
    out = []
    for p in parts:
        m = cache.fullmatch(r"(\d+)([a-z]?)", p)
        if m:
            out.append(str(int(m.group(1))))
            if m.group(2):
                out.append(m.group(2))
        else:
            out.append(p)
    return tuple(out)


def _matches(a: tuple, b: tuple) -> bool:
    """Exhibit numbers are written loosely: 99 stands for 99.1 and the reverse."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) == 1 and long_[0] == short[0]


class _Keys:
    """Exhibit keys, looked up the way :func:`_matches` compares two: the same
    key, or a one-part key against any key of that first part."""

    def __init__(self, keys):
        keys = [k for k in keys if k]
        self.exact = set(keys)
        self.firsts = {k[0] for k in keys}
        self.singles = {k[0] for k in keys if len(k) == 1}

    def match(self, key: tuple) -> bool:
        """``any(_matches(key, k) for k in keys)``, without going through them."""
        if not key:
            return False
        return (key in self.exact or key[0] in self.singles
                or (len(key) == 1 and key[0] in self.firsts))


def _inline_exhibits(ctx: Context) -> list[tuple]:
    """Exhibits printed in the 8-K's own text, after an `EXHIBIT 99.1` heading
    (not the headings inside EX- documents, which are opaque text)."""
    keys = []
    for node in ctx.exhibit_nodes:
        tok = node.children[0] if node.children else None
        if getattr(tok, "type", None) == "EXHIBIT_HEADING":
            m = cache.search(EXHIBIT_NUMBER, tok.value)
            if m:
                keys.append(exhibit_key(m.group()))
    return keys


# More lines of text than this after the exhibit list and the signature, in the
# 8-K document itself, are taken to be exhibits printed there (1990s-2000s).
INLINE_LINES = 40


def _text_after_list(ctx: Context) -> int:
    """Non-blank lines of the 8-K document after its exhibit list and signature."""
    f = ctx.filing
    docs = [d for d in f.documents if d.type]
    if not docs:
        return 0
    start = max([e.line for e in f.exhibit_index] +
                [s.end_line for s in (f.signature.spans.values() if f.signature else [])] + [0])
    end = docs[1].line if len(docs) > 1 else len(ctx.src.line_starts)
    return sum(1 for t in ctx.tokens if start < (t.line or 0) < end and t.strip() and not t.startswith("<"))


_FOOTNOTE = cache.compile(r"[ \t]*(\*+|\u2020)[ \t]*(\S.*)")


def _not_filed_footnotes(ctx: Context) -> set[str]:
    """Footnote marks ('*', '**', '\u2020') whose footnote says the exhibit is not filed
    here ('* Incorporated by reference to the Company's Form 8-K ...')."""
    marks = set()
    for tok in ctx.form_tokens:
        m = _FOOTNOTE.fullmatch(line_text(tok))
        if m and _NOT_FILED_HERE.search(m.group(2)):
            marks.add(m.group(1))
    return marks


def _words(text: str | None) -> set[str]:
    return {w for w in cache.findall(r"[a-z]{4,}", (text or "").lower()) if w not in _COMMON}


# Words every exhibit description may hold; they do not pair two descriptions.
_COMMON = frozenset({"exhibit", "dated", "between", "company", "corporation", "inc", "with", "from", "form"})


def _same_exhibit(entry: ExhibitRef, doc: Document) -> bool:
    """Do a listed entry and a filed document describe the same exhibit?  At
    least two significant words in common, or half of the shorter description's."""
    return _same_words(_words(entry.description), _words(doc.description))


def _same_words(a: set[str], b: set[str]) -> bool:
    common = a & b
    return bool(common) and (len(common) >= 2 or len(common) * 2 >= min(len(a), len(b)))


# Word sets of at most this many words are indexed by their pairs of words.
_PAIRED_WORDS = 12


class _Postings:
    """Per key, the documents (by index, in order) that hold it; ``first``
    gives the first not yet paired, skipping the paired ones once."""

    def __init__(self, taken: list[bool]):
        self.taken = taken
        self.lists: dict = {}
        self.at: dict = {}

    def add(self, key, i: int) -> None:
        self.lists.setdefault(key, []).append(i)

    def first(self, key) -> int | None:
        found = self.lists.get(key)
        if not found:
            return None
        j = self.start(key, found)
        return found[j] if j < len(found) else None

    def start(self, key, found: list[int]) -> int:
        """Where the documents of ``key`` not yet paired begin in its list."""
        j = self.at.get(key, 0)
        while j < len(found) and self.taken[found[j]]:
            j += 1
        self.at[key] = j
        return j

    def first_sharing_two(self, words: set[str], doc_words: list[set[str]]) -> int | None:
        """The first document left (in order) that holds two of ``words``.
        Such a document holds one of them other than the one most documents
        hold, so the lists of those others are read merged, in order, until
        one holds two: not every document holding any word, for each entry
        (an entry and a thousand documents sharing "press" were a million
        counts: issue 12)."""
        lists = sorted(((w, found) for w in words if (found := self.lists.get(w))), key=lambda p: len(p[1]))
        if len(lists) < 2:
            return None
        heads = []
        for k, (w, found) in enumerate(lists[:-1]):  # (the last: the word most documents hold)
            j = self.start(w, found)
            if j < len(found):
                heads.append((found[j], k, j))
        heapq.heapify(heads)
        taken = self.taken
        while heads:
            i, k, j = heads[0]
            if not taken[i] and sum(1 for w in words if w in doc_words[i]) >= 2:
                return i
            found = lists[k][1]
            if j + 1 < len(found):
                heapq.heapreplace(heads, (found[j + 1], k, j + 1))
            else:
                heapq.heappop(heads)
        return None


def _pairs(unfiled: list[ExhibitRef], unlisted: list[Document]) -> list[tuple[ExhibitRef, Document]]:
    """Entries listed but not filed under their number, paired with documents
    filed but not listed under theirs: the same exhibit numbered two ways.
    Paired by their descriptions; one of each left is a pair too.

    Each entry, in order, takes the first document left whose description is
    the same exhibit's (:func:`_same_exhibit`).  Two word sets ``a``, ``b`` that
    share a word are the same exhibit's if they share two, or if one has at
    most two words; so the documents are found through indexes: by word (all
    documents, and those of at most two words), and by pair of the words they
    share with the entries of three words or more (when they share at most
    ``_PAIRED_WORDS``; in the others the words in common are counted).  An entry's words
    that found no document find none later either (documents are only taken)."""
    if not unfiled or not unlisted:
        return []
    entry_words = [_words(e.description) for e in unfiled]
    # the words of the entries that need two in common with a document of three or more
    wide = set().union(*(a for a in entry_words if len(a) > 2))
    doc_words = [_words(d.description) for d in unlisted]
    taken = [False] * len(unlisted)
    by_word, by_word_short, by_pair = _Postings(taken), _Postings(taken), _Postings(taken)
    by_word_long = _Postings(taken)  # the documents that share more than _PAIRED_WORDS
    for i, b in enumerate(doc_words):
        for w in b:
            by_word.add(w, i)
            if len(b) <= 2:
                by_word_short.add(w, i)
        if len(b) <= 2:
            continue
        shared = sorted(b & wide)
        if len(shared) > _PAIRED_WORDS:
            for w in shared:
                by_word_long.add(w, i)
            continue
        for x in range(len(shared)):
            for y in range(x + 1, len(shared)):
                by_pair.add((shared[x], shared[y]), i)

    pairs = []
    unpaired: set[frozenset] = set()  # word sets that found no document
    for entry, a in zip(unfiled, entry_words):
        if not a:
            continue
        key = frozenset(a)
        if key in unpaired:
            continue
        found = []
        if len(a) <= 2:  # any document sharing a word
            found = [by_word.first(w) for w in a]
        elif len(a) <= _PAIRED_WORDS:
            found = [by_word_short.first(w) for w in a]
            ordered = sorted(a)
            found += [by_pair.first((ordered[x], ordered[y]))
                      for x in range(len(ordered)) for y in range(x + 1, len(ordered))]
            # and the documents of more: two words in common
            found.append(by_word_long.first_sharing_two(a, doc_words))
        else:  # a long description: the documents sharing a word, one by one
            near = sorted({i for w in a for i in by_word.lists.get(w, ()) if not taken[i]})
            found.append(next((i for i in near if _same_words(a, doc_words[i])), None))
        found = [i for i in found if i is not None]
        if found:
            i = min(found)
            taken[i] = True
            pairs.append((entry, unlisted[i]))
        else:
            unpaired.add(key)
    paired = {id(e) for e, _ in pairs}
    rest = [e for e in unfiled if id(e) not in paired]
    docs = [d for i, d in enumerate(unlisted) if not taken[i]]
    if len(rest) == 1 and len(docs) == 1:
        pairs.append((rest[0], docs[0]))
    return pairs


class _KeyOf(dict):
    """``exhibit_key``, each number read once (a list of thousands of entries
    read each number five times)."""

    def __missing__(self, number: str) -> tuple[str, ...]:
        key = self[number] = exhibit_key(number)
        return key


def check(ctx: Context) -> Iterator[Diagnostic]:
    f = ctx.filing
    key_of = _KeyOf()
    ex_docs: list[tuple[Document, tuple]] = [
        (d, key_of[d.type]) for d in f.documents
        if d.type and d.type.upper().startswith("EX-")]
    entries: list[tuple[ExhibitRef, tuple]] = [(e, key_of[e.number]) for e in f.exhibit_index]
    # only a complete submission (with its SEC header) shows what was filed;
    # a lone primary document, as some archives keep it, does not
    full_submission = f.sec_header is not None and any(d.type for d in f.documents)

    unfiled: list[ExhibitRef] = []
    if full_submission and entries:
        carried = _Keys([k for _, k in ex_docs] + _inline_exhibits(ctx))
        inline_text = _text_after_list(ctx) > INLINE_LINES
        footnotes = _not_filed_footnotes(ctx)
        for entry, key in entries:
            if f.exhibit_source == "item" and entry.parenthesised:
                continue  # "(1) The pro forma adjustments ...": a footnote, not an exhibit
            if inline_text:
                continue  # the exhibits are printed in the 8-K's own text after the list
            if carried.match(key):
                continue
            if entry.description and _NOT_FILED_HERE.search(entry.description):
                continue
            if entry.page:  # paginated: printed in the 8-K document itself
                continue
            if entry.mark and entry.mark in footnotes:
                continue  # "2.1*" or "... Corporation*" with "* Incorporated by reference to ..."
            unfiled.append(entry)

    unlisted: list[Document] = []
    if entries and ex_docs:
        keys = {k for _, k in entries}
        exact = {k for _, k in ex_docs}
        loose = _Keys(k for k in keys if k not in exact)
        for doc, key in ex_docs:
            # 99 stands for 99.1 and the reverse, unless another document is
            # exactly the entry (EX-99 beside EX-99.1 is not exhibit 99.1)
            if key in keys or loose.match(key):
                continue
            if key and key[0] == "101":
                continue  # XBRL files (EX-101.SCH ...) go with the filing unlisted
            unlisted.append(doc)

    # FG503: the same exhibit numbered one way in the list, another in its
    # <TYPE>: one diagnostic per numbering (24(d), 24(e) filed as EX-23.(D), EX-23.(E))
    pairs = _pairs(unfiled, unlisted)
    groups: dict[tuple, list[tuple[ExhibitRef, Document]]] = {}
    for entry, doc in pairs:
        groups.setdefault((key_of[entry.number][:1], key_of[doc.type][:1]), []).append((entry, doc))
    where = "exhibit index" if f.exhibit_source == "index" else "exhibit list"
    for group in groups.values():
        entry, doc = group[0]
        listed = ", ".join(e.number for e, _ in group)
        filed = ", ".join(d.type for _, d in group)
        yield diag("FG503", f"exhibit {listed} in the {where} is filed as {filed}",
                   Label(entry.number_span or ctx.line_span(entry.line), f"listed as {listed}"),
                   secondary=[Label(ctx.line_span(d.type_line or d.line), f"filed as {d.type}") for _, d in group],
                   help="give the exhibit the same number in the list and in its `<TYPE>`")
    paired_entries = {id(e) for e, _ in pairs}
    paired_docs = {id(d) for _, d in pairs}

    filed = _filed_note([d.type for d, _ in ex_docs])
    for entry in unfiled:
        if id(entry) in paired_entries:
            continue
        span = entry.number_span or ctx.line_span(1)
        yield diag("FG501", f"exhibit {entry.number} is listed but not filed",
                   Label(span, f"no `EX-{entry.number.upper()}` document carries this exhibit"),
                   notes=[filed],
                   help="file it as a `<DOCUMENT>` with `<TYPE>EX-" + entry.number.upper() + "`, "
                        "or say it is incorporated by reference")

    first = f.exhibit_index[0].line if f.exhibit_index else 0
    starts = ctx.line_span(first) if first else None
    for doc in unlisted:
        if id(doc) in paired_docs:
            continue
        line = doc.type_line or doc.line
        yield diag("FG502", f"exhibit {doc.type} is filed but not in the {where}",
                   Label(ctx.line_span(line), "not listed"),
                   secondary=[Label(starts, f"the {where} starts here")] if first else [],
                   help=f"add {doc.type[3:]} to the {where}, or correct the document's `<TYPE>`")

    yield from _item_against_index(ctx, key_of)


# The FG501 note names at most this many of the exhibits filed (it is repeated
# on each FG501: all of thousands of them made its output quadratic).
FILED_SHOWN = 50


def _filed_note(types: list[str]) -> str:
    """'exhibits filed: EX-99.1, EX-99.2', the first ``FILED_SHOWN`` and how
    many more."""
    if not types:
        return "exhibits filed: none"
    shown = ", ".join(types[:FILED_SHOWN])
    more = len(types) - FILED_SHOWN
    return "exhibits filed: " + shown + (f" and {more} more" if more > 0 else "")


def _item_against_index(ctx: Context, key_of: _KeyOf) -> Iterator[Diagnostic]:
    """FG504: an exhibit listed under Item 9.01 (Item 7) that the exhibit
    index leaves out; FG505: the reverse, when the item lists exhibits at all."""
    f = ctx.filing
    if f.exhibit_source != "index" or not f.item_exhibits:
        return
    index = _Keys(key_of[e.number] for e in f.exhibit_index)
    run = _first_run(f.item_exhibits)
    listed = _Keys(key_of[e.number] for e in run if not e.parenthesised)
    index_starts = ctx.line_span(f.exhibit_index[0].line)
    for entry in run:
        key = key_of[entry.number]
        if entry.parenthesised or index.match(key):
            continue
        yield diag("FG504", f"exhibit {entry.number} is listed under the item but not in the exhibit index",
                   Label(entry.number_span or ctx.line_span(entry.line), "listed here"),
                   secondary=[Label(index_starts, "the exhibit index starts here")],
                   help=f"add exhibit {entry.number} to the exhibit index")
    list_starts = ctx.line_span(run[0].line) if run else None
    for entry in f.exhibit_index:
        key = key_of[entry.number]
        if not key or key[0] in _UNLISTED or listed.match(key):
            continue
        yield diag("FG505", f"exhibit {entry.number} is in the exhibit index but not listed under the item",
                   Label(entry.number_span or ctx.line_span(entry.line), "in the index"),
                   secondary=[Label(list_starts, "the item's list starts here")],
                   help=f"list exhibit {entry.number} under Item 9.01, or take it out of the index")


def _first_run(entries) -> list:
    """The entries of the first list: numbered paragraphs further down an
    item, after prose (notes to financial statements printed in the 8-K:
    "1. ORGANIZATION ..."), are not its exhibit list."""
    return [e for e in entries if e.run == entries[0].run] if entries else []


# Exhibits an item's list may leave out: the XBRL files (101) and the cover
# page's interactive data (104), filed with every Inline XBRL 8-K.
_UNLISTED = frozenset({"101", "104"})
