"""Working days (docs/commands.md "Dates"): `+Nwd` by the `holidays` library's Viet Nam
calendar (Tết by the lunar calendar, its swapped Saturdays), less the register's `days-off`,
plus its `workdays`; `taskreg days-off`; and the library left unimported by every other date."""

import json
import subprocess
import sys

import pytest

TET_2026 = {"TASKREG_TODAY": "2026-02-12"}  # a Thursday; the library's Tết 2026 is Mon 16/2 to Fri 20/2
TET_2027 = {"TASKREG_TODAY": "2027-02-03"}  # a Wednesday; Tết 2027 (6/2) is off from Thu 4/2 to Wed 10/2


def due(tr, typed, env, code=0):
    out = tr("add", "Rà soát", "--agency", "SYT", "--due", typed, "--format", "json", env=env, code=code)
    return json.loads(out.stdout)["due_on"] if code == 0 else out


def test_a_deadline_in_working_days_lands_after_tet_2026(reg):
    assert due(reg, "+1wd", TET_2026) == "2026-02-13"
    assert due(reg, "+2wd", TET_2026) == "2026-02-23"  # 14/2 to 22/2: the weekends and Tết
    assert due(reg, "+3WD", TET_2026) == "2026-02-24"  # as typed in capitals too
    assert due(reg, "+7d", TET_2026) == "2026-02-19"  # calendar days are unchanged


def test_a_deadline_in_working_days_lands_after_tet_2027(reg):
    assert due(reg, "+1wd", TET_2027) == "2027-02-11"
    assert due(reg, "+2wd", TET_2027) == "2027-02-12"


def test_the_registers_bridging_day_is_skipped(reg):
    reg("config", "set", "days-off", "23/2/2026; 2026-02-24;23/02/2026")
    assert reg("config", "get", "days-off").stdout.strip() == "2026-02-23;2026-02-24"  # ISO, sorted, once
    assert due(reg, "+2wd", TET_2026) == "2026-02-25"


def test_a_saturday_the_register_works_counts(reg):
    env = {"TASKREG_TODAY": "2026-03-05"}  # a Thursday
    assert due(reg, "+2wd", env) == "2026-03-09"
    reg("config", "set", "workdays", "7/3/2026")
    assert due(reg, "+2wd", env) == "2026-03-07"


def test_the_librarys_swapped_saturday_counts(reg):
    # 2026: Saturday 22/8 worked so that Monday 31/8 bridges to National Day (1-2/9).
    env = {"TASKREG_TODAY": "2026-08-21"}
    assert due(reg, "+1wd", env) == "2026-08-22"
    assert due(reg, "+6wd", env) == "2026-08-28"
    assert due(reg, "+7wd", env) == "2026-09-03"


def test_plus_zero_working_days_is_today_or_the_next_working_day(reg):
    assert due(reg, "+0wd", {"TASKREG_TODAY": "2026-03-07"}) == "2026-03-09"  # a Saturday
    assert due(reg, "+0wd", {"TASKREG_TODAY": "2026-03-09"}) == "2026-03-09"  # a Monday


def test_every_relative_date_takes_working_days(reg, tmp_path):
    reg("config", "set", "days-off", "2/3/2026")
    env = {"TASKREG_TODAY": "2026-02-26"}  # a Thursday
    assert due(reg, "+2wd", env) == "2026-03-03"  # 27/2, then 3/3 (2/3 is the register's)
    reg("extend", "1", "--due", "+3wd", "--reason", "Công văn 12/SYT", env=env)
    reg("edit", "1", "--due", "+4wd", "--reason", "Nhập nhầm", env=env)
    shown = json.loads(reg("show", "1", "--format", "json", "--as-of", "+1wd", env=env).stdout)
    assert shown["due_on"] == "2026-03-05"
    rows = tmp_path / "rows.csv"
    rows.write_text("title,agency,assigned_on,due_on\nMột,SYT,26/2/2026,+2wd\n", encoding="utf-8")
    reg("import", rows, env=env)
    imported = json.loads(reg("show", "2", "--format", "json", env=env).stdout)
    assert imported["due_on"] == "2026-03-03"


@pytest.mark.parametrize(
    "typed, says",
    [
        ("+5wdx", "is not a date"),
        ("5wd", "is not a date"),
        ("+99999wd", "at most +3660wd"),
        ("+" + "9" * 5000 + "wd", "at most +3660wd"),
    ],
)
def test_bad_working_day_dates_change_nothing(reg, typed, says):
    before = reg.tables()
    err = due(reg, typed, TET_2026, code=2).stderr
    assert says in err and len(err.strip().splitlines()) == 1
    assert reg.tables() == before


@pytest.mark.parametrize("value", ["31/2/2026", "+5d", "2/1", "2026-01-02;soon", ";"])
def test_bad_lists_of_days_are_refused(reg, value):
    before = reg.tables()
    err = reg("config", "set", "workdays", value, code=2).stderr
    assert len(err.strip().splitlines()) == 1
    assert reg.tables() == before


def test_days_off_lists_tet_in_each_language(reg):
    reg("config", "set", "days-off", "23/2/2026")
    reg("config", "set", "workdays", "28/2/2026")
    vi = reg("days-off", "--year", "2026", "--lang", "vi").stdout.splitlines()
    assert "17/02/2026  Tết Nguyên Đán" in vi
    assert "16/02/2026  Giao thừa Tết Nguyên Đán" in vi
    assert "23/02/2026  Ngày nghỉ (thiết lập days-off của sổ)" in vi
    assert "28/02/2026  Ngày làm việc (thiết lập workdays của sổ)" in vi
    assert "22/8/2026  Ngày làm việc (làm bù)" in vi
    assert vi[0] == "01/01/2026  Tết Dương lịch"
    en = reg("days-off", "--year", "2026", "--lang", "en").stdout.splitlines()
    assert "2026-02-17  Lunar New Year" in en
    assert "2026-02-23  Day off (the register's days-off)" in en
    assert [line[:10] for line in en] == sorted(line[:10] for line in en)
    listed = json.loads(reg("days-off", "--year", "2027", "--format", "json", "--lang", "en").stdout)
    assert {"date": "2027-02-06", "name": "Lunar New Year", "kind": "holiday"} in listed


@pytest.mark.parametrize("year", ["20x6", "1800", "12026", ""])
def test_days_off_refuses_a_bad_year(reg, year):
    err = reg("days-off", "--year", year, code=2).stderr
    assert "is not a year" in err and len(err.strip().splitlines()) == 1


def _modules_after(args: list[str], db: str) -> str:
    probe = (
        f"import sys; sys.argv = ['taskreg', '--db', {db!r}] + {args!r}\n"
        "from taskreg.cli.app import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('holidays' in sys.modules, file=sys.stderr)\n"
    )
    env = {"TASKREG_USER": "lan", "TASKREG_TODAY": "2026-02-12", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    return done.stderr.strip().splitlines()[-1]


@pytest.mark.slow
def test_only_a_working_day_date_imports_the_library(tmp_path):
    db = str(tmp_path / "r.db")
    assert _modules_after(["agency", "add", "SYT", "Sở Y tế"], db) == "False"
    assert _modules_after(["add", "Rà soát", "--agency", "SYT", "--due", "+30d"], db) == "False"
    assert _modules_after(["list", "--as-of", "+3d"], db) == "False"
    assert _modules_after(["add", "Rà soát", "--agency", "SYT", "--due", "+3wd"], db) == "True"
