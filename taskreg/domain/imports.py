"""Bulk writes: importing a file of tasks, and loading the demo register.

Each is one transaction: an import with one audit event naming the file and
its counts, which every imported task refers to.

An import runs in four steps: the rows are read whole (taskreg.formats, by the command
line, into an ImportFile of plain cells), before the write lock is taken, so that a slow
or large file never holds the lock the other writers wait for (SPEC §8); each row is checked (taskreg.domain.import_rows,
by the rules every command's dates and agencies follow); a row is written to the batch
while no row has an error (`_Import.write`); and the import is finished (`_Import.finish`:
its event, what a JSON export carries besides its tasks, the report to print).
"""

import hashlib
import pickle
import tempfile
import uuid
from datetime import date

from taskreg.domain.agency_plan import agency_cells, created_warnings, plan_agencies, planned_agency
from taskreg.domain.dates import iso
from taskreg.domain.errors import BadInput, Count, Ref, Refused
from taskreg.domain.guard import Guard
from taskreg.domain.import_rows import ImportFile, Row, RowReader, check_row, is_iso_date, shown
from taskreg.domain.mergers import merge_in
from taskreg.domain.model import CONFIRMATION_FIELDS, EVERY
from taskreg.domain.publications import restore
from taskreg.domain.store import Store
from taskreg.domain.text import fold, nfc, symbol_key, text_problem
from taskreg.domain.workdays import Calendar


