"""Reading what is there (issue 11): tables of contents, headings without a
space, cover values as printed, the dates a cover prints; a contents entry is
never an item or the signature block."""

from __future__ import annotations

import pathlib

import filing_grammar as fg
from filing_grammar.checks import check_source

from .test_records import COVER, SIGNED

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"


def _codes(text: str, name: str = "f.txt") -> list[str]:
    return [d.code for d in check_source(fg.read_source(text, name))]


# A contents listing the items and the signature, then the items themselves,
# the first one straight after the contents (a family of 2010-2011 filings
# lost that item: only 9.01 was read).
CONTENTS = (
    "                                TABLE OF CONTENTS\n"
    "\n"
    "Item 1.01  Entry into a Material Definitive Agreement                  2\n"
    "\n"
    "Item 9.01  Financial Statements and Exhibits                          3\n"
    "\n"
    "SIGNATURE                                                             4\n"
    "\n"
)
BODY = (
    "Item 1.01  Entry into a Material Definitive Agreement\n"
    "\n"
    "On March 1, 2010, the Company entered into a credit agreement.\n"
    "\n"
    "Item 9.01  Financial Statements and Exhibits\n"
    "\n"
    "(d) Exhibits\n"
    "\n"
    "99.1  Press release dated March 1, 2010\n"
)


def test_contents_is_a_node_and_the_items_after_it_are_read():
    text = COVER + CONTENTS + BODY + SIGNED
    filing = fg.parse(text)
    assert [i.number for i in filing.items] == ["1.01", "9.01"]
    assert filing.items[0].text.startswith("On March 1, 2010")
    tree = fg.parse_tree(text).tree
    toc = list(tree.find_data("table_of_contents"))
    assert len(toc) == 1
    assert "".join(toc[0].children).startswith("Item 1.01")
    assert "SIGNATURE" in "".join(toc[0].children)
    # the signature block is the one after the items, not the contents' entry
    assert filing.signature.signer == "Jane Roe"
    assert filing.signature.span.line > filing.items[-1].line
    codes = _codes(text)
    for code in ("FG305", "FG306", "FG402", "FG301"):
        assert code not in codes, codes


def test_html_contents_with_page_numbers_and_links():
    rows = "".join(f'<tr><td><a href="#i{n}">Item {n}</a></td><td>{title}</td><td>{page}</td></tr>'
                   for n, title, page in (("5.02", "Departure of Directors or Certain Officers", 2),
                                          ("9.01", "Financial Statements and Exhibits", 3)))
    html = ("<html><body><p>UNITED STATES</p><p>SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 8-K</p>"
            "<p>Date of Report (Date of earliest event reported): May 3, 2011</p>"
            "<p>ACME CORP</p><p>(Exact name of registrant as specified in its charter)</p>"
            f"<p>TABLE OF CONTENTS</p><table>{rows}<tr><td>SIGNATURE</td><td></td><td>4</td></tr></table>"
            "<p>Item 5.02 Departure of Directors or Certain Officers</p><p>On May 2, 2011, Jane Roe resigned.</p>"
            "<p>Item 9.01 Financial Statements and Exhibits</p><p>None.</p>"
            "<p>SIGNATURE</p><p>Pursuant to the requirements of the Securities Exchange Act of 1934, the "
            "registrant has duly caused this report to be signed on its behalf by the undersigned "
            "hereunto duly authorized.</p><p>ACME CORP</p><p>By: /s/ John Doe</p><p>Name: John Doe</p>"
            "<p>Title: President</p><p>Date: May 3, 2011</p></body></html>")
    filing = fg.parse(html)
    assert [i.number for i in filing.items] == ["5.02", "9.01"]
    assert filing.signature.signer == "John Doe" and filing.signature.date == "2011-05-03"
    codes = _codes(html, "f.htm")
    for code in ("FG305", "FG306", "FG402", "FG405"):
        assert code not in codes, codes


