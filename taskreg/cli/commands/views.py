"""Commands that read tasks: list, show, history."""

from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import (
    Agency,
    All,
    AsOf,
    DueWithin,
    From,
    Lang,
    Month,
    Opt,
    Quarter,
    Search,
    Sort,
    Starred,
    Status,
    To,
    Year,
)
from taskreg.cli.session import command
from taskreg.domain import figures, states
from taskreg.domain import tasks as service
from taskreg.domain.agencies import find_agency
from taskreg.domain.dates import choose_period, from_iso, iso, parse_date
from taskreg.domain.errors import BadInput, Refused
from taskreg.domain.mergers import agency_history
from taskreg.domain.model import check_choice, choice_word
from taskreg.domain.text import nfc, printable, search_keys
from taskreg.formats import tabular
from taskreg.present import i18n
from taskreg.present import terminal as render
from taskreg.present.events import correction_words, describe, event_json, moment
from taskreg.storage import SORTS


def select_tasks(
    session,
    store,
    status,
    all_,
    agency,
    quarter,
    month,
    year,
    from_,
    to,
    due_within,
    search,
    as_of,
    sort=None,
    default_status=None,
    stale=False,
    starred=False,
    period_as_of=False,
):
    """list's filters, checked and applied: (as-of date, the tasks); export uses them too.
    `period_as_of`: with no --as-of, states as of the period's last day (today while it
    runs), as a report of the period counts them (`export --format xlsx`, docs/import-export.md).
    `stale`: only the open tasks that must be updated and were not (`list --stale`), never
    updated first, then the oldest report (unless --sort says otherwise)."""
    from datetime import timedelta

    sort = sort or ("updated" if stale else "id")
    check_choice(sort, tuple(SORTS), "--sort")
    known = states.ALL + tuple(states.GROUPS) + states.FILTERS
    status = [choice_word(s, known) for s in status] if status else status  # "quá hạn": overdue
    for s in status or ():
        check_choice(s, known, "--status")
    # `awaiting` narrows the states chosen (all, if it is alone): a filter, not a state.
    awaiting = states.AWAITING in (status or ())
    status = [s for s in status or () if s not in states.FILTERS] or (None if awaiting else status)
    if status and all_:
        raise BadInput("status_all_conflict")
    if due_within is not None and due_within < 0:
        raise BadInput("negative_days")
    if due_within is not None and due_within > 36_500:
        raise BadInput("number_too_large", what="--due-within", value=due_within)
    day = _as_of(session, as_of)
    period = choose_period(session.today, quarter, month, year, from_, to)
    if period_as_of and period is not None and as_of is None:
        day = figures.report_as_of(period, session.today, None)
    wanted = (
        states.expand(status)
        if status
        else (None if all_ or awaiting or not default_status else states.expand(default_status))
    )
    found = find_agency(store.agencies(), agency) if agency else None
    agency_id = found["id"] if found else None
    if found and found["merged_on"] and found["merged_on"] <= iso(day):  # accepted, with a note
        session.err(
            "agency_merged_note",
            code=found["code"],
            into=found["merged_into"],
            on=i18n.day(session.lang(), from_iso(found["merged_on"])),
        )
    rows = store.tasks(
        iso(day),
        statuses=wanted,
        agency_id=agency_id,
        assigned_from=iso(period.start) if period else None,
        assigned_to=iso(period.end) if period else None,
        due_from=iso(day) if due_within is not None else None,
        due_to=iso(day + timedelta(days=due_within)) if due_within is not None else None,
        search=search_keys(search) if search else None,
        sort=sort,
        # Only an explicit --as-of leaves out what was assigned after it (SPEC §5); without
        # one, a task a register holds with a later assignment date is listed, stateless.
        existing=as_of is not None or wanted is not None or awaiting,
        stale_since=iso(figures.updated_since(day, figures.update_window(store))) if stale else None,
        starred=starred,
        awaiting=awaiting,
    )
    return day, rows


def _as_of(session, as_of):

    return parse_date(as_of, session.today, session.calendar) if as_of else session.today


