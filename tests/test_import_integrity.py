"""A JSON import cannot break the register: history, deadlines and settings are checked field by
field, imported history stays marked as imported, assignment dates are never after today, and a
JSON export imported into an empty register keeps its task ids (issue 10, findings 4 and 5)."""

import json
import sqlite3
import unicodedata

import pytest
from conftest import as_built

TASK = {"title": "t3", "agency": "SYT", "assigned_on": "2021-01-05"}
EVENT = {
    "action": "edit",
    "at": "2021-01-05T00:00:00",
    "actor": "lan",
    "before": {"note": None},
    "after": {"note": "x"},
    "reason": None,
}


def _file(tmp_path, data, name="in.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")  # \u escapes: lone surrogates too
    return path


def _ids(path):
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM tasks ORDER BY id")]
    finally:
        conn.close()


def _state(reg):
    return [reg.rows(f"SELECT * FROM {t} ORDER BY 1") for t in ("tasks", "events", "deadlines", "settings", "agencies")]


# -- finding A: history, deadlines and settings of a JSON file -----------------------------------


def test_the_crafted_history_of_the_issue_is_refused_and_the_log_stays_readable(reg, tmp_path):
    crafted = _file(
        tmp_path, {"tasks": [{**TASK, "history": [{"action": "edit", "at": "2021-01-05T00:00:00", "after": "str"}]}]}
    )
    before = _state(reg)
    result = reg("import", crafted, code=2)
    assert result.stderr.splitlines() == [
        "Row 1, history[0].actor: who made the change must be a name of 1 to 200 characters.",
        "Row 1, history[0].after: must be null or an object of task fields and their values.",
        "Nothing was imported: 2 problems in the file; correct them and import again.",
    ]
    assert _state(reg) == before
    # with an actor, the malformed `after` alone is named
    crafted = _file(tmp_path, {"tasks": [{**TASK, "history": [{**EVENT, "after": "str"}]}]})
    assert reg("import", crafted, code=2).stderr.splitlines()[0] == (
        "Row 1, history[0].after: must be null or an object of task fields and their values."
    )
    assert _state(reg) == before
    reg("history")
    reg("add", "Việc", "--agency", "SYT")
    reg("show", "1")
    reg("history", "--task", "1")


BAD_EVENTS = [
    (
        {"action": "publish"},
        "history[0].action",
        "'publish' is not an action of a task's history: use one of add, done, reopen, extend, cancel, edit, amend_published, remind.",
    ),
    ({"action": None}, "history[0].action", "'null' is not an action of a task's history"),
    ({"at": "yesterday"}, "history[0].at", "'yesterday' is not an ISO timestamp"),
    ({"at": "2021-02-30T10:00:00"}, "history[0].at", "'2021-02-30T10:00:00' is not an ISO timestamp"),
    (
        {"at": "2299-01-01T00:00:00"},
        "history[0].at",
        "'2299-01-01T00:00:00' is not an ISO timestamp (2021-03-31T09:00:00+07:00) in the years 1900–2199.",
    ),
    ({"at": "2021-01-05"}, "history[0].at", "'2021-01-05' is not an ISO timestamp"),
    ({"at": 5}, "history[0].at", "'5' is not an ISO timestamp"),
    ({"actor": ""}, "history[0].actor", "who made the change must be a name of 1 to 200 characters."),
    ({"actor": "   "}, "history[0].actor", "who made the change must be a name"),
    ({"actor": "x" * 201}, "history[0].actor", "who made the change must be a name"),
    ({"actor": {"name": "lan"}}, "history[0].actor", "who made the change must be a name"),
    ({"actor": "lan\x00"}, "history[0].actor", "the text holds a NUL character"),
    ({"before": []}, "history[0].before", "must be null or an object of task fields"),
    ({"before": "x"}, "history[0].before", "must be null or an object of task fields"),
    ({"after": 7}, "history[0].after", "must be null or an object of task fields"),
    ({"after": {"bogus": 1}}, "history[0].after", "'bogus' is not a field taskreg records in a task's history."),
    (
        {"after": {"note": {"a": 1}}},
        "history[0].after.note",
        "must be text, a number, true, false, null or a list of texts.",
    ),
    ({"after": {"co_agencies": ["STC", 1]}}, "history[0].after.co_agencies", "must be text, a number"),
    ({"after": {"co_agencies": [["STC"]]}}, "history[0].after.co_agencies", "must be text, a number"),
    ({"after": {"note": "a\ud800"}}, "history[0].after.note", "the text is not valid Unicode"),
    ({"reason": 5}, "history[0].reason", "must be text or null."),
    ({"reason": ["a"]}, "history[0].reason", "must be text or null."),
    ({"claimed_on": "31/3/2021"}, "history[0].claimed_on", "'31/3/2021' is not an ISO date (2021-03-31)"),
]


