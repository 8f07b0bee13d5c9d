"""Running the command line on hostile input, in process and as a process."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from typing import Sequence

from ..conftest import ROOT

# (command, format) pairs every input goes through
FORMATS: list[tuple[str, str]] = [("parse", "json"), ("parse", "table"),
                                  ("tree", "json"), ("tree", "text"), ("tree", "rich"),
                                  ("check", "json"), ("check", "sarif"), ("check", "concise"),
                                  ("check", "rich")]

JSON_FORMATS = {"json", "sarif"}
# the only exit codes an input may give (3 is a bug of ours)
INPUT_CODES = (0, 1)


class Hang(BaseException):
    """Raised by the alarm when a run takes far longer than it should."""


@contextlib.contextmanager
def time_limit(seconds: int):
    def on_alarm(signum, frame):
        raise Hang(f"still running after {seconds} s")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(args: Sequence[str], stdin: bytes | None = None, timeout: float = 60,
        prefix: Sequence[str] = (), env_extra: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """``python -m filing_grammar ARGS`` as a process (the console entry)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100", **(env_extra or {}))
    return subprocess.run([*prefix, sys.executable, "-m", "filing_grammar", *args], input=stdin,
                          capture_output=True, timeout=timeout, cwd=ROOT, env=env, **kw)


def assert_one_line(stderr: str, *needles: str) -> None:
    """Exactly one line, ours, naming what it should; never a traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("filing-grammar: "), stderr
    for needle in needles:
        assert needle in lines[0], (needle, stderr)


def assert_clean_result(code: int, out: str, err: str, fmt: str) -> None:
    """An input ran to the end: exit 0 or 1, nothing on stderr, JSON if asked."""
    assert "Traceback" not in err and "internal error" not in err, err
    assert code in INPUT_CODES, (code, err)
    assert err == "", err
    if fmt in JSON_FORMATS:
        json.loads(out)
