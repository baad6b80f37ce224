"""The public result types: what :func:`reportclean.clean` gives back.

Every span is a half-open ``(start, end)`` pair of character offsets. ``span``
points into :attr:`CleanResult.text`; ``original_span`` points into the decoded
input (the ``str`` given to :func:`~reportclean.clean`, or the text decoded from
the ``bytes`` given to it).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from functools import cached_property, partial
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Generic, Literal, NamedTuple, TypeVar, overload

from ._alignment import Alignment, Span

if TYPE_CHECKING:  # for annotations only: _changelog builds the Change records defined here
    from ._changelog import ChangeLog

__all__ = [
    "SEVERITIES",
    "Change",
    "CleanResult",
    "DecodeResult",
    "Heading",
    "Meta",
    "QualityWarning",
    "Quantity",
    "Removal",
    "Section",
    "SectionKind",
    "Severity",
    "Span",
]

Severity = Literal["info", "warning", "error"]
#: Severities from the mildest to the most serious.
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
SectionKind = Literal["review", "plan", "other"]


@dataclass(frozen=True, slots=True)
class QualityWarning:
    """A data-quality problem found in the text, with where it stands.

    ``code`` is a stable kebab-case identifier (see ``docs/warnings.md``);
    ``step`` is the name of the pipeline step that raised it.
    """

    code: str
    severity: Severity
    message: str
    span: Span
    original_span: Span
    step: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (QualityWarning, (self.code, self.severity, self.message, self.span, self.original_span, self.step))

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "span": list(self.span),
            "original_span": list(self.original_span),
            "step": self.step,
        }


@dataclass(frozen=True, slots=True)
class Removal:
    """A segment of the input that cleaning removed.

    ``text`` is exactly ``original[original_span[0]:original_span[1]]``.
    """

    text: str
    original_span: Span
    rule: str
    reason: str
    step: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (Removal, (self.text, self.original_span, self.rule, self.reason, self.step))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "original_span": list(self.original_span),
            "rule": self.rule,
            "reason": self.reason,
            "step": self.step,
        }


@dataclass(frozen=True, slots=True)
class Change:
    """A rewrite: the input segment ``original`` became ``replacement``.

    ``original`` is exactly ``input[original_span[0]:original_span[1]]``;
    ``span`` is where the replacement stands in the clean text.
    """

    original: str
    replacement: str
    original_span: Span
    span: Span
    rule: str
    step: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (Change, (self.original, self.replacement, self.original_span, self.span, self.rule, self.step))

    def to_dict(self) -> dict[str, Any]:
        return {
            "original": self.original,
            "replacement": self.replacement,
            "original_span": list(self.original_span),
            "span": list(self.span),
            "rule": self.rule,
            "step": self.step,
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in the clean text, with its unit and canonical value.

    ``value`` is expressed in ``unit`` (canonical: ``CNY``, ``m2``, ``m``, ``t``,
    ``%``, a measure word such as ``人`` …), multipliers such as 万 and 亿
    applied. ``high`` is the upper bound of a range (``1200-1500人``), else None.
    ``section`` is the index in :attr:`CleanResult.sections` of the innermost section
    it stands in (None before the first heading): achieved figures and targets apart.
    """

    text: str
    span: Span
    value: Decimal
    unit: str | None
    written_unit: str | None = None
    approximate: bool = False
    high: Decimal | None = None
    original_span: Span = (0, 0)
    section: int | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (_quantity, (self.text, *_pack_quantity(self)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "value": str(self.value),
            "unit": self.unit,
            "written_unit": self.written_unit,
            "approximate": self.approximate,
            "high": None if self.high is None else str(self.high),
            "original_span": list(self.original_span),
            "section": self.section,
        }


@dataclass(frozen=True, slots=True)
class Heading:
    """An entry of the report's own outline (see ``docs/structure.md``).

    ``level`` is 1–5 on the official ladder (``一、`` 1, ``（一）`` 2, ``1.`` 3,
    ``（1）`` 4, ``①`` 5) or the number of components of a decimal number
    (``2.1.1`` 3); ``label`` is the numbering normalised (``一``, ``（一）``,
    ``1.``, ``2.1.1``; ``""`` for an unnumbered heading); ``title`` the words
    after it, up to the end of the line or the first ``。！？；：``; ``span``
    covers label and title in the clean text.
    """

    level: int
    label: str
    title: str
    span: Span
    original_span: Span

    def __reduce__(self) -> tuple[Any, ...]:  # positional: a frozen dataclass's default sets each slot apart
        return (Heading, (self.level, self.label, self.title, self.span, self.original_span))

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "label": self.label, "title": self.title, "span": list(self.span),
                "original_span": list(self.original_span)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Section:
    """The body under one heading: from the start of its line up to the next heading of
    the same or a shallower level. ``heading`` is its index in :attr:`CleanResult.outline`
    (sections and headings go one to one, in order), ``parent`` the index of the section
    that holds it (None at the top), ``kind`` what it reports: ``review`` (the past
    period's work), ``plan`` (targets and next steps) or ``other``."""

    heading: int
    level: int
    kind: SectionKind
    span: Span
    original_span: Span
    parent: int | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (Section, (self.heading, self.level, self.kind, self.span, self.original_span, self.parent))

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "level": self.level, "kind": self.kind, "span": list(self.span),
                "original_span": list(self.original_span), "parent": self.parent}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Meta:
    """What the document says about itself; each field None when it does not say it
    (never guessed). ``date`` is ``YYYY-MM-DD`` (``YYYY-MM`` when only the month is
    given); ``place`` is the 街道/镇/乡/区/县/市 named in the title; ``review_years``
    and ``plan_years`` are the years the review and the plan cover. ``original_spans``
    says where each found field stands in the input, as ``(field, span)`` pairs (a
    ``发布日期`` removed as page chrome still dates the document: its span is the
    removed text's)."""

    title: str | None = None
    date: str | None = None
    issuer: str | None = None
    place: str | None = None
    review_years: tuple[int, ...] | None = None
    plan_years: tuple[int, ...] | None = None
    original_spans: tuple[tuple[str, Span], ...] = ()

    def original_span(self, name: str) -> Span | None:
        """Where the field ``name`` was found in the input, or None."""
        return next((span for key, span in self.original_spans if key == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date,
            "issuer": self.issuer,
            "place": self.place,
            "review_years": None if self.review_years is None else list(self.review_years),
            "plan_years": None if self.plan_years is None else list(self.plan_years),
            "original_spans": {key: list(span) for key, span in self.original_spans},
        }


class FoundQuantity(NamedTuple):
    """A quantity as a step proposes it, its span in the step's input.

    :class:`~reportclean._document.Document` makes the public :class:`Quantity` from it,
    once, with its original span (a tuple is made at C speed: about 0.1 us, where a
    frozen ``Quantity`` with its slots set takes 0.7 us, and ~5,000 are found per MB).
    A step may propose a :class:`Quantity` as well: the document reads the same fields.
    """

    text: str
    span: Span
    value: Decimal
    unit: str | None
    written_unit: str | None = None
    approximate: bool = False
    high: Decimal | None = None


@dataclass(frozen=True, slots=True)
class DecodeResult:
    """What :func:`reportclean.decode` made of some bytes.

    ``encoding`` is the Python codec name used; ``confidence`` is between 0 and 1.
    Warnings point into ``text`` (``span`` and ``original_span`` are equal).
    """

    text: str
    encoding: str
    confidence: float
    warnings: tuple[QualityWarning, ...] = ()


_T = TypeVar("_T")


class _Built(Generic[_T]):
    """A list field of :class:`CleanResult` that may be given as a builder and is built on first read.

    The pipeline keeps warnings and quantities compactly (columns of offsets and shared
    strings, about 50 bytes each instead of 300-450 for an object with its span tuples)
    and passes a zero-argument function that makes the objects: a 1 MB report has
    about 4,000 of each, so a result that nobody reads whole stays small, and the
    peak memory of :func:`~reportclean.clean` no longer holds every object twice. A
    reader sees a plain ``list`` (built once, then kept), as before: the field, its
    type, equality, ``repr``, pickling and ``to_dict`` are unchanged.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = "_" + name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> None: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> list[_T]: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> list[_T] | None:
        if obj is None:  # the dataclass default: no value given (an empty list)
            return None
        value = obj.__dict__[self._slot]
        if not isinstance(value, list):
            value = value()
            obj.__dict__[self._slot] = value
        return value  # type: ignore[no-any-return]

    def __set__(self, obj: object, value: list[_T] | Callable[[], list[_T]] | None) -> None:
        obj.__dict__[self._slot] = [] if value is None else value


class WarningColumns:
    """Warnings as columns, spans in the current text, until they are made into objects.

    :class:`~reportclean._document.Document` appends each step's flags and moves the
    spans through later edits; :meth:`build` makes the public :class:`QualityWarning`
    records once, with original spans from the final alignment.

    >>> cols = WarningColumns()
    >>> cols.extend("demo", ["demo-code"], ["info"], ["Look."], [1], [3])
    >>> cols.build(Alignment())
    [QualityWarning(code='demo-code', severity='info', message='Look.', span=(1, 3), original_span=(1, 3), step='demo')]
    """

    __slots__ = ("code", "end", "message", "severity", "start", "step")

    def __init__(self, typecode: str = "q") -> None:
        self.code: list[str] = []
        self.severity: list[Severity] = []
        self.message: list[str] = []
        self.step: list[str] = []
        self.start: array[int] = array(typecode)
        self.end: array[int] = array(typecode)

    def __len__(self) -> int:
        return len(self.start)

    def extend(
        self,
        step: str,
        codes: list[str],
        severities: list[Severity],
        messages: list[str],
        starts: list[int],
        ends: list[int],
    ) -> None:
        """Append one step's flags (lists of equal length; spans in the current text)."""
        self.code += codes
        self.severity += severities
        self.message += messages
        self.step += [step] * len(codes)
        self.start.extend(starts)
        self.end.extend(ends)

    def spans(self) -> list[Span]:
        return list(zip(self.start, self.end, strict=True))

    def move(self, spans: list[Span]) -> None:
        """Give every warning its span in a new current text (``spans``, in the same order)."""
        self.start = array(self.start.typecode, [s for s, _ in spans])
        self.end = array(self.end.typecode, [e for _, e in spans])

    def objects(self, alignment: Alignment) -> list[QualityWarning]:
        """The warnings in the order they were raised, original spans mapped by ``alignment``."""
        spans = self.spans()
        ordered = all(x[0] <= y[0] and x[1] <= y[1] for x, y in pairwise(spans))
        ospans = alignment.to_original_many(spans, ordered)
        return list(map(_new_warning, self.code, self.severity, self.message, spans, ospans, self.step))

    def build(self, alignment: Alignment) -> list[QualityWarning]:
        """The public records, in text order (span, original span, code)."""
        out = self.objects(alignment)
        out.sort(key=_WARNING_ORDER)
        return out


_WARNING_ORDER = attrgetter("span", "original_span", "code")


class QuantityColumns:
    """A result's quantities as columns until they are read (:class:`CleanResult` builds them).

    A :class:`Quantity` object with its text and two span tuples takes about 420 bytes,
    and a dense report has ~5,000 per MB: twice the document. As columns (4- or
    8-byte offsets, and the value, units and flags shared with the objects they
    came from) it is about 60 bytes. Each quantity's text is the clean text at its
    span, so it is sliced again when the objects are built.

    >>> q = Quantity("3 个", (2, 5), Decimal(3), "个", "个", original_span=(4, 7))
    >>> cols = QuantityColumns([q], "i")
    >>> cols.section = [0]
    >>> cols.build("共有3 个人")
    [Quantity(text='3 个', span=(2, 5), value=Decimal('3'), unit='个', written_unit='个', approximate=False, \
high=None, original_span=(4, 7), section=0)]
    """

    __slots__ = ("approximate", "end", "high", "oend", "ostart", "section", "start", "unit", "value", "written")

    def __init__(self, quantities: Sequence[Quantity], typecode: str = "q") -> None:
        self.start = array(typecode, [q.span[0] for q in quantities])
        self.end = array(typecode, [q.span[1] for q in quantities])
        self.ostart = array(typecode, [q.original_span[0] for q in quantities])
        self.oend = array(typecode, [q.original_span[1] for q in quantities])
        self.value: list[Decimal] = [q.value for q in quantities]
        self.unit: list[str | None] = [q.unit for q in quantities]
        self.written: list[str | None] = [q.written_unit for q in quantities]
        self.approximate: list[bool] = [q.approximate for q in quantities]
        self.high: list[Decimal | None] = [q.high for q in quantities]
        self.section: list[int | None] = [q.section for q in quantities]

    def __len__(self) -> int:
        return len(self.start)

    def build(self, text: str) -> list[Quantity]:
        """The :class:`Quantity` objects, their texts sliced from the clean ``text``."""
        s_text, s_span, s_value, s_unit, s_written, s_approx, s_high, s_original, s_section = _QUANTITY_SLOTS
        new = object.__new__
        out: list[Quantity] = []
        append = out.append
        for a, b, oa, ob, value, unit, written, approx, high, section in zip(
            self.start, self.end, self.ostart, self.oend, self.value, self.unit, self.written, self.approximate,
            self.high, self.section, strict=True,
        ):  # fmt: skip
            p = new(Quantity)
            s_text(p, text[a:b])
            s_span(p, (a, b))
            s_value(p, value)
            s_unit(p, unit)
            s_written(p, written)
            s_approx(p, approx)
            s_high(p, high)
            s_original(p, (oa, ob))
            s_section(p, section)
            append(p)
        return out

    def packed(self) -> list[tuple[Any, ...]]:
        """The tuples ``CleanResult.__reduce__`` sends (as :func:`_pack_quantity` makes them, no text)."""
        return [
            (None, a, b, str(value), unit, written, approx, None if high is None else str(high), oa, ob, section)
            for a, b, oa, ob, value, unit, written, approx, high, section in zip(
                self.start, self.end, self.ostart, self.oend, self.value, self.unit, self.written,
                self.approximate, self.high, self.section, strict=True,
            )
        ]  # fmt: skip


def _warning_setters() -> tuple[Callable[[QualityWarning, object], None], ...]:
    names = tuple(f.name for f in fields(QualityWarning))
    if names != ("code", "severity", "message", "span", "original_span", "step"):
        raise RuntimeError(f"_new_warning does not know QualityWarning's fields {names}")  # pragma: no cover
    return tuple(getattr(QualityWarning, name).__set__ for name in names)


_W_CODE, _W_SEVERITY, _W_MESSAGE, _W_SPAN, _W_ORIGINAL, _W_STEP = _warning_setters()


def _new_warning(code: str, severity: Severity, message: str, span: Span, ospan: Span, step: str) -> QualityWarning:
    """``QualityWarning(...)`` made by setting its slots (a frozen dataclass's ``__init__`` sets
    each field through ``object.__setattr__``: measured 1.1 us against 0.5 us a warning)."""
    w = object.__new__(QualityWarning)
    _W_CODE(w, code)
    _W_SEVERITY(w, severity)
    _W_MESSAGE(w, message)
    _W_SPAN(w, span)
    _W_ORIGINAL(w, ospan)
    _W_STEP(w, step)
    return w


@dataclass(frozen=True)
class CleanResult:
    """Clean text plus an exact account of what was changed, removed and found.

    ``original`` is the decoded input. :meth:`to_original` and :meth:`to_clean`
    map any span between the two texts.
    """

    text: str
    # (the pipeline gives these two as functions, built on first read: see _Built)
    warnings: list[QualityWarning] = _Built()  # type: ignore[assignment]
    removed: list[Removal] = field(default_factory=list)
    quantities: list[Quantity] = _Built()  # type: ignore[assignment]
    encoding: str | None = None
    original: str = ""
    alignment: Alignment | None = field(default=None, repr=False, compare=False)
    change_log: ChangeLog | None = field(default=None, repr=False, compare=False)
    outline: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = ()
    meta_reader: Callable[[], Meta] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def meta(self) -> Meta:
        """What the document says about itself (read on first use, see ``docs/structure.md``)."""
        return Meta() if self.meta_reader is None else self.meta_reader()

    @cached_property
    def changes(self) -> list[Change]:
        """Every rewrite, in the order of the original text (built on first use)."""
        if self.change_log is None:
            return []
        return self.change_log.build(self.original, self.alignment or Alignment(), self.text, self.removed)

    def __reduce__(self) -> tuple[Any, ...]:
        """Compact pickling (``clean_many(jobs=N)`` sends every result through a pipe).

        The default pickles each warning, removal and quantity as an object with its
        field names, and each Decimal apart: about 3 bytes per input byte, slower to
        load than the document takes to clean in parallel. Here they travel as plain
        tuples of columns, removal and quantity texts as spans of the texts that hold
        them, values as strings; ``changes`` is rebuilt on first use, as after
        :func:`~reportclean.clean`. The warnings and the meta that nobody has read yet
        travel as their builders and the quantities as tuples: each is made on first read,
        in the process that reads it (a worker makes none of them).
        """
        original, text = self.original, self.text
        removed = [
            (None if r.text == original[r.original_span[0] : r.original_span[1]] else r.text,
             *r.original_span, r.rule, r.reason, r.step)
            for r in self.removed
        ]  # fmt: skip
        quantities = _packed_quantities(self.__dict__.get("_quantities"), text)
        # what nobody has read yet travels as its builder and is made on first read, in the
        # process that reads it (a worker of clean_many(jobs=N) then neither builds the warnings
        # and the meta nor sends them as objects: most callers read neither)
        late = self.__dict__.get("_warnings")
        warnings: Any = (
            [(w.code, w.severity, w.message, *w.span, *w.original_span, w.step) for w in late]
            if isinstance(late, list) else late
        )  # fmt: skip
        meta: Any = self.__dict__.get("meta") or self.meta_reader or Meta()
        return (
            _clean_result,
            (text, original, self.encoding, warnings, removed, quantities, self.alignment, self.change_log,
             (self.outline, self.sections, meta)),
        )  # fmt: skip

    def to_original(self, start: int, end: int) -> Span:
        """Map a span of :attr:`text` to the original (decoded) input."""
        return self.alignment.to_original(start, end) if self.alignment else (start, end)

    def to_clean(self, start: int, end: int) -> Span:
        """Map a span of the original (decoded) input to :attr:`text`."""
        return self.alignment.to_clean(start, end) if self.alignment else (start, end)

    def __repr__(self) -> str:
        from ._review import short_repr  # lazy: importing reportclean stays cheap

        return short_repr(self)

    def to_html(self, name: str | None = None) -> str:
        """A self-contained HTML page that shows every removal, change and warning at its
        place in the document (see ``docs/review.md``); ``name`` titles the page."""
        from ._review import to_html

        return to_html(self, name)

    def _repr_html_(self) -> str:
        """Jupyter's view: the counts and the first screenful, highlighted."""
        from ._review import repr_html

        return repr_html(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-serialisable data (Decimals become strings)."""
        return {
            "text": self.text,
            "encoding": self.encoding,
            "warnings": [w.to_dict() for w in self.warnings],
            "removed": [r.to_dict() for r in self.removed],
            "changes": [c.to_dict() for c in self.changes],
            "quantities": [q.to_dict() for q in self.quantities],
            "outline": [h.to_dict() for h in self.outline],
            "sections": [x.to_dict() for x in self.sections],
            "meta": self.meta.to_dict(),
        }


# -- compact pickling (see CleanResult.__reduce__) ------------------------------------


def placed_quantities(
    qs: Sequence[Quantity | FoundQuantity], text: str, spans: Sequence[Span], original_spans: Sequence[Span]
) -> list[Quantity]:
    """Each quantity built anew at its span of ``text``, with its original span.

    A step's quantity knows only its span in the step's input; the document builds
    the public one, whole, once it knows where that span came from. Built by setting
    the slots of a new object before anyone sees it: a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``, twice as slow, and a
    dense report has ~5,000 quantities per MB.

    >>> q = Quantity("3 个", (4, 7), Decimal(3), "个", "个")
    >>> placed_quantities([q], "共有 3 个", [(3, 6)], [(4, 7)])
    [Quantity(text='3 个', span=(3, 6), value=Decimal('3'), unit='个', written_unit='个', approximate=False, \
high=None, original_span=(4, 7), section=None)]
    """
    s_text, s_span, s_value, s_unit, s_written, s_approx, s_high, s_original, s_section = _QUANTITY_SLOTS
    new = object.__new__
    out: list[Quantity] = []
    append = out.append
    for q, span, ospan in zip(qs, spans, original_spans, strict=True):
        p = new(Quantity)
        a, b = span
        t = q.text  # the step's own string when it is the text at the span (no second copy while both live)
        s_text(p, t if len(t) == b - a and text.startswith(t, a) else text[a:b])
        s_span(p, span)
        s_value(p, q.value)
        s_unit(p, q.unit)
        s_written(p, q.written_unit)
        s_approx(p, q.approximate)
        s_high(p, q.high)
        s_original(p, ospan)
        s_section(p, None)
        append(p)
    return out


def _slot_setters() -> tuple[Callable[[Quantity, object], None], ...]:
    names = tuple(f.name for f in fields(Quantity))
    if names != ("text", "span", "value", "unit", "written_unit", "approximate", "high", "original_span", "section"):
        raise RuntimeError(f"placed_quantities does not know Quantity's fields {names}")  # pragma: no cover
    return tuple(getattr(Quantity, name).__set__ for name in names)


_QUANTITY_SLOTS = _slot_setters()


def _pack_quantity(q: Quantity) -> tuple[Any, ...]:
    high = None if q.high is None else str(q.high)
    return (*q.span, str(q.value), q.unit, q.written_unit, q.approximate, high, *q.original_span, q.section)


def _packed_quantities(late: Any, text: str) -> list[tuple[Any, ...]]:
    """The quantities as ``__reduce__`` sends them, from what the result holds: the objects
    when they were read, else their builder's columns (no object made)."""
    func = getattr(late, "func", None)
    if func is _quantities:  # a result unpickled and not read since
        return late.args[1]  # type: ignore[no-any-return]
    if isinstance(getattr(func, "__self__", None), QuantityColumns):
        return func.__self__.packed()  # type: ignore[union-attr,no-any-return]
    qs = late if isinstance(late, list) else late()
    return [(None if q.text == text[q.span[0] : q.span[1]] else q.text, *_pack_quantity(q)) for q in qs]


def _quantity(
    text: str, s: int, e: int, value: str, unit: str | None, written: str | None,
    approximate: bool, high: str | None, os_: int, oe: int, section: int | None = None,
) -> Quantity:  # fmt: skip
    return Quantity(text, (s, e), Decimal(value), unit, written, approximate, None if high is None else Decimal(high),
                    (os_, oe), section)  # fmt: skip


def _quantities(text: str, packed: list[tuple[Any, ...]]) -> list[Quantity]:
    return [_quantity(text[q[1] : q[2]] if q[0] is None else q[0], *q[1:]) for q in packed]


def _clean_result(
    text: str,
    original: str,
    encoding: str | None,
    warnings: list[tuple[Any, ...]] | Callable[[], list[QualityWarning]],
    removed: list[tuple[Any, ...]],
    quantities: list[tuple[Any, ...]],
    alignment: Alignment | None,
    change_log: ChangeLog | None,
    structure: tuple[tuple[Heading, ...], tuple[Section, ...], Meta | Callable[[], Meta]] | None = None,
) -> CleanResult:
    outline, sections, meta = structure or ((), (), Meta())
    return CleanResult(
        text,
        warnings if callable(warnings) else  # type: ignore[arg-type]
        [QualityWarning(c, sev, m, (s, e), (os_, oe), st) for c, sev, m, s, e, os_, oe, st in warnings],
        [Removal(original[s:e] if t is None else t, (s, e), rule, why, step) for t, s, e, rule, why, step in removed],
        partial(_quantities, text, quantities),  # type: ignore[arg-type]  # made on first read
        encoding,
        original,
        alignment,
        change_log,
        outline,
        sections,
        meta if callable(meta) else partial(_given, meta),
    )


def _given(meta: Meta) -> Meta:
    return meta
