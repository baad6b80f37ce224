"""Decode bytes: a fast cascade that settles the common cases without a detector.

1. A byte-order mark (UTF-8, UTF-16, UTF-32) settles it.
2. NUL bytes in every other (or three of four) positions: UTF-16/32 without BOM.
3. Strict UTF-8 (pure ASCII included; 7-bit ISO-2022 and HZ by their escapes).
4. UTF-16 without BOM and without NULs (Chinese only): high bytes all in the
   ranges of hanzi and CJK punctuation.
5. GB18030 and the Big5 family (Big5, CP950, Big5-HKSCS) decoded strictly;
   their byte ranges overlap, so when both decode, a plausibility score (the
   share of common hanzi and of ``，。、`` among the non-ASCII characters)
   decides. GB18030 is always used for GB2312/GBK (it is their superset; the
   ``gb2312`` codec changes ``——`` and ``·``).
6. The text must read as Chinese (:mod:`._reads`: most hanzi among the 1,000
   most frequent, few rare ones, no kana or hangul): GB18030 decodes Korean,
   Cyrillic or Thai bytes as runs of rare hanzi. Text that scores 0.9 or more
   passes without this check (the gate: no wrong decoding scores that high).
7. Nothing decodes whole: line by line (files concatenated from UTF-8 and GBK
   sources), with replacement for bytes no candidate decodes.
8. What does not read as Chinese goes to chardet, whose guess is used when its
   text reads as its own language, with an ``encoding-guessed`` warning; never
   a silent fall back to cp1252 or Latin-1.

:func:`plausibility` is also used by the ``mojibake`` step.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import NamedTuple

from ._lexicon import package_lexicon
from ._model import DecodeResult, QualityWarning
from ._reads import chinese_evidence, reads_as_codec, sample_non_ascii

__all__ = ["decode", "plausibility"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# -- plausibility -----------------------------------------------------------------

@cache
def _ranks() -> dict[str, int]:
    """Each common hanzi's frequency rank, read from ``hanzi_common.tsv`` on first use."""
    return {row[0]: int(row[1]) for row in package_lexicon("hanzi_common.tsv").rows}


#: Punctuation and forms that only real Chinese text is full of.
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉「」『』【】—…·　％＋－．／０１２３４５６７８９"


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]+"


