"""The ``filing-grammar`` command line.

Exit codes (also in README.md and ``--help``):

  0    every file parsed and nothing was left unmatched (check: no errors)
  1    a file parsed with text left unmatched (check: at least one error)
  2    usage error, an input that could not be read, or output that could not
       be written
  3    internal error: a bug in filing-grammar (the other files still run)
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)

Hostile input never gets a traceback: an unreadable input is one line on
stderr and exit 2, a bug in our code is one line naming the file (exit 3) and
the batch goes on.  Only regular files are opened (a FIFO or a device would
block or never end).  ``-o FILE`` is written to a temporary file beside it and
renamed into place, so an interrupted run leaves no half-written file.  Output
is written as the files are parsed, so a batch of any length takes the memory
of its largest file.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import stat
import sys
import tempfile
from contextlib import contextmanager
from typing import IO, Callable, Iterator, Sequence

from . import __version__
from .api import parse_source, read_source

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_TERMINATED = 143

EXIT_CODES = """\
exit codes:
  0    parsed; nothing unmatched (check: no errors)
  1    parsed with unmatched text (check: at least one error)
  2    usage error, unreadable input, or output that cannot be written
  3    internal error in filing-grammar (please report it); other files still run
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)
"""

PROG = "filing-grammar"
STDIN_NAME = "<stdin>"


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


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(printable(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _err(message: str) -> None:
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
    for path in paths:
        name = STDIN_NAME if path == "-" else clean_path(path)
        try:
            data = read_input(path)
            src = read_source(data, name)
            del data
        except InputError as exc:
            _err(str(exc))
            status.append(EXIT_USAGE)
            continue
        except MemoryError:
            _err(f"{printable(name)}: too large to parse in the memory available")
            status.append(EXIT_USAGE)
            continue
        yield src


def _internal_error(where: str, exc: BaseException) -> None:
    if isinstance(exc, RecursionError):
        what = "input nests too deeply"
    else:
        what = f"{type(exc).__name__}: {exc}"
    _err(f"{printable(where)}: internal error ({_one_line(what)}); "
         "please report this bug with the file")


def run_each(paths: Sequence[str], work: Callable, status: list[int]) -> None:
    """Run ``work(source)`` per file; a bug in our code is reported (exit 3)
    and the batch goes on."""
    for src in iter_sources(paths, status):
        try:
            status.append(work(src))
        except (KeyboardInterrupt, BrokenPipeError, Terminated, OutputError):
            raise
        except MemoryError:
            _err(f"{printable(src.path or STDIN_NAME)}: too large to parse in the memory available")
            status.append(EXIT_USAGE)
        except Exception as exc:  # noqa: BLE001 - the one place bugs are caught
            _internal_error(src.path or STDIN_NAME, exc)
            status.append(EXIT_INTERNAL)


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


def _console(stream=None):
    from rich.console import Console
    return Console(file=stream or sys.stdout, highlight=False, markup=False, emoji=False,
                   soft_wrap=False)


# ---------------------------------------------------------------------------
#  parse
# ---------------------------------------------------------------------------
_ENCODER = json.JSONEncoder(indent=2, ensure_ascii=False)
_HOLD = 1 << 22  # characters of a record kept back before writing starts


def _write_record(out: IO[str], record: dict, pad: str, before: str, after: str) -> None:
    """``before``, ``json.dumps(record, indent=2)`` with each line indented by
    ``pad``, ``after``.

    A record is encoded whole before it is written, so that a failure leaves
    the document valid; a record bigger than 4 MiB (the items of a huge
    filing) is written as it is encoded, so no second copy of it is made.
    """
    held: list[str] = [before]
    size = 0
    for chunk in _ENCODER.iterencode(record):
        if pad:
            # JSON strings hold no raw newline: every newline is the layout's.
            chunk = chunk.replace("\n", "\n" + pad)
        held.append(chunk)
        size += len(chunk)
        if size > _HOLD:
            out.write("".join(held))
            held, size = [], 0
    held.append(after)
    out.write("".join(held))


def cmd_parse(args) -> int:
    status: list[int] = []
    single = len(args.paths) == 1
    with output_stream(args.output) as out:
        if args.format == "json":
            count = 0

            def work(src) -> int:
                nonlocal count
                filing = parse_source(src)[1]  # the tree goes at once: it is the big part
                record = filing.to_dict()
                # the text of json.dumps(records, indent=2), one record at a time
                if single:
                    _write_record(out, record, "", "", "\n")
                else:
                    _write_record(out, record, "  ", "[\n  " if count == 0 else ",\n  ", "")
                count += 1
                return EXIT_FINDINGS if filing.unmatched else EXIT_OK

            run_each(args.paths, work, status)
            # Always one JSON document: a file that could not be read (or hit
            # a bug) is left out of the array; alone, it is null.
            if not single:
                out.write("[]\n" if count == 0 else "\n]\n")
            elif count == 0:
                out.write("null\n")
        else:
            from .render.table import render_filings
            # Width and colour of where it goes: the terminal, or 80 plain
            # columns for a file.
            target = _console(None if args.output in (None, "-") else out)

            def work(src) -> int:
                _, filing = parse_source(src)
                buf = io.StringIO()  # rendered whole: a failure prints nothing
                render_filings(_console_like(target, buf), [filing])
                out.write(buf.getvalue())
                return EXIT_FINDINGS if filing.unmatched else EXIT_OK

            run_each(args.paths, work, status)
    return max(status, default=EXIT_OK)


def _console_like(console, stream):
    """A console writing to ``stream`` with the width and colour of ``console``."""
    from rich.console import Console
    return Console(file=stream, width=console.width, color_system=console.color_system,
                   force_terminal=console.is_terminal, highlight=False, markup=False,
                   emoji=False, soft_wrap=False)


# ---------------------------------------------------------------------------
#  tree
# ---------------------------------------------------------------------------
def cmd_tree(args) -> int:
    from .render import tree as tree_render
    status: list[int] = []

    def work(src) -> int:
        parsed, filing = parse_source(src)
        tree = parsed.tree
        unmatched = bool(filing.unmatched)
        del filing
        if args.format == "json":
            text = json.dumps(tree_render.to_json(tree), indent=1, ensure_ascii=False) + "\n"
        elif args.format == "text":
            text = tree_render.to_text(tree)
        else:
            buf = io.StringIO()
            target = _console(None if args.output in (None, "-") else buf)
            _console_like(target, buf).print(tree_render.to_rich(tree, src.path))
            text = buf.getvalue()
        del tree
        write_output(text, args.output)
        return EXIT_FINDINGS if unmatched else EXIT_OK

    run_each([args.path], work, status)
    if args.format == "json" and status and status[-1] not in (EXIT_OK, EXIT_FINDINGS):
        write_output("null\n", args.output)  # still one JSON document
    return max(status, default=EXIT_OK)


# ---------------------------------------------------------------------------
#  entry point
# ---------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read SEC Form 8-K filings with a formal grammar: records, trees, checks.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("parse", help="parse filings into JSON records",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="filing files ('-' reads standard input)")
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    p.set_defaults(func=cmd_parse)

    t = sub.add_parser("tree", help="print the lossless parse tree of a filing",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    t.add_argument("path", metavar="PATH", help="a filing file ('-' reads standard input)")
    t.add_argument("--format", choices=("rich", "json", "text"), default="rich")
    t.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    t.set_defaults(func=cmd_tree)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable]:
    """Further sub-commands (check, rules, explain) register themselves here."""
    out = []
    try:
        from .checks import cli as checks_cli
        out.append(checks_cli.register)
    except ImportError:
        pass
    return out


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null, so that the flush at
    interpreter exit does not fail a second time with a message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    try:
        if isinstance(sys.stdout, io.TextIOWrapper):
            # rich writes str: never fail on a character the locale lacks
            sys.stdout.reconfigure(errors="replace")
        parser = build_parser()
        args = parser.parse_args(argv)
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        _err("terminated")
        return EXIT_TERMINATED
    except BrokenPipeError:
        # `filing-grammar ... | head`: the reader went away; exit quietly.
        _quiet_stdout()
        return EXIT_OK
    except OutputError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except MemoryError:
        _err("out of memory")
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - a bug outside any one file
        _internal_error(PROG, exc)
        return EXIT_INTERNAL


def _on_sigterm(signum, frame) -> None:
    raise Terminated()


def entry() -> None:
    """Console-script entry point."""
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        pass
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(code)


if __name__ == "__main__":
    entry()
