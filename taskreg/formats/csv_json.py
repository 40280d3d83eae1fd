"""Files in and out: a file of tasks read for the import (CSV and JSON here, an .xlsx's
sheet by taskreg.formats.xlsx_read) into plain rows of cells, its columns mapped to the task's
fields; the CSV guard against formulas.

Reading streams row by row (a million-row file is never held in memory); what a row must
satisfy is the domain's (taskreg.domain.import_rows), which is handed the rows.
"""

import csv
import itertools
import json
import os
import re
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from taskreg.domain.addresses import check_addresses
from taskreg.domain.dates import FIRST_YEAR, LAST_YEAR
from taskreg.domain.errors import BadInput, Count, Ref, Rendered, os_reason
from taskreg.domain.import_rows import REQUIRED, ImportFile, checked_settings, is_iso_date, text_problem
from taskreg.domain.text import fold
from taskreg.formats.tabular import FORMULA_STARTS
from taskreg.formats.xlsx_read import sheet_rows, xlsx_rows
from taskreg.present import i18n

FORMATS = ("csv", "xlsx", "json")

#: Column headers as offices write them, folded (no case, no diacritics, no punctuation).
HEADERS = {
    "title": ["title", "noi dung nhiem vu", "noi dung", "ten nhiem vu", "trich yeu"],
    "agency": ["agency", "don vi chu tri", "co quan chu tri", "chu tri"],
    "co_agencies": ["co agencies", "don vi phoi hop", "co quan phoi hop", "phoi hop"],
    "assigned_on": ["assigned on", "ngay giao", "ngay giao nhiem vu"],
    "due_on": ["due on", "han hoan thanh", "han xu ly", "thoi han", "thoi han hoan thanh"],
    "done_on": ["done on", "ngay hoan thanh"],
    "cancelled_on": ["cancelled on", "ngay dung thuc hien", "ngay dung"],
    "cancel_reason": ["cancel reason", "ly do dung", "ly do dung thuc hien"],
    "source": ["source", "so ky hieu", "so ky hieu van ban", "van ban giao"],
    "source_date": ["source date", "ngay van ban", "ngay ban hanh"],
    "assigned_by": ["assigned by", "nguoi giao", "lanh dao giao"],
    "note": ["note", "ghi chu"],
    "result": ["result", "ket qua", "ket qua thuc hien"],
    "starred": ["starred", "nhiem vu trong tam", "trong tam", "gan sao", "key task"],
    "uid": ["uid"],
    # A JSON export's confirmation of each completion (SPEC §12), restored as it was.
    "awaiting_since": ["awaiting since"],
    "confirmed_on": ["confirmed on"],
}
#: Columns an export writes that an import derives or assigns itself.
IGNORED = {
    *("id", "so", "stt", "so tt", "status", "tinh trang", "name"),
    *("updated on", "ngay cap nhat", "awaiting confirmation", "cho xac nhan"),
    # the series that made a task (docs/commands.md "recur"): a JSON export's tasks keep it by its uid; a
    # CSV or XLSX import ignores it
    *("series", "nhiem vu dinh ky", "dinh ky"),
}
_BY_FOLD = {alias: field for field, aliases in HEADERS.items() for alias in aliases}


def export_header(lang: str, field: str) -> str:
    """A task field's column header in an export: its JSON name in English, its header in
    Vietnamese (the catalogue's `col:FIELD`, SPEC §5); import reads both."""
    return i18n.t(lang, f"col:{field}")


#: What a spreadsheet runs as a formula, or reads as the start of one, when a CSV cell begins
#: with it; `'` itself too, so that the prefix below can always be taken off again (SPEC §8).
_CSV_REFUSES_NUL = sys.version_info < (3, 11)
_NUL_STANDIN = "\ufffe"  # a noncharacter: no real text holds it


def from_csv_cell(text: str) -> str:
    """A CSV cell as taskreg's import reads it: exactly one leading ' removed where the rest
    begins with one of FORMULA_STARTS (what csv_cell added); any other ' is the text's own."""
    if _CSV_REFUSES_NUL:
        text = text.replace(_NUL_STANDIN, "\x00")
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def header_key(header) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(str(header or ""))).strip()


