"""Periodic tasks (docs/commands.md "recur"): recur add, sync, edit, stop, list, show.

The rules are taskreg.domain.series; a period's task is made by taskreg.domain.tasks.add_task,
so it is an ordinary task. Only `recur add` and `recur sync` make tasks (docs/commands.md "recur").
"""

from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import Amend, Lang
from taskreg.cli.session import command
from taskreg.domain import series as rules
from taskreg.domain.dates import from_iso, iso
from taskreg.domain.errors import Refused
from taskreg.domain.model import EVERY
from taskreg.domain.tasks import public
from taskreg.formats import tabular
from taskreg.present import i18n
from taskreg.present import terminal as render

SeriesId = Annotated[int, typer.Argument(metavar="SERIES")]
Co = Annotated[
    Optional[list[str]],
    typer.Option("--co", metavar="AGENCY", autocompletion=completion.agencies, show_default=False),
]
DueDay = Annotated[int, typer.Option("--due-day", metavar="DAY")]

recur_app = typer.Typer(no_args_is_help=True)


def _say_left_out(session, synced: rules.Synced) -> None:
    """On stderr, one sentence each: a period left out under lock-published, a failure."""
    for series, label, e in synced.locked:
        session.err("recur_locked", series=series["id"], period=label, **e.values)
    for series, label, e in synced.failed:
        session.err("recur_failed", series=series["id"], period=label, reason=(e.key, e.values))


@recur_app.command("add")
@command
def recur_add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    agency: Annotated[str, typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)],
    # PERIOD, not the choices: "half-year" is no word of a Vietnamese placeholder (its help names them)
    every: Annotated[str, typer.Option("--every", **{**completion.choices(*EVERY), "metavar": "PERIOD"})],
    due_day: DueDay,
    after: Annotated[bool, typer.Option("--after")] = False,
    from_: Annotated[Optional[str], typer.Option("--from", metavar="DATE")] = None,
    co: Co = None,
    star: Annotated[bool, typer.Option("--star")] = False,
    lang: Lang = None,
):
    session = ctx.obj
    store = session.store(create=True)
    series_id = rules.add_series(
        store,
        session.today,
        title=title,
        agency=agency,
        every=every,
        due_day=due_day,
        after=after,
        start=from_,
        co=co or (),
        starred=star,
    )
    print(series_id)
    synced = rules.sync_series(store, session.today, only=series_id)
    lang = session.lang()
    for _, task_id in synced.made:
        task = store.task(task_id, iso(session.today))
        session.err("recur_made", id=task_id, title=task["title"], due=i18n.day(lang, from_iso(task["due_on"])))
    _say_left_out(session, synced)
    if synced.failed:
        raise typer.Exit(1)


@recur_app.command("sync")
@command
def recur_sync(ctx: typer.Context, amend: Amend = None, lang: Lang = None):
    session = ctx.obj
    store = session.store()
    synced = rules.sync_series(store, session.today, amend=amend)
    lang = session.lang()
    for _, task_id in synced.made:
        task = store.task(task_id, iso(session.today))
        session.say("recur_made", id=task_id, title=task["title"], due=i18n.day(lang, from_iso(task["due_on"])))
    _say_left_out(session, synced)
    if synced.failed:
        raise typer.Exit(1)


@recur_app.command("edit")
@command
def recur_edit(
    ctx: typer.Context,
    series_id: SeriesId,
    title: Annotated[Optional[str], typer.Option("--title", metavar="TITLE")] = None,
    agency: Annotated[
        Optional[str], typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)
    ] = None,
    due_day: Annotated[Optional[int], typer.Option("--due-day", metavar="DAY")] = None,
    after: Annotated[Optional[bool], typer.Option("--after/--no-after", show_default=False)] = None,
    co: Co = None,
    star: Annotated[Optional[bool], typer.Option("--star/--no-star", show_default=False)] = None,
    lang: Lang = None,
):
    session = ctx.obj
    changed = rules.edit_series(
        session.store(),
        session.today,
        series_id,
        title=title,
        agency=agency,
        co=co,
        due_day=due_day,
        after=after,
        starred=star,
    )
    if not changed:
        session.say("recur_edit_same", id=series_id)
        return
    lang = session.lang()
    session.say("recur_edit_ok", id=series_id, fields=", ".join(i18n.t(lang, "s_" + f) for f in changed))


