"""Reports, the weekly digest, the demo, and the names of the four states.

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- periods -----------------------------------------------------------------------------
    "p_quarter": ("Q{n} {year}", "quý {roman}/{year}"),
    "p_month": ("{month_name} {year}", "tháng {n}/{year}"),
    "p_year": ("{year}", "năm {year}"),
    "p_range": ("{start} to {end}", "từ ngày {start} đến ngày {end}"),
    # -- reports -----------------------------------------------------------------------------
    "r_assigned_all": (
        "In {period}, {org} assigned {total} {total:task|tasks} to departments, boards, sectors and localities.",
        "{Period}, {org} đã giao {total} nhiệm vụ cho các sở, ban, ngành, địa phương thực hiện.",
    ),
    "r_assigned_all_starred": (
        "In {period}, {org} assigned {total} key {total:task|tasks} to departments, boards, sectors and localities.",
        "{Period}, {org} đã giao {total} nhiệm vụ trọng tâm cho các sở, ban, ngành, địa phương thực hiện.",
    ),
    "r_assigned_one_starred": (
        "In {period}, {org} assigned {total} key {total:task|tasks} to {agency}.",
        "{Period}, {org} đã giao {total} nhiệm vụ trọng tâm cho {agency} thực hiện.",
    ),
    "r_assigned_one": (
        "In {period}, {org} assigned {total} {total:task|tasks} to {agency}.",
        "{Period}, {org} đã giao {total} nhiệm vụ cho {agency} thực hiện.",
    ),
    "r_states": (
        "As of {day}: {on_time} completed on time, {late} completed late, {overdue} open past their deadline, {in_progress} open within their deadline.",
        "Đến ngày {day} có: {on_time} nhiệm vụ hoàn thành đúng hạn, {late} nhiệm vụ hoàn thành quá hạn, {overdue} nhiệm vụ chưa hoàn thành quá hạn, {in_progress} nhiệm vụ chưa hoàn thành còn trong hạn.",
    ),
    "r_rates": (
        "Completion rate: {completion} ({basis}); on-time rate: {on_time} (of tasks completed).",
        "Tỷ lệ hoàn thành: {completion} ({basis}); tỷ lệ hoàn thành đúng hạn: {on_time} (trên số nhiệm vụ đã hoàn thành).",
    ),
    "r_updated": (
        "Update rate: {rate} ({updated} of the {must} {must:task|tasks} due for a progress report had one in the last {window} days).",
        "Tỷ lệ cập nhật tình hình: {rate} ({updated} trong số {must} nhiệm vụ phải cập nhật đã được cập nhật trong {window} ngày qua).",
    ),
    "r_updated_none": (
        "Update rate: — (no task was due for a progress report in the last {window} days).",
        "Tỷ lệ cập nhật tình hình: — (không có nhiệm vụ nào phải cập nhật trong {window} ngày qua).",
    ),
    "r_awaiting": (
        "Of the {completed} completed tasks, {n} {n:awaits|await} the office's confirmation.",
        "Tổng số {completed} nhiệm vụ đã hoàn thành, trong đó {n} nhiệm vụ chờ xác nhận.",
    ),
    "basis_due": ("of tasks due: completed + open past deadline", "trên số nhiệm vụ đến hạn"),
    "basis_assigned": ("of all tasks assigned", "trên tổng số nhiệm vụ được giao"),
    "basis_due_short": ("due", "đến hạn"),
    "basis_assigned_short": ("assigned", "được giao"),
    "r_extra": (
        "Not counted above: {cancelled} cancelled. Counted above with no deadline (ongoing): {no_deadline}.",
        "Không tính ở trên: {cancelled} nhiệm vụ dừng thực hiện. Trong số trên có {no_deadline} nhiệm vụ không có hạn (thường xuyên).",
    ),
    "r_later_none": (
        "No task of these was corrected or entered after {day}.",
        "Không có nhiệm vụ nào trong số này được đính chính hoặc nhập sau ngày {day}.",
    ),
    "r_later": (
        "After {day}, {corrected} {corrected:task|tasks} of this report {corrected:was|were} corrected and {entered} {entered:was|were} entered late, so it can differ from one run on that day (`taskreg history --since` shows the changes).",
        "Sau ngày {day}, {corrected} nhiệm vụ của báo cáo này được đính chính và {entered} nhiệm vụ được nhập muộn, nên báo cáo có thể khác báo cáo lập vào ngày đó (xem `taskreg history --since`).",
    ),
    "r_check_failed": (
        "Warning: the four counts ({total}) do not add up to the tasks assigned less the cancelled ones ({expected}); run `taskreg check`.",
        "Cảnh báo: tổng bốn nhóm ({total}) không khớp với số nhiệm vụ được giao trừ số dừng thực hiện ({expected}); hãy chạy `taskreg check`.",
    ),
    "r_empty": (
        "No tasks were assigned in {period} up to {day}.",
        "Không có nhiệm vụ nào được giao trong {period} tính đến ngày {day}.",
    ),
    "r_empty_starred": (
        "No key tasks were assigned in {period} up to {day}.",
        "Không có nhiệm vụ trọng tâm nào được giao trong {period} tính đến ngày {day}.",
    ),
    "t_agency": ("Agency", "Đơn vị"),
    "t_total": ("Total", "Tổng"),
    "t_on_time": ("On time", "HT đúng hạn"),
    "t_late": ("Late", "HT quá hạn"),
    "t_in_progress": ("In progress", "Chưa HT trong hạn"),
    "t_overdue": ("Overdue", "Chưa HT quá hạn"),
    "t_no_deadline": ("No deadline", "Không hạn"),
    "t_completion": ("Done % ({basis})", "Tỷ lệ HT ({basis})"),
    "t_on_time_rate": ("On time %", "Tỷ lệ đúng hạn"),
    "t_update_rate": ("Updated %", "Tỷ lệ cập nhật"),
    "t_oldest": ("Oldest overdue (days)", "Quá hạn lâu nhất (ngày)"),
    "t_states": ("States", "Tình trạng"),
    "t_all": ("All agencies", "Tổng cộng"),
    "t_title": ("{period}, as of {day}", "{Period}, đến ngày {day}"),
    # -- report --by source|assigned-by (docs/reports.md) ------------------------------------
    "t_source": ("Source document", "Văn bản giao"),
    "t_assigned_by": ("Assigned by", "Người giao"),
    "t_all_rows": ("Total", "Tổng cộng"),
    "t_source_year": ("{symbol} ({year})", "{symbol} (năm {year})"),
    "t_no_source": ("(no source document)", "(không có văn bản)"),
    "t_no_assigned_by": ("(no leader recorded)", "(không ghi người giao)"),
    "r_live_source": (
        "These figures by source document are live: the figures published for this period are by agency (`taskreg report --by agency`).",
        "Số liệu theo văn bản giao là số liệu hiện tại: số liệu đã công bố của kỳ này là theo đơn vị (`taskreg report --by agency`).",
    ),
    "r_live_assigned_by": (
        "These figures by leader are live: the figures published for this period are by agency (`taskreg report --by agency`).",
        "Số liệu theo người giao là số liệu hiện tại: số liệu đã công bố của kỳ này là theo đơn vị (`taskreg report --by agency`).",
    ),
    "t_title_starred": ("Key tasks, {period}, as of {day}", "Nhiệm vụ trọng tâm {period}, đến ngày {day}"),
    # -- weekly ------------------------------------------------------------------------------
    "w_heading": ("{org}: weekly summary, {start} to {end}", "{org}: tổng hợp tuần từ {start} đến {end}"),
    "w_quarter": ("This quarter", "Quý này"),
    "w_assigned": ("Assigned in these 7 days: {n}", "Giao trong 7 ngày qua: {n}"),
    "w_completed": ("Completed in these 7 days: {n}", "Hoàn thành trong 7 ngày qua: {n}"),
    "w_overdue": ("Open past their deadline: {n}", "Chưa hoàn thành quá hạn: {n}"),
    "w_due_soon": (
        "Due from {start} to {end}, still within the deadline: {n}",
        "Đến hạn từ {start} đến {end}, còn trong hạn: {n}",
    ),
    "w_due_today": ("due today", "đến hạn hôm nay"),
    "w_none": ("None.", "Không có."),
    "w_days_over": ("{n} {n:day|days} overdue", "quá hạn {n} ngày"),
    "w_due": ("due {day}", "hạn {day}"),
    "w_done": ("done {day}", "xong {day}"),
    # `taskreg remind` (docs/commands.md "remind"): one agency's reminder, and its mail's subject.
    "rm_heading": (
        "{org}: reminder to {agency} of its tasks, {day}",
        "{org}: đôn đốc {agency} thực hiện nhiệm vụ, ngày {day}",
    ),
    "rm_overdue": ("Open past their deadline: {n}", "Nhiệm vụ chưa hoàn thành đã quá hạn: {n}"),
    "rm_due_soon": ("Due soon: {n}", "Nhiệm vụ sắp đến hạn: {n}"),
    "rm_left": ("{n} {n:day|days} left", "còn {n} ngày"),
    "rm_closing": (
        "{agency} is asked to complete these tasks and report the results.",
        "Đề nghị {agency} khẩn trương thực hiện và báo cáo kết quả các nhiệm vụ trên.",
    ),
    "remind_nothing": ("Nothing to remind as of {day}.", "Không có nhiệm vụ nào cần đôn đốc tính đến ngày {day}."),
    "remind_send_today": (
        "--send mails what is true today ({today}), not as of {day}: leave out --as-of.",
        "--send chỉ gửi tình hình hôm nay ({today}), không gửi tính đến ngày {day}: hãy bỏ --as-of.",
    ),
    "remind_no_sender": (
        "Reminders cannot be sent without a sender: set one with `taskreg config set smtp-from ADDRESS`.",
        "Chưa thể gửi thư đôn đốc vì chưa có địa chỉ gửi: đặt bằng `taskreg config set smtp-from ĐỊA-CHỈ`.",
    ),
    "remind_no_address": (
        "{agency} has no mail address, so its reminder was not sent: add one with `taskreg agency edit {code} --email ADDRESS`.",
        "{agency} chưa có địa chỉ thư điện tử nên chưa gửi được thư đôn đốc: thêm bằng `taskreg agency edit {code} --email ĐỊA-CHỈ`.",
    ),
    "remind_refused": (
        "The mail server refused {address}, an address of {agency}: {reason}.",
        "Máy chủ thư từ chối địa chỉ {address} của {agency}: {reason}.",
    ),
    "remind_not_sent": (
        "The reminder to {agency} was not sent, and nothing was recorded: {reason}.",
        "Chưa gửi được thư đôn đốc {agency}, không ghi nhận gì: {reason}.",
    ),
    "remind_none_accepted": (
        "The reminder to {agency} was not sent, and nothing was recorded: the mail server refused every address.",
        "Chưa gửi được thư đôn đốc {agency}, không ghi nhận gì: máy chủ thư từ chối mọi địa chỉ.",
    ),
    "remind_sent": (
        "Reminded {agency} of {n} {n:task|tasks}: sent to {to}.",
        "Đã gửi thư đôn đốc {agency} về {n} nhiệm vụ đến {to}.",
    ),
    "mail_no_tls_login": (
        "the server offers no STARTTLS, and the login of ~/.netrc is never sent without TLS",
        "máy chủ không hỗ trợ STARTTLS, mà tài khoản trong ~/.netrc không bao giờ được gửi khi chưa mã hoá TLS",
    ),
    "mail_netrc_bad": ("~/.netrc cannot be read ({reason})", "không đọc được ~/.netrc ({reason})"),
    "rm_subject": (
        "Reminder of assigned tasks – {agency} – {day}",
        "Đôn đốc thực hiện nhiệm vụ – {agency} – {day}",
    ),
    # -- demo --------------------------------------------------------------------------------
    "demo_refuse": (
        "{path} exists and is not a demo register; give another path with --db.",
        "{path} đã tồn tại và không phải sổ mẫu; hãy chọn đường dẫn khác bằng --db.",
    ),
    "demo_built": (
        "Built the demo register {path}: {agencies} agencies, {tasks} tasks of 2021.",
        "Đã tạo sổ mẫu {path}: {agencies} đơn vị, {tasks} nhiệm vụ năm 2021.",
    ),
    "demo_next": ("Try next:", "Thử tiếp:"),
    # -- states ------------------------------------------------------------------------------
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
