"""report --format docx: the Word document, read back with python-docx (README "The report as a document").

The demo's Q1/2021 documents (Vietnamese and English) are written once for the module,
on one SQLite file; the small register of `small` runs on both engines. How the pages
look in LibreOffice is tests/render_document.py's part.
"""

import json
import re
import shutil
import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import as_built, built_once
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from typer.testing import CliRunner

from taskreg.cli.app import app
from taskreg.domain.dates import Period
from taskreg.domain.figures import Figures, Report
from taskreg.formats import document
from taskreg.present import i18n, prose

SETTINGS = {
    "org": "UBND tỉnh Quảng Nam",
    "place": "Quảng Nam",
    "recipients": "Như trên;Chủ tịch, các PCT UBND tỉnh;Lưu: VT, TH",
    "signer-title": "TM. Ủy ban nhân dân;KT. Chủ tịch;Phó Chủ tịch",
    "signer-name": "Nguyễn Văn A",
}
FONT = "Times New Roman"


class Demo:
    """The demo register, and the CLI run on it in-process."""

    def __init__(self, path: Path):
        self.path = path
        self.runner = CliRunner()
        self.env = {
            "TASKREG_DB": str(path),
            "TASKREG_TODAY": "2021-04-05",
            "TASKREG_USER": "lan",
            "TASKREG_LANG": None,
            "COLUMNS": "100",
            "LANG": "C.UTF-8",
            "LC_ALL": None,
            "NO_COLOR": "1",
        }

    def __call__(self, *args) -> str:
        result = self.runner.invoke(app, [str(a) for a in args], env=self.env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == 0, result.stdout + result.stderr
        return result.stdout


@pytest.fixture(scope="module")
def demo(request, tmp_path_factory):
    """The demo register with a place, recipients and a signer, and two documents of
    Q1/2021: in Vietnamese with its number and date given; in the locale's English with neither.
    Made once in the run; each worker that needs them reads a copy."""

    def build(folder):
        folder.mkdir()
        run = Demo(folder / "demo.db")
        run("demo", "--db", run.path)
        for key, value in SETTINGS.items():
            run("config", "set", key, value)
        vi, en = folder / "q1-vi.docx", folder / "q1-en.docx"
        run("report", "--quarter", "I/2021", "--format", "docx", "-o", vi, "--lang", "vi", "--symbol", "45/BC-UBND")
        run("report", "--quarter", "I/2021", "--format", "docx", "-o", en)

    folder = tmp_path_factory.mktemp("docx") / "demo"
    shutil.copytree(built_once(request.config, "demo-docx", build), folder)
    run = Demo(folder / "demo.db")
    return run, {lang: Document(str(folder / f"q1-{lang}.docx")) for lang in ("vi", "en")}


@pytest.fixture(scope="module")
def demo_vi(demo):
    run, docs = demo
    return run, docs["vi"]


# -- reading the document back --------------------------------------------------------------


def texts(container) -> list[str]:
    return [p.text for p in container.paragraphs]


def runs_of(paragraph):
    return [r for r in paragraph.runs if r.text]


def size_of(paragraph) -> float:
    (run,) = runs_of(paragraph)
    return run.font.size.pt


def between(doc, first: str, last: str) -> list:
    """The body's paragraphs after the one reading `first`, up to the one reading `last`."""
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == first)
    end = next(i for i, p in enumerate(paragraphs) if p.text == last)
    return paragraphs[start + 1 : end]


def table_with(doc, text: str):
    return next(t for t in doc.tables if any(text == c.text for c in t.rows[0].cells))


def unique_cells(row) -> list[str]:
    """A row's cells, a merged cell once."""
    seen, out = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell.text)
    return out


def rule_length_mm(paragraph, room_mm: float) -> float:
    """The length of a rule drawn as a paragraph's bottom border in a column `room_mm` wide."""
    ppr = paragraph._p.pPr
    assert ppr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    fmt = paragraph.paragraph_format
    return room_mm - fmt.left_indent.mm - fmt.right_indent.mm


# -- the page -------------------------------------------------------------------------------


