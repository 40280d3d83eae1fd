"""Every sentence, label and number format the user sees, in English and Vietnamese.

One catalogue: commands and errors name a key; nothing else holds user-facing text.
Vietnamese follows the administrative style (SPEC §6): 1.068; 93,88%; quý I/2021; 04/3/2022.
"""

import os
import string
from datetime import date

LANGS = ("en", "vi")

# key: (English, Vietnamese)
MESSAGES: dict[str, tuple[str, str]] = {
    # -- the register -------------------------------------------------------------------
    "register_missing": (
        "No register at {path}: create one with `taskreg init`, or point --db or TASKREG_DB at one.",
        "Không có sổ đăng ký tại {path}: tạo bằng `taskreg init`, hoặc chỉ đường dẫn bằng --db hoặc TASKREG_DB."),
    "register_created": ("Created a new register at {path}.", "Đã tạo sổ đăng ký mới tại {path}."),
    "register_exists": ("A register already exists at {path}; nothing was changed.",
                        "Đã có sổ đăng ký tại {path}; không thay đổi gì."),
    "register_is_dir": ("{path} is a directory, not a register.",
                        "{path} là một thư mục, không phải sổ đăng ký."),
    "register_empty": ("{path} is an empty file, not a register; it was left as it is.",
                       "{path} là tệp rỗng, không phải sổ đăng ký; tệp được giữ nguyên."),
    "register_not_sqlite": ("{path} is not a taskreg register (not an SQLite file); it was left as it is.",
                            "{path} không phải sổ đăng ký taskreg (không phải tệp SQLite); tệp được giữ nguyên."),
    "register_not_taskreg": ("{path} is an SQLite database but not a taskreg register; it was left as it is.",
                             "{path} là cơ sở dữ liệu SQLite nhưng không phải sổ đăng ký taskreg; tệp được giữ nguyên."),
    "register_unreadable": ("Cannot read {path}: {reason}.", "Không đọc được {path}: {reason}."),
    "usage_error": ("{message} See `{command} --help`.", "{message} Xem `{command} --help`."),
    "register_cannot_create": ("Cannot create a register at {path}: {reason}.",
                               "Không tạo được sổ đăng ký tại {path}: {reason}."),
    "register_broken": ("{path} cannot be used as a register: {reason}.",
                        "Không dùng được {path} làm sổ đăng ký: {reason}."),
    "register_too_new": (
        "{path} was written by a newer taskreg (it has {names}; this taskreg {version} knows up to {latest}); upgrade taskreg to use it. The file was not changed.",
        "{path} do phiên bản taskreg mới hơn ghi (có {names}; taskreg {version} này chỉ biết đến {latest}); hãy nâng cấp taskreg. Tệp không bị thay đổi."),
    "register_backed_up": ("Upgraded the register; a copy of it as it was is at {path}.",
                           "Đã nâng cấp sổ; bản sao trước khi nâng cấp ở {path}."),
    "upgrade_backup_failed": (
        "Could not write a copy of {path} to {backup} before upgrading it ({reason}); the register was not changed. Free some space or fix the permissions, then run the command again.",
        "Không ghi được bản sao của {path} vào {backup} trước khi nâng cấp ({reason}); sổ chưa bị thay đổi. Hãy giải phóng dung lượng hoặc sửa quyền truy cập rồi chạy lại lệnh."),
    "backup_failed": ("Could not write the backup {path}: {reason}.", "Không ghi được bản sao lưu {path}: {reason}."),
    "backup_ok": ("Backed up the register to {path}.", "Đã sao lưu sổ vào {path}."),
    "backup_exists": ("{path} already exists; choose a new file for the backup.",
                      "{path} đã có; hãy chọn tệp mới để sao lưu."),
    "check_ok": ("The register is sound: integrity, references and the four states of every quarter from {first} to {last} check out.",
                 "Sổ toàn vẹn: kiểm tra cấu trúc, liên kết và bốn nhóm tình trạng của mọi quý từ {first} đến {last} đều đạt."),
    "check_empty": ("The register is sound; it has no tasks yet.", "Sổ toàn vẹn; chưa có nhiệm vụ nào."),
    "check_failed": ("The register has {n} {n:problem|problems}:", "Sổ có {n} lỗi:"),
    "check_integrity": ("integrity: {detail}", "toàn vẹn: {detail}"),
    "check_foreign": ("broken reference: {detail}", "liên kết hỏng: {detail}"),
    "check_partition": ("{period}: the four counts ({total}) differ from the tasks assigned less the cancelled ones ({expected})",
                        "{period}: tổng bốn nhóm ({total}) khác số giao trừ số dừng ({expected})"),
    "register_needs_upgrade": ("{path} needs an upgrade, but it is read-only here.",
                               "{path} cần nâng cấp nhưng ở đây chỉ đọc được."),
    "register_read_only": ("{path} is read-only here: nothing can be written to it.",
                           "{path} chỉ đọc được ở đây: không ghi được gì."),
    # -- dates and periods --------------------------------------------------------------
    "date_unreadable": (
        "'{text}' is not a date taskreg reads: write it day first, like 31/3/2021, 2021-03-31, today or +7d.",
        "'{text}' không phải ngày hợp lệ: ghi ngày trước, ví dụ 31/3/2021, 2021-03-31, today hoặc +7d."),
    "date_impossible": ("'{text}' is not a real calendar date.", "'{text}' không phải ngày có thật."),
    "date_out_of_range": ("'{text}' is outside the years a register holds ({first}–{last}).",
                          "'{text}' nằm ngoài khoảng năm sổ lưu được ({first}–{last})."),
    "number_too_large": ("{what} {value} is too large.", "{what} {value} quá lớn."),
    "export_cannot_write": ("Cannot write {path}: {reason}.", "Không ghi được {path}: {reason}."),
    "agency_near": ("'{text}' is not a registered agency but is close to {names}: use its code, or register the new one first with `taskreg agency add`.",
                    "'{text}' chưa có trong sổ nhưng gần với {names}: dùng mã của đơn vị đó, hoặc đăng ký đơn vị mới trước bằng `taskreg agency add`."),
    "today_unreadable": ("TASKREG_TODAY={text} is not a YYYY-MM-DD date.",
                         "TASKREG_TODAY={text} không phải ngày dạng YYYY-MM-DD."),
    "no_such_file": ("no such file", "không có tệp này"),
    "not_a_task_list": ("it holds no list of tasks", "tệp không chứa danh sách nhiệm vụ"),
    "month_impossible": ("'{text}' is not a real month.", "'{text}' không phải tháng có thật."),
    "quarter_unreadable": ("'{text}' is not a quarter: write it like 2021Q1, Q1/2021 or I/2021.",
                           "'{text}' không phải quý: ghi như 2021Q1, Q1/2021 hoặc I/2021."),
    "month_unreadable": ("'{text}' is not a month: write it like 2021-03 or 3/2021.",
                         "'{text}' không phải tháng: ghi như 2021-03 hoặc 3/2021."),
    "year_unreadable": ("'{text}' is not a year: write it like 2021.",
                        "'{text}' không phải năm: ghi như 2021."),
    "period_conflict": ("Give one period only: --quarter, --month, --year or --from/--to.",
                        "Chỉ ghi một kỳ: --quarter, --month, --year hoặc --from/--to."),
    "period_from_to": ("--from and --to go together: give both.",
                       "--from và --to đi cùng nhau: hãy ghi cả hai."),
    "period_backwards": ("The period ends ({end}) before it starts ({start}).",
                         "Kỳ kết thúc ({end}) trước khi bắt đầu ({start})."),
    # -- agencies -----------------------------------------------------------------------
    "agency_unknown": (
        "No agency '{text}' in the register{close}; register a new one with `taskreg agency add CODE \"NAME\"`.",
        "Không có đơn vị '{text}' trong sổ{close}; đăng ký đơn vị mới bằng `taskreg agency add MÃ \"TÊN\"`."),
    "agency_close": (" (closest: {names})", " (gần nhất: {names})"),
    "agency_ambiguous": ("'{text}' matches more than one agency: {names}; type its code.",
                         "'{text}' khớp nhiều đơn vị: {names}; hãy ghi mã đơn vị."),
    "agency_duplicate": ("'{text}' is too close to the registered agency {other}; a near-duplicate would split reports.",
                         "'{text}' trùng với đơn vị đã có {other}; đơn vị gần trùng sẽ làm sai báo cáo."),
    "agency_empty": ("An agency needs a code and a name.", "Đơn vị cần có mã và tên."),
    "agency_code_spaces": ("An agency code has no spaces: '{text}'.", "Mã đơn vị không có dấu cách: '{text}'."),
    "agency_added": ("Registered {code}: {name}.", "Đã đăng ký {code}: {name}."),
    "agency_retired": ("{code} was retired on {on}; give the task to the agency that took over its work.",
                       "{code} đã thôi hoạt động từ ngày {on}; hãy giao cho đơn vị tiếp nhận nhiệm vụ."),
    "agency_retire_ok": ("Retired {code} ({name}) from {on}; its tasks and past reports stay.",
                         "{code} ({name}) thôi hoạt động từ ngày {on}; nhiệm vụ và báo cáo cũ được giữ nguyên."),
    "agency_renamed": ("Renamed {code}: {old} → {name}.", "Đã đổi tên {code}: {old} → {name}."),
    "no_agencies": ("No agencies yet: add one with `taskreg agency add CODE \"NAME\"`.",
                    "Chưa có đơn vị nào: thêm bằng `taskreg agency add MÃ \"TÊN\"`."),
    # -- tasks --------------------------------------------------------------------------
    "task_missing": ("There is no task {id}.", "Không có nhiệm vụ số {id}."),
    "title_empty": ("A task needs a title: what is to be done.", "Nhiệm vụ cần có nội dung."),
    "already_done": ("Task {id} is already done (on {on}); `taskreg reopen {id}` first if it was not.",
                     "Nhiệm vụ {id} đã hoàn thành (ngày {on}); dùng `taskreg reopen {id}` nếu chưa thật sự xong."),
    "is_cancelled": ("Task {id} was cancelled on {on}.", "Nhiệm vụ {id} đã dừng thực hiện ngày {on}."),
    "not_done": ("Task {id} is not done, so there is nothing to reopen.",
                 "Nhiệm vụ {id} chưa hoàn thành nên không cần mở lại."),
    "future_date": ("{what} {on} is in the future.", "{what} {on} là ngày trong tương lai."),
    "before_assigned": ("{what} {on} is before the task was assigned ({assigned}).",
                        "{what} {on} trước ngày giao nhiệm vụ ({assigned})."),
    "what_done": ("The completion date", "Ngày hoàn thành"),
    "what_cancel": ("The cancellation date", "Ngày dừng thực hiện"),
    "what_due": ("The deadline", "Hạn hoàn thành"),
    "what_decided": ("The extension's decision date", "Ngày quyết định gia hạn"),
    "what_source_date": ("The source document's date", "Ngày văn bản giao"),
    "assigned_after": ("The assignment date {on} is after {what} {other}.",
                       "Ngày giao {on} sau {what} {other}."),
    "what_due_lc": ("the deadline", "hạn hoàn thành"),
    "what_done_lc": ("the completion date", "ngày hoàn thành"),
    "what_cancel_lc": ("the cancellation date", "ngày dừng thực hiện"),
    "extend_not_open": ("Task {id} is not open, so its deadline cannot be extended.",
                        "Nhiệm vụ {id} không còn mở nên không gia hạn được."),
    "extend_no_deadline": ("Task {id} has no deadline to extend; give it one with `taskreg edit {id} --due D --reason T`.",
                           "Nhiệm vụ {id} không có hạn để gia hạn; đặt hạn bằng `taskreg edit {id} --due D --reason T`."),
    "extend_too_late": ("An extension decided on {on} comes after the deadline it would replace ({due}); a late extension does not make an overdue task on time.",
                        "Gia hạn quyết định ngày {on} sau hạn cũ ({due}); gia hạn muộn không làm nhiệm vụ quá hạn thành đúng hạn."),
    "extend_not_later": ("The new deadline {new} is not later than the current one ({due}); to correct a mistyped deadline use `taskreg edit {id} --due D --reason T`.",
                         "Hạn mới {new} không sau hạn hiện tại ({due}); để sửa hạn ghi nhầm dùng `taskreg edit {id} --due D --reason T`."),
    "reason_needed": ('{what} needs a reason: give --reason "…".', '{what} cần lý do: thêm --reason "…".'),
    "why_reopen": ("Reopening a task", "Mở lại nhiệm vụ"),
    "why_extend": ("Extending a deadline", "Gia hạn"),
    "why_cancel": ("Cancelling a task", "Dừng thực hiện nhiệm vụ"),
    "what_edit_due": ("Changing the deadline", "Sửa hạn hoàn thành"),
    "nothing_to_edit": ("Nothing to change: give at least one field to correct.",
                        "Không có gì để sửa: hãy ghi ít nhất một trường."),
    "done_ok": ("Task {id} done on {on} ({status}).", "Nhiệm vụ {id} hoàn thành ngày {on} ({status})."),
    "reopen_ok": ("Task {id} reopened.", "Đã mở lại nhiệm vụ {id}."),
    "extend_ok": ("Task {id}: deadline {old} → {new}.", "Nhiệm vụ {id}: hạn {old} → {new}."),
    "cancel_ok": ("Task {id} cancelled on {on}.", "Nhiệm vụ {id} dừng thực hiện ngày {on}."),
    "edit_ok": ("Task {id} corrected: {fields}.", "Đã sửa nhiệm vụ {id}: {fields}."),
    "edit_same": ("Task {id} already has those values; nothing changed.",
                  "Nhiệm vụ {id} đã có các giá trị đó; không thay đổi gì."),
    # -- options and settings ------------------------------------------------------------
    "bad_choice": ("'{text}' is not a valid {what}: use one of {choices}.",
                   "'{text}' không hợp lệ cho {what}: dùng một trong {choices}."),
    "config_unknown": ("There is no setting '{setting}': the settings are {keys}.",
                       "Không có thiết lập '{setting}': các thiết lập là {keys}."),
    "config_value_needed": ("`config set {setting}` needs a value.", "`config set {setting}` cần một giá trị."),
    "status_all_conflict": ("Give --status or --all, not both.", "Chỉ dùng --status hoặc --all, không dùng cả hai."),
    "negative_days": ("--due-within takes a number of days, 0 or more.",
                      "--due-within nhận số ngày, từ 0 trở lên."),
    "no_tasks": ("No tasks match.", "Không có nhiệm vụ nào phù hợp."),
    "no_events": ("No events match.", "Không có sự kiện nào phù hợp."),
    # -- show -----------------------------------------------------------------------------
    "f_title": ("Title", "Nội dung"),
    "f_agency": ("Lead agency", "Đơn vị chủ trì"),
    "f_co": ("Coordinating", "Đơn vị phối hợp"),
    "f_assigned": ("Assigned", "Ngày giao"),
    "f_due": ("Deadline", "Hạn hoàn thành"),
    "f_done": ("Done", "Ngày hoàn thành"),
    "f_cancelled": ("Cancelled", "Ngày dừng"),
    "f_source": ("Source", "Số ký hiệu"),
    "f_assigned_by": ("Assigned by", "Người giao"),
    "f_note": ("Note", "Ghi chú"),
    "f_result": ("Result", "Kết quả"),
    "f_status": ("State", "Tình trạng"),
    "f_uid": ("UID", "UID"),
    "f_id": ("ID", "Số"),
    "f_corrected": ("Corrected", "Đã đính chính"),
    "f_history": ("History", "Lịch sử"),
    "no_deadline": ("none (ongoing)", "không có (thường xuyên)"),
    "as_of": ("as of {day}", "đến ngày {day}"),
    "of_date": ("of {day}", "ngày {day}"),
    "corrected_yes": ("yes: past figures for this task were changed on purpose (see history)",
                      "có: số liệu cũ của nhiệm vụ này đã được sửa có chủ đích (xem lịch sử)"),
    "h_code": ("Code", "Mã"),
    "h_name": ("Name", "Tên đơn vị"),
    "h_kind": ("Kind", "Loại"),
    "h_retired": ("Retired", "Thôi hoạt động"),
    "h_at": ("When", "Thời điểm"),
    "h_actor": ("Who", "Người thực hiện"),
    "h_action": ("Action", "Thao tác"),
    "h_task": ("Task", "Nhiệm vụ"),
    "h_detail": ("Change", "Nội dung thay đổi"),
    "decided": ("decided {day}", "quyết định ngày {day}"),
    "because": ("reason: {reason}", "lý do: {reason}"),
    # actions, as the history shows them
    "a_add": ("added", "thêm mới"),
    "a_done": ("marked done", "hoàn thành"),
    "a_reopen": ("reopened", "mở lại"),
    "a_extend": ("deadline extended", "gia hạn"),
    "a_edit": ("corrected", "đính chính"),
    "a_cancel": ("cancelled", "dừng thực hiện"),
    "a_import": ("imported", "nhập dữ liệu"),
    "import_from": ("from {file} ({imported} {imported:task|tasks} in that import)",
                    "từ {file} ({imported} nhiệm vụ trong lần nhập đó)"),
    "a_agency_add": ("agency registered", "đăng ký đơn vị"),
    "a_agency_rename": ("agency renamed", "đổi tên đơn vị"),
    "a_agency_retire": ("agency retired", "đơn vị thôi hoạt động"),
    "a_config_set": ("setting changed", "đổi thiết lập"),
    "a_init": ("register created", "tạo sổ"),
    # -- periods -------------------------------------------------------------------------
    "p_quarter": ("Q{n} {year}", "quý {roman}/{year}"),
    "p_month": ("{month_name} {year}", "tháng {n}/{year}"),
    "p_year": ("{year}", "năm {year}"),
    "p_range": ("{start} to {end}", "từ ngày {start} đến ngày {end}"),
    # -- reports --------------------------------------------------------------------------
    "r_assigned_all": ("In {period}, {org} assigned {total} {total:task|tasks} to departments, boards, sectors and localities.",
                       "{Period}, {org} đã giao {total} nhiệm vụ cho các sở, ban, ngành, địa phương thực hiện."),
    "r_assigned_one": ("In {period}, {org} assigned {total} {total:task|tasks} to {agency}.",
                       "{Period}, {org} đã giao {total} nhiệm vụ cho {agency} thực hiện."),
    "r_states": ("As of {day}: {on_time} completed on time, {late} completed late, {overdue} open past their deadline, {in_progress} open within their deadline.",
                 "Đến ngày {day} có: {on_time} nhiệm vụ hoàn thành đúng hạn, {late} nhiệm vụ hoàn thành quá hạn, {overdue} nhiệm vụ chưa hoàn thành quá hạn, {in_progress} nhiệm vụ chưa hoàn thành còn trong hạn."),
    "r_rates": ("Completion rate: {completion} ({basis}); on-time rate: {on_time} (of tasks completed).",
                "Tỷ lệ hoàn thành: {completion} ({basis}); tỷ lệ hoàn thành đúng hạn: {on_time} (trên số nhiệm vụ đã hoàn thành)."),
    "basis_due": ("of tasks due: completed + open past deadline", "trên số nhiệm vụ đến hạn"),
    "basis_assigned": ("of all tasks assigned", "trên tổng số nhiệm vụ được giao"),
    "basis_due_short": ("due", "đến hạn"),
    "basis_assigned_short": ("assigned", "được giao"),
    "r_extra": ("Not counted above: {cancelled} cancelled. Counted above with no deadline (ongoing): {no_deadline}.",
                "Không tính ở trên: {cancelled} nhiệm vụ dừng thực hiện. Trong số trên có {no_deadline} nhiệm vụ không có hạn (thường xuyên)."),
    "r_check_failed": ("Warning: the four counts ({total}) do not add up to the tasks assigned less the cancelled ones ({expected}); run `taskreg check`.",
                       "Cảnh báo: tổng bốn nhóm ({total}) không khớp với số nhiệm vụ được giao trừ số dừng thực hiện ({expected})."),
    "r_empty": ("No tasks were assigned in {period} up to {day}.",
                "Không có nhiệm vụ nào được giao trong {period} tính đến ngày {day}."),
    "t_agency": ("Agency", "Đơn vị"),
    "t_total": ("Total", "Tổng"),
    "t_on_time": ("On time", "HT đúng hạn"),
    "t_late": ("Late", "HT quá hạn"),
    "t_in_progress": ("In progress", "Chưa HT trong hạn"),
    "t_overdue": ("Overdue", "Chưa HT quá hạn"),
    "t_no_deadline": ("No deadline", "Không hạn"),
    "t_completion": ("Done % ({basis})", "Tỷ lệ HT ({basis})"),
    "t_on_time_rate": ("On time %", "Tỷ lệ đúng hạn"),
    "t_oldest": ("Oldest overdue (days)", "Quá hạn lâu nhất (ngày)"),
    "t_states": ("States", "Tình trạng"),
    "t_all": ("All agencies", "Tổng cộng"),
    "t_title": ("{period}, as of {day}", "{Period}, đến ngày {day}"),
    # -- weekly -----------------------------------------------------------------------------
    "w_heading": ("{org}: weekly summary, {start} to {end}", "{org}: tổng hợp tuần từ {start} đến {end}"),
    "w_quarter": ("This quarter", "Quý này"),
    "w_assigned": ("Assigned in these 7 days: {n}", "Giao trong 7 ngày qua: {n}"),
    "w_completed": ("Completed in these 7 days: {n}", "Hoàn thành trong 7 ngày qua: {n}"),
    "w_overdue": ("Open past their deadline: {n}", "Chưa hoàn thành quá hạn: {n}"),
    "w_due_soon": ("Due in the next 7 days ({start} to {end}): {n}", "Đến hạn trong 7 ngày tới (từ {start} đến {end}): {n}"),
    "w_none": ("None.", "Không có."),
    "w_days_over": ("{n} {n:day|days} overdue", "quá hạn {n} ngày"),
    "w_due": ("due {day}", "hạn {day}"),
    "w_done": ("done {day}", "xong {day}"),
    # -- import and export --------------------------------------------------------------------
    "import_format_unknown": ("Cannot tell the format of {path}: give --format csv, xlsx or json.",
                              "Không nhận ra định dạng của {path}: hãy ghi --format csv, xlsx hoặc json."),
    "import_unreadable": ("Cannot read {path}: {reason}.", "Không đọc được {path}: {reason}."),
    "import_missing_columns": ("The file has no column for {columns}; name the columns as the README lists them.",
                               "Tệp thiếu cột {columns}; đặt tên cột như README hướng dẫn."),
    "import_invalid": ("Nothing was imported: {n} {n:problem|problems} in the file; correct {n:it|them} and import again.",
                       "Chưa nhập gì: tệp có {n} lỗi; sửa rồi nhập lại."),
    "import_row": ("Row {row}, {column}: {reason}", "Dòng {row}, {column}: {reason}"),
    "import_more": ("… and {n} more.", "… và {n} lỗi khác."),
    "import_value_missing": ("the value is missing.", "thiếu giá trị."),
    "import_formula": ("the formula {formula} has no saved value; open and save the file in Excel, or paste values.",
                       "công thức {formula} chưa có giá trị được lưu; hãy mở và lưu tệp bằng Excel, hoặc dán giá trị."),
    "import_done_and_cancelled": ("a task cannot be both done and cancelled.",
                                  "nhiệm vụ không thể vừa hoàn thành vừa dừng thực hiện."),
    "agency_added_near": ("Note: it is close to {names}; if they are one agency, keep one (agency rename, agency retire) so reports are not split.",
                          "Lưu ý: gần giống {names}; nếu là một đơn vị, hãy giữ một (agency rename, agency retire) để báo cáo không bị tách."),
    "import_history_bad": ("not a list of entries as taskreg exports them.",
                           "không phải danh sách mục theo dạng taskreg xuất ra."),
    "whole_row": ("whole row", "cả dòng"),
    "import_row_unreadable": ("a cell is not of a kind taskreg reads ({reason}).",
                              "có ô không đúng kiểu taskreg đọc được ({reason})."),
    "import_row_note": ("Row {row}: {note}", "Dòng {row}: {note}"),
    "symbol_shape": ("The document symbol '{symbol}' does not read as NUMBER/TYPE-ISSUER (863/KH-UBND) or NUMBER-TYPE/BODY (36-KL/TU); it is kept as typed.",
                     "Số, ký hiệu '{symbol}' không theo dạng SỐ/LOẠI-CƠ QUAN (863/KH-UBND) hoặc SỐ-LOẠI/CƠ QUAN (36-KL/TU); vẫn giữ nguyên như đã nhập."),
    "symbol_unstroked": ("The document symbol '{symbol}' has {kind} where {right} is usual; it is kept as typed.",
                         "Số, ký hiệu '{symbol}' ghi {kind}, thường là {right}; vẫn giữ nguyên như đã nhập."),
    "import_1970": ("Row {row}: deadline 01/01/1970 read as no deadline.",
                    "Dòng {row}: hạn 01/01/1970 được hiểu là không có hạn."),
    "import_column_ignored": ("Column '{column}' is not a task field; it was ignored.",
                              "Cột '{column}' không phải trường của nhiệm vụ; đã bỏ qua."),
    "import_ok": ("Imported {imported} of {rows} {rows:row|rows} from {path} ({skipped} already in the register, {created} {created:agency|agencies} created).",
                  "Đã nhập {imported}/{rows} dòng từ {path} ({skipped} dòng đã có trong sổ, tạo mới {created} đơn vị)."),
    "import_dry": ("Dry run: {imported} of {rows} {rows:row|rows} from {path} would be imported ({skipped} already in the register, {created} {created:agency|agencies} would be created); nothing was written.",
                   "Chạy thử: sẽ nhập {imported}/{rows} dòng từ {path} ({skipped} dòng đã có, tạo mới {created} đơn vị); chưa ghi gì."),
    "export_ok": ("Exported {n} {n:task|tasks} to {path}.", "Đã xuất {n} nhiệm vụ ra {path}."),
    "export_xlsx_needs_file": ("An .xlsx export needs -o FILE.", "Xuất .xlsx cần -o TỆP."),
    "sheet_tasks": ("Tasks", "Nhiệm vụ"),
    "sheet_report": ("By agency", "Theo đơn vị"),
    # -- demo --------------------------------------------------------------------------------
    "demo_refuse": ("{path} exists and is not a demo register; give another path with --db.",
                    "{path} đã có và không phải sổ mẫu; hãy chọn đường dẫn khác bằng --db."),
    "demo_built": ("Built the demo register {path}: {agencies} agencies, {tasks} tasks of 2021.",
                   "Đã tạo sổ mẫu {path}: {agencies} đơn vị, {tasks} nhiệm vụ năm 2021."),
    "demo_next": ("Try next:", "Thử tiếp:"),
    # -- states ---------------------------------------------------------------------------
    "s_on_time": ("completed on time", "hoàn thành đúng hạn"),
    "s_late": ("completed late", "hoàn thành quá hạn"),
    "s_overdue": ("open, past deadline", "chưa hoàn thành quá hạn"),
    "s_in_progress": ("open, within deadline", "chưa hoàn thành còn trong hạn"),
    "s_cancelled": ("cancelled", "dừng thực hiện"),
    "ss_on_time": ("on time", "HT đúng hạn"),
    "ss_late": ("late", "HT quá hạn"),
    "ss_overdue": ("overdue", "Chưa HT quá hạn"),
    "ss_in_progress": ("in progress", "Chưa HT trong hạn"),
    "ss_cancelled": ("cancelled", "Dừng"),
}


