"""Import and export.

key: (English, Vietnamese). Part of the one catalogue, taskreg.present.messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "import_merger_bad": (
        "The file's mergers are damaged ({text}): each has agency, into and an ISO date on; nothing was imported.",
        "Danh sách sáp nhập trong tệp bị hỏng ({text}): mỗi mục cần agency, into và ngày on dạng ISO; không nhập gì.",
    ),
    "import_map_agency_bad": (
        "--map-agency takes OLD=NEW, two different agencies: '{text}'.",
        "--map-agency cần dạng CŨ=MỚI, hai đơn vị khác nhau: '{text}'.",
    ),
    # -- import and export -------------------------------------------------------------------
    "import_format_unknown": (
        "Cannot tell the format of {path}: give --format csv, xlsx or json.",
        "Không nhận ra định dạng của {path}: hãy ghi rõ --format csv, xlsx hoặc json.",
    ),
    "import_unreadable": ("Cannot read {path}: {reason}.", "Không đọc được {path}: {reason}."),
    "import_missing_columns": (
        "The file has no column for {columns}; name the columns as docs/import-export.md lists them.",
        "Tệp thiếu cột {columns}; hãy đặt tên cột như docs/import-export.md hướng dẫn.",
    ),
    "import_invalid": (
        "Nothing was imported: {n} {n:problem|problems} in the file; correct {n:it|them} and import again.",
        "Chưa nhập gì: tệp có {n} lỗi; hãy sửa rồi nhập lại.",
    ),
    "import_invalid_agencies": (
        "Nothing was imported: {n} {n:problem|problems} in the file, some of them agencies the register does not have; register them with `taskreg agency add`, or import again with --create-agencies to register them as the file names them (--dry-run shows what would be created).",
        "Chưa nhập gì: tệp có {n} lỗi, trong đó có đơn vị chưa có trong sổ; hãy đăng ký các đơn vị đó bằng `taskreg agency add`, hoặc nhập lại với --create-agencies để đăng ký theo tên trong tệp (thêm --dry-run để xem trước các đơn vị sẽ được tạo).",
    ),
    "import_row": ("Row {row}, {column}: {reason}", "Dòng {row}, {column}: {reason}"),
    "import_more": ("… and {n} more.", "… và {n} lỗi khác."),
    "import_value_missing": (
        "the value is missing.",
        "ô này để trống.",
    ),
    "import_formula": (
        "the formula {formula} has no saved value; open and save the file in Excel, or paste values.",
        "công thức {formula} chưa có giá trị được lưu; hãy mở và lưu tệp bằng Excel, hoặc dán giá trị.",
    ),
    "import_done_and_cancelled": (
        "a task cannot be both done and cancelled.",
        "nhiệm vụ không thể vừa hoàn thành vừa dừng thực hiện.",
    ),
    "import_history_bad": (
        "not a list of entries as taskreg exports them.",
        "không phải danh sách mục theo dạng taskreg xuất ra.",
    ),
    "whole_row": ("whole row", "cả dòng"),
    "import_row_unreadable": (
        "a cell is not of a kind taskreg reads ({reason}).",
        "có ô không đúng kiểu taskreg đọc được ({reason}).",
    ),
    "import_row_note": ("Row {row}: {note}", "Dòng {row}: {note}"),
    # -- files that would break or swamp a reader (SPEC §8) -----------------------------------
    "import_not_utf8": (
        'Cannot read {path}: row {row} is not UTF-8 text (perhaps saved as Windows-1258 or Windows-1252); in Excel, save it as "CSV UTF-8" or .xlsx, or convert it with `iconv -f WINDOWS-1258 -t UTF-8 FILE > NEW-FILE`.',
        'Không đọc được {path}: dòng {row} không phải văn bản UTF-8 (có thể tệp được lưu bằng bảng mã Windows-1258 hoặc Windows-1252); hãy mở tệp bằng Excel và lưu lại dưới dạng "CSV UTF-8" hoặc .xlsx, hoặc chuyển mã bằng `iconv -f WINDOWS-1258 -t UTF-8 TỆP > TỆP-MỚI`.',
    ),
    "import_json_not_utf8": (
        "Cannot read {path}: line {line} is not UTF-8 text; save the file as UTF-8.",
        "Không đọc được {path}: dòng {line} không phải văn bản UTF-8; đề nghị lưu lại tệp dưới dạng UTF-8.",
    ),
    "import_csv_row_bad": ("Cannot read {path}: row {row}: {reason}.", "Không đọc được {path}: dòng {row}: {reason}."),
    "import_csv_line_long": (
        "it has more than {limit} MiB on one line, far more than any row of tasks",
        "có hơn {limit} MiB trên một dòng, dài hơn nhiều so với bất kỳ dòng nhiệm vụ nào",
    ),
    "xlsx_too_big": (
        "it would expand to {size} MiB, beyond the {limit} MiB taskreg reads from an .xlsx (far more than any register); split it into several files",
        "tệp khi giải nén sẽ lên tới {size} MiB, vượt giới hạn {limit} MiB taskreg đọc từ một tệp .xlsx (lớn hơn nhiều so với mọi sổ đăng ký); đề nghị chia thành nhiều tệp",
    ),
    "xlsx_bomb": (
        "its part {part} would expand {ratio} times, to {size} MiB, where a spreadsheet's parts expand less than {limit} times: a decompression bomb, refused unread",
        "thành phần {part} khi giải nén sẽ tăng {ratio} lần, lên tới {size} MiB, trong khi thành phần của bảng tính tăng chưa tới {limit} lần: đây là tệp nén độc hại (bom giải nén), taskreg từ chối mà không đọc",
    ),
    "xlsx_strings_too_big": (
        "its shared strings ({part}) would fill more than {limit} MiB, far more than any register's text; split it into several files",
        "bảng chuỗi dùng chung ({part}) vượt quá {limit} MiB, lớn hơn nhiều so với văn bản của mọi sổ đăng ký; đề nghị chia thành nhiều tệp",
    ),
    "xlsx_dtd": (
        "its part {part} declares a document type (DTD) or entities, which no spreadsheet needs and taskreg never expands; save it again from Excel",
        "thành phần {part} có khai báo kiểu tài liệu (DTD) hoặc thực thể, điều mà không bảng tính nào cần và taskreg không bao giờ triển khai; đề nghị lưu lại tệp bằng Excel",
    ),
    "xlsx_prolog_long": (
        "its part {part} has more than {limit} KiB before its first element, which no spreadsheet writes",
        "thành phần {part} có hơn {limit} KiB trước phần tử đầu tiên, điều mà không bảng tính nào ghi ra",
    ),
    "xlsx_encoding": (
        "its part {part} declares the encoding '{encoding}', but the parts of an .xlsx are UTF-8; save it again from Excel",
        "thành phần {part} khai báo bảng mã '{encoding}', trong khi các thành phần của tệp .xlsx dùng UTF-8; đề nghị lưu lại tệp bằng Excel",
    ),
    "xlsx_first_sheet": (
        "its first sheet, '{sheet}', is not a worksheet of rows but a chart, dialog or macro sheet; move the sheet of tasks to the front",
        "trang đầu tiên '{sheet}' không phải trang tính gồm các dòng mà là trang biểu đồ, hộp thoại hoặc macro; đề nghị chuyển trang tính chứa nhiệm vụ lên đầu",
    ),
    "xlsx_no_sheet": ("it has no worksheet", "tệp không có trang tính nào"),
    "xlsx_bad_xml": (
        "the file is damaged: a part of it is not well-formed XML ({detail})",
        "tệp bị hỏng: một phần của tệp không phải XML hợp lệ ({detail})",
    ),
    "xlsx_damaged": ("the file is damaged or is not an .xlsx", "tệp bị hỏng hoặc không phải tệp .xlsx"),
    # -- what a JSON file must hold (a JSON export's shapes, field by field) ---------------------
    "json_too_deep": ("it is nested far deeper than any export", "tệp lồng nhau sâu hơn mọi tệp xuất ra"),
    "json_invalid": (
        "it is not valid JSON ({problem} at line {line}, column {column})",
        "tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column})",
    ),
    "import_not_object": ("not an object as taskreg writes one.", "không phải một đối tượng JSON như taskreg ghi ra."),
    "import_cell_kind": ("must be text, a number or null.", "phải là chữ, số hoặc null."),
    "import_co_kind": (
        "must be agency codes: text separated by ';', or a list of texts.",
        "phải là mã đơn vị: các mã cách nhau bằng ';', hoặc một danh sách chuỗi chữ.",
    ),
    "import_nul": (
        "the text holds a NUL character, which a register never stores; remove it from the file.",
        "văn bản có ký tự NUL, sổ không lưu ký tự này; hãy xóa ký tự đó khỏi tệp.",
    ),
    "import_bad_unicode": (
        "the text is not valid Unicode; save the file as UTF-8 again.",
        "văn bản không phải Unicode hợp lệ; hãy lưu lại tệp dạng UTF-8.",
    ),
    "import_event_action": (
        "'{text}' is not an action of a task's history: use one of {choices}.",
        "'{text}' không phải thao tác trong lịch sử nhiệm vụ: dùng một trong {choices}.",
    ),
    "import_bad_timestamp": (
        "'{text}' is not an ISO timestamp (2021-03-31T09:00:00+07:00) in the years {first}–{last}.",
        "'{text}' không phải thời điểm dạng ISO (YYYY-MM-DDTHH:MM:SS+07:00, như taskreg xuất ra) trong các năm từ {first} đến {last}.",
    ),
    "import_bad_actor": (
        "who made the change must be a name of 1 to {max} characters.",
        "người thực hiện phải là tên dài từ 1 đến {max} ký tự.",
    ),
    "import_bad_changes": (
        "must be null or an object of task fields and their values.",
        "phải là null hoặc một đối tượng gồm các trường của nhiệm vụ và giá trị của chúng.",
    ),
    "import_unknown_field": (
        "'{text}' is not a field taskreg records in a task's history.",
        "'{text}' không phải trường taskreg ghi trong lịch sử nhiệm vụ.",
    ),
    "import_bad_value": (
        "must be text, a number, true, false, null or a list of texts.",
        "phải là chữ, số, true, false, null hoặc danh sách chữ.",
    ),
    "import_not_text": ("must be text or null.", "phải là chữ hoặc null."),
    "import_bad_starred": (
        "'{text}' does not say whether it is a key task: use true or false, 1 or 0, x or empty, yes or no.",
        "'{text}' không cho biết có phải nhiệm vụ trọng tâm không: dùng có hoặc không, x hoặc để trống, 1 hoặc 0, true hoặc false.",
    ),
    "import_bad_iso_date": (
        "'{text}' is not an ISO date (2021-03-31) in the years {first}–{last}.",
        "'{text}' không phải ngày dạng ISO (YYYY-MM-DD, như taskreg xuất ra) trong các năm từ {first} đến {last}.",
    ),
    "import_bad_kind": (
        "'{text}' is not a kind of deadline: use one of {choices}.",
        "'{text}' không phải loại hạn: dùng một trong {choices}.",
    ),
    "import_deadlines_disagree": (
        "the last of the task's deadlines ('{last}') is not its deadline ('{due}').",
        "hạn cuối cùng trong danh sách hạn ({last}) khác hạn hoàn thành của nhiệm vụ ({due}).",
    ),
    "import_bad_id": (
        "'{text}' is not a task id: a whole number from 1 up.",
        "'{text}' không phải số của nhiệm vụ: phải là số nguyên từ 1 trở lên.",
    ),
    "import_id_twice": (
        "id {id} is also row {other}'s; each task has an id of its own.",
        "số {id} trùng với dòng {other}; mỗi nhiệm vụ có một số riêng.",
    ),
    "import_id_missing": (
        "the other tasks keep their ids (a JSON export imported into an empty register), so this one needs an id too.",
        "các nhiệm vụ khác giữ nguyên số (nhập bản xuất JSON vào sổ trống) nên nhiệm vụ này cũng cần có số.",
    ),
    "import_directory_not_list": (
        'Nothing was imported: the file\'s "agencies" is not a list of agencies.',
        'Chưa nhập gì: mục "agencies" trong tệp không phải danh sách đơn vị.',
    ),
    "import_directory_bad": (
        "Nothing was imported: agency {n} of the file's list: {reason}",
        "Chưa nhập gì: đơn vị thứ {n} trong danh sách của tệp: {reason}",
    ),
    "import_directory_code": ("its code must be text without spaces.", "mã đơn vị phải là chữ, không có dấu cách."),
    "import_directory_text": ("its name and kind must be text.", "tên và loại đơn vị phải là chữ."),
    "import_settings_bad": (
        'Nothing was imported: the file\'s "settings" is not an object of settings and their values.',
        'Chưa nhập gì: mục "settings" trong tệp không phải danh sách thiết lập và giá trị.',
    ),
    "import_setting_bad": (
        "Nothing was imported: the file's setting {setting} = {value} is refused: {reason}",
        "Chưa nhập gì: thiết lập {setting} = {value} trong tệp không hợp lệ: {reason}",
    ),
    "import_setting_not_text": ("a setting's value is text.", "giá trị của thiết lập phải là chữ."),
    # -- agencies an import creates (--create-agencies) ------------------------------------------
    "agency_code_fits_two": (
        "'{text}' could be any of {names} in the file: register the agencies first with `taskreg agency add CODE \"NAME\"`, then import again.",
        "'{text}' có thể là {names} trong tệp: hãy đăng ký các đơn vị trước bằng `taskreg agency add MÃ \"TÊN\"` rồi nhập lại.",
    ),
    "agency_near_code_only": (
        "'{text}' is not a registered agency, but its initials give {code}, an agency known only by its code: if they are one, name it with `taskreg agency rename {code} \"{name}\"` and import again; if not, register the new one first with `taskreg agency add`.",
        "'{text}' chưa có trong sổ, nhưng chữ cái đầu của tên là {code}, một đơn vị trong sổ chỉ có mã, chưa có tên đầy đủ: nếu là một đơn vị, hãy đặt tên bằng `taskreg agency rename {code} \"{name}\"` rồi nhập lại; nếu không, hãy đăng ký đơn vị mới trước bằng `taskreg agency add`.",
    ),
    "import_code_only": (
        'Agencies known only by their code, named by it: {codes}; give each its full name with `taskreg agency rename CODE "Full name"`.',
        'Đơn vị chỉ có mã, tạm lấy mã làm tên: {codes}; đặt tên đầy đủ bằng `taskreg agency rename MÃ "Tên đầy đủ"`.',
    ),
    "import_no_diacritics": (
        "Agency {code} is named '{name}' as the file writes it, without Vietnamese diacritics; if its official name has them, correct it with `taskreg agency rename {code} \"Full name\"`.",
        "Đơn vị {code} mang tên '{name}' như trong tệp, không có dấu tiếng Việt; nếu tên chính thức có dấu, hãy sửa bằng `taskreg agency rename {code} \"Tên đầy đủ\"`.",
    ),
    "import_1970": (
        "Row {row}: deadline 01/01/1970 read as no deadline.",
        "Dòng {row}: hạn 01/01/1970 được hiểu là không có hạn.",
    ),
    "import_column_ignored": (
        "Column '{column}' is not a task field; it was ignored.",
        "Cột '{column}' không phải trường của nhiệm vụ; đã bỏ qua.",
    ),
    "import_ok": (
        "Imported {imported} of {rows} {rows:row|rows} from {path} ({skipped} already in the register, {created} {created:agency|agencies} created).",
        "Đã nhập {imported}/{rows} dòng từ {path} ({skipped} dòng đã có trong sổ, tạo mới {created} đơn vị).",
    ),
    "import_dry": (
        "Dry run: {imported} of {rows} {rows:row|rows} from {path} would be imported ({skipped} already in the register, {created} {created:agency|agencies} would be created); nothing was written.",
        "Chạy thử: sẽ nhập {imported}/{rows} dòng từ {path} ({skipped} dòng đã có trong sổ, sẽ tạo mới {created} đơn vị); chưa ghi gì.",
    ),
    "export_ok": ("Exported {n} {n:task|tasks} to {path}.", "Đã xuất {n} nhiệm vụ ra {path}."),
    "export_by_xlsx_only": (
        "--by {by} chooses the rows of the XLSX report sheet: give it with --format xlsx.",
        "--by {by} chọn các dòng của trang báo cáo trong tệp XLSX: dùng cùng --format xlsx.",
    ),
    "export_xlsx_needs_file": (
        "An .xlsx export needs -o FILE.",
        "Xuất ra .xlsx cần chỉ tệp bằng -o TỆP.",
    ),
    "sheet_tasks": ("Tasks", "Nhiệm vụ"),
    "sheet_tasks_starred": ("Key tasks", "Nhiệm vụ trọng tâm"),
    "sheet_report": ("By agency", "Theo đơn vị"),
    "sheet_report_source": ("By source document", "Theo văn bản giao"),
    "sheet_report_assigned_by": ("By leader", "Theo người giao"),
    # -- files taskreg writes (taskreg.domain.files) ---------------------------------------------------
    "output_is_register": (
        "{path} is the register itself: choose another file for -o.",
        "{path} là chính sổ đăng ký: đề nghị chọn tệp khác cho -o.",
    ),
    "output_is_register_file": (
        "{path} is the register's {suffix} file: choose another file for -o.",
        "{path} là tệp {suffix} của sổ đăng ký: đề nghị chọn tệp khác cho -o.",
    ),
    "output_is_database": (
        "{path} is an SQLite database, which taskreg never overwrites: choose another file for -o.",
        "{path} là một cơ sở dữ liệu SQLite, taskreg không ghi đè lên tệp này: đề nghị chọn tệp khác cho -o.",
    ),
    "output_is_folder": (
        "{path} is a folder: give a file name after -o.",
        "{path} là một thư mục: đề nghị ghi tên tệp sau -o.",
    ),
    # -- an export's column headers: the JSON field names, and the Vietnamese ones (SPEC §5) ----
    "col:id": ("id", "Số"),
    "col:uid": ("uid", "UID"),
    "col:title": ("title", "Nội dung nhiệm vụ"),
    "col:agency": ("agency", "Đơn vị chủ trì"),
    "col:co_agencies": ("co_agencies", "Đơn vị phối hợp"),
    "col:assigned_on": ("assigned_on", "Ngày giao"),
    "col:due_on": ("due_on", "Hạn hoàn thành"),
    "col:done_on": ("done_on", "Ngày hoàn thành"),
    "col:cancelled_on": ("cancelled_on", "Ngày dừng thực hiện"),
    "col:source": ("source", "Số ký hiệu"),
    "col:source_date": ("source_date", "Ngày văn bản"),
    "col:assigned_by": ("assigned_by", "Người giao"),
    "col:note": ("note", "Ghi chú"),
    "col:result": ("result", "Kết quả"),
    "col:updated_on": ("updated_on", "Ngày cập nhật"),
    "col:starred": ("starred", "Nhiệm vụ trọng tâm"),
    "col:status": ("status", "Tình trạng"),
    "col:awaiting_confirmation": ("awaiting_confirmation", "Chờ xác nhận"),
}