def map_headers(headers: list) -> tuple[list[str | None], list[str]]:
    """Each column's field (None: ignored), and the headers no field knows."""
    fields, unknown = [], []
    for header in headers:
        key = header_key(header)
        field = _BY_FOLD.get(key)
        if field is None and key and key not in IGNORED:
            unknown.append(str(header))
        fields.append(field)
    return fields, unknown


def detect_format(path: Path, given: str | None) -> str:
    if given:
        if given not in FORMATS:
            raise BadInput("bad_choice", text=given, what="--format", choices=", ".join(FORMATS))
        return given
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise BadInput("import_format_unknown", path=str(path))


def read_file(path: Path, fmt: str) -> ImportFile:
    """A file of tasks as the import takes it: its headers read and mapped to fields (bad
    input if a column it needs is missing), its rows to be read one by one; a JSON export's
    agency directory, settings (checked as `config set` checks them) and publications."""
    data = load_json(path) if fmt == "json" else None
    directory, settings = json_extras(path, data) if fmt == "json" else ({}, {})
    settings = checked_settings(settings)
    rows = read_rows(path, fmt, data)
    headers = next(rows)
    fields, unknown = map_headers(headers)
    missing = [f for f in REQUIRED if f not in fields]
    if missing:
        raise BadInput("import_missing_columns", columns=Rendered(_column_names, missing))
    column: dict = {f: str(h) for h, f in zip(headers, fields) if f}
    if fmt == "json":  # a row error names a task's field by its name in the language, not its key
        column = {f: Rendered(_field_name, f) for f in column}

    def reread():
        again = read_rows(path, fmt, data)
        next(again)  # the headers, read above
        return again

    return ImportFile(
        path,
        fmt,
        [(h, f) for h, f in zip(headers, fields) if f],
        column,
        rows,
        reread,
        unknown,
        settings,
        directory,
        data.get("publications") if isinstance(data, dict) else None,
        lambda: _gives_ids(data),
        data.get("series") if isinstance(data, dict) else None,
        data.get("mergers") if isinstance(data, dict) else None,
    )


def _gives_ids(data) -> bool:
    """Whether any task of a JSON file has its id (SPEC §5: an export imported into a
    register with no tasks keeps them)."""
    tasks = data.get("tasks") if isinstance(data, dict) else data
    return isinstance(tasks, list) and any(isinstance(t, dict) and t.get("id") is not None for t in tasks)


def _field_name(lang: str, field: str) -> str:
    """A task's field as an import's error names it: its key in English (a JSON export's
    own name for it), its Vietnamese header in Vietnamese."""
    if lang != "vi":
        return field
    return export_header(lang, field) if f"col:{field}" in i18n.MESSAGES else i18n.t(lang, "f_" + field)


def _column_names(lang: str, fields: list[str]) -> str:
    """Columns an import needs, as a header it reads: the field names in English, the
    Vietnamese headers (which import reads too, README "Import") in Vietnamese."""
    return ", ".join(_field_name(lang, f) for f in fields)


def read_rows(path: Path, fmt: str, data=None):
    """Yield the headers, then (row number, {header: value}) with the header as row 1.

    For JSON, `data` is the file as `load_json` read it (read once, for its extras too).
    The meter of `metered`, if any, is told how much there is to read and how far it got.
    """
    try:
        if fmt == "csv":
            yield from _csv_rows(path)
        elif fmt == "xlsx":
            yield from _xlsx_rows(path)
        else:
            yield from _json_rows(path, data)
    except OSError as e:
        raise BadInput("import_unreadable", path=str(path), reason=os_reason(e, writing=False)) from None
    except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as e:
        raise BadInput("import_unreadable", path=str(path), reason=str(e)) from None


