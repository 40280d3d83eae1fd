"""XLSX out: the export's workbook written, laid out to print as an office expects (the file
read for import is formats/xlsx_read.py). Every text is written as a text cell, C0 controls
as OOXML's _xHHHH_ escapes, and read back exactly. openpyxl is imported only when a
workbook is written.
"""

# openpyxl ships no type hints and its stubs (types-openpyxl) are not installed, so each
# openpyxl import below carries `type: ignore[import-untyped]`: mypy takes it as Any.

import functools
import re
from datetime import date

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
#: The tasks sheet's columns by field, as the README's `export` section describes them
#: printed: each one's width (in widths of the digit 0, as a spreadsheet counts it) and
#: whether its text wraps onto more lines rather than being cut at the next cell. The UID
#: column is hidden: it is there for import (SPEC §5), not for reading. The columns shown
#: add up to 233, which one A4 page in landscape (Narrow margins) holds side by side at
#: two thirds of their size; the widths share that out so that most rows take 2 or 3 lines.
TASK_COLUMNS: dict[str, tuple[int, bool]] = {
    "id": (8, False),  # 7 digits
    "uid": (37, False),
    "title": (40, True),  # 8 given to `series` (docs/commands.md "recur"), 2 to the codes: the total stays 233
    # An agency's code is never broken: the lead agency's on one line, the coordinating
    # agencies' one a line (written joined by line breaks, which import reads as `;`), in
    # columns as wide as a code of 10 capitals (BQLDA-DDCN, the demo's longest).
    "agency": (14, False),
    "co_agencies": (14, True),
    "assigned_on": (11, False),  # DD/MM/YYYY
    "due_on": (11, False),
    "done_on": (11, False),
    "cancelled_on": (11, False),
    "source": (13, True),
    "source_date": (11, False),
    "assigned_by": (17, True),
    "note": (16, True),
    "result": (21, True),
    "starred": (11, True),  # "có", "yes"; its header on two lines
    "updated_on": (11, False),
    "status": (16, True),
    "awaiting_confirmation": (10, True),  # yes/no in the sheet's language (SPEC §12)
    "series": (8, False),  # the series' number (`taskreg recur`), empty for other tasks
}

TASK_HIDDEN = frozenset({"uid"})
#: The report sheet's columns: the agency, then the figures.
REPORT_WIDTHS = (44, 12)

#: The report sheet's number formats: counts with a thousands separator, rates as percentages
#: to two decimals. A spreadsheet shows both with the reader's own separators (1.738 and
#: 93,88% under a Vietnamese locale, 1,738 and 93.88% under an English one).
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.00%"
DATE_FORMAT = "DD/MM/YYYY"

#: A line of the sheets' font (Calibri 11, openpyxl's default) in points: a row's height.
LINE_HEIGHT = 15
#: How many pages long a sheet may print: as many as it takes. This is the most Excel's page
#: setup takes (a sheet that needs more is shrunk to fit, at 20 tasks a page beyond 650,000
#: tasks). Its "automatic", 0, makes LibreOffice Calc count pages at one scale and lay them
#: out at another: a long sheet printed blank pages after its last (2 after the demo's
#: 1,753 tasks; tests/render_xlsx.py counts them).
PAGES_TALL = 32767


