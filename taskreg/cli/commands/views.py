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
    Status,
    To,
    Year,
)
from taskreg.cli.session import choice, command
from taskreg.formats import tabular


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
    sort="id",
    default_status=None,
):
    """list's filters, checked and applied: (as-of date, the tasks); export uses them too."""
    from datetime import timedelta

    from taskreg.domain import states
    from taskreg.domain.agencies import find_agency
    from taskreg.domain.dates import choose_period, iso
    from taskreg.domain.errors import BadInput
    from taskreg.domain.text import search_keys
    from taskreg.storage import SORTS

    choice(sort, tuple(SORTS), "--sort")
    for s in status or ():
        choice(s, states.ALL + tuple(states.GROUPS), "--status")
    if status and all_:
        raise BadInput("status_all_conflict")
    if due_within is not None and due_within < 0:
        raise BadInput("negative_days")
    if due_within is not None and due_within > 36_500:
        raise BadInput("number_too_large", what="--due-within", value=due_within)
    day = _as_of(session, as_of)
    period = choose_period(session.today, quarter, month, year, from_, to)
    wanted = (
        states.expand(status) if status else (None if all_ or not default_status else states.expand(default_status))
    )
    agency_id = find_agency(store.agencies(), agency)["id"] if agency else None
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
        existing=as_of is not None or wanted is not None,
    )
    return day, rows


def _as_of(session, as_of):
    from taskreg.domain.dates import parse_date

    return parse_date(as_of, session.today) if as_of else session.today


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
    sort: Sort = "id",
    as_of: AsOf = None,
    format: Annotated[str, typer.Option("--format", **completion.choices("table", "csv", "json"))] = "table",
    lang: Lang = None,
):
    from taskreg.domain import tasks as service
    from taskreg.domain.dates import from_iso, iso
    from taskreg.present import i18n
    from taskreg.present import terminal as render

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

    def closed(r, field):
        return i18n.day(lang, from_iso(r[field])) if r[field] and r[field] <= on else "—"

    body = [
        [
            str(r["id"]),
            render.state_cell(i18n.state(lang, r["status"], short=True), r["status"]),
            r["agency"],
            r["title"],
            i18n.day(lang, from_iso(r["assigned_on"])),
            i18n.day(lang, from_iso(r["due_on"])),
            closed(r, "done_on"),
            *([closed(r, "cancelled_on")] if cancelled else []),
        ]
        for r in rows
    ]
    keys = ["f_id", "f_status", "f_agency", "f_title", "f_assigned", "f_due", "f_done"]
    headers = [i18n.t(lang, k) for k in keys + (["f_cancelled"] if cancelled else [])]
    render.table(headers, body, right={0}, wrap=3, wrap_headers=True, cut=True)


@command
def show(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.open_tasks)],
    as_of: AsOf = None,
    format: Annotated[str, typer.Option("--format", **completion.choices("text", "json"))] = "text",
    lang: Lang = None,
):
    from taskreg.domain import tasks as service
    from taskreg.domain.dates import from_iso, iso
    from taskreg.domain.errors import Refused
    from taskreg.domain.text import printable
    from taskreg.present import i18n

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
                "as_of": iso(day),
                "corrected": corrected,
                "deadlines": [
                    {k: d[k] for k in ("due_on", "kind", "decided_on", "reason")} for d in store.deadlines(task_id)
                ],
                "history": [_event_json(e) for e in events],
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
        ("f_uid", task["uid"]),
        ("f_corrected", i18n.t(lang, "corrected_yes") if corrected else ""),
    ]
    corrections = [_correction_words(lang, e) for e in events if service.is_correction(e)]
    labels = [(i18n.t(lang, k), v) for k, v in lines if v]
    width = max(len(label) for label, _ in labels) + 2
    # Each value and history line on one line, its control characters escaped (SPEC §8):
    # a note or a result cannot forge a field, a correction or an event.
    for label, value in labels:
        print(f"{(label + ':').ljust(width)}{printable(value)}")
    for words in corrections:
        print(f"{'':{width}}{printable(words)}")
    print()
    print(i18n.t(lang, "f_history") + ":")
    for e in events:
        print("  " + printable("  ".join(filter(None, [_at(lang, e["at"]), e["actor"], _describe(lang, e)]))))


FIELD_LABELS = {
    "title": "f_title",
    "agency": "f_agency",
    "co_agencies": "f_co",
    "assigned_on": "f_assigned",
    "due_on": "f_due",
    "done_on": "f_done",
    "cancelled_on": "f_cancelled",
    "source": "f_source",
    "source_date": "f_source_date",
    "assigned_by": "f_assigned_by",
    "note": "f_note",
    "result": "f_result",
    "cancel_reason": "f_cancel_reason",
    "uid": "f_uid",
    "id": "f_id",
    # an agency's events
    "code": "h_code",
    "name": "h_name",
    "kind": "h_kind",
    "retired_on": "h_retired",
    "distinct": "f_distinct",
    # a change of rights (PostgreSQL)
    "login": "f_login",
    "role": "f_role",
    "agencies": "f_agencies",
}


def _event_json(e: dict) -> dict:
    """An event as JSON: what it changed, when it was recorded and the date it claims,
    whether it is a correction, and whether a pinned clock or an imported file gave its time."""
    from taskreg.domain.tasks import is_correction

    out = {k: e[k] for k in ("id", "at", "actor", "action", "task_id", "before", "after", "reason")}
    out.update(
        claimed_on=e.get("claimed_on"),
        correction=is_correction(e),
        pinned_clock=e.get("clock") == "pinned",
        imported=e.get("imported_by") is not None,
    )
    return out


