"""How the HTML renderer (``html_render.py``) reads tags: the regular
expressions of its tokens (text runs, and the start and end tags HTMLParser
reads in the plain way), the tags it knows and what it does with each (a
tag's kind, read once), and a tag's attributes, read only when they can
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
# "<" after it: 2 a start tag as far as the first ">" (no "<" in it: a plain
# tag, _SIMPLE_TAG's, if _start_tag reads it); 3 a plain end tag
# (_SIMPLE_END); a "<" of anything else (no group); or nothing, the text run
# being the last in the stretch read (at its end: the token ends there,
# where a "<" of anything else would not).  Each character of the HTML is
# in one token, and the groups make the token's length (_token_length); a
# text run and the tag after it (the commonest pair) are one match, one
# tuple, one turn of the loop.  ((?!\Z): no empty match at the end; the
# text run is matched at once, not tried again at each of its characters
# for a "<" after it.)  A tag is one string, read by _start_tag or _end_tag
# once (while it is kept, see there), not at each tag: what the loop does
# with it is then one look-up, not its name lowered and tested against each
# set, its attributes read (issue 12).  A tag with a ">" or "<" in a quoted
# value, which the token does not reach, is no plain tag then but a "<" of
# anything else, and HTMLParser reads it (as _SIMPLE_TAG: the same tag).
# (A start tag's characters after its first, all but "<" and ">", written
# as ranges: SRE makes a bitmap of them, tested in a third of the time of
# [^<>].  A name's characters are among them, and a name is read as far as
# it goes: the tag ends where _NAME and attributes would end it.)
_TOKENS = cache.compile(r"(?!\Z)([^<]*)(?:(<[a-zA-Z][\x00-;=?-\U0010ffff]*>)|(</[a-zA-Z][-.a-zA-Z0-9:_]*>)|<|\Z)")
_TAG_NAME = cache.compile(_NAME)
# A start tag's rest and its ">", as _SIMPLE_TAG reads them after the name:
# groups attributes, "/" of "/>".
_ATTRS_TAIL = cache.compile(_ATTRS + r"([ \t\n\r\f]*/?)>")
# The commonest start tag, attributes name="value" one space apart (2,233 of
# the 2,629 distinct start tags of the HTML 8-Ks): read as _SIMPLE_TAG reads
# it (name, attributes; no "/") in one match, in about half the time of the
# name and _ATTRS_TAIL.
_QUOTED_TAG = cache.compile(r'<' + _NAME + r'((?: [a-zA-Z_:][-.a-zA-Z0-9:_]*="[^"]*")*)>')
# html_render._run reads the tokens of this many characters at a time (or a
# few more, up to a "<").
_READ_AHEAD = 8192


def _token_length(token: tuple[str, str, str]) -> int:
    """The length of a token of _TOKENS (findall's tuple of its groups), but
    for a stretch's last text run (one character less: no "<" after it)."""
    text, start, end = token
    return len(text) + (len(start) or len(end) or 1)  # (1: a "<" of anything else)


# The tags the renderer knows (lower case): what the loop (html_render._run)
# does with a start or end tag is its kind (_start_tag, _end_tag).
_BLOCK = frozenset({
    "p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "hr", "center", "blockquote", "pre", "title", "dl", "dt", "dd", "section", "article",
    "header", "footer", "page",
})
_INLINE_CAPABLE = frozenset({"p", "div", "center", "h1", "h2", "h3", "h4", "h5", "h6", "section"})
_SKIP = frozenset({"script", "style", "head", "ix:header", "xbrli:context", "noscript"})
# Elements whose content HTMLParser reads as raw text (in one Python version
# or another): left to it.
_RAW_TEXT = frozenset({"script", "style", "title", "textarea", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})
_IX_FACTS = frozenset({"ix:nonnumeric", "ix:nonfraction"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"})
# The tags that do more than nest (the others only open and close a level
# inside what is skipped): _run leaves these to the handlers.
_STRUCTURAL = _BLOCK | _SKIP | _IX_FACTS | _RAW_TEXT | {"td", "th"}
_CELLS = frozenset({"td", "th"})
# The blocks whose start and end tags do nothing but break the line (or the
# cell's line), and remember whether a style showed them inline.
_PLAIN_BLOCK = _BLOCK - {"pre", "table", "tr", "br"} - _SKIP - _RAW_TEXT


def _start_tag(tag: str) -> tuple[str, str, bool, str, int | str | None] | tuple[()]:
    """A start tag of _TOKENS ("<" to ">") read (:func:`_read_start_tag`),
    and kept in _STARTS."""
    read = _read_start_tag(tag)
    if len(_STARTS) >= _KEPT:
        _STARTS.clear()
    _STARTS[tag] = read
    return read


def _read_start_tag(tag: str) -> tuple[str, str, bool, str, int | str | None] | tuple[()]:
    """A start tag of _TOKENS read: its name in lower case, its attributes'
    text, a "/" before its ">", its kind (what the loop does with it), and
    what the loop needs of its attributes; or () if it is no plain tag (the
    ">" it ends at is where _SIMPLE_TAG ends: a plain tag's quoted values
    hold no ">").  Kinds: "inline" (a tag that only nests, no style that
    matters), "raw" (HTMLParser's own modes), "cell" (and its colspan),
    "fact" (and its name), "block" (_PLAIN_BLOCK), "tr", "br", "table", "pre", each
    as the loop handles it where nothing is skipped, or "start" (the
    handlers')."""
    m = _QUOTED_TAG.fullmatch(tag)
    if m is not None:
        name, attr_text = m.groups()
        slash = False
    else:
        name = _TAG_NAME.match(tag, 1).group()
        m = _ATTRS_TAIL.fullmatch(tag, 1 + len(name))
        if m is None:
            return ()
        attr_text, tail = m.groups()
        slash = "/" in tail
    name = name.lower()
    extra = None
    if name in _RAW_TEXT:
        kind = "raw"
    elif _style_matters(attr_text):
        kind = "start"
    elif name not in _STRUCTURAL:
        kind = "inline"
    elif name == "br":
        kind = "br"
    elif name in _CELLS:
        kind, extra = "cell", _colspan(attr_text)
    elif slash:
        kind = "start"
    elif name in _IX_FACTS:
        kind, extra = "fact", (dict(_attributes(attr_text)).get("name") if attr_text else None) or ""
    elif name in _PLAIN_BLOCK:
        kind = "block"
    elif name in ("tr", "table", "pre"):
        kind = name
    else:
        kind = "start"
    return name, attr_text, slash, kind, extra


def _end_tag(tag: str) -> tuple[str, str]:
    """An end tag of _TOKENS ("</" to ">") read, and kept in _ENDS: its name
    in lower case and its kind: "inline" (a tag that only nests), "fact",
    "block" (_PLAIN_BLOCK and tr), "cell", or "end" (the handler's)."""
    name = tag[2:-1].lower()
    if name not in _STRUCTURAL:
        kind = "inline"
    elif name in _IX_FACTS:
        kind = "fact"
    elif name in _PLAIN_BLOCK or name == "tr":
        kind = "block"
    else:
        kind = "cell" if name in _CELLS else "end"
    if len(_ENDS) >= _KEPT:
        _ENDS.clear()
    read = _ENDS[tag] = (name, kind)
    return read


# The tags read, kept for the tags after and the documents after: tags
# repeat, in a document and from one to another (the 40 HTML 8-Ks' 15,900
# start tags are 3,700 distinct in each document, 2,600 in all; reading them
# was a tenth of rendering with a dict per document), and some are a
# document's own (an id).  No more than _KEPT of each (a start tag some 450
# bytes: 1.8 MB at most): then they are read afresh.
_STARTS: dict[str, tuple] = cache.kept({})
_ENDS: dict[str, tuple[str, str]] = cache.kept({})
_KEPT = 4096


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
