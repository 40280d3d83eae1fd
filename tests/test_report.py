"""report: periods, population, rates, the check, per-agency rows, four formats, two languages."""

import csv
import io
import json

import pytest
from conftest import as_built


@pytest.fixture
def q1(request, reg):
    """Q1/2021 in miniature: SYT 2 on time, 1 late, 1 overdue; STC 1 in progress (no deadline),
    1 cancelled; SGDDT 1 done after the quarter; one task assigned in April."""

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
        add("Hai", "SYT", "5/1/2021", "28/2/2021", "1/2/2021")
        add("Ba", "SYT", "6/1/2021", "15/2/2021", "20/2/2021")
        add("Bốn", "SYT", "7/2/2021", "15/3/2021")
        add("Năm", "STC", "8/3/2021")
        add("Sáu", "STC", "9/3/2021", "30/4/2021", cancel="20/3/2021")
        add("Bảy", "SGDDT", "10/3/2021", "20/3/2021", "5/4/2021")
        add("Tám", "SYT", "2/4/2021", "30/4/2021")

    return as_built(request, reg, build)


def _json(result):
    return json.loads(result.stdout)


def test_report_text_in_vietnamese(q1):
    assert q1("report", "--quarter", "I/2021", "--lang", "vi").stdout == (
        "Quý I/2021, UBND tỉnh Quảng Nam đã giao 6 nhiệm vụ cho các sở, ban, ngành, địa phương "
        "thực hiện. Đến ngày 31/3/2021 có: 2 nhiệm vụ hoàn thành đúng hạn, 1 nhiệm vụ hoàn thành "
        "quá hạn, 2 nhiệm vụ chưa hoàn thành quá hạn, 1 nhiệm vụ chưa hoàn thành còn trong hạn.\n"
        "Tỷ lệ hoàn thành: 60,00% (trên số nhiệm vụ đến hạn); tỷ lệ hoàn thành đúng hạn: 66,67% "
        "(trên số nhiệm vụ đã hoàn thành).\n"
        # recorded on 30/6 (the fixture's clock): no progress report is dated by 31/3
        "Tỷ lệ cập nhật tình hình: 0,00% (0 trong số 3 nhiệm vụ phải cập nhật đã được cập nhật trong 7 ngày qua).\n"
        "Không tính ở trên: 1 nhiệm vụ dừng thực hiện. Trong số trên có 1 nhiệm vụ không có hạn "
        "(thường xuyên).\n"
    )


def test_report_text_in_english(q1):
    assert q1("report", "--quarter", "2021Q1").stdout == (
        "In Q1 2021, UBND tỉnh Quảng Nam assigned 6 tasks to departments, boards, sectors and "
        "localities. As of 2021-03-31: 2 completed on time, 1 completed late, 2 open past their "
        "deadline, 1 open within their deadline.\n"
        "Completion rate: 60.00% (of tasks due: completed + open past deadline); on-time rate: "
        "66.67% (of tasks completed).\n"
        "Update rate: 0.00% (0 of the 3 tasks due for a progress report had one in the last 7 days).\n"
        "Not counted above: 1 cancelled. Counted above with no deadline (ongoing): 1.\n"
    )


def test_report_json_fields(q1):
    out = _json(q1("report", "--quarter", "Q1/2021", "--format", "json"))
    assert out == {
        "org": "UBND tỉnh Quảng Nam",
        "period": {"label": "Q1 2021", "kind": "quarter", "start": "2021-01-01", "end": "2021-03-31"},
        "as_of": "2021-03-31",
        "agency": None,
        "update_window": 7,
        "starred": False,
        "total": 6,
        "on_time": 2,
        "late": 1,
        "overdue": 2,
        "in_progress": 1,
        "cancelled": 1,
        "no_deadline": 1,
        # open as of 31/3 and assigned by 24/3: Bốn, Năm, Bảy (SPEC §12's update rate)
        "must_update": 3,
        "updated": 0,
        "rates": {"basis": "due", "completion": 60.0, "on_time": 66.67, "updated": 0.0},
        "oldest_overdue_days": 16,
        "check": True,
        "awaiting_confirmation": 0,
        # every task was recorded on 30/6 (the fixture's clock): entered after 31/3
        "recorded_after_as_of": {"corrected": 0, "entered": 7},
        # no publication of this period: the live figures, and no drift (SPEC §10)
        "figures": "live",
        "publication": None,
        "drift": None,
    }


def test_all_period_forms_name_the_same_quarter(q1):
    outputs = {
        q1("report", "--quarter", q, "--format", "json").stdout for q in ("2021Q1", "2021-Q1", "Q1/2021", "I/2021")
    }
    assert len(outputs) == 1
    assert _json(q1("report", "--from", "1/1/2021", "--to", "31/3/2021", "--format", "json"))["total"] == 6


def test_as_of_moves_the_cut_off_and_the_population(q1):
    out = _json(q1("report", "--quarter", "I/2021", "--as-of", "15/2/2021", "--format", "json"))
    # assigned by 15/2: Một, Hai (on time), Ba (done 20/2, due 15/2: open on its due day), Bốn
    assert (out["total"], out["on_time"], out["late"], out["overdue"], out["in_progress"]) == (4, 2, 0, 0, 2)
    out = _json(q1("report", "--quarter", "I/2021", "--as-of", "30/6/2021", "--format", "json"))
    assert (out["on_time"], out["late"], out["overdue"]) == (2, 2, 1)  # Bảy done late in April


