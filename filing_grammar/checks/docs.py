"""Write docs/rules/FGxxx.md (one page per rule) and docs/rules/README.md (the
index) from the catalogue:

    python -m filing_grammar.checks.docs [DIR]

tests/test_checks.py fails when the pages and the catalogue differ.
"""

from __future__ import annotations

import pathlib
import sys

from .rules import RULES, SECTIONS, rule_markdown

DEFAULT_DIR = pathlib.Path(__file__).resolve().parents[2] / "docs" / "rules"


def pages() -> dict[str, str]:
    out = {f"{r.code}.md": rule_markdown(r) for r in RULES}
    lines = ["# Rules of `filing-grammar check`", "",
             "<!-- generated from filing_grammar/checks/rules.py by "
             "`python -m filing_grammar.checks.docs`; do not edit -->", "",
             "Codes are stable and never reused. `filing-grammar rules` lists them, "
             "`filing-grammar explain CODE` prints a page.", ""]
    section = None
    for r in RULES:
        if r.section != section:
            section = r.section
            prefix = next(k for k, v in SECTIONS.items() if v == section)
            lines += ["", f"## FG{prefix}xx {section}", "", "| code | name | severity | summary |",
                      "|---|---|---|---|"]
        lines.append(f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity} | {r.summary} |")
    out["README.md"] = "\n".join(lines) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    target = pathlib.Path(argv[0]) if argv else DEFAULT_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (target / name).write_text(text, encoding="utf-8")
    print(f"{len(RULES)} rule pages written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
