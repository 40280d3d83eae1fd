"""Mergers (sáp nhập; docs/commands.md "agency merge, unmerge"): an agency merged into another
on a date, and a mistaken merger undone. The lead agency as of a date is worked out when read
(taskreg.domain.states `lead_sql`); what a merger writes is its row, its event, the open
tasks' coordinating agencies and the series it moves. Each is one transaction."""

from datetime import date

from taskreg.domain.agencies import find_agency
from taskreg.domain.dates import iso, parse_date
from taskreg.domain.errors import BadInput, Day, Refused
from taskreg.domain.guard import Guard
from taskreg.domain.store import Store
from taskreg.domain.text import nfc


def _inactive(agency: dict, day: str) -> bool:
    """Whether `agency` is not active on `day`: retired or merged away by then."""
    if agency.get("retired_on") and agency["retired_on"] <= day:
        return True
    if agency.get("merged_on") and agency["merged_on"] <= day:
        return True
    return False


def merge_agencies(
    store: Store, today: date, olds: list[str], into: str, on: str, amend: str | None = None
) -> tuple[list[dict], dict, str, list[int]]:
    """Merge each of `olds` into `into` on `on` (docs/commands.md "agency merge, unmerge"): (the old agencies, the
    new one, the day, the open tasks whose coordinating agencies changed)."""
    day_date = parse_date(on, today)
    if day_date > today:
        raise BadInput("merge_future", on=Day(iso(day_date)))
    day = iso(day_date)
    with store.write():
        guard = Guard(store, amend)
        agencies = store.agencies()
        mergers = [m for m in store.mergers() if m["undone_event"] is None]
        new = find_agency(agencies, into)
        if _inactive(new, day):
            raise BadInput("merge_inactive", code=new["code"], on=Day(day))
        found: list[dict] = []
        for typed in olds:
            old = find_agency(agencies, typed)
            if old["id"] == new["id"]:
                raise BadInput("merge_self", code=old["code"])
            if _inactive(old, day) or any(m["new_agency_id"] == old["id"] and m["merged_on"] > day for m in mergers):
                raise BadInput("merge_inactive", code=old["code"], on=Day(day))
            if old not in found:
                found.append(old)
        co_tasks = merge_in(store, guard, found, new, day, today)
    return found, new, day, co_tasks


def merge_in(store: Store, guard: Guard, found: list[dict], new: dict, day: str, today: date, **recorded) -> list[int]:
    """Inside a write: merge the agencies `found` into `new` on `day`, as checked by
    `merge_agencies` (the demo's own mergers too, `recorded` giving their day): the merger,
    its event, the coordinating agencies of open tasks and the series. The open tasks whose
    coordinating agencies changed."""
    agencies = store.agencies()
    mergers = [m for m in store.mergers() if m["undone_event"] is None]
    # the tasks whose lead may move: those stored under an old agency or one merged into it
    chained = {o["id"] for o in found}
    grew = True
    while grew:
        grew = False
        for m in mergers:
            if m["new_agency_id"] in chained and m["old_agency_id"] not in chained:
                chained.add(m["old_agency_id"])
                grew = True
    moved_ids = store.task_ids(sorted(chained)) if guard.pubs else []
    before = {t: guard.before(t) for t in moved_ids}
    # Open tasks' coordinating agencies: OLD becomes NEW, dropping repeats and the lead as
    # of today (NEW, for a task an old agency leads open, as the merger makes it).
    old_ids = {o["id"] for o in found}
    by_code = {a["code"]: a["id"] for a in agencies}
    co_lists: dict[int, list[int]] = {}
    co_before: dict[str, list[str]] = {}  # what unmerge restores
    for t in sorted({t for a in old_ids | {new["id"]} for t in store.open_with_co(a)}):
        task = store.task(t, iso(today))
        assert task is not None  # listed just above, in this transaction
        lead = new["id"] if task["agency_id"] in chained else by_code[task["agency"]]
        ids: list[int] = []
        for code in task["co_agencies"]:
            a = new["id"] if by_code[code] in old_ids else by_code[code]
            if a != lead and a not in ids:
                ids.append(a)
        if sorted(ids) != sorted(by_code[c] for c in task["co_agencies"]):
            co_lists[t], co_before[str(t)] = ids, task["co_agencies"]
    co_tasks = sorted(co_lists)
    series = [s["id"] for s in store.series() if s["agency_id"] in {o["id"] for o in found}]
    event_id = store.event(
        "agency_merge",
        before={"agencies": [o["code"] for o in found]},
        after={
            "agencies": [o["code"] for o in found],
            "into": new["code"],
            "on": day,
            "co_agencies": co_before,
            "series": series,
        },
        correction_from=day if day < iso(today) else None,
        **recorded,
    )
    for old in found:
        store.add_merger(old["id"], new["id"], day, event_id)
    for t in moved_ids:
        guard.after(t, before[t])
    for t, ids in co_lists.items():
        store.set_co_agencies(t, ids)
    for s in series:
        store.update_series(s, {"agency_id": new["id"]})
    return co_tasks


def unmerge_agency(store: Store, today: date, typed: str, reason: str) -> tuple[dict, dict]:
    """Undo the merger in force of `typed` (a mistaken one), a correction from its day: its
    tasks are its own again as of every date; the coordinating agencies and series the
    merger moved go back. (the old agency, the merger undone)."""
    reason = nfc(reason) or ""
    if not reason.strip():
        raise BadInput("unmerge_reason")
    with store.write():
        old = find_agency(store.agencies(), typed)
        merger = next(
            (m for m in store.mergers() if m["old_agency_id"] == old["id"] and m["undone_event"] is None), None
        )
        if merger is None:
            raise Refused("unmerge_none", code=old["code"])
        recorded = store.merger_event(merger["event_id"]) or {}
        event_id = store.event(
            "agency_unmerge",
            before={"code": old["code"], "into": merger["new"], "on": merger["merged_on"]},
            after={"code": old["code"], "into": None},
            reason=reason,
            correction_from=merger["merged_on"],
        )
        store.undo_merger(merger["id"], event_id)
        by_code = {a["code"]: a["id"] for a in store.agencies()}
        for t, codes in recorded.get("co_agencies", {}).items():
            task = store.task(int(t), iso(today))
            if task is not None and not task["done_on"] and not task["cancelled_on"]:
                store.set_co_agencies(task["id"], [by_code[c] for c in codes])
        for s in recorded.get("series", []):
            store.update_series(s, {"agency_id": old["id"]})
    return old, merger


def agency_history(task: dict, codes: dict[int, str], chains: dict[int, list[tuple[str, str]]]) -> list[dict]:
    """The task's lead agencies, each with the day it took the task (the JSON `agency_history`):
    its stored agency from its assignment, then each merger along its agency's chain
    (`store.merger_chains()`) that it reached open, as taskreg.domain.states `lead_sql` reads
    them. A merger dated on or before the assignment (recorded late) gives the task to its
    new agency from the start."""
    history = [{"agency": codes[task["agency_id"]], "from": task["assigned_on"]}]
    closed = min((d for d in (task["done_on"], task["cancelled_on"]) if d), default=None)
    for code, on in chains.get(task["agency_id"], []):
        if closed is not None and closed < on:
            break
        if on <= task["assigned_on"]:
            history[-1]["agency"] = code
        else:
            history.append({"agency": code, "from": on})
    return history