@cache
def _tiers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of the 1,000 most frequent hanzi (and Chinese punctuation), runs of the rest."""
    ranks = _ranks()
    return (
        re.compile(_class("".join(c for c, r in ranks.items() if r <= 1000) + _CJK_PUNCT)),
        re.compile(_class("".join(c for c, r in ranks.items() if r > 1000))),
    )


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    IDEOGRAPH: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
    return _Rx(_IDEOGRAPH)


_SAMPLE = 800  # characters scored when deciding between codecs
_HEAD = 16384  # bytes decoded to choose between GB18030 and Big5 when the first 1,664 are mostly ASCII
_ASCII = bytes(range(128))
_SURE = 0.9  # plausibility above which a GB18030/Big5 text is Chinese without further checks


def _count(rx: re.Pattern[str], text: str) -> int:
    return len(text) - len(rx.sub("", text))


def plausibility(text: str) -> float:
    """How much ``text`` looks like real Chinese: 0 (noise) to 1.

    The weighted share of non-ASCII characters that are frequent hanzi (1),
    less frequent ones (0.6), other ideographs (0.15) or Chinese punctuation
    (1); kana, PUA, symbols and Latin-1 letters count 0. ASCII is not counted.
    Text without non-ASCII characters scores 0.

    >>> round(plausibility("街道办事处2023年工作总结，"), 2)
    1.0
    >>> plausibility("宸ヤ綔鎬荤粨") < 0.4
    True
    """
    n = len(text) - len(text.encode("ascii", "ignore"))
    if n <= 0:
        return 0.0
    tier1, tier2 = _tiers()
    rest1 = tier1.sub("", text)  # frequent hanzi and Chinese punctuation
    rest2 = tier2.sub("", rest1)
    other = _count(_rx().IDEOGRAPH, rest2)
    # half-width katakana never stand in a Chinese report: they are what GB bytes
    # look like through Shift_JIS, so each one counts against the text
    kana = _count(_HALFWIDTH_KANA, rest2)
    return max(0.0, (len(text) - len(rest1) + 0.6 * (len(rest1) - len(rest2)) + 0.15 * other - kana) / n)


_HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]+")


# -- the cascade --------------------------------------------------------------------

_HIGH16 = bytes([0x00, 0x20, 0x22, 0x25, 0x30, 0xFF, *range(0x34, 0xA0)])
_BIG5 = ("big5", "cp950", "big5hkscs")
# GBK bytes that happen to be valid UTF-8 make IPA, Greek, Cyrillic, Hebrew, Arabic …
_NOT_CHINESE = re.compile("[\x00-\x7f\u0250-\u07ff]+")


def decode(data: bytes) -> DecodeResult:
    """Decode ``data`` and say which codec was used and how sure that is.

    A byte-order mark is kept out of the text. Bytes that no codec decodes are
    replaced by U+FFFD and warned ``undecodable-bytes``; when two encodings were
    plausible, ``encoding-guessed`` names the runner-up.

    >>> decode("街道工作总结".encode("gb18030")).encoding
    'gb18030'
    >>> decode("街道工作總結，第一季度".encode("big5")).text
    '街道工作總結，第一季度'
    >>> decode(b"\\xef\\xbb\\xbf2023").text
    '2023'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, got {type(data).__name__}; pass str to clean() directly")
    raw = bytes(data)
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(codec, errors="replace")
            return DecodeResult(text, name if name != "utf-16" and name != "utf-32" else codec, 1.0,
                                _replaced(text))
    if b"\x00" in raw[:4096]:
        found = _sniff_wide(raw)
        if found is not None:
            return found
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if raw.isascii():
            if b"\x1b$" in raw or b"~{" in raw:
                found = _seven_bit(raw)
                if found is not None:
                    return found
            return DecodeResult(text, "utf-8", 1.0)
        if len(raw) < 64 and _NOT_CHINESE.fullmatch(text):  # a few GBK characters, valid UTF-8 by chance
            gb = _strict(raw, "gb18030")
            if gb is not None and plausibility(gb) >= 0.8:
                return DecodeResult(gb, "gb18030", 0.6, (_guessed(gb, "gb18030", "utf-8"),))
        return DecodeResult(text, "utf-8", 0.99)
    if utf8_error.reason == "unexpected end of data" and len(raw) - utf8_error.start < 4:
        # a UTF-8 file cut in the middle of its last character
        text = raw.decode("utf-8", errors="replace")
        return DecodeResult(text, "utf-8", 0.9, _replaced(text))
    found = _sniff_utf16_cjk(raw)
    if found is not None:
        return found
    return _decode_cjk(raw)


def _seven_bit(raw: bytes) -> DecodeResult | None:
    """The 7-bit encodings: ISO-2022 (escape sequences) and HZ (``~{`` … ``~}``, GB2312 in ASCII).

    ISO-2022's escape sequences name their character sets, so the decoding is
    certain; HZ must also read as Chinese (``~{`` can stand in ASCII text).
    """
    if b"\x1b$" in raw:
        codec = "iso2022_kr" if b"\x1b$)C" in raw else "iso2022_jp_2"  # JP-2 also holds GB2312 and KS C 5601
        text = _strict(raw, codec)
        if text is not None:
            return DecodeResult(text, codec, 0.95)
    text = _strict(raw, "hz")
    if text is not None and text != raw.decode("ascii") and chinese_evidence(text).verdict() == "chinese":
        return DecodeResult(text, "hz", 0.9)
    return None


