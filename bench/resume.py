"""A big batch killed halfway and resumed (issue 13): memory and exactness.

    python bench/resume.py                     # 20,000 copies of corpus files <= 30 KB
    python bench/resume.py --files 2000 --jobs 2

Copies corpus files of at most ``--max-kb`` (about EDGAR's mean 8-K size) into
a temporary directory until there are ``--files`` of them, then runs
``check DIR --jobs N --format jsonl -o OUT`` as a user would, sends it SIGINT
when OUT holds half the files, and runs the same command with ``--resume``.
While each run lasts, the resident memory of the command and all its workers
(the whole process tree, summed from /proc) is sampled every 50 ms.

Prints the exit status and lines of each run, the peak RSS of the tree and
its spread from 10% to 90% of the run (constant memory shows as a small
spread), and the end state of OUT: lines, distinct paths, whether every line
parses as JSON.  Linux only (/proc).  Measures; exit status 0 unless the
output is wrong (a line missing, doubled or torn).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "files")


def make_batch(directory: str, source: str, files: int, max_kb: int) -> int:
    small = sorted(n for n in os.listdir(source)
                   if os.path.getsize(os.path.join(source, n)) <= max_kb * 1024)
    size = 0
    for i in range(files):
        name = small[i % len(small)]
        folder = os.path.join(directory, f"d{i // 1000:03d}")
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, f"{i:06d}_{name}")
        shutil.copyfile(os.path.join(source, name), target)
        size += os.path.getsize(target)
    return size


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as fh:
                resident = int(fh.read().split()[1])
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = resident * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def count_lines(path: str) -> int:
    try:
        with open(path, "rb") as fh:
            return fh.read().count(b"\n")
    except OSError:
        return 0


def run(args: list[str], out: str, interrupt_at: int | None) -> tuple[int, list[int], float]:
    env = dict(os.environ, PYTHONPATH=ROOT)
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples, sent = [], False
    while proc.poll() is None:
        samples.append(tree_rss(proc.pid))
        if interrupt_at is not None and not sent and count_lines(out) >= interrupt_at:
            proc.send_signal(signal.SIGINT)
            sent = True
        time.sleep(0.05)
    proc.stderr.read()
    return proc.returncode, [s for s in samples if s], time.perf_counter() - start


def describe(name: str, rc: int, samples: list[int], seconds: float, lines: int) -> None:
    mb = [s / 1e6 for s in samples]
    middle = mb[len(mb) // 10: max(len(mb) * 9 // 10, len(mb) // 10 + 1)]
    print(f"{name}: exit {rc}, {seconds:.1f} s, {lines:,} lines in the output; "
          f"peak RSS of the process tree {max(mb):.1f} MB; "
          f"10%-90% of the run {min(middle):.1f}-{max(middle):.1f} MB ({len(mb)} samples)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--files", type=int, default=20_000)
    ap.add_argument("--max-kb", type=int, default=30)
    ap.add_argument("--jobs", type=int, default=2)
    opts = ap.parse_args()
    if not os.path.isdir(opts.corpus):
        sys.exit(f"no corpus at {opts.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        batch, out = os.path.join(tmp, "batch"), os.path.join(tmp, "out.jsonl")
        size = make_batch(batch, opts.corpus, opts.files, opts.max_kb)
        print(f"{opts.files:,} files, {size / 1e6:.0f} MB (copies of corpus files <= {opts.max_kb} KB); "
              f"check --jobs {opts.jobs} --format jsonl -o OUT")
        args = [sys.executable, "-m", "filing_grammar", "check", batch, "--jobs", str(opts.jobs),
                "--format", "jsonl", "-o", out, "--no-progress"]
        rc, samples, seconds = run(args, out, interrupt_at=opts.files // 2)
        first = count_lines(out)
        describe("first run (SIGINT at half)", rc, samples, seconds, first)
        rc, samples, seconds = run(args + ["--resume"], out, interrupt_at=None)
        lines = count_lines(out)
        describe("--resume", rc, samples, seconds, lines)
        with open(out, "rb") as fh:
            data = fh.read()
        paths, torn = [], 0
        for line in data.splitlines():
            try:
                paths.append(json.loads(line)["path"])
            except (ValueError, KeyError):
                torn += 1
        ends = data.endswith(b"\n")
        print(f"OUT: {lines:,} lines, {len(set(paths)):,} distinct paths, {torn} not JSON; "
              f"resume wrote {lines - first:,}; ends with a newline: {ends}")
        ok = lines == opts.files == len(set(paths)) == len(paths) and not torn
        print("exactly one line per file" if ok else "WRONG: lines missing, doubled or torn")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