def load_demo(store: Store, agencies: list[dict], tasks: list[dict], series: dict | None = None, mergers=()) -> None:
    """Write the demo register in one transaction, each change with its audit event,

    as if liaisons had recorded it day by day: every event is recorded on the day it
    claims (marked as the demo's clock), so nothing in it is a correction.
    """

    def on(day: str) -> dict:
        return {"at": f"{day}T09:00:00+07:00", "clock": "demo"}

    first = min(t["assigned_on"] for t in tasks)
    with store.write():
        store.set_setting("demo", "1")
        ids = {}
        for a in agencies:
            ids[a["code"]] = store.add_agency(
                a["code"], a["name"], a["kind"], a.get("email"), short_name=a.get("short_name")
            )
            described = {"code": a["code"], "name": a["name"], "kind": a["kind"]}
            for key in ("short_name", "email"):
                if a.get(key):
                    described[key] = a[key]
            store.event("agency_add", after=described, **on(first))
        series_ids = {}
        if series is not None:  # the demo's periodic series (taskreg.domain.demo SERIES)
            fields = {k: series[k] for k in ("uid", "title", "every", "due_day", "due_after", "starred")}
            fields.update(agency_id=ids[series["agency"]], from_on=series["from_on"].isoformat(), stopped_on=None)
            series_ids[series["uid"]] = store.insert_series(fields, [ids[c] for c in series["co"]])
            store.event(
                "recur_add",
                after={
                    "series": series_ids[series["uid"]],
                    **{k: v for k, v in fields.items() if k not in ("agency_id", "stopped_on")},
                    "agency": series["agency"],
                    "co_agencies": sorted(series["co"]),
                },
                **on(fields["from_on"]),
            )
        for t in tasks:
            fields = {
                "uid": t["uid"],
                "title": t["title"],
                "agency_id": ids[t["agency"]],
                "assigned_on": t["assigned_on"],
                "due_on": t["due_on"],
                "source": t["source"],
                "source_date": t["source_date"],
                "assigned_by": t["assigned_by"],
                "note": t["note"],
                "starred": t.get("starred", False),
            }
            if t.get("series"):  # a period's task of the series, made on the period's first day
                fields["series_id"], fields["period_start"] = series_ids[t["series"][0]], t["series"][1]
            task_id = store.insert_task(fields, [ids[c] for c in t["co"]])
            after = {k: v for k, v in fields.items() if k not in ("agency_id", "series_id", "period_start")}
            if t.get("series"):
                after["series"] = fields["series_id"]
            event_id = store.event(
                "add",
                task_id,
                after={**after, "agency": t["agency"], "co_agencies": sorted(t["co"])},
                **on(t["assigned_on"]),
            )
            if t["due_on"]:
                store.add_deadline(task_id, t["due_on"], "initial", t["assigned_on"], None, event_id)
            # What happened to it afterwards, day by day: extensions and progress reports,
            # then its completion or cancellation (on its day, after that day's reports).
            timeline = [(e["decided_on"], 0, "extend", e) for e in t["extensions"]]
            timeline += [(p["on"], 0, "update", p) for p in t.get("progress", ())]
            if t["done_on"]:
                timeline.append((t["done_on"], 1, "done", None))
            if t["cancelled_on"]:
                timeline.append((t["cancelled_on"], 1, "cancel", None))
            due = t["due_on"]
            for day, _, action, what in sorted(timeline, key=lambda step: step[:2]):
                if action == "extend":
                    store.update_task(task_id, {"due_on": what["due_on"]})
                    event_id = store.event(
                        "extend",
                        task_id,
                        before={"due_on": due},
                        after={"due_on": what["due_on"], "decided_on": what["decided_on"]},
                        reason=what["reason"],
                        **on(day),
                    )
                    store.add_deadline(task_id, what["due_on"], "extension", day, what["reason"], event_id)
                    due = what["due_on"]
                elif action == "update":
                    store.event("update", task_id, after={"progress": what["text"]}, claimed_on=day, **on(day))
                elif action == "done":
                    store.update_task(task_id, {"done_on": t["done_on"], "result": t["result"]})
                    store.event(
                        "done",
                        task_id,
                        before={"done_on": None, "result": None},
                        after={"done_on": t["done_on"], "result": t["result"]},
                        **on(day),
                    )
                else:
                    store.update_task(task_id, {"cancelled_on": t["cancelled_on"], "cancel_reason": t["cancel_reason"]})
                    store.event(
                        "cancel",
                        task_id,
                        before={"cancelled_on": None},
                        after={"cancelled_on": t["cancelled_on"]},
                        reason=t["cancel_reason"],
                        **on(day),
                    )
        # The agencies merged after Q1/2021 (taskreg.domain.demo MERGERS), as `agency merge`
        # records them, on their day: Q1/2021 as of 31/3/2021 reads as it did.
        for olds, into, day in mergers:
            by_code = {a["code"]: a for a in store.agencies()}
            merge_in(store, Guard(store), [by_code[c] for c in olds], by_code[into], iso(day), day, **on(iso(day)))


# -- import ---------------------------------------------------------------------------------------


def _first_lead(raw):
    """A JSON export's task as its register stored it: led by the first agency of its
    `agency_history` (its `agency` is the lead as of the export's date, a merger's NEW), so
    that the mergers the file carries give it the same lead agency as of every date."""
    history = raw.get("agency_history") if isinstance(raw, dict) else None
    if isinstance(history, list) and history and isinstance(history[0], dict):
        first = history[0].get("agency")
        if isinstance(first, str) and first.strip():
            return {**raw, "agency": first}
    return raw


