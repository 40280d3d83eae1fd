"""Bulk data: import from CSV, XLSX or JSON; export to them."""

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.cli.commands.report import BY_GROUP, settings
from taskreg.cli.commands.report import report_headers as headers_of
from taskreg.cli.commands.views import select_tasks
from taskreg.cli.options import (
    Agency,
    All,
    Amend,
    AsOf,
    DueWithin,
    From,
    Lang,
    Month,
    Opt,
    Quarter,
    Search,
    Sort,
    Starred,
    Status,
    To,
    Year,
)
from taskreg.cli.session import command
from taskreg.domain import figures, files, states
from taskreg.domain import tasks as service
from taskreg.domain.agencies import find_agency
from taskreg.domain.dates import FIRST_YEAR, Period, choose_period, iso
from taskreg.domain.errors import BadInput, Count, Ref, Refused, os_reason
from taskreg.domain.imports import ImportInvalid, agency_mapping, import_tasks
from taskreg.domain.mergers import agency_history
from taskreg.domain.model import CONFIRMATION_FIELDS, SETTINGS, TASK_FIELDS
from taskreg.domain.publications import exported
from taskreg.domain.series import public_series
from taskreg.domain.tasks import public
from taskreg.domain.text import printable
from taskreg.formats import tabular
from taskreg.formats.csv_json import detect_format, export_header, metered, read_file
from taskreg.formats.xlsx import COUNT_FORMAT, RATE_FORMAT, write_xlsx
from taskreg.present import i18n, labels, prose
from taskreg.present.progress import progress
from taskreg.storage import kept_files


@command
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False)],
    format: Annotated[Optional[str], typer.Option("--format", **completion.choices("csv", "xlsx", "json"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    create_agencies: Annotated[bool, typer.Option("--create-agencies")] = False,
    map_agency: Annotated[Optional[list[str]], typer.Option("--map-agency", metavar="OLD=NEW")] = None,
    amend: Amend = None,
    lang: Lang = None,
):
    agency_mapping(map_agency or [])  # bad input before a register is created for it
    fmt = detect_format(file, format)
    session = ctx.obj
    if not file.is_file():
        raise BadInput("import_unreadable", path=str(file), reason=Ref("no_such_file"))
    store = session.store(create=True)
    # The readers give the bar its total: a CSV's bytes, a JSON file's tasks, a sheet's rows.
    with progress(None, printable(file.name)) as bar, metered(bar):
        try:
            result = import_tasks(
                store,
                session.today,
                read_file(file, fmt),
                dry_run=dry_run,
                create_agencies=create_agencies,
                amend=amend,
                calendar=session.calendar,
                map_agency=map_agency,
            )
        except ImportInvalid as e:
            for number, column, key, values in e.rows:
                reason = session.text(key, **values)
                print(session.text("import_row", row=number, column=column, reason=reason), file=sys.stderr)
            if e.values["n"] > len(e.rows):
                session.err("import_more", n=Count(e.values["n"] - len(e.rows)))
            if not create_agencies and any(key == "agency_unknown" for _, _, key, _ in e.rows):
                e.key = "import_invalid_agencies"  # the last sentence names --create-agencies
            raise
    if dry_run:
        session.discard_new_register()  # a dry run writes nothing, not even a new register
    for key, values in result["warnings"]:
        session.err(key, **values)
    session.say(
        "import_dry" if dry_run else "import_ok",
        imported=Count(result["imported"]),
        rows=Count(result["rows"]),
        path=str(file),
        skipped=Count(result["skipped"]),
        created=Count(result["agencies_created"]),
    )
    if result.get("publications") and not dry_run:
        session.say("import_publications_restored", n=Count(result["publications"]))


@command
def export(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", **completion.choices("csv", "xlsx", "json"))] = "csv",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE")] = None,
    status: Status = None,
    all_: All = False,
    agency: Agency = None,
    quarter: Quarter = None,
    month: Month = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    due_within: DueWithin = None,
    search: Search = None,
    sort: Sort = "id",
    as_of: AsOf = None,
    starred: Starred = False,
    by: Annotated[Opt, typer.Option("--by", **completion.choices("agency", *BY_GROUP))] = None,
    lang: Lang = None,
):

    if format == "xlsx" and output is None:
        raise BadInput("export_xlsx_needs_file")
    if by is not None and format != "xlsx":
        raise BadInput("export_by_xlsx_only", by=by)
    group = BY_GROUP.get(by or "")
    session = ctx.obj

    def write(store, target) -> int:
        day, rows = select_tasks(
            session,
            store,
            status,
            all_,
            agency,
            quarter,
            month,
            year,
            from_,
            to,
            due_within,
            search,
            as_of,
            sort,
            starred=starred,
            period_as_of=format == "xlsx",  # the sheets agree: both as of the report's day
        )
        with progress(None, "export") as bar:
            rows = _counted(rows, bar)
            if format == "json":
                return _export_json(store, rows, day, target)
            if format == "csv":
                # Vietnamese headers and states only when asked on the command line:
                # `config lang` must not change what scripts read (docs/import-export.md
                # "export"); import reads both headers and ignores the states.
                vi = session.lang_option == "vi"
                headers = [export_header("vi", f) for f in TASK_FIELDS] if vi else None
                names = {s: i18n.state("vi", s) for s in states.ALL} if vi else None  # the states too
                return tabular.write_tasks_csv(rows, target, headers, names)
            return _export_xlsx(
                session,
                store,
                rows,
                day,
                target,
                quarter,
                month,
                year,
                from_,
                to,
                agency,
                starred,
                group,
            )

    def cannot_write(e: OSError) -> Refused:
        return Refused("export_cannot_write", path=str(output), reason=os_reason(e))

    if output is None:
        write(session.store(), sys.stdout)
        return
    # SPEC §5: the path is checked before any work, the export is built beside it
    # and moved into place only when whole; a failure leaves the old file as it was.
    kept = kept_files(session.path())  # the register's own files, and any database
    try:
        destination = files.check_output(output, kept)
    except OSError as e:
        raise cannot_write(e) from None
    store = session.store()
    try:
        # A CSV file starts with a BOM, by which Excel (on Vietnamese Windows too) knows it is
        # UTF-8; import skips it. A CSV on stdout, or -o /dev/stdout (a stream), has none.
        with files.written_whole(destination, kept, text=format != "xlsx", bom=format == "csv") as target:
            count = write(store, target)
    except OSError as e:  # a missing folder, no permission, the disk full
        raise cannot_write(e) from None
    session.err("export_ok", n=Count(count), path=str(output))


