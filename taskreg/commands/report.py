"""The figures: report (per period, per agency) and the weekly digest for cron."""

from typing import Annotated, Optional

import typer

from taskreg.session import Lang, choice, command

Opt = Optional[str]


def settings(store) -> tuple[str, str]:
    """The organisation's name and the completion rate's basis, from the register."""
    from taskreg.commands.register import SETTINGS

    org = store.setting("org") or SETTINGS["org"][1]
    basis = store.setting("rate-basis") or SETTINGS["rate-basis"][1]
    assert org is not None and basis is not None  # both settings have a default
    return org, basis


@command
def report(
    ctx: typer.Context,
    quarter: Annotated[Opt, typer.Option("--quarter", help="2021Q1, 2021-Q1, Q1/2021 or I/2021.")] = None,
    month: Annotated[Opt, typer.Option("--month", help="2021-03 or 3/2021.")] = None,
    year: Annotated[Opt, typer.Option("--year", help="2021.")] = None,
    from_: Annotated[Opt, typer.Option("--from", help="First day of a range (with --to).")] = None,
    to: Annotated[Opt, typer.Option("--to", help="Last day of a range (with --from).")] = None,
    as_of: Annotated[
        Opt,
        typer.Option("--as-of", help="Classify as of this day (default: the period's end, or today while it runs)."),
    ] = None,
    agency: Annotated[Opt, typer.Option("--agency", help="Only tasks led by this agency.")] = None,
    by: Annotated[Opt, typer.Option("--by", help="`agency`: one row per lead agency, worst first.")] = None,
    format: Annotated[str, typer.Option("--format", help="text, table, json or csv.")] = "text",
    lang: Lang = None,
):
    """Count the tasks assigned in a period by their state (default: this quarter).  Example: taskreg report --quarter I/2021 --by agency"""
    from taskreg import figures, service
    from taskreg.dates import choose_period, parse_date, quarter_of

    choice(format, ("text", "table", "json", "csv"), "--format")
    choice(by, ("agency",), "--by")
    session = ctx.obj
    period = choose_period(session.today, quarter, month, year, from_, to) or quarter_of(session.today)
    day = figures.report_as_of(period, session.today, parse_date(as_of, session.today) if as_of else None)
    store = session.store()
    org, basis = settings(store)
    found = service.find_agency(store.agencies(), agency) if agency else None
    result = figures.build(store, period, day, basis, found, by_agency=by == "agency")
    render_report(session.lang(), org, result, found, format, by == "agency", session.today)


def render_report(lang, org, result, agency, format, by_agency, today):
    """Print a report in one of the four formats (report and demo share this)."""
    from taskreg import prose, render
    from taskreg.dates import iso

    whole = result.whole
    if format == "json":
        out = {
            "org": org,
            "period": {
                "label": prose.period_label(lang, result.period),
                "kind": result.period.kind,
                "start": iso(result.period.start),
                "end": iso(result.period.end),
            },
            "as_of": iso(result.as_of),
            "agency": agency["code"] if agency else None,
            **whole.as_json(result.basis),
            "recorded_after_as_of": {"corrected": result.corrected_after, "entered": result.entered_after},
        }
        if by_agency:
            out["rows"] = [row.as_json(result.basis) for row in result.rows]
        render.write_json(out)
        return
    if format == "csv":
        render.write_csv(
            CSV_COLUMNS,
            [_csv_row(row, result.basis) for row in (result.rows if by_agency else []) + [whole]],
            numbers=CSV_NUMBERS,
        )
        return
    if format == "text":
        for line in prose.report_sentences(lang, org, result, agency["name"] if agency else None, today):
            print(line)
        if not by_agency:
            return
        print()
    _table(lang, result, by_agency)
    if format == "table" and result.as_of < today:
        print(prose.later_sentence(lang, result))
    if not whole.check and format == "table":
        print(prose.check_warning(lang, whole))


CSV_COLUMNS = [
    "agency",
    "name",
    "total",
    "on_time",
    "late",
    "in_progress",
    "overdue",
    "cancelled",
    "no_deadline",
    "rate_basis",
    "completion_rate",
    "on_time_rate",
    "oldest_overdue_days",
    "check",
]
#: The columns that hold numbers: never text, so never given the ' that guards text (SPEC §8).
CSV_NUMBERS = frozenset(i for i, c in enumerate(CSV_COLUMNS) if c not in ("agency", "name", "rate_basis", "check"))