@pytest.mark.parametrize("change, field, reason", BAD_EVENTS, ids=[f for _, f, _ in BAD_EVENTS])
def test_each_field_of_an_imported_event_is_checked(reg, tmp_path, change, field, reason):
    path = _file(tmp_path, {"tasks": [{**TASK, "history": [{**EVENT, **change}]}]})
    before = _state(reg)
    lines = reg("import", path, code=2).stderr.splitlines()
    assert lines[0].startswith(f"Row 1, {field}: {reason}"), lines
    assert lines[-1].startswith("Nothing was imported")
    assert _state(reg) == before


BAD_DEADLINES = [
    ("x", "deadlines[0]", "not an object as taskreg writes one."),
    (
        {"due_on": "31/3/2021", "kind": "initial", "decided_on": "2021-01-05"},
        "deadlines[0].due_on",
        "'31/3/2021' is not an ISO date (2021-03-31) in the years 1900–2199.",
    ),
    (
        {"due_on": "2300-01-01", "kind": "initial", "decided_on": "2021-01-05"},
        "deadlines[0].due_on",
        "'2300-01-01' is not an ISO date",
    ),
    (
        {"due_on": 44286, "kind": "initial", "decided_on": "2021-01-05"},
        "deadlines[0].due_on",
        "'44286' is not an ISO date",
    ),
    (
        {"due_on": "2021-03-31", "kind": "bogus", "decided_on": "2021-01-05"},
        "deadlines[0].kind",
        "'bogus' is not a kind of deadline: use one of initial, extension, correction.",
    ),
    (
        {"due_on": "2021-03-31", "kind": "initial", "decided_on": {"d": 1}},
        "deadlines[0].decided_on",
        "'{\"d\": 1}' is not an ISO date",
    ),
    (
        {"due_on": "2021-03-31", "kind": "initial", "decided_on": "2021-01-05", "reason": 1},
        "deadlines[0].reason",
        "must be text or null.",
    ),
    (
        {"due_on": "2021-04-30", "kind": "initial", "decided_on": "2021-01-05"},
        "deadlines",
        "the last of the task's deadlines ('2021-04-30') is not its deadline ('2021-03-31').",
    ),
]


@pytest.mark.parametrize(
    "deadline, field, reason", BAD_DEADLINES, ids=[f"{f}-{i}" for i, (_, f, _) in enumerate(BAD_DEADLINES)]
)
def test_each_field_of_an_imported_deadline_is_checked(reg, tmp_path, deadline, field, reason):
    path = _file(tmp_path, {"tasks": [{**TASK, "due_on": "2021-03-31", "deadlines": [deadline]}]})
    before = _state(reg)
    lines = reg("import", path, code=2).stderr.splitlines()
    assert lines[0].startswith(f"Row 1, {field}: {reason}"), lines
    assert _state(reg) == before


