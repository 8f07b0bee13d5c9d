"""Renderers: records, trees and diagnostics for people (rich) and machines (JSON, SARIF).

Filing text is never passed to rich as markup: every string goes in as a
``rich.text.Text`` (or through ``rich.markup.escape``), so ``[bold]`` in a
filing prints as ``[bold]``.
"""
