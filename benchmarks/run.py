"""Measure reportclean and its peers side by side, in one process, on one corpus.

    python benchmarks/run.py            # about 10 MB, best of 3: a few minutes
    python benchmarks/run.py --quick    # about 2 MB, best of 1: about a minute

The corpus is the fixtures (``fixtures/**/*.txt``, expected outputs left out)
repeated to the target size, as ``str`` and encoded in UTF-8, GB18030 and UTF-16.
Measured on it: the full pipeline, decoding, each step alone, the peers
(ftfy.fix_text, chardet.detect, charset-normalizer, cn2an.transform, OpenCC t2s,
jionlp.clean_text; each skipped when not installed: ``pip install 'reportclean[bench]'``),
and ``clean_many`` with 1 and 2 jobs. Throughput is megabytes of UTF-8 input per
second; every figure is also given as a ratio to ftfy.fix_text measured in the
same run, since absolute figures drift 30-40 % between runs on a shared machine.
Peak memory is what ``tracemalloc`` sees while one tool handles one 1 MB document
(allocations made inside C extensions are not seen).

Inside the pipeline, each step is timed with what applying its proposal costs
(``Document.apply``), next to its *regex floor* (``benchmarks/regex_floor.py``): the
regex calls the step makes, recorded and replayed bare (a loop over ``finditer`` for every
scan, ``search`` and ``match`` as called). The sum of the floors is the least a pipeline
built on the same regex work could take: the pipeline is stated as a multiple of it as
well as of ftfy.

Writes ``docs/performance.md`` (between the ``run.py`` markers; other sections of
the file are kept) and ``docs/performance.png`` (throughput per step).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import io
import itertools
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402
from reportclean import STEP_NAMES, Cleaner, Config, _document, _pipeline, clean_many  # noqa: E402
from reportclean._cli import main as cli_main  # noqa: E402
from reportclean._edits import Context  # noqa: E402
from reportclean._pipeline import REGISTRY  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
PLOT = ROOT / "docs" / "performance.png"
START, END = "<!-- run.py:start -->", "<!-- run.py:end -->"
TARGET, GOAL = 4.0, 7.0  # issue 18: at least 4x ftfy.fix_text


@dataclass
class Corpus:
    texts: list[str]
    utf8: list[bytes]
    gb18030: list[bytes]
    utf16: list[bytes]
    mb: float  # megabytes of UTF-8
    big: str  # one document of about 1 MB, for peak memory


@dataclass
class Row:
    group: str
    name: str
    seconds: float
    mb: float
    peak: float | None = None  # MB, tracemalloc
    note: str = ""

    @property
    def mbps(self) -> float:
        return self.mb / self.seconds if self.seconds else float("inf")


def load_corpus(target_mb: float) -> Corpus:
    files = sorted(p for p in (ROOT / "fixtures").rglob("*.txt") if "expected" not in p.parts)
    seeds = [p.read_text(encoding="utf-8") for p in files]
    texts: list[str] = []
    size = 0
    while size < target_mb * 1e6:
        for s in seeds:
            texts.append(s)
            size += len(s.encode("utf-8"))
    big = "".join(seeds)
    big = big * max(1, int(1e6 // len(big.encode("utf-8"))))
    return Corpus(
        texts=texts,
        utf8=[t.encode("utf-8") for t in texts],
        gb18030=[t.encode("gb18030", errors="replace") for t in texts],
        utf16=[t.encode("utf-16") for t in texts],
        mb=size / 1e6,
        big=big,
    )


def best_of(repeats: int, fn: Callable[[], object], clock: Callable[[], float] = time.process_time) -> float:
    """The shortest of ``repeats`` runs; CPU time of this process by default (steady
    on a shared machine), wall-clock time for runs with worker processes."""
    times = []
    for _ in range(repeats):
        gc.collect()
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def peak_mb(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def over(fn: Callable[[Any], object], docs: Sequence[Any]) -> Callable[[], None]:
    def run() -> None:
        for d in docs:
            fn(d)

    return run


def optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except Exception:
        return None


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def scaling(corpus: Corpus, repeats: int, log: Callable[[str], None]) -> list[Row]:
    """``clean_many`` with 1 and 2 jobs, runs interleaved (1, 2, 1, 2 ...) so that both see
    the same load; the best wall-clock time of each, and the CPU time of that run (this
    process, and the pool's workers): on a machine shared with other work the wall-clock
    ratio says what the load let through, the CPU times what the second process costs."""
    best: dict[int, tuple[float, float, float]] = {}
    for _ in range(repeats):
        for jobs in (1, 2):
            gc.collect()
            cpu0, t0 = cpu_seconds(), time.perf_counter()
            n = sum(1 for _ in clean_many(corpus.utf8, jobs=jobs))
            wall, cpu1 = time.perf_counter() - t0, cpu_seconds()
            assert n == len(corpus.utf8)
            if jobs not in best or wall < best[jobs][0]:
                best[jobs] = (wall, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1])
    rows = []
    for jobs, (wall, parent, workers) in sorted(best.items()):
        note = f"CPU {parent + workers:.2f} s" + (f" (parent {parent:.2f} + workers {workers:.2f})" if jobs > 1 else "")
        rows.append(Row("scaling", f"clean_many (UTF-8 bytes), jobs={jobs}", wall, corpus.mb, note=note))
        log(f"{'scaling':10} clean_many jobs={jobs:<26} {corpus.mb / wall:8.1f} MB/s  {note}")
    return rows


@dataclass
class Inside:
    """Per step, CPU seconds inside the pipeline (the step with its apply, the apply alone) and its regex floor."""

    total: dict[str, float]
    apply: dict[str, float]
    floor: dict[str, float]  # seconds per MB: benchmarks/regex_floor.py measures a smaller corpus
    pipeline: float  # the pipeline without the timers
    rest: float  # in the timed run: what is outside every step (gates, context, the result)


def inside(corpus: Corpus, repeats: int) -> Inside:
    """Time each step inside the pipeline (CPU time), best of ``repeats`` runs for each figure apart.

    The regex floor comes from ``benchmarks/regex_floor.py``, run in a process of its own
    (it replaces ``re.compile`` before importing the package) on 2 MB of the same corpus.
    """
    best = _inside_once(corpus)
    for _ in range(repeats - 1):
        this = _inside_once(corpus)
        for mine, theirs in ((best.total, this.total), (best.apply, this.apply)):
            for k, v in theirs.items():
                mine[k] = min(mine.get(k, v), v)
        best.pipeline = min(best.pipeline, this.pipeline)
        best.rest = min(best.rest, this.rest)
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "regex_floor.py"), "--mb", str(min(2.0, corpus.mb)),
         "--repeats", str(repeats)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    floor = json.loads(out.stdout)
    best.floor = {k: v / floor["mb"] for k, v in floor["seconds"].items()}
    return best


def _inside_once(corpus: Corpus) -> Inside:
    clock = time.process_time
    run, apply = _pipeline._run, _document.Document.apply
    total: dict[str, float] = {}
    spent: dict[str, float] = {}

    def timed_apply(doc: Any, step: str, *args: Any, **kwargs: Any) -> None:
        t = clock()
        apply(doc, step, *args, **kwargs)
        spent[step] = spent.get(step, 0.0) + clock() - t

    def timed_run(doc: Any, step: Any, fn: Any, *args: Any) -> None:
        t = clock()
        run(doc, step, fn, *args)
        total[step.name] = total.get(step.name, 0.0) + clock() - t

    cleaner = Cleaner()
    _pipeline._run, _document.Document.apply = timed_run, timed_apply  # type: ignore[assignment,method-assign]
    try:
        gc.collect()
        t0 = clock()
        for t in corpus.texts:
            cleaner.clean(t)
        timed = clock() - t0
    finally:
        _pipeline._run, _document.Document.apply = run, apply  # type: ignore[method-assign]
    gc.collect()
    t0 = clock()
    for t in corpus.texts:
        cleaner.clean(t)
    return Inside(total, spent, {}, clock() - t0, timed - sum(total.values()))


def measure(corpus: Corpus, repeats: int, log: Callable[[str], None]) -> list[Row]:
    rows: list[Row] = []
    big_utf8 = corpus.big.encode("utf-8")

    def add(group: str, name: str, fn: Callable[[Any], object], docs: Sequence[Any], big: Any, note: str = "") -> None:
        secs = best_of(repeats, over(fn, docs))
        peak = peak_mb(lambda: fn(big)) if big is not None else None
        rows.append(Row(group, name, secs, corpus.mb, peak, note))
        log(f"{group:10} {name:42} {corpus.mb / secs:8.1f} MB/s")

    cleaner = Cleaner()
    add("pipeline", "reportclean.clean (str)", cleaner.clean, corpus.texts, corpus.big)
    add("pipeline", "reportclean.clean (UTF-8 bytes)", cleaner.clean, corpus.utf8, big_utf8)
    add("pipeline", "reportclean.clean (GB18030 bytes)", cleaner.clean, corpus.gb18030, corpus.big.encode("gb18030"))
    add("pipeline", "reportclean.clean (UTF-16 bytes)", cleaner.clean, corpus.utf16, corpus.big.encode("utf-16"))
    add("decode", "reportclean.decode (UTF-8)", reportclean.decode, corpus.utf8, big_utf8)
    add("decode", "reportclean.decode (GB18030)", reportclean.decode, corpus.gb18030, None)
    add("decode", "reportclean.decode (UTF-16)", reportclean.decode, corpus.utf16, None)

    nothing = Cleaner(Config(**{n: False for n in STEP_NAMES}))
    add("step", "(no step: Document and result only)", nothing.clean, corpus.texts, corpus.big)
    for name in STEP_NAMES:
        fn = REGISTRY[name].make(Config())
        context = Context()
        add("step", name, lambda t, fn=fn, context=context: fn(t, context), corpus.texts, corpus.big)

    ftfy = optional("ftfy")
    if ftfy is not None:
        add("peer", "ftfy.fix_text", ftfy.fix_text, corpus.texts, corpus.big)
    chardet = optional("chardet")
    if chardet is not None:
        add("peer", "chardet.detect (GB18030)", chardet.detect, corpus.gb18030, None)
    cn = optional("charset_normalizer")
    if cn is not None:
        add("peer", "charset_normalizer.from_bytes (GB18030)", lambda b: cn.from_bytes(b).best(), corpus.gb18030, None)
    cn2an = optional("cn2an")
    if cn2an is not None:

        def transform(t: str) -> object:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # it warns about every 十三五
                try:
                    return cn2an.transform(t, "cn2an")
                except Exception:
                    return None

        add("peer", "cn2an.transform", transform, corpus.texts, corpus.big)
    opencc = optional("opencc")
    if opencc is not None:
        t2s = opencc.OpenCC("t2s")
        add("peer", "OpenCC t2s", t2s.convert, corpus.texts, corpus.big, "C++: memory not traced")
    jionlp = optional("jionlp")
    if jionlp is not None:
        add("peer", "jionlp.clean_text", jionlp.clean_text, corpus.texts, corpus.big)

    rows += scaling(corpus, repeats, log)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        for i, data in enumerate(corpus.utf8):
            (src / f"{i % 10}").mkdir(parents=True, exist_ok=True)
            (src / f"{i % 10}" / f"{i}.txt").write_bytes(data)
        runs = itertools.count()

        def cli(jobs: int) -> None:
            # a new output folder each time: replacing existing files costs a flush on ext4
            out = Path(tmp) / f"out{next(runs)}"
            with contextlib.redirect_stdout(io.StringIO()):
                cli_main(["clean", str(src), "-o", str(out), "--jobs", str(jobs), "--progress", "never"])

        for jobs in (1, 2):
            secs = best_of(repeats, lambda jobs=jobs: cli(jobs), time.perf_counter)
            rows.append(Row("scaling", f"reportclean clean DIR (files), jobs={jobs}", secs, corpus.mb))
            log(f"{'scaling':10} CLI jobs={jobs:<33} {corpus.mb / secs:8.1f} MB/s")
    return rows


def render(rows: list[Row], corpus: Corpus, args: argparse.Namespace, elapsed: float, steps: Inside) -> str:
    ftfy = next((r for r in rows if r.name == "ftfy.fix_text"), None)
    ref = ftfy.mbps if ftfy else None

    def ratio(r: Row) -> str:
        return f"{r.mbps / ref:.2f}x" if ref else "n/a"

    def mem(r: Row) -> str:
        return "" if r.peak is None else f"{r.peak:.1f}"

    pipe = next(r for r in rows if r.name == "reportclean.clean (UTF-8 bytes)")
    verdict = "n/a (ftfy not installed)"
    if ref:
        x = pipe.mbps / ref
        verdict = f"**{x:.1f}x** ftfy.fix_text (target {TARGET}x: {'met' if x >= TARGET else 'NOT met'}; goal {GOAL}x)"
    per_mb = 1000 / corpus.mb  # seconds over the corpus to ms per MB
    floor = sum(steps.floor.values()) * corpus.mb  # seconds over the corpus
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    n_docs = len(corpus.texts)
    lines = [
        START,
        "<!-- Generated by benchmarks/run.py: edit the script, not this block. -->",
        "",
        "## Overall",
        "",
        f"Full pipeline on UTF-8 bytes: {pipe.mbps:.1f} MB/s, {verdict}.",
        "",
        f"Regex floor (`benchmarks/regex_floor.py`): the regex calls the steps make, recorded and replayed "
        f"bare (a loop over `finditer` for each scan, `search` and `match` as called), take "
        f"{floor * per_mb:.1f} ms/MB ({corpus.mb / floor:.1f} MB/s, {ref / (corpus.mb / floor) if ref else 0:.2f} "
        f"of ftfy's time); the pipeline takes {steps.pipeline * per_mb:.1f} ms/MB on `str` in the same run, "
        f"**{steps.pipeline / floor:.1f}x its regex floor**. The pipeline could be {TARGET}x ftfy only by spending "
        f"at most {1000 / (TARGET * ref) - floor * per_mb if ref else 0:.0f} ms/MB beyond that floor (Python work "
        "per match and per edit, applying proposals): today that part is "
        f"{steps.pipeline * per_mb - floor * per_mb:.0f} ms/MB.",
        "",
        f"Run {when}{' (--quick)' if args.quick else ''}: {n_docs} documents, {corpus.mb:.1f} MB of UTF-8 "
        f"(the fixtures repeated), best of {args.repeats}; Python {platform.python_version()}, "
        f"{platform.machine()}, one process, {elapsed:.0f} s in all. MB/s counts UTF-8 input bytes for every "
        "row, so rows compare, per second of this process's CPU time (wall-clock time under Scaling). "
        "Peak: `tracemalloc` peak while handling one 1 MB document (MB; C extensions not traced). "
        "Absolute figures drift 30-40 % between runs on the shared 2-core machine: read the ratios.",
        "",
        "### Where the time goes",
        "",
        "Each step timed inside the pipeline (CPU time, best of the runs, `str` input): the step, the",
        "application of its proposal (`Document.apply`: recording changes, warnings and quantities with",
        "their original spans, moving the alignment's segments) and its regex floor (the step's own",
        "regex calls replayed bare). A step whose `Step.gate` found none of its trigger characters is",
        "skipped: it costs only its gate (counted in `rest`). The rows are taken from the run with the",
        "timers (about 2 % slower); the last row is the pipeline without them.",
        "",
        "| step | ms/MB in the pipeline | of which apply | regex floor ms/MB | Python beyond the floor |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in sorted(steps.total, key=lambda k: -steps.total[k]):
        t, a, f = steps.total[name], steps.apply.get(name, 0.0), steps.floor.get(name, 0.0)  # (f per MB)
        lines.append(
            f"| {name} | {t * per_mb:.1f} | {a * per_mb:.1f} | {f * 1000:.1f} | {t * per_mb - f * 1000:.1f} |"
        )
    lines += [
        f"| rest (`str`, no decoding: gates, context, result) | {steps.rest * per_mb:.1f} | | | |",
        f"| **pipeline** | **{steps.pipeline * per_mb:.1f}** | {sum(steps.apply.values()) * per_mb:.1f} | "
        f"{floor * per_mb:.1f} | {(steps.pipeline - floor) * per_mb:.1f} |",
        "",
        "| group | what | MB/s | vs ftfy.fix_text | peak MB | note |",
        "|---|---|---:|---:|---:|---|",
    ]
    for r in rows:
        if r.group == "scaling":
            continue
        lines.append(f"| {r.group} | {r.name} | {r.mbps:.1f} | {ratio(r)} | {mem(r)} | {r.note} |")
    scaling = [r for r in rows if r.group == "scaling"]
    base = {r.name.rsplit(",", 1)[0]: r.mbps for r in scaling if r.name.endswith("jobs=1")}
    lines += [
        "",
        "Steps are timed alone: each step's function on the corpus text (its proposal only; applying",
        "edits is in the `(no step)` row and the pipeline rows).",
        "",
        "### Scaling",
        "",
        "| what | jobs | MB/s | speed-up | note |",
        "|---|---:|---:|---:|---|",
    ]
    for r in scaling:
        what, jobs = r.name.rsplit(", jobs=", 1)
        lines.append(f"| {what} | {jobs} | {r.mbps:.1f} | {r.mbps / base[what]:.2f}x | {r.note} |")
    lines += [
        "",
        "Wall-clock time, pool start-up included, the runs of 1 and 2 jobs interleaved, while other work",
        "shares the 2 cores: a floor, not a promise. The note gives the CPU time of the best run (this",
        "process, and the pool's workers): what a second process costs whatever the load. `clean_many`",
        "ships every `CleanResult` back through a pipe, compactly (plain tuples, rebuilt in this process);",
        "the CLI's workers read and write the files themselves and send back only counts and warnings,",
        "but pay for one file created, written and renamed per document. `python benchmarks/run.py",
        "--scaling` runs this table alone.",
        "",
        "![throughput per step](performance.png)",
        "",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_doc(block: str) -> None:
    """Replace the run.py block of docs/performance.md; keep every other section."""
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        new = head + block + ("\n" + tail if tail else "")
    else:
        cut = old.find("\n## ")
        head, tail = (old, "") if cut < 0 else (old[: cut + 1], old[cut + 1 :])
        head = head.replace("No figures yet: the benchmarks land with the encoding, numbers and scale issues.\n", "")
        new = head.rstrip("\n") + "\n\n" + block + ("\n" + tail if tail else "")
    DOC.write_text(new, encoding="utf-8")


def plot(rows: list[Row]) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    shown = [r for r in rows if r.group in ("pipeline", "step", "peer")]
    colours = {"pipeline": "#1f77b4", "step": "#9ecae1", "peer": "#ff7f0e"}
    fig, ax = plt.subplots(figsize=(8, 0.28 * len(shown) + 1.2))
    ax.barh([r.name for r in shown], [r.mbps for r in shown], color=[colours[r.group] for r in shown])
    ax.set_xscale("log")
    ax.invert_yaxis()
    ftfy = next((r for r in rows if r.name == "ftfy.fix_text"), None)
    if ftfy is not None:
        for x, style, label in (
            (ftfy.mbps, ":", "ftfy.fix_text"),
            (TARGET * ftfy.mbps, "--", f"target: {TARGET}x ftfy"),
            (GOAL * ftfy.mbps, "-.", f"goal: {GOAL}x ftfy"),
        ):
            ax.axvline(x, color="grey", linestyle=style, linewidth=1, label=label)
        ax.legend(loc="lower right", fontsize=7)
    ax.set_xlabel("MB/s of UTF-8 input (log scale)")
    ax.set_title("reportclean: throughput per step, pipeline and peers (one process)")
    ax.tick_params(axis="y", labelsize=7)
    fig.tight_layout()
    fig.savefig(PLOT, dpi=110)
    plt.close(fig)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--quick", action="store_true", help="about 2 MB, best of 1: about a minute")
    p.add_argument("--mb", type=float, help="corpus size in MB (default 10, or 2 with --quick)")
    p.add_argument("--repeats", type=int, help="best of N runs (default 3, or 1 with --quick)")
    p.add_argument("--no-write", action="store_true", help="print only; leave docs/ alone")
    p.add_argument("--scaling", action="store_true", help="only clean_many with 1 and 2 jobs; print, write nothing")
    p.add_argument("--steps", action="store_true", help="only the per-step table with the regex floor; print it")
    args = p.parse_args(argv)
    args.mb = args.mb or (2.0 if args.quick else 10.0)
    args.repeats = args.repeats or (1 if args.quick else 3)
    start = time.perf_counter()
    corpus = load_corpus(args.mb)
    print(f"corpus: {len(corpus.texts)} documents, {corpus.mb:.1f} MB UTF-8", file=sys.stderr)
    if args.scaling:
        scaling(corpus, args.repeats, print)
        return 0
    if args.steps:
        steps = inside(corpus, args.repeats)
        per_mb = 1000 / corpus.mb
        for name in sorted(steps.total, key=lambda k: -steps.total[k]):
            print(f"{name:14} {steps.total[name] * per_mb:6.1f} ms/MB  apply {steps.apply.get(name, 0) * per_mb:5.1f}"
                  f"  floor {steps.floor.get(name, 0) * 1000:5.1f}")  # fmt: skip
        print(f"pipeline {steps.pipeline * per_mb:.1f} ms/MB, floor {sum(steps.floor.values()) * 1000:.1f} ms/MB")
        return 0
    rows = measure(corpus, args.repeats, lambda s: print(s, file=sys.stderr))
    steps = inside(corpus, args.repeats)
    print(f"inside the pipeline: {steps.pipeline / corpus.mb * 1000:.1f} ms/MB, regex floor "
          f"{sum(steps.floor.values()) * 1000:.1f} ms/MB", file=sys.stderr)  # fmt: skip
    block = render(rows, corpus, args, time.perf_counter() - start, steps)
    if args.no_write:
        print(block)
        return 0
    write_doc(block)
    if plot(rows):
        print(f"wrote {DOC.relative_to(ROOT)} and {PLOT.relative_to(ROOT)}", file=sys.stderr)
    else:
        print(f"wrote {DOC.relative_to(ROOT)} (no plot: pip install matplotlib)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
