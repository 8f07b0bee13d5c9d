"""What start-up keeps between processes (issue 12), in the user's cache
directory: the parse tables (parser.parse_tables) and the compiled code of the
regular expressions (:func:`compile`).

Compiling the package's regular expressions takes Python's ``re`` about
40 ms at every start (the lexer's line shapes alone are a large one), nearly
all of them used by any run.  :func:`compile` stands for ``re.compile``: the
first time a pattern is compiled, its SRE code (what ``re``'s compiler hands
to ``_sre.compile``) is kept, and the next processes give that code straight
to ``_sre.compile``, which validates it.  The pattern made is the same object
``re.compile`` makes (a test compares them).  The file is keyed on the exact
Python version and SRE's magic number; an entry is looked up by the pattern
text and flags, so a changed pattern only misses.  A file that cannot be
read is ignored; new entries are written (atomically, merged with the file
as it is then) when the process exits.  Anything unexpected (another Python,
no ``_sre``) falls back on ``re.compile``.
"""

from __future__ import annotations

import builtins
import os
import re
import sys

__all__ = ["cache_dir", "write_atomic", "fast_dataclasses", "compile", "search", "match", "fullmatch", "sub", "split", "findall",
           "finditer", "kept", "forget"]


def cache_dir() -> str | None:
    """``$XDG_CACHE_HOME/filing-grammar`` (default ``~/.cache``); None if
    there is no absolute place to put it.  ``FILING_GRAMMAR_CACHE`` overrides:
    an absolute directory to use instead, or ``off`` (``0``, ``no``, empty)
    for no cache at all (every process builds its tables and regexes)."""
    setting = os.environ.get("FILING_GRAMMAR_CACHE")
    if setting is not None:
        if setting.strip().lower() in ("", "0", "off", "no", "false"):
            return None
        return setting if os.path.isabs(setting) else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return os.path.join(base, "filing-grammar")


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file in the
    same directory, then os.replace); the directory is made if needed."""
    import tempfile

    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------

try:
    import _sre
    from re import _compiler as _sre_compiler, _parser as _sre_parser  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10 (sre_compile), or no _sre
    try:
        import _sre
        import sre_compile as _sre_compiler
        import sre_parse as _sre_parser
    except ImportError:
        _sre = None

import array

# the array type of SRE's code units (unsigned, _sre.CODESIZE bytes)
_CODE_TYPE = next((t for t in "IL" if _sre is not None and array.array(t).itemsize == _sre.CODESIZE), None)
if _CODE_TYPE is None:  # pragma: no cover - an SRE we do not know
    _sre = None

_codes: dict | None = None  # (pattern, flags) -> the rest of _sre.compile's arguments
_new: dict = {}  # entries made by this process, not yet written


def _codes_path() -> str | None:
    directory = cache_dir()
    if directory is None or _sre is None:
        return None
    version = "-".join(map(str, sys.version_info[:3])) + sys.version_info.releaselevel[0]
    return os.path.join(directory, f"regex-{sys.implementation.name}{version}-sre{_sre.MAGIC}"
                                   f"-{_sre.CODESIZE}.marshal")


def _read(path: str) -> dict:
    import marshal
    try:
        with open(path, "rb") as fh:
            data = marshal.loads(fh.read())
    except Exception:  # missing, unreadable, not marshal: start again
        return {}
    return data if isinstance(data, dict) else {}


def _load() -> dict:
    global _codes
    if _codes is None:
        path = _codes_path()
        _codes = _read(path) if path else {}
    return _codes


def _save() -> None:
    import marshal
    path = _codes_path()
    if not _new or path is None:
        return
    try:
        merged = _read(path)
        merged.update(_new)
        write_atomic(path, marshal.dumps(merged))
        _new.clear()
    except Exception:  # a read-only home, a full disk: compile again next time
        pass


def _arguments(pattern: str, flags: int):
    """What ``re``'s compiler gives ``_sre.compile`` after the pattern (the
    body of ``re._compiler.compile``)."""
    parsed = _sre_parser.parse(pattern, flags)
    code = array.array(_CODE_TYPE, _sre_compiler._code(parsed, flags)).tobytes()  # (marshal: one string)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, int(parsed.state.groups - 1),
            {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name
    """``re.compile(pattern, flags)``, from the SRE code kept by an earlier
    process when there is some."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    args = _load().get(key)
    if args is not None:
        try:
            flags_, code, *rest = args
            return _sre.compile(pattern, flags_, array.array(_CODE_TYPE, code).tolist(), *rest)
        except Exception:  # code of another build: compile it afresh
            pass
    compiled = re.compile(pattern, flags)
    try:
        args = _arguments(pattern, flags)
        if _sre.compile(pattern, args[0], array.array(_CODE_TYPE, args[1]).tolist(), *args[2:]) != compiled:  # pragma: no cover - a Python we do not know
            return compiled
    except Exception:  # pragma: no cover - a Python we do not know
        return compiled
    _keep(key, args)
    return compiled


