"""Demo data: a deterministic register of 2021 whose Q1 report is the published one.

`generate()` returns the agencies and tasks of a provincial register in which the tasks
assigned in Q1/2021, classified as of 31/3/2021, are 506 completed on time, 123 completed
late, 41 open past their deadline and 1,068 open within it, the figures of a real quarterly
report. Each task's state is chosen first and its dates are drawn to fit, so the figures
hold by construction. A fixed seed and no clock. After Q1/2021 (so that its figures stay
those of the report) it has a monthly series of periodic tasks; its tasks carry weekly
progress reports, its key tasks are starred, and most agencies have a mail address.
"""

import calendar
import random
import uuid
from datetime import date, timedelta
from typing import Any

from taskreg.domain import series as periodic

SEED = 2021
NAMESPACE = uuid.UUID("5b0c7f4e-1d2a-5e8b-9c3f-2021a0b1c2d3")  # fixed, so uids never change
AS_OF, LAST = date(2021, 3, 31), date(2021, 6, 30)
TARGET = {"on_time": 506, "late": 123, "overdue": 41, "in_progress": 1068}
CANCELLED_BY_AS_OF, CANCELLED_AFTER, DONE_AFTER = 15, 5, 80
LATER_TASKS, EXTENDED, NO_DEADLINE = 30, 30, 0.05
# A task that ends up past its deadline by 31/3 needs time to get there.
PAST_DUE_ASSIGNED_BY = date(2021, 3, 12)
# Public holidays of 2021 (Tết Tân Sửu 10–16/2): no documents are signed, no work is logged.
HOLIDAYS = {date(2021, 1, 1), date(2021, 4, 21), date(2021, 4, 30), date(2021, 5, 3)} | {
    date(2021, 2, d) for d in range(10, 17)
}

# code, name, kind, topic domain, weight (how many tasks it leads, relatively).
# Names as in 2021, before the 2025 mergers.
AGENCIES = [
    ("VPUBND", "Văn phòng UBND tỉnh", "sở", "tong_hop", 2),
    ("SNV", "Sở Nội vụ", "sở", "noi_chinh", 3),
    ("STP", "Sở Tư pháp", "sở", "noi_chinh", 2),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "sở", "kinh_te", 4),
    ("STC", "Sở Tài chính", "sở", "kinh_te", 4),
    ("SCT", "Sở Công Thương", "sở", "kinh_te", 2),
    ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "sở", "nong_nghiep", 4),
    ("SGTVT", "Sở Giao thông vận tải", "sở", "ha_tang", 3),
    ("SXD", "Sở Xây dựng", "sở", "ha_tang", 3),
    ("STNMT", "Sở Tài nguyên và Môi trường", "sở", "ha_tang", 4),
    ("STTTT", "Sở Thông tin và Truyền thông", "sở", "van_xa", 2),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "sở", "van_xa", 2),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "sở", "van_xa", 2),
    ("SKHCN", "Sở Khoa học và Công nghệ", "sở", "van_xa", 1),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "sở", "van_xa", 3),
    ("SYT", "Sở Y tế", "sở", "van_xa", 4),
    ("SNGV", "Sở Ngoại vụ", "sở", "tong_hop", 1),
    ("TTT", "Thanh tra tỉnh", "sở", "noi_chinh", 2),
    ("BDT", "Ban Dân tộc", "ban", "nong_nghiep", 1),
    ("BQLKCN", "Ban Quản lý các khu công nghiệp", "ban", "kinh_te", 2),
    ("BQLDA-DDCN", "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp", "ban", "ha_tang", 1),
    ("BQLDA-GT", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "ban", "ha_tang", 1),
    ("CAT", "Công an tỉnh", "ngành", "noi_chinh", 2),
    ("BCHQS", "Bộ Chỉ huy Quân sự tỉnh", "ngành", "noi_chinh", 1),
    ("DPTTH", "Đài Phát thanh và Truyền hình tỉnh", "ngành", "van_xa", 1),
    ("BHXH", "Bảo hiểm xã hội tỉnh", "ngành", "van_xa", 1),
    ("CTHUE", "Cục Thuế tỉnh", "ngành", "kinh_te", 2),
    ("KBNN", "Kho bạc Nhà nước tỉnh", "ngành", "kinh_te", 1),
    ("NHNN", "Ngân hàng Nhà nước Chi nhánh tỉnh", "ngành", "kinh_te", 1),
    ("CTK", "Cục Thống kê tỉnh", "ngành", "kinh_te", 1),
]
# The city, towns and districts of one real province (Hà Tĩnh, 2021): code, name, weight.
DISTRICTS = [
    ("UBND-TPHT", "thành phố Hà Tĩnh", 3),
    ("UBND-TXHL", "thị xã Hồng Lĩnh", 2),
    ("UBND-TXKA", "thị xã Kỳ Anh", 2),
    ("UBND-HKA", "huyện Kỳ Anh", 2),
    ("UBND-HCX", "huyện Cẩm Xuyên", 2),
    ("UBND-HTHA", "huyện Thạch Hà", 2),
    ("UBND-HCL", "huyện Can Lộc", 2),
    ("UBND-HLH", "huyện Lộc Hà", 1),
    ("UBND-HNX", "huyện Nghi Xuân", 2),
    ("UBND-HDT", "huyện Đức Thọ", 1),
    ("UBND-HHS", "huyện Hương Sơn", 2),
    ("UBND-HHK", "huyện Hương Khê", 2),
    ("UBND-HVQ", "huyện Vũ Quang", 1),
]
AGENCIES += [(code, f"UBND {name}", "địa phương", "dia_phuong", w) for code, name, w in DISTRICTS]
#: Short names, the report chart's labels (`agency add --short`, docs/document.md "The chart"),
#: for the names too long for it; the others are labelled by their name.
SHORT_NAMES = {
    "VPUBND": "Văn phòng UBND tỉnh",
    "SKHDT": "Sở KH và ĐT",
    "SNNPTNT": "Sở NN và PTNT",
    "STNMT": "Sở TN và MT",
    "STTTT": "Sở TT và TT",
    "SLDTBXH": "Sở LĐ-TB và XH",
    "SVHTTDL": "Sở VH, TT và DL",
    "SKHCN": "Sở KH và CN",
    "SGDDT": "Sở GD và ĐT",
    "BQLKCN": "Ban QL các KCN",
    "BQLDA-DDCN": "Ban QLDA DD và CN",
    "BQLDA-GT": "Ban QLDA giao thông",
    "BCHQS": "Bộ CHQS tỉnh",
    "DPTTH": "Đài PT-TH tỉnh",
    "NHNN": "Ngân hàng Nhà nước tỉnh",
    **{code: "UBND " + name.replace("thành phố", "TP").replace("thị xã", "TX") for code, name, _ in DISTRICTS},
}

