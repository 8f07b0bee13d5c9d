"""Renderers: records, trees and diagnostics for people (rich) and machines (JSON, SARIF).

Filing text is never passed to rich as markup: every string goes in as a
``rich.text.Text`` (or through ``rich.markup.escape``), so ``[bold]`` in a
filing prints as ``[bold]``.
"""

# Control characters other than TAB and newline, shown as \xNN: an ANSI escape
# sequence in a filing (or a file name) must print as text, never reach the
# terminal as a command.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))}


def plain(value: object) -> str:
    """``str(value)`` ('' for None) with control characters made visible."""
    if value is None:
        return ""
    text = str(value)
    # (every character of _CONTROL is unprintable: printable text is its own
    # plain text, found without a look-up per character; issue 12)
    return text if text.isprintable() else text.translate(_CONTROL)
