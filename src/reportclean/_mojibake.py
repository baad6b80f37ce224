"""Repair mojibake: UTF-8 read as Latin-1/cp1252/GBK, GBK read as Latin-1 or UTF-8, Big5 read as Latin-1.

Text decoded with the wrong codec upstream can be undone when its bytes
survived: encode it back with the wrong codec, decode with the right one.
Which pair applies is decided per segment (a run of non-ASCII characters, as
ASCII is the same byte in all these codecs) by the plausibility score of
:func:`reportclean._decode.plausibility`; a segment is rewritten only when the
repaired text is clearly more plausible. GBK read as Latin-1 is undone before
ftfy is asked (ftfy makes it worse); ftfy is used with its encoding fixes only
(its width, quote and punctuation fixes would turn ``，（）“”`` into ASCII).

Bytes that were lost (``锟斤拷``, ``烫烫烫``, ``屯屯屯``, and bytes a repair
cannot recover, which become U+FFFD) are flagged ``lost-characters`` and never
"repaired" into invented text.

Clean text costs a gate at C speed (:func:`_maybe_mojibake`) and, when it
opens, one regex scan for the first character of a candidate; nothing else
runs on text without mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ._config import Config
from ._decode import plausibility
from ._edits import Context, Proposal, Step, StepFn
from ._lexicon import Schema
from ._mojibake_big5 import realign_big5, sure_text
from ._mojibake_ftfy import HINTS, encoding_fixes, ftfy_lines, maybe_foreign_mojibake
from ._reads import chinese_evidence

if TYPE_CHECKING:
    pass

__all__ = ["MOJIBAKE", "mojibake", "run"]

# cp1252's characters for bytes 0x80-0x9F, and the Latin-1 byte each stands for
# (the five bytes cp1252 leaves undefined stand for themselves, as in ftfy's
# sloppy-windows-1252; ftfy itself is imported on first use: it costs 35 ms).
_CP1252 = {
    ch: chr(b) for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "replace")) not in (chr(b), "\ufffd")
}
_TO_LATIN1 = str.maketrans(_CP1252)
_HIGH = "\x80-\xff" + "".join(sorted(_CP1252))

# UTF-8's lead byte of a 3-byte character (E2-EF: punctuation, hanzi, full-width
# forms) followed by a continuation byte, read as GBK: the first character of
# every UTF-8-read-as-GBK run. Mostly rare GB2312 level-2 and GBK/3 hanzi.
_SIGNATURE = "".join(
    sorted(bytes([b1, b2]).decode("gbk") for b1 in range(0xE2, 0xF0) for b2 in range(0x80, 0xC0))
)
# What follows it when the next character is a 3-byte one too: a continuation
# byte, then the next lead byte.
_SECOND = "".join(
    sorted(bytes([b1, b2]).decode("gb18030") for b1 in range(0x81, 0xC0) for b2 in range(0xE2, 0xF0))
)
# Where bytes were lost before this text was made: U+FFFD written as UTF-8 and
# read as GBK (锟斤拷), MSVC's fill bytes 0xCC/0xCD read as GBK (烫, 屯). Plain
# U+FFFD is not flagged here: decoding flags the ones it makes (undecodable-bytes).
_LOST = re.compile("(?:锟斤拷)+(?:锟斤?)?|锟斤|烫{3,}|屯{3,}")


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    CANDIDATE: re.Pattern[str]
    FIRST: re.Pattern[str]
    LATIN_RUN: re.Pattern[str]
    CJK_TEXT: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _CANDIDATE = re.compile(
        f"[\xa1-\xff][{_HIGH}]|[{_SIGNATURE}][{_SECOND}]|[\udc80-\udcff]|锟斤|烫烫烫|屯屯屯"
    )
    # The first character of every candidate: one cheap search finds clean text clean.
    _FIRST = re.compile(f"[\xa1-\xff{_SIGNATURE}\udc80-\udcff锟烫屯]")
    # A run of Latin-1 characters; one ASCII character between two may be the trail
    # byte of a GBK character (GBK/3 and GBK/4 trail bytes run from 0x40).
    _LATIN_RUN = re.compile(f"[{_HIGH}\ufffd]+(?:[@-~][{_HIGH}\ufffd]+)*[@-~]?")
    _CJK_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
    return _Rx(_CANDIDATE, _FIRST, _LATIN_RUN, _CJK_TEXT)


_SURROGATE = re.compile("[\udc80-\udcff]")


class _Found(Exception):
    """Raised by the probe: the text has a character typical of mojibake."""


# cp1252's letters and signs, not its punctuation: Chinese text is full of “”——…
_PROBED = frozenset(
    _SIGNATURE + _SECOND + "".join(set(_CP1252) - set("‘’“”–—…•")) + "".join(map(chr, range(0xDC80, 0xDD00)))
)


def _probe(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: skip characters GB2312 lacks, unless typical of mojibake."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    if not _PROBED.isdisjoint(exc.object[exc.start : exc.end]):
        raise _Found
    return "", exc.end


codecs.register_error("reportclean-mojibake-probe", _probe)
# Two different Latin-1 characters side by side, among the text's ASCII and Latin-1.
_LATIN_PAIR = re.compile(rb"([\xa1-\xff])(?!\1)[\x80-\x9f\xa1-\xff]")


class _Either(Exception):
    """Raised by the shared probe: a character typical of Chinese or of Western mojibake."""


_EITHER = _PROBED | HINTS


def _probe_either(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    if not _EITHER.isdisjoint(exc.object[exc.start : exc.end]):
        raise _Either
    return "", exc.end


codecs.register_error("reportclean-mojibake-either", _probe_either)


def _gates(text: str) -> tuple[bool, bool]:
    """(our Chinese rules, ftfy) may find something: one GB2312 encode for clean text.

    Both gates encode to GB2312 with a probe; clean text pays one encode with the
    union of their probes (measured on the fixtures, 7,000 characters a report:
    the step took 54 µs with two encodes, 31 µs with one, as before ftfy came in),
    and only text that trips it pays both.
    """
    try:
        text.encode("gb2312", "reportclean-mojibake-either")
    except _Either:
        return _maybe_mojibake(text), maybe_foreign_mojibake(text)
    own = bool(_LATIN_PAIR.search(text.encode("latin-1", "ignore"))) or _lost_marks(text)
    return own, "√" in text


def _lost_marks(text: str) -> bool:
    return "锟" in text or ("烫" in text and "烫烫" in text) or ("屯" in text and "屯屯" in text)


def _maybe_mojibake(text: str) -> bool:
    """A gate in C speed (GB/s) before the regex scan, closed for almost all clean text.

    UTF-8 read as GBK makes GBK/3 hanzi (``綔鎬粨``), kana and PUA characters that
    GB2312 lacks: encoding to GB2312 calls the probe on those only. Latin-1
    mojibake makes Latin-1 pairs: the text's Latin-1 characters are collected by
    ``encode("latin-1", "ignore")``. A short UTF-8-read-as-GBK word made only of
    GB2312 characters (``浜轰簬``, 人于) in otherwise clean text passes unseen.
    """
    if _LATIN_PAIR.search(text.encode("latin-1", "ignore")):
        return True
    try:
        text.encode("gb2312", "reportclean-mojibake-probe")
    except _Found:
        return True
    return _lost_marks(text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _ftfy_fix_text(text: str) -> str:
    import ftfy

    return ftfy.fix_text(text, encoding_fixes(explain=False, fix_c1_controls=True))


def _is_bad(text: str) -> bool:
    from ftfy.badness import is_bad

    return is_bad(text)


_UTF8_LATIN1 = "UTF-8 read as Latin-1/cp1252"
_GBK_LATIN1 = "GBK read as Latin-1/cp1252"
_BIG5_LATIN1 = "Big5 read as Latin-1/cp1252"
_UTF8_GBK = "UTF-8 read as GBK"
_GBK_UTF8 = "GBK read as UTF-8"
# Symbols of Chinese reports outside CJK blocks: a repair that makes them is fine.
_SYMBOLS = re.compile("[²³°±×÷·µ‰№℃]+")
_MIN_GAIN = 0.3  # how much more plausible a repair must be
_MIN_SCORE = 0.5  # and how plausible at least


class _Fix:
    """A repaired segment: aligned pieces (input start, input end, output, lost)."""

    __slots__ = ("end", "how", "lost", "pieces", "scored", "start", "text", "unsure")

    def __init__(self, pieces: list[tuple[int, int, str, bool]], how: str,
                 unsure: tuple[tuple[int, int], ...] = ()) -> None:
        self.pieces = pieces
        self.start = pieces[0][0]
        self.end = pieces[-1][1]
        self.text = "".join(p[2] for p in pieces)
        self.lost = any(p[3] for p in pieces)
        self.how = how
        #: stretches (input start, end) kept as they were: no reading of their bytes is sure
        self.unsure = unsure
        #: the text a plausibility score looks at (the pieces kept as they were count against it)
        self.scored = self.text


def _decode_pieces(data: bytes, codec: str) -> list[tuple[int, int, str, bool]]:
    """Decode ``data``, one piece per character: (byte start, byte end, char, lost)."""
    out: list[tuple[int, int, str, bool]] = []
    pos, n = 0, len(data)
    while pos < n:
        try:
            text = data[pos:].decode(codec)
            bad = None
        except UnicodeDecodeError as exc:
            text = data[pos : pos + exc.start].decode(codec)
            bad = (pos + exc.start, pos + exc.end)
        for ch in text:
            width = len(ch.encode(codec))
            out.append((pos, pos + width, ch, False))
            pos += width
        if bad is None:
            break
        if out and out[-1][3] and out[-1][1] == bad[0]:
            out[-1] = (out[-1][0], bad[1], "\ufffd", True)  # one lost region, split below
        else:
            out.append((bad[0], bad[1], "\ufffd", True))
        pos = bad[1]
    if codec != "utf-8":
        return out
    # In UTF-8 each lead byte starts a character: one U+FFFD per character lost.
    split: list[tuple[int, int, str, bool]] = []
    for a, b, ch, lost in out:
        if not lost:
            split.append((a, b, ch, lost))
            continue
        cuts = [a, *(k for k in range(a + 1, b) if 0xC0 <= data[k] <= 0xF7), b]
        split.extend((x, y, "\ufffd", True) for x, y in pairwise(cuts))
    return split


def _align(n: int, widths: list[int], pieces: list[tuple[int, int, str, bool]], how: str) -> _Fix:
    """Group the ``n`` input characters and the output between common byte boundaries."""
    groups: list[tuple[int, int, str, bool]] = []
    i = j = start = in_pos = out_pos = 0
    buf: list[str] = []
    lost = False
    while i < n or j < len(pieces):
        if j >= len(pieces) or (i < n and in_pos <= out_pos):
            in_pos += widths[i]
            i += 1
        else:
            buf.append(pieces[j][2])
            lost = lost or pieces[j][3]
            out_pos = pieces[j][1]
            j += 1
        if in_pos == out_pos and buf and i > start:
            groups.append((start, i, "".join(buf), lost))
            start, buf, lost = i, [], False
    if buf or start < n:
        groups.append((start, n, "".join(buf), lost))
    return _Fix(groups, how)


def _via(seg: str, raw: bytes, widths: Callable[[], list[int]], codec: str, how: str) -> _Fix | None:
    """Decode the bytes of ``seg`` with the right codec, if few bytes are lost.

    A quick decode in C rejects most segments (clean text that merely looks like
    a candidate) before the character-by-character alignment is built.
    """
    quick = raw.decode(codec, errors="replace")
    lost = quick.count("\ufffd") - seg.count("\ufffd")
    if quick == seg or lost * 3 > len(quick):  # at least two characters recovered for each one lost
        return None
    if how != _UTF8_LATIN1 and plausibility(quick.replace("\ufffd", "")) < _MIN_SCORE:
        return None
    pieces = _align(len(seg), widths(), _decode_pieces(raw, codec), how).pieces
    # Clean text at the edges of the run ("一、" before mojibake) is not part of it.
    while pieces and _clean_edge(seg, pieces[0]):
        pieces.pop(0)
    while pieces and _clean_edge(seg, pieces[-1]):
        pieces.pop()
    return _Fix(pieces, how) if pieces else None


def _big5(seg: str, raw: bytes, widths: Callable[[], list[int]], cut: tuple[bool, bool]) -> _Fix | None:
    """Big5 read as Latin-1: decoded as it is, or realigned where a soft hyphen (0xAD) was lost.

    Only the pieces the realignment is sure of are repaired; the others are kept and
    flagged ``mojibake-unrepaired`` (see :mod:`reportclean._mojibake_big5`).
    """
    pieces = realign_big5(seg, raw, cut)
    if pieces is None:
        return _via(seg, raw, widths, "big5hkscs", _BIG5_LATIN1)
    everything = list(pieces)
    while pieces and not (pieces[0][3] and pieces[0][2] != seg[pieces[0][0] : pieces[0][1]]):
        pieces.pop(0)  # kept edges are not part of the repair (but are flagged with it)
    while pieces and not (pieces[-1][3] and pieces[-1][2] != seg[pieces[-1][0] : pieces[-1][1]]):
        pieces.pop()
    if not pieces:
        return None
    unsure: list[tuple[int, int]] = []
    for a, b, _, sure in everything:
        if sure:
            continue
        if unsure and unsure[-1][1] == a:
            unsure[-1] = (unsure[-1][0], b)
        else:
            unsure.append((a, b))
    fix = _Fix([(a, b, text, False) for a, b, text, _ in pieces], _BIG5_LATIN1 + " (realigned)", tuple(unsure))
    return fix if sure_text(pieces) else None


def _clean_edge(seg: str, piece: tuple[int, int, str, bool]) -> bool:
    """Whether an edge piece of a repair turns plausible text into something worse."""
    a, b, out, lost = piece
    was = seg[a:b]
    worse = lost or (plausibility(out) < _MIN_SCORE and not _SYMBOLS.fullmatch(out))
    return worse and "\ufffd" not in was and plausibility(was) >= _MIN_SCORE


_LATINISH = re.compile("[\x00-\u024f\u2000-\u206f\u20ac\u2122]+")


def _candidates(seg: str, cut: tuple[bool, bool] = (False, False)) -> list[tuple[_Fix, bool]]:
    """The repairs of ``seg`` better than it, the likeliest first, each with its strength.

    A weak repair is applied only when the document's other segments vote for its
    kind: a run of one repeated character (``××``, ``¡¡``), two distinct Latin-1
    characters (``×é`` is ``组`` in GBK), or Latin-1 letters that also decode as
    UTF-8 Latin (``Â²`` is ``²`` in UTF-8 but ``虏`` in GBK). ``cut``: the run is cut on its
    left or right by a character that is not Latin-1 (see :func:`_big5`).
    """
    # Two or three Latin-1 characters that GBK reads as one or two hanzi (×é is 组)
    # are too little evidence on their own.
    high = {c for c in seg if c >= "\x80"}  # a run may end in a GBK/Big5 trail byte that is ASCII
    degenerate = len(high) < (3 if _rx().LATIN_RUN.fullmatch(seg) else 2)
    tries: list[_Fix | None]
    if _rx().LATIN_RUN.fullmatch(seg):
        raw = seg.replace("\ufffd", "\xff").translate(_TO_LATIN1).encode("latin-1")

        def ones() -> list[int]:
            return [1] * len(seg)

        tries = [_via(seg, raw, ones, "utf-8", _UTF8_LATIN1), _via(seg, raw, ones, "gb18030", _GBK_LATIN1),
                 _big5(seg, raw, ones, cut)]
        if "\ufffd" not in seg and tries[0] is None:
            fixed = _ftfy_fix_text(seg)
            if fixed != seg:  # ftfy's other encoding fixes (lost bytes, inconsistent UTF-8)
                tries.append(_Fix([(0, len(seg), fixed, "\ufffd" in fixed)], _UTF8_LATIN1 + " (ftfy)"))
    else:
        tries = list(_cjk_tries(seg))
    if not any(tries):
        return []
    scored = []
    seen = {seg}
    for k, fix in enumerate(tries):
        if fix is None or fix.text in seen:
            continue
        seen.add(fix.text)
        score = plausibility(fix.scored.replace("\ufffd", "")) if fix.lost else plausibility(fix.scored)
        if fix.how == _UTF8_LATIN1 and not fix.lost and _is_bad(seg):
            # valid UTF-8 that ftfy finds mojibake (Ã© is é, Â²ï¼› is ²；) comes first
            scored.append((-2.0, False, k, fix, len(set(seg)) > 1))
        elif score >= _MIN_SCORE and score >= plausibility(seg[fix.start : fix.end]) + _MIN_GAIN:
            scored.append((-score, fix.lost, k, fix, not degenerate))
        elif fix.how == _UTF8_LATIN1 and not fix.lost:
            scored.append((-score, False, k, fix, False))  # Â² is ² or 虏: the document decides
    return [(x[3], x[4]) for x in sorted(scored, key=lambda x: x[:3])]


def _kind(fix: _Fix) -> str:
    return fix.how.split(" (")[0]


def _cjk_tries(seg: str) -> Iterator[_Fix | None]:
    """``seg`` is CJK: UTF-8 bytes read as GBK, or GBK bytes kept as surrogates."""
    marked = seg.replace("\ufffd", "\udcff")  # a lost byte: 0xFF, valid in neither codec
    yield _reencoded(seg, marked, "gb18030", "utf-8", _UTF8_GBK)
    if _SURROGATE.search(seg):
        yield _reencoded(seg, seg, "utf-8", "gb18030", _GBK_UTF8)


def _reencoded(seg: str, marked: str, wrong: str, right: str, how: str) -> _Fix | None:
    """Encode ``marked`` (``seg`` with lost bytes marked) back with the wrong codec, decode with the right one."""
    try:
        raw = marked.encode(wrong, "surrogateescape")
    except UnicodeEncodeError:
        return None

    def widths() -> list[int]:
        return [len(c.encode(wrong, "surrogateescape")) for c in marked]

    return _via(seg, raw, widths, right, how)


def mojibake(text: str, context: Context) -> Proposal:
    """Repair text decoded with the wrong codec; flag characters whose bytes were lost.

    >>> p = mojibake("宸ヤ綔鎬荤粨 2023", Context())
    >>> [(e.start, e.end, e.replacement) for e in p.edits]
    [(0, 3, '工作'), (3, 6, '总结')]
    >>> [(e.start, e.end, e.replacement) for e in mojibake("ÖÐ¹ú", Context()).edits]
    [(0, 2, '中'), (2, 4, '国')]
    >>> [(f.start, f.end, f.code) for f in mojibake("共锟斤拷人", Context()).flags]
    [(1, 4, 'lost-characters')]
    >>> p = mojibake("“十三五”规划，第一季度，××街道", Context())
    >>> p.edits, p.flags
    ([], [])
    """
    out = Proposal()
    own, foreign = _gates(text)
    if own:
        _chinese(text, out)
    if not foreign:
        return out
    # ftfy, line by line: where our rules changed nothing, and on lines without
    # Chinese where our rules did not make Chinese (they are written for GBK/UTF-8)
    ours = sorted((e.start, e.end, e.replacement) for e in out.edits)
    for line in ftfy_lines(text):
        a, b = line.start, line.end
        mine = [(s, e, r) for s, e, r in ours if a <= s < b]
        if mine:
            if _rx().CJK_TEXT.search(line.text) or _makes_chinese(text, a, b, mine):
                continue
            out.edits = [e for e in out.edits if not a <= e.start < b]
            out.flags = [f for f in out.flags if not a <= f.start < b]
        chinese_line = _rx().CJK_TEXT.search(line.text) is not None
        for s, e, rep in line.edits:
            if chinese_line and _OTHER_SCRIPT.search(rep):
                continue  # Latin-1 letters beside Chinese are Chinese mojibake, not Cyrillic or IPA
            out.replace(s, e, rep, rule="mojibake")
            out.flag(s, e, "mojibake-repaired", f"{line.how}: {text[s:e][:20]!r} repaired to {rep[:20]!r}")
    return out


def _makes_chinese(text: str, a: int, b: int, edits: list[tuple[int, int, str]]) -> bool:
    """Whether our repairs turn ``text[a:b]`` into text that reads as Chinese."""
    made = "".join(r for _, _, r in edits)
    if not _rx().CJK_TEXT.search(made) or plausibility(made) < _MIN_SCORE:
        return False
    return chinese_evidence(made).verdict() in ("chinese", "short")  # 12 hanzi or more must read as Chinese


def _chinese(text: str, out: Proposal) -> None:
    """The Chinese repairs (and those of Latin-1 runs): propose them into ``out``."""
    first = _rx().FIRST.search(text)
    if first is None:
        return
    found: list[tuple[int, int, list[tuple[_Fix, bool]]]] = []
    done = 0
    lost_marks = False
    for m in _rx().FIRST.finditer(text, first.start()):
        if m.group() in "锟烫屯":
            lost_marks = True
        if m.start() < done or not _rx().CANDIDATE.match(text, m.start()):
            continue
        run = _NON_ASCII.match(text, m.start())
        if run is None:
            continue
        start = m.start()
        while start > done and text[start - 1] >= "\x80":
            start -= 1
        done = run.end()
        while done < len(text) and "\udc81" <= text[done - 1] <= "\udcfe" and "@" <= text[done] <= "~":
            # a GBK lead byte kept as a surrogate, its trail byte an ASCII letter (抔 is 0x92 'g')
            done += 1
            more = _NON_ASCII.match(text, done)
            if more is not None:
                done = more.end()
        latin = _rx().LATIN_RUN.match(text, start)
        if latin is not None and latin.end() >= done:
            done = latin.end()  # all Latin-1, maybe across GBK trail bytes
        fixes = _candidates(text[start:done])
        if fixes:
            found.append((start, done, fixes))
            continue
        if _rx().LATIN_RUN.fullmatch(text, start, done):
            continue
        for sub in _rx().LATIN_RUN.finditer(text, start, done):  # clean text and Latin mojibake in one run
            a, b = sub.span()
            if b == done:  # the last one may go on after the run, across ASCII trail bytes
                b = done = _rx().LATIN_RUN.match(text, a).end()  # type: ignore[union-attr]
            cut = (a > start, b < done or (b < len(text) and text[b] >= "\x80"))
            fixes = _candidates(text[a:b], cut)
            if fixes:
                found.append((a, b, fixes))
    # A segment two repairs fit (Ã© is é in UTF-8, 茅 in GBK) follows the document's majority.
    votes: dict[str, int] = {}
    for _, _, fixes in found:
        kinds = {_kind(f) for f, ok in fixes if ok}
        if len(kinds) == 1:
            kind = kinds.pop()
            votes[kind] = votes.get(kind, 0) + 1
    if votes.get(_GBK_UTF8):
        found.extend(_two_byte_runs(text, found))
    repaired = []
    traditional: bool | None = None  # whether the document is traditional text (found when needed)
    for s, _, fixes in found:
        k = min(range(len(fixes)), key=lambda i: (-votes.get(_kind(fixes[i][0]), 0), not fixes[i][1], i))
        fix, strong = fixes[k]
        if not (strong or votes.get(_kind(fix), 0)):
            continue
        if fix.how == _GBK_LATIN1:
            if traditional is None:
                traditional = _traditional(text)
            if traditional:
                # GBK is the simplified-script encoding: Latin-1 letters left in a traditional
                # text are the leftovers of Big5 mojibake that could not be realigned, not GBK
                # (they would be repaired wrongly, and only on a second clean)
                continue
        repaired.append(_propose(text, s, _again(fix), out))
    if not lost_marks:
        return
    for m in _LOST.finditer(text):
        if any(s <= m.start() < e for s, e in repaired):
            continue
        out.flag(m.start(), m.end(), "lost-characters",
                 f"{m.group()[:12]!r}: the bytes of these characters were lost upstream (a decode that "
                 "replaced them); the original characters cannot be recovered from this text")


def _traditional(text: str) -> bool:
    """Whether ``text`` holds traditional-only characters and no simplified-only ones."""
    from ._script import simplified_chars, traditional_chars

    return traditional_chars()[1].search(text) is not None and simplified_chars()[1].search(text) is None


# GBK bytes that UTF-8 decodes by chance (为 CE AA is Greek Ϊ): 2-byte UTF-8 characters.
_TWO_BYTE_RUN = re.compile("[\u0080-\u07ff]+")


def _two_byte_runs(text: str, found: list[tuple[int, int, list[tuple[_Fix, bool]]]]) -> list[
        tuple[int, int, list[tuple[_Fix, bool]]]]:
    """In a document of GBK read as UTF-8, the runs that decoded without surrogates."""
    taken = [(s, e) for s, e, _ in found]
    out = []
    for m in _TWO_BYTE_RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        fix = _reencoded(m.group(), m.group(), "utf-8", "gb18030", _GBK_UTF8)
        if fix is not None and plausibility(fix.text) >= _MIN_SCORE:
            out.append((m.start(), m.end(), [(fix, False)]))
    return out


def _again(fix: _Fix) -> _Fix:
    """Mojibake of mojibake (decoded wrongly twice): repair the repair, at most twice more."""
    for _ in range(2):
        if fix.unsure or not _rx().FIRST.search(fix.text):
            break
        more = [f for f, strong in _candidates(fix.text) if strong]
        if not more:
            break
        inner = more[0]
        text = fix.text[: inner.start] + inner.text + fix.text[inner.end :]
        fix = _Fix([(fix.start, fix.end, text, fix.lost or inner.lost)], f"{_kind(fix)}, twice")
    return fix


def _propose(text: str, run: int, fix: _Fix, out: Proposal) -> tuple[int, int]:
    """Propose the repair of the run at ``run`` piece by piece; return the span it covers."""
    s, e = run + fix.start, run + fix.end
    end = e
    for a, b, rep, lost in fix.pieces:
        a, b = a - fix.start, b - fix.start
        if lost and s + b == e and e < len(text) and text[e] == "?":
            b += 1  # the '?' an upstream decoder put for the lost byte
            end = e + 1
        if text[s + a : s + b] != rep:
            out.replace(s + a, s + b, rep, rule="mojibake")
        if lost:
            out.flag(s + a, s + b, "lost-characters",
                     f"{fix.how}: bytes of this text were lost upstream; the characters are marked "
                     "U+FFFD; find the original document")
    for a, b in fix.unsure:
        a, b = s + a - fix.start, s + b - fix.start
        out.flag(a, b, "mojibake-unrepaired",
                 f"{fix.how}: {text[a:b][:20]!r} kept: its bytes read well in no alignment (a byte was "
                 "lost upstream); find the original document")
    out.flag(s, end, "mojibake-repaired", f"{fix.how}: {text[s:end][:20]!r} repaired to {fix.text[:20]!r}")
    return s, end


_REPLACEMENT_RUN = re.compile("\ufffd+")
# Letters of scripts other than Latin (IPA, Greek, Cyrillic, Hebrew, Arabic …): what ftfy makes
# of a fragment of Chinese mojibake that happens to be valid UTF-8.
_OTHER_SCRIPT = re.compile("[\u0250-\u1fff]")


def mojibake_step(text: str, context: Context) -> Proposal:
    """:func:`mojibake`, and U+FFFD in ``str`` input flagged ``lost-characters``.

    (In text decoded from bytes, decoding flags its own U+FFFD as ``undecodable-bytes``.)

    >>> [(f.start, f.end, f.code) for f in mojibake_step("共\ufffd\ufffd人", Context()).flags]
    [(1, 3, 'lost-characters')]
    >>> mojibake_step("共\ufffd人", Context(from_bytes=True)).flags
    []
    """
    out = mojibake(text, context)
    if context.from_bytes or "\ufffd" not in text:
        return out
    covered = [(e.start, e.end) for e in out.edits] + [(f.start, f.end) for f in out.flags]
    for m in _REPLACEMENT_RUN.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in covered):
            continue
        out.flag(m.start(), m.end(), "lost-characters",
                 f"{m.end() - m.start()} replacement character(s) U+FFFD: these characters were lost "
                 "upstream; find the original document")
    return out


run = mojibake_step  # the step function under the name every step module gives it (no rules: nothing to compile)


def _make(config: Config) -> StepFn:
    return mojibake_step


MOJIBAKE = Step(
    "mojibake",
    _make,
    codes={"mojibake-repaired": "info", "lost-characters": "warning", "mojibake-unrepaired": "warning"},
    rules=("mojibake",),
    lexicons={"hanzi-frequency": Schema((("hanzi", "rank"),))},
)
