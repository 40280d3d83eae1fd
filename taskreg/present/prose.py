"""The report's sentences and the weekly digest, in the administrative style of each language.

Everything here is text built from figures and rows the store already produced;
no state is decided here. Text from the register (the organisation, agency names and
codes, titles) goes in through taskreg.domain.text.printable, before it is cut or wrapped to
fit: no control character reaches the mail raw and a line break in a title is a mark.
"""

from datetime import date, timedelta

from taskreg.domain.dates import ROMAN_OF, Period, from_iso
from taskreg.domain.figures import Figures, Report
from taskreg.domain.publications import Shown, differs
from taskreg.domain.reminders import Reminder
from taskreg.domain.states import FOUR
from taskreg.domain.text import printable
from taskreg.present.cells import cell_len, cut, wrap
from taskreg.present.i18n import day, num, pct, t

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WIDTH = 99  # the weekly text stays under 100 columns


def period_label(lang: str, period: Period) -> str:
    if period.kind == "quarter":
        return t(lang, "p_quarter", n=period.number, roman=ROMAN_OF[period.number], year=period.year)
    if period.kind == "month":
        return t(lang, "p_month", n=period.number, month_name=MONTHS[period.number - 1], year=period.year)
    if period.kind == "year":
        return t(lang, "p_year", year=period.year)
    return t(lang, "p_range", start=day(lang, period.start), end=day(lang, period.end))


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def report_sentences(
    lang: str,
    org: str,
    report: Report,
    agency_name: str | None = None,
    today: date | None = None,
    document: bool = False,
) -> list[str]:
    """The paragraph the committee's report quotes, then its rates and what they rest on,
    and, for a report as of a day before `today`, what was changed after that day.

    For the Word document (`document`, docs/document.md "Sentences"): the cancelled and
    no-deadline counts in one administrative sentence (none when both are 0), and no sentence
    that says nothing happened after the as-of date."""
    org, agency_name = printable(org), agency_name and printable(agency_name)
    f = report.whole
    label = period_label(lang, report.period)
    if f.population == 0:
        empty = "r_empty_starred" if report.starred else "r_empty"
        return [t(lang, empty, period=label, day=day(lang, report.as_of))]
    # The key tasks alone (`report --starred`) say so from the first sentence on.
    if report.starred:
        key = "r_assigned_one_starred" if agency_name else "r_assigned_all_starred"
    else:
        key = "r_assigned_one" if agency_name else "r_assigned_all"
    lines = [
        t(lang, key, period=label, Period=capital(label), org=org, total=num(lang, f.total), agency=agency_name)
        + " "
        + t(
            lang,
            "r_states",
            day=day(lang, report.as_of),
            **{k: num(lang, getattr(f, k)) for k in FOUR},
        )
        + awaiting_clause(lang, f),
        rates_sentence(lang, f, report.basis),
        *([update_sentence(lang, f, report.window)] if report.window is not None else []),
        *(document_extra(lang, f) if document else [extra_sentence(lang, f)]),
    ]
    if today is not None and report.as_of < today:
        if not document:
            lines.append(later_sentence(lang, report))
        elif report.corrected_after or report.entered_after:
            lines.append(later_sentence(lang, report, "doc_later"))
    if not f.check:
        lines.append(check_warning(lang, f))
    return lines


def report_title(lang: str, report: Report) -> str:
    """A report table's (and sheet's) heading: its period and as-of date, and for the key
    tasks alone (`report --starred`) that it counts them."""
    label = period_label(lang, report.period)
    return t(
        lang,
        "t_title_starred" if report.starred else "t_title",
        period=label,
        Period=capital(label),
        day=day(lang, report.as_of),
    )


def awaiting_clause(lang: str, f: Figures) -> str:
    """How many completed tasks await the office's confirmation (SPEC §12), after the states'
    sentence; nothing when none do. Not a published figure: always the live count."""
    if not f.awaiting:
        return ""
    return " " + t(lang, "r_awaiting", completed=num(lang, f.completed), n=num(lang, f.awaiting))


def extra_sentence(lang: str, f: Figures) -> str:
    """The cancelled and no-deadline counts, as the terminal prints them."""
    return t(lang, "r_extra", cancelled=num(lang, f.cancelled), no_deadline=num(lang, f.no_deadline))


def document_extra(lang: str, f: Figures) -> list[str]:
    """The cancelled and no-deadline counts as an office writes them, in one sentence:
    "Ngoài ra, 15 nhiệm vụ đã dừng thực hiện (không tính vào số trên); trong số trên, 75
    nhiệm vụ không có thời hạn cụ thể (thường xuyên)." A count of 0 is left out."""
    cancelled = t(lang, "doc_extra_cancelled", n=num(lang, f.cancelled)) if f.cancelled else ""
    no_deadline = t(lang, "doc_extra_no_deadline", n=num(lang, f.no_deadline)) if f.no_deadline else ""
    if cancelled and no_deadline:
        return [t(lang, "doc_extra_both", cancelled=cancelled, no_deadline=no_deadline)]
    if cancelled:
        return [t(lang, "doc_extra_one_cancelled", cancelled=cancelled)]
    if no_deadline:
        return [t(lang, "doc_extra_one_no_deadline", no_deadline=no_deadline)]
    return []


