"""Commands that change tasks: add, done, reopen, extend, cancel, edit."""

from typing import Annotated, Optional

import typer

from taskreg.session import Amend, Lang, choice, command

Reason = Annotated[str, typer.Option("--reason", help="Why; kept in the history.")]
On = Annotated[Optional[str], typer.Option("--on", help="The date (default today).", show_default=False)]
Co = Annotated[
    Optional[list[str]],
    typer.Option("--co", help="A coordinating agency (phối hợp); repeat for each.", show_default=False),
]


@command
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="What is to be done (nội dung nhiệm vụ).")],
    agency: Annotated[str, typer.Option("--agency", help="The lead agency (chủ trì), by code or name.")],
    co: Co = None,
    due: Annotated[
        Optional[str],
        typer.Option("--due", help="Deadline: a date, or a month/quarter meaning its last day (12/2026, Q2/2026)."),
    ] = None,
    assigned: Annotated[Optional[str], typer.Option("--assigned", help="Date assigned (default today).")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Source document symbol, e.g. 863/KH-UBND.")] = None,
    source_date: Annotated[Optional[str], typer.Option("--source-date", help="The source document's date.")] = None,
    assigned_by: Annotated[Optional[str], typer.Option("--assigned-by", help="Who assigned it.")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="A note.")] = None,
    format: Annotated[str, typer.Option("--format", help="text (the id) or json (the record).")] = "text",
    amend: Amend = None,
    lang: Lang = None,
):
    """Record a new task and print its id.  Example: taskreg add "Rà soát thủ tục" --agency SYT --due 30/6/2026"""
    from taskreg import render, service
    from taskreg.dates import iso

    choice(format, ("text", "json"), "--format")
    session = ctx.obj
    store = session.store(create=True)
    task_id = service.add_task(
        store,
        session.today,
        title=title,
        agency=agency,
        co=co or (),
        due=due,
        assigned=assigned,
        source=source,
        source_date=source_date,
        assigned_by=assigned_by,
        note=note,
        amend=amend,
    )
    _check_symbol(session, source)
    if format == "json":
        render.write_json(service.public(store.task(task_id, iso(session.today))))
    else:
        print(task_id)


def _check_symbol(session, source: Optional[str]) -> None:
    """Warn, never refuse, when a document symbol looks mistyped."""
    from taskreg.text import nfc, symbol_doubt

    doubt = None
    if source and source.strip():
        symbol = nfc(source)
        assert symbol is not None  # nfc of a text is a text
        doubt = symbol_doubt(symbol)
    if doubt:
        session.err(doubt[0], **doubt[1])


@command
def done(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(help="One or more task ids.")],
    on: On = None,
    result: Annotated[Optional[str], typer.Option("--result", help="What was delivered.")] = None,
    amend: Amend = None,
    lang: Lang = None,
):
    """Mark tasks done (all or none).  Example: taskreg done 12 13 --on 20/3/2026 --result "Báo cáo số 45/BC-SYT" """
    from taskreg import i18n, service
    from taskreg.dates import from_iso

    session = ctx.obj
    for task in service.done(session.store(), session.today, ids, on=on, result=result, amend=amend):
        lang = session.lang()
        session.say(
            "done_ok",
            id=task["id"],
            on=i18n.day(lang, from_iso(task["done_on"])),
            status=i18n.state(lang, task["status"]),
        )


@command
def reopen(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", help="The task id.")],
    reason: Reason,
    amend: Amend = None,
    lang: Lang = None,
):
    """Reopen a task that was not really done (a correction).  Example: taskreg reopen 12 --reason "Chưa nộp báo cáo" """
    from taskreg import service

    session = ctx.obj
    service.reopen(session.store(), session.today, task_id, reason, amend=amend)
    session.say("reopen_ok", id=task_id)


@command
def extend(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", help="The task id.")],
    due: Annotated[str, typer.Option("--due", help="The new, later deadline.")],
    reason: Reason,
    on: Annotated[
        Optional[str],
        typer.Option("--on", help="When the extension was decided (default today); on or before the old deadline."),
    ] = None,
    amend: Amend = None,
    lang: Lang = None,
):
    """Extend an open task's deadline (gia hạn).  Example: taskreg extend 12 --due 31/7/2026 --reason "Công văn 123/SYT-KH" """
    from taskreg import i18n, service
    from taskreg.dates import from_iso

    session = ctx.obj
    old, new = service.extend(session.store(), session.today, task_id, due, reason, on=on, amend=amend)
    lang = session.lang()
    session.say("extend_ok", id=task_id, old=i18n.day(lang, from_iso(old)), new=i18n.day(lang, from_iso(new)))


@command
def cancel(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", help="The task id.")],
    reason: Reason,
    on: On = None,
    amend: Amend = None,
    lang: Lang = None,
):
    """Cancel a task (dừng thực hiện); it leaves the four counts from that date.  Example: taskreg cancel 12 --reason "Theo TB 45/TB-UBND" """
    from taskreg import i18n, service
    from taskreg.dates import from_iso

    session = ctx.obj
    day = service.cancel(session.store(), session.today, task_id, reason, on=on, amend=amend)
    session.say("cancel_ok", id=task_id, on=i18n.day(session.lang(), from_iso(day)))


@command
def edit(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", help="The task id.")],
    title: Annotated[Optional[str], typer.Option("--title")] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", help="A new lead agency.")] = None,
    co: Annotated[
        Optional[list[str]], typer.Option("--co", help="Replaces the coordinating agencies; `--co none` clears them.")
    ] = None,
    assigned: Annotated[Optional[str], typer.Option("--assigned")] = None,
    due: Annotated[
        Optional[str], typer.Option("--due", help="A corrected deadline, or `none`; needs --reason.")
    ] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why (required with --due).")] = None,
    source: Annotated[Optional[str], typer.Option("--source")] = None,
    source_date: Annotated[Optional[str], typer.Option("--source-date")] = None,
    assigned_by: Annotated[Optional[str], typer.Option("--assigned-by")] = None,
    note: Annotated[Optional[str], typer.Option("--note")] = None,
    result: Annotated[Optional[str], typer.Option("--result")] = None,
    done: Annotated[
        Optional[str], typer.Option("--done", help="A corrected completion date (of a task that is done).")
    ] = None,
    amend: Amend = None,
    lang: Lang = None,
):
    """Correct a task's record (audited; not an extension).  Example: taskreg edit 12 --due 30/6/2026 --reason "Nhập nhầm hạn" """
    from taskreg import service

    session = ctx.obj
    changed = service.edit(
        session.store(),
        session.today,
        task_id,
        title=title,
        agency=agency,
        co=co,
        assigned=assigned,
        due=due,
        reason=reason,
        source=source,
        source_date=source_date,
        assigned_by=assigned_by,
        note=note,
        result=result,
        done=done,
        amend=amend,
    )
    _check_symbol(session, source)
    if changed:
        session.say("edit_ok", id=task_id, fields=", ".join(changed))
    else:
        session.say("edit_same", id=task_id)


def install(app: typer.Typer) -> None:
    for fn in (add, done, reopen, extend, cancel, edit):
        app.command()(fn)
