"""What an import checks in each row of a file, given as plain cells (SPEC §5).

A format reader (taskreg.formats.csv_json.read_file) hands the import an `ImportFile`: its
rows as dicts of cells, and which column holds which field. Here each row is read and
checked: each cell's kind and text, the task's agencies and dates by the rules every
command applies (taskreg.domain.agencies, .dates, .tasks), and in a JSON export's own
fields each task's history and deadlines. A problem is a row error (row, column, catalogue
key, values); nothing here writes.
"""

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from taskreg.domain.agencies import check_lead
from taskreg.domain.dates import FIRST_YEAR, ISO_DATE, LAST_YEAR, in_range, iso, parse_date, parse_deadline
from taskreg.domain.errors import BadInput, Day, Ref
from taskreg.domain.model import CONFIRMATION_FIELDS, MAX_ACTOR, TASK_FIELDS, check_setting
from taskreg.domain.tasks import not_after_today, not_before_assigned, not_future
from taskreg.domain.text import fold, nfc, printable, symbol_doubt, text_problem
from taskreg.domain.workdays import Calendar

#: The columns a file of tasks must have: a task is nothing without them.
REQUIRED = ("title", "agency", "assigned_on")
DATE_FIELDS = {"assigned_on", "due_on", "done_on", "cancelled_on", "source_date", *CONFIRMATION_FIELDS}
NO_DEADLINE_MARKERS = {"1970-01-01"}  # document systems export "no deadline" as 01/01/1970
MAX_ID = 2**63 - 1
CACHE_MAX = 100_000  # texts an import keeps what it read them as (RowReader.once)


class ImportFile:
    """A file of tasks as a format reader hands it to the import: its rows as plain cells,
    which column holds which field, and what a JSON export carries besides its tasks.

    `columns`: (header, field) of each column a field reads, in the file's order. `column`:
    how a row's error names each field's column (its header, or a name rendered in the
    message's language). `rows`: (row number, {header: cell}) from the first row after the
    headers, a JSON entry that is no object as it is (the import reports it); `reread`: the
    rows once more, from the first (--create-agencies reads a file's agencies first).
    `unknown`: the headers no field knows. A JSON export's `settings` (checked_settings'),
    agency `directory` (by folded code) and `publications` (as the file has them);
    `gives_ids`: whether any of its tasks gives its id (asked of an empty register).
    """

    def __init__(
        self,
        path: Path,
        fmt: str,
        columns: list[tuple],
        column: dict[str, object],
        rows: Iterator[tuple[int, object]],
        reread: Callable[[], Iterator[tuple[int, object]]],
        unknown: list[str] | None = None,
        settings: dict[str, str] | None = None,
        directory: dict[str, dict] | None = None,
        publications: object = None,
        gives_ids: Callable[[], bool] = lambda: False,
        series: object = None,
        mergers: object = None,
    ):
        self.path, self.fmt, self.columns, self.column = path, fmt, columns, column
        self.rows, self.reread, self.unknown = rows, reread, unknown or []
        self.settings, self.directory = settings or {}, directory or {}
        self.publications, self.gives_ids = publications, gives_ids
        self.series = series  # a JSON export's series of periodic tasks (taskreg.domain.imports)
        self.mergers = mergers  # a JSON export's mergers in force (docs/commands.md "agency merge")


def checked_settings(settings: dict) -> dict[str, str]:
    """A JSON file's settings, each checked as `config set` checks it; one bad: bad input."""
    checked = {}
    for key, value in settings.items():
        if not isinstance(value, str):
            raise BadInput(
                "import_setting_bad", setting=shown(key), value=shown(value), reason=Ref("import_setting_not_text")
            )
        try:
            checked[key] = check_setting(key, value)
        except BadInput as e:
            raise BadInput(
                "import_setting_bad", setting=shown(key), value=shown(value), reason=(e.key, e.values)
            ) from None
    return checked


# -- cells: what a value from a file is --------------------------------------------------------


class UnsavedFormula(str):
    """A formula cell without the value Excel computes when it saves the file."""


UNREADABLE = object()  # a cell already reported as an error: not also "missing"


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