def later_sentence(lang: str, report: Report, key: str = "r_later") -> str:
    """How many tasks of the population were corrected or entered after the as-of date."""
    if not (report.corrected_after or report.entered_after):
        return t(lang, "r_later_none", day=day(lang, report.as_of))
    return t(
        lang,
        key,
        day=day(lang, report.as_of),
        corrected=num(lang, report.corrected_after),
        entered=num(lang, report.entered_after),
    )


def rates_sentence(lang: str, f: Figures, basis: str) -> str:
    return t(
        lang,
        "r_rates",
        completion=pct(lang, f.completion_rate(basis)),
        basis=t(lang, "basis_" + basis),
        on_time=pct(lang, f.on_time_rate),
    )


def update_sentence(lang: str, f: Figures, window: int) -> str:
    """The update rate (SPEC §12): "Tỷ lệ cập nhật tình hình: 29,82% (17 trong số 57 …)"."""
    if not f.must_update:
        return t(lang, "r_updated_none", window=num(lang, window))
    return t(
        lang,
        "r_updated",
        rate=pct(lang, f.update_rate),
        updated=num(lang, f.updated),
        must=num(lang, f.must_update),
        window=num(lang, window),
    )


def check_warning(lang: str, f: Figures) -> str:
    return t(lang, "r_check_failed", total=num(lang, f.total), expected=num(lang, f.population - f.cancelled))


# -- a published period's report (README "Publications") --------------------------------------


def shown_sentences(lang: str, shown: Shown, org: str, agency: dict | None, today: date) -> list[str]:
    """The report's sentences as `report` prints them: for published figures, their
    headline first and no sentence about later corrections (the drift sentence says it)."""
    name = agency["name"] if agency else None
    if shown.publication is None:
        return report_sentences(lang, org, shown.report, name, today)
    pub = shown.publication
    if shown.figures == "published":
        lines = [headline(lang, pub)] + report_sentences(lang, pub["body"]["org"], shown.report, name)
    else:
        lines = report_sentences(lang, org, shown.report, name, today)
    if shown.drift is not None and differs(shown.drift):
        lines.append(drift_sentence(lang, shown.drift, shown.figures))
    return lines


def document_sentences(lang: str, shown: Shown, org: str, agency: dict | None, today: date) -> list[str]:
    """The report's sentences in the Word document (docs/document.md "Sentences"): as
    `report` prints them, but a document never cites itself (no headline naming its own
    publication, no drift sentence: a published period's document carries the published
    figures as its own), and its sentences read as an office writes them (report_sentences'
    `document`)."""
    name = agency["name"] if agency else None
    pub = shown.publication
    if pub is not None and shown.figures == "published":
        return report_sentences(lang, pub["body"]["org"], shown.report, name, document=True)
    return report_sentences(lang, org, shown.report, name, today, document=True)


def headline(lang: str, pub: dict) -> str:
    """ "Số liệu đã công bố ngày 05/4/2021, báo cáo số 45/BC-UBND." (SPEC §10)"""
    text = t(lang, "pub_headline", day=day(lang, from_iso(pub["doc_date"])))
    if pub["symbol"]:
        text += ", " + t(lang, "pub_symbol", symbol=printable(pub["symbol"]))
    if pub["version"] > 1:
        text += " (" + t(lang, "pub_version", n=pub["version"]) + ")"
    return text + "."


def _signed(lang: str, n: int) -> str:
    return ("+" if n > 0 else "−" if n < 0 else "") + num(lang, abs(n))


def drift_sentence(lang: str, d: dict, figures: str) -> str:
    """How the live figures differ from the published ones (taskreg.domain.publications.drift)."""
    if not any(d[k] for k in (*FOUR, "cancelled")):
        return t(lang, "pub_drift_rows", agencies=", ".join(d["agencies"]))
    cancelled = t(lang, "pub_drift_cancelled", n=_signed(lang, d["cancelled"])) if d["cancelled"] else ""
    return t(
        lang,
        "pub_drift" if figures == "published" else "pub_drift_live",
        **{k: _signed(lang, d[k]) for k in FOUR},
        cancelled=cancelled,
    )


def _cut(text: str, room: int) -> str:
    """Cut text with … only when it does not fit `room` display cells."""
    return cut(text, room)


def _task_line(lang: str, task: dict, tail: str, indent: str = "  ") -> str:
    head, tail = f"{indent}#{task['id']} ", printable(tail)  # the tail names the agency code
    room = WIDTH - cell_len(head) - cell_len(tail) - 3  # 3: the " — " before the tail
    title = " ".join(printable(task["title"]).split())  # its line breaks are marks (⏎)
    return f"{head}{_cut(title, room)} — {tail}"


