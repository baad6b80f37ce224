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

import importlib
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from operator import attrgetter
from typing import TypeVar, cast

from . import _structure
from ._config import STEP_NAMES, STEP_PATHS, Config
from ._decode import decode
from ._document import Document
from ._edits import Context, Flag, Step, StepFn
from ._lexicon import Schema
from ._model import CleanResult, Heading, Meta, QualityWarning, Quantity, QuantityColumns, Removal, Section, Severity

__all__ = ["CODES", "KINDS", "REGISTRY", "Cleaner", "clean"]

_T = TypeVar("_T")


def _declared(name: str, path: str) -> Step:
    """The Step that ``Config``'s switch ``name`` names (``"_width.WIDTH"``)."""
    module, attribute = path.split(".")
    step = getattr(importlib.import_module(f".{module}", __package__), attribute)
    if not isinstance(step, Step) or step.name != name:  # a programming error in this package
        raise RuntimeError(f"Config.{name} names {path}, which must be the Step named {name!r}")
    return step


#: The steps in the order they run, read from ``Config``'s switches (each names its Step).
REGISTRY: Mapping[str, Step] = {name: _declared(name, path) for name, path in STEP_PATHS.items()}

#: Codes raised outside the steps: by decoding and by the pipeline itself.
_OWN_CODES: Mapping[str, Severity] = {
    "undecodable-bytes": "error",
    "encoding-guessed": "warning",
    "mixed-encoding": "warning",
    "step-failed": "error",
}


def _merged(pairs: Iterable[tuple[str, str, _T]], what: str) -> dict[str, _T]:
    """One mapping from what several steps declare; two steps declaring one key differently is a bug."""
    out: dict[str, _T] = {}
    first: dict[str, str] = {}
    for step, key, value in pairs:
        if out.setdefault(key, value) != value:
            raise RuntimeError(f"steps {first[key]!r} and {step!r} declare the {what} {key!r} differently")
        first.setdefault(key, step)
    return out


#: Every warning code with its default severity (from the steps' declarations).
CODES: Mapping[str, Severity] = _merged(
    (
        *(("pipeline", code, sev) for code, sev in _OWN_CODES.items()),
        *((s.name, code, sev) for s in REGISTRY.values() for code, sev in s.codes.items()),
    ),
    "warning code",
)

#: Every lexicon kind a step reads, with its schema (from the steps' declarations).
KINDS: Mapping[str, Schema] = _merged(
    ((s.name, kind, schema) for s in REGISTRY.values() for kind, schema in s.lexicons.items()), "lexicon kind"
)

for _step in REGISTRY.values():  # a programming error in this package, checked at import
    if not set(_step.requires) <= set(STEP_NAMES[: STEP_NAMES.index(_step.name)]):
        raise RuntimeError(f"step {_step.name!r} requires {_step.requires}: steps that run before it")