def _xlsx_rows(path: Path):
    """The first sheet's rows (taskreg.formats.xlsx_read), metered by the sheet's row count when it says it."""
    rows = xlsx_rows(path)
    meter = _METER.get()
    yield next(rows)  # the headers: the file has passed xlsx's checks by now
    if meter is None:
        yield from rows
        return
    meter.begin(sheet_rows(path), "rows")
    read = 1
    for number, row in rows:
        meter.advance(number - read)
        read = number
        yield number, row


#: The longest line a CSV file may have (a cell is at most csv's 128 KiB): longer is refused
#: before it is held in memory, so a file with no line breaks cannot fill it.
CSV_LINE_MAX = 4 * 1024 * 1024


class _CsvLineProblem(Exception):
    """A line of a CSV file that cannot be read: a catalogue key and its values."""


def _csv_lines(f, meter=None):
    """The lines of a CSV file opened as bytes, each decoded as UTF-8 (a BOM first dropped).

    Decoding line by line lets a byte that is not UTF-8 be named by its row. Lines end at
    LF, CRLF or a lone CR, as the csv module reads a file opened with newline=''. A meter
    is advanced by the bytes of each line read.
    """
    first = True
    while line := f.readline(CSV_LINE_MAX):
        if meter is not None:
            meter.advance(len(line))
        if len(line) == CSV_LINE_MAX and not line.endswith(b"\n"):
            raise _CsvLineProblem("import_csv_line_long", {"limit": Count(CSV_LINE_MAX >> 20)})
        for piece in line.splitlines(keepends=True):
            if first:
                piece, first = piece.removeprefix(b"\xef\xbb\xbf"), False
            try:
                text = piece.decode("utf-8")
            except UnicodeDecodeError:
                raise _CsvLineProblem("import_not_utf8", {}) from None
            # Before 3.11 the csv module refuses a NUL outright: carry it past the parser
            # as a noncharacter, so a NUL is the row error it is on 3.11 (from_csv_cell).
            yield text.replace("\x00", _NUL_STANDIN) if _CSV_REFUSES_NUL else text


def _csv_rows(path: Path):
    """Streamed, one line at a time; a cell's leading ' that taskreg's export added is removed."""
    with open(path, "rb") as f:
        meter = _METER.get()
        if meter is not None:
            meter.begin(os.fstat(f.fileno()).st_size, "bytes")
        lines = _csv_lines(f, meter)
        number = 1  # the row being read: the header is row 1
        try:
            first = next(lines, "")
            # Excel in a Vietnamese locale writes semicolons: pick the separator the header uses.
            delimiter = ";" if first.count(";") > first.count(",") else ","
            reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
            headers = next(reader, [])
            yield headers
            number = 2
            for values in reader:
                if any(v.strip() for v in values):
                    yield number, dict(zip(headers, map(from_csv_cell, values)))
                number += 1
        except _CsvLineProblem as e:
            key, values = e.args
            if key == "import_not_utf8":
                raise BadInput(key, path=str(path), row=number) from None
            raise BadInput("import_csv_row_bad", path=str(path), row=number, reason=(key, values)) from None
        except csv.Error as e:  # a cell over csv's size limit, a NUL before Python 3.11
            raise BadInput("import_csv_row_bad", path=str(path), row=number, reason=str(e)) from None


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def load_json(path: Path):
    """A JSON file, parsed once. Unreadable, invalid, NaN/Infinity or nested deeper than
    Python's parser goes (about 1,000 levels): bad input, one sentence."""
    try:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:  # named by its line, as a CSV's by its row
            raise BadInput("import_json_not_utf8", path=str(path), line=raw.count(b"\n", 0, e.start) + 1) from None
        del raw
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise BadInput("import_unreadable", path=str(path), reason=Ref("json_too_deep")) from None
    except json.JSONDecodeError as e:
        where = {"line": e.lineno, "column": e.colno, "problem": e.msg}
        raise BadInput("import_unreadable", path=str(path), reason=("json_invalid", where)) from None
    except OSError as e:
        raise BadInput("import_unreadable", path=str(path), reason=os_reason(e, writing=False)) from None
    except ValueError as e:  # too-long integers, NaN
        raise BadInput("import_unreadable", path=str(path), reason=str(e)) from None