_NOUNS = {"extend": "n_extend", "done": "n_done", "cancel": "n_cancel", "reopen": "n_reopen", "edit": "n_edit"}


def _correction_words(lang: str, e: dict) -> str:
    """A correction in words: "extension recorded on 01/12/2026, decided on 29/6/2026"."""
    from taskreg.present import i18n

    after = e["after"] or {}
    claimed = {
        "extend": ("claimed_decided", after.get("decided_on")),
        "done": ("claimed_done", after.get("done_on")),
        "cancel": ("claimed_cancelled", after.get("cancelled_on")),
    }.get(e["action"])
    if claimed and claimed[1]:
        how = i18n.t(lang, claimed[0], day=_value(lang, claimed[1]))
    else:
        how = i18n.t(lang, "claimed_changed", day=_value(lang, e.get("correction_from") or ""))
    return i18n.t(
        lang,
        "recorded_claimed",
        what=i18n.t(lang, _NOUNS.get(e["action"], "n_edit")),
        recorded=_value(lang, str(e["at"])[:10]),
        claimed=how,
    )


def _value(lang: str, value) -> str:
    """A field's value in the history: dates in the language's style, lists joined, yes or no."""
    from taskreg.domain.dates import ISO_DATE, from_iso
    from taskreg.present import i18n

    if value in (None, [], ""):
        return "—"
    if isinstance(value, bool):
        return i18n.t(lang, "yes" if value else "no")
    if isinstance(value, list):
        return ";".join(map(str, value))
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return i18n.day(lang, from_iso(value))
    return str(value)


def _describe(lang: str, e: dict) -> str:
    """One line for an event: its action, what changed from what to what, and why."""
    from taskreg.domain import tasks as service
    from taskreg.present import i18n

    action = i18n.t(lang, "a_" + e["action"]) if "a_" + e["action"] in i18n.MESSAGES else e["action"]
    parts = [action]
    before, after = e["before"] or {}, e["after"] or {}
    if e["action"] == "import" and after.get("file"):
        parts.append(i18n.t(lang, "import_from", file=after["file"], imported=i18n.num(lang, after.get("imported", 0))))
    if e["action"] == "amend_published":
        ids = ", ".join(str(i) for i in after.get("publications", []))
        parts.append(i18n.t(lang, "amended_which", ids=ids))
    elif e["action"] not in ("add", "init", "import"):
        for key, new in after.items():
            if key in ("backdated", "decided_on"):
                continue
            old = before.get(key)
            if old == new:
                continue
            label = i18n.t(lang, FIELD_LABELS[key]) if key in FIELD_LABELS else key
            parts.append(f"{label}: {_value(lang, old)} → {_value(lang, new)}")
        if after.get("decided_on") and not service.is_correction(e):  # else said below
            parts.append(i18n.t(lang, "decided", day=_value(lang, after["decided_on"])))
    if e["reason"]:
        parts.append(i18n.t(lang, "because", reason=e["reason"]))
    if service.is_correction(e):
        parts.append(i18n.t(lang, "mark_correction") + ": " + _correction_words(lang, e))
    if e.get("clock") == "pinned":
        parts.append(i18n.t(lang, "mark_pinned"))
    if e.get("imported_by") is not None:
        parts.append(i18n.t(lang, "mark_imported", at=_at(lang, e["at"]), actor=e["actor"]))
    return "; ".join(parts)


def _at(lang: str, at) -> str:
    """An event's time: as recorded (ISO) in English; `09:04 ngày 01/12/2026` in Vietnamese
    (README "Language and output"). JSON keeps it ISO. A time an imported file gives that
    is not ISO is shown as the file gives it."""
    from datetime import datetime

    from taskreg.present import i18n

    text = str(at)
    if lang != "vi":
        return text
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return i18n.t(lang, "h_moment", iso=text, time=f"{moment:%H:%M}", day=i18n.day(lang, moment.date()))


@command
def history(
    ctx: typer.Context,
    task: Annotated[Optional[int], typer.Option("--task", metavar="ID")] = None,
    since: Annotated[Opt, typer.Option("--since", metavar="DATE")] = None,
    actor: Annotated[Opt, typer.Option("--actor", metavar="USER")] = None,
    format: Annotated[str, typer.Option("--format", **completion.choices("table", "json"))] = "table",
    lang: Lang = None,
):
    from taskreg.domain.dates import iso, parse_date
    from taskreg.present import i18n
    from taskreg.present import terminal as render

    session = ctx.obj
    since_day = iso(parse_date(since, session.today)) if since else None
    events = session.store().events(task_id=task, since=since_day, actor=actor, with_import=True)
    if format == "json":
        tabular.write_json([_event_json(e) for e in events])
        return
    if not events:
        session.say("no_events")
        return
    lang = session.lang()
    headers = [i18n.t(lang, k) for k in ("f_id", "h_at", "h_actor", "h_task", "h_detail")]
    render.table(
        headers,
        [[str(e["id"]), _at(lang, e["at"]), e["actor"], str(e["task_id"] or ""), _describe(lang, e)] for e in events],
        right={0, 3},
        wrap=4,
    )


def install(app: typer.Typer) -> None:
    app.command("list")(list_)
    app.command()(show)
    app.command()(history)
