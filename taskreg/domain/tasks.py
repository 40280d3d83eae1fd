"""The register's rules: what each change checks before the store writes it.

Commands call these with what the user typed and `today` (read once at the
edge); each change is one transaction with its audit event. States are never
decided here: they come from the store, which uses taskreg.domain.states.
"""

import uuid
from datetime import date, timedelta

from taskreg.domain.agencies import check_lead, check_merged, find_agency
from taskreg.domain.dates import from_iso, iso, parse_date, parse_deadline
from taskreg.domain.errors import BadInput, Day, Ref, Refused, TaskregError
from taskreg.domain.guard import Guard
from taskreg.domain.model import CONFIRMATION_FIELDS, FIGURE_FIELDS, TASK_FIELDS
from taskreg.domain.store import Store
from taskreg.domain.text import fold, nfc
from taskreg.domain.workdays import Calendar


def public(task: dict) -> dict:
    return {field: task[field] for field in TASK_FIELDS}


# -- dates checked against the record (each row of an import too: taskreg.domain.import_rows) ---


def not_future(what: str, on: date, today: date) -> None:
    if on > today:
        raise BadInput("future_date", what=Ref(what), on=Day(on))


def not_after_today(on: date, today: date) -> None:
    """The committee cannot have assigned a task tomorrow (SPEC §2)."""
    if on > today:
        raise BadInput("assigned_future", on=Day(on))


def not_before_assigned(what: str, on: date, assigned: str) -> None:
    if iso(on) < assigned:
        raise BadInput("before_assigned", what=Ref(what), on=Day(on), assigned=Day(assigned))


def _task_or_refuse(store: Store, task_id: int, today: date) -> dict:
    task = store.task(task_id, iso(today))
    if task is None:
        raise Refused("task_missing", id=task_id)
    return task


def _raised(store: Store, today: date) -> dict:
    """The flag a completion recorded now raises (SPEC §12, docs/states.md): while
    `confirm-completion` is on, anyone's but the office's awaits its confirmation."""
    if store.setting("confirm-completion") == "on" and store.completion_awaits():
        return {"awaiting_since": iso(today), "confirmed_on": None}
    return {}


def _open_task(store: Store, task_id: int, today: date, what: str, on: date) -> dict:
    """A task that is neither done nor cancelled, closing on a date not before its assignment."""
    task = _task_or_refuse(store, task_id, today)
    if task["cancelled_on"]:
        raise Refused("is_cancelled", id=task_id, on=Day(task["cancelled_on"]))
    if task["done_on"]:
        raise Refused("already_done", id=task_id, on=Day(task["done_on"]))
    not_before_assigned(what, on, task["assigned_on"])
    return task


# -- tasks ------------------------------------------------------------------------------------


def add_task(
    store: Store,
    today: date,
    *,
    title: str,
    agency: str,
    co=(),
    due=None,
    assigned=None,
    source=None,
    source_date=None,
    assigned_by=None,
    note=None,
    starred=False,
    uid=None,
    amend=None,
    calendar: Calendar | None = None,
    series=None,
) -> int:
    """A new task, in its own transaction with its `add` event. `series`: (series id, period
    start) of a period's task that `recur` creates (taskreg.domain.series), else None."""
    title = nfc(title) or ""  # a text for a text; empty is refused just below
    if not title:
        raise BadInput("title_empty")
    assigned_on = parse_date(assigned, today, calendar) if assigned else today
    not_after_today(assigned_on, today)
    due_on = parse_deadline(due, today, calendar) if due else None
    if due_on is not None and due_on < assigned_on:
        raise BadInput("before_assigned", what=Ref("what_due"), on=Day(due_on), assigned=Day(assigned_on))
    src_date = iso(parse_date(source_date, today, calendar)) if source_date else None
    source = nfc(source) or None
    with store.write():
        guard = Guard(store, amend)
        agencies = store.agencies()
        lead = check_lead(find_agency(agencies, agency), iso(assigned_on))
        co_ids = []
        for typed in co:
            other = check_merged(find_agency(agencies, typed), iso(assigned_on))
            if other["id"] != lead["id"] and other["id"] not in co_ids:
                co_ids.append(other["id"])
        fields = {
            "uid": uid or str(uuid.uuid4()),
            "title": title,
            "agency_id": lead["id"],
            "assigned_on": iso(assigned_on),
            "due_on": iso(due_on),
            "source": source,
            "source_date": src_date,
            "assigned_by": nfc(assigned_by) or None,
            "note": nfc(note) or None,
            "starred": bool(starred),
        }
        if series is not None:
            fields["series_id"], fields["period_start"] = series
        task_id = store.insert_task(fields, co_ids)
        added = store.task(task_id, iso(today))
        assert added is not None  # inserted just above, in this transaction
        after = public(added)
        del after["status"], after["updated_on"], after["awaiting_confirmation"]  # derived, never recorded
        # Assigned on a past day: entered late, which reports as of the days between count.
        event_id = store.event(
            "add", task_id, after=after, claimed_on=iso(assigned_on) if assigned_on < today else None
        )
        if due_on is not None:
            store.add_deadline(task_id, iso(due_on), "initial", iso(assigned_on), None, event_id)
        guard.after(task_id, {}, new=True)
    return task_id


