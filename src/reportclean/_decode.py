"""Decode bytes: BOMs, strict UTF-8, then GB18030, else UTF-8 with replacement.

Filled in by the encoding issue (a cascade with Big5, UTF-16 without BOM and a
plausibility score); until then this is the honest minimum: it never guesses
silently and never falls back to Latin-1.
"""

from __future__ import annotations

import codecs

from ._model import DecodeResult, QualityWarning

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> DecodeResult:
    """Decode ``data`` and say which codec was used and how sure that is.

    A byte-order mark is kept out of the text. Bytes that no codec decodes are
    replaced by U+FFFD and warned ``undecodable-bytes``.

    >>> decode("街道工作总结".encode("gb18030")).encoding
    'gb18030'
    >>> decode(b"\\xef\\xbb\\xbf2023").text
    '2023'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, got {type(data).__name__}; pass str to clean() directly")
    raw = bytes(data)
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(codec, errors="replace")
            return DecodeResult(text, codec if codec != "utf-8" else "utf-8-sig", 1.0, _replaced(text))
    for codec, confidence in (("utf-8", 0.99), ("gb18030", 0.6)):
        try:
            return DecodeResult(raw.decode(codec), codec, confidence)
        except UnicodeDecodeError:
            continue
    text = raw.decode("utf-8", errors="replace")
    return DecodeResult(text, "utf-8", 0.1, _replaced(text))


def _replaced(text: str) -> tuple[QualityWarning, ...]:
    out = []
    start = text.find("\ufffd")
    while start >= 0:
        end = start
        while end < len(text) and text[end] == "\ufffd":
            end += 1
        out.append(
            QualityWarning(
                "undecodable-bytes",
                "error",
                f"{end - start} byte sequence(s) could not be decoded and were replaced by U+FFFD; "
                "check the file's encoding.",
                (start, end),
                (start, end),
                "decode",
            )
        )
        start = text.find("\ufffd", end)
    return tuple(out)