def test_default_period_is_the_current_quarter_as_of_today(q1):
    out = _json(q1("report", "--format", "json", env={"TASKREG_TODAY": "2021-04-10"}))
    assert (out["period"]["label"], out["as_of"], out["total"]) == ("Q2 2021", "2021-04-10", 1)


def test_a_future_period_is_empty(q1):
    out = _json(q1("report", "--year", "2030", "--format", "json"))
    assert (out["total"], out["cancelled"], out["rates"]["completion"], out["check"]) == (0, 0, None, True)
    assert q1("report", "--year", "2030").stdout == "No tasks were assigned in 2030 up to 2021-03-31.\n"


def test_bad_period_flags(q1):
    q1("report", "--quarter", "I/2021", "--month", "3/2021", code=2)
    q1("report", "--from", "1/1/2021", code=2)
    assert q1("report", "--quarter", "Q5/2021", code=2).stderr == (
        "'Q5/2021' is not a quarter: write it like 2021Q1, Q1/2021 or I/2021.\n"
    )
    q1("report", "--by", "title", code=2)
    q1("report", "--format", "pdf", code=2)


def test_rate_basis_setting(q1):
    q1("config", "set", "rate-basis", "assigned")
    out = _json(q1("report", "--quarter", "I/2021", "--format", "json"))
    assert out["rates"] == {"basis": "assigned", "completion": 50.0, "on_time": 66.67, "updated": 0.0}
    assert "Completion rate: 50.00% (of all tasks assigned)" in q1("report", "--quarter", "I/2021").stdout
    q1("config", "set", "rate-basis", "weekly", code=2)


def test_by_agency_rows_worst_first_with_total(q1):
    out = _json(q1("report", "--quarter", "I/2021", "--by", "agency", "--format", "json"))
    assert [(r["agency"], r["total"], r["rates"]["completion"], r["oldest_overdue_days"]) for r in out["rows"]] == [
        ("SGDDT", 1, 0.0, 11),
        ("SYT", 4, 75.0, 16),
        ("STC", 1, None, None),
    ]
    assert out["rows"][2]["cancelled"] == 1
    assert all(r["check"] for r in out["rows"])


def test_by_agency_table_at_a_fixed_width(q1):
    assert q1("report", "--quarter", "I/2021", "--by", "agency", "--format", "table", "--lang", "vi").stdout == (
        "Quý I/2021, đến ngày 31/3/2021\n"
        "Đơn vị     Tổng  HT đúng hạn  HT quá hạn  Chưa HT trong hạn  Chưa HT quá hạn  Không hạn"
        "  Tỷ lệ HT (đến hạn)  Tỷ lệ đúng hạn  Tỷ lệ cập nhật  Quá hạn lâu nhất (ngày)\n"
        "SGDDT         1            0           0                  0                1          0"
        "               0,00%               —           0,00%                       11\n"
        "SYT           4            2           1                  0                1          0"
        "              75,00%          66,67%           0,00%                       16\n"
        "STC           1            0           0                  1                0          1"
        "                   —               —           0,00%                        —\n"
        "Tổng cộng     6            2           1                  1                2          1"
        "              60,00%          66,67%           0,00%                       16\n"
    )


def test_by_agency_on_a_terminal_has_state_bars(q1):
    out = q1(
        "report",
        "--quarter",
        "I/2021",
        "--by",
        "agency",
        "--format",
        "table",
        env={"TTY_COMPATIBLE": "1", "COLUMNS": "160"},
    ).stdout
    assert "█" in out and "SGDDT" in out


def test_agency_filter_and_csv(q1):
    out = _json(q1("report", "--quarter", "I/2021", "--agency", "so y te", "--format", "json"))
    assert (out["agency"], out["total"]) == ("SYT", 4)
    assert q1("report", "--quarter", "I/2021", "--agency", "SYT", "--lang", "vi").stdout.startswith(
        "Quý I/2021, UBND tỉnh Quảng Nam đã giao 4 nhiệm vụ cho Sở Y tế thực hiện."
    )
    rows = list(
        csv.DictReader(io.StringIO(q1("report", "--quarter", "I/2021", "--by", "agency", "--format", "csv").stdout))
    )
    assert [(r["agency"], r["total"], r["completion_rate"]) for r in rows] == [
        ("SGDDT", "1", "0.00"),
        ("SYT", "4", "75.00"),
        ("STC", "1", ""),
        ("", "6", "60.00"),
    ]


def test_month_and_year_labels(q1):
    assert q1("report", "--month", "3/2021", "--lang", "vi").stdout.startswith("Tháng 3/2021, UBND")
    assert q1("report", "--month", "2021-03").stdout.startswith("In March 2021, UBND")
    assert q1("report", "--year", "2021", "--lang", "vi", "--as-of", "31/3/2021").stdout.startswith(
        "Năm 2021, UBND tỉnh Quảng Nam đã giao 6 nhiệm vụ"
    )
