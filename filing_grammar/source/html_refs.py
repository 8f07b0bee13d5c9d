"""Text runs of HTML with their character references decoded (as
html.unescape decodes them) and split into pieces with their offsets in the
HTML: the runs between references, and each reference (``html_render.py``
anchors each piece's first word)."""

from __future__ import annotations

from html import unescape as _unescape

from .. import cache

# A character reference, as html.unescape reads one.
_CHARREF = cache.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def _with_refs(data: str, html: str, pos: int) -> list[tuple[str, int]]:
    """``data`` (text with its character references decoded, as HTMLParser
    hands it over) as pieces with their exact offsets in ``html``: the runs
    between references, and each reference.  One piece if there is none, or
    if the pieces cannot be matched to the data."""
    amp = html.find("&", pos, pos + len(data) + 1)
    if amp == -1:
        return [(data, pos)]
    pieces: list[tuple[str, int]] = []
    n, i, limit = 0, pos, len(data)
    while n < limit:
        amp = html.find("&", i, i + (limit - n) + 1)
        if amp == -1 or amp - i >= limit - n:
            pieces.append((html[i:i + limit - n], i))
            n = limit
            break
        if amp > i:
            pieces.append((html[i:amp], i))
            n += amp - i
        m = _CHARREF.match(html, amp)
        text = _unescape(m.group()) if m else "&"
        pieces.append((text, amp))
        n += len(text)
        i = m.end() if m else amp + 1
    if "".join(t for t, _ in pieces) != data:
        return [(data, pos)]
    return pieces


def _decoded(raw: str, pos: int, html: str) -> tuple[str, list[tuple[str, int]]]:
    """A text run of the HTML (``raw``, at offset ``pos``) decoded as
    html.unescape decodes it, and in the pieces :func:`_with_refs` gives: in
    one pass over the run, not the decoding first and the references found
    again.  (html.unescape replaces each match of ``_CHARREF`` in turn, so
    the matches replaced one by one make the same text.)"""
    refs = _REFS
    if raw[-1] == ";":
        text = refs.get(raw)
        if text:  # the run is one reference, met before ("&nbsp;", "&#160;": the commonest)
            return text, [(text, pos)]
    pieces: list[tuple[str, int]] = []
    append = pieces.append
    i = 0
    for m in _CHARREF.finditer(raw):
        a, b = m.span()
        if a > i:
            gap = raw[i:a]
            if "&" in gap:  # an "&" that starts no reference: a piece of its own
                _split_amps(gap, pos + i, append)
            else:
                append((gap, pos + i))
        ref = m.group()
        text = refs.get(ref)
        if text is None:
            text = _unescape(ref)
            if len(refs) < 4096:
                refs[ref] = text
        append((text, pos + a))
        i = b
    end = len(raw)
    if i < end:
        gap = raw[i:]
        if "&" in gap:
            _split_amps(gap, pos + i, append)
        else:
            append((gap, pos + i))
    data = "".join([t for t, _ in pieces])
    # _with_refs reads each reference in the HTML, not in the run: one at the
    # run's end that reads on there ("&nbsp" before "<", read "&nbsp<p...")
    # decodes to more than the data, and the run is one piece.
    last = raw.rfind("&")
    if pos + end < len(html) and (i == end or last == end - 1):
        m = _CHARREF.match(html, pos + last)
        if m is not None and m.end() != pos + end:
            return data, [(data, pos)]
    # It stops when it has as much text as the data: references at the end
    # that decode to nothing ("&#1;") are no pieces.
    while pieces and not pieces[-1][0]:
        pieces.pop()
    return data, pieces


def _split_amps(text: str, pos: int, append) -> None:
    """Pieces of text (at ``pos``) holding an "&" that starts no reference:
    the runs between them, and each "&" (as :func:`_with_refs`)."""
    first, *rest = text.split("&")
    if first:
        append((first, pos))
    pos += len(first)
    for part in rest:
        append(("&", pos))
        if part:
            append((part, pos + 1))
        pos += 1 + len(part)


_REFS: dict[str, str] = cache.kept({})  # reference -> its text (html.unescape), the ones met
