"""Join paragraphs cut by page breaks, remove converter Markdown, keep headings.

Filled in by the normalisation issue; proposes nothing yet.
"""

from __future__ import annotations

from ._edits import Step, noop

__all__ = ["LAYOUT"]

LAYOUT = Step("layout", lambda config: noop, {})
