"""Dates as people type them (SPEC §5): day first, never a guess."""

from datetime import date

import pytest

from taskreg.domain.dates import choose_period, parse_date, parse_deadline
from taskreg.domain.errors import BadInput

TODAY = date(2026, 1, 31)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("2021-03-31", date(2021, 3, 31)),
        ("31/3/2021", date(2021, 3, 31)),
        ("31/03/2021", date(2021, 3, 31)),
        ("31-3-2021", date(2021, 3, 31)),
        ("31.3.2021", date(2021, 3, 31)),
        (" 4/3/2022 ", date(2022, 3, 4)),
        ("31/3", date(2026, 3, 31)),
        ("today", TODAY),
        ("Today", TODAY),
        ("hôm nay", TODAY),
        ("yesterday", date(2026, 1, 30)),
        ("+7d", date(2026, 2, 7)),
        ("+2w", date(2026, 2, 14)),
        ("+1m", date(2026, 2, 28)),
        ("29/02/2024", date(2024, 2, 29)),
    ],
)
def test_dates_typed_every_way(typed, expected):
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    "typed, key",
    [
        ("31/02/2021", "date_impossible"),
        ("29/02/2021", "date_impossible"),
        ("2021-13-01", "date_impossible"),
        ("0/1/2021", "date_impossible"),
        ("31/3/21", "date_unreadable"),
        ("March 3", "date_unreadable"),
        ("", "date_unreadable"),
        ("3/31/2021", "date_day_first"),  # month first: answered with 31/3/2021
        ("2021/03/31", "date_unreadable"),
        ("+99999y", "date_unreadable"),
    ],
)
def test_impossible_or_unreadable_dates_are_errors(typed, key):
    with pytest.raises(BadInput) as caught:
        parse_date(typed, TODAY)
    assert caught.value.key == key


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("12/2026", date(2026, 12, 31)),
        ("2026-12", date(2026, 12, 31)),
        ("2/2024", date(2024, 2, 29)),
        ("Q2/2026", date(2026, 6, 30)),
        ("2021Q1", date(2021, 3, 31)),
        ("2021-Q1", date(2021, 3, 31)),
        ("I/2021", date(2021, 3, 31)),
        ("IV/2021", date(2021, 12, 31)),
        ("quý II/2021", date(2021, 6, 30)),
        ("15/6/2026", date(2026, 6, 15)),
        ("+1m", date(2026, 2, 28)),
    ],
)
def test_deadlines_may_be_a_month_or_quarter_meaning_its_last_day(typed, expected):
    assert parse_deadline(typed, TODAY) == expected


def test_month_thirteen_is_an_error():
    with pytest.raises(BadInput):
        parse_deadline("13/2026", TODAY)


def test_periods_one_at_a_time():
    assert choose_period(TODAY, quarter="I/2021").end == date(2021, 3, 31)
    assert choose_period(TODAY, month="3/2021").start == date(2021, 3, 1)
    assert choose_period(TODAY, year="2021").end == date(2021, 12, 31)
    assert choose_period(TODAY, start="1/1/2021", end="15/1/2021").end == date(2021, 1, 15)
    assert choose_period(TODAY) is None
    for kwargs, key in [
        ({"quarter": "2021Q1", "year": "2021"}, "period_conflict"),
        ({"start": "1/1/2021"}, "period_from_to"),
        ({"start": "2/1/2021", "end": "1/1/2021"}, "period_backwards"),
        ({"quarter": "Q5/2021"}, "quarter_unreadable"),
    ]:
        with pytest.raises(BadInput) as caught:
            choose_period(TODAY, **kwargs)
        assert caught.value.key == key


def test_bad_date_on_the_command_line_is_exit_2_and_writes_nothing(reg):
    before = reg.rows("SELECT count(*) FROM events")
    result = reg("add", "Việc", "--agency", "SYT", "--due", "31/02/2021", code=2)
    assert result.stderr == "'31/02/2021' is not a real calendar date.\n"
    result = reg("add", "Việc", "--agency", "SYT", "--due", "next week", code=2)
    assert result.stderr.startswith("'next week' is not a date taskreg reads: write it day first")
    assert reg.rows("SELECT count(*) FROM events") == before
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]


def test_relative_deadline_counts_from_today(reg):
    task_id = reg("add", "Việc", "--agency", "SYT", "--due", "+1m").stdout.strip()
    assert reg.rows("SELECT due_on FROM tasks WHERE id = ?", [task_id]) == [("2021-04-30",)]
    reg("add", "Việc", "--agency", "SYT", "--due", "+1m", env={"TASKREG_TODAY": "2021-01-31"})
    assert reg.rows("SELECT due_on FROM tasks WHERE id = 2") == [("2021-02-28",)]