class Cleaner:
    """A pipeline built once for a :class:`Config`; reuse it for many documents.

    >>> cleaner = Cleaner(Config(numerals=False))
    >>> cleaner.clean("十三五").text
    '十三五'

    A step that is on needs the steps it ``requires`` (``Step.requires``):

    >>> Cleaner(Config(quantities=False))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Config(quantities=False) switches off what the 'checks' step needs (quantities); ...
    """

    __slots__ = ("_gates", "_steps", "_structure", "config", "strict")

    def __init__(self, config: Config | None = None) -> None:
        if config is None:
            config = Config()
        if not isinstance(config, Config):
            raise TypeError(
                f"config must be a reportclean.Config, got {type(config).__name__}; "
                "build one with reportclean.Config(...)"
            )
        on = config.steps()
        for name in on:
            missing = [r for r in REGISTRY[name].requires if r not in on]
            if missing:
                off = ", ".join(f"{r}=False" for r in missing)
                raise ValueError(
                    f"Config({off}) switches off what the {name!r} step needs ({', '.join(missing)}); "
                    f"switch it off too (Config({off}, {name}=False), on the command line "
                    f"--disable {','.join((*missing, name))}) or leave {', '.join(missing)} on"
                )
        self.config = config
        self.strict = config.strict
        # Skip a step whose gate finds none of its trigger characters (Step.gate). Only
        # tests/test_outputs.py switches this off, to prove the gates change no output.
        self._gates = True
        steps = [(name, REGISTRY[name].make(config), REGISTRY[name]) for name in on]
        # Numerals run before spacing and layout (so digits they write get the same spacing as
        # digits that were there), but a letter-spaced or hard-wrapped numeral (一 九 八 二 年,
        # 三千七百⏎五十萬元) is whole only after those steps: read it once more there, or a
        # second clean would convert it (not idempotent).
        repairs = [k for k, (name, _, _) in enumerate(steps) if name in ("spacing", "layout")]
        numerals = next((s for s in steps if s[0] == "numerals"), None)
        if numerals is not None and repairs:
            steps.insert(repairs[-1] + 1, numerals)
        self._steps: tuple[tuple[str, StepFn, Step], ...] = tuple(steps)
        self._structure = _structure.compile_rules(config)

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
        for name, fn, step in self._steps:
            if step.gate is not None and self._gates and not step.gate(doc.text):
                continue  # none of the step's trigger characters: it would propose nothing
            try:
                _run(doc, step, fn, encoding is not None, self.strict)
            except Exception as exc:  # a bug in a step must not lose the document
                if self.strict:
                    raise
                doc.apply(
                    name,
                    (),
                    [
                        (
                            Flag(
                                0,
                                0,
                                "step-failed",
                                f"step {name!r} failed ({type(exc).__name__}: {exc}); "
                                "its changes were skipped, please report this input",
                            ),
                            "error",
                        )
                    ],
                )
        removed = sorted(doc.removed, key=_ORIGINAL_SPAN)
        # the quantities as columns, made into objects on first read (peak memory: a dense
        # report's Quantity objects take twice the document)
        quantities = doc.take_quantities()
        warnings = _LateWarnings(doc.warnings_builder())
        outline, sections, meta = self._read_structure(doc, removed, quantities, warnings)
        return CleanResult(
            text=doc.text,
            warnings=cast(list[QualityWarning], warnings),  # made on first read
            removed=removed,
            quantities=cast(list[Quantity], partial(quantities.build, doc.text)),  # made on first read
            encoding=encoding,
            original=doc.original,
            alignment=doc.alignment,
            change_log=doc.changes,
            outline=outline,
            sections=sections,
            meta_reader=meta,
        )

    def _read_structure(
        self, doc: Document, removed: list[Removal], quantities: QuantityColumns, warnings: _LateWarnings
    ) -> tuple[tuple[Heading, ...], tuple[Section, ...], Callable[[], Meta] | None]:
        """The post-pass: the outline and sections of the clean text, and the reader of its
        meta; each quantity told the section it stands in (its column)."""
        try:
            outline, sections, meta = _structure.read_outline(
                doc.text, self._structure, removed, doc.alignment.to_original
            )
        except Exception as exc:  # a bug here must not lose the document
            if self.strict:
                raise
            warnings.add(QualityWarning(
                "step-failed", "error", f"reading the structure failed ({type(exc).__name__}: {exc}); "
                "the outline is left empty, please report this input", (0, 0), (0, 0), "structure",
            ))  # fmt: skip
            return (), (), None
        if not self.strict:
            meta = partial(_safe_meta, meta, warnings)
        if sections and quantities:
            quantities.section = _structure.sections_of(sections, quantities.start)
        return outline, sections, meta


class _LateWarnings:
    """The builder of a result's warnings (made on first read), and the warnings the structure
    post-pass adds, before or after that read: a meta read late still reports its failure in
    the list the result holds."""

    __slots__ = ("_build", "_extra", "_made")

    def __init__(self, build: Callable[[], list[QualityWarning]]) -> None:
        self._build, self._extra = build, list[QualityWarning]()
        self._made: list[QualityWarning] | None = None

    def __call__(self) -> list[QualityWarning]:
        if self._made is None:
            self._made = self._build() + self._extra
        return self._made

    def add(self, warning: QualityWarning) -> None:
        self._extra.append(warning)
        if self._made is not None:
            self._made.append(warning)


def _safe_meta(read: Callable[[], Meta], warnings: _LateWarnings) -> Meta:
    """The meta, read on first use; a bug in reading it must not raise at the user's first
    look (``clean`` never raises on data): the meta is left empty and a ``step-failed``
    warning joins the result's warnings (the list the result holds)."""
    try:
        return read()
    except Exception as exc:
        warnings.add(QualityWarning(
            "step-failed", "error", f"reading the meta failed ({type(exc).__name__}: {exc}); "
            "it is left empty, please report this input", (0, 0), (0, 0), "structure",
        ))  # fmt: skip
        return Meta()


def _run(doc: Document, step: Step, fn: StepFn, from_bytes: bool, strict: bool) -> None:
    """Run one step on ``doc`` and apply what it proposes.

    A function of its own, so that the proposal is freed as soon as it is
    applied, not held while the next step runs (it can be as large as the text).
    In strict mode, a warning code or a rule id the step did not declare raises.
    """
    name, codes = step.name, step.codes
    reads = step.reads  # optional context, built only for the steps that declare they read it
    proposal = fn(
        doc.text,
        Context(
            doc.quantities(),
            from_bytes,
            doc.current_warnings() if "warnings" in reads else (),
            doc.page_breaks() if "page_breaks" in reads else (),
        ),
    )
    if strict:
        undeclared = {f.code for f in proposal.flags} - codes.keys()
        if undeclared:
            raise ValueError(f"step {name!r} raised warning codes it does not declare: {sorted(undeclared)}")
        undeclared = {e.rule for e in proposal.edits}.difference(step.rules)
        if undeclared:
            raise ValueError(f"step {name!r} made edits with rule ids it does not declare: {sorted(undeclared)}")
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
