"""Conformance checks: the rule catalogue and the checks that read a parsed
filing (records + tree + source) and report :class:`Diagnostic`\\ s.

    >>> from filing_grammar.checks import check_source
    >>> diagnostics = check_source(fg.read_source(data, path))

Pipeline: ``parse_source`` -> :func:`run_checks` -> renderers in
``filing_grammar/render/{diagnostics,sarif}.py``.
"""

from __future__ import annotations

from typing import Iterable

from ..api import parse_source
from ..parser import ParseResult
from ..records import Filing
from ..source import Source
from . import cover, envelope, exhibits, items, layout, signature
from .context import Context
from .diagnostic import SEVERITIES, Diagnostic, Label, Severity
from .rules import RULES, Rule, rule, select_codes

__all__ = ["Diagnostic", "Label", "Severity", "SEVERITIES", "Rule", "RULES", "rule",
           "select_codes", "run_checks", "check_source"]

FAMILIES = (envelope, cover, items, signature, exhibits, layout)


def run_checks(src: Source, parsed: ParseResult, filing: Filing,
               codes: Iterable[str] | None = None) -> list[Diagnostic]:
    """All diagnostics of one parsed filing, in line order.  ``codes`` limits
    them to those codes (see :func:`select_codes`)."""
    enabled = set(codes) if codes is not None else {r.code for r in RULES}
    ctx = Context(src, parsed, filing)
    if not filing.is_8k:
        found = [envelope.not_an_8k(ctx)]
    elif not filing.items and filing.is_html:
        ctx.items_unread = True
        found = [envelope.html_not_read(ctx)]
        found += [d for family in (envelope, layout) for d in family.check(ctx)]
    else:
        found = [d for family in FAMILIES for d in family.check(ctx)]
    return sorted((d for d in found if d.code in enabled), key=Diagnostic.sort_key)


def check_source(src: Source, codes: Iterable[str] | None = None) -> list[Diagnostic]:
    parsed, filing = parse_source(src)
    return run_checks(src, parsed, filing, codes)
