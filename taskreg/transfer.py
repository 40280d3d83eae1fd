"""Files in and out: reading CSV, XLSX and JSON rows for import, and writing exports.

Reading streams row by row (a million-row file is never held in memory); the
rules a row must satisfy are in taskreg.bulk.import_tasks.
"""

import csv
import itertools
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

from taskreg.dates import FIRST_YEAR, LAST_YEAR, in_range
from taskreg.errors import BadInput, Count, Ref
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


#: What a spreadsheet runs as a formula, or reads as the start of one, when a CSV cell begins
#: with it; `'` itself too, so that the prefix below can always be taken off again (SPEC §8).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_cell(value):
    """A value as a CSV cell holds it: text beginning with one of FORMULA_STARTS gets a
    leading ', so no spreadsheet runs it; numbers and everything else are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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


#: OOXML's escapes (ST_Xstring): a UTF-16 code unit as _xHHHH_. XML cannot carry the C0
#: controls (nor U+FFFE, U+FFFF), and an XML parser turns a raw CR into a line feed; a
#: literal "_xHHHH_" in the text has its "_" written as _x005F_ (SPEC §8).
_XLSX_UNSAFE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_XLSX_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xlsx_text(text: str) -> str:
    """Text as an .xlsx cell stores it: the characters XML cannot hold as _xHHHH_."""
    return _XLSX_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def from_xlsx_text(text: str) -> str:
    """An .xlsx cell's text as it was typed: every _xHHHH_ read back to its character."""
    if "_x" not in text:
        return text
    return _XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


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


def read_rows(path: Path, fmt: str, data=None):
    """Yield the headers, then (row number, {header: value}) with the header as row 1.

    For JSON, `data` is the file as `load_json` read it (read once, for its extras too).
    """
    try:
        if fmt == "csv":
            yield from _csv_rows(path)
        elif fmt == "xlsx":
            yield from _xlsx_rows(path)
        else:
            yield from _json_rows(path, data)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, csv.Error) as e:
        raise BadInput("import_unreadable", path=str(path), reason=str(e)) from None


#: The longest line a CSV file may have (a cell is at most csv's 128 KiB): longer is refused
#: before it is held in memory, so a file with no line breaks cannot fill it.
CSV_LINE_MAX = 4 * 1024 * 1024


class _CsvLineProblem(Exception):
    """A line of a CSV file that cannot be read: a catalogue key and its values."""


def _csv_lines(f):
    """The lines of a CSV file opened as bytes, each decoded as UTF-8 (a BOM first dropped).

    Decoding line by line lets a byte that is not UTF-8 be named by its row. Lines end at
    LF, CRLF or a lone CR, as the csv module reads a file opened with newline=''.
    """
    first = True
    while line := f.readline(CSV_LINE_MAX):
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
        lines = _csv_lines(f)
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
            raise BadInput("import_csv_row_bad", path=str(path), row=number,
                           reason=(key, values)) from None
        except csv.Error as e:  # a cell over csv's size limit, a NUL before Python 3.11
            raise BadInput("import_csv_row_bad", path=str(path), row=number, reason=str(e)) from None


#: Bounded work for an .xlsx (SPEC §8), checked from the zip's directory before any of it is
#: parsed: a real export of 1,000,000 tasks is 774 MiB of sheet XML that compresses 7.7 times.
XLSX_MAX_BYTES = 4 << 30  # all its parts together, uncompressed
XLSX_MAX_RATIO = 100  # how many times a part may expand, once it is over XLSX_RATIO_FROM
XLSX_RATIO_FROM = 1 << 20
XLSX_MAX_STRINGS = 2 << 30  # the shared strings, which a reader holds in memory
XLSX_PROLOG_MAX = 64 << 10  # what may precede an XML part's first element


