"""Many filings at once: one function per filing, and a pool of processes.

* :func:`process` does all the work of one filing for a command and format
  (read, parse, check, render) and returns a :class:`Result`: its exit
  status, its size, what the command writes for it (a JSON-ready record,
  rendered text or SARIF results) and at most one message for stderr.  It
  never raises for a file: unreadable input is status 2, a bug of ours 3.
* :class:`Pool` runs :func:`process` in N worker processes and gives the
  results back in input order (or as they finish).  Each worker has one file
  at a time, so when one dies (killed, out of memory, a crash in C) the file
  it had is known: it is reported (status 3) and the worker replaced; the
  run goes on.  Workers ignore Ctrl-C: the parent stops them.

:mod:`.batch` writes the results; the map functions for Dask or Spark are :func:`filing_grammar.parse_bytes` and
:func:`filing_grammar.check_bytes`.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .inputs import STDIN_NAME, Input
from .io import Exit

__all__ = ["Job", "Result", "process", "Pool", "default_jobs"]

OK, FINDINGS, USAGE, INTERNAL = Exit.OK, Exit.FINDINGS, Exit.USAGE, Exit.INTERNAL


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ConsoleSpec:
    """What :func:`cli.io.rendered` needs of the console the output goes to."""
    width: int = 80
    color_system: str | None = None
    is_terminal: bool = False


@dataclass(frozen=True)
class Job:
    """What to do with each filing: ``command`` (parse, check), ``fmt`` (the
    output format), ``codes`` (the checks enabled; None: all) and the console
    rendered formats are drawn for."""
    command: str
    fmt: str
    codes: frozenset | None = None
    console: Any = ConsoleSpec()  # or, in this process, cli.batch.LazyTarget
    # check: (source, codes) -> diagnostics; cli.check.check_one (a module
    # function: it pickles by name where workers are spawned)
    check: Callable | None = None


@dataclass
class Result:
    """One filing done: exit status, bytes read, what to write (``payload``),
    a line for stderr (``message``), diagnostics by code and by severity."""
    status: int
    size: int = 0
    payload: Any = None
    message: str | None = None
    codes: dict = field(default_factory=dict)
    severities: dict = field(default_factory=dict)


def _internal_message(name: str, exc: BaseException) -> str:
    from .io import internal_message
    return internal_message(name, exc)


def process(job: Job, item: Input) -> Result:
    """Everything one filing needs: never raises for the file (Ctrl-C aside)."""
    if item.error is not None:
        return Result(USAGE, message=item.error)
    from .io import InputError, clean_path, printable, read_input
    name = item.name if item.name == STDIN_NAME else clean_path(item.name)
    try:
        data = item.data if item.data is not None else read_input(item.path)
    except InputError as exc:
        return Result(USAGE, message=str(exc))
    item.data = None
    size = len(data)
    try:
        _load(job.command)
        from ..api import read_source
        src = read_source(data, name)
        del data  # one copy of the file at a time
        return paused(_work, job, src, size)
    except MemoryError:
        return Result(USAGE, size, message=f"{printable(name)}: too large to parse in the memory available")
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - the one place bugs in a file's work are caught
        return Result(INTERNAL, size, message=_internal_message(name, exc))


_loaded: set[str] = set()


def _load(command: str) -> None:
    """Load what a filing's work needs (the API and its readers, the parse
    tables, the checks), once per process, with the garbage collector paused:
    some 100,000 objects are made and none is garbage, so the collections it
    would run on the way only cost start-up."""
    if command in _loaded:
        return
    import gc
    enabled = gc.isenabled()
    gc.disable()
    try:
        from ..api import parse_source  # noqa: F401
        from ..parser import parse_tables
        parse_tables()
        if command == "check":
            from ..checks import run_checks  # noqa: F401
            from ..render.diagnostics import FileResult  # noqa: F401
    finally:
        if enabled:
            gc.enable()
    _loaded.add(command)


def paused(work, *args):
    """``work(*args)`` with the garbage collector paused.  A filing's work
    makes millions of objects on a big filing and keeps most of them until
    the end (tree, records, diagnostics): the collections the allocations
    set off would traverse them again and again, for nothing (100,000 item
    headings, issue 12: check --format sarif 11.9 -> 7.0 s, concise 6.1 ->
    3.8 s, the same peak memory).  What is garbage in a cycle is collected
    once the work is done."""
    import gc
    if not gc.isenabled():
        return work(*args)
    gc.disable()
    try:
        return work(*args)
    finally:
        gc.enable()


def _work(job: Job, src, size: int) -> Result:
    from ..api import parse_source
    if job.command == "parse":
        parsed, filing = parse_source(src)
        del parsed  # the tree goes at once: it is the big part
        status = FINDINGS if filing.unmatched else OK
        if job.fmt == "table":
            from .io import rendered
            from ..render.table import render_filings
            return Result(status, size, rendered(job.console, lambda c: render_filings(c, [filing])))
        return Result(status, size, filing.to_dict())
    from ..checks.diagnostic import Severity
    from ..render.diagnostics import FileResult
    diagnostics = job.check(src, job.codes)
    result = FileResult(src.path or STDIN_NAME, src, diagnostics)
    severities = Counter(d.severity for d in diagnostics)
    status = FINDINGS if severities.get(Severity.ERROR) else OK
    codes = dict(Counter(d.code for d in diagnostics))
    if job.fmt == "rich":  # rich is loaded only for a file with something to draw
        text = ""
        if diagnostics:
            from .io import rendered
            from ..render.diagnostics import render_plain, render_rich
            plain = None
            if not job.console.is_terminal and job.console.color_system is None:  # no style shown
                plain = render_plain([result])
            text = plain if plain is not None else rendered(
                job.console, lambda c: render_rich(c, [result], show_summary=False))
        payload: Any = (text, dict(severities))
    elif job.fmt == "concise":
        from ..render.diagnostics import render_concise
        payload = render_concise([result])
    elif job.fmt == "sarif":
        from ..render.sarif import result_texts
        payload = result_texts(result)
    else:
        from ..render.diagnostics import to_json
        payload = to_json(result)
    return Result(status, size, payload, codes=codes, severities=dict(severities))


# ---------------------------------------------------------------------------
#  the pool
# ---------------------------------------------------------------------------
def _serve(conn, job: Job, parent_ends: list) -> None:
    """A worker: a file in, its result out, until told to stop or the parent
    is gone (its end of the pipe closed: EOF)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for end in parent_ends:  # a forked child holds the parent's ends too: without
        try:                 # closing them it would never see the parent go
            end.close()
        except OSError:
            pass
    try:  # what the parent had buffered for stdout is the parent's to write
        sys.stdout = open(os.devnull, "w")
    except OSError:
        pass
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        index, item = msg
        try:
            result = process(job, item)
        except BaseException as exc:  # noqa: BLE001 - reported for the file, the worker goes on
            result = Result(INTERNAL, message=_internal_message(item.name, exc))
        try:
            conn.send((index, result))
        except (OSError, ValueError):
            return