# Item numbers with their titles on the lines under them, one wrapped over two
# lines, page numbers beside the titles.
CONTENTS_TITLES_UNDER = (
    "TABLE OF CONTENTS\n"
    "\n"
    "Item 5.02\n"
    "Departure of Directors or Certain Officers; Election of Directors;\n"
    "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.    2\n"
    "\n"
    "Item 9.01\n"
    "\n"
    "Financial Statements and Exhibits                                            3\n"
    "\n"
    "SIGNATURES                                                                   4\n"
    "\n"
)
BODY_TITLES_UNDER = (
    "Item 5.02\n"
    "Departure of Directors or Certain Officers; Election of Directors;\n"
    "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.\n"
    "\n"
    "On May 2, 2011, Jane Roe resigned as a director.\n"
    "\n"
    "Item 9.01\n"
    "Financial Statements and Exhibits\n"
    "\n"
    "None.\n"
)


def test_contents_with_titles_under_the_numbers():
    text = COVER + CONTENTS_TITLES_UNDER + BODY_TITLES_UNDER + SIGNED
    filing = fg.parse(text)
    assert [i.number for i in filing.items] == ["5.02", "9.01"]
    assert filing.items[0].text.startswith("On May 2, 2011")
    toc = list(fg.parse_tree(text).tree.find_data("table_of_contents"))
    assert len(toc) == 1
    listed = "".join(toc[0].children)
    assert listed.startswith("Item 5.02") and listed.rstrip().endswith("4")
    assert "Compensatory Arrangements" in listed and "SIGNATURES" in listed
    assert filing.signature.signer == "Jane Roe"
    codes = _codes(text)
    for code in ("FG305", "FG306", "FG402", "FG301"):  # (SIGNED has no date: FG405 is right)
        assert code not in codes, codes
    # the items alone, titles under the numbers, are items, not a contents
    alone = fg.parse(COVER + BODY_TITLES_UNDER + SIGNED)
    assert [i.number for i in alone.items] == ["5.02", "9.01"]
    assert not list(fg.parse_tree(COVER + BODY_TITLES_UNDER + SIGNED).tree.find_data("table_of_contents"))


def test_a_heading_without_a_space_is_an_item():
    body = ("Item5.  Other Events\n\nThe Company announced a dividend.\n\n"
            "Item7.  Financial Statements and Exhibits\n\nNone.\n")
    filing = fg.parse(COVER + body + SIGNED)
    assert [(i.number, i.title) for i in filing.items] == [
        ("5", "Other Events"), ("7", "Financial Statements and Exhibits")]
    assert "FG301" not in _codes(COVER + body + SIGNED)


# ---------------------------------------------------------------------------
#  cover values as printed (issue 11): broken-on-purpose copies of the seed
# ---------------------------------------------------------------------------
SEED = SAMPLES / "000_baa583cdd3fdc5f0.txt"
IDS = "Delaware                              333-92152                 95-4449516"


def _seed() -> str:
    text = SEED.read_text(encoding="latin-1")
    assert IDS in text
    return text


def _check(text: str):
    src = fg.read_source(text, "seed.txt")
    return src, check_source(src)


def test_a_malformed_file_number_is_reported_at_the_value():
    text = _seed().replace("333-92152", "333-9215X")
    src, diags = _check(text)
    found = [d for d in diags if d.code == "FG208"]
    assert len(found) == 1 and "333-9215X" in found[0].message
    span = found[0].primary.span
    assert src.text[span.start:span.end] == "333-9215X"
    assert not [d for d in diags if d.code == "FG204"]  # present, so not missing


def test_ids_with_labels_and_one_space_apart_are_read():
    text = _seed().replace(IDS, "Delaware          File No. 333-92152 No. 95-4449516")
    cover = fg.parse(text).cover
    assert (cover.commission_file_number, cover.irs_employer_id) == ("333-92152", "95-4449516")
    text = _seed().replace(IDS, "Delaware                 333-92152 95-4449516")
    cover = fg.parse(text).cover
    assert (cover.commission_file_number, cover.irs_employer_id) == ("333-92152", "95-4449516")


