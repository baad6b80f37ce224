"""Flag template placeholders (X, XX, ××, □, 某某) where a number, date or name belongs.

Filled in by the checks issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["PLACEHOLDERS"]

PLACEHOLDERS = Step("placeholders", lambda config: noop, {})