def json_tasks(path: Path, data) -> list:
    """The list of tasks a JSON file holds: the file itself, or its "tasks"."""
    tasks = data.get("tasks") if isinstance(data, dict) else data
    if not isinstance(tasks, list):
        raise BadInput("import_unreadable", path=str(path), reason=Ref("not_a_task_list"))
    return tasks


def _json_rows(path: Path, data=None):
    """The tasks of a JSON file as rows, numbered from 1. An entry that is not an object is
    yielded as it is, for the import to report; a list of codes becomes one `;` cell."""
    tasks = json_tasks(path, load_json(path) if data is None else data)
    meter = _METER.get()
    if meter is not None:
        meter.begin(len(tasks), "rows")
    yield list(HEADERS)
    for number, task in enumerate(tasks, start=1):
        if meter is not None:
            meter.advance(1)
        if isinstance(task, dict):
            task = dict(task)
            co = task.get("co_agencies")
            if isinstance(co, list) and all(isinstance(c, str) for c in co):
                task["co_agencies"] = ";".join(co)
        yield number, task


def json_extras(path: Path, data=None) -> tuple[dict[str, dict], dict]:
    """The agency directory (by folded code) and the settings a JSON export carries.

    Each is checked for its shape here (an entry of the directory a malformed object, a
    setting whose value is not text: bad input naming it); the settings' values are
    checked by the import as `config set` checks them.
    """
    if data is None:
        data = load_json(path)
    if not isinstance(data, dict):
        return {}, {}
    agencies = data.get("agencies")
    if agencies is None:
        agencies = []
    if not isinstance(agencies, list):
        raise BadInput("import_directory_not_list")
    directory = {}
    for n, a in enumerate(agencies, start=1):
        if not isinstance(a, dict):
            raise BadInput("import_directory_bad", n=n, reason=Ref("import_not_object"))
        code = a.get("code")
        if not isinstance(code, str) or not code.strip() or len(code.split()) != 1 or text_problem(code):
            raise BadInput("import_directory_bad", n=n, reason=Ref("import_directory_code"))
        for key in ("name", "kind"):
            if a.get(key) is not None and (not isinstance(a[key], str) or text_problem(a[key])):
                raise BadInput("import_directory_bad", n=n, reason=Ref("import_directory_text"))
        email = a.get("email")  # its mail addresses (`agency add|edit --email`), checked as those are
        if email is not None and (not isinstance(email, str) or text_problem(email)):
            raise BadInput("import_directory_bad", n=n, reason=Ref("import_directory_text"))
        try:
            email = check_addresses(email)
        except BadInput as e:
            raise BadInput("import_directory_bad", n=n, reason=(e.key, e.values)) from None
        retired = a.get("retired_on")
        if retired is not None and not is_iso_date(retired):
            raise BadInput(
                "import_directory_bad",
                n=n,
                reason=("import_bad_iso_date", {"text": str(retired), "first": FIRST_YEAR, "last": LAST_YEAR}),
            )
        directory[fold(code)] = {**a, "code": code.strip(), "email": email}
    settings = data.get("settings")
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        raise BadInput("import_settings_bad")
    return directory, {str(k): v for k, v in settings.items() if v is not None}


#: The meter the readers above report to while `metered` lasts (the import's progress bar,
#: taskreg.present.progress): the command line meters the reading it hands the import.
_METER: ContextVar = ContextVar("taskreg_meter", default=None)


@contextmanager
def metered(meter):
    """While this lasts, read_rows tells `meter` how much its file holds, by
    `meter.begin(total, unit)` (a CSV's bytes; a JSON file's tasks and a sheet's rows,
    after the header; total None when unknown), and how far it got, by `meter.advance(n)`.
    A file read twice (--create-agencies reads its agencies first) begins twice."""
    token = _METER.set(meter)
    try:
        yield meter
    finally:
        _METER.reset(token)
