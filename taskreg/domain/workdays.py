"""Working days (ngày làm việc, docs/commands.md "Dates"): the `holidays` library's Viet Nam
calendar (weekends and public holidays off, Tết by the lunar calendar, the Saturdays it knows
were swapped in as working days), less the register's setting `days-off`, plus its setting
`workdays`.

The library is imported only when a working day is asked about (`+Nwd`, `taskreg days-off`),
never at the top of a module: every other command starts without it (docs/design.md
"Dependencies"). Nothing here reads a register: the command hands in the two settings.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

#: The most working days `+Nwd` counts: about fifteen years, far beyond any real deadline,
#: and few enough that counting them day by day stays quick.
MAX_WORKDAYS = 3660

#: The library's languages for the names of the holidays, by output language (taskreg.domain.model.LANGS).
LIBRARY_LANG = {"vi": "vi", "en": "en_US"}

_LIBRARY: dict[str, Any] = {}  # the library's calendar, by its language, made once per process


def library(lang: str = "vi") -> Any:
    """The `holidays` library's Viet Nam calendar, its names in `lang` (an output language).
    It fills in each year the first time a date of that year is asked about."""
    code = LIBRARY_LANG.get(lang, "vi")
    if code not in _LIBRARY:
        import holidays  # lazy: only a working-day date or `days-off` pays for it

        _LIBRARY[code] = holidays.country_holidays("VN", language=code)
    return _LIBRARY[code]


@dataclass(frozen=True)
class WorkingDays:
    """The register's corrections to the library's calendar: its own days off (a bridging
    day the province decided) and its own working days (a Saturday worked in exchange)."""

    days_off: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()

    @classmethod
    def of_settings(cls, days_off: str | None, workdays: str | None) -> "WorkingDays":
        """From the settings as stored: ISO dates separated by `;` (taskreg.domain.dates.check_day_list)."""
        return cls(_isos(days_off), _isos(workdays))

    def is_working(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.days_off:
            return False
        return bool(library().is_working_day(day))

    def nth(self, today: date, n: int) -> date:
        """The nth working day after today (today never counted); for 0, today if it is a
        working day, else the next one."""
        day = today
        if n == 0:
            while not self.is_working(day):
                day += timedelta(days=1)
            return day
        for _ in range(n):
            day += timedelta(days=1)
            while not self.is_working(day):
                day += timedelta(days=1)
        return day


#: What a command hands the date parser: the register's working days, read only when a
#: working-day date is typed (so that every other date costs no read of the register).
Calendar = Callable[[], WorkingDays]


def _isos(value: str | None) -> frozenset[date]:
    return frozenset(date.fromisoformat(p) for p in (value or "").split(";") if p.strip())


@dataclass(frozen=True)
class DayOff:
    """A line of `taskreg days-off`: a day, its name (a holiday's, in the library's words),
    and whose it is: `holiday` (the library's day off), `workday` (the library's working
    Saturday), `register-off` and `register-work` (the register's settings)."""

    day: date
    name: str
    kind: str


def days_off(year: int, calendar: WorkingDays, lang: str) -> list[DayOff]:
    """The days off of `year`, and the days worked in exchange, sorted by date."""
    lib = library(lang)
    lib.get(date(year, 1, 1))  # fills in the year (and its swapped Saturdays)
    found = [DayOff(d, str(name), "holiday") for d, name in lib.items() if d.year == year]
    found += [DayOff(d, "", "workday") for d in lib.weekend_workdays if d.year == year]
    found += [DayOff(d, "", "register-off") for d in calendar.days_off if d.year == year]
    found += [DayOff(d, "", "register-work") for d in calendar.workdays if d.year == year]
    order = {"holiday": 0, "workday": 1, "register-off": 2, "register-work": 3}
    return sorted(found, key=lambda x: (x.day, order[x.kind], x.name))
