"""report --by source and --by assigned-by (docs/reports.md): one row per assigning document
(the symbol's normal form and its year) or per directing leader (the name folded), labelled
with the spelling most tasks carry, the tasks without one in one row; the counts, rates and
order of --by agency, in JSON, CSV, text and table; always live."""

import csv
import io
import json
import unicodedata

import pytest
from conftest import as_built


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def q1(request, reg):
    """Q1/2021 (today 31/3/2021) with one document written three ways and again in 2020, a
    Party conclusion in NFD and NFC, leaders with and without diacritics and extra spaces:

    id  agency  assigned  due    state as of 31/3      source (date)             assigned by
    1   SYT     4/1       31/1   on time (done 20/1)   45/KH-UBND (2/1/2021)     Nguyễn Văn An
    2   STC     5/1       20/1   overdue, 70 days      "45/kh-ubnd " (2/1/2021)  "nguyen  van an"
    3   SYT     6/1       15/2   late (done 20/2)      45/KH-UBND (no date)      Nguyễn Văn An (NFD)
    4   SGDDT   7/1       30/4   in progress, updated  45/KH-UBND (28/12/2020)   Trần Thị Bình
    5   SYT     8/1       15/3   overdue, 16 days      36-KL/TƯ (NFD, 10/1/2021) Tran Thi Binh
    6   STC     9/1       20/1   on time (done 15/1)   36-KL/TƯ (10/1/2021)      —
    7   SYT     10/2      —      in progress           —                         —
    8   STC     11/2      28/2   cancelled 20/2        —                         "  Trần  Thị Bình "
    """

    def build(reg):
        def add(title, agency, assigned, due=None, source=None, source_date=None, by=None):
            args = ["add", title, "--agency", agency, "--assigned", assigned]
            args += ["--due", due] if due else []
            args += ["--source", source] if source else []
            args += ["--source-date", source_date] if source_date else []
            args += ["--assigned-by", by] if by else []
            reg(*args)

        add("Một", "SYT", "4/1/2021", "31/1/2021", "45/KH-UBND", "2/1/2021", "Nguyễn Văn An")
        add("Hai", "STC", "5/1/2021", "20/1/2021", "45/kh-ubnd ", "2/1/2021", "nguyen  van an")
        add("Ba", "SYT", "6/1/2021", "15/2/2021", "45/KH-UBND", None, nfd("Nguyễn Văn An"))
        add("Bốn", "SGDDT", "7/1/2021", "30/4/2021", "45/KH-UBND", "28/12/2020", "Trần Thị Bình")
        add("Năm", "SYT", "8/1/2021", "15/3/2021", nfd("36-KL/TƯ"), "10/1/2021", "Tran Thi Binh")
        add("Sáu", "STC", "9/1/2021", "20/1/2021", "36-KL/TƯ", "10/1/2021")
        add("Bảy", "SYT", "10/2/2021")
        add("Tám", "STC", "11/2/2021", "28/2/2021", by="  Trần  Thị Bình ")
        reg("done", "1", "--on", "20/1/2021")
        reg("done", "3", "--on", "20/2/2021")
        reg("done", "6", "--on", "15/1/2021")
        reg("cancel", "8", "--on", "20/2/2021", "--reason", "Dừng")
        reg("update", "4", "Đã triển khai")  # today, 31/3: within the 7-day window

    return as_built(request, reg, build)


def _json(result) -> dict:
    return json.loads(result.stdout)


def _row(r: dict) -> tuple:
    return (
        r["total"],
        r["on_time"],
        r["late"],
        r["overdue"],
        r["in_progress"],
        r["cancelled"],
        r["no_deadline"],
        r["rates"]["completion"],
        r["rates"]["on_time"],
        r["must_update"],
        r["updated"],
        r["rates"]["updated"],
        r["oldest_overdue_days"],
        r["check"],
        r["awaiting_confirmation"],
    )


