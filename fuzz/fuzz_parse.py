"""Coverage-guided fuzzing of the whole pipeline with atheris.

    .venv/bin/python fuzz/fuzz_parse.py [libFuzzer options] [CORPUS_DIR ...]
    make fuzz                     # FUZZ_SECONDS=1800 by default

Every input (arbitrary bytes) must:

* parse with ``fg.parse`` and ``fg.parse_tree`` without an exception;
* give a tree whose tokens, in order and without overlap, spell the decoded
  text (the lossless invariant);
* give a record that ``json.dumps`` accepts;
* go through the command line (``parse``, ``tree`` and ``check`` as JSON, and
  for one input in four ``parse --format table`` and ``check --format rich``)
  with exit code 0 or 1, valid JSON on stdout where JSON was asked, and
  nothing on stderr (exit 3, "internal error", is exactly what we hunt).

With no corpus directory given, ``fuzz/corpus-work/`` is used, seeded with
``samples/*.txt`` (and, when present, a few hundred filings of
``../shared/corpus``).  Crashes are written as ``crash-*`` files by libFuzzer;
each one found becomes a regression test in ``tests/hostile/``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
import zlib

import atheris

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

with atheris.instrument_imports(include=["filing_grammar"]):
    import filing_grammar as fg
    from filing_grammar import cli  # the package imports every command (cli/*.py)
    from filing_grammar.tree import tree_tokens

# The CLI reads its input from a file, as a user's batch would.
_SCRATCH = os.path.join(tempfile.mkdtemp(prefix="fg-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None), "input.txt")


def check_lossless(data: bytes) -> None:
    src = fg.read_source(data)
    tree = fg.parse_tree(data).tree
    pos = 0
    for tok in tree_tokens(tree):
        if tok.value:
            if tok.start_pos != pos:
                raise AssertionError(f"token at {tok.start_pos} but text is at {pos}: {tok!r}")
            pos = tok.end_pos
    if fg.tree_text(tree) != src.text:
        raise AssertionError("tokens do not spell the decoded input")
    if pos != len(src.text):
        raise AssertionError(f"tokens end at {pos}, text at {len(src.text)}")


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(args)
    return code, out.getvalue(), err.getvalue()



def check_cli(data: bytes) -> None:
    with open(_SCRATCH, "wb") as fh:
        fh.write(data)
    runs = [(["parse", _SCRATCH], True), (["tree", _SCRATCH, "--format", "json"], True),
            (["check", _SCRATCH, "--format", "json"], True)]
    if zlib.crc32(data) % 4 == 0:  # rich output is slow: one input in four
        runs.append((["parse", _SCRATCH, "--format", "table"], False))
        runs.append((["check", _SCRATCH, "--format", "rich"], False))
    for args, is_json in runs:
        code, out, err = run_cli(args)
        if code not in (0, 1) or err:
            raise AssertionError(f"{args[0]} {' '.join(args[2:])}: exit {code}, stderr {err!r}")
        if is_json:
            json.loads(out)


def test_one_input(data: bytes) -> None:
    check_lossless(data)
    record = fg.parse(data).to_dict()
    json.dumps(record, ensure_ascii=False)
    check_cli(data)


def seed_corpus(directory: str) -> None:
    os.makedirs(directory, exist_ok=True)
    samples = os.path.join(ROOT, "samples")
    for name in sorted(os.listdir(samples)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(samples, name), os.path.join(directory, name))
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "files")
    if os.path.isdir(corpus):  # a few small real filings of other vintages
        small = [n for n in sorted(os.listdir(corpus))
                 if os.path.getsize(os.path.join(corpus, n)) < 16384][:300]
        for name in small:
            shutil.copy(os.path.join(corpus, name), os.path.join(directory, name))


def main() -> None:
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        work = os.path.join(HERE, "corpus-work")
        seed_corpus(work)
        argv.append(work)
    if not any(a.startswith("-dict=") for a in argv):
        argv.insert(1, "-dict=" + os.path.join(HERE, "filing.dict"))
    if not any(a.startswith("-max_len=") for a in argv):
        argv.insert(1, "-max_len=16384")
    if not any(a.startswith("-timeout=") for a in argv):
        argv.insert(1, "-timeout=20")  # an input this slow is a hang to fix
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
