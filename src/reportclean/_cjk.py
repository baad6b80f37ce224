"""Character classes of Chinese text, shared by the normalisation steps.

Regex fragments (to put inside ``[...]``), not compiled patterns, so each step
can build the classes it needs.

>>> import re
>>> bool(re.fullmatch(f"[{HAN}]+", "十三五规划")), bool(re.fullmatch(f"[{CJK_PUNCT}]+", "，。、“”《》（）"))
(True, True)
>>> bool(re.search(f"[{HAN}{CJK_PUNCT}]", "IPv6, 5G: 3.5%"))
False
"""

from __future__ import annotations

__all__ = ["CJK_PUNCT", "HAN", "SPACE"]

#: Hanzi: CJK unified ideographs, extension A, compatibility ideographs, extensions B–H.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Chinese punctuation: CJK symbols (without U+3000), full-width forms that are
#: punctuation, curly quotes, dashes, ellipsis, middle dot of names.
CJK_PUNCT = (
    "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2014\u2015\u2018-\u201f\u2026\u00b7\ufe10-\ufe19\ufe30-\ufe4f"
)

#: Horizontal space characters other than tab: ASCII space, NBSP, the
#: typographic spaces, narrow NBSP, medium mathematical space, ideographic space.
SPACE = " \u00a0\u2000-\u200a\u202f\u205f\u3000"