# total, on time, late, overdue, in progress, cancelled, no deadline, completion %, on-time %,
# must update, updated, update %, oldest overdue (days), check, awaiting; computed by hand.
KL36 = (2, 1, 0, 1, 0, 0, 0, 50.0, 100.0, 1, 0, 0.0, 16, True, 0)  # tasks 5, 6
KH45_2021 = (3, 1, 1, 1, 0, 0, 0, 66.67, 50.0, 1, 0, 0.0, 70, True, 0)  # tasks 1, 2, 3
KH45_2020 = (1, 0, 0, 0, 1, 0, 0, None, None, 1, 1, 100.0, None, True, 0)  # task 4
NO_SOURCE = (1, 0, 0, 0, 1, 1, 1, None, None, 1, 0, 0.0, None, True, 0)  # tasks 7, 8
BINH = (2, 0, 0, 1, 1, 1, 0, 0.0, None, 2, 1, 50.0, 16, True, 0)  # tasks 4, 5, 8
AN = KH45_2021  # tasks 1, 2, 3
NO_LEADER = (2, 1, 0, 0, 1, 0, 1, 100.0, 100.0, 1, 0, 0.0, None, True, 0)  # tasks 6, 7
WHOLE = (7, 2, 1, 2, 2, 1, 1, 60.0, 66.67, 4, 1, 25.0, 70, True, 0)


def test_by_source_one_row_per_document_and_year_worst_first(q1):
    out = _json(q1("report", "--quarter", "I/2021", "--by", "source", "--format", "json"))
    assert [(r["source"], r["source_year"], _row(r)) for r in out["rows"]] == [
        ("36-KL/TƯ", 2021, KL36),  # NFD and NFC: one document
        ("45/KH-UBND", 2021, KH45_2021),  # two of three tasks spell it so; task 3's year is its assignment's
        ("45/KH-UBND", 2020, KH45_2020),  # the same number, another year: another document
        (None, None, NO_SOURCE),  # no rate: after the documents without one, last
    ]
    assert _row(out) == WHOLE
    assert all("agency" not in r and "name" not in r and "assigned_by" not in r for r in out["rows"])


def test_by_assigned_by_one_row_per_leader_folded(q1):
    out = _json(q1("report", "--quarter", "I/2021", "--by", "assigned-by", "--format", "json"))
    assert [(r["assigned_by"], _row(r)) for r in out["rows"]] == [
        ("Tran Thi Binh", BINH),  # three spellings once each: the first in code-point order
        ("Nguyễn Văn An", AN),  # NFD and NFC alike, twice, against "nguyen  van an" once
        (None, NO_LEADER),
    ]
    assert all(set(r) & {"agency", "name", "source", "source_year"} == set() for r in out["rows"])
    assert _row(out) == WHOLE


def test_the_whole_is_the_report_without_rows(q1):
    """Grouping moves no task: the whole by source, by leader and by agency is the report's."""
    plain = _json(q1("report", "--quarter", "I/2021", "--format", "json"))
    for by in ("source", "assigned-by", "agency"):
        grouped = _json(q1("report", "--quarter", "I/2021", "--by", by, "--format", "json"))
        assert {k: v for k, v in grouped.items() if k != "rows"} == plain


def test_by_source_csv_columns(q1):
    rows = list(
        csv.DictReader(io.StringIO(q1("report", "--quarter", "I/2021", "--by", "source", "--format", "csv").stdout))
    )
    assert list(rows[0])[:3] == ["source", "source_year", "total"]
    assert [(r["source"], r["source_year"], r["total"], r["completion_rate"], r["update_rate"]) for r in rows] == [
        ("36-KL/TƯ", "2021", "2", "50.00", "0.00"),
        ("45/KH-UBND", "2021", "3", "66.67", "0.00"),
        ("45/KH-UBND", "2020", "1", "", "100.00"),
        ("(no source document)", "", "1", "", "0.00"),
        ("", "", "7", "60.00", "25.00"),  # the total, as by agency
    ]


def test_by_assigned_by_csv_columns_in_vietnamese(q1):
    out = q1("report", "--quarter", "I/2021", "--by", "assigned-by", "--format", "csv", "--lang", "vi").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:2] == ["assigned_by", "total"]
    assert [(r["assigned_by"], r["total"], r["must_update"], r["updated"]) for r in rows] == [
        ("Tran Thi Binh", "2", "2", "1"),
        ("Nguyễn Văn An", "3", "1", "0"),
        ("(không ghi người giao)", "2", "1", "0"),
        ("", "7", "4", "1"),
    ]