def test_a4_portrait_with_the_margins_then_a_landscape_appendix(demo_vi):
    """43 agencies: the chart is too tall for page 1, so it is Phụ lục II, on a portrait page
    after the table's landscape Phụ lục I (SPEC §14: no page half empty before the chart)."""
    _, doc = demo_vi
    body, appendix, chart = doc.sections
    assert (round(body.page_width.mm), round(body.page_height.mm)) == (210, 297)
    assert (round(appendix.page_width.mm), round(appendix.page_height.mm)) == (297, 210)
    assert (round(chart.page_width.mm), round(chart.page_height.mm)) == (210, 297)
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs.index("Phụ lục I") < paragraphs.index("Phụ lục II")
    assert any("biểu đồ tại Phụ lục II" in p for p in paragraphs)
    for section in doc.sections:
        margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
        assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_times_new_roman_for_every_script_of_every_run(demo_vi):
    _, doc = demo_vi
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {FONT}
    assert not [a for a in fonts.attrib if "heme" in a]  # no theme font to fall back to
    runs = doc.element.body.iter(qn("w:r"))
    checked = 0
    for run in runs:
        if run.find(qn("w:t")) is None:
            continue
        rfonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert {rfonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {FONT}
        checked += 1
    assert checked > 500


# -- the header block, the title ------------------------------------------------------------


def test_header_block(demo_vi):
    """The issuing body in full on two lines (SPEC §14), "Số" level with the date line."""
    _, doc = demo_vi
    header = doc.tables[0]
    assert [round(c.width.mm) for c in header.rows[0].cells] == [62, 103]
    left, right = header.rows[0].cells
    body, place, rule = left.paragraphs
    assert [body.text, place.text] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]
    assert all(runs_of(p)[0].bold and size_of(p) == 13 for p in (body, place))
    assert 8 < rule_length_mm(rule, 62) < 40  # a short rule under the issuing body
    nation, motto, motto_rule = right.paragraphs
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and runs_of(nation)[0].bold and size_of(nation) == 12
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and runs_of(motto)[0].bold and size_of(motto) == 13
    # As long as the motto: 56.1 mm at 13 pt bold by the font's advance widths.
    assert 55 < rule_length_mm(motto_rule, 103) < 57.5
    # The number and the place and date in one row: level with each other.
    (number,), (when,) = (c.paragraphs for c in header.rows[1].cells)
    assert number.text == "Số: 45/BC-UBND" and size_of(number) == 13
    assert when.text == "Quảng Nam, ngày 05 tháng 4 năm 2021"
    assert runs_of(when)[0].italic and size_of(when) == 14
    assert number.paragraph_format.space_before == when.paragraph_format.space_before
    for paragraph in (body, place, number, nation, motto, when):
        assert paragraph.alignment == 1  # centred in its column


@pytest.mark.parametrize(
    "org, issuer, lines",
    [
        ("UBND tỉnh Quảng Nam", None, ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]),
        ("Ủy ban nhân dân thành phố Đà Nẵng", None, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"]),
        ("uy ban nhan dan tinh", None, ["ỦY BAN NHÂN DÂN", "TINH"]),
        ("Sở Y tế", None, ["SỞ Y TẾ"]),
        ("UBND", None, ["UBND"]),
        ("UBND tỉnh", "Ủy ban nhân dân;tỉnh Quảng Nam", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]),
    ],
)
def test_issuer_lines(org, issuer, lines):
    assert document.issuer_lines(org, issuer) == lines


def test_issuer_settings_and_superior(small, tmp_path):
    small("config", "set", "issuer", "Sở Y tế")
    small("config", "set", "issuer-superior", "UBND tỉnh Quảng Nam")
    target = tmp_path / "syt.docx"
    small("report", "--quarter", "I/2021", "--format", "docx", "-o", target, "--lang", "vi")
    left = Document(str(target)).tables[0].rows[0].cells[0]
    superior, body = left.paragraphs[:2]
    assert [superior.text, body.text] == ["UBND TỈNH QUẢNG NAM", "SỞ Y TẾ"]
    assert not runs_of(superior)[0].bold and runs_of(body)[0].bold


def test_title_and_subject(demo_vi):
    _, doc = demo_vi
    kind, subject = [p for p in doc.paragraphs if p.text][:2]
    assert kind.text == "BÁO CÁO" and runs_of(kind)[0].bold and size_of(kind) == 14
    assert (
        subject.text == "Tình hình thực hiện nhiệm vụ UBND tỉnh Quảng Nam giao quý\u00a0I/2021"
    )  # the period unbroken
    assert runs_of(subject)[0].bold and size_of(subject) == 14
    assert kind.alignment == subject.alignment == 1


