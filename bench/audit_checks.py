"""Audit the checks over the corpus: diagnostics per code and kind of file.

    python bench/audit_checks.py [--kind 8-K-text-full-submission] [--code FG302] [-v]

Prints a table (code, severity, diagnostics, files) per corpus kind, and with
-v/--code every diagnostic in concise form, to read examples by eye.
"""

from __future__ import annotations

import argparse
import collections
import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from filing_grammar.api import parse_source, read_source  # noqa: E402
from filing_grammar.checks import run_checks  # noqa: E402

CORPUS = pathlib.Path(os.environ.get("FILING_GRAMMAR_CORPUS",
                                     pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", action="append", help="corpus kind prefix (default: all)")
    ap.add_argument("--code", action="append", default=[], help="print every diagnostic of this code")
    ap.add_argument("-v", action="store_true", help="print every diagnostic")
    args = ap.parse_args()
    lines = (CORPUS / "MANIFEST.tsv").read_text().splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]
    groups: dict[str, list] = collections.defaultdict(list)
    for r in rows:
        kind = "negative" if r["kind"].startswith("negative") else r["kind"]
        if args.kind and not any(r["kind"].startswith(k) for k in args.kind):
            continue
        groups[kind].append(r)
    for kind, group in groups.items():
        counts: collections.Counter = collections.Counter()
        files: dict[str, set] = collections.defaultdict(set)
        severity = {}
        crashed = 0
        t0 = time.perf_counter()
        for r in group:
            path = CORPUS / "files" / r["file"]
            src = read_source(path.read_bytes(), str(path))
            try:
                tree, filing = parse_source(src)
                diags = run_checks(src, tree, filing)
            except Exception as exc:  # noqa: BLE001 - the audit reports crashes
                crashed += 1
                print(f"CRASH {r['file']}: {type(exc).__name__}: {exc}")
                continue
            for d in diags:
                counts[d.code] += 1
                files[d.code].add(r["file"])
                severity[d.code] = d.severity
                if args.v or d.code in args.code:
                    print(f"{r['file']}:{d.line}:{d.column}: {d.code} {d.message} "
                          f"[{d.primary.message}]")
        took = time.perf_counter() - t0
        print(f"\n{kind}: {len(group)} files, {crashed} crashed, {took:.1f}s")
        print(f"{'code':7} {'severity':8} {'diags':>6} {'files':>6}")
        for code in sorted(counts):
            print(f"{code:7} {severity[code]:8} {counts[code]:6} {len(files[code]):6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
