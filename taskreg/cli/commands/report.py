"""The figures: report (per period, per agency) and the weekly digest for cron."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.options import Agency, AsOf, From, Lang, Month, Opt, Quarter, Starred, To, Year
from taskreg.cli.session import command
from taskreg.domain import figures, files, publications
from taskreg.domain.agencies import find_agency
from taskreg.domain.dates import choose_period, from_iso, iso, parse_date, quarter_of
from taskreg.domain.errors import BadInput, Count, Refused, os_reason
from taskreg.domain.model import SETTINGS
from taskreg.domain.publications import changes, publication_json
from taskreg.domain.text import printable
from taskreg.formats import document, tabular
from taskreg.present import i18n, labels, prose
from taskreg.present import terminal as render
from taskreg.present.events import describe, event_json, moment
from taskreg.storage import kept_files


def settings(store) -> tuple[str, str]:
    """The organisation's name and the completion rate's basis, from the register."""

    org = store.setting("org") or SETTINGS["org"][1]
    basis = store.setting("rate-basis") or SETTINGS["rate-basis"][1]
    assert org is not None and basis is not None  # both settings have a default
    return org, basis


#: `report --by`'s values besides agency, and the grouping each is (taskreg.domain.model `GROUPS`).
BY_GROUP = {"source": "source", "assigned-by": "assigned_by"}


@command
def report(
    ctx: typer.Context,
    quarter: Quarter = None,
    month: Month = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    as_of: AsOf = None,
    agency: Agency = None,
    by: Annotated[Opt, typer.Option("--by", **completion.choices("agency", *BY_GROUP))] = None,
    format: Annotated[
        str, typer.Option("--format", **completion.choices("text", "table", "json", "csv", "docx"))
    ] = "text",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE", show_default=False)] = None,
    live: Annotated[bool, typer.Option("--live")] = False,
    changes: Annotated[bool, typer.Option("--changes")] = False,
    symbol: Annotated[Opt, typer.Option("--symbol", metavar="SYMBOL")] = None,
    date_: Annotated[Opt, typer.Option("--date", metavar="DATE")] = None,
    starred: Starred = False,
    lang: Lang = None,
):

    group = BY_GROUP.get(by or "")
    if group is not None and format == "docx":
        raise BadInput("report_docx_by", by=by)
    if format == "docx" and output is None:
        raise BadInput("report_docx_needs_file")
    if output is not None and format != "docx":
        raise BadInput("report_output_docx_only")
    if changes and format not in ("text", "json"):
        raise BadInput("report_changes_format")
    if changes and starred:
        raise BadInput("report_changes_starred")
    session = ctx.obj
    period, day = period_and_day(session.today, quarter, month, year, from_, to, as_of, session.calendar)
    doc_day = parse_date(date_, session.today, session.calendar) if date_ else None
    store = session.store()
    org, basis = settings(store)
    found = find_agency(store.agencies(), agency) if agency else None
    if found and found["merged_on"] and found["merged_on"] <= iso(day):  # accepted, with a note
        session.err(
            "agency_merged_note",
            code=found["code"],
            into=found["merged_into"],
            on=i18n.day(session.lang(), from_iso(found["merged_on"])),
        )
    if group is not None:  # always live: a publication's rows are by agency (docs/reports.md)
        shown = publications.live_by(store, period, day, basis, found, group, starred=starred)
    else:
        by_agency = by == "agency" or format == "docx"
        shown = publications.honoured(store, period, day, basis, found, by_agency, show_live=live, starred=starred)
    if changes:
        if shown.publication is None:
            raise Refused("report_not_published", period=labels.scope_label(session.lang(), period, day, found))
        print_changes(session.lang(), store, shown.publication, format, found)
        return
    if format == "docx":
        write_document(session, store, org, shown, found, output, symbol, doc_day)
        return
    render_report(session.lang(), org, shown.report, found, format, by is not None, session.today, shown)


def period_and_day(today, quarter, month, year, from_, to, as_of, calendar=None):
    """The period a report or a publication is of (default: this quarter) and the day it
    counts as of (default: the period's end, or today while it runs)."""

    period = choose_period(today, quarter, month, year, from_, to) or quarter_of(today)
    return period, figures.report_as_of(period, today, parse_date(as_of, today, calendar) if as_of else None)


def report_headers(lang: str, basis: str, update_rate: bool = True, group: str | None = None) -> list[str]:
    """The per-agency table's headers, on the terminal and in the XLSX report sheet: the
    update rate's but for published figures, which have none (docs/reports.md); by source
    document or leader (`group`), its first column says which."""

    t = lambda key, **kw: i18n.t(lang, key, **kw)  # noqa: E731
    return [
        labels.group_header(lang, group) if group else t("t_agency"),
        t("t_total"),
        t("t_on_time"),
        t("t_late"),
        t("t_in_progress"),
        t("t_overdue"),
        t("t_no_deadline"),
        t("t_completion", basis=t(f"basis_{basis}_short")),
        t("t_on_time_rate"),
        *([t("t_update_rate")] if update_rate else []),
        t("t_oldest"),
    ]


#: The settings the report document reads (docs/document.md).
DOC_SETTINGS = ("place", "recipients", "signer-title", "signer-name", "issuer", "issuer-superior")


def write_document(session, store, org, shown, agency, output, symbol, doc_day) -> None:
    """The report as the office sends it up (README "The report as a document"): built
    beside its path and moved into place whole, as an export is."""

    result, publication = shown.report, shown.publication
    lang = session.lang()
    if publication is not None:
        symbol = symbol or publication["symbol"]
        doc_day = doc_day or from_iso(publication["doc_date"])
    overdue = shown.overdue_tasks(store)
    agencies = store.agencies()
    names = {a["code"]: a["name"] for a in agencies}
    short_names = {a["code"]: a["short_name"] for a in agencies if a["short_name"]}
    sentences = prose.document_sentences(lang, shown, org, agency, session.today)
    try:
        kept = kept_files(session.path())  # the register's own files, and any database
        destination = files.check_output(output, kept)
        with files.written_whole(destination, kept) as target:
            document.write_report(
                target,
                lang=lang,
                org=org,
                report=result,
                agency=agency,
                sentences=sentences,
                overdue=overdue,
                names=names,
                settings={k: store.setting(k) for k in DOC_SETTINGS},
                symbol=symbol,
                doc_date=doc_day or session.today,
                publication=publication,
                short_names=short_names,
            )
    except OSError as e:
        raise Refused("export_cannot_write", path=str(output), reason=os_reason(e)) from None
    session.err("report_docx_ok", path=str(output), n=Count(len(overdue)))


def render_report(lang, org, result, agency, format, by_agency, today, shown=None):
    """Print a report in one of the four formats (report and demo share this); `shown`
    (taskreg.domain.publications.Shown) says whether the figures are published, and by how much
    the live ones drift from them. `by_agency`: with its rows, one per agency or, for a report
    by source document or leader (`result.group`), one per document or leader."""

    whole = result.whole
    if format == "json":
        live = shown.live if shown is not None else result
        out = {
            "org": org,
            "period": {
                "label": prose.period_label(lang, result.period),
                "kind": result.period.kind,
                "start": iso(result.period.start),
                "end": iso(result.period.end),
            },
            "as_of": iso(result.as_of),
            "agency": agency["code"] if agency else None,
            **({"update_window": result.window} if result.window is not None else {}),
            "starred": result.starred,  # the key tasks alone (`--starred`)
            **whole.as_json(result.basis, update_rate=result.window is not None),
            "recorded_after_as_of": {"corrected": live.corrected_after, "entered": live.entered_after},
        }
        if by_agency:
            out["rows"] = [row.as_json(result.basis, update_rate=result.window is not None) for row in result.rows]
        if shown is not None:
            out.update(shown.as_json())
        tabular.write_json(out)
        return
    if format == "csv":
        if result.group is not None:
            columns, numbers = group_csv_columns(result.group)
            rows = [*result.rows, whole]
            tabular.write_csv(columns, [_group_csv_row(lang, result, f) for f in rows], numbers=numbers)
            return
        tabular.write_csv(
            CSV_COLUMNS,
            [
                _csv_row(row, result.basis, result.starred, result.window is not None)
                for row in (result.rows if by_agency else []) + [whole]
            ],
            numbers=CSV_NUMBERS,
        )
        return
    lines = (
        prose.shown_sentences(lang, shown, org, agency, today)
        if shown is not None
        else prose.report_sentences(lang, org, result, agency["name"] if agency else None, today)
    )
    if result.group is not None and shown is not None and shown.publication is not None:
        lines.append(i18n.t(lang, f"r_live_{result.group}"))  # said in text and table alike
    if format == "text":
        for line in lines:
            render.paragraph(line)
        if not by_agency:
            return
        print()
    published = shown is not None and shown.figures == "published"
    if format == "table" and published:
        render.paragraph(lines[0])  # the publication's headline
    _table(lang, result, by_agency)
    if format == "table" and shown is not None and shown.publication is not None:
        if publications.differs(shown.drift):
            render.paragraph(lines[-1])  # the drift sentence
    if format == "table" and result.as_of < today and not published:
        render.paragraph(prose.later_sentence(lang, result))
    if format == "table" and result.group is not None and shown is not None and shown.publication is not None:
        render.paragraph(lines[-1])  # these figures are live, the published ones by agency
    if not whole.check and format == "table":
        render.paragraph(prose.check_warning(lang, whole))


CSV_COLUMNS = [
    "agency",
    "name",
    "total",
    "on_time",
    "late",
    "in_progress",
    "overdue",
    "cancelled",
    "no_deadline",
    "rate_basis",
    "completion_rate",
    "on_time_rate",
    "must_update",
    "updated",
    "update_rate",
    "oldest_overdue_days",
    "check",
    "starred",  # whether the row counts the key tasks alone (`--starred`)
]
#: The columns that hold numbers: never text, so never given the ' that guards text (SPEC §8).
CSV_NUMBERS = frozenset(
    i for i, c in enumerate(CSV_COLUMNS) if c not in ("agency", "name", "rate_basis", "check", "starred")
)


def group_csv_columns(group: str) -> tuple[list[str], frozenset[int]]:
    """The CSV columns of a report by source document (`source`, `source_year`) or leader
    (`assigned_by`), in place of `agency` and `name`; and which of them hold numbers."""
    columns = [*(["source", "source_year"] if group == "source" else [group]), *CSV_COLUMNS[2:]]
    texts = ("source", "assigned_by", "name", "rate_basis", "check", "starred")
    return columns, frozenset(i for i, c in enumerate(columns) if c not in texts)


def _group_csv_row(lang: str, result, f) -> list:
    """A CSV row of a report by source document or leader: the row of the tasks without one
    is labelled as on the terminal; the total row's key is empty, as by agency."""
    key: list = ["", ""] if result.group == "source" else [""]
    if isinstance(f, figures.GroupRow):
        key[0] = f.label if f.label is not None else i18n.t(lang, f"t_no_{f.group}")
        if f.year is not None:
            key[1] = f.year
    return key + _csv_row(f, result.basis, result.starred)[2:]


def _csv_row(f, basis, starred: bool, update_rate: bool = True):
    """One row of the report's CSV; published figures leave the update rate's cells empty."""
    return [
        f.agency or "",
        f.agency_name or "",
        f.total,
        f.on_time,
        f.late,
        f.in_progress,
        f.overdue,
        f.cancelled,
        f.no_deadline,
        basis,
        "" if f.completion_rate(basis) is None else f"{f.completion_rate(basis):.2f}",
        "" if f.on_time_rate is None else f"{f.on_time_rate:.2f}",
        f.must_update if update_rate else "",
        f.updated if update_rate else "",
        "" if f.update_rate is None or not update_rate else f"{f.update_rate:.2f}",
        "" if f.oldest_overdue_days is None else f.oldest_overdue_days,
        "true" if f.check else "false",
        "true" if starred else "false",
    ]


def _table(lang, result, by_agency):
    """The per-agency table of DOMAIN.md, a total row last; on a terminal, a state bar."""

    basis = result.basis
    t = lambda key, **kw: i18n.t(lang, key, **kw)  # noqa: E731
    update_rate = result.window is not None
    headers = report_headers(lang, basis, update_rate, result.group)

    def cells(f, label):
        n = lambda v: i18n.num(lang, v)  # noqa: E731
        return [
            label,
            n(f.total),
            n(f.on_time),
            n(f.late),
            n(f.in_progress),
            n(f.overdue),
            n(f.no_deadline),
            i18n.pct(lang, f.completion_rate(basis)),
            i18n.pct(lang, f.on_time_rate),
            *([i18n.pct(lang, f.update_rate)] if update_rate else []),
            "—" if f.oldest_overdue_days is None else n(f.oldest_overdue_days),
        ]

    if result.group is not None:  # by source document or leader
        rows = [cells(f, labels.group_label(lang, f)) for f in result.rows]
        rows.append(cells(result.whole, t("t_all_rows")))
    else:
        rows = [cells(f, f.agency) for f in result.rows] if by_agency else []
        rows.append(cells(result.whole, t("t_all")))
    title = prose.report_title(lang, result)
    right = set(range(1, len(headers)))
    if render.is_terminal() and render.width() >= 120:  # a bar where there is room for one
        figures = (result.rows if by_agency else []) + [result.whole]
        headers.append(t("t_states"))
        for row, f in zip(rows, figures):
            row.append(render.bar([f.on_time, f.late, f.in_progress, f.overdue], width=10))
    render.table(headers, rows, right=right, title=title, wrap_headers=True)


@command
def weekly(
    ctx: typer.Context,
    as_of: Annotated[Opt, typer.Option("--as-of", metavar="DATE")] = None,
    agency: Annotated[Opt, typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)] = None,
    lang: Lang = None,
):
    from datetime import timedelta

    session = ctx.obj
    day = parse_date(as_of, session.today, session.calendar) if as_of else session.today
    store = session.store()
    org, basis = settings(store)
    agencies = store.agencies()
    found = find_agency(agencies, agency) if agency else None
    agency_id = found["id"] if found else None
    quarter = figures.build(store, quarter_of(day), day, basis, found)
    week_start = iso(day - timedelta(days=6))
    select = lambda **kw: list(store.tasks(iso(day), agency_id=agency_id, with_co=False, **kw))  # noqa: E731
    text = prose.weekly(
        session.lang(),
        org,
        day,
        quarter,
        assigned=select(assigned_from=week_start, assigned_to=iso(day)),
        completed=select(done_from=week_start, done_to=iso(day), statuses=["on_time", "late"]),
        overdue=select(statuses=["overdue"]),
        due_soon=select(statuses=["in_progress"], due_from=iso(day), due_to=iso(day + timedelta(days=7)), sort="due"),
        names={a["code"]: a["name"] for a in agencies},
        agency_name=found["name"] if found else None,
    )
    print(text, end="")


