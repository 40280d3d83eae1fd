"""The figures a report publishes: counts from the store's aggregate, rates, and the check.

Counting is the database's job (Store.counts, using the one state definition);
this module only does arithmetic on the counts and orders the agencies.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from taskreg.domain.dates import Period, from_iso, iso
from taskreg.domain.model import COUNTS, DEFAULT_WINDOW
from taskreg.domain.states import FOUR
from taskreg.domain.store import Store


@dataclass
class Figures:
    """The counts of one population (the whole report, or one agency's row)."""

    population: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    in_progress: int = 0
    cancelled: int = 0
    no_deadline: int = 0
    oldest_overdue_days: int | None = None
    #: The update rate's counts (SPEC §12, taskreg.domain.states `freshness_sql`): read live,
    #: never published (progress reports are never backdated).
    must_update: int = 0
    updated: int = 0
    #: Of the completed tasks, those awaiting the office's confirmation (SPEC §12): said by
    #: every report, never a published figure (not in COUNTS, so not in a publication's body).
    awaiting: int = 0
    agency: str | None = None
    agency_name: str | None = None

    @property
    def total(self) -> int:
        """The four states' sum: the tasks the report counts (cancelled ones are not)."""
        return self.on_time + self.late + self.overdue + self.in_progress

    @property
    def completed(self) -> int:
        return self.on_time + self.late

    @property
    def check(self) -> bool:
        """The four states partition the population less its cancelled tasks."""
        return self.population - self.cancelled == self.total

    def completion_rate(self, basis: str) -> float | None:
        denominator = self.completed + self.overdue if basis == "due" else self.total
        return percent(self.completed, denominator)

    @property
    def on_time_rate(self) -> float | None:
        return percent(self.on_time, self.completed)

    @property
    def update_rate(self) -> float | None:
        return percent(self.updated, self.must_update)

    def as_json(self, basis: str, update_rate: bool = True) -> dict:
        out = {
            "total": self.total,
            **{k: getattr(self, k) for k in FOUR},
            "cancelled": self.cancelled,
            "no_deadline": self.no_deadline,
            "must_update": self.must_update,
            "updated": self.updated,
            "rates": {
                "basis": basis,
                "completion": self.completion_rate(basis),
                "on_time": self.on_time_rate,
                "updated": self.update_rate,
            },
            "oldest_overdue_days": self.oldest_overdue_days,
            "check": self.check,
            "awaiting_confirmation": self.awaiting,
        }
        if not update_rate:  # published figures (docs/reports.md "The update rate")
            del out["must_update"], out["updated"], out["rates"]["updated"]
        if self.agency is not None:
            out = {"agency": self.agency, "name": self.agency_name, **out}
        return out


def percent(part: int, whole: int) -> float | None:
    """part ÷ whole as a percentage to two decimals (half up); None when whole is 0."""
    if not whole:
        return None
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return float(value)


@dataclass
class Report:
    period: Period
    as_of: date
    basis: str
    whole: Figures
    rows: list[Figures] = field(default_factory=list)
    #: Tasks of the population corrected, and entered late, after the as-of date (SPEC §2).
    corrected_after: int = 0
    entered_after: int = 0
    #: The update window in days (setting `update-window`), whose counts the figures give;
    #: None for published figures, which carry no update rate (docs/reports.md).
    window: int | None = DEFAULT_WINDOW
    #: Whether it counts the key tasks alone (`report --starred`, docs/reports.md).
    starred: bool = False


def report_as_of(period: Period, today: date, as_of: date | None) -> date:
    """A report is as of --as-of, else the period's last day, or today while it runs."""
    if as_of is not None:
        return as_of
    return min(period.end, today)


def update_window(store: Store) -> int:
    """The update window in days: the setting `update-window` (taskreg.domain.model)."""
    return int(store.setting("update-window") or DEFAULT_WINDOW)


def updated_since(as_of: date, window: int) -> date:
    """The first day of the update window that ends on the as-of date (SPEC §12)."""
    return as_of - timedelta(days=window - 1)


def build(
    store: Store,
    period: Period,
    as_of: date,
    basis: str,
    agency: dict | None = None,
    by_agency: bool = False,
    starred: bool = False,
) -> Report:
    """Count the tasks assigned in the period (up to the as-of date) by their state then;
    with `starred`, the key tasks alone."""
    end = min(period.end, as_of)
    window = update_window(store)

    def figures(row: dict) -> Figures:
        oldest = row.pop("oldest_overdue_due")
        row.pop("agency_id")
        oldest_due = from_iso(oldest)
        days = (as_of - oldest_due).days if oldest_due else None
        return Figures(**row, oldest_overdue_days=days)

    agency_id = agency["id"] if agency else None
    report = Report(period, as_of, basis, Figures(), window=window, starred=starred)
    if end < period.start:
        return report  # a period wholly after the as-of date is empty
    since = iso(updated_since(as_of, window))
    rows = store.counts(iso(period.start), iso(end), iso(as_of), since, agency_id, by_agency=by_agency, starred=starred)
    report.corrected_after, report.entered_after = store.recorded_after(
        iso(period.start), iso(end), iso(as_of), iso(as_of + timedelta(days=1)), agency_id, starred=starred
    )
    if not by_agency:
        report.whole = figures(rows[0]) if rows else Figures()
        return report
    # One aggregate query gives every agency's row; the whole is their sum.
    names = {a["id"]: a for a in store.agencies()}
    for row in rows:
        found = names[row["agency_id"]]
        f = figures(row)
        f.agency, f.agency_name = found["code"], found["name"]
        report.rows.append(f)
    whole = report.whole
    for f in report.rows:
        for key in (*COUNTS, "must_update", "updated", "awaiting"):
            setattr(whole, key, getattr(whole, key) + getattr(f, key))
    ages = [f.oldest_overdue_days for f in report.rows if f.oldest_overdue_days is not None]
    whole.oldest_overdue_days = max(ages) if ages else None
    if report.rows:
        # Worst completion rate first; a rate that cannot be computed sorts last; ties by code.
        report.rows.sort(key=lambda f: (f.completion_rate(basis) is None, f.completion_rate(basis) or 0.0, f.agency))
    return report
