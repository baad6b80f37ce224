"""Remove reseller watermarks, government-site footers and page furniture.

Filled in by the boilerplate issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["BOILERPLATE"]

BOILERPLATE = Step("boilerplate", lambda config: noop, {})