# What tasks are about: general topics any agency gets, and each domain's own.
TOPICS = {
    "chung": [
        "công tác phòng, chống dịch COVID-19",
        "công tác cải cách hành chính",
        "chuyển đổi số",
        "công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026",
        "việc thực hiện kiến nghị của Kiểm toán Nhà nước",
        "các chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX",
        "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
        'Đề án "Xây dựng chính quyền điện tử tỉnh"',
    ],
    "tong_hop": [
        "Chương trình công tác của UBND tỉnh",
        "công tác đối ngoại và hội nhập quốc tế",
        "hệ thống quản lý văn bản và điều hành",
        "chế độ báo cáo định kỳ",
        "công tác theo dõi, đôn đốc nhiệm vụ UBND tỉnh giao",
    ],
    "noi_chinh": [
        "công tác sắp xếp, kiện toàn tổ chức bộ máy các cơ quan chuyên môn",
        "công tác tuyển quân",
        "công tác tuyển dụng viên chức",
        "công tác phổ biến, giáo dục pháp luật",
        "công tác thanh tra trách nhiệm người đứng đầu",
        "công tác phòng cháy, chữa cháy",
        "công tác bảo đảm an ninh, trật tự dịp Tết Nguyên đán Tân Sửu",
    ],
    "kinh_te": [
        "giải ngân kế hoạch vốn đầu tư công",
        "thu ngân sách nhà nước",
        "thu hút đầu tư vào các khu công nghiệp",
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
        "hỗ trợ doanh nghiệp bị ảnh hưởng bởi dịch COVID-19",
        "công tác chống buôn lậu, gian lận thương mại và hàng giả",
        "Kế hoạch phát triển kinh tế - xã hội 5 năm",
    ],
    "ha_tang": [
        "giải phóng mặt bằng các dự án trọng điểm",
        "đấu giá quyền sử dụng đất",
        "lập Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050",
        "quản lý chất lượng công trình xây dựng",
        "bảo trì, sửa chữa hệ thống đường tỉnh",
        "xử lý chất thải rắn sinh hoạt",
        "cấp giấy chứng nhận quyền sử dụng đất",
        "bảo đảm trật tự, an toàn giao thông",
    ],
    "nong_nghiep": [
        'Chương trình "Mỗi xã một sản phẩm" (OCOP)',
        "xây dựng nông thôn mới",
        "sản xuất vụ Xuân",
        "phòng, chống bệnh dịch tả lợn châu Phi",
        "phòng, chống thiên tai và tìm kiếm cứu nạn",
        "trồng rừng và bảo vệ rừng",
        "chính sách dân tộc",
        "tái cơ cấu ngành nông nghiệp",
    ],
    "van_xa": [
        "kỳ thi tốt nghiệp trung học phổ thông",
        "tiêm vắc xin phòng COVID-19",
        "chính sách hỗ trợ người lao động gặp khó khăn do đại dịch COVID-19",
        "phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế",
        "phát triển du lịch",
        'phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa"',
        "sắp xếp mạng lưới trường, lớp học",
        "ứng dụng tiến bộ khoa học và công nghệ",
        "công tác thông tin, tuyên truyền",
    ],
    "dia_phuong": [
        "giải phóng mặt bằng các dự án trên địa bàn",
        "xây dựng nông thôn mới, đô thị văn minh",
        "cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "xử lý vi phạm trật tự xây dựng",
        "sắp xếp đơn vị hành chính cấp xã",
        "xử lý các điểm tồn đọng rác thải",
        "thu tiền sử dụng đất",
    ],
}
TEMPLATES = [
    "Tham mưu xây dựng Kế hoạch triển khai {o}{t}",
    "Rà soát, báo cáo tình hình {o}{t}",
    "Hoàn thiện hồ sơ đề xuất UBND tỉnh về {o}{t}",
    "Chủ trì, phối hợp kiểm tra việc thực hiện {o}{t}",
    "Tổng hợp khó khăn, vướng mắc và đề xuất giải pháp tháo gỡ trong {o}{t}",
    "Đánh giá kết quả thực hiện {o}{t}, báo cáo UBND tỉnh",
    "Hướng dẫn, đôn đốc các đơn vị triển khai {o}{t}",
    "Tham mưu tổ chức sơ kết {o}{t}",
    "Đẩy nhanh tiến độ {o}{t}",
    "Xây dựng dự thảo Quyết định của UBND tỉnh về {o}{t}",
]
TAILS = ["", "", "", " năm 2021", " giai đoạn 2021-2025", " trên địa bàn tỉnh"]

