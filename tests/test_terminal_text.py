"""Hostile text on the screen (SPEC §8): what people read — tables piped and on a terminal,
`show`, `history`, `agency list`, the weekly mail, the report, warnings, import errors and
other errors — never carries a control character raw, and a line break in a one-line field
is the mark ⏎, so no text can clear a screen, retitle a terminal or forge a row. JSON and
CSV keep the text exact."""

import csv
import io
import json
import re
import unicodedata

import pytest

ESC_SEQUENCES = "\x1b]0;pwned\x1b\\\x1b[2J\x1b[31m"  # retitle, clear the screen, go red
EVIL = f"EVIL{ESC_SEQUENCES}RED"
SHOWN = r"EVIL\x1b]0;pwned\x1b\\x1b[2J\x1b[31mRED"  # EVIL as printed
TITLE = f"{EVIL}\n 9  overdue  SYT  forged row"  # a newline that tries to forge a list row
TITLE_SHOWN = f"{SHOWN}⏎ 9  overdue  SYT  forged row"
NOTE = "ghi\u202echú\x07\x08\x7f\x9b"  # bidi override, BEL, backspace, DEL, C1 CSI
NOTE_SHOWN = r"ghi\u202echú\x07\x08\x7f\x9b"
RESULT = "Báo cáo\r\nxong\u2066"
RESULT_SHOWN = r"Báo cáo⏎xong\u2066"
AGENCY = "Sở Y tế\x1b]0;x\x07"
AGENCY_SHOWN = r"Sở Y tế\x1b]0;x\x07"
ACTOR = "lan\x1b[8m"
ACTOR_SHOWN = r"lan\x1b[8m"
ORG = "UBND tỉnh\x1b[2J\u202e"
ORG_SHOWN = r"UBND tỉnh\x1b[2J\u202e"

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def raw_controls(text: str) -> list[str]:
    """The characters a screen must never get raw: C0 but the newline, DEL, C1, bidi controls."""
    return [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or c in BIDI]


def assert_clean(result):
    assert raw_controls(result.stdout) == [], result.stdout
    assert raw_controls(result.stderr) == [], result.stderr


