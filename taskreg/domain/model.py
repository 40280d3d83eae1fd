"""The vocabulary every layer names: a task's fields, the counts a report gives, the rate
bases, the languages, and the register's settings with their checks.

Defined here once; the command line offers these as choices and completions, the
catalogue (taskreg.present.messages) labels them, storage keeps them. Nothing here reads
or writes a register.
"""

from taskreg.domain.errors import BadInput
from taskreg.domain.text import nfc, text_problem

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
    "status",
)
#: Edits that change what past reports say: `show` marks a task with one as corrected, and
#: an edit of one moves a publication's figures.
FIGURE_FIELDS = frozenset({"assigned_on", "due_on", "done_on", "cancelled_on", "agency"})

#: What a report counts of a population (taskreg.domain.figures.Figures), as a publication stores them.
COUNTS = ("population", "on_time", "late", "overdue", "in_progress", "cancelled", "no_deadline")

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
    # README "Publications": refuse a change that would move a published figure.
    "lock-published": (("on", "off"), "off"),
}


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
    problem = text_problem(value)  # NUL, or a lone surrogate (a JSON file's "\ud800"): SPEC §8
    if problem:
        raise BadInput(problem)
    value = nfc(value)
    if not value:
        raise BadInput("config_value_needed", setting=key)
    allowed = SETTINGS[key][0]
    if allowed:
        check_choice(value, allowed, key)
    return value