def agency_mapping(pairs: list[str]) -> dict[str, str]:
    """`--map-agency OLD=NEW` options: each folded OLD → NEW as typed; bad input otherwise."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = (nfc(pair) or "").partition("=")
        if not sep or not old.strip() or not new.strip() or fold(old.strip()) == fold(new.strip()):
            raise BadInput("import_map_agency_bad", text=pair)
        mapping[fold(old.strip())] = new.strip()
    return mapping


class ImportInvalid(BadInput):
    """Some rows are invalid: nothing was written; `rows` lists (row, column, error)."""

    def __init__(self, rows: list, total: int):
        super().__init__("import_invalid", n=Count(total))
        self.rows = rows


class _DryRun(Exception):
    pass


def import_tasks(
    store: Store,
    today: date,
    file: ImportFile,
    *,
    dry_run=False,
    create_agencies=False,
    max_errors: int = 200,
    amend=None,
    calendar: Calendar | None = None,
    map_agency: list[str] | None = None,
) -> dict:
    """Import every row of a file or none: one transaction with one audit event (SPEC §5).

    `map_agency` (`import --map-agency OLD=NEW`, repeatable): the file's agency OLD is read as
    NEW, lead and coordinating, in rows and series, before any agency is looked up or created
    (two registers merged into one; docs/import-export.md).

    The file comes read (`file`: taskreg.formats.csv_json.read_file). Each row is checked
    (taskreg.domain.import_rows.check_row), then written to the batch while no row has an
    error; once every row is read, the import is finished: its event, what a JSON export
    carries besides its tasks, and the report of what was done, returned.
    """
    # The whole file read before the lock (SPEC §8): parsing it, however slow, blocks nobody;
    # under the lock its rows come back from memory or the spool at the cost of what they hold.
    rows_read = ((n, _first_lead(raw)) for n, raw in file.rows) if file.fmt == "json" else file.rows
    with _Spool(rows_read, in_memory=file.fmt == "json") as rows:
        # --create-agencies: every agency the file names, read before any is created, so that
        # a code and the full name it abbreviates become one agency (SPEC §5).
        mapping = agency_mapping(map_agency or [])
        cells = agency_cells(iter(rows), file.columns) if create_agencies else None
        if cells is not None and mapping:
            for key in [k for k in cells if k in mapping]:
                cell = cells.pop(key)
                cells.setdefault(fold(mapping[key]), {"texts": [mapping[key]], "row": cell["row"]})
        run = _Import(store, today, file, max_errors, calendar)
        run.mapping = mapping
        try:
            with store.write():
                run.begin(amend, cells)
                for number, raw in rows:
                    try:
                        run.row(number, raw)
                    except (TypeError, ValueError, AttributeError, KeyError, OverflowError, store.row_conflict) as e:
                        # A cell of a shape no export writes that the checks missed.
                        run.error([(number, Ref("whole_row"), "import_row_unreadable", {"reason": str(e)})])
                run.finish(dry_run)
        except _DryRun:
            pass
    return {**run.counts, "warnings": run.warnings, "dry_run": dry_run}


class _Spool:
    """A file's rows read whole, to be read again as often as needed: in memory for a JSON
    file (parsed whole already: its rows are its own objects), else pickled to a temporary
    file in chunks, so that a million rows of CSV or XLSX take disk, not memory."""

    CHUNK = 10_000

    def __init__(self, rows, in_memory: bool):
        self.memory: list | None = None
        self.spool = None
        if in_memory:
            self.memory = list(rows)
            return
        self.spool = tempfile.TemporaryFile()
        try:
            chunk: list = []
            for item in rows:
                chunk.append(item)
                if len(chunk) == self.CHUNK:
                    pickle.dump(chunk, self.spool, pickle.HIGHEST_PROTOCOL)
                    chunk = []
            if chunk:
                pickle.dump(chunk, self.spool, pickle.HIGHEST_PROTOCOL)
        except BaseException:  # a file that turned out unreadable halfway: nothing kept
            self.spool.close()
            raise

    def __iter__(self):
        if self.memory is not None:
            yield from self.memory
            return
        assert self.spool is not None
        self.spool.seek(0)
        while True:
            try:
                chunk = pickle.load(self.spool)  # taskreg's own temporary file, written just above
            except EOFError:
                return
            yield from chunk

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.spool is not None:
            self.spool.close()


class _Import:
    """An import under way, inside its transaction: the file, the batch its rows are written
    to, and what it has counted, said and kept to write at the end."""

    def __init__(self, store: Store, today: date, file: ImportFile, max_errors: int, calendar: Calendar | None):
        self.store, self.today, self.file, self.max_errors = store, today, file, max_errors
        self.calendar = calendar
        self.counts = {"rows": 0, "imported": 0, "skipped": 0, "agencies_created": 0}
        self.warnings: list[tuple] = [("import_column_ignored", {"column": h}) for h in file.unknown]
        self.errors: list[tuple] = []  # the first max_errors
        self.error_total = 0
        self.later: list[dict] = []  # events written after the import's own
        self.created: list[dict] = []  # agencies the import created
        self.mapping: dict[str, str] = {}  # `--map-agency`: a folded OLD → the NEW it is read as

    def begin(self, amend, cells: dict | None) -> None:
        """Inside the transaction, before the first row: the batch (the import's event id is
        taken now, for its tasks and deadlines to name; it is written once every row is read,
        with the counts, and every other event after it), and how rows are read."""
        store, file = self.store, self.file
        self.batch = store.import_batch()
        self.event_id = self.batch.event_id
        empty = self.batch.last_task == 0  # no task has an id: none exists
        keep_ids = file.fmt == "json" and empty and file.gives_ids()  # SPEC §5
        self.guard = Guard(store, amend)
        self.restoring = bool(file.publications) and empty and not store.publications(with_body=False)
        registered = store.agencies()
        by_fold = {a["code_fold"]: a for a in registered} | {a["name_fold"]: a for a in registered}
        plan = plan_agencies(cells, registered, file.directory) if cells is not None else {}
        mapped = self.mapping

        def agency(typed: str) -> dict:
            return planned_agency(mapped.get(fold(typed) or "", typed), by_fold, plan, registered)

        self.reader = RowReader(file, self.today, agency, keep_ids, self.calendar)
        self.plan_series()
        self.carries_confirmation = any(f in CONFIRMATION_FIELDS for _, f in file.columns)
        self.raises = store.setting("confirm-completion") == "on" and store.completion_awaits()

    def plan_series(self) -> None:
        """A JSON export's series of periodic tasks (docs/commands.md "recur"): each one the register holds
        (by its uid) is that one; each other gets its id now (the file's, into a register
        with no series; else the next), for the tasks that name it, and is written at the
        end, once the agencies it names exist."""
        self.series = file_series(self.file.series)
        held = {s["uid"]: s["id"] for s in self.store.series()}
        next_id = max(held.values(), default=0) + 1
        self.series_ids: dict[int, int] = {}  # the file's id → the register's
        self.series_new: list[dict] = []
        for s in self.series:
            if s["uid"] in held:
                self.series_ids[s["id"]] = held[s["uid"]]
                continue
            self.series_ids[s["id"]] = s["id"] if not held else next_id
            next_id += 1
            self.series_new.append(s)
        self.reader.series_ids = set(self.series_ids)
        if self.series:
            self.counts["series"] = len(self.series_new)

    def write_series(self) -> None:
        """The series the file brought, under the import's event (no event of their own)."""
        by_code = {a["code_fold"]: a for a in self.store.agencies()}
        for n, s in enumerate(self.series_new, start=1):
            s = {
                **s,
                "agency": self.mapping.get(fold(s["agency"]), s["agency"]),
                "co_agencies": [self.mapping.get(fold(c), c) for c in s["co_agencies"]],
            }
            codes = [s["agency"], *s["co_agencies"]]
            missing = [c for c in codes if fold(c) not in by_code]
            if missing:
                raise BadInput("import_series_bad", n=n, reason=("import_series_agency", {"code": missing[0]}))
            lead = by_code[fold(s["agency"])]["id"]
            fields = {k: s[k] for k in ("uid", "title", "every", "due_day", "due_after", "starred")}
            fields.update(id=self.series_ids[s["id"]], agency_id=lead, from_on=s["from_on"], stopped_on=s["stopped_on"])
            co = list(dict.fromkeys(by_code[fold(c)]["id"] for c in s["co_agencies"]))
            self.store.insert_series(fields, [i for i in co if i != lead])

    def restore_mergers(self) -> None:
        """A JSON export's mergers in force (docs/commands.md "agency merge"), under the
        import's event, so that its tasks' lead agencies as of each date are the file's: each
        whose agencies the register has (read through `--map-agency`) and whose old agency is
        merged into none yet. One a login may not record (a liaison's import) is left out."""
        carried = self.file.mergers
        if not isinstance(carried, list):
            return
        by_fold = {a["code_fold"]: a for a in self.store.agencies()}
        for entry in carried:
            if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("agency", "into", "on")):
                raise BadInput("import_merger_bad", text=shown(entry))
            if not is_iso_date(entry["on"]):
                raise BadInput("import_merger_bad", text=shown(entry))
            codes: list[str] = [entry["agency"], entry["into"]]
            old, new = (by_fold.get(fold(self.mapping.get(fold(c) or "", c)) or "") for c in codes)
            if old is None or new is None or old["id"] == new["id"] or old["merged_on"]:
                continue
            try:
                self.store.add_merger(old["id"], new["id"], entry["on"], self.event_id)
            except Refused:
                continue

    def error(self, row_errors: list[tuple]) -> None:
        """A row's errors: all counted, the first max_errors of the file kept."""
        self.error_total += len(row_errors)
        self.errors.extend(row_errors[: max(0, self.max_errors - len(self.errors))])

    def row(self, number: int, raw) -> None:
        """A row checked, and written unless it or a row before it has an error."""
        row = check_row(self.reader, number, raw)
        if row is None:
            return  # nothing in any task column: a template's numbered blank row
        self.counts["rows"] += 1
        self.warnings += row.notes
        if row.errors:
            self.error(row.errors)
        elif not self.errors:  # else nothing will be written: only keep validating
            self.write(row)

    def write(self, row: Row) -> None:
        """A checked row into the batch: its agencies created if new, the task unless the
        register has its uid, its deadlines, and its history (a JSON export's) kept."""
        task, values = row.task, row.values
        lead = self.agency(task["agency"])
        co = [self.agency(a) for a in task["co_agencies"]]
        assigned = iso(task["assigned_on"])
        source = str(values["source"]) if values.get("source") else None
        # The title folded once, for its uid and its searched text; a source's folds once a file.
        folded = fold(task["title"])
        source_fold, source_key = self.reader.once(_source_folds, _source_folds, source or "")
        uid = str(values.get("uid") or "") or _uuid5(
            "taskreg:" + "|".join([folded, lead["code"], assigned, source_fold])
        )
        if self.batch.uid_exists(uid):
            self.counts["skipped"] += 1
            return
        fields = {
            "uid": uid,
            "title": task["title"],
            "agency_id": lead["id"],
            "assigned_on": assigned,
            "due_on": iso(task["due_on"]),
            "done_on": iso(task["done_on"]),
            "cancelled_on": iso(task["cancelled_on"]),
            "cancel_reason": _text(values.get("cancel_reason")) if task["cancelled_on"] else None,
            "result": _text(values.get("result")),
            "source": source,
            "source_date": iso(task["source_date"]),
            "assigned_by": _text(values.get("assigned_by")),
            "note": _text(values.get("note")),
            "starred": task["starred"],
            **self.confirmation(task),
            "import_event": self.event_id,
            "search": _search(folded, source_fold, source_key),
        }
        if (
            task["series"] is not None
        ):  # a period's task of a series (docs/commands.md "recur"), linked by the series' uid
            file_id, start = task["series"]
            fields.update(series_id=self.series_ids[file_id], period_start=start)
        if self.reader.keep_ids:
            fields = {"id": task["id"], **fields}
        co_ids = list(dict.fromkeys(a["id"] for a in co if a["id"] != lead["id"]))
        task_id = self.batch.add(fields, co_ids, _deadlines(task), row.number)
        self.take_conflicts()
        self.later += [_claimed(event, task_id, self.event_id) for event in task["history"] or []]
        self.counts["imported"] += 1

    def confirmation(self, task: dict) -> dict:
        """A completion's confirmation (SPEC §12): as a JSON export carries it, restored
        exactly; from a file that carries none (CSV, XLSX), awaiting from today while
        `confirm-completion` is on and this login's completions await it."""
        if not task["done_on"]:
            return {"awaiting_since": None, "confirmed_on": None}
        if self.carries_confirmation:
            return {k: iso(task[k]) for k in CONFIRMATION_FIELDS}
        return {"awaiting_since": iso(self.today) if self.raises else None, "confirmed_on": None}

    def agency(self, agency: dict) -> dict:
        """A row's agency, created the first time a row naming it is written if the import
        planned it (--create-agencies)."""
        if agency["id"] is None:
            agency["id"] = agency_id = self.store.add_agency(
                agency["code"], agency["name"], agency["kind"], agency.get("email")
            )
            if agency["retired_on"]:
                self.store.retire_agency(agency_id, agency["retired_on"])
            self.later.append(
                dict(
                    action="agency_add",
                    reason=f"import {self.file.path.name}",
                    after={k: agency[k] for k in ("code", "name", "kind", "retired_on")}
                    | ({"email": agency["email"]} if agency.get("email") else {}),
                )
            )
            self.created.append(agency)
            self.counts["agencies_created"] += 1
        return agency

    def take_conflicts(self) -> None:
        """Rows the register refused when their chunk was written: each its row's error."""
        for number, reason in self.batch.conflicts:
            self.error([(number, Ref("whole_row"), "import_row_unreadable", {"reason": reason})])
        self.batch.conflicts.clear()

    def finish(self, dry_run: bool) -> None:
        """Once every row is read: the import's event and the rest of the batch, or the rows'
        errors (nothing written); then the events kept for later, a JSON export's publications
        and settings, and what to say of the agencies created. A dry run undoes it all."""
        store, file, counts = self.store, self.file, self.counts
        changed_settings = {k: v for k, v in file.settings.items() if store.setting(k) is None}
        carried = file.publications
        if self.restoring:
            counts["publications"] = len(carried) if isinstance(carried, list) else 0
        if not self.errors:
            # The import's event before its rows are written: PostgreSQL checks each
            # statement's rows against the event they name (migration 0008). A conflict
            # found while writing still undoes it with everything else.
            if (
                counts["imported"]
                or counts["agencies_created"]
                or changed_settings
                or self.restoring
                or self.series_new
            ):
                store.event(
                    "import",
                    after={"file": str(file.path), "format": file.fmt, **counts, "warnings": len(self.warnings)},
                    event_id=self.event_id,
                )
            self.batch.finish()
            self.take_conflicts()
            if not self.errors:
                self.write_series()
        if self.errors:
            raise ImportInvalid(self.errors, self.error_total)
        for kwargs in self.later:
            store.event(**kwargs)
        if self.restoring:  # a JSON export's publications, into the register it just filled
            if not isinstance(carried, list):
                raise BadInput("import_publication_bad", n=1)
            restore(store, carried, self.event_id)
        elif carried:
            skipped = len(carried) if isinstance(carried, list) else 1
            self.warnings.append(("import_publications_skipped", {"n": Count(skipped)}))
        if counts["imported"] or counts["agencies_created"]:
            self.restore_mergers()
        self.guard.imported(self.event_id)
        for key, value in changed_settings.items():  # a JSON export's settings fill unset ones
            store.set_setting(key, value)
            store.event("config_set", before={key: None}, after={key: value}, reason=f"import {file.path.name}")
        self.warnings += created_warnings(self.created)
        if dry_run:
            raise _DryRun