def print_changes(lang: str, store, pub: dict, fmt: str, agency: dict | None = None) -> None:
    """`report --changes`: the tasks that moved since a publication, with their events."""

    moved, amendments = changes(store, pub, agency)
    if fmt == "json":
        tabular.write_json(
            {
                "publication": publication_json(pub),
                "changes": [
                    {
                        "id": m["task"]["id"],
                        "uid": m["uid"],
                        "title": m["task"]["title"],
                        "change": "joined" if m["published"] is None else "left" if m["live"] is None else "changed",
                        "published": None
                        if m["published"] is None
                        else {"state": m["published"]["state"], "agency": m["published"]["agency"]},
                        "live": None
                        if m["live"] is None
                        else {"state": m["live"]["status"], "agency": m["live"]["agency"]},
                        "events": [event_json(e) for e in m["events"]],
                    }
                    for m in moved
                ],
                "amendments": [event_json(e) for e in amendments],
            }
        )
        return
    print(prose.headline(lang, pub))
    print(i18n.t(lang, "ch_count", n=Count(len(moved))) if moved else i18n.t(lang, "ch_none"))
    outside = i18n.t(lang, "ch_outside")
    for m in moved:
        was, now = m["published"], m["live"]
        before = f"{i18n.state(lang, was['state'])} ({was['agency']})" if was else outside
        after = f"{i18n.state(lang, now['status'])} ({now['agency']})" if now else outside
        title = " ".join(printable(m["task"]["title"]).split())
        print(f"#{m['task']['id']} {title}: {before} → {after}")
        for e in m["events"]:
            print(f"    {printable(moment(lang, e['at']))} {printable(e['actor'])}: {printable(describe(lang, e))}")
    for e in amendments:
        print(f"{printable(moment(lang, e['at']))} {printable(e['actor'])}: {printable(describe(lang, e))}")


def install(app: typer.Typer) -> None:
    app.command()(report)
    app.command()(weekly)
