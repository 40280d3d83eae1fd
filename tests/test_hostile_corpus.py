"""Every hostile value in tests/hostile/values.jsonl, fed to every command that takes text
or files (SPEC §8). For each command: never a traceback; nothing printed for people carries
a raw control character; and the outcome the value declares for that place, asserted
either way. Accepted: exit 0, and the text round-trips (JSON, CSV and XLSX exact, in NFC
and trimmed; shown with the README's escapes). Refused: exit 2 (bad input) or 1 (refused),
one sentence on stderr, and the register as it was.

The next hostile value is one line in the data file: a JSON object with `name`, `text`
(lone surrogates such as \\udcff stand for bytes that are not UTF-8, as Python decodes a
command line), optionally `repeat`, and `expect`: for each place below, "accepted", "bad
input" (exit 2) or "refused" (exit 1) — what the spec asks for, never what the code happens
to do; `why` says why a refusal is right. Where the code does not do what the spec asks
yet, `known_bug` names the place and the bug, and that place's test is an expected failure
(strict: it fails once the bug is fixed, to have the mark taken off).

    argument     typed bare as `add`'s title: `taskreg add TEXT --agency SYT`
    task         every text field of a task: add's title (after `--`), --note, --source and
                 --assigned-by, edit's --note and --result, extend's, reopen's and cancel's
                 --reason, done's --result
    agency_code  `agency add TEXT "Cơ quan lạ"`
    agency_name  `agency add HX TEXT`
    org          `config set org TEXT`
    actor        TASKREG_USER on a file register (null: no environment can hold it)
    cells        the title, note and source cells of an imported CSV and JSON row
    new_agency   the agency cell of an imported CSV row, with --create-agencies
"""

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest

OUTCOMES = {"accepted": 0, "refused": 1, "bad input": 2}
PLACES = ("argument", "task", "agency_code", "agency_name", "org", "actor", "cells", "new_agency")

VALUES = [
    json.loads(line)
    for line in (Path(__file__).parent / "hostile" / "values.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
for _value in VALUES:  # the data file says what it means for every place, or the suite cannot start
    assert set(_value["expect"]) == set(PLACES), _value["name"]
    assert all(o in OUTCOMES or (o is None and p == "actor") for p, o in _value["expect"].items()), _value["name"]
    assert set(_value.get("known_bug", {})) <= set(PLACES), _value["name"]


def _case(value: dict) -> dict:
    return {**value, "text": value["text"] * value.get("repeat", 1)}


CASES = [pytest.param(_case(v), id=v["name"]) for v in VALUES]


def _cases_for(place: str) -> list:
    """The cases, those with a known bug at `place` marked as expected (strict) failures."""
    params = []
    for v in VALUES:
        bug = v.get("known_bug", {}).get(place)
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=bug)] if bug else []
        params.append(pytest.param(_case(v), id=v["name"], marks=marks))
    return params


#: What must never reach a reader's terminal raw: C0 controls but the newline, DEL, C1
#: controls, and the bidirectional controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
RICH_STYLE = re.compile("\x1b\\[[0-9;]*m")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def stored(text: str) -> str:
    """Text as the register keeps it (README: stored in NFC), outer spaces trimmed."""
    return unicodedata.normalize("NFC", text).strip()


def stored_from_csv(text: str) -> str:
    """A CSV cell as import keeps it: one leading ' taken off where the rest begins like a
    formula (SPEC §8), so that taskreg's own exports round-trip."""
    kept = stored(text)
    if kept[:1] == "'" and kept[1:2] and kept[1] in FORMULA_START:
        kept = kept[1:]
    return kept


def shown(text: str) -> str:
    """A one-line field as people read it, written from the README's "Hostile input" rules
    (not taskreg's code): a line break (LF, CR, CRLF) as ⏎; C0 controls, DEL and C1 controls
    as \\xHH; bidirectional controls and other invisible format characters as \\uHHHH."""
    out = []
    for c in re.sub("\r\n|\r|\n", "⏎", text):
        point = ord(c)
        if point < 0x20 or 0x7F <= point <= 0x9F:
            out.append(f"\\x{point:02x}")
        elif unicodedata.category(c) == "Cf" or c in "\u2028\u2029":
            out.append(f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}")
        else:
            out.append(c)
    return "".join(out)


