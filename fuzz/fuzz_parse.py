"""Coverage-guided fuzzing of the library, in process (atheris): the fast
target, hundreds of inputs a second.

    .venv/bin/python fuzz/fuzz_parse.py [libFuzzer options] [CORPUS_DIR ...]
    make fuzz                     # FUZZ_SECONDS=1800 by default

Every input (arbitrary bytes) is read once (``read_source`` ->
``parse_source``) and must:

* give a tree whose tokens, in order and without overlap, spell the decoded
  text (the lossless invariant);
* give a record that ``json.dumps`` accepts;
* give diagnostics (``run_checks``, every rule);
* and one of the renderers must accept them: the input's last byte picks
  which (diagnostics as concise text, JSON, SARIF results; the tree as JSON,
  as text), so that every renderer meets every shape of input over a run
  without each input paying for all five.

What is instrumented for coverage is the code that reads the input (source,
lexer, readers, transform, checks), without the dataflow hooks on
comparisons (``filing.dict`` gives the fuzzer the words of the form instead):
the renderers, the records' ``to_dict``, the tree walks, the token classes
and the regex cache run uninstrumented.  Instrumenting everything, with the comparison hooks, made
an input cost about three times as much (issue 12).  So do the LALR driver
(parser.py, automaton.py: a table-driven loop whose few branches nearly every
input takes; which rules an input reaches is in the table, not in code
coverage, and the lexer's line kinds already tell the fuzzer what an input
holds) and the small string helpers the readers share (values.py,
read/lines.py): instrumented, they made about a fifth of an input's cost
(callgrind, 200 corpus inputs: 16.5 M instructions per input, 13.1 M
without; 7.9 M with nothing instrumented).

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

# Not instrumented: what renders or walks what was read, the LALR driver, the
# string helpers (see above).
_UNINSTRUMENTED = {"filing_grammar.render", "filing_grammar.render.diagnostics", "filing_grammar.render.sarif",
                   "filing_grammar.render.tree", "filing_grammar.records", "filing_grammar.tree",
                   "filing_grammar.cache", "filing_grammar.checks.rules", "filing_grammar.checks.diagnostic",
                   "filing_grammar.tokens", "filing_grammar.kinds",
                   "filing_grammar.parser", "filing_grammar.automaton", "filing_grammar.values",
                   "filing_grammar.read.lines"}


def _instrumented():
    """atheris.instrument_imports without the dataflow (comparison) hooks,
    which it always turns on; the public call if this atheris has no
    HookManager of that shape."""
    try:
        from atheris.import_hook import HookManager
        return HookManager({"filing_grammar"}, set(_UNINSTRUMENTED), True, trace_dataflow=False)
    except (ImportError, TypeError):  # pragma: no cover - another atheris
        return atheris.instrument_imports(include=["filing_grammar"], exclude=sorted(_UNINSTRUMENTED))


with _instrumented():
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


def _concise(result, tree) -> None:
    diag_render.render_concise([result])


def _diagnostics_json(result, tree) -> None:
    json.dumps(diag_render.to_json(result), ensure_ascii=False)


def _sarif(result, tree) -> None:
    json.dumps(sarif.sarif_results(result), ensure_ascii=False)


def _tree_json(result, tree) -> None:
    json.dumps(tree_render.to_json(tree), ensure_ascii=False)


def _tree_text(result, tree) -> None:
    tree_render.to_text(tree)


RENDERERS = (_concise, _diagnostics_json, _sarif, _tree_json, _tree_text)


def test_one_input(data: bytes) -> None:
    src = fg.read_source(data, "fuzz.txt")
    parsed, filing = parse_source(src)
    check_lossless(parsed.tree, src.text)
    record = filing.to_dict()
    json.dumps(record, ensure_ascii=False)
    diagnostics = run_checks(src, parsed, filing)
    result = diag_render.FileResult("fuzz.txt", src, diagnostics)
    RENDERERS[data[-1] % len(RENDERERS) if data else 0](result, parsed.tree)


def main() -> None:
    atheris.Setup(fuzz_argv(sys.argv, timeout=10, work="corpus-fast", max_len=2048, condensed=True),
                  test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
