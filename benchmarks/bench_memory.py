"""Peak memory of cleaning a large document, measured with tracemalloc.

The fixtures are repeated to a 50 MB UTF-8 document (``--mb``), which is
cleaned as bytes and as str; the peak of the memory allocated *during* the call
(the input itself excluded) is reported as a multiple of the input's size in
bytes. The bound is 10 times the input size. ftfy.fix_text is measured in the
same run as a reference, on the first 5 MB (``--peer-mb``: it runs at about
3 MB/s, and much slower traced).

    python benchmarks/bench_memory.py
    python benchmarks/bench_memory.py --mb 10 --no-peers

Exits 1 if reportclean's peak exceeds 10 times the input size.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402

LIMIT = 10.0


def corpus(size: int) -> bytes:
    """The in-the-wild fixtures, concatenated and repeated to ``size`` bytes of UTF-8."""
    docs = [p.read_bytes().decode("utf-8") for p in sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))]
    unit = "\n\n".join(docs).encode("utf-8")
    data = unit * (size // len(unit) + 1)
    return data[: data.rfind(b"\n", 0, size) + 1]


def peak(fn: Callable[[], object]) -> tuple[int, float]:
    """Peak bytes allocated while ``fn`` runs, and its wall time (slowed by tracing)."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    t0 = time.perf_counter()
    try:
        result = fn()
        elapsed = time.perf_counter() - t0
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return top, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--peer-mb", type=float, default=5.0, help="size of the slice given to ftfy.fix_text")
    parser.add_argument("--no-peers", action="store_true", help="skip ftfy.fix_text")
    args = parser.parse_args(argv)
    data = corpus(int(args.mb * 2**20))
    text = data.decode("utf-8")
    size = len(data)
    print(f"input: {size / 2**20:.1f} MB UTF-8, {len(text) / 1e6:.2f} M characters; limit {LIMIT:g}x the input")
    cleaner = reportclean.Cleaner()
    # the lexicons read on first use are read once per process, not per document: outside the measurement
    cleaner.clean(data[:300_000])
    rows: list[tuple[str, int, int, float]] = []
    rows.append(("reportclean clean(bytes)", size, *peak(lambda: cleaner.clean(data))))
    rows.append(("reportclean clean(str)", size, *peak(lambda: cleaner.clean(text))))
    if not args.no_peers:
        import ftfy

        part = corpus(int(args.peer_mb * 2**20)).decode("utf-8")
        rows.append((f"ftfy.fix_text(str) {args.peer_mb:g} MB", len(part.encode()), *peak(lambda: ftfy.fix_text(part))))
    print(f"{'call':<26} {'peak MB':>9} {'x input':>8} {'s (traced)':>11}")
    for name, n, top, elapsed in rows:
        print(f"{name:<26} {top / 2**20:>9.1f} {top / n:>8.2f} {elapsed:>11.1f}")
    worst = max(top / n for name, n, top, _ in rows if name.startswith("reportclean"))
    if worst > LIMIT:
        print(f"FAILED: peak {worst:.2f}x the input, above {LIMIT:g}x")
        return 1
    print(f"ok: peak {worst:.2f}x the input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
