"""Dates and periods as people type them: day first, always; never a guess.

Every function takes `today` as a parameter: the clock is read once, at the
command edge (taskreg.cli.app), never here.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import overload

# python-dateutil ships no type hints; its stubs (types-python-dateutil) are not installed.
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

from taskreg.domain.errors import BadInput, Day
from taskreg.domain.text import fold
from taskreg.domain.workdays import MAX_WORKDAYS, Calendar, WorkingDays

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
ROMAN_OF = {v: k for k, v in ROMAN.items()}

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_DM = re.compile(r"(\d{1,2})/(\d{1,2})")
_REL = re.compile(r"([+-])(\d{1,4})\s*([dwmy])")
_REL_WD = re.compile(r"\+(\d+)\s*wd")  # +5wd: the 5th working day after today (taskreg.domain.workdays)
_WORDS = {"today": 0, "hom nay": 0, "yesterday": -1, "hom qua": -1, "tomorrow": 1, "ngay mai": 1}

_QUARTER = [
    re.compile(r"(?P<y>\d{4})-?q(?P<q>[1-4])"),  # 2021Q1, 2021-Q1
    re.compile(r"(?:quy\s*|q)(?P<q>[1-4])[/ ](?P<y>\d{4})"),  # Q1/2021, quý 1/2021 (not 2/2021: a month)
    re.compile(r"(?:quy\s*)?(?P<r>iv|iii|ii|i)[/ ](?:nam\s*)?(?P<y>\d{4})"),  # I/2021, quý I/2021
]
_MONTH = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})"),  # 2021-03
    re.compile(r"(?:thang\s*)?(?P<m>\d{1,2})/(?P<y>\d{4})"),  # 3/2021, tháng 3/2021
]
_YEAR = re.compile(r"(?:nam\s*)?(\d{4})")


@dataclass(frozen=True)
class Period:
    """A span of calendar days, with what it was typed as (for its label)."""

    kind: str  # quarter | month | year | range
    start: date
    end: date
    number: int = 0  # the quarter or month number

    @property
    def year(self) -> int:
        return self.start.year


#: Dates a register can hold: wide enough for any real task, narrow enough that a
#: week or a month after them is still a date.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def in_range(day: date, typed: str) -> date:
    """`day`, if a register can hold it; else bad input naming what was typed."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadInput("date_out_of_range", text=typed, first=FIRST_YEAR, last=LAST_YEAR)
    return day


def _make(y: int, m: int, d: int, typed: str, sep: str | None = None) -> date:
    """The date y-m-d, or bad input naming what was typed. `sep`: it was typed day first
    with that separator, so a month-first date (3/31/2026) is answered with its day-first
    form (31/3/2026)."""
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise BadInput("date_out_of_range", text=typed, first=FIRST_YEAR, last=LAST_YEAR)
    try:
        day = date(y, m, d)
    except ValueError:
        if sep is not None and m > 12 and _valid(y, d, m):
            example = sep.join([str(m), str(d)] + ([str(y)] if re.search(r"\d{4}", typed) else []))
            raise BadInput("date_day_first", text=typed, example=example) from None
        raise BadInput("date_impossible", text=typed) from None
    return in_range(day, typed)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _span(kind: str, y: int, first_month: int, months: int, number: int, typed: str) -> Period:
    start = _make(y, first_month, 1, typed)
    return Period(kind, start, start + relativedelta(months=months, days=-1), number)


def parse_date(typed: str, today: date, calendar: Calendar | None = None) -> date:
    """A calendar date in any form SPEC §5 lists: 2021-03-31, 31/3/2021, 31.3, today, +7d …,
    and +5wd, the 5th working day after today: by the register's working days (`calendar`,
    called only then), or by the library's calendar alone where no register is known."""
    text = fold(typed or "")
    if m := _ISO.fullmatch(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), typed)
    if m := _DMY.fullmatch(text):
        return _make(int(m[4]), int(m[3]), int(m[1]), typed, m[2])
    if m := _DM.fullmatch(text):
        return _make(today.year, int(m[2]), int(m[1]), typed, "/")
    if text in _WORDS:
        return in_range(today + relativedelta(days=_WORDS[text]), typed)
    if m := _REL.fullmatch(text):
        n = int(m[2]) * (1 if m[1] == "+" else -1)
        unit = {"d": "days", "w": "weeks", "m": "months", "y": "years"}[m[3]]
        try:
            return in_range(today + relativedelta(**{unit: n}), typed)
        except (ValueError, OverflowError):
            raise BadInput("date_out_of_range", text=typed, first=FIRST_YEAR, last=LAST_YEAR) from None
    if m := _REL_WD.fullmatch(text):
        n = int(m[1]) if len(m[1]) <= 9 else MAX_WORKDAYS + 1  # (int() refuses thousands of digits)
        if n > MAX_WORKDAYS:
            raise BadInput("workdays_too_many", text=typed, max=MAX_WORKDAYS)
        try:
            return in_range((calendar() if calendar else WorkingDays()).nth(today, n), typed)
        except OverflowError:  # past date.max, counting from the last years a register holds
            raise BadInput("date_out_of_range", text=typed, first=FIRST_YEAR, last=LAST_YEAR) from None
    raise BadInput("date_unreadable", text=typed)


