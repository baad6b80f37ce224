"""Hypothesis strategies and assertions for testing report cleaning.

Install with ``pip install reportclean[testing]``. This package imports
hypothesis at the top and is never imported by :mod:`reportclean` itself.
It is a package split by concern: ``_vocabulary`` (the generator's words),
``_numerals`` (a Chinese numeral writer), ``_documents`` (the document model
and :func:`report_texts`), ``_noise`` (one injector per noise kind and
:func:`dirty_reports`) and ``_assertions``; every public name is here.

- :func:`report_texts`: report-like Chinese text (headings, quantities in many
  spellings, Chinese numerals, fixed expressions).
- :func:`report_outlines`: pairs of a :func:`report_texts` text and the outline
  it was written with (``DirtyCase.outline`` holds it for :func:`dirty_reports`).
- :func:`dirty_reports`: :class:`DirtyCase` values: report text with known
  noise applied (encodings, mojibake, watermarks, footers, full-width digits,
  page-break cuts, converter spaces, placeholders …), the text cleaning must
  give back and the warning codes it must raise.
- :func:`numerals`: pairs of a numeral string and its :class:`~decimal.Decimal` value.
- :func:`assert_faithful` and :func:`assert_no_warnings`: assertions about a
  :class:`~reportclean.CleanResult`.
- :data:`NOISE_KINDS` and :data:`KIND_CODES`: the noise kinds and the warning
  codes each must raise.

See ``docs/testing.md`` for a complete test against your own corpus.

>>> import reportclean
>>> s = "共开展学习\\u200b4次。"
>>> assert_faithful(s, reportclean.clean(s))
>>> assert_no_warnings(reportclean.clean(s))
"""

from __future__ import annotations

import hypothesis  # noqa: F401  (first: without it, the import fails here, not inside a submodule)

from ._assertions import assert_faithful, assert_no_warnings
from ._documents import report_outlines, report_texts
from ._noise import KIND_CODES, NOISE_KINDS, DirtyCase, dirty_reports
from ._numerals import numerals

__all__ = [
    "KIND_CODES",
    "NOISE_KINDS",
    "DirtyCase",
    "assert_faithful",
    "assert_no_warnings",
    "dirty_reports",
    "numerals",
    "report_outlines",
    "report_texts",
]
