"""Coverage-guided fuzzing of the library, in process (atheris): the fast
target, hundreds of inputs a second.

    .venv/bin/python fuzz/fuzz_parse.py [libFuzzer options] [CORPUS_DIR ...]
    make fuzz                     # FUZZ_SECONDS=1800 by default

Every input (arbitrary bytes) is read once (``read_source`` ->
``parse_source``) and must:

* give a tree whose tokens, in order and without overlap, spell the decoded
  text (the lossless invariant);
* give a record that ``json.dumps`` accepts;
* give diagnostics (``run_checks``, every rule) that the concise, JSON and
  SARIF renderers accept (SARIF's results: its log adds only the catalogue);
* give a tree the JSON and text renderers accept.

No command line and no subprocess here: ``fuzz/fuzz_cli.py`` drives the
command line (slower, a few inputs a second).  Crashes are written as
``crash-*`` files by libFuzzer; each one found becomes a regression test in
``tests/hostile/``.
"""

from __future__ import annotations

import json
import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seeds import ROOT, fuzz_argv  # noqa: E402

sys.path.insert(0, ROOT)

with atheris.instrument_imports(include=["filing_grammar"]):
    import filing_grammar as fg
    from filing_grammar.api import parse_source
    from filing_grammar.checks import run_checks
    from filing_grammar.render import diagnostics as diag_render
    from filing_grammar.render import sarif
    from filing_grammar.render import tree as tree_render
    from filing_grammar.tree import tree_tokens


def check_lossless(tree, text: str) -> None:
    pos = 0
    spelt = []
    for tok in tree_tokens(tree):
        if tok.value:
            if tok.start_pos != pos:
                raise AssertionError(f"token at {tok.start_pos} but text is at {pos}: {tok!r}")
            pos = tok.end_pos
            spelt.append(tok.value)
    if "".join(spelt) != text:
        raise AssertionError("tokens do not spell the decoded input")
    if pos != len(text):
        raise AssertionError(f"tokens end at {pos}, text at {len(text)}")


def test_one_input(data: bytes) -> None:
    src = fg.read_source(data, "fuzz.txt")
    parsed, filing = parse_source(src)
    check_lossless(parsed.tree, src.text)
    record = filing.to_dict()
    json.dumps(record, ensure_ascii=False)
    diagnostics = run_checks(src, parsed, filing)
    result = diag_render.FileResult("fuzz.txt", src, diagnostics)
    json.dumps(diag_render.to_json(result), ensure_ascii=False)
    json.dumps(sarif.sarif_results(result), ensure_ascii=False)
    diag_render.render_concise([result])
    json.dumps(tree_render.to_json(parsed.tree), ensure_ascii=False)
    tree_render.to_text(parsed.tree)


def main() -> None:
    atheris.Setup(fuzz_argv(sys.argv, timeout=10, work="corpus-fast", max_len=2048, condensed=True),
                  test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
