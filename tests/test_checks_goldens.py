"""Golden renderings of every broken sample in rich (fixed width, no colour),
concise, json and sarif; and SARIF validated against the official schema.

`pytest --update-goldens` rewrites the goldens (review the diff)."""

from __future__ import annotations

import copy
import io
import json
import pathlib

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filing_grammar.api import read_source
from filing_grammar.checks import check_source
from filing_grammar.render.diagnostics import (FileResult, plain_console, render_concise,
                                               render_plain, render_rich, summary_line, to_json)
from filing_grammar.render.sarif import sarif_log, sarif_results, to_sarif, write_log

from .conftest import ROOT, SAMPLES
from .golden_util import check_golden

BROKEN = SAMPLES / "broken"
SCHEMA = pathlib.Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
CASES = sorted(p.name[: -len(".expect.json")] for p in BROKEN.glob("*.expect.json"))


def result(case: str) -> FileResult:
    path = BROKEN / f"{case}.txt"
    rel = path.relative_to(ROOT).as_posix()
    src = read_source(path.read_bytes(), rel)
    return FileResult(rel, src, check_source(src))


def rich_text(results) -> str:
    buf = io.StringIO()
    render_rich(plain_console(buf, width=100), results)
    return buf.getvalue()


@pytest.mark.parametrize("case", CASES)
def test_golden_rich(case, update_goldens):
    check_golden(BROKEN / f"{case}.rich.txt", rich_text([result(case)]), update_goldens)


@pytest.mark.parametrize("case", CASES)
def test_plain_text_is_what_rich_prints_without_style(case):
    # into a pipe, check --format rich writes render_plain's text, not rich's
    results = [result(case)]
    assert results[0].diagnostics
    assert render_plain(results) + summary_line(results) + "\n" == rich_text(results)


def test_plain_text_leaves_a_tab_to_rich():
    # rich expands a tab by the cell widths before it: that text is rich's to print
    from dataclasses import replace
    results = [result(CASES[0])]
    first = results[0].diagnostics[0]
    tabbed = [replace(first, notes=[*first.notes, "a\tb"])]
    assert render_plain([FileResult(results[0].path, results[0].source, tabbed)]) is None
    assert render_plain(results) is not None


@pytest.mark.parametrize("odd", ["\x07\x08\x0b\x0c\r", "\x07", "\x08", "\x0b", "\x0c", "\r"])
def test_plain_text_drops_what_rich_drops(odd):
    # rich's Text drops bell, backspace, vertical tab, form feed and carriage
    # return; render_plain, which never makes a Text, must drop them too,
    # each of them alone as well
    from dataclasses import replace
    results = [result(CASES[0])]
    first = results[0].diagnostics[0]
    odd_diagnostics = [replace(first, message=first.message + odd + "!", notes=[*first.notes, f"a{odd}b"])]
    odd_results = [FileResult(results[0].path, results[0].source, odd_diagnostics)]
    plain = render_plain(odd_results)
    assert f"a{odd}b" not in plain and "ab" in plain and "!" in plain
    assert plain + summary_line(odd_results) + "\n" == rich_text(odd_results)


@pytest.mark.parametrize("case", CASES)
def test_golden_concise(case, update_goldens):
    check_golden(BROKEN / f"{case}.concise.txt", render_concise([result(case)]), update_goldens)


@pytest.mark.parametrize("case", CASES)
def test_golden_json(case, update_goldens):
    text = json.dumps(to_json(result(case)), indent=2, ensure_ascii=False) + "\n"
    check_golden(BROKEN / f"{case}.json", text, update_goldens)


@pytest.mark.parametrize("case", CASES)
def test_golden_sarif(case, update_goldens):
    text = json.dumps(to_sarif([result(case)]), indent=2, ensure_ascii=False) + "\n"
    check_golden(BROKEN / f"{case}.sarif", text, update_goldens)


def _written(results) -> str:
    out: list[str] = []
    write_log(results, out.append)
    return "".join(out)


def test_sarif_log_written_from_templates_is_json_dumps():
    # check --format sarif writes each result from a template (write_log)
    results = [res for case in CASES for res in sarif_results(result(case))]
    assert any("relatedLocations" in r for r in results)
    for some in (results, results[:1], []):
        assert _written(some) == json.dumps(sarif_log(some), indent=2, ensure_ascii=False)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text(), st.integers(), st.sampled_from(["ruleIndex", "region", "message", "locations", "extra"]),
       st.booleans())
def test_sarif_results_of_other_shapes_are_written_as_json_dumps(text, uri, number, change, related):
    # any text in the strings; and a result that is not of sarif_results'
    # shape (a bool for an int, a key more or less) falls back to jsontext
    first = sarif_results(result(CASES[0]))[0]
    one = copy.deepcopy(first)
    one["message"]["text"] = text
    one["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = uri
    one["locations"][0]["physicalLocation"]["region"]["endLine"] = number
    if not related:  # (a location without a message: sarif_results' shape too)
        del one["locations"][0]["message"]
    else:
        one["relatedLocations"] = [dict(copy.deepcopy(one["locations"][0]), id=number, message={"text": text})]
    odd = copy.deepcopy(one)
    if change == "ruleIndex":
        odd["ruleIndex"] = True
    elif change == "region":
        odd["locations"][0]["physicalLocation"]["region"]["startLine"] = 1.5
    elif change == "message":
        odd["message"] = {"text": text, "markdown": uri}
    elif change == "locations":
        odd["locations"] = []
    else:
        odd["properties"] = {"n": number}
    for some in ([one], [one, odd, first]):
        assert _written(some) == json.dumps(sarif_log(some), indent=2, ensure_ascii=False)


def _validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_sarif_is_valid_against_the_official_schema():
    log = to_sarif([result(c) for c in CASES])
    _validator().validate(log)
    run = log["runs"][0]
    assert len(run["results"]) == sum(len(result(c).diagnostics) for c in CASES)
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_the_schema_rejects_a_broken_log():
    # the validation above can fail: a result without a message is not SARIF
    log = to_sarif([result(CASES[0])])
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(log)


def test_sarif_with_no_findings_is_valid():
    path = SAMPLES / "000_baa583cdd3fdc5f0.txt"
    src = read_source(path.read_bytes(), "samples/000_baa583cdd3fdc5f0.txt")
    log = to_sarif([FileResult(src.path, src, check_source(src))])
    _validator().validate(log)
    assert log["runs"][0]["results"] == []
