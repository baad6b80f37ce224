"""reportclean: clean, faithful text from messy Chinese local-government reports.

>>> import reportclean
>>> r = reportclean.clean("２０２３年\\u200b工作总结\\r\\n")
>>> r.text.endswith("工作总结")
True
"""

from ._batch import BatchError, clean_many
from ._bplearn import Boilerplate, learn_boilerplate
from ._chrome import BoilerplateSettings
from ._config import STEP_NAMES, Config
from ._decode import decode
from ._lexicon import LexiconError, load_lexicon
from ._model import (
    SEVERITIES,
    Change,
    CleanResult,
    DecodeResult,
    Heading,
    Meta,
    QualityWarning,
    Quantity,
    Removal,
    Section,
    SectionKind,
    Severity,
)
from ._numbers import parse_number
from ._pandas import clean_pandas, warnings_table
from ._pipeline import CODES, Cleaner, clean

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "SEVERITIES",
    "STEP_NAMES",
    "BatchError",
    "Boilerplate",
    "BoilerplateSettings",
    "Change",
    "CleanResult",
    "Cleaner",
    "Config",
    "DecodeResult",
    "Heading",
    "LexiconError",
    "Meta",
    "QualityWarning",
    "Quantity",
    "Removal",
    "Section",
    "SectionKind",
    "Severity",
    "__version__",
    "clean",
    "clean_many",
    "clean_pandas",
    "decode",
    "learn_boilerplate",
    "load_lexicon",
    "parse_number",
    "warnings_table",
]
