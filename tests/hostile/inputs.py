"""Hostile inputs, made in the test run (nothing big is committed).

``CASES`` maps a case name to a function returning the input's bytes.  Each
case is small enough (a few MB at most) to go through every command and
format; ``big_filing`` and ``synthetic_8k`` make the 50 MB ones.  The cases
of ``SLOW_CASES`` (lines of MB, 100,000 lines) run marked slow; each has a
sibling a tenth of its size in the fast set.
"""

from __future__ import annotations

import gzip
import io
import random
import zipfile
from typing import Callable

import pytest

from ..conftest import SAMPLES

SEED = SAMPLES / "000_baa583cdd3fdc5f0.txt"                               # a bare 8-K (2002)
ENVELOPE = SAMPLES / "059_ec_109446_8K_1994_0000109446-94-000005.txt"      # PEM + SEC header (1994)
MODERN = SAMPLES / "111_ec_1001426_8K_2005_0001275287-05-000056.txt"       # SEC header (2005)


def seed_text() -> str:
    return SEED.read_text()


def envelope_text() -> str:
    return ENVELOPE.read_text()


def _rnd(n: int, seed: int = 6) -> bytes:
    return random.Random(seed).randbytes(n)


def elf() -> bytes:
    header = (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
              + b"\x78\x00\x40\x00\x00\x00\x00\x00" + b"\x40" + b"\x00" * 23)
    return header + b"\x00" * 4000 + _rnd(60_000) + b"\x00" * 3000


def pdf() -> bytes:
    body = gzip.compress(seed_text().encode())
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + b"3 0 obj\n<< /Length " + str(len(body)).encode() + b" /Filter /FlateDecode >>\nstream\n"
            + body + b"\nendstream\nendobj\nxref\n0 4\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def zip_file() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("filing.txt", seed_text())
        zf.writestr("noise.bin", _rnd(20_000))
    return buf.getvalue()


def gif() -> bytes:
    return (b"GIF89a\x10\x00\x10\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
            b",\x00\x00\x00\x00\x10\x00\x10\x00\x00\x02" + _rnd(5000, 7) + b"\x00;")


def with_nuls() -> bytes:
    text = seed_text().encode()
    mid = len(text) // 2
    return text[:mid] + b"\x00" * 300 + text[mid:mid + 500] + b"\x00" + text[mid + 500:].replace(b"Item", b"It\x00em", 1)


def cp1252() -> bytes:
    text = seed_text().replace('("LEHMAN")', "(\u201cLEHMAN\u201d)").replace("Registrant's", "Registrant\u2019s")
    return text.encode("cp1252")


def latin1() -> bytes:
    # 0x81 is undefined in cp1252, so only latin-1 reads this
    return seed_text().replace("CWMBS, INC.\n", "CWMBS, INC. caf\u00e9 \x81\n", 1).encode("latin-1")


def invalid_utf8() -> bytes:
    text = seed_text().encode()
    return text[:1000] + b"\xc3\x28 \xe2\x82 \xff\xfe \xed\xa0\x80" + text[1000:] + b"\xf0\x9f"


def line_endings(kind: str) -> Callable[[], bytes]:
    def make() -> bytes:
        text = seed_text()
        if kind == "crlf":
            return text.replace("\n", "\r\n").encode()
        if kind == "cr":
            return text.replace("\n", "\r").encode()
        lines = text.split("\n")
        ends = ["\r\n", "\r", "\n", "\n\r"]
        return "".join(line + ends[i % 4] for i, line in enumerate(lines)).encode()
    return make


def form_feeds() -> bytes:
    return seed_text().replace("<PAGE>\n", "\f\n<PAGE>\f\n").replace("\n\n", "\n\f\n", 3).encode()


def long_line_dots(dots: int = 3_000_000) -> Callable[[], bytes]:
    # a table-of-contents leader that never ends (was quadratic in the lexer)
    return lambda: b"Item 1 " + b"." * dots + b"x\n" + seed_text().encode()