def done(
    store: Store, today: date, ids: list[int], on=None, result=None, amend=None, calendar: Calendar | None = None
) -> list[dict]:
    on_day = parse_date(on, today, calendar) if on else today
    not_future("what_done", on_day, today)
    result = nfc(result) or None
    closed = []
    wanted = list(dict.fromkeys(ids))
    with store.write():
        guard = Guard(store, amend)
        for task_id in wanted:
            try:
                closed.append(_done_one(store, today, guard, task_id, on_day, result))
            except TaskregError as e:
                if len(wanted) == 1:
                    raise
                # All or none: the sentence says that the other tasks were not marked done either.
                others = ", ".join(str(i) for i in wanted if i != task_id)
                kind = BadInput if isinstance(e, BadInput) else Refused
                raise kind("done_none_recorded", reason=(e.key, e.values), others=others, n=len(wanted) - 1) from None
    return closed


def _done_one(store: Store, today: date, guard: Guard, task_id: int, on_day: date, result) -> dict:
    """Mark one task done inside `done`'s transaction; its row as it now is."""
    task = _open_task(store, task_id, today, "what_done", on_day)
    before = guard.before(task_id)
    flag = {"awaiting_since": raised["awaiting_since"]} if (raised := _raised(store, today)) else {}
    store.update_task(task_id, {"done_on": iso(on_day), "result": result, **flag})
    after = {"done_on": iso(on_day), "result": result, **flag}
    backdated = iso(on_day) if on_day < today else None
    if backdated:
        after["backdated"] = True
    # Backdated: reports as of the days from then to yesterday said it was open.
    store.event(
        "done",
        task_id,
        before={"done_on": None, "result": task["result"], **({"awaiting_since": None} if flag else {})},
        after=after,
        claimed_on=backdated,
        correction_from=backdated,
    )
    guard.after(task_id, before)
    row = store.task(task_id, iso(today))
    assert row is not None  # _open_task found it above, in this transaction
    return row


def update(store: Store, today: date, task_id: int, text: str) -> dict:
    """A progress report on an open task (SPEC §12): an `update` event dated today, the day
    it is recorded; never backdated, so it changes nothing an earlier report said."""
    said = nfc(text) or ""
    if not said:
        raise BadInput("progress_empty")
    with store.write():
        task = _task_or_refuse(store, task_id, today)
        if task["cancelled_on"]:
            raise Refused("update_cancelled", id=task_id, on=Day(task["cancelled_on"]))
        if task["done_on"]:
            raise Refused("update_done", id=task_id, on=Day(task["done_on"]))
        store.may_write(task["agency_id"])
        store.event("update", task_id, after={"progress": said}, claimed_on=iso(today))
    return task


def progress_reports(history: list[dict]) -> list[dict]:
    """A task's progress reports from its history, oldest first: date, who, text."""
    return [
        {"on": e["claimed_on"], "actor": e["actor"], "text": (e["after"] or {}).get("progress", "")}
        for e in history
        if e["action"] == "update"
    ]