NAMED_COVER = COVER + (
    "                              KAISER VENTURES INC.\n"
    "             (Exact name of registrant as specified in its charter)\n"
    "\n"
    "   Delaware                      1-11605                   95-4545390\n"
    "(State or other jurisdiction   (Commission File Number)   (IRS Employer\n"
    " of incorporation)                                         Identification No.)\n"
    "\n")


def test_a_deleted_name_is_missing_not_the_ids_row():
    assert fg.parse(NAMED_COVER).cover.registrant_name == "KAISER VENTURES INC."
    text = NAMED_COVER.replace("                              KAISER VENTURES INC.\n", "")
    cover = fg.parse(text).cover
    assert cover.registrant_name is None
    assert (cover.state_of_incorporation, cover.commission_file_number) == ("Delaware", "1-11605")
    src, diags = _check(text + BODY + SIGNED)
    found = [d for d in diags if d.code == "FG203"]
    assert len(found) == 1
    assert src.line(found[0].primary.span.line).strip().startswith("(Exact name")


def test_the_earliest_events_date_under_the_date_of_report():
    # 111_ec_1001426_8K_2005: "...reported): January 10, 2005" over "(January 7, 2005)";
    # the header's period of report is 20050107
    text = (SAMPLES / "111_ec_1001426_8K_2005_0001275287-05-000056.txt").read_text(encoding="latin-1")
    cover = fg.parse(text).cover
    assert (cover.date_of_report, cover.event_date) == ("2005-01-10", "2005-01-07")
    assert "FG104" not in _codes(text)
    assert "(January 7, 2005)" in text
    without = text.replace("(January 7, 2005)", "", 1)
    assert [d.primary.span.line for d in check_source(fg.read_source(without, "x")) if d.code == "FG104"] == [69]


# ---------------------------------------------------------------------------
#  exhibits: the list against the attached documents
# ---------------------------------------------------------------------------
S111 = SAMPLES / "111_ec_1001426_8K_2005_0001275287-05-000056.txt"


def test_an_exhibit_numbered_two_ways_is_one_diagnostic():
    text = S111.read_text(encoding="latin-1").replace("<TYPE>EX-99.1", "<TYPE>EX-99.2")
    diags = check_source(fg.read_source(text, "x.txt"))
    codes = [d.code for d in diags]
    assert codes.count("FG503") == 1 and "FG501" not in codes and "FG502" not in codes, codes
    d = next(d for d in diags if d.code == "FG503")
    assert d.primary.span.line == 126 and "EX-99.2" in d.message
    assert [s.span.line for s in d.secondary] == [153]


def test_a_footnote_mark_after_the_description_says_incorporated():
    text = S111.read_text(encoding="latin-1")
    entry_end = "                    board of directors.\n"
    assert entry_end in text
    text = text.replace(entry_end, entry_end.replace("directors.", "directors.*"), 1)
    text = text.replace("<TYPE>EX-99.1", "<TYPE>GRAPHIC")
    marked = text.replace("     (c)    Exhibits.", "     (c)    Exhibits.\n\n* Incorporated by reference to Form 8-K.")
    assert "FG501" in _codes(text)
    assert "FG501" not in _codes(marked)


# ---------------------------------------------------------------------------
#  the filing deadline (FG108)
# ---------------------------------------------------------------------------
def test_due_date_counts_federal_business_days():
    from filing_grammar.form import due_date

    assert due_date("2024-11-25", ["5.02"]) == "2024-12-02"  # over Thanksgiving
    assert due_date("2024-11-23", ["5.02"]) == "2024-11-29"  # a Saturday: Monday counts
    assert due_date("2024-12-20", ["1.01", "9.01"]) == "2024-12-30"  # Christmas Eve closure
    assert due_date("2024-03-01", ["8.01", "9.01"]) is None  # no deadline for these
    assert due_date("2003-03-01", ["5"]) is None  # numbered items: not checked


