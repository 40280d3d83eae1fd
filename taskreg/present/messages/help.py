"""The command line's own words: every command's description, every option's and argument's
help, the placeholders that say what to type, help's headings, and usage errors.

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages; taskreg.cli.help puts
these texts on the commands when help is shown (README "Language and output").

Keys: `cmd:PATH` a command's description (PATH is its whole path, "taskreg agency add");
`opt:PATH --name` an option of one command, `opt:--name` the option wherever no command
has its own; `arg:PATH name` and `arg:name` arguments alike; `ph:NAME` the placeholder a
declaration names (metavar="DATE"). A placeholder that lists choices ("text|json") is
typed as it is, in either language, and has no entry.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help's own words ----------------------------------------------------------------------
    "help_usage": ("Usage", "Cách dùng"),
    "help_arguments": ("Arguments", "Đối số"),
    "help_options": ("Options", "Tuỳ chọn"),
    "help_commands": ("Commands", "Lệnh"),
    "help_options_metavar": ("OPTIONS", "TUỲ-CHỌN"),
    "help_command_metavar": ("COMMAND", "LỆNH"),
    "help_args_metavar": ("ARGS", "ĐỐI-SỐ"),
    "help_default": ("default", "mặc định"),
    "help_required": ("required", "bắt buộc"),
    "help_example": ("Example", "Ví dụ"),
    "help_group_open": ("open: overdue or in progress", "chưa hoàn thành: quá hạn hoặc còn trong hạn"),
    "help_group_done": ("done: on time or late", "đã hoàn thành: đúng hạn hoặc quá hạn"),
    "help_completion_installed": (
        "Installed {shell} completion in {path}; it works in a new terminal.",
        "Đã cài gợi ý lệnh cho {shell} vào {path}; có hiệu lực khi mở cửa sổ dòng lệnh mới.",
    ),
    # -- usage errors: "{problem}; see `taskreg add --help`." ----------------------------------
    "help_usage_error": ("{problem}; see `{command} --help`.", "{problem}; xem `{command} --help`."),
    "help_missing_option": ("Missing option {option} {placeholder}", "Thiếu tuỳ chọn {option} {placeholder}"),
    "help_missing_argument": ("Missing argument {placeholder}", "Thiếu đối số {placeholder}"),
    "help_no_such_option": ("No such option {option}", "Không có tuỳ chọn {option}"),
    "help_no_such_command": ("No such command '{name}'", "Không có lệnh '{name}'"),
    "help_did_you_mean": (" (did you mean {names}?)", " (có phải ý bạn là {names}?)"),
    "help_or": (" or ", " hoặc "),
    "help_global_option": (
        "{option} goes before the command, as in `{usage}`",
        "{option} phải đặt trước lệnh, như `{usage}`",
    ),
    "help_missing_command": ("Missing a command", "Thiếu lệnh"),
    "help_extra_arguments": ("Unexpected {n:argument|arguments}: {args}", "Thừa đối số: {args}"),
    "help_needs_value": ("{option} needs a value: {placeholder}", "{option} cần một giá trị: {placeholder}"),
    "help_takes_no_value": ("{option} takes no value", "{option} không nhận giá trị"),
    "help_not_an_id": ("'{text}' is not a task id (a whole number)", "'{text}' không phải số nhiệm vụ (một số nguyên)"),
    "help_not_a_whole_number": (
        "{what} takes a whole number, not '{text}'",
        "{what} nhận một số nguyên, không phải '{text}'",
    ),
    "help_bad_value": ("Invalid value for {what}: {reason}", "Giá trị không hợp lệ cho {what}: {reason}"),
    # -- placeholders: what to type -------------------------------------------------------------
    "ph:DATE": ("DATE", "NGÀY"),
    "ph:DEADLINE": ("DEADLINE", "HẠN"),
    "ph:AGENCY": ("AGENCY", "ĐƠN-VỊ"),
    "ph:ID": ("ID", "SỐ"),
    "ph:TEXT": ("TEXT", "VĂN-BẢN"),
    "ph:TITLE": ("TITLE", "NỘI-DUNG"),
    "ph:REASON": ("REASON", "LÝ-DO"),
    "ph:FILE": ("FILE", "TỆP"),
    "ph:PATH": ("PATH", "ĐƯỜNG-DẪN"),
    "ph:SYMBOL": ("SYMBOL", "SỐ-KÝ-HIỆU"),
    "ph:NAME": ("NAME", "TÊN"),
    "ph:CODE": ("CODE", "MÃ"),
    "ph:QUARTER": ("QUARTER", "QUÝ"),
    "ph:MONTH": ("MONTH", "THÁNG"),
    "ph:YEAR": ("YEAR", "NĂM"),
    "ph:DAYS": ("DAYS", "SỐ-NGÀY"),
    "ph:STATE": ("STATE", "TÌNH-TRẠNG"),
    "ph:SETTING": ("SETTING", "THIẾT-LẬP"),
    "ph:VALUE": ("VALUE", "GIÁ-TRỊ"),
    "ph:KIND": ("KIND", "LOẠI"),
    "ph:LOGIN": ("LOGIN", "TÀI-KHOẢN"),
    "ph:USER": ("USER", "NGƯỜI-DÙNG"),
    # -- the program and its global options -----------------------------------------------------
    "cmd:taskreg": (
        "Keep the register of tasks a provincial People's Committee assigns, and publish its figures.",
        "Theo dõi các nhiệm vụ do Ủy ban nhân dân tỉnh giao, và công bố số liệu về các nhiệm vụ đó.",
    ),
    "opt:taskreg --db": (
        "The register: a file, or a postgresql:// URL (else TASKREG_DB, else a file in your user data directory).",
        "Sổ đăng ký: một tệp, hoặc một URL postgresql:// (nếu không có thì lấy TASKREG_DB, rồi đến một tệp"
        " trong thư mục dữ liệu của người dùng).",
    ),
    "opt:taskreg --lang": (
        "The language of everything taskreg says (else TASKREG_LANG, else the register's `config lang`,"
        " else the locale).",
        "Ngôn ngữ của mọi thứ taskreg in ra (nếu không có thì lấy TASKREG_LANG, rồi thiết lập `config lang`"
        " của sổ, rồi ngôn ngữ của hệ thống).",
    ),
    "opt:--version": ("Print the version and exit.", "In phiên bản rồi thoát."),
    "opt:--install-completion": (
        "Install tab completion for this shell (bash, zsh, fish or PowerShell).",
        "Cài gợi ý lệnh bằng phím Tab cho trình dòng lệnh đang dùng (bash, zsh, fish hoặc PowerShell).",
    ),
    "opt:--show-completion": (
        "Print the completion script for this shell, to install it by hand.",
        "In đoạn mã gợi ý lệnh cho trình dòng lệnh đang dùng, để tự cài.",
    ),
    "opt:--help": ("Show this help and exit.", "Xem trợ giúp này rồi thoát."),
    # -- options many commands share ------------------------------------------------------------
    "opt:--lang": (
        "The language of this command's output and messages.",
        "Ngôn ngữ của kết quả và thông báo của lệnh này.",
    ),
    "opt:--amend-published": (
        "Move published figures all the same (they are locked by `config set lock-published on`); audited.",
        "Vẫn thay đổi số liệu đã công bố (bị khoá khi `config set lock-published on`); có ghi lịch sử.",
    ),
    "opt:--reason": ("Why; kept in the history.", "Lý do; được ghi vào lịch sử."),
    "opt:--format": ("What to print.", "Định dạng in ra."),
    "opt:--as-of": (
        "States as of the end of this day (default today).",
        "Tình trạng tính đến hết ngày này (mặc định hôm nay).",
    ),
    "opt:--status": (
        "on_time, late, overdue, in_progress, cancelled, or the groups open and done; repeat for several.",
        "on_time, late, overdue, in_progress, cancelled, hoặc nhóm open và done; lặp lại để chọn nhiều.",
    ),
    "opt:--all": ("Every state.", "Mọi tình trạng."),
    "opt:--agency": ("Lead agency, by code or name.", "Đơn vị chủ trì, theo mã hoặc tên."),
    "opt:--co": (
        "A coordinating agency (phối hợp); repeat for each.",
        "Đơn vị phối hợp; lặp lại cho mỗi đơn vị.",
    ),
    "opt:--quarter": (
        "Tasks assigned in this quarter: 2021Q1, 2021-Q1, Q1/2021 or I/2021.",
        "Nhiệm vụ giao trong quý này: 2021Q1, 2021-Q1, Q1/2021 hoặc I/2021.",
    ),
    "opt:--month": (
        "Tasks assigned in this month: 2021-03 or 3/2021.",
        "Nhiệm vụ giao trong tháng này: 2021-03 hoặc 3/2021.",
    ),
    "opt:--year": ("Tasks assigned in this year: 2021.", "Nhiệm vụ giao trong năm này: 2021."),
    "opt:--from": (
        "Tasks assigned on or after this date (with --to).",
        "Nhiệm vụ giao từ ngày này trở đi (cùng --to).",
    ),
    "opt:--to": (
        "Tasks assigned on or before this date (with --from).",
        "Nhiệm vụ giao đến hết ngày này (cùng --from).",
    ),
    "opt:--due-within": (
        "Due from the as-of date to this many days after it.",
        "Đến hạn trong khoảng từ ngày xét đến chừng ấy ngày sau đó.",
    ),
    "opt:--search": (
        "Text in the title or source, ignoring case and diacritics.",
        "Chữ có trong nội dung hoặc số ký hiệu, không phân biệt hoa thường và dấu.",
    ),
    "opt:--sort": ("How to order the tasks.", "Thứ tự sắp xếp nhiệm vụ."),
    "opt:--assigned": ("Date assigned (default today).", "Ngày giao (mặc định hôm nay)."),
    "opt:--source": (
        "The source document's symbol, e.g. 863/KH-UBND.",
        "Số ký hiệu văn bản giao, ví dụ 863/KH-UBND.",
    ),
    "opt:--source-date": ("The source document's date.", "Ngày của văn bản giao."),
    "opt:--assigned-by": ("Who assigned it.", "Người giao."),
    "opt:--note": ("A note.", "Ghi chú."),
    "opt:--result": ("What was delivered.", "Kết quả thực hiện."),
    "opt:--live": (
        "The register's figures now, even for a published period.",
        "Số liệu hiện tại của sổ, kể cả với kỳ đã công bố.",
    ),
    "opt:--changes": (
        "The tasks whose state moved since the period was published.",
        "Các nhiệm vụ đã đổi tình trạng từ khi kỳ được công bố.",
    ),
    "opt:--distinct": (
        "It is another agency, though close to a registered one (audited).",
        "Là một đơn vị khác, dù gần giống một đơn vị đã đăng ký (có ghi lịch sử).",
    ),
    "arg:task_id": ("The task id.", "Số nhiệm vụ."),
    # -- init, config, agency -------------------------------------------------------------------
    "cmd:taskreg init": ("Create the register.", "Tạo sổ đăng ký."),
    "opt:taskreg init --org": (
        'The organisation that assigns the tasks, e.g. "UBND tỉnh Quảng Nam".',
        'Cơ quan giao nhiệm vụ, ví dụ "UBND tỉnh Quảng Nam".',
    ),
    "cmd:taskreg config": (
        "Read and change the register's settings: org, rate-basis, lang, place, recipients, signer-title,"
        " signer-name, lock-published.",
        "Xem và đổi các thiết lập của sổ: org, rate-basis, lang, place, recipients, signer-title,"
        " signer-name, lock-published.",
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
        "The agency directory: add, list, rename, retire.",
        "Danh mục đơn vị: add, list, rename, retire.",
    ),
    "cmd:taskreg agency add": ("Register an agency.", "Đăng ký một đơn vị."),
    "arg:taskreg agency add code": ("Short code, e.g. SYT.", "Mã viết tắt, ví dụ SYT."),
    "arg:taskreg agency add name": ('Full name, e.g. "Sở Y tế".', 'Tên đầy đủ, ví dụ "Sở Y tế".'),
    "opt:taskreg agency add --kind": (
        "The kind of agency: sở, ban, ngành, UBND xã …",
        "Loại đơn vị: sở, ban, ngành, UBND xã …",
    ),
    "cmd:taskreg agency list": ("List the agencies.", "Liệt kê các đơn vị."),
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
    "cmd:taskreg reopen": (
        "Reopen a task that was not really done (a correction).",
        "Mở lại một nhiệm vụ thực ra chưa hoàn thành (đính chính).",
    ),
    "cmd:taskreg extend": ("Extend an open task's deadline (gia hạn).", "Gia hạn một nhiệm vụ chưa hoàn thành."),
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
    "opt:taskreg report --agency": ("Only tasks led by this agency.", "Chỉ các nhiệm vụ do đơn vị này chủ trì."),
    "opt:taskreg report --by": (
        "agency gives one row per lead agency, worst first.",
        "agency: mỗi đơn vị chủ trì một dòng, đơn vị có kết quả kém nhất lên trước.",
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
    "cmd:taskreg export": (
        "Export tasks (every state unless filtered), with their state as of a date.",
        "Xuất nhiệm vụ (mọi tình trạng nếu không lọc), kèm tình trạng tính đến một ngày.",
    ),
    "opt:taskreg export --output": (
        "The file to write (csv and json: the standard output if omitted).",
        "Tệp để ghi (csv và json: in ra màn hình nếu bỏ trống).",
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

#: Each command's example, the same in both languages (help prints it after "Example:" or
#: "Ví dụ:"); every command has one, and the README names every command (tests/test_docs.py).
EXAMPLES: dict[str, str] = {
    "taskreg": "taskreg demo",
    "taskreg init": 'taskreg init --org "UBND tỉnh Quảng Nam"',
    "taskreg config get": "taskreg config get rate-basis",
    "taskreg config set": "taskreg config set rate-basis assigned",
    "taskreg agency add": 'taskreg agency add SYT "Sở Y tế" --kind sở',
    "taskreg agency list": "taskreg agency list --format csv",
    "taskreg agency rename": 'taskreg agency rename SKHDT "Sở Tài chính"',
    "taskreg agency retire": "taskreg agency retire UBND-HKA --on 1/7/2025",
    "taskreg add": 'taskreg add "Rà soát thủ tục" --agency SYT --due 30/6/2026',
    "taskreg done": 'taskreg done 12 13 --on 20/3/2026 --result "Báo cáo số 45/BC-SYT"',
    "taskreg reopen": 'taskreg reopen 12 --reason "Chưa nộp báo cáo"',
    "taskreg extend": 'taskreg extend 12 --due 31/7/2026 --reason "Công văn 123/SYT-KH"',
    "taskreg cancel": 'taskreg cancel 12 --reason "Theo TB 45/TB-UBND"',
    "taskreg edit": 'taskreg edit 12 --due 30/6/2026 --reason "Nhập nhầm hạn"',
    "taskreg list": "taskreg list --status overdue --agency SYT",
    "taskreg show": "taskreg show 12 --as-of 31/3/2021",
    "taskreg history": "taskreg history --task 12",
    "taskreg report": "taskreg report --quarter I/2021 --by agency",
    "taskreg weekly": "taskreg weekly --lang vi",
    "taskreg publish": "taskreg publish --quarter I/2021 --symbol 45/BC-UBND",
    "taskreg publications": "taskreg publications",
    "taskreg demo": "taskreg demo --lang vi",
    "taskreg import": "taskreg import giao-viec-quy1.xlsx --dry-run",
    "taskreg export": "taskreg export --format xlsx -o bao-cao.xlsx --quarter I/2021 --lang vi",
    "taskreg backup": "taskreg backup /srv/sao-luu/register-2026-11-22.db",
    "taskreg check": "taskreg check",
    "taskreg db upgrade": "taskreg db upgrade",
    "taskreg admin init": "taskreg admin init",
    "taskreg admin grant": "taskreg admin grant lan --role liaison --agency SYT",
    "taskreg admin revoke": "taskreg admin revoke lan",
    "taskreg admin users": "taskreg admin users",
}