# Document kinds: symbol, numbering series, how common, how many tasks one assigns.
DOC_KINDS = [
    ("{n}/KH-UBND", "ubnd", 10, (4, 16)),
    ("{n}/TB-UBND", "ubnd", 14, (3, 12)),  # TB: conclusions
    ("{n}/UBND-{u}", "ubnd", 40, (1, 3)),
    ("{n}/QĐ-UBND", "qd", 20, (1, 5)),
    ("{n}/CT-UBND", "ct", 2, (6, 14)),
    ("{n}-KL/TU", "kl", 4, (3, 10)),
    ("{n}-CTr/TU", "ctr", 2, (4, 12)),
]
DOC_WEIGHTS = [k[2] for k in DOC_KINDS]
# Per working day each register issues many documents the demo never sees: numbers jump.
DAILY_JUMP = {"ubnd": (5, 15), "qd": (2, 8), "ct": (0, 0), "kl": (0, 1), "ctr": (0, 0)}
# Party documents are numbered by term, and the term began in October 2020.
FIRST_NUMBER = {"ubnd": 0, "qd": 0, "ct": 0, "kl": 24, "ctr": 6}
UNITS = ["TH", "KT", "NC", "VX", "XD", "NL"]
SIGNERS = [
    "Chủ tịch UBND tỉnh",
    "Phó Chủ tịch Thường trực UBND tỉnh",
    "Phó Chủ tịch UBND tỉnh (khối Kinh tế)",
    "Phó Chủ tịch UBND tỉnh (khối Văn xã)",
]
EXTEND_REASONS = [
    "Cần thêm thời gian lấy ý kiến các sở, ngành và địa phương",
    "Chờ hướng dẫn của bộ, ngành Trung ương",
    "Ảnh hưởng của dịch COVID-19",
    "Phải điều chỉnh phạm vi, quy mô theo ý kiến thẩm định",
    "Khối lượng hồ sơ lớn, cần rà soát kỹ",
]
CANCEL_REASONS = [
    "Nội dung đã được lồng ghép vào nhiệm vụ khác",
    "Trùng với nhiệm vụ đã giao tại văn bản trước",
    "Không còn phù hợp do điều chỉnh chủ trương",
    "Theo ý kiến kết luận của Chủ tịch UBND tỉnh",
]
NOTES = [
    "Báo cáo kết quả về Văn phòng UBND tỉnh để tổng hợp",
    "Nhiệm vụ trọng tâm của quý",
    "Phối hợp chặt chẽ với các đơn vị liên quan",
    "Gửi kèm dự thảo văn bản",
]


