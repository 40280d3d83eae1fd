"""Messages in Vietnamese (README "Language and output"): every message of the catalogue
renders with its dates as 01/12/2026 and its fields by their names, never ISO dates or
JSON keys; and each command's sentence as it now prints, in both languages."""

import errno
import json
import re
import string
from datetime import date

import pytest

from taskreg.cli.session import _render_value
from taskreg.domain.errors import Count, Day, Ref, os_reason
from taskreg.present import i18n
from taskreg.present.messages import MESSAGES

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A task's JSON keys that are no words (title, agency, note … are words in English only).
JSON_KEYS = re.compile(
    r"\b(due_on|done_on|assigned_on|cancelled_on|source_date|assigned_by|co_agencies|retired_on|decided_on"
    r"|cancel_reason)\b"
)
#: Placeholders that hold a date wherever they appear.
DATE_FIELDS = {"day", "on", "due", "assigned", "start", "end", "first", "last", "new", "old", "other", "recorded"}
#: A Vietnamese timestamp, as history and `report --changes` print it.
AT_VI = re.compile(r"\d\d:\d\d ngày \d\d/\d{1,2}/\d{4}")
#: An ISO timestamp, as JSON and English keep it.
AT_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def _fields(text):
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name}


def _sample(name: str, spec: str):
    """A representative value of a placeholder: a date for one that names a date, a count
    for one with a plural form, else a short text."""
    if spec and "|" in spec:
        return Count(2)
    if name in DATE_FIELDS:
        return Day(date(2026, 12, 1))
    if name in ("n", "id", "row", "line", "column", "version", "seconds", "limit", "max", "size", "ratio"):
        return Count(3)
    return "x"


def _render(lang: str, key: str) -> str:
    english, vietnamese = MESSAGES[key]
    names = {}
    for name, spec in _fields(english) | _fields(vietnamese):
        names[name] = _sample(name, spec) if name not in names or not isinstance(names[name], Count) else names[name]
    return i18n.t(lang, key, **{k: _render_value(lang, v) for k, v in names.items()})


def _day_first_and_fields_by_name(key):
    text = _render("vi", key)
    assert not ISO.search(text), text
    assert not JSON_KEYS.search(text), text
    assert "::" not in text and ": có:" not in text, text
    # English words a Vietnamese sentence must not suggest to type
    assert not re.search(r"\b(today|yesterday)\b", text.replace("TASKREG_TODAY", "")), text


def test_every_vietnamese_message_writes_dates_day_first_and_fields_by_name():
    """Every key of the catalogue checked, each failing one named (one test, not one per key)."""
    failed = []
    for key in sorted(MESSAGES):
        try:
            _day_first_and_fields_by_name(key)
        except Exception as e:  # an assertion, or a text that does not render at all
            failed.append(f"{key}: {type(e).__name__}: {e}")
    assert not failed, f"{len(failed)} keys:\n" + "\n".join(failed)


def test_a_day_is_iso_in_english_and_day_first_in_vietnamese():
    assert _render_value("en", Day(date(2026, 12, 1))) == "2026-12-01"
    assert _render_value("vi", Day(date(2026, 12, 1))) == "01/12/2026"
    assert _render_value("vi", Day("2022-03-04")) == "04/3/2022"
    assert _render_value("vi", Day("2021-02-05")) == "05/02/2021"
    assert Day(date(2026, 12, 1)) == "2026-12-01"  # without a language: the ISO text
    assert i18n.t("vi", "future_date", what=i18n.t("vi", "what_done"), on=_render_value("vi", Day("2026-12-05"))) == (
        "Ngày hoàn thành 05/12/2026 là ngày sau hôm nay, chưa thể ghi nhận."
    )


@pytest.mark.parametrize(
    "code, writing, en, vi",
    [
        (errno.ENOENT, True, "the folder it goes in does not exist", "thư mục chứa tệp không tồn tại"),
        (errno.ENOENT, False, "no such file", "tệp không tồn tại"),
        (errno.EACCES, True, "you have no permission to write there", "bạn không có quyền ghi vào đó"),
        (errno.EACCES, False, "you have no permission to read it", "bạn không có quyền đọc tệp này"),
        (errno.ENOSPC, True, "the disk is full", "ổ đĩa đã đầy"),
        (errno.EROFS, True, "the disk is read-only", "ổ đĩa chỉ cho phép đọc"),
    ],
)
def test_the_file_systems_refusals_are_sentences_of_the_catalogue(code, writing, en, vi):
    import os

    reason = os_reason(OSError(code, os.strerror(code)), writing=writing)
    assert isinstance(reason, Ref)
    assert (_render_value("en", reason), _render_value("vi", reason)) == (en, vi)
    # one the catalogue has no sentence for: the system's own words
    assert os_reason(OSError(errno.EBUSY, "Device or resource busy")) == "Device or resource busy"