def check_day_list(value: str, what: str) -> str:
    """A setting that lists dates (`days-off`, `workdays`): ISO or day-first dates with the
    year (2026-01-02, 2/1/2026), separated by `;`; kept as ISO dates, sorted, without repeats."""
    days = set()
    for part in (p.strip() for p in value.split(";")):
        if not part:
            continue
        text = fold(part)
        if not (_ISO.fullmatch(text) or _DMY.fullmatch(text)):
            raise BadInput("bad_day_list", text=part, what=what)
        days.add(parse_date(part, date(2000, 1, 1)))
    if not days:
        raise BadInput("bad_day_list", text=value, what=what)
    return ";".join(sorted(d.isoformat() for d in days))


def parse_quarter(typed: str) -> Period | None:
    text = fold(typed or "")
    for pattern in _QUARTER:
        if m := pattern.fullmatch(text):
            q = int(m["q"]) if m.groupdict().get("q") else ROMAN[m["r"].upper()]
            return _span("quarter", int(m["y"]), 3 * q - 2, 3, q, typed)
    return None


def parse_month(typed: str) -> Period | None:
    text = fold(typed or "")
    for pattern in _MONTH:
        if m := pattern.fullmatch(text):
            y, mo = int(m["y"]), int(m["m"])
            if not 1 <= mo <= 12:
                raise BadInput("month_impossible", text=typed)
            return _span("month", y, mo, 1, mo, typed)
    return None


def parse_year(typed: str) -> Period | None:
    if m := _YEAR.fullmatch(fold(typed or "")):
        return _span("year", int(m[1]), 1, 12, 0, typed)
    return None


def parse_deadline(typed: str, today: date, calendar: Calendar | None = None) -> date:
    """A deadline: a date, or a month or quarter meaning its last day (12/2026, Q2/2026)."""
    text = fold(typed or "")
    if _ISO.fullmatch(text) or _DMY.fullmatch(text):
        return parse_date(typed, today)
    period = parse_quarter(typed) or parse_month(typed)
    if period is not None:
        return period.end
    return parse_date(typed, today, calendar)


def quarter_of(day: date) -> Period:
    q = (day.month - 1) // 3 + 1
    start = date(day.year, 3 * q - 2, 1)
    return Period("quarter", start, start + relativedelta(months=3, days=-1), q)


@overload
def iso(day: date) -> str: ...
@overload
def iso(day: None) -> None: ...
@overload
def iso(day: date | None) -> str | None: ...


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def choose_period(today: date, quarter=None, month=None, year=None, start=None, end=None) -> Period | None:
    """The one period a command's flags name, or None; two at once is bad input."""
    given = [x is not None for x in (quarter, month, year)] + [start is not None or end is not None]
    if sum(given) > 1:
        raise BadInput("period_conflict")
    if quarter is not None:
        period = parse_quarter(quarter)
        if period is None:
            raise BadInput("quarter_unreadable", text=quarter)
        return period
    if month is not None:
        period = parse_month(month)
        if period is None:
            raise BadInput("month_unreadable", text=month)
        return period
    if year is not None:
        period = parse_year(year)
        if period is None:
            raise BadInput("year_unreadable", text=year)
        return period
    if start is not None or end is not None:
        if start is None or end is None:
            raise BadInput("period_from_to")
        first, last = parse_date(start, today), parse_date(end, today)
        if last < first:
            raise BadInput("period_backwards", start=Day(first), end=Day(last))
        return Period("range", first, last)
    return None