def test_a_late_filing_is_reported_at_its_filing_date():
    # 111: event January 7, 2005 (a Friday) -> due Thursday January 13
    text = S111.read_text(encoding="latin-1")
    assert "FILED AS OF DATE:\t\t20050110" in text
    on_time = text.replace("FILED AS OF DATE:\t\t20050110", "FILED AS OF DATE:\t\t20050113")
    late = text.replace("FILED AS OF DATE:\t\t20050110", "FILED AS OF DATE:\t\t20050114")
    assert "FG108" not in _codes(on_time)
    diags = [d for d in check_source(fg.read_source(late, "x.txt")) if d.code == "FG108"]
    assert len(diags) == 1 and "deadline of 2005-01-13" in diags[0].message
    assert diags[0].primary.span.line == 20
    assert diags[0].secondary[0].span.line == 70  # "(January 7, 2005)"


# ---------------------------------------------------------------------------
#  the signature's date
# ---------------------------------------------------------------------------
def test_a_date_in_a_footnote_is_not_the_signatures():
    footnote = "\n* Incorporated by reference to Exhibit 99.1 of the Form 8-K dated March 3, 2005.\n"
    filing = fg.parse(COVER + BODY + SIGNED + footnote)
    assert filing.signature.date is None
    dated = SIGNED.replace("Jane Roe, President\n", "Jane Roe, President\n\nDate: October 27, 2008\n")
    assert fg.parse(COVER + BODY + dated + footnote).signature.date == "2008-10-27"


def test_a_garbled_signature_date_is_not_a_real_date_not_no_date():
    dated = SIGNED.replace("Jane Roe, President\n", "Jane Roe, President\n\nDate: Marcxh 12, 2002\n")
    src, diags = _check(COVER + BODY + dated)
    codes = [d.code for d in diags]
    assert "FG404" in codes and "FG405" not in codes, codes
    d = next(d for d in diags if d.code == "FG404")
    assert "Marcxh 12, 2002" in d.message
    assert src.text[d.primary.span.start:d.primary.span.end] == "Marcxh 12, 2002"


def test_two_signature_blocks_side_by_side_are_read_by_the_first():
    # Carnival Corporation and Carnival plc (8-K of 2025-01-10): one block per
    # registrant, in a table; the rows had been read across both blocks
    # (signer "Enrique Miguez Name: Enrique Miguez")
    cell = "<td>{}</td>"
    rows = (("CARNIVAL CORPORATION", ""), ("By:", "/s/ Enrique Miguez"), ("Name:", "Enrique Miguez"),
            ("Title:", "General Counsel"), ("Date:", "January 10, 2025"))
    right = {"CARNIVAL CORPORATION": "CARNIVAL PLC", "Enrique Miguez": "Ann Lee", "/s/ Enrique Miguez": "/s/ Ann Lee",
             "General Counsel": "Secretary", "January 10, 2025": "January 11, 2025"}
    table = "<table>" + "".join(
        "<tr>" + "".join(cell.format(c) for c in (a, b, "&#160;", right.get(a, a), right.get(b, b))) + "</tr>"
        for a, b in rows) + "</table>"
    html = ("<html><body><p>FORM 8-K</p><p>CURRENT REPORT</p>"
            "<p>Date of Report (Date of earliest event reported) January 9, 2025</p>"
            "<p>Item 8.01 Other Events</p><p>On January 9, 2025, the Company announced a dividend.</p>"
            "<p>SIGNATURES</p><p>Pursuant to the requirements of the Securities Exchange Act of 1934, each of the "
            "registrants has duly caused this report to be signed on its behalf by the undersigned hereunto duly "
            "authorized.</p>" + table + "</body></html>")
    sig = fg.parse(html).signature
    assert (sig.registrant, sig.signer, sig.title, sig.date) == (
        "CARNIVAL CORPORATION", "Enrique Miguez", "General Counsel", "2025-01-10")
    # the same blocks in a text filing, a long title of the left block kept whole
    text = (COVER + BODY + "SIGNATURES\n\n"
            "ACME CORP.                                  ACME FINANCE LLC\n\n"
            "By: /s/ Jane Roe                            By: /s/ John Doe\n"
            "Name: Jane Roe                              Name: John Doe\n"
            "Title: Executive Vice President and Chief Financial Officer\n"
            "                                            Title: Manager\n"
            "Date: March 2, 2010                         Date: March 2, 2010\n")
    sig = fg.parse(text).signature
    assert (sig.registrant, sig.signer, sig.title, sig.date) == (
        "ACME CORP.", "Jane Roe", "Executive Vice President and Chief Financial Officer", "2010-03-02")


