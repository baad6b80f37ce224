"""Repair mojibake: UTF-8 read as Latin-1/cp1252/GBK, GBK read as Latin-1 or UTF-8.

Filled in by the encoding issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["MOJIBAKE"]

MOJIBAKE = Step("mojibake", lambda config: noop, {})
