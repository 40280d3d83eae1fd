"""Periodic tasks (docs/commands.md "recur"): what `taskreg recur` says, and its labels.

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "series_missing": (
        "There is no series {id} (see `taskreg recur list`).",
        "Không có nhiệm vụ định kỳ số {id} (xem `taskreg recur list`).",
    ),
    "recur_due_day": (
        "The deadline's day must be 1 to 31 (a day past the month's end is its last day), not {n}.",
        "Ngày của hạn hoàn thành phải từ 1 đến 31 (ngày quá cuối tháng là ngày cuối tháng), không phải {n}.",
    ),
    "recur_nothing_to_edit": (
        "Nothing to change: give --title, --agency, --due-day, --after/--no-after, --co or --star/--no-star.",
        "Không có gì để sửa: hãy cho --title, --agency, --due-day, --after/--no-after, --co hoặc --star/--no-star.",
    ),
    "recur_made": (
        "Created task {id}: {title} (due {due}).",
        "Đã tạo nhiệm vụ số {id}: {title} (hạn {due}).",
    ),
    "recur_locked": (
        "Series {series}: the task of {period} was not created, as it would be counted in published"
        " figures ({publication}){more}; give --amend-published REASON to create it.",
        "Nhiệm vụ định kỳ số {series}: chưa tạo nhiệm vụ {period} vì nhiệm vụ đó sẽ được tính vào số liệu"
        ' đã công bố ({publication}){more}; muốn tạo, hãy thêm --amend-published "LÝ DO".',
    ),
    "recur_failed": (
        "Series {series}: the task of {period} was not created: {reason}",
        "Nhiệm vụ định kỳ số {series}: chưa tạo được nhiệm vụ {period}: {reason}",
    ),
    "recur_edit_ok": (
        "Series {id} changed ({fields}); the tasks it has created keep theirs.",
        "Đã sửa nhiệm vụ định kỳ số {id} ({fields}); các nhiệm vụ đã tạo giữ nguyên.",
    ),
    "recur_edit_same": (
        "Series {id} already has those values; nothing changed.",
        "Nhiệm vụ định kỳ số {id} đã có đúng các giá trị đó; không thay đổi gì.",
    ),
    "recur_stop_ok": (
        "Series {id} stopped: no task for a period starting after {on}; the tasks created stay.",
        "Đã dừng nhiệm vụ định kỳ số {id}: không tạo nhiệm vụ cho kỳ bắt đầu sau ngày {on}; các nhiệm vụ đã tạo giữ nguyên.",
    ),
    "no_series": (
        "No periodic tasks yet (see `taskreg recur add`).",
        "Chưa có nhiệm vụ định kỳ nào (xem `taskreg recur add`).",
    ),
    "recur_no_tasks": ("No task created yet.", "Chưa tạo nhiệm vụ nào."),
    "recur_rule": ("day {day} of the period's last month", "ngày {day} tháng cuối kỳ"),
    "recur_rule_after": ("day {day} of the month after the period", "ngày {day} tháng sau kỳ"),
    "every:month": ("monthly", "hằng tháng"),
    "every:quarter": ("quarterly", "hằng quý"),
    "every:half-year": ("half-yearly", "6 tháng"),
    "every:year": ("yearly", "hằng năm"),
    # `recur list` and `recur show`
    "r_id": ("ID", "Số"),
    "r_title": ("Title", "Nội dung"),
    "r_agency": ("Lead", "Chủ trì"),
    "r_every": ("Every", "Định kỳ"),
    "r_rule": ("Deadline", "Hạn"),
    "r_from": ("From", "Từ ngày"),
    "r_stopped": ("Stopped", "Dừng từ"),
    "r_tasks": ("Tasks", "Số nhiệm vụ"),
    "r_assigned": ("Assigned", "Ngày giao"),
    "r_due": ("Due", "Hạn"),
    "r_status": ("State", "Tình trạng"),
    # a series' fields, as `recur show`, `recur edit` and the history name them
    "s_title": ("Title", "Nội dung"),
    "s_agency": ("Lead agency", "Đơn vị chủ trì"),
    "s_co_agencies": ("Coordinating agencies", "Đơn vị phối hợp"),
    "s_every": ("Every", "Định kỳ"),
    "s_rule": ("Deadline", "Hạn hoàn thành"),
    "s_due_day": ("deadline's day", "ngày của hạn"),
    "s_due_after": ("deadline in the month after", "hạn vào tháng sau kỳ"),
    "s_starred": ("Key task", "Nhiệm vụ trọng tâm"),
    "s_from": ("From", "Từ ngày"),
    "s_stopped": ("Stopped after", "Dừng sau ngày"),
    "s_series": ("Series", "Nhiệm vụ định kỳ số"),
    # the history of a series
    "a_recur_add": ("periodic task added", "thêm nhiệm vụ định kỳ"),
    "a_recur_edit": ("periodic task changed", "sửa nhiệm vụ định kỳ"),
    "a_recur_stop": ("periodic task stopped", "dừng nhiệm vụ định kỳ"),
    "col:series": ("series", "Định kỳ"),
    # a JSON export's series, as an import reads them
    "import_series_bad": (
        "Periodic task {n} of the file cannot be read: {reason}; nothing was imported.",
        "Không đọc được nhiệm vụ định kỳ thứ {n} của tệp: {reason}; chưa nhập gì.",
    ),
    "import_series_field": ("its {field} is missing or malformed", "trường {field} thiếu hoặc sai dạng"),
    "import_series_agency": (
        "its agency {code} is not registered",
        "đơn vị {code} của nó chưa được đăng ký",
    ),
    "import_series_link": (
        "it names series {series}, which the file's series do not hold, or no period",
        "nhiệm vụ định kỳ số {series} không có trong tệp, hoặc thiếu kỳ",
    ),
    # -- recur: periodic tasks (docs/commands.md "recur") ----------------------------------------
    "cmd:taskreg recur": (
        "Periodic tasks (the monthly report due on the 20th …): add, sync, edit, stop, list, show.",
        "Nhiệm vụ định kỳ (báo cáo tháng hạn ngày 20 …): add, sync, edit, stop, list, show.",
    ),
    "cmd:taskreg recur add": (
        "Make a series of periodic tasks and create its tasks of the periods already started"
        " (since --from, default today), never one ahead.",
        "Tạo một nhiệm vụ định kỳ và tạo các nhiệm vụ của những kỳ đã bắt đầu (từ --from, mặc định"
        " hôm nay), không bao giờ tạo trước.",
    ),
    "arg:taskreg recur add title": (
        "The tasks' title; each task's ends with its period (… tháng 3/2026, … quý I/2026).",
        "Nội dung nhiệm vụ; mỗi nhiệm vụ thêm kỳ của nó vào cuối (… tháng 3/2026, … quý I/2026).",
    ),
    "opt:taskreg recur add --every": (
        "One task a month, quarter, half-year or year: `month`, `quarter`, `half-year` or `year`.",
        "Mỗi tháng, quý, 6 tháng hoặc năm một nhiệm vụ: `month`, `quarter`, `half-year` hoặc `year`.",
    ),
    "opt:--due-day": (
        "The deadline: this day (1-31, the month's last day if it is shorter) of the period's last month.",
        "Hạn hoàn thành: ngày này (1-31, tháng ngắn hơn thì ngày cuối tháng) của tháng cuối kỳ.",
    ),
    "opt:--after": (
        "The deadline falls in the month after the period (a monthly report due on the 5th of the next month).",
        "Hạn vào tháng sau kỳ (báo cáo tháng hạn ngày 5 tháng sau).",
    ),
    "opt:taskreg recur add --from": (
        "The first day a task may be assigned on (default today).",
        "Ngày đầu tiên có thể giao nhiệm vụ (mặc định hôm nay).",
    ),
    "cmd:taskreg recur sync": (
        "Create the missing tasks of every series up to today's periods, each in its own transaction"
        " (a daily cron line: 0 6 * * * taskreg recur sync).",
        "Tạo các nhiệm vụ còn thiếu của mọi nhiệm vụ định kỳ đến kỳ hiện tại, mỗi nhiệm vụ một giao dịch"
        " (chạy hằng ngày bằng cron: 0 6 * * * taskreg recur sync).",
    ),
    "cmd:taskreg recur edit": (
        "Change a series for the tasks it has not created yet (audited); created tasks keep theirs.",
        "Sửa nhiệm vụ định kỳ cho các nhiệm vụ chưa tạo (có ghi lịch sử); nhiệm vụ đã tạo giữ nguyên.",
    ),
    "arg:series_id": (
        "The series' number (see `taskreg recur list`).",
        "Số của nhiệm vụ định kỳ (xem `taskreg recur list`).",
    ),
    "opt:taskreg recur edit --title": ("A new title.", "Nội dung mới."),
    "opt:taskreg recur edit --agency": ("A new lead agency, by code or name.", "Đơn vị chủ trì mới, theo mã hoặc tên."),
    "opt:taskreg recur edit --after": (
        "Deadline in the month after the period, or (--no-after) in its last month.",
        "Hạn vào tháng sau kỳ, hoặc (--no-after) vào tháng cuối kỳ.",
    ),
    "opt:taskreg recur edit --co": (
        "The coordinating agencies, replacing its own (repeat; `--co none` removes them).",
        "Các đơn vị phối hợp, thay cho danh sách cũ (lặp lại; `--co none` để xoá).",
    ),
    "opt:taskreg recur edit --star": (
        "Its tasks are key tasks, or (--no-star) not.",
        "Các nhiệm vụ của nó là nhiệm vụ trọng tâm, hoặc (--no-star) không.",
    ),
    "cmd:taskreg recur stop": (
        "Create no task for the periods starting after a date; the tasks created stay.",
        "Không tạo nhiệm vụ cho các kỳ bắt đầu sau một ngày; các nhiệm vụ đã tạo giữ nguyên.",
    ),
    "opt:taskreg recur stop --on": ("The last day (default today).", "Ngày cuối (mặc định hôm nay)."),
    "cmd:taskreg recur list": ("List the series of periodic tasks.", "Liệt kê các nhiệm vụ định kỳ."),
    "cmd:taskreg recur show": (
        "Print a series and the tasks it has created, with their states.",
        "In một nhiệm vụ định kỳ và các nhiệm vụ đã tạo, kèm tình trạng.",
    ),
    "cmd:taskreg remind": (
        "Print each agency's reminder (đôn đốc) of its overdue tasks and those due soon, or mail it with --send.",
        "In thư đôn đốc từng đơn vị về các nhiệm vụ quá hạn và sắp đến hạn, hoặc gửi thư với --send.",
    ),
    "opt:taskreg remind --as-of": (
        "Remind as of this day (default today; --send only today).",
        "Đôn đốc tính đến ngày này (mặc định hôm nay; --send chỉ hôm nay).",
    ),
    "opt:taskreg remind --within": (
        "Due soon: every deadline from the as-of date to this many days after it (default: the setting"
        " remind-days, 7, 3 and 1 days left).",
        "Sắp đến hạn: mọi hạn từ ngày xét đến chừng ấy ngày sau đó (mặc định: thiết lập remind-days,"
        " còn 7, 3 và 1 ngày).",
    ),
    "opt:taskreg remind --agency": (
        "Only this lead agency; repeat for several.",
        "Chỉ đơn vị chủ trì này; lặp lại để chọn nhiều đơn vị.",
    ),
    "opt:taskreg remind --send": (
        "Mail each agency its reminder (settings smtp-host, smtp-port, smtp-from; a login only from ~/.netrc).",
        "Gửi thư đôn đốc đến từng đơn vị (thiết lập smtp-host, smtp-port, smtp-from; tài khoản chỉ lấy từ ~/.netrc).",
    ),
    "cmd:taskreg days-off": (
        "Print a year's days off: the public holidays (Tết by the lunar calendar) and the register's"
        " settings days-off and workdays, which +5wd dates count by.",
        "In các ngày nghỉ trong năm: ngày lễ, Tết (theo âm lịch) và các thiết lập days-off, workdays"
        " của sổ, theo đó các ngày dạng +5wd được tính.",
    ),
    "opt:taskreg days-off --year": ("The year, e.g. 2026 (default this year).", "Năm, ví dụ 2026 (mặc định năm nay)."),
    "cmd:taskreg publish": (
        "Publish a report's figures, so that later changes cannot silently alter them.",
        "Công bố số liệu của một báo cáo, để các thay đổi về sau không âm thầm làm sai lệch số liệu đó.",
    ),
    "opt:taskreg publish --as-of": (
        "As of this day (default: the period's end, or today while it runs).",
        "Tính đến ngày này (mặc định: ngày cuối kỳ, hoặc hôm nay nếu kỳ chưa hết).",
    ),
    "opt:taskreg publish --agency": (
        "One agency's figures (default: all agencies).",
        "Số liệu của một đơn vị (mặc định: mọi đơn vị).",
    ),
    "opt:taskreg publish --symbol": (
        "The report's number, e.g. 45/BC-UBND.",
        "Số ký hiệu của báo cáo, ví dụ 45/BC-UBND.",
    ),
    "opt:taskreg publish --date": ("The report's date (default today).", "Ngày của báo cáo (mặc định hôm nay)."),
    "opt:taskreg publish --reason": ("Why (needed to publish a period again).", "Lý do (cần khi công bố lại một kỳ)."),
    "cmd:taskreg publications": (
        "List the publications, and whether the live figures still agree with each.",
        "Liệt kê các lần công bố, và số liệu hiện tại còn khớp với từng lần hay không.",
    ),
    "cmd:taskreg demo": (
        "Build the demo register of Q1/2021 and print its report.",
        "Tạo sổ mẫu quý I/2021 và in báo cáo của sổ.",
    ),
    "opt:taskreg demo --db": (
        "Where to build it (default ./taskreg-demo.db).",
        "Nơi tạo sổ (mặc định ./taskreg-demo.db).",
    ),
}