def test_imported_history_keeps_what_the_file_claims_marked_as_imported(reg, tmp_path):
    history = [
        {
            "action": "add",
            "at": "2021-01-05T08:00:00+07:00",
            "actor": "Chủ tịch UBND tỉnh",
            "before": None,
            "after": {"title": "t3", "agency": "SYT", "co_agencies": []},
            "reason": None,
        },
        {
            "action": "extend",
            "at": "2099-12-31T23:59:59",
            "actor": "Chủ tịch UBND tỉnh",
            "before": {"due_on": "2021-02-01"},
            "after": {"due_on": "2021-03-31", "decided_on": "2021-01-20"},
            "reason": "CV 5",
        },
        {
            "action": "done",
            "at": "2021-03-01T09:00:00Z",
            "actor": "minh",
            "before": {"done_on": None},
            "after": {"done_on": "2021-03-01", "backdated": True},
            "reason": None,
        },
    ]
    deadlines = [
        {"due_on": "2021-02-01", "kind": "initial", "decided_on": "2021-01-05", "reason": None},
        {"due_on": "2021-03-31", "kind": "extension", "decided_on": "2021-01-20", "reason": "CV 5"},
    ]
    path = _file(
        tmp_path,
        {
            "tasks": [
                {**TASK, "due_on": "2021-03-31", "done_on": "2021-03-01", "deadlines": deadlines, "history": history}
            ]
        },
    )
    reg("import", path)
    (import_id,) = reg.rows("SELECT id FROM events WHERE action = 'import'")[0]
    assert reg.rows("SELECT action, at, actor, imported_by, clock FROM events WHERE task_id = 1 ORDER BY id") == [
        ("add", "2021-01-05T08:00:00+07:00", "Chủ tịch UBND tỉnh", import_id, None),
        ("extend", "2099-12-31T23:59:59", "Chủ tịch UBND tỉnh", import_id, None),
        ("done", "2021-03-01T09:00:00Z", "minh", import_id, None),
    ]
    assert reg.rows("SELECT due_on, kind, decided_on, event_id FROM deadlines WHERE task_id = 1 ORDER BY id") == [
        ("2021-02-01", "initial", "2021-01-05", import_id),
        ("2021-03-31", "extension", "2021-01-20", import_id),
    ]
    shown = json.loads(reg("show", "1", "--format", "json").stdout)
    assert shown["corrected"] is False  # imported history is what the file says, never a correction
    assert [e["action"] for e in shown["history"]] == ["import", "add", "extend", "done"]
    assert "Chủ tịch UBND tỉnh" in reg("history", "--task", "1").stdout
    reg("history")
    reg("show", "1")
    reg("report", "--quarter", "I/2021")


def test_settings_in_a_json_file_are_checked_as_config_set_checks_them(reg, tmp_path):
    before = _state(reg)
    bogus = _file(tmp_path, {"settings": {"rate-basis": "bogus"}, "tasks": [TASK]})
    assert reg("import", bogus, code=2).stderr == (
        "Nothing was imported: the file's setting rate-basis = bogus is refused: 'bogus' is not a valid "
        "rate-basis: use one of due, assigned.\n"
    )
    # the same sentence `config set` gives, from the same check
    assert reg("config", "set", "rate-basis", "bogus", code=2).stderr == (
        "'bogus' is not a valid rate-basis: use one of due, assigned.\n"
    )
    for settings, reason in [
        (
            {"rate_basis": "due"},
            "There is no setting 'rate_basis': the settings are org, rate-basis, lang, place, recipients, signer-title, signer-name, lock-published,"
            " remind-days, remind-within, smtp-host, smtp-port, smtp-from.",
        ),
        ({"lang": "fr"}, "'fr' is not a valid lang: use one of vi, en."),
        ({"org": "  "}, "`config set org` needs a value."),
        ({"org": 5}, "a setting's value is text."),
    ]:
        path = _file(tmp_path, {"settings": settings, "tasks": [TASK]})
        assert reg("import", path, code=2).stderr.endswith(f"is refused: {reason}\n")
    assert reg("import", _file(tmp_path, {"settings": ["org"], "tasks": [TASK]}), code=2).stderr == (
        'Nothing was imported: the file\'s "settings" is not an object of settings and their values.\n'
    )
    assert _state(reg) == before
    reg("report")
    reg("weekly")
    reg("export", "--format", "xlsx", "-o", tmp_path / "out.xlsx")
    good = _file(tmp_path, {"settings": {"rate-basis": "assigned", "org": "UBND tỉnh Khác"}, "tasks": [TASK]})
    reg("import", good)
    assert reg("config", "get", "rate-basis").stdout == "assigned\n"  # it was unset: filled
    assert reg("config", "get", "org").stdout == "UBND tỉnh Quảng Nam\n"  # set already: kept


