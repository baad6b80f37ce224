"""Parse one numeral expression: Arabic, Chinese, mixed (``3万4000``), ``百分之八``.

Filled in by the numbers issue; until then :func:`parse_number` reads plain
Arabic numbers only and gives None for everything else.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["parse_number"]

_ARABIC = re.compile(r"[+-]?\d+(?:\.\d+)?")


def parse_number(text: str) -> Decimal | None:
    """The value of one numeral expression, or None if it is not one.

    Never raises on any ``str``.

    >>> parse_number("12.5")
    Decimal('12.5')
    >>> parse_number("十三五") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() takes a str, got {type(text).__name__}")
    s = text.strip()
    if not _ARABIC.fullmatch(s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        return None
