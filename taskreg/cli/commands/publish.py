"""Publications (README "Publications"): publish a report's figures, and list them."""

from typing import Annotated

import typer

from taskreg.cli import completion
from taskreg.cli.commands.report import period_and_day, settings
from taskreg.cli.options import Agency, AsOf, From, Lang, Month, Opt, Quarter, To, Year
from taskreg.cli.session import command
from taskreg.domain import publications
from taskreg.domain.agencies import find_agency
from taskreg.domain.dates import from_iso, parse_date
from taskreg.domain.states import FOUR
from taskreg.formats import tabular
from taskreg.present import i18n, labels, prose
from taskreg.present import terminal as render
from taskreg.present.events import moment


@command
def publish(
    ctx: typer.Context,
    quarter: Quarter = None,
    month: Month = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    as_of: AsOf = None,
    agency: Agency = None,
    symbol: Annotated[Opt, typer.Option("--symbol", metavar="SYMBOL")] = None,
    date_: Annotated[Opt, typer.Option("--date", metavar="DATE")] = None,
    reason: Annotated[Opt, typer.Option("--reason", metavar="REASON")] = None,
    lang: Lang = None,
):

    session = ctx.obj
    period, day = period_and_day(session.today, quarter, month, year, from_, to, as_of, session.calendar)
    doc_day = parse_date(date_, session.today, session.calendar) if date_ else None
    store = session.store()
    org, basis = settings(store)
    found = find_agency(store.agencies(), agency) if agency else None
    pub = publications.publish(store, session.today, period, day, found, org, basis, symbol, doc_day, reason)
    lang = session.lang()
    f = pub["report"].whole
    session.say(
        "published",
        what=labels.pub_label(lang, pub),
        **{k: i18n.num(lang, getattr(f, k)) for k in FOUR},
    )
    print(f"SHA-256: {pub['digest']}")


@command
def publications_(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", **completion.choices("table", "json"))] = "table",
    lang: Lang = None,
):

    session = ctx.obj
    store = session.store()
    rows = store.publications()
    agree = {p["id"]: publications.status_of(store, p) for p in rows}
    if format == "json":
        tabular.write_json(
            [
                {
                    **publications.publication_json(p),
                    "start": p["start_on"],
                    "end": p["end_on"],
                    "agency": p["agency"],
                    "as_of": p["as_of"],
                    "imported": p["imported_by"] is not None,
                    "live_agrees": agree[p["id"]],
                }
                for p in rows
            ]
        )
        return
    lang = session.lang()
    if not rows:
        session.say("no_publications")
        return
    t = lambda key: i18n.t(lang, key)  # noqa: E731
    headers = [t(k) for k in ("pl_id", "pl_period", "pl_as_of", "pl_version", "pl_at", "pl_actor", "pl_symbol")]
    headers += [t("pl_digest"), t("pl_agrees")]
    table = []
    for p in rows:
        start, end = from_iso(p["start_on"]), from_iso(p["end_on"])
        assert start and end
        period = prose_label(lang, publications.period_of(start, end))
        table.append(
            [
                str(p["id"]),
                f"{period}, {p['agency']}" if p["agency"] else period,
                i18n.day(lang, from_iso(p["as_of"])),
                str(p["version"]),
                moment(lang, p["at"]),
                p["actor"],
                p["symbol"] or "—",
                p["digest"][:12],
                t("pl_yes") if agree[p["id"]] else t("pl_no"),
            ]
        )
    render.table(headers, table, right={0, 3})


def prose_label(lang: str, period) -> str:

    return prose.period_label(lang, period)


def install(app: typer.Typer) -> None:
    app.command()(publish)
    app.command("publications")(publications_)
