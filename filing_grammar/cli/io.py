"""What every command of the ``filing-grammar`` command line shares.

* The exit codes, defined once in :class:`Exit`: the ``--help`` epilogs are
  made from it (:func:`exit_codes_help`) and README.md's table is checked
  against it (:func:`exit_codes_markdown`, tests/test_cli.py).
* Input: only regular files are opened (a FIFO or a device would block or
  never end); '-' is standard input.  An unreadable input is one line on
  stderr and exit 2; a bug in our code is one line naming the file (exit 3)
  and the batch goes on.  Hostile input never gets a traceback.
* Output: ``-o FILE`` is written to a temporary file beside it and renamed
  into place, so an interrupted run leaves no half-written file.  Commands
  write each file's output as it is done, so a batch of any length takes the
  memory of its largest file.
* Signals: SIGTERM and Ctrl-C clean up (temporary files) and exit 143 / 130;
  a reader that goes away (``| head``) ends the run quietly.
"""

from __future__ import annotations

import enum
import io
import os
import signal
import stat
import sys
from contextlib import contextmanager
from typing import IO, Callable, Iterator, Sequence

PROG = "filing-grammar"
STDIN_NAME = "<stdin>"


# ---------------------------------------------------------------------------
#  exit codes
# ---------------------------------------------------------------------------
class Exit(enum.IntEnum):
    """The exit codes: code, name, what it means for ``parse`` and ``tree``,
    and for ``check``.  With several files a run exits with the highest code
    of its files."""

    meaning: str
    check: str

    def __new__(cls, code: int, meaning: str, check: str | None = None) -> "Exit":
        member = int.__new__(cls, code)
        member._value_ = code
        member.meaning = meaning
        member.check = check or meaning
        return member

    OK = 0, "parsed; nothing unmatched", "no errors (warnings allowed)"
    FINDINGS = 1, "parsed with unmatched text", "at least one error"
    USAGE = 2, "usage error, unreadable input, or output that cannot be written"
    INTERNAL = 3, "internal error in filing-grammar (please report it); other files still run"
    INTERRUPTED = 130, "interrupted (Ctrl-C)"
    TERMINATED = 143, "terminated (SIGTERM)"


def exit_codes_help(command: str | None = None) -> str:
    """The table at the end of ``--help``: for ``check``, for ``parse`` and
    ``tree``, or (``None``, the program's own help) for both."""
    rows = ["exit codes:"]
    for e in Exit:
        rows.append(f"  {e.value:<4} {e.check if command == 'check' else e.meaning}")
        if command is None and e.check != e.meaning:
            rows.append(f"       check: {e.check}")
    return "\n".join(rows) + "\n"


def exit_codes_markdown() -> str:
    """The table as README.md shows it."""
    rows = ["| code | name | `parse`, `tree` | `check` |", "|-----:|------|-----------------|---------|"]
    rows += [f"| {e.value} | {e.name} | {e.meaning} | {'same' if e.check == e.meaning else e.check} |"
             for e in Exit]
    return "\n".join(rows) + "\n"


class InputError(Exception):
    """An input that cannot be read: reported in one line, exit 2."""


class OutputError(Exception):
    """Output that cannot be written: reported in one line, exit 2."""


class Terminated(BaseException):
    """Raised by the SIGTERM handler so that clean-up (temp files) runs."""


# ---------------------------------------------------------------------------
#  messages
# ---------------------------------------------------------------------------
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}


def printable(text: str) -> str:
    """``text`` safe for a one-line terminal message: undecodable bytes of a
    file name become U+FFFD, control characters (newlines, ANSI escapes) are
    shown as ``\\xNN``."""
    return clean_path(text).translate(_CONTROL)