def _sniff_wide(raw: bytes) -> DecodeResult | None:
    """UTF-32 or UTF-16 without BOM, told by where the NUL bytes stand."""
    sample = raw[:4096]
    n = len(sample)
    if n >= 8 and len(raw) % 4 == 0:
        for codec, hi in (("utf-32-le", 3), ("utf-32-be", 0)):
            if sample[hi::4].count(0) == len(sample[hi::4]) and sample[(hi ^ 3) :: 4].count(0) < n // 8:
                try:
                    return DecodeResult(raw.decode(codec), codec, 0.95)
                except UnicodeDecodeError:
                    pass
    if n < 2 or len(raw) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = n // 2
    for codec, hi_nuls, lo_nuls in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if hi_nuls >= max(1, half // 20) and lo_nuls <= hi_nuls // 10:
            text = raw.decode(codec, errors="replace")
            if hi_nuls < max(8, half // 10) and plausibility(text[:_SAMPLE]) < 0.6:
                continue  # a few NULs only (U+xx00 hanzi): let the text decide
            if "\ufffd" in text:
                return DecodeResult(text, codec, 0.6, _replaced(text))
            return DecodeResult(text, codec, 0.95)
    return None


def _sniff_utf16_cjk(raw: bytes) -> DecodeResult | None:
    """UTF-16 without BOM nor NULs: Chinese text, whose high bytes are few."""
    if len(raw) % 2 or len(raw) < 8:
        return None
    sample = raw[:4096]
    for codec, hi in (("utf-16-le", 1), ("utf-16-be", 0)):
        highs = sample[hi::2]
        if len(highs.translate(None, _HIGH16)) * 20 <= len(highs):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if plausibility(text[:_SAMPLE]) >= 0.6:
                return DecodeResult(text, codec, 0.9)
    return None


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _big5(raw: bytes) -> tuple[str, str] | None:
    """The first of Big5, CP950 (Microsoft's), Big5-HKSCS that decodes ``raw``."""
    for codec in _BIG5:
        text = _strict(raw, codec)
        if text is not None:
            return codec, text
    return None


def _decode_cjk(raw: bytes) -> DecodeResult:
    """GB18030 or the Big5 family: score both, decode strictly, check the text reads as Chinese."""
    gb_score, b5_score, gb_pua = _scores(raw[: 2 * _SAMPLE + 64])
    if len(raw) > 2 * _SAMPLE + 64 and len(raw[: 2 * _SAMPLE + 64].translate(None, _ASCII)) < _SAMPLE // 2:
        gb_score, b5_score, gb_pua = _scores(raw[:_HEAD])  # a web page's ASCII head: look further
    # GB18030 wins near-ties: mainland reports are the common case; but not when it makes
    # private-use characters (its user-defined areas) that Big5 reads as Chinese.
    order = [("gb18030", gb_score), ("big5", b5_score)]
    if b5_score > gb_score + 0.1 or (gb_pua and b5_score >= gb_score):
        order.reverse()
    for i, (family, score) in enumerate(order):
        found = _strict(raw, "gb18030") if family == "gb18030" else _big5(raw)
        if found is None:
            continue
        codec, text = ("gb18030", found) if isinstance(found, str) else found
        if score >= _SURE:
            # the gate: no wrong decoding scores this high (EUC-KR read as GB18030
            # scores 0.5-0.7), so clean Chinese pays nothing for the checks below
            sure = True
        else:
            evidence = chinese_evidence(text)
            verdict = evidence.verdict()
            if score < 0.5 or verdict == "not-chinese":
                return _not_chinese(raw, (codec, text, score), strong=True)
            sure = score >= 0.8 and verdict == "chinese" and evidence.top_share >= 0.55 and evidence.rare_share <= 0.05
        if not sure:
            japanese = _japanese(raw)
            if japanese is not None:
                return japanese
            if verdict == "doubtful":
                return _not_chinese(raw, (codec, text, score), strong=False)
        other, other_score = order[1 - i]
        margin = score - other_score
        if margin >= 0.3 or other_score < 0.5:
            return DecodeResult(text, codec, 0.95 if sure else 0.8)
        runner_up = "big5" if other == "big5" else "gb18030"
        return DecodeResult(text, codec, round(0.5 + max(margin, 0.0), 2), (_guessed(text, codec, runner_up),))
    return _decode_lines(raw)


def _scores(head: bytes) -> tuple[float, float, bool]:
    """Plausibility of ``head`` (its non-ASCII characters) read as GB18030 and as Big5, and whether
    the GB18030 reading holds private-use characters while the Big5 one does not."""
    gb_text = sample_non_ascii(head.decode("gb18030", errors="replace"), _SAMPLE)
    b5_text = sample_non_ascii(head.decode("big5hkscs", errors="replace"), _SAMPLE)
    pua = _PUA.search(gb_text) is not None and _PUA.search(b5_text) is None
    return plausibility(gb_text), plausibility(b5_text), pua


_PUA = re.compile("[\ue000-\uf8ff]")


def _guessed(text: str, codec: str, runner_up: str, why: str = "") -> QualityWarning:
    why = why or f"{runner_up} was plausible too (runner-up)"
    return QualityWarning(
        "encoding-guessed",
        "warning",
        f"decoded as {codec}; {why}: check the text, or decode the bytes yourself and pass str",
        (0, len(text)),
        (0, len(text)),
        "decode",
    )


def _not_chinese(raw: bytes, best: tuple[str, str, float], *, strong: bool) -> DecodeResult:
    """The bytes do not read as Chinese: decode with chardet's guess where that reads, else warn.

    chardet's guess wins only when its text reads as its own language (hangul for
    Korean, kana for Japanese, words of one script for the alphabets: see
    :func:`reads_as_codec`); a clean decode alone proves nothing. Where the
    evidence against Chinese is only ``doubtful`` (not ``strong``), chardet must
    also be fairly sure (0.5). When strong, Western text is tried as cp1252 too.
    Otherwise our candidate is kept, with a warning.
    """
    import chardet

    codec, text, score = best
    guess = chardet.detect(raw[:65536])
    named = guess.get("encoding")
    name = _codec_name(named)
    tried: list[tuple[str, str]] = []
    if name in ("gb2312", "gbk", "hz"):
        name = "gb18030"
    if name in ("gb18030", *_BIG5) and name != codec:
        other = raw.decode(name, errors="replace")
        # a Chinese guess wins only with more plausible text (rare hanzi in GB18030
        # also decode cleanly as Big5 and Shift_JIS)
        if plausibility(sample_non_ascii(other, _SAMPLE)) > score:
            why = f"chardet's guess; {codec} read as Chinese less well"
            return DecodeResult(other, name, 0.3, (_guessed(other, name, codec, why), *_replaced(other)))
    elif name and name != codec and (strong or (guess.get("confidence") or 0.0) >= 0.5):
        tried.append((_WEB_SUPERSETS.get(name, name), f"chardet's guess {named}"))
    if strong:
        tried.append(("cp1252", "Western text"))
    for alt, language in tried:
        other = raw.decode(alt, errors="replace")
        if reads_as_codec(other, alt):
            why = f"the bytes do not read as Chinese in GB18030 or Big5, but as {language}"
            return DecodeResult(other, alt, 0.4, (_guessed(other, alt, codec, why), *_replaced(other)))
    how = "does not read" if strong else "reads only doubtfully"
    why = f"the text {how} as Chinese (rare characters); chardet guessed {named or 'nothing'}"
    return DecodeResult(text, codec, 0.3, (_guessed(text, codec, "", why), *_replaced(text)))


def _japanese(raw: bytes) -> DecodeResult | None:
    """Bytes that read as Chinese only weakly but decode to Japanese text full of kana.

    Kana in a Japanese decoding is real evidence: Chinese GB bytes give kana only
    where GB has kana too (rows A4, A5), and Big5 trail bytes are not valid EUC-JP.
    (Hangul in a Korean decoding is no such evidence: GB's common hanzi are EUC-KR's hangul.)
    """
    for codec in ("euc_jp", "cp932"):
        text = _strict(raw, codec)
        if text is not None and reads_as_codec(text, codec):
            why = "the bytes read better as Japanese (kana) than as Chinese"
            return DecodeResult(text, codec, 0.5, (_guessed(text, codec, "", why),))
    return None


#: what browsers decode these labels with (the WHATWG Encoding Standard): the
#: Microsoft supersets, which is what files labelled so are written in
_WEB_SUPERSETS = {
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
}


def _codec_name(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_lines(raw: bytes) -> DecodeResult:
    """Nothing decodes the whole: decode line by line (UTF-8 or the CJK codec)."""
    lines = raw.splitlines(keepends=True)
    gb_text = raw.decode("gb18030", errors="replace")
    b5_text = raw.decode("big5hkscs", errors="replace")
    cjk = "gb18030"
    if plausibility(b5_text[:_SAMPLE]) > plausibility(gb_text[:_SAMPLE]) + 0.1:
        cjk = "big5hkscs"
    parts: list[str] = []
    labels: list[str] = []
    for line in lines:
        if line.isascii():
            parts.append(line.decode("ascii"))
            labels.append("")
            continue
        text = _strict(line, "utf-8")
        if text is not None and not (_NOT_CHINESE.fullmatch(text) and plausibility(line.decode(cjk, "replace")) >= 0.8):
            parts.append(text)
            labels.append("utf-8")
            continue
        text = _strict(line, cjk)
        if text is not None:
            parts.append(text)
            labels.append(cjk)
            continue
        u = line.decode("utf-8", errors="replace")
        c = line.decode(cjk, errors="replace")
        if u.count("\ufffd") * 4 <= len(u) - len(u.encode("ascii", "ignore")) or plausibility(u) > plausibility(c):
            parts.append(u)
            labels.append("utf-8")
        else:
            parts.append(c)
            labels.append(cjk)
    text = "".join(parts)
    weight: dict[str, int] = {}
    for line, label in zip(lines, labels, strict=True):
        if label:
            weight[label] = weight.get(label, 0) + len(line)
    if not weight:
        return DecodeResult(text, "utf-8", 0.5, _replaced(text))
    main = max(sorted(weight), key=lambda k: weight[k])
    score = plausibility(text[:_SAMPLE])
    verdict = chinese_evidence(text).verdict()
    # not Chinese in any of our codecs (or too short to tell, and with undecodable bytes)
    if score < 0.3 or verdict == "not-chinese" or (verdict == "short" and score < 0.5 and "\ufffd" in text):
        return _not_chinese(raw, (main, text, score), strong=True)
    if verdict == "doubtful":
        return _not_chinese(raw, (main, text, score), strong=False)
    warnings: list[QualityWarning] = []
    if len(weight) > 1:
        pos = 0
        run: tuple[int, int] | None = None
        for part, label in zip(parts, labels, strict=True):
            if label and label != main:
                run = (run[0] if run else pos, pos + len(part))
            elif label and run:
                warnings.append(_mixed(run, next(k for k in weight if k != main), main))
                run = None
            pos += len(part)
        if run:
            warnings.append(_mixed(run, next(k for k in weight if k != main), main))
    warnings.extend(_replaced(text))
    warnings.sort(key=lambda w: w.span)
    confidence = 0.6 if len(weight) > 1 else 0.7
    return DecodeResult(text, main, confidence, tuple(warnings))


def _mixed(span: tuple[int, int], other: str, main: str) -> QualityWarning:
    return QualityWarning(
        "mixed-encoding",
        "warning",
        f"these lines were decoded as {other}, the rest of the file as {main}: it joins sources "
        "saved in different encodings; check the text around the seams",
        span,
        span,
        "decode",
    )


def _replaced(text: str) -> tuple[QualityWarning, ...]:
    if "\ufffd" not in text:
        return ()
    out = []
    for m in re.finditer("\ufffd+", text):
        start, end = m.span()
        out.append(
            QualityWarning(
                "undecodable-bytes",
                "error",
                f"{end - start} character(s) could not be decoded and were replaced by U+FFFD; "
                "check the file's encoding.",
                (start, end),
                (start, end),
                "decode",
            )
        )
    return tuple(out)