# ---------------------------------------------------------------------------
#  Inline XBRL: the tagged cover facts, and a printed value that differs
# ---------------------------------------------------------------------------
BLACKROCK = SAMPLES / "037_form8K_Blackrock.htm"
FILE_TAG = ('<ix:nonNumeric name="dei:EntityFileNumber" contextRef="duration_2023-02-24_to_2023-02-24">'
            '001-33099</ix:nonNumeric>')


def test_inline_xbrl_cover_facts_are_in_the_record():
    record = fg.parse_file(BLACKROCK).to_dict()
    assert record["xbrl"]["dei:EntityFileNumber"] == ["001-33099"]
    assert record["xbrl"]["dei:TradingSymbol"] == ["BLK", "BLK25"]
    assert record["cover"]["commission_file_number"] == "001-33099"
    assert fg.parse_file(S111).to_dict()["xbrl"] is None


def test_a_tagged_file_number_that_differs_from_the_printed_one():
    html = BLACKROCK.read_text(encoding="utf-8")
    assert FILE_TAG in html and "<ix:hidden>" in html
    assert "FG209" not in _codes(html, "b.htm")
    # printed plainly, tagged (hidden) as another number
    broken = html.replace(FILE_TAG, "001-33099").replace(
        "<ix:hidden>", "<ix:hidden>" + FILE_TAG.replace("001-33099", "001-33098"), 1)
    src = fg.read_source(broken, "b.htm")
    found = [d for d in check_source(src) if d.code == "FG209"]
    assert len(found) == 1 and "001-33098" in found[0].message
    span = found[0].primary.span
    assert src.text[span.start:span.end] == "001-33099"
    assert "001-33098" in src.text[found[0].secondary[0].span.start:found[0].secondary[0].span.end]


def test_a_duplicated_item_with_its_long_official_title_is_reported():
    title = ("Departure of Directors or Certain Officers; Election of Directors; Appointment of "
             "Certain Officers; Compensatory Arrangements of Certain Officers")
    body = (f"Item 5.02  {title}\n\nOn May 2, 2011, Jane Roe resigned.\n\n"
            f"Item 5.02  {title}\n\nOn May 3, 2011, John Doe was appointed.\n")
    src, diags = _check(COVER + body + SIGNED)
    found = [d for d in diags if d.code == "FG306"]
    assert len(found) == 1 and found[0].primary.span.line == src.text.count("\n", 0, src.text.rindex("Item 5.02")) + 1


# ---------------------------------------------------------------------------
#  the list under the item against the exhibit index (FG504, FG505)
# ---------------------------------------------------------------------------
INDEX_ENTRY = ("99.1  LEHMAN Computational Materials filed on Form SE dated\n"
               "      September 30, 2002.                                                   6\n")


def test_an_exhibit_dropped_from_the_index_but_listed_under_the_item():
    text = _seed()
    assert INDEX_ENTRY in text
    assert not {"FG504", "FG505"} & set(_codes(text))
    dropped = text.replace(INDEX_ENTRY, "99.2  Other materials                                                     7\n")
    src, diags = _check(dropped)
    found = {d.code: d for d in diags if d.code in ("FG504", "FG505")}
    assert set(found) == {"FG504", "FG505"}
    assert found["FG504"].primary.span.line == 98  # "99.1" under Item 7
    assert src.text[found["FG505"].primary.span.start:].startswith("99.2")


IRS_TAG = ('<ix:nonNumeric name="dei:EntityTaxIdentificationNumber" '
           'contextRef="duration_2023-02-24_to_2023-02-24">32-0174431</ix:nonNumeric>')


