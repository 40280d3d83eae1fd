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
    "help_group_awaiting": (
        "awaiting: completed, awaiting the office's confirmation (a filter)",
        "chờ xác nhận: đã hoàn thành, đang chờ văn phòng xác nhận (bộ lọc)",
    ),
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
    "ph:DAY": ("DAY", "NGÀY-THỨ"),
    "ph:SERIES": ("SERIES", "SỐ-ĐỊNH-KỲ"),
    "ph:PERIOD": ("PERIOD", "KỲ"),
    "ph:DEADLINE": ("DEADLINE", "HẠN"),
    "ph:AGENCY": ("AGENCY", "ĐƠN-VỊ"),
    "ph:OLD...": ("OLD...", "ĐƠN-VỊ-CŨ..."),
    "ph:OLD": ("OLD", "ĐƠN-VỊ-CŨ"),
    "ph:NEW": ("NEW", "ĐƠN-VỊ-MỚI"),
    "ph:OLD=NEW": ("OLD=NEW", "CŨ=MỚI"),
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
    "ph:EMAIL": ("EMAIL", "THƯ-ĐIỆN-TỬ"),
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
        "on_time, late, overdue, in_progress, cancelled, or the groups open and done; repeat for several; awaiting keeps the completions awaiting confirmation.",
        "đúng hạn (on_time), trễ hạn (late), quá hạn (overdue), trong hạn (in_progress), dừng (cancelled), hoặc nhóm chưa hoàn thành (open) và đã hoàn thành (done); lặp lại để chọn nhiều; chờ xác nhận (awaiting) chỉ giữ nhiệm vụ hoàn thành đang chờ xác nhận.",
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
    "opt:--sort": (
        "How to order the tasks (updated: never updated first, then the oldest progress report).",
        "Thứ tự sắp xếp nhiệm vụ (updated: chưa cập nhật lần nào trước, rồi đến cập nhật lâu nhất).",
    ),
    "opt:--stale": (
        "Open tasks that had to have a progress report within the update window and have none.",
        "Nhiệm vụ chưa hoàn thành phải cập nhật tình hình trong thời hạn cập nhật mà chưa cập nhật.",
    ),
    "opt:--assigned": ("Date assigned (default today).", "Ngày giao (mặc định hôm nay)."),
    "opt:--source": (
        "The source document's symbol, e.g. 863/KH-UBND.",
        "Số ký hiệu văn bản giao, ví dụ 863/KH-UBND.",
    ),
    "opt:--source-date": ("The source document's date.", "Ngày của văn bản giao."),
    "opt:--assigned-by": ("Who assigned it.", "Người giao."),
    "opt:--note": ("A note.", "Ghi chú."),
    "opt:--result": ("What was delivered.", "Kết quả thực hiện."),
    "opt:--star": ("Mark it a key task (nhiệm vụ trọng tâm).", "Gắn sao: đánh dấu là nhiệm vụ trọng tâm."),
    "opt:--starred": ("Only the key tasks (starred).", "Chỉ các nhiệm vụ trọng tâm (gắn sao)."),
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
    "taskreg agency merge": "taskreg agency merge SYT SDS --into SYTDS --on 1/7/2025",
    "taskreg agency unmerge": 'taskreg agency unmerge SDS --reason "Ghi nhầm đơn vị"',
    "taskreg agency edit": 'taskreg agency edit SYT --email "vanphong@syt.quangnam.gov.vn;kehoach@syt.quangnam.gov.vn"',
    "taskreg add": 'taskreg add "Rà soát thủ tục" --agency SYT --due 30/6/2026',
    "taskreg done": 'taskreg done 12 13 --on 20/3/2026 --result "Báo cáo số 45/BC-SYT"',
    "taskreg update": 'taskreg update 12 "Đã họp triển khai, dự thảo kế hoạch đang lấy ý kiến"',
    "taskreg reopen": 'taskreg reopen 12 --reason "Chưa nộp báo cáo"',
    "taskreg confirm": "taskreg confirm 12 13",
    "taskreg return": 'taskreg return 12 --reason "Chưa có văn bản báo cáo kết quả"',
    "taskreg extend": 'taskreg extend 12 --due 31/7/2026 --reason "Công văn 123/SYT-KH"',
    "taskreg cancel": 'taskreg cancel 12 --reason "Theo TB 45/TB-UBND"',
    "taskreg edit": 'taskreg edit 12 --due 30/6/2026 --reason "Nhập nhầm hạn"',
    "taskreg list": "taskreg list --status overdue --agency SYT",
    "taskreg show": "taskreg show 12 --as-of 31/3/2021",
    "taskreg history": "taskreg history --task 12",
    "taskreg report": "taskreg report --quarter I/2021 --by agency",
    "taskreg weekly": "taskreg weekly --lang vi",
    "taskreg remind": "taskreg remind --send",
    "taskreg days-off": "taskreg days-off --year 2026 --lang vi",
    "taskreg recur": "taskreg recur list",
    "taskreg recur add": 'taskreg recur add "Báo cáo tình hình kinh tế - xã hội" --agency SKHDT --every month --due-day 20',
    "taskreg recur sync": "taskreg recur sync",
    "taskreg recur edit": "taskreg recur edit 1 --due-day 15",
    "taskreg recur stop": "taskreg recur stop 1 --on 31/12/2026",
    "taskreg recur list": "taskreg recur list --format json",
    "taskreg recur show": "taskreg recur show 1",
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
