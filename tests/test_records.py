"""Records read from layouts found in real filings (short excerpts, quoted
from the corpus file named in each test)."""

from __future__ import annotations

import filing_grammar as fg
from filing_grammar.form import official_title_end

COVER = """\
                       SECURITIES AND EXCHANGE COMMISSION
                             Washington, D.C. 20549

                                    FORM 8-K
                                 CURRENT REPORT

     PURSUANT TO SECTION 13 OR 15(D) OF THE SECURITIES EXCHANGE ACT OF 1934

                       Date of Report:  October 24, 2008

"""


def test_official_title_end_reads_words_not_punctuation():
    title = ("Departure of Directors or Certain Officers; Election of Directors; "
             "Appointment of Certain Officers. Compensatory Arrangements of Certain Officers.")
    assert official_title_end("5.02", title) == len(title) - 1
    assert official_title_end("4", "Changes in Registrants Certifying Accountant") > 0
    assert official_title_end("9.01", "Financial Statements & Exhibits") > 0
    assert official_title_end("9.01", "Financial Statement and Exhibits") == 0
    assert official_title_end("13", "Anything") == 0


def test_wrapped_title_continued_by_a_long_line():
    # 137_ec_1002682_8K_2008: the second line of the title is 78 characters
    text = COVER + (
        "Item 5.02 Departure of Directors or Certain Officers; Election of Directors;\n"
        "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers\n"
        "- ------------------------------------------------------------------------------\n"
        "\n"
        "     (d) On October 24, 2008, Horizon Financial Corp. announced that the\n"
        "Board of Directors approved an agreement.\n")
    item = fg.parse(text).items[0]
    assert item.title == ("Departure of Directors or Certain Officers; Election of Directors; "
                          "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers")
    assert item.text.lstrip().startswith("(d) On October 24, 2008")


def test_title_with_a_full_stop_inside_is_not_cut_there():
    # 036_afcgamma_8K.htm prints "... Officers. Compensatory ..." in the heading
    text = COVER + (
        "Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment "
        "of Certain Officers. Compensatory Arrangements of Certain Officers.\n"
        "\n"
        "Departure of Brett Kaufman as Chief Financial Officer and Treasurer\n")
    item = fg.parse(text).items[0]
    assert item.title.endswith("Appointment of Certain Officers. Compensatory Arrangements of Certain Officers")
    assert item.text.startswith("Departure of Brett Kaufman")


def test_heading_running_into_text_ends_with_the_official_title():
    text = COVER + (
        "Item 2.02. Results of Operations and Financial Condition. On April 28, 2022, the Company "
        "announced its results for the first quarter.\n")
    item = fg.parse(text).items[0]
    assert item.title == "Results of Operations and Financial Condition"
    assert item.text.startswith("On April 28, 2022, the Company")


def test_name_without_caption_after_a_file_number_caption():
    # 016_OASIS_0001104540-02-000064: no "(Exact name of registrant ...)"
    # caption; the file number is printed beside its caption above the name
    text = (
        "                                    FORM 8-K\n"
        "                                 CURRENT REPORT\n"
        "\n"
        "                       Date of Report:  February 14, 2002\n"
        "\n"
        "                       Commission File Number : 000-28881\n"
        "\n"
        "                OASIS ENTERTAINMENT'S FOURTH MOVIE PROJECT, INC.\n"
        "\n"
        "Nevada                                                                76-0528600\n"
        "(Jurisdiction  of  Incorporation)                                      (I.R.S.\n"
        "                                                  Employer  Identification  No.)\n"
        "\n"
        "             ITEM 4. CHANGES IN REGISTRANT'S CERTIFYING ACCOUNTANT.\n"
        "\n"
        "     We  have  engaged  a  new Independent Auditor.\n"
        "\n"
        "                                   SIGNATURES\n"
        "\n"
        "February  14,  2002\n"
        "\n"
        "                OASIS ENTERTAINMENT'S FOURTH MOVIE PROJECT, INC.\n"
        "\n"
        "                                       by\n"
        "\n"
        "                              /s/J. Dan Sifford\n"
        "                                 J. Dan Sifford\n"
        "                               President/Director\n")
    filing = fg.parse(text)
    assert filing.cover.registrant_name == "OASIS ENTERTAINMENT'S FOURTH MOVIE PROJECT, INC."
    assert filing.cover.commission_file_number == "000-28881"
    assert filing.cover.irs_employer_id == "76-0528600"
    assert filing.signature.registrant == "OASIS ENTERTAINMENT'S FOURTH MOVIE PROJECT, INC."
    assert filing.signature.signer == "J. Dan Sifford"
    assert filing.signature.title == "President/Director"


