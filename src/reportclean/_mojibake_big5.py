"""Big5 read as Latin-1 with lost bytes: realign the byte pairs, or keep the text.

A Big5 page read as Latin-1 (or cp1252) keeps every byte as one character, so
re-encoding and decoding as Big5 repairs it, unless a byte was lost on the way.
The byte 0xAD is the Latin-1 soft hyphen: invisible, and stripped by many HTML
and text tools. A reader that tries UTF-8 first and falls back to Latin-1 loses
bytes too: a Big5 lead byte 0xC2 or 0xC3 and the byte after it form a valid UTF-8
sequence and come out as one Latin-1 letter (``C2 BE``, the Big5 ``職``, as ``¾``).
In Big5, 0xAD is the lead byte of common characters (``個 面 員 計 要 准``) and the
trail byte of others (``五`` is 0xA4AD). After a lost byte the pairs are misaligned:
the trail of one character pairs with the lead of the next, and every character up
to the next ASCII byte is wrong, often a frequent one (``地面上`` comes out ``地惜W``).

Realignment (written by hand: no library decodes a byte stream with holes) finds
the most plausible reading of the bytes where a lost byte may be put back before
or after any byte, by a shortest path over the byte positions (linear: a constant
number of edges per byte). A character costs less the commoner it is; putting
back a lost byte costs as much as a few rare characters, so it is put back only
where it turns a run of unlikely characters into likely ones.

What is repaired, piece by piece, is only what the reading is sure of: a common
character or Chinese mark (where the reading differs from the plain decode, a
frequent one, or a common one whose trail byte is not ASCII); a rarer one between
two sure pieces; a put-back byte only when it is a common character confirmed by a
sure piece on each side (the bytes after it line up again). After a put-back that
is not sure, nothing is repaired until the reading meets the plain decode again.
The rest (an orphan byte at the edge of the run, a stretch that reads well in no
alignment) is kept as it is and flagged.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["Piece", "realign_big5", "sure_text"]

Piece = tuple[int, int, str, bool]  # (start, end) in the run, the repaired text, sure

_LOST = 0xAD  # the soft hyphen: the byte a Latin-1 reading drops
_ASCII_COST = 6.0  # an ASCII byte between Big5 bytes: a trail byte read alone, or real ASCII
_PUT_BACK = 5.0  # putting back a lost byte
_SKIP = 12.0  # a byte read as nothing (an orphan)
_SURE_COST = 2.5  # up to this cost a character is sure on its own (common hanzi, Chinese marks)


@cache
def _tables() -> tuple[dict[int, str], dict[str, float]]:
    """Every Big5-HKSCS pair (lead << 8 | trail) and its character; the cost of each character."""
    from ._decode import _CJK_PUNCT, _ranks

    pairs: dict[int, str] = {}
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                ch = bytes([lead, trail]).decode("big5hkscs")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                pairs[lead << 8 | trail] = ch
    ranks = _ranks()
    costs: dict[str, float] = {}
    for ch in set(pairs.values()):
        rank = ranks.get(ch)
        if rank is not None:
            costs[ch] = 1.0 if rank <= 1000 else _SURE_COST
        elif ch in _CJK_PUNCT or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e":
            costs[ch] = 1.0
        elif "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            costs[ch] = 7.0  # a rare hanzi
        else:
            costs[ch] = 9.0  # a symbol, a letter of another script, a private-use character
    return pairs, costs


@cache
def _sure_run() -> re.Pattern[str]:
    """A run of characters sure on their own."""
    _, costs = _tables()
    return re.compile("[" + "".join(re.escape(c) for c, k in sorted(costs.items()) if k <= _SURE_COST) + "]*")


def _path(raw: bytes) -> list[tuple[int, int, str, str]]:
    """The cheapest reading of ``raw``: (start, end, character, how), how one of
    ``p`` (a pair), ``a`` (ASCII), ``L`` / ``T`` (a lost lead / trail byte put back), ``s`` (skipped)."""
    pairs, costs = _tables()
    n = len(raw)
    inf = float("inf")
    best = [inf] * (n + 1)
    back: list[tuple[int, str, str]] = [(0, "", "")] * (n + 1)
    best[0] = 0.0

    def relax(p: int, q: int, ch: str, cost: float, how: str) -> None:
        if best[p] + cost < best[q]:
            best[q] = best[p] + cost
            back[q] = (p, ch, how)

    for p in range(n):
        b = raw[p]
        if b < 0x80:
            relax(p, p + 1, chr(b), _ASCII_COST, "a")
            continue
        if p + 1 < n and (ch := pairs.get(b << 8 | raw[p + 1])) is not None:
            relax(p, p + 2, ch, costs[ch], "p")
        if (ch := pairs.get(_LOST << 8 | b)) is not None:
            relax(p, p + 1, ch, costs[ch] + _PUT_BACK, "L")
        if 0xA1 <= b <= 0xBF and (ch := pairs.get(0xC2 << 8 | b)) is not None:
            relax(p, p + 1, ch, costs[ch] + _PUT_BACK, "L")  # C2 xx was read as UTF-8: one character, xx
        if b >= 0xE1 and (ch := pairs.get(0xC3 << 8 | (b - 0x40))) is not None:
            relax(p, p + 1, ch, costs[ch] + _PUT_BACK, "L")  # C3 xx was read as UTF-8: U+00C0 + xx - 0x80
        if (ch := pairs.get(b << 8 | _LOST)) is not None:
            relax(p, p + 1, ch, costs[ch] + _PUT_BACK, "T")
        relax(p, p + 1, chr(b), _SKIP, "s")
    out = []
    q = n
    while q > 0:
        p, ch, how = back[q]
        out.append((p, q, ch, how))
        q = p
    return out[::-1]


def realign_big5(seg: str, raw: bytes, cut: tuple[bool, bool] = (False, False)) -> list[Piece] | None:
    """The pieces of ``raw`` (Latin-1 bytes, one per character of the run) read as Big5, realigned
    where a soft hyphen was lost, or None when nothing needed realigning (a plain decode does).

    A piece that is not sure keeps its input ``seg[start:end]``. ``cut`` says whether the run
    was cut on its left or right by a character that is not Latin-1 (an upstream decoder
    read some bytes as UTF-8 there): the piece at a cut edge may be half a character, and
    is not sure.

    >>> pieces = realign_big5("¦a±³]¬I", "¦a±³]¬I".encode("latin-1"))  # 地面設施, the lead byte of 面 lost
    >>> "".join(p[2] for p in pieces), all(p[3] for p in pieces)
    ('地面設施', True)
    >>> realign_big5("¤À°Ï", "¤À°Ï".encode("latin-1")) is None  # 分區: nothing lost
    True
    >>> [(p[2], p[3]) for p in realign_big5("¤½³¼¡AÄ", "¤½³¼¡AÄ".encode("latin-1"))][-1]  # an orphan at the end
    ('Ä', False)
    >>> seg = "¤u¸ê½¿p¹º"  # 工資翻倍計劃: C2 of 翻 read as UTF-8, the AD of 倍 and 計 lost
    >>> "".join(p[2] for p in realign_big5(seg, seg.encode("latin-1")))  # no guess where it is unsure
    '工資½¿p劃'
    """
    if not any(cut):
        try:
            if _sure_run().fullmatch(raw.decode("big5hkscs")):
                return None  # the common case, at C speed: every character of the plain decode is sure
        except UnicodeDecodeError:
            pass
    path = _path(raw)
    if not any(cut) and all(how in "pa" for _, _, _, how in path):
        return None
    _, costs = _tables()

    def sure_alone(k: int, strict: bool = True) -> bool:
        """A pair sure on its own: a common character; where the reading differs from the plain
        decode (``strict``), a frequent one or a common one whose trail byte is not ASCII (an
        ASCII letter after a Latin-1 one is weak evidence of a pair)."""
        if not 0 <= k < len(path):
            return False
        a, _, ch, how = path[k]
        if how != "p" or costs[ch] > _SURE_COST:
            return False
        return not strict or costs[ch] <= 1.0 or raw[a + 1] >= 0x80

    plain = _plain_boundaries(raw)
    pieces: list[Piece] = []
    adrift = False  # after a put-back that is not sure, until the reading meets the plain one again
    for k, (a, b, ch, how) in enumerate(path):
        if adrift and a not in plain:
            pieces.append((a, b, seg[a:b], how == "a"))
            continue
        adrift = False
        if how == "a":
            pieces.append((a, b, seg[a:b], True))
            continue
        if how == "s":
            sure = False
        elif how == "p":
            strict = a not in plain
            sure = sure_alone(k, strict) or (sure_alone(k - 1, strict) and sure_alone(k + 1, strict))
        else:
            # a put-back byte: a common character (a lost trail byte, rarer, a frequent one),
            # and both neighbours line up
            sure = costs[ch] <= (_SURE_COST if how == "L" else 1.0) and sure_alone(k - 1) and sure_alone(k + 1)
            adrift = not sure
        if (cut[0] and a == 0) or (cut[1] and b == len(raw)):
            sure = False
        pieces.append((a, b, ch if sure else seg[a:b], sure))
    return pieces


def _plain_boundaries(raw: bytes) -> frozenset[int]:
    """Where the characters of a plain decode of ``raw`` (no byte put back) start."""
    pairs, _ = _tables()
    out = []
    p, n = 0, len(raw)
    while p < n:
        out.append(p)
        p += 2 if raw[p] >= 0x80 and p + 1 < n and (raw[p] << 8 | raw[p + 1]) in pairs else 1
    out.append(n)
    return frozenset(out)


def sure_text(pieces: list[Piece]) -> str:
    """The repaired text of the sure pieces (what a plausibility score should look at)."""
    return "".join(p[2] for p in pieces if p[3])

