"""Bulk writes: importing a file of tasks, and loading the demo register.

Each is one transaction: an import with one audit event naming the file and
its counts, which every imported task refers to.
"""

import hashlib
import re
import uuid
from datetime import date

from taskreg.domain.agencies import check_lead, find_agency
from taskreg.domain.agency_plan import agency_cells, created_warnings, plan_agencies
from taskreg.domain.dates import iso, parse_date, parse_deadline
from taskreg.domain.errors import BadInput, Count, Day, Ref, Rendered
from taskreg.domain.guard import Guard
from taskreg.domain.import_rows import (
    UNREADABLE,
    UnsavedFormula,
    cell,
    cell_date,
    history_problems,
    json_cell_problem,
    shown,
    text_problem,
)
from taskreg.domain.store import Store
from taskreg.domain.text import fold, nfc, symbol_doubt, symbol_key


def load_demo(store: Store, agencies: list[dict], tasks: list[dict]) -> None:
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
            ids[a["code"]] = store.add_agency(a["code"], a["name"], a["kind"])
            store.event("agency_add", after={"code": a["code"], "name": a["name"], "kind": a["kind"]}, **on(first))
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
            }
            task_id = store.insert_task(fields, [ids[c] for c in t["co"]])
            after = {k: v for k, v in fields.items() if k != "agency_id"}
            event_id = store.event(
                "add",
                task_id,
                after={**after, "agency": t["agency"], "co_agencies": sorted(t["co"])},
                **on(t["assigned_on"]),
            )
            if t["due_on"]:
                store.add_deadline(task_id, t["due_on"], "initial", t["assigned_on"], None, event_id)
            due = t["due_on"]
            for ext in t["extensions"]:
                store.update_task(task_id, {"due_on": ext["due_on"]})
                event_id = store.event(
                    "extend",
                    task_id,
                    before={"due_on": due},
                    after={"due_on": ext["due_on"], "decided_on": ext["decided_on"]},
                    reason=ext["reason"],
                    **on(ext["decided_on"]),
                )
                store.add_deadline(task_id, ext["due_on"], "extension", ext["decided_on"], ext["reason"], event_id)
                due = ext["due_on"]
            if t["done_on"]:
                store.update_task(task_id, {"done_on": t["done_on"], "result": t["result"]})
                store.event(
                    "done",
                    task_id,
                    before={"done_on": None, "result": None},
                    after={"done_on": t["done_on"], "result": t["result"]},
                    **on(t["done_on"]),
                )
            if t["cancelled_on"]:
                store.update_task(task_id, {"cancelled_on": t["cancelled_on"], "cancel_reason": t["cancel_reason"]})
                store.event(
                    "cancel",
                    task_id,
                    before={"cancelled_on": None},
                    after={"cancelled_on": t["cancelled_on"]},
                    reason=t["cancel_reason"],
                    **on(t["cancelled_on"]),
                )


# -- import ---------------------------------------------------------------------------------------

SETTING_KEYS = (
    "org",
    "rate-basis",
    "lang",
    "place",
    "recipients",
    "signer-title",
    "signer-name",
    "lock-published",
)  # the settings a JSON export carries
NO_DEADLINE_MARKERS = {"1970-01-01"}  # document systems export "no deadline" as 01/01/1970

MAX_ID = 2**63 - 1
CACHE_MAX = 100_000  # texts an import keeps what it read them as (import_tasks `once`)


class ImportInvalid(BadInput):
    """Some rows are invalid: nothing was written; `rows` lists (row, column, error)."""

    def __init__(self, rows: list, total: int):
        super().__init__("import_invalid", n=Count(total))
        self.rows = rows


class _DryRun(Exception):
    pass