# -- each command's sentence -------------------------------------------------------------------


def test_a_date_in_the_future_or_already_recorded_is_day_first(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "30/4/2021")
    result = reg("done", "1", "--on", "5/4/2021", "--lang", "vi", code=2)
    assert result.stderr == "Ngày hoàn thành 05/4/2021 là ngày sau hôm nay, chưa thể ghi nhận.\n"
    assert reg("done", "1", "--on", "5/4/2021", code=2).stderr == "The completion date 2021-04-05 is in the future.\n"
    assert reg("done", "1", "--on", "20/3/2021", "--lang", "vi").stdout == (
        "Đã ghi nhận nhiệm vụ số 1 hoàn thành ngày 20/3/2021 (hoàn thành đúng hạn).\n"
    )
    assert reg("done", "1", "--lang", "vi", code=1).stderr == (
        "Nhiệm vụ số 1 đã hoàn thành ngày 20/3/2021; nếu thực tế chưa xong, hãy mở lại trước bằng `taskreg reopen 1`.\n"
    )
    assert reg("extend", "1", "--due", "31/5/2021", "--reason", "x", "--lang", "vi", code=1).stderr == (
        "Nhiệm vụ số 1 đã hoàn thành hoặc đã dừng thực hiện nên không thể gia hạn.\n"
    )
    reg("add", "Hai", "--agency", "SYT", "--assigned", "10/3/2021", "--due", "20/3/2021")
    assert reg("extend", "2", "--due", "30/4/2021", "--reason", "x", "--lang", "vi", code=1).stderr == (
        "Quyết định gia hạn ngày 31/3/2021 muộn hơn hạn cũ (20/3/2021), mà gia hạn muộn không làm nhiệm vụ đã "
        "quá hạn thành đúng hạn: nếu việc gia hạn đã được quyết định trước hạn, hãy ghi ngày quyết định bằng --on; "
        "nếu không, nhiệm vụ vẫn quá hạn cho đến khi `taskreg done 2`; còn nếu hạn bị ghi nhầm, hãy sửa bằng "
        '`taskreg edit 2 --due NGÀY --reason "LÝ DO"`.\n'
    )
    assert reg(
        "add", "Ba", "--agency", "SYT", "--assigned", "10/3/2021", "--due", "1/3/2021", "--lang", "vi", code=2
    ).stderr == ("Hạn hoàn thành 01/3/2021 sớm hơn ngày giao nhiệm vụ (10/3/2021).\n")


def test_a_month_first_date_is_answered_with_its_day_first_form(reg):
    result = reg("add", "Một", "--agency", "SYT", "--due", "3/31/2026", "--lang", "vi", code=2)
    assert result.stderr == "'3/31/2026' không phải ngày có thật: ghi ngày trước, tháng sau, ví dụ 31/3/2026.\n"
    result = reg("add", "Một", "--agency", "SYT", "--due", "12.31.2026", code=2)
    assert result.stderr == "'12.31.2026' is not a real date: the day comes first, then the month, like 31.12.2026.\n"
    assert reg("add", "Một", "--agency", "SYT", "--due", "31/02/2021", "--lang", "vi", code=2).stderr == (
        "'31/02/2021' không phải ngày có thật.\n"
    )
    assert reg("add", "Một", "--agency", "SYT", "--due", "mai kia", "--lang", "vi", code=2).stderr == (
        "'mai kia' không phải ngày hợp lệ: ghi ngày trước, tháng sau, ví dụ 31/3/2021, hôm nay, hôm qua hoặc "
        "+7d (7 ngày nữa).\n"
    )
    assert reg("report", "--from", "1/3/2021", "--to", "1/2/2021", "--lang", "vi", code=2).stderr == (
        "Ngày kết thúc kỳ (01/02/2021) sớm hơn ngày bắt đầu (01/3/2021).\n"
    )
    # what the message suggests is read: hôm nay, +7d
    assert reg("add", "Hai", "--agency", "SYT", "--due", "+7d").stdout == "1\n"
    assert reg("done", "1", "--on", "hôm nay", "--lang", "vi").stdout == (
        "Đã ghi nhận nhiệm vụ số 1 hoàn thành ngày 31/3/2021 (hoàn thành đúng hạn).\n"
    )


