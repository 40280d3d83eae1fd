"""The register and the errors every command shares: the file or database it lives in, and
what the command line, the disk and the output can do (the agencies are agencies.py's, the
settings settings.py's).

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the register ------------------------------------------------------------------------
    "register_missing": (
        "No register at {path}: create one with `taskreg init`, or point --db or TASKREG_DB at one.",
        "Chưa có sổ đăng ký tại {path}: hãy tạo sổ bằng `taskreg init`, hoặc chỉ tới sổ có sẵn bằng --db hoặc biến TASKREG_DB.",
    ),
    "register_created": ("Created a new register at {path}.", "Đã tạo sổ đăng ký mới tại {path}."),
    "register_exists": (
        'A register already exists at {path}; nothing was changed. To name its organisation, use `taskreg config set org "…"`.',
        'Đã có sổ đăng ký tại {path}; không thay đổi gì. Để đặt tên cơ quan cho sổ, dùng `taskreg config set org "…"`.',
    ),
    "register_is_dir": ("{path} is a directory, not a register.", "{path} là một thư mục, không phải sổ đăng ký."),
    "register_empty": (
        "{path} is an empty file, not a register; it was left as it is.",
        "{path} là tệp rỗng, không phải sổ đăng ký; tệp được giữ nguyên.",
    ),
    "register_not_sqlite": (
        "{path} is not a taskreg register (not an SQLite file); it was left as it is.",
        "{path} không phải sổ đăng ký taskreg (không phải tệp SQLite); tệp được giữ nguyên.",
    ),
    "register_not_taskreg": (
        "{path} is an SQLite database but not a taskreg register; it was left as it is.",
        "{path} là cơ sở dữ liệu SQLite nhưng không phải sổ đăng ký taskreg; tệp được giữ nguyên.",
    ),
    "register_unreadable": ("Cannot read {path}: {reason}.", "Không đọc được {path}: {reason}."),
    "usage_error": ("{message} See `{command} --help`.", "{message} Xem `{command} --help`."),
    "register_cannot_create": (
        "Cannot create a register at {path}: {reason}.",
        "Không tạo được sổ đăng ký tại {path}: {reason}.",
    ),
    "register_broken": (
        "{path} cannot be used as a register: {reason}.",
        "Không dùng được {path} làm sổ đăng ký: {reason}.",
    ),
    "register_too_new": (
        "{path} was written by a newer taskreg (it has {names}; this taskreg {version} knows up to {latest}); upgrade taskreg to use it. The file was not changed.",
        "Sổ {path} được ghi bởi phiên bản taskreg mới hơn (sổ có {names}, còn taskreg {version} này chỉ biết đến {latest}); hãy nâng cấp taskreg để dùng sổ này. Tệp chưa bị thay đổi.",
    ),
    "register_backed_up": (
        "Upgraded the register; a copy of it as it was is at {path}.",
        "Đã nâng cấp sổ; bản sao trước khi nâng cấp ở {path}.",
    ),
    "upgrade_backup_failed": (
        "Could not write a copy of {path} to {backup} before upgrading it ({reason}); the register was not changed. Free some space or fix the permissions, then run the command again.",
        "Không ghi được bản sao của {path} vào {backup} trước khi nâng cấp ({reason}); sổ chưa bị thay đổi. Hãy giải phóng dung lượng hoặc sửa quyền truy cập rồi chạy lại lệnh.",
    ),
    "backup_failed": ("Could not write the backup {path}: {reason}.", "Không ghi được bản sao lưu {path}: {reason}."),
    "backup_ok": ("Backed up the register to {path}.", "Đã sao lưu sổ vào {path}."),
    "backup_exists": (
        "{path} already exists; choose a new file for the backup.",
        "{path} đã tồn tại; hãy chọn tên tệp mới cho bản sao lưu.",
    ),
    "check_ok": (
        "The register is sound: integrity, references and the four states of every quarter from {first} to {last} check out.",
        "Sổ toàn vẹn: kiểm tra cấu trúc, liên kết và bốn nhóm tình trạng của mọi quý từ {first} đến {last} đều đạt.",
    ),
    "check_empty": ("The register is sound; it has no tasks yet.", "Sổ toàn vẹn; chưa có nhiệm vụ nào."),
    "check_failed": ("The register has {n} {n:problem|problems}:", "Sổ có {n} lỗi:"),
    "check_integrity": ("integrity: {detail}", "toàn vẹn: {detail}"),
    "check_foreign": ("broken reference: {detail}", "liên kết hỏng: {detail}"),
    "check_partition": (
        "{period}: the four counts ({total}) differ from the tasks assigned less the cancelled ones ({expected})",
        "{period}: tổng bốn nhóm ({total}) khác số giao trừ số dừng ({expected})",
    ),
    "register_needs_upgrade": (
        "{path} needs an upgrade, but it is read-only here.",
        "Sổ {path} cần được nâng cấp nhưng ở đây chỉ có quyền đọc.",
    ),
    "register_read_only": (
        "{path} is read-only here: nothing can be written to it.",
        "Ở đây chỉ có quyền đọc {path}: không ghi được gì vào sổ.",
    ),
    # -- what the command line, the disk and the output can do (SPEC §8) ---------------------
    "arg_not_utf8": (
        "Argument {n} of the command line{after} is not UTF-8 text ('{text}'); type it again in UTF-8, nothing was changed.",
        "Tham số thứ {n} của dòng lệnh{after} không phải văn bản UTF-8 ('{text}'); đề nghị nhập lại bằng UTF-8, chưa có gì thay đổi.",
    ),
    "arg_nul": (
        "Argument {n} of the command line{after} holds a NUL character ('{text}'), which text cannot hold; nothing was changed.",
        "Tham số thứ {n} của dòng lệnh{after} chứa ký tự NUL ('{text}'), văn bản không được chứa ký tự này; chưa có gì thay đổi.",
    ),
    "arg_after": (" (after {option})", " (sau {option})"),
    "env_not_utf8": (
        "The environment variable {name} is not UTF-8 text ('{text}'); set it again in UTF-8, nothing was changed.",
        "Biến môi trường {name} không phải văn bản UTF-8 ('{text}'); đề nghị đặt lại bằng UTF-8, chưa có gì thay đổi.",
    ),
    "register_special": (
        "{path} is {kind}, not a register file; it was left as it is.",
        "{path} là {kind}, không phải tệp sổ đăng ký; tệp được giữ nguyên.",
    ),
    "kind_fifo": ("a named pipe (FIFO)", "một đường ống có tên (FIFO)"),
    "kind_socket": ("a socket", "một socket"),
    "kind_device": ("a device", "một thiết bị"),
    "register_wal_unreadable": (
        "{path} has committed changes in {wal} that cannot be read here without creating {shm}, so nothing was read: ask the register's owner to run any taskreg command on it, or read a copy made with `taskreg backup`.",
        "{path} có thay đổi đã ghi trong {wal} nhưng ở đây không đọc được nếu không tạo {shm} nên chưa đọc gì: đề nghị người quản lý sổ chạy một lệnh taskreg bất kỳ trên sổ, hoặc đọc bản sao tạo bằng `taskreg backup`.",
    ),
    "register_disk_full": (
        "The disk holding {path} is full, so nothing was changed: free some space, then run the command again.",
        "Ổ đĩa chứa {path} đã đầy nên chưa có gì thay đổi: đề nghị giải phóng dung lượng rồi chạy lại lệnh.",
    ),
    "os_no_folder": (
        "the folder it goes in does not exist",
        "thư mục chứa tệp không tồn tại",
    ),
    "os_not_folder": (
        "a part of the path is a file, not a folder",
        "một phần của đường dẫn là tệp, không phải thư mục",
    ),
    "os_denied_write": (
        "you have no permission to write there",
        "bạn không có quyền ghi vào đó",
    ),
    "os_denied_read": (
        "you have no permission to read it",
        "bạn không có quyền đọc tệp này",
    ),
    "os_disk_full": (
        "the disk is full",
        "ổ đĩa đã đầy",
    ),
    "os_quota": (
        "your disk quota is used up",
        "đã hết hạn mức dung lượng đĩa của bạn",
    ),
    "os_read_only": (
        "the disk is read-only",
        "ổ đĩa chỉ cho phép đọc",
    ),
    "os_name_too_long": (
        "the file name is too long",
        "tên tệp quá dài",
    ),
    "os_io": ("the disk reported an error", "ổ đĩa báo lỗi đọc ghi"),
    "register_write_denied": (
        "Cannot write to {path}: {file} is read-only for you, so nothing was changed; ask whoever owns {file} to give your group write access to it (chmod g+w).",
        "Không ghi được vào {path}: {file} chỉ cho phép bạn đọc nên chưa có gì thay đổi; đề nghị người sở hữu {file} cấp quyền ghi cho nhóm (chmod g+w).",
    ),
    "register_io_error": (
        "A disk error stopped the work on {path} ({reason}), so nothing was changed; run `taskreg check`, and if it finds a problem restore the last backup.",
        "Lỗi đọc ghi ổ đĩa khi làm việc với {path} ({reason}) nên chưa có gì thay đổi; đề nghị chạy `taskreg check` và khôi phục bản sao lưu gần nhất nếu phát hiện lỗi.",
    ),
    "register_busy": (
        "{path} stayed locked by another writer for {seconds} seconds, so nothing was changed; run the command again.",
        "{path} bị người khác giữ khóa ghi quá {seconds} giây nên chưa có gì thay đổi; đề nghị chạy lại lệnh.",
    ),
    "register_failed": (
        "Could not use the register {path} ({reason}); nothing was changed.",
        "Không sử dụng được sổ đăng ký {path} ({reason}); chưa có gì thay đổi.",
    ),
    "command_failed": (
        "The command could not finish ({reason}); nothing was changed.",
        "Lệnh không thực hiện được ({reason}); chưa có gì thay đổi.",
    ),
    "recorded_then_failed": (
        "The change was recorded, but the command could not finish ({reason}); do not run it again.",
        "Thay đổi đã được ghi vào sổ nhưng lệnh không hoàn tất được ({reason}); không chạy lại lệnh này.",
    ),
    "output_failed_added": (
        "Task {id} was recorded, but its output could not be written ({reason}); do not add it again.",
        "Nhiệm vụ số {id} đã được ghi vào sổ nhưng không xuất được kết quả ({reason}); không thêm lại nhiệm vụ này.",
    ),
    "output_failed_recorded": (
        "The change was recorded, but its output could not be written ({reason}); do not run the command again.",
        "Thay đổi đã được ghi vào sổ nhưng không xuất được kết quả ({reason}); không chạy lại lệnh này.",
    ),
    "output_failed": (
        "The output could not be written ({reason}); nothing was changed.",
        "Không xuất được kết quả ({reason}); chưa có gì thay đổi.",
    ),
}
