"""demo: a deterministic Q1/2021 register whose report is the published one."""

import json
from pathlib import Path

import pytest


@pytest.fixture
def demo(tr, tmp_path):
    path = tmp_path / "demo.db"
    result = tr("demo", "--db", path, env={"TASKREG_TODAY": "2026-11-22"})
    return tr, path, result


def test_demo_prints_the_vietnamese_report_the_readme_quotes_under_any_locale(demo):
    """Issue 26 finding 10: under a C or English locale the demo printed the English report,
    and "Created a new register" came after it."""
    tr, path, result = demo  # LANG=C.UTF-8, no TASKREG_LANG
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    quoted = " ".join(line.lstrip("> ") for line in readme.splitlines() if line.startswith("> "))
    lines = result.stdout.splitlines()
    assert lines[0] == quoted
    assert lines[-5] == "Thử tiếp:"
    assert result.stderr.splitlines() == [
        f"Đã tạo sổ đăng ký mới tại {path}.",
        f"Đã tạo sổ mẫu {path}: 43 đơn vị, 1.786 nhiệm vụ năm 2021.",
    ]
    english = tr("demo", "--db", path, env={"TASKREG_TODAY": "2026-11-22", "TASKREG_LANG": "en"})
    assert english.stdout.startswith("In Q1 2021, UBND tỉnh assigned 1,738 tasks")


def test_demo_prints_the_q1_2021_report(demo):
    tr, path, _ = demo
    result = tr("demo", "--db", path, "--lang", "en", env={"TASKREG_TODAY": "2026-11-22"})
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "In Q1 2021, UBND tỉnh assigned 1,738 tasks to departments, boards, sectors and localities. "
        "As of 2021-03-31: 506 completed on time, 123 completed late, 41 open past their deadline, "
        "1,068 open within their deadline."
    )
    assert lines[1] == (
        "Completion rate: 93.88% (of tasks due: completed + open past deadline); "
        "on-time rate: 80.45% (of tasks completed)."
    )
    assert lines[-5:] == [
        "Try next:",
        f"  taskreg --db {path} report --quarter I/2021 --by agency",
        f"  taskreg --db {path} list --status overdue --as-of 31/3/2021",
        f"  taskreg --db {path} weekly --as-of 31/3/2021 --lang vi",
        f"  taskreg --db {path} show 1",
    ]
    assert "Built the demo register" in result.stderr


def test_demo_report_in_vietnamese_reads_like_the_published_one(demo):
    tr, path, _ = demo
    text = tr("--db", path, "report", "--quarter", "I/2021", "--lang", "vi").stdout
    assert text.splitlines()[0] == (
        "Quý I/2021, UBND tỉnh đã giao 1.738 nhiệm vụ cho các sở, ban, ngành, địa phương thực hiện. "
        "Đến ngày 31/3/2021 có: 506 nhiệm vụ hoàn thành đúng hạn, 123 nhiệm vụ hoàn thành quá hạn, "
        "41 nhiệm vụ chưa hoàn thành quá hạn, 1.068 nhiệm vụ chưa hoàn thành còn trong hạn."
    )
    assert text.splitlines()[1].startswith(
        "Tỷ lệ hoàn thành: 93,88% (trên số nhiệm vụ đến hạn); tỷ lệ hoàn thành đúng hạn: 80,45%"
    )


def test_demo_figures_hold_per_agency_and_in_list(demo):
    tr, path, _ = demo
    out = json.loads(tr("--db", path, "report", "--quarter", "2021Q1", "--by", "agency", "--format", "json").stdout)
    assert (out["total"], out["on_time"], out["late"], out["overdue"], out["in_progress"]) == (1738, 506, 123, 41, 1068)
    assert out["check"] and all(r["check"] for r in out["rows"])
    assert sum(r["total"] for r in out["rows"]) == 1738
    assert len(out["rows"]) >= 35
    rates = [r["rates"]["completion"] for r in out["rows"]]
    known = [r for r in rates if r is not None]
    assert known == sorted(known) and rates[: len(known)] == known
    overdue = json.loads(
        tr(
            "--db",
            path,
            "list",
            "--status",
            "overdue",
            "--as-of",
            "31/3/2021",
            "--quarter",
            "I/2021",
            "--format",
            "json",
        ).stdout
    )
    assert len(overdue) == 41


