"""The fast fuzz target runs as a function: every renderer it picks by the
input's last byte accepts what a sample gives (atheris needed to import it)."""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

pytest.importorskip("atheris")


@pytest.fixture(scope="module")
def target():
    sys.path.insert(0, str(ROOT / "fuzz"))
    try:
        import fuzz_parse
    finally:
        sys.path.remove(str(ROOT / "fuzz"))
    return fuzz_parse


def test_every_renderer(target):
    data = (ROOT / "samples" / "000_baa583cdd3fdc5f0.txt").read_bytes()[:2048]
    assert len(target.RENDERERS) == 5
    for last in range(len(target.RENDERERS)):
        target.test_one_input(data[:-1] + bytes([last]))  # each renderer in turn
    target.test_one_input(b"")
    target.test_one_input(b"\xff\xfe<DOCUMENT>\n")
