"""Where things are: records of HTML filings point into the HTML, the tree
names what was read, and the stages hand each other plain results."""

from __future__ import annotations

import dataclasses
import pathlib

import pytest

import filing_grammar as fg
from filing_grammar.checks import check_source
from filing_grammar.render.tree import to_text
from filing_grammar.source.html import render_html
from filing_grammar.tree import RENDERING, form_tokens, span_of, tree_tokens

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "000_baa583cdd3fdc5f0.txt"
BLACKROCK = SAMPLES / "037_form8K_Blackrock.htm"
IRS_CELL = 'contextRef="duration_2023-02-24_to_2023-02-24">32-0174431</ix:nonNumeric>'


def _html() -> str:
    return BLACKROCK.read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_emptied_irs_cell_is_reported_at_its_html_line():
    html = _html()
    assert IRS_CELL in html
    broken = html.replace(IRS_CELL, IRS_CELL.replace("32-0174431", ""))
    diags = check_source(fg.read_source(broken, "blackrock-no-irs.htm"))
    irs = [d for d in diags if d.code == "FG205" and "I.R.S." in d.message]
    assert len(irs) == 1, [(d.code, d.message) for d in diags]
    # the <td> that held the number, not the <table> or the first <div>
    assert irs[0].primary.span.line == _line_of(html, IRS_CELL)
    assert irs[0].primary.message.endswith("in this cell")


def test_html_values_point_at_their_own_html():
    html = _html()
    src = fg.read_source(html, "b.htm")
    filing = fg.parse_source(src)[1]
    cover = filing.cover
    for name, value in (("irs_employer_id", "32-0174431"), ("commission_file_number", "001-33099"),
                        ("date_of_report", "February 24, 2023")):
        span = cover.spans[name]
        assert src.text[span.start:span.end] == value, name
        assert span.line == _line_of(html, value)
    assert filing.items and all(
        src.text[i.number_spans[i.number].start:].lstrip().startswith("Item") for i in filing.items)


def test_rendering_maps_every_line_back():
    html = "<html><body>\n<p>Item 8.01  Other\n   Events</p>\n<table><tr><td>Delaware</td>\n<td></td>\n" \
           "<td>95-4545390</td></tr><tr><td>(State)</td><td>(File No.)</td><td>(IRS No.)</td></tr></table>"
    r = render_html(html)
    lines = r.text.splitlines()
    assert lines[0] == "Item 8.01 Other Events"
    # "Events" comes after a collapsed run of a newline and three spaces
    col = lines[0].index("Events")
    assert html[r.source_offset(1, col):].startswith("Events")
    # the empty cell of the first row maps to its own <td>
    n = next(k for k, line in enumerate(lines) if line.startswith("Delaware"))
    row, caption = lines[n], lines[n + 1]
    assert html[r.source_offset(n + 1, caption.index("(File")):].startswith("<td></td>")
    assert html[r.source_offset(n + 1, row.index("95-")):].startswith("95-4545390")


def test_tree_names_what_the_seed_gives():
    tree = fg.parse_tree(SEED.read_bytes()).tree
    names = [t.data for t in tree.iter_subtrees_topdown()]
    for rule in ("registrant_name", "registrant_ids", "value_block", "signed_by", "signature_date",
                 "signature_lines", "exhibit_entry", "legend"):
        assert rule in names, rule
    ids = next(tree.find_data("registrant_ids"))
    values = next(ids.find_data("value_block"))
    assert "95-4449516" in "".join(tree_tokens(values))
    # every line of the signature block is in a named node
    runs = ["".join(tree_tokens(n)) for n in tree.find_data("signature_lines")]
    assert any("CWMBS, INC." in r for r in runs) and any("Darren Bigby" in r and "Vice President" in r
                                                         for r in runs)
    legend = next(tree.find_data("legend"))
    assert "duly authorized" in "".join(tree_tokens(legend))
    entry = next(tree.find_data("exhibit_entry"))
    assert "".join(tree_tokens(entry)).lstrip().startswith("99.1")
    text = to_text(tree)
    assert "registrant_name" in text and "signed_by" in text


def test_parse_result_and_lossless_html_tree():
    data = BLACKROCK.read_bytes()
    parsed = fg.parse_tree(data)
    assert isinstance(parsed, fg.ParseResult)
    assert not hasattr(parsed.tree, "expected")
    src = fg.read_source(data)
    assert fg.tree_text(parsed) == src.text  # the rendering is not part of the input
    assert any(True for _ in parsed.tree.find_data(RENDERING))
    assert any(True for _ in parsed.tree.find_data("form_8k"))


def test_records_are_immutable():
    filing = fg.parse_file(SEED)
    with pytest.raises(dataclasses.FrozenInstanceError):
        filing.cover.registrant_name = "X"  # type: ignore[misc]
    assert isinstance(filing.items, tuple)
    assert filing.to_dict()["cover"]["registrant_name"] == "CWMBS, INC."


