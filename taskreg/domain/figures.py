"""The figures a report publishes: counts from the store's aggregate, rates, and the check.

Counting is the database's job (Store.counts, using the one state definition);
this module only does arithmetic on the counts and orders the agencies.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from taskreg.domain.dates import Period, from_iso, iso
from taskreg.domain.model import COUNTS, DEFAULT_WINDOW
from taskreg.domain.states import FOUR
from taskreg.domain.store import Store
from taskreg.domain.text import fold, symbol_key


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


@dataclass
class GroupRow(Figures):
    """A row of `report --by source|assigned-by` (taskreg.domain.model `GROUPS`, docs/reports.md):
    the field it groups by, its label (the spelling used most often; None for the row of the
    tasks without one) and, for a source document, its year."""

    group: str = "source"
    label: str | None = None
    year: int | None = None

    def as_json(self, basis: str, update_rate: bool = True) -> dict:
        key = {"source": self.label, "source_year": self.year} if self.group == "source" else {self.group: self.label}
        return {**key, **super().as_json(basis, update_rate)}


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
    #: Its rows' grouping besides agencies (taskreg.domain.model `GROUPS`): rows of `GroupRow`.
    group: str | None = None


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
    group: str | None = None,
) -> Report:
    """Count the tasks assigned in the period (up to the as-of date) by their state then;
    with `starred`, the key tasks alone; with `group` ("source" or "assigned_by"), one row
    per assigning document or directing leader (`grouped`) in place of one per agency."""
    end = min(period.end, as_of)
    window = update_window(store)

    def figures(row: dict) -> Figures:
        oldest = row.pop("oldest_overdue_due")
        row.pop("agency_id")
        oldest_due = from_iso(oldest)
        days = (as_of - oldest_due).days if oldest_due else None
        return Figures(**row, oldest_overdue_days=days)

    agency_id = agency["id"] if agency else None
    report = Report(period, as_of, basis, Figures(), window=window, starred=starred, group=group)
    if end < period.start:
        return report  # a period wholly after the as-of date is empty
    since = iso(updated_since(as_of, window))
    rows = store.counts(
        iso(period.start), iso(end), iso(as_of), since, agency_id, by_agency=by_agency, starred=starred, group=group
    )
    report.corrected_after, report.entered_after = store.recorded_after(
        iso(period.start), iso(end), iso(as_of), iso(as_of + timedelta(days=1)), agency_id, starred=starred
    )
    if group is not None:
        keys = [(row.pop("group_text"), row.pop("group_year")) for row in rows]
        report.rows.extend(grouped(group, [(*key, figures(row)) for key, row in zip(keys, rows)]))
    elif not by_agency:
        report.whole = figures(rows[0]) if rows else Figures()
        return report
    else:
        # One aggregate query gives every agency's row; the whole is their sum.
        names = {a["id"]: a for a in store.agencies()}
        for row in rows:
            found = names[row["agency_id"]]
            f = figures(row)
            f.agency, f.agency_name = found["code"], found["name"]
            report.rows.append(f)
    for f in report.rows:  # the whole is the rows' sum
        add_to(report.whole, f)
    if report.rows:
        # Worst completion rate first; a rate that cannot be computed sorts last; ties by code
        # (by label, then year, the row of tasks without a document or leader last: `grouped`).
        report.rows.sort(key=lambda f: (f.completion_rate(basis) is None, f.completion_rate(basis) or 0.0, _tie(f)))
    return report


def _tie(f: Figures) -> tuple:
    """The order of rows whose completion rates are equal: by agency code, or by label (in
    code-point order) and year with the row without a label last."""
    if not isinstance(f, GroupRow):
        return (False, f.agency or "", 0)
    return (f.label is None, f.label or "", f.year or 0)


def group_key(group: str, text: str | None, year: int | None) -> tuple[str, int | None] | None:
    """What makes two stored values one row of `report --by source|assigned-by`: a document
    symbol's normal form (taskreg.domain.text `symbol_key`, as `list --search` finds a symbol:
    case, diacritics, spaces and hyphens aside) with its document's year (numbers restart every
    year); a leader's name folded (`fold`: case and diacritics aside, spaces collapsed). None
    for a task without one."""
    if text is None or not text.strip():
        return None
    return (symbol_key(text), year) if group == "source" else (fold(text), None)


def grouped(group: str, raw: list[tuple[str | None, int | None, Figures]]) -> list[GroupRow]:
    """The store's rows of each stored spelling (and year) folded into one row per document or
    leader (`group_key`), labelled with the spelling most tasks carry (ties: the first in
    code-point order); the tasks without one in one row, labelled None."""
    folded: dict[tuple[str, int | None] | None, GroupRow] = {}
    spellings: dict[tuple[str, int | None] | None, Counter[str]] = {}
    for text, year, f in raw:
        key = group_key(group, text, year)
        if key not in folded:
            folded[key] = GroupRow(group=group, year=key[1] if key else None)
            spellings[key] = Counter()
        add_to(folded[key], f)
        if key is not None and text is not None:
            spellings[key][text] += f.population
    for key, f in folded.items():
        if key is not None:
            f.label = min(spellings[key].items(), key=lambda s: (-s[1], s[0]))[0]
    return list(folded.values())


def add_to(whole: Figures, f: Figures) -> None:
    """Add a row's counts to a sum of rows: the counts, the update rate's and those awaiting
    confirmation, and the oldest overdue age."""
    for key in (*COUNTS, "must_update", "updated", "awaiting"):
        setattr(whole, key, getattr(whole, key) + getattr(f, key))
    ages = [a for a in (whole.oldest_overdue_days, f.oldest_overdue_days) if a is not None]
    whole.oldest_overdue_days = max(ages) if ages else None
