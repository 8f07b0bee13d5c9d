"""Stage 4: the readers, one per part of the form.  Each takes its node of the
parse tree and returns its record (filing_grammar/records.py); transform.py
dispatches the nodes and assembles the Filing.

    envelope.py        sec_header, tag_header, document      -> SecHeader, Document
    cover.py           cover_page                             -> Cover
    cover_sections.py  check boxes, 12(b) table, co-registrants, amendment (part of Cover)
    items.py           item                                   -> Item
    signature.py       signature                              -> Signature
    exhibits.py        exhibit_index, the list under Item 9.01 -> ExhibitRef
    xbrl.py            Inline XBRL dei: facts -> Filing.xbrl; cover values they print
    lines.py           blocks of value lines and columns, shared by the readers

Each does in Python only what a context-free grammar cannot: which line of a
field is its value, which column of a row a value stands in, dates, wrapped
titles and descriptions.
"""