def long_line_text(words: int = 1_000_000) -> Callable[[], bytes]:
    return lambda: seed_text().encode() + b"word " * words + b"\n" + b"- " * (words // 2) + b"x"


def long_line_spaces() -> bytes:
    return b" " * 2_000_000 + b"\n" + b"\t" * 500_000 + b"\n" + seed_text().encode()


def repeated(line: str, times: int = 100_000) -> Callable[[], bytes]:
    return lambda: (line * times).encode()


def nested_documents(depth: int = 5000) -> Callable[[], bytes]:
    opening = "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n"
    return lambda: (opening * depth + seed_text() + "</TEXT>\n</DOCUMENT>\n" * 7
                    + "</SEC-DOCUMENT>\n" * 3).encode()


def unterminated_tags() -> bytes:
    return ("<SEC-DOCUMENT>x.txt : 19940323\n<SEC-HEADER>\n<DOCUMENT\n<TYPE>EX-99\n<TEXT\n<SEC-HEADER>\n"
            "</DOCUMENT>\n<TEXT>\n" + seed_text() + "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n").encode()


def truncated(where: str) -> Callable[[], bytes]:
    def make() -> bytes:
        text = envelope_text()
        if where == "mid-line":
            cut = text.index("ITEM 5") + 4
        elif where == "mid-header":
            cut = text.index("STATE OF INCORPORATION") + 9
        else:  # mid-document
            cut = text.index("<TEXT>") + 2000
        return text[:cut].encode()
    return make


def no_final_newline() -> bytes:
    return seed_text().rstrip("\n").encode()


def html() -> bytes:
    text = seed_text().replace("\n\n", "</p>\n<p>")
    return ("<!DOCTYPE html>\n<html><head><title>8-K</title><style>p{}</style><script>if(a<b){x()}</script></head>\n"
            "<body>\n<p>" + text + "</p>\n" + "<div>" * 20_000 + "deep" + "</div>" * 19_000
            + "<table><tr><td>Item 5<td>Other</table>\n</body></html>\n").encode()


def html_in_edgar() -> bytes:
    text = envelope_text()
    start = text.index("<TEXT>") + len("<TEXT>\n")
    return (text[:start] + "<HTML><BODY>\n" + "<div><p>Item 5. Other Events</p>" * 2000
            + "<font size=2>&nbsp;&#8220;&bogus;&#xZZ;" + "<b>" * 5000 + "\n</BODY></HTML>\n"
            + text[start:]).encode()


MARKUP = "[bold]bold[/bold] [/] [link=https://example.com]link[/link] [red on white]x"
ANSI = "\x1b[31mRED\x1b[0m \x1b]8;;https://example.com\x07hyper\x1b]8;;\x07 \x1b[2J"


def markup_in_text() -> bytes:
    text = seed_text().replace("CWMBS, INC.\n", f"CWMBS {MARKUP}\n", 1)
    return text.replace("Other Events.", f"Other Events {MARKUP}", 1).encode()


def ansi_in_text() -> bytes:
    text = seed_text().replace("CWMBS, INC.\n", f"CWMBS {ANSI}\n", 1)
    return (text.replace("Other Events.", f"Other Events {ANSI}", 1) + f"{ANSI}\n").encode()


# name -> bytes; each finishes in a few seconds through any command
CASES: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "whitespace-only": lambda: b"  \n\t\n\r\n \f \n" * 50,
    "newline-only": lambda: b"\n",
    "elf-executable": elf,
    "random-bytes": lambda: _rnd(300_000),
    "pdf": pdf,
    "zip": zip_file,
    "gif": gif,
    "nul-bytes": with_nuls,
    "all-nul": lambda: b"\x00" * 100_000,
    "utf16-bom": lambda: seed_text().encode("utf-16"),
    "utf16le-no-bom": lambda: seed_text().encode("utf-16-le"),
    "utf16be-no-bom": lambda: seed_text().encode("utf-16-be"),
    "utf16-truncated": lambda: seed_text().encode("utf-16")[:-1],
    "utf8-bom": lambda: b"\xef\xbb\xbf" + seed_text().encode(),
    "cp1252-smart-quotes": cp1252,
    "latin-1": latin1,
    "invalid-utf8": invalid_utf8,
    "crlf": line_endings("crlf"),
    "lone-cr": line_endings("cr"),
    "mixed-endings": line_endings("mixed"),
    "form-feeds": form_feeds,
    "long-line-dots": long_line_dots(),               # 3 MB
    "long-line-dots-small": long_line_dots(300_000),
    "long-line-text": long_line_text(),               # 6 MB
    "long-line-text-small": long_line_text(100_000),
    "long-line-spaces": long_line_spaces,
    "heading-x100k": repeated("Item 5. Other Events\n"),
    "heading-x10k": repeated("Item 5. Other Events\n", 10_000),
    "dash-rule-x100k": repeated("-" * 72 + "\n"),
    "dash-rule-x10k": repeated("-" * 72 + "\n", 10_000),
    "closing-tag-x100k": repeated("</TEXT>\n"),
    "closing-tag-x10k": repeated("</TEXT>\n", 10_000),
    "nested-documents": nested_documents(),           # 5,000 open documents
    "nested-documents-small": nested_documents(500),
    "unterminated-tags": unterminated_tags,
    "truncated-mid-line": truncated("mid-line"),
    "truncated-mid-header": truncated("mid-header"),
    "truncated-mid-document": truncated("mid-document"),
    "no-final-newline": no_final_newline,
    "html": html,
    "html-in-edgar": html_in_edgar,
    "rich-markup": markup_in_text,
    "ansi-escapes": ansi_in_text,
}

