"""XLSX in and out: the file checked before it is parsed, its rows read for import, and
the export's workbook written.

Bounded work for any file (SPEC §8): the zip directory is checked against the limits
below before any part is parsed, and no part may declare a document type. Every text is
written as a text cell, C0 controls as OOXML's _xHHHH_ escapes, and read back exactly.
openpyxl is imported only here, and only when an .xlsx is read or written.
"""

# openpyxl ships no type hints and its stubs (types-openpyxl) are not installed, so each
# openpyxl import below carries `type: ignore[import-untyped]`: mypy takes it as Any.

import re
from datetime import date
from pathlib import Path

from taskreg.errors import BadInput, Count, Ref
from taskreg.transfer import VI_HEADERS

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
                raise refuse(
                    "xlsx_bomb",
                    part=p.filename,
                    size=_mib(p.file_size),
                    ratio=Count(p.file_size // max(p.compress_size, 1)),
                    limit=XLSX_MAX_RATIO,
                )
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
            return (
                ("xlsx_prolog_long", {"limit": Count(XLSX_PROLOG_MAX >> 10)}) if len(head) == XLSX_PROLOG_MAX else None
            )
        pos = end + size


def _xlsx_errors():
    """What openpyxl and the zip raise on a file that is not a sound .xlsx, as it is read."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    return (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        ParseError,
        InvalidFileException,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        OverflowError,
        NotImplementedError,
        RuntimeError,
    )


def _open_books(path: Path):
    """The workbook twice, read-only: the values Excel saved, and the formulas. Its shared
    strings are read once for both and kept exactly (openpyxl's own reader deletes every
    "x005F_" from them, losing the difference between _x001B_, ESC's escape, and the typed
    text _x001B_). Its first sheet must be a worksheet: a chart sheet (or a dialog or macro
    sheet) first is refused, not skipped for the next one."""
    from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]

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
                first = next(
                    ((sheet, rel) for sheet, rel in reader.parser.find_sheets() if rel.target in reader.valid_files),
                    None,
                )
                if first is None:
                    raise BadInput("import_unreadable", path=str(path), reason=Ref("xlsx_no_sheet"))
                if first[1].Type.rsplit("/", 1)[-1] != "worksheet":
                    raise BadInput(
                        "import_unreadable", path=str(path), reason=("xlsx_first_sheet", {"sheet": first[0].name})
                    )
    except BaseException:
        for book in books:
            book.close()
        raise
    return books


def _shared_strings(reader) -> list[str]:
    """The shared strings of a workbook as the file holds them (their _xHHHH_ unread)."""
    from openpyxl.cell.text import Text  # type: ignore[import-untyped]
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS  # type: ignore[import-untyped]
    from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]

    found = reader.package.find(SHARED_STRINGS)
    if found is None:
        return []
    name = found.PartName[1:]
    if reader.archive.getinfo(name).file_size > XLSX_MAX_STRINGS:
        raise BadInput(
            "import_unreadable",
            path=str(reader.archive.filename),
            reason=("xlsx_strings_too_big", {"part": name, "limit": _mib(XLSX_MAX_STRINGS)}),
        )
    strings, tag = [], f"{{{SHEET_MAIN_NS}}}si"
    with reader.archive.open(name) as source:
        for _, node in iterparse(source):
            if node.tag == tag:
                strings.append(Text.from_tree(node).content)
                node.clear()
    return strings


def _xlsx_value(value):
    return from_xlsx_text(value) if type(value) is str else value


def xlsx_rows(path: Path):
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


# -- writing ---------------------------------------------------------------------------------


def write_xlsx(
    target, headers: list[str], rows, date_columns: set[int], report_sheet=None, sheet_title: str = "Tasks"
) -> None:
    """An .xlsx an office expects to open: header row, frozen panes, widths, real dates.

    Every text is a text cell, whatever it begins with: no spreadsheet runs it as a formula
    (SPEC §8); the characters XML cannot hold are written as OOXML's _xHHHH_ escapes.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

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
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

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
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

    cell = WriteOnlyCell(sheet)
    # Set as it is: through `value`, openpyxl would cut text past Excel's 32,767 characters
    # without a word, and an export keeps the text exact (SPEC §8).
    cell._value, cell.data_type = text, "s"
    return cell


def _bold_row(sheet, values, font_cls):
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = _text_cell(sheet, value, styled=True) if isinstance(value, str) else WriteOnlyCell(sheet, value=value)
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