#: How a file says a task is a key task (docs/import-export.md `import`), folded: what taskreg's exports write
#: (true/false in CSV and JSON, "có"/"yes" or empty in XLSX), and the marks offices use.
STARRED_YES = frozenset({"true", "1", "x", "yes", "y", "co", "★", "*"})
STARRED_NO = frozenset({"false", "0", "no", "n", "khong"})


def starred_cell(value) -> bool:
    """A `starred` cell as a truth value: true/false, 1/0, x, có/không (any case, with or
    without diacritics), a JSON or spreadsheet true/false; else bad input quoting it."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    folded = fold(str(value))
    if folded in STARRED_YES or folded in STARRED_NO:
        return folded in STARRED_YES
    raise BadInput("import_bad_starred", text=shown(value))


def cell(field: str, value):
    """A spreadsheet cell as the field needs it: text as NFC; a number in a text column as
    text; a date's or `starred`'s cell as it is, for its own reading."""
    if isinstance(value, str):
        return nfc(value)
    if value is None or value is UNREADABLE or field in DATE_FIELDS or field == "starred":
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


#: What a JSON export's history of a task holds, checked field by field on import.
TASK_ACTIONS = (
    *("add", "done", "reopen", "extend", "cancel", "edit", "amend_published"),
    *("update", "confirm", "return", "remind"),
)
DEADLINE_KINDS = ("initial", "extension", "correction")
#: Keys of an event's before/after: the task's fields, and the marks taskreg adds to them
#: (`to`: the addresses a reminder went to, taskreg.domain.reminders).
EVENT_KEYS = (
    (frozenset(TASK_FIELDS) - {"status", "updated_on", "awaiting_confirmation"})
    | {"cancel_reason", "backdated", "decided_on", "publications", "to"}
    | {"progress"}  # a progress report's text (`update`)
    | frozenset(CONFIRMATION_FIELDS)
)
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{3}|\.\d{6})?)?(Z|[+-]\d{2}:\d{2})?")


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
        for key in (
            "assigned_on",
            "due_on",
            "done_on",
            "cancelled_on",
            "source_date",
            "decided_on",
            *CONFIRMATION_FIELDS,
        )
    },
    "co_agencies": (lambda v: isinstance(v, list), "import_bad_value"),
    "backdated": (lambda v: isinstance(v, bool), "import_bad_value"),
    "starred": (lambda v: isinstance(v, bool), "import_bad_value"),
    "id": (lambda v: isinstance(v, int) and not isinstance(v, bool), "import_bad_value"),
    **{
        key: (lambda v: v is None or isinstance(v, str), "import_not_text")
        for key in ("title", "agency", "uid", "source", "assigned_by", "note", "result", "cancel_reason", "to")
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
    if field == "starred" and isinstance(value, bool):
        return None  # a JSON export's true/false
    if value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool)):
        return None
    return "import_cell_kind"


# -- rows: each read and checked ---------------------------------------------------------------


class Row(NamedTuple):
    """A row as its checks read it: its cells by field, the task read from them (title,
    agency, co_agencies, the dates, a JSON export's id, deadlines and history), its errors
    (row, column, key, values) and its notes (warnings: key, values)."""

    number: int
    values: dict
    task: dict
    errors: list[tuple]
    notes: list[tuple]


class RowReader:
    """Reads and checks an import's rows: the file's columns, the day the import runs, how
    a typed agency is found (`agency`: bad input naming why not), and whether the file's
    task ids are kept.

    What repeats in a file is read once (issue 15): its agencies, its lists of coordinating
    agencies, its dates and its document symbols. A text that fails is not kept: each of its
    rows reports its own error. Bounded, so that a file of a million different cells holds
    no million entries.
    """

    def __init__(
        self,
        file: ImportFile,
        today: date,
        agency: Callable[[str], dict],
        keep_ids: bool,
        calendar: Calendar | None = None,
    ):
        self.columns, self.column, self.json = file.columns, file.column, file.fmt == "json"
        self.today, self.find_agency, self.keep_ids = today, agency, keep_ids
        self.ids_seen: dict[int, int] = {}  # a kept id: the row that gave it
        self.series_ids: set = set()  # the ids of a JSON export's series, which its tasks name
        self.seen: dict = {}
        self.calendar = calendar  # the register's working days, for a cell like +5wd
        self.parse_day = lambda text: parse_date(text, today, calendar)
        self.parse_deadline = lambda text: parse_deadline(text, today, calendar)
        #: The fields read before the notes (and the deadline a note may drop), in order.
        self.first = (
            ("agency", self.agency),
            ("co_agencies", self.co_agencies),
            ("assigned_on", self.day),
            ("due_on", self.deadline),
        )

    def once(self, kind, fn, text):
        key = (kind, text)
        found = self.seen.get(key, self.seen)
        if found is self.seen:
            if len(self.seen) > CACHE_MAX:
                self.seen.clear()
            found = self.seen[key] = fn(text)
        return found

    def agency(self, typed: str) -> dict:
        return self.once(self.find_agency, self.find_agency, typed)

    def co_agencies(self, value) -> list[dict]:
        return self.once("co", lambda v: [self.agency(c) for c in re.split(r"[;\n]", v) if c.strip()], str(value))

    def day(self, value) -> date:
        if isinstance(value, str):  # cell_date reads no text: parse it, once
            return self.once(parse_date, self.parse_day, value)
        return cell_date(value) or parse_date(str(value), self.today, self.calendar)

    def deadline(self, value) -> date:
        if isinstance(value, str):
            return self.once(parse_deadline, self.parse_deadline, value)
        return cell_date(value) or parse_deadline(str(value), self.today, self.calendar)

    def cells(self, number: int, raw: dict) -> tuple[dict, list[tuple]]:
        """Each field's cell as the checks read it, and the errors of the cells no field can
        hold: a formula never computed, a JSON value of a kind no export writes, a text that
        cannot be stored. Such a cell is UNREADABLE, not also missing."""
        values, errors, column, is_json = {}, [], self.column, self.json
        for header, field in self.columns:
            value = raw.get(header)
            if isinstance(value, UnsavedFormula):
                errors.append((number, column[field], "import_formula", {"formula": value}))
                value = UNREADABLE
            elif is_json and (problem := json_cell_problem(field, value)):
                errors.append((number, column[field], problem, {}))
                value = UNREADABLE
            elif isinstance(value, str) and (problem := text_problem(value)):
                errors.append((number, column[field], problem, {}))
                value = UNREADABLE
            values[field] = cell(field, value)
        return values, errors

    def read(self, number: int, values: dict, errors: list[tuple]) -> tuple[dict, list[tuple]]:
        """The task a row's cells give, and the notes they call for; the error of each cell
        that gives nothing (empty where needed, or unreadable as its field) added to `errors`."""
        column = self.column
        title = values.get("title")
        if not title:
            errors.append((number, column["title"], "title_empty", {}))
        for field in ("agency", "assigned_on"):
            if not values.get(field):
                errors.append((number, column[field], "import_value_missing", {}))
        task = {"title": title}
        for field, read in self.first:
            task[field] = self._field(number, values, errors, field, read)
        task["co_agencies"] = task["co_agencies"] or []
        notes = []
        source = values.get("source")
        if source not in (None, "", UNREADABLE) and (doubt := self.once(symbol_doubt, symbol_doubt, str(source))):
            notes.append(("import_row_note", {"row": number, "note": doubt}))
        if task["due_on"] is not None and iso(task["due_on"]) in NO_DEADLINE_MARKERS:
            notes.append(("import_1970", {"row": number}))
            task["due_on"] = None
        for field in ("done_on", "cancelled_on", "source_date", *CONFIRMATION_FIELDS):
            task[field] = self._field(number, values, errors, field, self.day)
        task["starred"] = bool(self._field(number, values, errors, "starred", starred_cell))
        return task, notes

    def _field(self, number: int, values: dict, errors: list[tuple], field: str, read):
        """A field's value read from its cell (None: empty, or unreadable: its error added)."""
        value = values.get(field)
        if value in (None, "", UNREADABLE):
            return None
        try:
            return read(value)
        except BadInput as e:
            errors.append((number, self.column.get(field, field), e.key, e.values))
            return None

    def id_problems(self, number: int, wanted) -> list[tuple]:
        """A kept task id (a JSON export into an empty register): given, a positive integer,
        and no other row's."""
        if wanted is None:
            return [(number, "id", "import_id_missing", {})]
        if isinstance(wanted, bool) or not isinstance(wanted, int) or not 0 < wanted <= MAX_ID:
            return [(number, "id", "import_bad_id", {"text": shown(wanted)})]
        if wanted in self.ids_seen:
            return [(number, "id", "import_id_twice", {"id": wanted, "other": self.ids_seen[wanted]})]
        self.ids_seen[wanted] = number
        return []


def check_row(reader: RowReader, number: int, raw) -> Row | None:
    """A row read and checked: its errors in the order the import reports them (its cells,
    what they give, the dates against each other and today, the lead agency on the day of
    assignment, a JSON export's history and id); None for a row with nothing in any task
    column (a template's numbered blank row)."""
    if not isinstance(raw, dict):  # a JSON entry that is not a task object
        return Row(number, {}, {}, [(number, Ref("whole_row"), "import_not_object", {})], [])
    values, errors = reader.cells(number, raw)
    if not errors and all(v is None or not str(v).strip() for v in values.values()):
        return None
    task, notes = reader.read(number, values, errors)
    errors += date_problems(number, reader.column, reader.today, task)
    if task["agency"] and task["assigned_on"]:
        errors += _broken(number, reader.column["agency"], check_lead, task["agency"], iso(task["assigned_on"]))
    task["deadlines"], task["history"] = raw.get("deadlines"), raw.get("history")  # a JSON export's
    errors += history_row_problems(number, reader.column, task, errors)
    task["series"] = None
    if reader.json and raw.get("series") is not None:  # a JSON export's period's task (docs/commands.md "recur")
        link = (raw.get("series"), raw.get("period_start"))
        if type(link[0]) is int and link[0] in reader.series_ids and is_iso_date(link[1]):
            task["series"] = link
        else:
            errors.append((number, "series", "import_series_link", {"series": shown(link[0])}))
    if reader.keep_ids:
        task["id"] = raw.get("id")
        errors += reader.id_problems(number, task["id"])
    return Row(number, values, task, errors, notes)


def date_problems(number: int, column: dict, today: date, task: dict) -> list[tuple]:
    """A row's dates against today and each other, by the rules a command's dates follow
    (taskreg.domain.tasks): nothing assigned in the future, nothing before the assignment,
    nothing done or cancelled in the future; and never both done and cancelled."""
    assigned = task["assigned_on"]
    errors = []
    if assigned:
        errors += _broken(number, column["assigned_on"], not_after_today, assigned, today)
        assigned_on = iso(assigned)
        for field, what in (("due_on", "what_due"), ("done_on", "what_done"), ("cancelled_on", "what_cancel")):
            if task[field]:
                errors += _broken(number, column[field], not_before_assigned, what, task[field], assigned_on)
    for field, what in (("done_on", "what_done"), ("cancelled_on", "what_cancel")):
        if task[field]:
            errors += _broken(number, column[field], not_future, what, task[field], today)
    if task["done_on"] and task["cancelled_on"]:
        errors.append((number, column["cancelled_on"], "import_done_and_cancelled", {}))
    return errors


def _broken(number: int, column, rule, *args) -> list[tuple]:
    """The row error a rule's bad input gives, or none."""
    try:
        rule(*args)
    except BadInput as e:
        return [(number, column, e.key, e.values)]
    return []


def history_row_problems(number: int, column: dict, task: dict, errors: list[tuple]) -> list[tuple]:
    """A JSON export's deadlines and history of a task, checked entry by entry (`errors`:
    the row's so far); and its last deadline, the one reports count by, must be the task's."""
    deadlines, due = task["deadlines"], task["due_on"]
    if deadlines is None and task["history"] is None:
        return []  # a CSV's or a spreadsheet's row, or a task exported with neither
    problems = history_problems(deadlines, task["history"])
    found = [(number, *p) for p in problems]
    due_read = not any(e[1] == column.get("due_on") for e in errors + found)
    if (
        isinstance(deadlines, list)
        and deadlines
        and due_read
        and not any(p[0].startswith("deadlines") for p in problems)
        and deadlines[-1].get("due_on") != iso(due)
    ):
        last = deadlines[-1].get("due_on")
        found.append(
            (
                number,
                "deadlines",
                "import_deadlines_disagree",
                {"last": Day(last) if last else "—", "due": Day(due) if due else "—"},
            )
        )
    return found
