"""Publications and their lock (README "Publications").

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "pub_scope": ("{period} as of {day}", "{period} đến ngày {day}"),
    "pub_version": ("version {n}", "lần {n}"),
    "pub_symbol": ("report {symbol}", "báo cáo số {symbol}"),
    "pub_headline": ("Figures published on {day}", "Số liệu đã công bố ngày {day}"),
    "published": (
        "Published {what}: {on_time} completed on time, {late} completed late, {overdue} open past their deadline, {in_progress} open within their deadline.",
        "Đã công bố số liệu {what}: {on_time} nhiệm vụ hoàn thành đúng hạn, {late} nhiệm vụ hoàn thành quá hạn, {overdue} nhiệm vụ chưa hoàn thành quá hạn, {in_progress} nhiệm vụ chưa hoàn thành còn trong hạn.",
    ),
    "publish_future": (
        "The as-of date {day} is after today: figures cannot be published before that day.",
        "Ngày {day} còn ở phía trước: chưa thể công bố số liệu tính đến ngày đó.",
    ),
    "publish_before_period": (
        "The as-of date {day} is before the period begins: there is nothing to publish.",
        "Ngày {day} ở trước kỳ báo cáo: không có số liệu để công bố.",
    ),
    "publish_reason_needed": (
        "These figures have been published already; publishing them again makes version {version}: say why with --reason.",
        "Số liệu này đã được công bố; công bố lại sẽ là lần {version}: hãy ghi lý do bằng --reason.",
    ),
    "pub_drift": (
        "The live figures now differ from the published ones: on time {on_time}, late {late}, overdue {overdue}, in progress {in_progress}{cancelled} (`--live` prints the live figures, `--changes` lists the tasks that moved).",
        "Số liệu hiện nay đã khác số liệu đã công bố: hoàn thành đúng hạn {on_time}, hoàn thành quá hạn {late}, chưa hoàn thành quá hạn {overdue}, chưa hoàn thành còn trong hạn {in_progress}{cancelled} (`--live` cho số liệu hiện nay, `--changes` cho danh sách nhiệm vụ đã thay đổi).",
    ),
    "pub_drift_live": (
        "These live figures differ from the published ones: on time {on_time}, late {late}, overdue {overdue}, in progress {in_progress}{cancelled} (`--changes` lists the tasks that moved).",
        "Số liệu hiện nay này khác số liệu đã công bố: hoàn thành đúng hạn {on_time}, hoàn thành quá hạn {late}, chưa hoàn thành quá hạn {overdue}, chưa hoàn thành còn trong hạn {in_progress}{cancelled} (`--changes` cho danh sách nhiệm vụ đã thay đổi).",
    ),
    "pub_drift_cancelled": ("; cancelled {n}", "; dừng thực hiện {n}"),
    "pub_drift_rows": (
        "The totals still agree with the published ones, but the rows of {agencies} now differ (`--changes` lists the tasks that moved).",
        "Tổng số vẫn khớp với số liệu đã công bố, nhưng số liệu của {agencies} đã khác (`--changes` cho danh sách nhiệm vụ đã thay đổi).",
    ),
    "report_not_published": (
        "{period} has not been published: there are no changes since a publication to list.",
        "Chưa công bố số liệu {period}: không có gì để so sánh.",
    ),
    "report_changes_format": (
        "--changes prints text or json.",
        "--changes chỉ in dạng text hoặc json.",
    ),
    "report_changes_starred": (
        "--changes compares with a publication, which counts every task, not the key tasks alone: leave out --starred.",
        "--changes so với số liệu đã công bố, vốn tính mọi nhiệm vụ chứ không riêng nhiệm vụ trọng tâm: hãy bỏ --starred.",
    ),
    "ch_count": (
        "{n} {n:task has|tasks have} moved since:",
        "Có {n} nhiệm vụ đã thay đổi kể từ khi công bố:",
    ),
    "ch_none": ("No task has moved since.", "Chưa có nhiệm vụ nào thay đổi kể từ khi công bố."),
    "ch_outside": ("not counted", "không được tính"),
    "no_publications": ("No figures have been published yet.", "Chưa công bố số liệu nào."),
    "pl_id": ("No.", "Số"),
    "pl_period": ("Period", "Kỳ báo cáo"),
    "pl_as_of": ("As of", "Đến ngày"),
    "pl_version": ("Version", "Lần"),
    "pl_at": ("Published at", "Công bố lúc"),
    "pl_actor": ("By", "Người công bố"),
    "pl_symbol": ("Report", "Số báo cáo"),
    "pl_digest": ("SHA-256", "SHA-256"),
    "pl_agrees": ("Live agrees", "Khớp hiện nay"),
    "pl_yes": ("yes", "có"),
    "pl_no": ("no", "không"),
    # -- the lock ----------------------------------------------------------------------------
    "published_locked": (
        "Task #{id} is counted in published figures ({publication}){more}, and this change would move them; published figures are locked (`config set lock-published`). To amend them, give --amend-published REASON.",
        'Nhiệm vụ số {id} thuộc số liệu đã công bố ({publication}){more}, thay đổi này sẽ làm số liệu đó thay đổi; số liệu đã công bố đang được khóa (`config set lock-published`). Muốn sửa, hãy thêm --amend-published "LÝ DO".',
    ),
    "published_locked_new": (
        "This task would be counted in published figures ({publication}){more}; published figures are locked (`config set lock-published`). To amend them, give --amend-published REASON.",
        'Nhiệm vụ này sẽ được tính vào số liệu đã công bố ({publication}){more}; số liệu đã công bố đang được khóa (`config set lock-published`). Muốn sửa, hãy thêm --amend-published "LÝ DO".',
    ),
    "published_locked_join": (
        "Task #{id} would then be counted in published figures ({publication}){more}, and they would move; published figures are locked (`config set lock-published`). To amend them, give --amend-published REASON.",
        'Sau thay đổi này, nhiệm vụ số {id} sẽ được tính vào số liệu đã công bố ({publication}){more}, làm số liệu đó thay đổi; số liệu đã công bố đang được khóa (`config set lock-published`). Muốn sửa, hãy thêm --amend-published "LÝ DO".',
    ),
    "published_locked_import": (
        "This file has tasks assigned in a published period ({publication}){more}, the first of them #{id}; published figures are locked (`config set lock-published`). To amend them, give --amend-published REASON.",
        'Tệp này có nhiệm vụ được giao trong kỳ đã công bố số liệu ({publication}){more}, đầu tiên là nhiệm vụ số {id}; số liệu đã công bố đang được khóa (`config set lock-published`). Muốn sửa, hãy thêm --amend-published "LÝ DO".',
    ),
    "edit_done_not_done": (
        "Task #{id} is not done: it has no completion date to correct (`taskreg done` records one).",
        "Nhiệm vụ số {id} chưa hoàn thành nên không có ngày hoàn thành để sửa (dùng `taskreg done`).",
    ),
    "amend_reason_needed": (
        "--amend-published needs a reason: say why the published figures are amended.",
        "--amend-published cần có lý do: hãy ghi vì sao sửa số liệu đã công bố.",
    ),
    "publish_denied": (
        "Refused: the login {login} may not publish the figures of {scope} ({may}). Nothing was changed.",
        "Bị từ chối: tài khoản {login} không được công bố số liệu của {scope} ({may}). Không có gì bị thay đổi.",
    ),
    "pub_all": ("all agencies", "tất cả các đơn vị"),
    "pub_more": (" and others", " và các kỳ khác"),
    "pg_publish_office_only": (
        "Refused: only the office may publish figures; the login {login} may not. Nothing was changed.",
        "Bị từ chối: chỉ văn phòng được công bố số liệu; tài khoản {login} không được. Không có gì bị thay đổi.",
    ),
    "pg_remind_office_only": (
        "Refused: only the office may send reminders; the login {login} may not. Nothing was sent.",
        "Bị từ chối: chỉ văn phòng được gửi thư đôn đốc; tài khoản {login} không được. Chưa gửi thư nào.",
    ),
    "pg_amend_office_only": (
        "Only the office may amend published figures; the login {login} may not.",
        "Chỉ văn phòng được sửa số liệu đã công bố; tài khoản {login} không được.",
    ),
    "pg_confirm_office_only": (
        "Refused: only the office may confirm or return a completion; the login {login} may not. Nothing was changed.",
        "Bị từ chối: chỉ văn phòng được xác nhận hoặc trả lại kết quả hoàn thành; tài khoản {login} không được. Không có gì bị thay đổi.",
    ),
    "amended_which": (
        "publication {ids} (`taskreg publications`)",
        "số liệu công bố số {ids} (xem `taskreg publications`)",
    ),
    "a_publish": ("published", "công bố số liệu"),
    "a_amend_published": ("amended published figures", "sửa số liệu đã công bố"),
    # -- check, import ---------------------------------------------------------------------
    "check_publication": (
        "publication {id} ({publication}) does not match its SHA-256 digest",
        "số liệu công bố số {id} ({publication}) không khớp mã SHA-256 của nó",
    ),
    "check_publication_counts": (
        "publication {id} ({publication}) does not count its own list of tasks: its figures were not computed by taskreg",
        "số liệu công bố số {id} ({publication}) không khớp danh sách công việc của chính nó: số liệu không do taskreg tính",
    ),
    "check_publication_event": (
        "publication {id} ({publication}) has no publish event of its own (of its period, version, actor and time): "
        "it was not published by taskreg",
        "số liệu công bố số {id} ({publication}) không có sự kiện công bố của riêng nó (cùng kỳ, phiên bản, người và "
        "thời điểm công bố): không phải do taskreg công bố",
    ),
    "check_publications_ok": (
        "{n} {n:publication matches its|publications match their} SHA-256 {n:digest|digests}.",
        "{n} số liệu công bố đều khớp mã SHA-256.",
    ),
    "import_publication_bad": (
        "Publication {n} of the file is not one taskreg wrote; nothing was imported.",
        "Số liệu công bố thứ {n} trong tệp không phải do taskreg ghi; chưa nhập gì.",
    ),
    "import_publication_digest": (
        "Publication {n} of the file does not match its SHA-256 digest (it was changed after export); nothing was imported.",
        "Số liệu công bố thứ {n} trong tệp không khớp mã SHA-256 (đã bị sửa sau khi xuất); chưa nhập gì.",
    ),
    "import_publication_agency": (
        "Publication {n} of the file is of agency {code}, which the register does not have; nothing was imported.",
        "Số liệu công bố thứ {n} trong tệp là của đơn vị {code}, đơn vị này chưa có trong sổ; chưa nhập gì.",
    ),
    "import_publications_restored": (
        "Restored {n} {n:publication|publications}, each matching its SHA-256 digest.",
        "Đã khôi phục {n} số liệu công bố, đều khớp mã SHA-256.",
    ),
    "import_publications_skipped": (
        "The file's {n} {n:publication was|publications were} not restored: the register already had tasks.",
        "Không khôi phục {n} số liệu công bố trong tệp: sổ đã có nhiệm vụ.",
    ),
    # -- the document ----------------------------------------------------------------------
    "report_docx_by": (
        "The report document is by agency: --by {by} prints as text, table, json or csv.",
        "Văn bản báo cáo lập theo đơn vị: --by {by} chỉ in dạng text, table, json hoặc csv.",
    ),
    "report_docx_needs_file": (
        "--format docx writes a file: give it with -o FILE.",
        "--format docx ghi ra tệp: hãy chỉ tệp bằng -o TỆP.",
    ),
    "report_output_docx_only": (
        "-o is for --format docx; the other formats print to the terminal.",
        "-o chỉ dùng với --format docx; các dạng khác in ra màn hình.",
    ),
    "report_docx_ok": ("Wrote {path}.", "Đã ghi {path}."),
}
