"""Stage 1: bytes -> decoded, newline-normalised text with a line index; an
HTML document in it rendered to layout text, with a map back (``html.py``).

Everything downstream (tokens, records, diagnostics) speaks in terms of the
text this module returns: line and column numbers are 1-based positions in it.
The text of an HTML rendering is read by the same grammar; a position in it is
turned back into a position in this text by :meth:`Rendering.source_offset`.
"""

from __future__ import annotations

import bisect
import codecs
import functools
from dataclasses import dataclass, field

from .html import Rendering, _line_starts, looks_like_html, render_html

__all__ = ["Source", "Rendering", "decode", "normalise_newlines", "looks_like_html"]


def decode(data: bytes) -> tuple[str, str]:
    """Decode filing bytes; return ``(text, encoding)``.  Never fails.

    * A byte-order mark decides: UTF-8 (dropped), UTF-32 or UTF-16 (with the
      few undecodable code units, e.g. a truncated last byte, as U+FFFD).
    * UTF-16 without a BOM is recognised by its NUL bytes: ASCII text in
      UTF-16LE has a NUL in (nearly) every odd byte and none in the even ones
      (mirrored for big-endian); see :func:`_utf16_without_bom`.
    * Otherwise UTF-8, then cp1252 (the Windows code page most old filings
      were typed in), then latin-1, which decodes any bytes.

    NUL bytes, form feeds and other control characters are kept as they are,
    and no decoded text holds a lone surrogate, so it can always be written
    out as UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace"), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    else:
        endian = _utf16_without_bom(data)
        if endian is not None:
            return data.decode(endian, errors="replace"), endian
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


# How much of the start of a file the UTF-16 test reads.
_UTF16_SAMPLE = 1 << 16


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` if ``data`` looks like UTF-16 text
    without a BOM, else None.

    The test reads the first 64 KiB: at least 8 code units, a NUL in at least
    a third of the odd (LE) or even (BE) bytes, and in at most 1/50 of the
    others.  Binary files (executables, images) have NULs in both places,
    8-bit text has none or a few, so neither passes.
    """
    sample = data[:_UTF16_SAMPLE]
    units = len(sample) // 2
    if units < 8 or b"\x00" not in sample:  # (no NUL: neither test can pass; found without the slices)
        return None
    even = sample[0:units * 2:2].count(0)
    odd = sample[1:units * 2:2].count(0)
    if odd * 3 >= units and even * 50 <= units:
        return "utf-16-le"
    if even * 3 >= units and odd * 50 <= units:
        return "utf-16-be"
    return None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM character is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass
class Source:
    """A decoded filing: its text, where it came from, and a line index."""

    text: str
    path: str | None = None
    encoding: str = "utf-8"
    _starts: list[int] = field(default_factory=list, repr=False)
    _renderings: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_bytes(cls, data: bytes, path: str | None = None) -> "Source":
        text, encoding = decode(data)
        return cls(normalise_newlines(text), path, encoding)

    @classmethod
    def from_text(cls, text: str, path: str | None = None) -> "Source":
        return cls(normalise_newlines(text), path)

    @property
    def line_starts(self) -> list[int]:
        """Offsets at which each line begins (index 0 is line 1)."""
        if not self._starts:
            self._starts = _line_starts(self.text)
        return self._starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` without its newline ('' if out of range)."""
        starts = self.line_starts
        if number < 1 or number > len(starts):
            return ""
        begin = starts[number - 1]
        end = self.text.find("\n", begin)
        return self.text[begin:] if end == -1 else self.text[begin:end]

    @property
    def line_count(self) -> int:
        return len(self.line_starts) - (1 if self.text.endswith("\n") else 0)

    def rendering(self, start: int, end: int) -> Rendering:
        """The HTML in ``text[start:end]`` rendered to layout text (once: the
        rendering is kept), its anchors pointing into this text."""
        key = (start, end)
        if key not in self._renderings:
            if self._starts:
                starts, upto, whole = self._starts, None, None
            else:  # the lines up to the HTML's end (rendered spans lie there), made when first asked for
                starts, upto = functools.partial(_line_starts, self.text, end), end
                whole = functools.partial(_line_starts, self.text)
            self._renderings[key] = render_html(self.text[start:end], start, starts,
                                                starts_upto=upto, all_starts=whole, source_text=self.text)
        return self._renderings[key]