# -- the body -------------------------------------------------------------------------------


def test_the_sentences_are_the_reports_as_an_office_writes_them(demo_vi):
    """The report's sentences (SPEC §14): the terminal's, but the one saying nothing was
    corrected after the as-of date is left out, and the cancelled and no-deadline counts
    stand in one administrative sentence."""
    run, doc = demo_vi
    printed = run("report", "--quarter", "I/2021", "--lang", "vi").splitlines()
    body = between(doc, "I. KẾT QUẢ CHUNG", "II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ")
    assert printed[-2].startswith("Không tính ở trên: 15 nhiệm vụ dừng thực hiện.")
    assert printed[-1].startswith("Không có nhiệm vụ nào trong số này được đính chính")
    assert [p.text for p in body] == printed[:-2] + [
        "Ngoài ra, 15 nhiệm vụ đã dừng thực hiện (không tính vào số trên); trong số trên có 75 nhiệm vụ"
        " không có thời hạn cụ thể (thường xuyên)."
    ]
    assert printed[0].startswith("Quý I/2021, UBND tỉnh Quảng Nam đã giao 1.738 nhiệm vụ")
    for paragraph in body:
        fmt = paragraph.paragraph_format
        assert size_of(paragraph) == 14 and paragraph.alignment == 3  # justified
        assert fmt.space_after >= Pt(6) and 1.0 <= fmt.line_spacing <= 1.5
    assert not any("Không có nhiệm vụ nào" in p.text for p in doc.paragraphs)


@pytest.mark.parametrize(
    "cancelled, no_deadline, vi",
    [
        (0, 0, []),
        (2, 0, ["Ngoài ra, 2 nhiệm vụ đã dừng thực hiện (không tính vào số trên)."]),
        (0, 3, ["Trong số trên có 3 nhiệm vụ không có thời hạn cụ thể (thường xuyên)."]),
    ],
)
def test_the_cancelled_and_no_deadline_sentence(cancelled, no_deadline, vi):
    f = Figures(population=5 + cancelled, in_progress=5, cancelled=cancelled, no_deadline=no_deadline)
    assert prose.document_extra("vi", f) == vi


def test_the_appendix_table_matches_the_json_report(demo_vi):
    run, doc = demo_vi
    out = json.loads(run("report", "--quarter", "I/2021", "--by", "agency", "--format", "json"))
    table = table_with(doc, "Cơ quan, đơn vị chủ trì")
    rows = table.rows[2:]  # two header rows
    assert len(rows) == len(out["rows"]) + 1
    for row, expected in zip(rows, out["rows"]):
        cells = [c.text for c in row.cells]
        assert cells[1:4] == [expected["name"], expected["agency"], f"{expected['total']:,}".replace(",", ".")]
    total = unique_cells(rows[-1])
    assert total == [
        "Tổng cộng",
        "1.738",
        str(out["on_time"]),
        str(out["late"]),
        str(out["overdue"]),
        "1.068",
        str(out["no_deadline"]),
        "93,88%",
        "80,45%",
        f"{out['rates']['updated']:.2f}%".replace(".", ","),  # the update rate, live
        str(out["oldest_overdue_days"]),
    ]
    assert (out["on_time"], out["late"], out["overdue"], out["in_progress"]) == (506, 123, 41, 1068)
    # Full names and worst first, as the JSON rows are.
    assert [r.cells[1].text for r in rows[:-1]] == [r["name"] for r in out["rows"]]