def test_a_json_settings_only_file_with_a_bad_value_is_refused_too(tr, tmp_path):
    path = _file(tmp_path, {"settings": {"rate-basis": "bogus"}, "tasks": []})
    tr("--db", tmp_path / "new.db", "import", path, code=2)
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    "org, reason",
    [
        ("UBND \ud800", "the text is not valid Unicode; save the file as UTF-8 again."),
        ("UBND \x00", "the text holds a NUL character, which a register never stores; remove it from the file."),
    ],
    ids=["lone-surrogate", "nul"],
)
def test_a_json_setting_that_is_no_text_a_register_stores_is_bad_input(tr, tmp_path, org, reason):
    """Issue 23 findings 5 and 6: a lone surrogate in `settings.org` was a traceback that left an
    empty register behind; a NUL was stored (`config get org` said `UBND \x00`)."""
    path = _file(tmp_path, {"settings": {"org": org}, "tasks": [TASK]})
    if tr.engine == "sqlite":  # a register the import would create: none is left behind
        new = tmp_path / "new.db"
        result = tr("--db", new, "import", path, code=2)
        assert result.stderr.endswith(f"is refused: {reason}\n") and result.stderr.count("\n") == 1
        assert list(tmp_path.glob("new.db*")) == []
    tr.init()
    before = tr.tables()
    result = tr("import", path, code=2)
    assert result.stderr.startswith("Nothing was imported: the file's setting org = UBND \\")
    assert result.stderr.endswith(f"is refused: {reason}\n")
    assert tr.tables() == before


ODD_FILES = [
    ([{**TASK, "title": {"a": 1}}], "Row 1, title: must be text, a number or null."),
    ([{**TASK, "title": True}], "Row 1, title: must be text, a number or null."),
    ([{**TASK, "agency": ["SYT"]}], "Row 1, agency: must be text, a number or null."),
    ([{**TASK, "agency": {"code": "SYT"}}], "Row 1, agency: must be text, a number or null."),
    (
        [{**TASK, "co_agencies": [1, {"a": 2}]}],
        "Row 1, co_agencies: must be agency codes: text separated by ';', or a list of texts.",
    ),
    ([{**TASK, "uid": ["x"]}], "Row 1, uid: must be text, a number or null."),
    (
        [{**TASK, "note": "a\x00b"}],
        "Row 1, note: the text holds a NUL character, which a register never stores; remove it from the file.",
    ),
    ([{**TASK, "title": "a\udc80"}], "Row 1, title: the text is not valid Unicode; save the file as UTF-8 again."),
    ([TASK, "t4", 5, None], "Row 2, whole row: not an object as taskreg writes one."),
    ([{**TASK, "history": {"action": "add"}}], "Row 1, history: not a list of entries as taskreg exports them."),
    ([{**TASK, "deadlines": "2021-03-31"}], "Row 1, deadlines: not a list of entries as taskreg exports them."),
    (
        {"agencies": {"SYT": "Sở Y tế"}, "tasks": [TASK]},
        'Nothing was imported: the file\'s "agencies" is not a list of agencies.',
    ),
    (
        {"agencies": [{"code": {"x": 1}, "name": "Sở Y tế"}], "tasks": [TASK]},
        "Nothing was imported: agency 1 of the file's list: its code must be text without spaces.",
    ),
    (
        {"agencies": [{"code": "SYT", "name": ["Sở Y tế"]}], "tasks": [TASK]},
        "Nothing was imported: agency 1 of the file's list: its name and kind must be text.",
    ),
    (
        {"agencies": [{"code": "SYT", "name": "Sở Y tế", "retired_on": "1/7/2025"}], "tasks": [TASK]},
        "Nothing was imported: agency 1 of the file's list: '1/7/2025' is not an ISO date (2021-03-31) in the "
        "years 1900–2199.",
    ),
]


