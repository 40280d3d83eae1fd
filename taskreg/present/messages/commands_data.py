"""The help of the commands that count, move and administer the register: report, weekly,
publish, remind, import, export, backup, check, db and admin (their descriptions, options and
arguments; the task commands' are commands.py's, recur's series.py's). Keys as help.py
describes them; part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
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
