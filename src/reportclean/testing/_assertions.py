"""Assertions about a :class:`~reportclean.CleanResult`."""

from __future__ import annotations

from collections.abc import Iterable

from .._model import SEVERITIES, CleanResult, Severity

__all__ = ["assert_faithful", "assert_no_warnings"]


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _outside(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """The non-whitespace characters of ``text`` outside ``spans``, with their offsets."""
    out: list[tuple[int, str]] = []
    pos = 0
    for a, b in [*spans, (len(text), len(text))]:
        out.extend((pos + k, c) for k, c in enumerate(text[pos:a]) if not c.isspace())
        pos = max(pos, b)
    return out


def assert_faithful(original: str | bytes, result: CleanResult) -> None:
    """Assert that cleaning lost nothing silently and invented nothing.

    Every non-whitespace character of the input is accounted for: it stands in
    the clean text (unchanged text maps by offset), or inside a ``Removal``, or
    inside a ``Change``. The check is exact: the input outside removals and
    changes, whitespace aside, equals the clean text outside the changes'
    spans. It also checks that each removal's and change's text is what its
    ``original_span`` points at. ``original`` is the ``str`` given to
    ``clean``; for ``bytes`` the decoded text (``result.original``) is used.

    Raises ``AssertionError`` naming the first character that went missing.
    """
    if isinstance(original, (bytes, bytearray, memoryview)):
        source = result.original
    elif isinstance(original, str):
        source = original
        if result.original != source:  # not `assert`: python -O must not strip the check
            raise AssertionError("this result is not the result of cleaning this text")
    else:
        raise TypeError(f"assert_faithful() takes the str or bytes given to clean(), got {type(original).__name__}")
    text, n, m = result.text, len(source), len(result.text)
    for r in result.removed:
        a, b = r.original_span
        if not (0 <= a <= b <= n):
            raise AssertionError(f"removal span {r.original_span} outside the input (length {n}): {r}")
        if source[a:b] != r.text:
            raise AssertionError(f"removal {r.rule!r} says {r.text!r} but its span holds {source[a:b]!r}")
        if not (r.rule and r.reason):
            raise AssertionError(f"removal of {r.text!r} has no rule or reason")
    for c in result.changes:
        a, b = c.original_span
        if not (0 <= a <= b <= n):
            raise AssertionError(f"change span {c.original_span} outside the input (length {n}): {c}")
        if source[a:b] != c.original:
            raise AssertionError(f"change {c.rule!r} says {c.original!r} but its span holds {source[a:b]!r}")
        if not (0 <= c.span[0] <= c.span[1] <= m):
            raise AssertionError(f"change span {c.span} outside the clean text (length {m}): {c}")
    accounted = [r.original_span for r in result.removed] + [c.original_span for c in result.changes]
    kept = _outside(source, _union(accounted))
    shown = _outside(text, _union(c.span for c in result.changes))
    for x, y in zip(kept, shown, strict=False):
        if x[1] != y[1]:
            p, q = x[0], y[0]
            raise AssertionError(
                f"input character {x[1]!r} at {p} ({source[max(0, p - 10) : p + 10]!r}) is neither in the clean "
                f"text (found {y[1]!r} at {q}: {text[max(0, q - 10) : q + 10]!r}) nor in a removal or change"
            )
    if len(kept) > len(shown):
        p = kept[len(shown)][0]
        raise AssertionError(f"input text from {p} ({source[p : p + 20]!r}) is missing from the clean text "
                             "and from every removal and change")  # fmt: skip
    if len(shown) > len(kept):
        q = shown[len(kept)][0]
        raise AssertionError(f"clean text from {q} ({text[q : q + 20]!r}) comes from no input text and no change")


def assert_no_warnings(result: CleanResult, allow: Iterable[str] = (), *, min_severity: Severity = "info") -> None:
    """Assert that cleaning raised no warning, except codes in ``allow``.

    Only warnings at least as severe as ``min_severity`` (``info``,
    ``warning``, ``error``) count. Raises ``AssertionError`` listing each
    warning with its code, severity, message and the text it points at.
    """
    if isinstance(allow, str):
        raise TypeError(f"allow= takes a collection of codes, e.g. allow={{{allow!r}}}, not a str")
    if min_severity not in SEVERITIES:
        raise ValueError(f"min_severity must be one of {SEVERITIES}, got {min_severity!r}")
    allowed = set(allow)
    floor = SEVERITIES.index(min_severity)
    bad = [w for w in result.warnings if w.code not in allowed and SEVERITIES.index(w.severity) >= floor]
    if bad:
        lines = [
            f"  {w.code} ({w.severity}) at {w.span}: {w.message} — {result.text[w.span[0] : w.span[1]][:40]!r}"
            for w in bad
        ]
        raise AssertionError(f"{len(bad)} unexpected warning(s):\n" + "\n".join(lines))
