"""Import and export.

key: (English, Vietnamese). Part of the one catalogue, taskreg.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- import and export -------------------------------------------------------------------
    "import_format_unknown": ("Cannot tell the format of {path}: give --format csv, xlsx or json.",
                              "Không nhận ra định dạng của {path}: hãy ghi --format csv, xlsx hoặc json."),
    "import_unreadable": ("Cannot read {path}: {reason}.", "Không đọc được {path}: {reason}."),
    "import_missing_columns": ("The file has no column for {columns}; name the columns as the README lists them.",
                               "Tệp thiếu cột {columns}; đặt tên cột như README hướng dẫn."),
    "import_invalid": ("Nothing was imported: {n} {n:problem|problems} in the file; correct {n:it|them} and import again.",
                       "Chưa nhập gì: tệp có {n} lỗi; sửa rồi nhập lại."),
    "import_row": ("Row {row}, {column}: {reason}", "Dòng {row}, {column}: {reason}"),
    "import_more": ("… and {n} more.", "… và {n} lỗi khác."),
    "import_value_missing": ("the value is missing.", "thiếu giá trị."),
    "import_formula": ("the formula {formula} has no saved value; open and save the file in Excel, or paste values.",
                       "công thức {formula} chưa có giá trị được lưu; hãy mở và lưu tệp bằng Excel, hoặc dán giá trị."),
    "import_done_and_cancelled": ("a task cannot be both done and cancelled.",
                                  "nhiệm vụ không thể vừa hoàn thành vừa dừng thực hiện."),
    "import_history_bad": ("not a list of entries as taskreg exports them.",
                           "không phải danh sách mục theo dạng taskreg xuất ra."),
    "whole_row": ("whole row", "cả dòng"),
    "import_row_unreadable": ("a cell is not of a kind taskreg reads ({reason}).",
                              "có ô không đúng kiểu taskreg đọc được ({reason})."),
    "import_row_note": ("Row {row}: {note}", "Dòng {row}: {note}"),
    "import_1970": ("Row {row}: deadline 01/01/1970 read as no deadline.",
                    "Dòng {row}: hạn 01/01/1970 được hiểu là không có hạn."),
    "import_column_ignored": ("Column '{column}' is not a task field; it was ignored.",
                              "Cột '{column}' không phải trường của nhiệm vụ; đã bỏ qua."),
    "import_ok": ("Imported {imported} of {rows} {rows:row|rows} from {path} ({skipped} already in the register, {created} {created:agency|agencies} created).",
                  "Đã nhập {imported}/{rows} dòng từ {path} ({skipped} dòng đã có trong sổ, tạo mới {created} đơn vị)."),
    "import_dry": ("Dry run: {imported} of {rows} {rows:row|rows} from {path} would be imported ({skipped} already in the register, {created} {created:agency|agencies} would be created); nothing was written.",
                   "Chạy thử: sẽ nhập {imported}/{rows} dòng từ {path} ({skipped} dòng đã có, tạo mới {created} đơn vị); chưa ghi gì."),
    "export_ok": ("Exported {n} {n:task|tasks} to {path}.", "Đã xuất {n} nhiệm vụ ra {path}."),
    "export_xlsx_needs_file": ("An .xlsx export needs -o FILE.", "Xuất .xlsx cần -o TỆP."),
    "sheet_tasks": ("Tasks", "Nhiệm vụ"),
    "sheet_report": ("By agency", "Theo đơn vị"),
}