def reopen(store: Store, today: date, task_id: int, reason: str, amend=None) -> None:
    reason = nfc(reason) or ""  # a text for a text; empty is refused just below
    if not reason:
        raise BadInput("reason_needed", what=Ref("why_reopen"))
    with store.write():
        task = _task_or_refuse(store, task_id, today)
        if not task["done_on"]:
            raise Refused("not_done", id=task_id)
        guard = Guard(store, amend)
        before = guard.before(task_id)
        _undo_completion(store, task, "reopen", reason)
        guard.after(task_id, before)


def _undo_completion(store: Store, task: dict, action: str, reason: str) -> None:
    """`reopen` and `return`: the task open again, its confirmation flag cleared with its
    completion (SPEC §12), audited as a correction of every report from the completion on."""
    flag = {k: task[k] for k in CONFIRMATION_FIELDS if task[k] is not None}
    store.update_task(task["id"], {"done_on": None, "result": None, **dict.fromkeys(flag)})
    store.event(
        action,
        task["id"],
        before={"done_on": task["done_on"], "result": task["result"], **flag},
        after={"done_on": None, "result": None, **dict.fromkeys(flag)},
        reason=reason,
        correction_from=task["done_on"],
    )


def confirm(store: Store, today: date, ids: list[int]) -> list[int]:
    """The office confirms completions that await it (SPEC §12), dated today: all or none."""
    wanted = list(dict.fromkeys(ids))
    with store.write():
        store.may_confirm()
        for task_id in wanted:
            try:
                task = _awaiting(store, today, task_id)
                store.update_task(task_id, {"confirmed_on": iso(today)})
                store.event(
                    "confirm",
                    task_id,
                    before={"confirmed_on": task["confirmed_on"]},
                    after={"confirmed_on": iso(today)},
                )
            except TaskregError as e:
                if len(wanted) == 1:
                    raise
                others = ", ".join(str(i) for i in wanted if i != task_id)
                raise Refused(
                    "confirm_none_recorded", reason=(e.key, e.values), others=others, n=len(wanted) - 1
                ) from None
    return wanted


def return_(store: Store, today: date, task_id: int, reason: str, amend=None) -> str:
    """The office returns (trả lại) a completion that awaits its confirmation: the task is
    open again, a correction like `reopen` (SPEC §2, §12). The completion date it undid."""
    reason = nfc(reason) or ""  # a text for a text; empty is refused just below
    if not reason:
        raise BadInput("reason_needed", what=Ref("why_return"))
    with store.write():
        store.may_confirm()
        task = _awaiting(store, today, task_id)
        guard = Guard(store, amend)
        before = guard.before(task_id)
        _undo_completion(store, task, "return", reason)
        guard.after(task_id, before)
    return task["done_on"]


def _awaiting(store: Store, today: date, task_id: int) -> dict:
    """A task whose completion awaits the office's confirmation today, else refused."""
    task = _task_or_refuse(store, task_id, today)
    if not task["awaiting_confirmation"]:
        raise Refused("nothing_awaiting", id=task_id)
    return task


