"""Publications (README "Publications"): publish a report's figures, and list them."""

from typing import Annotated, Optional

import typer

from taskreg.session import Lang, choice, command

Opt = Optional[str]


@command
def publish(
    ctx: typer.Context,
    quarter: Annotated[Opt, typer.Option("--quarter", help="2021Q1, 2021-Q1, Q1/2021 or I/2021.")] = None,
    month: Annotated[Opt, typer.Option("--month", help="2021-03 or 3/2021.")] = None,
    year: Annotated[Opt, typer.Option("--year", help="2021.")] = None,
    from_: Annotated[Opt, typer.Option("--from", help="First day of a range (with --to).")] = None,
    to: Annotated[Opt, typer.Option("--to", help="Last day of a range (with --from).")] = None,
    as_of: Annotated[
        Opt, typer.Option("--as-of", help="As of this day (default: the period's end, or today while it runs).")
    ] = None,
    agency: Annotated[Opt, typer.Option("--agency", help="One agency's figures (default: all agencies).")] = None,
    symbol: Annotated[Opt, typer.Option("--symbol", help="The report's number, e.g. 45/BC-UBND.")] = None,
    date_: Annotated[Opt, typer.Option("--date", help="The report's date (default today).")] = None,
    reason: Annotated[Opt, typer.Option("--reason", help="Why (needed to publish a period again).")] = None,
    lang: Lang = None,
):
    """Publish a report's figures, so that later changes cannot silently alter them.  Example: taskreg publish --quarter I/2021 --symbol 45/BC-UBND"""
    from taskreg import figures, i18n, publications, service
    from taskreg.commands.report import settings
    from taskreg.dates import choose_period, parse_date, quarter_of

    session = ctx.obj
    period = choose_period(session.today, quarter, month, year, from_, to) or quarter_of(session.today)
    day = figures.report_as_of(period, session.today, parse_date(as_of, session.today) if as_of else None)
    doc_day = parse_date(date_, session.today) if date_ else None
    store = session.store()
    org, basis = settings(store)
    found = service.find_agency(store.agencies(), agency) if agency else None
    pub = publications.publish(store, session.today, period, day, found, org, basis, symbol, doc_day, reason)
    lang = session.lang()
    f = pub["report"].whole
    session.say(
        "published",
        what=publications.pub_label(lang, pub),
        **{k: i18n.num(lang, getattr(f, k)) for k in ("on_time", "late", "overdue", "in_progress")},
    )
    print(f"SHA-256: {pub['digest']}")


@command
def publications_(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    lang: Lang = None,
):
    """List the publications, and whether the live figures still agree with each.  Example: taskreg publications"""
    from taskreg import i18n, publications, render
    from taskreg.dates import from_iso

    choice(format, ("table", "json"), "--format")
    session = ctx.obj
    store = session.store()
    rows = store.publications()
    agree = {p["id"]: publications.status_of(store, p) for p in rows}
    if format == "json":
        render.write_json(
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
                p["at"],
                p["actor"],
                p["symbol"] or "—",
                p["digest"][:12],
                t("pl_yes") if agree[p["id"]] else t("pl_no"),
            ]
        )
    render.table(headers, table, right={0, 3})


def prose_label(lang: str, period) -> str:
    from taskreg import prose

    return prose.period_label(lang, period)


def install(app: typer.Typer) -> None:
    app.command()(publish)
    app.command("publications")(publications_)
