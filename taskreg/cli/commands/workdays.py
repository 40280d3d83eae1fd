"""days-off (ngày nghỉ, docs/commands.md "days-off"): a year's days off, by the `holidays`
library's Viet Nam calendar and the register's settings `days-off` and `workdays`
(taskreg.domain.workdays), one per line, sorted."""

from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import Lang
from taskreg.cli.session import command
from taskreg.domain.errors import BadInput
from taskreg.domain.workdays import days_off as list_days_off
from taskreg.formats import tabular
from taskreg.present import i18n

#: The years `days-off` lists: those the library's lunar calendar covers (taskreg.domain.workdays).
FIRST, LAST = 1901, 2099

#: What a line says besides a holiday's own name, by its kind.
KIND_WORDS = {
    "workday": "days_off_workday",
    "register-off": "days_off_register_off",
    "register-work": "days_off_register_work",
}


@command
def days_off(
    ctx: typer.Context,
    year: Annotated[Optional[str], typer.Option("--year", metavar="YEAR", show_default=False)] = None,
    format: Annotated[str, typer.Option("--format", **completion.choices("text", "json"))] = "text",
    lang: Lang = None,
):

    session = ctx.obj
    typed = year if year is not None else str(session.today.year)
    text = typed.strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4 and FIRST <= int(text) <= LAST):
        raise BadInput("days_off_year", text=typed, first=FIRST, last=LAST)
    calendar = session.calendar()
    lang = session.lang()
    found = list_days_off(int(text), calendar, lang)
    if format == "json":
        tabular.write_json([{"date": d.day.isoformat(), "name": d.name, "kind": d.kind} for d in found])
        return
    for d in found:
        name = d.name or i18n.t(lang, KIND_WORDS[d.kind])
        print(f"{i18n.day(lang, d.day)}  {name}")


def install(app: typer.Typer) -> None:
    app.command("days-off")(days_off)
