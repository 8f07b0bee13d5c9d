"""What a check reports: a :class:`Diagnostic`, rustc-style.

A diagnostic has a code from the catalogue (:mod:`.rules`), a severity, a
message (lower case, no final period), a primary :class:`Label` (a span of the
filing, underlined, with a short text that makes sense on its own), optional
secondary labels, ``notes`` (facts) and ``help`` (a fix, only when there is
one).  Lines and columns are 1-based, end columns exclusive, as in records.Span
and SARIF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Span

__all__ = ["Severity", "Label", "Diagnostic", "SEVERITIES"]


class Severity:
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class Label:
    """A secondary place of a diagnostic, with its message."""

    span: Span
    message: str = ""


@dataclass
class Diagnostic:
    """One finding of a check: code, severity, message, where."""

    code: str
    severity: str
    message: str
    primary: Label
    secondary: list[Label] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    help: str | None = None

    @property
    def line(self) -> int:
        return self.primary.span.line

    @property
    def column(self) -> int:
        return self.primary.span.column

    def sort_key(self) -> tuple:
        s = self.primary.span
        return (s.line, s.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        s = self.primary.span
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": s.line,
            "column": s.column,
            "end_line": s.end_line,
            "end_column": s.end_column,
            "label": self.primary.message or None,
            "notes": list(self.notes),
            "help": self.help,
        }
