"""render/jsontext.py writes the text json.dumps writes, with an indent."""

from __future__ import annotations

import collections
import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from filing_grammar.render import jsontext

_leaves = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text())
_values = st.recursive(
    _leaves,
    lambda inner: (st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
                   | st.dictionaries(st.text(max_size=5), inner, max_size=4)
                   | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3)),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_values, st.sampled_from([0, 1, 2, 4]), st.booleans())
def test_same_text_as_json(value, indent, ensure_ascii):
    assert jsontext.dumps(value, indent, ensure_ascii) == json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)


class _Str(str):
    pass


def test_subclasses_and_refused_values_are_json_s_own():
    value = {"a": [collections.OrderedDict(b=1), _Str("x"), {"c": math.inf}], "d": {1: [True]}}
    assert jsontext.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
    with pytest.raises(TypeError):
        jsontext.dumps({"a": [object()]})


def test_a_big_value_reaches_the_sink_in_pieces():
    value = [{"n": i, "s": "é" * (i % 3)} for i in range(20_000)]
    pieces = []
    jsontext.write(value, pieces.append)
    assert len(pieces) > 1
    assert "".join(pieces) == json.dumps(value, indent=2, ensure_ascii=False)
