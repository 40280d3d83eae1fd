"""The vocabulary every layer names: a task's fields, the counts a report gives, the rate
bases, the languages, and the register's settings with their checks.

Defined here once; the command line offers these as choices and completions, the
catalogue (taskreg.present.messages) labels them, storage keeps them. Nothing here reads
or writes a register.
"""

import re
import unicodedata

from taskreg.domain.addresses import check_address
from taskreg.domain.dates import check_day_list
from taskreg.domain.errors import BadInput, Count
from taskreg.domain.text import fold, nfc, text_problem

#: The languages taskreg speaks, the register's default first (README "Language and output").
LANGS = ("vi", "en")

#: Who may do what in a register with rights (PostgreSQL; docs/postgresql.md): the office,
#: a liaison (its own agencies' tasks), a reader.
ROLES = ("office", "liaison", "reader")

#: A task as JSON, in `list`, `show`, `add --format json` and `export` (SPEC §5).
TASK_FIELDS = (
    "id",
    "uid",
    "title",
    "agency",
    "co_agencies",
    "assigned_on",
    "due_on",
    "done_on",
    "cancelled_on",
    "source",
    "source_date",
    "assigned_by",
    "note",
    "result",
    "starred",
    "updated_on",
    "status",
    # SPEC §12: the completion awaits the office's confirmation as of the command's as-of date
    # (taskreg.domain.states `awaiting_sql`); derived, so an import ignores it.
    "awaiting_confirmation",
    # docs/commands.md "recur": the series (`taskreg recur`) that made the task, by its id; null for any other.
    # Kept by a JSON export and import (by the series' uid); CSV and XLSX import ignore it.
    "series",
)
#: What a task holds of its confirmation (migration 0015, docs/states.md): a JSON export
#: carries them so that an import restores the confirmation exactly; the fields above derive from them.
CONFIRMATION_FIELDS = ("awaiting_since", "confirmed_on")
#: Edits that change what past reports say: `show` marks a task with one as corrected, and
#: an edit of one moves a publication's figures.
FIGURE_FIELDS = frozenset({"assigned_on", "due_on", "done_on", "cancelled_on", "agency"})

#: How often a series of periodic tasks makes one (`recur add --every`; docs/commands.md "recur").
EVERY = ("month", "quarter", "half-year", "year")

#: What a report counts of a population (taskreg.domain.figures.Figures), as a publication stores them.
COUNTS = ("population", "on_time", "late", "overdue", "in_progress", "cancelled", "no_deadline")

#: The rows a report gives besides one per agency (`report --by source|assigned-by`,
#: docs/reports.md): the task field each groups by.
GROUPS = ("source", "assigned_by")

#: What a completion rate is taken of (README "Reports"): the tasks due by the as-of date, or all assigned.
RATE_BASES = ("due", "assigned")

#: Settings a user may change, with their allowed values (None: free text) and defaults.
#: A JSON export carries every one; each has a label in the catalogue (`setting:KEY`).
SETTINGS: dict[str, tuple[tuple[str, ...] | None, str | None]] = {
    "org": (None, "UBND tỉnh"),
    "rate-basis": (RATE_BASES, "due"),
    "lang": (LANGS, None),
    # The report document (README "The report as a document"): lines separated by `;`.
    "place": (None, None),
    "recipients": (None, None),
    "signer-title": (None, None),
    "signer-name": (None, None),
    # The header's issuing body (docs/document.md "The header"): lines separated by `;`,
    # by default from `org`; and the superior body on the line above it.
    "issuer": (None, None),
    "issuer-superior": (None, None),
    # README "Publications": refuse a change that would move a published figure.
    "lock-published": (("on", "off"), "off"),
    # The update rate's window in days (docs/reports.md "The update rate"): 1 to MAX_WINDOW.
    "update-window": (None, "7"),
    # SPEC §12: a completion recorded by anyone but the office awaits the office's confirmation.
    "confirm-completion": (("on", "off"), "off"),
    # `taskreg remind` (docs/commands.md "remind"): the days left before a deadline on which
    # a task is due soon (`;`-separated), or, when set, every deadline within this many days.
    "remind-days": (None, "7;3;1"),
    "remind-within": (None, None),
    # `remind --send`: the SMTP server and the sender (a login only from ~/.netrc, never here).
    "smtp-host": (None, "localhost"),
    "smtp-port": (None, "25"),
    "smtp-from": (None, None),
    # Working days (`+Nwd`, `taskreg days-off`; taskreg.domain.workdays): the register's own
    # days off and working days beyond the library's calendar, dates separated by `;`.
    "days-off": (None, None),
    "workdays": (None, None),
}
#: The update rate's window (setting `update-window`): its default, and its longest.
DEFAULT_WINDOW, MAX_WINDOW = 7, 366


def check_window(value: str, what: str = "update-window") -> str:
    """`update-window`: a whole number of days, 1 to MAX_WINDOW."""
    value = value.strip()
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_WINDOW):
        raise BadInput("config_days", setting=what, text=value, low=1, high=MAX_WINDOW)
    return str(int(value))


#: The longest reminder horizon, in days (`remind-days`, `remind-within`, `remind --within`).
MAX_REMIND_DAYS = 3660


