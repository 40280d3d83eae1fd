"""`import --create-agencies` never makes two agencies of one, and `agency add` refuses the
near-duplicates import refuses unless told --distinct (issue 10, finding 2's import part)."""

import json

import pytest


def _sheet(tmp_path, text, name="giao.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _agencies(tr):
    return [(a["code"], a["name"]) for a in json.loads(tr("agency", "list", "--format", "json").stdout)]


@pytest.fixture
def empty(tr):
    tr.init()
    return tr


def test_a_code_and_the_full_name_it_abbreviates_are_one_agency(empty, tmp_path):
    rows = _sheet(
        tmp_path,
        "title,agency,assigned_on,co_agencies\n"
        "Một,SYT,4/1/2021,Sở Giáo dục và Đào tạo\n"
        "Hai,Sở Y tế,4/1/2021,SGDĐT\n"
        "Ba,so y te,5/1/2021,\n",
    )
    result = empty("import", rows, "--create-agencies")
    assert "2 agencies created" in result.stdout
    assert result.stderr == ""  # every agency has its full name: nothing to rename
    assert _agencies(empty) == [("SGDĐT", "Sở Giáo dục và Đào tạo"), ("SYT", "Sở Y tế")]
    report = json.loads(empty("report", "--quarter", "I/2021", "--by", "agency", "--format", "json").stdout)
    assert [(r["agency"], r["total"]) for r in report["rows"]] == [("SYT", 3)]
    assert [t["agency"] for t in json.loads(empty("list", "--all", "--format", "json").stdout)] == ["SYT"] * 3
    assert [t["co_agencies"] for t in json.loads(empty("list", "--all", "--format", "json").stdout)] == [
        ["SGDĐT"],
        ["SGDĐT"],
        [],
    ]


def test_the_name_comes_first_or_the_code_comes_first_alike_and_dry_run_says_so(empty, tmp_path):
    rows = _sheet(tmp_path, "title,agency,assigned_on\nMột,Sở Tài chính,4/1/2021\nHai,STC,4/1/2021\n")
    assert "1 agency would be created" in empty("import", rows, "--create-agencies", "--dry-run").stdout
    assert _agencies(empty) == []
    empty("import", rows, "--create-agencies")
    assert _agencies(empty) == [("STC", "Sở Tài chính")]


def test_a_code_that_fits_two_names_in_the_file_is_a_row_error(empty, tmp_path):
    rows = _sheet(
        tmp_path,
        "title,agency,assigned_on\nMột,Sở Y tế,4/1/2021\nHai,SYT,4/1/2021\n"
        "Ba,Sở Yên Thành,4/1/2021\nBốn,SYT,4/1/2021\n",
    )
    assert empty("import", rows, "--create-agencies", code=2).stderr.splitlines() == [
        "Row 3, agency: 'SYT' could be any of 'Sở Y tế', 'Sở Yên Thành' in the file: register the agencies "
        'first with `taskreg agency add CODE "NAME"`, then import again.',
        "Row 5, agency: 'SYT' could be any of 'Sở Y tế', 'Sở Yên Thành' in the file: register the agencies "
        'first with `taskreg agency add CODE "NAME"`, then import again.',
        "Nothing was imported: 2 problems in the file; correct them and import again.",
    ]
    assert _agencies(empty) == []
    empty("agency", "add", "SYT", "Sở Y tế")
    empty("agency", "add", "SYTH", "Sở Yên Thành")
    empty("import", rows)
    assert [
        (r["agency"], r["total"])
        for r in json.loads(empty("report", "--quarter", "I/2021", "--by", "agency", "--format", "json").stdout)["rows"]
    ] == [("SYT", 3), ("SYTH", 1)]


def test_an_agency_known_only_by_its_code_is_named_by_it_and_listed(empty, tmp_path):
    rows = _sheet(tmp_path, "title,agency,assigned_on,co_agencies\nMột,STC,4/1/2021,SNV;UBND-HNX\n")
    result = empty("import", rows, "--create-agencies")
    assert result.stderr.splitlines()[0] == (
        "Agencies known only by their code, named by it: SNV, STC, UBND-HNX; give each its full name with "
        '`taskreg agency rename CODE "Full name"`.'
    )
    assert _agencies(empty) == [("SNV", "SNV"), ("STC", "STC"), ("UBND-HNX", "UBND-HNX")]
    # its full name in a later file is not a second agency: the error says how to name it
    later = _sheet(tmp_path, "title,agency,assigned_on\nHai,Sở Tài chính,5/1/2021\n", "later.csv")
    assert empty("import", later, "--create-agencies", code=2).stderr.splitlines()[0] == (
        "Row 2, agency: 'Sở Tài chính' is not a registered agency, but its initials give STC, an agency "
        'known only by its code: if they are one, name it with `taskreg agency rename STC "Sở Tài chính"` '
        "and import again; if not, register the new one first with `taskreg agency add`."
    )
    empty("agency", "rename", "STC", "Sở Tài chính")
    empty("import", later, "--create-agencies")
    assert [t["agency"] for t in json.loads(empty("list", "--all", "--format", "json").stdout)] == ["STC", "STC"]
    vi = empty(
        "import",
        _sheet(tmp_path, "title,agency,assigned_on\nBa,SXD,5/1/2021\n", "vi.csv"),
        "--create-agencies",
        "--lang",
        "vi",
    )
    assert vi.stderr.splitlines()[0] == (
        'Đơn vị chỉ có mã, tạm lấy mã làm tên: SXD; đặt tên đầy đủ bằng `taskreg agency rename MÃ "Tên đầy đủ"`.'
    )


def test_a_created_name_without_diacritics_is_warned_about(empty, tmp_path):
    rows = _sheet(tmp_path, "title,agency,assigned_on\nMột,So Tai chinh,4/1/2021\nHai,Sở Y tế,4/1/2021\n")
    result = empty("import", rows, "--create-agencies")
    assert result.stderr.splitlines()[0] == (
        "Agency STC is named 'So Tai chinh' as the file writes it, without Vietnamese diacritics; if its "
        'official name has them, correct it with `taskreg agency rename STC "Full name"`.'
    )
    assert len(result.stderr.splitlines()) == 1  # nothing about Sở Y tế
    # the same name written both ways: the one with diacritics is taken, without a warning
    both = _sheet(tmp_path, "title,agency,assigned_on\nBa,So Noi vu,4/1/2021\nBốn,Sở Nội vụ,4/1/2021\n", "both.csv")
    assert "diacritics" not in empty("import", both, "--create-agencies").stderr
    assert ("SNV", "Sở Nội vụ") in _agencies(empty)


def test_new_names_in_one_file_never_nearly_duplicate_each_other(empty, tmp_path):
    rows = _sheet(tmp_path, "title,agency,assigned_on\nMột,Sở Y tế,4/1/2021\nHai,Sở Y-tế,4/1/2021\n")
    assert empty("import", rows, "--create-agencies", code=2).stderr.splitlines()[0] == (
        "Row 3, agency: 'Sở Y-tế' is not a registered agency but is close to SYT (Sở Y tế): use its code, "
        "or register the new one first with `taskreg agency add`."
    )
    assert _agencies(empty) == []


def test_the_full_name_is_checked_against_the_register_as_a_pair(reg, tmp_path):
    """The code alone is new, but with its full name it nearly duplicates a registered agency."""
    rows = _sheet(tmp_path, "title,agency,assigned_on\nMột,SY-T,4/1/2021\nHai,Sở Y-tế,4/1/2021\n")
    lines = reg("import", rows, "--create-agencies", code=2).stderr.splitlines()
    assert lines[0].startswith("Row 2, agency: 'SY-T' is not a registered agency but is close to SYT (Sở Y tế)")
    assert lines[1].startswith("Row 3, agency: 'Sở Y-tế' is not a registered agency but is close to SYT")


# -- agency add --------------------------------------------------------------------------------


def test_agency_add_refuses_a_near_duplicate_unless_distinct(reg):
    events = reg.rows("SELECT count(*) FROM events")
    result = reg("agency", "add", "SY-T", "Sở Y-tế", code=1)
    assert result.stderr == (
        "SY-T (Sở Y-tế) is close to the registered agency SYT (Sở Y tế); a near-duplicate would split "
        "reports: if they are one agency, use it (correct its name with `taskreg agency rename`); if it "
        "really is another agency, add --distinct.\n"
    )
    assert reg.rows("SELECT count(*) FROM events") == events
    assert reg.rows("SELECT count(*) FROM agencies") == [(3,)]
    result = reg("agency", "add", "SY-T", "Sở Y-tế", "--distinct")
    assert result.stderr == (
        "Registered SY-T: Sở Y-tế.\nRegistered as another agency than SYT (Sở Y tế), "
        "as --distinct says; the history records it.\n"
    )
    event = json.loads(reg("history", "--format", "json").stdout)[-1]
    assert (event["action"], event["after"]) == (
        "agency_add",
        {"code": "SY-T", "name": "Sở Y-tế", "kind": None, "distinct": True},
    )
    vi = reg("agency", "add", "SYT4", "Sở Y tế.", "--lang", "vi", code=1)
    assert vi.stderr.startswith("SYT4 (Sở Y tế.) gần trùng với đơn vị đã có ")
    assert "thêm --distinct" in vi.stderr


@pytest.mark.parametrize(
    "code, name, close",
    [
        ("SYT2", "Sở Y tế (cũ)", "SYT (Sở Y tế)"),  # a registered name is its first words
        ("SYTE", "Sở Y-tế", "SYT (Sở Y tế)"),  # the same letters and digits
        ("S-Y-T", "Ban Y tế tỉnh", "SYT (Sở Y tế)"),  # the code's letters
        ("STC2", "Sở Tài", "STC (Sở Tài chính)"),  # the first words of a registered name
    ],
)
def test_agency_add_refuses_what_import_refuses(reg, tmp_path, code, name, close):
    rows = _sheet(tmp_path, f"title,agency,assigned_on\nMột,{code},4/1/2021\nHai,{name},4/1/2021\n")
    assert f"is close to {close}" in reg("import", rows, "--create-agencies", code=2).stderr
    assert f"is close to the registered agency {close}" in reg("agency", "add", code, name, code=1).stderr
    reg("agency", "add", code, name, "--distinct")


def test_agency_add_refuses_the_full_name_of_an_agency_known_only_by_its_code(reg, tmp_path):
    reg("import", _sheet(tmp_path, "title,agency,assigned_on\nMột,SNV,4/1/2021\n"), "--create-agencies")
    result = reg("agency", "add", "SNV2", "Sở Nội vụ", code=1)
    assert result.stderr.startswith("SNV2 (Sở Nội vụ) is close to the registered agency SNV (SNV)")


def test_close_but_distinct_agencies_need_no_distinct(reg):
    assert reg("agency", "add", "SNGV", "Sở Ngoại vụ").stderr == "Registered SNGV: Sở Ngoại vụ.\n"
    assert reg("agency", "add", "SNV", "Sở Nội vụ").stderr == "Registered SNV: Sở Nội vụ.\n"
    assert reg("agency", "add", "SXD", "Sở Xây dựng").stderr == "Registered SXD: Sở Xây dựng.\n"
    event = json.loads(reg("history", "--format", "json").stdout)[-1]
    assert "distinct" not in event["after"]


def test_a_rename_may_not_make_a_near_duplicate_unless_distinct(reg):
    # Review of issue 10: rename let through what `agency add` refuses.
    before = reg.rows("SELECT name FROM agencies ORDER BY code")
    for name in ("Sở Y", "Sở  Y  tế.", "Sở Y-tế"):
        result = reg("agency", "rename", "STC", name, code=1)
        assert "SYT (Sở Y tế)" in result.stderr and "--distinct" in result.stderr
    assert reg.rows("SELECT name FROM agencies ORDER BY code") == before
    reg("agency", "rename", "STC", "Sở Y", "--distinct")
    # the text as each engine writes it (PostgreSQL's database writes it from the row, its
    # keys in jsonb's order): the same JSON
    event = [json.loads(after) for (after,) in reg.rows("SELECT after FROM events WHERE action = 'agency_rename'")]
    assert event == [{"code": "STC", "distinct": True, "name": "Sở Y"}]
    reg("agency", "rename", "STC", "Sở Tài chính tỉnh")  # close to nothing: no flag needed


# -- look-alikes (issue 23, finding 8) ---------------------------------------------------------


@pytest.mark.parametrize(
    "code, name, typed, close",
    [
        # Cyrillic Ѕ (DZE) for S, in the code and the name
        ("\u0405TC2", "\u0405ở Tài chính", "\u0405ở Tài chính", "STC (Sở Tài chính)"),
        ("\u0405TC", "Ban Tài chính", "\u0405TC", "STC (Sở Tài chính)"),  # the code alone
        ("SYT2", "S\u1edf \u03a5 t\u1ebf", "S\u1edf \u03a5 t\u1ebf", "SYT (Sở Y tế)"),  # Greek Υ for Y
        ("\uff33\uff39\uff34", "Ban Y tế tỉnh", "\uff33\uff39\uff34", "SYT (Sở Y tế)"),  # fullwidth ＳＹＴ
    ],
)
def test_look_alike_letters_of_another_script_are_near_duplicates(reg, tmp_path, code, name, typed, close):
    """Unicode's confusables (UTS #39): an agency spelled with letters of another script that
    look the same as a registered one's is a near-duplicate, refused by `agency add`,
    `agency rename` and `import --create-agencies` alike, unless --distinct."""
    result = reg("agency", "add", code, name, code=1)
    assert f"is close to the registered agency {close}" in result.stderr
    assert reg.rows("SELECT count(*) FROM agencies") == [(3,)]
    rows = _sheet(tmp_path, f"title,agency,assigned_on\nMột,{typed},4/1/2021\n")
    assert f"is close to {close}" in reg("import", rows, "--create-agencies", code=2).stderr
    assert reg.rows("SELECT count(*) FROM agencies") == [(3,)]
    reg("agency", "add", code, name, "--distinct")


def test_a_rename_to_a_look_alike_is_a_near_duplicate(reg):
    result = reg("agency", "rename", "SGDDT", "\u0405ở Tài chính", code=1)
    assert "STC (Sở Tài chính)" in result.stderr and "--distinct" in result.stderr
    assert reg.rows("SELECT name FROM agencies WHERE code = 'SGDDT'") == [("Sở Giáo dục và Đào tạo",)]


def test_the_confusables_library_is_loaded_only_to_add_or_rename_an_agency(tmp_path):
    """disarm (Unicode's confusables) is imported when an agency is added, renamed or
    created by an import, never by a start-up or a list."""
    import subprocess
    import sys

    db = str(tmp_path / "r.db")
    for words, loaded in (
        (["--version"], False),
        (["init"], False),
        (["list", "--all"], False),
        (["agency", "list"], False),
        (["agency", "add", "SYT", "Sở Y tế"], True),
    ):
        probe = (
            f"import sys; sys.argv = ['taskreg', '--db', {db!r}, *{words!r}]\n"
            "from taskreg.cli.app import app\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "print('disarm' in sys.modules, file=sys.stderr)\n"
        )
        run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        assert run.stderr.strip().splitlines()[-1] == str(loaded), (words, run.stderr)
