"""Learn the boilerplate of one source from many of its documents (batch mode).

Lines that stand at the top or bottom of most documents of a source (a site's
footer, a reseller's slogan) are returned as a user lexicon of kind
``boilerplate``; the boilerplate step then removes them as ``learned-line``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from ._boilerplate import _builtin
from ._bptext import HEADING, TERMINATORS
from ._lexicon import Lexicon

__all__ = ["Boilerplate", "learn_boilerplate"]

_HEADING = HEADING
_TERMINATORS = TERMINATORS
_NUMBERS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万亿两]+")


class Boilerplate:
    """Learn lines that repeat across many documents of one source.

    Pure: give it texts (:meth:`add`), get a user lexicon of kind ``boilerplate``
    (:meth:`lexicon`) to pass to ``Config(lexicons=...)``. A line is a candidate
    when it stands within ``edge`` non-blank lines of the top or bottom of at
    least ``min_documents`` documents and ``min_share`` of all documents. Lines
    that are headings, end like sentences (unless they hold a watermark or
    footer marker), or have a twin that differs only in its numbers are never
    candidates: templated report sentences are not boilerplate.

    >>> docs = [f"标题{i}\\n正文第{i}段。\\n本站文章仅供参考 网站地图\\n" for i in range(4)]
    >>> learner = Boilerplate(min_documents=3)
    >>> for d in docs:
    ...     learner.add(d)
    >>> learner.candidates()
    [('本站文章仅供参考 网站地图', 4)]
    >>> learner.lexicon().rows[0][:2]
    ('本站文章仅供参考 网站地图', 'line')
    """

    def __init__(self, *, min_documents: int = 3, min_share: float = 0.5, edge: int = 8) -> None:
        if not isinstance(min_documents, int) or min_documents < 2:
            raise ValueError(f"min_documents must be an int >= 2, got {min_documents!r}")
        if not 0 < min_share <= 1:
            raise ValueError(f"min_share must be a fraction in (0, 1], got {min_share!r}")
        self.min_documents = min_documents
        self.min_share = min_share
        self.edge = edge
        self.documents = 0
        self._docs: Counter[str] = Counter()
        # hash of a line with its numbers masked -> hash of the first line seen with that mask
        self._twins: dict[int, int] = {}
        self._several: set[int] = set()  # masks seen with two different lines

    def add(self, text: str) -> None:
        """Count the lines at the top and bottom of one document."""
        if not isinstance(text, str):
            raise TypeError(f"Boilerplate.add() takes str, got {type(text).__name__}; decode bytes first")
        self.documents += 1
        lines = [unicodedata.normalize("NFC", x.strip()) for x in text.splitlines()]
        lines = [x for x in lines if x]
        for x in set(lines):
            mask = hash(_NUMBERS.sub("0", x))
            if self._twins.setdefault(mask, hash(x)) != hash(x):
                self._several.add(mask)
        edge = set(lines[: self.edge]) | set(lines[-self.edge :])
        self._docs.update(edge)

    def candidates(self) -> list[tuple[str, int]]:
        """Learned lines with the number of documents holding them, most frequent first."""
        need = max(self.min_documents, self.min_share * self.documents)
        out = []
        for line, n in self._docs.items():
            if n < need or not 2 <= len(line) <= 200 or _HEADING.match(line) or "\t" in line or line[0] == "#":
                continue
            if hash(_NUMBERS.sub("0", line)) in self._several:
                continue
            if line[-1] in _TERMINATORS and not any(_builtin().rules.hits(line)):
                continue
            out.append((line, n))
        return sorted(out, key=lambda x: (-x[1], x[0]))

    def lexicon(self, name: str = "learned-boilerplate") -> Lexicon:
        """The candidates as a lexicon of kind ``boilerplate`` (family ``line``)."""
        rows = sorted(
            (line, "line", "strong", f"in {n} of {self.documents} documents") for line, n in self.candidates()
        )
        return Lexicon(name, "boilerplate", ("phrase", "family", "weight", "note"), tuple(rows), "learned")


def learn_boilerplate(texts: Iterable[str], **options: float) -> Lexicon:
    """Learn a boilerplate lexicon from many documents of one source (see :class:`Boilerplate`)."""
    learner = Boilerplate(**options)  # type: ignore[arg-type]
    for text in texts:
        learner.add(text)
    return learner.lexicon()