def write_xlsx(
    target,
    fields: list[str],
    headers: list[str],
    rows,
    date_columns: set[int],
    caption: str,
    report_sheet=None,
    sheet_title: str = "Tasks",
) -> None:
    """An .xlsx an office expects to open and print (README, export): a header row, frozen
    panes, widths, real dates, long text wrapped; each sheet printed landscape on A4, one
    page wide, its header rows repeated on every page, the page number in the footer.

    The tasks sheet's first row is its header, as import reads it: its `caption` (which
    tasks, as of which day) is printed in the page header and is the workbook's title. The
    report sheet, `report_sheet` = (title, caption, headers, formats, rows), has its caption
    in its first row above the header; `formats` gives each column's number format (None
    for text), and a rate given as a percentage (93.88) is written as the fraction it is
    (0.9388) in RATE_FORMAT. Its last row, the total, is bold.

    Every text is a text cell, whatever it begins with: no spreadsheet runs it as a formula
    (SPEC §8); the characters XML cannot hold are written as OOXML's _xHHHH_ escapes.
    """
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    book.properties.title = caption
    sheet = book.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    widths, wraps = [], []
    for i, (field, header) in enumerate(zip(fields, headers)):
        width, wrapped = TASK_COLUMNS.get(field, (max(10, min(len(header) + 2, 60)), False))
        widths.append(max(width, 11) if i in date_columns else width)
        wraps.append(wrapped)
        sheet.column_dimensions[_column_letter(i)].width = widths[i]
        sheet.column_dimensions[_column_letter(i)].hidden = field in TASK_HIDDEN
    shown = [w if f not in TASK_HIDDEN else 0 for w, f in zip(widths, fields)]
    _print_setup(sheet, "1:1", caption)
    rows_out, cells = _Rows(sheet), _TaskCells(sheet, date_columns, widths, wraps)
    rows_out.append(_heading_row(sheet, headers), _heading_lines(headers, shown))
    for row in rows:
        rows_out.append(*cells(row))
    if report_sheet is not None:
        title, report_caption, report_headers, formats, report_rows = report_sheet
        other = book.create_sheet(title)
        other.freeze_panes = "B3"
        report_widths = [REPORT_WIDTHS[0]] + [REPORT_WIDTHS[1]] * (len(report_headers) - 1)
        for i, width in enumerate(report_widths):
            other.column_dimensions[_column_letter(i)].width = width
        _print_setup(other, "1:2", None)  # its caption is its first row, printed on every page
        out = _Rows(other)
        out.append(_styled_row(other, [report_caption], font=_bold(size=12)), 1)
        out.append(_heading_row(other, report_headers), _heading_lines(report_headers, report_widths))
        for n, row in enumerate(report_rows, start=1):
            out.append(*_report_row(other, row, formats, report_widths, n == len(report_rows)))
    book.save(target)


class _Rows:
    """A write-only sheet's rows appended one by one, each as tall as its most lines of
    wrapped text: no spreadsheet is bound to fit a row to its text when it opens a file
    (LibreOffice Calc does not), so the height is set. Excel's own height for one line is
    left as it is."""

    def __init__(self, sheet):
        self.sheet, self.number = sheet, 0

    def append(self, cells, lines: int) -> None:
        self.number += 1
        dimensions = self.sheet.row_dimensions
        if lines > 1:
            dimensions[self.number].height = lines * LINE_HEIGHT
        self.sheet.append(cells)  # written at once: its height is needed no longer
        dimensions.pop(self.number, None)