@recur_app.command("stop")
@command
def recur_stop(
    ctx: typer.Context,
    series_id: SeriesId,
    on: Annotated[Optional[str], typer.Option("--on", metavar="DATE")] = None,
    lang: Lang = None,
):
    session = ctx.obj
    _, day = rules.stop_series(session.store(), session.today, series_id, on)
    session.say("recur_stop_ok", id=series_id, on=i18n.day(session.lang(), from_iso(day)))


def _rule(lang: str, s: dict) -> str:
    """The deadline rule in words: "day 20 of the period's last month"."""
    return i18n.t(lang, "recur_rule_after" if s["due_after"] else "recur_rule", day=s["due_day"])


@recur_app.command("list")
@command
def recur_list(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", **completion.choices("table", "json"))] = "table",
    lang: Lang = None,
):
    session = ctx.obj
    found = session.store().series()
    if format == "json":
        tabular.write_json([rules.public_series(s) for s in found])
        return
    if not found:
        session.say("no_series")
        return
    lang = session.lang()
    headers = [
        i18n.t(lang, k) for k in ("r_id", "r_title", "r_agency", "r_every", "r_rule", "r_from", "r_stopped", "r_tasks")
    ]
    body = [
        [
            s["id"],
            s["title"] + (" ★" if s["starred"] else ""),
            s["agency"],
            i18n.t(lang, f"every:{s['every']}"),
            _rule(lang, s),
            i18n.day(lang, from_iso(s["from_on"])),
            i18n.day(lang, from_iso(s["stopped_on"])) if s["stopped_on"] else "",
            s["tasks"],
        ]
        for s in found
    ]
    render.table(headers, body, right={0, 7}, wrap=1)


@recur_app.command("show")
@command
def recur_show(
    ctx: typer.Context,
    series_id: SeriesId,
    format: Annotated[str, typer.Option("--format", **completion.choices("text", "json"))] = "text",
    lang: Lang = None,
):
    session = ctx.obj
    store = session.store()
    found = store.series(series_id)
    if not found:
        raise Refused("series_missing", id=series_id)
    s = found[0]
    today = iso(session.today)
    tasks = [store.task(task_id, today) for task_id in store.series_tasks(series_id).values()]
    if format == "json":
        tabular.write_json({**rules.public_series(s), "tasks_made": [public(t) for t in tasks if t]})
        return
    lang = session.lang()
    co = ", ".join(s["co_agencies"]) or "—"
    for key, value in (
        ("s_title", s["title"]),
        ("s_agency", s["agency"]),
        ("s_co_agencies", co),
        ("s_every", i18n.t(lang, f"every:{s['every']}")),
        ("s_rule", _rule(lang, s)),
        ("s_starred", i18n.t(lang, "yes" if s["starred"] else "no")),
        ("s_from", i18n.day(lang, from_iso(s["from_on"]))),
        ("s_stopped", i18n.day(lang, from_iso(s["stopped_on"])) if s["stopped_on"] else "—"),
    ):
        print(f"{i18n.t(lang, key)}: {value}")
    if not tasks:
        session.say("recur_no_tasks")
        return
    headers = [i18n.t(lang, k) for k in ("r_id", "r_title", "r_assigned", "r_due", "r_status")]
    body = [
        [
            t["id"],
            t["title"],
            i18n.day(lang, from_iso(t["assigned_on"])),
            i18n.day(lang, from_iso(t["due_on"])),
            i18n.state(lang, t["status"]),
        ]
        for t in tasks
        if t
    ]
    render.table(headers, body, right={0}, wrap=1)


def install(app: typer.Typer) -> None:
    app.add_typer(recur_app, name="recur")
