"""The report page's template, stylesheet and script (package data, read by
:mod:`filing_grammar.render.report`)."""
