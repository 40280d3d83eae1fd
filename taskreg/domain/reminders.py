"""Reminders (đôn đốc, docs/commands.md "remind"): what each lead agency is reminded of as of
a day, and the `remind` events a reminder the mail server accepted records.

As of D, an agency is reminded of its open overdue tasks, most overdue first, and of its
tasks due soon, soonest first: by default those whose days left (deadline − D) is one of
the setting `remind-days` (7;3;1: a daily run reminds 7, 3 and 1 days ahead); with a
window (`--within N`, or the setting `remind-within`) every open task due from D to D + N.
The states are taskreg.domain.states' (the store's `status`), never decided here.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from taskreg.domain.addresses import parse_addresses
from taskreg.domain.dates import from_iso, iso
from taskreg.domain.model import SETTINGS, check_days, check_days_left
from taskreg.domain.store import Store


@dataclass
class Reminder:
    """One agency's reminder as of a day: its overdue tasks and its tasks due soon."""

    agency: dict
    overdue: list[dict] = field(default_factory=list)
    due_soon: list[dict] = field(default_factory=list)

    @property
    def tasks(self) -> list[dict]:
        return self.overdue + self.due_soon

    @property
    def addresses(self) -> list[str]:
        return parse_addresses(self.agency.get("email"))


def cadence(store: Store, within: int | None) -> tuple[tuple[int, ...], int | None]:
    """The days left a task is due soon on, or the window (`--within`, else the setting
    `remind-within`): (days, None) or ((), window)."""
    if within is None and store.setting("remind-within"):
        within = int(check_days(store.setting("remind-within") or ""))
    if within is not None:
        return (), int(check_days(str(within), "--within"))
    days = check_days_left(store.setting("remind-days") or SETTINGS["remind-days"][1] or "")
    return tuple(int(d) for d in days.split(";")), None


def reminders(
    store: Store, as_of: date, days: tuple[int, ...], within: int | None, agencies: list[dict] | None = None
) -> list[Reminder]:
    """Each lead agency with something to remind as of `as_of` (in code order), or only
    `agencies`."""
    on = iso(as_of)
    horizon = within if within is not None else max(days, default=0)
    wanted = {a["id"] for a in agencies} if agencies is not None else None
    found: dict[int, Reminder] = {}
    directory = {a["id"]: a for a in store.agencies()}

    def of(task: dict) -> Reminder | None:
        if wanted is not None and task["agency_id"] not in wanted:
            return None
        return found.setdefault(task["agency_id"], Reminder(directory[task["agency_id"]]))

    for task in store.tasks(on, statuses=["overdue"], with_co=False, sort="due"):
        if (r := of(task)) is not None:
            r.overdue.append(task)
    soon = store.tasks(
        on,
        statuses=["in_progress"],
        due_from=on,
        due_to=iso(as_of + timedelta(days=horizon)),
        with_co=False,
        sort="due",
    )
    for task in soon:
        left = (from_iso(task["due_on"]) - as_of).days  # type: ignore[operator]  # due_from: it has one
        if (within is not None or left in days) and (r := of(task)) is not None:
            r.due_soon.append(task)
    return sorted(found.values(), key=lambda r: r.agency["code"])


def record_reminder(store: Store, reminder: Reminder, today: date, sent_to: list[str]) -> None:
    """What a mail server accepted: one `remind` event per task the reminder names, dated
    the day recorded, in one transaction."""
    with store.write():
        for task in reminder.tasks:
            store.event("remind", task_id=task["id"], after={"to": ";".join(sent_to)}, claimed_on=iso(today))