def test_the_chart_is_one_png_the_width_of_the_text(demo_vi):
    _, doc = demo_vi
    (shape,) = doc.inline_shapes
    assert round(shape.width.mm) == 165
    blob = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert blob[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", blob[16:24])
    assert width == round(165 / 25.4 * 200)  # 200 dpi across the text column
    assert height / width == pytest.approx(shape.height / shape.width, rel=0.01)


def test_the_overdue_tasks_grouped_by_agency_with_days(demo_vi):
    """Each task by the document that assigned it (SPEC §14), never its internal number; the
    groups in the order the lead sentence states: the longest overdue first."""
    run, doc = demo_vi
    listed = json.loads(
        run("list", "--status", "overdue", "--quarter", "I/2021", "--as-of", "31/3/2021", "--format", "json")
    )
    table = table_with(doc, "Nội dung nhiệm vụ")
    assert unique_cells(table.rows[0]) == ["STT", "Văn bản giao", "Nội dung nhiệm vụ", "Thời hạn", "Số ngày quá hạn"]
    tasks, groups = [], []
    for row in table.rows[1:]:
        cells = unique_cells(row)
        if len(cells) == 1:
            groups.append([])
        else:
            groups[-1].append(cells)
            tasks.append(cells)
    assert len(tasks) == len(listed) == 41
    assert len(groups) == len({t["agency"] for t in listed})

    def expected(t: dict) -> tuple:
        due = date.fromisoformat(t["due_on"])
        source = f"{t['source']} ngày {i18n.day('vi', date.fromisoformat(t['source_date']))}"
        return (source, t["title"], i18n.day("vi", due), str((date(2021, 3, 31) - due).days))

    assert sorted(tuple(t[1:]) for t in tasks) == sorted(map(expected, listed))
    assert any(re.fullmatch(r"\d+-KL/TU ngày \d\d/\d\d?/20\d\d", t[1]) for t in tasks)  # "26-KL/TU ngày 04/01/2021"
    assert not any(str(t["id"]) in (row[1] for row in tasks) for t in listed)
    assert [int(t[0]) for t in tasks] == list(range(1, 42))
    # The longest overdue first, in each group and from group to group.
    longest = [int(group[0][4]) for group in groups]
    assert longest == sorted(longest, reverse=True)
    for group in groups:
        assert [int(t[4]) for t in group] == sorted((int(t[4]) for t in group), reverse=True)
    (intro,) = [p.text for p in doc.paragraphs if p.text.startswith("Đến ngày 31/3/2021, còn 41 nhiệm vụ")]
    assert "cơ quan, đơn vị có nhiệm vụ quá hạn lâu nhất xếp trước" in intro


def test_recipients_and_signature_from_the_settings(demo_vi):
    _, doc = demo_vi
    table = next(t for t in doc.tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:")
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    assert runs_of(heading)[0].bold and runs_of(heading)[0].italic and size_of(heading) == 12
    assert texts(left)[1:] == ["- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, TH."]
    assert {size_of(p) for p in left.paragraphs[1:]} == {11}
    signer = [p for p in right.paragraphs if p.text]
    assert [p.text for p in signer] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    assert all(runs_of(p)[0].bold for p in signer)
    assert len(right.paragraphs) - len(signer) >= 4  # room to sign


def test_english_headings(demo):
    _, docs = demo
    doc = docs["en"]
    left, right = doc.tables[0].rows[0].cells
    assert texts(right)[:2] == ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"]
    number, when = doc.tables[0].rows[1].cells
    assert texts(when) == ["Quảng Nam, 05 April 2021"]
    assert texts(number) == ["No.: ....../BC-......"]
    paragraphs = [p.text for p in doc.paragraphs]
    assert "REPORT" in paragraphs and "Appendix I" in paragraphs and "Appendix II" in paragraphs
    assert "Implementation of the tasks UBND tỉnh Quảng Nam assigned in Q1\u00a02021" in paragraphs
    assert any(t.rows[0].cells[0].paragraphs[0].text == "Recipients:" for t in doc.tables)
    assert "BÁO CÁO" not in paragraphs


# -- a small register, both engines ---------------------------------------------------------


@pytest.fixture
def small(request, reg):
    """SYT: one on time, two open past their deadline (one due 10/3, 132 days late on 20/7);
    STC: one with no deadline, one cancelled; SGDDT: one due 20/3 done 5/4."""

    def build(reg):
        def add(title, agency, assigned, due=None, done=None, cancel=None):
            args = ["add", title, "--agency", agency, "--assigned", assigned]
            if due:
                args += ["--due", due]
            task_id = reg(*args, env={"TASKREG_TODAY": "2021-06-30"}).stdout.strip()
            if done:
                reg("done", task_id, "--on", done, env={"TASKREG_TODAY": "2021-06-30"})
            if cancel:
                reg("cancel", task_id, "--on", cancel, "--reason", "Dừng", env={"TASKREG_TODAY": "2021-06-30"})

        add("Một", "SYT", "4/1/2021", "31/1/2021", "31/1/2021")
        add("Chín", "SYT", "8/1/2021", "10/3/2021")
        add("Bốn", "SYT", "7/2/2021", "15/3/2021")
        add("Năm", "STC", "8/3/2021")
        add("Sáu", "STC", "9/3/2021", "30/4/2021", cancel="20/3/2021")
        add("Bảy", "SGDDT", "10/3/2021", "20/3/2021", "5/4/2021")

    return as_built(request, reg, build)


def test_unset_settings_and_number_left_blank_nothing_marked(small, tmp_path):
    target = tmp_path / "q1.docx"
    small("report", "--quarter", "I/2021", "--format", "docx", "-o", target, "--lang", "vi")
    doc = Document(str(target))
    left, right = doc.tables[0].rows[1].cells
    assert texts(left)[-1] == "Số: ....../BC-......"
    assert texts(right)[-1] == "......., ngày 31 tháng 3 năm 2021"  # --date defaults to today
    signature = doc.tables[-2]  # the last table of the body; the appendix's is the last
    left, right = signature.rows[0].cells
    assert texts(left) == ["Nơi nhận:"]
    assert not "".join(texts(right)).strip()
    table = table_with(doc, "Cơ quan, đơn vị chủ trì")
    out = json.loads(small("report", "--quarter", "I/2021", "--format", "json").stdout)
    total = unique_cells(table.rows[-1])
    assert total[1:6] == [str(out[k]) for k in ("total", "on_time", "late", "overdue", "in_progress")]
    # No task is more than 120 days overdue on 31/3: none marked, no legend.
    overdue = table_with(doc, "Nội dung nhiệm vụ")
    days = [unique_cells(r)[4] for r in overdue.rows[1:] if len(unique_cells(r)) == 5]
    assert sorted(days) == ["11", "16", "21"]
    assert not any("(*)" in p.text for p in doc.paragraphs)


def test_long_overdue_tasks_are_marked(small, tmp_path):
    target = tmp_path / "q1.docx"
    later = {"TASKREG_TODAY": "2021-07-31"}
    small("report", "--quarter", "I/2021", "--as-of", "20/7/2021", "--format", "docx", "-o", target, env=later)
    doc = Document(str(target))
    table = table_with(doc, "Task")
    rows = {unique_cells(r)[2]: r for r in table.rows[1:] if len(unique_cells(r)) == 5}
    assert set(rows) == {"Chín", "Bốn"}  # Bảy was done on 5/4
    days = unique_cells(rows["Chín"])[4]
    assert days == "132 (*)" and all(r.bold for c in rows["Chín"].cells for p in c.paragraphs for r in p.runs)
    assert unique_cells(rows["Bốn"])[4] == "127 (*)"
    assert "(*) Overdue by more than 120 days." in [p.text for p in doc.paragraphs]


def test_one_agencys_document(small, tmp_path):
    target = tmp_path / "syt.docx"
    small("report", "--quarter", "I/2021", "--agency", "SYT", "--format", "docx", "-o", target, "--lang", "vi")
    doc = Document(str(target))
    assert "Tình hình thực hiện nhiệm vụ UBND tỉnh Quảng Nam giao quý\u00a0I/2021 của Sở Y tế" in texts(doc)
    table = table_with(doc, "Cơ quan, đơn vị chủ trì")
    assert [r.cells[1].text for r in table.rows[2:-1]] == ["Sở Y tế"]
    assert unique_cells(table.rows[-1])[:2] == ["Tổng cộng", "3"]


def test_a_published_period_carries_the_published_figures_and_the_digest(small, tmp_path):
    printed = small("publish", "--quarter", "I/2021", "--symbol", "45/BC-UBND", "--date", "30/3/2021").stdout
    digest = printed.split("SHA-256: ")[1].split()[0]
    # A backdated completion moves the live figures (3 overdue -> 2); the document keeps the published ones.
    (task,) = json.loads(small("list", "--search", "Bốn", "--format", "json").stdout)
    small("done", task["id"], "--on", "20/3/2021")
    live = json.loads(small("report", "--quarter", "I/2021", "--live", "--format", "json").stdout)
    assert live["overdue"] == 2
    target = tmp_path / "q1.docx"
    small("report", "--quarter", "I/2021", "--format", "docx", "-o", target, "--lang", "vi")
    doc = Document(str(target))
    left, right = doc.tables[0].rows[1].cells
    assert texts(left)[-1] == "Số: 45/BC-UBND"  # the publication's number and date by default
    assert texts(right)[-1] == "......., ngày 30 tháng 3 năm 2021"
    # A document never cites itself (SPEC §14): no sentence naming its publication, no digest
    # in its text; the digest is in its properties.
    words = "\n".join(texts(doc) + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "Số liệu đã công bố" not in words and digest not in words and "SHA-256" not in words
    assert doc.core_properties.comments == doc.core_properties.keywords == f"SHA-256: {digest}"
    total = unique_cells(table_with(doc, "Cơ quan, đơn vị chủ trì").rows[-1])
    assert total[:6] == ["Tổng cộng", "5", "1", "0", "3", "1"]  # on time, late, overdue, in progress as published
    overdue = table_with(doc, "Nội dung nhiệm vụ")
    assert "Bốn" in [unique_cells(r)[2] for r in overdue.rows[1:] if len(unique_cells(r)) == 5]


def test_an_empty_period_has_no_chart_and_no_appendix(reg, tmp_path):
    target = tmp_path / "empty.docx"
    reg("report", "--quarter", "I/2021", "--format", "docx", "-o", target, "--lang", "vi")
    doc = Document(str(target))
    paragraphs = texts(doc)
    assert "Không có nhiệm vụ nào được giao trong quý I/2021 tính đến ngày 31/3/2021." in paragraphs
    assert "Không có cơ quan, đơn vị nào có nhiệm vụ trong kỳ báo cáo." in paragraphs
    assert "Đến ngày 31/3/2021, không có nhiệm vụ nào chưa hoàn thành quá hạn." in paragraphs
    assert not doc.inline_shapes and len(doc.sections) == 1 and "Phụ lục" not in paragraphs


# -- the parts on their own -----------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, place, day, text",
    [
        ("vi", "Quảng Nam", date(2021, 4, 5), "Quảng Nam, ngày 05 tháng 4 năm 2021"),
        ("vi", "Quảng Nam", date(2021, 1, 24), "Quảng Nam, ngày 24 tháng 01 năm 2021"),
        ("vi", "Hà Tĩnh", date(2022, 2, 4), "Hà Tĩnh, ngày 04 tháng 02 năm 2022"),
        ("vi", None, date(2021, 12, 31), "......., ngày 31 tháng 12 năm 2021"),
        ("en", "Quảng Nam", date(2021, 4, 5), "Quảng Nam, 05 April 2021"),
        ("en", "", date(2021, 10, 1), "......., 01 October 2021"),
    ],
)
def test_place_and_date_line(lang, place, day, text):
    assert document.long_date(lang, place, day) == text


def test_register_text_cannot_break_the_xml(tmp_path):
    """Control characters, and the two characters XML cannot hold, become visible escapes."""
    row = Figures(population=3, on_time=1, overdue=1, in_progress=1, agency="X\x1b", agency_name="Sở \x00Độc\uffff")
    whole = Figures(population=3, on_time=1, overdue=1, in_progress=1)
    report = Report(Period("quarter", date(2021, 1, 1), date(2021, 3, 31), 1), date(2021, 3, 31), "due", whole, [row])
    target = tmp_path / "x.docx"
    document.write_report(
        target,
        lang="vi",
        org="UBND\x1b[31m tỉnh\ufffe",
        report=report,
        agency=None,
        sentences=["Câu\x07 một."],
        overdue=[{"id": 1, "title": "Việc\x0b\u202eđảo", "agency": "X\x1b", "due_on": "2021-02-01"}],
        names={"X\x1b": "Sở \x00Độc\uffff"},
        settings={"place": "Quảng\x1bNam", "recipients": "A\x00;B", "signer-title": None, "signer-name": "C\x1b"},
        symbol="45/BC\x1b",
        doc_date=date(2021, 4, 5),
        publication=None,
    )
    doc = Document(str(target))
    assert doc.tables[0].rows[0].cells[0].paragraphs[0].text == "UBND\\x1b[31M TỈNH\\ufffe"
    assert "Câu\\x07 một." in texts(doc)
    overdue = table_with(doc, "Nội dung nhiệm vụ")
    assert unique_cells(overdue.rows[1]) == ["Sở \\x00Độc\\uffff: 1 nhiệm vụ"]
    assert unique_cells(overdue.rows[2])[2] == "Việc\\x0b\\u202eđảo"


def test_matplotlib_is_not_imported_with_the_module():
    code = "import sys, taskreg.formats.document, taskreg.cli.app; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_rule_widths_follow_the_fonts_metrics():
    # Times New Roman Bold advance widths: "Độc lập - Tự do - Hạnh phúc" is 56.1 mm at 13 pt.
    assert document.bold_width_mm("Độc lập - Tự do - Hạnh phúc", 13) == pytest.approx(56.1, abs=0.1)
    assert document.bold_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12) == pytest.approx(88.3, abs=0.1)
    # A horned letter is wider than its base.
    assert document.bold_width_mm("Ư", 10) > document.bold_width_mm("U", 10)


def test_a_short_chart_stays_in_the_body_labelled_by_name(small, tmp_path):
    """Three agencies: the chart stays in section II under the text that names it ("biểu đồ
    sau"), one appendix; its labels are names, never codes (SPEC §14)."""
    target = tmp_path / "q1.docx"
    small("report", "--quarter", "I/2021", "--format", "docx", "-o", target, "--lang", "vi")
    doc = Document(str(target))
    assert len(doc.sections) == 2 and len(doc.inline_shapes) == 1
    paragraphs = texts(doc)
    assert "Phụ lục" in paragraphs and "Phụ lục II" not in paragraphs
    intro = paragraphs.index("II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ") + 1
    assert "biểu đồ sau thể hiện" in paragraphs[intro]
    assert doc.paragraphs[intro].paragraph_format.keep_with_next  # with the chart
    assert document.chart_labels(
        [Figures(agency="SYT", agency_name="Sở Y tế"), Figures(agency="STC")], {"STC": "Sở Tài chính"}, {}
    ) == ["Sở Y tế", "Sở Tài chính"]
    assert document.chart_labels([Figures(agency="SYT", agency_name="Sở Y tế")], {}, {"SYT": "SYT HN"}) == ["SYT HN"]


def test_the_total_row_and_the_closing_lines_are_kept_with_rows(demo_vi):
    """The last two agency rows are kept with the total row; the overdue list's last row with
    the closing lines and the signature (SPEC §14; their pages: tests/render_document.py)."""
    _, doc = demo_vi

    def kept(row) -> bool:
        return all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)

    appendix = table_with(doc, "Cơ quan, đơn vị chủ trì")
    assert [kept(r) for r in appendix.rows[-4:-1]] == [False, True, True]
    overdue = table_with(doc, "Nội dung nhiệm vụ")
    task_rows = [r for r in overdue.rows[1:] if len(unique_cells(r)) == 5]
    assert [kept(r) for r in task_rows].count(True) == 1 and kept(task_rows[-1])
    closing = next(p for p in doc.paragraphs if p.text.startswith("Trên đây là báo cáo"))
    assert closing.paragraph_format.keep_with_next


