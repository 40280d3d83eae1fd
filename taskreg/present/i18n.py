"""Rendering the catalogue: the message for a key in a language, which language, and how
numbers, dates and states are written in it.

The text itself is in taskreg.present.messages. Vietnamese follows the administrative style
(SPEC §6): 1.068; 93,88%; quý I/2021; 04/3/2022.
"""

import os
import string
from datetime import date

from taskreg.domain.model import LANGS
from taskreg.present.messages import MESSAGES


class _Formatter(string.Formatter):
    """str.format, plus English plurals: `{n} {n:task|tasks}` gives "1 task", "2 tasks"."""

    def format_field(self, value, format_spec):
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if str(value) == "1" else other
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def t(lang: str, key: str, **values) -> str:
    text = MESSAGES[key][1 if lang == "vi" else 0]
    if not values:
        return text
    # A text with no plural spec is str.format's own (in C): the weekly digest renders two
    # messages for each of its thousands of lines.
    return _FORMATTER.vformat(text, (), values) if "|" in text else text.format_map(values)


def env_lang() -> str | None:
    """TASKREG_LANG, or nothing."""
    value = os.environ.get("TASKREG_LANG", "").strip().lower()
    return value if value in LANGS else None


def locale_lang() -> str:
    """The locale as the environment gives it (vi_* gives vi), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def resolve(option: str | None, register_lang: str | None) -> str:
    """--lang, else TASKREG_LANG, else the register's `config lang`, else the locale."""
    return option or env_lang() or (register_lang if register_lang in LANGS else None) or locale_lang()


# -- numbers, dates, periods ---------------------------------------------------------------


def num(lang: str, n: int) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def pct(lang: str, value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:.2f}%"
    return text.replace(".", ",") if lang == "vi" else text


def day(lang: str, d: date | None) -> str:
    """A date: ISO in English; 04/3/2022, 05/02/2021 in Vietnamese administrative style."""
    if d is None:
        return "—"
    if lang == "vi":
        month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
        return f"{d.day:02d}/{month}/{d.year}"
    return d.isoformat()


def state(lang: str, key: str | None, short: bool = False) -> str:
    """A state's name; "—" for None, a task not yet assigned on the as-of date."""
    return "—" if key is None else t(lang, ("ss_" if short else "s_") + key)