def _print_setup(sheet, title_rows: str, caption: str | None) -> None:
    """Landscape A4, fitted to one page wide and as many pages long as it takes, `title_rows`
    repeated at the top of every page, grid lines printed, the page number and count in
    the footer, and a `caption` in the page header."""
    from openpyxl.worksheet.page import PageMargins  # type: ignore[import-untyped]
    from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]
    from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

    setup = sheet.page_setup
    setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, PAGES_TALL
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = title_rows
    sheet.print_options.gridLines = True
    # Excel's Narrow margins, in inches
    sheet.page_margins = PageMargins(left=0.25, right=0.25, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    sheet.oddFooter.center.text = "&P / &N"  # the page's number, of the count
    if caption:
        sheet.oddHeader.center.text = caption.replace("&", "&&")  # & begins a header's codes
        sheet.oddHeader.center.font = "-,Bold"  # the sheet's font, bold


def _column_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    return get_column_letter(i + 1)


# -- how many lines a text takes --

#: Calibri 11 as Excel lays it out at 96 dpi: a column's width is counted in its digit's
#: width, 7 pixels, and a column `w` wide holds 7w - 5 pixels of text. Characters' widths
#: in pixels, on the wide side of what Vietnamese text measures in Calibri's metrics: a
#: letter (6.9 on average), what a capital adds to that (8.4 in all), a space (3.3); bold
#: ×1.03.
_PX_DIGIT, _PX_PADDING = 7, 5
_PX_LETTER, _PX_CAPITAL, _PX_SPACE, _BOLD = 7.2, 1.6, 3.4, 1.03


#: Where a line may break inside a word: after a hyphen before a letter (UBND-|HKA), as
#: LibreOffice breaks lines (not 2021-2025, nor after ; or /).
_HYPHEN_BREAK = re.compile(r"(?<=-)(?=[^\W\d_])")


@functools.lru_cache(maxsize=4096)  # a column's texts repeat: a state, who assigned it, an agency
def text_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes wrapped in a column `width` wide, reckoned on the side of
    too many: its words laid out one after the other, each line broken only at a space or
    after a hyphen (a word longer than a line across lines), every character as wide as the
    average above."""
    room = max(_PX_DIGIT * width - _PX_PADDING, float(_PX_DIGIT))
    lines = 0
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = paragraph.split(" ")
        letters = len(paragraph) - len(words) + 1
        if not letters:
            lines += 1
            continue
        each = _PX_LETTER + _PX_CAPITAL * sum(map(str.isupper, paragraph)) / letters
        if bold:
            each *= _BOLD
        line, count = 0.0, 1
        for word in words:
            for n, part in enumerate(_HYPHEN_BREAK.split(word) if "-" in word else (word,)):
                size, gap = len(part) * each, (_PX_SPACE if n == 0 else 0.0)
                if line and line + gap + size > room:
                    count, line = count + 1, 0.0
                elif line:
                    line += gap
                while line + size > room:  # a word longer than the line goes on the next
                    size -= room - line
                    count, line = count + 1, 0.0
                line += size
        lines += count
    return lines


def _fits(text: str, width: float) -> bool:
    """Whether text fits on one line of a column were all its characters capitals: it needs
    no wrapping, nor its lines counting."""
    return len(text) * (_PX_LETTER + _PX_CAPITAL) <= _PX_DIGIT * width - _PX_PADDING and not (
        "\n" in text or "\r" in text
    )


# -- the cells --

#: The most characters Excel shows in a cell; longer text is written whole all the same.
XLSX_CELL_TEXT = 32767


def _text_cell(sheet, text: str, styled: bool = False, style=None):
    """A text cell: never a formula (openpyxl makes one of text beginning with "=") nor an
    error value (text such as "#N/A"); its controls escaped, as openpyxl refuses them raw.

    Other text is handed to openpyxl as it is (unless a cell is wanted, to be `styled`, or
    given a `style` made beforehand), which makes it a text cell itself: a cell object per
    value costs an export of a million rows a quarter more time.
    """
    text = xlsx_text(text)
    if not styled and style is None and len(text) <= XLSX_CELL_TEXT and not text.startswith(("=", "#")):
        return text  # every error value begins with #
    from openpyxl.cell import Cell  # type: ignore[import-untyped]

    cell = Cell(sheet, row=1, column=1, style_array=style)  # as openpyxl's WriteOnlyCell makes it
    # Set as it is: through `value`, openpyxl would cut text past Excel's 32,767 characters
    # without a word, and an export keeps the text exact (SPEC §8).
    cell._value, cell.data_type = text, "s"
    return cell


def _styled_row(sheet, values, font=None, alignment=None, formats=None):
    """A row of cells each in `font` and `alignment`, a number in its column's format."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for i, value in enumerate(values):
        cell = _text_cell(sheet, value, styled=True) if isinstance(value, str) else WriteOnlyCell(sheet, value=value)
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        if formats and formats[i] and not isinstance(value, str):
            cell.number_format = formats[i]
        cells.append(cell)
    return cells


def _bold(size: float | None = None):
    """The sheets' font (openpyxl's default, Calibri 11) in bold: a Font naming no font
    would be a spreadsheet's own default, which is another and wider one in LibreOffice."""
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.styles.fonts import DEFAULT_FONT  # type: ignore[import-untyped]

    return Font(
        name=DEFAULT_FONT.name,
        size=size or DEFAULT_FONT.size,
        family=DEFAULT_FONT.family,
        scheme=DEFAULT_FONT.scheme,
        bold=True,
    )


def _heading_row(sheet, headers):
    """A header row: bold, centred, wrapped (a long header is not cut at its column)."""
    from openpyxl.styles import Alignment  # type: ignore[import-untyped]

    return _styled_row(sheet, headers, _bold(), Alignment(wrap_text=True, horizontal="center", vertical="center"))


def _heading_lines(headers, widths) -> int:
    return max((text_lines(h, w, bold=True) for h, w in zip(headers, widths) if w), default=1)


def _report_row(sheet, row, formats, widths, total: bool):
    """A row of the report sheet and its lines: its rates as fractions, every number in its
    format, the agency's name wrapped, the total bold."""
    from openpyxl.styles import Alignment  # type: ignore[import-untyped]

    values = [_fraction(v) if f == RATE_FORMAT and v is not None else v for v, f in zip(row, formats)]
    # every cell at the top of its row, the agency's name beside its figures' first line
    cells = _styled_row(
        sheet, values, font=_bold() if total else None, alignment=Alignment(vertical="top"), formats=formats
    )
    lines = 1
    for cell, value, width in zip(cells, values, widths):
        taken = 1 if not isinstance(value, str) or _fits(value, width) else text_lines(value, width, bold=total)
        if taken > 1:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(lines, taken)
    return cells, lines


def _fraction(percent: float) -> float:
    """93.88 (per cent, two decimals) as the fraction a percent format shows as 93.88%:
    0.9388 exactly, the float nearest it, not 93.88 / 100 = 0.9388000000000001."""
    from decimal import Decimal

    return float(Decimal(repr(percent)) / 100)


class _TaskCells:
    """The tasks sheet's rows as cells, each with the lines it takes: dates as date cells,
    text too long for its column wrapped.

    Only the text that needs it is a cell object (see _text_cell), and the two styles these
    cells take are made once, for each such cell to take as it is made: a style set cell by
    cell is made and looked up anew for each, and an export of 50,000 tasks with every text
    field filled took 2.4 times as long as without wrapping; it takes about 1.2 to 1.6 times so."""

    def __init__(self, sheet, date_columns: set[int], widths: list[int], wraps: list[bool]):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment  # type: ignore[import-untyped]

        self.sheet, self.dates = sheet, date_columns
        self.wrap_widths = [width if wrapped else 0 for width, wrapped in zip(widths, wraps)]
        # Printed, every cell sits at the top of its row (a tall row's short cells beside its
        # wrapped text too), and numbers and dates are centred in their columns, so that a
        # number never touches the text of the column beside it ("1Tổng hợp…").
        dated, number, wrapped, top = (WriteOnlyCell(sheet) for _ in range(4))
        dated.number_format = DATE_FORMAT
        dated.alignment = number.alignment = Alignment(horizontal="center", vertical="top")
        wrapped.alignment = Alignment(wrap_text=True, vertical="top")
        top.alignment = Alignment(vertical="top")
        # the styles' ids, as a cell holds them
        self.dated, self.number, self.wrapped, self.top = dated._style, number._style, wrapped._style, top._style

    def __call__(self, row) -> tuple[list, int]:
        from openpyxl.cell import Cell  # type: ignore[import-untyped]

        lines, sheet, wrap_widths = 1, self.sheet, self.wrap_widths
        taken = [1] * len(row)
        for i, value in enumerate(row):
            if isinstance(value, str) and i not in self.dates:
                width = wrap_widths[i] if i < len(wrap_widths) else 0
                taken[i] = text_lines(value, width) if width and not _fits(value, width) else 1
                lines = max(lines, taken[i])
        out = []
        for i, value in enumerate(row):
            if i in self.dates and value:
                out.append(Cell(sheet, row=1, column=1, value=date.fromisoformat(value), style_array=self.dated))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                out.append(Cell(sheet, row=1, column=1, value=value, style_array=self.number))
            elif not isinstance(value, str) or not value:
                out.append(value)  # an empty cell: nothing to align
            elif taken[i] > 1:
                out.append(_text_cell(sheet, value, style=self.wrapped))
            else:  # one line: at the top of a taller row, else as it is (see _text_cell)
                out.append(_text_cell(sheet, value, style=self.top if lines > 1 else None))
        return out, lines