@command
def list_(
    ctx: typer.Context,
    status: Status = None,
    all_: All = False,
    agency: Agency = None,
    quarter: Quarter = None,
    month: Month = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    due_within: DueWithin = None,
    search: Search = None,
    sort: Sort = None,
    stale: Annotated[bool, typer.Option("--stale")] = False,
    as_of: AsOf = None,
    starred: Starred = False,
    format: Annotated[str, typer.Option("--format", **completion.choices("table", "csv", "json"))] = "table",
    lang: Lang = None,
):

    session = ctx.obj
    store = session.store()
    day, rows = select_tasks(
        session,
        store,
        status,
        all_,
        agency,
        quarter,
        month,
        year,
        from_,
        to,
        due_within,
        search,
        as_of,
        sort,
        default_status=["open"],
        stale=stale,
        starred=starred,
    )
    if format == "json":
        tabular.write_json([service.public(r) for r in rows])
        return
    if format == "csv":
        tabular.write_tasks_csv(rows)
        return
    lang = session.lang()
    rows = list(rows)
    if not rows:
        session.say("no_tasks")
        return
    on = iso(day)
    # A cancellation has its own column, shown when a listed task was cancelled by then.
    cancelled = any(r["cancelled_on"] and r["cancelled_on"] <= on for r in rows)
    # The latest progress report's date, shown when a listed task has one (or for --stale).
    updated = stale or any(r["updated_on"] for r in rows)

    def closed(r, field):
        return i18n.day(lang, from_iso(r[field])) if r[field] and r[field] <= on else "—"

    terminal = render.is_terminal()

    body = [
        [
            render.id_cell(r["id"], r["starred"]),
            render.state_cell(i18n.state(lang, r["status"], short=True), r["status"], terminal),
            r["agency"],
            r["title"],
            i18n.day(lang, from_iso(r["assigned_on"])),
            i18n.day(lang, from_iso(r["due_on"])),
            closed(r, "done_on"),
            *([closed(r, "cancelled_on")] if cancelled else []),
            *([closed(r, "updated_on")] if updated else []),
        ]
        for r in rows
    ]
    keys = ["f_id", "f_status", "f_agency", "f_title", "f_assigned", "f_due", "f_done"]
    keys += (["f_cancelled"] if cancelled else []) + (["f_updated"] if updated else [])
    headers = [i18n.t(lang, k) for k in keys]
    render.table(headers, body, right={0}, wrap=3, wrap_headers=True, cut=True, optional=len(keys) - 7)
    if any(r["starred"] for r in rows):  # what the mark beside an id means
        print(i18n.t(lang, "list_star_legend", star=render.STAR))


