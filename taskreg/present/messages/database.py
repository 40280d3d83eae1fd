"""A shared register on PostgreSQL: connecting, its schema, and who may write what.

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "admin_agency_merged": ("{code} (merged into {into} on {on})", "{code} (đã sáp nhập vào {into} từ {on})"),
    "admin_agency_retired": ("{code} (retired on {on})", "{code} (thôi hoạt động từ {on})"),
    "pg_no_create": (
        'A PostgreSQL register is made by its administrator (`taskreg db upgrade`), not by this command; to name the organisation, use `taskreg config set org "…"`.',
        'Sổ đăng ký trên PostgreSQL do quản trị viên tạo (`taskreg db upgrade`), không phải bằng lệnh này; để đặt tên cơ quan, dùng `taskreg config set org "…"`.',
    ),
    "pg_no_demo": (
        "The demo builds a file register; give --db a file name, not a postgresql:// URL.",
        "Lệnh demo tạo sổ đăng ký dạng tệp; hãy cho --db một tên tệp, không phải địa chỉ postgresql://.",
    ),
    "pg_bad_url": (
        "{url} is not a PostgreSQL address taskreg can read: {reason}.",
        "{url} không phải địa chỉ PostgreSQL hợp lệ: {reason}.",
    ),
    "pg_password_in_url": (
        "A password does not belong in --db or TASKREG_DB (others can read a command line): put it in ~/.pgpass or a pg_service.conf entry.",
        "Không ghi mật khẩu trong --db hay TASKREG_DB (người khác đọc được dòng lệnh): hãy để mật khẩu trong ~/.pgpass hoặc một mục của pg_service.conf.",
    ),
    "pg_driver_missing": (
        "The register at {url} is on PostgreSQL, and its driver (psycopg) is not installed: "
        "install taskreg's PostgreSQL extra, `pip install 'taskreg[postgresql]'`.",
        "Sổ đăng ký tại {url} nằm trên PostgreSQL nhưng chưa cài trình kết nối (psycopg): "
        "hãy cài phần PostgreSQL của taskreg, `pip install 'taskreg[postgresql]'`.",
    ),
    "pg_yoyo_missing": (
        "`db upgrade` applies the migrations with yoyo-migrations, which is not installed: "
        "install taskreg's PostgreSQL extra, `pip install 'taskreg[postgresql]'`.",
        "`db upgrade` áp dụng các bản chuyển đổi bằng yoyo-migrations nhưng gói này chưa được cài: "
        "hãy cài phần PostgreSQL của taskreg, `pip install 'taskreg[postgresql]'`.",
    ),
    "pg_cannot_connect": (
        "Cannot connect to the register at {url}: {reason}.",
        "Không kết nối được sổ đăng ký tại {url}: {reason}.",
    ),
    # why a connection failed (storage/postgresql/connection.py connection_reason): the cause in
    # the output language, libpq's own words only as the detail
    "pg_why_password_wrong": (
        "the server refused the password of the login {login} (libpq: {detail})",
        "máy chủ từ chối mật khẩu của tài khoản {login} (libpq: {detail})",
    ),
    "pg_why_no_password": (
        "the server asks for a password and none was found: put it in ~/.pgpass or a service file",
        "máy chủ yêu cầu mật khẩu nhưng không tìm thấy mật khẩu nào: hãy ghi mật khẩu vào ~/.pgpass "
        "hoặc một tệp dịch vụ",
    ),
    "pg_why_no_database": (
        "the server has no database {name}",
        "máy chủ không có cơ sở dữ liệu {name}",
    ),
    "pg_why_no_login": (
        "the server has no login {login}",
        "máy chủ không có tài khoản đăng nhập {login}",
    ),
    "pg_why_no_host": (
        "the host name {host} is not known",
        "không tìm thấy máy chủ có tên {host}",
    ),
    "pg_why_unreachable": (
        "no PostgreSQL server answers there (libpq: {detail})",
        "không có máy chủ PostgreSQL nào trả lời tại đó (libpq: {detail})",
    ),
    "pg_why_other": ("the server said: {detail}", "máy chủ báo: {detail}"),
    "pg_failed": ("The register at {url} failed: {reason}.", "Sổ đăng ký tại {url} gặp lỗi: {reason}."),
    "pg_denied": (
        "PostgreSQL refused this for the register at {url}: {reason}.",
        "PostgreSQL từ chối thao tác này trên sổ đăng ký tại {url}: {reason}.",
    ),
    "pg_no_rights": (
        "The login {login} may not read the register at {url}: ask the administrator for `taskreg admin grant`.",
        "Tài khoản {login} không được đọc sổ đăng ký tại {url}: hãy đề nghị quản trị viên cấp quyền bằng `taskreg admin grant`.",
    ),
    "pg_needs_upgrade": (
        "The register at {url} has not been upgraded to this taskreg's schema: ask the administrator to run `taskreg db upgrade`. Nothing was changed.",
        "Sổ đăng ký tại {url} chưa được nâng cấp lên lược đồ của phiên bản taskreg này: hãy đề nghị quản trị viên chạy `taskreg db upgrade`. Không có gì bị thay đổi.",
    ),
    "pg_today_refused": (
        "TASKREG_TODAY cannot pin the date in the register at {url}: its owner has not allowed it (a test register only); unset it.",
        "Không dùng được TASKREG_TODAY để cố định ngày trên sổ đăng ký tại {url}: chủ sở hữu sổ chưa cho phép (chỉ dành cho sổ thử nghiệm); hãy bỏ biến này.",
    ),
    "pg_may_liaison": (
        "it may write only the tasks led by {agencies}",
        "tài khoản này chỉ được ghi nhiệm vụ do {agencies} chủ trì",
    ),
    "pg_may_read": (
        "it may only read this register",
        "tài khoản này chỉ được đọc sổ đăng ký",
    ),
    "pg_write_denied": (
        "Refused: the login {login} may not write the tasks led by {agency} ({may}). Nothing was changed.",
        "Bị từ chối: tài khoản {login} không được thêm hay ghi nhiệm vụ của đơn vị {agency} ({may}). Không có gì bị thay đổi.",
    ),
    "pg_write_denied_register": (
        "Refused: the agency directory, settings and imports that create agencies are the office's, and the login {login} may not change them ({may}). Nothing was changed.",
        "Bị từ chối: danh mục đơn vị, cấu hình và việc nhập tệp có tạo đơn vị thuộc quyền Văn phòng, tài khoản {login} không được thay đổi ({may}). Không có gì bị thay đổi.",
    ),
    "pg_backup": (
        "A PostgreSQL register is backed up by its owner with pg_dump (see docs/postgresql.md), not with `taskreg backup`.",
        "Sổ đăng ký trên PostgreSQL do chủ sở hữu sao lưu bằng pg_dump (xem docs/postgresql.md), không dùng `taskreg backup`.",
    ),
    "pg_cannot_create_roles": (
        "The group roles {roles} are missing at {url}, and this login may not create roles: run this as an administrator with CREATEROLE.",
        "Thiếu các vai trò nhóm {roles} tại {url}, và tài khoản này không được tạo vai trò: hãy chạy bằng tài khoản quản trị có quyền CREATEROLE.",
    ),
    "pg_not_owner": (
        "The login {login} is not a member of {owner}, which owns the register at {url}: run this as the administrator.",
        "Tài khoản {login} không thuộc vai trò {owner} (chủ sở hữu sổ đăng ký tại {url}): hãy chạy bằng tài khoản quản trị.",
    ),
    "db_up_to_date": ("The register's schema is up to date.", "Lược đồ của sổ đăng ký đã là mới nhất."),
    "db_upgraded": (
        "Applied the migrations {names}.",
        "Đã áp dụng các bản cập nhật lược đồ {names}.",
    ),
    "admin_file_register": (
        "{path} is a file register: its rights are the file's own (see docs/safety.md); `taskreg admin` is for a PostgreSQL register.",
        "{path} là sổ đăng ký dạng tệp: quyền truy cập do quyền của tệp quyết định (xem docs/safety.md); `taskreg admin` dành cho sổ đăng ký trên PostgreSQL.",
    ),
    "admin_groups_made": ("Created the group roles {roles}.", "Đã tạo các vai trò nhóm {roles}."),
    "admin_groups_there": (
        "The group roles taskreg_office, taskreg_liaison and taskreg_reader already exist.",
        "Các vai trò nhóm taskreg_office, taskreg_liaison và taskreg_reader đã có sẵn.",
    ),
    "admin_liaison_needs_agency": (
        "A liaison writes the tasks of its agencies: give --agency (one or more).",
        "Cán bộ đầu mối ghi nhiệm vụ của đơn vị mình: hãy cho --agency (một hoặc nhiều đơn vị).",
    ),
    "admin_agency_only_liaison": (
        "--agency is for a liaison; the {role} role is not tied to agencies.",
        "--agency chỉ dành cho cán bộ đầu mối; vai trò {role} không gắn với đơn vị.",
    ),
    "admin_no_login": (
        "There is no login {login} on this server: create it first with `createuser --pwprompt {login}`.",
        "Máy chủ không có tài khoản {login}: hãy tạo trước bằng `createuser --pwprompt {login}`.",
    ),
    "admin_not_a_login": (
        "{login} is a role that cannot log in; grant rights to a login made with createuser.",
        "{login} là vai trò không đăng nhập được; hãy cấp quyền cho tài khoản tạo bằng createuser.",
    ),
    "admin_granted_office": (
        "{login} may now write every agency's tasks, the directory and the settings.",
        "{login} từ nay được ghi nhiệm vụ của mọi đơn vị, danh mục đơn vị và cấu hình.",
    ),
    "admin_granted_liaison": (
        "{login} may now write the tasks led by {agencies}.",
        "{login} từ nay được ghi nhiệm vụ do {agencies} chủ trì.",
    ),
    "admin_granted_reader": (
        "{login} may now read the register, and write nothing.",
        "{login} từ nay được đọc sổ đăng ký, không được ghi.",
    ),
    "admin_nothing_to_revoke": (
        "{login} has no rights in this register; nothing was changed.",
        "{login} không có quyền nào trong sổ đăng ký này; không có gì bị thay đổi.",
    ),
    "admin_revoked": (
        "{login} may no longer write in this register.",
        "{login} không còn được ghi vào sổ đăng ký này.",
    ),
    "admin_no_users": (
        "No login has rights in this register yet: `taskreg admin grant`.",
        "Chưa tài khoản nào có quyền trong sổ đăng ký này: dùng `taskreg admin grant`.",
    ),
    "admin_role_office": ("office ", "văn phòng"),
    "admin_role_liaison": ("liaison", "đầu mối "),
    "admin_role_reader": ("reader ", "chỉ xem  "),
    # a role as a history line names it (taskreg.present.events): the words above, unpadded
    "role_office": ("office", "văn phòng"),
    "role_liaison": ("liaison", "đầu mối"),
    "role_reader": ("reader", "chỉ xem"),
}