def test_edit_names_the_fields_it_corrected_by_their_names(reg):
    reg("add", "Một", "--agency", "SYT", "--due", "30/4/2021")
    assert reg("edit", "1", "--due", "15/4/2021", "--reason", "Nhập nhầm", "--note", "N", "--lang", "vi").stdout == (
        "Đã sửa nhiệm vụ số 1: hạn hoàn thành, ghi chú.\n"
    )
    assert reg("edit", "1", "--co", "STC", "--source-date", "1/3/2021", "--assigned", "2/3/2021").stdout == (
        "Task 1 corrected: assignment date, source document's date, coordinating agencies.\n"
    )
    assert (
        reg("edit", "1", "--co", "STC", "--lang", "vi").stdout
        == "Nhiệm vụ số 1 đã có đúng các giá trị đó; không thay đổi gì.\n"
    )


def test_done_of_several_tasks_says_none_was_recorded(reg):
    reg("add", "Một", "--agency", "SYT")
    reg("add", "Hai", "--agency", "SYT")
    before = reg.tables()
    result = reg("done", "1", "999", "--lang", "vi", code=1)
    assert result.stderr == (
        "Không có nhiệm vụ số 999. Vì vậy chưa ghi nhận gì: nhiệm vụ số 1 cũng chưa được ghi là hoàn thành.\n"
    )
    result = reg("done", "1", "2", "999", code=1)
    assert result.stderr == ("There is no task 999. So nothing was recorded: tasks 1, 2 are not marked done either.\n")
    assert reg.tables() == before
    # one id: the sentence alone
    assert reg("done", "999", "--lang", "vi", code=1).stderr == "Không có nhiệm vụ số 999.\n"


def test_config_set_says_what_it_set(reg):
    assert reg("config", "set", "org", "UBND tỉnh Quảng Nam", "--lang", "vi").stdout == (
        "Đã đặt org = UBND tỉnh Quảng Nam.\n"
    )
    assert reg("config", "set", "rate-basis", "assigned").stdout == "Set rate-basis = assigned.\n"
    assert reg("config", "get", "rate-basis").stdout == "assigned\n"


@pytest.mark.sqlite_only
def test_init_on_an_existing_register_points_to_config_set_org(tr):
    tr("agency", "add", "SYT", "Sở Y tế")  # a write command created the register
    result = tr("init", "--org", "UBND tỉnh Quảng Nam", "--lang", "vi", code=1)
    assert result.stderr == (
        f"Đã có sổ đăng ký tại {tr.path}; không thay đổi gì. Để đặt tên cơ quan cho sổ, dùng "
        '`taskreg config set org "…"`.\n'
    )
    assert tr("init", code=1).stderr == (
        f"A register already exists at {tr.path}; nothing was changed. To name its organisation, use "
        '`taskreg config set org "…"`.\n'
    )


def test_agency_messages(reg):
    assert reg("agency", "add", "S YT", "Sở Y", "--lang", "vi", code=2).stderr == (
        "Mã đơn vị không được có dấu cách: 'S YT'.\n"
    )
    assert reg("agency", "retire", "STC", "--on", "1/3/2021", "--lang", "vi").stderr == (
        "STC (Sở Tài chính) thôi hoạt động từ ngày 01/3/2021; nhiệm vụ và báo cáo cũ được giữ nguyên.\n"
    )
    assert reg("agency", "retire", "STC", "--lang", "vi", code=1).stderr == (
        "STC đã thôi hoạt động từ ngày 01/3/2021; không thay đổi gì.\n"
    )
    assert reg("add", "Một", "--agency", "STC", "--lang", "vi", code=2).stderr == (
        "STC đã thôi hoạt động từ ngày 01/3/2021; hãy giao nhiệm vụ cho đơn vị tiếp nhận công việc của đơn vị này.\n"
    )


def _spaced(text: str) -> list[str]:
    """A table's lines with each run of spaces as one: its column widths aside."""
    return [" ".join(line.split()) for line in text.splitlines()]


