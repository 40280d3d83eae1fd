"""Commands that change tasks: add, done, update, reopen, extend, cancel, edit; and the office's
confirm and return of a completion (SPEC §12)."""

from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import Amend, Lang
from taskreg.cli.session import command
from taskreg.domain import tasks as service
from taskreg.domain.dates import from_iso, iso
from taskreg.domain.text import nfc, symbol_doubt
from taskreg.formats import tabular
from taskreg.present import i18n

Reason = Annotated[str, typer.Option("--reason", metavar="REASON")]
On = Annotated[Optional[str], typer.Option("--on", metavar="DATE", show_default=False)]
Co = Annotated[
    Optional[list[str]],
    typer.Option("--co", metavar="AGENCY", autocompletion=completion.agencies, show_default=False),
]


@command
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    agency: Annotated[str, typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)],
    co: Co = None,
    due: Annotated[Optional[str], typer.Option("--due", metavar="DEADLINE")] = None,
    assigned: Annotated[Optional[str], typer.Option("--assigned", metavar="DATE")] = None,
    source: Annotated[Optional[str], typer.Option("--source", metavar="SYMBOL")] = None,
    source_date: Annotated[Optional[str], typer.Option("--source-date", metavar="DATE")] = None,
    assigned_by: Annotated[Optional[str], typer.Option("--assigned-by", metavar="NAME")] = None,
    note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT")] = None,
    star: Annotated[bool, typer.Option("--star")] = False,
    format: Annotated[str, typer.Option("--format", **completion.choices("text", "json"))] = "text",
    amend: Amend = None,
    lang: Lang = None,
):

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
        starred=star,
        amend=amend,
        calendar=session.calendar,
    )
    _check_symbol(session, source)
    if format == "json":
        tabular.write_json(service.public(store.task(task_id, iso(session.today))))
    else:
        print(task_id)


def _check_symbol(session, source: Optional[str]) -> None:
    """Warn, never refuse, when a document symbol looks mistyped."""

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
    ids: Annotated[list[int], typer.Argument(metavar="ID", autocompletion=completion.open_tasks)],
    on: On = None,
    result: Annotated[Optional[str], typer.Option("--result", metavar="TEXT")] = None,
    amend: Amend = None,
    lang: Lang = None,
):

    session = ctx.obj
    for task in service.done(
        session.store(), session.today, ids, on=on, result=result, amend=amend, calendar=session.calendar
    ):
        lang = session.lang()
        session.say(
            "done_ok",
            id=task["id"],
            on=i18n.day(lang, from_iso(task["done_on"])),
            status=i18n.state(lang, task["status"]),
        )


@command
def update(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.open_tasks)],
    text: Annotated[str, typer.Argument(metavar="TEXT")],
    lang: Lang = None,
):

    session = ctx.obj
    service.update(session.store(), session.today, task_id, text)
    session.say("update_ok", id=task_id, on=i18n.day(session.lang(), session.today))


@command
def reopen(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.done_tasks)],
    reason: Reason,
    amend: Amend = None,
    lang: Lang = None,
):

    session = ctx.obj
    service.reopen(session.store(), session.today, task_id, reason, amend=amend)
    session.say("reopen_ok", id=task_id)


@command
def extend(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.open_tasks)],
    due: Annotated[str, typer.Option("--due", metavar="DEADLINE")],
    reason: Reason,
    on: Annotated[Optional[str], typer.Option("--on", metavar="DATE")] = None,
    amend: Amend = None,
    lang: Lang = None,
):

    session = ctx.obj
    old, new = service.extend(
        session.store(), session.today, task_id, due, reason, on=on, amend=amend, calendar=session.calendar
    )
    lang = session.lang()
    session.say("extend_ok", id=task_id, old=i18n.day(lang, from_iso(old)), new=i18n.day(lang, from_iso(new)))


@command
def cancel(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.open_tasks)],
    reason: Reason,
    on: On = None,
    amend: Amend = None,
    lang: Lang = None,
):

    session = ctx.obj
    day = service.cancel(session.store(), session.today, task_id, reason, on=on, amend=amend, calendar=session.calendar)
    session.say("cancel_ok", id=task_id, on=i18n.day(session.lang(), from_iso(day)))


@command
def edit(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.open_tasks)],
    title: Annotated[Optional[str], typer.Option("--title", metavar="TITLE")] = None,
    agency: Annotated[
        Optional[str], typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)
    ] = None,
    co: Annotated[
        Optional[list[str]], typer.Option("--co", metavar="AGENCY", autocompletion=completion.agencies)
    ] = None,
    assigned: Annotated[Optional[str], typer.Option("--assigned", metavar="DATE")] = None,
    due: Annotated[Optional[str], typer.Option("--due", metavar="DEADLINE")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", metavar="REASON")] = None,
    source: Annotated[Optional[str], typer.Option("--source", metavar="SYMBOL")] = None,
    source_date: Annotated[Optional[str], typer.Option("--source-date", metavar="DATE")] = None,
    assigned_by: Annotated[Optional[str], typer.Option("--assigned-by", metavar="NAME")] = None,
    note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT")] = None,
    result: Annotated[Optional[str], typer.Option("--result", metavar="TEXT")] = None,
    done: Annotated[Optional[str], typer.Option("--done", metavar="DATE")] = None,
    star: Annotated[Optional[bool], typer.Option("--star/--no-star", show_default=False)] = None,
    amend: Amend = None,
    lang: Lang = None,
):

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
        starred=star,
        amend=amend,
        calendar=session.calendar,
    )
    _check_symbol(session, source)
    if changed:
        # Each field by its name in the language ("hạn hoàn thành"), never its JSON key.
        lang = session.lang()
        session.say("edit_ok", id=task_id, fields=", ".join(i18n.t(lang, "e_" + field) for field in changed))
    else:
        session.say("edit_same", id=task_id)


@command
def confirm(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(metavar="ID", autocompletion=completion.done_tasks)],
    lang: Lang = None,
):

    session = ctx.obj
    for task_id in service.confirm(session.store(), session.today, ids):
        session.say("confirm_ok", id=task_id, on=i18n.day(session.lang(), session.today))


@command
def return_(
    ctx: typer.Context,
    task_id: Annotated[int, typer.Argument(metavar="ID", autocompletion=completion.done_tasks)],
    reason: Reason,
    amend: Amend = None,
    lang: Lang = None,
):

    session = ctx.obj
    done_on = service.return_(session.store(), session.today, task_id, reason, amend=amend)
    session.say("return_ok", id=task_id, on=i18n.day(session.lang(), from_iso(done_on)))


def install(app: typer.Typer) -> None:
    for fn in (add, done, update, reopen, extend, cancel, edit, confirm):
        app.command()(fn)
    app.command("return")(return_)
