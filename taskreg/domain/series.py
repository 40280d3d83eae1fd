"""Periodic tasks (nhiệm vụ định kỳ; docs/commands.md "recur"): a series and the tasks it makes.

A series makes one ordinary task per period (month, quarter, half-year, year), through
`taskreg.domain.tasks.add_task`, each in its own transaction with its `add` event: counted,
listed, done and extended like any other, entered late when created after its assignment
date. Tasks are made for every period that has started, up to the one holding today, never
ahead, by `recur add` and `recur sync` alone. A period's task's uid is a UUID5 of the series'
uid and the period's first day, and the register holds at most one task per series and
period (migration 0017's `tasks_series_period`), so no sync ever makes a second one.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date

# python-dateutil ships no type hints (as taskreg.domain.dates says).
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

from taskreg.domain.agencies import check_lead, check_merged, find_agency
from taskreg.domain.dates import ROMAN_OF, from_iso, iso, parse_date
from taskreg.domain.errors import BadInput, Refused, TaskregError
from taskreg.domain.model import EVERY, check_choice
from taskreg.domain.store import Store
from taskreg.domain.tasks import add_task
from taskreg.domain.text import fold, nfc

#: Each period's length in months.
MONTHS = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}
assert tuple(MONTHS) == EVERY
#: What `recur edit` may change, as its event names them.
EDITABLE = ("title", "agency", "co_agencies", "due_day", "due_after", "starred")
#: A series as `recur list --format json` and `recur show --format json` give it.
SERIES_FIELDS = (
    "id",
    "uid",
    "title",
    "agency",
    "co_agencies",
    "every",
    "due_day",
    "due_after",
    "starred",
    "from_on",
    "stopped_on",
    "tasks",
)


def period_start(every: str, day: date) -> date:
    """The first day of the period of kind `every` that holds `day`."""
    n = MONTHS[every]
    return date(day.year, (day.month - 1) // n * n + 1, 1)


def next_start(every: str, start: date) -> date:
    return start + relativedelta(months=MONTHS[every])


def deadline(every: str, start: date, due_day: int, after: bool) -> date:
    """Day `due_day` (clipped to the month's end) of the period's last month, or with
    `after` of the month after the period ends."""
    month = start + relativedelta(months=MONTHS[every] - 1 + (1 if after else 0))
    last = (month + relativedelta(months=1, days=-1)).day
    return month.replace(day=min(due_day, last))


def period_label(every: str, start: date) -> str:
    """The period as a period's task's title ends, in Vietnamese whatever the output language
    (a title is data): "tháng 3/2026", "quý I/2026", "6 tháng đầu năm 2026", "năm 2026"."""
    if every == "month":
        return f"tháng {start.month}/{start.year}"
    if every == "quarter":
        return f"quý {ROMAN_OF[(start.month - 1) // 3 + 1]}/{start.year}"
    if every == "half-year":
        return f"6 tháng {'đầu' if start.month == 1 else 'cuối'} năm {start.year}"
    return f"năm {start.year}"


def task_uid(series_uid: str, start: date) -> str:
    """A period's task's uid: the same in every register that holds the series."""
    return str(uuid.uuid5(uuid.UUID(series_uid), iso(start)))


@dataclass(frozen=True)
class Period:
    """A period a series makes a task for: its first day, the task's assignment and deadline."""

    start: date
    assigned: date
    due: date


def periods(series: dict, today: date) -> list[Period]:
    """The periods of `series` that have started by `today` (never one ahead), from the one
    holding its first day, none starting after its stop date. Each task is assigned on its
    period's first day, or on the series' first day if later; a first period whose deadline
    comes before the series' first day is skipped."""
    first_day = from_iso(series["from_on"])
    stopped = from_iso(series["stopped_on"])
    assert first_day is not None  # a series has its first day (NOT NULL)
    every = series["every"]
    start = period_start(every, first_day)
    found = []
    while start <= today and (stopped is None or start <= stopped):
        assigned = max(start, first_day)
        if assigned > today:
            break
        due = deadline(every, start, series["due_day"], series["due_after"])
        if not (assigned == first_day and due < first_day):
            found.append(Period(start, assigned, due))
        start = next_start(every, start)
    return found


def check_due_day(value: int) -> int:
    if not 1 <= value <= 31:
        raise BadInput("recur_due_day", n=value)
    return value


def _series_or_refuse(store: Store, series_id: int) -> dict:
    found = store.series(series_id)
    if not found:
        raise Refused("series_missing", id=series_id)
    return found[0]


def _co_ids(agencies: list[dict], typed, lead_id: int, day: str) -> list[int]:
    """The coordinating agencies typed (`--co none` clears them), less the lead and repeats."""
    ids: list[int] = []
    for name in typed:
        if fold(name) in ("", "none", "khong"):
            continue
        other = check_merged(find_agency(agencies, name), day)
        if other["id"] != lead_id and other["id"] not in ids:
            ids.append(other["id"])
    return ids


def add_series(
    store: Store,
    today: date,
    *,
    title: str,
    agency: str,
    every: str,
    due_day: int,
    after: bool = False,
    start=None,
    co=(),
    starred: bool = False,
) -> int:
    """A new series, audited (`recur_add`); its tasks are then made by `sync_series`."""
    title = nfc(title) or ""
    if not title:
        raise BadInput("title_empty")
    check_choice(every, EVERY, "--every")
    check_due_day(due_day)
    from_on = parse_date(start, today) if start else today
    with store.write():
        agencies = store.agencies()
        lead = check_lead(find_agency(agencies, agency), iso(from_on))
        co_ids = _co_ids(agencies, co, lead["id"], iso(from_on))
        fields = {
            "uid": str(uuid.uuid4()),
            "title": title,
            "agency_id": lead["id"],
            "every": every,
            "due_day": due_day,
            "due_after": bool(after),
            "starred": bool(starred),
            "from_on": iso(from_on),
            "stopped_on": None,
        }
        series_id = store.insert_series(fields, co_ids)
        codes = {a["id"]: a["code"] for a in agencies}
        after_ = {k: v for k, v in fields.items() if k != "agency_id" and k != "stopped_on"}
        store.event(
            "recur_add",
            after={
                "series": series_id,
                **after_,
                "agency": lead["code"],
                "co_agencies": sorted(codes[i] for i in co_ids),
            },
        )
    return series_id


def edit_series(
    store: Store,
    today: date,
    series_id: int,
    *,
    title=None,
    agency=None,
    co=None,
    due_day=None,
    after=None,
    starred=None,
) -> list[str]:
    """Change what a series gives the tasks it has not made yet (audited, `recur_edit`); the
    tasks already made keep theirs. The names of the fields changed."""
    wanted: dict = {}
    if title is not None:
        wanted["title"] = nfc(title)
        if not wanted["title"]:
            raise BadInput("title_empty")
    if due_day is not None:
        wanted["due_day"] = check_due_day(due_day)
    if after is not None:
        wanted["due_after"] = bool(after)
    if starred is not None:
        wanted["starred"] = bool(starred)
    if not wanted and agency is None and co is None:
        raise BadInput("recur_nothing_to_edit")
    with store.write():
        series = _series_or_refuse(store, series_id)
        agencies = store.agencies()
        fields = {k: v for k, v in wanted.items() if series[k] != v}
        before = {k: series[k] for k in fields}
        changed = dict(fields)
        if agency is not None:
            lead = check_lead(find_agency(agencies, agency), iso(today))
            if lead["id"] != series["agency_id"]:
                fields["agency_id"] = lead["id"]
                before["agency"], changed["agency"] = series["agency"], lead["code"]
        lead_id = fields.get("agency_id", series["agency_id"])
        co_ids = None
        if co is not None:
            co_ids = _co_ids(agencies, co, lead_id, iso(today))
        elif "agency_id" in fields:  # the new lead is no longer one of its coordinating agencies
            co_ids = [a["id"] for a in agencies if a["code"] in series["co_agencies"] and a["id"] != lead_id]
        if co_ids is not None:
            codes = sorted(a["code"] for a in agencies if a["id"] in co_ids)
            if codes != series["co_agencies"]:
                before["co_agencies"], changed["co_agencies"] = series["co_agencies"], codes
            else:
                co_ids = None
        if not changed:
            return []
        store.update_series(series_id, fields)
        if co_ids is not None:
            store.set_series_co(series_id, co_ids)
        store.event("recur_edit", before={"series": series_id, **before}, after={"series": series_id, **changed})
    return [k for k in EDITABLE if k in changed]


def stop_series(store: Store, today: date, series_id: int, on=None) -> tuple[str | None, str]:
    """Make nothing for the periods starting after `on` (default today); the tasks already
    made stay (audited, `recur_stop`). The stop date it had, and the new one."""
    day = iso(parse_date(on, today) if on else today)
    with store.write():
        series = _series_or_refuse(store, series_id)
        old = series["stopped_on"]
        if old != day:
            store.update_series(series_id, {"stopped_on": day})
            store.event(
                "recur_stop",
                before={"series": series_id, "stopped_on": old},
                after={"series": series_id, "stopped_on": day},
            )
    return old, day


@dataclass
class Synced:
    """What a sync did: the tasks made (series id, task id), the periods left out because
    their task would move a published figure (series, period label, the refusal), and those
    that failed for another reason (series, period label, the error)."""

    made: list[tuple[int, int]] = field(default_factory=list)
    locked: list[tuple[dict, str, TaskregError]] = field(default_factory=list)
    failed: list[tuple[dict, str, TaskregError]] = field(default_factory=list)


def sync_series(store: Store, today: date, only: int | None = None, amend=None) -> Synced:
    """Make the missing tasks of every series not stopped before today's periods (or of the
    series `only`), each in its own transaction: on PostgreSQL those the login may write
    (another agency's series are left to their own writers). Under `lock-published` a
    period whose task would move a published figure is left out and reported, unless
    `amend` (--amend-published) amends them."""
    done = Synced()
    for series in store.series(only):
        if only is None:
            try:
                store.may_write(series["agency_id"])
            except Refused:
                continue  # another agency's: its own writers' sync makes its tasks
        made = store.series_tasks(series["id"])
        for period in periods(series, today):
            if iso(period.start) in made:
                continue
            label = period_label(series["every"], period.start)
            try:
                task_id = add_task(
                    store,
                    today,
                    title=f"{series['title']} {label}",
                    agency=series["agency"],
                    co=series["co_agencies"],
                    due=iso(period.due),
                    assigned=iso(period.assigned),
                    starred=series["starred"],
                    uid=task_uid(series["uid"], period.start),
                    amend=amend,
                    series=(series["id"], iso(period.start)),
                )
            except store.row_conflict:
                continue  # made meanwhile by another sync: the register holds one per period
            except Refused as e:
                if e.key.startswith("published_locked"):
                    done.locked.append((series, label, e))
                else:
                    done.failed.append((series, label, e))
                continue
            except BadInput as e:  # its agency retired meanwhile, say
                done.failed.append((series, label, e))
                continue
            done.made.append((series["id"], task_id))
    return done


def public_series(series: dict) -> dict:
    """A series as JSON gives it (SERIES_FIELDS)."""
    return {k: series[k] for k in SERIES_FIELDS}