def _settings(settings: dict) -> dict[str, str]:
    """A JSON file's settings, each checked as `config set` checks it; one bad: bad input."""
    from taskreg.domain.model import check_setting

    checked = {}
    for key, value in settings.items():
        if not isinstance(value, str):
            raise BadInput(
                "import_setting_bad", setting=shown(key), value=shown(value), reason=Ref("import_setting_not_text")
            )
        try:
            checked[key] = check_setting(key, value)
        except BadInput as e:
            raise BadInput(
                "import_setting_bad", setting=shown(key), value=shown(value), reason=(e.key, e.values)
            ) from None
    return checked


def _wants_ids(fmt: str, data, empty: bool) -> bool:
    """A JSON export imported into a register with no tasks keeps its tasks' ids (SPEC §5):
    when any task of the file has one."""
    if fmt != "json" or not empty:
        return False
    tasks = data.get("tasks") if isinstance(data, dict) else data
    return isinstance(tasks, list) and any(isinstance(t, dict) and t.get("id") is not None for t in tasks)


def import_tasks(
    store: Store,
    today: date,
    path,
    fmt: str,
    *,
    dry_run=False,
    create_agencies=False,
    on_row=None,
    max_errors: int = 200,
    amend=None,
) -> dict:
    """Import every row of a file or none: one transaction with one audit event."""
    from taskreg.formats.csv_json import json_extras, load_json, map_headers, read_rows

    data = load_json(path) if fmt == "json" else None
    directory, settings = json_extras(path, data) if fmt == "json" else ({}, {})
    settings = _settings(settings)
    if not create_agencies:
        directory = {}
    rows = read_rows(path, fmt, data)
    headers = next(rows)
    fields, unknown = map_headers(headers)
    missing = [f for f in ("title", "agency", "assigned_on") if f not in fields]
    if missing:
        raise BadInput("import_missing_columns", columns=Rendered(_column_names, missing))
    column: dict = {f: str(h) for h, f in zip(headers, fields) if f}
    if fmt == "json":  # a row error names a task's field by its name in the language, not its key
        column = {f: Rendered(_field_name, f) for f in column}
    # --create-agencies: every agency the file names, read before any is created, so that a
    # code and the full name it abbreviates become one agency (SPEC §5).
    cells = agency_cells(read_rows(path, fmt, data), UnsavedFormula) if create_agencies else {}
    counts = {"rows": 0, "imported": 0, "skipped": 0, "agencies_created": 0}
    warnings: list[tuple] = [("import_column_ignored", {"column": h}) for h in unknown]
    errors: list[tuple] = []
    error_total = 0
    try:
        with store.write():
            # The import's event id is taken now, for its tasks and deadlines to name; it
            # is written once every row is read, with the counts, and every other event after it.
            batch = store.import_batch()
            event_id, last_task = batch.event_id, batch.last_task
            keep_ids = _wants_ids(fmt, data, last_task == 0)  # no task has an id: none exists
            guard = Guard(store, amend)
            carried = data.get("publications") if isinstance(data, dict) else None
            restoring = bool(carried) and last_task == 0 and not store.publications(with_body=False)
            ids_seen: dict[int, int] = {}
            later: list[dict] = []
            created: list[dict] = []
            agencies = store.agencies()
            by_fold = {a["code_fold"]: a for a in agencies} | {a["name_fold"]: a for a in agencies}
            plan = plan_agencies(cells, agencies, directory) if create_agencies else {}

            def resolve(typed: str):
                key = fold(typed)
                if key in by_fold:
                    return by_fold[key]
                planned = plan.get(key)
                if planned is None:
                    find_agency(agencies, typed)  # raises, naming the closest
                assert planned is not None  # find_agency raised: `typed` is no registered agency
                if isinstance(planned, tuple):  # a near-duplicate, or a code of two names
                    raise BadInput(planned[0], **planned[1])
                if planned["id"] is None:
                    new = planned
                    new["id"] = store.add_agency(new["code"], new["name"], new["kind"])
                    if new["retired_on"]:
                        store.retire_agency(new["id"], new["retired_on"])
                    later.append(
                        dict(
                            action="agency_add",
                            reason=f"import {getattr(path, 'name', path)}",
                            after={k: new[k] for k in ("code", "name", "kind", "retired_on")},
                        )
                    )
                    created.append(new)
                    counts["agencies_created"] += 1
                return planned

            # What repeats in a file is read once (issue 15): its agencies, its lists of
            # coordinating agencies, its dates and its document symbols. A text that fails
            # is not kept: each of its rows reports its own error. Bounded, so that a file of
            # a million different cells holds no million entries.
            seen: dict = {}

            def once(kind, fn, text):
                key = (kind, text)
                found = seen.get(key, seen)
                if found is seen:
                    if len(seen) > CACHE_MAX:
                        seen.clear()
                    found = seen[key] = fn(text)
                return found

            def agency_of(typed: str):
                # The same agency each time: `resolve` creates a planned one only the first.
                return once(resolve, resolve, typed)

            def co_of(value):
                return once(co_of, lambda v: [agency_of(c) for c in re.split(r"[;\n]", v) if c.strip()], str(value))

            def as_date(parse):
                def convert(value):
                    if isinstance(value, str):  # cell_date reads no text: parse it, once
                        return once(parse, lambda v: parse(v, today), value)
                    found = cell_date(value)
                    return found if found else parse(str(value), today)

                return convert

            date_of, deadline_of = as_date(parse_date), as_date(parse_deadline)

            def take_conflicts():
                """Rows the register refused when their chunk was written: each its row's error."""
                nonlocal error_total
                for number, reason in batch.conflicts:
                    error_total += 1
                    if len(errors) < max_errors:
                        errors.append((number, Ref("whole_row"), "import_row_unreadable", {"reason": reason}))
                batch.conflicts.clear()

            for number, raw in rows:
                try:
                    if on_row:
                        on_row()
                    row_errors: list[tuple] = []
                    if not isinstance(raw, dict):  # a JSON entry that is not a task object
                        counts["rows"] += 1
                        error_total += 1
                        if len(errors) < max_errors:
                            errors.append((number, Ref("whole_row"), "import_not_object", {}))
                        continue
                    values = {}
                    for header, field in zip(headers, fields):
                        if field:
                            value = raw.get(header)
                            if isinstance(value, UnsavedFormula):
                                row_errors.append((number, column[field], "import_formula", {"formula": value}))
                                value = UNREADABLE
                            elif fmt == "json" and (problem := json_cell_problem(field, value)):
                                row_errors.append((number, column[field], problem, {}))
                                value = UNREADABLE
                            elif isinstance(value, str) and (problem := text_problem(value)):
                                row_errors.append((number, column[field], problem, {}))
                                value = UNREADABLE
                            values[field] = cell(field, value)
                    if not row_errors and all(v is None or not str(v).strip() for v in values.values()):
                        continue  # nothing in any task column: a template's numbered blank row
                    counts["rows"] += 1

                    def check(field, fn):
                        value = values.get(field)
                        if value in (None, "", UNREADABLE):
                            return None
                        try:
                            return fn(value)
                        except BadInput as e:
                            row_errors.append((number, column.get(field, field), e.key, e.values))
                            return None

                    title = values.get("title")
                    if not title:
                        row_errors.append((number, column["title"], "title_empty", {}))
                    if not values.get("agency"):
                        row_errors.append((number, column["agency"], "import_value_missing", {}))
                    if not values.get("assigned_on"):
                        row_errors.append((number, column["assigned_on"], "import_value_missing", {}))
                    lead = check("agency", agency_of)
                    co = check("co_agencies", co_of) or []
                    assigned = check("assigned_on", date_of)
                    due = check("due_on", deadline_of)
                    source = values.get("source")
                    if source not in (None, "", UNREADABLE) and (
                        doubt := once(symbol_doubt, symbol_doubt, str(source))
                    ):
                        warnings.append(("import_row_note", {"row": number, "note": doubt}))
                    if due is not None and iso(due) in NO_DEADLINE_MARKERS:
                        warnings.append(("import_1970", {"row": number}))
                        due = None
                    done_on = check("done_on", date_of)
                    cancelled = check("cancelled_on", date_of)
                    source_date = check("source_date", date_of)
                    if assigned and assigned > today:  # the committee cannot assign tomorrow (SPEC §2)
                        row_errors.append((number, column["assigned_on"], "assigned_future", {"on": Day(assigned)}))
                    if assigned:
                        for field, day, what in (
                            ("due_on", due, "what_due"),
                            ("done_on", done_on, "what_done"),
                            ("cancelled_on", cancelled, "what_cancel"),
                        ):
                            if day and day < assigned:
                                row_errors.append(
                                    (
                                        number,
                                        column[field],
                                        "before_assigned",
                                        {"what": Ref(what), "on": Day(day), "assigned": Day(assigned)},
                                    )
                                )
                    for field, day, what in (
                        ("done_on", done_on, "what_done"),
                        ("cancelled_on", cancelled, "what_cancel"),
                    ):
                        if day and day > today:
                            row_errors.append(
                                (number, column[field], "future_date", {"what": Ref(what), "on": Day(day)})
                            )
                    if done_on and cancelled:
                        row_errors.append((number, column["cancelled_on"], "import_done_and_cancelled", {}))
                    if lead and assigned:
                        try:
                            check_lead(lead, iso(assigned))
                        except BadInput as e:
                            row_errors.append((number, column["agency"], e.key, e.values))
                    deadlines, history = raw.get("deadlines"), raw.get("history")  # a JSON export's
                    problems = history_problems(deadlines, history)
                    row_errors += [(number, *p) for p in problems]
                    due_read = not any(e[1] == column.get("due_on") for e in row_errors)
                    if (
                        isinstance(deadlines, list)
                        and deadlines
                        and due_read
                        and not any(p[0].startswith("deadlines") for p in problems)
                        and deadlines[-1].get("due_on") != iso(due)
                    ):
                        # The deadline reports count by is the last one the task ever had.
                        last = deadlines[-1].get("due_on")
                        row_errors.append(
                            (
                                number,
                                "deadlines",
                                "import_deadlines_disagree",
                                {"last": Day(last) if last else "—", "due": Day(due) if due else "—"},
                            )
                        )
                    wanted_id = None
                    if keep_ids:
                        wanted_id = raw.get("id")
                        if wanted_id is None:
                            row_errors.append((number, "id", "import_id_missing", {}))
                        elif (
                            isinstance(wanted_id, bool) or not isinstance(wanted_id, int) or not 0 < wanted_id <= MAX_ID
                        ):
                            row_errors.append((number, "id", "import_bad_id", {"text": shown(wanted_id)}))
                        elif wanted_id in ids_seen:
                            row_errors.append(
                                (number, "id", "import_id_twice", {"id": wanted_id, "other": ids_seen[wanted_id]})
                            )
                        else:
                            ids_seen[wanted_id] = number
                    if row_errors:
                        error_total += len(row_errors)
                        errors.extend(row_errors[: max(0, max_errors - len(errors))])
                        continue
                    if errors:
                        continue  # nothing will be written: only keep validating
                    assert title is not None  # a row without one has a row error: skipped above
                    source = str(values["source"]) if values.get("source") else None
                    # The title folded once, for its uid and its searched text; a source's folds once a file.
                    folded = fold(title)
                    source_fold, source_key = once(_source_folds, _source_folds, source or "")
                    uid = str(values.get("uid") or "") or _uuid5(
                        "taskreg:" + "|".join([folded, lead["code"], iso(assigned), source_fold])
                    )
                    if batch.uid_exists(uid):
                        counts["skipped"] += 1
                        continue
                    task = {
                        "uid": uid,
                        "title": title,
                        "agency_id": lead["id"],
                        "assigned_on": iso(assigned),
                        "due_on": iso(due),
                        "done_on": iso(done_on),
                        "cancelled_on": iso(cancelled),
                        "cancel_reason": _text(values.get("cancel_reason")) if cancelled else None,
                        "result": _text(values.get("result")),
                        "source": source,
                        "source_date": iso(source_date),
                        "assigned_by": _text(values.get("assigned_by")),
                        "note": _text(values.get("note")),
                        "import_event": event_id,
                        "search": _search(folded, source_fold, source_key),
                    }
                    if keep_ids:
                        task = {"id": wanted_id, **task}
                    if deadlines:  # a lossless JSON export: every deadline the task ever had
                        kept = [
                            (
                                d.get("due_on"),
                                d.get("kind") or "initial",
                                d.get("decided_on") or iso(assigned),
                                d.get("reason"),
                            )
                            for d in deadlines
                        ]
                    else:
                        kept = [(iso(due), "initial", iso(assigned), None)] if due is not None else []
                    task_id = batch.add(
                        task, list(dict.fromkeys(a["id"] for a in co if a["id"] != lead["id"])), kept, number
                    )
                    take_conflicts()
                    for event in history or []:
                        # What the file claims: its actor and time, marked as brought by this
                        # import, never as events this register recorded (SPEC §5).
                        later.append(
                            dict(
                                action=event["action"],
                                task_id=task_id,
                                before=event.get("before"),
                                after=event.get("after"),
                                reason=event.get("reason"),
                                at=event["at"],
                                actor=nfc(event["actor"]),
                                imported_by=event_id,
                                claimed_on=event.get("claimed_on"),
                                correction_from=event.get("correction_from"),
                            )
                        )
                    counts["imported"] += 1
                except (TypeError, ValueError, AttributeError, KeyError, OverflowError, store.row_conflict) as e:
                    # A cell of a shape no export writes that the checks above missed.
                    error_total += 1
                    if len(errors) < max_errors:
                        errors.append((number, Ref("whole_row"), "import_row_unreadable", {"reason": str(e)}))
            changed_settings = {k: v for k, v in settings.items() if store.setting(k) is None}
            if restoring:
                counts["publications"] = len(carried) if isinstance(carried, list) else 0
            if not errors:
                # The import's event before its rows are written: PostgreSQL checks each
                # statement's rows against the event they name (migration 0008). A conflict
                # found while writing still undoes it with everything else.
                if counts["imported"] or counts["agencies_created"] or changed_settings or restoring:
                    store.event(
                        "import",
                        after={"file": str(path), "format": fmt, **counts, "warnings": len(warnings)},
                        event_id=event_id,
                    )
                batch.finish()
                take_conflicts()
            if errors:
                raise ImportInvalid(errors, error_total)
            for kwargs in later:
                store.event(**kwargs)
            if restoring:  # a JSON export's publications, into the register it just filled
                if not isinstance(carried, list):
                    raise BadInput("import_publication_bad", n=1)
                from taskreg.domain.publications import restore

                restore(store, carried, event_id)
            elif carried:
                skipped = len(carried) if isinstance(carried, list) else 1
                warnings.append(("import_publications_skipped", {"n": Count(skipped)}))
            guard.imported(event_id)
            for key, value in changed_settings.items():  # a JSON export's settings fill unset ones
                store.set_setting(key, value)
                store.event(
                    "config_set", before={key: None}, after={key: value}, reason=f"import {getattr(path, 'name', path)}"
                )
            warnings += created_warnings(created)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return {**counts, "warnings": warnings, "dry_run": dry_run}


def _field_name(lang: str, field: str) -> str:
    """A task's field as an import's error names it: its key in English (a JSON export's
    own name for it), its Vietnamese header in Vietnamese."""
    from taskreg.formats.csv_json import VI_HEADERS
    from taskreg.present import i18n

    if lang != "vi":
        return field
    return VI_HEADERS.get(field) or i18n.t(lang, "f_" + field)


def _column_names(lang: str, fields: list[str]) -> str:
    """Columns an import needs, as a header it reads: the field names in English, the
    Vietnamese headers (which import reads too, README "Import") in Vietnamese."""
    return ", ".join(_field_name(lang, f) for f in fields)


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
