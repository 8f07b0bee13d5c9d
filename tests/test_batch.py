"""Batches (issue 13): inputs of every kind, a pool of workers, JSON Lines,
Parquet, --resume after a kill, the summary, and the map functions."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile

import pytest

import filing_grammar as fg
from filing_grammar.cli import main
from filing_grammar.cli.batch import read_done
from filing_grammar.cli.inputs import expand

from .conftest import CORPUS, ROOT, SAMPLES

FILINGS = sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.htm")])
BROKEN = sorted((SAMPLES / "broken").glob("*.txt"))


def cli(*args, stdin: bytes | None = None, timeout: float = 120, cwd=ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    env.pop("CI", None)
    return subprocess.run([sys.executable, "-m", "filing_grammar", *args], input=stdin, capture_output=True,
                          timeout=timeout, cwd=cwd, env=env)


@pytest.fixture
def here(capsysbinary, monkeypatch):
    """The command line in this process, one job (no pool: forking the test
    process is left to the subprocess runs): (exit code, stdout, stderr)."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("CI", raising=False)

    def run(*args):
        capsysbinary.readouterr()
        code = main([*args, "--jobs", "1"])
        out, err = capsysbinary.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)
    return run


def jsonl(text: bytes | str) -> list[dict]:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def without_path(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "path"} for r in records]


@pytest.fixture
def tree(tmp_path):
    """samples/ copied into a/ and a/b/, with files that are not filings and
    a hidden directory beside them."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / ".hidden").mkdir()
    for p in FILINGS[:3]:
        shutil.copy(p, tmp_path / "a" / p.name)
        shutil.copy(p, tmp_path / "a" / "b" / p.name)
    shutil.copy(FILINGS[0], tmp_path / "a" / ".hidden" / FILINGS[0].name)
    (tmp_path / "a" / "notes.md").write_text("not a filing")
    (tmp_path / "a" / "x.records.json").write_text("{}")
    return tmp_path


# ---------------------------------------------------------------------------
#  inputs
# ---------------------------------------------------------------------------
def test_a_directory_is_its_filings_recursively_in_order(tree):
    names = [i.name for i in expand([str(tree / "a")])]
    top = sorted(str(tree / "a" / p.name) for p in FILINGS[:3])
    sub = sorted(str(tree / "a" / "b" / p.name) for p in FILINGS[:3])
    assert names == top + sub  # a directory's files, then its subdirectories, each sorted
    assert not any(".hidden" in n or n.endswith((".md", ".json")) for n in names)


def test_globs_archives_and_paths_on_stdin(tree, monkeypatch):
    a = tree / "a"
    assert [i.name for i in expand([str(a / "*.txt")])] == sorted(str(p) for p in a.glob("*.txt"))
    assert len(list(expand([str(a / "**" / "*.txt")]))) == 2 * len(list(a.glob("*.txt")))
    with zipfile.ZipFile(tree / "f.zip", "w") as zf:
        zf.write(FILINGS[0], "in/" + FILINGS[0].name)
        zf.writestr("in/readme.md", "no")
    got = list(expand([str(tree / "f.zip")]))
    assert [i.name for i in got] == [f"{tree / 'f.zip'}!in/{FILINGS[0].name}"]
    assert got[0].data == FILINGS[0].read_bytes() and got[0].path is None
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        f"{a / FILINGS[0].name}\n\n{tree / 'f.zip'}\n".encode())))
    assert [i.name for i in expand(["-"], stdin_paths=True)] == [str(a / FILINGS[0].name), got[0].name]


def test_a_damaged_archive_is_one_error_and_the_rest_goes_on(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is no zip")
    proc = cli("parse", str(bad), str(FILINGS[0]), "--format", "jsonl")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "bad.zip: not a readable zip archive" in err and "Traceback" not in err
    assert [r["path"] for r in jsonl(proc.stdout)] == [str(FILINGS[0])]


# ---------------------------------------------------------------------------
#  archives read in place give the records of the files
# ---------------------------------------------------------------------------
def _archive_equals_files(files: list, tmp_path, kind: str, here, pool: bool = True) -> None:
    archive = tmp_path / f"filings.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in files:
                zf.write(p, p.name)
    else:
        with tarfile.open(archive, "w:gz") as tf:
            for p in files:
                tf.add(p, p.name)
    from_files = here("parse", *map(str, files), "--format", "jsonl")
    from_archive = here("parse", str(archive), "--format", "jsonl")
    assert from_files.returncode == from_archive.returncode
    a, b = jsonl(from_files.stdout), jsonl(from_archive.stdout)
    assert [r["path"] for r in b] == [f"{archive}!{p.name}" for p in files]
    assert len(a) == len(files) and without_path(a) == without_path(b)
    if pool:  # members go to the workers as bytes
        assert cli("parse", str(archive), "--format", "jsonl", "--jobs", "2").stdout == from_archive.stdout
    checks_a = here("check", *map(str, files), "--format", "jsonl")
    checks_b = here("check", str(archive), "--format", "jsonl")
    assert without_path(jsonl(checks_a.stdout)) == without_path(jsonl(checks_b.stdout))


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_an_archive_of_the_samples_gives_the_records_of_its_files(kind, tmp_path, here):
    _archive_equals_files(FILINGS, tmp_path, kind, here, pool=kind == "zip")


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "files").is_dir(), reason="the corpus (../shared/corpus) is not here")
def test_a_zip_of_the_corpus_gives_the_records_of_its_files(tmp_path, here):
    _archive_equals_files(sorted((CORPUS / "files").iterdir()), tmp_path, "zip", here)


# ---------------------------------------------------------------------------
#  the pool
# ---------------------------------------------------------------------------
SOME = [str(p) for p in [*FILINGS, *BROKEN[:6]]]


@pytest.mark.parametrize("command,fmt", [("parse", "json"), ("parse", "table"), ("check", "rich"),
                                         ("check", "json"), ("check", "sarif"), ("check", "concise")])
def test_jobs_give_what_one_process_gives(command, fmt, here):
    one = here(command, *SOME, "--format", fmt)
    three = cli(command, *SOME, "--format", fmt, "--jobs", "3")
    assert (one.returncode, one.stdout, one.stderr) == (three.returncode, three.stdout, three.stderr)
    assert one.returncode == (1 if command == "check" else 0) and one.stderr == b"" and one.stdout


def test_unordered_gives_the_same_records_in_any_order(here):
    ordered = jsonl(here("check", *SOME, "--format", "jsonl", "--no-summary").stdout)
    unordered = jsonl(cli("check", *SOME, "--format", "jsonl", "--unordered", "--jobs", "2",
                          "--no-summary").stdout)
    assert [r["path"] for r in ordered] == SOME
    assert sorted(unordered, key=lambda r: r["path"]) == sorted(ordered, key=lambda r: r["path"])


_KILL_ONE = """
import os, signal, sys
import filing_grammar.api as api
real = api.parse_source
target = sys.argv.pop(1)
def parse_source(src):
    if src.path and src.path.endswith(target):
        os.kill(os.getpid(), signal.SIGKILL)  # the worker dies as in a crash of C code
    return real(src)
