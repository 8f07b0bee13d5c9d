"""The two seed filings read into exactly the records the project was founded on."""

from __future__ import annotations

import filing_grammar as fg
from filing_grammar.cli import main

from .conftest import SAMPLES

SEED1 = SAMPLES / "000_baa583cdd3fdc5f0.txt"
SEED2 = SAMPLES / "002_15025ed101fcb0cd.txt"


def test_first_seed_records():
    d = fg.parse_file(SEED1).to_dict()
    assert d["form_type"] == "8-K"
    assert d["sec_header"] is None
    assert d["amendment"] is None
    assert d["cover"] == {
        "checkboxes": {"written_communications": None, "soliciting_material": None,
                       "pre_commencement_14d2b": None, "pre_commencement_13e4c": None},
        "emerging_growth_company": None,
        "securities_12b": [],
        "co_registrants": [],
        "date_of_report": "2002-09-30",
        "registrant_name": "CWMBS, INC.",
        "registrant_description": (
            "CWMBS, INC., (as depositor under the Pooling and Servicing Agreement, dated as of "
            "September 1, 2002, providing for the issuance of the CWMBS, INC., Alternative Loan "
            "Trust 2002-12, Mortgage Pass-Through Certificates, Series 2002-20)."),
        "state_of_incorporation": "Delaware",
        "commission_file_number": "333-92152",
        "irs_employer_id": "95-4449516",
        "address": "4500 Park Granada, Calabasas, California",
        "zip_code": "91302",
        "telephone": "(818) 225-3240",
        "former_name": None,
    }
    assert [(i["number"], i["title"], i["line"]) for i in d["items"]] == [
        ("5", "Other Events", 48),
        ("7", "Financial Statements, Pro Forma Financial Information and Exhibits", 87),
    ]
    assert d["items"][0]["text"].startswith("Filing of Computational Materials")
    assert d["items"][1]["text"].startswith("(a)      Not applicable.")
    assert d["signature"] == {"registrant": "CWMBS, INC.", "signer": "Darren Bigby",
                              "title": "Vice President", "date": "2002-09-30"}
    assert d["exhibit_index"] == [{
        "number": "99.1",
        "description": "LEHMAN Computational Materials filed on Form SE dated September 30, 2002",
        "page": "6"}]
    assert d["documents"] == []
    assert d["unmatched"] == []


def test_second_seed_records():
    d = fg.parse_file(SEED2).to_dict()
    c = d["cover"]
    assert (c["date_of_report"], c["registrant_name"], c["state_of_incorporation"],
            c["commission_file_number"], c["irs_employer_id"], c["address"], c["zip_code"],
            c["telephone"], c["former_name"]) == (
        "2003-10-28", "CWMBS, INC.", "Delaware", "333-103821", "95-4449516",
        "4500 Park Granada, Calabasas, California", "91302", "(818) 225-3240", None)
    assert "Alternative Loan Trust 2003-21T1" in c["registrant_description"]
    assert [(i["number"], i["title"]) for i in d["items"]] == [
        ("5", "Other Events"),
        ("7", "Financial Statements, Pro Forma Financial Information and Exhibits"),
    ]
    assert d["signature"] == {"registrant": "CWMBS, INC.", "signer": "Darren Bigby",
                              "title": "Vice President", "date": "2003-10-28"}
    assert d["exhibit_index"] == [
        {"number": "99.1", "description": "BEAR, STEARNS Computational Materials filed on Form SE "
                                          "dated October 28, 2003", "page": "6"},
        {"number": "99.2", "description": "CSC Computational Materials filed on Form SE dated "
                                          "October 28, 2003", "page": "7"},
    ]
    assert d["unmatched"] == []


def test_seeds_exit_zero(capsys):
    assert main(["parse", str(SEED1), str(SEED2)]) == 0
