"""Score parse() records field by field against hand labels (tests/labels/*.json).

    python bench/score_labels.py [--corpus ../shared/corpus/files] [-v]

Each label file was made by reading a filing by eye (tests/labels/README.md).
Prints per-field accuracy and, with -v, every disagreement.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import filing_grammar as fg  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "..", "tests", "labels")


def norm(v):
    if v is None:
        return None
    v = str(v).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(v.split()).rstrip(".").lower()


def locate(name: str, corpus: str) -> str | None:
    for d in (corpus, os.path.join(corpus, "..", "..", "seeds"), os.path.join(HERE, "..", "samples")):
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    return None


def score(corpus: str, verbose: bool = False, labels: str = LABELS) -> dict[str, list[int]]:
    totals: dict[str, list[int]] = {}

    def tally(key, ok, detail):
        t = totals.setdefault(key, [0, 0])
        t[0] += bool(ok)
        t[1] += 1
        if verbose and not ok:
            print(f"  {key}: {detail}")

    for label_path in sorted(glob.glob(os.path.join(labels, "*.json"))):
        label = json.load(open(label_path))
        path = locate(label["file"], corpus)
        if path is None:
            continue
        rec = fg.parse_file(path).to_dict()
        if verbose:
            print(label["file"])
        for k, v in label["cover"].items():
            got = rec["cover"].get(k)
            tally(f"cover.{k}", norm(got) == norm(v), f"want {v!r} got {got!r}")
        want_items = [(norm(i["number"]), norm(i["title"])) for i in label["items"]]
        got_items = [(norm(i["number"]), norm(i["title"])) for i in rec["items"]]
        tally("items.numbers", [n for n, _ in want_items] == [n for n, _ in got_items],
              f"want {[n for n, _ in want_items]} got {[n for n, _ in got_items]}")
        for w in want_items:
            match = next((g for g in got_items if g[0] == w[0]), None)
            tally("items.title", match is not None and match[1] == w[1], f"want {w} got {match}")
        for key in ("checkboxes",):
            if key in label and isinstance(label[key], dict):
                for k, v in label[key].items():
                    got = rec["cover"].get(key, {}).get(k)
                    tally(f"{key}.{k}", got == v, f"want {v!r} got {got!r}")
        if "emerging_growth_company" in label:
            got = rec["cover"].get("emerging_growth_company")
            tally("emerging_growth_company", got == label["emerging_growth_company"],
                  f"want {label['emerging_growth_company']!r} got {got!r}")
        if "securities_12b" in label:
            want12 = [(norm(r.get("title")), norm(r.get("trading_symbol")), norm(r.get("exchange"))) for r in label["securities_12b"]]
            got12 = [(norm(r.get("title")), norm(r.get("trading_symbol")), norm(r.get("exchange"))) for r in rec["cover"].get("securities_12b", [])]
            tally("securities_12b", want12 == got12, f"want {want12} got {got12}")
        if "co_registrants" in label:
            wantc = [norm(r.get("name")) for r in label["co_registrants"]]
            gotc = [norm(r.get("name")) for r in rec["cover"].get("co_registrants", [])]
            tally("co_registrants", wantc == gotc, f"want {wantc} got {gotc}")
        for k, v in label["signature"].items():
            got = rec["signature"].get(k)
            tally(f"signature.{k}", norm(got) == norm(v), f"want {v!r} got {got!r}")
        want_ex = [(norm(e["number"]), norm(e["description"]), norm(e.get("page"))) for e in label["exhibit_index"]]
        got_ex = [(norm(e["number"]), norm(e["description"]), norm(e.get("page"))) for e in rec["exhibit_index"]]
        tally("exhibits.numbers", [e[0] for e in want_ex] == [e[0] for e in got_ex],
              f"want {[e[0] for e in want_ex]} got {[e[0] for e in got_ex]}")
        for w in want_ex:
            match = next((g for g in got_ex if g[0] == w[0]), None)
            tally("exhibits.entry", match == w, f"want {w} got {match}")
    return totals


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus", "files"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--labels", default=LABELS, help="a directory of label files")
    args = ap.parse_args(argv)
    totals = score(args.corpus, args.verbose, args.labels)
    ok = sum(t[0] for t in totals.values())
    n = sum(t[1] for t in totals.values())
    for key, (good, count) in sorted(totals.items()):
        print(f"{key:32s} {good:3d}/{count:<3d} {100 * good / count:5.1f}%")
    print(f"{'all fields':32s} {ok:3d}/{n:<3d} {100 * ok / max(n, 1):5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
