"""The register, its agencies and its settings, and the errors every command shares.

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
    # -- agencies ----------------------------------------------------------------------------
    "agency_unknown": (
        "No agency '{text}' in the register{close}; register a new one with `taskreg agency add CODE \"NAME\"`.",
        "Không có đơn vị '{text}' trong sổ{close}; đăng ký đơn vị mới bằng `taskreg agency add MÃ \"TÊN\"`.",
    ),
    "agency_close": (
        " (closest: {names})",
        " (gần giống nhất: {names})",
    ),
    "agency_ambiguous": (
        "'{text}' matches more than one agency: {names}; type its code.",
        "'{text}' khớp nhiều đơn vị: {names}; hãy ghi mã đơn vị.",
    ),
    "agency_duplicate": (
        "'{text}' is too close to the registered agency {other}; a near-duplicate would split reports.",
        "'{text}' trùng hoặc gần trùng với đơn vị đã có {other}; đăng ký thêm sẽ làm số liệu báo cáo bị tách.",
    ),
    "agency_empty": ("An agency needs a code and a name.", "Đơn vị cần có mã và tên."),
    "agency_code_spaces": (
        "An agency code cannot contain spaces: '{text}'.",
        "Mã đơn vị không được có dấu cách: '{text}'.",
    ),
    "agency_added": ("Registered {code}: {name}.", "Đã đăng ký {code}: {name}."),
    "agency_retired": (
        "{code} was retired on {on}; give the task to the agency that took over its work.",
        "{code} đã thôi hoạt động từ ngày {on}; hãy giao nhiệm vụ cho đơn vị tiếp nhận công việc của đơn vị này.",
    ),
    "agency_already_retired": (
        "{code} was already retired on {on}; nothing was changed.",
        "{code} đã thôi hoạt động từ ngày {on}; không thay đổi gì.",
    ),
    "agency_merged": (
        "{code} merged into {into} on {on}; give the task to {into}.",
        "{code} đã sáp nhập vào {into} từ ngày {on}; hãy giao nhiệm vụ cho {into}.",
    ),
    "agency_merged_note": (
        "Note: {code} merged into {into} on {on}; as of that day its open tasks are {into}'s.",
        "Lưu ý: {code} đã sáp nhập vào {into} từ ngày {on}; từ ngày đó các nhiệm vụ chưa hoàn thành của đơn vị này thuộc {into}.",
    ),
    "merge_future": (
        "A merger cannot take effect on {on}, a day still to come.",
        "Không thể ghi sáp nhập có hiệu lực từ ngày {on}, là ngày chưa tới.",
    ),
    "merge_inactive": (
        "{code} is not active on {on} (retired or merged by then); nothing was changed.",
        "{code} không còn hoạt động vào ngày {on} (đã thôi hoạt động hoặc sáp nhập); không thay đổi gì.",
    ),
    "merge_self": (
        "{code} cannot be merged into itself.",
        "Không thể sáp nhập {code} vào chính đơn vị đó.",
    ),
    "merge_ok": (
        "Merged {olds} into {into} from {on}; coordinating agencies of {n} open tasks rewritten.",
        "Đã sáp nhập {olds} vào {into} từ ngày {on}; đã cập nhật đơn vị phối hợp của {n} nhiệm vụ chưa hoàn thành.",
    ),
    "unmerge_reason": (
        "Give the reason the merger was a mistake: --reason TEXT.",
        "Hãy ghi lý do việc sáp nhập bị ghi nhầm: --reason NỘI_DUNG.",
    ),
    "unmerge_none": (
        "{code} is not merged into any agency; nothing was changed.",
        "{code} không sáp nhập vào đơn vị nào; không thay đổi gì.",
    ),
    "unmerge_ok": (
        "Undid the merger of {code} into {into} from {on}: its tasks are its own again.",
        "Đã huỷ việc sáp nhập {code} vào {into} từ ngày {on}: nhiệm vụ của đơn vị này trở lại như trước.",
    ),
    "agency_retire_ok": (
        "Retired {code} ({name}) from {on}; its tasks and past reports stay.",
        "{code} ({name}) thôi hoạt động từ ngày {on}; nhiệm vụ và báo cáo cũ được giữ nguyên.",
    ),
    "agency_edited": (
        "{code}: mail addresses {old} → {new}.",
        "{code}: địa chỉ thư điện tử {old} → {new}.",
    ),
    "agency_nothing_to_edit": (
        'Nothing to change: give --email ("" removes the addresses) or --short ("" removes the short name).',
        'Không có gì để sửa: hãy ghi --email ("" để xoá địa chỉ) hoặc --short ("" để xoá tên viết tắt).',
    ),
    "agency_short_edited": ("{code}: short name {old} → {new}.", "{code}: tên viết tắt {old} → {new}."),
    "agency_short_same": (
        "{code} already has that short name; nothing changed.",
        "{code} đã có đúng tên viết tắt đó; không thay đổi gì.",
    ),
    "agency_edit_same": (
        "{code} already has those mail addresses; nothing changed.",
        "{code} đã có đúng các địa chỉ thư điện tử đó; không thay đổi gì.",
    ),
    "h_email": ("Mail", "Thư điện tử"),
    "h_short": ("Short name", "Tên viết tắt"),
    "agency_renamed": ("Renamed {code}: {old} → {name}.", "Đã đổi tên {code}: {old} → {name}."),
    "no_agencies": (
        'No agencies yet: add one with `taskreg agency add CODE "NAME"`.',
        'Chưa có đơn vị nào: thêm bằng `taskreg agency add MÃ "TÊN"`.',
    ),
    "agency_near_refused": (
        "{code} ({name}) is close to the registered agency {names}; a near-duplicate would split reports: if they are one agency, use it (correct its name with `taskreg agency rename`); if it really is another agency, add --distinct.",
        "{code} ({name}) gần trùng với đơn vị đã có {names}; đăng ký cả hai sẽ làm số liệu báo cáo bị tách: nếu là cùng một đơn vị, hãy dùng đơn vị đã có (sửa tên bằng `taskreg agency rename`); nếu thật sự là đơn vị khác, thêm --distinct.",
    ),
    "agency_added_distinct": (
        "Registered as another agency than {names}, as --distinct says; the history records it.",
        "Đã đăng ký là đơn vị khác với {names} theo --distinct; lịch sử thay đổi có ghi lại việc này.",
    ),
    # -- options and settings ----------------------------------------------------------------
    "bad_choice": (
        "'{text}' is not a valid {what}: use one of {choices}.",
        "'{text}' không phải giá trị hợp lệ của {what}: chọn một trong {choices}.",
    ),
    "config_unknown": (
        "There is no setting '{setting}': the settings are {keys}.",
        "Không có thiết lập '{setting}': các thiết lập là {keys}.",
    ),
    # -- the actor (TASKREG_USER, else the login; SPEC §8) ----------------------------------------
    "actor_login": ("The login name", "Tên đăng nhập"),
    "actor_blank": (
        "{who} is blank: the name recorded as who made each change is 1 to {max} printable characters.",
        "{who} đang để trống: tên người thực hiện ghi vào mỗi thay đổi phải gồm 1 đến {max} ký tự in được.",
    ),
    "actor_too_long": (
        "{who} is {n} characters long: the name recorded as who made each change is at most {max}.",
        "{who} dài {n} ký tự: tên người thực hiện ghi vào mỗi thay đổi tối đa {max} ký tự.",
    ),
    "actor_unprintable": (
        "{who} ({text}) holds a character that is not printable: the name recorded as who made each "
        "change is 1 to {max} printable characters.",
        "{who} ({text}) có ký tự không in được: tên người thực hiện ghi vào mỗi thay đổi phải gồm "
        "1 đến {max} ký tự in được.",
    ),
    "config_value_needed": ("`config set {setting}` needs a value.", "`config set {setting}` cần một giá trị."),
    "config_set_ok": (
        "Set {setting} = {value}.",
        "Đã đặt {setting} = {value}.",
    ),
    # Each setting as a history line names it (taskreg.present.events): in English by the
    # name `config set` takes, in Vietnamese by its label ("Tổ chức", not `org`).
    "hs:org": ("org", "Tổ chức"),
    "hs:rate-basis": ("rate-basis", "Cơ sở tính tỷ lệ hoàn thành"),
    "hs:lang": ("lang", "Ngôn ngữ"),
    "hs:place": ("place", "Địa danh"),
    "hs:recipients": ("recipients", "Nơi nhận"),
    "hs:signer-title": ("signer-title", "Chức vụ người ký"),
    "hs:signer-name": ("signer-name", "Họ tên người ký"),
    "hs:lock-published": ("lock-published", "Khóa số liệu đã công bố"),
    "hs:update-window": ("update-window", "Số ngày phải cập nhật"),
    "hs:confirm-completion": ("confirm-completion", "Xác nhận hoàn thành"),
    "hs:remind-days": ("remind-days", "Số ngày đôn đốc trước hạn"),
    "hs:remind-within": ("remind-within", "Đôn đốc trong vòng (ngày)"),
    "hs:smtp-host": ("smtp-host", "Máy chủ thư"),
    "hs:smtp-port": ("smtp-port", "Cổng máy chủ thư"),
    "hs:smtp-from": ("smtp-from", "Địa chỉ gửi thư"),
    "hs:days-off": ("days-off", "Ngày nghỉ riêng"),
    "hs:workdays": ("workdays", "Ngày làm việc bù"),
    "hs:issuer": ("issuer", "Cơ quan ban hành"),
    "hs:issuer-superior": ("issuer-superior", "Cơ quan cấp trên"),
    # Each setting's label (taskreg.domain.model.SETTINGS), by its name.
    "setting:org": ("the organisation that assigns the tasks", "cơ quan giao nhiệm vụ"),
    "setting:rate-basis": ("what the completion rate is taken of", "cơ sở tính tỷ lệ hoàn thành"),
    "setting:lang": ("the language of messages", "ngôn ngữ hiển thị"),
    "setting:place": ("the place on the report's date line", "địa danh ở dòng ngày tháng của báo cáo"),
    "setting:recipients": ("the report's recipients", "nơi nhận báo cáo"),
    "setting:signer-title": ("the signing authority's title", "chức vụ người ký"),
    "setting:signer-name": ("the signer's name", "họ tên người ký"),
    "setting:issuer": ("the issuing body in the report's header", "tên cơ quan ban hành ở đầu báo cáo"),
    "setting:issuer-superior": (
        "the issuing body's superior in the report's header",
        "tên cơ quan chủ quản ở đầu báo cáo",
    ),
    "setting:lock-published": ("the lock on published figures", "khóa số liệu đã công bố"),
    "setting:update-window": (
        "the days within which an open task must have a progress report",
        "số ngày nhiệm vụ chưa hoàn thành phải được cập nhật tình hình",
    ),
    "config_days": (
        "{setting} is a number of days from {low} to {high}, not '{text}'.",
        "{setting} là số ngày từ {low} đến {high}, không phải '{text}'.",
    ),
    "setting:confirm-completion": (
        "the office's confirmation of completions",
        "xác nhận kết quả hoàn thành",
    ),
    "setting:remind-days": (
        "the days left before a deadline on which `remind` reminds",
        "số ngày còn lại trước hạn mà `remind` đôn đốc",
    ),
    "setting:remind-within": (
        "the days ahead within which `remind` reminds of every deadline",
        "số ngày tới mà `remind` đôn đốc mọi nhiệm vụ đến hạn trong đó",
    ),
    "setting:smtp-host": ("the mail server reminders are sent through", "máy chủ thư dùng để gửi thư đôn đốc"),
    "setting:smtp-port": ("the mail server's port", "cổng của máy chủ thư"),
    "setting:smtp-from": ("the address reminders are sent from", "địa chỉ gửi thư đôn đốc"),
    "setting:days-off": (
        "the register's own days off, beyond the public holidays (dates separated by ;)",
        "các ngày nghỉ riêng của cơ quan, ngoài ngày lễ (các ngày cách nhau bằng dấu ;)",
    ),
    "setting:workdays": (
        "the register's own working days, such as a Saturday worked in exchange (dates separated by ;)",
        "các ngày làm việc riêng của cơ quan, như thứ Bảy làm bù (các ngày cách nhau bằng dấu ;)",
    ),
    "bad_day_list": (
        "'{text}' is not a valid {what}: give dates with their year, day first, separated by ;, e.g. 2/1/2026;30/4/2026.",
        "'{text}' không phải giá trị hợp lệ của {what}: ghi các ngày có năm, ngày trước tháng sau, cách nhau bằng dấu ;, ví dụ 2/1/2026;30/4/2026.",
    ),
    # taskreg days-off (taskreg.domain.workdays): what each line is, besides a holiday's own name.
    "days_off_workday": ("Working day (a Saturday worked in exchange)", "Ngày làm việc (làm bù)"),
    "days_off_register_off": ("Day off (the register's days-off)", "Ngày nghỉ (thiết lập days-off của sổ)"),
    "days_off_register_work": ("Working day (the register's workdays)", "Ngày làm việc (thiết lập workdays của sổ)"),
    "days_off_year": (
        "'{text}' is not a year taskreg knows working days of: give one from {first} to {last}.",
        "'{text}' không phải năm taskreg biết ngày làm việc: ghi một năm từ {first} đến {last}.",
    ),
    "bad_days_list": (
        "'{text}' is not a valid {what}: give whole numbers of days from 0 to {max}, separated by ;, e.g. 7;3;1.",
        "'{text}' không phải giá trị hợp lệ của {what}: ghi số ngày nguyên từ 0 đến {max}, cách nhau bằng dấu ;, ví dụ 7;3;1.",
    ),
    "bad_days": (
        "'{text}' is not a valid {what}: give a whole number of days from 0 to {max}.",
        "'{text}' không phải giá trị hợp lệ của {what}: ghi một số ngày nguyên từ 0 đến {max}.",
    ),
    "bad_port": (
        "'{text}' is not a valid {what}: give a port number from 1 to 65535.",
        "'{text}' không phải giá trị hợp lệ của {what}: ghi số cổng từ 1 đến 65535.",
    ),
    "bad_address": (
        "'{text}' is not a mail address ({what}): give plain addresses such as vanphong@syt.gov.vn, separated by ;.",
        "'{text}' không phải địa chỉ thư điện tử ({what}): ghi địa chỉ dạng vanphong@syt.gov.vn, cách nhau bằng dấu ;.",
    ),
    "status_all_conflict": ("Give --status or --all, not both.", "Chỉ dùng --status hoặc --all, không dùng cả hai."),
    "negative_days": ("--due-within takes a number of days, 0 or more.", "--due-within nhận số ngày, từ 0 trở lên."),
    "no_tasks": ("No tasks match.", "Không có nhiệm vụ nào phù hợp."),
    "list_star_legend": ("{star} key task", "{star} nhiệm vụ trọng tâm"),
    "no_events": ("No events match.", "Không có sự kiện nào phù hợp."),
}