# Cases with 100,000 lines or more: rendering them as a rich tree for a
# person is not what they test; they go through the JSON outputs only.
MANY_LINES = {"heading-x100k", "dash-rule-x100k", "closing-tag-x100k", "whitespace-only",
              "heading-x10k", "dash-rule-x10k", "closing-tag-x10k"}

# Full-size cases that take seconds each through every command: marked slow
# (`make test-slow`); their "-small" and "x10k" siblings run in the fast set.
SLOW_CASES = {"long-line-dots", "long-line-text", "nested-documents",
              "heading-x100k", "dash-rule-x100k", "closing-tag-x100k"}


def case_params(names) -> list:
    """pytest parameters for case names, the slow cases marked slow."""
    return [pytest.param(name, marks=pytest.mark.slow) if name in SLOW_CASES else name for name in names]


def big_filing(size: int, copies: int = 40) -> bytes:
    """A well-formed EDGAR submission of about ``size`` bytes: the 1994
    sample's envelope and 8-K, then exhibits (EX-99) of real filing text,
    each the samples' body text ``copies`` times (about 92 KB a copy)."""
    text = envelope_text()
    close = text.index("</IMS-DOCUMENT>")
    # exhibit text: the samples' lines, less envelope lines (tags, PEM)
    body_lines = [line for p in sorted(SAMPLES.glob("*.txt")) for line in p.read_text().splitlines(True)
                  if not line.lstrip().startswith(("<", "-----", "begin "))]
    chunk = "".join(body_lines)
    parts = [text[:close]]
    n, seq = close, 2
    while n < size:
        doc = (f"<DOCUMENT>\n<TYPE>EX-99.{seq}\n<SEQUENCE>{seq}\n<DESCRIPTION>EXHIBIT\n<TEXT>\n"
               + chunk * copies + "</TEXT>\n</DOCUMENT>\n")
        parts.append(doc)
        n += len(doc)
        seq += 1
    parts.append(text[close:])
    return "".join(parts).encode()


def synthetic_8k(size: int) -> str:
    """A bare 8-K of about ``size`` characters: the 2002 sample's cover page,
    then items of real body text, then its signature (the parser's common path)."""
    text = seed_text()
    head, tail = text[: text.index("Item 5.")], text[text.index("Item 7."):]
    body = text[text.index("Item 5."): text.index("Item 7.")]
    paragraphs = body[body.index("\n") + 1:]
    parts = [head]
    n, i = len(head), 0
    while n < size:
        item = f"Item {i % 8 + 1}.01   Other Events.\n" + paragraphs * 3
        parts.append(item)
        n += len(item)
        i += 1
    parts.append(tail)
    return "".join(parts)
