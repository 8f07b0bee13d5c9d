"""Would lark-cython make us faster?  (issue 12: "measure lark-cython")

    python bench/compiled_lark.py [--corpus ../shared/corpus] [--repeat 5]
    pip install lark-cython        # into the same environment, to compare

lark-cython compiles Lark's own lexer and LALR loop.  filing-grammar uses
neither while it parses: lexer.py classifies lines itself, and
automaton.py takes the tokens off Lark's parse table (Lark's ``feed_token``
only takes the end of input).  So the question is how much of ``parse()``
is spent in Lark's code at all.  This prints, over the corpus text filings:

* the share of ``parse()``'s time spent in functions of the ``lark``
  package (cProfile, own time);
* the calibration parser of bench/throughput.py (one token per line, Lark's
  lexer and parser) with and without lark-cython's plugins, which is what
  lark-cython speeds up;
* ``parse()`` itself (unchanged by lark-cython: it takes no Lark lexer or
  parser loop).

Without lark-cython installed it prints the first figure and says so.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, HERE)

from lark import Lark  # noqa: E402

import filing_grammar as fg  # noqa: E402
from throughput import CALIBRATION, best_of, load  # noqa: E402


def lark_share(texts: list[str]) -> float:
    """The share of parse()'s own time spent in the lark package."""
    profile = cProfile.Profile()
    profile.enable()
    for text in texts:
        fg.parse(text)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values())
    in_lark = sum(row[2] for (path, _, _), row in stats.items() if f"{os.sep}lark{os.sep}" in path)
    return in_lark / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    if not os.path.isfile(os.path.join(args.corpus, "MANIFEST.tsv")):
        print(f"no corpus at {args.corpus}: nothing to measure")
        return 0
    texts = load(args.corpus, "8-K-text")
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for text in texts:  # warm: tables loaded, regexes compiled
        fg.parse(text)
    print(f"{len(texts)} text filings, {mb:.2f} MB")
    print(f"share of parse()'s own time in the lark package: {100 * lark_share(texts):.1f}%")

    plain = Lark(CALIBRATION, parser="lalr", lexer="basic")
    fns = {"parse()": lambda: [fg.parse(t) for t in texts],
           "calibration": lambda: [plain.parse(t) for t in texts]}
    try:
        import lark_cython
    except ImportError:
        print("lark-cython is not installed (pip install lark-cython): nothing to compare")
        lark_cython = None
    if lark_cython is not None:
        compiled = Lark(CALIBRATION, parser="lalr", lexer="basic", _plugins=lark_cython.plugins)
        fns["calibration, lark-cython"] = lambda: [compiled.parse(t) for t in texts]
    best = best_of(args.repeat, fns)
    for name, seconds in best.items():
        print(f"{name:<26} {seconds:7.3f} s  {mb / seconds:6.1f} MB/s")
    if lark_cython is not None:
        print(f"lark-cython speeds Lark's own loop {best['calibration'] / best['calibration, lark-cython']:.1f}x; "
              f"parse() does not run that loop (see the share above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
