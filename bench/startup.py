"""Start-up cost of the command line (issue 12): ``filing-grammar check SEED``
against ``python -c "import lark, rich"`` in the same interpreter.

    .venv/bin/python bench/startup.py [--runs N] [SEED ...]

Each round runs the baseline and then every command once, so that the
machine's load falls on all of them alike; the figures are medians over the
rounds.  The target is a ratio of at most 1.5 for ``check`` of one seed.
Prints one line per command (median, min, ratio to the baseline), and the
worst ratio last.  Exit status 0 always: this measures, it does not judge.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = ("samples/000_baa583cdd3fdc5f0.txt", "samples/002_15025ed101fcb0cd.txt")


# Byte code as a user has it: pip compiles an installed package, and an
# editable one is compiled at its first import, unless PYTHONDONTWRITEBYTECODE
# says no (as it may in a sandbox); the children write theirs under a prefix
# of their own, so the warm-up rounds compile everything, ours and lark's alike.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_ENV["PYTHONPYCACHEPREFIX"] = os.path.join("/tmp", f"fg-startup-pycache-{os.getuid()}")


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20, help="rounds (default 20)")
    ap.add_argument("--warmup", type=int, default=2, help="untimed rounds first (default 2)")
    ap.add_argument("--format", default="rich", help="check's --format (default rich, into a pipe)")
    ap.add_argument("seeds", nargs="*", default=list(SEEDS))
    args = ap.parse_args(argv)

    py = sys.executable
    # the console script, as a user runs it (beside this interpreter)
    script = os.path.join(os.path.dirname(py), "filing-grammar")
    commands = {"import lark, rich": [py, "-c", "import lark, rich"]}
    for seed in args.seeds:
        commands[f"check {os.path.basename(seed)}"] = [script, "check", seed, "--format", args.format]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(args.warmup + args.runs):
        for name, cmd in commands.items():
            t = _timed(cmd)
            if i >= args.warmup:
                times[name].append(t)

    base = statistics.median(times["import lark, rich"])
    print(f"{'command':<40} {'median ms':>10} {'min ms':>8} {'ratio':>6}")
    worst = 0.0
    for name, ts in times.items():
        med = statistics.median(ts)
        ratio = med / base
        if name != "import lark, rich":
            worst = max(worst, ratio)
        print(f"{name:<40} {med * 1000:>10.1f} {min(ts) * 1000:>8.1f} {ratio:>6.2f}")
    print(f"worst ratio check/import: {worst:.2f} (target <= 1.5; {args.runs} rounds, python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
