"""The report as a Word document: `report --format docx` (README "The report as a document").

One A4 document in the administrative layout the README gives: the header block, "BÁO
CÁO" and its subject, the report's sentences exactly as `taskreg report` prints them, a
chart of the four states per agency, the open overdue tasks grouped by agency, the
recipients and the signature; then, on landscape pages, the per-agency table as the
appendix (its twelve columns do not fit the portrait text column at a readable size).

Everything is Times New Roman, set on the document's defaults, on every style used and on
every run, so neither Word nor LibreOffice falls back to a theme font. Text from the
register goes in through `_clean` (taskreg.domain.text.printable, then the two characters XML
cannot hold that printable keeps), so no control character reaches the XML.

The chart is formats/document_chart.py's; the building blocks (pages, paragraphs, tables,
the catalogue's words and `_clean`) are formats/docx_layout.py's.
"""

import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from taskreg.domain.dates import from_iso
from taskreg.domain.figures import Figures, Report
from taskreg.domain.states import FOUR
from taskreg.domain.text import fold
from taskreg.formats.document_chart import _chart_block, chart_labels
from taskreg.formats.docx_layout import (
    _W,
    TEXT_W,
    WIDE_W,
    _add_row,
    _body,
    _cant_split,
    _clean,
    _defaults,
    _heading,
    _keep_with_next,
    _page,
    _page_numbers,
    _para,
    _repeat_header,
    _restart_numbering,
    _rule,
    _t,
    _table,
)
from taskreg.present import i18n
from taskreg.present.prose import MONTHS, period_label

#: The header block's two columns: the issuing body, and the Quốc hiệu, which at 12 pt bold
#: is 88 mm long and so stays on one line.
HEAD_COLS = (62, TEXT_W - 62)
#: An overdue task more than this many days past its deadline is marked (*).
LONG_OVERDUE = 120
#: A chart of at most this many agencies (at most 88 mm tall) stays in section II on page 1;
#: a taller one would leave page 1 half empty before it, so it is Phụ lục II, a page of its own.
CHART_IN_BODY = 10

#: Advance widths of Times New Roman Bold (units of 1/2048 em; Liberation Serif Bold, its
#: metric twin, has the same), characters 32 to 126: to size a rule to the text above it.
#: A Vietnamese letter is as wide as its base letter, except the horned ones (HORN).
_BOLD_WIDTHS = (
    "512,682,1137,1024,1024,2048,1706,569,682,682,1024,1167,512,682,512,569,1024,1024,1024,1024,1024,1024,"
    "1024,1024,1024,1024,682,682,1167,1167,1167,1024,1905,1479,1366,1479,1479,1366,1251,1593,1593,797,1024,"
    "1593,1366,1933,1479,1593,1251,1593,1479,1139,1366,1479,1479,2048,1479,1479,1366,682,569,682,1190,1024,"
    "682,1024,1139,909,1139,909,682,1024,1139,569,682,1139,569,1706,1139,1024,1139,1139,909,797,682,1139,"
    "1024,1479,1024,1024,909,807,451,807,1065"
)
_BOLD = dict(zip(map(chr, range(32, 127)), map(int, _BOLD_WIDTHS.split(","))))
HORN = {"U": 1630, "u": 1229, "o": 1134}
STROKE = {"Đ": "D", "đ": "d"}  # no decomposition, the width of the letter without its stroke


def bold_width_mm(text: str, size: float) -> float:
    """How long `text` is in Times New Roman Bold at `size` points, in millimetres."""
    units = 0
    for char in text:
        parts = unicodedata.normalize("NFD", STROKE.get(char, char))
        base = parts[0]
        units += HORN[base] if "\u031b" in parts and base in HORN else _BOLD.get(base, 1024)
    return units / 2048 * size * 25.4 / 72