def test_rendered_tokens_spell_the_rendering_and_map_inside_the_html():
    src = fg.read_source(BLACKROCK.read_bytes())
    tree = fg.parse_tree(src).tree
    node = next(tree.find_data(RENDERING))
    html = next(tree.find_data("html_text"))
    toks = form_tokens(node)
    rendering = toks[0].rendering
    assert "".join(toks) == rendering.text
    lines = [t for t in html.children if not hasattr(t, "data")]
    start, end = lines[0].start_pos, lines[-1].end_pos
    for tok in toks:
        span = span_of([tok])
        assert start <= span.start <= span.end <= end


def test_a_value_after_entities_in_a_cell_maps_to_its_own_text():
    # 019_Atrinsic: "Title:&nbsp;&nbsp;&nbsp;Chief Financial Officer" in one cell
    html = ('<table><tr><td>By:</td><td>/s/ Jane Roe</td></tr>'
            '<tr><td></td><td>Name:&nbsp;&nbsp;Jane&nbsp;Roe</td></tr>'
            '<tr><td></td><td>Title:&nbsp;&nbsp;&nbsp;Chief&nbsp;Financial Officer</td></tr></table>')
    r = render_html(html)
    for n, line in enumerate(r.text.splitlines(), 1):
        for word in ("Roe", "Chief", "Officer"):
            at = line.find(word)
            if at != -1:
                assert html[r.source_offset(n, at):].startswith(word), (line, word)


def _spans(record) -> list:
    """Every span a record (and the records in it) holds."""
    out = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else (value,)
        for v in values:
            if isinstance(v, fg.records.Span):
                out.append(v)
            elif dataclasses.is_dataclass(v):
                out.extend(_spans(v))
    return out


def test_html_records_are_read_without_mapping_back_to_the_html():
    """Reading an HTML 8-K's records makes none of its rendered lines' anchors
    (issue 12: a quarter of the time); a span is worked out when read, and is
    then the span the eager mapping gives, and a plain Span when pickled."""
    import pickle

    from filing_grammar.records import DeferredSpan, Span
    from filing_grammar.tree import rendering_of

    parsed, filing = fg.parse_source(fg.read_source(_html(), "b.htm"))
    rendering = rendering_of(parsed.tree)
    assert rendering is not None

    def made() -> int:  # rendered lines whose anchors are made (some are made at once)
        return sum(type(row) is tuple for row in rendering.rows)

    before = made()
    assert before < len(rendering.rows) / 2
    spans = _spans(filing)
    deferred = [s for s in spans if isinstance(s, DeferredSpan)]
    assert len(deferred) > 20
    assert made() == before
    eager_cover = fg.parse_source(fg.read_source(_html(), "b.htm"))[1].cover
    irs = filing.cover.spans["irs_employer_id"]
    assert irs.line == _line_of(_html(), IRS_CELL)  # read: now worked out
    assert made() > before
    assert irs == eager_cover.spans["irs_employer_id"] and hash(irs) == hash(eager_cover.spans["irs_employer_id"])
    plain = pickle.loads(pickle.dumps(irs))
    assert type(plain) is Span and plain == irs and repr(plain) == repr(irs)


@pytest.mark.parametrize("html", [
    None,  # the sample HTML 8-K
    "<p>&nbsp;&nbsp;Item 2.02</p><p>\n  Results</p>",
    "<div>\xa0 &#8203;Item 8.01</div><table><tr><td> a</td><td>b </td></tr></table>",
    "<pre>  a\n b</pre><p> <span> </span>\tSIGNATURES</p>",
    "<p>&amp; more</p><br><br><p>x</p>",
])
def test_a_rendered_lines_first_offset_is_that_of_its_first_anchor(html):
    """Rendering.first_offset reads a text line's first offset off its pieces,
    its anchors not made (a record's line is read at once): it is where the
    line's first anchor says its first character comes from."""
    html = _html() if html is None else html
    fresh, made = render_html(html, 7), render_html(html, 7)
    rows = len(fresh.rows)
    assert rows
    for line in range(rows + 2):
        assert fresh.first_offset(line) == made.source_offset(line, 0), line
    assert sum(type(row) is list for row in fresh.rows) == sum(type(row) is list for row in render_html(html).rows)


def test_a_renderings_line_of_an_offset_is_line_cols_line():
    """Rendering.line_of counts the source's lines from the offset asked for
    last (no line index made for a record's line): the line line_col gives,
    in any order, before the HTML, in it and after it."""
    import random

    html = _html()
    text = "head\nlines\n\n" + html + "\nafter\nthe HTML\n"
    src = fg.read_source(text, "x.txt")
    start = text.index(html)
    counted, indexed = src.rendering(start, start + len(html)), fg.read_source(text).rendering(start, start + len(html))
    offsets = list(range(1, len(src.text) + 3, 97)) + [start, start + 1, len(src.text) - 1]
    rnd = random.Random(5)
    for offset in sorted(offsets) + rnd.sample(offsets, len(offsets)):
        assert counted.line_of(offset) == indexed.line_col(offset)[0], offset
    assert type(counted.source_starts) is not list  # no index made
    assert counted.line_col(start)[0] == counted.line_of(start)
