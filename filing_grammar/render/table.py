"""Records as rich tables, for people."""

from __future__ import annotations

from typing import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..records import Filing
from . import plain


def _t(value) -> Text:
    return Text(plain(value))


def render_filings(console: Console, filings: Iterable[Filing]) -> None:
    for filing in filings:
        d = filing.to_dict()
        head = Table(title=_t(f"{d['path'] or '<text>'}  ({d['form_type'] or 'unknown form'})"),
                     show_header=False, title_justify="left")
        head.add_column("field", style="bold")
        head.add_column("value")
        if d["sec_header"]:
            h = d["sec_header"]
            for key in ("accession_number", "submission_type", "period_of_report", "filed_as_of_date"):
                head.add_row(_t(key), _t(h[key]))
            head.add_row(_t("item_information"), _t("; ".join(h["item_information"])))
            for f in h["filers"]:
                head.add_row(_t("filer"), _t(f"{f['name']} (CIK {f['cik']})"))
        for key, value in d["cover"].items():
            head.add_row(_t(key), _t(value))
        for key, value in d["signature"].items():
            head.add_row(_t(f"signature.{key}"), _t(value))
        console.print(head)
        _section(console, "items", [("line", "right"), ("item", "left"), ("title", "left")],
                 [(i["line"], i["number"], i["title"]) for i in d["items"]])
        _section(console, "exhibit index", [("exhibit", "left"), ("description", "left"), ("page", "right")],
                 [(e["number"], e["description"], e["page"]) for e in d["exhibit_index"]])
        _section(console, "unmatched text", [("lines", "left"), ("text", "left")],
                 [(f"{u['line']}-{u['end_line']}", u["text"][:200]) for u in d["unmatched"]])


def _section(console: Console, title: str, columns: list[tuple[str, str]], rows: list[tuple]) -> None:
    """A titled table of ``rows``; nothing when there are none."""
    if not rows:
        return
    if not console.is_terminal and console.color_system is None:
        text = plain_section(title, columns, [tuple(plain(v) for v in row) for row in rows], console.width)
        if text is not None:
            console.file.write(text)
            return
    table = Table(title=Text(title), title_justify="left")
    for name, justify in columns:
        table.add_column(name, justify=justify)
    for row in rows:
        table.add_row(*(_t(v) for v in row))
    console.print(table)


_PRINTABLE = frozenset(chr(c) for c in range(0x20, 0x7F))


def plain_section(title: str, columns: list[tuple[str, str]], rows: list[tuple[str, ...]], width: int) -> str | None:
    """The table :func:`_section` prints, as rich prints it where no style is
    shown (a pipe, a file), drawn here: rich measures and renders every cell
    of a table through its layout engine, half a millisecond a row (the items
    of a huge filing took minutes).  Only where rich's layout is the plain
    one: every cell one line of printable ASCII and the table no wider than
    the console, so no column is shrunk or wrapped; None otherwise, for rich
    to draw.  tests/test_render_table.py compares the two."""
    names = [name for name, _ in columns]
    widths = [len(name) for name in names]
    for row in rows:
        for i, cell in enumerate(row):
            if not _PRINTABLE.issuperset(cell):
                return None
            if len(cell) > widths[i]:
                widths[i] = len(cell)
    total = sum(widths) + 3 * len(widths) + 1
    if total > width or not _PRINTABLE.issuperset(title) or len(title) > total:
        return None
    right = [justify == "right" for _, justify in columns]  # (rich right-justifies a cell without its trailing blanks)

    def line(left: str, fill: str, mid: str, end: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + end + "\n"

    def cells(bar: str, values) -> str:
        return bar + bar.join(" " + (v.rstrip().rjust(w) if r else v.ljust(w)) + " "
                              for v, w, r in zip(values, widths, right)) + bar + "\n"

    out = [title.ljust(total) + "\n", line("\u250f", "\u2501", "\u2533", "\u2513"), cells("\u2503", names),
           line("\u2521", "\u2501", "\u2547", "\u2529")]
    out.extend(cells("\u2502", row) for row in rows)
    out.append(line("\u2514", "\u2500", "\u2534", "\u2518"))
    return "".join(out)
