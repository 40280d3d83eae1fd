"""The agency directory's words (`agency add|edit|rename|retire|merge|list`, SPEC §4, §13):
its refusals, its confirmations and its listing. key: (English, Vietnamese); part of the one
catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