#: What a JSON export's series holds (taskreg.domain.series SERIES_FIELDS, less the count),
#: each key with its check.
_SERIES_CHECKS = {
    "id": lambda v: type(v) is int and 0 < v < 2**31,
    "uid": lambda v: isinstance(v, str) and _is_uuid(v),
    "title": lambda v: isinstance(v, str) and bool(v.strip()) and not text_problem(v),
    "agency": lambda v: isinstance(v, str) and bool(v.strip()) and not text_problem(v),
    "co_agencies": lambda v: isinstance(v, list) and all(isinstance(c, str) and not text_problem(c) for c in v),
    "every": lambda v: v in EVERY,
    "due_day": lambda v: type(v) is int and 1 <= v <= 31,
    "due_after": lambda v: isinstance(v, bool),
    "starred": lambda v: isinstance(v, bool),
    "from_on": is_iso_date,
    "stopped_on": lambda v: v is None or is_iso_date(v),
}


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def file_series(entries) -> list[dict]:
    """A JSON export's `series` checked entry by entry: bad input naming the first that is
    malformed (its number in the list, and its first bad field); ids and uids once each."""
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise BadInput("import_series_bad", n=1, reason=("import_series_field", {"field": "series"}))
    found: list[dict] = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise BadInput("import_series_bad", n=n, reason=Ref("import_not_object"))
        for key, check in _SERIES_CHECKS.items():
            if not check(entry.get(key)):
                raise BadInput("import_series_bad", n=n, reason=("import_series_field", {"field": key}))
        if any(s["id"] == entry["id"] or s["uid"] == entry["uid"] for s in found):
            raise BadInput("import_series_bad", n=n, reason=("import_series_field", {"field": "id"}))
        found.append({**entry, "title": nfc(entry["title"]), "agency": entry["agency"].strip()})
    return found


