"""`taskreg db upgrade` and `taskreg admin …`: a shared PostgreSQL register's schema and
who may write what in it (README "Several offices: PostgreSQL")."""

from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import Lang
from taskreg.cli.session import command
from taskreg.domain.agencies import find_agency
from taskreg.domain.dates import from_iso
from taskreg.domain.errors import Refused
from taskreg.domain.model import ROLES
from taskreg.domain.text import printable
from taskreg.present import i18n
from taskreg.storage import administration, features

db_app = typer.Typer(no_args_is_help=True)
admin_app = typer.Typer(no_args_is_help=True)


def _administration(session):
    """The register's administration; `admin` on a register without logins and roles (a
    file's rights are the file's own) is refused (exit 1)."""

    target = session.path()
    admin = administration(target)
    if admin is None:
        raise Refused("admin_file_register", path=str(target))
    return admin


@db_app.command("upgrade")
@command
def db_upgrade(ctx: typer.Context, lang: Lang = None):

    session = ctx.obj
    if not features(session.path()).roles:  # a file register is migrated by opening it (SPEC §9)
        session.store()
        session.say("db_up_to_date")
        return
    names = _administration(session).upgrade()
    if names:
        session.say("db_upgraded", names=", ".join(names))
    else:
        session.say("db_up_to_date")


@admin_app.command("init")
@command
def admin_init(ctx: typer.Context, lang: Lang = None):
    session = ctx.obj
    made = _administration(session).make_roles()
    session.say("admin_groups_made" if made else "admin_groups_there", roles=", ".join(made))


@admin_app.command("grant")
@command
def admin_grant(
    ctx: typer.Context,
    login: Annotated[str, typer.Argument(metavar="LOGIN")],
    role: Annotated[str, typer.Option("--role", **completion.choices(*ROLES))],
    agency: Annotated[
        Optional[list[str]], typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)
    ] = None,
    lang: Lang = None,
):

    session = ctx.obj
    admin = _administration(session)
    agencies = session.store().agencies()
    chosen = [find_agency(agencies, typed) for typed in agency or []]
    session.close()
    admin.grant(login, role, chosen)
    codes = ", ".join(sorted({a["code"] for a in chosen}))
    session.say(f"admin_granted_{role}", login=login, agencies=codes)


@admin_app.command("revoke")
@command
def admin_revoke(
    ctx: typer.Context,
    login: Annotated[str, typer.Argument(metavar="LOGIN")],
    lang: Lang = None,
):

    session = ctx.obj
    if not _administration(session).revoke(login):
        raise Refused("admin_nothing_to_revoke", login=login)
    session.say("admin_revoked", login=login)


@admin_app.command("users")
@command
def admin_users(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", **completion.choices("table", "json"))] = "table",
    lang: Lang = None,
):
    import json

    session = ctx.obj
    rows = _administration(session).users()
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        session.say("admin_no_users")
        return
    width = max(len(r["login"]) for r in rows)
    for r in rows:
        role = session.text(f"admin_role_{r['role']}")
        codes = [_flagged(session, code, r.get("retired", {}).get(code)) for code in r["agencies"]]
        print(f"{printable(r['login']).ljust(width)}  {role}  {', '.join(codes)}".rstrip())


def _flagged(session, code: str, retired: dict | None) -> str:
    """An agency of a grant, flagged when retired or merged away (its grant stays)."""
    if retired is None:
        return code
    on = i18n.day(session.lang(), from_iso(retired["on"]))
    if retired["into"]:
        return session.text("admin_agency_merged", code=code, into=retired["into"], on=on)
    return session.text("admin_agency_retired", code=code, on=on)


def install(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.add_typer(admin_app, name="admin")
