"""The index page of a batch report: one row per filing (status, counts by
severity and by code, sortable by its script), and a bar chart of the
diagnostics by code drawn here as inline SVG."""

from __future__ import annotations

import os
from html import escape

from . import plain
from .report import page

__all__ = ["render_index", "bar_chart"]

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def bar_chart(totals: dict[str, tuple[str, int, int]]) -> str:
    """Horizontal bars, one per code: ``code -> (severity, diagnostics,
    filings)``, most frequent first; inline SVG, no script."""
    if not totals:
        return '<p class="none">No diagnostics in any filing.</p>'
    rows = sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))
    top = max(n for _, n, _ in totals.values())
    bar_h, gap, left, width, right = 18, 6, 70, 760, 150
    height = len(rows) * (bar_h + gap) + 24
    out = [f'<svg class="chart" role="img" aria-label="diagnostics by code" xmlns="http://www.w3.org/2000/svg" '
           f'width="{left + width + right}" height="{height}" viewBox="0 0 {left + width + right} {height}">']
    for k in range(5):
        x = left + width * k / 4
        out.append(f'<line class="grid" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 20}"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle">{round(top * k / 4)}</text>')
    for i, (code, (severity, n, files)) in enumerate(rows):
        y = i * (bar_h + gap)
        w = max(2.0, width * n / top)
        out.append(f'<text class="code" x="{left - 8}" y="{y + 13}" text-anchor="end">{escape(code)}</text>')
        out.append(f'<rect class="bar-{escape(severity)}" x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3">'
                   f'<title>{escape(code)}: {n} diagnostic{"s" if n != 1 else ""} in {files} '
                   f'filing{"s" if files != 1 else ""}</title></rect>')
        out.append(f'<text x="{left + w + 6:.1f}" y="{y + 13}">{n} in {files} filing{"s" if files != 1 else ""}</text>')
    out.append("</svg>")
    legend = "".join(f'<li><span class="sw bar-{s}"></span>{s}</li>' for s in ("error", "warning", "info"))
    return "".join(out) + f'<ul class="legend">{legend}</ul>'


def _shown_paths(paths: list[str]) -> tuple[str, list[str]]:
    """The folder the paths share, and each path from it."""
    try:
        common = os.path.commonpath([os.path.dirname(p) or "." for p in paths]) if paths else ""
    except ValueError:  # absolute and relative paths mixed
        common = ""
    if not common or common == ".":
        return "", paths
    return common, [os.path.relpath(p, common) for p in paths]


def render_index(rows: list[dict]) -> str:
    """The index page: ``rows`` as the report command collects them."""
    totals: dict[str, list] = {}
    body_rows = []
    common, shown = _shown_paths([r["path"] for r in rows])
    for r, name in zip(rows, shown):
        if r.get("failed"):
            body_rows.append(f'<tr><td>{escape(plain(name))}</td><td></td><td></td>'
                             f'<td class="status unread" data-v="0">not read</td>'
                             + '<td class="num" data-v="-1">—</td>' * 5 + "<td></td></tr>")
            continue
        c = r["counts"]
        for code, (severity, n) in r["codes"].items():
            t = totals.setdefault(code, [severity, 0, 0])
            t[1] += n
            t[2] += 1
        status, rank = (("errors", 1) if c["error"] else ("warnings", 2) if c["warning"] else ("ok", 3))
        chips = "".join(
            f'<span class="c s-{escape(sev)}" title="{escape(sev)}">{escape(code)}×{n}</span>'
            for code, (sev, n) in sorted(r["codes"].items(), key=lambda kv: (_SEVERITY_ORDER.get(kv[1][0], 3), kv[0])))
        body_rows.append(
            f'<tr><td><a href="{escape(r["page"])}">{escape(plain(name))}</a></td>'
            f'<td>{escape(plain(r.get("registrant") or ""))}</td><td>{escape(r.get("form") or "")}</td>'
            f'<td class="status {status}" data-v="{rank}">{status}</td>'
            f'<td class="num">{c["error"]}</td><td class="num">{c["warning"]}</td><td class="num">{c["info"]}</td>'
            f'<td class="num">{r["items"]}</td><td class="num">{r["unmatched"]}</td>'
            f'<td class="codes">{chips}</td></tr>')
    read = [r for r in rows if not r.get("failed")]
    n_err = sum(1 for r in read if r["counts"]["error"])
    summary = (f'{len(rows)} filing{"s" if len(rows) != 1 else ""}: {len(read) - n_err} without errors, '
               f'{n_err} with errors, {len(rows) - len(read)} not read')
    head = "".join(f"<th>{h}</th>" for h in ("file", "registrant", "form", "status", "errors", "warnings",
                                              "info", "items", "unmatched lines", "codes"))
    chart = bar_chart({k: (v[0], v[1], v[2]) for k, v in totals.items()})
    body = f"""
<header class="top"><div class="title"><h1>filing-grammar report</h1>
<p class="sub">{escape(summary)}{" · in " + escape(plain(common)) if common else ""}</p></div>
<nav class="jump"><a href="#filings">Filings</a> <a href="#chart">Diagnostics by code</a></nav></header>
<section class="panel" id="chart"><h2>Diagnostics by code</h2>{chart}</section>
<section class="panel" id="filings"><h2>Filings</h2>
<table class="index sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(body_rows)}</tbody></table></section>
<footer>Written by filing-grammar report. Click a column heading to sort (with JavaScript on).
This page loads nothing from the network.</footer>
"""
    return page("filing-grammar report", body)