def _run(reg, *args, env=None, expect=None, sentences=1, for_people=True):
    """A command, which may succeed or fail but never crash; a failure changes nothing.
    Its stderr, and its stdout unless that is for programs (JSON), carry no raw control.

    With `expect` ("accepted", "refused" or "bad input"), its exit status is that outcome's,
    and a refusal says why in `sentences` lines (None: at least one, as an import's row
    errors are), each a sentence.
    """
    before = reg.tables()
    result = reg.runner.invoke(_app(), [str(a) for a in args], env={**reg.env, **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (args, result.exit_code)
    assert "Traceback" not in result.stderr, (args, result.stderr)
    for stream in (result.stdout, result.stderr) if for_people else (result.stderr,):
        if (env or {}).get("TTY_COMPATIBLE") == "1":
            stream = RICH_STYLE.sub("", stream)  # rich's own bold and colour, not user text
        found = RAW.search(stream)
        assert found is None, (args, repr(stream[max(0, found.start() - 20) : found.end() + 20]))
    if result.exit_code:
        assert reg.tables() == before, (args, "a failed command changed the register")
    if expect is not None:
        said = f"{args[:3]}…: expected {expect}, exit {result.exit_code}; stderr: {result.stderr[:300]!r}"
        assert result.exit_code == OUTCOMES[expect], said
        if expect != "accepted":
            lines = result.stderr.strip().splitlines()
            assert lines and (sentences is None or len(lines) == sentences), said
            assert all(line.rstrip().endswith((".", ".)")) for line in lines), said
    return result


def _app():
    from taskreg.cli.app import app

    return app


def _json(reg, *args, env=None):
    """A command's JSON: for programs, so it keeps the text exact, controls included."""
    return json.loads(_run(reg, *args, "--format", "json", env=env, expect="accepted", for_people=False).stdout)


def _people_facing(reg, env=None):
    """Everything a person reads off a register holding hostile text."""
    for args in (
        ["list", "--all"],
        ["list", "--all", "--lang", "vi"],
        ["history"],
        ["agency", "list"],
        ["weekly"],
        ["weekly", "--lang", "vi"],
        ["report", "--by", "agency"],
        ["show", "1"],
        ["check"],
    ):
        _run(reg, *args, env=env)
    _run(reg, "list", "--all", env={**(env or {}), "TTY_COMPATIBLE": "1"})


@pytest.mark.parametrize("case", CASES)
def test_hostile_text_in_every_field_of_a_task(reg, case):
    text, expect = case["text"], case["expect"]
    bare = _run(reg, "add", text, "--agency", "SYT", expect=expect["argument"])
    if expect["argument"] == "accepted":
        assert _json(reg, "show", bare.stdout.strip())["title"] == stored(text)
    fields = ["--note", text, "--source", text, "--assigned-by", text]
    result = _run(reg, "add", "--agency", "SYT", *fields, "--", text, expect=expect["task"])
    if expect["task"] != "accepted":
        return  # refused as declared, with one sentence, and nothing was written (_run)
    task = result.stdout.strip()
    record = _json(reg, "show", task)
    assert {k: record[k] for k in ("title", "note", "source", "assigned_by")} == dict.fromkeys(
        ("title", "note", "source", "assigned_by"), stored(text)
    )
    page = _run(reg, "show", task).stdout
    for label in ("Title:", "Source:", "Note:"):
        assert label.ljust(13) + shown(stored(text)) + "\n" in page, (label, page[:500])

    _run(reg, "edit", task, "--note", text, "--result", text, expect="accepted")
    record = _json(reg, "show", task)
    assert (record["note"], record["result"]) == (stored(text), stored(text))

    second = _run(reg, "add", "Hai", "--agency", "STC", "--assigned", "1/3/2021", "--due", "15/3/2021")
    second = second.stdout.strip()
    assert second.isdigit(), second
    _run(reg, "extend", second, "--due", "30/4/2021", "--on", "10/3/2021", "--reason", text, expect="accepted")
    _run(reg, "done", second, "--result", text, expect="accepted")
    assert _json(reg, "show", second)["result"] == stored(text)
    _run(reg, "reopen", second, "--reason", text, expect="accepted")
    _run(reg, "cancel", second, "--reason", text, expect="accepted")
    record = _json(reg, "show", second)
    assert record["deadlines"][-1]["reason"] == stored(text)
    reasons = {e["action"]: e["reason"] for e in _json(reg, "history", "--task", second)}
    assert (reasons["reopen"], reasons["cancel"]) == (stored(text), stored(text)), reasons

    _people_facing(reg)
    found = _json(reg, "list", "--search", text)
    assert int(task) in [t["id"] for t in found]
    _run(reg, "history", "--actor", text, expect="accepted")
    assert shown(stored(text)) in _run(reg, "show", task, "--lang", "vi", expect="accepted").stdout


@pytest.mark.parametrize("case", CASES)
def test_hostile_text_as_an_agency_code(reg, case):
    text, expect = case["text"], case["expect"]["agency_code"]
    _run(reg, "agency", "add", text, "Cơ quan lạ", expect=expect)
    if expect != "accepted":
        return
    assert {"code": stored(text), "name": "Cơ quan lạ"} in [
        {"code": a["code"], "name": a["name"]} for a in _json(reg, "agency", "list")
    ]
    task = _run(reg, "add", "Việc", "--agency", text, expect="accepted").stdout.strip()
    assert _json(reg, "show", task)["agency"] == stored(text)
    assert _json(reg, "report", "--agency", text)["total"] == 1
    _people_facing(reg)


@pytest.mark.parametrize("case", CASES)
def test_hostile_text_as_an_agency_name_and_the_org(reg, case):
    text, expect = case["text"], case["expect"]
    _run(reg, "agency", "add", "HX", text, expect=expect["agency_name"])
    named = expect["agency_name"] == "accepted"
    if named:
        assert {"code": "HX", "name": stored(text)} in [
            {"code": a["code"], "name": a["name"]} for a in _json(reg, "agency", "list")
        ]
    # A second agency of that name is a duplicate; else the name fares as it did above.
    _run(reg, "agency", "rename", "STC", text, expect="refused" if named else expect["agency_name"])
    # Typed as an agency: HX by its name, else an unknown agency, quoted in the error.
    task = _run(reg, "add", "Việc", "--agency", text, expect="accepted" if named else "bad input")
    if named:
        assert _json(reg, "show", task.stdout.strip())["agency"] == "HX"
    _run(reg, "report", "--agency", text, expect="accepted" if named else "bad input")

    _run(reg, "config", "set", "org", text, expect=expect["org"])
    if expect["org"] == "accepted":
        assert _json(reg, "export")["settings"]["org"] == stored(text)
        assert _run(reg, "config", "get", "org").stdout == shown(stored(text)) + "\n"
    _people_facing(reg)


@pytest.mark.sqlite_only  # on PostgreSQL the actor is the login: the next test
@pytest.mark.parametrize("case", [p for p in _cases_for("actor") if p.values[0]["expect"]["actor"] is not None])
def test_hostile_text_as_the_actor(reg, case):
    text, expect = case["text"], case["expect"]["actor"]
    env = {"TASKREG_USER": text}
    task = _run(reg, "add", "Việc của người lạ", "--agency", "SYT", env=env, expect=expect)
    if expect != "accepted":
        return
    event = _json(reg, "history", "--task", task.stdout.strip())[-1]
    assert event["actor"] == stored(text)
    # found as typed, in NFC or NFD
    for typed in (text, unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)):
        assert [e["id"] for e in _json(reg, "history", "--actor", typed)] == [event["id"]], typed
    _people_facing(reg)


@pytest.mark.postgresql_only
def test_hostile_text_as_taskreg_user_never_names_the_actor_on_postgresql(reg):
    """TASKREG_USER cannot forge a PostgreSQL register's actor (SPEC §9): the event names the
    login. The variable is checked as on a file register, at the edge before anything is
    opened (SPEC §8: 1 to 200 printable characters), so a value refused there is refused here."""
    for value in VALUES:
        text, expect = _case(value)["text"], value["expect"]["actor"]
        if expect is None:  # no environment can hold a NUL
            continue
        task = _run(reg, "add", "Việc", "--agency", "SYT", env={"TASKREG_USER": text}, expect=expect)
        if expect == "accepted":
            event = _json(reg, "history", "--task", task.stdout.strip())[-1]
            assert event["actor"] == "lan", (value["name"], event["actor"])


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    # Written by hand, every cell quoted: Python 3.10's csv module cannot write a NUL.
    with open(path, "w", encoding="utf-8", newline="", errors="surrogateescape") as f:
        for row in rows:
            f.write(",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\r\n")


def _task_assigned(reg, day: str) -> list[dict]:
    return [t for t in _json(reg, "list", "--all") if t["assigned_on"] == day]


@pytest.mark.parametrize("case", CASES)
def test_hostile_cells_in_every_import_format(reg, tmp_path, case):
    text, expect = case["text"], case["expect"]
    header = ["title", "agency", "assigned_on", "note", "source"]

    cells = tmp_path / "cells.csv"
    _write_csv(cells, [header, [text, "SYT", "4/1/2021", text, text]])
    _run(reg, "import", cells, expect=expect["cells"], sentences=None)
    if expect["cells"] == "accepted":
        [task] = _task_assigned(reg, "2021-01-04")
        assert (task["title"], task["note"], task["source"]) == (stored_from_csv(text),) * 3

    as_json = tmp_path / "cells.json"
    as_json.write_text(json.dumps({"tasks": [dict(zip(header, [text, "SYT", "5/1/2021", text, text]))]}))
    before = reg.tables()
    _run(reg, "import", as_json, "--dry-run", expect=expect["cells"], sentences=None)
    assert reg.tables() == before, "a dry run wrote"
    _run(reg, "import", as_json, expect=expect["cells"], sentences=None)
    if expect["cells"] == "accepted":
        [task] = _task_assigned(reg, "2021-01-05")
        assert (task["title"], task["note"], task["source"]) == (stored(text),) * 3

    agency = tmp_path / "agency.csv"
    _write_csv(agency, [header, ["Bình thường", text, "6/1/2021", "", ""]])
    _run(reg, "import", agency, expect="bad input", sentences=None)  # no such agency, whatever it holds
    _run(reg, "import", agency, "--create-agencies", expect=expect["new_agency"], sentences=None)
    if expect["new_agency"] == "accepted":
        [task] = _task_assigned(reg, "2021-01-06")
        [made] = [a for a in _json(reg, "agency", "list") if a["code"] == task["agency"]]
        # named by the cell, or, known only by a code, by that code (upper-cased, as codes are)
        assert stored_from_csv(text).casefold() in (made["code"].casefold(), made["name"].casefold()), made
    _people_facing(reg)


@pytest.mark.parametrize("case", CASES)
def test_exports_keep_text_exact_and_never_hand_over_a_formula(reg, tmp_path, case):
    text, expect = case["text"], case["expect"]["task"]
    if _run(reg, "add", "--agency", "SYT", "--note", text, "--", text, expect=expect).exit_code:
        return  # refused as declared (checked in _run)
    out = tmp_path / "e.csv"
    _run(reg, "export", "-o", out, expect="accepted")
    with open(out, encoding="utf-8", newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert not any(c.startswith(FORMULA_START[:4]) for c in cells), cells
    for command in (
        ["list", "--all", "--format", "csv"],
        ["agency", "list", "--format", "csv"],
        ["report", "--by", "agency", "--format", "csv"],
    ):
        body = reg(*command).stdout
        assert not any(c.startswith(FORMULA_START[:4]) for row in csv.reader(io.StringIO(body)) for c in row), (
            command,
            body,
        )
    book = tmp_path / "e.xlsx"
    _run(reg, "export", "--format", "xlsx", "-o", book, expect="accepted")
    from openpyxl import load_workbook

    wb = load_workbook(book)
    assert not [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    # and taskreg reads its own files back exactly
    for exported in (out, book, tmp_path / "e.json"):
        if exported.suffix == ".json":
            _run(reg, "export", "--format", "json", "-o", exported, expect="accepted")
        fresh = tmp_path / f"fresh-{exported.suffix[1:]}.db"
        _run(reg, "--db", fresh, "import", exported, "--create-agencies", expect="accepted")
        tasks = json.loads(reg("--db", fresh, "list", "--all", "--format", "json").stdout)
        assert [(t["title"], t["note"]) for t in tasks] == [(stored(text), stored(text))], exported
