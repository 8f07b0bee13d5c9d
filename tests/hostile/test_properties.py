"""Property tests on bytes: whatever the mutation, the tokens spell the
decoded text, nothing raises, and the command line ends with 0 or 1."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import filing_grammar as fg
from filing_grammar.cli import main
from filing_grammar.tree import tree_tokens

from ..conftest import SAMPLES, property_runs
from .util import assert_clean_result

SEEDS = [p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))]
JUNK = [b"\x00", b"\r", b"\r\n", b"\n\r", b"\f", b"\x1b[31m", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf",
        b"\x93", b"\xe2\x80\x9c", b"\xc3", b"\xed\xa0\x80", b"<DOCUMENT>\n", b"</TEXT>\n",
        b"<SEC-HEADER>\n", b"-----END PRIVACY-ENHANCED MESSAGE-----\n", b"begin 644 x\n",
        b"Item 5. Other Events\n", b"SIGNATURES\n", b"[bold]", b"....", b"<html>"]


def check(data: bytes) -> None:
    src = fg.read_source(data)
    src.text.encode("utf-8")  # no lone surrogates
    tree = fg.parse_tree(data).tree
    tokens = tree_tokens(tree)
    assert "".join(tokens) == src.text
    pos = 0
    for tok in tokens:
        if tok.value:
            assert tok.start_pos == pos, tok
            pos = tok.end_pos
    assert pos == len(src.text)
    json.dumps(fg.parse(data).to_dict())


@st.composite
def mutated_bytes(draw):
    """A sample, mutated at the byte level: lines deleted, duplicated,
    swapped; bytes and junk inserted; truncated; re-encoded."""
    data = draw(st.sampled_from(SEEDS))
    rnd = random.Random(draw(st.integers(0, 2**32)))
    lines = data.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 10))):
        if not lines:
            break
        op = rnd.choice(("delete", "duplicate", "swap", "junk", "bytes", "truncate"))
        i = rnd.randrange(len(lines))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines[i:i] = [lines[i]] * rnd.randint(1, 50)
        elif op == "swap":
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "junk":
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rnd.choice(JUNK) + lines[i][k:]
        elif op == "bytes":
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + draw(st.binary(max_size=16)) + lines[i][k:]
        else:
            lines = lines[:i] + [lines[i][: rnd.randrange(len(lines[i]) + 1)]]
    out = b"".join(lines)
    encoding = draw(st.sampled_from([None, None, None, "utf-16", "utf-16-le", "utf-16-be", "cp1252"]))
    if encoding:
        out = out.decode("latin-1").encode(encoding, errors="replace")
        if draw(st.booleans()):
            out = out[: rnd.randrange(len(out) + 1)]  # maybe mid code unit
    return out


@property_runs(120)
def test_mutated_bytes_stay_lossless(max_examples):
    @settings(max_examples=max_examples, suppress_health_check=[HealthCheck.too_slow])
    @given(mutated_bytes())
    def prop(data):
        check(data)
    prop()


@property_runs(150)
def test_arbitrary_bytes_stay_lossless(max_examples):
    @settings(max_examples=max_examples)
    @given(st.binary(max_size=2000))
    def prop(data):
        check(data)
    prop()


@property_runs(100)
def test_tag_soup_bytes_stay_lossless(max_examples):
    @settings(max_examples=max_examples)
    @given(st.lists(st.sampled_from(JUNK + [b"\n", b"x\n", b"  \n", b"<TYPE>8-K\n", b"<TEXT>\n",
                                            b"</DOCUMENT>\n", b"<SEC-DOCUMENT>a.txt\n",
                                            b"</SEC-DOCUMENT>\n", b"FILER:\n"]),
                    max_size=80))
    def prop(parts):
        check(b"".join(parts))
    prop()


@property_runs(40)
def test_mutated_bytes_through_the_cli(max_examples, tmp_path, capsys):
    @settings(max_examples=max_examples, suppress_health_check=[HealthCheck.too_slow])
    @given(data=mutated_bytes(), fmt=st.sampled_from([("parse", "json"), ("parse", "table"), ("tree", "json")]))
    def prop(data, fmt):
        path = tmp_path / "in.txt"
        path.write_bytes(data)
        code = main([fmt[0], str(path), "--format", fmt[1]])
        out, err = capsys.readouterr()
        assert_clean_result(code, out, err, fmt[1])
    prop()
