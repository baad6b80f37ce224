"""The pipeline: the step registry, :class:`Cleaner` and :func:`clean`.

Data flows one way: each step sees the text the previous one produced and
proposes edits on it; :class:`~reportclean._document.Document` applies them.

>>> r = clean("\\n共开展学习\\u200b 4 次。\\r\\n")
>>> r.text
'共开展学习4次。'
>>> [(x.rule, x.text, x.original_span) for x in r.removed]
[('zero-width-char', '\\u200b', (6, 7))]
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter

from . import (
    _basic,
    _boilerplate,
    _checks,
    _layout,
    _mojibake,
    _numerals,
    _placeholders,
    _quantities,
    _script,
    _spacing,
    _width,
)
from ._config import STEP_NAMES, Config
from ._decode import decode
from ._document import Document
from ._edits import Context, Flag, Step, StepFn
from ._model import CleanResult, Severity

__all__ = ["CODES", "REGISTRY", "Cleaner", "clean"]

REGISTRY: Mapping[str, Step] = {
    s.name: s
    for s in (
        _mojibake.MOJIBAKE,
        _basic.NFC,
        _basic.CONTROLS,
        _basic.NEWLINES,
        _boilerplate.BOILERPLATE,
        _width.WIDTH,
        _numerals.NUMERALS,
        _spacing.SPACING,
        _layout.LAYOUT,
        _script.SCRIPT,
        _basic.WHITESPACE,
        _quantities.QUANTITIES,
        _placeholders.PLACEHOLDERS,
        _checks.CHECKS,
    )
}
if tuple(REGISTRY) != STEP_NAMES:  # a programming error in this package, checked at import
    raise RuntimeError(f"the registry {tuple(REGISTRY)} and Config.STEP_NAMES {STEP_NAMES} must list the same steps")

#: Codes raised outside the steps: by decoding and by the pipeline itself.
_OWN_CODES: Mapping[str, Severity] = {
    "undecodable-bytes": "error",
    "encoding-guessed": "warning",
    "mixed-encoding": "warning",
    "step-failed": "error",
}

#: Every warning code with its default severity.
CODES: Mapping[str, Severity] = {
    **_OWN_CODES,
    **{code: sev for step in REGISTRY.values() for code, sev in step.codes.items()},
}


class Cleaner:
    """A pipeline built once for a :class:`Config`; reuse it for many documents.

    >>> cleaner = Cleaner(Config(numerals=False))
    >>> cleaner.clean("十三五").text
    '十三五'
    """

    __slots__ = ("_steps", "config", "strict")

    def __init__(self, config: Config | None = None) -> None:
        if config is None:
            config = Config()
        if not isinstance(config, Config):
            raise TypeError(
                f"config must be a reportclean.Config, got {type(config).__name__}; "
                "build one with reportclean.Config(...)"
            )
        self.config = config
        self.strict = config.strict
        self._steps: tuple[tuple[str, StepFn, Mapping[str, Severity]], ...] = tuple(
            (name, REGISTRY[name].make(config), REGISTRY[name].codes) for name in config.steps()
        )

    def clean(self, source: str | bytes) -> CleanResult:
        """Clean one document given as ``str`` or ``bytes``. Never raises on data."""
        encoding: str | None = None
        if isinstance(source, str):
            text = source
            decode_flags: list[tuple[Flag, Severity]] = []
        elif isinstance(source, (bytes, bytearray, memoryview)):
            decoded = decode(bytes(source))
            text, encoding = decoded.text, decoded.encoding
            decode_flags = [
                (Flag(w.span[0], w.span[1], w.code, w.message), w.severity) for w in decoded.warnings
            ]
        elif isinstance(source, float) and source != source:  # NaN: a missing value in pandas
            raise TypeError(
                "clean() takes str or bytes, got NaN (a missing value, as pandas gives for an empty cell); "
                "use reportclean.clean_pandas(df, 'text'), which keeps nulls, or skip them (s.dropna())"
            )
        else:
            raise TypeError(
                f"clean() takes str or bytes, got {type(source).__name__}; "
                "pass the file's bytes (open(path, 'rb').read()) or its text"
            )
        doc = Document(text)
        if decode_flags:
            doc.apply("decode", (), decode_flags)
        for name, fn, codes in self._steps:
            try:
                _run(doc, name, fn, codes, encoding is not None, self.strict)
            except Exception as exc:  # a bug in a step must not lose the document
                if self.strict:
                    raise
                doc.apply(
                    name,
                    (),
                    [
                        (
                            Flag(0, 0, "step-failed", f"step {name!r} failed ({type(exc).__name__}: {exc}); "
                                 "its changes were skipped, please report this input"),
                            "error",
                        )
                    ],
                )
        return CleanResult(
            text=doc.text,
            warnings=doc.warnings(),
            removed=sorted(doc.removed, key=_ORIGINAL_SPAN),
            quantities=list(doc.quantities()),
            encoding=encoding,
            original=doc.original,
            alignment=doc.alignment,
            change_log=doc.changes,
        )


def _run(
    doc: Document, name: str, fn: StepFn, codes: Mapping[str, Severity], from_bytes: bool, strict: bool
) -> None:
    """Run one step on ``doc`` and apply what it proposes.

    A function of its own, so that the proposal is freed as soon as it is
    applied, not held while the next step runs (it can be as large as the text).
    """
    page_breaks = doc.page_breaks() if name == "layout" else ()  # only layout reads them (cost: a scan of the log)
    proposal = fn(doc.text, Context(doc.quantities(), from_bytes, doc.current_warnings(), page_breaks))
    if strict:
        undeclared = {f.code for f in proposal.flags} - codes.keys()
        if undeclared:
            raise ValueError(f"step {name!r} raised warning codes it does not declare: {sorted(undeclared)}")
    flags = [(f, f.severity or codes.get(f.code, "warning")) for f in proposal.flags]
    doc.apply(name, proposal.edits, flags, proposal.quantities)


_ORIGINAL_SPAN = attrgetter("original_span")


def _default() -> Cleaner:
    """The cleaner of ``Config()``, built on first use (not at import: building compiles every step's rules).

    It is kept as the module attribute ``_DEFAULT`` (which the test suite may replace).
    """
    cleaner: Cleaner | None = globals().get("_DEFAULT")
    if cleaner is None:
        cleaner = Cleaner()
        globals()["_DEFAULT"] = cleaner
    return cleaner


def __getattr__(name: str) -> Cleaner:
    # ``_pipeline._DEFAULT`` before the first clean(): build it then (PEP 562)
    if name == "_DEFAULT":
        return _default()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def clean(source: str | bytes, config: Config | None = None) -> CleanResult:
    """Clean one report: decode bytes, run every step switched on in ``config``.

    Returns the clean text with warnings, removals, changes and quantities;
    see :class:`~reportclean.CleanResult`.
    """
    cleaner = _default() if config is None else Cleaner(config)
    return cleaner.clean(source)