#: What liaisons report of an open task's progress (`taskreg update`).
PROGRESS = [
    "Đã ban hành kế hoạch triển khai thực hiện",
    "Đã tổ chức họp với các đơn vị phối hợp",
    "Đang lấy ý kiến các sở, ngành và địa phương",
    "Đang tổng hợp, hoàn thiện dự thảo báo cáo",
    "Đã trình UBND tỉnh dự thảo văn bản",
    "Đang khảo sát, thu thập số liệu",
    "Đã hoàn thành khoảng 50% khối lượng công việc",
    "Đang chờ ý kiến thẩm định của Sở Tư pháp",
]
#: How often an agency reports progress (the chance it reports in a given week), by agency.
DILIGENCE = (0.15, 0.95)
#: The note that marks a key task (nhiệm vụ trọng tâm): the demo stars those tasks.
KEY_NOTE = "Nhiệm vụ trọng tâm của quý"
#: The 2025 reorganisation's mergers (sáp nhập), long after Q1/2021: (olds, into, day).
MERGERS = [(["SKHDT"], "STC", date(2025, 3, 1)), (["SGTVT"], "SXD", date(2025, 3, 1))]
#: Agencies the office has no mail address for (`remind --send` skips them and says so).
NO_ADDRESS = {"BCHQS", "CAT", "NHNN"}
#: A periodic series that starts after Q1/2021 (`taskreg recur`), so Q1's figures stay as
#: they are: its monthly tasks of April to June 2021, each done or not as listed.
SERIES: dict[str, Any] = {
    "uid": str(uuid.uuid5(uuid.UUID("5b0c7f4e-1d2a-5e8b-9c3f-2021a0b1c2d3"), "series-1")),
    "title": "Báo cáo tình hình kinh tế - xã hội",
    "agency": "SKHDT",
    "co": ["CTK", "STC"],
    "every": "month",
    "due_day": 20,
    "due_after": False,
    "starred": True,
    "from_on": date(2021, 4, 1),
    # the day each month's report was done (None: still open on 30/6/2021)
    "done": {4: date(2021, 4, 19), 5: date(2021, 5, 24), 6: None},
}


def _workday(d: date) -> bool:
    return d.weekday() < 5 and d not in HOLIDAYS


def _next_workday(d: date) -> date:
    d += timedelta(1)
    while not _workday(d):
        d += timedelta(1)
    return d