api.parse_source = parse_source
from filing_grammar.cli import entry
entry()
"""


def test_a_worker_that_dies_is_reported_for_its_file_and_replaced():
    victim = FILINGS[1]
    paths = [str(p) for p in FILINGS]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", _KILL_ONE, victim.name, "parse", *paths, "--format",
                           "jsonl", "--jobs", "2", "--no-summary"], capture_output=True, timeout=120,
                          cwd=ROOT, env=env)
    assert proc.returncode == 3
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and victim.name in lines[0] and "killed by SIGKILL" in lines[0], lines
    assert [r["path"] for r in jsonl(proc.stdout)] == [p for p in paths if p != str(victim)]


# ---------------------------------------------------------------------------
#  JSON Lines, the summary, exit status
# ---------------------------------------------------------------------------
def test_jsonl_is_the_json_records_one_a_line(tmp_path, here):
    paths = [str(p) for p in FILINGS]
    array = json.loads(here("parse", *paths).stdout)
    out = tmp_path / "out.jsonl"
    proc = here("parse", *paths, "--format", "jsonl", "-o", str(out))
    assert proc.returncode == 0
    assert jsonl(out.read_bytes()) == array
    # the summary, on stderr: files, MB, time, rate, exit statuses
    err = proc.stderr.decode().splitlines()
    assert err[0].startswith(f"filing-grammar: summary: {len(paths)} files, ") and "MB/s" in err[0]
    assert err[1] == f"filing-grammar: by exit status: 0 OK {len(paths)}"


def test_the_batch_exit_status_is_the_worst_of_its_files(tmp_path):
    proc = cli("check", str(FILINGS[0]), *map(str, BROKEN[:3]), str(tmp_path / "gone.txt"),
               "--format", "jsonl", "--jobs", "2")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "gone.txt: no such file" in err and "by exit status: 0 OK 1, 1 FINDINGS 3, 2 USAGE 1" in err
    assert "by code: " in err
    assert len(jsonl(proc.stdout)) == 4


def test_resume_cuts_a_half_written_line_and_writes_each_file_once(tmp_path, here):
    paths = [str(p) for p in FILINGS]
    out = tmp_path / "out.jsonl"
    whole = here("parse", *paths, "--format", "jsonl").stdout
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:4]) + lines[4][:50])  # killed in the middle of line 5
    assert read_done(str(out)) == ({r["path"] for r in jsonl(b"".join(lines[:4]))}, len(b"".join(lines[:4])))
    proc = cli("parse", *paths, "--format", "jsonl", "-o", str(out), "--resume", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert "4 skipped (already in the output)" in proc.stderr.decode()
    assert out.read_bytes() == whole  # in order, as one run would have written it
    again = here("parse", *paths, "--format", "jsonl", "-o", str(out), "--resume")
    assert again.returncode == 0 and out.read_bytes() == whole


def test_resume_needs_jsonl_to_a_file(here):
    proc = here("parse", str(FILINGS[0]), "--resume")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "filing-grammar: parse: --resume needs --format jsonl and -o FILE"


def _sigint_then_resume(tmp_path, copies: int) -> tuple[int, int, int]:
    """A batch of ``copies`` copies of the samples through check --jobs 2,
    interrupted (SIGINT) once its first line is written, then resumed: (lines
    after the kill, lines after the resume, files).  (Signalled at a third, it
    ended first more than once, even with 308 files: the rest took less than
    the test's poll and the signal.)"""
    src = tmp_path / "in"
    for i in range(copies):
        (src / f"c{i:03d}").mkdir(parents=True)
        for p in FILINGS:
            shutil.copy(p, src / f"c{i:03d}" / p.name)
    total = copies * len(FILINGS)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "filing_grammar", "check", str(src), "--jobs", "2", "--format", "jsonl",
            "-o", str(out)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until a line is written
        if out.exists() and out.read_bytes().count(b"\n") >= 1:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"interrupted" in err and b"Traceback" not in err
    data = out.read_bytes()
    assert data.endswith(b"\n")
    first = jsonl(data)  # valid up to its last line
    assert 0 < len(first) < total
    resumed = subprocess.run(args + ["--resume"], capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    records = jsonl(out.read_bytes())
    paths = [r["path"] for r in records]
    assert len(paths) == len(set(paths)) == total
    return len(first), len(records), total


@pytest.mark.slow
def test_sigint_then_resume_gives_one_line_per_file(tmp_path):
    first, last, total = _sigint_then_resume(tmp_path, 28)  # 308 files
    assert last == total


def test_sigint_then_resume_small(tmp_path):
    first, last, total = _sigint_then_resume(tmp_path, 10)
    assert last == total


# ---------------------------------------------------------------------------
#  Parquet
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["parse", "check"])
def test_parquet_reads_back_as_the_jsonl_records(command, tmp_path, here):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (extra [parquet])")
    from filing_grammar.parquet import as_json, schema
    paths = [str(p) for p in [*FILINGS, *BROKEN]]
    out = tmp_path / "out.parquet"
    proc = here(command, *paths, "--format", "parquet", "-o", str(out))
    assert proc.returncode == 1, proc.stderr  # broken samples: unmatched text, errors
    table = pq.read_table(out)
    assert table.schema == schema(command) and table.num_rows == len(paths)
    expected = jsonl(here(command, *paths, "--format", "jsonl").stdout)
    assert [as_json(row, command) for row in table.to_pylist()] == expected


def test_parquet_needs_a_file(here):
    proc = here("parse", str(FILINGS[0]), "--format", "parquet")
    assert proc.returncode == 2 and b"needs -o FILE" in proc.stderr


# ---------------------------------------------------------------------------
#  the map functions
# ---------------------------------------------------------------------------
def test_parse_bytes_and_check_bytes_are_the_records_of_the_command_line(here):
    paths = SOME
    records = jsonl(here("parse", *paths, "--format", "jsonl").stdout)
    checks = jsonl(here("check", *paths, "--format", "jsonl").stdout)
    for path, record, check in zip(paths, records, checks):
        data = open(path, "rb").read()
        assert fg.parse_bytes(data, name=path) == record
        assert fg.check_bytes(data, name=path) == check
    assert pickle.loads(pickle.dumps(fg.parse_bytes)) is fg.parse_bytes
    assert pickle.loads(pickle.dumps(fg.check_bytes)) is fg.check_bytes
    only = fg.check_bytes(open(BROKEN[0], "rb").read(), "x", select=["FG1"])
    assert all(d["code"].startswith("FG1") for d in only["diagnostics"])


def _readme_block(after: str, lang: str = "python") -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"```{lang}\n", text.index(after)) + len(lang) + 4
    return text[start:text.index("```", start)]


