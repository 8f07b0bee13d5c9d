"""Inline XBRL (2019 on): the cover facts an 8-K document tags.

The source stage collects every ``ix:nonNumeric`` / ``ix:nonFraction`` of an
HTML document (source/html.py, ``Rendering.facts``).  Here the ``dei:`` ones
become the record's ``xbrl`` (name -> values in document order), and a cover
value the layout reader did not find is taken from the fact that prints it: the
value is on the page, tagged, so it is not missing.  Hidden facts (in
``ix:header``) are tagged but not printed, and complete nothing.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Cover, Span
from ..tree import offset_span
from ..values import find_date

__all__ = ["read_facts", "complete_cover"]

# cover field -> the dei facts that print it (joined with a space)
_PRINTED_AS = (
    ("commission_file_number", ("dei:EntityFileNumber",)),
    ("irs_employer_id", ("dei:EntityTaxIdentificationNumber",)),
    ("zip_code", ("dei:EntityAddressPostalZipCode",)),
    ("telephone", ("dei:CityAreaCode", "dei:LocalPhoneNumber")),
    ("date_of_report", ("dei:DocumentPeriodEndDate",)),
)


def read_facts(rendering) -> tuple[dict | None, dict]:
    """The dei: facts a document tags (name -> values), and where each is."""
    facts = [f for f in getattr(rendering, "facts", ()) if f.name.startswith("dei:")]
    if not facts:
        return None, {}
    values: dict[str, tuple[str, ...]] = {}
    spans: dict[str, tuple[Span, ...]] = {}
    for f in facts:
        values[f.name] = values.get(f.name, ()) + (f.value,)
        spans[f.name] = spans.get(f.name, ()) + (offset_span(rendering, f.start, f.end),)
    return values, spans


def complete_cover(cover: Cover, rendering) -> Cover:
    """``cover`` with each value the layout reader missed taken from the
    printed (not hidden) fact that tags it."""
    shown = {}
    for f in getattr(rendering, "facts", ()):
        if f.name.startswith("dei:") and not f.hidden and f.value and f.name not in shown:
            shown[f.name] = f
    changes: dict = {}
    spans = dict(cover.spans)
    for name, tags in _PRINTED_AS:
        if getattr(cover, name) or not all(t in shown for t in tags):
            continue
        value = " ".join(shown[t].value for t in tags)
        if name == "date_of_report":
            iso, m = find_date(value)
            if iso is None:
                continue
            changes["date_text"], value = m.group(), iso
        changes[name] = value
        spans[name] = offset_span(rendering, shown[tags[0]].start, shown[tags[-1]].end)
    return replace(cover, spans=spans, **changes) if changes else cover
