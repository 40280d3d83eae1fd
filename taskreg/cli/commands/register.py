"""The register itself: init, config, and the agency directory."""

from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import Amend, Lang
from taskreg.cli.session import command
from taskreg.domain.addresses import check_addresses, parse_addresses
from taskreg.domain.agencies import (
    add_agency,
    agency_label,
    edit_agency,
    edit_agency_short,
    rename_agency,
    retire_agency,
)
from taskreg.domain.dates import from_iso
from taskreg.domain.errors import BadInput
from taskreg.domain.mergers import merge_agencies, unmerge_agency
from taskreg.domain.model import SETTINGS, check_setting
from taskreg.domain.text import nfc, printable
from taskreg.formats import tabular
from taskreg.present import i18n
from taskreg.present import terminal as render
from taskreg.storage import create_store

Format = Annotated[str, typer.Option("--format", **completion.choices("table", "csv", "json"))]
#: An agency's mail addresses, separated by `;` (taskreg.domain.addresses; `remind --send`).
Email = Annotated[Optional[str], typer.Option("--email", metavar="EMAIL")]
#: An agency's short name, the report chart's label (docs/document.md "The chart").
Short = Annotated[Optional[str], typer.Option("--short", metavar="NAME")]
#: An agency as `agency list --format json|csv` and a JSON export give it.
AGENCY_FIELDS = ("code", "name", "kind", "retired_on", "email")


@command
def init(
    ctx: typer.Context,
    org: Annotated[Optional[str], typer.Option("--org", metavar="NAME")] = None,
    lang: Lang = None,
):

    session = ctx.obj
    path = session.path()

    def fill(store):
        with store.write():
            if org and nfc(org):
                store.set_setting("org", nfc(org))
            store.event("init", after={"org": nfc(org) if org else None})

    # Built whole with its organisation and init event beside the path, then moved into
    # place: of several inits at once one succeeds, and a killed one leaves none (SPEC §8).
    made = create_store(
        path, actor=session.actor, now=session.now, clock="pinned" if session.pinned else None, fill=fill
    )
    session._created, session._created_dirs = path, made


config_app = typer.Typer(no_args_is_help=True)


@config_app.command("get")
@command
def config_get(
    ctx: typer.Context,
    key: Annotated[Optional[str], typer.Argument(metavar="SETTING", autocompletion=completion.settings)] = None,
    lang: Lang = None,
):

    session = ctx.obj
    store = session.store()
    keys = [key] if key else list(SETTINGS)
    for k in keys:
        if k not in SETTINGS:
            raise BadInput("config_unknown", setting=k, keys=", ".join(SETTINGS))
        value = store.setting(k)
        default = SETTINGS[k][1]
        shown = printable(value if value is not None else (default if default is not None else ""))
        print(f"{k}={shown}" if not key else shown)


@config_app.command("set")
@command
def config_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(metavar="SETTING", autocompletion=completion.settings)],
    value: Annotated[Optional[str], typer.Argument(metavar="VALUE", autocompletion=completion.setting_values)] = None,
    lang: Lang = None,
):
    value = check_setting(key, value)
    session = ctx.obj
    store = session.store(create=True)
    with store.write():
        old = store.setting(key)
        store.set_setting(key, value)
        store.event("config_set", before={key: old}, after={key: value})
    session.say("config_set_ok", setting=key, value=value)


agency_app = typer.Typer(no_args_is_help=True)


@agency_app.command("add")
@command
def agency_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE")],
    name: Annotated[str, typer.Argument(metavar="NAME")],
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="KIND")] = None,
    email: Email = None,
    short: Short = None,
    distinct: Annotated[bool, typer.Option("--distinct")] = False,
    lang: Lang = None,
):

    session = ctx.obj
    check_addresses(email)  # bad input before a register is created for it
    agency = add_agency(session.store(create=True), code, name, kind, distinct=distinct, email=email, short=short)
    session.err("agency_added", code=agency["code"], name=agency["name"])
    if agency["close"]:  # registered beside a near-duplicate only because the user said so
        session.err("agency_added_distinct", names=", ".join(map(agency_label, agency["close"])))


