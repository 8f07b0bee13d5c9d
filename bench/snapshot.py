"""Snapshot records and diagnostics of many filings, and compare two snapshots.

A refactor must leave every record and diagnostic as it was, except where the
change is a fix.  Take a snapshot before, one after, and read the difference:

    python bench/snapshot.py take before.jsonl              # corpus, samples, broken samples
    python bench/snapshot.py take after.jsonl
    python bench/snapshot.py diff before.jsonl after.jsonl  # one block per file that changed

Each line holds one file: its records (``Filing.to_dict()``), the lines of the
items, exhibit entries and record fields (where each value was read), and its
diagnostics (code, message, primary line).  ``--no-lines`` leaves the lines out,
for comparing what was read without where.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from filing_grammar.api import parse_source, read_source  # noqa: E402
from filing_grammar.checks import run_checks  # noqa: E402


def default_paths() -> list[str]:
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "files")
    paths = sorted(glob.glob(os.path.join(corpus, "*")))
    for pattern in ("samples/*.txt", "samples/*.htm", "samples/broken/*.txt", "samples/broken/*.htm"):
        paths += sorted(glob.glob(os.path.join(ROOT, pattern)))
    return paths


def _line(span) -> int | None:
    return span.line if span is not None else None


def snapshot(path: str, lines: bool = True) -> dict:
    with open(path, "rb") as fh:
        src = read_source(fh.read(), os.path.basename(path))
    tree, filing = parse_source(src)
    out: dict = {"file": os.path.basename(path), "records": filing.to_dict()}
    if lines:
        cover, sig = filing.cover, filing.signature
        out["lines"] = {
            "items": [i.line for i in filing.items],
            "exhibits": [e.line for e in filing.exhibit_index],
            "cover": {k: _line(v) for k, v in sorted(cover.spans.items())} if cover else {},
            "signature": {k: _line(v) for k, v in sorted(sig.spans.items())} if sig else {},
        }
    out["diagnostics"] = [
        {"code": d.code, "message": d.message, **({"line": d.primary.span.line} if lines else {})}
        for d in run_checks(src, tree, filing)]
    return out


def cmd_take(args) -> int:
    paths = args.paths or default_paths()
    with open(args.output, "w", encoding="utf-8") as fh:
        for path in paths:
            fh.write(json.dumps(snapshot(path, not args.no_lines), ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(paths)} files -> {args.output}")
    return 0


def _load(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {r["file"]: r for r in map(json.loads, fh)}


def _diff(a, b, where: str, out: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            _diff(a.get(k), b.get(k), f"{where}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for n, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{where}[{n}]", out)
    elif a != b:
        out.append(f"  {where}: {json.dumps(a, ensure_ascii=False)[:200]} -> "
                   f"{json.dumps(b, ensure_ascii=False)[:200]}")


def cmd_diff(args) -> int:
    before, after = _load(args.before), _load(args.after)
    changed = 0
    for name in sorted(set(before) | set(after)):
        out: list[str] = []
        _diff(before.get(name), after.get(name), "", out)
        if out:
            changed += 1
            print(name)
            print("\n".join(out))
    print(f"{changed} of {len(set(before) | set(after))} files differ")
    return 1 if changed else 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("take", help="write a snapshot")
    t.add_argument("output")
    t.add_argument("paths", nargs="*", help="files (default: the corpus and the samples)")
    t.add_argument("--no-lines", action="store_true", help="leave out where values were read")
    t.set_defaults(func=cmd_take)
    d = sub.add_parser("diff", help="compare two snapshots")
    d.add_argument("before")
    d.add_argument("after")
    d.set_defaults(func=cmd_diff)
    args = p.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