def test_history_names_fields_by_their_labels_and_times_day_first(tr):
    tr("agency", "add", "SYT", "Sở Y tế", "--kind", "sở")
    tr("agency", "rename", "SYT", "Sở Y tế tỉnh")
    tr("agency", "retire", "SYT", "--on", "1/3/2021")
    vi = tr("history", "--lang", "vi", env={"COLUMNS": "250"}).stdout
    assert not ISO.search(vi) and not re.search(r"\b(code|name|kind|retired_on)\b", vi), vi
    pinned = "ngày do TASKREG_TODAY cố định"
    assert [AT_VI.sub("AT", line) for line in _spaced(vi)] == [
        "Số Thời điểm Người thực hiện Nhiệm vụ Nội dung thay đổi",
        f"1 AT lan đăng ký đơn vị; Mã: — → SYT; Loại: — → sở; Tên đơn vị: — → Sở Y tế; {pinned}",
        f"2 AT lan đổi tên đơn vị; Tên đơn vị: Sở Y tế → Sở Y tế tỉnh; {pinned}",
        f"3 AT lan đơn vị thôi hoạt động; Thôi hoạt động: — → 01/3/2021; {pinned}",
    ]
    assert AT_VI.search(vi).group().endswith(" ngày 31/3/2021")
    en = tr("history", env={"COLUMNS": "250"}).stdout
    assert [AT_ISO.sub("AT", line) for line in _spaced(en)] == [
        "ID When Who Task Change",
        "1 AT lan agency registered; Code: — → SYT; Kind: — → sở; Name: — → Sở Y tế; date pinned by TASKREG_TODAY",
        "2 AT lan agency renamed; Name: Sở Y tế → Sở Y tế tỉnh; date pinned by TASKREG_TODAY",
        "3 AT lan agency retired; Retired: — → 2021-03-01; date pinned by TASKREG_TODAY",
    ]
    # JSON keeps ISO times and the keys
    events = json.loads(tr("history", "--format", "json", "--lang", "vi").stdout)
    assert AT_ISO.fullmatch(events[0]["at"]) and events[2]["after"]["retired_on"] == "2021-03-01"


def test_show_reads_as_vietnamese(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "30/4/2021")
    reg("done", "1", "--on", "20/3/2021")
    shown = reg("show", "1", "--lang", "vi").stdout
    uid = re.search(r"UID: +(\S+)", shown).group(1)
    assert AT_VI.sub("AT", shown) == (
        "#1  hoàn thành đúng hạn (đến ngày 31/3/2021)\n"
        "Nội dung:        Một\n"
        "Đơn vị chủ trì:  SYT (Sở Y tế)\n"
        "Ngày giao:       01/3/2021\n"
        "Hạn hoàn thành:  30/4/2021\n"
        "Ngày hoàn thành: 20/3/2021\n"
        f"UID:             {uid}\n"
        "Đã đính chính:   có, số liệu cũ của nhiệm vụ này đã được điều chỉnh có chủ đích (xem lịch sử)\n"
        "                 hoàn thành ghi vào sổ ngày 31/3/2021, hoàn thành ngày 20/3/2021\n"
        "\n"
        "Lịch sử:\n"
        "  AT  lan  thêm mới; ngày do TASKREG_TODAY cố định\n"
        "  AT  lan  hoàn thành; Ngày hoàn thành: — → 20/3/2021; đính chính số liệu: hoàn thành ghi vào sổ "
        "ngày 31/3/2021, hoàn thành ngày 20/3/2021; ngày do TASKREG_TODAY cố định\n"
    )


def test_report_changes_prints_times_day_first(reg):
    reg("add", "Một", "--agency", "SYT", "--assigned", "1/3/2021", "--due", "20/3/2021")
    reg("publish", "--quarter", "I/2021")
    reg("done", "1", "--on", "15/3/2021")
    out = reg("report", "--quarter", "I/2021", "--changes", "--lang", "vi").stdout
    lines = out.splitlines()
    assert lines[1:] == [
        "Có 1 nhiệm vụ đã thay đổi kể từ khi công bố:",
        "#1 Một: chưa hoàn thành quá hạn (SYT) → hoàn thành đúng hạn (SYT)",
        f"    {AT_VI.search(out).group()} lan: hoàn thành; Ngày hoàn thành: — → 15/3/2021; đính chính số liệu: "
        "hoàn thành ghi vào sổ ngày 31/3/2021, hoàn thành ngày 15/3/2021; ngày do TASKREG_TODAY cố định",
    ]
    assert not ISO.search(out)
    changes = json.loads(reg("report", "--quarter", "I/2021", "--changes", "--format", "json").stdout)
    assert AT_ISO.fullmatch(changes["changes"][0]["events"][0]["at"])


