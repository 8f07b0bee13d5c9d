"""Stage 1: bytes -> decoded, newline-normalised text with a line index.

Everything downstream (tokens, records, diagnostics) speaks in terms of the
text this module returns: line and column numbers are 1-based positions in it.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field

__all__ = ["Source", "decode", "normalise_newlines"]


def decode(data: bytes) -> tuple[str, str]:
    """Decode filing bytes; return ``(text, encoding)``.

    UTF-8 first (a UTF-8 BOM is dropped), then cp1252 (the Windows code page most
    old filings were typed in), then latin-1, which cannot fail.  UTF-16 with a
    BOM is honoured because some filer tools wrote it.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


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
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._starts = starts
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