def test_a_tagged_value_the_layout_reader_misses_is_not_missing():
    html = BLACKROCK.read_text(encoding="utf-8")
    assert IRS_TAG in html
    # the number printed far from its caption (a paragraph at the end), tagged
    moved = html.replace(IRS_TAG, "").replace("</body>", f"<p>Employer number: {IRS_TAG}</p></body>", 1)
    src = fg.read_source(moved, "b.htm")
    parsed, filing = fg.parse_source(src)
    assert filing.cover.irs_employer_id == "32-0174431"
    span = filing.cover.spans["irs_employer_id"]
    assert "32-0174431" in src.text[span.start:span.end]
    assert "FG205" not in [d.code for d in check_source(src)]
    # hidden (tagged, not printed): the cover does not give it
    hidden = html.replace(IRS_TAG, "").replace("<ix:hidden>", "<ix:hidden>" + IRS_TAG, 1)
    assert fg.parse(hidden).cover.irs_employer_id is None
    assert "FG205" in _codes(hidden, "b.htm")


def test_a_misprinted_telephone_is_reported_at_the_value():
    text = _seed().replace("(818) 225-3240", "(818) 225-324")
    src, diags = _check(text)
    found = [d for d in diags if d.code == "FG210"]
    assert len(found) == 1 and "(818) 225-324" in found[0].message
    assert src.text[found[0].primary.span.start:found[0].primary.span.end] == "(818) 225-324"
    assert not [d for d in diags if d.code == "FG205" and "telephone" in d.message]


def test_a_misprinted_zip_code_is_reported_at_the_value():
    text = _seed().replace("Calabasas, California                          91302",
                           "Calabasas, California                          9130 ")
    src, diags = _check(text)
    found = [d for d in diags if d.code == "FG211"]
    assert len(found) == 1 and "`9130`" in found[0].message
    assert src.text[found[0].primary.span.start:found[0].primary.span.end] == "9130"
    assert fg.parse(text).cover.address == "4500 Park Granada, Calabasas, California"
    # a ZIP+4 and a foreign postal code are not misprints
    for ok in ("91302-1234", "91302 - 1234"):
        assert "FG211" not in _codes(_seed().replace("91302", ok))


def test_the_emerging_growth_box_at_the_end_of_its_question():
    # 2025 covers of two filing agents put the box at the end of the question's
    # paragraph; another prints the label in the plural (two registrants)
    ask = ("<p>Indicate by check mark whether the registrant is an emerging growth company as defined in "
           "Rule 405 of the Securities Act of 1933 (&#167;230.405 of this chapter) or Rule 12b-2 of the "
           "Securities Exchange Act of 1934 (&#167;240.12b-2 of this chapter). Emerging growth "
           "company&#8194;{}</p>")
    head = ("<html><body><p>FORM 8-K</p><p>Date of Report (Date of earliest event reported): May 3, 2025</p>"
            "<p>ACME CORP</p><p>(Exact name of registrant as specified in its charter)</p>")
    tail = "<p>Item 8.01 Other Events</p><p>None.</p></body></html>"
    for box, state in (("&#9744;", False), ("&#9746;", True)):
        assert fg.parse(head + ask.format(box) + tail).cover.emerging_growth_company is state
    plural = head + "<p>Emerging growth companies&#160;&#160;<span>&#9744;</span></p>" + tail
    assert fg.parse(plural).cover.emerging_growth_company is False
    # the question without a box says nothing
    assert fg.parse(head + ask.format("") + tail).cover.emerging_growth_company is None


