"""Remove spaces a converter put between hanzi and digits or Latin.

Filled in by the normalisation issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["SPACING"]

SPACING = Step("spacing", lambda config: noop, {})