def _first_cells(out: str, header: str) -> list[str]:
    """The first column of a printed table, from its header line to its end (cells are
    separated by two spaces or more)."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    return [line.split("  ")[0] for line in lines[start + 1 :] if line.strip()]


def test_table_by_source_in_vietnamese(q1):
    out = q1("report", "--quarter", "I/2021", "--by", "source", "--format", "table", "--lang", "vi").stdout
    assert _first_cells(out, "Văn bản giao") == [
        "36-KL/TƯ (năm 2021)",
        "45/KH-UBND (năm 2021)",
        "45/KH-UBND (năm 2020)",
        "(không có văn bản)",
        "Tổng cộng",
    ]


def test_text_by_assigned_by_in_english(q1):
    out = q1("report", "--quarter", "I/2021", "--by", "assigned-by").stdout
    assert out.startswith("In Q1 2021, UBND tỉnh Quảng Nam assigned 7 tasks")
    assert _first_cells(out, "Assigned by") == ["Tran Thi Binh", "Nguyễn Văn An", "(no leader recorded)", "Total"]


def test_by_source_of_one_agency(q1):
    out = _json(q1("report", "--quarter", "I/2021", "--by", "source", "--agency", "SYT", "--format", "json"))
    assert [(r["source"], r["source_year"], r["total"]) for r in out["rows"]] == [
        ("36-KL/TƯ", 2021, 1),  # task 5, overdue: 0%
        ("45/KH-UBND", 2021, 2),  # tasks 1 and 3: 100%
        (None, None, 1),  # task 7
    ]


def test_bad_by_and_docx_are_one_sentence(q1, tmp_path):
    bad = q1("report", "--by", "x", code=2)
    assert bad.stderr == "'x' is not a valid --by: use one of agency, source, assigned-by.\n"
    assert bad.stdout == ""
    docx = q1("report", "--by", "source", "--format", "docx", "-o", tmp_path / "r.docx", code=2)
    assert docx.stderr == "The report document is by agency: --by source prints as text, table, json or csv.\n"
    assert not (tmp_path / "r.docx").exists()


def test_a_published_period_by_source_is_live_and_says_so(q1):
    q1("publish", "--quarter", "I/2021", "--symbol", "50/BC-UBND")
    q1("add", "Chín", "--agency", "SYT", "--assigned", "20/3/2021", "--source", "45/KH-UBND")  # after publishing
    out = _json(q1("report", "--quarter", "I/2021", "--by", "source", "--format", "json"))
    assert (out["figures"], out["publication"]["symbol"], out["drift"]) == ("live", "50/BC-UBND", None)
    assert out["total"] == 8 and out["rows"][1]["total"] == 4  # the live figures, the new task in them
    by_agency = _json(q1("report", "--quarter", "I/2021", "--by", "agency", "--format", "json"))
    assert (by_agency["figures"], by_agency["total"]) == ("published", 7)
    for fmt in ("text", "table"):
        assert (
            q1("report", "--quarter", "I/2021", "--by", "assigned-by", "--format", fmt).stdout.count(
                "These figures by leader are live: the figures published for this period are by agency"
            )
            == 1
        )
    unpublished = q1("report", "--quarter", "II/2021", "--by", "source", "--as-of", "31/3/2021").stdout
    assert "are live" not in unpublished


def test_export_xlsx_report_sheet_by_source(q1, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "theo-van-ban.xlsx"
    q1("export", "--format", "xlsx", "-o", path, "--quarter", "I/2021", "--by", "source", "--lang", "vi")
    sheet = load_workbook(path)["Theo văn bản giao"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "Văn bản giao"
    assert [(r[0], r[1], r[7]) for r in rows[2:]] == [
        ("36-KL/TƯ (năm 2021)", 2, 0.5),
        ("45/KH-UBND (năm 2021)", 3, 0.6667),
        ("45/KH-UBND (năm 2020)", 1, None),
        ("(không có văn bản)", 1, None),
        ("Tổng cộng", 7, 0.6),
    ]
    refused = q1("export", "--by", "assigned-by", code=2)
    assert refused.stderr == "--by assigned-by chooses the rows of the XLSX report sheet: give it with --format xlsx.\n"