def test_the_readme_dask_example_runs_on_a_local_cluster(tmp_path):
    """README, "At scale": the Dask block, run as it stands over the samples on
    a local cluster of 2 processes; its Parquet holds the records."""
    pytest.importorskip("dask.bag", reason="dask is not installed (extra [dask])")
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (extra [parquet])")
    from filing_grammar.parquet import as_json
    paths = [str(p) for p in FILINGS]
    scope = {"paths": paths, "OUT": str(tmp_path), "__name__": "readme_example"}
    exec(compile(_readme_block("<!-- dask example"), "README.md (dask example)", "exec"), scope)
    assert sorted(n for _, n in scope["parts"]) != [] and sum(n for _, n in scope["parts"]) == len(paths)
    rows = [as_json(r, "parse") for out, _ in scope["parts"] for r in pq.read_table(out).to_pylist()]
    expected = [fg.parse_bytes(open(p, "rb").read(), name=p) for p in paths]
    assert sorted(rows, key=lambda r: r["path"]) == sorted(expected, key=lambda r: r["path"])


def _arrow_type(t) -> str:
    import pyarrow as pa
    if pa.types.is_struct(t):
        return "struct<" + ", ".join(f"{f.name}: {_arrow_type(f.type)}" for f in t) + ">"
    if pa.types.is_map(t):
        return f"map<{_arrow_type(t.key_type)}, {_arrow_type(t.item_type)}>"
    if pa.types.is_list(t):
        return f"list<{_arrow_type(t.value_type)}>"
    return {"bool": "bool"}.get(str(t), str(t))


