"""How the HTML renderer (``html_render.py``) reads tags: the regular
expressions of its tokens (text runs, and the start and end tags HTMLParser
reads in the plain way), and a tag's attributes, read only when they can
matter (a cell's colspan, a fact's name, a style that hides or inlines)."""

from __future__ import annotations

from html import unescape as _unescape

from .. import cache

# A start tag HTMLParser reads in the plain way: a name, attributes name=
# "value", name='value', name=value (followed by white space or ">") or a
# name alone, separated by ASCII white space; anything else goes to
# HTMLParser.parse_starttag.  groups: name, attributes, "/" of "/>".
_NAME = r"([a-zA-Z][-.a-zA-Z0-9:_]*)"
_ATTRS = (r"((?:[ \t\n\r\f]+[a-zA-Z_:][-.a-zA-Z0-9:_]*"
          r"(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`/]+(?=[ \t\n\r\f>])))?)*)")
_SIMPLE_TAG = cache.compile("<" + _NAME + _ATTRS + r"[ \t\n\r\f]*(/?)>")
_SIMPLE_ATTR = cache.compile(
    r"([a-zA-Z_:][-.a-zA-Z0-9:_]*)([ \t\n\r\f]*=[ \t\n\r\f]*(?:(\"[^\"]*\"|'[^']*')|([^\s\"'=<>`/]+)))?")
_SIMPLE_END = cache.compile("</" + _NAME + ">")
_STARTTAG_OPEN = cache.compile("<[a-zA-Z]")
# The loop's tokens: 1 a text run (maybe empty), then what starts at the
# "<" after it: a start tag as far as the first ">" (no "<" in it), 2 its
# name, 3 the rest (its attributes, and the white space and "/" before its
# ">": a plain tag, _SIMPLE_TAG's, if _plain_rest reads them); a plain end
# tag (_SIMPLE_END), 4 its name; a "<" of anything else (no group); or
# nothing, the text run being the last in the stretch read (at its end: the
# token ends there, where a "<" of anything else would not).  Each
# character of the HTML is in one token, and the groups make the token's
# length (_token_length): fewer, and shorter, strings for findall to make
# than with a group for each whole tag; and a text run and the tag after it
# (the commonest pair) one match, one tuple, one turn of the loop.  ((?!\Z):
# no empty match at the end; the text run is matched at once, not tried
# again at each of its characters for a "<" after it.)  A tag's rest is
# read by _ATTRS_TAIL once for each text it has in a document, not by
# findall at each tag (tags repeat their attributes: a fifth of findall's
# time, issue 12); a tag with a ">" or "<" in a quoted value, which the
# rest does not reach, is no plain tag then but a "<" of anything else, and
# HTMLParser reads it (as _SIMPLE_TAG: the same tag).
# (The rest's characters, all but "<" and ">", written as ranges: SRE makes
# a bitmap of them, tested in a third of the time of [^<>].)
_TOKENS = cache.compile(r"(?!\Z)([^<]*)(?:<(?:" + _NAME + r"([\x00-;=?-\U0010ffff]*)>|/" + _NAME + r">|)|\Z)")
# A start tag's rest and its ">", as _SIMPLE_TAG reads them after the name:
# groups attributes, "/" of "/>".
_ATTRS_TAIL = cache.compile(_ATTRS + r"([ \t\n\r\f]*/?)>")
# The commonest rest, attributes name="value" one space apart, read by
# _ATTRS_TAIL as that many attributes and no tail, in two thirds of its time.
_QUOTED_ATTRS = cache.compile(r'(?: [a-zA-Z_:][-.a-zA-Z0-9:_]*="[^"]*")*')
# html_render._run reads the tokens of this many characters at a time (or a
# few more, up to a "<").
_READ_AHEAD = 8192


def _token_length(token: tuple[str, str, str, str]) -> int:
    """The length of a token of _TOKENS (findall's tuple of its groups), but
    for a stretch's last text run (one character less: no "<" after it)."""
    text, name, rest, end_name = token
    if name:
        return len(text) + len(name) + len(rest) + 2
    return len(text) + (len(end_name) + 3 if end_name else 1)  # (1: a "<" of anything else)


def _plain_rest(rest: str) -> tuple[str, bool, bool] | tuple[()]:
    """A start tag's rest (_TOKENS' group 3) read: its attributes' text, a
    "/" before its ">", and :func:`_style_matters`; or () if it is not a
    plain tag's.  (The ">" after the rest is where _SIMPLE_TAG ends: a plain
    tag's quoted values hold no ">" that the rest ends at, as its quotes
    are where they are in any reading of it.)"""
    if _QUOTED_ATTRS.fullmatch(rest) is not None:  # (the commonest rest: its own attributes' text)
        return rest, False, _style_matters(rest)
    m = _ATTRS_TAIL.fullmatch(rest + ">")
    if m is None:
        return ()
    attr_text, tail = m.groups()
    return attr_text, "/" in tail, _style_matters(attr_text)


