"""weekly: the plain-text digest cron mails, compared with golden files."""

from pathlib import Path

import pytest
from conftest import as_built

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def week(request, reg):
    def build(reg):
        long_title = (
            "Rà soát, báo cáo tình hình thực hiện Kế hoạch số 863/KH-UBND về cải cách hành "
            "chính giai đoạn 2021-2025 trên địa bàn tỉnh"
        )
        for args in [
            (long_title, "SYT", "4/1/2021", "31/1/2021"),
            ("Tham mưu [khẩn] phương án phòng, chống dịch", "SYT", "5/1/2021", "15/3/2021"),
            ("Báo cáo giải ngân vốn đầu tư công", "STC", "6/1/2021", "28/2/2021"),
            ("Tổng kết năm học", "SGDDT", "26/3/2021", "5/4/2021"),
            ("Hoàn thiện hồ sơ đề án", "STC", "27/3/2021", None),
            ("Xây dựng kế hoạch", "SYT", "1/3/2021", "30/3/2021"),
            ("Sau ngày", "SYT", "1/3/2021", "7/4/2021"),
            ("Sau tuần", "SYT", "1/3/2021", "8/4/2021"),
        ]:
            title, agency, assigned, due = args
            reg("add", title, "--agency", agency, "--assigned", assigned, *(["--due", due] if due else []))
        reg("done", "6", "--on", "29/3/2021")

    return as_built(request, reg, build)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_weekly_matches_the_golden_text(week, lang):
    assert week("weekly", "--lang", lang).stdout == (GOLDEN / f"weekly_{lang}.txt").read_text(encoding="utf-8")


def test_weekly_is_plain_narrow_and_repeatable(week):
    first = week("weekly", "--as-of", "31/3/2021").stdout
    assert first == week("weekly", "--as-of", "31/3/2021", env={"TTY_COMPATIBLE": "1"}).stdout
    assert all(len(line) < 100 for line in first.splitlines())
    assert "\x1b" not in first and "─" not in first and "│" not in first


def test_weekly_runs_as_cron_does_without_locale_or_terminal(week):
    bare = {"LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "TASKREG_LANG": None, "COLUMNS": None, "TERM": None}
    assert week("weekly", env=bare).stdout == (GOLDEN / "weekly_en.txt").read_text(encoding="utf-8")
    assert week("weekly", env={**bare, "LANG": "vi_VN.UTF-8"}).stdout.startswith("UBND tỉnh Quảng Nam: tổng hợp tuần")


def test_weekly_for_one_agency_and_empty_sections(week):
    out = week("weekly", "--agency", "SGDDT").stdout
    assert out.splitlines()[0] == (
        "UBND tỉnh Quảng Nam — Sở Giáo dục và Đào tạo: weekly summary, 2021-03-25 to 2021-03-31"
    )
    assert out.splitlines()[3].startswith(
        "  In Q1 2021, UBND tỉnh Quảng Nam assigned 1 task to Sở Giáo dục và Đào tạo."
    )
    assert "Completed in these 7 days: 0\n  None.\n" in out
    assert "Open past their deadline: 0\n  None.\n" in out
    assert "#4 Tổng kết năm học — SGDDT, due 2021-04-05" in out


def test_weekly_overdue_of_any_period_most_overdue_first(week):
    week("add", "Việc quý trước", "--agency", "STC", "--assigned", "1/10/2020", "--due", "1/12/2020")
    out = week("weekly").stdout
    section = out.split("Open past their deadline: 4\n")[1].split("\n\n")[0].splitlines()
    assert section[0] == "  Sở Tài chính (2)"
    assert section[1].startswith("    #9 Việc quý trước — due 2020-12-01, 120 days overdue")
    assert section[3] == "  Sở Y tế (2)"


def test_long_agency_names_keep_every_line_under_100_columns(reg):
    name = "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh Quảng Nam"
    reg("agency", "add", "BQLDA-DDCN", name)
    reg("add", "Việc " * 40, "--agency", "BQLDA-DDCN", "--assigned", "4/1/2021", "--due", "1/3/2021")
    for args in ([], ["--agency", "BQLDA-DDCN"]):
        for lang in ("vi", "en"):
            lines = reg("weekly", "--as-of", "31/3/2021", "--lang", lang, *args).stdout.splitlines()
            assert max(map(len, lines)) < 100, [line for line in lines if len(line) >= 100]
    lines = reg("weekly", "--as-of", "31/3/2021", "--lang", "vi", "--agency", "BQLDA-DDCN").stdout.splitlines()
    assert lines[:2] == [
        "UBND tỉnh Quảng Nam — Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
        "  Quảng Nam: tổng hợp tuần từ 25/3/2021 đến 31/3/2021",
    ]


def test_a_task_due_on_the_day_the_mail_goes_out_is_listed_first_as_due_today(reg):
    # Issue 10, finding 6: due on the as-of day it is neither overdue nor "in the next 7 days".
    reg("add", "Hạn tuần sau", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "20/3/2021")
    reg("add", "Hạn hôm nay", "--agency", "STC", "--assigned", "1/3/2021", "--due", "15/3/2021")
    reg("add", "Quá hạn hôm qua", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "14/3/2021")
    for lang, heading, today in (
        ("en", "Due from 2021-03-15 to 2021-03-22, still within the deadline: 2", "STC, due today"),
        ("vi", "Đến hạn từ 15/3/2021 đến 22/3/2021, còn trong hạn: 2", "STC, đến hạn hôm nay"),
    ):
        out = reg("weekly", "--as-of", "15/3/2021", "--lang", lang).stdout
        section = out.split(heading + "\n")[1].splitlines()
        assert section[0] == f"  #2 Hạn hôm nay — {today}"
        assert section[1].startswith("  #1 Hạn tuần sau — SYT, ")
        assert "#3 Quá hạn hôm qua" in out.split(heading)[0]  # overdue, in its own section