@pytest.mark.parametrize("command,after", [("parse", "### Parquet"), ("check", "and `check`:")])
def test_the_readme_parquet_schema_is_the_schema_written(command, after):
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (extra [parquet])")
    from filing_grammar.parquet import schema
    documented = " ".join(_readme_block(after, "").split()).replace("< ", "<").replace(" >", ">")
    written = " ".join(f"{f.name}: {_arrow_type(f.type)}" for f in schema(command))
    assert documented == written


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs /proc (Linux)")
def test_workers_go_when_the_parent_is_killed(tmp_path):
    """kill -9 of the command: its workers see their pipe close and exit (a
    forked worker closes the parent's ends it inherited), none is left."""
    src = tmp_path / "in"
    for i in range(4):
        (src / f"c{i}").mkdir(parents=True)
        for p in FILINGS:
            shutil.copy(p, src / f"c{i}" / p.name)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "filing_grammar", "parse", str(src), "--jobs", "2",
                             "--format", "jsonl", "-o", str(out)], stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and out.stat().st_size):
        time.sleep(0.02)
    with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as fh:
        workers = [int(pid) for pid in fh.read().split()]
    assert len(workers) == 2
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in workers):
        time.sleep(0.05)
    assert not any(os.path.exists(f"/proc/{pid}") for pid in workers)


@pytest.mark.parametrize("command, tally", [("check", "errors 1 failed 1"), ("parse", "unmatched 0 failed 1")])
def test_the_progress_bar_counts_files_with_errors_and_files_that_failed(command, tally, tmp_path):
    """--progress on stderr (no terminal here): every file counted, files of
    exit 1 under their own name (an error for check), unreadable ones apart."""
    missing = tmp_path / "gone.txt"  # not there: exit 2 for that file
    proc = cli(command, str(SAMPLES / "broken" / "03_unknown_item_2_07.txt"), str(SAMPLES / "000_baa583cdd3fdc5f0.txt"),
               str(missing), "--jobs", "1", "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"), "--progress")
    err = proc.stderr.decode()
    bar = next(line for line in err.splitlines() if line.startswith("filing-grammar ") and "files" in line)
    assert "3/3 files" in bar and tally in bar
