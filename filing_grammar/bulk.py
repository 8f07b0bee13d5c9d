"""The map function of ``check`` for bulk runs (Dask, Spark, a process
pool): :func:`check_bytes`, the diagnostics of one filing's bytes as a
JSON-ready dict.  Its twin for records is :func:`filing_grammar.parse_bytes`
(in :mod:`.api`, which cannot import the checks: they import it).
"""

from __future__ import annotations

from typing import Iterable

from .api import parse_source, read_source
from .checks import run_checks
from .checks.rules import select_codes
from .render.diagnostics import FileResult, to_json

__all__ = ["check_bytes"]


def check_bytes(data: bytes | str, name: str | None = None, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None) -> dict:
    """The diagnostics of a filing's bytes as ``check --format json`` prints
    them (``{"path", "diagnostics", "summary"}``); ``select``/``ignore`` take
    codes or prefixes like ``--select``/``--ignore`` (ValueError for an
    unknown one).  Pure and picklable, like :func:`parse_bytes`."""
    codes = select_codes(select, ignore) if (select or ignore) else None
    src = read_source(data, name)
    parsed, filing = parse_source(src)
    return to_json(FileResult(name or "<stdin>", src, run_checks(src, parsed, filing, codes)))