def long_date(lang: str, place: str | None, day: date) -> str:
    """The place and date line: "Quảng Nam, ngày 05 tháng 4 năm 2021" (day two digits,
    month two digits only for 01 and 02), "Quảng Nam, 05 April 2021"."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return _t(
        lang,
        "doc_date_line",
        place=_clean(place) or _t(lang, "doc_place_blank"),
        day=f"{day.day:02d}",
        month=month,
        month_name=MONTHS[day.month - 1],
        year=day.year,
    )


def issuer_lines(org: str, issuer: str | None) -> list[str]:
    """The issuing body's lines in the header (docs/document.md "The header"): the setting
    `issuer` (lines separated by ";"), else from `org`: an org folding to "ubnd …" or "uy ban
    nhan dan …" is "ỦY BAN NHÂN DÂN" over the rest in capitals ("UBND tỉnh Quảng Nam":
    "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NAM"), anything else one line in capitals."""
    if issuer and issuer.strip(";").strip():
        return lines_of(issuer, caps=True)
    words = org.split()
    folded = fold(org).split()
    for prefix in (["ubnd"], ["uy", "ban", "nhan", "dan"]):
        if folded[: len(prefix)] == prefix and len(words) > len(prefix):
            return [_clean("ỦY BAN NHÂN DÂN"), _clean(" ".join(words[len(prefix) :]).upper())]
    return [_clean(org.upper())]


def lines_of(setting: str | None, caps: bool = False) -> list[str]:
    """A setting of several lines (`recipients`, `signer-title`): split on ";", in capitals
    with `caps` (made capitals before they are cleaned, so an escape stays \\x1b)."""
    lines = [line.strip() for line in (setting or "").split(";") if line.strip()]
    return [_clean(line.upper() if caps else line) for line in lines]


def write_report(
    target: Path | BinaryIO,
    *,
    lang: str,
    org: str,
    report: Report,
    agency: dict | None,
    sentences: list[str],
    overdue: list[dict],
    names: dict[str, str],
    settings: dict[str, str | None],
    symbol: str | None,
    doc_date: date,
    publication: dict | None,
    short_names: dict[str, str] | None = None,
) -> None:
    """Write the report document to `target`, a path or a binary file (README "The report as a document").
    `short_names`: the agencies' short names by code (`agency add|edit --short`), the chart's labels."""
    from docx import Document

    issuer = issuer_lines(org, settings.get("issuer"))  # from the register's text, cleaned there
    org, org_caps = _clean(org), _clean(org.upper())
    symbol_text = _clean(symbol) or _t(lang, "doc_symbol_blank")
    label = period_label(lang, report.period)
    doc = Document()
    _defaults(doc, lang)
    section = doc.sections[0]
    _page(section, landscape=False)
    _page_numbers(section)

    superior = lines_of(settings.get("issuer-superior"), caps=True)
    _header_block(doc, lang, superior, issuer, symbol_text, long_date(lang, settings.get("place"), doc_date))
    _para(doc, _t(lang, "doc_type"), size=14, bold=True, align="center", before=18, after=0, keep=True)
    # The key tasks alone (`report --starred`): the subject, and so the title and closing, say so.
    if agency:
        one = "doc_subject_one_starred" if report.starred else "doc_subject_one"
        subject = _t(lang, one, org=org, period=label, agency=_clean(agency.get("name")))
    else:
        subject = _t(lang, "doc_subject_all_starred" if report.starred else "doc_subject_all", org=org, period=label)
    # The period is never broken across lines ("quý" / "I/2021"): its spaces do not break.
    shown = subject.replace(label, label.replace(" ", "\u00a0"))
    _para(doc, shown, size=14, bold=True, align="center", after=0, keep=True)
    # The rule under the subject: a third of its (first) line, centred.
    _rule(doc, min(bold_width_mm(subject, 14), TEXT_W) / 3, TEXT_W, after=12)

    _heading(doc, _t(lang, "doc_h_general"))
    for sentence in sentences:
        _body(doc, _clean(sentence))

    _heading(doc, _t(lang, "doc_h_agencies"))
    rows = [f for f in report.rows if f.total]  # an agency with only cancelled tasks has no bar
    labels = chart_labels(rows, names, short_names or {})
    # A short chart stays on page 1 under the text that refers to it; a taller one would
    # leave page 1 half empty before it, so it is an appendix of its own (docs/document.md).
    in_body = len(rows) <= CHART_IN_BODY
    if not report.rows:
        _body(doc, _t(lang, "doc_agencies_none"))
    elif not rows:
        _body(doc, _t(lang, "doc_agencies_appendix_only"))
    else:
        _body(doc, _t(lang, "doc_agencies_chart_below" if in_body else "doc_agencies_chart_appendix"), keep=in_body)
    if rows and in_body:
        _chart_block(doc, lang, report, rows, labels, TEXT_W, 120)

    _heading(doc, _t(lang, "doc_h_overdue"))
    _overdue(doc, lang, report.as_of, overdue, names)

    # The body's last line, kept on the page of the signature: that page is never only a signature.
    _body(doc, _t(lang, "doc_closing", subject=subject[:1].lower() + subject[1:]), keep=True)

    _signature(doc, lang, settings)

    if report.rows:
        _new_section(doc, landscape=True)
        numbered = bool(rows) and not in_body  # two appendices: "Phụ lục I", "Phụ lục II"
        _appendix(doc, lang, org, org_caps, label, report, symbol_text, doc_date, "I" if numbered else "")
        if numbered:
            _new_section(doc, landscape=False)
            _appendix_heading(
                doc, lang, org, org_caps, symbol_text, doc_date, "II", "doc_chart_appendix_title", TEXT_W, report
            )
            _chart_block(doc, lang, report, rows, labels, TEXT_W, 205, title=False)

    props = doc.core_properties
    props.title, props.author, props.last_modified_by = subject, org, org
    props.language = "vi-VN" if lang == "vi" else "en-GB"
    props.created = props.modified = datetime(doc_date.year, doc_date.month, doc_date.day)
    props.revision = 1
    # A document never cites itself (docs/document.md): a published period's digest is in its
    # properties (File > Properties), never in its text.
    if publication is not None:
        props.comments = _t(lang, "doc_digest", digest=_clean(publication["digest"]))
        props.keywords = props.comments
    doc.save(str(target) if isinstance(target, Path) else target)  # a path, or a file (-o /dev/stdout)


def _new_section(doc, landscape: bool):
    """A section from a new page. python-docx closes the previous section with a new empty
    paragraph: it is made 1 pt high, so that after a full page it does not spill onto a
    blank page of its own."""
    from docx.enum.section import WD_SECTION
    from docx.oxml import parse_xml

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    ppr = doc.paragraphs[-1]._p.get_or_add_pPr()  # holds only the previous section's sectPr
    ppr.insert(0, parse_xml(f'<w:spacing {_W} w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'))
    ppr.insert(1, parse_xml(f'<w:rPr {_W}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))
    _page(section, landscape=landscape)
    section.different_first_page_header_footer = True
    _restart_numbering(section)
    return section


# -- the parts --------------------------------------------------------------------------------


def _header_block(doc, lang: str, superior: list[str], issuer: list[str], symbol_text: str, date_line: str) -> None:
    """Row 1: the issuing body (its superior above it, not bold) left, the Quốc hiệu and
    Tiêu ngữ right; row 2: "Số: …" left, level with the place and date right."""
    table = _table(doc, 2, HEAD_COLS, margin=0, top=True)
    left, right = table.rows[0].cells
    lines = [(line, False) for line in superior] + [(line, True) for line in issuer]
    for i, (line, bold) in enumerate(lines):
        _para(left, line, size=13, bold=bold, align="center", after=0, first=i == 0)
    # The short rule under the issuing body: 40% of its longest line, never wider than the column.
    widest = max(bold_width_mm(line, 13) for line in issuer)
    _rule(left, min(widest, HEAD_COLS[0]) * 0.4, HEAD_COLS[0])
    nation = _t(lang, "doc_nation")
    _para(right, nation, size=12, bold=True, align="center", after=0, first=True)
    motto = _t(lang, "doc_motto")
    _para(right, motto, size=13, bold=True, align="center", after=0)
    # The rule as long as the Tiêu ngữ.
    _rule(right, bold_width_mm(motto, 13), HEAD_COLS[1])
    number, when = table.rows[1].cells
    # The number (13 pt) and the date line (14 pt) on one baseline-ish line: the same row, the
    # same space above.
    _para(number, _t(lang, "doc_number", symbol=symbol_text), size=13, align="center", before=8, after=0, first=True)
    _para(when, date_line, size=14, italic=True, align="center", before=8, after=0, first=True)
    for row in table.rows:
        _cant_split(row)


def assigning_document(lang: str, task: dict) -> str:
    """The document that assigned a task, as an office cites it: "26-KL/TU ngày 04/01/2021";
    its symbol alone without a date, "—" without a symbol."""
    symbol = _clean(task.get("source"))
    when = from_iso(task.get("source_date")) if task.get("source_date") else None
    if not symbol:
        return _t(lang, "doc_source_dated", symbol="—", day=i18n.day(lang, when)) if when else "—"
    return _t(lang, "doc_source_dated", symbol=symbol, day=i18n.day(lang, when)) if when else symbol


def overdue_groups(as_of: date, overdue: list[dict], names: dict[str, str]) -> list[tuple[str, list[tuple[int, dict]]]]:
    """The open overdue tasks by lead agency, in the order the list's lead sentence states
    (docs/document.md): the agency with the longest overdue task first (then the one with
    more, then by name), and in each the longest overdue first."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for task in overdue:
        due = from_iso(task["due_on"])
        days = (as_of - due).days if due else 0
        groups.setdefault(task["agency"], []).append((days, task))
    for tasks in groups.values():
        tasks.sort(key=lambda pair: (-pair[0], pair[1]["id"]))
    order = sorted(groups, key=lambda c: (-groups[c][0][0], -len(groups[c]), names.get(c) or c, c))
    return [(code, groups[code]) for code in order]


