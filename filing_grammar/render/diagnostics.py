"""Diagnostics for people: rustc/ariadne-style ``rich`` output, ``concise``
one-liners (ruff style), and the JSON record.

Filing text only ever reaches rich inside ``rich.text.Text`` objects, never as
markup, so a filing line such as ``[bold]`` or ``[link=...]`` prints as typed.
Colour is rich's decision: only on a terminal, never under ``NO_COLOR``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..checks.diagnostic import Diagnostic, Label, Severity
from ..records import Span
from ..source import Source

if TYPE_CHECKING:  # pragma: no cover - rich is loaded where something is drawn
    from rich.console import Console
    from rich.text import Text

__all__ = ["FileResult", "render_rich", "render_one", "render_concise", "to_json", "summary",
           "summary_line", "Tally", "render_summary", "render_plain", "plain_console"]

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
GUTTER = "bold blue"
TAB = 4
MAX_SPAN_LINES = 4  # lines of a multi-line span shown (first ones, then the last)
MAX_LINE = 120  # a longer line is shown cut around the span


@dataclass
class FileResult:
    """The diagnostics of one file, with its source (for the snippets)."""

    path: str
    source: Source | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


# ---------------------------------------------------------------------------
#  concise
# ---------------------------------------------------------------------------
def render_concise(results: Iterable[FileResult]) -> str:
    out = []
    for r in results:
        for d in r.diagnostics:
            out.append(f"{r.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
    return "".join(out)


# ---------------------------------------------------------------------------
#  summary and JSON
# ---------------------------------------------------------------------------
def summary(diagnostics: Sequence[Diagnostic]) -> dict[str, Any]:
    sev = Counter(d.severity for d in diagnostics)
    return {
        "errors": sev.get(Severity.ERROR, 0),
        "warnings": sev.get(Severity.WARNING, 0),
        "infos": sev.get(Severity.INFO, 0),
        "by_code": dict(sorted(Counter(d.code for d in diagnostics).items())),
    }


def to_json(result: FileResult) -> dict[str, Any]:
    return {"path": result.path,
            "diagnostics": [d.to_dict() for d in result.diagnostics],
            "summary": summary(result.diagnostics)}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class Tally:
    """What the summary line needs of a batch, counted as it goes: files and
    diagnostics by severity (not the files' sources or diagnostics)."""
    files: int = 0
    severities: Counter = field(default_factory=Counter)
    failed: int = 0  # files that could not be checked (unreadable; said on stderr as they came)

    def add(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.files += 1
        self.severities.update(d.severity for d in diagnostics)

    def line(self) -> str:
        sev = self.severities
        files = _plural(self.files, "file")
        if not sum(sev.values()):
            # (not "no problems found in 0 files" when the one file named could not be read)
            text = f"no problems found in {files}" if self.files or not self.failed else ""
        else:
            parts = [_plural(sev[Severity.ERROR], "error"), _plural(sev[Severity.WARNING], "warning")]
            if sev[Severity.INFO]:
                parts.append(_plural(sev[Severity.INFO], "info"))
            text = f"found {', '.join(parts[:-1])} and {parts[-1]} in {files}"
        if self.failed:
            unchecked = f"{_plural(self.failed, 'file')} could not be checked"
            text = f"{text}; {unchecked}" if text else unchecked
        return text


def summary_line(results: Sequence[FileResult]) -> str:
    tally = Tally()
    for r in results:
        tally.add(r.diagnostics)
    return tally.line()


# ---------------------------------------------------------------------------
#  rich (rustc style)
# ---------------------------------------------------------------------------
def _display(text: str) -> str:
    return text.expandtabs(TAB).rstrip()


def _dcol(text: str, column: int) -> int:
    """Display column (0-based) of 1-based character ``column`` of ``text``."""
    return len(text[: max(0, column - 1)].expandtabs(TAB))


def _window(text: str, start: int) -> tuple[int, str]:
    """Cut a line longer than MAX_LINE around display column ``start`` (one-line
    HTML documents): (columns cut on the left, text shown, with '...' marks)."""
    if len(text) <= MAX_LINE:
        return 0, text
    w0 = max(0, min(start - 20, len(text) - MAX_LINE))
    shown = text[w0:w0 + MAX_LINE]
    if w0 > 0:
        shown = "..." + shown[3:]
    if w0 + MAX_LINE < len(text):
        shown = shown[:-3] + "..."
    return w0, shown


def _label_rows(src: Source, label: Label) -> dict[int, tuple[int, int]]:
    """line -> (display start, display end) underlined on that line."""
    s: Span = label.span
    rows = {}
    for n in range(s.line, s.end_line + 1):
        text = src.line(n)
        if n == s.line:
            a = _dcol(text, s.column)
        else:
            a = _dcol(text, len(text) - len(text.lstrip()) + 1)
        if n == s.end_line:
            b = _dcol(text, s.end_column)
        else:
            b = len(_display(text))
        rows[n] = (a, max(b, a + 1))
    return rows


def _shown_lines(src: Source, d: Diagnostic) -> list[int]:
    lines: set[int] = set()
    for label in [d.primary, *d.secondary]:
        s = label.span
        span_lines = list(range(s.line, s.end_line + 1))
        if len(span_lines) > MAX_SPAN_LINES:
            span_lines = span_lines[: MAX_SPAN_LINES - 1] + span_lines[-1:]
        lines.update(span_lines)
    # one line of context above the primary span, if it has text
    above = d.primary.span.line - 1
    if above >= 1 and src.line(above).strip():
        lines.add(above)
    return sorted(n for n in lines if 1 <= n <= len(src.line_starts))


# Diagnostics printed by one call of rich's print: its cost per call is high, and
# its line splitting of one Text grows faster than the Text (5,000 headings:
# 7.8 s one at a time, 6.8 s by 8, 9.9 s by 64).
PRINT_BATCH = 8


def render_one(console: Console, path: str, src: Source | None, d: Diagnostic) -> None:
    """Print one diagnostic, rustc style, and a blank line."""
    console.print(diagnostic_text(path, src, d), soft_wrap=True)


def diagnostic_text(path: str, src: Source | None, d: Diagnostic):
    """One diagnostic as a rich Text of its lines (the last one blank): one
    print for it, or for many, since rich's cost per print call was most of
    the time for a file with thousands of diagnostics (issue 12)."""
    from rich.text import Text
    out: list[Text] = []
    for line in diagnostic_lines(path, src, d):
        t = Text()
        for piece, style in line:
            t.append(piece, style=style)
        out.append(t)
    return Text("\n").join(out)


Piece = tuple[str, "str | None"]  # text and its rich style (None: unstyled)


def diagnostic_lines(path: str, src: Source | None, d: Diagnostic) -> list[list[Piece]]:
    """One diagnostic, rustc style, as its lines (the last one blank), each
    a list of (text, style) pieces: what :func:`diagnostic_text` makes a rich
    Text of, and :func:`render_plain` joins without rich (building rich
    Texts was nearly all the time of ``check --format rich`` into a pipe on a
    filing of 20,000 items: issue 12)."""
    out: list[list[Piece]] = []
    style = STYLES.get(d.severity, "bold")
    out.append([(f"{d.severity}[{d.code}]", style), (": ", "bold"), (d.message, "bold")])
    s = d.primary.span
    lines = _shown_lines(src, d) if src is not None else []
    width = len(str(max(lines))) if lines else len(str(s.line))
    pad = " " * width
    out.append([(f"{pad}--> ", GUTTER), (f"{path}:{s.line}:{s.column}", None)])
    bar = (f"{pad} |", GUTTER)  # the gutter of a line without a number

    if lines:
        out.append([bar])
        labels = [(d.primary, True)] + [(lab, False) for lab in d.secondary]
        rows = [(lab, primary, _label_rows(src, lab)) for lab, primary in labels]
        previous = None
        for n in lines:
            if previous is not None and n > previous + 1:
                out.append([("...", GUTTER)])
            previous = n
            row: list[Piece] = [(f"{str(n).rjust(width)} |", GUTTER)]
            text = _display(src.line(n))
            starts = [spans[n][0] for _, _, spans in rows if n in spans]
            w0, text = _window(text, min(starts) if starts else 0)
            if text:
                row.append((" ", None))
                row.append((text, None))
            out.append(row)
            for lab, primary, spans in rows:
                if n not in spans:
                    continue
                a, b = spans[n]
                a, b = max(a - w0, 0), min(b - w0, len(text))
                b = max(b, a + 1)
                mark = "^" if primary else "-"
                under: list[Piece] = [bar, (" " + " " * a, None),
                                      (mark * (b - a), style if primary else GUTTER)]
                last_shown = max(k for k in spans if k in lines)
                if n == last_shown and lab.message:
                    under.append((" ", None))
                    under.append((lab.message, style if primary else GUTTER))
                out.append(under)
        out.append([bar])
    for note in d.notes:
        out.append([(f"{pad} = ", GUTTER), ("note", "bold"), (": " + note, None)])
    if d.help:
        out.append([(f"{pad} = ", GUTTER), ("help", "bold cyan"), (": " + d.help, None)])
    out.append([])
    return out


def render_rich(console: Console, results: Sequence[FileResult], show_summary: bool = True) -> None:
    from rich.text import Text
    for r in results:
        for k in range(0, len(r.diagnostics), PRINT_BATCH):
            batch = r.diagnostics[k:k + PRINT_BATCH]
            console.print(Text("\n").join(diagnostic_text(r.path, r.source, d) for d in batch), soft_wrap=True)
    if show_summary:
        render_summary(console, summary_line(results))


def render_plain(results: Sequence[FileResult]) -> str | None:
    """What :func:`render_rich` (without the summary) prints on a console that
    shows no style (not a terminal, no colour): each diagnostic's text as it
    is, since rich, printing soft-wrapped, neither wraps nor crops; so rich's
    per-call cost (about half a millisecond a diagnostic) is not paid into a
    pipe, nor the making of rich Texts.  The control characters that rich's
    Text drops (bell, backspace, vertical tab, form feed, carriage return) are
    dropped here too.  None where rich would change the text: a tab, which it
    expands by the cell widths of the characters before it."""
    out: list[str] = []
    for r in results:
        for d in r.diagnostics:
            # each line's pieces, then a newline (the last line is blank: the
            # blank line after the diagnostic); a piece's text taken in C
            # (map, itemgetter), not by a comprehension per line
            lines = diagnostic_lines(r.path, r.source, d)
            text = "\n".join(["".join(map(_TEXT_OF, line)) for line in lines]) + "\n"
            if "\t" in text:
                return None
            # (str's own search: a regular expression was a tenth of the time)
            if any(c in text for c in _RICH_STRIPS_CHARS):
                text = text.translate(_RICH_STRIPS)
            out.append(text)
    return "".join(out)


# What rich.text.Text removes from the text it is given (rich.control's
# STRIP_CONTROL_CODES).
_RICH_STRIPS = dict.fromkeys((7, 8, 11, 12, 13))
_RICH_STRIPS_CHARS = tuple(map(chr, _RICH_STRIPS))
_TEXT_OF = itemgetter(0)  # a piece's text


def render_summary(console: Console, line: str) -> None:
    """The last line of rich output (from :func:`summary_line` or :class:`Tally`)."""
    from rich.text import Text
    console.print(Text(line, style="bold"), soft_wrap=True)


def plain_console(file, width: int = 100) -> Console:
    """A console for golden files and tests: fixed width, no colour."""
    from rich.console import Console
    return Console(file=file, width=width, color_system=None, force_terminal=False,
                   no_color=True, highlight=False, markup=False, emoji=False, soft_wrap=True)