def test_agency_short_names_label_the_chart(small, tmp_path):
    """`agency add|edit --short` (SPEC §14): kept, listed, audited in the history, and the
    chart's labels (write_report's short_names, read from the register)."""
    small(
        "agency",
        "add",
        "BQLDA",
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông",
        "--short",
        "Ban QLDA GT",
    )
    small("agency", "edit", "SYT", "--short", "  SYT  QN ")
    rows = {a["code"]: a for a in json.loads(small("agency", "list", "--format", "json").stdout)}
    assert "short_name" not in rows["SYT"]  # the JSON/CSV fields are unchanged (docs/document.md)
    table = small("agency", "list", "--lang", "vi").stdout
    assert "Tên viết tắt" in table and "Ban QLDA GT" in table and "SYT QN" in table
    again = small("agency", "edit", "SYT", "--short", "SYT QN", "--lang", "en")
    assert again.stdout == "SYT already has that short name; nothing changed.\n"
    history = small("history", "--lang", "vi").stdout
    assert "SYT QN" in history and "Tên viết tắt" in history
    small("agency", "edit", "SYT", "--short", "")  # removed: the chart shows the name again
    assert "SYT QN" not in small("agency", "list").stdout
    small("agency", "edit", "STC", "--short", "TC")
    target = tmp_path / "q1.docx"
    seen: dict = {}
    original = document.chart_labels

    def spy(rows, names, short):
        seen["labels"] = original(rows, names, short)
        return seen["labels"]

    document.chart_labels = spy
    try:
        small("report", "--quarter", "I/2021", "--format", "docx", "-o", target, "--lang", "vi")
    finally:
        document.chart_labels = original
    assert sorted(seen["labels"]) == ["Sở Giáo dục và Đào tạo", "Sở Y tế", "TC"]