def clean_path(path: str) -> str:
    """A path as valid Unicode (file names that are not UTF-8 reach us with
    lone surrogates, which no UTF-8 output can hold)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def one_line(text: str, limit: int = 300) -> str:
    text = " ".join(printable(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def err(message: str) -> None:
    try:
        sys.stderr.write(f"{PROG}: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stderr closed: nowhere left to say it


# ---------------------------------------------------------------------------
#  input
# ---------------------------------------------------------------------------
_KIND = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    kind = next((name for test, name in _KIND if test(mode)), "a special file")
    return f"not a regular file ({kind})"


def read_input(path: str) -> bytes:
    """Bytes of ``path`` ('-' is standard input); InputError if unreadable.

    Only regular files are opened: a FIFO, a device or a socket could block
    forever or never end, so they are refused before anything is opened.
    """
    if path == "-":
        stdin = getattr(sys.stdin, "buffer", sys.stdin)
        if stdin is None:
            raise InputError(f"{STDIN_NAME}: standard input is closed")
        try:
            data = stdin.read()
        except OSError as exc:
            raise InputError(f"{STDIN_NAME}: cannot read ({exc.strerror or exc})") from None
        if isinstance(data, str):  # a text stream without a buffer (embedding)
            data = data.encode("utf-8", "surrogateescape")
        return data
    shown = printable(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{shown}: {_not_regular(st.st_mode)}")
        # O_NONBLOCK: should the path have become a FIFO since the stat, the
        # open does not wait for a writer, and fstat below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise InputError(f"{shown}: {_not_regular(st.st_mode)}")
            return fh.read()
    except InputError:
        raise
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(f"{shown}: broken symbolic link") from None
        raise InputError(f"{shown}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory") from None
    except MemoryError:
        raise InputError(f"{shown}: too large to read into memory") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    except ValueError:  # a NUL character in the path (only via the API)
        raise InputError(f"{shown}: not a valid path") from None


def iter_sources(paths: Sequence[str], status: list[int]) -> Iterator:
    """Yield decoded sources, reporting unreadable inputs (exit 2) as we go.

    Decoding cannot fail (latin-1 takes any bytes); the raw bytes are let go
    before the source is handed on, so only one copy of a file is held.
    """
    from ..api import read_source  # the parser's stages: only once there is a file

    for path in paths:
        name = STDIN_NAME if path == "-" else clean_path(path)
        try:
            data = read_input(path)
            src = read_source(data, name)
            del data
        except InputError as exc:
            err(str(exc))
            status.append(Exit.USAGE)
            continue
        except MemoryError:
            err(f"{printable(name)}: too large to parse in the memory available")
            status.append(Exit.USAGE)
            continue
        yield src


def internal_message(where: str, exc: BaseException) -> str:
    """The line that reports a bug of ours met on ``where``."""
    if isinstance(exc, RecursionError):
        what = "input nests too deeply"
    else:
        what = f"{type(exc).__name__}: {exc}"
    return (f"{printable(where)}: internal error ({one_line(what)}); "
            "please report this bug with the file")


def internal_error(where: str, exc: BaseException) -> None:
    err(internal_message(where, exc))


def run_each(paths: Sequence[str], work: Callable, status: list[int]) -> None:
    """Run ``work(source)`` per file; a bug in our code is reported (exit 3)
    and the batch goes on."""
    for src in iter_sources(paths, status):
        try:
            status.append(work(src))
        except (KeyboardInterrupt, BrokenPipeError, Terminated, OutputError):
            raise
        except MemoryError:
            err(f"{printable(src.path or STDIN_NAME)}: too large to parse in the memory available")
            status.append(Exit.USAGE)
        except Exception as exc:  # noqa: BLE001 - the one place bugs are caught
            internal_error(src.path or STDIN_NAME, exc)
            status.append(Exit.INTERNAL)


# ---------------------------------------------------------------------------
#  output
# ---------------------------------------------------------------------------
def _write_stdout(text: str) -> None:
    """Text to standard output as UTF-8, whatever the locale says."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        data = memoryview(text.encode("utf-8", "replace"))
        # A big write into a pipe whose reader went away can come back short
        # without an error; the next write raises BrokenPipeError.
        while data:
            written = buffer.write(data)
            data = data[written if written else len(data):]
        buffer.flush()
    else:
        stream.write(text)
        stream.flush()


@contextmanager
def output_stream(output: str | None) -> Iterator[IO[str]]:
    """A text stream for the command's output: standard output, or ``output``.

    A regular file is written to a temporary file in the same directory and
    renamed into place when the block ends without an exception; on any
    exception (Ctrl-C included) the temporary file is removed and the old
    ``output``, if any, is left as it was.  A FIFO or device (``/dev/null``)
    is written directly: renaming over it would replace it.
    """
    if output is None or output == "-":
        yield _StdoutText()
        return
    shown = printable(output)
    try:
        st = os.stat(output)
        special = not stat.S_ISREG(st.st_mode)
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{shown}: is a directory")
    except FileNotFoundError:
        special = False
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    if special:
        try:
            fh = open(output, "w", encoding="utf-8", errors="replace")
        except OSError as exc:
            raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
        with fh:
            yield fh
        return
    import tempfile

    directory = os.path.dirname(os.path.abspath(output))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".filing-grammar-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it 0600
        os.replace(tmp, output)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class _StdoutText(io.TextIOBase):
    """Standard output as a text stream that writes UTF-8 bytes."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        _write_stdout(text)
        return len(text)

    def flush(self) -> None:
        if sys.stdout is not None:
            sys.stdout.flush()


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to ``output`` (temp file + rename)."""
    with output_stream(output) as fh:
        fh.write(text)


# ---------------------------------------------------------------------------
#  rich consoles and JSON documents
# ---------------------------------------------------------------------------
def console(stream: IO[str] | None = None):
    """A console writing to ``stream`` (standard output if None); its width
    and colour are those of where it writes."""
    from rich.console import Console
    return Console(file=sys.stdout if stream is None else stream, highlight=False, markup=False,
                   emoji=False, soft_wrap=False)


def target_console(output: str | None, out: IO[str]):
    """The console whose width and colour output to ``output`` gets: the
    terminal's for standard output, 80 plain columns for a file."""
    return console(None if output in (None, "-") else out)