# -- files ----------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_backup_into_a_missing_folder_says_so_in_the_language(reg, tmp_path):
    dest = tmp_path / "missing" / "copy.db"
    assert reg("backup", dest, "--lang", "vi", code=1).stderr == (
        f"Không ghi được bản sao lưu {dest}: thư mục chứa tệp không tồn tại.\n"
    )
    assert reg("backup", dest, code=1).stderr == (
        f"Could not write the backup {dest}: the folder it goes in does not exist.\n"
    )


def test_export_into_a_missing_folder_says_so_in_the_language(reg, tmp_path):
    dest = tmp_path / "missing" / "x.csv"
    assert reg("export", "-o", dest, "--lang", "vi", code=1).stderr == (
        f"Không ghi được {dest}: thư mục chứa tệp không tồn tại.\n"
    )


def test_a_csv_file_starts_with_a_bom_and_vietnamese_headers_come_only_from_the_command_line(
    reg, tmp_path, request, engine
):
    reg("add", "Một", "--agency", "SYT", "--co", "STC", "--due", "30/4/2021")
    assert reg("export").stdout.startswith("id,uid,title,")  # stdout: plain
    reg("export", "-o", tmp_path / "en.csv")
    assert (tmp_path / "en.csv").read_bytes().startswith(b"\xef\xbb\xbfid,uid,title,agency,")
    reg("export", "-o", tmp_path / "vi.csv", "--lang", "vi")
    header = (tmp_path / "vi.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == (
        "Số,UID,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Hạn hoàn thành,Ngày hoàn thành,"
        "Ngày dừng thực hiện,Số ký hiệu,Ngày văn bản,Người giao,Ghi chú,Kết quả,Nhiệm vụ trọng tâm,Ngày cập nhật,Tình trạng,Chờ xác nhận,"
        "Định kỳ"
    )
    reg("config", "set", "lang", "vi")  # not from `config lang`: scripts read the file
    reg("export", "-o", tmp_path / "lang.csv")
    assert (tmp_path / "lang.csv").read_bytes().startswith(b"\xef\xbb\xbfid,uid,title,")
    # the Vietnamese file imports (into a register with the agencies, its uid kept)
    other = _register_with_agencies(reg, request, tmp_path)
    assert other("import", tmp_path / "vi.csv", "--lang", "vi").stdout == (
        f"Đã nhập 1/1 dòng từ {tmp_path / 'vi.csv'} (0 dòng đã có trong sổ, tạo mới 0 đơn vị).\n"
    )
    (task,) = json.loads(other("list", "--all", "--format", "json").stdout)
    (mine,) = json.loads(reg("list", "--all", "--format", "json").stdout)
    assert {k: v for k, v in task.items() if k != "id"} == {k: v for k, v in mine.items() if k != "id"}


def _register_with_agencies(tr, request, tmp_path):
    """Another register of the same engine with the three agencies of `reg`."""
    from conftest import OFFICE, REG_COMMANDS, Taskreg

    if tr.engine == "sqlite":
        path = tmp_path / "other.db"
        other = Taskreg(path, {**tr.env, "TASKREG_DB": str(path)})
        for args in REG_COMMANDS:
            other(*args)
        return other
    name = tr.pg.fresh(tr.pg.reg_template)
    request.addfinalizer(lambda: tr.pg.sql(f"DROP DATABASE {name} WITH (FORCE)"))
    return Taskreg(None, {**tr.env, "TASKREG_DB": tr.pg.url(OFFICE, name)}, tr.engine, tr.pg, name)


def _empty_register(tr, request, tmp_path):
    """Another register of the same engine with no agency: a file not yet made, or an empty database."""
    from conftest import OFFICE, Taskreg

    if tr.engine == "sqlite":
        path = tmp_path / "empty.db"
        return Taskreg(path, {**tr.env, "TASKREG_DB": str(path)})
    name = tr.pg.fresh()
    request.addfinalizer(lambda: tr.pg.sql(f"DROP DATABASE {name} WITH (FORCE)"))
    return Taskreg(None, {**tr.env, "TASKREG_DB": tr.pg.url(OFFICE, name)}, tr.engine, tr.pg, name)


