"""The register's settings and the options that check them (`config get|set`, SPEC §5, §12,
§13, §14): each setting's label and its history name, their refusals, and the actor
(TASKREG_USER). key: (English, Vietnamese); part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
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
