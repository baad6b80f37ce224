"""Configuration: one switch per pipeline step, plus a few options.

The switches are the pipeline's registry: one line per step, in the order the
steps run, each naming the module attribute that holds the step's declaration
(``metadata={"step": "_width.WIDTH"}``); ``reportclean._pipeline`` builds
``REGISTRY`` from them. The field names of the switches are the step names: the registry key, the
``step`` of a warning and the docs heading are the same string.

>>> Config().numerals
'measures'
>>> Config(numerals=False).numerals, Config(numerals=True).numerals
(False, 'measures')
>>> Config(numerals="no")
Traceback (most recent call last):
...
ValueError: Config.numerals must be 'measures' (the default), 'counts', True (= 'measures') or False (off), got 'no'
>>> Config(width="no")
Traceback (most recent call last):
...
TypeError: Config.width must be True or False, got 'no' (str)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Literal

from ._chrome import BoilerplateSettings
from ._lexicon import Lexicon

__all__ = ["NUMERAL_MODES", "STEP_NAMES", "STEP_PATHS", "Config", "NumeralMode"]

NumeralMode = Literal["measures", "counts"]
#: What ``Config.numerals`` may say besides False (off); True is the first, the default.
NUMERAL_MODES: tuple[NumeralMode, ...] = ("measures", "counts")

_DEFAULT_SETTINGS = BoilerplateSettings()  # frozen: one shared default is safe


def _strict_default() -> bool:
    """``Config.strict`` when not given: on where ``REPORTCLEAN_STRICT=1``."""
    return os.environ.get("REPORTCLEAN_STRICT", "") == "1"


@dataclass(frozen=True)
class Config:
    """Which steps run, and how. Every step is on by default.

    Switches (one per step, same name as the step):

    - ``mojibake``: repair text decoded with the wrong codec upstream.
    - ``nfc``: Unicode NFC composition.
    - ``controls``: remove zero-width and control characters.
    - ``newlines``: CRLF, CR and Unicode line separators to LF.
    - ``boilerplate``: remove watermarks, site footers and page furniture.
    - ``width``: full-width digits and Latin to ASCII, Chinese punctuation full-width.
    - ``numerals``: Chinese numerals to Arabic digits, unit spellings unified.
      ``"measures"`` (the default; True means the same) converts only where the
      numeral is certainly a quantity: before a unit of measure, a currency or
      ``%``, in a date or year, or with a 万/亿 magnitude (``三千万元`` →
      ``3000万元``, ``二〇二三年`` → ``2023年``); a count before a measure word
      stays as written (``三个转变``, ``两项补贴``, ``三次产业``). ``"counts"``
      also converts counts (``六个工作专班`` → ``6个工作专班``), except ordinal
      sessions and the protected expressions. False leaves every numeral as
      written. The ``quantities`` step reads counts either way.
    - ``spacing``: remove spaces a converter put between hanzi and digits.
    - ``layout``: join paragraphs cut by page breaks, drop converter Markdown.
    - ``script``: convert stray traditional characters in simplified text.
    - ``whitespace``: trailing spaces, blank lines at the start and end.
    - ``quantities``: find numbers with units (``CleanResult.quantities``).
    - ``placeholders``: flag template placeholders (X, XX, ××, □).
    - ``checks``: flag missing numbers, sums and rates that do not add up.

    Options:

    - ``strict``: re-raise a step's exception (and reject a warning code the
      step did not declare) instead of skipping the step with a ``step-failed``
      warning. Off by default, so one bug never loses a document; on in the
      test suite and wherever a bug must stop the run. The environment variable
      ``REPORTCLEAN_STRICT=1`` makes it the default.
    - ``mark_placeholders``: wrap each placeholder in ``⟦ ⟧`` in the clean text.
    - ``simplified``: convert a wholly traditional document to simplified.
    - ``lexicons``: extra lexicons (from :func:`reportclean.load_lexicon`); each
      step reads those of its kind besides its built-in ones.
    - ``boilerplate_settings``: the thresholds of the boilerplate step's line
      classifier (:class:`reportclean.BoilerplateSettings`, docs/rules.md#boilerplate-chrome-by-what-a-line-is-like).
    """

    # The switches: the registry of steps, in the order they run. Each names the attribute of
    # reportclean._<module> that holds its Step; _pipeline.REGISTRY and STEP_NAMES are read
    # from here. (Typed fields, not fields made from the registry: the type checker and the
    # IDE see every switch.)
    mojibake: bool = field(default=True, metadata={"step": "_mojibake.MOJIBAKE"})
    nfc: bool = field(default=True, metadata={"step": "_basic.NFC"})
    controls: bool = field(default=True, metadata={"step": "_basic.CONTROLS"})
    newlines: bool = field(default=True, metadata={"step": "_basic.NEWLINES"})
    boilerplate: bool = field(default=True, metadata={"step": "_boilerplate.BOILERPLATE"})
    width: bool = field(default=True, metadata={"step": "_width.WIDTH"})
    numerals: NumeralMode | bool = field(default="measures", metadata={"step": "_numerals.NUMERALS"})
    spacing: bool = field(default=True, metadata={"step": "_spacing.SPACING"})
    layout: bool = field(default=True, metadata={"step": "_layout.LAYOUT"})
    script: bool = field(default=True, metadata={"step": "_script.SCRIPT"})
    whitespace: bool = field(default=True, metadata={"step": "_basic.WHITESPACE"})
    quantities: bool = field(default=True, metadata={"step": "_quantities.QUANTITIES"})
    placeholders: bool = field(default=True, metadata={"step": "_placeholders.PLACEHOLDERS"})
    checks: bool = field(default=True, metadata={"step": "_checks.CHECKS"})
    # The options.
    strict: bool = field(default_factory=_strict_default)
    mark_placeholders: bool = False
    simplified: bool = False
    lexicons: tuple[Lexicon, ...] = ()
    boilerplate_settings: BoilerplateSettings = _DEFAULT_SETTINGS

    def __post_init__(self) -> None:
        if self.numerals is True:
            object.__setattr__(self, "numerals", NUMERAL_MODES[0])  # one spelling of the default
        elif self.numerals is not False and self.numerals not in NUMERAL_MODES:
            raise ValueError(
                "Config.numerals must be 'measures' (the default), 'counts', True (= 'measures') "
                f"or False (off), got {self.numerals!r}"
            )
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type in ("bool", bool) and not isinstance(value, bool):
                raise TypeError(
                    f"Config.{f.name} must be True or False, got {value!r} ({type(value).__name__})"
                )
        if not isinstance(self.boilerplate_settings, BoilerplateSettings):
            raise TypeError(
                "Config.boilerplate_settings must be a BoilerplateSettings, e.g. "
                "Config(boilerplate_settings=reportclean.BoilerplateSettings(max_filler_run=2))"
            )
        if not isinstance(self.lexicons, tuple) or not all(isinstance(x, Lexicon) for x in self.lexicons):
            raise TypeError(
                "Config.lexicons must be a tuple of lexicons, e.g. "
                "Config(lexicons=(reportclean.load_lexicon('my_footers.tsv'),))"
            )

    def user_lexicons(self, kind: str) -> tuple[Lexicon, ...]:
        """The extra lexicons of one kind."""
        return tuple(x for x in self.lexicons if x.kind == kind)

    def steps(self) -> tuple[str, ...]:
        """The names of the steps switched on, in the order they run."""
        return tuple(name for name in STEP_NAMES if getattr(self, name))


#: The pipeline steps, in the order they run: the switches of :class:`Config`.
STEP_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Config) if "step" in f.metadata)
#: Where each step's declaration lives: ``{"width": "_width.WIDTH", ...}``.
STEP_PATHS: dict[str, str] = {f.name: f.metadata["step"] for f in fields(Config) if "step" in f.metadata}
