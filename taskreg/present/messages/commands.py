"""Each command's help: its description and its own options and arguments, by area of the
program (the words every command shares, placeholders and usage errors are help.py's).

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
    # -- figures --------------------------------------------------------------------------------
    "cmd:taskreg report": (
        "Count the tasks assigned in a period by their state (default: this quarter).",
        "Đếm các nhiệm vụ giao trong một kỳ theo tình trạng (mặc định: quý này).",
    ),
    "opt:taskreg report --as-of": (
        "Classify as of this day (default: the period's end, or today while it runs).",
        "Xét tình trạng đến ngày này (mặc định: ngày cuối kỳ, hoặc hôm nay nếu kỳ chưa hết).",
    ),
    "opt:taskreg report --starred": (
        "Count only the key tasks (starred); the heading and sentences say so.",
        "Chỉ tính các nhiệm vụ trọng tâm (gắn sao); tiêu đề và lời văn báo cáo nói rõ điều này.",
    ),
    "opt:taskreg report --agency": ("Only tasks led by this agency.", "Chỉ các nhiệm vụ do đơn vị này chủ trì."),
    "opt:taskreg report --by": (
        "One row per lead agency, assigning document (`source`) or directing leader (`assigned-by`), worst first.",
        "Mỗi dòng một đơn vị chủ trì (`đơn vị`, `agency`), văn bản giao (`văn bản`, `source`) hoặc người giao (`người giao`, `assigned-by`), kết quả kém nhất lên trước.",
    ),
    "opt:taskreg report --format": (
        "What to print; docx writes the report as a document (with -o).",
        "Định dạng in ra; docx ghi báo cáo thành văn bản (cùng -o).",
    ),
    "opt:taskreg report --output": ("The file to write (docx: required).", "Tệp để ghi (bắt buộc với docx)."),
    "opt:taskreg report --symbol": (
        "docx: the report's number, e.g. 45/BC-UBND (default: the publication's).",
        "docx: số ký hiệu của báo cáo, ví dụ 45/BC-UBND (mặc định: số của lần công bố).",
    ),
    "opt:taskreg report --date": (
        "docx: the report's date (default: the publication's, else today).",
        "docx: ngày của báo cáo (mặc định: ngày công bố, nếu không có thì hôm nay).",
    ),
    "cmd:taskreg weekly": (
        "Print the weekly plain-text summary for cron to mail.",
        "In bản tóm tắt hằng tuần dạng văn bản thuần, để cron gửi thư.",
    ),
    "opt:taskreg weekly --as-of": (
        "The last day of the week (default today).",
        "Ngày cuối của tuần (mặc định hôm nay).",
    ),
    "opt:taskreg weekly --agency": ("One agency's digest.", "Bản tóm tắt của một đơn vị."),
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
    # -- files ----------------------------------------------------------------------------------
    "cmd:taskreg import": (
        "Import tasks from a file, every row or none.",
        "Nhập nhiệm vụ từ một tệp, tất cả các dòng hoặc không dòng nào.",
    ),
    "arg:taskreg import file": ("A .csv, .xlsx or .json file.", "Một tệp .csv, .xlsx hoặc .json."),
    "opt:taskreg import --format": (
        "The file's format (default: by its extension).",
        "Định dạng của tệp (mặc định: theo đuôi tên tệp).",
    ),
    "opt:taskreg import --dry-run": ("Check every row; write nothing.", "Kiểm tra mọi dòng; không ghi gì."),
    "opt:taskreg import --create-agencies": (
        "Register the agencies the file names that the register lacks.",
        "Đăng ký các đơn vị có trong tệp mà sổ chưa có.",
    ),
    "opt:taskreg import --map-agency": (
        "Read the file's agency OLD as NEW (OLD=NEW; repeatable): registers of merged agencies or provinces into one.",
        "Đọc đơn vị CŨ trong tệp thành đơn vị MỚI (CŨ=MỚI; dùng được nhiều lần): gộp sổ của các đơn vị hoặc tỉnh đã sáp nhập.",
    ),
    "cmd:taskreg export": (
        "Export tasks (every state unless filtered), with their state as of a date.",
        "Xuất nhiệm vụ (mọi tình trạng nếu không lọc), kèm tình trạng tính đến một ngày.",
    ),
    "opt:taskreg export --output": (
        "The file to write (csv and json: the standard output if omitted).",
        "Tệp để ghi (csv và json: in ra màn hình nếu bỏ trống).",
    ),
    "opt:taskreg export --by": (
        "The rows of the XLSX report sheet: lead agency (default), assigning document (`source`) or directing leader (`assigned-by`).",
        "Các dòng của trang báo cáo XLSX: đơn vị chủ trì (`đơn vị`, `agency`, mặc định), văn bản giao (`văn bản`, `source`) hoặc người giao (`người giao`, `assigned-by`).",
    ),
    "cmd:taskreg backup": (
        "Copy the register with SQLite's online backup, safe while others write.",
        "Sao lưu sổ bằng cơ chế sao lưu trực tuyến của SQLite, an toàn cả khi người khác đang ghi.",
    ),
    "arg:taskreg backup dest": ("The new file to write the copy to.", "Tệp mới để ghi bản sao."),
    "cmd:taskreg check": (
        "Check the register: integrity, references, every quarter's four states, every publication's digest.",
        "Kiểm tra sổ: tính toàn vẹn, các liên kết, bốn tình trạng của mỗi quý, mã băm của mỗi lần công bố.",
    ),
    # -- PostgreSQL -----------------------------------------------------------------------------
    "cmd:taskreg db": ("The register's schema: db upgrade.", "Cấu trúc của sổ: db upgrade."),
    "cmd:taskreg db upgrade": (
        "Apply the schema migrations this taskreg has (PostgreSQL: as the owner).",
        "Áp dụng các bản nâng cấp cấu trúc mà bản taskreg này có (PostgreSQL: với vai trò chủ sở hữu).",
    ),
    "cmd:taskreg admin": (
        "PostgreSQL: the group roles and who may write what.",
        "PostgreSQL: các nhóm quyền và ai được ghi những gì.",
    ),
    "cmd:taskreg admin init": (
        "Create the group roles taskreg_office, taskreg_liaison and taskreg_reader (idempotent).",
        "Tạo các nhóm quyền taskreg_office, taskreg_liaison và taskreg_reader (chạy lại nhiều lần vẫn vậy).",
    ),
    "cmd:taskreg admin grant": (
        "Let a login write in this register: a liaison its agencies' tasks, the office everything, a reader nothing.",
        "Cho một tài khoản quyền ghi vào sổ này: liaison ghi nhiệm vụ của các đơn vị mình, office ghi mọi thứ,"
        " reader không ghi gì.",
    ),
    "arg:taskreg admin grant login": (
        "A login role made with createuser.",
        "Một tài khoản đăng nhập tạo bằng createuser.",
    ),
    "opt:taskreg admin grant --role": ("What the login may write.", "Tài khoản được ghi những gì."),
    "opt:taskreg admin grant --agency": (
        "A liaison's agency (repeat for several).",
        "Đơn vị của liaison (lặp lại cho nhiều đơn vị).",
    ),
    "cmd:taskreg admin revoke": (
        "Take away what a login may write in this register.",
        "Thu hồi quyền ghi của một tài khoản trong sổ này.",
    ),
    "arg:taskreg admin revoke login": ("The login to take the rights from.", "Tài khoản bị thu hồi quyền."),
    "cmd:taskreg admin users": ("List who may do what in this register.", "Liệt kê ai được làm gì trong sổ này."),
}
