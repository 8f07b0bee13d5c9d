"""Make the broken samples from the good ones in samples/ (an edit or two each,
described below).  Run from the repository root:

    python samples/broken/make_broken.py

Each case NAME gets NAME.txt (the broken filing) and NAME.expect.json (the
codes and lines a reader expects, written by hand here: the diagnostics the
edit causes, and those the good sample already had); the golden renderings
(NAME.rich.txt, NAME.concise.txt, NAME.json, NAME.sarif) are written by
``pytest --update-goldens`` and compared by tests/test_checks_goldens.py.
"""

from __future__ import annotations

import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SAMPLES = HERE.parent

S000 = "000_baa583cdd3fdc5f0.txt"
S002 = "002_15025ed101fcb0cd.txt"
S010 = "010_FOOD_0000703901-98-000003.txt"
S016 = "016_OASIS_0001104540-02-000064.txt"
S020 = "020_EXPERTELLIGENCE_0001164150-07-000163.txt"
S059 = "059_ec_109446_8K_1994_0000109446-94-000005.txt"
S111 = "111_ec_1001426_8K_2005_0001275287-05-000056.txt"


def replace_line(lines, n, old, new):
    assert old in lines[n - 1], (n, old, lines[n - 1])
    lines[n - 1] = lines[n - 1].replace(old, new)


def delete_lines(lines, first, last):
    del lines[first - 1:last]


def insert_line(lines, after, text):
    lines.insert(after, text)


# name -> (sample, edit, [(code, line)] expected, what was edited)
# (111's cover prints the earliest event's date, "(January 7, 2005)", under
# its date of report; it is the header's period of report, so no FG104.)
CASES = {}


def case(name, sample, expect, what):
    def register(edit):
        CASES[name] = (sample, edit, expect, what)
        return edit
    return register


@case("01_missing_date", S000, [("FG201", 5)],
      "the date of report caption and its value taken out of the cover")
def _(lines):
    delete_lines(lines, 13, 14)


@case("02_impossible_date", S002, [("FG202", 17)],
      "date of report October 28, 2003 changed to October 32, 2003")
def _(lines):
    replace_line(lines, 17, "October 28, 2003", "October 32, 2003")


@case("03_unknown_item_2_07", S111, [("FG103", 18), ("FG103", 111), ("FG302", 111)],
      "ITEM 5.02 renumbered ITEM 2.07, which never existed")
def _(lines):
    replace_line(lines, 111, "ITEM 5.02.", "ITEM 2.07.")


@case("04_decimal_item_in_1998", S010, [("FG204", 70), ("FG104", 78), ("FG302", 111)],
      "Item 5 of a 1998 filing renumbered with a decimal number, 8.01")
def _(lines):
    replace_line(lines, 111, "Item 5.", "Item 8.01")


@case("05_item_13", S059, [("FG103", 17), ("FG103", 112), ("FG302", 112)],
      "ITEM 5 of a 1994 filing renumbered ITEM 13")
def _(lines):
    replace_line(lines, 112, "ITEM 5 ", "ITEM 13 ")


@case("06_missing_signature", S020, [("FG401", 143)],
      "the signature block (SIGNATURES to the signer's title) deleted")
def _(lines):
    delete_lines(lines, 147, 163)


@case("07_stray_tag", S020, [("FG601", 128)],
      "a <FILENAME> line pasted into the text of Item 8.01")
def _(lines):
    insert_line(lines, 127, "<FILENAME>ex99-1.txt")


@case("08_unofficial_title", S020, [("FG304", 126)],
      "Item 8.01's title Other Events changed to Press Release")
def _(lines):
    replace_line(lines, 126, "Other Events", "Press Release")


@case("09_missing_registrant_name", S020, [("FG203", 66)],
      "the registrant's name, its rule and its caption deleted from the cover")
def _(lines):
    assert "ExperTelligence, Inc." in lines[75] and "Exact name" in lines[77]
    delete_lines(lines, 76, 78)


@case("10_signed_before_report", S059, [("FG403", 129)],
      "the signature date March 22, 1994 changed to March 2, 1994")
def _(lines):
    replace_line(lines, 129, "March 22, 1994", "March 2, 1994 ")


@case("11_items_out_of_order", S002, [("FG304", 56), ("FG305", 98)],
      "Item 5 renumbered Item 8, so that Item 7 follows Item 8")
def _(lines):
    replace_line(lines, 56, "Item 5.", "Item 8.")


@case("12_not_an_8k", S020, [("FG101", 15)],
      "submission type and document type changed to 10-Q")
def _(lines):
    replace_line(lines, 15, "8-K", "10-Q")
    replace_line(lines, 58, "<TYPE>8-K", "<TYPE>10-Q")


@case("13_exhibit_not_filed", S111, [("FG304", 111), ("FG501", 126)],
      "the EX-99.1 document deleted while Item 9.01 still lists exhibit 99.1")
def _(lines):
    delete_lines(lines, 152, 214)


@case("14_amendment_typed_original", S016, [("FG105", 52)],
      "CONFORMED SUBMISSION TYPE changed to 8-K/A; the document stays 8-K")
def _(lines):
    replace_line(lines, 15, "8-K", "8-K/A")


@case("15_markup_in_title", S020, [("FG304", 126)],
      "rich markup typed into Item 8.01's title: it must print as typed")
def _(lines):
    replace_line(lines, 126, "Other Events", "[bold]Other[/] Events [link=https://example.com]x")


@case("16_truncated", S111, [("FG304", 111), ("FG106", 175)],
      "the file cut off in the middle of the EX-99.1 document")
def _(lines):
    delete_lines(lines, 176, len(lines))


def main() -> None:
    for name, (sample, edit, expect, what) in CASES.items():
        lines = (SAMPLES / sample).read_text(encoding="latin-1").split("\n")
        edit(lines)
        (HERE / f"{name}.txt").write_text("\n".join(lines), encoding="latin-1")
        (HERE / f"{name}.expect.json").write_text(json.dumps({
            "made_from": sample, "edit": what,
            "expect": [{"code": c, "line": n} for c, n in expect]}, indent=2) + "\n")
    print(f"{len(CASES)} broken samples written to {HERE}")


if __name__ == "__main__":
    main()