def _counted(rows, bar):
    for row in rows:
        bar.advance()
        yield row


def _export_json(store, rows, day, out) -> int:
    """Lossless: every task with its deadlines and history, and the agency directory."""
    import json

    settings = {key: store.setting(key) for key in SETTINGS}
    # Series of periodic tasks (docs/commands.md "recur"), each with its uid: an import links their tasks by it.
    series = [{k: v for k, v in public_series(s).items() if k != "tasks"} for s in store.series()]
    out.write(
        '{"taskreg_export": 1, "as_of": %s, "settings": %s, "publications": %s, "series": %s, "agencies": %s,'
        ' "mergers": %s, "tasks": ['
        % (
            json.dumps(iso(day)),
            json.dumps(settings, ensure_ascii=False),
            json.dumps(exported(store), ensure_ascii=False),
            json.dumps(series, ensure_ascii=False),
            json.dumps(
                [{k: a[k] for k in ("code", "name", "kind", "retired_on", "email")} for a in store.agencies()],
                ensure_ascii=False,
            ),
            # the mergers in force (docs/commands.md "agency merge"): import restores them
            json.dumps(
                [
                    {"agency": m["old"], "into": m["new"], "on": m["merged_on"]}
                    for m in store.mergers()
                    if m["undone_event"] is None
                ],
                ensure_ascii=False,
            ),
        )
    )
    count = 0
    codes, chains = {a["id"]: a["code"] for a in store.agencies()}, store.merger_chains()
    for row in rows:
        task = public(row)
        task["agency_history"] = agency_history(row, codes, chains)  # docs/commands.md "agency merge"
        task["cancel_reason"] = row["cancel_reason"]
        task.update({k: row[k] for k in CONFIRMATION_FIELDS})  # the confirmation, restored exactly
        if row["series"] is not None:  # the period its series made it for
            task["period_start"] = row["period_start"]
        task["deadlines"] = [
            {k: d[k] for k in ("due_on", "kind", "decided_on", "reason")} for d in store.deadlines(row["id"])
        ]
        task["history"] = [
            {k: e[k] for k in ("at", "actor", "action", "before", "after", "reason", "claimed_on", "correction_from")}
            for e in store.events(task_id=row["id"])
        ]
        out.write(("\n" if not count else ",\n") + json.dumps(task, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _export_xlsx(
    session, store, rows, as_of, output, quarter, month, year, from_, to, agency, starred, group=None
) -> int:
    """The tasks sheet, and a per-agency report sheet of the period counted as `report` counts it
    (with `group`, `export --by source|assigned-by`, per assigning document or leader, as
    `report --by` counts them: docs/reports.md); each captioned with its period and as-of date
    (README, export), and with `starred` (the key tasks alone) saying so."""

    lang = session.lang()
    fields = list(service.TASK_FIELDS)
    headers = [export_header(lang, f) for f in fields]
    dates = {i for i, f in enumerate(fields) if f.endswith("_on") or f == "source_date"}
    count = 0
    t = lambda key, **kw: i18n.t(lang, key, **kw)  # noqa: E731

    def body():
        nonlocal count
        for row in rows:
            task = service.public(row)
            task["co_agencies"] = "\n".join(task["co_agencies"])  # one code a line; import reads it
            task["status"] = i18n.state(lang, task["status"])
            task["starred"] = t("yes") if task["starred"] else ""  # a mark to read; import reads it back
            task["awaiting_confirmation"] = i18n.t(lang, "yes" if task["awaiting_confirmation"] else "no")
            count += 1
            yield list(task.values())

    def captioned(label: str, day, key: str = "t_title_starred" if starred else "t_title") -> str:
        return t(key, period=label, Period=prose.capital(label), day=i18n.day(lang, day))

    # The tasks sheet: the tasks the filters chose (those of the period filtered on, else
    # every one), their states as of the export's day (`as_of`: --as-of, else the period's
    # last day or today while it runs, else today); the report sheet counts the same tasks
    # as of the same day (docs/import-export.md "export"): with no period, every task assigned up to that day.
    filtered = choose_period(session.today, quarter, month, year, from_, to)
    org, basis = settings(store)
    found = find_agency(store.agencies(), agency) if agency else None
    period = filtered or Period("range", date(FIRST_YEAR, 1, 1), as_of)
    result = figures.build(store, period, as_of, basis, found, by_agency=group is None, starred=starred, group=group)
    if filtered:
        tasks_caption = caption = captioned(prose.period_label(lang, filtered), as_of)
    else:  # "Nhiệm vụ trọng tâm, đến ngày …": the sheet's name is its heading
        name = t("sheet_tasks_starred" if starred else "sheet_tasks")
        tasks_caption = caption = captioned(name, as_of, "t_title")

    report_headers = headers_of(lang, basis, group=group)

    def label(f) -> str:
        if isinstance(f, figures.GroupRow):  # by source document or leader
            return labels.group_label(lang, f)
        return f"{f.agency} — {f.agency_name}" if f.agency else t("t_all_rows" if group else "t_all")

    formats = [None] + [COUNT_FORMAT] * 6 + [RATE_FORMAT] * 3 + [COUNT_FORMAT]
    report_rows = [
        [
            label(f),
            f.total,
            f.on_time,
            f.late,
            f.in_progress,
            f.overdue,
            f.no_deadline,
            f.completion_rate(basis),  # per cent, written as the fraction it is
            f.on_time_rate,
            f.update_rate,
            f.oldest_overdue_days,
        ]
        for f in result.rows + [result.whole]
    ]
    write_xlsx(
        output,
        fields,
        headers,
        body(),
        dates,
        tasks_caption,
        report_sheet=(
            t(f"sheet_report_{group}" if group else "sheet_report"),
            caption,
            report_headers,
            formats,
            report_rows,
        ),
        sheet_title=t("sheet_tasks"),
    )
    return count


def install(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command()(export)
