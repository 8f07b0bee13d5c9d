"""Throughput of parse() over the corpus text filings, beside a calibration.

    python bench/throughput.py [--corpus ../shared/corpus] [--repeat 3] [--html-kind 8-K-html]

The calibration is the cheapest Lark LALR parse of the same bytes: a grammar
that reads one token per line and nothing else.  The ratio of the two tells
how much our lexer, grammar and transformer cost on top of Lark itself, on
whatever machine this runs.  The HTML 8-Ks are timed the same way, on a
line of their own (their cost is mostly the rendering of the HTML).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from lark import Lark  # noqa: E402

import filing_grammar as fg  # noqa: E402
from filing_grammar.parser import get_parser  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

CALIBRATION = r"""
start: LINE*
LINE: /[^\n]*\n|[^\n]+/
"""


def load(corpus: str, kind: str) -> list[str]:
    lines = open(os.path.join(corpus, "MANIFEST.tsv")).read().splitlines()
    header = lines[0].split("\t")
    texts = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        if row["kind"].startswith(kind):
            data = open(os.path.join(corpus, "files", row["file"]), "rb").read()
            texts.append(fg.read_source(data).text)
    return texts


def best_of(repeat: int, fns: dict) -> dict:
    """The best time of each function over ``repeat`` rounds, the functions
    taking turns within a round: on a shared machine a burst of load then
    slows all of them, not one, and the ratio of two stays fair."""
    best = {name: float("inf") for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--kind", default="8-K-text-full-submission")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--html-kind", default="8-K-html", help="also time these filings ('' for none)")
    args = ap.parse_args(argv)
    texts = load(args.corpus, args.kind)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    t = time.perf_counter()
    get_parser.cache_clear()
    get_parser()
    build = time.perf_counter() - t

    calibration = Lark(CALIBRATION, parser="lalr", lexer="basic")
    best = best_of(args.repeat, {
        "cal": lambda: [calibration.parse(x) for x in texts],
        "ours": lambda: [fg.parse(x) for x in texts],
        "trees": lambda: [fg.parse_tree(x) for x in texts],
    })
    cal, ours, trees = best["cal"], best["ours"], best["trees"]
    print(f"corpus: {len(texts)} filings, {mb:.2f} MB ({args.kind})")
    print(f"parser build (cached tables):   {build * 1000:7.1f} ms")
    print(f"calibration (1 token per line): {mb / cal:7.2f} MB/s")
    print(f"parse_tree() (lex + parse):     {mb / trees:7.2f} MB/s")
    print(f"parse() (tree + records):       {mb / ours:7.2f} MB/s")
    print(f"ratio parse() / calibration:    {cal / ours:7.2f}")
    if args.html_kind:
        html = load(args.corpus, args.html_kind)
        hmb = sum(len(t.encode("utf-8")) for t in html) / 1e6
        hbest = best_of(args.repeat, {"cal": lambda: [calibration.parse(x) for x in html],
                                      "ours": lambda: [fg.parse(x) for x in html]})
        print(f"HTML: {len(html)} filings, {hmb:.2f} MB ({args.html_kind}): parse() {hmb / hbest['ours']:.2f} MB/s, "
              f"calibration {hmb / hbest['cal']:.2f} MB/s, ratio {hbest['cal'] / hbest['ours']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
