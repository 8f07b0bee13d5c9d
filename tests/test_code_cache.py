"""The generated methods of the package's dataclasses, kept between
processes (cache.fast_dataclasses): the second process runs the code the
first compiled, and its records behave as dataclasses' own."""

from __future__ import annotations

import glob
import json
import marshal
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Prints what a record class does: fields, repr, equality, hashing, frozenness,
# replace, and the JSON of a parsed sample; and where its __init__ came from.
PROBE = r"""
import dataclasses, json, sys
import filing_grammar as fg
from filing_grammar import cache, records
span = records.Span(1, 2, 3, 4, 5, 6)
other = dataclasses.replace(span, line=1)
try:
    span.line = 9
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({
    "fields": [f.name for f in dataclasses.fields(records.Span)],
    "repr": repr(span), "eq": span == other, "hash": hash(span) == hash(other), "frozen": frozen,
    "record": fg.parse(text, "x.txt").to_dict(),
    "patched": vars(dataclasses).get("exec") is cache._exec,
}))
"""


def _run(env, sample):
    out = subprocess.run([sys.executable, "-c", PROBE, sample], env=env, cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def test_second_process_runs_the_kept_code_and_records_are_the_same(tmp_path):
    sample = os.path.join(ROOT, "samples", "116_ec_1001426_8K_2005_0001275287-05-002393.txt")
    env = dict(os.environ, FILING_GRAMMAR_CACHE=str(tmp_path))
    first = _run(env, sample)
    (kept,) = glob.glob(str(tmp_path / "regex-*.marshal"))
    with open(kept, "rb") as fh:
        codes = [k for k in marshal.loads(fh.read()) if k[0] == "exec"]
    # every dataclass's generated methods (about 100): Span's among them
    assert len(codes) > 50
    assert any("_type_end_column" in k[1] and "def __init__" in k[1] for k in codes)
    assert all(k[1].startswith("def __create_fn__") or "def " in k[1] for k in codes)
    second = _run(env, sample)
    off = _run(dict(os.environ, FILING_GRAMMAR_CACHE="off"), sample)
    assert first["patched"] and second["patched"] and not off["patched"]
    assert first == second
    assert {k: v for k, v in off.items() if k != "patched"} == {k: v for k, v in first.items() if k != "patched"}
    assert second["frozen"] and second["eq"] and second["hash"]
    assert second["fields"] == ["line", "column", "end_line", "end_column", "start", "end"]
    assert second["record"]["items"]


def test_other_packages_dataclasses_are_not_kept(tmp_path):
    probe = (
        "import dataclasses, filing_grammar.records\n"
        "@dataclasses.dataclass(frozen=True)\n"
        "class Mine:\n    zzq_field: int\n"
        "print(Mine(1))\n")
    env = dict(os.environ, FILING_GRAMMAR_CACHE=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Mine(zzq_field=1)"
    (kept,) = glob.glob(str(tmp_path / "regex-*.marshal"))  # the package's own were kept
    with open(kept, "rb") as fh:
        sources = [k[1] for k in marshal.loads(fh.read()) if k[0] == "exec"]
    assert sources and not [s for s in sources if "zzq_field" in s]