def _overdue(doc, lang: str, as_of: date, overdue: list[dict], names: dict[str, str]) -> None:
    """The open overdue tasks, one group per lead agency (overdue_groups' order), with the
    document that assigned each; those more than LONG_OVERDUE days past the deadline marked (*)."""
    day = i18n.day(lang, as_of)
    if not overdue:
        _body(doc, _t(lang, "doc_overdue_none", day=day), keep=True)  # with the closing lines
        return
    _body(doc, _t(lang, "doc_overdue_intro", day=day, n=i18n.num(lang, len(overdue))), keep=True)
    widths = (11, 32, 76, 24, 22)  # "26-KL/TU ngày 04/01/2021" on two lines; an ISO date fits at 12 pt
    table = _table(doc, 1, widths, style="Table Grid")
    heads = ("doc_col_no", "doc_col_source", "doc_col_task", "doc_col_due", "doc_col_days")
    for cell, key in zip(table.rows[0].cells, heads):
        _para(cell, _t(lang, key), size=12, bold=True, align="center", first=True)
    _repeat_header(table.rows[0])
    number, marked = 0, False
    # The last row is kept with what follows (the mark's line, the closing lines and the
    # signature): the closing lines are never alone on their page.
    for code, tasks in overdue_groups(as_of, overdue, names):
        row = _add_row(table, widths)
        merged = row.cells[0].merge(row.cells[-1])
        name = _clean(names.get(code) or code)
        _para(merged, _t(lang, "doc_overdue_group", name=name, n=len(tasks)), size=12, bold=True, first=True)
        _keep_with_next(merged)
        for days, task in tasks:
            number += 1
            long = days > LONG_OVERDUE
            marked = marked or long
            row = _add_row(table, widths)
            texts = (
                i18n.num(lang, number),
                assigning_document(lang, task),
                _clean(task["title"]),
                i18n.day(lang, from_iso(task["due_on"])),
                i18n.num(lang, days) + (" (*)" if long else ""),
            )
            last = number == len(overdue)
            for i, (cell, text) in enumerate(zip(row.cells, texts)):
                _para(cell, text, size=12, bold=long, align="left" if i == 2 else "center", first=True, keep=last)
    if marked:
        note = _t(lang, "doc_long_overdue", days=LONG_OVERDUE)
        _para(doc, note, size=12, italic=True, before=3, after=6, keep=True)


