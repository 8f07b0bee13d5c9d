"""The diagnostics of the report page (render/report.py): each one under its
line, the list of them, and the rules they break.  A diagnostic's fixed
parts (its code's) are made once per code, and its texts once per text
(a filing of 128,000 items has 256,000 diagnostics: issue 12)."""

from __future__ import annotations

import functools
from html import escape

from . import plain


@functools.lru_cache(maxsize=256)
def _diagnostic_head(severity: str, code: str) -> tuple[str, str]:
    """The HTML of a diagnostic of ``code`` before its number and after it,
    up to its message (the same for every diagnostic of a code)."""
    from ..checks.rules import rule
    r = rule(code)
    title = escape(r.summary) if r else ""
    return (f'<div class="diag s-{escape(severity)}" id="d',
            f'"><span class="sev">{escape(severity)}</span> '
            f'<a class="code" href="#rule-{escape(code)}" title="{title}">{escape(code)}</a> ')


def _text(value: object, cache: dict) -> str:
    """``escape(plain(value))``, kept in ``cache`` (a message is often
    repeated: one per item of a filing of 128,000 items; issue 12)."""
    if value.__class__ is not str:
        return escape(plain(value))
    shown = cache.get(value)
    if shown is None:
        shown = cache[value] = escape(plain(value))
    return shown


def _at(key: str | None, where: str, cls: str = "", before: str = "") -> str:
    """A link to the line ``key`` shows; no link to a line the page does not
    show (report --max-lines)."""
    return f'{before}<a{cls} href="#{key}">{where}</a>' if key else f'{before}<span{cls}>{where}</span>'


def _diagnostic(d, k: int, text: "TextPane") -> str:
    before, after = _diagnostic_head(d.severity, d.code)
    cache = text.shown
    parts = [before, str(k), after, f'<span class="msg">{_text(d.message, cache)}</span>']
    if d.primary.message:
        parts.append(f' <span class="lab">— {_text(d.primary.message, cache)}</span>')
    parts.append(_at(text.source_line(d.line), f"line {d.line}:{d.column}", ' class="at"', " "))
    for label in d.secondary:
        shown = text.locate(label.span) or text.source_line(label.span.line)
        parts.append(f'<div class="note">also {_at(shown, f"line {label.span.line}")}: '
                     f'{_text(label.message, cache)}</div>')
    for note in d.notes:
        parts.append(f'<div class="note">note: {_text(note, cache)}</div>')
    if d.help:
        parts.append(f'<div class="help">help: {_text(d.help, cache)}</div>')
    parts.append("</div>")
    return "".join(parts)


def _diagnostic_list(diagnostics, where: list[str | None], cache: dict | None = None) -> str:
    if not diagnostics:
        return '<p class="none">No diagnostics.</p>'
    cache = {} if cache is None else cache
    heads: dict[tuple[str, str], str] = {}
    rows = []
    for k, d in enumerate(diagnostics):
        head = heads.get((d.severity, d.code))
        if head is None:
            head = heads[(d.severity, d.code)] = (f'"><span class="sev">{escape(d.severity)}'
                                                  f'</span> <b>{escape(d.code)}</b> line ')
        rows.append(f'<li class="s-{escape(d.severity)}"><a href="#d{k}{head}{d.line}: '
                    f'{_text(d.message, cache)}</a></li>')
    return f'<ol class="diags">{"".join(rows)}</ol>'


def _rules(diagnostics) -> str:
    from ..checks.rules import rule
    out = []
    for code in sorted({d.code for d in diagnostics}):
        r = rule(code)
        if r is None:
            continue
        fix = f"<p><b>Fix:</b> {escape(r.fix)}</p>" if r.fix else ""
        out.append(f'<div class="rule" id="rule-{escape(code)}"><h3>{escape(code)} {escape(r.name)} '
                   f'<span class="sev s-{escape(r.severity)}">{escape(r.severity)}</span></h3>'
                   f'<p class="sum">{escape(r.summary)}</p><p>{escape(r.what)}</p><p>{escape(r.why)}</p>{fix}'
                   f'<p class="doc">Full page: <code>docs/rules/{escape(code)}.md</code>, or '
                   f'<code>filing-grammar explain {escape(code)}</code></p></div>')
    return "".join(out)