def check_days_left(value: str, what: str = "remind-days") -> str:
    """`remind-days`: whole numbers of days left, 0 to MAX_REMIND_DAYS, separated by `;`,
    kept largest first without repeats ("7;3;1")."""
    parts = [p.strip() for p in value.split(";") if p.strip()]
    if not parts or not all(p.isascii() and p.isdigit() and int(p) <= MAX_REMIND_DAYS for p in parts):
        raise BadInput("bad_days_list", text=value, what=what, max=MAX_REMIND_DAYS)
    return ";".join(str(n) for n in sorted({int(p) for p in parts}, reverse=True))


def check_days(value: str, what: str = "remind-within") -> str:
    """A number of days, 0 to MAX_REMIND_DAYS."""
    value = value.strip()
    if not (value.isascii() and value.isdigit() and int(value) <= MAX_REMIND_DAYS):
        raise BadInput("bad_days", text=value, what=what, max=MAX_REMIND_DAYS)
    return str(int(value))


def check_port(value: str, what: str = "smtp-port") -> str:
    value = value.strip()
    if not (value.isascii() and value.isdigit() and 0 < int(value) < 65536):
        raise BadInput("bad_port", text=value, what=what)
    return str(int(value))


#: The settings whose value has a shape of its own: its check, giving the value as kept.
SETTING_CHECKS = {
    "remind-days": check_days_left,
    "remind-within": check_days,
    "smtp-port": check_port,
    "smtp-from": lambda value: check_address(value.strip(), "smtp-from"),
    "update-window": check_window,
    "days-off": lambda value: check_day_list(value, "days-off"),
    "workdays": lambda value: check_day_list(value, "workdays"),
}


#: The Vietnamese words an option of choices takes for its values, as its Vietnamese help
#: lists them (`--status quá hạn`, `--by văn bản`): value → its words. `choice_word` matches
#: them, and the values themselves, after folding and removing spaces, hyphens and
#: underscores: "quá hạn", "quahan", "qua-han" and "Quá Hạn" are one word (docs/commands.md `list`).
CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    "on_time": ("đúng hạn", "hoàn thành đúng hạn", "HT đúng hạn"),
    "late": ("trễ hạn", "hoàn thành quá hạn", "HT quá hạn"),
    "overdue": ("quá hạn", "chưa hoàn thành quá hạn", "Chưa HT quá hạn"),
    "in_progress": ("trong hạn", "còn trong hạn", "chưa hoàn thành còn trong hạn", "Chưa HT trong hạn"),
    "cancelled": ("dừng", "dừng thực hiện"),
    "open": ("chưa hoàn thành",),
    "done": ("đã hoàn thành", "hoàn thành"),
    "awaiting": ("chờ xác nhận",),
    "agency": ("đơn vị", "đơn vị chủ trì"),
    "source": ("văn bản", "văn bản giao"),
    "assigned-by": ("người giao",),
}


def _word_key(text: str) -> str:
    return re.sub(r"[\s\-_‐‑–]+", "", fold(text))


def choice_word(value: str | None, choices) -> str | None:
    """The one of `choices` that `value` names, by the value itself or one of its Vietnamese
    words (CHOICE_WORDS), folded; else `value` as it was given (for check_choice to refuse)."""
    if value is None or value in choices:
        return value
    key = _word_key(value)
    for choice in choices:
        if key in (_word_key(w) for w in (choice, *CHOICE_WORDS.get(choice, ()))):
            return choice
    return value


def check_choice(value: str | None, choices, what: str) -> str | None:
    """A value that is one of its choices (or None), else bad input naming them."""
    if value is not None and value not in choices:
        raise BadInput("bad_choice", text=value, what=what, choices=", ".join(choices))
    return value


def check_setting(key: str, value) -> str:
    """A setting's value as `config set` stores it (NFC text, one of its choices if it has
    them), or bad input naming what is wrong: NUL and text that is not Unicode are refused
    here, where a JSON import's settings pass too."""
    if key not in SETTINGS:
        raise BadInput("config_unknown", setting=key, keys=", ".join(SETTINGS))
    problem = text_problem(value) if value else None  # NUL, or a lone surrogate ("\ud800"): SPEC §8
    if problem:
        raise BadInput(problem)
    value = nfc(value)
    if not value:
        raise BadInput("config_value_needed", setting=key)
    allowed = SETTINGS[key][0]
    if allowed:
        check_choice(value, allowed, key)
    if key in SETTING_CHECKS:
        value = SETTING_CHECKS[key](value)
    return value


#: The longest actor (TASKREG_USER, else the login; SPEC §8): a login or a person's name,
#: not a paragraph. A JSON import checks its history's actors against the same bound.
MAX_ACTOR = 200
#: What an actor may not hold: control characters, format characters (the bidirectional
#: controls, zero-width marks), surrogates (bytes that were not UTF-8), line separators.
_UNPRINTABLE = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def check_actor(text: str) -> str:
    """The actor as every event records it: NFC, outer spaces trimmed, 1 to MAX_ACTOR
    printable characters (SPEC §8), so that a register's own JSON export always imports back;
    else bad input saying what is wrong."""
    for c in text:
        if unicodedata.category(c) in _UNPRINTABLE:
            raise BadInput("actor_unprintable", text=text[:60], max=MAX_ACTOR)
    actor = nfc(text) or ""
    if not actor:
        raise BadInput("actor_blank", max=MAX_ACTOR)
    if len(actor) > MAX_ACTOR:
        raise BadInput("actor_too_long", n=Count(len(actor)), max=MAX_ACTOR)
    return actor
