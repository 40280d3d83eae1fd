"""remind (đôn đốc, docs/commands.md "remind"): each lead agency's reminder of its overdue
tasks and its tasks due soon, printed, or mailed to the agency's addresses with --send."""

import sys
from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import AsOf, Lang
from taskreg.cli.session import command
from taskreg.domain.agencies import find_agency
from taskreg.domain.dates import parse_date
from taskreg.domain.errors import BadInput, Count, Day
from taskreg.domain.model import SETTINGS, check_days
from taskreg.domain.reminders import cadence, record_reminder, reminders
from taskreg.formats.mail import Mailer
from taskreg.present import prose


@command
def remind(
    ctx: typer.Context,
    as_of: AsOf = None,
    within: Annotated[Optional[str], typer.Option("--within", metavar="DAYS")] = None,
    agency: Annotated[
        Optional[list[str]], typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)
    ] = None,
    send: Annotated[bool, typer.Option("--send")] = False,
    lang: Lang = None,
):

    session = ctx.obj
    day = parse_date(as_of, session.today, session.calendar) if as_of else session.today
    if send and day != session.today:  # a reminder mailed says what is true today
        raise BadInput("remind_send_today", day=Day(day), today=Day(session.today))
    window = int(check_days(within, "--within")) if within is not None else None
    store = session.store()
    sender = None
    if send:
        store.may_remind()
        sender = store.setting("smtp-from")
        if not sender:
            raise BadInput("remind_no_sender")
    days, window = cadence(store, window)
    chosen = [find_agency(store.agencies(), a) for a in agency] if agency else None
    found = reminders(store, day, days, window, chosen)
    org = store.setting("org") or SETTINGS["org"][1] or ""
    lang = session.lang()
    if not found:
        session.say("remind_nothing", day=Day(day))
        return
    if not send:
        rule = "\n" + "-" * prose.WIDTH + "\n\n"
        print(rule.join(prose.reminder(lang, org, day, r) for r in found), end="")
        return

    assert sender is not None
    host = store.setting("smtp-host") or SETTINGS["smtp-host"][1] or "localhost"
    port = int(store.setting("smtp-port") or SETTINGS["smtp-port"][1] or 25)
    mailer = Mailer(host, port, sender)
    failed = False
    try:
        for r in found:
            name = f"{r.agency['code']} ({r.agency['name']})"
            if not r.addresses:
                session.err("remind_no_address", agency=name, code=r.agency["code"])
                failed = True
                continue
            # No lock is held while mailing; each accepted message is recorded at once.
            outcome = mailer.send(r.addresses, prose.reminder_subject(lang, day, r), prose.reminder(lang, org, day, r))
            for address, said in outcome.refused.items():
                session.err("remind_refused", agency=name, address=address, reason=said)
                failed = True
            if outcome.error is not None or not outcome.accepted:
                failed = True
                if outcome.error is not None:
                    session.err("remind_not_sent", agency=name, reason=outcome.error)
                else:
                    session.err("remind_none_accepted", agency=name)
                continue
            record_reminder(store, r, session.today, outcome.accepted)
            session.say("remind_sent", agency=name, to=", ".join(outcome.accepted), n=Count(len(r.tasks)))
    finally:
        mailer.close()
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def install(app: typer.Typer) -> None:
    app.command()(remind)
