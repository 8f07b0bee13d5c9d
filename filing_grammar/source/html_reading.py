"""How the HTML renderer (``html_render.py``) reads what its loop leaves to
HTMLParser: HTMLParser.goahead at one "<" (``_markup``), and its methods
for tags, comments and declarations, where they take time more than linear
in the document (a "<" with nothing to close it: HTMLParser searches the
rest of the document at each) done in linear time; plain start and end
tags read at once (``_SIMPLE_TAG``, ``_SIMPLE_END``).  The events, and
their order, are HTMLParser's (tests/test_html_speed.py)."""

from __future__ import annotations

import _markupbase
from html import unescape as _unescape
from html.parser import HTMLParser

from .. import cache
from .html_tags import (_RAW_TEXT, _SIMPLE_END, _SIMPLE_TAG, _STARTTAG_OPEN, TOLERANT_KNOWN, TolerantTagEnds,
                        _attributes)

_LT_RUN = cache.compile("<+")


def marked_sections_known() -> bool:
    """Does html.parser read "<![" as the method below stands for
    (HTMLParser.parse_html_declaration hands it to
    _markupbase.parse_marked_section, whose end patterns are these)?"""
    try:
        return ("parse_marked_section" in HTMLParser.parse_html_declaration.__code__.co_names
                and {"_markedsectionclose", "_msmarkedsectionclose"}
                <= set(_markupbase.ParserBase.parse_marked_section.__code__.co_names)
                and _markupbase._markedsectionclose.pattern == r"]\s*]\s*>"
                and _markupbase._msmarkedsectionclose.pattern == r"]\s*>")
    except AttributeError:
        return False


MARKED_KNOWN = marked_sections_known()