@agency_app.command("list")
@command
def agency_list(ctx: typer.Context, format: Format = "table", lang: Lang = None):

    session = ctx.obj
    rows = session.store().agencies()
    if format == "json":
        tabular.write_json([{k: a[k] for k in AGENCY_FIELDS} for a in rows])
    elif format == "csv":
        tabular.write_csv(list(AGENCY_FIELDS), [[a[k] or "" for k in AGENCY_FIELDS] for a in rows])
    elif not rows:
        session.say("no_agencies")
    else:
        lang = session.lang()

        retired = any(a["retired_on"] for a in rows)
        headers = [i18n.t(lang, k) for k in ("h_code", "h_name", "h_kind")]
        body = [[a["code"], a["name"], a["kind"] or ""] for a in rows]
        if retired:  # a column only when some agency has been retired
            headers.append(i18n.t(lang, "h_retired"))
            for row, a in zip(body, rows):
                row.append(i18n.day(lang, from_iso(a["retired_on"])) if a["retired_on"] else "")
        if any(a["short_name"] for a in rows):  # a column when some agency has a short name
            headers.append(i18n.t(lang, "h_short"))
            for row, a in zip(body, rows):
                row.append(a["short_name"] or "")
        if any(a["email"] for a in rows):  # and one when some agency has a mail address
            headers.append(i18n.t(lang, "h_email"))
            for row, a in zip(body, rows):
                row.append(", ".join(parse_addresses(a["email"])))
        render.table(headers, body)


@agency_app.command("rename")
@command
def agency_rename(
    ctx: typer.Context,
    agency: Annotated[str, typer.Argument(metavar="AGENCY", autocompletion=completion.agencies)],
    name: Annotated[str, typer.Argument(metavar="NAME")],
    distinct: Annotated[bool, typer.Option("--distinct")] = False,
    lang: Lang = None,
):

    session = ctx.obj
    found, new = rename_agency(session.store(), agency, name, distinct=distinct)
    session.err("agency_renamed", code=found["code"], old=found["name"], name=new)


@agency_app.command("edit")
@command
def agency_edit(
    ctx: typer.Context,
    agency: Annotated[str, typer.Argument(metavar="AGENCY", autocompletion=completion.agencies)],
    email: Email = None,
    short: Short = None,
    lang: Lang = None,
):

    session = ctx.obj
    if email is None and short is None:
        raise BadInput("agency_nothing_to_edit")
    if email is not None:
        found, new, changed = edit_agency(session.store(), agency, email)
        if not changed:
            session.say("agency_edit_same", code=found["code"])
        else:
            session.err("agency_edited", code=found["code"], old=found["email"] or "—", new=new or "—")
    if short is not None:
        found, new, changed = edit_agency_short(session.store(), agency, short)
        if not changed:
            session.say("agency_short_same", code=found["code"])
        else:
            session.err("agency_short_edited", code=found["code"], old=found["short_name"] or "—", new=new or "—")


@agency_app.command("retire")
@command
def agency_retire(
    ctx: typer.Context,
    agency: Annotated[str, typer.Argument(metavar="AGENCY", autocompletion=completion.agencies)],
    on: Annotated[Optional[str], typer.Option("--on", metavar="DATE")] = None,
    lang: Lang = None,
):

    session = ctx.obj
    found, day = retire_agency(session.store(), session.today, agency, on)
    session.err("agency_retire_ok", code=found["code"], name=found["name"], on=i18n.day(session.lang(), from_iso(day)))


@agency_app.command("merge")
@command
def agency_merge(
    ctx: typer.Context,
    olds: Annotated[list[str], typer.Argument(metavar="OLD...", autocompletion=completion.agencies)],
    into: Annotated[str, typer.Option("--into", metavar="NEW", autocompletion=completion.agencies)],
    on: Annotated[str, typer.Option("--on", metavar="DATE")],
    amend: Amend = None,
    lang: Lang = None,
):

    session = ctx.obj
    found, new, day, co_tasks = merge_agencies(session.store(), session.today, olds, into, on, amend)
    session.err(
        "merge_ok",
        olds=", ".join(o["code"] for o in found),
        into=new["code"],
        on=i18n.day(session.lang(), from_iso(day)),
        n=len(co_tasks),
    )


@agency_app.command("unmerge")
@command
def agency_unmerge(
    ctx: typer.Context,
    agency: Annotated[str, typer.Argument(metavar="OLD", autocompletion=completion.agencies)],
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT")],
    lang: Lang = None,
):

    session = ctx.obj
    old, merger = unmerge_agency(session.store(), session.today, agency, reason)
    session.err(
        "unmerge_ok", code=old["code"], into=merger["new"], on=i18n.day(session.lang(), from_iso(merger["merged_on"]))
    )


def install(app: typer.Typer) -> None:
    app.command()(init)
    app.add_typer(config_app, name="config")
    app.add_typer(agency_app, name="agency")
