"""Conformance checks (issue 4)."""