@dataclass
class _Worker:
    """A worker process and the pipe to it."""

    process: Any
    conn: Any


def _death(name: str, exitcode: int | None) -> str:
    from .io import printable
    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit {exitcode}"
    return (f"{printable(name)}: internal error (the worker reading it died: {how}); "
            "it was replaced and the run goes on; please report this bug with the file")


class Pool:
    """``jobs`` worker processes running :func:`process` for ``job``.

    Workers are forked where the platform can (the grammar, built once here
    first, is shared), else spawned.  Use as a context manager: leaving it
    stops the workers (at once, on an exception such as Ctrl-C)."""

    def __init__(self, job: Job, jobs: int) -> None:
        import multiprocessing
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.job, self.jobs = job, jobs
        if self.ctx.get_start_method() == "fork":
            from ..parser import parse_tables
            parse_tables()  # loaded once, before the fork, for every worker
        self.workers: list[_Worker] = []
        self.replaced = 0
        for _ in range(jobs):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        for stream in (sys.stdout, sys.stderr):  # a forked child must not write them again
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                pass
        parent, child = self.ctx.Pipe()
        forked = self.ctx.get_start_method() == "fork"
        parent_ends = [parent, *(w.conn for w in self.workers)] if forked else []
        proc = self.ctx.Process(target=_serve, args=(child, self.job, parent_ends), daemon=True,
                                name="filing-grammar-worker")
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(graceful=exc_type is None)

    def close(self, graceful: bool = True) -> None:
        for w in self.workers:
            if graceful:
                try:
                    w.conn.send(None)
                except (OSError, ValueError):
                    pass
            else:
                w.process.terminate()
        for w in self.workers:
            w.process.join(timeout=5 if graceful else 1)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []

    def run(self, items: Iterable[Input], ordered: bool = True, window: int | None = None,
            tick: Callable[[], None] | None = None) -> Iterator[tuple[str, Result]]:
        """``(name, result)`` for each input: in input order, or as finished
        when not ``ordered``.  ``window`` bounds the results held back
        waiting for a slow file (and so the memory); ``tick()`` is called
        about 5 times a second while waiting."""
        from multiprocessing.connection import wait
        window = window or max(128, 64 * self.jobs)
        idle = deque(self.workers)
        busy: dict[Any, tuple[_Worker, int, str]] = {}
        done: dict[int, tuple[str, Result]] = {}
        source = iter(items)
        next_index = emit = 0
        exhausted = False
        while True:
            while idle and not exhausted and next_index - emit < window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                index, next_index = next_index, next_index + 1
                if item.error is not None:
                    done[index] = (item.name, Result(USAGE, message=item.error))
                    continue
                worker = idle.popleft()
                try:
                    worker.conn.send((index, item))
                except (OSError, ValueError):  # died while idle: replace it, the file goes to the next
                    done[index] = (item.name, self._replace(worker, item.name))
                    idle.append(self.workers[-1])
                    continue
                busy[worker.conn] = (worker, index, item.name)
            if ordered:
                while emit in done:
                    yield done.pop(emit)
                    emit += 1
            else:
                for index in sorted(done):
                    yield done.pop(index)
                emit = next_index - len(busy)
            if exhausted and not busy and not done:
                return
            if not busy:
                continue
            waitables = list(busy) + [w.process.sentinel for w, _, _ in busy.values()]
            ready = set(wait(waitables, timeout=0.2))
            if not ready:
                if tick:
                    tick()
                continue
            for conn, (worker, index, name) in list(busy.items()):
                if conn not in ready and worker.process.sentinel not in ready:
                    continue
                del busy[conn]
                try:
                    if not conn.poll():
                        raise EOFError
                    got, result = conn.recv()
                    assert got == index
                except (EOFError, OSError, AssertionError):
                    result = self._replace(worker, name)
                    idle.append(self.workers[-1])
                else:
                    idle.append(worker)
                done[index] = (name, result)

    def _replace(self, worker: _Worker, name: str) -> Result:
        """A dead worker: the result for its file, and a new worker in its place."""
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        exitcode = worker.process.exitcode
        worker.conn.close()
        self.workers.remove(worker)
        self.workers.append(self._start())
        self.replaced += 1
        return Result(INTERNAL, message=_death(name, exitcode))


def run_in_process(job: Job, items: Iterable[Input]) -> Iterator[tuple[str, Result]]:
    """The same as :meth:`Pool.run`, one file after another in this process."""
    for item in items:
        yield item.name, process(job, item)
