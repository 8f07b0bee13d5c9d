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
