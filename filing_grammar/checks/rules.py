"""The rule catalogue: every check's code, name, severity and documentation,
in one place.

Codes are stable and never reused.  They are grouped by the part of the filing
they look at:

=======  ==========
FG1xx    envelope (EDGAR wrapper, SEC header, documents)
FG2xx    cover page
FG3xx    items
FG4xx    signature
FG5xx    exhibits
FG6xx    layout (text the grammar could not place)
=======  ==========

``filing-grammar rules`` lists the catalogue, ``filing-grammar explain CODE``
prints one rule, SARIF ``tool.driver.rules`` is generated from it and
``docs/rules/FGxxx.md`` are generated from it (tests keep them in sync).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .diagnostic import Diagnostic, Label, Severity

__all__ = ["Rule", "RULES", "SECTIONS", "rule", "select_codes", "rule_markdown"]

E, W = Severity.ERROR, Severity.WARNING

SECTIONS = {
    "1": "envelope", "2": "cover", "3": "items", "4": "signature", "5": "exhibits", "6": "layout",
}


@dataclass(frozen=True)
class Rule:
    """A rule of the catalogue: code, name, severity, summary."""

    code: str
    name: str  # kebab-case
    severity: str
    summary: str  # one line
    what: str  # what it does
    why: str  # why it matters; for warnings, why it is not an error
    example: str  # a snippet of a filing that triggers it
    fix: str = ""  # how to fix it, when there is a fix

    @property
    def section(self) -> str:
        return SECTIONS.get(self.code[2], "other")

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "severity": self.severity,
                "section": self.section, "summary": self.summary, "what": self.what,
                "why": self.why, "example": self.example, "fix": self.fix}


RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ envelope
    Rule(
        "FG101", "not-an-8k", E,
        "the filing is not a Form 8-K",
        "Reports a file whose SEC header or first document says it is another form "
        "(10-K, 10-Q, S-3 ...). No other rule runs on such a file.",
        "The checks describe Form 8-K. A 10-K read as an 8-K would drown in "
        "false findings, so the file gets this one diagnostic instead.",
        "<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t10-K\n...",
        "Check the file you meant to check, or use a tool for that form.",
    ),
    Rule(
        "FG102", "malformed-header-line", W,
        "a line in the SEC header is not a `KEY: value` line",
        "Reports a line between `<SEC-HEADER>` and `</SEC-HEADER>` that is neither a "
        "`KEY:<TAB>value` field, nor a party (`FILER:`), nor a group (`COMPANY DATA:`). "
        "EDGAR's own SGML closing tags (`</COMPANY-DATA>`), which some 2000 headers "
        "carry, are accepted.",
        "Header fields are how EDGAR indexes a filing; a garbled line loses a value. "
        "It is a warning because EDGAR, not the filer, writes the header, and the "
        "corpus has real headers with such lines (a stray `]` before `IRS NUMBER:`).",
        "FILER:\n\tCOMPANY DATA:\n]\t\tIRS NUMBER:\t\t\t\t411756256",
        "Remove the stray characters so the line reads `KEY:<TAB>value`.",
    ),
    Rule(
        "FG103", "header-items-disagree", W,
        "the SEC header's ITEM INFORMATION and the items in the filing disagree",
        "Compares the header's `ITEM INFORMATION` lines (item titles, or numbers in "
        "1994) with the item headings found in the 8-K: an item the header lists that "
        "the filing does not have, and an item the filing has that the header does not list. "
        "Blank `ITEM INFORMATION` lines say nothing and are skipped; when any are "
        "blank, items missing from the header are not reported.",
        "EDGAR indexes filings by these items; a disagreement means the index or the "
        "document is wrong. It is a warning because the header is often incomplete "
        "(blank lines in 1997-2003 filings) and titles are matched loosely.",
        "ITEM INFORMATION:\t\tChanges in control of registrant\n...\nItem 5.  Other Events",
        "Make the items listed when filing match the item headings of the document.",
    ),
    Rule(
        "FG104", "header-period-disagrees", W,
        "CONFORMED PERIOD OF REPORT differs from the date of report on the cover",
        "Compares the header's `CONFORMED PERIOD OF REPORT` (YYYYMMDD) with the date "
        "of report read from the cover page.",
        "Both state the date of the earliest event reported. It is a warning: filers "
        "often type a slightly different date in the submission than on the cover, "
        "and either may be the right one.",
        "CONFORMED PERIOD OF REPORT:\t19971216\n...\nDate of Report: January 26, 1998",
        "Correct whichever of the two dates is wrong.",
    ),
    Rule(
        "FG105", "header-type-disagrees", E,
        "CONFORMED SUBMISSION TYPE differs from the document's <TYPE>",
        "Compares the header's `CONFORMED SUBMISSION TYPE` with the `<TYPE>` of the "
        "first document (the 8-K itself), e.g. `8-K/A` in the header and `8-K` in the "
        "document.",
        "The submission type decides how EDGAR files the report; an amendment filed "
        "as an original (or the reverse) is misfiled.",
        "CONFORMED SUBMISSION TYPE:\t8-K/A\n...\n<DOCUMENT>\n<TYPE>8-K",
        "Give the document the same type as the submission.",
    ),
    Rule(
        "FG106", "missing-closing-tag", E,
        "a closing tag of the EDGAR envelope is missing",
        "Reports a `</TEXT>`, `</DOCUMENT>`, `</SEC-HEADER>` or `</SEC-DOCUMENT>` that "
        "the filing leaves out: the parser inserted it where the next section starts "
        "or at the end of the file.",
        "A missing closing tag usually means a truncated or spliced file; text after "
        "it may have been read as part of the wrong document.",
        "<TEXT>\n...\n<DOCUMENT>\n<TYPE>EX-99.1",
        "Close the section before the next one opens; check the file is complete.",
    ),
    Rule(
        "FG107", "html-not-read", W,
        "the 8-K document is HTML, and no items could be read from it",
        "Reports an 8-K whose document text is HTML (`<HTML>`, `<TABLE>` ...) in which "
        "the grammar found no item heading. The cover, item, signature and exhibit "
        "checks are skipped for it, since they would only report that nothing was found.",
        "Since 2001 most 8-Ks are HTML; this version of the grammar reads plain-text "
        "filings. It is a warning because the filing is not at fault: 40 of 40 HTML "
        "8-Ks in the corpus would otherwise each get a false \"no items\" and \"no "
        "signature\" error. When the grammar reads a filing's items, the checks run as usual.",
        "<TYPE>8-K\n<TEXT>\n<HTML>\n<BODY>\n<P>Item 8.01 Other Events</P>",
        "",
    ),
    Rule(
        "FG108", "filed-late", W,
        "the 8-K was filed after its deadline",
        "Reports an 8-K whose SEC header's FILED AS OF DATE is after its deadline: "
        "from 2004-08-23, four business days after the event (the cover's date of "
        "the earliest event reported; an event on a weekend or holiday starts the "
        "count on the next business day, which counts). Items 7.01 and 8.01 (Regulation "
        "FD or voluntary), 9.01 and 5.08 have no such deadline; nor has an 8-K/A, or "
        "an 8-K of the numbered items before 2004-08-23 (their rules varied by item "
        "and are not checked).",
        "A late 8-K can cost a registrant its eligibility for short-form registration "
        "(Form S-3). It is a warning: business days are counted on the federal holiday "
        "calendar and the known closures of the Commission; a closure missing from "
        "that list would make the deadline look a day early.",
        "Date of Report (Date of earliest event reported): November 25, 2024\n"
        "FILED AS OF DATE:\t\t20241205",
        "File within four business days of the event.",
    ),
    # ------------------------------------------------------------------ cover
    Rule(
        "FG201", "missing-date-of-report", E,
        "the cover page has no date of report",
        "Reports a cover page with neither a `Date of Report (Date of earliest event "
        "reported)` caption nor a date standing alone above the registrant's name.",
        "The date of report is the date of the earliest event reported; it decides "
        "the filing deadline and which items exist (the decimal items from 2004-08-23).",
        "FORM 8-K\n\nCURRENT REPORT\n\nCWMBS, INC.\n(Exact name of registrant ...)",
        "Add `Date of Report (Date of earliest event reported): <Month day, year>`.",
    ),
    Rule(
        "FG202", "bad-date-of-report", E,
        "the date of report cannot be read as a real date",
        "Reports a date of report that is impossible (`February 30, 2005`) or a date "
        "caption near which no date can be read (`Septmber 30, 2002`, `9/30`).",
        "A date that cannot be read cannot be checked against deadlines, eras or the "
        "signature date.",
        "Date of Report (Date of earliest event reported):  February 30, 2005",
        "Print the date as `Month day, year`.",
    ),
    Rule(
        "FG203", "missing-registrant-name", W,
        "the cover page does not give the registrant's name",
        "Reports a cover page on which no registrant name is found: neither a value "
        "over `(Exact name of registrant as specified in its charter)` nor a name "
        "line in the cover heading.",
        "The registrant's exact name identifies the filer. It is a warning because "
        "the name is read from layout (a value above its caption) and some real "
        "covers print it in ways the reader does not follow (see the audit in the README).",
        "FORM 8-K\n...\n-------------------------------------------\n"
        "(Exact name of registrant as specified in its charter)",
        "Print the registrant's name above its caption.",
    ),
    Rule(
        "FG204", "missing-commission-file-number", W,
        "the cover page does not give the Commission file number",
        "Reports a cover page without a Commission File Number (`0-27026`, `333-92152`, `1-5502`).",
        "The file number ties the report to the registrant's registration. It is a "
        "warning because early covers (1993-1998) often leave it blank.",
        "Nevada                                      13-3124057\n"
        "(State of incorporation)  (Commission File No.)  (IRS Employer Id. No.)",
        "Fill in the Commission file number.",
    ),
    Rule(
        "FG205", "missing-cover-field", W,
        "the cover page leaves out a field (state, IRS number, address or telephone)",
        "Reports each of state of incorporation, I.R.S. employer identification "
        "number, address of principal executive offices and telephone number that "
        "the cover page does not give. The diagnostic points at the blank cell where "
        "the value should stand (a row of values over a row of captions), else at the "
        "field's caption, else at the FORM 8-K title.",
        "Form 8-K asks for all of them. It is a warning: they are read from layout, "
        "and a field printed unusually may not be found.",
        "(Address of principal executive offices)          (Zip Code)\n\n"
        "(Former name or former address, if changed since last report)",
        "Fill in the field.",
    ),
    Rule(
        "FG206", "no-cover-page", E,
        "the 8-K document has no cover page",
        "Reports an 8-K document in which no cover page (commission banner, FORM 8-K "
        "title or cover captions) comes before the first item.",
        "The cover page identifies the registrant and the date of report.",
        "<TEXT>\nItem 5. Other Events\n...",
        "Start the document with the Form 8-K cover page.",
    ),
    Rule(
        "FG207", "malformed-irs-number", W,
        "the I.R.S. employer identification number is not nine digits (NN-NNNNNNN)",
        "Reports an I.R.S. employer identification number on the cover page that is "
        "not two digits, a hyphen and seven digits (or nine digits run together).",
        "An EIN has nine digits; a misprinted one does not match the registrant's "
        "records. The value is still read, as printed. It is a warning: the number "
        "is found by its column, and the SEC header's IRS NUMBER is the filer's record.",
        "DELAWARE               0-29464               03-153200\n"
        "(State of incorporation)  (Commission File Number)  (IRS Employer ID Number)",
        "Print the nine-digit number, e.g. `03-0153200`.",
    ),
    Rule(
        "FG208", "malformed-file-number", W,
        "the Commission file number is malformed",
        "Reports a Commission file number on the cover page, in the file number's "
        "column, that is not digits and hyphens in the shape EDGAR gives them "
        "(`0-27026`, `1-5502`, `333-92152`, `001-33099`).",
        "The file number ties the report to the registrant's registration; a "
        "misprinted one ties it to none. The value is still read, as printed, and the "
        "diagnostic points at it. It is a warning: the value is found by its column "
        "under the caption row.",
        "Delaware                 333-9215X                95-4449516\n"
        "(State of incorporation)  (Commission File Number)  (IRS Employer ID Number)",
        "Print the file number as the SEC assigned it, e.g. `333-92152`.",
    ),
    Rule(
        "FG209", "cover-differs-from-its-tags", W,
        "a printed cover value differs from its Inline XBRL tag",
        "Reports a cover value (file number, IRS number, date of report, ZIP code, "
        "telephone) that differs from the `dei:` fact the Inline "
        "XBRL document tags for it (`dei:EntityFileNumber` ...). Values are compared "
        "as what they mean: letters and digits for numbers, days for dates. Not the "
        "registrant's name: its tag holds EDGAR's conformed name (`ORACLE CORP` for "
        "`Oracle Corporation`).",
        "Since 2019 the cover page is tagged, and EDGAR validates it against the tags: "
        "the printed and the tagged value must agree. It is a warning: the printed "
        "value is read from the page's layout.",
        "Commission File Number: 001-33099  ...  "
        "<ix:nonNumeric name=\"dei:EntityFileNumber\">001-33098</ix:nonNumeric>",
        "Print and tag the same value.",
    ),
    Rule(
        "FG210", "malformed-telephone", W,
        "the telephone number is malformed",
        "Reports a telephone number on the cover page, by its caption, that is an area "
        "code in parentheses and digits but not the ten digits of a number "
        "(`(818) 225-324`).",
        "The cover gives the registrant's telephone number including area code. It is "
        "a warning: the number is read from the layout near its caption.",
        "(818) 225-324\n(Registrant's telephone number, including area code)",
        "Print the number as (NNN) NNN-NNNN.",
    ),
    Rule(
        "FG211", "malformed-zip-code", W,
        "the ZIP code is malformed",
        "Reports the number printed after a US state at the end of the address of "
        "principal executive offices when it is not a ZIP code: five digits, or ZIP+4 "
        "(`Calabasas, California 9130`).",
        "The cover gives the address including the ZIP code. It is a warning: the "
        "address is read from the layout, and only a number printed right after a US "
        "state's name or code is taken for the ZIP code; foreign postal codes are not "
        "judged.",
        "Calabasas, California                 9130\n(Address of Principal Executive Offices)   (Zip Code)",
        "Print the ZIP code as NNNNN or NNNNN-NNNN.",
    ),
    # ------------------------------------------------------------------ items
    Rule(
        "FG301", "no-items", E,
        "the filing reports no items",
        "Reports an 8-K in which no item heading (`Item 5. Other Events`, "
        "`Item 2.02 Results of Operations ...`) is found.",
        "An 8-K reports events under numbered items; without one there is nothing reported.",
        "FORM 8-K\n...\nSIGNATURES",
        "Put each event under its item heading.",
    ),
    Rule(
        "FG302", "unknown-item-number", E,
        "an item number that does not exist in the filing's era",
        "Reports an item heading whose number is not an item of Form 8-K on the date "
        "of report: numbered items 1-12 before 2004-08-23 (10 and 11 from 2003, 12 "
        "from 2003-03-28), decimal items (1.01 ... 9.01) from then on. `Item 2.07`, "
        "`Item 13` and a decimal item in a 1998 filing are reported.",
        "The item says what kind of event is reported; a wrong number files the event "
        "under nothing.",
        "Date of Report: January 10, 2005\n...\nItem 2.07  Other Events",
        "Use the item number the form had on the date of report (help names it when "
        "the title is an official one).",
    ),
    Rule(
        "FG303", "item-not-yet-in-force", E,
        "an item that did not yet exist on the date of report",
        "Reports an item of the right era that came into force after the date of "
        "report, e.g. `Item 5.07` (from 2010-02-28) in a 2008 filing.",
        "The item could not have been reported under on that date; the number or "
        "the date is wrong.",
        "Date of Report: June 26, 2008\n...\nItem 5.07 Submission of Matters to a Vote of Security Holders",
        "Check the date of report and the item number.",
    ),
    Rule(
        "FG304", "unofficial-item-title", W,
        "an item title that differs from the official title of its era",
        "Compares an item heading's title (case, punctuation and `&` ignored) with the "
        "official title of its number in the filing's era, and known variants.",
        "Official titles make filings searchable. It is a warning: filers often "
        "shorten or reword titles (`Press Release` for Item 5), which is untidy "
        "but not wrong.",
        "Item 5. Press Release",
        "Use the official title (help gives it).",
    ),
    Rule(
        "FG305", "items-out-of-order", W,
        "items are not in the order of their numbers",
        "Reports an item heading whose number is lower than the one before it.",
        "The form lists items in order. It is a warning because the content is "
        "complete either way.",
        "Item 7. Financial Statements and Exhibits\n...\nItem 5. Other Events",
        "Put the items in the order of their numbers.",
    ),
    Rule(
        "FG306", "duplicate-item", W,
        "the same item appears twice",
        "Reports a second heading for an item number already reported in the filing.",
        "Each item is reported once, with all its events under one heading. It is a "
        "warning because a heading quoted in the text of another item (`... under Item "
        "2. The registrant will file ...`) reads as a second heading.",
        "Item 2. Acquisition or Disposition of Assets\n...\nItem 2. Acquisition or Disposition of Assets",
        "Merge the two items.",
    ),
    # ------------------------------------------------------------------ signature
    Rule(
        "FG401", "missing-signature", E,
        "the filing has no signature block",
        "Reports an 8-K with no `SIGNATURE(S)` heading and no signature legend "
        "(`Pursuant to the requirements of the Securities Exchange Act of 1934 ...`).",
        "General Instruction E and Rule 12b-11 require the report to be signed.",
        "Item 5. Other Events\n...\n<PAGE>\n</TEXT>",
        "Add the signature block after the items.",
    ),
    Rule(
        "FG402", "missing-signer", E,
        "the signature block names no signer",
        "Reports a signature block in which no signer is found (`By: /s/ name`, a "
        "`Name:` line, or a name under the `By:` line).",
        "A signature without a signer does not say who is responsible for the report.",
        "SIGNATURES\nPursuant to the requirements ...\n\nCWMBS, INC.\n\nDate: September 30, 2002",
        "Add `By: /s/ <name>` with the signer's name and title.",
    ),
    Rule(
        "FG403", "signature-before-report", E,
        "the signature date is before the date of report",
        "Compares the date of the signature block with the date of report on the cover.",
        "A report cannot be signed before the event it reports; one of the dates is wrong.",
        "Date of Report: February 11, 2005\n...\nDate: February 9, 2005",
        "Correct the signature date or the date of report.",
    ),
    Rule(
        "FG404", "bad-signature-date", E,
        "the signature date is not a real date",
        "Reports a signature date that cannot be a date (`June 31, 2005`).",
        "The signature date records when the report was signed.",
        "Date: June 31, 2005",
        "Print the real date.",
    ),
    Rule(
        "FG405", "missing-signature-date", W,
        "the signature block gives no date",
        "Reports a signature block with no date on a `Date:` line, the `By:` line, a "
        "line of its own, or in the legend.",
        "Form 8-K's signature block has a `Date:` line. It is a warning because "
        "several 1990s filings leave it out with nothing else wrong.",
        "By: /s/ Bruce J. Feldman\n    Bruce J. Feldman, President\n\nDate:",
        "Add the date the report was signed.",
    ),
    # ------------------------------------------------------------------ exhibits
    Rule(
        "FG501", "exhibit-not-filed", W,
        "an exhibit is listed but no document carries it",
        "For a full submission (a file with `<DOCUMENT>`s), reports an exhibit listed in "
        "the exhibit index (or the list under Item 7 / 9.01) that no `EX-` document "
        "and no exhibit printed in the 8-K's own text carries. Entries said to be "
        "incorporated by reference, filed by amendment or on paper, or embedded in the "
        "Inline XBRL document (exhibit 104), are not reported, nor are files without "
        "their SEC header (a primary document kept alone says nothing of the others).",
        "A listed exhibit that is not filed is missing from the public record. It is a "
        "warning because lists under Item 7 are read from free text and exhibit "
        "numbers are written loosely (`99` for `99.1`).",
        "EXHIBIT INDEX\n  99.1   Press release dated January 10, 2005\n...\n(no <TYPE>EX-99.1 document)",
        "File the exhibit as its own `<DOCUMENT>` with `<TYPE>EX-<number>`, or correct the list.",
    ),
    Rule(
        "FG502", "exhibit-not-listed", W,
        "an EX- document that the exhibit list does not mention",
        "For a filing with an exhibit index (or list under Item 7 / 9.01), reports an "
        "`EX-` document whose number no entry of that list has. XBRL files "
        "(`EX-101.SCH`, `EX-101.LAB` ...) are not reported: they are filed with "
        "every 8-K since 2019 and lists name them as one exhibit 101, if at all.",
        "Readers find exhibits through the list. It is a warning because exhibit "
        "numbers are written loosely and lists are read from free text.",
        "EXHIBIT INDEX\n  99.1  Press release\n...\n<TYPE>EX-99.2",
        "Add the exhibit to the list, or correct the document's `<TYPE>`.",
    ),
    Rule(
        "FG503", "exhibit-numbered-two-ways", W,
        "an exhibit is numbered one way in the exhibit list and another in its document type",
        "Reports an exhibit the list gives one number and the attached document "
        "another (`10.1` in the list, `<TYPE>EX-99`): a listed entry no document "
        "carries, paired with a filed document no entry lists, by their descriptions "
        "(or as the only two left). One diagnostic per numbering, in place of a "
        "FG501 and a FG502 for each exhibit.",
        "A reader looking for exhibit 10.1 does not find it. It is a warning: the "
        "pairing is read from descriptions.",
        "Exhibit 10.1   Agreement and Plan of Merger\n...\n<TYPE>EX-99\n"
        "<DESCRIPTION>AGREEMENT AND PLAN OF MERGER",
        "Give the exhibit the same number in the list and in its `<TYPE>`.",
    ),
    Rule(
        "FG504", "exhibit-missing-from-index", W,
        "an exhibit listed under Item 9.01 is not in the exhibit index",
        "Reports an exhibit the list under Item 9.01 (Item 7 before 2004-08-23) names "
        "but the filing's exhibit index leaves out.",
        "The exhibit index is where a reader looks for the exhibits; one left out of it "
        "is easily missed. It is a warning: both lists are read from the layout.",
        "Item 9.01 ... (d) Exhibits  99.1 Press release  99.2 Investor presentation\n"
        "EXHIBIT INDEX  99.1 Press release",
        "List every exhibit in the exhibit index.",
    ),
    Rule(
        "FG505", "exhibit-missing-from-item", W,
        "an exhibit in the exhibit index is not listed under Item 9.01",
        "Reports an exhibit the exhibit index names but the list under Item 9.01 "
        "(Item 7) leaves out, when the item lists exhibits at all. Exhibits 101 (XBRL) "
        "and 104 (the cover page's interactive data) are left out of the comparison.",
        "Item 9.01 asks for a list of the exhibits filed with the report. It is a "
        "warning: both lists are read from the layout.",
        "Item 9.01 ... (d) Exhibits  99.1 Press release\n"
        "EXHIBIT INDEX  99.1 Press release  99.2 Investor presentation",
        "List the exhibit under Item 9.01 too, or take it out of the index.",
    ),
    # ------------------------------------------------------------------ layout
    Rule(
        "FG601", "unplaceable-text", E,
        "text the grammar could not place",
        "Reports each run of lines that the 8-K grammar does not accept where it "
        "stands, with what the grammar would have accepted there, taken from the "
        "parser state (\"expected an item heading or the signature block\").",
        "The grammar is the layout of the form; text it cannot place is out of order "
        "(a `</TEXT>` before the document ends, a `<TYPE>` line outside `<DOCUMENT>`), "
        "and its content is missing from the records.",
        "<SEC-DOCUMENT>\n<TYPE>8-K\n<SEC-HEADER>",
        "Move the text where it belongs, or remove it.",
    ),
    Rule(
        "FG602", "exhibit-heading-takes-in-items", W,
        "a line read as an exhibit heading takes in item headings or the signature",
        "Reports an `EXHIBIT 99.1` line in the 8-K's text after which item headings or "
        "the signature block follow. Everything after an exhibit heading is read as "
        "the exhibit's text, so those items and the signature are lost.",
        "Usually the line is the end of a sentence that wrapped (`... is attached hereto "
        "as` / `Exhibit 99.1.`), not a heading. It is a warning because the filing may "
        "be right and the reading wrong; in the corpus it explains a missing item 9.01 "
        "and signature block.",
        "The press release is attached hereto as\nExhibit 99.1.\n\nITEM 9.01. FINANCIAL "
        "STATEMENTS AND EXHIBITS.",
        "Join the line to the sentence above, so it no longer stands alone.",
    ),
)

_BY_CODE = {r.code: r for r in RULES}


def rule(code: str) -> Rule | None:
    return _BY_CODE.get(code.strip().upper())


def select_codes(select: Iterable[str] | None, ignore: Iterable[str] | None) -> set[str]:
    """Codes enabled by ``--select``/``--ignore`` (codes or prefixes such as
    ``FG3``); ValueError names an unknown code or prefix."""
    def expand(items: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for item in items:
            item = item.strip().upper()
            if not item:
                continue
            if item == "ALL":
                out.update(_BY_CODE)
                continue
            matched = {c for c in _BY_CODE if c.startswith(item)}
            if not matched:
                raise ValueError(f"unknown rule code or prefix: {item}")
            out |= matched
        return out

    enabled = expand(select) if select else set(_BY_CODE)
    return enabled - expand(ignore or ())


def rule_markdown(r: Rule) -> str:
    """The documentation page of a rule (docs/rules/FGxxx.md)."""
    lines = [
        f"# {r.code} {r.name}",
        "",
        "<!-- generated from filing_grammar/checks/rules.py by "
        "`python -m filing_grammar.checks.docs`; do not edit -->",
        "",
        f"**Severity:** {r.severity} · **Section:** {r.section}",
        "",
        f"{r.summary[0].upper()}{r.summary[1:]}.",
        "",
        "## What it does",
        "",
        r.what,
        "",
        "## Why it matters",
        "",
        r.why,
        "",
        "## Example",
        "",
        "```",
        r.example,
        "```",
        "",
    ]
    if r.fix:
        lines += ["## Fix", "", r.fix, ""]
    return "\n".join(lines)


def diag(code: str, message: str, label: "Label", **kw) -> "Diagnostic":
    """A diagnostic of rule ``code``, at its catalogue severity."""
    r = _BY_CODE.get(code) or rule(code)  # (a check names its code exactly)
    return Diagnostic(code, r.severity, message, label, **kw)