def extend(
    store: Store,
    today: date,
    task_id: int,
    due: str,
    reason: str,
    on=None,
    amend=None,
    calendar: Calendar | None = None,
) -> tuple[str, str]:
    """Move an open task's deadline later, decided on or before the deadline it replaces."""
    reason = nfc(reason) or ""  # a text for a text; empty is refused just below
    if not reason:
        raise BadInput("reason_needed", what=Ref("why_extend"))
    new_due = parse_deadline(due, today, calendar)
    decided = parse_date(on, today, calendar) if on else today
    not_future("what_decided", decided, today)
    with store.write():
        task = _task_or_refuse(store, task_id, today)
        if task["done_on"] or task["cancelled_on"]:
            raise Refused("extend_not_open", id=task_id)
        if not task["due_on"]:
            raise Refused("extend_no_deadline", id=task_id)
        not_before_assigned("what_decided", decided, task["assigned_on"])
        if iso(decided) > task["due_on"]:
            raise Refused("extend_too_late", on=Day(decided), due=Day(task["due_on"]), id=task_id)
        if iso(new_due) <= task["due_on"]:
            raise Refused("extend_not_later", new=Day(new_due), due=Day(task["due_on"]), id=task_id)
        guard = Guard(store, amend)
        before = guard.before(task_id)
        store.update_task(task_id, {"due_on": iso(new_due)})
        # Decided in time but recorded after the old deadline had passed: reports as of the
        # days since then said overdue, so it is a correction from the day after that deadline.
        old_due = from_iso(task["due_on"])
        assert old_due is not None  # it has a deadline: checked above
        late = iso(old_due + timedelta(days=1)) if iso(today) > task["due_on"] else None
        event_id = store.event(
            "extend",
            task_id,
            before={"due_on": task["due_on"]},
            after={"due_on": iso(new_due), "decided_on": iso(decided)},
            reason=reason,
            claimed_on=iso(decided) if decided < today else None,
            correction_from=late,
        )
        store.add_deadline(task_id, iso(new_due), "extension", iso(decided), reason, event_id)
        guard.after(task_id, before)
    return task["due_on"], iso(new_due)


def cancel(
    store: Store, today: date, task_id: int, reason: str, on=None, amend=None, calendar: Calendar | None = None
) -> str:
    reason = nfc(reason) or ""  # a text for a text; empty is refused just below
    if not reason:
        raise BadInput("reason_needed", what=Ref("why_cancel"))
    on_day = parse_date(on, today, calendar) if on else today
    not_future("what_cancel", on_day, today)
    with store.write():
        _open_task(store, task_id, today, "what_cancel", on_day)
        guard = Guard(store, amend)
        before = guard.before(task_id)
        store.update_task(task_id, {"cancelled_on": iso(on_day), "cancel_reason": reason})
        backdated = iso(on_day) if on_day < today else None
        store.event(
            "cancel",
            task_id,
            before={"cancelled_on": None},
            after={"cancelled_on": iso(on_day)},
            reason=reason,
            claimed_on=backdated,
            correction_from=backdated,
        )
        guard.after(task_id, before)
    return iso(on_day)


