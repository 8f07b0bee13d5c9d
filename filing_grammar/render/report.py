"""One filing as a self-contained HTML page: its text shaded by grammar region,
an outline of the parse tree, the diagnostics at their lines, the records as
tables (``filing-grammar report``).  The batch index is in ``report_site``.

The page is built with the standard library: every piece of filing text goes
through :func:`html.escape` (quotes too), and the one template
(``templates/page.html``, with its CSS and script beside it) is filled with
:class:`string.Template`.  The page loads nothing: its Content Security
Policy is ``default-src 'none'`` with the style and the one script allowed
by their SHA-256 hashes, so no filing text can run or fetch anything.

An HTML 8-K is shown as its text rendering (what the grammar read); each
rendered line links to its line of the HTML source, which follows in a
collapsed block.  The text pane and the outline are made in ``report_text``.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import fields
from html import escape
from string import Template
from typing import Iterable

from ..records import Cover, Filing
from . import plain
from .report_diagnostics import _diagnostic, _diagnostic_list, _rules
from .report_text import REGIONS, TextPane, region_of

__all__ = ["render_report", "report_pieces", "page", "REGIONS", "region_of", "MAX_LINES", "MAX_DIAGNOSTICS"]

# The lines a page shows at most (report --max-lines; 0 or None: every line).
# A page of millions of lines is hundreds of MB that no browser opens, and was
# the slowest thing the command line made (issue 12); the largest filing of
# the corpus has 48,000 lines.  Where the page stops, a note says so.
MAX_LINES = 200_000
# The diagnostics a page shows at most (report --max-diagnostics; 0 or None:
# all): the first ones, each under its line and in the list at the top, with
# a note of how many there are; the counts at the top and the rules are of
# all of them.  172,000 item headings made 172,000 diagnostics and a page of
# 176 MB, 3.7 s on top of the filing's check (issue 12); no filing of the
# corpus or the samples has more than three.
MAX_DIAGNOSTICS = 10_000

# ---------------------------------------------------------------------------
#  the page shell
# ---------------------------------------------------------------------------
def _resource(name: str) -> str:
    from importlib.resources import files
    return (files("filing_grammar.render.templates") / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def page(title: str, body: str) -> str:
    """The whole document around ``body`` (already escaped HTML): the
    stylesheet, the one script, and a CSP that allows just those two."""
    style, script = _resource("report.css"), _resource("report.js")
    csp = (f"default-src 'none'; style-src '{_sha256(style)}'; script-src '{_sha256(script)}'; "
           "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
           "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'")
    return Template(_resource("page.html")).substitute(
        title=escape(title), csp=escape(csp), style=style, script=script, body=body)


# what stands for the body: never in the escaped title (a "<"), the style
# nor the script (a NUL)
_BODY = "<\x00body\x00>"


def _page_around(title: str) -> tuple[str, str]:
    """The text of :func:`page` before and after its body."""
    whole = page(title, _BODY)
    before, body, after = whole.partition(_BODY)
    if not body or _BODY in after:
        raise ValueError("the page template must hold its body once")
    return before, after


# ---------------------------------------------------------------------------
#  records
# ---------------------------------------------------------------------------
def _cell(value, key: str | None) -> str:
    if value is None or value == "":
        return '<td class="na">—</td>'
    if isinstance(value, bool):
        value = "yes" if value else "no"
    text = escape(plain(value))
    return f'<td><a href="#{key}">{text}</a></td>' if key else f"<td>{text}</td>"


def _table(title: str, head: Iterable[str], rows: list[str], anchor: str) -> str:
    if not rows:
        return f'<div class="rb"><h3 id="{anchor}">{escape(title)}</h3><p class="none">None read.</p></div>'
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (f'<div class="rb"><h3 id="{anchor}">{escape(title)}</h3><table class="rec"><thead><tr>{th}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></div>')


def _records(filing: Filing, text: TextPane) -> str:
    loc = text.locate
    out = []
    head = filing.sec_header
    if head is not None:
        rows = [f"<tr><th>{escape(k)}</th>{_cell(v, loc(head.span))}</tr>" for k, v in (
            ("accession number", head.accession_number), ("submission type", head.submission_type),
            ("period of report", head.period_of_report), ("filed as of", head.filed_as_of_date))]
        out.append(_table("SEC header", ("field", "value"), rows, "rec-header"))
    cover = filing.cover or Cover()
    rows = []
    for f in fields(Cover):
        if not f.metadata.get("json", True) or f.name in ("checkboxes", "securities_12b", "co_registrants"):
            continue
        rows.append(f"<tr><th>{escape(f.name.replace('_', ' '))}</th>"
                    f"{_cell(getattr(cover, f.name), loc(cover.spans.get(f.name)))}</tr>")
    for name, value in (cover.checkboxes or {}).items():
        rows.append(f"<tr><th>box: {escape(name.replace('_', ' '))}</th>{_cell(value, None)}</tr>")
    for sec in cover.securities_12b:
        rows.append(f"<tr><th>12(b) security</th>{_cell(' · '.join(str(v) for v in sec.values() if v), None)}</tr>")
    for co in cover.co_registrants:
        rows.append(f"<tr><th>co-registrant</th>{_cell(co.get('name'), None)}</tr>")
    out.append(_table("Cover", ("field", "value"), rows, "rec-cover"))
    rows = []
    for i in filing.items:
        at = loc(i.span)  # (once: the number and the title fall back to it)
        rows.append(f"<tr>{_cell(i.number, (loc(i.number_spans.get(i.number)) if i.number else None) or at)}"
                    f"{_cell(i.title, loc(i.title_span) or at)}{_cell(i.line, at)}"
                    f"<td class='num'>{len(i.text.split())}</td></tr>")
    out.append(_table("Items", ("number", "title", "line", "words"), rows, "rec-items"))
    sig = filing.signature
    rows = []
    if sig is not None:
        for name in ("registrant", "signer", "title", "date"):
            rows.append(f"<tr><th>{name}</th>{_cell(getattr(sig, name), loc(sig.spans.get(name)) or loc(sig.span))}</tr>")
    out.append(_table("Signature", ("field", "value"), rows, "rec-signature"))
    rows = [f"<tr>{_cell(e.number, loc(e.number_span) or loc(e.span))}{_cell(e.description, loc(e.span))}"
            f"{_cell(e.page, None)}</tr>" for e in filing.exhibit_index]
    out.append(_table("Exhibits", ("number", "description", "page"), rows, "rec-exhibits"))
    rows = [f"<tr>{_cell(d.type, loc(d.span))}{_cell(d.sequence, None)}{_cell(d.filename, None)}"
            f"{_cell(d.description, None)}{_cell(d.line, loc(d.span))}</tr>" for d in filing.documents]
    out.append(_table("Documents", ("type", "sequence", "file name", "description", "line"), rows, "rec-documents"))
    if filing.xbrl:
        rows = [f"<tr><th>{escape(plain(name))}</th>"
                f"{_cell(', '.join(values), loc((filing.xbrl_spans.get(name) or (None,))[0]))}</tr>"
                for name, values in filing.xbrl.items()]
        out.append(_table("Inline XBRL facts", ("name", "values"), rows, "rec-xbrl"))
    if filing.unmatched:
        rows = [f"<tr>{_cell(u.line, loc(u.span))}{_cell(u.end_line, None)}{_cell(u.text[:200], loc(u.span))}</tr>"
                for u in filing.unmatched]
        out.append(_table("Unmatched text", ("line", "to line", "text"), rows, "rec-unmatched"))
    return "".join(out)


# ---------------------------------------------------------------------------
#  the report
# ---------------------------------------------------------------------------
def _legend() -> str:
    keys = "".join(f'<li><span class="sw g-{k}{" item-a" if k == "item" else ""}"></span>{escape(n)}</li>'
                   for k, n in REGIONS)
    return (f'<ul class="legend" aria-label="legend">{keys}'
            '<li>diagnostics: <mark class="s-error">error</mark> <mark class="s-warning">warning</mark></li></ul>')


def counts(diagnostics) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        out[d.severity] = out.get(d.severity, 0) + 1
    return out


def render_report(src, parsed, filing: Filing, diagnostics, name: str | None = None,
                  index_href: str | None = None, max_lines: int | None = MAX_LINES,
                  max_diagnostics: int | None = MAX_DIAGNOSTICS) -> str:
    """The report page of one filing (a str of HTML)."""
    return "".join(report_pieces(src, parsed, filing, diagnostics, name, index_href, max_lines, max_diagnostics))


def report_pieces(src, parsed, filing: Filing, diagnostics, name: str | None = None,
                  index_href: str | None = None, max_lines: int | None = MAX_LINES,
                  max_diagnostics: int | None = MAX_DIAGNOSTICS) -> list[str]:
    """:func:`render_report`'s page in pieces, to be written one after the
    other: a filing of millions of lines is not joined into one string, nor
    copied into its page (three copies of half a GB, twice that once a
    character of the page is not Latin-1: issue 12)."""
    name = name or src.path or "<stdin>"
    listed = list(diagnostics)
    if max_diagnostics and len(listed) > max_diagnostics:
        listed = listed[:max_diagnostics]
    text = TextPane(src, listed, max_lines)
    text.visit(parsed.tree)
    where = [text.locate(d.primary.span) for d in listed]
    for k, key in enumerate(where):
        text.at_line.setdefault(key or "", []).append(k)
    body_text = text.text_pane(listed)
    stray = [_diagnostic(listed[k], k, text) for k in text.at_line.get("", ())]
    c = counts(diagnostics)
    chips = "".join(f'<span class="chip s-{s}{" zero" if not n else ""}">{n} {s}{"s" if n != 1 and s != "info" else ""}</span>'
                    for s, n in c.items())
    unmatched = sum(u.end_line - u.line + 1 for u in filing.unmatched)
    if unmatched:
        chips += f'<span class="chip g-unmatched">{unmatched} unmatched line{"s" if unmatched != 1 else ""}</span>'
    back = f'<a class="back" href="{escape(index_href)}">← all filings</a>' if index_href else ""
    form = escape(filing.form_type or "unknown form")
    registrant = escape(plain((filing.cover.registrant_name if filing.cover else None) or ""))
    cut = "" if len(listed) == len(diagnostics) else (
        f'<p class="cut" id="diag-cut">The page shows the first {len(listed):,} of {len(diagnostics):,} '
        f'diagnostics (<code>report --max-diagnostics N</code>; 0 shows all); '
        f'<code>filing-grammar check</code> lists every one.</p>')
    diag_panel = (f'<section class="panel" id="diagnostics"><h2>Diagnostics</h2>{cut}'
                  f'{_diagnostic_list(listed, where, text.shown)}{"".join(stray)}</section>' if diagnostics else "")
    head = f"""
<header class="top"><div class="title">{back}
<h1>{escape(plain(name))}</h1>
<p class="sub">{form}{" · " + registrant if registrant else ""}{" · HTML document, shown as its text rendering" if filing.is_html else ""}</p></div>
<div class="side"><p class="chips">{chips}</p>
<nav class="jump"><a href="#text">Text</a> <a href="#records">Records</a> <a href="#rules">Rules</a></nav></div>
</header>
{diag_panel}
<div class="main{" has-html" if text.has_html else ""}">
<nav class="outline" id="outline" aria-label="parse tree"><h2>Parse tree</h2>{"".join(text.outline)}</nav>
<section class="textpane" id="text"><div class="textbar"><h2>Text</h2>{_legend()}</div>
<div class="lines">"""
    tail = f"""</div></section>
</div>
<section class="panel" id="records"><h2>Records</h2><div class="recs">{_records(filing, text)}</div></section>
<section class="panel" id="rules"><h2>Rules</h2>{_rules(diagnostics) or '<p class="none">No rule was broken.</p>'}</section>
<footer>Written by filing-grammar report. This page loads nothing from the network.</footer>
"""
    before, after = _page_around(f"{name} — filing-grammar report")
    return [before + head, *body_text, tail + after]