def test_demo_is_deterministic_and_rebuilds_only_a_demo_register(demo, tmp_path):
    tr, path, first = demo
    again = tr("demo", "--db", path, env={"TASKREG_TODAY": "2026-11-22"})
    assert again.stdout == first.stdout
    assert len(json.loads(tr("--db", path, "list", "--all", "--format", "json").stdout)) > 1738
    other = tmp_path / "real.db"
    tr("--db", other, "agency", "add", "SYT", "Sở Y tế")
    before = _dump(other)
    result = tr("demo", "--db", other, "--lang", "en", code=1)
    assert result.stderr == f"{other} exists and is not a demo register; give another path with --db.\n"
    assert _dump(other) == before  # (bytes may move: closing a WAL register checkpoints it)


def _dump(path):
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_demo_defaults_to_the_current_directory(tr, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tr("demo", "--lang", "vi", env={"TASKREG_DB": None})
    assert (tmp_path / "taskreg-demo.db").exists()


def test_the_demo_as_a_flat_csv_imports_into_an_empty_register_with_the_same_figures(demo, tmp_path):
    """CSV names agencies by code only: 43 codes, some alike (SNV, SNGV), all created as themselves."""
    tr, path, _ = demo
    flat = tmp_path / "flat.csv"
    today = {"TASKREG_TODAY": "2026-11-22"}
    tr("--db", path, "export", "--all", "-o", flat, env=today)
    empty = tmp_path / "empty.db"
    assert tr("--db", empty, "import", flat, "--create-agencies", env=today).stdout == (
        f"Imported 1,786 of 1,786 rows from {flat} (0 already in the register, 43 agencies created).\n"
    )
    report = ["report", "--quarter", "I/2021", "--by", "agency", "--format", "json"]
    before = json.loads(tr("--db", path, *report, env=today).stdout)
    after = json.loads(tr("--db", empty, *report, env=today).stdout)
    assert {k: after[k] for k in ("total", "on_time", "late", "overdue", "in_progress", "cancelled")} == {
        k: before[k] for k in ("total", "on_time", "late", "overdue", "in_progress", "cancelled")
    }
    # A flat CSV names each task's lead agency as of the export's day: since the 2025 mergers
    # the tasks SKHDT and SGTVT left open are STC's and SXD's there, so only each pair's sum
    # is what it was (the JSON export carries the mergers: tests/test_mergers.py).
    merged = {"SKHDT": "STC", "SGTVT": "SXD"}

    def rows(out, whole: bool):
        kept: dict = {}
        for r in out["rows"]:
            code = merged.get(r["agency"], r["agency"]) if whole else r["agency"]
            total, overdue = kept.get(code, (0, 0))
            kept[code] = (total + r["total"], overdue + r["overdue"])
        return kept

    assert rows(after, whole=True) == rows(before, whole=True)
    unmoved = {c for c in rows(before, False) if c not in merged and c not in merged.values()}
    assert {c: rows(after, False)[c] for c in unmoved} == {c: rows(before, False)[c] for c in unmoved}


def test_the_demo_records_each_event_on_the_day_it_claims_so_nothing_is_a_correction(demo):
    # Issue 10: built today, a demo stamped with today's clock would make every backdated
    # completion and extension a correction, and its Q1 report would say it moved.
    tr, path, _ = demo
    result = tr("demo", "--db", path, "--lang", "en", env={"TASKREG_TODAY": "2026-11-22"})
    assert "No task of these was corrected or entered after 2021-03-31." in result.stdout.splitlines()
    out = json.loads(tr("--db", path, "report", "--quarter", "2021Q1", "--format", "json").stdout)
    assert out["recorded_after_as_of"] == {"corrected": 0, "entered": 0}
    events = json.loads(tr("--db", path, "history", "--format", "json").stdout)
    assert not any(e["correction"] for e in events)
    assert not any(e["pinned_clock"] for e in events)
    done = [e for e in events if e["action"] == "done"]
    assert done and all(e["at"][:10] == e["after"]["done_on"] for e in done)
    extended = [e for e in events if e["action"] == "extend"]
    assert extended and all(e["at"][:10] == e["after"]["decided_on"] for e in extended)
    assert all(e["at"][:10] <= e["before"]["due_on"] for e in extended)


def test_the_demo_carries_the_work_between_liaisons_and_the_office(demo):
    """Issue 24: progress reports (an update rate for Q1/2021), key tasks, agency addresses
    for `remind`; issue 25: a monthly series after Q1/2021. Q1's figures are untouched (above)."""
    tr, path, result = demo
    assert result.stdout.splitlines()[2] == (  # the demo speaks Vietnamese unless told otherwise
        "Tỷ lệ cập nhật tình hình: 48,91% (473 trong số 967 nhiệm vụ phải cập nhật đã được cập nhật trong 7 ngày qua)."
    )
    run = lambda *args: tr("--db", path, *args, env={"TASKREG_TODAY": "2021-06-30"}).stdout  # noqa: E731
    q1 = json.loads(run("report", "--quarter", "I/2021", "--format", "json"))
    assert (q1["must_update"], q1["updated"], q1["rates"]["updated"]) == (967, 473, 48.91)
    key = json.loads(run("report", "--quarter", "I/2021", "--starred", "--format", "json"))
    assert 0 < key["total"] < q1["total"]
    agencies = json.loads(run("agency", "list", "--format", "json"))
    assert sum(1 for a in agencies if a["email"]) == 40  # three without an address
    reminded = run("remind", "--as-of", "31/3/2021", "--lang", "vi")
    assert reminded.count("đôn đốc") >= 20 and "quá hạn" in reminded
    (series,) = json.loads(run("recur", "list", "--format", "json"))
    assert (series["agency"], series["every"], series["tasks"]) == ("STC", "month", 3)  # SKHDT's until 2025
    made = json.loads(
        run("list", "--all", "--agency", "SKHDT", "--quarter", "II/2021", "--as-of", "30/6/2021", "--format", "json")
    )
    titles = [t["title"] for t in made if t["series"] == series["id"]]
    assert titles == [f"Báo cáo tình hình kinh tế - xã hội tháng {m}/2021" for m in (4, 5, 6)]


def test_the_demo_merges_two_departments_in_2025_and_q1_2021_still_reads_as_published(demo):
    """Issue 25: SKHDT into STC and SGTVT into SXD on 1/3/2025, as the 2025 reorganisation
    did. As of a day before, each leads its own; from that day the merged-into agency leads
    the tasks still open, and the old one keeps what it finished."""
    tr, path, _ = demo
    run = lambda *args: json.loads(tr("--db", path, *args, "--format", "json").stdout)  # noqa: E731
    q1 = run("report", "--quarter", "I/2021")
    assert (q1["on_time"], q1["late"], q1["overdue"], q1["in_progress"]) == (506, 123, 41, 1068)

    def rows(day):
        out = run("report", "--year", "2021", "--as-of", day, "--by", "agency")["rows"]
        return {r["agency"]: r for r in out if r["agency"] in ("SKHDT", "STC")}

    before, after = rows("28/2/2025"), rows("1/3/2025")
    assert after["STC"]["total"] + after["SKHDT"]["total"] == before["STC"]["total"] + before["SKHDT"]["total"]
    assert after["SKHDT"]["overdue"] == after["SKHDT"]["in_progress"] == 0  # only what it finished
    assert after["STC"]["overdue"] == before["STC"]["overdue"] + before["SKHDT"]["overdue"]