def test_heading_naming_two_items_gives_two_items():
    # 133_ec_1002682_8K_2008_0000939057-08-000013
    text = COVER + (
        "Items 1.01(a) and 5.02(e) Amendment of a Material Definitive Agreement;\n"
        "                          Compensatory Arrangements of Certain Officers\n"
        "\n"
        "      On January 23, 2008, the Board approved an amended agreement.\n"
        "\n"
        "Item 9.01 Financial Statements and Exhibits\n")
    items = fg.parse(text).items
    assert [(i.number, i.title) for i in items] == [
        ("1.01", "Amendment of a Material Definitive Agreement"),
        ("5.02", "Compensatory Arrangements of Certain Officers"),
        ("9.01", "Financial Statements and Exhibits"),
    ]
    assert items[0].text == items[1].text and "Board approved" in items[0].text


def test_a_range_of_items_not_applicable_is_not_an_item():
    text = COVER + (
        "Item 5. Other Events\n"
        "\n"
        "      The Company sold its plant.\n"
        "\n"
        "Items 1 through 4, 6 and 8 Not Applicable.\n")
    assert [i.number for i in fg.parse(text).items] == ["5"]


SIGNED = (
    "\n"
    "                                   SIGNATURES\n"
    "\n"
    "     Pursuant to the requirements of the Securities Exchange Act of 1934, the\n"
    "registrant has duly caused this report to be signed on its behalf by the\n"
    "undersigned hereunto duly authorized.\n"
    "\n"
    "                                    ACME CORP.\n"
    "\n"
    "                                    By: /s/ Jane Roe\n"
    "                                        Jane Roe, President\n"
    "\n")


def exhibits(index: str) -> list[tuple[str, str | None, str | None]]:
    filing = fg.parse(COVER + "Item 5. Other Events\n\n     News.\n" + SIGNED + index)
    return [(e.number, e.description, e.page) for e in filing.exhibit_index]


def test_exhibit_description_wrapped_over_lines_of_any_shape():
    # 012_AMAZON_0000891020-98-001352: continuation lines that begin "by
    # reference" and "Form 8-K" are still description
    got = exhibits(
        "                                  EXHIBIT INDEX\n"
        "\n"
        "Exhibit Number           Description\n"
        "- --------------           -----------\n"
        "          2.1            Agreement and Plan of Merger dated as of August 3 1998, by and among\n"
        "                         Amazon.com, Inc., AJ Acquisition, Inc. and Junglee Corp. (incorporated\n"
        "                         by reference from Amazon.com, Inc.'s Current Report on Form 8-K dated\n"
        "                         August 3, 1998).\n"
        "\n"
        "         23.1            Independent Auditors' Consent\n")
    assert got[0][1].endswith("(incorporated by reference from Amazon.com, Inc.'s Current Report "
                              "on Form 8-K dated August 3, 1998)")
    assert got[1] == ("23.1", "Independent Auditors' Consent", None)