_MAX_CODES = 2000


def _keep(key, value) -> None:
    """Keep an entry for the next processes (written when this one exits)."""
    codes = _load()
    if len(codes) >= _MAX_CODES:  # (the package's patterns are some 150; never grow without bound)
        return
    if not _new:
        import atexit
        atexit.register(_save)
    codes[key] = _new[key] = value


# --------------------------------------------------------------------------
# The generated methods of the package's dataclasses
# --------------------------------------------------------------------------
# ``dataclasses`` writes the source of each class's __init__, __repr__,
# __eq__, __hash__ and __setattr__ and compiles it with ``exec``: some 150
# compilations for the package's 30 classes, about 40 ms of every start.
# fast_dataclasses() gives the dataclasses module an ``exec`` that, for a
# class of this package, runs the code object compiled from the same source
# by an earlier process (kept beside the regexes, in a file keyed on the
# exact Python, as __pycache__ keeps byte code); any other source, and any
# class of another package, goes to the built-in ``exec`` untouched.  The
# methods made are the ones the built-in would make from the same source.

_CODE = type(_save.__code__)


def _exec(source, globals=None, locals=None):  # noqa: A002 - exec's own parameter names
    if type(source) is str and type(globals) is dict and str(globals.get("__name__", "")).startswith("filing_grammar"):
        key = ("exec", source)
        code = _load().get(key)
        if type(code) is not _CODE:
            code = builtins.compile(source, "<string>", "exec")
            _keep(key, code)
        return builtins.exec(code, globals, locals)
    return builtins.exec(source, globals, locals)


def fast_dataclasses() -> None:
    """Use the kept code for the package's dataclasses (see above); nothing
    without a cache (``FILING_GRAMMAR_CACHE=off``) or if ``dataclasses``
    already has an ``exec`` of its own."""
    import dataclasses
    if _codes_path() is not None and "exec" not in vars(dataclasses):
        dataclasses.exec = _exec


# ``re.search(PATTERN, ...)`` and the like, for patterns written in place:
# compiled once per process through :func:`compile` (``re``'s own cache
# would compile them afresh in every process).
_patterns: dict = {}


def _pattern(pattern, flags) -> re.Pattern:
    try:
        return _patterns[pattern, flags]
    except KeyError:
        if len(_patterns) > 512:
            _patterns.clear()
        compiled = _patterns[pattern, flags] = compile(pattern, flags)
        return compiled


def search(pattern, string, flags=0):
    return _pattern(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _pattern(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _pattern(pattern, flags).fullmatch(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _pattern(pattern, flags).sub(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _pattern(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _pattern(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _pattern(pattern, flags).finditer(string)


# --------------------------------------------------------------------------
# What a process has read of the filings before, kept for the ones after
# --------------------------------------------------------------------------
# A few readings are kept by the text they were made of: an HTML tag's (its
# kind, its attributes), a character reference's, the kind of a line that
# ends an opaque document.  They repeat within a filing and from one filing
# to the next (a batch reads thousands, of a few filing agents' making);
# each such dict is bounded by its module.  forget() empties them: a process
# then reads as one that has read no filing yet (bench/peers.py times a
# first pass over its files so, not a pass over files it has just read).

_CONTENT: list[dict] = []


def kept(table: dict) -> dict:
    """``table``, a dict of readings kept by their text, known to forget()."""
    _CONTENT.append(table)
    return table


def forget() -> None:
    """Empty every dict of :func:`kept`."""
    for table in _CONTENT:
        table.clear()
