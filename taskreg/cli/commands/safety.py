"""Keeping the register safe: backup and check."""

from pathlib import Path
from typing import Annotated

import typer

from taskreg.cli.options import Lang
from taskreg.cli.session import command
from taskreg.domain import figures
from taskreg.domain.dates import quarter_of
from taskreg.domain.errors import Count
from taskreg.domain.publications import unsound
from taskreg.present import i18n, labels, prose


@command
def backup(
    ctx: typer.Context,
    dest: Annotated[Path, typer.Argument(metavar="FILE")],
    lang: Lang = None,
):
    session = ctx.obj
    session.store().copy_to(dest)  # PostgreSQL: refused, pointing to pg_dump (README)
    session.err("backup_ok", path=str(dest))


@command
def check(ctx: typer.Context, lang: Lang = None):
    import sys
    from datetime import date, timedelta

    session = ctx.obj
    store = session.store()
    health = store.health()  # PostgreSQL keeps its own storage sound: references only
    problems = [session.text("check_integrity", detail=d) for d in health["integrity"]]
    problems += [session.text("check_foreign", detail=d) for d in health["foreign_keys"]]
    lang = session.lang()
    if health["first"]:
        period = quarter_of(date.fromisoformat(health["first"]))
        last = date.fromisoformat(health["last"])
        while period.start <= last:
            as_of = figures.report_as_of(period, session.today, None)
            if as_of >= period.start:
                whole = figures.build(store, period, as_of, "due").whole
                if not whole.check:
                    problems.append(
                        session.text(
                            "check_partition",
                            period=prose.period_label(lang, period),
                            total=i18n.num(lang, whole.total),
                            expected=i18n.num(lang, whole.population - whole.cancelled),
                        )
                    )
            period = quarter_of(period.end + timedelta(days=1))

    # each against its digest, its own list of tasks and its publish event (SPEC §10)
    for pub, why in unsound(store, store.publications()):
        key = why if why.startswith("check_") else "check_publication"  # canonical.verify's: the digest
        problems.append(session.text(key, id=pub["id"], publication=labels.pub_label(lang, pub)))
    if problems:
        session.err("check_failed", n=Count(len(problems)))
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        raise typer.Exit(1)
    pubs = store.publications(with_body=False)
    if health["first"]:
        session.say(
            "check_ok",
            first=i18n.day(lang, date.fromisoformat(health["first"])),
            last=i18n.day(lang, date.fromisoformat(health["last"])),
        )
    else:
        session.say("check_empty")
    if pubs:
        session.say("check_publications_ok", n=Count(len(pubs)))


def install(app: typer.Typer) -> None:
    app.command()(backup)
    app.command()(check)
