"""Inputs that cannot be read: exit 2, one line naming the path, no hang;
the other files of a batch still parse."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess

import pytest

from ..conftest import SAMPLES
from .util import FORMATS, assert_one_line, run

GOOD = str(SAMPLES / "000_baa583cdd3fdc5f0.txt")
COMMANDS = sorted({command for command, fmt in FORMATS if fmt == "json"})  # parse, tree, check


def check_unreadable(path: str, *needles: str, prefix=()) -> None:
    for command in COMMANDS:
        proc = run([command, path, "--format", "json"], timeout=30, prefix=prefix)
        assert proc.returncode == 2, proc
        assert_one_line(proc.stderr.decode(), *needles)
        assert json.loads(proc.stdout) is None  # still one JSON document
    # in a batch: the good file is parsed, the bad one reported
    proc = run(["parse", path, GOOD], timeout=30, prefix=prefix)
    assert proc.returncode == 2
    assert_one_line(proc.stderr.decode(), *needles)
    records = json.loads(proc.stdout)
    assert [r["path"] for r in records] == [GOOD]


def test_nonexistent(tmp_path):
    check_unreadable(str(tmp_path / "nope.txt"), "nope.txt: no such file")


def test_directory(tmp_path):
    """``tree`` reads one file: a directory is refused.  ``parse`` and ``check``
    read the filings in a directory (issue 13): one with none is one line and
    exit 2, and the output is still one JSON document (an empty array)."""
    proc = run(["tree", str(tmp_path), "--format", "json"], timeout=30)
    assert proc.returncode == 2
    assert_one_line(proc.stderr.decode(), ": is a directory")
    assert json.loads(proc.stdout) is None
    (tmp_path / "notes.md").write_text("not a filing")
    for command in ("parse", "check"):
        proc = run([command, str(tmp_path), "--format", "json"], timeout=30)
        assert proc.returncode == 2, proc
        assert_one_line(proc.stderr.decode(), ": no filings in this directory")
        assert json.loads(proc.stdout) == []
    proc = run(["parse", str(tmp_path), GOOD], timeout=30)
    assert proc.returncode == 2
    assert_one_line(proc.stderr.decode(), ": no filings in this directory")
    assert [r["path"] for r in json.loads(proc.stdout)] == [GOOD]


def test_broken_symlink(tmp_path):
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "gone")
    check_unreadable(str(link), "dangling: broken symbolic link")


def test_symlink_loop(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    check_unreadable(str(tmp_path / "a"), "a: cannot read")


def test_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody ever writes: opening it for reading would block
    check_unreadable(str(fifo), "pipe: not a regular file (a FIFO)")


def test_symlink_to_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link").symlink_to(tmp_path / "pipe")
    check_unreadable(str(tmp_path / "link"), "link: not a regular file (a FIFO)")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_device_is_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent")
    check_unreadable(device, f"{device}: not a regular file (a character device)")


def test_socket(tmp_path):
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        check_unreadable(str(path), "sock: not a regular file (a socket)")


def test_not_a_directory_in_path(tmp_path):
    check_unreadable(GOOD + "/x.txt", "x.txt: cannot read (Not a directory)")


def _without_read_permission():
    """How to run a process for which a mode-000 file is unreadable.

    Root reads any file whatever its mode (CAP_DAC_OVERRIDE), so as root the
    process runs with that capability (and CAP_DAC_READ_SEARCH) dropped from
    its bounding set by setpriv(1); the kernel then applies the mode bits.
    """
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv(1): file modes do not stop root")
    prefix = (setpriv, "--bounding-set", "-dac_override,-dac_read_search")
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr.decode().strip()}")
    return prefix


def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    shutil.copy(GOOD, locked)
    locked.chmod(0)
    try:
        check_unreadable(str(locked), "locked.txt: permission denied", prefix=_without_read_permission())
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_unprintable_file_names(tmp_path):
    """A name that is not UTF-8, or holds a newline or an escape sequence:
    the message stays one line and shows the characters, the record's path
    is valid JSON."""
    weird = os.fsencode(tmp_path) + b"/bad\xff\x1b[31m\nname.txt"
    with open(weird, "wb") as fh:
        fh.write(open(GOOD, "rb").read())
    proc = run(["parse", weird])
    assert proc.returncode == 0, proc.stderr
    assert "bad\ufffd\x1b[31m\nname.txt" in json.loads(proc.stdout)["path"]
    missing = weird + b".gone"
    proc = run(["parse", missing])
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert_one_line(err, "bad\ufffd\\x1b[31m\\x0aname.txt.gone: no such file")
    assert "\x1b" not in err


def test_stdin_closed():
    proc = run(["parse", "-"], preexec_fn=lambda: os.close(0))  # like `<&-`
    assert proc.returncode == 2
    assert_one_line(proc.stderr.decode(), "<stdin>")
    assert json.loads(proc.stdout) is None


def test_output_errors(tmp_path):
    """-o into a missing directory or onto a directory: exit 2, one line."""
    proc = run(["parse", GOOD, "-o", str(tmp_path / "no" / "such" / "dir.json")])
    assert proc.returncode == 2
    assert_one_line(proc.stderr.decode(), "dir.json: cannot write")
    proc = run(["parse", GOOD, "-o", str(tmp_path)])
    assert proc.returncode == 2
    assert_one_line(proc.stderr.decode(), "is a directory")


def test_output_to_a_device_is_written_not_replaced():
    """-o /dev/null writes into the device; renaming a temp file over it
    would replace /dev/null with a regular file (we run as root in CI)."""
    proc = run(["parse", GOOD, "-o", "/dev/null"])
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_usage_errors_exit_two():
    for args in ([], ["parse"], ["parse", "--format", "xml", GOOD], ["nope"], ["tree", GOOD, GOOD]):
        proc = run(args)
        assert proc.returncode == 2, args
        err = proc.stderr.decode()
        assert "Traceback" not in err and "error:" in err


def test_api_parse_file_refuses_what_is_not_a_regular_file(tmp_path):
    import filing_grammar as fg
    os.mkfifo(tmp_path / "pipe")
    for path in (tmp_path / "pipe", tmp_path, "/dev/zero"):
        with pytest.raises(OSError):
            fg.parse_file(path)
    assert fg.parse_file(GOOD).cover.registrant_name == "CWMBS, INC."