def _mib(size: int) -> Count:
    return Count(-(-size // (1 << 20)))  # rounded up: 1 byte over the limit is over it


def check_xlsx(path: Path) -> None:
    """Refuse an .xlsx that would take unbounded work, before anything in it is parsed: one
    whose parts would expand beyond XLSX_MAX_BYTES or more than XLSX_MAX_RATIO times (a
    decompression bomb), or any of whose XML parts declares a document type (a DTD: the
    only place entities are declared, so none is ever expanded).

    The sizes are the zip directory's; reading never yields more than a part declares
    (zipfile stops there and checks its CRC), so the sum bounds what a parser could see.
    """
    import zipfile

    def refuse(key: str, **values):
        return BadInput("import_unreadable", path=str(path), reason=(key, values))

    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        total = sum(p.file_size for p in parts)
        if total > XLSX_MAX_BYTES:
            raise refuse("xlsx_too_big", size=_mib(total), limit=_mib(XLSX_MAX_BYTES))
        for p in parts:
            if p.file_size > XLSX_RATIO_FROM and p.file_size > XLSX_MAX_RATIO * p.compress_size:
                raise refuse("xlsx_bomb", part=p.filename, size=_mib(p.file_size),
                             ratio=Count(p.file_size // max(p.compress_size, 1)),
                             limit=XLSX_MAX_RATIO)
        for p in parts:
            with archive.open(p) as part:
                problem = _prolog_problem(part.read(XLSX_PROLOG_MAX))
            if problem:
                raise refuse(problem[0], part=p.filename, **problem[1])


_XML_ENCODING = re.compile(r"<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']*)[\"']")


def _prolog_problem(head: bytes) -> tuple[str, dict] | None:
    """Why the start of a zip part (up to XLSX_PROLOG_MAX bytes) is refused, or None.

    A document type declaration can only stand in an XML document's prolog, before its
    first element; elsewhere a parser rejects it as malformed. So the prolog is read —
    the XML declaration, comments, processing instructions — and any other "<!" in it is
    refused. ECMA-376 parts are UTF-8 or UTF-16: another declared encoding is refused too,
    so nothing hides a declaration in bytes read otherwise. A part that is not XML at all
    (an image) has no prolog and passes.
    """
    if head.startswith(b"\xfe\xff") or head[:1] == b"\x00":  # as expat tells UTF-16
        text = head.decode("utf-16-be", "replace")
    elif head.startswith(b"\xff\xfe") or head[1:2] == b"\x00":
        text = head.decode("utf-16-le", "replace")
    else:
        text = head.decode("utf-8", "replace")
    text = text.removeprefix("\ufeff")
    declared = _XML_ENCODING.match(text)
    if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8", "utf-16", "utf16"):
        return "xlsx_encoding", {"encoding": declared.group(1)}
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            end, size = text.find("?>", pos), 2
        elif text.startswith("<!--", pos):
            end, size = text.find("-->", pos + 4), 3
        elif text.startswith("<!", pos):
            return "xlsx_dtd", {}
        else:
            return None  # the first element, or no XML
        if end < 0:  # the prolog goes on past what was read: no spreadsheet writes that
            return ("xlsx_prolog_long", {"limit": Count(XLSX_PROLOG_MAX >> 10)}) \
                if len(head) == XLSX_PROLOG_MAX else None
        pos = end + size


def _xlsx_errors():
    """What openpyxl and the zip raise on a file that is not a sound .xlsx, as it is read."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    from openpyxl.utils.exceptions import InvalidFileException

    return (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ParseError,
            InvalidFileException, KeyError, IndexError, ValueError, TypeError, OverflowError,
            NotImplementedError, RuntimeError)


def _open_books(path: Path):
    """The workbook twice, read-only: the values Excel saved, and the formulas. Its shared
    strings are read once for both and kept exactly (openpyxl's own reader deletes every
    "x005F_" from them, losing the difference between _x001B_, ESC's escape, and the typed
    text _x001B_). Its first sheet must be a worksheet: a chart sheet (or a dialog or macro
    sheet) first is refused, not skipped for the next one."""
    from openpyxl.reader.excel import ExcelReader

    strings = None

    class Reader(ExcelReader):
        def read_strings(self):
            nonlocal strings
            if strings is None:
                strings = _shared_strings(self)
            self.shared_strings = strings

    books = []
    try:
        for data_only in (True, False):
            reader = Reader(path, read_only=True, data_only=data_only)
            reader.read()
            books.append(reader.wb)
            if len(books) == 1:
                first = next(((sheet, rel) for sheet, rel in reader.parser.find_sheets()
                              if rel.target in reader.valid_files), None)
                if first is None:
                    raise BadInput("import_unreadable", path=str(path), reason=Ref("xlsx_no_sheet"))
                if first[1].Type.rsplit("/", 1)[-1] != "worksheet":
                    raise BadInput("import_unreadable", path=str(path),
                                   reason=("xlsx_first_sheet", {"sheet": first[0].name}))
    except BaseException:
        for book in books:
            book.close()
        raise
    return books


def _shared_strings(reader) -> list[str]:
    """The shared strings of a workbook as the file holds them (their _xHHHH_ unread)."""
    from openpyxl.cell.text import Text
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    found = reader.package.find(SHARED_STRINGS)
    if found is None:
        return []
    name = found.PartName[1:]
    if reader.archive.getinfo(name).file_size > XLSX_MAX_STRINGS:
        raise BadInput("import_unreadable", path=str(reader.archive.filename),
                       reason=("xlsx_strings_too_big", {"part": name, "limit": _mib(XLSX_MAX_STRINGS)}))
    strings, tag = [], f"{{{SHEET_MAIN_NS}}}si"
    with reader.archive.open(name) as source:
        for _, node in iterparse(source):
            if node.tag == tag:
                strings.append(Text.from_tree(node).content)
                node.clear()
    return strings


def _xlsx_value(value):
    return from_xlsx_text(value) if type(value) is str else value


def _xlsx_rows(path: Path):
    """The first sheet's rows. Nothing is parsed before check_xlsx has passed the file."""
    import warnings

    # openpyxl warns of odd but readable files on stderr, quoting the file's own text raw
    warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")
    errors = _xlsx_errors()
    try:
        check_xlsx(path)
        # The values Excel saved, and beside them the formulas: a formula whose
        # value was never saved (a file generated by a program, not yet opened
        # in Excel) reads as empty and must not pass for a blank cell.
        book, formulas = _open_books(path)
    except errors as e:
        raise BadInput("import_unreadable", path=str(path), reason=str(e) or Ref("xlsx_damaged")) from None
    try:
        rows = book.worksheets[0].iter_rows()
        formula_rows = formulas.worksheets[0].iter_rows(values_only=True)
        headers = [_xlsx_value(c.value) for c in next(rows, [])]
        next(formula_rows, None)
        yield headers
        for number, (cells, written) in enumerate(zip(rows, formula_rows), start=2):
            values = [_saved_value(cell, formula) for cell, formula in zip(cells, written)]
            if any(v not in (None, "") for v in values):
                yield number, dict(zip(headers, values))
    except errors as e:  # a sheet is parsed as it is read: a broken one shows only now
        raise BadInput("import_unreadable", path=str(path), reason=str(e) or Ref("xlsx_damaged")) from None
    finally:
        book.close()
        formulas.close()


class UnsavedFormula(str):
    """A formula cell without the value Excel computes when it saves the file."""


def _saved_value(cell, formula):
    """A cell's value as Excel saved it; an UnsavedFormula where there is none."""
    if cell.value is not None:
        return _xlsx_value(cell.value)
    if cell.data_type == "str":
        return ""  # a formula whose saved result is the empty text, as IF(...; ""; ...) gives
    text = getattr(formula, "text", formula)  # an array formula is an object holding its text
    if isinstance(text, str) and text.startswith("="):
        return UnsavedFormula(text)
    return None


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
            raise BadInput("import_json_not_utf8", path=str(path),
                           line=raw.count(b"\n", 0, e.start) + 1) from None
        del raw
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise BadInput("import_unreadable", path=str(path), reason=Ref("json_too_deep")) from None
    except (OSError, ValueError) as e:  # JSONDecodeError, too-long integers
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
    yield list(HEADERS)
    for number, task in enumerate(tasks, start=1):
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
        if not isinstance(code, str) or not code.strip() or len(code.split()) != 1 \
                or text_problem(code):
            raise BadInput("import_directory_bad", n=n, reason=Ref("import_directory_code"))
        for key in ("name", "kind"):
            if a.get(key) is not None and (not isinstance(a[key], str) or text_problem(a[key])):
                raise BadInput("import_directory_bad", n=n, reason=Ref("import_directory_text"))
        retired = a.get("retired_on")
        if retired is not None and not is_iso_date(retired):
            raise BadInput("import_directory_bad", n=n,
                           reason=("import_bad_iso_date", {"text": str(retired), "first": FIRST_YEAR,
                                                           "last": LAST_YEAR}))
        directory[fold(code)] = {**a, "code": code.strip()}
    settings = data.get("settings")
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        raise BadInput("import_settings_bad")
    return directory, {str(k): v for k, v in settings.items() if v is not None}


def is_iso_date(value) -> bool:
    """Whether a value from a file is an ISO date (2021-03-31) of the years a register holds."""
    from taskreg.dates import ISO_DATE

    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    try:
        in_range(date.fromisoformat(value), value)
    except (ValueError, BadInput):
        return False
    return True


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


def cell_date(value):
    """A date cell as Excel or JSON gives it: a date, a datetime, an Excel serial, or text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        try:  # an Excel serial day number: 44286 is 2021-03-31
            found = from_excel(value)
        except (OverflowError, ValueError):
            found = None
        if not isinstance(found, datetime):  # past 9999: no date at all
            raise BadInput("date_out_of_range", text=str(value), first=FIRST_YEAR, last=LAST_YEAR)
        value = found
    if isinstance(value, datetime):
        value = value.date()
    return in_range(value, value.isoformat()) if isinstance(value, date) else None


# -- writing ---------------------------------------------------------------------------------

def write_xlsx(target, headers: list[str], rows, date_columns: set[int], report_sheet=None,
               sheet_title: str = "Tasks") -> None:
    """An .xlsx an office expects to open: header row, frozen panes, widths, real dates.

    Every text is a text cell, whatever it begins with: no spreadsheet runs it as a formula
    (SPEC §8); the characters XML cannot hold are written as OOXML's _xHHHH_ escapes.
    """
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
        title, caption, report_headers, report_rows = report_sheet
        other = book.create_sheet(title)
        other.freeze_panes = "B3"
        other.column_dimensions["A"].width = 40
        for i in range(1, len(report_headers)):
            other.column_dimensions[_column_letter(i)].width = 14
        other.append(_bold_row(other, [caption], Font))  # which period, as of which day
        other.append(_bold_row(other, report_headers, Font))
        for row in report_rows:
            other.append([_text_cell(other, v) if isinstance(v, str) else v for v in row])
    book.save(target)


def _column_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


#: The most characters Excel shows in a cell; longer text is written whole all the same.
XLSX_CELL_TEXT = 32767


def _text_cell(sheet, text: str, styled: bool = False):
    """A text cell: never a formula (openpyxl makes one of text beginning with "=") nor an
    error value (text such as "#N/A"); its controls escaped, as openpyxl refuses them raw.

    Other text is handed to openpyxl as it is (unless a cell is wanted, to be `styled`),
    which makes it a text cell itself: a cell object per value costs an export of a million
    rows a quarter more time.
    """
    text = xlsx_text(text)
    if not styled and len(text) <= XLSX_CELL_TEXT and not text.startswith(("=", "#")):
        return text  # every error value begins with #
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet)
    # Set as it is: through `value`, openpyxl would cut text past Excel's 32,767 characters
    # without a word, and an export keeps the text exact (SPEC §8).
    cell._value, cell.data_type = text, "s"
    return cell


def _bold_row(sheet, values, font_cls):
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = (_text_cell(sheet, value, styled=True) if isinstance(value, str)
                else WriteOnlyCell(sheet, value=value))
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
        elif isinstance(value, str):
            out.append(_text_cell(sheet, value))
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
