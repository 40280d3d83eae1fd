"""The Word document's building blocks (README "The report as a document"): the page and
its margins, Times New Roman on every style and run, paragraphs, rules, tables and their
rows, page numbers; the catalogue's words for it, and register text made fit for it.
taskreg/formats/document.py lays the report out with these."""

import re

from taskreg.domain.text import printable
from taskreg.present import i18n

FONT = "Times New Roman"
#: The page, in millimetres (README "The report as a document"): A4, margins top 20,
#: bottom 20, left 30, right 15; the text column is 165 mm wide (252 mm on the landscape appendix).
PAGE_W, PAGE_H = 210, 297
TOP, BOTTOM, LEFT, RIGHT = 20, 20, 30, 15
TEXT_W = PAGE_W - LEFT - RIGHT
WIDE_W = PAGE_H - LEFT - RIGHT
BODY_PT = 14


def _defaults(doc, lang: str) -> None:
    """Times New Roman, black, in the document's language, on the defaults and the styles
    used: the theme fonts the template names are replaced, so nothing falls back to them."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    lang_tag = "vi-VN" if lang == "vi" else "en-GB"
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    rpr.get_or_add_color().set(qn("w:val"), "000000")
    language = rpr.find(qn("w:lang"))
    if language is None:  # the template has one; lang is last but a few in an rPr
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), lang_tag)
    language.set(qn("w:eastAsia"), lang_tag)
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = FONT
        _set_fonts(style.element.get_or_add_rPr())
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _set_fonts(rpr) -> None:
    """Times New Roman for every script of a run's (or a style's) properties."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
    section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.gutter = Mm(0)


def _page_numbers(section) -> None:
    """Page numbers centred in the top margin, none on the first page (the appendix's
    section, linked to this one, shows them too)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _para(section.first_page_header, "", size=13, first=True)
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run._r.append(shown)


def _restart_numbering(section) -> None:
    """The appendix's pages are numbered on their own, from 1 (not shown on its first)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    section._sectPr.find(qn("w:cols")).addprevious(number)  # the schema's order: pgNumType before cols
    section.first_page_header.is_linked_to_previous = False
    _para(section.first_page_header, "", size=13, first=True)


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    from docx.shared import Pt

    run.font.name = FONT
    _set_fonts(run._r.get_or_add_rPr())
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic


JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'  # nsdecls("w"), without loading python-docx
_FONTS = "<w:rFonts " + " ".join(f'w:{a}="{FONT}"' for a in ("ascii", "hAnsi", "eastAsia", "cs")) + "/>"


def _twips(mm: float) -> str:
    return str(round(mm * 1440 / 25.4))


def _para(
    container,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: str = "left",
    before: float = 0,
    after: float = 0,
    keep: bool = False,
    first: bool = False,
    indent: float = 0,
    line: float = 1.0,
    rule: float | None = None,
):
    """A paragraph of one run, its properties written whole (python-docx's setters, one by
    one, took most of the time a document took to build). `first` fills a cell's (or a
    header's) empty first paragraph; `rule` makes it an empty paragraph 2 pt high whose
    bottom border is the rule, indented by `rule` mm on each side. The paragraph mark has
    the text's size too, so an empty line is as tall as a line of text."""
    from docx.oxml import parse_xml

    paragraph = container.paragraphs[0] if first and container.paragraphs else container.add_paragraph()
    half = round(size * 2)
    ppr = ["<w:keepNext/>" if keep else ""]
    if rule is not None:
        ppr.append('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>')
    spacing = (
        'w:line="40" w:lineRule="exact"' if rule is not None else f'w:line="{round(240 * line)}" w:lineRule="auto"'
    )
    ppr.append(f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}" {spacing}/>')
    if rule is not None:
        ppr.append(f'<w:ind w:left="{_twips(rule)}" w:right="{_twips(rule)}"/>')
    elif indent:
        ppr.append(f'<w:ind w:firstLine="{_twips(indent)}"/>')
    ppr.append(f'<w:jc w:val="{JC[align]}"/><w:rPr>{_FONTS}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>')
    p = paragraph._p
    if p.pPr is not None:
        p.remove(p.pPr)
    p.insert(0, parse_xml(f"<w:pPr {_W}>{''.join(ppr)}</w:pPr>"))
    if text:
        marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        run = parse_xml(
            f'<w:r {_W}><w:rPr>{_FONTS}{marks}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
            '<w:t xml:space="preserve"/></w:r>'
        )
        run[-1].text = text  # set, not formatted in: lxml escapes it (and refuses what XML cannot hold)
        p.append(run)
    return paragraph


def _body(doc, text: str, keep: bool = False):
    """A body paragraph: 14 pt, justified, first line indented, 6 pt after, 1.15 lines."""
    return _para(doc, text, align="justify", after=6, indent=10, line=1.15, keep=keep)


def _heading(doc, text: str):
    return _para(doc, text, bold=True, align="justify", before=6, after=6, line=1.15, keep=True, indent=10)


def _rule(container, length_mm: float, room_mm: float, after: float = 0):
    """A horizontal rule `length_mm` long, centred in a column `room_mm` wide."""
    return _para(container, "", size=1, after=after, rule=max((room_mm - length_mm) / 2, 0))


def _table(container, rows: int, widths_mm, style: str | None = None, margin: float = 1.2, top: bool = False):
    """A table of fixed column widths (in mm) and cell margins; its cells' text centred
    vertically, or at the `top` (the header block and the signature)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table = container.add_table(rows=rows, cols=len(widths_mm))
    if style:
        table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(sum(widths_mm) * 1440 / 25.4)))
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", 0.4), ("left", margin), ("bottom", 0.4), ("right", margin)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(value * 1440 / 25.4)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    # tblCellMar comes after tblLayout and before tblLook in a tblPr (the schema's order).
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)
    for column, w in zip(table.columns, widths_mm):
        column.width = Mm(w)
    for row in table.rows:
        _size_cells(row, widths_mm, top)
    return table


def _size_cells(row, widths_mm, top: bool = False) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Mm

    for cell, w in zip(row.cells, widths_mm):
        cell.width = Mm(w)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP if top else WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _add_row(table, widths_mm):
    row = table.add_row()
    _size_cells(row, widths_mm)
    _cant_split(row)
    return row


def _cant_split(row) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _repeat_header(row) -> None:
    """The header row is repeated at the top of each page the table runs onto."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    tr_pr.append(OxmlElement("w:tblHeader"))


def _keep_with_next(cell) -> None:
    for paragraph in cell.paragraphs:
        paragraph.paragraph_format.keep_with_next = True


_NOT_XML = re.compile("[\ufffe\uffff]")


def _t(lang: str, key: str, **values) -> str:
    """A text of the document's catalogue part (taskreg.present.messages.document)."""
    return i18n.t(lang, key, **values)


def _clean(text: str | None) -> str:
    """Register text made fit for the document: printable (SPEC §8), and XML-safe."""
    if not text:
        return ""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(text))