def edit(
    store: Store,
    today: date,
    task_id: int,
    *,
    title=None,
    agency=None,
    co=None,
    assigned=None,
    due=None,
    reason=None,
    source=None,
    source_date=None,
    assigned_by=None,
    note=None,
    result=None,
    done=None,
    starred=None,
    amend=None,
    calendar: Calendar | None = None,
) -> list[str]:
    """Correct a task's record; returns the names of the fields that changed. `starred`
    (True, False or None: unchanged) marks or unmarks a key task (docs/commands.md `edit`)."""
    wanted: dict = {}
    if starred is not None:
        wanted["starred"] = bool(starred)
    if title is not None:
        wanted["title"] = nfc(title)
        if not wanted["title"]:
            raise BadInput("title_empty")
    if assigned is not None:
        new_assigned = parse_date(assigned, today, calendar)
        not_after_today(new_assigned, today)
        wanted["assigned_on"] = iso(new_assigned)
    if due is not None:
        wanted["due_on"] = None if fold(due) in ("none", "khong") else iso(parse_deadline(due, today, calendar))
        if not nfc(reason):
            raise BadInput("reason_needed", what=Ref("what_edit_due"))
    if done is not None:
        done_day = parse_date(done, today, calendar)
        not_future("what_done", done_day, today)
        wanted["done_on"] = iso(done_day)
    for field, value in (("source", source), ("assigned_by", assigned_by), ("note", note), ("result", result)):
        if value is not None:
            wanted[field] = nfc(value) or None
    if source_date is not None:
        wanted["source_date"] = iso(parse_date(source_date, today, calendar)) if source_date.strip() else None
    if not wanted and agency is None and co is None:
        raise BadInput("nothing_to_edit")
    with store.write():
        task = _task_or_refuse(store, task_id, today)
        if "done_on" in wanted and not task["done_on"]:
            raise Refused("edit_done_not_done", id=task_id)
        agencies = store.agencies()
        fields = {k: v for k, v in wanted.items() if task[k] != v}
        before = {k: task[k] for k in fields}
        after = dict(fields)
        if agency is not None:
            lead = check_lead(find_agency(agencies, agency), wanted.get("assigned_on", task["assigned_on"]))
            if lead["id"] != task["agency_id"]:
                fields["agency_id"] = lead["id"]
                before["agency"], after["agency"] = task["agency"], lead["code"]
        lead_id = fields.get("agency_id", task["agency_id"])
        if co is not None:
            codes = []
            for typed in co:
                if fold(typed) in ("", "none", "khong"):
                    continue  # `--co none` clears the list
                other = check_merged(find_agency(agencies, typed), iso(today))
                if other["id"] != lead_id and other["code"] not in codes:
                    codes.append(other["code"])
            if sorted(codes) != task["co_agencies"]:
                before["co_agencies"], after["co_agencies"] = task["co_agencies"], sorted(codes)
        if not before:
            return []
        merged = {**task, **fields}
        _check_dates(merged)
        changed = list(after)
        if "done_on" in fields:  # a changed completion awaits confirmation again (SPEC §12)
            for key, value in _raised(store, today).items():
                if task[key] != value:
                    fields[key], before[key], after[key] = value, task[key], value
        guard = Guard(store, amend)
        before_positions = guard.before(task_id)
        store.update_task(task_id, fields)
        if "co_agencies" in after:
            by_code = {a["code"]: a["id"] for a in agencies}
            store.set_co_agencies(task_id, [by_code[c] for c in after["co_agencies"]])
        event_id = store.event(
            "edit",
            task_id,
            before=before,
            after=after,
            reason=nfc(reason) or None,
            correction_from=_edit_reaches_back(task, before, after),
        )
        if "due_on" in fields:
            store.add_deadline(task_id, fields["due_on"], "correction", iso(today), nfc(reason), event_id)
        guard.after(task_id, before_positions)
    return changed


def _edit_reaches_back(task: dict, before: dict, after: dict) -> str | None:
    """The first day whose report an edit of a figure field changes (None: it changes none).

    The earliest date the edit touches, old or new; a new lead agency moves the task's
    row in every report since its assignment. Earlier is safe: it only widens the
    reports said to have moved.
    """
    touched = FIGURE_FIELDS & set(after)
    if not touched:
        return None
    days = [v for k in touched - {"agency"} for v in (before.get(k), after.get(k)) if v]
    if "agency" in touched:
        days.append(task["assigned_on"])
    return min(days) if days else task["assigned_on"]


def _check_dates(task: dict) -> None:
    """A corrected record must still hang together: nothing happens before the assignment."""
    assigned = task["assigned_on"]
    for field, what in (("due_on", "what_due_lc"), ("done_on", "what_done_lc"), ("cancelled_on", "what_cancel_lc")):
        if task[field] and task[field] < assigned:
            raise BadInput("assigned_after", on=Day(assigned), what=Ref(what), other=Day(task[field]))


# -- reading --------------------------------------------------------------------------------


def task_history(store: Store, task_id: int) -> tuple[list[dict], bool]:
    """A task's events (the import that brought it included), and whether any of them
    changed what past reports say."""
    events = store.events(task_id=task_id, with_import=True)
    return events, any(is_correction(e) for e in events)


def is_correction(e: dict) -> bool:
    """Whether an event changed what a report as of an earlier day said (SPEC §2).

    Recorded since migration 0005 as `correction_from`; events recorded before it are
    judged by what they hold. Imported history is what a file claims, never a correction.
    """
    if e.get("imported_by") is not None:
        return False
    if e.get("correction_from"):
        return True
    after, before = e["after"] or {}, e["before"] or {}
    return (
        e["action"] == "reopen"
        or (e["action"] == "done" and bool(after.get("backdated")))
        or (e["action"] == "edit" and bool(FIGURE_FIELDS & set(after)))
        or (e["action"] == "extend" and isinstance(before.get("due_on"), str) and str(e["at"])[:10] > before["due_on"])
    )
