"""The parse tables cached between processes (parser.parse_tables): the same
trees as Lark's own parser, and safe: a bad or stale file is rebuilt, a cache
directory that cannot be written costs only the time to build."""

from __future__ import annotations

import os
import stat

import pytest

from filing_grammar import parser as P
from filing_grammar.api import parse_tree

SAMPLE = "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nItem 5. Other Events\nText.\nSIGNATURES\n"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("FILING_GRAMMAR_CACHE", raising=False)
    P.parse_tables.cache_clear()
    yield tmp_path / "filing-grammar"
    P.parse_tables.cache_clear()


def _files(directory):
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


def _same_table(a, b) -> None:
    assert a.start_state == b.start_state and a.end_state == b.end_state
    assert a.states.keys() == b.states.keys()
    for state, actions in a.states.items():
        other = b.states[state]
        assert actions.keys() == other.keys()
        for kind, (action, arg) in actions.items():
            assert action is other[kind][0]  # Lark's own Shift / Reduce
            assert arg == other[kind][1]
    assert a.callbacks.keys() == b.callbacks.keys()


def test_cached_tables_are_lark_tables(cache_home):
    built = P.parse_tables().conf
    assert len(_files(cache_home)) == 1
    P.parse_tables.cache_clear()
    loaded = P.parse_tables().conf
    assert loaded is not built
    lark = P.get_parser().parser.parser.parser
    from lark.parsers.lalr_parser import ParseConf
    _same_table(loaded, ParseConf(lark.parse_table, lark.callbacks, "start"))
    tree = parse_tree(SAMPLE)
    P.parse_tables.cache_clear()
    assert parse_tree(SAMPLE) == tree


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_bad_cache_file_is_rebuilt(cache_home, content):
    expected = parse_tree(SAMPLE)
    P.parse_tables.cache_clear()
    (name,) = _files(cache_home)
    (cache_home / name).write_bytes(content)
    assert parse_tree(SAMPLE) == expected
    assert (cache_home / name).read_bytes() != content  # written again, whole
    assert _files(cache_home) == [name]  # no temporary file left


def test_stale_cache_file_is_rebuilt(cache_home, monkeypatch):
    import pickle
    P.parse_tables()
    (name,) = _files(cache_home)
    path = cache_home / name
    data = pickle.loads(path.read_bytes())
    data["grammar"] += "\n// another grammar"
    path.write_bytes(pickle.dumps(data))
    P.parse_tables.cache_clear()
    assert P.parse_tables().conf.states
    assert pickle.loads(path.read_bytes())["grammar"] == P.grammar_text()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only directories")
def test_read_only_cache_dir(cache_home):
    cache_home.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert parse_tree(SAMPLE).tree.data == "start"
        assert not cache_home.exists()
    finally:
        cache_home.parent.chmod(stat.S_IRWXU)


def test_no_cache_dir(cache_home, monkeypatch):
    monkeypatch.setattr(P.cache, "cache_dir", lambda: None)
    assert parse_tree(SAMPLE).tree.data == "start"
    assert not cache_home.exists()


@pytest.mark.parametrize("setting", ["off", "0", ""])
def test_the_cache_can_be_turned_off(cache_home, monkeypatch, setting):
    monkeypatch.setenv("FILING_GRAMMAR_CACHE", setting)
    assert P.cache.cache_dir() is None
    assert parse_tree(SAMPLE).tree.data == "start"
    assert not cache_home.exists()


def test_the_cache_can_be_put_elsewhere(cache_home, monkeypatch, tmp_path):
    monkeypatch.setenv("FILING_GRAMMAR_CACHE", str(tmp_path / "elsewhere"))
    assert parse_tree(SAMPLE).tree.data == "start"
    assert _files(tmp_path / "elsewhere") and not cache_home.exists()


def test_cache_dir_is_a_file(cache_home):
    cache_home.write_text("in the way")
    assert parse_tree(SAMPLE).tree.data == "start"
    assert cache_home.read_text() == "in the way"


def _names(tree) -> set:
    return {type(node.data) for node in tree.iter_subtrees()}


def test_node_names_are_plain_str(cache_home, monkeypatch):
    # (readers compare node names by the thousand: a Token's __eq__ is Python
    # code).  A grammar Lark analyses afresh names its rules with Tokens (its
    # own cache, in the temp directory, gives str): no Lark cache here.
    from lark import Lark
    fresh = Lark(P.grammar_text(), parser="lalr", lexer=P.LineLexer, start="start", cache=False,
                 maybe_placeholders=False)
    monkeypatch.setattr(P, "get_parser", lambda strict=False: fresh)
    assert _names(parse_tree(SAMPLE).tree) == {str}  # tables built
    P.parse_tables.cache_clear()
    assert _names(parse_tree(SAMPLE).tree) == {str}  # tables read from the cache file