def _pick_day(rng: random.Random, lo: date, hi: date) -> date:
    """A working day in [lo, hi] when there is one (people act on working days), else any day."""
    days = [lo + timedelta(k) for k in range((hi - lo).days + 1)]
    return rng.choice([d for d in days if _workday(d)] or days)


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _vn(d: date) -> str:
    """Administrative style: 05/3/2021, 15/01/2021."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def _deadline(rng: random.Random, a: date, floor: date | None = None, ceiling: date | None = None) -> date:
    """A deadline mostly 15–90 days after assignment, within [floor, ceiling]; some at month end."""
    low, high = rng.choices([(15, 90), (7, 14), (91, 120)], weights=[85, 10, 5])[0]
    due = a + timedelta(rng.randint(low, high))
    if ceiling and due > ceiling:
        due = a + timedelta(rng.randint(min(7, (ceiling - a).days), (ceiling - a).days))
    if floor and due < floor:
        due = floor + timedelta(rng.randint(0, 60))
    if rng.random() < 0.25 and (ceiling is None or _month_end(due) <= ceiling):
        due = _month_end(due)
    return due


def _documents(rng: random.Random) -> list[dict]:
    """The documents of January–June 2021 in date order, numbered as their registers would."""
    number = dict(FIRST_NUMBER)
    docs, day = [], date(2021, 1, 4)
    while day <= LAST:
        if _workday(day):
            for series, (lo, hi) in DAILY_JUMP.items():
                number[series] += rng.randint(lo, hi)
            for _ in range(rng.randint(4, 9)):
                fmt, series, _, (lo, hi) = rng.choices(DOC_KINDS, weights=DOC_WEIGHTS)[0]
                number[series] += rng.randint(1, 4) if series in ("ubnd", "qd") else 1
                tu = series in ("kl", "ctr")
                signer = "Ban Thường vụ Tỉnh ủy" if tu else rng.choice(SIGNERS)
                symbol = fmt.format(n=f"{number[series]:02d}", u=rng.choice(UNITS))
                docs.append(
                    {
                        "symbol": symbol,
                        "date": day,
                        "tasks": rng.randint(lo, hi),
                        "by": None if rng.random() < 0.1 else signer,
                    }
                )
        day += timedelta(1)
    return docs


def _slots(rng: random.Random, docs: list[dict], count: int, end: date) -> list[dict]:
    """Exactly `count` tasks spread over the documents, each received 0–3 working days later."""
    slots = [doc for doc in docs for _ in range(doc["tasks"])]
    rng.shuffle(slots)
    slots = slots[:count] + rng.choices(docs, k=max(0, count - len(slots)))
    tasks = []
    for doc in slots:
        a = doc["date"]
        for _ in range(rng.choices([0, 1, 2, 3], weights=[60, 25, 10, 5])[0]):
            a = _next_workday(a)
        tasks.append({"doc": doc, "a": min(a, end)})
    return sorted(tasks, key=lambda t: (t["a"], t["doc"]["date"], t["doc"]["symbol"]))


def _title(rng: random.Random, domain: str) -> str:
    topic = rng.choice(TOPICS[domain] if rng.random() < 0.65 else TOPICS["chung"])
    tails = TAILS[:-1] if domain == "dia_phuong" else TAILS
    tail = "" if "20" in topic else rng.choice(tails)  # a topic with a year needs no other
    title = rng.choice(TEMPLATES).format(o=topic, t=tail)
    return "[Khẩn] " + title if rng.random() < 0.02 else title


def _dates(rng: random.Random, t: dict) -> None:
    """Draw the deadline and completion date that put the task in its state as of 31/3/2021."""
    a, state = t["a"], t["state"]
    t["due"] = t["done"] = None
    if state == "late":
        t["due"] = _deadline(rng, a, ceiling=AS_OF - timedelta(2))
        t["done"] = _pick_day(rng, t["due"] + timedelta(1), min(t["due"] + timedelta(40), AS_OF))
    elif state == "overdue":
        t["due"] = _deadline(rng, a, ceiling=AS_OF - timedelta(1))
    elif state == "on_time":
        t["due"] = None if rng.random() < NO_DEADLINE else _deadline(rng, a)
        hi = min(t["due"] or AS_OF, AS_OF)
        # Some are done on the due date itself, which is still in time.
        on_due = t["due"] and t["due"] <= AS_OF and _workday(t["due"]) and rng.random() < 0.05
        t["done"] = hi if on_due else _pick_day(rng, min(a + timedelta(2), hi), hi)
    elif state == "in_progress":
        t["due"] = None if rng.random() < NO_DEADLINE else _deadline(rng, a, floor=AS_OF)
    else:  # cancelled, or assigned after the quarter
        t["due"] = None if rng.random() < NO_DEADLINE else _deadline(rng, a)


def _extend(rng: random.Random, t: dict) -> bool:
    """Give the task 1–2 extensions ending at its final deadline, each decided in time.

    Returns False, changing nothing, when there is no room between assignment and deadline.
    """
    a, final, done = t["a"], t["due"], t["done"]
    # A task done on time after an extension was done after the deadline it replaced.
    hi = done - timedelta(1) if done and done <= final else final - timedelta(1)
    n = 2 if rng.random() < 0.2 else 1
    lo = a + timedelta(7)
    if (hi - lo).days < 2 * n:
        return False
    offsets = sorted(rng.sample(range((hi - lo).days + 1), n))
    deadlines = [lo + timedelta(k) for k in offsets] + [final]
    t["due"], t["extensions"], decided = deadlines[0], [], a
    for old, new in zip(deadlines, deadlines[1:]):
        top = min(old, done or LAST, LAST)
        decided = _pick_day(rng, min(max(decided, old - timedelta(10)), top), top)
        t["extensions"].append(
            {"decided_on": decided.isoformat(), "due_on": new.isoformat(), "reason": rng.choice(EXTEND_REASONS)}
        )
    return True


def _result(rng: random.Random, code: str, kind: str, done: date) -> str:
    issuer = "UBND" if kind == "địa phương" else code.split("-")[0]
    n = rng.randint(12, 980)
    return rng.choice(
        [
            f"Đã có Báo cáo số {n}/BC-{issuer} ngày {_vn(done)} gửi UBND tỉnh",
            f"Đã trình UBND tỉnh tại Tờ trình số {n}/TTr-{issuer} ngày {_vn(done)}",
            f"Đã ban hành Văn bản số {n}/{issuer}-VP ngày {_vn(done)} triển khai thực hiện",
            "Đã tổ chức triển khai thực hiện và báo cáo kết quả",
        ]
    )


def generate() -> tuple[list[dict], list[dict]]:
    """Return (agencies, tasks) of the demo register."""
    rng = random.Random(SEED)
    agencies = [
        {
            "code": c,
            "name": n,
            "kind": k,
            "short_name": SHORT_NAMES.get(c),
            "email": None if c in NO_ADDRESS else _address(c),
        }
        for c, n, k, _, _ in AGENCIES
    ]
    docs = _documents(rng)
    q1_count = sum(TARGET.values()) + CANCELLED_BY_AS_OF
    q1 = _slots(rng, [d for d in docs if d["date"] <= AS_OF], q1_count, AS_OF)
    later = _slots(rng, [d for d in docs if d["date"] > AS_OF], LATER_TASKS, LAST)

    # States first: cancellations, then the past-due ones (only early tasks can be), then
    # completions, favouring early tasks as real ones are; the rest are still in progress.
    pool = list(range(len(q1)))
    cancellable = [i for i in pool if q1[i]["a"] <= date(2021, 3, 24)]
    cancelled = set(rng.sample(cancellable, CANCELLED_BY_AS_OF))
    pool = [i for i in pool if i not in cancelled]
    early = [i for i in pool if q1[i]["a"] <= PAST_DUE_ASSIGNED_BY]
    past_due = rng.sample(early, TARGET["late"] + TARGET["overdue"])
    late, overdue = set(past_due[: TARGET["late"]]), set(past_due[TARGET["late"] :])
    pool = [i for i in pool if i not in late | overdue]
    # Weighted sampling without replacement (Efraimidis–Spirakis): weight = days before 31/3.
    keys = {i: rng.random() ** (1 / ((AS_OF - q1[i]["a"]).days + 5)) for i in pool}
    on_time = set(sorted(pool, key=lambda i: -keys[i])[: TARGET["on_time"]])
    for i, t in enumerate(q1):
        t["state"] = (
            "cancelled"
            if i in cancelled
            else "late"
            if i in late
            else "overdue"
            if i in overdue
            else "on_time"
            if i in on_time
            else "in_progress"
        )
    for t in later:
        t["state"] = "later"
    tasks = q1 + later
    for t in tasks:
        _dates(rng, t)
        t["extensions"], t["cancelled"] = [], None

    # Open as of 31/3 but done or cancelled afterwards: a report as of 31/3 must not see it.
    open_q1 = [t for t in q1 if t["state"] in ("overdue", "in_progress")]
    chosen = rng.sample(open_q1, DONE_AFTER + CANCELLED_AFTER)
    for t in chosen[:DONE_AFTER]:
        t["done"] = _pick_day(rng, date(2021, 4, 1), date(2021, 5, 31))
    for t in chosen[DONE_AFTER:]:
        t["cancelled"] = _pick_day(rng, date(2021, 4, 5), date(2021, 6, 15))
    for t in later:
        if rng.random() < 0.4:
            hi = min(t["due"] or LAST, LAST)
            t["done"] = _pick_day(rng, min(t["a"] + timedelta(3), hi), hi)
    for i in sorted(cancelled):
        q1[i]["cancelled"] = _pick_day(rng, q1[i]["a"] + timedelta(3), AS_OF)

    # Extensions only on tasks never cancelled, so each was granted to an open task.
    candidates = [t for t in tasks if t["due"] and t["cancelled"] is None]
    rng.shuffle(candidates)
    extended = 0
    for t in candidates:
        if extended < EXTENDED and _extend(rng, t):
            extended += 1

    weights = [a[4] for a in AGENCIES]
    out = []
    for index, t in enumerate(tasks, start=1):
        code, _, kind, domain, _ = rng.choices(AGENCIES, weights=weights)[0]
        others = [a[0] for a in AGENCIES if a[0] != code]
        done, cancelled_on, doc = t["done"], t["cancelled"], t["doc"]
        note = None
        if t["due"] is None:
            note = "Nhiệm vụ thường xuyên; báo cáo định kỳ hằng quý"
        elif rng.random() < 0.08:
            note = rng.choice(NOTES)
        out.append(
            {
                "uid": str(uuid.uuid5(NAMESPACE, str(index))),
                "title": _title(rng, domain),
                "agency": code,
                "co": rng.sample(others, rng.choices([0, 1, 2, 3], weights=[50, 30, 15, 5])[0]),
                "assigned_on": t["a"].isoformat(),
                "due_on": t["due"] and t["due"].isoformat(),
                "extensions": t["extensions"],
                "done_on": done and done.isoformat(),
                "result": done and _result(rng, code, kind, done),
                "cancelled_on": cancelled_on and cancelled_on.isoformat(),
                "cancel_reason": cancelled_on and rng.choice(CANCEL_REASONS),
                "source": doc["symbol"],
                "source_date": doc["date"].isoformat(),
                "assigned_by": doc["by"],
                "note": note,
            }
        )
    _progress(out)
    for t in out:
        t["starred"] = t["note"] == KEY_NOTE
    return agencies, out + _series_tasks()


def _address(code: str) -> str:
    """An agency's mail address in the demo: a reserved domain (RFC 2606), never delivered."""
    return f"vanthu@{code.lower()}.quangnam.example"