def _signature(doc, lang: str, settings: dict[str, str | None]) -> None:
    """Recipients (left) and the signing authority (right), from the settings; blank where unset."""
    table = _table(doc, 1, HEAD_COLS, margin=0, top=True)
    left, right = table.rows[0].cells
    _para(left, _t(lang, "doc_recipients"), size=12, bold=True, italic=True, before=6, after=0, first=True)
    recipients = lines_of(settings.get("recipients"))
    for i, line in enumerate(recipients):
        text = line if line.startswith("-") else "- " + line
        if text[-1] not in ";.,:":
            text += "." if i == len(recipients) - 1 else ";"
        _para(left, text, size=11, after=0)
    titles = lines_of(settings.get("signer-title"), caps=True)
    for i, line in enumerate(titles or [""]):
        _para(right, line, size=14, bold=True, align="center", before=6 if i == 0 else 0, first=i == 0)
    for _ in range(4):  # the signature and the seal
        _para(right, "", size=14, after=0)
    _para(right, _clean(settings.get("signer-name")), size=14, bold=True, align="center", after=0)
    for row in table.rows:
        _cant_split(row)


def _appendix_heading(
    doc,
    lang: str,
    org: str,
    org_caps: str,
    symbol_text: str,
    doc_date: date,
    number: str,
    title_key: str,
    width: float,
    report: Report,
) -> None:
    """An appendix's heading: "Phụ lục" (with its number when there are two), its title in
    capitals, what report it is attached to, a rule."""
    when = (
        i18n.day(lang, doc_date) if lang == "vi" else f"{doc_date.day:02d} {MONTHS[doc_date.month - 1]} {doc_date.year}"
    )
    heading = _t(lang, "doc_appendix") + (f" {number}" if number else "")
    _para(doc, heading, size=14, bold=True, align="center", after=0, keep=True)
    title = _t(
        lang,
        title_key,
        org=org_caps,
        period=period_label(lang, report.period).upper(),
        day=i18n.day(lang, report.as_of),
    )
    _para(doc, title, size=14, bold=True, align="center", after=0, keep=True)
    _para(
        doc,
        _t(lang, "doc_appendix_of", symbol=symbol_text, day=when, org=org),
        size=14,
        italic=True,
        align="center",
        after=0,
        keep=True,
    )
    _rule(doc, min(bold_width_mm(title, 14), width) / 3, width, after=6)


