"""Bulk writes: importing a file of tasks, and loading the demo register.

Each is one transaction: an import with one audit event naming the file and
its counts, which every imported task refers to.
"""

import re
import uuid
from datetime import date, datetime

from taskreg.dates import in_range, iso, parse_date, parse_deadline
from taskreg.errors import BadInput, Count, Ref
from taskreg.service import agency_label, check_lead, find_agency, near_duplicates
from taskreg.store import Store
from taskreg.text import fold, nfc, search_text, symbol_doubt

def load_demo(store: Store, agencies: list[dict], tasks: list[dict]) -> None:
    """Write the demo register in one transaction, each change with its audit event,

    as if liaisons had recorded it day by day: tasks, extensions, completions, cancellations.
    """
    with store.write():
        store.set_setting("demo", "1")
        ids = {}
        for a in agencies:
            ids[a["code"]] = store.add_agency(a["code"], a["name"], a["kind"], fold(a["code"]),
                                              fold(a["name"]))
            store.event("agency_add", after={"code": a["code"], "name": a["name"], "kind": a["kind"]})
        for t in tasks:
            fields = {"uid": t["uid"], "title": t["title"], "agency_id": ids[t["agency"]],
                      "assigned_on": t["assigned_on"], "due_on": t["due_on"], "source": t["source"],
                      "source_date": t["source_date"], "assigned_by": t["assigned_by"],
                      "note": t["note"], "search": search_text(t["title"], t["source"])}
            task_id = store.insert_task(fields, [ids[c] for c in t["co"]])
            after = {k: v for k, v in fields.items() if k not in ("agency_id", "search")}
            event_id = store.event("add", task_id, after={**after, "agency": t["agency"],
                                                          "co_agencies": sorted(t["co"])})
            if t["due_on"]:
                store.add_deadline(task_id, t["due_on"], "initial", t["assigned_on"], None, event_id)
            due = t["due_on"]
            for ext in t["extensions"]:
                store.update_task(task_id, {"due_on": ext["due_on"]})
                event_id = store.event("extend", task_id, before={"due_on": due},
                                       after={"due_on": ext["due_on"], "decided_on": ext["decided_on"]},
                                       reason=ext["reason"])
                store.add_deadline(task_id, ext["due_on"], "extension", ext["decided_on"],
                                   ext["reason"], event_id)
                due = ext["due_on"]
            if t["done_on"]:
                store.update_task(task_id, {"done_on": t["done_on"], "result": t["result"]})
                store.event("done", task_id, before={"done_on": None, "result": None},
                            after={"done_on": t["done_on"], "result": t["result"]})
            if t["cancelled_on"]:
                store.update_task(task_id, {"cancelled_on": t["cancelled_on"],
                                            "cancel_reason": t["cancel_reason"]})
                store.event("cancel", task_id, before={"cancelled_on": None},
                            after={"cancelled_on": t["cancelled_on"]}, reason=t["cancel_reason"])


# -- import ---------------------------------------------------------------------------------------

SETTING_KEYS = ("org", "rate-basis", "lang")
NO_DEADLINE_MARKERS = {"1970-01-01"}  # document systems export "no deadline" as 01/01/1970


class ImportInvalid(BadInput):
    """Some rows are invalid: nothing was written; `rows` lists (row, column, error)."""

    def __init__(self, rows: list, total: int):
        super().__init__("import_invalid", n=Count(total))
        self.rows = rows


class _DryRun(Exception):
    pass


def _agency_code(name: str, taken: set[str]) -> str:
    """A code for an agency created by an import: the initials of its folded name."""
    base = "".join(w[0] for w in fold(name).split() if w[0].isalnum()).upper()[:10] or "DV"
    code, n = base, 2
    while code.lower() in taken:
        code, n = f"{base}{n}", n + 1
    return code