def _series_tasks() -> list[dict]:
    """The tasks SERIES made, one a month from its first day to 30/6/2021, as `recur sync`
    makes them (taskreg.domain.series: their titles, deadlines and uids)."""
    s, out = SERIES, []
    start = s["from_on"]
    while start <= LAST:
        due = periodic.deadline(s["every"], start, s["due_day"], s["due_after"])
        done = s["done"][start.month]
        out.append(
            {
                "uid": periodic.task_uid(s["uid"], start),
                "title": f"{s['title']} {periodic.period_label(s['every'], start)}",
                "agency": s["agency"],
                "co": list(s["co"]),
                "assigned_on": start.isoformat(),
                "due_on": due.isoformat(),
                "extensions": [],
                "done_on": done and done.isoformat(),
                "result": done and f"Báo cáo số {start.month * 7}/BC-{s['agency']}",
                "cancelled_on": None,
                "cancel_reason": None,
                "source": None,
                "source_date": None,
                "assigned_by": None,
                "note": None,
                "progress": [],
                "starred": s["starred"],
                "series": (s["uid"], start.isoformat()),
            }
        )
        start = periodic.next_start(s["every"], start)
    return out


def _progress(tasks: list[dict]) -> None:
    """Each task's progress reports (`progress`: date and text), week by week while it is
    open, as diligently as its lead agency reports. Drawn from a generator of its own, after
    everything else, so that the demo's other data are what they were before."""
    rng = random.Random(SEED + 12)
    diligence = {a[0]: rng.uniform(*DILIGENCE) for a in AGENCIES}
    for t in tasks:
        closed = [date.fromisoformat(d) for d in (t["done_on"], t["cancelled_on"]) if d]
        end = min([*closed, LAST])
        week, reports = date.fromisoformat(t["assigned_on"]) + timedelta(days=3), []
        while week < end:
            if rng.random() < diligence[t["agency"]]:
                day = _pick_day(rng, week, min(week + timedelta(days=6), end - timedelta(days=1)))
                reports.append({"on": day.isoformat(), "text": rng.choice(PROGRESS)})
            week += timedelta(days=7)
        t["progress"] = reports
