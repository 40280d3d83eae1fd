"""The help of the commands that make the register and change or read its tasks (init,
config, agency, add, done, update, confirm, edit, list, show…): each one's description and its
own options and arguments (those that count, move and administer the register are
commands_data.py's, recur's series.py's; the words every command shares, placeholders and
usage errors are help.py's).

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages; keys as
help.py describes them (`cmd:PATH`, `opt:PATH --name`, `arg:PATH name`).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- init, config, agency -------------------------------------------------------------------
    "cmd:taskreg init": ("Create the register.", "Tạo sổ đăng ký."),
    "opt:taskreg init --org": (
        'The organisation that assigns the tasks, e.g. "UBND tỉnh Quảng Nam".',
        'Cơ quan giao nhiệm vụ, ví dụ "UBND tỉnh Quảng Nam".',
    ),
    "cmd:taskreg config": (
        "Read and change the register's settings: org, rate-basis, lang, place, recipients, signer-title,"
        " signer-name, issuer, issuer-superior, lock-published, remind-days, remind-within, smtp-host, smtp-port, smtp-from, days-off,"
        " workdays.",
        "Xem và đổi các thiết lập của sổ: org, rate-basis, lang, place, recipients, signer-title,"
        " signer-name, issuer, issuer-superior, lock-published, remind-days, remind-within, smtp-host, smtp-port, smtp-from, days-off,"
        " workdays.",
    ),
    "cmd:taskreg config get": ("Print a setting, or all of them.", "In một thiết lập, hoặc tất cả."),
    "arg:taskreg config get key": (
        "A setting (see `taskreg config --help`); none prints them all.",
        "Một thiết lập (xem `taskreg config --help`); bỏ trống để in tất cả.",
    ),
    "cmd:taskreg config set": ("Change a setting.", "Đổi một thiết lập."),
    "arg:taskreg config set key": (
        "A setting (see `taskreg config --help`).",
        "Một thiết lập (xem `taskreg config --help`).",
    ),
    "arg:taskreg config set value": ("The new value.", "Giá trị mới."),
    "cmd:taskreg agency": (
        "The agency directory: add, list, rename, edit, retire, merge, unmerge.",
        "Danh mục đơn vị: add, list, rename, edit, retire, merge, unmerge.",
    ),
    "cmd:taskreg agency add": ("Register an agency.", "Đăng ký một đơn vị."),
    "arg:taskreg agency add code": ("Short code, e.g. SYT.", "Mã viết tắt, ví dụ SYT."),
    "arg:taskreg agency add name": ('Full name, e.g. "Sở Y tế".', 'Tên đầy đủ, ví dụ "Sở Y tế".'),
    "opt:taskreg agency add --kind": (
        "The kind of agency: sở, ban, ngành, UBND xã …",
        "Loại đơn vị: sở, ban, ngành, UBND xã …",
    ),
    "opt:taskreg agency add --email": (
        "Its mail addresses for `taskreg remind --send`, separated by ;.",
        "Địa chỉ thư điện tử của đơn vị để `taskreg remind --send` gửi, cách nhau bằng dấu ;.",
    ),
    "cmd:taskreg agency list": ("List the agencies.", "Liệt kê các đơn vị."),
    "cmd:taskreg agency edit": (
        "Change an agency's mail addresses (audited).",
        "Sửa địa chỉ thư điện tử của một đơn vị (có ghi lịch sử).",
    ),
    "arg:taskreg agency edit agency": ("The agency's code or name.", "Mã hoặc tên của đơn vị."),
    "opt:taskreg agency add --short": (
        'Its short name, the label of the report chart ("UBND TX Hồng Lĩnh"); else its name.',
        'Tên viết tắt của đơn vị, ghi trên biểu đồ của báo cáo ("UBND TX Hồng Lĩnh"); không có thì ghi tên đầy đủ.',
    ),
    "opt:taskreg agency edit --short": (
        'Its short name, the label of the report chart ("" removes it).',
        'Tên viết tắt, ghi trên biểu đồ của báo cáo ("" để xoá).',
    ),
    "opt:taskreg agency edit --email": (
        'Its mail addresses, separated by ; ("" removes them); they replace the ones it had.',
        'Địa chỉ thư điện tử, cách nhau bằng dấu ; ("" để xoá); thay cho các địa chỉ cũ.',
    ),
    "cmd:taskreg agency rename": (
        "Give an agency a new name; its code and its tasks stay.",
        "Đổi tên một đơn vị; mã và các nhiệm vụ của đơn vị giữ nguyên.",
    ),
    "arg:taskreg agency rename agency": ("The agency's code or current name.", "Mã hoặc tên hiện tại của đơn vị."),
    "arg:taskreg agency rename name": ("Its new full name.", "Tên đầy đủ mới."),
    "opt:taskreg agency rename --distinct": (
        "It stays another agency, though its new name is close to a registered one (audited).",
        "Vẫn là một đơn vị khác, dù tên mới gần giống một đơn vị đã đăng ký (có ghi lịch sử).",
    ),
    "cmd:taskreg agency retire": (
        "Retire a merged or abolished agency; its tasks and reports stay.",
        "Thôi dùng một đơn vị đã sáp nhập hoặc giải thể; các nhiệm vụ và báo cáo của đơn vị giữ nguyên.",
    ),
    "arg:taskreg agency retire agency": ("The agency's code or name.", "Mã hoặc tên của đơn vị."),
    "opt:taskreg agency retire --on": ("From this date (default today).", "Từ ngày này (mặc định hôm nay)."),
    "cmd:taskreg agency merge": (
        "Merge agencies into another from a date: their tasks become its as of that date, unless done or cancelled before it.",
        "Sáp nhập các đơn vị vào một đơn vị khác từ một ngày: từ ngày đó nhiệm vụ của các đơn vị này thuộc đơn vị tiếp nhận, trừ nhiệm vụ đã hoàn thành hoặc huỷ trước ngày đó.",
    ),
    "arg:taskreg agency merge olds": (
        "The merged agencies, by code or name.",
        "Các đơn vị bị sáp nhập, theo mã hoặc tên.",
    ),
    "opt:taskreg agency merge --into": ("The agency they merge into.", "Đơn vị tiếp nhận."),
    "opt:taskreg agency merge --on": (
        "The merger's date (not a day to come).",
        "Ngày sáp nhập có hiệu lực (không phải ngày chưa tới).",
    ),
    "cmd:taskreg agency unmerge": (
        "Undo a mistaken merger: the agency's tasks are its own again (a correction).",
        "Huỷ một việc sáp nhập ghi nhầm: nhiệm vụ của đơn vị trở lại như trước (đính chính).",
    ),
    "arg:taskreg agency unmerge agency": (
        "The merged agency, by code or name.",
        "Đơn vị đã bị sáp nhập, theo mã hoặc tên.",
    ),
    "opt:taskreg agency unmerge --reason": ("Why the merger was a mistake.", "Lý do việc sáp nhập bị ghi nhầm."),
    # -- tasks ----------------------------------------------------------------------------------
    "cmd:taskreg add": ("Record a new task and print its id.", "Ghi một nhiệm vụ mới và in số của nhiệm vụ."),
    "arg:taskreg add title": ("What is to be done (nội dung nhiệm vụ).", "Nội dung nhiệm vụ."),
    "opt:taskreg add --agency": ("The lead agency (chủ trì), by code or name.", "Đơn vị chủ trì, theo mã hoặc tên."),
    "opt:taskreg add --due": (
        "Deadline: a date, or a month or quarter meaning its last day (12/2026, Q2/2026).",
        "Hạn hoàn thành: một ngày, hoặc một tháng hay một quý, tức ngày cuối của tháng hay quý đó (12/2026, Q2/2026).",
    ),
    "opt:taskreg add --format": ("text prints the id, json the record.", "text in số nhiệm vụ, json in cả bản ghi."),
    "cmd:taskreg done": (
        "Mark tasks done (all or none).",
        "Ghi nhận nhiệm vụ đã hoàn thành (tất cả hoặc không nhiệm vụ nào).",
    ),
    "arg:taskreg done ids": ("One or more task ids.", "Một hoặc nhiều số nhiệm vụ."),
    "opt:taskreg done --on": ("The day they were completed (default today).", "Ngày hoàn thành (mặc định hôm nay)."),
    "cmd:taskreg update": (
        "Report an open task's progress (cập nhật tình hình), dated today.",
        "Cập nhật tình hình thực hiện một nhiệm vụ chưa hoàn thành, ghi ngày hôm nay.",
    ),
    "arg:taskreg update task_id": ("The task's id.", "Số nhiệm vụ."),
    "arg:taskreg update text": (
        "What has been done so far, as the lead agency reports it.",
        "Tình hình thực hiện, theo báo cáo của đơn vị chủ trì.",
    ),
    "cmd:taskreg reopen": (
        "Reopen a task that was not really done (a correction).",
        "Mở lại một nhiệm vụ thực ra chưa hoàn thành (đính chính).",
    ),
    "cmd:taskreg extend": ("Extend an open task's deadline (gia hạn).", "Gia hạn một nhiệm vụ chưa hoàn thành."),
    "cmd:taskreg confirm": (
        "The office confirms completions that await its confirmation (all or none).",
        "Văn phòng xác nhận kết quả hoàn thành đang chờ xác nhận (tất cả hoặc không nhiệm vụ nào).",
    ),
    "arg:taskreg confirm ids": ("One or more task ids.", "Một hoặc nhiều số nhiệm vụ."),
    "cmd:taskreg return": (
        "The office returns a completion awaiting confirmation (trả lại): the task is open again (a correction).",
        "Văn phòng trả lại kết quả hoàn thành đang chờ xác nhận: nhiệm vụ được mở lại (đính chính).",
    ),
    "opt:taskreg extend --due": ("The new, later deadline.", "Hạn mới, muộn hơn hạn cũ."),
    "opt:taskreg extend --on": (
        "When the extension was decided (default today); on or before the old deadline.",
        "Ngày quyết định gia hạn (mặc định hôm nay); không muộn hơn hạn cũ.",
    ),
    "cmd:taskreg cancel": (
        "Cancel a task (dừng thực hiện); it leaves the four counts from that date.",
        "Dừng thực hiện một nhiệm vụ; từ ngày đó nhiệm vụ không còn được tính vào bốn chỉ tiêu.",
    ),
    "opt:taskreg cancel --on": ("The day it was cancelled (default today).", "Ngày dừng thực hiện (mặc định hôm nay)."),
    "cmd:taskreg edit": (
        "Correct a task's record (audited; not an extension).",
        "Sửa thông tin của một nhiệm vụ (có ghi lịch sử; không phải gia hạn).",
    ),
    "opt:taskreg edit --title": ("A corrected title.", "Nội dung đã sửa."),
    "opt:taskreg edit --agency": ("A new lead agency.", "Đơn vị chủ trì mới."),
    "opt:taskreg edit --co": (
        "Replaces the coordinating agencies; repeat for each; `--co none` clears them.",
        "Thay danh sách đơn vị phối hợp; lặp lại cho mỗi đơn vị; `--co none` để xoá hết.",
    ),
    "opt:taskreg edit --assigned": ("A corrected assignment date.", "Ngày giao đã sửa."),
    "opt:taskreg edit --due": (
        "A corrected deadline, or `none`; needs --reason.",
        "Hạn hoàn thành đã sửa, hoặc `none`; cần --reason.",
    ),
    "opt:taskreg edit --reason": ("Why (required with --due).", "Lý do (bắt buộc khi có --due)."),
    "opt:taskreg edit --source": ("A corrected source document symbol.", "Số ký hiệu văn bản giao đã sửa."),
    "opt:taskreg edit --source-date": ("A corrected source document date.", "Ngày của văn bản giao đã sửa."),
    "opt:taskreg edit --assigned-by": ("A corrected name of who assigned it.", "Người giao đã sửa."),
    "opt:taskreg edit --note": ("A new note.", "Ghi chú mới."),
    "opt:taskreg edit --star": (
        "Mark it a key task (nhiệm vụ trọng tâm); --no-star unmarks it.",
        "Gắn sao: đánh dấu là nhiệm vụ trọng tâm; --no-star bỏ gắn sao.",
    ),
    "opt:taskreg edit --result": (
        "A corrected result (of a task that is done).",
        "Kết quả đã sửa (của nhiệm vụ đã hoàn thành).",
    ),
    "opt:taskreg edit --done": (
        "A corrected completion date (of a task that is done).",
        "Ngày hoàn thành đã sửa (của nhiệm vụ đã hoàn thành).",
    ),
    # -- reading tasks --------------------------------------------------------------------------
    "cmd:taskreg list": (
        "List tasks; open ones by default.",
        "Liệt kê nhiệm vụ; mặc định là các nhiệm vụ chưa hoàn thành.",
    ),
    "cmd:taskreg show": (
        "Show a task, its state and its whole history.",
        "Xem một nhiệm vụ, tình trạng và toàn bộ lịch sử của nhiệm vụ.",
    ),
    "cmd:taskreg history": ("Print the audit log of changes.", "In nhật ký các thay đổi."),
    "opt:taskreg history --task": ("Only this task's events.", "Chỉ các sự kiện của nhiệm vụ này."),
    "opt:taskreg history --since": ("Events on or after this date.", "Các sự kiện từ ngày này trở đi."),
    "opt:taskreg history --actor": ("Only this user's events.", "Chỉ các sự kiện của người dùng này."),
}
