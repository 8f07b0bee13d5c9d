"""What both fuzz targets share: the seed corpus and libFuzzer's defaults.

With no corpus directory on the command line, a work corpus under ``fuzz/``
is used (one per target), seeded with ``samples/*.txt`` and, when present,
the filings of ``../shared/corpus``.  The fast target takes them condensed
(:func:`condense`): runs of lines of one kind cut to two short lines, so
that a seed of 2 KiB still holds much of a filing's shape (header,
documents, cover, items, signature, exhibits), and an input costs
milliseconds, not tens of them.
"""

from __future__ import annotations

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


_BODY = frozenset({"TEXT", "BLANK", "RULE", "PAGE", "PAGE_NUMBER"})


def condense(data: bytes, limit: int) -> bytes:
    """A filing cut to its structure: at most two lines of each run of lines
    of one kind (body text of any kind counts as one; header fields, PEM
    lines, HTML lines are kinds too), each cut to 120 characters, the whole at
    most ``limit`` bytes."""
    import filing_grammar as fg  # only now: the target has imported it instrumented

    src = fg.read_source(data[: 32 * limit])  # what follows could not fit anyway
    out: list[str] = []
    kind, run = None, 0
    for tok in fg.tokenize(src.text):
        this = "body" if tok.type in _BODY else tok.type
        run = run + 1 if this == kind else 1
        kind = this
        if run > 2:
            continue
        line = str(tok.value)
        out.append(line if len(line) <= 120 else line[:120].rstrip("\n") + "\n")
    return "".join(out).encode("utf-8", "replace")[:limit]


def _seed_files(small_only: bool) -> list[str]:
    files = []
    samples = os.path.join(ROOT, "samples")
    files += [os.path.join(samples, n) for n in sorted(os.listdir(samples)) if n.endswith(".txt")]
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "files")
    if os.path.isdir(corpus):  # real filings of other vintages
        names = sorted(os.listdir(corpus))
        if small_only:
            names = [n for n in names if os.path.getsize(os.path.join(corpus, n)) < 16384][:300]
        files += [os.path.join(corpus, n) for n in names]
    return files


def seed_corpus(directory: str, condensed_to: int | None = None) -> None:
    """Fill ``directory`` with the seeds: the small filings as they are, or
    (``condensed_to``) every filing condensed to at most that many bytes."""
    os.makedirs(directory, exist_ok=True)
    for path in _seed_files(small_only=condensed_to is None):
        target = os.path.join(directory, os.path.basename(path))
        if os.path.exists(target):
            continue
        if condensed_to is None:
            shutil.copy(path, target)
        else:
            with open(path, "rb") as fh:
                data = condense(fh.read(), condensed_to)
            with open(target, "wb") as fh:
                fh.write(data)


def fuzz_argv(argv: list[str], timeout: int, work: str = "corpus-work", max_len: int = 16384,
              condensed: bool = False) -> list[str]:
    """``argv`` with the defaults libFuzzer is not given: the work corpus,
    the dictionary of filing words, inputs of at most ``max_len`` bytes, and
    a time limit per input (an input that slow is a hang to fix)."""
    argv = list(argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        work = os.path.join(HERE, work)
        seed_corpus(work, max_len if condensed else None)
        argv.append(work)
    if not any(a.startswith("-dict=") for a in argv):
        argv.insert(1, "-dict=" + os.path.join(HERE, "filing.dict"))
    if not any(a.startswith("-max_len=") for a in argv):
        argv.insert(1, f"-max_len={max_len}")
    if not any(a.startswith("-timeout=") for a in argv):
        argv.insert(1, f"-timeout={timeout}")
    return argv