@pytest.mark.parametrize("data, line", ODD_FILES, ids=[str(i) for i in range(len(ODD_FILES))])
def test_odd_json_shapes_are_errors_never_tracebacks(reg, tmp_path, data, line):
    path = _file(tmp_path, data)
    before = _state(reg)
    for flags in ([], ["--create-agencies"], ["--dry-run"]):
        lines = reg("import", path, *flags, code=2).stderr.splitlines()
        assert lines[0] == line, lines
    assert _state(reg) == before


@pytest.mark.parametrize(
    "text, reason",
    [
        ("[" * 100_000 + "]" * 100_000, "it is nested far deeper than any export"),
        ('[{"title": "x", "agency": "SYT", "assigned_on": NaN}]', "NaN is not a JSON number"),
        ('[{"title": "x", "agency": "SYT", "assigned_on": ' + "1" * 5000 + "}]", "Exceeds the limit"),
    ],
)
def test_json_no_parser_should_take_is_unreadable(reg, tmp_path, text, reason):
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    assert reg("import", path, code=2).stderr.startswith(f"Cannot read {path}: {reason}")


# -- finding B: an assignment date is never after today --------------------------------------------


def test_an_assignment_date_after_today_is_a_row_error(reg, tmp_path):
    rows = tmp_path / "giao.csv"
    rows.write_text(
        "title,agency,assigned_on\nHôm nay,SYT,31/3/2021\nNgày mai,SYT,1/4/2021\nNăm sau,STC,2022-01-01\n",
        encoding="utf-8",
    )
    before = _state(reg)
    lines = reg("import", rows, code=2).stderr.splitlines()
    assert lines[0].startswith("Row 3, assigned_on: The assignment date 2021-04-01 is after today")
    assert lines[1].startswith("Row 4, assigned_on: The assignment date 2022-01-01 is after today")
    assert lines[2] == "Nothing was imported: 2 problems in the file; correct them and import again."
    reg("import", rows, "--dry-run", code=2)
    json_rows = _file(tmp_path, [{**TASK, "assigned_on": "2021-04-01"}])
    assert reg("import", json_rows, code=2).stderr.startswith(
        "Row 1, assigned_on: The assignment date 2021-04-01 is after today"
    )
    assert _state(reg) == before


# -- finding C: a JSON export into an empty register keeps the task ids -----------------------------


@pytest.fixture
def numbered(request, reg):
    """Tasks 1–5; a JSON export of STC's alone has ids with gaps (2 and 4)."""

    def build(reg):
        for title, agency in [("một", "SYT"), ("hai", "STC"), ("ba", "SYT"), ("bốn", "STC"), ("năm", "SYT")]:
            reg("add", title, "--agency", agency, "--assigned", "4/1/2021", "--due", "15/3/2021")
        reg("extend", "4", "--due", "30/4/2021", "--on", "10/3/2021", "--reason", "CV 5")

    return as_built(request, reg, build)


def test_a_json_export_imported_into_an_empty_register_keeps_its_task_ids(numbered, tmp_path):
    out = tmp_path / "stc.json"
    numbered("export", "--format", "json", "--agency", "STC", "-o", out)
    fresh = tmp_path / "fresh.db"
    numbered("--db", fresh, "import", out, "--create-agencies")
    listed = json.loads(numbered("--db", fresh, "list", "--all", "--format", "json").stdout)
    assert [(t["id"], t["title"]) for t in listed] == [(2, "hai"), (4, "bốn")]
    shown = json.loads(numbered("--db", fresh, "show", "4", "--format", "json").stdout)
    assert [e["action"] for e in shown["history"]] == ["import", "add", "extend"]
    assert numbered("--db", fresh, "add", "sáu", "--agency", "STC").stdout == "5\n"  # after the last


