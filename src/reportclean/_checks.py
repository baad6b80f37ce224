"""Flag missing numbers, sums and rates that do not add up, and other data problems.

Filled in by the checks issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["CHECKS"]

CHECKS = Step("checks", lambda config: noop, {})
