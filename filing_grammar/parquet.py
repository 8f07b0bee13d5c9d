"""Records and diagnostics as Parquet: one row per filing (``pip install
'filing-grammar[parquet]'``, which brings pyarrow).

The schemas follow the JSON records field for field (README.md, "Parquet");
nested records are structs, sequences lists of structs.  Two things differ
from the JSON, both forced by a fixed schema: a key a JSON object may leave
out (``registrant`` of a Section 12(b) row, present only on a combined
cover; a field of a co-registrant the cover does not give) is there as null;
``xbrl`` and ``summary.by_code`` are maps (``pyarrow`` reads them back as
lists of ``(key, value)`` pairs).  :func:`to_row` makes a row of a record,
:func:`as_json` turns a row read back into the JSON record again.

Rows are written in row groups of :data:`ROWS_PER_GROUP`, so the memory
taken is that of one group, whatever the length of the batch.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

__all__ = ["schema", "Writer", "to_row", "as_json", "ROWS_PER_GROUP", "MissingPyarrow"]

ROWS_PER_GROUP = 512


class MissingPyarrow(ImportError):
    pass


def _pa():
    try:
        import pyarrow
    except ImportError:
        raise MissingPyarrow("--format parquet needs pyarrow: pip install 'filing-grammar[parquet]'") from None
    return pyarrow


def schema(kind: str):
    """The Arrow schema of ``parse`` (``kind="parse"``) or ``check`` rows."""
    pa = _pa()
    s, i64, b = pa.string(), pa.int64(), pa.bool_()

    def struct(*names: str, **typed) -> Any:
        return pa.struct([pa.field(n, s) for n in names] + [pa.field(k, v) for k, v in typed.items()])

    if kind == "check":
        diagnostic = pa.struct([
            ("code", s), ("severity", s), ("message", s), ("line", i64), ("column", i64),
            ("end_line", i64), ("end_column", i64), ("label", s), ("notes", pa.list_(s)), ("help", s)])
        return pa.schema([
            ("path", s),
            ("diagnostics", pa.list_(diagnostic)),
            ("summary", pa.struct([("errors", i64), ("warnings", i64), ("infos", i64),
                                   ("by_code", pa.map_(s, i64))])),
        ])
    checkboxes = pa.struct([(k, b) for k in ("written_communications", "soliciting_material",
                                             "pre_commencement_14d2b", "pre_commencement_13e4c")])
    cover = struct(
        "date_of_report", "registrant_name", "registrant_description", "state_of_incorporation",
        "commission_file_number", "irs_employer_id", "address", "zip_code", "telephone", "former_name",
        checkboxes=checkboxes, emerging_growth_company=b,
        securities_12b=pa.list_(struct("title", "trading_symbol", "exchange", "registrant")),
        co_registrants=pa.list_(struct("name", "state_of_incorporation", "commission_file_number",
                                       "irs_employer_id", "address", "telephone")))
    sec_header = struct(
        "accession_number", "submission_type", "period_of_report", "filed_as_of_date",
        item_information=pa.list_(s),
        filers=pa.list_(struct("name", "cik", "state_of_incorporation", "irs_number", "fiscal_year_end")))
    return pa.schema([
        ("path", s),
        ("form_type", s),
        ("amendment", struct("number", "purpose")),
        ("sec_header", sec_header),
        ("cover", cover),
        ("items", pa.list_(struct("number", "title", "text", line=i64))),
        ("signature", struct("registrant", "signer", "title", "date")),
        ("exhibit_index", pa.list_(struct("number", "description", "page"))),
        ("documents", pa.list_(struct("type", sequence=i64, filename=s, description=s, line=i64))),
        ("unmatched", pa.list_(struct(line=i64, end_line=i64, text=s))),
        ("xbrl", pa.map_(s, pa.list_(s))),
    ])


def to_row(record: dict, kind: str) -> dict:
    """A JSON record (``parse``: :func:`filing_grammar.parse_bytes`; ``check``:
    :func:`filing_grammar.check_bytes`) as a row of :func:`schema` for
    ``pyarrow.Table.from_pylist``: its maps as lists of pairs."""
    row = dict(record)
    if kind == "parse" and row.get("xbrl") is not None:
        row["xbrl"] = list(row["xbrl"].items())
    elif kind == "check":
        summary = dict(row["summary"])
        summary["by_code"] = list(summary["by_code"].items())
        row["summary"] = summary
    return row


def as_json(row: dict, kind: str) -> dict:
    """A row read back (``table.to_pylist()``) as the JSON record it was
    written from: maps become objects again, and the optional keys that were
    null are left out as the JSON leaves them out."""
    row = dict(row)
    if kind == "check":
        summary = dict(row["summary"])
        summary["by_code"] = dict(summary["by_code"] or [])
        row["summary"] = summary
        return row
    if row["xbrl"] is not None:
        row["xbrl"] = {k: list(v) for k, v in row["xbrl"]}
    cover = dict(row["cover"])
    cover["securities_12b"] = [{k: v for k, v in r.items() if not (k == "registrant" and v is None)}
                               for r in cover["securities_12b"]]
    cover["co_registrants"] = [{k: v for k, v in r.items() if v is not None} for r in cover["co_registrants"]]
    row["cover"] = cover
    return row


class Writer:
    """Rows written to ``path`` in row groups; the file appears (renamed into
    place) only when :meth:`close` is reached, so an interrupted run leaves
    no half-written Parquet file and the old ``path`` as it was."""

    def __init__(self, path: str, kind: str) -> None:
        pa = _pa()
        import pyarrow.parquet as pq
        self.pa, self.kind, self.path = pa, kind, path
        self.schema = schema(kind)
        self.rows: list[dict] = []
        directory = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix=".filing-grammar-", suffix=".parquet.tmp", dir=directory)
        os.close(fd)
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")

    def add(self, record: dict) -> None:
        self.rows.append(to_row(record, self.kind))
        if len(self.rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
        os.chmod(self.tmp, 0o666 & ~_umask())
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.writer.close()
        except Exception:  # noqa: BLE001 - the file goes anyway
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
