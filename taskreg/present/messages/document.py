"""The report document's fixed texts (`report --format docx`, taskreg.formats.document).

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the header block and the title ------------------------------------------------------
    "doc_nation": ("SOCIALIST REPUBLIC OF VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "doc_motto": ("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "doc_number": ("No.: {symbol}", "Số: {symbol}"),
    # A report not yet numbered: the number and the issuer's code are filled in at issue.
    "doc_symbol_blank": ("....../BC-......", "....../BC-......"),
    "doc_place_blank": (".......", "......."),
    "doc_date_line": ("{place}, {day} {month_name} {year}", "{place}, ngày {day} tháng {month} năm {year}"),
    "doc_type": ("REPORT", "BÁO CÁO"),
    "doc_subject_all": (
        "Implementation of the tasks {org} assigned in {period}",
        "Tình hình thực hiện nhiệm vụ {org} giao {period}",
    ),
    "doc_subject_all_starred": (
        "Implementation of the key tasks {org} assigned in {period}",
        "Tình hình thực hiện nhiệm vụ trọng tâm {org} giao {period}",
    ),
    "doc_subject_one_starred": (
        "Implementation by {agency} of the key tasks {org} assigned in {period}",
        "Tình hình thực hiện nhiệm vụ trọng tâm {org} giao {period} của {agency}",
    ),
    "doc_subject_one": (
        "Implementation by {agency} of the tasks {org} assigned in {period}",
        "Tình hình thực hiện nhiệm vụ {org} giao {period} của {agency}",
    ),
    # -- the body ----------------------------------------------------------------------------
    "doc_h_general": ("I. OVERALL RESULTS", "I. KẾT QUẢ CHUNG"),
    "doc_h_agencies": ("II. RESULTS BY LEAD AGENCY", "II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ"),
    "doc_agencies_chart_below": (
        "The figures of each lead agency, worst completion rate first, are in the Appendix; the following chart shows the four states of each agency's tasks in the same order.",
        "Số liệu của từng cơ quan, đơn vị chủ trì, xếp theo tỷ lệ hoàn thành từ thấp đến cao, tại Phụ lục kèm theo; biểu đồ sau thể hiện tình trạng thực hiện nhiệm vụ của từng cơ quan, đơn vị theo cùng thứ tự.",
    ),
    "doc_agencies_chart_appendix": (
        "The figures of each lead agency, worst completion rate first, are in Appendix I; the chart in Appendix II shows the four states of each agency's tasks in the same order.",
        "Số liệu của từng cơ quan, đơn vị chủ trì, xếp theo tỷ lệ hoàn thành từ thấp đến cao, tại Phụ lục I kèm theo; biểu đồ tại Phụ lục II thể hiện tình trạng thực hiện nhiệm vụ của từng cơ quan, đơn vị theo cùng thứ tự.",
    ),
    "doc_chart_appendix_title": (
        "STATE OF THE TASKS {org} ASSIGNED IN {period} BY LEAD AGENCY AS OF {day}",
        "TÌNH TRẠNG THỰC HIỆN NHIỆM VỤ {org} GIAO {period} CỦA CÁC CƠ QUAN, ĐƠN VỊ CHỦ TRÌ ĐẾN NGÀY {day}",
    ),
    "doc_agencies_appendix_only": (
        "The figures of each lead agency are in the Appendix.",
        "Số liệu của từng cơ quan, đơn vị chủ trì tại Phụ lục kèm theo.",
    ),
    "doc_agencies_none": (
        "No lead agency has a task in this report.",
        "Không có cơ quan, đơn vị nào có nhiệm vụ trong kỳ báo cáo.",
    ),
    "doc_chart_title": (
        "Tasks of each lead agency by state, as of {day}",
        "Tình trạng thực hiện nhiệm vụ của các cơ quan, đơn vị đến ngày {day}",
    ),
    "doc_chart_axis": ("Tasks", "Số nhiệm vụ"),
    "doc_chart_note": (
        "Agencies worst completion rate first, as in the table of the Appendix.",
        "Cơ quan, đơn vị xếp theo tỷ lệ hoàn thành từ thấp đến cao, như bảng số liệu tại Phụ lục.",
    ),
    "doc_h_overdue": ("III. TASKS OPEN PAST THEIR DEADLINE", "III. NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN"),
    "doc_overdue_intro": (
        "As of {day}, {n} {n:task is|tasks are} open past {n:its|their} deadline. They are listed by lead agency, the agency with the longest overdue task first, and in each agency the longest overdue first:",
        "Đến ngày {day}, còn {n} nhiệm vụ chưa hoàn thành quá hạn, liệt kê theo từng cơ quan, đơn vị chủ trì: cơ quan, đơn vị có nhiệm vụ quá hạn lâu nhất xếp trước; nhiệm vụ của mỗi cơ quan, đơn vị xếp theo số ngày quá hạn từ nhiều đến ít:",
    ),
    "doc_overdue_none": (
        "As of {day}, no task is open past its deadline.",
        "Đến ngày {day}, không có nhiệm vụ nào chưa hoàn thành quá hạn.",
    ),
    "doc_overdue_group": ("{name}: {n} {n:task|tasks}", "{name}: {n} nhiệm vụ"),
    "doc_long_overdue": (
        "(*) Overdue by more than {days} days.",
        "(*) Nhiệm vụ quá hạn trên {days} ngày.",
    ),
    "doc_col_no": ("No.", "STT"),
    "doc_col_source": ("Assigned by document", "Văn bản giao"),
    "doc_source_dated": ("{symbol} of {day}", "{symbol} ngày {day}"),
    "doc_col_task": ("Task", "Nội dung nhiệm vụ"),
    "doc_col_due": ("Deadline", "Thời hạn"),
    "doc_col_days": ("Days overdue", "Số ngày quá hạn"),
    # The cancelled and no-deadline counts in one sentence (taskreg.present.prose.document_extra).
    "doc_extra_cancelled": (
        "{n} cancelled {n:task is|tasks are} not counted above",
        "{n} nhiệm vụ đã dừng thực hiện (không tính vào số trên)",
    ),
    "doc_extra_no_deadline": (
        "{n} {n:has|have} no set deadline (ongoing)",
        "{n} nhiệm vụ không có thời hạn cụ thể (thường xuyên)",
    ),
    "doc_extra_both": (
        "Besides, {cancelled}; of the tasks above, {no_deadline}.",
        "Ngoài ra, {cancelled}; trong số trên có {no_deadline}.",
    ),
    "doc_extra_one_cancelled": ("Besides, {cancelled}.", "Ngoài ra, {cancelled}."),
    "doc_extra_one_no_deadline": ("Of the tasks above, {no_deadline}.", "Trong số trên có {no_deadline}."),
    "doc_later": (
        "After {day}, {corrected} {corrected:task|tasks} of this report {corrected:was|were} corrected and {entered} {entered:was|were} entered late.",
        "Sau ngày {day}, {corrected} nhiệm vụ của báo cáo này được đính chính và {entered} nhiệm vụ được nhập muộn.",
    ),
    # The digest of a published period's figures, in the document's properties (never its text).
    "doc_digest": ("SHA-256: {digest}", "SHA-256: {digest}"),
    "doc_closing": ("This is the report on the {subject}.", "Trên đây là báo cáo {subject}./."),
    # -- the end -----------------------------------------------------------------------------
    "doc_recipients": ("Recipients:", "Nơi nhận:"),
    # -- the appendix: the per-agency table ---------------------------------------------------
    "doc_appendix": ("Appendix", "Phụ lục"),
    "doc_appendix_title": (
        "RESULTS OF THE TASKS {org} ASSIGNED IN {period} BY LEAD AGENCY",
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ {org} GIAO {period} THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ",
    ),
    "doc_appendix_of": (
        "(Attached to Report No. {symbol} of {day} by {org})",
        "(Kèm theo Báo cáo số {symbol} ngày {day} của {org})",
    ),
    "doc_appendix_as_of": (
        "As of {day}; worst completion rate first",
        "Tính đến ngày {day}; xếp theo tỷ lệ hoàn thành từ thấp đến cao",
    ),
    "doc_col_agency": ("Lead agency", "Cơ quan, đơn vị chủ trì"),
    "doc_col_code": ("Code", "Ký hiệu"),
    "doc_col_total": ("Tasks", "Tổng số nhiệm vụ"),
    "doc_col_done": ("Completed", "Đã hoàn thành"),
    "doc_col_open": ("Open", "Chưa hoàn thành"),
    "doc_col_on_time": ("On time", "Đúng hạn"),
    "doc_col_late": ("Late", "Quá hạn"),
    "doc_col_overdue": ("Past deadline", "Quá hạn"),
    "doc_col_in_progress": ("Within deadline", "Trong hạn"),
    "doc_col_no_deadline": ("Of which no deadline", "Trong đó không có hạn"),
    "doc_col_completion": ("Done %", "Tỷ lệ hoàn thành"),
    "doc_col_on_time_rate": ("On time %", "Tỷ lệ đúng hạn"),
    "doc_col_update_rate": ("Updated %", "Tỷ lệ cập nhật"),
    "doc_col_oldest": ("Oldest overdue (days)", "Quá hạn lâu nhất (ngày)"),
    "doc_total_row": ("Total", "Tổng cộng"),
    "doc_table_note": (
        "Done %: the completion rate {basis}; on time %: of the tasks completed",
        "Tỷ lệ hoàn thành tính {basis}; tỷ lệ đúng hạn tính trên số nhiệm vụ đã hoàn thành",
    ),
    "doc_table_cancelled": (
        "{n} cancelled {n:task is|tasks are} not counted",
        "không tính {n} nhiệm vụ dừng thực hiện",
    ),
}
