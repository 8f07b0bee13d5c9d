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
# "<" after it: a plain start tag (_SIMPLE_TAG), 2 its name, 3 its
# attributes, 4 the white space and "/" before its ">"; a plain end tag
# (_SIMPLE_END), 5 its name; a "<" of anything else (no group); or nothing,
# the text run being the last in the stretch read (at its end: the token
# ends there, where a "<" of anything else would not).  Each character of
# the HTML is in one token, and the groups make the token's length
# (_token_length): fewer, and shorter, strings for findall to make than
# with a group for each whole tag; and a text run and the tag after it (the
# commonest pair) one match, one tuple, one turn of the loop.  ((?!\Z): no
# empty match at the end; the text run is matched at once, not tried again
# at each of its characters for a "<" after it.)
_TOKENS = cache.compile(r"(?!\Z)([^<]*)(?:<(?:" + _NAME + _ATTRS + r"([ \t\n\r\f]*/?)>|/" + _NAME + r">|)|\Z)")
# html_render._run reads the tokens of this many characters at a time (or a
# few more, up to a "<").
_READ_AHEAD = 8192


def _token_length(token: tuple[str, str, str, str, str]) -> int:
    """The length of a token of _TOKENS (findall's tuple of its groups), but
    for a stretch's last text run (one character less: no "<" after it)."""
    text, name, attr_text, tail, end_name = token
    if name:
        return len(text) + len(name) + len(attr_text) + len(tail) + 2
    return len(text) + (len(end_name) + 3 if end_name else 1)  # (1: a "<" of anything else)


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
