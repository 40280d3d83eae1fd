"""Recording tasks, the dates people type, and what `show` and `history` print.

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- dates and periods -------------------------------------------------------------------
    "date_unreadable": (
        "'{text}' is not a date taskreg reads: write it day first, like 31/3/2021, 2021-03-31, today or +7d.",
        "'{text}' không phải ngày hợp lệ: ghi ngày trước, tháng sau, ví dụ 31/3/2021, hôm nay, hôm qua hoặc +7d (7 ngày nữa).",
    ),
    "workdays_too_many": (
        "'{text}' counts too many working days: at most +{max}wd.",
        "'{text}' đếm quá nhiều ngày làm việc: tối đa +{max}wd.",
    ),
    "date_impossible": (
        "'{text}' is not a real calendar date.",
        "'{text}' không phải ngày có thật.",
    ),
    "date_day_first": (
        "'{text}' is not a real date: the day comes first, then the month, like {example}.",
        "'{text}' không phải ngày có thật: ghi ngày trước, tháng sau, ví dụ {example}.",
    ),
    "date_out_of_range": (
        "'{text}' is outside the years a register holds ({first}–{last}).",
        "'{text}' nằm ngoài các năm sổ đăng ký lưu được (từ {first} đến {last}).",
    ),
    "number_too_large": ("{what} {value} is too large.", "{what} {value} quá lớn."),
    "export_cannot_write": ("Cannot write {path}: {reason}.", "Không ghi được {path}: {reason}."),
    "agency_near": (
        "'{text}' is not a registered agency but is close to {names}: use its code, or register the new one first with `taskreg agency add`.",
        "Đơn vị '{text}' chưa có trong sổ nhưng gần giống {names}: hãy dùng mã của đơn vị đó, hoặc đăng ký đơn vị mới trước bằng `taskreg agency add`.",
    ),
    "today_unreadable": (
        "TASKREG_TODAY={text} is not a YYYY-MM-DD date in the years {first}–{last}.",
        "TASKREG_TODAY={text} không phải ngày dạng YYYY-MM-DD trong các năm từ {first} đến {last}.",
    ),
    "no_such_file": (
        "no such file",
        "tệp không tồn tại",
    ),
    "not_a_task_list": ("it holds no list of tasks", "tệp không chứa danh sách nhiệm vụ"),
    "month_impossible": ("'{text}' is not a real month.", "'{text}' không phải tháng có thật."),
    "quarter_unreadable": (
        "'{text}' is not a quarter: write it like 2021Q1, Q1/2021 or I/2021.",
        "'{text}' không phải quý hợp lệ: ghi theo dạng I/2021, Q1/2021 hoặc 2021Q1.",
    ),
    "month_unreadable": (
        "'{text}' is not a month: write it like 2021-03 or 3/2021.",
        "'{text}' không phải tháng hợp lệ: ghi theo dạng 3/2021 hoặc 2021-03.",
    ),
    "year_unreadable": (
        "'{text}' is not a year: write it like 2021.",
        "'{text}' không phải năm hợp lệ: ghi theo dạng 2021.",
    ),
    "period_conflict": (
        "Give one period only: --quarter, --month, --year or --from/--to.",
        "Chỉ được chọn một kỳ: --quarter, --month, --year hoặc --from/--to.",
    ),
    "period_from_to": (
        "--from and --to go together: give both.",
        "--from và --to phải dùng cùng nhau: hãy ghi cả hai.",
    ),
    "period_backwards": (
        "The period ends ({end}) before it starts ({start}).",
        "Ngày kết thúc kỳ ({end}) sớm hơn ngày bắt đầu ({start}).",
    ),
    # -- tasks -------------------------------------------------------------------------------
    "task_missing": ("There is no task {id}.", "Không có nhiệm vụ số {id}."),
    "title_empty": (
        "A task needs a title: what is to be done.",
        "Nhiệm vụ phải có nội dung: việc cần làm.",
    ),
    "already_done": (
        "Task {id} is already done (on {on}); `taskreg reopen {id}` first if it was not.",
        "Nhiệm vụ số {id} đã hoàn thành ngày {on}; nếu thực tế chưa xong, hãy mở lại trước bằng `taskreg reopen {id}`.",
    ),
    "progress_empty": (
        "A progress report needs its text: what has been done so far.",
        "Báo cáo tình hình cần có nội dung: đã thực hiện được những gì.",
    ),
    "update_done": (
        "Task {id} is already done (on {on}): progress is reported on open tasks only.",
        "Nhiệm vụ số {id} đã hoàn thành ngày {on}: chỉ cập nhật tình hình nhiệm vụ chưa hoàn thành.",
    ),
    "update_cancelled": (
        "Task {id} was cancelled on {on}: progress is reported on open tasks only.",
        "Nhiệm vụ số {id} đã dừng thực hiện từ ngày {on}: chỉ cập nhật tình hình nhiệm vụ chưa hoàn thành.",
    ),
    "update_ok": (
        "Recorded the progress of task {id} on {on}.",
        "Đã cập nhật tình hình nhiệm vụ số {id} ngày {on}.",
    ),
    "is_cancelled": (
        "Task {id} was cancelled on {on}.",
        "Nhiệm vụ số {id} đã dừng thực hiện từ ngày {on}.",
    ),
    "not_done": (
        "Task {id} is not done, so there is nothing to reopen.",
        "Nhiệm vụ số {id} chưa hoàn thành nên không có gì để mở lại.",
    ),
    "future_date": (
        "{what} {on} is in the future.",
        "{what} {on} là ngày sau hôm nay, chưa thể ghi nhận.",
    ),
    "before_assigned": (
        "{what} {on} is before the task was assigned ({assigned}).",
        "{what} {on} sớm hơn ngày giao nhiệm vụ ({assigned}).",
    ),
    "what_done": ("The completion date", "Ngày hoàn thành"),
    "what_cancel": ("The cancellation date", "Ngày dừng thực hiện"),
    "what_due": ("The deadline", "Hạn hoàn thành"),
    "what_decided": ("The extension's decision date", "Ngày quyết định gia hạn"),
    "what_source_date": ("The source document's date", "Ngày văn bản giao"),
    "assigned_after": (
        "The assignment date {on} is after {what} {other}.",
        "Ngày giao {on} muộn hơn {what} ({other}).",
    ),
    "what_due_lc": ("the deadline", "hạn hoàn thành"),
    "what_done_lc": ("the completion date", "ngày hoàn thành"),
    "what_cancel_lc": ("the cancellation date", "ngày dừng thực hiện"),
    "done_none_recorded": (
        "{reason} So nothing was recorded: {n:task|tasks} {others} {n:is|are} not marked done either.",
        "{reason} Vì vậy chưa ghi nhận gì: nhiệm vụ số {others} cũng chưa được ghi là hoàn thành.",
    ),
    "extend_not_open": (
        "Task {id} is not open, so its deadline cannot be extended.",
        "Nhiệm vụ số {id} đã hoàn thành hoặc đã dừng thực hiện nên không thể gia hạn.",
    ),
    "extend_no_deadline": (
        "Task {id} has no deadline to extend; give it one with `taskreg edit {id} --due D --reason T`.",
        'Nhiệm vụ số {id} không có hạn hoàn thành (thường xuyên) nên không gia hạn được; muốn đặt hạn, dùng `taskreg edit {id} --due NGÀY --reason "LÝ DO"`.',
    ),
    "extend_too_late": (
        "An extension decided on {on} comes after the deadline it would replace ({due}), and a late extension does not make an overdue task on time: if it was decided in time, give that day with --on; otherwise the task stays overdue until `taskreg done {id}`, and a deadline typed wrong is corrected with `taskreg edit {id} --due D --reason T`.",
        'Quyết định gia hạn ngày {on} muộn hơn hạn cũ ({due}), mà gia hạn muộn không làm nhiệm vụ đã quá hạn thành đúng hạn: nếu việc gia hạn đã được quyết định trước hạn, hãy ghi ngày quyết định bằng --on; nếu không, nhiệm vụ vẫn quá hạn cho đến khi `taskreg done {id}`; còn nếu hạn bị ghi nhầm, hãy sửa bằng `taskreg edit {id} --due NGÀY --reason "LÝ DO"`.',
    ),
    "assigned_future": (
        "The assignment date {on} is after today: a task cannot have been assigned yet on a day still to come.",
        "Ngày giao {on} là ngày sau hôm nay: không thể giao nhiệm vụ vào một ngày chưa tới.",
    ),
    "extend_not_later": (
        "The new deadline {new} is not later than the current one ({due}); to correct a mistyped deadline use `taskreg edit {id} --due D --reason T`.",
        'Hạn mới {new} không muộn hơn hạn hiện tại ({due}); nếu hạn bị ghi nhầm, hãy sửa bằng `taskreg edit {id} --due NGÀY --reason "LÝ DO"`.',
    ),
    "reason_needed": (
        '{what} needs a reason: give --reason "…".',
        '{what} phải có lý do: thêm --reason "…".',
    ),
    "why_reopen": ("Reopening a task", "Mở lại nhiệm vụ"),
    # -- the office's confirmation of a completion (SPEC §12) ---------------------------------
    "why_return": ("Returning a completion", "Trả lại kết quả hoàn thành"),
    "nothing_awaiting": (
        "Task {id} has no completion awaiting confirmation, so there is nothing to confirm or return.",
        "Nhiệm vụ số {id} không có kết quả hoàn thành nào đang chờ xác nhận, nên không có gì để xác nhận hay trả lại.",
    ),
    "confirm_none_recorded": (
        "{reason} So nothing was recorded: {n:task|tasks} {others} {n:is|are} not confirmed either.",
        "{reason} Vì vậy chưa ghi nhận gì: nhiệm vụ số {others} cũng chưa được xác nhận.",
    ),
    "confirm_ok": (
        "Task {id}: completion confirmed on {on}.",
        "Đã xác nhận hoàn thành nhiệm vụ số {id} ngày {on}.",
    ),
    "return_ok": (
        "Task {id} returned: its completion of {on} is undone and the task is open again.",
        "Đã trả lại nhiệm vụ số {id}: kết quả hoàn thành ngày {on} không được xác nhận, nhiệm vụ được mở lại.",
    ),
    "f_confirmation": ("Confirmation", "Xác nhận"),
    "confirmation_awaiting": (
        "awaiting the office's confirmation (since {day})",
        "đang chờ xác nhận hoàn thành (từ ngày {day})",
    ),
    "confirmation_done": ("completion confirmed on {day}", "đã xác nhận hoàn thành ngày {day}"),
    "f_awaiting_since": ("Awaiting confirmation since", "Chờ xác nhận từ ngày"),
    "f_confirmed_on": ("Confirmed", "Ngày xác nhận"),
    "n_return": ("return", "trả lại"),
    "a_confirm": ("completion confirmed", "xác nhận hoàn thành"),
    "a_return": ("completion returned", "trả lại kết quả hoàn thành"),
    "why_extend": ("Extending a deadline", "Gia hạn"),
    "why_cancel": ("Cancelling a task", "Dừng thực hiện nhiệm vụ"),
    "what_edit_due": ("Changing the deadline", "Sửa hạn hoàn thành"),
    "nothing_to_edit": (
        "Nothing to change: give at least one field to correct.",
        "Không có gì để sửa: hãy ghi ít nhất một thông tin cần sửa, ví dụ --due hoặc --title.",
    ),
    "done_ok": (
        "Task {id} done on {on} ({status}).",
        "Đã ghi nhận nhiệm vụ số {id} hoàn thành ngày {on} ({status}).",
    ),
    "reopen_ok": (
        "Task {id} reopened.",
        "Đã mở lại nhiệm vụ số {id}.",
    ),
    "extend_ok": (
        "Task {id}: deadline {old} → {new}.",
        "Đã gia hạn nhiệm vụ số {id}: hạn cũ {old}, hạn mới {new}.",
    ),
    "cancel_ok": (
        "Task {id} cancelled on {on}.",
        "Đã dừng thực hiện nhiệm vụ số {id} từ ngày {on}.",
    ),
    "edit_ok": (
        "Task {id} corrected: {fields}.",
        "Đã sửa nhiệm vụ số {id}: {fields}.",
    ),
    "edit_same": (
        "Task {id} already has those values; nothing changed.",
        "Nhiệm vụ số {id} đã có đúng các giá trị đó; không thay đổi gì.",
    ),
    "e_title": (
        "title",
        "nội dung",
    ),
    "e_agency": (
        "lead agency",
        "đơn vị chủ trì",
    ),
    "e_co_agencies": (
        "coordinating agencies",
        "đơn vị phối hợp",
    ),
    "e_assigned_on": (
        "assignment date",
        "ngày giao",
    ),
    "e_due_on": (
        "deadline",
        "hạn hoàn thành",
    ),
    "e_done_on": (
        "completion date",
        "ngày hoàn thành",
    ),
    "e_source": (
        "source document",
        "số, ký hiệu văn bản",
    ),
    "e_source_date": (
        "source document's date",
        "ngày văn bản",
    ),
    "e_assigned_by": (
        "assigned by",
        "người giao",
    ),
    "e_note": (
        "note",
        "ghi chú",
    ),
    "e_result": (
        "result",
        "kết quả",
    ),
    "e_starred": (
        "key task (starred)",
        "nhiệm vụ trọng tâm (gắn sao)",
    ),
    # -- show --------------------------------------------------------------------------------
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
    "f_starred": ("Key task", "Nhiệm vụ trọng tâm"),
    "f_source_date": (
        "Source date",
        "Ngày văn bản",
    ),
    "f_cancel_reason": (
        "Reason for cancelling",
        "Lý do dừng thực hiện",
    ),
    "f_distinct": (
        "Distinct agency",
        "Đơn vị riêng biệt",
    ),
    "f_login": (
        "Login",
        "Tài khoản",
    ),
    "f_role": (
        "Role",
        "Vai trò",
    ),
    "f_agencies": (
        "Agencies",
        "Đơn vị",
    ),
    "f_status": ("State", "Tình trạng"),
    "f_uid": ("UID", "UID"),
    "f_id": ("ID", "Số"),
    "f_corrected": ("Corrected", "Đã đính chính"),
    "f_history": ("History", "Lịch sử"),
    "f_updated": ("Updated", "Cập nhật"),
    "f_progress": ("Progress reports", "Tình hình thực hiện"),
    "no_deadline": ("none (ongoing)", "không có (thường xuyên)"),
    "as_of": ("as of {day}", "đến ngày {day}"),
    "of_date": ("of {day}", "ngày {day}"),
    "corrected_yes": (
        "yes, past figures for this task were changed on purpose (see the history)",
        "có, số liệu cũ của nhiệm vụ này đã được điều chỉnh có chủ đích (xem lịch sử)",
    ),
    "h_code": ("Code", "Mã"),
    "h_name": ("Name", "Tên đơn vị"),
    "h_kind": ("Kind", "Loại"),
    "h_retired": ("Retired", "Thôi hoạt động"),
    "yes": (
        "yes",
        "có",
    ),
    "no": (
        "no",
        "không",
    ),
    "h_at": ("When", "Thời điểm"),
    "h_actor": ("Who", "Người thực hiện"),
    "h_action": ("Action", "Thao tác"),
    "h_task": ("Task", "Nhiệm vụ"),
    "h_detail": ("Change", "Nội dung thay đổi"),
    # An event's time: as recorded (ISO) in English, 09:04 ngày 01/12/2026 in Vietnamese.
    "h_moment": (
        "{iso}",
        "{time} ngày {day}",
    ),
    "decided": ("decided {day}", "quyết định ngày {day}"),
    "recorded_claimed": (
        "{what} recorded on {recorded}, {claimed}",
        "{what} ghi vào sổ ngày {recorded}, {claimed}",
    ),
    "claimed_decided": ("decided on {day}", "quyết định ngày {day}"),
    "claimed_done": ("done on {day}", "hoàn thành ngày {day}"),
    "claimed_cancelled": ("cancelled on {day}", "dừng thực hiện ngày {day}"),
    "claimed_changed": ("changing what reports as of {day} on said", "làm thay đổi số liệu báo cáo từ ngày {day}"),
    "n_extend": ("extension", "gia hạn"),
    "n_done": ("completion", "hoàn thành"),
    "n_cancel": ("cancellation", "dừng thực hiện"),
    "n_reopen": ("reopening", "mở lại"),
    "n_edit": ("correction", "đính chính"),
    "mark_correction": ("correction", "đính chính số liệu"),
    "mark_pinned": ("date pinned by TASKREG_TODAY", "ngày do TASKREG_TODAY cố định"),
    "mark_imported": (
        "imported: the file says {at}, {actor}",
        "nhập từ tệp: theo tệp, thực hiện lúc {at}, người thực hiện {actor}",
    ),
    "not_yet_assigned": (
        "Not yet assigned on {day}: assigned on {assigned}.",
        "Đến ngày {day} nhiệm vụ chưa được giao: ngày giao là {assigned}.",
    ),
    "because": ("reason: {reason}", "lý do: {reason}"),
    # actions, as the history shows them
    "a_add": ("added", "thêm mới"),
    "a_done": ("marked done", "hoàn thành"),
    "a_reopen": ("reopened", "mở lại"),
    "a_extend": ("deadline extended", "gia hạn"),
    "a_edit": ("corrected", "đính chính"),
    "a_cancel": ("cancelled", "dừng thực hiện"),
    "a_update": ("progress reported", "cập nhật tình hình"),
    "a_import": ("imported", "nhập dữ liệu"),
    "import_from": (
        "from {file} ({imported} {imported:task|tasks} in that import)",
        "từ {file} ({imported} nhiệm vụ trong lần nhập đó)",
    ),
    "a_agency_add": ("agency registered", "đăng ký đơn vị"),
    "a_agency_rename": ("agency renamed", "đổi tên đơn vị"),
    "a_agency_retire": ("agency retired", "đơn vị thôi hoạt động"),
    "a_agency_merge": ("agencies merged", "sáp nhập đơn vị"),
    "a_agency_unmerge": ("merger undone", "huỷ sáp nhập đơn vị"),
    "merge_what": ("{olds} into {into} from {on}", "{olds} vào {into} từ ngày {on}"),
    "a_agency_edit": ("agency corrected", "sửa thông tin đơn vị"),
    "a_remind": ("reminded on {day}", "đã đôn đốc ngày {day}"),
    "a_admin_grant": ("rights granted", "cấp quyền"),
    "a_admin_revoke": ("rights revoked", "thu hồi quyền"),
    "a_config_set": ("setting changed", "đổi thiết lập"),
    "a_init": ("register created", "tạo sổ"),
    # -- document symbols --------------------------------------------------------------------
    "symbol_shape": (
        "The document symbol '{symbol}' does not read as NUMBER/TYPE-ISSUER (863/KH-UBND) or NUMBER-TYPE/BODY (36-KL/TU); it is kept as typed.",
        "Số, ký hiệu '{symbol}' không theo dạng SỐ/LOẠI-CƠ QUAN (863/KH-UBND) hoặc SỐ-LOẠI/CƠ QUAN (36-KL/TU); vẫn lưu nguyên như đã nhập.",
    ),
    "symbol_unstroked": (
        "The document symbol '{symbol}' has {kind} where {right} is usual; it is kept as typed.",
        "Số, ký hiệu '{symbol}' ghi {kind}, thông thường là {right}; vẫn lưu nguyên như đã nhập.",
    ),
}
