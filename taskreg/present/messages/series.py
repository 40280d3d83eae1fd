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
}
