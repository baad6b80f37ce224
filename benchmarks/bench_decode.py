"""Decoding: accuracy and speed of reportclean.decode beside chardet and charset-normalizer.

One run measures all three on the same bytes: every fixture in every variant
(UTF-8, UTF-8 with BOM, GB18030, GBK, Big5 after OpenCC s2tw, UTF-16LE/BE
without BOM) and snippets of 20, 50 and 200 characters cut from the fixtures
in the same encodings. A detector is right when the bytes decoded with the
encoding it names (errors replaced) give the expected text exactly.

Also measures the mojibake step's fast path on clean text against the whole
pipeline. Run: ``python benchmarks/bench_decode.py [--markdown]``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import chardet
import charset_normalizer
import ftfy
import ftfy.bad_codecs  # registers sloppy-windows-1252
import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402
from reportclean import Config  # noqa: E402
from reportclean._edits import Context  # noqa: E402
from reportclean._mojibake import MOJIBAKE  # noqa: E402

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16-le", "utf-16-be")
SNIPPETS = (20, 50, 200)
PER_SIZE = 30  # snippets per fixture and size


def variants(text: str, enc: str, s2tw: opencc.OpenCC) -> tuple[bytes, str]:
    """The bytes of ``text`` in ``enc`` and the text they should decode to."""
    if enc == "big5":
        tw = s2tw.convert(text)
        data = tw.encode("big5", errors="replace")  # Big5 lacks ² and a few hanzi: '?' as an editor saves
        return data, data.decode("big5")
    if enc == "gbk":
        data = text.encode("gbk", errors="replace")  # GBK lacks ² and U+00A0 (GB18030 has them)
        return data, data.decode("gbk")
    return text.encode(enc), text


def corpus() -> list[tuple[str, str, bytes, str]]:
    """(kind, encoding, bytes, expected) for documents and snippets."""
    s2tw = opencc.OpenCC("s2tw")
    rng = random.Random(20261122)
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))]
    out = []
    for text in docs:
        for enc in ENCODINGS:
            data, expected = variants(text, enc, s2tw)
            out.append(("document", enc, data, expected))
        for size in SNIPPETS:
            for _ in range(PER_SIZE):
                start = rng.randrange(0, len(text) - size)
                snippet = text[start : start + size]
                for enc in ENCODINGS:
                    data, expected = variants(snippet, enc, s2tw)
                    out.append((f"snippet {size}", enc, data, expected))
    return out


def ours(data: bytes) -> str:
    return reportclean.decode(data).text


def by_name(name: str | None, data: bytes) -> str:
    if not name:
        return ""
    try:
        return data.decode(name, errors="replace")
    except LookupError:
        return ""


def with_chardet(data: bytes) -> str:
    return by_name(chardet.detect(data)["encoding"], data)


def with_cn(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best else ""  # its own decoding (drops a BOM)


DETECTORS: dict[str, Callable[[bytes], str]] = {
    "reportclean.decode": ours,
    "chardet.detect": with_chardet,
    "charset-normalizer": with_cn,
}


def accuracy(items: list[tuple[str, str, bytes, str]]) -> dict[tuple[str, str], dict[str, tuple[int, int]]]:
    table: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
    for kind, enc, data, expected in items:
        for name, fn in DETECTORS.items():
            row = table.setdefault((kind, enc), {})
            ok, n = row.get(name, (0, 0))
            row[name] = (ok + (fn(data) == expected), n + 1)
    return table


def speed(docs: list[tuple[str, bytes]], repeat: int = 3) -> dict[str, dict[str, float]]:
    """Median seconds per document for each detector: over all documents, and per encoding."""
    out: dict[str, dict[str, float]] = {}
    for name, fn in DETECTORS.items():
        times: dict[str, list[float]] = {}
        for _ in range(repeat):
            for enc, data in docs:
                t0 = time.perf_counter()
                fn(data)
                times.setdefault(enc, []).append(time.perf_counter() - t0)
        out[name] = {enc: statistics.median(t) for enc, t in times.items()}
        out[name]["all"] = statistics.median([x for t in times.values() for x in t])
    return out


def mojibake_share(docs: list[str]) -> tuple[float, float]:
    """Seconds of the mojibake step and of the whole pipeline on clean text (~2 MB)."""
    text = "\n".join(docs)
    text = text * max(1, 2_000_000 // len(text.encode()))
    step = MOJIBAKE.make(Config())
    cleaner = reportclean.Cleaner()
    t_step = min(_time(lambda: step(text, Context())) for _ in range(3))
    t_all = min(_time(lambda: cleaner.clean(text)) for _ in range(2))
    return t_step, t_all


def mojibake_accuracy(docs: list[str]) -> None:
    """Paragraphs mojibaked three ways: how many come back exactly, beside ftfy's encoding fixes."""
    step = MOJIBAKE.make(Config())
    cfg = ftfy.TextFixerConfig(fix_character_width=False, uncurl_quotes=False, fix_latin_ligatures=False,
                               normalization=None, unescape_html=False, fix_line_breaks=False)

    def ours(text: str) -> str:
        p = step(text, Context())
        out, pos = [], 0
        for e in sorted(p.edits):
            out += [text[pos : e.start], e.replacement]
            pos = e.end
        return "".join([*out, text[pos:]])

    paragraphs = [p for d in docs for p in d.split("\n") if p.strip()]
    kinds = {
        "UTF-8 read as Latin-1": lambda p: p.encode().decode("latin-1"),
        "UTF-8 read as cp1252": lambda p: p.encode().decode("sloppy-windows-1252"),
        "UTF-8 read as GB18030 (bytes survive)": lambda p: p.encode().decode("gb18030"),
        "GBK read as Latin-1 (whole paragraph)": lambda p: p.encode("gbk", errors="replace").decode("latin-1"),
        "GBK read as UTF-8 (surrogateescape)": lambda p: p.encode("gbk", errors="replace").decode(
            "utf-8", errors="surrogateescape"),
    }
    print()
    print("| mojibake | paragraphs | reportclean | ftfy (encoding fixes only) |")
    print("|---|---:|---:|---:|")
    for name, make in kinds.items():
        n = a = b = 0
        for p in paragraphs:
            try:
                bad = make(p)
            except UnicodeDecodeError:
                continue
            want = p if "GBK" not in name else p.encode("gbk", errors="replace").decode("gbk")
            n += 1
            a += ours(bad) == want
            b += ftfy.fix_text(bad, cfg) == want
        print(f"| {name} | {n} | {a} | {b} |")


