"""lexer._uuencoded_end finds a uuencoded block's end by a search for the
lines it may end at; it must end the block where a look at each line would."""

from __future__ import annotations

import random

from filing_grammar.lexer import _uuencoded_end


def _line_by_line(text: str, pos: int) -> tuple[int, int]:
    n, scan, more = len(text), pos, 0
    while scan < n:
        nxt = text.find("\n", scan)
        nxt = n if nxt == -1 else nxt + 1
        body = text[scan:nxt].rstrip("\n")
        if body.startswith("</TEXT>"):
            break
        scan = nxt
        more += 1
        if body.rstrip() == "end":
            break
    return scan, more


LINES = ["M0V%&", "end", "end ", "end\x1c", "end\xa0", "end\u2028x", " end", "endx", "en", "`",
         "</TEXT>", "</TEXT>x", "x</TEXT>", "</TEXT", "", "\t", "end\t \x0b"]


def test_same_end_as_line_by_line():
    rng = random.Random(12)
    for _ in range(20_000):
        body = "\n".join(rng.choice(LINES) for _ in range(rng.randint(0, 6)))
        text = "begin 644 x.pdf\n" + body + rng.choice(["", "\n"])
        pos = text.index("\n") + 1
        expected = _line_by_line(text, pos)
        assert _uuencoded_end(text, pos) == expected, text
        assert _uuencoded_end(text, pos, count=False) == (expected[0], 0), text  # (_opaque_end's)
