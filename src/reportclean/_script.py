"""Convert stray traditional characters in simplified text (OpenCC).

Filled in by the normalisation issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["SCRIPT"]

SCRIPT = Step("script", lambda config: noop, {})