def import_tasks(store: Store, today: date, path, fmt: str, *, dry_run=False,
                 create_agencies=False, on_row=None, max_errors: int = 200) -> dict:
    """Import every row of a file or none: one transaction with one audit event."""
    from taskreg.transfer import UnsavedFormula, cell_date, json_extras, map_headers, read_rows

    rows = read_rows(path, fmt)
    directory, settings = json_extras(path) if fmt == "json" else ({}, {})
    if not create_agencies:
        directory = {}
    headers = next(rows)
    fields, unknown = map_headers(headers)
    missing = [f for f in ("title", "agency", "assigned_on") if f not in fields]
    if missing:
        raise BadInput("import_missing_columns", columns=", ".join(missing))
    column = {f: str(h) for h, f in zip(headers, fields) if f}
    counts = {"rows": 0, "imported": 0, "skipped": 0, "agencies_created": 0}
    warnings: list[tuple] = [("import_column_ignored", {"column": h}) for h in unknown]
    errors: list[tuple] = []
    error_total = 0
    try:
        with store.write():
            store.defer_foreign_keys()
            # The import's event id is taken now, for its tasks and deadlines to name; it
            # is written last, with the counts, and every other event after it.
            event_id, last_task = store.next_ids()
            later: list[dict] = []
            agencies = store.agencies()
            by_fold = {a["code_fold"]: a for a in agencies} | {a["name_fold"]: a for a in agencies}
            taken = {a["code_fold"] for a in agencies}

            def agency_of(typed: str):
                key = fold(typed)
                if key in by_fold:
                    return by_fold[key]
                if not create_agencies:
                    find_agency(agencies, typed)  # raises, naming the closest
                known = directory.get(key)
                if known:  # a JSON export names its agencies in full
                    code, name = nfc(known["code"]), nfc(known.get("name") or known["code"])
                    kind, retired = nfc(known.get("kind")) or None, known.get("retired_on")
                    for other in (fold(name), fold(code)):
                        if other in by_fold:  # the register knows it under another code
                            return by_fold[other]
                else:
                    looks_like_code = len(typed.split()) == 1 and len(typed) <= 15
                    close = near_duplicates(agencies, key, is_code=looks_like_code)
                    if close:  # never a silent near-duplicate that would split a report
                        raise BadInput("agency_near", text=typed,
                                       names=", ".join(map(agency_label, close[:3])))
                    kind = retired = None
                    if looks_like_code:
                        code = name = nfc(typed).upper()
                    else:
                        name = nfc(typed)
                        code = _agency_code(name, taken)
                new = {"code": code, "name": name, "kind": kind, "code_fold": fold(code),
                       "name_fold": fold(name), "retired_on": retired}
                new["id"] = store.add_agency(code, name, kind, new["code_fold"], new["name_fold"])
                if retired:
                    store.retire_agency(new["id"], retired)
                later.append(dict(action="agency_add", reason=f"import {getattr(path, 'name', path)}",
                                  after={"code": code, "name": name, "kind": kind, "retired_on": retired}))
                taken.add(new["code_fold"])
                by_fold[new["code_fold"]] = by_fold[new["name_fold"]] = new
                agencies.append(new)
                counts["agencies_created"] += 1
                return new

            for number, raw in rows:
                try:
                    if on_row:
                        on_row()
                    row_errors: list[tuple] = []
                    values = {}
                    for header, field in zip(headers, fields):
                        if field:
                            value = raw.get(header)
                            if isinstance(value, UnsavedFormula):
                                row_errors.append((number, column[field], "import_formula", {"formula": value}))
                                value = UNREADABLE
                            values[field] = _cell(field, value)
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

                    def as_date(parse):
                        def convert(value):
                            found = cell_date(value)
                            return found if found else parse(str(value), today)
                        return convert

                    title = values.get("title")
                    if not title:
                        row_errors.append((number, column["title"], "title_empty", {}))
                    if not values.get("agency"):
                        row_errors.append((number, column["agency"], "import_value_missing", {}))
                    if not values.get("assigned_on"):
                        row_errors.append((number, column["assigned_on"], "import_value_missing", {}))
                    lead = check("agency", agency_of)
                    co = check("co_agencies", lambda v: [agency_of(c) for c in
                                                         re.split(r"[;\n]", str(v)) if c.strip()]) or []
                    assigned = check("assigned_on", as_date(parse_date))
                    due = check("due_on", as_date(parse_deadline))
                    source = values.get("source")
                    if source not in (None, "", UNREADABLE) and (doubt := symbol_doubt(str(source))):
                        warnings.append(("import_row_note", {"row": number, "note": doubt}))
                    if due is not None and iso(due) in NO_DEADLINE_MARKERS:
                        warnings.append(("import_1970", {"row": number}))
                        due = None
                    done_on = check("done_on", as_date(parse_date))
                    cancelled = check("cancelled_on", as_date(parse_date))
                    source_date = check("source_date", as_date(parse_date))
                    if assigned:
                        for field, day, what in (("due_on", due, "what_due"), ("done_on", done_on, "what_done"),
                                                 ("cancelled_on", cancelled, "what_cancel")):
                            if day and day < assigned:
                                row_errors.append((number, column[field], "before_assigned",
                                                   {"what": Ref(what), "on": iso(day), "assigned": iso(assigned)}))
                    for field, day, what in (("done_on", done_on, "what_done"), ("cancelled_on", cancelled, "what_cancel")):
                        if day and day > today:
                            row_errors.append((number, column[field], "future_date", {"what": Ref(what), "on": iso(day)}))
                    if done_on and cancelled:
                        row_errors.append((number, column["cancelled_on"], "import_done_and_cancelled", {}))
                    if lead and assigned:
                        try:
                            check_lead(lead, iso(assigned))
                        except BadInput as e:
                            row_errors.append((number, column["agency"], e.key, e.values))
                    for field, ok in (("deadlines", _is_deadline), ("history", _is_event)):
                        entries = raw.get(field)  # a JSON export's history of the task
                        if entries is not None and not (isinstance(entries, list) and all(map(ok, entries))):
                            row_errors.append((number, field, "import_history_bad", {}))
                    if row_errors:
                        error_total += len(row_errors)
                        errors.extend(row_errors[: max(0, max_errors - len(errors))])
                        continue
                    if errors:
                        continue  # nothing will be written: only keep validating
                    source = str(values["source"]) if values.get("source") else None
                    uid = str(values.get("uid") or "") or str(uuid.uuid5(
                        uuid.NAMESPACE_URL, "taskreg:" + "|".join(
                            [fold(title), lead["code"], iso(assigned), fold(source or "")])))
                    if store.uid_exists(uid):
                        counts["skipped"] += 1
                        continue
                    task_id = store.insert_task({
                        "uid": uid, "title": title, "agency_id": lead["id"], "assigned_on": iso(assigned),
                        "due_on": iso(due), "done_on": iso(done_on), "cancelled_on": iso(cancelled),
                        "cancel_reason": (str(raw.get("cancel_reason") or values.get("cancel_reason") or "")
                                          or None) if cancelled else None,
                        "result": _text(values.get("result")), "source": source,
                        "source_date": iso(source_date), "assigned_by": _text(values.get("assigned_by")),
                        "note": _text(values.get("note")), "search": search_text(title, source),
                    }, list(dict.fromkeys(a["id"] for a in co if a["id"] != lead["id"])))
                    history = raw.get("deadlines") if isinstance(raw.get("deadlines"), list) else None
                    if history:  # a lossless JSON export: every deadline the task ever had
                        for d in history:
                            store.add_deadline(task_id, d.get("due_on"), d.get("kind", "initial"),
                                               d.get("decided_on") or iso(assigned), d.get("reason"), event_id)
                    elif due is not None:
                        store.add_deadline(task_id, iso(due), "initial", iso(assigned), None, event_id)
                    for e in raw.get("history") or []:
                        later.append(dict(action=e["action"], task_id=task_id, before=e.get("before"),
                                          after=e.get("after"), reason=e.get("reason"),
                                          at=e["at"], actor=str(e.get("actor") or "unknown")))
                    counts["imported"] += 1
                except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as e:
                    # A cell of a shape no export writes (a number where a list belongs, …).
                    error_total += 1
                    if len(errors) < max_errors:
                        errors.append((number, Ref("whole_row"), "import_row_unreadable", {"reason": str(e)}))
            if errors:
                raise ImportInvalid(errors, error_total)
            if counts["imported"] or counts["agencies_created"]:  # else nothing changed: no event
                store.event("import", after={"file": str(path), "format": fmt, **counts,
                                             "warnings": len(warnings)}, event_id=event_id)
            for kwargs in later:
                store.event(**kwargs)
            for key, value in settings.items():  # a JSON export's settings fill unset ones
                if key in SETTING_KEYS and store.setting(key) is None:
                    store.set_setting(key, value)
                    store.event("config_set", before={key: None}, after={key: value},
                                reason=f"import {getattr(path, 'name', path)}")
            store.mark_imported(event_id, last_task)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return {**counts, "warnings": warnings, "dry_run": dry_run}


TASK_ACTIONS = {"add", "done", "reopen", "extend", "cancel", "edit"}


def _is_event(e) -> bool:
    """An event of a task's history as a JSON export writes it."""
    if not (isinstance(e, dict) and e.get("action") in TASK_ACTIONS and isinstance(e.get("at"), str)):
        return False
    try:
        datetime.fromisoformat(e["at"])
    except ValueError:
        return False
    return True


def _is_deadline(d) -> bool:
    """A deadline of a task's history as a JSON export writes it."""
    if not (isinstance(d, dict) and isinstance(d.get("due_on"), str)):
        return False
    try:
        in_range(date.fromisoformat(d["due_on"]), d["due_on"])
    except (ValueError, BadInput):
        return False
    return True


UNREADABLE = object()  # a cell already reported as an error: not also "missing"
DATE_FIELDS = {"assigned_on", "due_on", "done_on", "cancelled_on", "source_date"}


def _cell(field: str, value):
    """A spreadsheet cell as the field needs it: text as NFC; a number in a text column as text."""
    if isinstance(value, str):
        return nfc(value)
    if value is None or value is UNREADABLE or field in DATE_FIELDS:
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _text(value) -> str | None:
    if value is None:
        return None
    text = nfc(str(value))
    return text or None