def _time(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    items = corpus()
    table = accuracy(items)
    names = list(DETECTORS)
    print("| input | encoding | " + " | ".join(names) + " |")
    print("|---|---|" + "---:|" * len(names))
    totals: dict[str, dict[str, list[int]]] = {}
    for (kind, enc), row in table.items():
        cells = []
        for name in names:
            ok, n = row[name]
            cells.append(f"{ok}/{n}")
            t = totals.setdefault(kind, {}).setdefault(name, [0, 0])
            t[0] += ok
            t[1] += n
        print(f"| {kind} | {enc} | " + " | ".join(cells) + " |")
    for kind, row in totals.items():
        print(f"| **{kind}, all** | | " + " | ".join(f"**{row[n][0]}/{row[n][1]}**" for n in names) + " |")
    docs = [(enc, data) for kind, enc, data, _ in items if kind == "document"]
    secs = speed(docs)
    print()
    print("| median ms per document | " + " | ".join(names) + " | chardet ÷ reportclean |")
    print("|---|" + "---:|" * (len(names) + 1))
    for enc in [*ENCODINGS, "all"]:
        cells = [f"{secs[n][enc] * 1000:.3f}" for n in names]
        ratio = secs["chardet.detect"][enc] / secs["reportclean.decode"][enc]
        label = f"**{enc}**" if enc == "all" else enc
        print(f"| {label} | " + " | ".join(cells) + f" | {ratio:.0f}× |")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))]
    mojibake_accuracy(texts)
    t_step, t_all = mojibake_share(texts)
    mb = len(("\n".join(texts) * max(1, 2_000_000 // len("\n".join(texts).encode()))).encode()) / 1e6
    print()
    print(f"mojibake step on clean text: {mb / t_step:.0f} MB/s; "
          f"{100 * t_step / t_all:.2f} % of the pipeline's time ({mb / t_all:.1f} MB/s)")


if __name__ == "__main__":
    main()
