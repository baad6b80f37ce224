"""Chinese numerals that count or measure become Arabic; unit spellings unified.

Filled in by the numbers issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["NUMERALS"]

NUMERALS = Step("numerals", lambda config: noop, {})
