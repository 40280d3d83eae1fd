"""Agencies by code or name, ignoring case and diacritics; never a silent near-duplicate."""

import json
import unicodedata


def test_agency_found_by_code_or_name_without_case_or_diacritics(reg):
    for typed in ["SYT", "syt", "Sở Y tế", "so y te", "SO Y TE", unicodedata.normalize("NFD", "Sở Y tế")]:
        task_id = reg("add", "Việc", "--agency", typed).stdout.strip()
        assert reg.rows(
            "SELECT a.code FROM tasks t JOIN agencies a ON a.id = t.agency_id WHERE t.id = ?", [task_id]
        ) == [("SYT",)]


def test_d_with_stroke_folds_to_d(reg):
    task_id = reg("add", "Việc", "--agency", "so giao duc va dao tao").stdout.strip()
    assert json.loads(reg("show", task_id, "--format", "json").stdout)["agency"] == "SGDDT"


def test_unknown_agency_names_the_closest_and_how_to_register(reg):
    result = reg("add", "Việc", "--agency", "so y", code=2)
    assert result.stderr == (
        "No agency 'so y' in the register (closest: SYT (Sở Y tế)); register a new one with "
        '`taskreg agency add CODE "NAME"`.\n'
    )
    result = reg("add", "Việc", "--agency", "So Tai chinhh", code=2)
    assert "closest: STC (Sở Tài chính)" in result.stderr
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]


def test_unknown_agency_in_vietnamese(reg):
    result = reg("add", "Việc", "--agency", "Sở Nội vụ", code=2, env={"TASKREG_LANG": "vi"})
    assert result.stderr.startswith("Không có đơn vị 'Sở Nội vụ' trong sổ")


def test_near_duplicate_agency_is_refused_naming_the_other(reg):
    result = reg("agency", "add", "SYT2", "SO Y TE", code=1)
    assert result.stderr == (
        "'SO Y TE' is too close to the registered agency SYT (Sở Y tế); a near-duplicate would split reports.\n"
    )
    reg("agency", "add", "syt", "Sở Y tế mới", code=1)
    reg("agency", "add", "Sở Y tế", "Khác", code=2)  # a code has no spaces
    assert reg.rows("SELECT count(*) FROM agencies") == [(3,)]


def test_rename_keeps_tasks_and_history(reg):
    task_id = reg("add", "Việc", "--agency", "STC").stdout.strip()
    reg("agency", "rename", "so tai chinh", "Sở Tài chính - Kế hoạch")
    shown = json.loads(reg("show", task_id, "--format", "json").stdout)
    assert shown["agency"] == "STC"
    assert reg("agency", "list", "--format", "csv").stdout == (
        "code,name,kind,retired_on,email\nSGDDT,Sở Giáo dục và Đào tạo,sở,,\nSTC,Sở Tài chính - Kế hoạch,sở,,\n"
        "SYT,Sở Y tế,sở,,\n"
    )
    event = json.loads(reg("history", "--format", "json").stdout)[-1]
    assert (event["action"], event["before"]["name"], event["after"]["name"]) == (
        "agency_rename",
        "Sở Tài chính",
        "Sở Tài chính - Kế hoạch",
    )
    # the old name no longer finds it; the new one does
    reg("add", "Việc", "--agency", "So Tai chinh - Ke hoach")
    reg("agency", "rename", "STC", "Sở Y tế", code=1)


def test_agency_list_table(reg):
    assert reg("agency", "list").stdout == (
        "Code   Name                    Kind\n"
        "SGDDT  Sở Giáo dục và Đào tạo  sở\n"
        "STC    Sở Tài chính            sở\n"
        "SYT    Sở Y tế                 sở\n"
    )


def test_a_retired_agency_keeps_its_tasks_but_takes_no_new_ones(reg):
    reg("add", "Việc cũ", "--agency", "STC", "--assigned", "1/2/2021")
    assert reg("agency", "retire", "STC", "--on", "1/3/2021").stderr == (
        "Retired STC (Sở Tài chính) from 2021-03-01; its tasks and past reports stay.\n"
    )
    assert reg("add", "Việc mới", "--agency", "STC", code=2).stderr == (
        "STC was retired on 2021-03-01; give the task to the agency that took over its work.\n"
    )
    reg("add", "Việc trước đó", "--agency", "STC", "--assigned", "15/2/2021")
    assert json.loads(reg("report", "--quarter", "I/2021", "--format", "json").stdout)["total"] == 2
    reg("agency", "retire", "STC", code=1)
    assert "Retired" in reg("agency", "list").stdout.splitlines()[0]


def test_a_near_duplicate_added_by_hand_is_refused_unless_distinct(reg):
    result = reg("agency", "add", "SYT3", "Sở Y-tế", code=1)
    assert result.stderr == (
        "SYT3 (Sở Y-tế) is close to the registered agency SYT (Sở Y tế); a near-duplicate would split "
        "reports: if they are one agency, use it (correct its name with `taskreg agency rename`); if it "
        "really is another agency, add --distinct.\n"
    )
    assert reg("agency", "add", "SYT3", "Sở Y-tế", "--distinct").stderr == (
        "Registered SYT3: Sở Y-tế.\nRegistered as another agency than SYT (Sở Y tế), as --distinct says; "
        "the history records it.\n"
    )
    assert reg("agency", "add", "SNGV", "Sở Ngoại vụ").stderr == "Registered SNGV: Sở Ngoại vụ.\n"
    assert reg("agency", "add", "SNV", "Sở Nội vụ").stderr == "Registered SNV: Sở Nội vụ.\n"


def test_distinct_agencies_with_close_names_import_as_themselves(reg, tmp_path):
    reg("agency", "add", "SNV", "Sở Nội vụ")
    reg("agency", "add", "UBND-HNX", "UBND huyện Nam Xuân")
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "title,agency,assigned_on\nx,Sở Ngoại vụ,4/1/2021\ny,UBND-HCX,4/1/2021\nz,UBND HNX,4/1/2021\n", encoding="utf-8"
    )
    result = reg("import", rows, "--create-agencies", code=2)
    assert result.stderr.splitlines() == [
        "Row 4, agency: 'UBND HNX' is not a registered agency but is close to UBND-HNX (UBND huyện Nam "
        "Xuân): use its code, or register the new one first with `taskreg agency add`.",
        "Nothing was imported: 1 problem in the file; correct it and import again.",
    ]
    rows.write_text("title,agency,assigned_on\nx,Sở Ngoại vụ,4/1/2021\ny,UBND-HCX,4/1/2021\n", encoding="utf-8")
    reg("import", rows, "--create-agencies")
    assert [r[0] for r in reg.rows("SELECT name FROM agencies ORDER BY id")][-2:] == ["Sở Ngoại vụ", "UBND-HCX"]
