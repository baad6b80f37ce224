"""Decoding on chardet's own test files: which codec reportclean chooses, per encoding folder.

chardet's repository keeps real pages per encoding under ``tests/<ENCODING>[-language]/``.
This script runs every file through :func:`reportclean.decode` (what ``clean(bytes)``
uses) and prints one row per folder:

- ``chosen``: the codecs reportclean named, with counts;
- ``right``: files whose text equals the bytes decoded with the folder's true encoding
  (errors replaced on both sides when the true codec is not strict-clean);
- ``family``: files decoded with a codec of the right family (GB, Big5, UTF, Japanese,
  Korean; single-byte codecs by script, e.g. KOI8-R, cp1251 and ISO-8859-5 are Cyrillic);
- ``silent-zh``: files of a non-Chinese encoding decoded as GB18030 or Big5 *without*
  an ``encoding-guessed`` warning (the failure issue 13 is about);
- ``warned``: files with an ``encoding-guessed`` warning; ``conf``: mean confidence.

Run: ``python benchmarks/chardet_suite.py /path/to/chardet/tests [--markdown] [--files]``.
The chardet files are third-party pages: keep them outside this repository.
"""

from __future__ import annotations

import codecs
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402

#: folder name (lower case, language suffix removed) -> Python codec
_TRUE = {
    "ascii": "ascii",
    "big5": "big5hkscs",
    "cp932": "cp932",
    "cp949": "cp949",
    "euc-jp": "euc_jp",
    "euc-kr": "euc_kr",
    "euc-tw": None,  # Python has no EUC-TW codec
    "gb2312": "gb18030",
    "ibm855": "cp855",
    "ibm866": "cp866",
    "johab": "johab",
    "koi8-r": "koi8_r",
    "maccyrillic": "mac_cyrillic",
    "macroman": "mac_roman",
    "shift_jis": "cp932",
    "tis-620": "cp874",
    "utf-16": "utf-16",
    "utf-16be": "utf-16-be",
    "utf-16le": "utf-16-le",
    "utf-32": "utf-32",
    "utf-32be": "utf-32-be",
    "utf-32le": "utf-32-le",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "iso-2022-jp": "iso2022_jp",
    "iso-2022-kr": "iso2022_kr",
}

_FAMILIES = {
    "gb": {"gb2312", "gbk", "gb18030", "hz"},
    "big5": {"big5", "cp950", "big5hkscs"},
    "utf": {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii"},
    "ja": {"euc_jp", "shift_jis", "cp932", "iso2022_jp", "iso2022_jp_2", "shift_jisx0213", "euc_jis_2004"},
    "ko": {"euc_kr", "cp949", "johab", "iso2022_kr"},
    # single-byte codecs by script: the ISO and Windows code pages of one script
    "western": {"latin-1", "iso8859-1", "iso8859-15", "cp1252", "mac-roman"},
    "central-european": {"iso8859-2", "cp1250"},
    "cyrillic": {"koi8-r", "cp1251", "iso8859-5", "cp866", "cp855", "mac-cyrillic"},
    "greek": {"iso8859-7", "cp1253"},
    "turkish": {"iso8859-9", "cp1254"},
    "thai": {"tis-620", "cp874"},
}


def true_codec(folder: str) -> str | None:
    """The Python codec of a chardet test folder (``iso-8859-2-czech`` -> ``iso8859-2``)."""
    name = folder.lower()
    if name in _TRUE:
        return _TRUE[name]
    for prefix in ("iso-8859-", "windows-"):
        if name.startswith(prefix):
            base = "-".join(name.split("-")[:3] if prefix == "iso-8859-" else name.split("-")[:2])
            return codecs.lookup(base).name
    return codecs.lookup(name).name


def family(codec: str) -> str:
    """GB, Big5, UTF, Japanese, Korean, or the codec itself (single-byte encodings)."""
    name = codecs.lookup(codec).name if codec not in ("utf-16", "utf-32") else codec
    for fam, members in _FAMILIES.items():
        if name in members or codec in members:
            return fam
    return name


def _norm(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def measure(tests: Path) -> list[dict[str, object]]:
    """One row per folder of ``tests``, and one record per file in ``row['files']``."""
    rows: list[dict[str, object]] = []
    for folder in sorted(p for p in tests.iterdir() if p.is_dir()):
        truth = true_codec(folder.name)
        chosen: Counter[str] = Counter()
        right = fam_ok = silent = warned = 0
        conf = 0.0
        files = []
        paths = sorted(p for p in folder.iterdir() if p.is_file())
        for path in paths:
            raw = path.read_bytes()
            r = reportclean.decode(raw)
            chosen[r.encoding] += 1
            conf += r.confidence
            guessed = any(w.code == "encoding-guessed" for w in r.warnings)
            warned += guessed
            ok = False
            if truth is not None:
                expected = raw.decode(truth, errors="replace")
                ok = _norm(r.text) == _norm(expected)
            right += ok
            same_family = truth is not None and family(r.encoding) == family(truth)
            if truth is None:  # EUC-TW: traditional Chinese, no Python codec
                same_family = family(r.encoding) == "big5" and "\ufffd" not in r.text
            fam_ok += same_family
            truth_fam = family(truth) if truth else "big5"
            is_zh = family(r.encoding) in ("gb", "big5")
            if is_zh and truth_fam not in ("gb", "big5") and not guessed:
                silent += 1
            files.append((path.name, r.encoding, round(r.confidence, 2), ok, [w.code for w in r.warnings]))
        rows.append(
            {
                "folder": folder.name,
                "n": len(paths),
                "chosen": ", ".join(f"{k} {v}" for k, v in chosen.most_common()),
                "right": right,
                "family": fam_ok,
                "silent": silent,
                "warned": warned,
                "conf": conf / max(len(paths), 1),
                "files": files,
            }
        )
    return rows


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python benchmarks/chardet_suite.py /path/to/chardet/tests [--markdown] [--files]")
        return 2
    rows = measure(Path(args[0]))
    md = "--markdown" in argv
    head = ("folder", "files", "chosen", "right", "family", "silent-zh", "warned", "conf")
    if md:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
    else:
        print(f"{'folder':26} {'n':>3} {'right':>5} {'fam':>4} {'silent':>6} {'warn':>4} {'conf':>5}  chosen")
    tot = Counter[str]()
    for row in rows:
        for k in ("n", "right", "family", "silent", "warned"):
            tot[k] += int(row[k])  # type: ignore[call-overload]
        if md:
            print(f"| {row['folder']} | {row['n']} | {row['chosen']} | {row['right']} | {row['family']} | "
                  f"{row['silent']} | {row['warned']} | {row['conf']:.2f} |")
        else:
            print(f"{row['folder']:26} {row['n']:>3} {row['right']:>5} {row['family']:>4} {row['silent']:>6} "
                  f"{row['warned']:>4} {row['conf']:>5.2f}  {row['chosen']}")
        if "--files" in argv:
            for name, enc, conf, ok, codes in row["files"]:  # type: ignore[attr-defined]
                print(f"    {name:40} {enc:12} {conf:4} {'ok' if ok else 'WRONG'} {','.join(codes)}")
    total = f"{tot['n']} files: {tot['right']} right text, {tot['family']} right family, "
    total += f"{tot['silent']} silently Chinese, {tot['warned']} warned"
    print(("\n" if md else "") + total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
