"""Recording and changing tasks: add, done, reopen, cancel, edit, and their audit events."""

import json
import unicodedata

import pytest


def _json(result):
    return json.loads(result.stdout)


def test_add_prints_the_new_id_alone(reg):
    assert reg("add", "Rà soát thủ tục", "--agency", "SYT").stdout == "1\n"
    assert reg("add", "Báo cáo quý", "--agency", "STC").stdout == "2\n"


def test_add_json_prints_the_whole_record(reg):
    task = _json(
        reg(
            "add",
            "Triển khai Kế hoạch 863/KH-UBND",
            "--agency",
            "so y te",
            "--co",
            "STC",
            "--co",
            "Sở Giáo dục và Đào tạo",
            "--co",
            "SYT",
            "--due",
            "Q2/2021",
            "--assigned",
            "15/3/2021",
            "--source",
            "863/KH-UBND",
            "--source-date",
            "10/3/2021",
            "--assigned-by",
            "Phó Chủ tịch Trần Văn A",
            "--note",
            "Ưu tiên",
            "--format",
            "json",
        )
    )
    uid = task.pop("uid")
    assert len(uid) == 36
    assert task == {
        "id": 1,
        "title": "Triển khai Kế hoạch 863/KH-UBND",
        "agency": "SYT",
        "co_agencies": ["SGDDT", "STC"],
        "assigned_on": "2021-03-15",
        "due_on": "2021-06-30",
        "done_on": None,
        "cancelled_on": None,
        "source": "863/KH-UBND",
        "source_date": "2021-03-10",
        "assigned_by": "Phó Chủ tịch Trần Văn A",
        "note": "Ưu tiên",
        "result": None,
        "starred": False,
        "updated_on": None,  # no progress report yet
        "status": "in_progress",
        "awaiting_confirmation": False,
        "series": None,  # not made by a periodic series
    }


def test_deadline_before_assignment_is_bad_input(reg):
    result = reg("add", "Việc", "--agency", "SYT", "--assigned", "10/3/2021", "--due", "9/3/2021", code=2)
    assert result.stderr == "The deadline 2021-03-09 is before the task was assigned (2021-03-10).\n"


def test_empty_title_is_bad_input(reg):
    reg("add", "   ", "--agency", "SYT", code=2)
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]


def test_titles_print_verbatim_brackets_quotes_and_nfd(reg):
    nfd = unicodedata.normalize("NFD", '[khẩn] Rà soát "Đề án" [bold]số 5[/bold]')
    reg("add", nfd, "--agency", "SYT")
    nfc = unicodedata.normalize("NFC", nfd)
    assert reg.rows("SELECT title FROM tasks") == [(nfc,)]
    assert nfc in reg("list").stdout
    assert nfc in reg("list", env={"TTY_COMPATIBLE": "1", "COLUMNS": "200"}).stdout
    assert nfc in reg("show", "1").stdout
    assert _json(reg("list", "--search", "RA SOAT", "--format", "json"))[0]["title"] == nfc
    assert _json(reg("list", "--search", "đề án", "--format", "json"))[0]["id"] == 1


def test_done_several_ids_at_once(reg):
    for title in ("Một", "Hai", "Ba"):
        reg("add", title, "--agency", "SYT", "--assigned", "1/3/2021", "--due", "20/3/2021")
    result = reg("done", "1", "2", "--on", "25/3/2021", "--result", "Báo cáo số 45/BC-SYT")
    assert result.stdout == (
        "Task 1 done on 2021-03-25 (completed late).\nTask 2 done on 2021-03-25 (completed late).\n"
    )
    assert reg.rows("SELECT id, done_on, result FROM tasks ORDER BY id") == [
        (1, "2021-03-25", "Báo cáo số 45/BC-SYT"),
        (2, "2021-03-25", "Báo cáo số 45/BC-SYT"),
        (3, None, None),
    ]


