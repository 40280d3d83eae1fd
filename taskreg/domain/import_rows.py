"""What an import checks in a file's cells (the value rules: a text, a date, a formula
never computed) and in a JSON export's own fields: each task's history and deadlines,
field by field, and the kind of each value (SPEC §5). A malformed entry is a row error
(field, catalogue key, values); nothing here writes.
"""

import json
import re
from datetime import date, datetime, timedelta

from taskreg.domain.dates import FIRST_YEAR, ISO_DATE, LAST_YEAR, in_range
from taskreg.domain.errors import BadInput
from taskreg.domain.tasks import TASK_FIELDS
from taskreg.domain.text import nfc, printable

#: What a JSON export's history of a task holds, checked field by field on import.
TASK_ACTIONS = ("add", "done", "reopen", "extend", "cancel", "edit", "amend_published")
DEADLINE_KINDS = ("initial", "extension", "correction")
#: Keys of an event's before/after: the task's fields, and the marks taskreg adds to them.
EVENT_KEYS = (frozenset(TASK_FIELDS) - {"status"}) | {"cancel_reason", "backdated", "decided_on", "publications"}
MAX_ACTOR = 200  # characters: a login or a person's name, not a paragraph
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{3}|\.\d{6})?)?(Z|[+-]\d{2}:\d{2})?")


# -- cells: what a value from a file is --------------------------------------------------------


class UnsavedFormula(str):
    """A formula cell without the value Excel computes when it saves the file."""


UNREADABLE = object()  # a cell already reported as an error: not also "missing"


def text_problem(text: str) -> str | None:
    """Why a text from a file cannot be stored (a catalogue key), or None: NUL is bad input
    (SPEC §8), and a lone surrogate (JSON's "\\ud800") is no Unicode text at all."""
    if "\x00" in text:
        return "import_nul"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "import_bad_unicode"
    return None