class Reading(HTMLParser):
    """HTMLParser's reading, for a subclass that sets ``_html`` (the whole
    document, never cut), ``_at`` (the offset of the construct being
    handled), ``_last_gt`` (the offset of the document's last ">"),
    ``_no_comment_end`` and ``_tag_ends`` (None), and has ``_data(data,
    pieces)`` (handle_data, given the pieces if they are known)."""

    def _markup(self, i: int) -> int | None:
        """HTMLParser.goahead at a "<" (``i``): the offset after what it read,
        or None at a "<" that ends the document.  What cannot be closed for
        want of a ">" (or of a "-->") after it is known to be so without a
        search to the end of the document each time (time linear in these,
        where HTMLParser's is quadratic)."""
        html = self._html
        self._at = i
        closable = i < self._last_gt  # a ">" after the "<"
        if _STARTTAG_OPEN.match(html, i):
            k = self.parse_starttag(i)
        elif html.startswith("</", i):
            k = self.parse_endtag(i) if closable else -1
        elif html.startswith("<!--", i):
            k = -1
            if i + 4 < self._no_comment_end:
                k = self.parse_comment(i)
                if k < 0:  # no "-->" after i + 4, nor after any later offset
                    self._no_comment_end = i + 4
        elif html.startswith("<?", i):
            k = self.parse_pi(i) if closable else -1
        elif html.startswith("<!", i):
            k = self.parse_html_declaration(i) if closable or html.startswith("<![", i) else -1
        elif i + 1 < len(html):
            if html[i + 1] == "<":
                # a run of "<": each but the last (which may open a tag) is
                # text, handed over as HTMLParser does, one "<" at a time, in
                # one call (5 MB of "<" were 5 million calls here: issue 12)
                last = _LT_RUN.match(html, i).end() - 1
                self._data("<" * (last - i), [("<", at) for at in range(i, last)])
                return last
            self.handle_data("<")
            k = i + 1
        else:
            return None
        if k < 0:  # not closed: text, as far as the next ">" or "<"
            k = html.find(">", i + 1) if closable else -1
            if k < 0:
                k = html.find("<", i + 1)
                if k < 0:
                    k = i + 1
            else:
                k += 1
            self._at = i
            self.handle_data(_unescape(html[i:k]) if self.cdata_elem is None else html[i:k])
        return k

    def _unclosed(self, i: int) -> int:
        """HTMLParser.goahead after the last ">" (``i``): text runs, and at
        each "<" what _markup reads, a start tag taken at once to be the text
        HTMLParser makes of it (its tolerant end, or -1: as far as the next
        "<"), without the reading of a tag it cannot be (5 MB of "<p" took
        8 s, issue 12).  Where it stopped: at the end, or at a "<" that ends
        the document (the rest is text)."""
        html, n, data = self._html, len(self._html), self._data
        while i < n:
            j = html.find("<", i)
            if j < 0:
                return i
            if i < j:
                self._at = i
                data(_unescape(html[i:j]), None)
            if not (TOLERANT_KNOWN and _STARTTAG_OPEN.match(html, j)):
                i = self._markup(j)
                if i is None:
                    return j
                continue
            i = self.check_for_whole_start_tag(j)  # (parse_starttag's text as it is: no ">" to end a tag)
            cut = i < 0
            if cut:  # (cut off: decoded text as far as the next "<")
                i = html.find("<", j + 1)
                if i < 0:
                    i = j + 1
            text = html[j:i]
            self._at = j
            if "&" not in text:
                data(text, [(text, j)])  # (_with_refs' one piece)
            else:
                data(_unescape(text) if cut else text, None)
        return i

    def updatepos(self, i: int, j: int) -> int:
        """(HTMLParser's line and column counting, not needed here.)"""
        if i < j:
            self._at = j
        return j

    def _pos(self) -> int:
        """The offset in the HTML of the tag or text being handled."""
        return self._at

    def check_for_whole_start_tag(self, i: int) -> int:
        """HTMLParser's, in linear time over the document (html_tags.TolerantTagEnds)."""
        if not TOLERANT_KNOWN:
            return super().check_for_whole_start_tag(i)
        if self._tag_ends is None:
            self._tag_ends = TolerantTagEnds(self.rawdata)
        return self._tag_ends.whole_start_tag(i)

    def parse_starttag(self, i: int) -> int:
        m = _SIMPLE_TAG.match(self.rawdata, i)
        if m is None:
            return super().parse_starttag(i)
        tag, attr_text, slash = m.groups()
        tag = tag.lower()
        if tag in _RAW_TEXT:  # script, style, title ...: HTMLParser's own modes
            return super().parse_starttag(i)
        attrs = _attributes(attr_text) if attr_text else []
        self.lasttag = tag
        if slash:
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
        return m.end()

    def parse_endtag(self, i: int) -> int:
        if self.cdata_elem is None:
            m = _SIMPLE_END.match(self.rawdata, i)
            if m is not None:
                self.handle_endtag(m.group(1).lower())
                return m.end()
        return super().parse_endtag(i)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """_markupbase's ("<![CDATA[ ... ]]>", "<![if ...]> ... <![endif]>"),
        its search for the section's end remembered (:meth:`_first_after`):
        at each "<![" it searched the rest of the document, and a document of
        them with no end took time quadratic in its length (1 MB: 14 s)."""
        if not MARKED_KNOWN:
            return super().parse_marked_section(i, report)
        rawdata = self.rawdata
        name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        if name in {"temp", "cdata", "ignore", "include", "rcdata"}:
            match = self._first_after(_markupbase._markedsectionclose, i + 3)
        elif name in {"if", "else", "endif"}:
            match = self._first_after(_markupbase._msmarkedsectionclose, i + 3)
        else:
            raise AssertionError("unknown status keyword %r in marked section" % rawdata[i + 3:j])
        if not match:
            return -1
        if report:
            self.unknown_decl(rawdata[i + 3:match.start(0)])
        return match.end(0)

    def _first_after(self, pattern, at: int):
        """``pattern.search(self.rawdata, at)``, remembered per pattern: a
        search from a later offset, up to where the match found begins, finds
        the same match (none, after an offset that found none).  (The end
        patterns look neither behind nor at where the search began.)"""
        searches = self.__dict__.setdefault("_searches", {})
        known = searches.get(pattern)
        if known is not None:
            start, match = known
            if start <= at and (match is None or at <= match.start()):
                return match
        match = pattern.search(self.rawdata, at)
        searches[pattern] = (at, match)
        return match
