"""Files in and out: reading CSV, XLSX and JSON rows for import, and writing exports.

Reading streams row by row (a million-row file is never held in memory); the
rules a row must satisfy are in taskreg.bulk.import_tasks.
"""

import csv
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

from taskreg.errors import BadInput, Ref
from taskreg.text import fold

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
    "uid": ["uid"],
}
#: Columns an export writes that an import derives or assigns itself.
IGNORED = {"id", "so", "stt", "so tt", "status", "tinh trang", "name"}
_BY_FOLD = {alias: field for field, aliases in HEADERS.items() for alias in aliases}

#: Vietnamese headers for XLSX exports with --lang vi.
VI_HEADERS = {"id": "Số", "uid": "UID", "title": "Nội dung nhiệm vụ", "agency": "Đơn vị chủ trì",
              "co_agencies": "Đơn vị phối hợp", "assigned_on": "Ngày giao",
              "due_on": "Hạn hoàn thành", "done_on": "Ngày hoàn thành",
              "cancelled_on": "Ngày dừng thực hiện", "source": "Số ký hiệu",
              "source_date": "Ngày văn bản", "assigned_by": "Người giao", "note": "Ghi chú",
              "result": "Kết quả", "status": "Tình trạng"}


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


def read_rows(path: Path, fmt: str):
    """Yield (row number, {header: value}) with the header as row 1, then the headers."""
    try:
        if fmt == "csv":
            yield from _csv_rows(path)
        elif fmt == "xlsx":
            yield from _xlsx_rows(path)
        else:
            yield from _json_rows(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, csv.Error) as e:
        raise BadInput("import_unreadable", path=str(path), reason=str(e)) from None


def _csv_rows(path: Path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        first = f.readline()
        # Excel in a Vietnamese locale writes semicolons: pick the separator the header uses.
        delimiter = ";" if first.count(";") > first.count(",") else ","
        f.seek(0)
        if f.read(1) != "\ufeff":
            f.seek(0)
        reader = csv.reader(f, delimiter=delimiter)
        headers = next(reader, [])
        yield headers
        for number, values in enumerate(reader, start=2):
            if any(v.strip() for v in values):
                yield number, dict(zip(headers, values))


def _xlsx_rows(path: Path):
    import zipfile

    from openpyxl import load_workbook

    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, InvalidFileException) as e:
        raise BadInput("import_unreadable", path=str(path), reason=str(e)) from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        headers = [h for h in next(rows, [])]
        yield headers
        for number, values in enumerate(rows, start=2):
            if any(v not in (None, "") for v in values):
                yield number, dict(zip(headers, values))
    finally:
        book.close()


def _json_rows(path: Path):
    with open(path, encoding="utf-8-sig") as f:
        data = json.load(f)
    tasks = data.get("tasks") if isinstance(data, dict) else data
    if not isinstance(tasks, list):
        raise BadInput("import_unreadable", path=str(path), reason=Ref("not_a_task_list"))
    yield list(HEADERS)
    for number, task in enumerate(tasks, start=1):
        if isinstance(task, dict):
            row = dict(task)
            if isinstance(row.get("co_agencies"), list):
                row["co_agencies"] = ";".join(row["co_agencies"])
            yield number, row


def json_extras(path: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """The agency directory (by folded code) and the settings a JSON export carries."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BadInput("import_unreadable", path=str(path), reason=str(e)) from None
    if not isinstance(data, dict):
        return {}, {}
    agencies = data.get("agencies") or []
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    return ({fold(a["code"]): a for a in agencies if isinstance(a, dict) and a.get("code")},
            {str(k): str(v) for k, v in settings.items() if v is not None})


def cell_date(value):
    """A date cell as Excel or JSON gives it: a date, a datetime, an Excel serial, or text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date() if isinstance(from_excel(value), datetime) else None
    return None


# -- writing ---------------------------------------------------------------------------------

def write_xlsx(target, headers: list[str], rows, date_columns: set[int], report_sheet=None,
               sheet_title: str = "Tasks") -> None:
    """An .xlsx an office expects to open: header row, frozen panes, widths, real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    widths = [max(10, min(len(h) + 2, 60)) for h in headers]
    for i, width in enumerate(widths):
        letter = _column_letter(i)
        wide = 60 if headers[i] in ("title", VI_HEADERS["title"]) else width
        sheet.column_dimensions[letter].width = max(wide, 12 if i in date_columns else wide)
    sheet.append(_bold_row(sheet, headers, Font))
    for row in rows:
        sheet.append(_dated_row(sheet, row, date_columns))
    if report_sheet is not None:
        title, report_headers, report_rows = report_sheet
        other = book.create_sheet(title)
        other.freeze_panes = "B2"
        other.column_dimensions["A"].width = 40
        for i in range(1, len(report_headers)):
            other.column_dimensions[_column_letter(i)].width = 14
        other.append(_bold_row(other, report_headers, Font))
        for row in report_rows:
            other.append(row)
    book.save(target)


def _column_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def _bold_row(sheet, values, font_cls):
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = font_cls(bold=True)
        cells.append(cell)
    return cells


def _dated_row(sheet, row, date_columns):
    from openpyxl.cell import WriteOnlyCell

    out = []
    for i, value in enumerate(row):
        if i in date_columns and value:
            cell = WriteOnlyCell(sheet, value=date.fromisoformat(value))
            cell.number_format = "DD/MM/YYYY"
            out.append(cell)
        else:
            out.append(value)
    return out


def progress(total: int | None, label: str):
    """A rich progress bar on a terminal's stderr for long jobs; a no-op otherwise."""
    if not sys.stderr.isatty():
        return _NoProgress()
    from rich.console import Console
    from rich.progress import Progress

    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True, markup=False, highlight=False), transient=True)
    return _Progress(bar, bar.add_task(label, total=total))


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def advance(self, n: int = 1) -> None:
        pass


class _Progress(_NoProgress):
    def __init__(self, bar, task):
        self.bar, self.task = bar, task

    def __enter__(self):
        self.bar.start()
        return self

    def __exit__(self, *exc):
        self.bar.stop()
        return False

    def advance(self, n: int = 1) -> None:
        self.bar.advance(self.task, n)
