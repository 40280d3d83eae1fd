"""Every hostile value in tests/hostile/values.jsonl, fed to every command that takes text
or files (SPEC §8). For each: the exit status is 0, 1 or 2 and never a traceback; nothing
printed for people carries a raw control character; a command that fails leaves the
register as it was; exports hand no spreadsheet a formula.

The next hostile value is one line in the data file: a JSON object with `name`, `text`
(lone surrogates such as \\udcff stand for bytes that are not UTF-8, as Python decodes a
command line) and optionally `repeat`.
"""

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest

VALUES = [
    json.loads(line)
    for line in (Path(__file__).parent / "hostile" / "values.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
CASES = [pytest.param(v["text"] * v.get("repeat", 1), id=v["name"]) for v in VALUES]

#: What must never reach a reader's terminal raw: C0 controls but the newline, DEL, C1
#: controls, and the bidirectional controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
RICH_STYLE = re.compile("\x1b\\[[0-9;]*m")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _run(reg, *args, env=None):
    """A command, which may succeed or fail but never crash; a failure changes nothing."""
    before = reg.tables()
    result = reg.runner.invoke(_app(), [str(a) for a in args], env={**reg.env, **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (args, result.exit_code)
    assert "Traceback" not in result.stderr, (args, result.stderr)
    for stream in (result.stdout, result.stderr):
        if (env or {}).get("TTY_COMPATIBLE") == "1":
            stream = RICH_STYLE.sub("", stream)  # rich's own bold and colour, not user text
        found = RAW.search(stream)
        assert found is None, (args, repr(stream[max(0, found.start() - 20) : found.end() + 20]))
    if result.exit_code:
        assert reg.tables() == before, (args, "a failed command changed the register")
    return result


def _app():
    from taskreg.cli.app import app

    return app


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


@pytest.mark.parametrize("text", CASES)
def test_hostile_text_in_every_field_of_a_task(reg, text):
    result = _run(reg, "add", text, "--agency", "SYT", "--note", text, "--source", text, "--assigned-by", text)
    if result.exit_code:
        return  # refused as bad input, and nothing was written (checked in _run)
    task = result.stdout.strip()
    _run(reg, "edit", task, "--note", text, "--result", text)
    second = _run(reg, "add", "Hai", "--agency", "STC", "--due", "15/3/2021").stdout.strip()
    _run(reg, "extend", second, "--due", "30/4/2021", "--on", "10/3/2021", "--reason", text)
    _run(reg, "done", second, "--result", text)
    _run(reg, "reopen", second, "--reason", text)
    _run(reg, "cancel", second, "--reason", text)
    _people_facing(reg)
    _run(reg, "list", "--search", text)
    _run(reg, "history", "--actor", text)
    _run(reg, "show", task, "--lang", "vi")


@pytest.mark.parametrize("text", CASES)
def test_hostile_text_as_agency_org_and_actor(reg, text):
    _run(reg, "agency", "add", "HX", text)
    _run(reg, "agency", "add", text, "Cơ quan lạ")
    _run(reg, "agency", "rename", "STC", text)
    _run(reg, "config", "set", "org", text)
    if "\x00" not in text:  # no environment can hold a NUL
        _run(reg, "add", "Việc của người lạ", "--agency", "SYT", env={"TASKREG_USER": text})
    _run(reg, "add", "Việc", "--agency", text)  # an unknown agency, quoted in the error
    _run(reg, "report", "--agency", text)
    _people_facing(reg)


@pytest.mark.parametrize("text", CASES)
def test_hostile_cells_in_every_import_format(reg, tmp_path, text):
    rows = [
        ["title", "agency", "assigned_on", "note", "source"],
        [text, "SYT", "4/1/2021", text, text],
        ["Bình thường", text, "5/1/2021", "", ""],
    ]
    as_csv = tmp_path / "hostile.csv"
    # Written by hand, every cell quoted: Python 3.10's csv module cannot write a NUL.
    with open(as_csv, "w", encoding="utf-8", newline="", errors="surrogateescape") as f:
        for row in rows:
            f.write(",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\r\n")
    _run(reg, "import", as_csv)
    _run(reg, "import", as_csv, "--create-agencies")
    as_json = tmp_path / "hostile.json"
    as_json.write_text(json.dumps({"tasks": [dict(zip(rows[0], r)) for r in rows[1:]]}), encoding="utf-8")
    _run(reg, "import", as_json, "--dry-run")
    _run(reg, "import", as_json)
    _people_facing(reg)


@pytest.mark.parametrize("text", CASES)
def test_exports_keep_text_exact_and_never_hand_over_a_formula(reg, tmp_path, text):
    if _run(reg, "add", text, "--agency", "SYT", "--note", text).exit_code:
        return
    out = tmp_path / "e.csv"
    _run(reg, "export", "-o", out)
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
    _run(reg, "export", "--format", "xlsx", "-o", book)
    from openpyxl import load_workbook

    wb = load_workbook(book)
    assert not [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    # and taskreg reads its own files back exactly
    for exported in (out, book, tmp_path / "e.json"):
        if exported.suffix == ".json":
            _run(reg, "export", "--format", "json", "-o", exported)
        fresh = tmp_path / f"fresh-{exported.suffix[1:]}.db"
        _run(reg, "--db", fresh, "import", exported, "--create-agencies")
        titles = json.loads(reg("--db", fresh, "list", "--all", "--format", "json").stdout)
        assert [t["title"] for t in titles] == [unicodedata.normalize("NFC", text).strip()], exported
