"""XLSX in: the file checked before it is parsed, and its first sheet's rows read for import.

Bounded work for any file (SPEC §8): the zip directory is checked against the limits
below before any part is parsed, and no part may declare a document type. Text comes back
from OOXML's _xHHHH_ escapes exactly as formats/xlsx.py wrote it. openpyxl is imported
only when an .xlsx is read.
"""

# openpyxl ships no type hints and its stubs (types-openpyxl) are not installed, so each
# openpyxl import below carries `type: ignore[import-untyped]`: mypy takes it as Any.

import re
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
        raise BadInput("import_unreadable", path=str(path), reason=_damaged(e)) from None
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
        raise BadInput("import_unreadable", path=str(path), reason=_damaged(e)) from None
    finally:
        book.close()
        formulas.close()


def sheet_rows(path: Path) -> int | None:
    """The rows after the header of an .xlsx's first sheet, as the sheet's <dimension>
    says (Excel writes it), else as many as its XML has (a write-only openpyxl file, such
    as taskreg's export, has no <dimension>); None when that cannot be read."""
    from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]
    from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]

    try:
        reader = ExcelReader(path, read_only=True)
        try:
            reader.read_manifest()
            reader.read_workbook()
            first = next(iter(reader.parser.find_sheets()), None)
            if first is None:
                return None
            with reader.archive.open(first[1].target) as source:
                dimensions = WorkSheetParser(source, []).parse_dimensions()
            if not dimensions or not dimensions[3]:
                # No <dimension> (taskreg's own export, written row by row): count the
                # sheet's rows in one pass of its XML, read in 1 MiB pieces.
                with reader.archive.open(first[1].target) as source:
                    rows, tail = 0, b""
                    while piece := source.read(1 << 20):
                        text = tail + piece
                        rows += text.count(b"<row ") + text.count(b"<row>")
                        tail = piece[-4:]  # shorter than "<row": never counted twice
                dimensions = (None, None, None, rows)
        finally:
            reader.archive.close()
    except Exception:  # only the progress bar's total rests on it: unknown, not an error
        return None
    if not dimensions or not dimensions[3] or dimensions[3] < 2:
        return None
    return dimensions[3] - 1


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
