"""`taskreg demo`: build the Q1/2021 demo register and print the report it reproduces."""

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from taskreg.cli.commands.report import render_report, settings
from taskreg.cli.options import Lang
from taskreg.cli.session import command
from taskreg.domain import demo as demo_data
from taskreg.domain import figures
from taskreg.domain import imports as bulk
from taskreg.domain.dates import parse_quarter
from taskreg.domain.errors import Count, Refused, TaskregError
from taskreg.domain.text import printable
from taskreg.present import i18n
from taskreg.storage import create_store, features, open_store

DEMO_FILE = "taskreg-demo.db"


@command
def demo(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option("--db", metavar="PATH", show_default=False)] = None,
    lang: Lang = None,
):

    session = ctx.obj
    # The report the README quotes is the Vietnamese one: the demo prints it unless --lang or
    # TASKREG_LANG asks for another language, whatever the locale (docs/commands.md "demo").
    session.lang_option = session.lang_option or i18n.env_lang() or "vi"
    target = db or session.db_option or DEMO_FILE
    if not features(target).files:  # the demo builds a file register
        raise Refused("pg_no_demo")
    path = Path(target)
    existed = os.path.lexists(path)
    if existed:
        # Rebuild only a register this command built; never overwrite anything else.
        try:
            old, _ = open_store(path, create=False, actor=session.actor, now=session.now)
            try:
                is_demo = old.setting("demo") == "1"
            finally:
                old.close()
        except TaskregError as e:
            if e.key == "register_special":  # a FIFO, socket or device: say what it is
                raise
            is_demo = False
        if not is_demo:
            raise Refused("demo_refuse", path=str(path))
    agencies, tasks = demo_data.generate()
    # Built whole beside the path and moved into place: killed at any moment, the path
    # holds the old demo or the new one, never a register that demo then refuses (SPEC §8).
    create_store(
        path,
        actor=session.actor,
        now=session.now,
        replace=existed,
        fill=lambda store: bulk.load_demo(store, agencies, tasks, demo_data.SERIES, demo_data.MERGERS),
    )
    session.changed = True
    session.db_option = str(path)
    store = session.store()
    if not existed:  # said before the report, not after it: the register is whole and kept
        session.err("register_created", path=str(path))
    session.err("demo_built", path=str(path), agencies=Count(len(agencies)), tasks=Count(len(tasks)))
    period = parse_quarter("2021Q1")
    assert period is not None  # "2021Q1" is a quarter parse_quarter reads
    org, basis = settings(store)
    result = figures.build(store, period, figures.report_as_of(period, session.today, None), basis)
    render_report(session.lang(), org, result, None, "text", False, session.today)
    print()
    print(session.text("demo_next"))
    shown = printable(str(path))
    for line in (
        f"taskreg --db {shown} report --quarter I/2021 --by agency",
        f"taskreg --db {shown} list --status overdue --as-of 31/3/2021",
        f"taskreg --db {shown} weekly --as-of 31/3/2021 --lang vi",
        f"taskreg --db {shown} show 1",
    ):
        print(f"  {line}")


def install(app: typer.Typer) -> None:
    app.command()(demo)
