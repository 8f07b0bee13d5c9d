"""render/table.py draws a table as rich does where no style is shown."""

from __future__ import annotations

import io

from hypothesis import given, settings, strategies as st
from rich.console import Console

from filing_grammar.render import table as T

_cell = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30)
_columns = st.lists(st.tuples(st.text(alphabet="abcdefghij klm", min_size=1, max_size=12),
                              st.sampled_from(["left", "right"])), min_size=1, max_size=4)


def _rich(title, columns, rows, width) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, force_terminal=False, highlight=False,
                      markup=False, emoji=False, soft_wrap=False)
    T._section(console, title, columns, rows)
    return buf.getvalue()


def _drawn_by_rich(title, columns, rows, width) -> str:
    saved = T.plain_section
    T.plain_section = lambda *a: None
    try:
        return _rich(title, columns, rows, width)
    finally:
        T.plain_section = saved


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghij xyz", min_size=1, max_size=20), _columns, st.data(),
       st.sampled_from([40, 80, 120]))
def test_plain_table_is_rich_s_table(title, columns, data, width):
    rows = data.draw(st.lists(st.tuples(*[_cell for _ in columns]), min_size=1, max_size=6))
    plain = T.plain_section(title, columns, rows, width)
    if plain is not None:
        assert plain == _drawn_by_rich(title, columns, rows, width)
    assert _rich(title, columns, rows, width) == _drawn_by_rich(title, columns, rows, width)


def test_wide_tables_and_other_text_are_left_to_rich():
    columns = [("item", "left"), ("title", "left")]
    assert T.plain_section("items", columns, [("5", "x" * 100)], 80) is None
    assert T.plain_section("items", columns, [("5", "caf\u00e9")], 80) is None
    assert T.plain_section("items", columns, [("5", "Other Events")], 80) is not None