@pytest.mark.parametrize("encoding", ["windows-1258", "windows-1252"])
def test_a_csv_not_in_utf8_is_one_sentence_saying_how_to_fix_it(reg, tmp_path, encoding):
    path = tmp_path / "giao-viec.csv"
    # Windows-1258 writes Vietnamese with its tone marks as combining characters
    title = "Ki\u00ea\u0309m tra h\u00f4\u0300 s\u01a1" if encoding == "windows-1258" else "Café"
    path.write_bytes(f"title,agency,assigned_on\n{title},SYT,1/3/2021\n".encode(encoding))
    assert reg("import", path, "--lang", "vi", code=2).stderr == (
        f"Không đọc được {path}: dòng 2 không phải văn bản UTF-8 (có thể tệp được lưu bằng bảng mã Windows-1258 "
        'hoặc Windows-1252); hãy mở tệp bằng Excel và lưu lại dưới dạng "CSV UTF-8" hoặc .xlsx, hoặc chuyển mã '
        "bằng `iconv -f WINDOWS-1258 -t UTF-8 TỆP > TỆP-MỚI`.\n"
    )
    assert reg("import", path, code=2).stderr == (
        f"Cannot read {path}: row 2 is not UTF-8 text (perhaps saved as Windows-1258 or Windows-1252); in Excel, "
        'save it as "CSV UTF-8" or .xlsx, or convert it with `iconv -f WINDOWS-1258 -t UTF-8 FILE > NEW-FILE`.\n'
    )


def test_a_json_export_into_a_register_without_its_agencies_names_create_agencies(reg, tmp_path, request):
    reg("add", "Một", "--agency", "SYT", "--due", "30/4/2021")
    reg("add", "Hai", "--agency", "STC")
    reg("export", "--format", "json", "-o", tmp_path / "all.json")
    fresh = _empty_register(reg, request, tmp_path)
    result = fresh("import", tmp_path / "all.json", "--lang", "vi", code=2)
    assert result.stderr == (
        "Dòng 1, Đơn vị chủ trì: Không có đơn vị 'SYT' trong sổ; đăng ký đơn vị mới bằng "
        '`taskreg agency add MÃ "TÊN"`.\n'
        "Dòng 2, Đơn vị chủ trì: Không có đơn vị 'STC' trong sổ; đăng ký đơn vị mới bằng "
        '`taskreg agency add MÃ "TÊN"`.\n'
        "Chưa nhập gì: tệp có 2 lỗi, trong đó có đơn vị chưa có trong sổ; hãy đăng ký các đơn vị đó bằng "
        "`taskreg agency add`, hoặc nhập lại với --create-agencies để đăng ký theo tên trong tệp (thêm --dry-run "
        "để xem trước các đơn vị sẽ được tạo).\n"
    )
    assert fresh("import", tmp_path / "all.json", code=2).stderr.splitlines()[-1] == (
        "Nothing was imported: 2 problems in the file, some of them agencies the register does not have; "
        "register them with `taskreg agency add`, or import again with --create-agencies to register them as "
        "the file names them (--dry-run shows what would be created)."
    )
    assert fresh("import", tmp_path / "all.json", "--create-agencies").stdout.startswith("Imported 2 of 2 rows")


def test_json_row_errors_and_missing_columns_name_fields_by_their_headers(reg, tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"title": "Một", "agency": "SYT", "assigned_on": "2021-03-01", "due_on": "xx"}]))
    assert reg("import", path, "--lang", "vi", code=2).stderr == (
        "Dòng 1, Hạn hoàn thành: 'xx' không phải ngày hợp lệ: ghi ngày trước, tháng sau, ví dụ 31/3/2021, hôm nay, "
        "hôm qua hoặc +7d (7 ngày nữa).\n"
        "Chưa nhập gì: tệp có 1 lỗi; hãy sửa rồi nhập lại.\n"
    )
    assert reg("import", path, code=2).stderr.splitlines()[0] == (
        "Row 1, due_on: 'xx' is not a date taskreg reads: write it day first, like 31/3/2021, 2021-03-31, today or +7d."
    )
    csv = tmp_path / "t.csv"
    csv.write_text("title,x\nMột,SYT\n")
    assert reg("import", csv, "--lang", "vi", code=2).stderr == (
        "Tệp thiếu cột Đơn vị chủ trì, Ngày giao; hãy đặt tên cột như docs/import-export.md hướng dẫn.\n"
    )
    assert reg("import", csv, code=2).stderr == (
        "The file has no column for agency, assigned_on; name the columns as docs/import-export.md lists them.\n"
    )


