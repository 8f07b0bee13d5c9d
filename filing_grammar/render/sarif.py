"""SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue as
``tool.driver.rules``, one result per diagnostic with a physical location.
Checked against the official schema in tests/schemas/."""

from __future__ import annotations

import hashlib
import os
from typing import Any, Iterable
from urllib.parse import quote

from .. import __version__
from ..checks.diagnostic import Severity
from ..checks.rules import RULES, Rule
from .diagnostics import FileResult

__all__ = ["to_sarif", "sarif_results", "sarif_log", "SARIF_SCHEMA", "LEVELS"]

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
    """The SARIF results of one file: all a log needs of it (a batch keeps
    these, not the file's source)."""
    out = []
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
        out.append(result)
    return out


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
