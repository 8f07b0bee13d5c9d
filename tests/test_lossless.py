"""Every character lands in exactly one token, whatever the input."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import filing_grammar as fg

from .conftest import SAMPLES, assert_lossless, property_runs

SEED_LINES = [
    (SAMPLES / name).read_text().splitlines(keepends=True)
    for name in ("000_baa583cdd3fdc5f0.txt", "059_ec_109446_8K_1994_0000109446-94-000005.txt",
                 "111_ec_1001426_8K_2005_0001275287-05-000056.txt")
]


def check(text: str) -> None:
    src = fg.read_source(text)
    tree = fg.parse_tree(src.text).tree
    assert_lossless(tree, src.text)
    fg.parse(text).to_dict()


@st.composite
def mutated_seed(draw):
    lines = list(draw(st.sampled_from(SEED_LINES)))
    rnd = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 12))):
        op = rnd.choice(("delete", "duplicate", "swap", "insert", "truncate"))
        if not lines:
            break
        i = rnd.randrange(len(lines))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + draw(st.text(max_size=20)) + lines[i][k:]
        else:
            lines = lines[:i] + [lines[i][: rnd.randrange(len(lines[i]) + 1)]]
    return "".join(lines)


@property_runs(150)
def test_mutated_seeds_stay_lossless(max_examples):
    @settings(max_examples=max_examples, suppress_health_check=[HealthCheck.too_slow])
    @given(mutated_seed())
    def prop(text):
        check(text)
    prop()


@property_runs(200)
def test_tag_soup_stays_lossless(max_examples):
    @settings(max_examples=max_examples)
    @given(st.text(alphabet=st.sampled_from(list("<>/-SECHADRTXYP8K: \n\tItem5.\r")), max_size=400))
    def prop(text):
        check(text)
    prop()


def test_truncated_envelope_gets_closers_inserted():
    text = (SAMPLES / "059_ec_109446_8K_1994_0000109446-94-000005.txt").read_text()
    cut = text[: text.index("ITEM 5 - OTHER EVENTS")]
    filing = fg.parse(cut)
    assert {kind for kind, _ in filing.missing} == {"TEXT_CLOSE", "DOCUMENT_CLOSE", "SEC_DOCUMENT_CLOSE"}
    check(cut)


def test_empty_and_blank_input():
    for text in ("", "\n", "   \n\n", "x"):
        check(text)