@command
def show(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.open_tasks)],
    as_of: AsOf = None,
    format: Annotated[str, typer.Option("--format", **completion.choices("text", "json"))] = "text",
    lang: Lang = None,
):

    session = ctx.obj
    day = _as_of(session, as_of)
    store = session.store()
    task = store.task(task_id, iso(day))
    if task is None:
        raise Refused("task_missing", id=task_id)
    events, corrected = service.task_history(store, task_id)
    exists = task["assigned_on"] <= iso(day)
    if not exists:
        task["status"] = None  # assigned after the as-of date: it has no state then
    if format == "json":
        tabular.write_json(
            {
                **service.public(task),
                "agency_history": agency_history(
                    task, {a["id"]: a["code"] for a in store.agencies()}, store.merger_chains()
                ),
                "as_of": iso(day),
                "corrected": corrected,
                "deadlines": [
                    {k: d[k] for k in ("due_on", "kind", "decided_on", "reason")} for d in store.deadlines(task_id)
                ],
                "progress": service.progress_reports(events),
                "history": [event_json(e) for e in events],
            }
        )
        return
    lang = session.lang()
    d = lambda v: i18n.day(lang, from_iso(v))  # noqa: E731
    state = i18n.state(lang, task["status"]) if exists else "—"
    print(f"#{task['id']}  {state} ({i18n.t(lang, 'as_of', day=i18n.day(lang, day))})")
    if not exists:
        print(i18n.t(lang, "not_yet_assigned", day=i18n.day(lang, day), assigned=d(task["assigned_on"])))
    lines = [
        ("f_title", task["title"]),
        ("f_agency", f"{task['agency']} ({task['agency_name']})"),
        ("f_co", ", ".join(task["co_agencies"])),
        ("f_assigned", d(task["assigned_on"])),
        ("f_due", d(task["due_on"]) if task["due_on"] else i18n.t(lang, "no_deadline")),
        ("f_done", d(task["done_on"]) if task["done_on"] else ""),
        ("f_result", task["result"]),
        ("f_confirmation", _confirmation(lang, task, iso(day))),
        ("f_cancelled", (f"{d(task['cancelled_on'])} ({task['cancel_reason']})" if task["cancelled_on"] else "")),
        (
            "f_source",
            " ".join(
                filter(
                    None,
                    [
                        task["source"],
                        i18n.t(lang, "of_date", day=d(task["source_date"])) if task["source_date"] else None,
                    ],
                )
            ),
        ),
        ("f_assigned_by", task["assigned_by"]),
        ("f_note", task["note"]),
        ("f_starred", i18n.t(lang, "yes") if task["starred"] else ""),
        ("f_uid", task["uid"]),
        ("f_corrected", i18n.t(lang, "corrected_yes") if corrected else ""),
    ]
    corrections = [correction_words(lang, e) for e in events if service.is_correction(e)]
    labels = [(i18n.t(lang, k), v) for k, v in lines if v]
    width = max(len(label) for label, _ in labels) + 2
    # Each value and history line on one line, its control characters escaped (SPEC §8):
    # a note or a result cannot forge a field, a correction or an event.
    for label, value in labels:
        print(f"{(label + ':').ljust(width)}{printable(value)}")
    for words in corrections:
        print(f"{'':{width}}{printable(words)}")
    reports = service.progress_reports(events)
    if reports:
        print()
        print(i18n.t(lang, "f_progress") + ":")
        for r in reports:
            print("  " + printable("  ".join((d(r["on"]), r["actor"], r["text"]))))
    print()
    print(i18n.t(lang, "f_history") + ":")
    for e in events:
        print("  " + printable("  ".join(filter(None, [moment(lang, e["at"]), e["actor"], describe(lang, e)]))))


def _confirmation(lang: str, task: dict, on: str) -> str:
    """Where a task's completion stands with the office's confirmation as of `on` (SPEC §12)."""
    if task["awaiting_confirmation"]:
        return i18n.t(lang, "confirmation_awaiting", day=i18n.day(lang, from_iso(task["awaiting_since"])))
    if task["awaiting_since"] and task["confirmed_on"] and task["confirmed_on"] <= on:
        return i18n.t(lang, "confirmation_done", day=i18n.day(lang, from_iso(task["confirmed_on"])))
    return ""


@command
def history(
    ctx: typer.Context,
    task: Annotated[Optional[int], typer.Option("--task", metavar="ID")] = None,
    since: Annotated[Opt, typer.Option("--since", metavar="DATE")] = None,
    actor: Annotated[Opt, typer.Option("--actor", metavar="USER")] = None,
    format: Annotated[str, typer.Option("--format", **completion.choices("table", "json"))] = "table",
    lang: Lang = None,
):

    session = ctx.obj
    since_day = iso(parse_date(since, session.today, session.calendar)) if since else None
    # actors are stored in NFC (taskreg.domain.model check_actor): found as typed, in NFC or NFD
    events = session.store().events(task_id=task, since=since_day, actor=nfc(actor), with_import=True)
    if format == "json":
        tabular.write_json([event_json(e) for e in events])
        return
    if not events:
        session.say("no_events")
        return
    lang = session.lang()
    headers = [i18n.t(lang, k) for k in ("f_id", "h_at", "h_actor", "h_task", "h_detail")]
    render.table(
        headers,
        [[str(e["id"]), moment(lang, e["at"]), e["actor"], str(e["task_id"] or ""), describe(lang, e)] for e in events],
        right={0, 3},
        wrap=4,
    )


def install(app: typer.Typer) -> None:
    app.command("list")(list_)
    app.command()(show)
    app.command()(history)
