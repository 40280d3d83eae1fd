"""Property-based tests (hypothesis): dates, the four states, the aggregate, import of an export."""

import json
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from state_oracle import FOUR, readme_counts, readme_state
from typer.testing import CliRunner

from taskreg.cli.app import app
from taskreg.domain.dates import iso, parse_date, parse_deadline
from taskreg.domain.errors import BadInput
from taskreg.present import i18n
from taskreg.storage.sqlite import SQLiteStore as Store

TODAY = date(2021, 6, 30)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.text(max_size=20))
def test_the_date_parser_never_crashes(text):
    for parse in (parse_date, parse_deadline):
        try:
            assert isinstance(parse(text, TODAY), date)
        except BadInput:
            pass


@SETTINGS
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(29, 31))
def test_impossible_dates_are_rejected_never_rolled_over(year, month, day):
    try:
        real = date(year, month, day)
    except ValueError:
        real = None
    for typed in (f"{day}/{month}/{year}", f"{year}-{month:02d}-{day:02d}", f"{day}.{month}.{year}"):
        if real is None:
            try:
                parse_date(typed, TODAY)
            except BadInput as e:
                assert e.key == "date_impossible"
            else:
                raise AssertionError(f"{typed} was accepted")
        else:
            assert parse_date(typed, TODAY) == real


@SETTINGS
@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.sampled_from(["vi", "en"]))
def test_dates_round_trip_through_what_taskreg_prints(day, lang):
    assert parse_date(i18n.day(lang, day), TODAY) == day


DAY0 = date(2021, 1, 1)


@st.composite
def histories(draw):
    """A register's tasks: assignment, deadline, completion or cancellation, all consistent."""
    tasks = []
    for _ in range(draw(st.integers(1, 25))):
        assigned = DAY0 + timedelta(days=draw(st.integers(0, 120)))
        due = draw(st.none() | st.integers(0, 90).map(lambda d: assigned + timedelta(days=d)))
        end = draw(st.sampled_from(["open", "done", "cancelled"]))
        later = assigned + timedelta(days=draw(st.integers(0, 150)))
        tasks.append(
            {
                "assigned_on": iso(assigned),
                "due_on": iso(due),
                "done_on": iso(later) if end == "done" else None,
                "cancelled_on": iso(later) if end == "cancelled" else None,
            }
        )
    return tasks


def _register(tasks):
    folder = Path(tempfile.mkdtemp())
    store, _ = Store.open(folder / "reg.db", create=True, actor="prop", now="2021-07-01T00:00:00")
    with store.write():
        agency = store.add_agency("SYT", "Sở Y tế", None)
        for i, t in enumerate(tasks):
            store.insert_task({"uid": f"u{i}", "title": f"Việc {i}", "agency_id": agency, **t}, [])
    return store


AS_OF = [DAY0 + timedelta(days=d) for d in range(-1, 280, 7)]


@SETTINGS
@given(histories())
def test_states_partition_the_population_and_the_aggregate_agrees_with_the_readme_table(tasks):
    """Each task's state (store.tasks) and the report's aggregate (store.counts), both the
    state SQL, against the README's table in plain Python (tests/state_oracle.py), as of
    days from before the first assignment to after the last completion."""
    store = _register(tasks)
    start, end = DAY0, DAY0 + timedelta(days=59)
    for day in AS_OF:
        expected = {
            f"u{i}": readme_state(t["assigned_on"], t["due_on"], t["done_on"], t["cancelled_on"], day)
            for i, t in enumerate(tasks)
        }
        assert {t["uid"]: t["status"] for t in store.tasks(iso(day), existing=False)} == expected, day
        cap = min(end, day)
        rows = store.counts(iso(start), iso(cap), iso(day), iso(day - timedelta(days=6))) if cap >= start else []
        counted = rows[0] if rows else {"population": 0}
        want = readme_counts(tasks, day, start, end)
        assert counted["population"] == want["total"] + want["cancelled"], day
        assert {key: counted.get(key, 0) for key in (*FOUR, "cancelled", "no_deadline")} == {
            key: want[key] for key in (*FOUR, "cancelled", "no_deadline")
        }, day
    store.db.close()


@SETTINGS
@given(histories())
def test_a_done_task_never_turns_open_as_the_date_moves_forward(tasks):
    store = _register(tasks)
    seen: dict[int, list[str]] = {}
    for day in AS_OF:
        for t in store.tasks(iso(day)):
            seen.setdefault(t["id"], []).append(t["status"])
    for states in seen.values():
        if any(s in ("on_time", "late") for s in states):
            first = next(i for i, s in enumerate(states) if s in ("on_time", "late"))
            assert set(states[first:]) <= {"on_time", "late"} and len(set(states[first:])) == 1
    store.db.close()


@settings(max_examples=12, deadline=None)
@given(histories())
def test_import_of_an_export_is_the_same_register(tasks):
    store = _register(tasks)
    folder = store.path.parent
    store.db.close()
    runner = CliRunner()
    env = {"TASKREG_TODAY": "2021-12-31", "TASKREG_USER": "prop", "TASKREG_DB": None}
    out = folder / "out.json"
    assert (
        runner.invoke(app, ["--db", str(store.path), "export", "--format", "json", "-o", str(out)], env=env).exit_code
        == 0
    )
    fresh = folder / "fresh.db"
    result = runner.invoke(app, ["--db", str(fresh), "import", str(out), "--create-agencies"], env=env)
    assert result.exit_code == 0, result.stderr
    listed = [
        json.loads(
            runner.invoke(
                app, ["--db", str(db), "list", "--all", "--format", "json", "--as-of", "2021-12-31"], env=env
            ).stdout
        )
        for db in (store.path, fresh)
    ]
    drop = lambda t: {k: v for k, v in t.items() if k != "id"}  # noqa: E731  ids are the register's
    assert [drop(t) for t in listed[1]] == [drop(t) for t in listed[0]]


@SETTINGS
@given(histories(), st.sampled_from(["on_time", "late", "overdue", "in_progress", "cancelled"]))
def test_a_status_filter_selects_exactly_the_tasks_in_that_state(tasks, status):
    store = _register(tasks)
    for day in AS_OF:
        chosen = list(store.tasks(iso(day), statuses=[status]))
        expected = [
            f"u{i}"
            for i, t in enumerate(tasks)
            if readme_state(t["assigned_on"], t["due_on"], t["done_on"], t["cancelled_on"], day) == status
        ]
        assert [t["uid"] for t in chosen] == expected, day
    store.db.close()