def test_a_cover_printed_in_two_columns_one_per_registrant():
    # Carnival Corporation and Carnival plc (2025): every caption twice in a row
    rows = (("Carnival Corporation", "Carnival plc"),
            ("(Exact name of registrant as<br/>specified in its charter)",) * 2,
            ("Republic of Panama", "England and Wales"),
            ("(State or other jurisdiction of<br/>incorporation)",) * 2,
            ("001-9610", "001-15136"), ("(Commission File Number)",) * 2,
            ("59-1562976", "98-0357772"), ("(IRS Employer Identification No.)",) * 2,
            ("3655 N.W. 87th Avenue<br/>Miami, Florida 33178-2428",
             "Carnival House, 100 Harbour Parade<br/>Southampton SO15 1ST, United Kingdom"),
            ("(Address of principal<br/>executive offices)<br/>(Zip Code)",) * 2,
            ("(305) 599-2600", "011 44 23 8065 5000"),
            ("(Registrant's telephone number,<br/>including area code)",) * 2,
            ("None", "None"), ("(Former name or former address,<br/>if changed since last report.)",) * 2)
    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>"
    html = ("<html><body><p>FORM 8-K</p><p>CURRENT REPORT</p>"
            "<p>Date of Report (Date of earliest event reported) January 9, 2025</p>" + table +
            "<p>Item 8.01 Other Events</p><p>None.</p></body></html>")
    cover = fg.parse(html).cover
    assert cover.registrant_name == "Carnival Corporation"
    assert cover.co_registrants == ("Carnival plc",)
    assert (cover.state_of_incorporation, cover.commission_file_number, cover.irs_employer_id) == (
        "Republic of Panama", "001-9610", "59-1562976")
    assert (cover.address, cover.zip_code, cover.telephone) == (
        "3655 N.W. 87th Avenue, Miami, Florida", "33178-2428", "(305) 599-2600")
    assert cover.former_name is None  # printed "None"
    assert not {"FG203", "FG204", "FG205"} & set(_codes(html, "c.htm"))


def test_a_section_heading_is_a_node_between_items_not_the_end_of_one():
    body = ("Section 2 - Financial Information\n\n"
            "Item 2.02  Results of Operations and Financial Condition\n\n"
            "The Company reported its results.\n\n"
            "SECTION 9 \u2013 FINANCIAL STATEMENTS AND EXHIBITS\n\n"
            "Item 9.01  Financial Statements and Exhibits\n\nNone.\n\n"
            "Section 3. Notice of Meetings.\n")
    filing = fg.parse(COVER + body + SIGNED)
    assert [i.number for i in filing.items] == ["2.02", "9.01"]
    assert filing.items[0].text == "The Company reported its results."
    # a section of a quoted by-law is text of the item
    assert filing.items[1].text.endswith("Section 3. Notice of Meetings.")
    sections = list(fg.parse_tree(COVER + body + SIGNED).tree.find_data("section"))
    assert ["".join(s.children).split("\n")[0] for s in sections] == [
        "Section 2 - Financial Information", "SECTION 9 \u2013 FINANCIAL STATEMENTS AND EXHIBITS"]


def test_check_box_labels_with_two_spaces_between_words():
    # 020_EXPERTELLIGENCE: "[_]  Written  communications pursuant to Rule 425 ..."
    text = (SAMPLES / "020_EXPERTELLIGENCE_0001164150-07-000163.txt").read_text(encoding="latin-1")
    assert "[_]  Written  communications" in text
    boxes = fg.parse(text).cover.checkboxes
    assert boxes["written_communications"] is False and boxes["soliciting_material"] is False


# ---------------------------------------------------------------------------
#  a one-line text under a complete title is the item's text
# ---------------------------------------------------------------------------
def test_a_line_under_a_complete_official_title_is_the_text():
    # "Item 5. Other Events" / "None.": the title is complete, so "None." is
    # the item's text, not the end of its title (which then read "Other
    # Events None" and was blamed on the filer as an unofficial title)
    body = ("Item 5. Other Events\nNone.\n\n"
            "Item 7. Financial Statements and Exhibits\nNot applicable.\n\n")
    text = COVER + body + SIGNED
    filing = fg.parse(text, "f.txt")
    assert [(i.number, i.title, i.text) for i in filing.items] == [
        ("5", "Other Events", "None."), ("7", "Financial Statements and Exhibits", "Not applicable.")]
    assert "FG304" not in _codes(text)


def test_a_title_wrapped_to_the_margin_is_still_joined():
    # an unfinished title goes on at the margin (the rule the above must not break)
    body = ("Item 7. Financial Statements, Pro Forma Financial\nInformation and Exhibits.\n\n"
            "(c) Exhibits: none.\n\n")
    filing = fg.parse(COVER + body + SIGNED, "f.txt")
    assert [(i.number, i.title) for i in filing.items] == [
        ("7", "Financial Statements, Pro Forma Financial Information and Exhibits")]
