"""cache.compile: the SRE code of the package's regular expressions kept
between processes gives the same patterns as re.compile; a bad file is
ignored."""

from __future__ import annotations

import re

import pytest

from filing_grammar import cache
from filing_grammar.body_lines import _BODY, ITEM_PARTS

PATTERNS = [(_BODY.pattern, _BODY.flags & ~re.UNICODE), (ITEM_PARTS.pattern, re.I),
            (r"(?P<a>x)|(?P<b>y)\d+", 0), (r"^\s*(?i:item)\s+\d", re.M)]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "_codes", None)
    monkeypatch.setattr(cache, "_new", {})
    monkeypatch.setattr(cache, "_patterns", {})
    return tmp_path


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_same_pattern_as_re(fresh, pattern, flags):
    first = cache.compile(pattern, flags)
    assert first == re.compile(pattern, flags)
    cache._save()
    cache._codes = None  # as a new process: from the file
    again = cache.compile(pattern, flags)
    assert (pattern, flags) in cache._codes
    assert again == re.compile(pattern, flags)  # same pattern, flags and code
    assert again.groupindex == re.compile(pattern, flags).groupindex
    text = "Item 5. Other Events\n  item 2 x y12"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("content", [b"", b"junk", b"\xff\x00\x01"])
def test_bad_file_ignored(fresh, content):
    cache.compile(r"a+b", 0)
    cache._save()
    path = cache._codes_path()
    with open(path, "wb") as fh:
        fh.write(content)
    cache._codes = None
    assert cache.compile(r"a+b", 0) == re.compile(r"a+b")


def test_wrong_code_falls_back(fresh):
    cache._codes = {(r"a+b", 0): (0, b"\x01\x02\x03\x04", 0, {}, (None,))}
    assert cache.compile(r"a+b", 0) == re.compile(r"a+b")


def test_functions_as_re(fresh):
    assert cache.search(r"\d+", "ab 12 c").group() == "12"
    assert cache.match(r"(?i)item", "ITEM 5")
    assert cache.fullmatch(r"\d+", "123")
    assert cache.sub(r"\s+", " ", "a  b\t c", 1) == "a b\t c"
    assert cache.split(r",\s*", "a, b,c") == ["a", "b", "c"]
    assert cache.findall(r"\d", "a1b2") == ["1", "2"]
    assert [m.group() for m in cache.finditer(r"\w+", "x yz")] == ["x", "yz"]