class _Formatter(string.Formatter):
    """str.format, plus English plurals: `{n} {n:task|tasks}` gives "1 task", "2 tasks"."""

    def format_field(self, value, format_spec):
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if str(value) == "1" else other
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def t(lang: str, key: str, **values) -> str:
    text = MESSAGES[key][1 if lang == "vi" else 0]
    return _FORMATTER.vformat(text, (), values) if values else text


def env_lang() -> str | None:
    """TASKREG_LANG, or nothing."""
    value = os.environ.get("TASKREG_LANG", "").strip().lower()
    return value if value in LANGS else None


def locale_lang() -> str:
    """The locale as the environment gives it (vi_* gives vi), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def resolve(option: str | None, register_lang: str | None) -> str:
    """--lang, else TASKREG_LANG, else the register's `config lang`, else the locale."""
    return option or env_lang() or (register_lang if register_lang in LANGS else None) \
        or locale_lang()


# -- numbers, dates, periods ---------------------------------------------------------------

def num(lang: str, n: int) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def pct(lang: str, value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:.2f}%"
    return text.replace(".", ",") if lang == "vi" else text


def day(lang: str, d: date | None) -> str:
    """A date: ISO in English; 04/3/2022, 05/02/2021 in Vietnamese administrative style."""
    if d is None:
        return "—"
    if lang == "vi":
        month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
        return f"{d.day:02d}/{month}/{d.year}"
    return d.isoformat()


def state(lang: str, key: str, short: bool = False) -> str:
    return t(lang, ("ss_" if short else "s_") + key)
