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
    table = Table(title=Text(title), title_justify="left")
    for name, justify in columns:
        table.add_column(name, justify=justify)
    for row in rows:
        table.add_row(*(_t(v) for v in row))
    console.print(table)
