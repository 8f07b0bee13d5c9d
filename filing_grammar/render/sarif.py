"""SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue as
``tool.driver.rules``, one result per diagnostic with a physical location.
Checked against the official schema in tests/schemas/."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from .. import __version__
from ..checks.diagnostic import Severity
from ..checks.rules import RULES, Rule
from .diagnostics import FileResult

__all__ = ["to_sarif", "sarif_results", "result_texts", "sarif_log", "write_log", "LogWriter",
           "SARIF_SCHEMA", "LEVELS"]

SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFO_URI = "https://github.com/filing-grammar/filing-grammar"


def _uri(path: str) -> str:
    if path == "<stdin>":
        return "stdin"
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/"))
    return quote(path.replace(os.sep, "/"))


def _rule(r: Rule) -> dict[str, Any]:
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": f"{r.what} {r.why}"},
        "help": {"text": f"{r.what}\n\nWhy it matters: {r.why}\n\nExample:\n{r.example}"
                         + (f"\n\nFix: {r.fix}" if r.fix else ""),
                 "markdown": f"{r.what}\n\n**Why it matters.** {r.why}\n\n```\n{r.example}\n```"
                             + (f"\n\n**Fix.** {r.fix}" if r.fix else "")},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {"section": r.section, "tags": [r.section]},
    }


def to_sarif(results: Iterable[FileResult]) -> dict[str, Any]:
    return sarif_log([res for fr in results for res in sarif_results(fr)])


_INDEX = {r.code: i for i, r in enumerate(RULES)}


def sarif_results(fr: FileResult) -> list[dict[str, Any]]:
    """The SARIF results of one file: all a log needs of it (what ``check``
    keeps of a file is their texts, :func:`result_texts`)."""
    return list(_results(fr))


def _results(fr: FileResult) -> Iterator[dict[str, Any]]:
    """:func:`sarif_results`, made one at a time."""
    uri = _uri(fr.path)  # (once: the same for every result of the file)
    for d in fr.diagnostics:
        s = d.primary.span
        text = d.message + (f"\nhelp: {d.help}" if d.help else "")
        line_text = fr.source.line(s.line).strip() if fr.source else ""
        fingerprint = hashlib.sha256(f"{d.code}\0{line_text}\0{d.message}".encode()).hexdigest()[:32]
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": _INDEX[d.code],
            "level": LEVELS[d.severity],
            "message": {"text": text},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": s.line, "startColumn": s.column,
                               "endLine": s.end_line, "endColumn": s.end_column},
                },
                **({"message": {"text": d.primary.message}} if d.primary.message else {}),
            }],
            "partialFingerprints": {"primaryLocationLineHash/v1": fingerprint},
        }
        if d.secondary:
            result["relatedLocations"] = [{
                "id": i,
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": lab.span.line, "startColumn": lab.span.column,
                               "endLine": lab.span.end_line, "endColumn": lab.span.end_column},
                },
                "message": {"text": lab.message or "related"},
            } for i, lab in enumerate(d.secondary, 1)]
        yield result


def sarif_log(results: list[dict[str, Any]]) -> dict[str, Any]:
    """A SARIF log of one run holding ``results`` (from :func:`sarif_results`)."""
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "filing-grammar",
                "version": __version__,
                "informationUri": INFO_URI,
                "rules": [_rule(r) for r in RULES],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


# ---------------------------------------------------------------------------
#  writing a log
# ---------------------------------------------------------------------------
# A log of 100,000 results is some 250 MB of indented JSON: jsontext, a
# function call per value, took half of ``check --format sarif``'s time on
# such a filing (issue 12).  A result as sarif_results makes it has one shape,
# so its text is written from a template, the strings through json's own C
# encoder; a result of any other shape (or a value of another type) goes to
# jsontext.  Either way the text is json.dumps(log, indent=2,
# ensure_ascii=False)'s (tests/test_checks_goldens.py compares them).
_RESULTS_MARK = "\x00results"  # stands for the results while the rest is encoded
_REGION = ("startLine", "startColumn", "endLine", "endColumn")


@lru_cache(maxsize=None)
def _frame() -> tuple[str, str, str]:
    """The text of a log before its first result, between two results, and
    after its last (a result's text stands at the same indent in every log)."""
    from json.encoder import encode_basestring as string

    from . import jsontext
    head, tail = jsontext.dumps(sarif_log([_RESULTS_MARK]), indent=2).split(string(_RESULTS_MARK))
    return head, "," + head[head.rindex("\n"):], tail


def result_texts(fr: FileResult) -> list[str]:
    """The text each of a file's results has in a log (:func:`write_log`),
    its result dict made and dropped one at a time: what ``check --format
    sarif`` keeps of a file, some fifth of the dicts' memory."""
    return _texts(_results(fr))


def _texts(results: Iterable[Any]) -> list[str]:
    from json.encoder import encode_basestring as string

    from . import jsontext
    indent = _frame()[1][1:]  # the newline and indent of a result
    texts = []
    for result in results:
        text = _result_text(result, indent, string)
        if text is None:
            text = jsontext.dumps(result, indent=2).replace("\n", indent)
        texts.append(text)
    return texts


class LogWriter:
    """A SARIF log written as its results come (:func:`result_texts`, a
    file's at a time): ``sink`` is called with the text of
    ``json.dumps(sarif_log(results), indent=2, ensure_ascii=False)``, in
    pieces, in order; :meth:`close` ends it."""

    def __init__(self, sink) -> None:
        self.sink, self.started = sink, False

    def add(self, texts: list[str]) -> None:
        if not texts:
            return
        head, between, _ = _frame()
        for start in range(0, len(texts), 1024):
            chunk = between.join(texts[start:start + 1024])
            self.sink((between if self.started else head) + chunk)
            self.started = True

    def close(self) -> None:
        if self.started:
            self.sink(_frame()[2])
        else:  # "results": [], nothing between the brackets
            from . import jsontext
            self.sink(jsontext.dumps(sarif_log([]), indent=2))


def write_log(results: list[dict[str, Any]], sink) -> None:
    """Call ``sink`` with the text of the SARIF log of ``results`` (from
    :func:`sarif_results`): ``json.dumps(sarif_log(results), indent=2,
    ensure_ascii=False)``, in pieces, in order."""
    log = LogWriter(sink)
    log.add(_texts(results))
    log.close()


def _message(obj: object, nl: str, string) -> str | None:
    """The text of ``{"text": "..."}`` whose "{" stands after ``nl``."""
    if type(obj) is dict and len(obj) == 1 and type(obj.get("text")) is str:
        return f'{{{nl}  "text": {string(obj["text"])}{nl}}}'
    return None


def _location(loc: object, nl: str, string) -> str | None:
    """The text of a location (``{"id": ..., "physicalLocation": ...,
    "message": ...}``, the id and the message optional) whose "{" stands
    after ``nl``; None for anything else."""
    if type(loc) is not dict or tuple(loc) not in _LOCATION_KEYS:
        return None
    physical = loc["physicalLocation"]
    if type(physical) is not dict or tuple(physical) != ("artifactLocation", "region"):
        return None
    artifact, region = physical["artifactLocation"], physical["region"]
    if (type(artifact) is not dict or tuple(artifact) != ("uri",) or type(artifact["uri"]) is not str
            or type(region) is not dict or tuple(region) != _REGION
            or not all(type(v) is int for v in region.values())):
        return None
    i1 = nl + "  "
    i2, i3 = i1 + "  ", i1 + "    "
    out = ["{"]
    if "id" in loc:
        if type(loc["id"]) is not int:
            return None
        out.append(f'{i1}"id": {loc["id"]},')
    out.append(f'{i1}"physicalLocation": {{{i2}"artifactLocation": {{{i3}"uri": {string(artifact["uri"])}{i2}}},'
               f'{i2}"region": {{{i3}"startLine": {region["startLine"]},{i3}"startColumn": {region["startColumn"]},'
               f'{i3}"endLine": {region["endLine"]},{i3}"endColumn": {region["endColumn"]}{i2}}}{i1}}}')
    if "message" in loc:
        message = _message(loc["message"], i1, string)
        if message is None:
            return None
        out.append(f',{i1}"message": {message}')
    out.append(nl + "}")
    return "".join(out)


_LOCATION_KEYS = {("physicalLocation",), ("physicalLocation", "message"), ("id", "physicalLocation", "message")}
_RESULT_KEYS = ("ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints")


def _result_text(result: object, nl: str, string) -> str | None:
    """The text of one result of :func:`sarif_results`' shape whose "{"
    stands after ``nl``; None for a result of any other shape."""
    if type(result) is not dict:
        return None
    keys = tuple(result)
    if keys != _RESULT_KEYS and keys != (*_RESULT_KEYS, "relatedLocations"):
        return None
    rule, index, level = result["ruleId"], result["ruleIndex"], result["level"]
    prints, locations = result["partialFingerprints"], result["locations"]
    if (type(rule) is not str or type(index) is not int or type(level) is not str
            or type(prints) is not dict or len(prints) != 1
            or type(prints.get("primaryLocationLineHash/v1")) is not str
            or type(locations) is not list or not locations):
        return None
    i1 = nl + "  "
    i2 = i1 + "  "
    message = _message(result["message"], i1, string)
    located = _locations(locations, i1, string)
    if message is None or located is None:
        return None
    out = [f'{{{i1}"ruleId": {string(rule)},{i1}"ruleIndex": {index},{i1}"level": {string(level)},'
           f'{i1}"message": {message},{i1}"locations": {located},'
           f'{i1}"partialFingerprints": {{{i2}"primaryLocationLineHash/v1": '
           f'{string(prints["primaryLocationLineHash/v1"])}{i1}}}']
    if len(keys) == 7:
        related = result["relatedLocations"]
        if type(related) is not list or not related:
            return None
        located = _locations(related, i1, string)
        if located is None:
            return None
        out.append(f',{i1}"relatedLocations": {located}')
    out.append(nl + "}")
    return "".join(out)


def _locations(locations: list, nl: str, string) -> str | None:
    """The text of a non-empty list of locations whose "[" stands after ``nl``."""
    inner = nl + "  "
    texts = [_location(loc, inner, string) for loc in locations]
    if None in texts:
        return None
    return "[" + inner + ("," + inner).join(texts) + nl + "]"
