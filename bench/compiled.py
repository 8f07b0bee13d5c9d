"""Would compiling our own modules make us faster?  (issue 12: the HTML
target beside edgartools, which the pure-Python pipeline meets only at its
median; see bench/peers.py)

    python bench/compiled.py [--corpus ../shared/corpus] [--rounds 11]
    pip install -e '.[bench]'        # Cython, and a C compiler on the machine

Copies the package into a temporary directory, compiles the modules of the
hot path there with Cython as they are (pure Python, no type declared:
``annotation_typing=False``, so a ``str`` subclass such as a token is still
a ``str``), and times ``filing_grammar.parse`` of the corpus's HTML 8-Ks and
full text submissions in each build, a process each, as bench/peers.py does
(a first pass: ``cache.forget`` before it; CPU seconds; the best of
``--rounds``).  Each build's records of every file are compared: a build
that reads a filing differently is reported, not timed as the same work.

Without Cython, or where the build fails (no C compiler), it says so and
measures nothing.  Nothing of this is used by the package: it answers a
question (what a compiled build would give, before anyone decides to ship one).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The modules a pass over an HTML 8-K spends its time in (py-spy, issue 12's
# notes): the renderer, the lexer and parser, the tree, the readers.
MODULES = [
    "source/html.py", "source/html_render.py", "source/html_layout.py", "source/html_tags.py",
    "source/html_refs.py", "lexer.py", "automaton.py", "parser.py", "tree.py", "transform.py",
    "values.py", "read/cover.py", "read/cover_sections.py", "read/lines.py", "read/signature.py",
    "read/items.py", "read/exhibits.py", "read/envelope.py",
]

# What a child process runs: the passes over one kind of filing, in the
# package at sys.argv[1]; prints the best CPU seconds and a digest of the records.
_TIMER = r"""
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
import filing_grammar as fg
from filing_grammar import cache
paths, rounds = json.loads(sys.argv[2]), int(sys.argv[3])
files = [(p, open(p, "rb").read()) for p in paths]
digest = hashlib.md5()
for p, d in files:
    digest.update(json.dumps(fg.parse(d, p).to_dict(), sort_keys=True, default=str).encode())
best = None
for _ in range(rounds):
    cache.forget()
    start = time.process_time()
    for p, d in files:
        fg.parse(d, p)
    took = time.process_time() - start
    best = took if best is None or took < best else best
import filing_grammar.lexer as lexer
print(json.dumps({"seconds": best, "records": digest.hexdigest(), "compiled": not lexer.__file__.endswith(".py")}))
"""


def _compile(root: str) -> str | None:
    """Compile MODULES of the package copied under ``root``, in place; None,
    or why not (no Cython; a build that failed: no C compiler ...)."""
    try:
        import Cython  # noqa: F401, PLC0415
    except ImportError:
        return "Cython is not installed (pip install -e '.[bench]')"
    setup = os.path.join(root, "build_compiled.py")
    with open(setup, "w", encoding="utf-8") as fh:
        fh.write(
            "import sys\n"
            "from setuptools import setup\n"
            "from Cython.Build import cythonize\n"
            f"setup(ext_modules=cythonize({[os.path.join('filing_grammar', m) for m in MODULES]!r}, quiet=True,\n"
            "      compiler_directives={'language_level': 3, 'binding': True, 'annotation_typing': False}),\n"
            "      script_args=['build_ext', '--inplace'])\n")
    done = subprocess.run([sys.executable, setup], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        return "the build failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    return None


def _time(package_root: str, paths: list[str], rounds: int, cwd: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _TIMER, package_root, json.dumps(paths), str(rounds)],
                         capture_output=True, text=True, check=True, cwd=cwd)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--rounds", type=int, default=11, help="timed passes of each build (best kept)")
    args = ap.parse_args(argv)
    if not os.path.isfile(os.path.join(args.corpus, "MANIFEST.tsv")):
        print(f"no corpus at {args.corpus} (MANIFEST.tsv): nothing to measure")
        return 0
    sys.path.insert(0, HERE)
    from peers import corpus_files  # noqa: PLC0415
    kinds = corpus_files(args.corpus)

    with tempfile.TemporaryDirectory(prefix="fg-compiled-") as work:
        root = os.path.join(work, "copy")
        os.makedirs(root)
        shutil.copytree(os.path.join(ROOT, "filing_grammar"), os.path.join(root, "filing_grammar"),
                        ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.c"))
        shutil.copytree(os.path.join(ROOT, "grammar"), os.path.join(root, "grammar"))
        why = _compile(root)
        if why is not None:
            print(f"no compiled build: {why}")
            return 0
        print(f"{'kind':<5} {'files':>5} | {'pure s':>7} | {'compiled s':>10} | {'speed-up':>8} | records")
        for kind, paths in kinds.items():
            pure = _time(ROOT, paths, args.rounds, work)
            built = _time(root, paths, args.rounds, work)
            if pure["compiled"] or not built["compiled"]:
                print("the builds were not the ones meant (a compiled module in the tree, or none in the copy)")
                return 1
            same = "same" if pure["records"] == built["records"] else "DIFFER"
            print(f"{kind:<5} {len(paths):>5} | {pure['seconds']:>7.3f} | {built['seconds']:>10.3f} | "
                  f"{pure['seconds'] / built['seconds']:>7.2f}x | {same}")
    print(f"compiled: {len(MODULES)} modules of filing_grammar, with Cython, untyped "
          "(each build timed in a process of its own)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