def rich_styles_removed(text: str) -> str:
    """A terminal table without rich's own styles (bold headers, an italic title; NO_COLOR is
    set). The hostile text's other sequences (retitle, clear) would still show up raw."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.fixture
def hostile(reg, monkeypatch):
    """A register whose org, agency name, title, note, source, result and actor are hostile.

    TASKREG_USER holding ESC is bad input now (SPEC §8, issue 23 finding 9), but a register
    written before that check, or the history a JSON import brings, may hold such an actor:
    on a file register the check is stepped round for the one command that records it."""
    reg("config", "set", "org", ORG)
    reg("agency", "rename", "SYT", AGENCY)
    reg(
        "add",
        TITLE,
        "--agency",
        "SYT",
        "--assigned",
        "4/1/2021",
        "--due",
        "15/3/2021",
        "--note",
        NOTE,
        "--source",
        "863/KH-UBND",
    )
    reg("add", "Báo cáo giải ngân", "--agency", "STC", "--assigned", "5/1/2021", "--due", "29/3/2021")
    if reg.engine == "sqlite":
        import taskreg.cli.app

        with monkeypatch.context() as patched:
            patched.setattr(taskreg.cli.app, "_actor", lambda lang=None: ACTOR)
            reg("done", "2", "--result", RESULT)
    else:  # the actor is the login, a role of that name
        reg("done", "2", "--result", RESULT, env=reg.user_env(ACTOR))
    return reg


def test_printable_escapes_controls_and_keeps_vietnamese():
    from taskreg.domain.text import printable

    assert printable(EVIL) == SHOWN
    assert printable(TITLE) == TITLE_SHOWN and printable(NOTE) == NOTE_SHOWN
    assert printable("a\rb\r\nc\td") == r"a⏎b⏎c\x09d"
    assert printable("a\rb\r\nc\td\x1b", newlines=True) == "a\nb\nc\td\\x1b"  # a multi-line field
    assert printable("\U000e0041\ufeff\u200b\u2028\udcff") == r"\U000e0041\ufeff\u200b\u2028\udcff"
    for text in ("Sở Y tế", "Tổng kết năm học", "Xây dựng đề án [giai đoạn 2]"):
        for form in ("NFC", "NFD"):  # combining marks are not controls
            assert printable(unicodedata.normalize(form, text)) == unicodedata.normalize(form, text)
    # Escaped once, escaped for good: a layer that escapes text again changes nothing.
    for text in (EVIL, TITLE, NOTE, RESULT, AGENCY, ORG):
        assert printable(printable(text)) == printable(text)
    # Every format, line-separator and paragraph-separator character this Python knows is escaped.
    hidden = [
        chr(c)
        for c in range(0x110000)
        if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Cs") and chr(c) != "\n"
    ]
    assert [c for c in hidden if printable(c) == c] == []


def test_list_piped_escapes_and_keeps_one_line_per_task(hostile):
    result = hostile("list", "--all", env={"COLUMNS": "200"})  # wide enough for the title whole
    assert_clean(result)
    width = len(TITLE_SHOWN)
    assert result.stdout == (
        f"ID  State    Lead agency  {'Title':{width}}  Assigned    Deadline    Done\n"
        f" 1  overdue  SYT          {TITLE_SHOWN}  2021-01-04  2021-03-15  —\n"
        f" 2  late     STC          {'Báo cáo giải ngân':{width}}  2021-01-05  2021-03-29  2021-03-31\n"
    )


def test_list_on_a_terminal_escapes_and_forges_no_row(hostile):
    hostile("add", "[red]Đỏ[/red]", "--agency", "STC")
    result = hostile("list", "--all", env={"TTY_COMPATIBLE": "1", "COLUMNS": "200"})
    out = rich_styles_removed(result.stdout)
    assert raw_controls(out) == [] and raw_controls(result.stderr) == [], out
    assert TITLE_SHOWN in out and "[red]Đỏ[/red]" in out  # never read as markup
    # one line per task: no line of the table starts a row of the title's own
    assert [line.split()[0] for line in out.splitlines() if line.strip() and line.split()[0].isdigit()] == [
        "1",
        "2",
        "3",
    ]


def test_show_escapes_every_field_and_keeps_one_line_per_event(hostile):
    one = hostile("show", "1")
    assert_clean(one)
    assert re.sub(r"UID: +\S+", "UID: …", one.stdout) == (
        "#1  open, past deadline (as of 2021-03-31)\n"
        f"Title:       {TITLE_SHOWN}\n"
        f"Lead agency: SYT ({AGENCY_SHOWN})\n"
        "Assigned:    2021-01-04\n"
        "Deadline:    2021-03-15\n"
        "Source:      863/KH-UBND\n"
        f"Note:        {NOTE_SHOWN}\n"
        "UID: …\n"
        "\n"
        "History:\n"
        "  AT  lan  added; date pinned by TASKREG_TODAY\n".replace("AT", "{at}")
    ).format(at=AT.search(one.stdout).group())
    two = hostile("show", "2")
    assert_clean(two)
    assert f"Result:      {RESULT_SHOWN}\n" in two.stdout
    history = two.stdout.split("History:\n", 1)[1].splitlines()
    assert len(history) == 2, history  # added, marked done: the result's newline is a mark
    assert AT.sub("AT", history[1]) == (
        f"  AT  {ACTOR_SHOWN}  marked done; Done: — → 2021-03-31; Result: — → {RESULT_SHOWN}; "
        "date pinned by TASKREG_TODAY"
    )


def test_history_escapes_actor_and_changes_one_line_per_event(hostile):
    result = hostile("history")
    assert_clean(result)
    events = hostile("history", "--format", "json")
    count = len(json.loads(events.stdout))
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + count, lines  # the header, then one line per event
    assert AT.sub("AT", lines[-1]) == (
        f" {count}  AT  {ACTOR_SHOWN}     2  marked done; Done: — → 2021-03-31; "
        f"Result: — → {RESULT_SHOWN}; date pinned by TASKREG_TODAY"
    )
    renamed = next(line for line in lines if "renamed" in line)
    assert AGENCY_SHOWN in renamed
    # exact in JSON
    assert json.loads(events.stdout)[-1]["actor"] == ACTOR


def test_agency_list_escapes_names(hostile):
    result = hostile("agency", "list")
    assert_clean(result)
    width = max(len(AGENCY_SHOWN), len("Sở Giáo dục và Đào tạo"))
    assert result.stdout == (
        f"Code   {'Name':{width}}  Kind\n"
        f"SGDDT  {'Sở Giáo dục và Đào tạo':{width}}  sở\n"
        f"STC    {'Sở Tài chính':{width}}  sở\n"
        f"SYT    {AGENCY_SHOWN:{width}}  sở\n"
    )
    assert json.loads(hostile("agency", "list", "--format", "json").stdout)[2]["name"] == AGENCY


def test_weekly_mail_escapes_org_agency_and_titles(hostile):
    result = hostile("weekly")
    assert_clean(result)
    assert result.stdout == (
        f"{ORG_SHOWN}: weekly summary, 2021-03-25 to 2021-03-31\n"
        "\n"
        "This quarter (Q1 2021):\n"
        f"  In Q1 2021, {ORG_SHOWN} assigned 2 tasks to departments, boards, sectors and\n"
        "  localities. As of 2021-03-31: 0 completed on time, 1 completed late, 1 open past their deadline,\n"
        "  0 open within their deadline.\n"
        "  Completion rate: 50.00% (of tasks due: completed + open past deadline); on-time rate: 0.00% (of\n"
        "  tasks completed).\n"
        "\n"
        "Assigned in these 7 days: 0\n"
        "  None.\n"
        "\n"
        "Completed in these 7 days: 1\n"
        "  #2 Báo cáo giải ngân — STC, done 2021-03-31\n"
        "\n"
        "Open past their deadline: 1\n"
        f"  {AGENCY_SHOWN} (1)\n"
        f"    #1 {SHOWN}⏎ 9 overdue SYT fo… — due 2021-03-15, 16 days overdue\n"  # cut to fit
        "\n"
        "Due from 2021-03-31 to 2021-04-07, still within the deadline: 0\n"
        "  None.\n"
    )
    assert all(len(line) < 100 for line in result.stdout.splitlines())


def test_report_sentences_escape_org_and_agency(hostile):
    whole = hostile("report")
    assert_clean(whole)
    assert whole.stdout.startswith(f"In Q1 2021, {ORG_SHOWN} assigned 2 tasks to departments")
    one = hostile("report", "--agency", "SYT")
    assert_clean(one)
    assert one.stdout.startswith(f"In Q1 2021, {ORG_SHOWN} assigned 1 task to {AGENCY_SHOWN}.")
    table = hostile("report", "--by", "agency", "--format", "table", env={"TTY_COMPATIBLE": "1"})
    assert raw_controls(rich_styles_removed(table.stdout)) == []
    assert json.loads(hostile("report", "--format", "json").stdout)["org"] == ORG
    assert hostile("config", "get", "org").stdout == f"{ORG_SHOWN}\n"


def test_a_warning_escapes_the_symbol_it_quotes(reg):
    result = reg("add", "Rà soát", "--agency", "SYT", "--source", f"863/{EVIL}")
    assert_clean(result)
    assert result.stderr == (
        f"The document symbol '863/{SHOWN}' does not read as NUMBER/TYPE-ISSUER (863/KH-UBND) "
        "or NUMBER-TYPE/BODY (36-KL/TU); it is kept as typed.\n"
    )


def test_errors_escape_the_text_they_quote(reg):
    unknown = reg("list", "--agency", f"X{ESC_SEQUENCES}\nY", code=2)
    assert_clean(unknown)
    assert unknown.stderr.startswith(r"No agency 'X\x1b]0;pwned\x1b\\x1b[2J\x1b[31m⏎Y' in the register")
    assert len(unknown.stderr.splitlines()) == 1
    date = reg("add", "Rà soát", "--agency", "SYT", "--due", f"30/6{ESC_SEQUENCES}", code=2)
    assert_clean(date)
    assert date.stderr.startswith(r"'30/6\x1b]0;pwned\x1b\\x1b[2J\x1b[31m' is not a date")
    # typer's own usage errors quote what was typed too (this click escapes it itself; taskreg
    # escapes what any click leaves raw)
    for args, said in (
        (["list", f"--x{ESC_SEQUENCES}\n"], r"No such option --x\x1b]0;pwned"),
        ([f"li{ESC_SEQUENCES}\nst"], r"No such command 'li\x1b]0;pwned"),
    ):
        usage = reg(*args, code=2)
        assert_clean(usage)
        assert usage.stderr.startswith(said) and len(usage.stderr.splitlines()) == 1


def test_import_errors_and_warnings_escape_the_cells_they_quote(reg, tmp_path):
    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [
                ["title", "agency", "assigned_on", "due_on"],
                ["Rà soát", f"SYT{ESC_SEQUENCES}\nforged", "4/1/2021", "15/3/2021"],
                ["Báo cáo", "STC", "5/1/2021", f"31/3{ESC_SEQUENCES}"],
            ]
        )
    result = reg("import", bad, code=2)
    assert_clean(result)
    rows = [line for line in result.stderr.splitlines() if line.startswith("Row ")]
    assert len(rows) == 2 and len(result.stderr.splitlines()) == 3, result.stderr
    assert r"'SYT\x1b]0;pwned\x1b\\x1b[2J\x1b[31m⏎forged'" in rows[0]
    assert rows[1].startswith(r"Row 3, due_on: '31/3\x1b]0;pwned\x1b\\x1b[2J\x1b[31m' is not a date")
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]

    extra = tmp_path / f"ok{ESC_SEQUENCES}.csv"
    with open(extra, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [["title", "agency", "assigned_on", f"cột{ESC_SEQUENCES}"], ["Rà soát", "SYT", "4/1/2021", "x"]]
        )
    result = reg("import", extra)
    assert_clean(result)
    assert rf"Column 'cột{SHOWN[4:-3]}' is not a task field; it was ignored." in result.stderr
    assert rf"from {tmp_path}/ok{SHOWN[4:-3]}.csv" in result.stdout


def test_the_same_text_is_escaped_on_screen_and_exact_in_json_csv_and_export(hostile, tmp_path):
    assert TITLE_SHOWN in hostile("list", "--all", env={"COLUMNS": "200"}).stdout
    listed = json.loads(hostile("list", "--all", "--format", "json").stdout)
    assert (listed[0]["title"], listed[0]["note"], listed[1]["result"]) == (TITLE, NOTE, RESULT)
    text = hostile("list", "--all", "--format", "csv").stdout_bytes.decode()  # CR LF kept
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert (rows[0]["title"], rows[0]["note"], rows[1]["result"]) == (TITLE, NOTE, RESULT)
    exported = json.loads(hostile("export", "--format", "json").stdout)
    assert exported["settings"]["org"] == ORG
    assert [a["name"] for a in exported["agencies"] if a["code"] == "SYT"] == [AGENCY]
    assert exported["tasks"][1]["history"][-1]["actor"] == ACTOR
    # round trip: the register's own CSV export imported into a new register gives the same text
    out = tmp_path / "tasks.csv"
    hostile("export", "-o", out)
    again = {**hostile.env, "TASKREG_DB": str(tmp_path / "again.db")}
    hostile("init", env=again)
    for code, name in (("SYT", AGENCY), ("STC", "Sở Tài chính")):
        hostile("agency", "add", code, name, env=again)
    hostile("import", out, env=again)
    back = json.loads(hostile("list", "--all", "--format", "json", env=again).stdout)
    assert [(t["title"], t["note"], t["result"]) for t in back] == [
        (t["title"], t["note"], t["result"]) for t in listed
    ]