def _appendix(
    doc,
    lang: str,
    org: str,
    org_caps: str,
    label: str,
    report: Report,
    symbol_text: str,
    doc_date: date,
    number: str = "",
) -> None:
    """The per-agency table on landscape pages: full names, codes, the four states, the
    rates and the oldest overdue task, worst completion rate first, the total row last
    (kept on the page of the rows above it)."""
    _appendix_heading(doc, lang, org, org_caps, symbol_text, doc_date, number, "doc_appendix_title", WIDE_W, report)
    # What the table counts, above it: a note below could be left alone on a page.
    note = _t(lang, "doc_appendix_as_of", day=i18n.day(lang, report.as_of)) + ". "
    note += _t(lang, "doc_table_note", basis=i18n.t(lang, "basis_" + report.basis))
    if report.whole.cancelled:
        note += "; " + _t(lang, "doc_table_cancelled", n=i18n.num(lang, report.whole.cancelled))
    _para(doc, f"({note})", size=12, italic=True, align="center", after=6, keep=True)
    basis = report.basis
    # The update rate's column but for published figures, which have none (docs/reports.md).
    update_rate = report.window is not None
    figures = 10 if update_rate else 9
    widths = (10, 58, 29) + (round((WIDE_W - 97) / figures, 2),) * figures
    # Two header rows: the four states under "completed" and "open", the rest spanning both.
    table = _table(doc, 2, widths, style="Table Grid", margin=0.8)
    spanning = {
        0: "doc_col_no",
        1: "doc_col_agency",
        2: "doc_col_code",
        3: "doc_col_total",
        8: "doc_col_no_deadline",
        9: "doc_col_completion",
        10: "doc_col_on_time_rate",
        **({11: "doc_col_update_rate", 12: "doc_col_oldest"} if update_rate else {11: "doc_col_oldest"}),
    }
    for i, key in spanning.items():
        _para(table.cell(0, i).merge(table.cell(1, i)), _t(lang, key), size=11, bold=True, align="center", first=True)
    for i, key in ((4, "doc_col_done"), (6, "doc_col_open")):
        _para(
            table.cell(0, i).merge(table.cell(0, i + 1)), _t(lang, key), size=11, bold=True, align="center", first=True
        )
    for i, key in enumerate(("doc_col_on_time", "doc_col_late", "doc_col_overdue", "doc_col_in_progress"), 4):
        _para(table.cell(1, i), _t(lang, key), size=11, bold=True, align="center", first=True)
    for row in table.rows:
        _repeat_header(row)

    def cells(f: Figures) -> list[str]:
        n = lambda v: i18n.num(lang, v)  # noqa: E731
        return [
            n(f.total),
            *(n(getattr(f, key)) for key in FOUR),
            n(f.no_deadline),
            i18n.pct(lang, f.completion_rate(basis)),
            i18n.pct(lang, f.on_time_rate),
            *([i18n.pct(lang, f.update_rate)] if update_rate else []),
            "—" if f.oldest_overdue_days is None else n(f.oldest_overdue_days),
        ]

    for rank, f in enumerate(report.rows, 1):
        row = _add_row(table, widths)
        texts = [i18n.num(lang, rank), _clean(f.agency_name or f.agency), _clean(f.agency), *cells(f)]
        # The last two rows are kept with the total row: it is never alone on a page.
        keep = rank > len(report.rows) - 2
        for i, (cell, text) in enumerate(zip(row.cells, texts)):
            _para(cell, text, size=11, align="left" if i == 1 else "center", first=True, keep=keep)
    row = _add_row(table, widths)
    total = row.cells[0].merge(row.cells[2])
    _para(total, _t(lang, "doc_total_row"), size=11, bold=True, align="center", first=True)
    for cell, text in zip(row.cells[3:], cells(report.whole)):
        _para(cell, text, size=11, bold=True, align="center", first=True)