def plain_target(output: str | None) -> bool:
    """Whether rich would show no style at all where ``output`` goes (its
    console would not be a terminal): then a line of plain text is printed as
    it is, and rich need not be loaded for it.  Only a sure no: not a
    terminal, and nothing (FORCE_COLOR, TTY_COMPATIBLE, a notebook, IDLE)
    that makes rich decide otherwise."""
    import builtins
    if any(os.environ.get(v) is not None for v in ("FORCE_COLOR", "TTY_COMPATIBLE")):
        return False
    if hasattr(builtins, "get_ipython") or getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return False
    if output not in (None, "-"):
        return True  # a file: target_console writes it as 80 plain columns
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:
        return True


def rendered(target, draw: Callable) -> str:
    """What ``draw(console)`` prints on a console with the width and colour
    of ``target``, as text: rendered whole, so a failure prints nothing."""
    from rich.console import Console
    buf = io.StringIO()
    draw(Console(file=buf, width=target.width, color_system=target.color_system,
                 force_terminal=target.is_terminal, highlight=False, markup=False,
                 emoji=False, soft_wrap=False))
    return buf.getvalue()


_HOLD = 1 << 22  # characters of a record kept back before writing starts


def _write_record(out: IO[str], record: object, pad: str, before: str, after: str) -> None:
    """``before``, ``json.dumps(record, indent=2)`` with each line indented by
    ``pad``, ``after`` (the text made by render/jsontext.py, json's own).

    A record is encoded whole before it is written, so that a failure leaves
    the document valid; a record bigger than 4 MiB (the items of a huge
    filing) is written as it is encoded, so no second copy of it is made.
    """
    from ..render import jsontext
    held: list[str] = [before]
    size = 0

    def sink(chunk: str) -> None:
        nonlocal held, size
        if pad:
            # JSON strings hold no raw newline: every newline is the layout's.
            chunk = chunk.replace("\n", "\n" + pad)
        held.append(chunk)
        size += len(chunk)
        if size > _HOLD:
            out.write("".join(held))
            held, size = [], 0

    jsontext.write(record, sink, indent=2, ensure_ascii=False)
    held.append(after)
    out.write("".join(held))


class JsonDocument:
    """One JSON document written a record at a time: the text of
    ``json.dumps(records, indent=2, ensure_ascii=False)``, or of the record
    alone when the command was given one path (``null`` when that path gave
    no record: it could not be read, or hit a bug)."""

    def __init__(self, out: IO[str], single: bool) -> None:
        self.out, self.single, self.count = out, single, 0

    def add(self, record: object) -> None:
        if self.single:
            _write_record(self.out, record, "", "", "\n")
        else:
            _write_record(self.out, record, "  ", "[\n  " if self.count == 0 else ",\n  ", "")
        self.count += 1

    def close(self) -> None:
        if not self.single:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.count == 0:
            self.out.write("null\n")


# ---------------------------------------------------------------------------
#  signals, and exceptions as exit codes
# ---------------------------------------------------------------------------
def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null, so that the flush at
    interpreter exit does not fail a second time with a message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit code; whatever it raises becomes an exit code and at
    most one line on stderr, never a traceback."""
    try:
        if isinstance(sys.stdout, io.TextIOWrapper):
            # rich writes str: never fail on a character the locale lacks
            sys.stdout.reconfigure(errors="replace")
        return run()
    except KeyboardInterrupt:
        err("interrupted")
        return Exit.INTERRUPTED
    except Terminated:
        err("terminated")
        return Exit.TERMINATED
    except BrokenPipeError:
        # `filing-grammar ... | head`: the reader went away; exit quietly.
        _quiet_stdout()
        return Exit.OK
    except OutputError as exc:
        err(str(exc))
        return Exit.USAGE
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else Exit.USAGE
    except MemoryError:
        err("out of memory")
        return Exit.USAGE
    except Exception as exc:  # noqa: BLE001 - a bug outside any one file
        internal_error(PROG, exc)
        return Exit.INTERNAL


def _on_sigterm(signum, frame) -> None:
    raise Terminated()


def catch_sigterm() -> None:
    """SIGTERM raises :class:`Terminated`, so that clean-up runs (Ctrl-C
    already raises KeyboardInterrupt)."""
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        pass


def finish(code: int) -> None:
    """End the process with exit status ``code`` and without the interpreter's
    teardown (issue 12, start-up): freeing every object and module one by one
    at exit was a tenth of a short run (callgrind, check of a seed: 42 M of
    395 M instructions) in a process that is ending anyway.  What exit must do
    is done first: the atexit handlers (the regex cache is written by one;
    weakref finalizers, multiprocessing's clean-up), then stdout and stderr
    flushed.  The ordinary exit where that cannot be vouched for: another
    thread still running, no atexit runner (not CPython), or
    ``FILING_GRAMMAR_TEARDOWN=1``."""
    import atexit
    import threading
    run_exitfuncs = getattr(atexit, "_run_exitfuncs", None)
    if (run_exitfuncs is None or threading.active_count() > 1
            or os.environ.get("FILING_GRAMMAR_TEARDOWN", "") not in ("", "0")):
        raise SystemExit(code)
    run_exitfuncs()
    flush_stdout()
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(int(code or 0))


def flush_stdout() -> None:
    """The last flush before exit, quiet if the reader went away."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except (OSError, ValueError, AttributeError):
        pass
