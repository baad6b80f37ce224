"""The command line's configuration: ``reportclean.toml`` or ``[tool.reportclean]`` in
``pyproject.toml``, then the flags (which win).

The file is found as ruff finds its own: from the current folder upwards, the first
``reportclean.toml``, ``.reportclean.toml`` or ``pyproject.toml`` holding a
``[tool.reportclean]`` table; ``--config FILE`` names one, ``--isolated`` ignores them.
Keys (``-`` or ``_`` alike)::

    disable = ["numerals", "script"]   # steps switched off (names as in Config)
    enable = []                        # steps switched on again
    mark-placeholders = true           # the Config options of the same name
    simplified = false
    lexicons = ["lexicons/footers.tsv"]  # user lexicons, relative to the file
    numerals = false                   # a step by name, as in Config

>>> settings_from({"disable": ["numerals"], "mark-placeholders": True}, Path("x.toml"))
{'numerals': False, 'mark_placeholders': True}
>>> settings_from({"numeral": False}, Path("x.toml"))
Traceback (most recent call last):
...
reportclean._settings.SettingsError: x.toml: unknown key 'numeral'; did you mean 'numerals'?
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._config import STEP_NAMES, Config
from ._lexicon import Lexicon, LexiconError, load_lexicon

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["CONFIG_FILES", "SettingsError", "build_config", "find_config", "read_config", "settings_from"]

#: Files looked for, in this order, in each folder from the current one upwards.
CONFIG_FILES = ("reportclean.toml", ".reportclean.toml", "pyproject.toml")
#: Config options settable by name besides the steps.
OPTIONS = ("mark_placeholders", "simplified")


class SettingsError(Exception):
    """A configuration file or flag that cannot be used; the message names it."""


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in ``start``, or None."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            path = folder / name
            if path.is_file() and (name != "pyproject.toml" or (_mentions_us(path) and _tool_table(path) is not None)):
                return path
    return None


def _mentions_us(path: Path) -> bool:
    """A pyproject.toml that names ``tool.reportclean`` (others, even broken ones, are not ours to read)."""
    try:
        return b"tool.reportclean" in path.read_bytes()
    except OSError:
        return False


def _tool_table(path: Path) -> dict[str, Any] | None:
    data = _load_toml(path)
    table = data.get("tool", {}).get("reportclean")
    if table is not None and not isinstance(table, dict):
        raise SettingsError(f"{path}: [tool.reportclean] must be a table")
    return table


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
            return data
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_config(path: Path) -> dict[str, Any]:
    """The settings of one file, as Config keyword arguments (lexicons loaded)."""
    table = _tool_table(path) if path.name == "pyproject.toml" else _load_toml(path)
    if table is None:
        raise SettingsError(f"{path}: no [tool.reportclean] table")
    return settings_from(table, path)


def settings_from(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """Config keyword arguments from a parsed table (``path`` names it in errors and
    anchors relative lexicon paths)."""
    known = (*STEP_NAMES, *OPTIONS, "disable", "enable", "lexicons")
    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean {near[0].replace('_', '-') if '-' in raw_key else near[0]!r}?" if near else ""
            raise SettingsError(f"{path}: unknown key {raw_key!r}{hint}")
        if key in ("disable", "enable"):
            for step in _steps(value, f"{path}: {raw_key}"):
                out[step] = key == "enable"
        elif key == "lexicons":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SettingsError(f"{path}: lexicons must be a list of file names")
            out["lexicons"] = tuple(_lexicon(path.parent / v) for v in value)
        elif not isinstance(value, bool):
            raise SettingsError(f"{path}: {raw_key} must be true or false, got {value!r}")
        else:
            out[key] = value
    return out


def _steps(value: Any, where: str) -> list[str]:
    names = value.split(",") if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(v, str) for v in names):
        raise SettingsError(f"{where}: give a list of step names")
    steps = []
    for name in (n.strip() for n in names):
        if name not in STEP_NAMES:
            near = difflib.get_close_matches(name, STEP_NAMES, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; the steps are {', '.join(STEP_NAMES)}"
            raise SettingsError(f"{where}: unknown step {name!r}{hint}")
        steps.append(name)
    return steps


def _lexicon(path: Path) -> Lexicon:
    try:
        return load_lexicon(path)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the lexicon ({exc.strerror or exc})") from None
    except LexiconError as exc:
        raise SettingsError(str(exc)) from None


def build_config(
    config_file: Path | None,
    disable: Sequence[str] = (),
    enable: Sequence[str] = (),
    lexicons: Sequence[str] = (),
    options: Sequence[str] = (),
) -> Config:
    """A Config from a file's settings (if any), then the flags."""
    kwargs = read_config(config_file) if config_file is not None else {}
    for value in disable:
        kwargs.update(dict.fromkeys(_steps(value, "--disable"), False))
    for value in enable:
        kwargs.update(dict.fromkeys(_steps(value, "--enable"), True))
    kwargs.update(dict.fromkeys(options, True))
    if lexicons:
        kwargs["lexicons"] = (*kwargs.get("lexicons", ()), *(_lexicon(Path(p)) for p in lexicons))
    return Config(**kwargs)
