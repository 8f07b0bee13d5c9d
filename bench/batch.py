"""Files per second of ``check --jobs N`` over a batch of copies of the corpus.

    python bench/batch.py                 # 2 copies of ../shared/corpus, --jobs 1 and 2
    python bench/batch.py --copies 4 --jobs 1 2 4 --repeat 3

Each run is the whole command as a user runs it (start-up, the walk of the
directory, the workers, JSON Lines to /dev/null), timed by the wall clock;
the best of ``--repeat`` runs counts, the runs of each ``--jobs`` interleaved.  It prints files/s for each ``--jobs``
and the ratio to the first, and the load average before and after: on a
shared machine other work takes cores too, so read the ratio with it.  The
copies are made under a temporary directory and removed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "files")


def make_batch(directory: str, copies: int, source: str) -> tuple[int, int]:
    files = size = 0
    names = sorted(os.listdir(source))
    for i in range(copies):
        target = os.path.join(directory, f"copy{i:03d}")
        os.makedirs(target)
        for name in names:
            shutil.copy(os.path.join(source, name), os.path.join(target, name))
            files += 1
            size += os.path.getsize(os.path.join(source, name))
    return files, size


def run(batch: str, jobs: int, command: str) -> float:
    args = [sys.executable, "-m", "filing_grammar", command, batch, "--jobs", str(jobs),
            "--format", "jsonl", "-o", os.devnull, "--no-summary", "--no-progress"]
    env = dict(os.environ, PYTHONPATH=ROOT)
    start = time.perf_counter()
    proc = subprocess.run(args, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)}: exit {proc.returncode}\n{proc.stderr.decode()}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--command", choices=("check", "parse"), default="check")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="fg-batch-bench-") as tmp:
        files, size = make_batch(tmp, args.copies, args.corpus)
        print(f"{args.command}: {files} files, {size / 1e6:.1f} MB ({args.copies} copies of the corpus); "
              f"{os.cpu_count()} cores; load average before {os.getloadavg()[0]:.2f}")
        times: dict[int, list[float]] = {jobs: [] for jobs in args.jobs}
        for _ in range(args.repeat):  # interleaved: a burst of other work hits each alike
            for jobs in args.jobs:
                times[jobs].append(run(tmp, jobs, args.command))
        rates = {}
        for jobs in args.jobs:
            best = min(times[jobs])
            rates[jobs] = files / best
            print(f"  --jobs {jobs}: {best:6.2f} s  {rates[jobs]:6.1f} files/s  {size / 1e6 / best:5.2f} MB/s"
                  f"  x{rates[jobs] / rates[args.jobs[0]]:.2f}   (runs: {', '.join(f'{t:.2f}' for t in times[jobs])} s)")
        print(f"load average after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