def is_iso_date(value) -> bool:
    """Whether a value from a file is an ISO date (2021-03-31) of the years a register holds."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    try:
        in_range(date.fromisoformat(value), value)
    except (ValueError, BadInput):
        return False
    return True


_EXCEL_EPOCH = datetime(1899, 12, 30)


def _excel_day(serial) -> datetime | None:
    """An Excel serial day number as openpyxl.utils.datetime.from_excel reads it (the 1900
    system, Excel's leap day of 1900 counted below 60); None for a time of day alone."""
    day, fraction = divmod(serial, 1)
    diff = timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= serial < 1 and diff.days == 0:
        return None
    if 0 < serial < 60:
        day += 1
    return _EXCEL_EPOCH + timedelta(days=day) + diff


def cell_date(value):
    """A date cell as Excel or JSON gives it: a date, a datetime, an Excel serial, or text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:  # an Excel serial day number: 44286 is 2021-03-31
            found = _excel_day(value)
        except (OverflowError, ValueError):
            found = None
        if found is None:  # past 9999: no date at all
            raise BadInput("date_out_of_range", text=str(value), first=FIRST_YEAR, last=LAST_YEAR)
        value = found
    if isinstance(value, datetime):
        value = value.date()
    return in_range(value, value.isoformat()) if isinstance(value, date) else None


# -- a JSON export's own fields ----------------------------------------------------------------


def shown(value, limit: int = 60) -> str:
    """A value from a file as an error quotes it: short, and no control character raw."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > limit:
        text = text[:limit] + "…"
    return printable(text)


def history_problems(deadlines, history) -> list[tuple]:
    """(field, key, values) for each malformed entry of a task's deadlines and history."""
    problems: list[tuple] = []
    for field, entries, check in (("deadlines", deadlines, _deadline_problems), ("history", history, _event_problems)):
        if entries is None:
            continue
        if not isinstance(entries, list):
            problems.append((field, "import_history_bad", {}))
            continue
        for i, entry in enumerate(entries):
            problems += check(entry, f"{field}[{i}]")
    return problems


def _timestamp_ok(value) -> bool:
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        return False
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return FIRST_YEAR <= at.year <= LAST_YEAR


def _text_or_null(value, where: str) -> list[tuple]:
    if value is None:
        return []
    if not isinstance(value, str):
        return [(where, "import_not_text", {})]
    problem = text_problem(value)
    return [(where, problem, {})] if problem else []


def _date_or_null(value, where: str) -> list[tuple]:
    if value is None or is_iso_date(value):
        return []
    return [(where, "import_bad_iso_date", {"text": shown(value), "first": FIRST_YEAR, "last": LAST_YEAR})]


def _event_problems(e, where: str) -> list[tuple]:
    """An event of a task's history, as a JSON export writes it, checked field by field."""
    if not isinstance(e, dict):
        return [(where, "import_not_object", {})]
    problems: list[tuple] = []
    if not (isinstance(e.get("action"), str) and e["action"] in TASK_ACTIONS):
        problems.append(
            (
                f"{where}.action",
                "import_event_action",
                {"text": shown(e.get("action")), "choices": ", ".join(TASK_ACTIONS)},
            )
        )
    if not _timestamp_ok(e.get("at")):
        problems.append(
            (
                f"{where}.at",
                "import_bad_timestamp",
                {"text": shown(e.get("at")), "first": FIRST_YEAR, "last": LAST_YEAR},
            )
        )
    actor = e.get("actor")
    if not (isinstance(actor, str) and nfc(actor) and len(actor) <= MAX_ACTOR):
        problems.append((f"{where}.actor", "import_bad_actor", {"max": MAX_ACTOR}))
    else:
        problems += _text_or_null(actor, f"{where}.actor")
    for side in ("before", "after"):
        problems += _changes_problems(e.get(side), f"{where}.{side}")
    problems += _text_or_null(e.get("reason"), f"{where}.reason")
    for key in ("claimed_on", "correction_from"):  # the dates an event claims, if the file has them
        problems += _date_or_null(e.get(key), f"{where}.{key}")
    return problems


def _is_date_or_null(value) -> bool:
    return value is None or is_iso_date(value)


#: Fields of an event's before/after whose value has one shape: dates, the coordinating
#: agencies, the backdated mark, the task id.
_VALUE_SHAPES = {
    **{
        key: (_is_date_or_null, "import_bad_iso_date")
        for key in ("assigned_on", "due_on", "done_on", "cancelled_on", "source_date", "decided_on")
    },
    "co_agencies": (lambda v: isinstance(v, list), "import_bad_value"),
    "backdated": (lambda v: isinstance(v, bool), "import_bad_value"),
    "id": (lambda v: isinstance(v, int) and not isinstance(v, bool), "import_bad_value"),
    **{
        key: (lambda v: v is None or isinstance(v, str), "import_not_text")
        for key in ("title", "agency", "uid", "source", "assigned_by", "note", "result", "cancel_reason")
    },
}


def _changes_problems(changes, where: str) -> list[tuple]:
    """An event's before or after: null, or task fields with text, numbers, true/false,
    null or lists of texts as values."""
    if changes is None:
        return []
    if not isinstance(changes, dict):
        return [(where, "import_bad_changes", {})]
    problems: list[tuple] = []
    for key, value in changes.items():
        if key not in EVENT_KEYS:
            problems.append((where, "import_unknown_field", {"text": shown(key)}))
            continue
        texts = value if isinstance(value, list) else [value]
        if not all(v is None or isinstance(v, (str, int, float, bool)) for v in texts) or (
            isinstance(value, list) and not all(isinstance(v, str) for v in value)
        ):
            problems.append((f"{where}.{key}", "import_bad_value", {}))
            continue
        if shape := _VALUE_SHAPES.get(key):  # the shape taskreg itself writes for this field
            ok, key_of_problem = shape
            if not ok(value):
                problems.append(
                    (f"{where}.{key}", key_of_problem, {"text": shown(value), "first": FIRST_YEAR, "last": LAST_YEAR})
                )
                continue
        for v in texts:
            if isinstance(v, str) and (problem := text_problem(v)):
                problems.append((f"{where}.{key}", problem, {}))
                break
    return problems


def _deadline_problems(d, where: str) -> list[tuple]:
    """A deadline of a task's history, as a JSON export writes it, checked field by field."""
    if not isinstance(d, dict):
        return [(where, "import_not_object", {})]
    problems = _date_or_null(d.get("due_on"), f"{where}.due_on")
    kind = d.get("kind")
    if kind is not None and not (isinstance(kind, str) and kind in DEADLINE_KINDS):
        problems.append(
            (f"{where}.kind", "import_bad_kind", {"text": shown(kind), "choices": ", ".join(DEADLINE_KINDS)})
        )
    problems += _date_or_null(d.get("decided_on"), f"{where}.decided_on")
    problems += _text_or_null(d.get("reason"), f"{where}.reason")
    return problems


def json_cell_problem(field: str, value) -> str | None:
    """Why a JSON task field's value is of a kind no export writes (a catalogue key), or None:
    text, a number or null; coordinating agencies may also be a list of texts."""
    if field == "co_agencies" and isinstance(value, list):
        return "import_co_kind"  # a list of texts was joined already: this one holds other things
    if value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool)):
        return None
    return "import_cell_kind"


DATE_FIELDS = {"assigned_on", "due_on", "done_on", "cancelled_on", "source_date"}


def cell(field: str, value):
    """A spreadsheet cell as the field needs it: text as NFC; a number in a text column as text."""
    if isinstance(value, str):
        return nfc(value)
    if value is None or value is UNREADABLE or field in DATE_FIELDS:
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
