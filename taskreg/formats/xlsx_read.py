"""XLSX in: the file checked before it is parsed, and its first sheet's rows read for import.

Bounded work for any file (SPEC §8): the zip directory is checked against the limits
below before any part is parsed, and no part may declare a document type. Text comes back
from OOXML's _xHHHH_ escapes exactly as formats/xlsx.py wrote it. openpyxl is imported
only when an .xlsx is read.
"""

# openpyxl ships no type hints and its stubs (types-openpyxl) are not installed, so each
# openpyxl import below carries `type: ignore[import-untyped]`: mypy takes it as Any.

import re
from collections.abc import Iterator
from pathlib import Path

from taskreg.domain.errors import BadInput, Count, Ref
from taskreg.domain.import_rows import UnsavedFormula
from taskreg.formats.xlsx import from_xlsx_text

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

    try:  # openpyxl parses with lxml where it is installed: a damaged part raises its error
        from lxml.etree import LxmlError  # type: ignore[import-untyped]
    except ImportError:
        xml_errors: tuple[type[Exception], ...] = ()
    else:
        xml_errors = (LxmlError,)
    return (
        *xml_errors,
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


def _damaged(error: Exception):
    """Why a damaged .xlsx cannot be read: a part whose XML does not parse (a truncated
    workbook.xml, say) said so in the output language, the parser's own words after it."""
    if isinstance(error, SyntaxError):  # expat's ParseError and lxml's XMLSyntaxError are ones
        detail = str(error.msg or error).strip().rstrip(".")  # msg: without lxml's "(<string>, line 1)"
        return ("xlsx_bad_xml", {"detail": detail or type(error).__name__})
    return str(error) or Ref("xlsx_damaged")


def _open_book(path: Path):
    """The workbook, read-only (its sheet's cells are read by _sheet_rows, each with the
    value Excel saved and its formula). Its shared strings are kept exactly (openpyxl's own reader deletes every
    "x005F_" from them, losing the difference between _x001B_, ESC's escape, and the typed
    text _x001B_). Its first sheet must be a worksheet: a chart sheet (or a dialog or macro
    sheet) first is refused, not skipped for the next one."""
    from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]

    class Reader(ExcelReader):
        def read_strings(self):
            self.shared_strings = _shared_strings(self)

    reader = Reader(path, read_only=True, data_only=True)
    reader.read()
    try:
        first = next(
            ((sheet, rel) for sheet, rel in reader.parser.find_sheets() if rel.target in reader.valid_files),
            None,
        )
        if first is None:
            raise BadInput("import_unreadable", path=str(path), reason=Ref("xlsx_no_sheet"))
        if first[1].Type.rsplit("/", 1)[-1] != "worksheet":
            raise BadInput("import_unreadable", path=str(path), reason=("xlsx_first_sheet", {"sheet": first[0].name}))
    except BaseException:
        reader.wb.close()
        raise
    return reader.wb


class _SharedStrings:
    """A workbook's shared strings as the file holds them (their _xHHHH_ unread), parsed only
    as far as the sheet's cells ask: those after the last one a cell uses are never read, so
    a part padded with unused strings costs nothing (SPEC §8). openpyxl's sheet parser only
    indexes it."""

    def __init__(self, archive, name: str):
        self._archive, self._name = archive, name
        self._strings: list[str] = []
        self._rest: Iterator[str] | None = None  # the parse, from the first string a cell asks for

    def _parse(self) -> Iterator[str]:
        from openpyxl.cell.text import Text  # type: ignore[import-untyped]
        from openpyxl.xml.constants import SHEET_MAIN_NS  # type: ignore[import-untyped]
        from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]

        tag = f"{{{SHEET_MAIN_NS}}}si"
        with self._archive.open(self._name) as source:
            for _, node in iterparse(source):
                if node.tag == tag:
                    yield Text.from_tree(node).content
                    node.clear()

    def __getitem__(self, index: int) -> str:
        if index < 0:
            raise IndexError(index)  # only an index a cell holds: never counted from the end
        if self._rest is None:
            self._rest = self._parse()
        while len(self._strings) <= index:
            following = next(self._rest, None)
            if following is None:
                raise IndexError(f"shared string {index} is not in the workbook")
            self._strings.append(following)
        return self._strings[index]