def test_exhibit_wrapped_flush_left_and_under_an_underline():
    # 067_ec_1000685_8K_1997 (flush left) and 068_ec_1000685_8K_1997 (underline)
    got = exhibits(
        "EXHIBIT INDEX\n"
        "\n"
        "2.3* Indemnification Agreement Among Home Health Corporation of America, Inc.\n"
        "and its Nominees, LHS Holdings, Inc. and Mark H. O'Brien.\n"
        "\n"
        "               Exhibit 99.1      Joint Press Release of Home Health Corporation\n"
        "               ------------      of America, Inc. and U.S. HomeCare Corporation,\n"
        "                                 dated September 29, 1997.\n")
    assert got == [
        ("2.3", "Indemnification Agreement Among Home Health Corporation of America, Inc. "
                "and its Nominees, LHS Holdings, Inc. and Mark H. O'Brien", None),
        ("99.1", "Joint Press Release of Home Health Corporation of America, Inc. and "
                 "U.S. HomeCare Corporation, dated September 29, 1997", None),
    ]


def test_the_year_of_a_wrapped_date_is_not_a_page_number():
    # 082_ec_1002022_8K_2000: a narrow description column
    got = exhibits(
        "EXHIBIT INDEX\n"
        "\n"
        "                       10.2    Second Amended and\n"
        "                               Restated Agreement dated as\n"
        "                               of  May  18,  2000\n"
        "                               between the parties.\n")
    assert got == [("10.2", "Second Amended and Restated Agreement dated as of May 18, 2000 "
                            "between the parties", None)]


def test_footnotes_of_pro_forma_statements_are_not_exhibits():
    # 072_ec_1002022_8K_1999: Item 7 holds statements and no "(c) Exhibits"
    text = COVER + (
        "ITEM 7.  FINANCIAL STATEMENTS, PRO FORMA FINANCIAL INFORMATION AND EXHIBITS\n"
        "\n"
        "UNAUDITED PRO FORMA CONSOLIDATED FINANCIAL INFORMATION\n"
        "\n"
        "(1) The pro forma adjustments principally reflect the proceeds received on\n"
        "the sale of the assets.\n") + SIGNED
    assert fg.parse(text).exhibit_index == ()


def test_signature_title_left_of_the_signature_column():
    # 067_ec_1000685_8K_1997: tabs, and "Title:" printed left of the "/s/"
    text = COVER + "Item 5. Other Events\n\n     News.\n" + (
        "\nSIGNATURES\n"
        "Pursuant to the requirements of the Securities Exchange Act of 1934, \n"
        "the registrant has duly caused this report to be signed on its behalf by \n"
        "the undersigned hereunto duly authorized.\n"
        "\n"
        "                           Home Health Corporation of America, Inc.\n"
        "\n"
        "Date:\t  January 27, 1997\t\t /s/    Bruce J. Colburn\t\t\t                      \n"
        "\t                          Name:  Bruce J. Colburn\n"
        "                          \tTitle: Chief Financial and Accounting Officer \n")
    sig = fg.parse(text).signature
    assert (sig.signer, sig.title, sig.date) == (
        "Bruce J. Colburn", "Chief Financial and Accounting Officer", "1997-01-27")


def test_html_inline_blocks_and_empty_cells():
    from filing_grammar.source.html import render_html

    # 035_NextPoint_8K.htm: values wrapped in inline <div>s
    text = render_html('<div>area code: (<div style="display:inline;">972</div>) '
                       '<div style="display: inline">934-4700</div></div><div>next</div>').text
    assert text.splitlines()[:2] == ["area code: (972) 934-4700", "next"]
    # 040_Oracle_8-K.htm: an empty cell written <td/> keeps its column
    text = render_html("<table><tr><td>Title</td><td>Symbol</td><td>Exchange</td></tr>"
                       "<tr><td>Notes</td><td/><td>NYSE</td></tr></table>").text
    rows = text.splitlines()
    assert rows[1].index("NYSE") == rows[0].index("Exchange")


def test_12b_row_whose_title_begins_with_class():
    # 034_1800Flowers_8-K.htm: the header on one line, then "Class A Common Stock"
    text = COVER + (
        "Securities registered pursuant to Section 12(b) of the Act:\n"
        "\n"
        "Title of each class    Trading Symbol(s)   Name of each exchange on which registered\n"
        "Class A Common Stock   FLWS                The Nasdaq Stock Market\n"
        "\n"
        "Item 5.07. Submission of Matters to a Vote of Security Holders\n")
    rows = fg.parse(text).cover.securities_12b
    assert [(r["title"], r["trading_symbol"], r["exchange"]) for r in rows] == [
        ("Class A Common Stock", "FLWS", "The Nasdaq Stock Market")]


