"""source/html.py reads most tags itself (``_SIMPLE_TAG``, ``_SIMPLE_END``)
and tracks the parser's offset instead of its line and column: the rendering
must be what HTMLParser's own methods give, tag for tag."""

from __future__ import annotations

import _markupbase
from html.parser import HTMLParser

import pytest

from filing_grammar.source import html as H

from .conftest import CORPUS, corpus_rows, needs_corpus


class _Plain(H._renderer()):
    """The renderer on HTMLParser's own tag parsing and position keeping."""

    parse_starttag = HTMLParser.parse_starttag
    parse_endtag = HTMLParser.parse_endtag
    updatepos = _markupbase.ParserBase.updatepos

    def _pos(self) -> int:
        if not hasattr(self, "_starts"):
            self._starts = H._line_starts(self._html)
        line, col = self.getpos()
        return self._starts[line - 1] + col


def _render(cls, html: str):
    r = cls(html)
    try:
        r.feed(html)
        r.close()
    except Exception:  # noqa: BLE001 - as render_html
        r._emit()
    return r.lines, [(f.name, f.value, f.start, f.end, f.hidden) for f in r.facts]


TRICKY = [
    '<p a=b/>x</p>', '<br/><br clear=all/>y', '<td/ >', '<a href="x"/>z', '<input checked/>w',
    '<P ALIGN=CENTER>&amp;x&#160;&nbsp</P>', '<div\xa0a=1>x</div>', '<div\va=1>x</div>',
    '<scRipt>a</b><p></scRipt>x', '<style>p{}</style>y', '<title>a<b></title>t',
    '<a b="1"c=2>q</a>', '<x =y>r', '<p a==b>z', '<p a = "1 > 2" b=\'&lt;\' c>s</p>',
    '<td colspan="2">x</td>', '</p >', '</ p>x', '</p\n>y', '</>', '<!-- c --><p>x', '<!DOCTYPE html><p>d',
    '<?xml version="1.0"?><p>e', '<![CDATA[x]]><p>f', '<p\n  class="a"\n  style="display: none">h</p>k',
    '<ix:nonNumeric name="dei:X" style="display:none">1</ix:nonNumeric>',
    '<table><tr><td>a</td><td>b<br>c</td></tr></table>', '<p a="x', '<p a=', '<p', 'a < b & c &amp d',
    '<p a="&quot;q&quot;" b=&amp;>x', '<p A="" B=\'\'>y', '<p a=`x`>z', '<p a=x"y>z', '<p/a=1>z',
]


@pytest.mark.parametrize("html", TRICKY)
def test_tricky_tags(html):
    assert _render(H._renderer(), html) == _render(_Plain, html)


@needs_corpus
@pytest.mark.parametrize("row", corpus_rows("8-K-html")[:8], ids=lambda r: r["file"])
def test_corpus_html(row):
    html = (CORPUS / "files" / row["file"]).read_bytes().decode("utf-8", "replace")
    assert _render(H._renderer(), html) == _render(_Plain, html)


def test_line_col_with_the_lines_up_to_the_html():
    """Source.rendering indexes the source's lines only up to the HTML's end
    (the attachments after it need none): every offset, in the HTML and past
    it, still has the line and column of the whole text's index."""
    from filing_grammar.source import Source

    head = "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n"
    html = "<html><body>\n<p>Item 8.01\nOther</p>\n<table><tr><td>a</td></tr></table>\n</body></html>\n"
    src = Source.from_text(head + html + "</TEXT>\n</DOCUMENT>\nbegin 644 x\nM0V%&\nend\n" * 3)
    rendering = src.rendering(len(head), len(head) + len(html))
    assert rendering.starts_upto == len(head) + len(html)
    whole = Source.from_text(src.text)
    for offset in range(len(src.text) + 1):
        assert rendering.line_col(offset) == whole.line_col(offset)
