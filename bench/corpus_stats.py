"""Measure the parser over the plain-text 8-K full submissions of the corpus.

    python bench/corpus_stats.py [--corpus ../shared/corpus] [--kind 8-K-text-full-submission]

Prints, per file and in total: items found, agreement of item numbers with the
SEC header's ITEM INFORMATION (where it names items), unmatched lines and
their commonest first lines, and whether the tree is lossless.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import filing_grammar as fg  # noqa: E402
from filing_grammar.checks.envelope import header_number, reported_items  # noqa: E402
from filing_grammar.form import era_of  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def rows(corpus: str, kind: str):
    manifest = os.path.join(corpus, "MANIFEST.tsv")
    lines = open(manifest).read().splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        r = dict(zip(header, line.split("\t")))
        if r["kind"].startswith(kind):
            yield r


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--kind", default="8-K-text-full-submission")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    n = with_items = agree = comparable = with_unmatched = lossless = 0
    found = collections.Counter()
    causes: collections.Counter = collections.Counter()
    by_era: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    for r in rows(args.corpus, args.kind):
        path = os.path.join(args.corpus, "files", r["file"])
        data = open(path, "rb").read()
        src = fg.read_source(data, path)
        tree, filing = fg.parse_source(src)
        n += 1
        era = r["era"][:3] + "0s"
        by_era[era][0] += 1
        lossless += fg.tree_text(tree) == src.text
        c, sig = filing.cover, filing.signature
        for key, ok in (("date_of_report", c and c.date_of_report), ("registrant_name", c and c.registrant_name),
                        ("signature", sig and sig.signer), ("all three", c and c.date_of_report and c.registrant_name and sig and sig.signer)):
            found[key] += bool(ok)
            if args.verbose and not ok and key != "all three":
                print(f"{r['file']}: no {key}")
        numbers = set(reported_items(filing))
        if filing.items:
            with_items += 1
            by_era[era][1] += 1
        h = filing.sec_header
        era = era_of(h.period_of_report or h.filed_as_of_date) if h else None
        want = {header_number(v, era) or f"?{v}" for v in h.item_information} if h else set()
        if want:
            comparable += 1
            by_era[era][2] += 1
            ok = want <= numbers
            agree += ok
            by_era[era][3] += ok
            if args.verbose and not ok:
                print(f"{r['file']}: header {sorted(want)} found {sorted(numbers)}")
        if filing.unmatched:
            with_unmatched += 1
            by_era[era][4] += 1
            for u in filing.unmatched:
                causes[u.text.splitlines()[0][:40] if u.text else "(empty)"] += 1
    print(f"files                                   {n}")
    print(f"lossless trees                          {lossless}/{n}")
    print(f"with >=1 item found                     {with_items}/{n}")
    print(f"items agree with ITEM INFORMATION       {agree}/{comparable} (files whose header names items)")
    print(f"with unmatched text                     {with_unmatched}/{n}")
    for key in ("date_of_report", "registrant_name", "signature", "all three"):
        print(f"with {key:35s}{found[key]}/{n}")
    print("by era (files, with items, header names items, agree, unmatched):")
    for era in sorted(by_era):
        print(f"  {era}: {by_era[era]}")
    if causes:
        print("commonest unmatched lines:")
        for text, count in causes.most_common(10):
            print(f"  {count:4d}  {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