def test_exhibit_entry_with_a_dash_after_its_number():
    # 041_0000887919-21-000012.htm, 081_ec_1002022_8K_2000
    text = COVER + (
        "Item 9.01. Financial Statements and Exhibits\n"
        "\n"
        "(c) Exhibit 99.1 \u2013 Joint Press Release dated March 29, 2021.\n") + SIGNED
    got = [(e.number, e.description) for e in fg.parse(text).exhibit_index]
    assert got == [("99.1", "Joint Press Release dated March 29, 2021")]


def test_heading_without_title_over_a_paragraph():
    # 064_ec_1004963_8K_1996: "Item 2." alone, then the text
    text = COVER + (
        "Item 2.\n"
        "\n"
        "     On September 30, 1996, Cotelligent Group, Inc. (the \"Company\") completed\n"
        "the acquisition of one business with offices in two cities.\n")
    item = fg.parse(text).items[0]
    assert (item.number, item.title) == ("2", None)
    assert item.text.lstrip().startswith("On September 30, 1996")


def test_title_on_the_by_line_continued_under_underlines():
    # 068_ec_1000685_8K_1997
    text = COVER + "Item 5. Other Events\n\n     News.\n" + (
        "\n                                  SIGNATURES\n\n"
        "     Pursuant to the requirements of the Securities Exchange Act of\n"
        "1934, the registrant has duly caused this report to be signed on its behalf by\n"
        "the undersigned hereunto duly authorized.\n"
        "\n"
        "                                  Home Health Corporation of America, Inc.\n"
        "                                        (Registrant)\n"
        "\n"
        "                                  By: /s/ Bruce J. Feldman, President, Chief\n"
        "                                      --------------------------------------\n"
        "                                      Executive Officer, Director and\n"
        "                                      -------------------------------\n"
        "                                      Chairman of the Board\n"
        "                                      ---------------------\n"
        "\n"
        "Dated: October 7, 1997\n")
    sig = fg.parse(text).signature
    assert (sig.signer, sig.title, sig.date) == (
        "Bruce J. Feldman", "President, Chief Executive Officer, Director and Chairman of the Board",
        "1997-10-07")


def test_state_beside_a_file_number_with_its_caption_word():
    # 054_EXXON_8k_2024 (3M): "File No. 1-3285" in the row of values; the
    # 12(b) table ends at the blank line before its note
    text = (
        "FORM 8-K\nCURRENT REPORT\n"
        "Date of report (Date of earliest event reported): March 8, 2024\n"
        "3M COMPANY\n"
        "(Exact Name of Registrant as Specified in Its Charter)\n"
        "Delaware                                         File No. 1-3285            41-0417775\n"
        "(State or other jurisdiction of incorporation)   (Commission File Number)   (IRS Employer Identification No.)\n"
        "\n"
        "Securities registered pursuant to Section 12(b) of the Act:\n"
        "Title of each class                      Trading Symbol(s)   Name of each exchange on which registered\n"
        "1.500% Notes due 2031                    MMM31               New York Stock Exchange\n"
        "\n"
        "Note: The common stock of the Registrant is also traded on the SIX Swiss Exchange.\n"
        "\n"
        "Item 8.01. Other Events.\n\nNews.\n")
    cover = fg.parse(text).cover
    assert (cover.state_of_incorporation, cover.commission_file_number, cover.irs_employer_id) == (
        "Delaware", "1-3285", "41-0417775")
    assert [r["title"] for r in cover.securities_12b] == ["1.500% Notes due 2031"]