def test_done_is_all_or_nothing(reg):
    reg("add", "Một", "--agency", "SYT")
    reg("add", "Hai", "--agency", "SYT")
    reg("done", "2")
    events = reg.rows("SELECT count(*) FROM events")
    result = reg("done", "1", "2", code=1)
    assert result.stderr == (
        "Task 2 is already done (on 2021-03-31); `taskreg reopen 2` first if it was not. "
        "So nothing was recorded: task 1 is not marked done either.\n"
    )
    reg("done", "1", "99", code=1)
    assert reg.rows("SELECT id, done_on FROM tasks ORDER BY id") == [(1, None), (2, "2021-03-31")]
    assert reg.rows("SELECT count(*) FROM events") == events


def test_done_dates_must_fit_the_record(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "10/3/2021")
    assert reg("done", "1", "--on", "1/4/2021", code=2).stderr == ("The completion date 2021-04-01 is in the future.\n")
    assert reg("done", "1", "--on", "9/3/2021", code=2).stderr == (
        "The completion date 2021-03-09 is before the task was assigned (2021-03-10).\n"
    )
    assert reg("done", "7", code=1).stderr == "There is no task 7.\n"


def test_cancel_rules(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "1/3/2021")
    reg("add", "Hai", "--agency", "SYT", "--assigned", "1/3/2021")
    assert reg("cancel", "1", "--reason", "Theo TB 45/TB-UBND", "--on", "15/3/2021").stdout == (
        "Task 1 cancelled on 2021-03-15.\n"
    )
    assert "was cancelled on 2021-03-15" in reg("cancel", "1", "--reason", "x", code=1).stderr
    assert "was cancelled" in reg("done", "1", code=1).stderr
    reg("done", "2")
    assert "already done" in reg("cancel", "2", "--reason", "x", code=1).stderr
    reg("cancel", "2", code=2)  # --reason is required
    shown = _json(reg("show", "1", "--format", "json"))
    assert (shown["status"], shown["cancelled_on"]) == ("cancelled", "2021-03-15")
    assert _json(reg("show", "1", "--format", "json", "--as-of", "14/3/2021"))["status"] == "in_progress"


def test_edit_corrects_fields_and_audits_old_and_new(reg):
    reg("add", "Báo cáo", "--agency", "SYT", "--co", "STC", "--assigned", "1/3/2021")
    result = reg(
        "edit",
        "1",
        "--title",
        "Báo cáo tổng kết",
        "--agency",
        "STC",
        "--co",
        "SGDDT",
        "--note",
        "Bổ sung",
        "--source",
        "12/BC-UBND",
    )
    assert result.stdout == "Task 1 corrected: title, source document, note, lead agency, coordinating agencies.\n"
    task = _json(reg("show", "1", "--format", "json"))
    assert (task["title"], task["agency"], task["co_agencies"], task["note"]) == (
        "Báo cáo tổng kết",
        "STC",
        ["SGDDT"],
        "Bổ sung",
    )
    edit = task["history"][-1]
    assert edit["before"] == {"title": "Báo cáo", "agency": "SYT", "co_agencies": ["STC"], "note": None, "source": None}
    assert task["corrected"] is True
    assert reg("edit", "1", "--title", "Báo cáo tổng kết").stdout == (
        "Task 1 already has those values; nothing changed.\n"
    )
    reg("edit", "1", "--co", "none")
    assert _json(reg("show", "1", "--format", "json"))["co_agencies"] == []
    reg("edit", "1", code=2)


def test_edit_cannot_make_the_record_contradict_itself(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "10/3/2021", "--due", "20/3/2021")
    reg("done", "1", "--on", "15/3/2021")
    assert reg("edit", "1", "--assigned", "16/3/2021", code=2).stderr == (
        "The assignment date 2021-03-16 is after the completion date 2021-03-15.\n"
    )
    assert reg("edit", "1", "--due", "1/3/2021", "--reason", "x", code=2).stderr == (
        "The assignment date 2021-03-10 is after the deadline 2021-03-01.\n"
    )
    reg("edit", "1", "--due", "none", "--reason", "Nhiệm vụ thường xuyên")
    assert _json(reg("show", "1", "--format", "json"))["due_on"] is None