def weekly(
    lang: str,
    org: str,
    as_of: date,
    quarter: Report,
    assigned: list[dict],
    completed: list[dict],
    overdue: list[dict],
    due_soon: list[dict],
    names: dict[str, str],
    agency_name: str | None = None,
) -> str:
    """The plain-text digest cron mails: identical for identical data and as-of date."""
    start = as_of - timedelta(days=6)
    org, agency_name = printable(org), agency_name and printable(agency_name)
    heading = f"{org} — {agency_name}" if agency_name else org
    out = wrap(
        t(lang, "w_heading", org=heading, start=day(lang, start), end=day(lang, as_of)), WIDTH, subsequent="  "
    ) + [""]

    out.append(t(lang, "w_quarter") + f" ({period_label(lang, quarter.period)}):")
    for paragraph in report_sentences(lang, org, quarter, agency_name)[:2]:
        out += wrap(paragraph, WIDTH, initial="  ", subsequent="  ")
    out.append("")

    def section(title: str, rows: list[str]) -> None:
        out.append(title)
        out.extend(rows or ["  " + t(lang, "w_none")])
        out.append("")

    section(
        t(lang, "w_assigned", n=num(lang, len(assigned))),
        [
            _task_line(lang, r, f"{r['agency']}, " + t(lang, "w_due", day=day(lang, from_iso(r["due_on"]))))
            for r in assigned
        ],
    )
    section(
        t(lang, "w_completed", n=num(lang, len(completed))),
        [
            _task_line(lang, r, f"{r['agency']}, " + t(lang, "w_done", day=day(lang, from_iso(r["done_on"]))))
            for r in completed
        ],
    )

    # Open overdue tasks under their lead agency: the group with most tasks first
    # (then the longest overdue), and in each group the most overdue first.
    groups: dict[str, list[dict]] = {}
    for r in overdue:
        groups.setdefault(r["agency"], []).append(r)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), min(x["due_on"] for x in kv[1]), kv[0]))
    rows: list[str] = []
    for code, tasks in ordered:
        count = f" ({num(lang, len(tasks))})"
        rows.append(f"  {_cut(printable(names[code]), WIDTH - 2 - cell_len(count))}{count}")
        for r in sorted(tasks, key=lambda x: (x["due_on"], x["id"])):
            due = from_iso(r["due_on"])
            assert due is not None  # an overdue task has a deadline
            days_over = (as_of - due).days
            tail = t(lang, "w_due", day=day(lang, due)) + ", " + t(lang, "w_days_over", n=num(lang, days_over))
            rows.append(_task_line(lang, r, tail, indent="    "))
    section(t(lang, "w_overdue", n=num(lang, len(overdue))), rows)

    # From the as-of day itself (still within the deadline: due today, listed first) to 7 days on.
    def due_tail(r: dict) -> str:
        due = from_iso(r["due_on"])
        return f"{r['agency']}, " + (t(lang, "w_due_today") if due == as_of else t(lang, "w_due", day=day(lang, due)))

    section(
        t(
            lang,
            "w_due_soon",
            n=num(lang, len(due_soon)),
            start=day(lang, as_of),
            end=day(lang, as_of + timedelta(days=7)),
        ),
        [_task_line(lang, r, due_tail(r)) for r in due_soon],
    )
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# -- reminders (docs/commands.md "remind") -------------------------------------------------------


def reminder(lang: str, org: str, as_of: date, r: Reminder) -> str:
    """One agency's reminder as plain text, in the weekly's style (under 100 columns, no
    colour, identical for identical data): its overdue tasks, most overdue first, then its
    tasks due soon, soonest first."""
    org, name = printable(org), printable(r.agency["name"])
    out = wrap(t(lang, "rm_heading", org=org, agency=name, day=day(lang, as_of)), WIDTH, subsequent="  ") + [""]

    def line(task: dict, key: str, n: int) -> str:
        due = from_iso(task["due_on"])
        assert due is not None  # overdue or due soon: it has a deadline
        if key == "rm_left" and n == 0:
            tail = t(lang, "w_due_today")
        else:
            tail = t(lang, "w_due", day=day(lang, due)) + ", " + t(lang, key, n=num(lang, n))
        return _task_line(lang, task, tail)

    for title, rows in (
        (
            t(lang, "rm_overdue", n=num(lang, len(r.overdue))),
            [line(x, "w_days_over", (as_of - from_iso(x["due_on"])).days) for x in r.overdue],  # type: ignore[operator]
        ),
        (
            t(lang, "rm_due_soon", n=num(lang, len(r.due_soon))),
            [line(x, "rm_left", (from_iso(x["due_on"]) - as_of).days) for x in r.due_soon],  # type: ignore[operator]
        ),
    ):
        out.append(title)
        out.extend(rows or ["  " + t(lang, "w_none")])
        out.append("")
    out += wrap(t(lang, "rm_closing", agency=name), WIDTH)
    return "\n".join(out) + "\n"


def reminder_subject(lang: str, as_of: date, r: Reminder) -> str:
    """The subject of an agency's reminder mail: "Đôn đốc thực hiện nhiệm vụ – Sở Y tế – 31/3/2021"."""
    return " ".join(t(lang, "rm_subject", agency=printable(r.agency["name"]), day=day(lang, as_of)).split())