def test_an_import_row_in_the_future_is_day_first(reg, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Ngày hoàn thành\nMột,SYT,1/3/2021,5/4/2021\n")
    assert reg("import", path, "--lang", "vi", code=2).stderr == (
        "Dòng 2, Ngày hoàn thành: Ngày hoàn thành 05/4/2021 là ngày sau hôm nay, chưa thể ghi nhận.\n"
        "Chưa nhập gì: tệp có 1 lỗi; hãy sửa rồi nhập lại.\n"
    )


# -- the import's progress bar ----------------------------------------------------------------


class _Meter:
    def __init__(self):
        self.begun, self.done = [], 0

    def begin(self, total, unit="rows"):
        self.begun.append((total, unit))
        self.done = 0

    def advance(self, n=1):
        self.done += n


def _read_all(path, fmt):
    from taskreg.formats.csv_json import metered, read_rows

    meter = _Meter()
    with metered(meter):
        rows = list(read_rows(path, fmt))
    return meter, rows


def test_the_import_meter_counts_a_csvs_bytes(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(
        "\ufefftitle,agency,assigned_on\r\n".encode()
        + b"".join(f"Vi\u1ec7c {i},SYT,1/3/2021\r\n".encode() for i in range(500))
    )
    meter, rows = _read_all(path, "csv")
    size = path.stat().st_size
    assert meter.begun == [(size, "bytes")] and meter.done == size and len(rows) == 501


def test_the_import_meter_counts_a_json_files_tasks(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"tasks": [{"title": str(i), "agency": "SYT"} for i in range(37)]}))
    meter, rows = _read_all(path, "json")
    assert meter.begun == [(37, "rows")] and meter.done == 37 and len(rows) == 38


def test_the_import_meter_counts_a_sheets_rows_when_the_sheet_says(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["title", "agency", "assigned_on"])
    for i in range(40):
        sheet.append([f"Việc {i}", "SYT", "1/3/2021"])
    book.save(tmp_path / "excel.xlsx")
    meter, rows = _read_all(tmp_path / "excel.xlsx", "xlsx")
    assert meter.begun == [(40, "rows")] and meter.done == 40 and len(rows) == 41
    # a write-only workbook (taskreg's own export) has no <dimension>: its rows are counted
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tasks")
    sheet.append(["title", "agency", "assigned_on"])
    for i in range(5):
        sheet.append([f"Việc {i}", "SYT", "1/3/2021"])
    book.save(tmp_path / "own.xlsx")
    meter, rows = _read_all(tmp_path / "own.xlsx", "xlsx")
    assert meter.begun == [(5, "rows")] and meter.done == 5


@pytest.mark.sqlite_only
def test_the_progress_bar_on_a_terminal_has_a_total_and_a_percentage(reg, tmp_path):
    """The real command on a pseudo-terminal's stderr: its last frame reads 100% of the file's size."""
    import os
    import subprocess
    import sys

    pty = pytest.importorskip("pty")
    path = tmp_path / "t.csv"
    path.write_text("title,agency,assigned_on\n" + "".join(f"Việc {i},SYT,1/3/2021\n" for i in range(300)))
    master, slave = pty.openpty()
    env = {k: v for k, v in {**os.environ, **reg.env, "COLUMNS": "120"}.items() if v is not None}
    env.pop("NO_COLOR", None)
    env["TERM"] = "xterm-256color"
    process = subprocess.Popen(
        [sys.executable, "-m", "taskreg", "import", str(path), "--dry-run"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert process.wait(timeout=120) == 0
    assert process.stdout.read().decode().startswith("Dry run: 300 of 300 rows")
    frames = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", f) for f in re.split(r"[\r\n]", seen.decode())]
    size = f"{path.stat().st_size / 1000:.1f} kB"
    assert any(re.search(rf"t\.csv .* 100% {re.escape(size)}/{re.escape(size)} ", f) for f in frames), frames