def test_exhibit_description_that_begins_with_a_year():
    # 081_ec_1002022_8K_2000: "Exhibit 10.1 - 2000 Stock Option Plan"
    text = COVER + (
        "Item 7.  Financial Statements and Exhibits.\n"
        "\n"
        "(c)      Exhibits\n"
        "\n"
        "Exhibit  3.1 - Corrected Amended and Restated Certificate of Incorporation\n"
        "Exhibit 10.1 - 2000 Stock Option Plan\n") + SIGNED
    assert [e.number for e in fg.parse(text).exhibit_index] == ["3.1", "10.1"]


def test_check_boxes_with_two_spaces():
    # Alanco Technologies 8-K of 2010 (0000098618-10-000003): "(  )"
    text = COVER.replace("October 24, 2008", "January 5, 2010") + (
        "Check the appropriate box below if the Form 8-K filing is intended to\n"
        "simultaneously satisfy the filing obligation of the registrant under any of\n"
        "the following provisions (see General Instruction A.2. below):\n"
        "\n"
        "(  ) Written communication pursuant to Rule 425 under the Securities Act\n"
        "     (17 CFR 230.425)\n"
        "\n"
        "(  ) Soliciting material pursuant to Rule 14a-12 under the Exchange Act\n"
        "     (17 CFR 240.14a-12)\n"
        "\n"
        "(X ) Pre-commencement communications pursuant to Rule 14d-2(b) under the\n"
        "     Exchange Act (17 CFR 240.14d-2(b))\n"
        "\n"
        "(  ) Pre-commencement communications pursuant to Rule 13e-4(c) under the\n"
        "     Exchange Act (17 CFR 240.13e-4(c))\n"
        "\n"
        "Item 8.01 Other Events\n\n     News.\n")
    assert fg.parse(text).cover.checkboxes == {
        "written_communications": False, "soliciting_material": False,
        "pre_commencement_14d2b": True, "pre_commencement_13e4c": False}


def test_exhibit_index_with_double_dashes_and_lines_that_start_with_a_number():
    # aaiPharma 8-K of 2001 ("Exhibit 99.1 -- ..."); 5G Wireless 8-K of 2004
    # (a wrapped line "1: Disclosure Schedule; ...")
    got = exhibits(
        "EXHIBIT INDEX\n"
        "\n"
        "         Exhibit 99.1 -- Press release dated March 28, 2001\n"
        "         Exhibit 99.2 -- Company Product and Technology Pipeline\n"
        "\n"
        "4      Subscription Agreement (not including the following items: Attachment\n"
        "       1: Disclosure Schedule; Exhibit C: Form of Legal Opinion) (filed herewith).\n"
        "\n"
        "10     Independent Consulting Agreement (filed herewith)\n")
    assert got == [
        ("99.1", "Press release dated March 28, 2001", None),
        ("99.2", "Company Product and Technology Pipeline", None),
        ("4", "Subscription Agreement (not including the following items: Attachment 1: "
              "Disclosure Schedule; Exhibit C: Form of Legal Opinion) (filed herewith)", None),
        ("10", "Independent Consulting Agreement (filed herewith)", None),
    ]


def test_12b_table_stops_at_the_12g_table():
    # 5C Lending Partners 8-K of 2025: a 12(g) table under the 12(b) table
    text = COVER + (
        "Securities registered pursuant to Section 12(b) of the Act:\n"
        "Title of each class        Trading Symbol(s)        Name of each exchange\n"
        "                                                    on which registered\n"
        "N/A                        N/A                      N/A\n"
        "Securities registered pursuant to Section 12(g) of the Act:\n"
        "Title of each class        Trading Symbol(s)        Name of each exchange\n"
        "Common stock, par value $0.001 per share\n"
        "\n"
        "Item 8.01 Other Events\n\n     News.\n")
    # the 12(b) row printed N/A is no class of securities, and the 12(g)
    # table's common stock is not one of the 12(b) table
    assert fg.parse(text).cover.securities_12b == ()
    real = text.replace("N/A                        N/A                      N/A",
                        "Common Stock               FCL                      NYSE")
    rows = fg.parse(real).cover.securities_12b
    assert [(r["title"], r["trading_symbol"], r["exchange"]) for r in rows] == [("Common Stock", "FCL", "NYSE")]


