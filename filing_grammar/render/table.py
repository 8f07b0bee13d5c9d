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
        if d["items"]:
            items = Table(title=Text("items"), title_justify="left")
            items.add_column("line", justify="right")
            items.add_column("item")
            items.add_column("title")
            for i in d["items"]:
                items.add_row(_t(i["line"]), _t(i["number"]), _t(i["title"]))
            console.print(items)
        if d["exhibit_index"]:
            ex = Table(title=Text("exhibit index"), title_justify="left")
            ex.add_column("exhibit")
            ex.add_column("description")
            ex.add_column("page", justify="right")
            for e in d["exhibit_index"]:
                ex.add_row(_t(e["number"]), _t(e["description"]), _t(e["page"]))
            console.print(ex)
        if d["unmatched"]:
            um = Table(title=Text("unmatched text"), title_justify="left")
            um.add_column("lines")
            um.add_column("text")
            for u in d["unmatched"]:
                um.add_row(_t(f"{u['line']}-{u['end_line']}"), _t(u["text"][:200]))
            console.print(um)
