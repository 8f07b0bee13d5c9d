"""What ``parse`` and ``check`` share to run a batch: the options, the
outputs (one per format), ``--resume``, the progress bar and the summary.

The inputs are expanded lazily (:mod:`.inputs`), each filing is
done by :func:`.pool.process` (in a pool of ``--jobs``
processes, or here when there is one job or one file), and each result is
written as it comes, so a batch of any length takes constant memory.

* One path that is a plain file (or ``-``) with ``--format json`` is written
  as before: the record alone, ``null`` if it could not be read.
* ``--format jsonl``: one line per filing, JSON without newlines.  To a file
  (``-o``) it is written in place, line after line, and ``--resume`` skips the
  filings already in it (after cutting a last line left half-written).
  Ctrl-C (130) or SIGTERM (143) leave it valid up to its last complete line.
* ``--format parquet`` (pyarrow): one row per filing, to ``-o FILE`` only.
* The exit status is the worst (highest) of the files'.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import time
from collections import Counter
from typing import IO, Any

from .io import (PROG, Exit, JsonDocument, OutputError, err, output_stream, printable, rendered,
                 target_console)

__all__ = ["add_options", "run", "read_done"]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return n


def add_options(p: argparse.ArgumentParser) -> None:
    """The batch options of ``parse`` and ``check``."""
    g = p.add_argument_group("batches")
    g.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                   help="worker processes (default: the number of cores; 1 runs in this process)")
    g.add_argument("--unordered", action="store_true",
                   help="write each file's result as it is done, not in input order")
    g.add_argument("--stdin-paths", action="store_true",
                   help="'-' reads paths from standard input, one a line, instead of one filing")
    g.add_argument("--resume", action="store_true",
                   help="with --format jsonl -o FILE: skip the files already in FILE, append the rest")
    g.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar on stderr (default: when stderr is a terminal, not in CI)")
    g.add_argument("--summary", action=argparse.BooleanOptionalAction, default=None,
                   help="a summary on stderr at the end (default: for jsonl and parquet, and on a terminal)")


# ---------------------------------------------------------------------------
#  --resume
# ---------------------------------------------------------------------------
def read_done(path: str) -> tuple[set[str], int]:
    """The paths of the records already in the JSON Lines file ``path``, and
    the length of its complete lines: what follows the last newline (a line
    cut short by a kill) is to be cut off."""
    import json
    decoder = json.JSONDecoder()
    done: set[str] = set()
    good = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            line = raw.decode("utf-8", "replace")
            try:
                if line.startswith('{"path":"'):  # ours: the path first; no need to decode the record
                    name, _ = json.decoder.scanstring(line, 9)
                else:
                    name = decoder.decode(line).get("path")
            except (ValueError, AttributeError):
                break  # not a line we wrote: everything from here is written again
            if isinstance(name, str):
                done.add(name)
            good += len(raw)
    return done, good


# ---------------------------------------------------------------------------
#  outputs: add(payload) per file, close() at the end
# ---------------------------------------------------------------------------
class JsonSink:
    def __init__(self, out: IO[str], single: bool) -> None:
        self.doc = JsonDocument(out, single)

    def add(self, payload: Any) -> None:
        self.doc.add(payload)

    def close(self) -> None:
        self.doc.close()


class TextSink:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def add(self, payload: str) -> None:
        self.out.write(payload)

    def close(self) -> None:
        pass


class JsonlSink:
    """One line per record, written whole; ``good`` is the length of the
    complete lines, to which the file is cut back when the run is stopped."""

    def __init__(self, fh: IO[bytes], good: int = 0) -> None:
        import json
        self.fh, self.good = fh, good
        self.encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

    def add(self, payload: Any) -> None:
        data = (self.encoder.encode(payload) + "\n").encode("utf-8", "replace")
        self.fh.write(data)
        self.good += len(data)

    def close(self) -> None:
        self.fh.flush()


class ParquetSink:
    def __init__(self, path: str, kind: str) -> None:
        from ..parquet import Writer
        self.writer = Writer(path, kind)

    def add(self, payload: Any) -> None:
        self.writer.add(payload)

    def close(self) -> None:
        self.writer.close()


# ---------------------------------------------------------------------------
#  progress and summary
# ---------------------------------------------------------------------------
class Stats:
    def __init__(self) -> None:
        self.start = time.monotonic()
        self.files = self.size = self.failed = self.skipped = 0
        self.status: Counter = Counter()
        self.codes: Counter = Counter()

    def add(self, result) -> None:
        self.files += 1
        self.size += result.size
        self.status[int(result.status)] += 1
        self.codes.update(result.codes)
        if result.status >= Exit.USAGE:
            self.failed += 1

    def lines(self, interrupted: bool = False) -> list[str]:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        mb = self.size / 1e6
        head = (f"{'interrupted after ' if interrupted else ''}{self.files} file{'' if self.files == 1 else 's'}, "
                f"{mb:.1f} MB in {elapsed:.1f} s ({mb / elapsed:.2f} MB/s, {self.files / elapsed:.1f} files/s)")
        if self.skipped:
            head += f"; {self.skipped} skipped (already in the output)"
        names = {e.value: e.name for e in Exit}
        rows = [f"summary: {head}",
                "by exit status: " + (", ".join(f"{code} {names.get(code, '?')} {n}"
                                                 for code, n in sorted(self.status.items())) or "none")]
        if self.codes:
            rows.append("by code: " + ", ".join(f"{c} {n}" for c, n in sorted(self.codes.items())))
        return rows


class Progress:
    """A rich progress bar on stderr, refreshed from the main loop (no
    thread: workers are forked from this process)."""

    def __init__(self, total: tuple[int, int] | None, command: str) -> None:
        # exit 1 means an error diagnostic for check, unmatched text for parse
        self.findings = "errors" if command == "check" else "unmatched"
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        console = Console(file=sys.stderr, highlight=False, markup=False, emoji=False)
        columns = [TextColumn("{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(),
                   TextColumn("files {task.fields[mb]:.1f} MB {task.fields[rate]:.2f} MB/s"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   TextColumn("{task.fields[tally]}")]
        self.bar = Bar(*columns, console=console, auto_refresh=False, redirect_stdout=False,
                       redirect_stderr=True, transient=False)
        self.task = self.bar.add_task(PROG, total=total[0] if total else None, mb=0.0, rate=0.0, tally=self.tally(None))
        self.last = 0.0
        self.bar.start()

    def update(self, stats: Stats, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        elapsed = max(now - stats.start, 1e-9)
        self.bar.update(self.task, completed=stats.files, mb=stats.size / 1e6,
                        rate=stats.size / 1e6 / elapsed, tally=self.tally(stats))
        self.bar.refresh()

    def tally(self, stats: Stats | None) -> str:
        """The counts so far: files of exit 1 (with an error, or with
        unmatched text), and files that failed (unreadable, internal error)."""
        if stats is None:
            return f"{self.findings} 0 failed 0"
        return f"{self.findings} {stats.status.get(Exit.FINDINGS, 0)} failed {stats.failed}"

    def stop(self, stats: Stats) -> None:
        self.update(stats, force=True)
        self.bar.stop()


def _want_progress(args) -> bool:
    if args.progress is not None:
        return args.progress
    if os.environ.get("CI") or not _isatty(sys.stderr):
        return False
    # the bar and the output would share a terminal
    return not (args.output in (None, "-") and _isatty(sys.stdout))


def _isatty(stream) -> bool:
    try:
        return bool(stream) and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


# ---------------------------------------------------------------------------
#  the run
# ---------------------------------------------------------------------------
class LazyTarget:
    """The console output goes to (:func:`.io.target_console`), made when
    first asked for its width, colours or terminal: a run that draws nothing
    with rich (a clean file, JSON) does not load rich."""

    def __init__(self, output: str | None, out) -> None:
        self.output, self.out, self._console = output, out, None

    @property
    def made(self) -> bool:
        return self._console is not None

    def _get(self):
        if self._console is None:
            self._console = target_console(self.output, self.out)
        return self._console

    width = property(lambda self: self._get().width)
    color_system = property(lambda self: self._get().color_system)
    is_terminal = property(lambda self: self._get().is_terminal)


def _usage(message: str) -> int:
    err(message)
    return Exit.USAGE


def run(args, command: str, make_sink, codes=None, check=None) -> int:
    """Run ``command`` over ``args.paths`` and write each result with the sink
    ``make_sink(out, single, target)`` gives (for the formats that write
    text); jsonl and parquet have their own.  The worst exit status."""
    from .inputs import count, expand, is_batch_arg
    from .pool import ConsoleSpec, Job, Pool, default_jobs, run_in_process

    fmt = args.format
    single = len(args.paths) == 1 and not args.stdin_paths and not is_batch_arg(args.paths[0])
    if args.resume and (fmt != "jsonl" or args.output in (None, "-")):
        return _usage(f"{command}: --resume needs --format jsonl and -o FILE")
    if fmt == "parquet":
        if args.output in (None, "-"):
            return _usage(f"{command}: --format parquet needs -o FILE (Parquet is not text)")
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            return _usage(f"{command}: --format parquet needs pyarrow: pip install 'filing-grammar[parquet]'")
    if args.stdin_paths and "-" not in args.paths:
        return _usage(f"{command}: --stdin-paths reads the paths of '-': give '-' as a PATH")

    done: set[str] = set()
    good = 0
    if args.resume and os.path.exists(args.output):
        try:
            done, good = read_done(args.output)
        except OSError as exc:
            raise OutputError(f"{printable(args.output)}: cannot resume ({exc.strerror or exc})") from None
    stats = Stats()

    def skip(name: str) -> bool:
        if name in done:
            stats.skipped += 1
            return True
        return False

    items = expand(args.paths, args.stdin_paths, skip if done else None)
    jobs = args.jobs or default_jobs()
    show_progress = not single and _want_progress(args)
    show_summary = args.summary if args.summary is not None else (
        not single and (fmt in ("jsonl", "parquet") or _isatty(sys.stderr)))

    status: list[int] = []
    progress = None
    interrupted = False

    def consume(sink, results) -> None:
        for name, result in results:
            if result.message:
                err(result.message)
            status.append(result.status)
            stats.add(result)
            if result.payload is not None:
                sink.add(result.payload)
            elif result.status >= Exit.USAGE and hasattr(sink, "failed"):
                sink.failed()  # (a report with a summary line counts it: check's rich one)
            if progress is not None:
                progress.update(stats)

    def execute(sink, target) -> None:
        nonlocal progress
        in_process = jobs == 1 or single
        if target is None or fmt not in ("table", "rich"):
            spec = ConsoleSpec()
        elif in_process:
            spec = target  # lazy: made only if something is drawn
        else:  # the workers draw: what they need of the console, made here before they start
            spec = ConsoleSpec(target.width, target.color_system, target.is_terminal)
        job = Job(command, fmt, frozenset(codes) if codes is not None else None, spec, check)
        if show_progress:
            progress = Progress(count(args.paths, args.stdin_paths, lambda n: n in done), command)
        try:
            if in_process:
                consume(sink, run_in_process(job, items))
            else:
                with Pool(job, jobs) as pool:
                    consume(sink, pool.run(items, ordered=not args.unordered,
                                           tick=(lambda: progress.update(stats)) if progress else None))
            sink.close()
        finally:
            if progress is not None:
                progress.stop(stats)

    try:
        if fmt == "jsonl" and args.output not in (None, "-"):
            _run_jsonl_file(args, good if args.resume else None, execute)
        elif fmt == "jsonl":
            execute(JsonlSink(_stdout_bytes()), None)
        elif fmt == "parquet":
            sink = ParquetSink(args.output, command)
            try:
                execute(sink, None)
            except BaseException:
                sink.writer.abort()
                raise
        else:
            with output_stream(args.output) as out:
                target = LazyTarget(args.output, out)
                execute(make_sink(out, single, target), target)
    except BrokenPipeError:
        show_summary = False  # the reader went away: end quietly
        raise
    except BaseException:
        interrupted = True
        raise
    finally:
        if show_summary:
            for line in stats.lines(interrupted):
                err(line)
    return max(status, default=Exit.OK)


class _StdoutBytes:
    """Standard output for bytes (through its buffer, whatever the locale)."""

    def write(self, data: bytes) -> None:
        from .io import _write_stdout
        _write_stdout(data.decode("utf-8"))

    def flush(self) -> None:
        sys.stdout.flush()


def _stdout_bytes() -> _StdoutBytes:
    if sys.stdout is None:
        raise OutputError("standard output is closed")
    return _StdoutBytes()


def _run_jsonl_file(args, resume_at: int | None, execute) -> None:
    """JSON Lines to a file, in place: new (truncated) or, resuming, cut back to
    its complete lines and appended to.  However the run ends, the file is
    left holding complete lines only."""
    path = args.output
    shown = printable(path)
    try:
        if resume_at is not None and os.path.exists(path):
            fh = open(path, "r+b")
            fh.truncate(resume_at)
            fh.seek(resume_at)
        else:
            if os.path.isdir(path):
                raise OutputError(f"{shown}: is a directory")
            fh = open(path, "wb")
            resume_at = 0
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    sink = JsonlSink(fh, resume_at)
    try:
        execute(sink, None)
    finally:
        try:
            fh.flush()
            if stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                fh.truncate(sink.good)  # a line cut short by the interrupt goes
            fh.close()
        except OSError as exc:
            raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None