def test_placeholders_are_no_values():
    # "N/A" under the former-name caption is no former name; a 12(b) row of
    # notes with "—" for a trading symbol has none (Apple's covers)
    cover = fg.parse(COVER + (
        "                                      N/A\n"
        "              (Former name or address, if changed from last report)\n\n"
        "Securities registered pursuant to Section 12(b) of the Act:\n"
        "Title of each class        Trading Symbol(s)        Name of each exchange on which registered\n"
        "Common Stock               AAPL                     The Nasdaq Stock Market LLC\n"
        "1.000% Notes due 2022      \u2014                        The Nasdaq Stock Market LLC\n"
        "\n"
        "Item 8.01 Other Events\n\n     News.\n")).cover
    assert cover.former_name is None
    assert [(r["title"], r["trading_symbol"]) for r in cover.securities_12b] == [
        ("Common Stock", "AAPL"), ("1.000% Notes due 2022", None)]


def test_plain_text_filing_wrapped_in_html_without_pre():
    # a text 8-K served inside <html><body><div> (no <pre>): its lines and
    # columns are kept, so the cover is read as text
    body = COVER + (
        "                                 AAIPHARMA INC.\n"
        "             (Exact Name of Registrant as Specified in its Charter)\n"
        "\n"
        "          Delaware                     0-21185                    04-2687849\n"
        "(State or Other Jurisdiction   (Commission File Number)       (I.R.S. Employer\n"
        "      of Incorporation)                                      Identification No.)\n"
        "\n"
        "Item 5.  Other Events.\n"
        "\n"
        "         On March 28, 2001, the Company issued a press release.\n") * 1
    filing = fg.parse("<html><body><div>" + body + "</div></body></html>\n")
    assert filing.cover.registrant_name == "AAIPHARMA INC."
    assert (filing.cover.state_of_incorporation, filing.cover.commission_file_number,
            filing.cover.irs_employer_id) == ("Delaware", "0-21185", "04-2687849")
    assert [i.number for i in filing.items] == ["5"]


def test_cover_without_captions_and_an_entity_signing_by_a_person():
    # ADVANTA Mortgage Loan Trust 1998-4 monthly report of 2001: no caption
    # under the date; "BY: <servicer>" then "BY: /s/ <officer>"
    text = (
        "SECURITIES AND EXCHANGE COMMISSION\n"
        "WASHINGTON, D.C.  20549\n\n"
        "FORM 8-K\n\nCURRENT REPORT\n\n"
        "Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934\n\n"
        "Date of Report:                 March 26, 2001\n\n"
        "ADVANTA Mortgage Loan Trust 1998-4A,  1998-4B, 1998-4C\n\n"
        "New York                          333-52351-02                 88-0360305\n"
        "                                  333-52351-03                 23-2723382\n\n"
        "c/o ADVANTA Mortgage Corp., USA\n"
        "Attn:  H. John Berens\n"
        "10790 Rancho Bernardo Road\n"
        "San Diego, CA  92127\n\n"
        "(858) 676-3099\n\n"
        "Item 5.                         Other Events\n\n"
        "Information relating to the distributions to Certificate holders.\n\n"
        "                                                SIGNATURE\n\n"
        "Pursuant to the requirements of the Securities Exchange Act\n"
        "of 1934, the Registrant has duly caused this report to be signed\n"
        "on its behalf by the undersigned thereunto duly authorized.\n\n"
        "ADVANTA Mortgage Loan Trust 1998-4A, 1998-4B, 1998-4C.\n\n"
        "BY:              ADVANTA Mortgage Corp., USA\n\n"
        "BY:              /s/ H. John Berens\n"
        "                 H. John Berens\n"
        "                 Senior Vice President\n\n"
        "   March 30, 2001\n")
    filing = fg.parse(text)
    c = filing.cover
    assert (c.registrant_name, c.state_of_incorporation, c.commission_file_number, c.irs_employer_id) == (
        "ADVANTA Mortgage Loan Trust 1998-4A, 1998-4B, 1998-4C", "New York", "333-52351-02", "88-0360305")
    assert (c.address, c.zip_code, c.telephone) == (
        "c/o ADVANTA Mortgage Corp., USA, Attn: H. John Berens, 10790 Rancho Bernardo Road, San Diego, CA",
        "92127", "(858) 676-3099")
    s = filing.signature
    assert (s.registrant, s.signer, s.title, s.date) == (
        "ADVANTA Mortgage Loan Trust 1998-4A, 1998-4B, 1998-4C.", "H. John Berens", "Senior Vice President",
        "2001-03-30")


