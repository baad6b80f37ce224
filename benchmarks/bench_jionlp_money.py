"""JioNLP's money-parser test cases, run through reportclean's quantities (an outside check).

    python benchmarks/bench_jionlp_money.py [PATH]

PATH is JioNLP's ``test/test_money_parser.py`` (github:dongrixinyu/JioNLP), or a git
directory holding it (then ``git show HEAD:test/test_money_parser.py`` reads it); by default
the mirror the search tool's ``fetch`` leaves in /work/.mirror. The cases are read from that
file when the script runs, never copied here.

Each case is an amount and what JioNLP makes of it (number or [low, high], currency). The
script cleans the amount with :func:`reportclean.clean` and compares the widest quantity found:
value (and ``high`` for a range) and currency. Cases are sorted into:

- ``in scope``: amounts as reports write them (Arabic, Chinese or mixed numerals, 万/亿, ranges
  with a dash or 至/到, 角 and 分, 约/近, a currency reports name: 元, 港元, 美元, 欧元, 新台币);
- ``colloquial``: 块, 毛, 钱, ``15k``, ``30w``;
- ``vague``: 几十万, 数十亿, 十几, ``3000多`` as a range, 八九亿 (reportclean marks these
  approximate or leaves them, by design: a report's figure is one figure);
- ``other currency``: 日元, 泰铢, 卢布, 韩元, 澳元 (not in data/units.tsv), and 三万元欧元;
- ``no unit``: a number with no currency or money word at all (``三百万``, ``小于40万``):
  reportclean reads a bare 万 as money only in a sentence about money, and a Chinese numeral
  with no unit not at all (a word as often as a number);
- ``full-width comma``: ``82，225.00元``: in Chinese text ``，`` separates clauses, so reportclean
  reads no thousands separator in it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402

DEFAULT = Path("/work/.mirror/dongrixinyu+JioNLP/repo")
CURRENCY = {"元": "CNY", "港元": "HKD", "美元": "USD", "欧元": "EUR", "新台币": "TWD"}
OTHER = ("日元", "泰铢", "卢布", "韩元", "澳元")
COLLOQUIAL = ("块", "毛", "钱", "k", "w")
VAGUE = ("几", "数十", "十几", "多", "八九", "三五", "四五", "两个亿")


def load(path: Path) -> list[tuple[str, dict[str, object]]]:
    """The (amount, expected) pairs of JioNLP's test file."""
    if path.is_dir():
        source = subprocess.run(
            ["git", "--git-dir", str(path), "show", "HEAD:test/test_money_parser.py"],
            check=True, capture_output=True, text=True,
        ).stdout
    else:
        source = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "money_string_list":
            return [(a, b) for a, b in ast.literal_eval(node.value)]
    raise SystemExit(f"{path}: no money_string_list found; pass JioNLP's test/test_money_parser.py")


def kind(text: str, expected: dict[str, object]) -> str:
    if any(c in text for c in OTHER) or expected["case"] in OTHER or text.count("元") > 1:
        return "other currency"
    if "，" in text:
        return "full-width comma"
    if any(c in text for c in COLLOQUIAL):
        return "colloquial"
    if any(c in text for c in VAGUE) and isinstance(expected["num"], list):
        return "vague"
    if not any(c in text for c in ("元", "圆", "币", "美", "欧", "港", "台")):
        return "no unit"
    return "in scope"


def check(text: str, expected: dict[str, object]) -> tuple[bool, str]:
    r = reportclean.clean(text)
    if not r.quantities:
        return False, "no quantity"
    q = max(r.quantities, key=lambda x: x.span[1] - x.span[0])
    want = expected["num"]
    low, high = (want if isinstance(want, list) else [want, None])
    ok = q.value == Decimal(str(low))
    if high is not None:
        ok = ok and q.high is not None and q.high == Decimal(str(high))
    currency = CURRENCY.get(str(expected["case"]))
    ok = ok and (currency is None or q.unit == currency)
    got = f"{q.text!r} value={q.value} high={q.high} unit={q.unit}"
    return ok, got


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    cases = load(path)
    tally: Counter[tuple[str, bool]] = Counter()
    for text, expected in cases:
        k = kind(text, expected)
        ok, got = check(text, expected)
        tally[k, ok] += 1
        if k == "in scope" and not ok:
            print(f"  in scope, differs: {text!r}: JioNLP {expected['num']} {expected['case']}; reportclean {got}")
    print(f"{len(cases)} cases from {path}")
    for k in ("in scope", "colloquial", "vague", "other currency", "no unit", "full-width comma"):
        right, wrong = tally[k, True], tally[k, False]
        print(f"  {k:15} {right}/{right + wrong} agree")


if __name__ == "__main__":
    main()