def _shared_strings(reader) -> "_SharedStrings | list[str]":
    """A workbook's shared strings, read as its cells ask for them (_SharedStrings)."""
    from openpyxl.xml.constants import SHARED_STRINGS  # type: ignore[import-untyped]

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
    return _SharedStrings(reader.archive, name)


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
        book = _open_book(path)
    except errors as e:
        raise BadInput("import_unreadable", path=str(path), reason=_damaged(e)) from None
    try:
        # The rows the sheet's XML holds, as it numbers them: never openpyxl's iter_rows, which
        # pads every row to the width the sheet declares and every gap between rows with empty
        # ones (a 1.5 KB file declaring A1:XFD1048576 made a million rows of 16,384 cells).
        rows = _sheet_rows(book)
        first = next(rows, None)
        # The header row is the sheet's row 1; a sheet whose row 1 is missing has no headers.
        headers = [_xlsx_value(c["value"]) for c in _by_column(first[1])] if first and first[0] == 1 else []
        yield headers
        width = len(headers)
        for number, cells in rows:
            if not cells:
                continue  # an empty row, styled or not
            # A cell past the headers' width is read by no column: it costs nothing more.
            values = [_saved_value(cell) for cell in _by_column(cells, width)]
            if any(v not in (None, "") for v in values):
                yield number, dict(zip(headers, values))
    except errors as e:  # a sheet is parsed as it is read: a broken one shows only now
        raise BadInput("import_unreadable", path=str(path), reason=_damaged(e)) from None
    finally:
        book.close()


def _sheet_rows(book):
    """(row number, {column: cell}) for each row the first sheet's XML holds, a cell being
    openpyxl's dict of `value` (as Excel saved it) and `data_type`, with its `formula`: a row
    costs what it holds, whatever the sheet declares (SPEC §8)."""
    from openpyxl.utils.cell import coordinate_to_tuple  # type: ignore[import-untyped]
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser  # type: ignore[import-untyped]

    sheet = book.worksheets[0]
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )

        def parse_row(row):
            """openpyxl's row parser without what it keeps of each row's formatting (a dict
            per styled row), and an empty cell (a style, no value) skipped unparsed."""
            number = row.get("r")
            if number is not None:
                value = float(number)
                if not value.is_integer():
                    raise ValueError(f"{number} is not a valid row number")
                parser.row_counter = int(value)
            else:
                parser.row_counter += 1
            parser.col_counter = 0
            cells = {}
            last, after = None, 0  # the last empty cell's reference, and empty cells without one since
            for element in row:
                ref = element.get("r")
                if not len(element):  # no value, no formula, no inline text: nothing to read
                    last, after = (ref, 0) if ref else (last, after + 1)
                    continue
                if not ref and (last is not None or after):  # its column follows the empty ones
                    parser.col_counter = (coordinate_to_tuple(last)[1] if last else parser.col_counter) + after
                last, after = None, 0
                cell = parser.parse_cell(element)
                if element.find(FORMULA_TAG) is not None:
                    cell["formula"] = parser.parse_formula(element)
                cells[cell["column"]] = cell
            return parser.row_counter, cells

        parser.parse_row = parse_row
        yield from parser.parse()


_EMPTY = {"value": None, "data_type": "n"}


def _by_column(cells: dict, width: int | None = None) -> list[dict]:
    """A row's cells by column, from column A: as many as `width` (else up to its last cell),
    an empty cell where the XML has none."""
    if width is None:
        width = max(cells, default=0)
    return [cells.get(column, _EMPTY) for column in range(1, width + 1)]


def sheet_rows(path: Path) -> int | None:
    """The rows after the header of an .xlsx's first sheet, as many as its XML holds
    (counted in one pass, read in 1 MiB pieces), for the progress bar's total; None when
    that cannot be read. Never what its <dimension> declares: a file may declare a million
    rows and hold one (SPEC §8), and a bar would then wait for rows that never come."""
    from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]

    try:
        reader = ExcelReader(path, read_only=True)
        try:
            reader.read_manifest()
            reader.read_workbook()
            first = next(iter(reader.parser.find_sheets()), None)
            if first is None:
                return None
            with reader.archive.open(first[1].target) as source:
                rows, tail = 0, b""
                while piece := source.read(1 << 20):
                    text = tail + piece
                    rows += text.count(b"<row ") + text.count(b"<row>")
                    tail = piece[-4:]  # shorter than "<row": never counted twice
        finally:
            reader.archive.close()
    except Exception:  # only the progress bar's total rests on it: unknown, not an error
        return None
    return rows - 1 if rows >= 2 else None


def _saved_value(cell: dict):
    """A cell's value as Excel saved it; an UnsavedFormula where there is none."""
    if cell["value"] is not None:
        return _xlsx_value(cell["value"])
    if cell["data_type"] == "str":
        return ""  # a formula whose saved result is the empty text, as IF(...; ""; ...) gives
    formula = cell.get("formula")
    text = getattr(formula, "text", formula)  # an array formula is an object holding its text
    if isinstance(text, str) and text.startswith("="):
        return UnsavedFormula(text)
    return None


# -- writing ---------------------------------------------------------------------------------
