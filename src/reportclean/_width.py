"""Character width: full-width digits and Latin to ASCII, Chinese punctuation full-width.

Filled in by the normalisation issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["WIDTH"]

WIDTH = Step("width", lambda config: noop, {})