def test_every_change_writes_its_event_in_the_same_transaction(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "25/3/2021")
    reg("add", "Hai", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "25/3/2021")
    reg("extend", "2", "--due", "30/4/2021", "--on", "20/3/2021", "--reason", "CV 5/SYT")
    reg("done", "1", "--on", "20/3/2021")
    reg("reopen", "1", "--reason", "Thiếu hồ sơ")
    reg("cancel", "1", "--reason", "Dừng")
    reg("edit", "2", "--note", "Ghi chú")
    reg("config", "set", "rate-basis", "assigned")
    reg("agency", "rename", "SYT", "Sở Y tế tỉnh")
    actions = [r[0] for r in reg.rows("SELECT action FROM events ORDER BY id")]
    # a database register is named (config set org), not created (init): SPEC §9
    first = "init" if reg.engine == "sqlite" else "config_set"
    assert actions == [
        first,
        "agency_add",
        "agency_add",
        "agency_add",
        "add",
        "add",
        "extend",
        "done",
        "reopen",
        "cancel",
        "edit",
        "config_set",
        "agency_rename",
    ]
    assert {r[0] for r in reg.rows("SELECT DISTINCT actor FROM events")} == {"lan"}


@pytest.mark.sqlite_only  # on PostgreSQL: test_postgres.py, as the liaison (no privilege)
def test_the_audit_log_cannot_be_edited(reg):
    import sqlite3

    import pytest

    conn = sqlite3.connect(reg.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET actor = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM events")
    conn.close()


def test_history_filters_and_prints(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "25/3/2021")
    reg("done", "1", "--on", "20/3/2021", env=reg.user_env("minh"))
    events = _json(reg("history", "--task", "1", "--format", "json"))
    assert [(e["action"], e["actor"]) for e in events] == [("add", "lan"), ("done", "minh")]
    assert [e["action"] for e in _json(reg("history", "--actor", "minh", "--format", "json"))] == ["done"]
    assert _json(reg("history", "--since", "1/1/2099", "--format", "json")) == []
    text = reg("history", "--task", "1").stdout.splitlines()
    assert text[0].split() == ["ID", "When", "Who", "Task", "Change"]
    # done --on 20/3 recorded on 31/3 (the pinned clock): a correction, said so
    assert text[-1].endswith(
        "1  marked done; Done: — → 2021-03-20; correction: completion "
        "recorded on 2021-03-31, done on 2021-03-20; date pinned by TASKREG_TODAY"
    )


def test_show_text(reg):
    reg(
        "add",
        "[khẩn] Rà soát thủ tục",
        "--agency",
        "SYT",
        "--co",
        "STC",
        "--assigned",
        "4/3/2021",
        "--due",
        "20/3/2021",
        "--source",
        "863/KH-UBND",
        "--source-date",
        "1/3/2021",
    )
    reg("extend", "1", "--due", "30/4/2021", "--on", "15/3/2021", "--reason", "CV 12/SYT")
    lines = reg("show", "1", "--lang", "vi").stdout.splitlines()
    assert lines[:7] == [
        "#1  chưa hoàn thành còn trong hạn (đến ngày 31/3/2021)",
        "Nội dung:        [khẩn] Rà soát thủ tục",
        "Đơn vị chủ trì:  SYT (Sở Y tế)",
        "Đơn vị phối hợp: STC",
        "Ngày giao:       04/3/2021",
        "Hạn hoàn thành:  30/4/2021",
        "Số ký hiệu:      863/KH-UBND ngày 01/3/2021",
    ]
    # decided on 15/3, before the old deadline (20/3), but recorded on 31/3: a correction
    assert lines[7:11] == [
        "UID:             " + _json(reg("show", "1", "--format", "json"))["uid"],
        "Đã đính chính:   có, số liệu cũ của nhiệm vụ này đã được điều chỉnh có chủ đích (xem lịch sử)",
        "                 gia hạn ghi vào sổ ngày 31/3/2021, quyết định ngày 15/3/2021",
        "",
    ]
    assert lines[-3] == "Lịch sử:"
    assert lines[-1].endswith(
        "lan  gia hạn; Hạn hoàn thành: 20/3/2021 → 30/4/2021; "
        "lý do: CV 12/SYT; đính chính số liệu: gia hạn ghi vào sổ ngày "
        "31/3/2021, quyết định ngày 15/3/2021; ngày do TASKREG_TODAY cố định"
    )
    assert reg("show", "9", code=1).stderr == "There is no task 9.\n"