def test_uk_postcode_and_international_telephone():
    from filing_grammar.values import PHONE, ZIP

    # Alterola Biotech 8-K of 2025
    assert ZIP.search("47 Hamilton Square Birkenhead Merseyside United Kingdom CH41 5AR").group() == "CH41 5AR"
    assert PHONE.search("Registrant's telephone number: +44 151 601 9477").group() == "+44 151 601 9477"


def test_header_names_no_item_on_an_empty_line_and_keeps_its_first_party():
    header = (
        "<SEC-DOCUMENT>0001094891-00-000193.txt : 20000316\n"
        "<SEC-HEADER>0001094891-00-000193.hdr.sgml : 20000316\n"
        "ACCESSION NUMBER:\t\t0001094891-00-000193\n"
        "CONFORMED SUBMISSION TYPE:\t8-K\n"
        "ITEM INFORMATION:\t\t\n"
        "ITEM INFORMATION:\t\tFinancial statements and exhibits\n"
        "FILED AS OF DATE:\t\t20000314\n"
        "\n"
        "SUBJECT COMPANY:\n"
        "\n"
        "\tCOMPANY DATA:\n"
        "\t\tCOMPANY CONFORMED NAME:\t\t\tPRODUCTIVITY TECHNOLOGIES CORP /\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000911787\n"
        "<REPORTING-OWNER>\n"
        "\n"
        "COMPANY DATA:\n"
        "\tCOMPANY CONFORMED NAME:\t\t\tFOSTER ALAN H\n"
        "\tCENTRAL INDEX KEY:\t\t\t0001050609\n"
        "</SEC-HEADER>\n"
        "</SEC-DOCUMENT>\n")
    h = fg.parse(header).sec_header
    assert h.item_information == ("Financial statements and exhibits",)
    assert [(f.name, f.cik) for f in h.filers] == [("PRODUCTIVITY TECHNOLOGIES CORP /", "0000911787")]


def test_html_no_break_spaces_keep_columns():
    from filing_grammar.source.html import render_html

    # text converted to HTML line by line, its columns kept with &nbsp;
    row = "Delaware" + "&nbsp;" * 20 + "0-21185" + "&nbsp;" * 20 + "04-2687849"
    text = render_html(f"<p>{row}<br>\n(State)</p><p>&nbsp;</p>").text
    assert text.splitlines()[0] == "Delaware" + " " * 20 + "0-21185" + " " * 20 + "04-2687849"
    assert text.splitlines()[1] == "(State)"


def test_an_exhibit_description_keeps_the_full_stop_of_an_abbreviation():
    # the trailing full stop is dropped, but not the one that ends "Inc."
    text = COVER + (
        "Item 9.01  Financial Statements and Exhibits.\n\n"
        "    (d) Exhibits\n\n"
        "    10.4   Form of Repurchase Agreement, dated May 15, 2025, by and among Alterola Biotech Inc.,"
        " EMC2 Capital LLC and Protagenic Therapeutics, Inc.\n"
        "    99.1   Press Release, dated June 30, 2025.\n\n")
    refs = fg.parse(text).exhibit_index
    assert [r.description.endswith("and Protagenic Therapeutics, Inc.") for r in refs] == [True, False]
    assert refs[1].description == "Press Release, dated June 30, 2025"