def _deadlines(task: dict) -> list[tuple]:
    """A task's deadlines as the batch writes them (due_on, kind, decided_on, reason): a
    lossless JSON export's, every one the task ever had; else its one deadline, if any."""
    assigned = iso(task["assigned_on"])
    if task["deadlines"]:
        return [
            (d.get("due_on"), d.get("kind") or "initial", d.get("decided_on") or assigned, d.get("reason"))
            for d in task["deadlines"]
        ]
    return [(iso(task["due_on"]), "initial", assigned, None)] if task["due_on"] is not None else []


def _claimed(event: dict, task_id: int, import_id: int) -> dict:
    """An event of a task's history as a JSON export claims it: its actor and time, marked
    as brought by this import, never as an event this register recorded (SPEC §5)."""
    return dict(
        action=event["action"],
        task_id=task_id,
        before=event.get("before"),
        after=event.get("after"),
        reason=event.get("reason"),
        at=event["at"],
        actor=nfc(event["actor"]),
        imported_by=import_id,
        # a progress report is dated by the day it claims; a file without one gives its day
        claimed_on=event.get("claimed_on") or (str(event["at"])[:10] if event["action"] == "update" else None),
        correction_from=event.get("correction_from"),
    )


_URL_NAMESPACE = uuid.NAMESPACE_URL.bytes


def _uuid5(name: str) -> str:
    """str(uuid.uuid5(uuid.NAMESPACE_URL, name)), without building a UUID object: SHA-1 of
    the namespace and the name, its version and variant bits set (RFC 4122 §4.3)."""
    digest = bytearray(hashlib.sha1(_URL_NAMESPACE + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _source_folds(source: str) -> tuple[str, str | None]:
    """A source as a uid and the searched text read it: folded, and its symbol key."""
    return fold(source), (symbol_key(source) if source else None)


def _search(folded_title: str, source_fold: str, source_key: str | None) -> str:
    """taskreg.domain.text.search_text(title, source) from the title's and the source's folds: folding
    the title, a space and the source folds each apart (a space is where NFD reorders nothing
    and split() splits), so the title is folded once for its uid and this."""
    folded = f"{folded_title} {source_fold}" if folded_title and source_fold else folded_title or source_fold
    return f"{folded} {source_key}" if source_key is not None else folded


def _text(value) -> str | None:
    if value is None:
        return None
    text = nfc(str(value))
    return text or None