_ATTR_TAGS = frozenset({"td", "th", "ix:nonnumeric", "ix:nonfraction"})  # colspan, name


def _style_matters(attr_text: str) -> bool:
    """Might a tag's attributes hold a style that hides it or shows a block
    inline ("display:none", "display:inline": handle_starttag reads the
    style with its spaces dropped, in lower case)?  A value is part of the
    attributes' text unless a character reference, or a character outside
    ASCII that lower() would change, makes it otherwise."""
    return "&" in attr_text or not attr_text.isascii() or "display:" in attr_text.replace(" ", "").lower()


_NO_ATTR_LIST: list = []


def _maybe_colspan(attr_text: str) -> bool:
    """Might a cell's attributes hold a colspan (as :func:`_style_matters`)?"""
    return "&" in attr_text or not attr_text.isascii() or "colspan" in attr_text.lower()


def _colspan(attr_text: str) -> int:
    """The columns a cell with these attributes spans (handle_starttag's
    reading of its colspan)."""
    if not _maybe_colspan(attr_text):
        return 1
    span = dict(_attributes(attr_text)).get("colspan") or "1"
    return min(int(span) if span.isdecimal() else 1, 20)


def _attributes(attr_text: str) -> list[tuple[str, str | None]]:
    """The (name, value) pairs of a plain start tag's attributes, as
    HTMLParser gives them: names lower case, values unquoted and unescaped,
    None for a name alone."""
    attrs = []
    for name, rest, quoted, bare in _SIMPLE_ATTR.findall(attr_text):
        if not rest:
            value = None
        else:
            value = quoted[1:-1] if quoted else bare
            if "&" in value:  # (html.unescape changes nothing else)
                value = _unescape(value)
        attrs.append((name.lower(), value))
    return attrs


# ---------------------------------------------------------------------------
# Where html.parser's tolerant reading of a start tag ends, in linear time.
# HTMLParser.check_for_whole_start_tag matches locatestarttagend_tolerant at
# each "<" of a start tag; with no ">" after it, the match runs over the
# following text as attributes ("<p a=<p a=<p a=..."): to the end of the
# document at every "<", quadratic time (100 KB took 30 s).  Its end is a
# function of positions alone: the tag name ends at the first of its stop
# characters; then comes "[\s/]*", then attributes, each matched where the
# one before ended (the pattern never backtracks into an earlier one:
# everything after them is optional), then "\s*".  So the end of each tag
# name and of the run of attributes from each position is remembered for
# the document, and no stretch is read twice.  The pieces are those of the
# Python whose pattern is _TOLERANT below; under another (html.parser has
# changed it) HTMLParser's own method is used.
# ---------------------------------------------------------------------------
_TOLERANT = r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
"""
_NAME_STOP = cache.compile(r"[\t\n\r\f />\x00]")
_BEFORE_ATTRS = cache.compile(r"[\s/]*")
_ATTR_UNIT = cache.compile(r"""(?<=['"\s/])[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?"""
                           r"""(?:\s|/(?!>))*""")
_SPACES = cache.compile(r"\s*")


def tolerant_reading_known() -> bool:
    """Is html.parser's pattern the one the pieces above stand for?"""
    from html import parser
    return getattr(getattr(parser, "locatestarttagend_tolerant", None), "pattern", None) == _TOLERANT


TOLERANT_KNOWN = tolerant_reading_known()


class TolerantTagEnds:
    """``locatestarttagend_tolerant.match(html, i).end()`` for the start tags
    of one document (``i``: a "<" followed by a letter), each stretch read
    once (see above)."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.name = (1, 0)  # the run of name characters read last: (from, to its end)
        self.attrs: dict[int, int] = {}  # where a run of attributes starts -> where it ends

    def end(self, i: int) -> int:
        html = self.html
        start, stop = self.name
        if not start <= i + 2 <= stop:  # (a name that begins inside that run ends where it does)
            m = _NAME_STOP.search(html, i + 2)
            stop = len(html) if m is None else m.start()
            self.name = (i + 2, stop)
        p = _BEFORE_ATTRS.match(html, stop).end()
        attrs, seen = self.attrs, []
        while True:
            known = attrs.get(p)
            if known is not None:
                p = known
                break
            m = _ATTR_UNIT.match(html, p)
            if m is None:
                break
            seen.append(p)
            p = m.end()
        for q in seen:
            attrs[q] = p
        return _SPACES.match(html, p).end()

    def whole_start_tag(self, i: int) -> int:
        """HTMLParser.check_for_whole_start_tag's answer, from :meth:`end`:
        the offset after the tag, or where its text ends, or -1 (the tag is
        cut off: by the end of the text, or inside a name or value)."""
        html = self.html
        j = self.end(i)
        after = html[j:j + 1]
        if after == ">":
            return j + 1
        if after == "/":
            return j + 2 if html.startswith("/>", j) else -1
        if not after or after in _OPEN_AT:
            return -1
        return j if j > i else i + 1


_OPEN_AT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/")
