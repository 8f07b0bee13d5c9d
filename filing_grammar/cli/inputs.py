"""The inputs of a batch: files, directories, globs, archives, paths on stdin.

:func:`expand` turns the command line's ``PATH`` arguments into a lazy
stream of :class:`Input`, one per filing, in a stable order:

* a regular file is itself (read later, by whoever parses it);
* a directory is every filing under it, recursively, in sorted order: files
  whose names end ``.txt``, ``.htm`` or ``.html`` (any case), and archives;
  names that start with a dot are left out;
* a path that does not exist but holds ``*``, ``?`` or ``[`` is a glob
  (``**`` spans directories), its matches sorted (none: "no such file");
* a ``.zip``, ``.tar``, ``.tar.gz`` or ``.tgz`` file is read in place (never
  extracted to disk): each member that is a filing (named as above) is an
  input named ``ARCHIVE!MEMBER``.  A tar is read as a stream, so a ``.tar.gz``
  of any size takes the memory of its largest member;
* ``-`` is one filing on standard input, or, with ``stdin_paths``, the paths
  on standard input, one a line, each expanded as above (no globbing).

Nothing is held for the whole batch: a directory is walked as the batch goes,
so millions of paths take the memory of one directory listing.  An argument
that gives nothing (an empty directory, an archive that cannot be read) is an :class:`Input` with an ``error``: one line on
stderr and exit 2 for it, and the batch goes on.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .io import InputError, one_line, printable, read_input

__all__ = ["Input", "expand", "count", "is_batch_arg", "FILING_SUFFIXES", "ARCHIVE_SUFFIXES", "STDIN_NAME"]

FILING_SUFFIXES = (".txt", ".htm", ".html")
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
GLOB_CHARS = frozenset("*?[")
STDIN_NAME = "<stdin>"
MEMBER_SEP = "!"


@dataclass
class Input:
    """One filing of a batch: its ``name`` (the path, ``ARCHIVE!MEMBER`` or
    ``<stdin>``, what records and messages call it) and where its bytes are:
    ``path`` to be read, or ``data`` already read (an archive member, standard
    input).  ``error``: the argument gave no filing (the message to print)."""

    name: str
    path: str | None = None
    data: bytes | None = None
    error: str | None = None


def _iglob(pattern: str):
    import glob  # only for a glob (start-up: check FILE does not load it)
    return glob.iglob(pattern, recursive=True)


def _printable(text: str) -> str:
    return printable(text)


def is_filing_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return not base.startswith(".") and base.lower().endswith(FILING_SUFFIXES)


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def is_batch_arg(arg: str) -> bool:
    """Whether an argument can stand for more than one filing (a directory, a
    glob, an archive): the command then writes a JSON array even for one."""
    if arg == "-":
        return False
    try:
        st = os.stat(arg)
    except (OSError, ValueError):
        # a glob; one that matches nothing is the path it may be ("no such file")
        return bool(GLOB_CHARS & set(arg)) and next(_iglob(arg), None) is not None
    return stat.S_ISDIR(st.st_mode) or (stat.S_ISREG(st.st_mode) and is_archive_name(arg))


def expand(args: Iterable[str], stdin_paths: bool = False,
           skip: Callable[[str], bool] | None = None) -> Iterator[Input]:
    """The filings of ``args``, lazily, in order; ``skip(name)`` true leaves a
    filing out before it is read (``--resume``)."""
    skip = skip or (lambda name: False)
    for arg in args:
        if arg == "-":
            if stdin_paths:
                for line in _stdin_lines():
                    yield from _expand_path(line, skip, pattern=False)
            elif not skip(STDIN_NAME):
                yield _stdin_input()
            continue
        yield from _expand_path(arg, skip, pattern=True)


def _stdin_lines() -> Iterator[str]:
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    if stdin is None:
        return
    for raw in stdin:
        if isinstance(raw, bytes):
            raw = os.fsdecode(raw)
        line = raw.rstrip("\r\n")
        if line.strip():
            yield line


def _stdin_input() -> Input:
    try:
        return Input(STDIN_NAME, data=read_input("-"))
    except InputError as exc:
        return Input(STDIN_NAME, error=str(exc))


def _expand_path(arg: str, skip, pattern: bool) -> Iterator[Input]:
    try:
        st = os.stat(arg)
    except (OSError, ValueError):
        st = None
    if st is None and pattern and GLOB_CHARS & set(arg):
        matches = sorted(_iglob(arg))
        if not matches:  # reported as the path it may be ("no such file")
            if not skip(arg):
                yield Input(arg, path=arg)
        for match in matches:
            yield from _expand_path(match, skip, pattern=False)
        return
    if st is not None and stat.S_ISDIR(st.st_mode):
        found = False
        for item in _walk(arg, skip):
            found = True
            yield item
        if not found:
            yield Input(arg, error=f"{_printable(arg)}: no filings in this directory "
                                   f"(files ending {', '.join(FILING_SUFFIXES)}, or archives)")
        return
    if st is not None and stat.S_ISREG(st.st_mode) and is_archive_name(arg):
        yield from _archive(arg, skip)
        return
    if not skip(arg):
        yield Input(arg, path=arg)  # read (and any error reported) by the worker


def _walk(top: str, skip) -> Iterator[Input]:
    def on_error(exc: OSError) -> None:
        raise exc
    try:
        for root, dirs, files in os.walk(top, onerror=on_error):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = os.path.join(root, name)
                if is_archive_name(name) and not name.startswith("."):
                    yield from _archive(path, skip)
                elif is_filing_name(name) and not skip(path):
                    yield Input(path, path=path)
    except OSError as exc:
        where = exc.filename or top
        yield Input(str(where), error=f"{_printable(str(where))}: cannot list ({exc.strerror or exc})")


def _archive(path: str, skip) -> Iterator[Input]:
    lower = path.lower()
    if lower.endswith(".zip"):
        yield from _zip(path, skip)
    else:
        yield from _tar(path, skip)


def _zip(path: str, skip) -> Iterator[Input]:
    import zipfile
    shown = _printable(path)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError) as exc:
        yield Input(path, error=f"{shown}: not a readable zip archive ({_reason(exc)})")
        return
    with zf:
        for info in zf.infolist():
            if info.is_dir() or not is_filing_name(info.filename):
                continue
            name = f"{path}{MEMBER_SEP}{info.filename}"
            if skip(name):
                continue
            try:
                data = zf.read(info)
            except MemoryError:
                yield Input(name, error=f"{_printable(name)}: too large to read into memory")
                continue
            except Exception as exc:  # noqa: BLE001 - a damaged member: that member only
                yield Input(name, error=f"{_printable(name)}: cannot read ({_reason(exc)})")
                continue
            yield Input(name, data=data)


def _tar(path: str, skip) -> Iterator[Input]:
    import tarfile
    shown = _printable(path)
    try:
        # "r|*": a stream, read once from the start, compressed or not
        tf = tarfile.open(path, "r|*")
    except (OSError, tarfile.TarError, ValueError, EOFError) as exc:
        yield Input(path, error=f"{shown}: not a readable tar archive ({_reason(exc)})")
        return
    with tf:
        try:
            for member in tf:
                if not member.isfile() or not is_filing_name(member.name):
                    continue
                name = f"{path}{MEMBER_SEP}{member.name}"
                if skip(name):
                    continue
                fh = tf.extractfile(member)
                try:
                    data = fh.read() if fh is not None else b""
                except MemoryError:
                    yield Input(name, error=f"{_printable(name)}: too large to read into memory")
                    continue
                yield Input(name, data=data)
        except (OSError, tarfile.TarError, EOFError, ValueError) as exc:
            # a truncated or damaged archive: what came before it stands
            yield Input(path, error=f"{shown}: archive ends early or is damaged ({_reason(exc)})")


def _reason(exc: BaseException) -> str:
    return one_line(getattr(exc, "strerror", None) or str(exc) or type(exc).__name__, 120)


def count(args: Iterable[str], stdin_paths: bool = False,
          skip: Callable[[str], bool] | None = None) -> tuple[int, int] | None:
    """How many filings ``args`` hold and their bytes, without reading them
    (for a progress bar); None when that cannot be known beforehand (paths on
    standard input, a tar archive, which is a stream)."""
    skip = skip or (lambda name: False)
    files = size = 0
    for arg in args:
        if arg == "-":
            if stdin_paths:
                return None
            files += 1
            continue
        got = _count_path(arg, skip)
        if got is None:
            return None
        files += got[0]
        size += got[1]
    return files, size


def _count_path(arg: str, skip) -> tuple[int, int] | None:
    try:
        st = os.stat(arg)
    except (OSError, ValueError):
        if GLOB_CHARS & set(arg):
            total = [0, 0]
            for match in _iglob(arg):
                got = _count_path(match, skip)
                if got is None:
                    return None
                total[0] += got[0]
                total[1] += got[1]
            return total[0], total[1]
        return 1, 0
    if stat.S_ISDIR(st.st_mode):
        files = size = 0
        for root, dirs, names in os.walk(arg):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                path = os.path.join(root, name)
                if is_archive_name(name) and not name.startswith("."):
                    got = _count_path(path, skip)
                    if got is None:
                        return None
                    files, size = files + got[0], size + got[1]
                elif is_filing_name(name) and not skip(path):
                    try:
                        size += os.stat(path).st_size
                    except OSError:
                        pass
                    files += 1
        return files, size
    if is_archive_name(arg) and stat.S_ISREG(st.st_mode):
        if not arg.lower().endswith(".zip"):
            return None
        import zipfile
        try:
            with zipfile.ZipFile(arg) as zf:
                infos = [i for i in zf.infolist() if not i.is_dir() and is_filing_name(i.filename)
                         and not skip(f"{arg}{MEMBER_SEP}{i.filename}")]
        except Exception:  # noqa: BLE001 - reported when the batch reads it
            return 0, 0
        return len(infos), sum(i.file_size for i in infos)
    return (0, 0) if skip(arg) else (1, st.st_size)