def test_an_empty_register_is_one_without_tasks_and_ids_are_assigned_otherwise(numbered, tmp_path):
    out = tmp_path / "stc.json"
    numbered("export", "--format", "json", "--agency", "STC", "-o", out)
    other = tmp_path / "other.db"
    numbered("--db", other, "agency", "add", "STC", "Sở Tài chính")  # agencies, but no task: empty
    numbered("--db", other, "import", out)
    assert _ids(other) == [2, 4]
    busy = tmp_path / "busy.db"
    numbered("--db", busy, "agency", "add", "STC", "Sở Tài chính")
    numbered("--db", busy, "add", "đã có", "--agency", "STC")
    numbered("--db", busy, "import", out)
    titles = json.loads(numbered("--db", busy, "list", "--all", "--format", "json").stdout)
    assert [(t["id"], t["title"]) for t in titles] == [(1, "đã có"), (2, "hai"), (3, "bốn")]


def test_ids_to_keep_must_be_positive_whole_numbers_without_duplicates(tr, tmp_path):
    tasks = [{**TASK, "title": f"t{n}", "id": n} for n in (3, 7, 9, 12, 14)]
    tasks[1]["id"] = 3
    tasks[2]["id"] = "9"
    tasks[3]["id"] = 0
    del tasks[4]["id"]
    path = _file(tmp_path, {"agencies": [{"code": "SYT", "name": "Sở Y tế"}], "tasks": tasks})
    fresh = tmp_path / "fresh.db"
    assert tr("--db", fresh, "import", path, "--create-agencies", code=2).stderr.splitlines() == [
        "Row 2, id: id 3 is also row 1's; each task has an id of its own.",
        "Row 3, id: '9' is not a task id: a whole number from 1 up.",
        "Row 4, id: '0' is not a task id: a whole number from 1 up.",
        "Row 5, id: the other tasks keep their ids (a JSON export imported into an empty register), so "
        "this one needs an id too.",
        "Nothing was imported: 4 problems in the file; correct them and import again.",
    ]
    assert not fresh.exists()
    for task in tasks:  # a file without ids: the register numbers its tasks
        task.pop("id", None)
    tr("--db", fresh, "import", _file(tmp_path, {"tasks": tasks}), "--create-agencies")
    assert _ids(fresh) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"due_on": 5}, "history[0].before.due_on"),
        ({"assigned_on": "notadate"}, "history[0].before.assigned_on"),
        ({"done_on": ["x"]}, "history[0].before.done_on"),
        ({"co_agencies": 7}, "history[0].before.co_agencies"),
        ({"backdated": "yes"}, "history[0].before.backdated"),
        ({"title": 3}, "history[0].before.title"),
    ],
)
def test_the_values_of_an_imported_events_changes_have_the_shape_taskreg_writes(reg, tmp_path, changes, field):
    # Review of issue 10: "Deadline: 5 → —" and "Assigned: — → notadate" came in unchecked.
    path = tmp_path / "h.json"
    path.write_text(
        json.dumps(
            {
                "tasks": [
                    {
                        "title": "t",
                        "agency": "SYT",
                        "assigned_on": "2021-01-05",
                        "history": [{"action": "edit", "at": "2021-01-05T09:00:00", "actor": "lan", "before": changes}],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    result = reg("import", path, code=2)
    assert f"Row 1, {field}:" in result.stderr
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]


# -- issue 23 finding 9: the actor is checked at the edge, and a register's export imports back ----

NFD_ACTOR = unicodedata.normalize("NFD", "Nguyễn Thị Lan")


@pytest.mark.parametrize(
    "user, said",
    [
        ("   ", "TASKREG_USER is blank: the name recorded as who made each change is 1 to 200 printable characters."),
        ("x" * 201, "TASKREG_USER is 201 characters long: the name recorded as who made each change is at most 200."),
        ("Rà soát " * 5000, "TASKREG_USER is 39,999 characters long"),
        ("lan\tx", "TASKREG_USER (lan\\x09x) holds a character that is not printable"),
        ("lan\x1b[2J", "TASKREG_USER (lan\\x1b[2J) holds a character that is not printable"),
        ("abc\u202edcba", "TASKREG_USER (abc\\u202edcba) holds a character that is not printable"),
        ("one\nforged", "TASKREG_USER (one⏎forged) holds a character that is not printable"),
    ],
    ids=["blank", "201", "40000", "tab", "esc", "bidi", "newline"],
)
def test_a_taskreg_user_no_export_could_import_back_is_bad_input_before_anything_is_opened(tr, user, said):
    """Issue 23 finding 9: TASKREG_USER="   " (or 10,000 characters) was recorded as the actor,
    and the register's own JSON export was then refused by import (`history[0].actor`)."""
    if tr.engine == "postgresql":
        tr.init()
    before = tr.tables()
    for args in (["add", "Việc", "--agency", "SYT"], ["list"], ["init", "--org", "UBND tỉnh"]):
        result = tr(*args, code=2, env={"TASKREG_USER": user})
        assert result.stderr.startswith(said) and result.stderr.count("\n") == 1, result.stderr
    assert tr.tables() == before  # on a file register: none created
    vi = tr("--lang", "vi", "list", code=2, env={"TASKREG_USER": user}).stderr
    assert vi.startswith("TASKREG_USER ") and "tên người thực hiện" in vi


@pytest.mark.sqlite_only  # the actor is TASKREG_USER on a file register (on PostgreSQL, the login)
def test_an_actor_of_200_characters_is_taken_whole(reg):
    name = "Lê " + "x" * 197
    task = reg("add", "Việc", "--agency", "SYT", env={"TASKREG_USER": name}).stdout.strip()
    assert json.loads(reg("history", "--task", task, "--format", "json").stdout)[-1]["actor"] == name


@pytest.mark.sqlite_only  # the actor is TASKREG_USER on a file register (on PostgreSQL, the login)
def test_an_nfd_actor_is_recorded_in_nfc_and_found_as_typed(reg):
    task = reg("add", "Việc", "--agency", "SYT", env={"TASKREG_USER": "  " + NFD_ACTOR + " "}).stdout.strip()
    nfc_actor = unicodedata.normalize("NFC", NFD_ACTOR)
    assert reg.rows("SELECT actor FROM events WHERE task_id = ?", (int(task),)) == [(nfc_actor,)]
    for typed in (NFD_ACTOR, nfc_actor):
        found = json.loads(reg("history", "--actor", typed, "--format", "json").stdout)
        assert [e["task_id"] for e in found] == [int(task)]


def test_a_register_written_with_an_nfd_actor_exports_and_imports_back(tr, tmp_path):
    """Its own JSON export imports into an empty register, of either engine (SPEC §8, §9)."""
    from conftest import Taskreg

    source_path = tmp_path / "source.db"
    source = Taskreg(source_path, {**tr.env, "TASKREG_DB": str(source_path), "TASKREG_USER": NFD_ACTOR})
    source("init", "--org", "UBND tỉnh Quảng Nam")
    source("agency", "add", "SYT", "Sở Y tế")
    source("add", "Việc một", "--agency", "SYT", "--due", "15/3/2021", "--assigned", "4/1/2021")
    source("done", "1", "--on", "10/3/2021")
    out = tmp_path / "all.json"
    source("export", "--format", "json", "-o", out)
    tr("import", out, "--create-agencies")
    history = json.loads(tr("history", "--task", "1", "--format", "json").stdout)
    assert {e["actor"] for e in history if e["action"] != "import"} == {unicodedata.normalize("NFC", NFD_ACTOR)}
    assert json.loads(tr("show", "1", "--format", "json").stdout)["status"] == "on_time"