def _csv_row(f, basis):
    return [
        f.agency or "",
        f.agency_name or "",
        f.total,
        f.on_time,
        f.late,
        f.in_progress,
        f.overdue,
        f.cancelled,
        f.no_deadline,
        basis,
        "" if f.completion_rate(basis) is None else f"{f.completion_rate(basis):.2f}",
        "" if f.on_time_rate is None else f"{f.on_time_rate:.2f}",
        "" if f.oldest_overdue_days is None else f.oldest_overdue_days,
        "true" if f.check else "false",
    ]


def _table(lang, result, by_agency):
    """The per-agency table of DOMAIN.md, a total row last; on a terminal, a state bar."""
    from taskreg import i18n, prose, render

    basis = result.basis
    t = lambda key, **kw: i18n.t(lang, key, **kw)  # noqa: E731
    headers = [
        t("t_agency"),
        t("t_total"),
        t("t_on_time"),
        t("t_late"),
        t("t_in_progress"),
        t("t_overdue"),
        t("t_no_deadline"),
        t("t_completion", basis=t(f"basis_{basis}_short")),
        t("t_on_time_rate"),
        t("t_oldest"),
    ]

    def cells(f, label):
        n = lambda v: i18n.num(lang, v)  # noqa: E731
        return [
            label,
            n(f.total),
            n(f.on_time),
            n(f.late),
            n(f.in_progress),
            n(f.overdue),
            n(f.no_deadline),
            i18n.pct(lang, f.completion_rate(basis)),
            i18n.pct(lang, f.on_time_rate),
            "—" if f.oldest_overdue_days is None else n(f.oldest_overdue_days),
        ]

    rows = [cells(f, f.agency) for f in result.rows] if by_agency else []
    rows.append(cells(result.whole, t("t_all")))
    title = t(
        "t_title",
        period=prose.period_label(lang, result.period),
        Period=prose.capital(prose.period_label(lang, result.period)),
        day=i18n.day(lang, result.as_of),
    )
    right = set(range(1, len(headers)))
    if render.is_terminal():
        figures = (result.rows if by_agency else []) + [result.whole]
        headers.append(t("t_states"))
        for row, f in zip(rows, figures):
            row.append(render.bar([f.on_time, f.late, f.in_progress, f.overdue], width=10))
    render.table(headers, rows, right=right, title=title, wrap_headers=True)


@command
def weekly(
    ctx: typer.Context,
    as_of: Annotated[Opt, typer.Option("--as-of", help="The last day of the week (default today).")] = None,
    agency: Annotated[Opt, typer.Option("--agency", help="One department's digest.")] = None,
    lang: Lang = None,
):
    """Print the weekly plain-text summary for cron to mail.  Example: taskreg weekly --lang vi"""
    from datetime import timedelta

    from taskreg import figures, prose, service
    from taskreg.dates import iso, parse_date, quarter_of

    session = ctx.obj
    day = parse_date(as_of, session.today) if as_of else session.today
    store = session.store()
    org, basis = settings(store)
    agencies = store.agencies()
    found = service.find_agency(agencies, agency) if agency else None
    agency_id = found["id"] if found else None
    quarter = figures.build(store, quarter_of(day), day, basis, found)
    week_start = iso(day - timedelta(days=6))
    select = lambda **kw: list(store.tasks(iso(day), agency_id=agency_id, with_co=False, **kw))  # noqa: E731
    text = prose.weekly(
        session.lang(),
        org,
        day,
        quarter,
        assigned=select(assigned_from=week_start, assigned_to=iso(day)),
        completed=select(done_from=week_start, done_to=iso(day), statuses=["on_time", "late"]),
        overdue=select(statuses=["overdue"]),
        due_soon=select(statuses=["in_progress"], due_from=iso(day), due_to=iso(day + timedelta(days=7)), sort="due"),
        names={a["code"]: a["name"] for a in agencies},
        agency_name=found["name"] if found else None,
    )
    print(text, end="")


def install(app: typer.Typer) -> None:
    app.command()(report)
    app.command()(weekly)
