"""The ``outline`` command's printing: a report's outline as an indented tree, each
section with its kind, and what the report says about itself (pure: text in, text out).
"""

from __future__ import annotations

from ._model import CleanResult

__all__ = ["format_outline"]

_META = ("title", "date", "issuer", "place", "review_years", "plan_years")


def format_outline(result: CleanResult) -> str:
    """The outline of ``result`` as lines: the meta that was found, then one line per
    heading, indented two spaces a level below the shallowest, with its section's kind.

    >>> from reportclean import clean
    >>> r = clean("东湖镇2023年工作总结\\n一、主要工作\\n（一）党建\\n开展学习3次。\\n二、存在的问题\\n人手不足。")
    >>> print(format_outline(r))
    title: 东湖镇2023年工作总结
    place: 东湖镇
    review_years: 2023
    一、主要工作  [review]
      （一）党建  [review]
    二、存在的问题  [other]
    >>> format_outline(clean("没有标题，也没有提纲。"))
    '(no outline)'
    """
    lines = []
    meta = result.meta
    for name in _META:
        value = getattr(meta, name)
        if value is not None:
            lines.append(f"{name}: {', '.join(map(str, value)) if isinstance(value, tuple) else value}")
    top = min((h.level for h in result.outline), default=1)
    for heading, section in zip(result.outline, result.sections, strict=True):
        label = heading.label
        if label and label[-1] not in "）.①②③④⑤⑥⑦⑧⑨⑩" and not label[-1].isdigit() and not label.startswith("第"):
            label += "、"
        elif label and label[-1].isdigit():
            label += " "
        elif label.endswith("."):
            label += " "
        lines.append(f"{'  ' * max(0, heading.level - top)}{label}{heading.title}  [{section.kind}]")
    if not result.outline:
        lines.append("(no outline)")
    return "\n".join(lines)
