"""Compare text with a golden file, or rewrite it under --update-goldens."""

from __future__ import annotations

import pathlib


def check_golden(path: pathlib.Path, actual: str, update: bool) -> None:
    if update or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update:
            raise AssertionError(f"golden file {path.name} was missing; written, re-run to compare")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path.name} differs from the golden file; inspect the diff and run "
        f"`pytest --update-goldens` if the new output is right"
    )
