"""The four states as the README's table words them, in plain Python: the oracle the state
SQL (taskreg/domain/states.py) is checked against. It imports nothing of taskreg's, compares
`date`s rather than ISO text, and writes each row of the table as its own condition, so a
task that two rows claim, or none, fails here rather than passing silently.

README, "The four states" (a task as of a date D, the end of day D):

| on_time     | done on or before D, and on or before its deadline (or it has none) |
| late        | done on or before D, after its deadline                             |
| overdue     | not done by D, and its deadline is before D                         |
| in_progress | not done by D, and no deadline or a deadline on or after D          |

- A cancelled task leaves the four counts from its cancellation date (`cancelled`).
- A task assigned after D does not exist as of D (no state: None).
"""

from datetime import date

FOUR = ("on_time", "late", "overdue", "in_progress")


def _day(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def readme_state(assigned, due, done, cancelled, as_of) -> str | None:
    """The state of a task as of `as_of`; dates as `date`s or ISO text, None for none."""
    assigned, due, done, cancelled, as_of = map(_day, (assigned, due, done, cancelled, as_of))
    if assigned > as_of:
        return None
    if cancelled is not None and cancelled <= as_of:
        return "cancelled"
    done_by_d = done is not None and done <= as_of
    rows = {
        "on_time": done_by_d and (due is None or done <= due),
        "late": done_by_d and due is not None and done > due,
        "overdue": not done_by_d and due is not None and due < as_of,
        "in_progress": not done_by_d and (due is None or due >= as_of),
    }
    [state] = [key for key, holds in rows.items() if holds]  # exactly one row of the table
    return state


def readme_counts(tasks, as_of, start=None, end=None) -> dict:
    """A report's figures as of `as_of` for tasks assigned in [start, min(end, as_of)] (SPEC §3):
    the four counts, `cancelled`, `total` (the four) and `no_deadline` (of the four).
    `tasks` are dicts with assigned_on, due_on, done_on and cancelled_on."""
    as_of = _day(as_of)
    last = min(_day(end), as_of) if end is not None else as_of
    counts = dict.fromkeys((*FOUR, "cancelled", "total", "no_deadline"), 0)
    for t in tasks:
        assigned = _day(t["assigned_on"])
        if (start is not None and assigned < _day(start)) or assigned > last:
            continue
        state = readme_state(t["assigned_on"], t["due_on"], t["done_on"], t["cancelled_on"], as_of)
        counts[state] += 1
        if state in FOUR:
            counts["total"] += 1
            counts["no_deadline"] += t["due_on"] is None
    return counts
