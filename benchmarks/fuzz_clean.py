"""Fuzz ``reportclean.clean``: any bytes or str must clean without an exception.

A run fails on an exception, on a ``step-failed`` warning (a step raised and
was skipped: an exception the pipeline swallowed), or on a result that is not
faithful to its input (``reportclean.testing.assert_faithful``).

With hypothesis (always available with the ``testing`` extra)::

    python benchmarks/fuzz_clean.py                  # 10,000 random byte strings + 10,000 report texts
    python benchmarks/fuzz_clean.py -n 100000        # longer
    python -m pytest -m fuzz -p no:warnings          # the same 10,000 + 10,000 as pytest tests

With atheris (coverage-guided; ``pip install reportclean[fuzz]``, Linux/macOS)::

    python benchmarks/fuzz_clean.py --atheris -max_total_time=600
    python benchmarks/fuzz_clean.py --atheris -runs=100000 corpus_dir/

The test suite runs a bounded version of the hypothesis fuzz on every run
(``tests/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

if __name__ == "__main__" and "--atheris" in sys.argv:  # coverage feedback from reportclean's code only
    import atheris

    with atheris.instrument_imports(include=["reportclean"]):
        import reportclean

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportclean
from reportclean.testing import assert_faithful, dirty_reports, report_texts

_CLEANER = reportclean.Cleaner()


def check(data: str | bytes) -> None:
    """Clean ``data``; raise if anything went wrong."""
    result = _CLEANER.clean(data)
    failed = [w.message for w in result.warnings if w.code == "step-failed"]
    if failed:
        raise AssertionError(f"a step raised on {data[:80]!r}: {failed}")
    assert_faithful(data, result)


def _fuzz_settings(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


def run_bytes(n: int) -> None:
    """``n`` random byte strings (up to 4 KB), raw and as UTF-8 text with mojibake-prone bytes."""

    @_fuzz_settings(n)
    @given(st.binary(max_size=4096))
    def fuzz(data: bytes) -> None:
        check(data)

    fuzz()


def run_texts(n: int) -> None:
    """``n`` hypothesis texts: report texts, dirty reports and arbitrary Unicode."""

    @_fuzz_settings(n)
    @given(st.one_of(report_texts(), dirty_reports(max_kinds=4).map(lambda c: c.data), st.text(max_size=2000)))
    def fuzz(data: str | bytes) -> None:
        check(data)

    fuzz()


def test_one_input(data: bytes) -> None:
    """The atheris entry point: the bytes as given, and a str made from them."""
    import atheris

    check(data)
    fdp = atheris.FuzzedDataProvider(data)
    check(fdp.ConsumeUnicode(len(data)))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--atheris" in argv:
        import atheris

        rest = [a for a in argv if a != "--atheris"]
        atheris.Setup([sys.argv[0], *rest], test_one_input)
        atheris.Fuzz()
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000, help="inputs of each kind (default 10,000)")
    args = parser.parse_args(argv)
    for name, run in (("random byte strings", run_bytes), ("hypothesis texts", run_texts)):
        t0 = time.perf_counter()
        run(args.n)
        print(f"{args.n} {name} cleaned without an exception in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
