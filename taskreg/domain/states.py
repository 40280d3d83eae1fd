"""The four states of a task as of a date: the one definition (SPEC §2).

The rule is written once, as a SQL expression, because reports count in the
database; `list`, `show`, `weekly` and `export` select the same expression,
so no state is ever re-derived in Python. Dates are ISO `YYYY-MM-DD` text, so
comparing them as strings compares them as dates. `:as_of` is the end of day D.
"""

ON_TIME, LATE, OVERDUE, IN_PROGRESS, CANCELLED = ("on_time", "late", "overdue", "in_progress", "cancelled")

#: The four counted states, in the order reports print them.
FOUR = (ON_TIME, LATE, OVERDUE, IN_PROGRESS)
ALL = FOUR + (CANCELLED,)
GROUPS = {"open": (OVERDUE, IN_PROGRESS), "done": (ON_TIME, LATE)}
#: `list --status awaiting`: a filter on the completed tasks, not a state (docs/states.md).
AWAITING = "awaiting"
FILTERS = (AWAITING,)


def status_sql(t: str = "t", as_of: str = ":as_of") -> str:
    """The state of the task row aliased `t` as of the date bound to `as_of`.

    A task assigned after the as-of date does not exist then: its state is NULL
    (reports leave it out of the population, `assigned_on <= as_of`, before this).
    """
    return (
        f"CASE"
        f" WHEN {t}.assigned_on > {as_of} THEN NULL"
        f" WHEN {t}.cancelled_on IS NOT NULL AND {t}.cancelled_on <= {as_of} THEN 'cancelled'"
        f" WHEN {t}.done_on IS NOT NULL AND {t}.done_on <= {as_of} THEN"
        f"  CASE WHEN {t}.due_on IS NULL OR {t}.done_on <= {t}.due_on"
        f"  THEN 'on_time' ELSE 'late' END"
        f" WHEN {t}.due_on IS NOT NULL AND {t}.due_on < {as_of} THEN 'overdue'"
        f" ELSE 'in_progress' END"
    )


#: What `must update` and `updated` are (SPEC §12), as `freshness_sql` gives them.
UPDATED, STALE = "updated", "stale"


def updated_on_sql(t: str = "t", as_of: str = ":as_of") -> str:
    """The date of the task row `t`'s latest progress report on or before the as-of date, or
    NULL: its `update` events (`taskreg update`), dated by `claimed_on` (migration 0014)."""
    return (
        f"(SELECT max(u.claimed_on) FROM events u"
        f" WHERE u.task_id = {t}.id AND u.action = 'update' AND u.claimed_on <= {as_of})"
    )


def freshness_sql(t: str = "t", status: str = "status", since: str = ":updated_since", as_of: str = ":as_of") -> str:
    """Whether the task row `t`, in state `status` as of D, must be updated and was (the
    update rate, SPEC §12): 'updated', 'stale', or NULL for neither.

    With a window of W days, `since` is D − W + 1, the window's first day. A task must be
    updated when it is open as of D (overdue or in progress) and was assigned on or before
    D − W, that is before `since`; it was updated when it has a progress report dated from
    `since` to D. Done, cancelled, and assigned within the window: neither.
    """
    return (
        f"CASE WHEN {status} IN ('{OVERDUE}', '{IN_PROGRESS}') AND {t}.assigned_on < {since} THEN"
        f" CASE WHEN EXISTS (SELECT 1 FROM events u WHERE u.task_id = {t}.id AND u.action = 'update'"
        f" AND u.claimed_on >= {since} AND u.claimed_on <= {as_of})"
        f" THEN '{UPDATED}' ELSE '{STALE}' END END"
    )


def awaiting_sql(t: str = "t", as_of: str = ":as_of") -> str:
    """Whether the task row aliased `t` awaited the office's confirmation as of `as_of`
    (SPEC §12, docs/states.md): done by then, its completion flagged, and not confirmed by
    then. A returned or reopened completion is no completion (its flag went with it), so it
    awaits nothing as of any day, as a correction says. 1 or 0, on both engines.
    """
    return (
        f"CASE WHEN {t}.awaiting_since IS NOT NULL AND {t}.done_on IS NOT NULL AND {t}.done_on <= {as_of}"
        f" AND ({t}.confirmed_on IS NULL OR {t}.confirmed_on > {as_of}) THEN 1 ELSE 0 END"
    )


def necessary_sql(statuses, t: str = "t", as_of: str = ":as_of") -> str | None:
    """A condition every task in one of `statuses` meets, written so an index can serve it.

    Not a second definition: it only narrows the rows `status_sql` is then
    evaluated on (a property test checks it never drops a task in those states).
    Only `overdue` alone has one worth having: an open-overdue sweep over years
    of closed tasks (the weekly digest) would otherwise classify every row.
    """
    if list(statuses) == [OVERDUE]:
        return f"{t}.due_on < {as_of} AND ({t}.done_on IS NULL OR {t}.done_on > {as_of})"
    return None


def expand(statuses) -> list[str]:
    """`--status` values with the groups `open` and `done` expanded, order kept, no repeats."""
    out: list[str] = []
    for s in statuses:
        for key in GROUPS.get(s, (s,)):
            if key not in out:
                out.append(key)
    return out


#: The mergers in force, each agency's chain resolved (docs/commands.md "agency merge,
#: unmerge"): one row (from_id, to_id, merged_on) for every agency a task first led by
#: `from_id` passes to, with the day it does and its place along the chain (`step`). A chain OLD → NEW (D1), NEW → NEWER (D2 ≥ D1)
#: gives OLD's tasks the rows (OLD, NEW, D1) and (OLD, NEWER, D2). A query that uses
#: `lead_sql` starts with it; a register with no merger leaves both out (its plans unchanged).
AGENCY_AS_OF = (
    "WITH RECURSIVE agency_as_of (from_id, to_id, merged_on, step) AS ("
    " SELECT old_agency_id, new_agency_id, merged_on, 1 FROM mergers WHERE undone_event IS NULL"
    " UNION ALL SELECT c.from_id, m.new_agency_id, m.merged_on, c.step + 1 FROM agency_as_of c"
    " JOIN mergers m ON m.old_agency_id = c.to_id AND m.undone_event IS NULL AND m.merged_on >= c.merged_on) "
)


def lead_sql(t: str = "t", as_of: str = ":as_of") -> str:
    """The lead agency (its id) of the task row `t` as of the date bound to `as_of`: the one
    definition, as `status_sql` is of the state (docs/commands.md "agency merge, unmerge").

    The task's stored agency, unless a merger of it (or of the agency it passed to, along
    the chain in `AGENCY_AS_OF`) took effect: the latest step dated on or before the as-of
    date, or before the task's assignment (a task of OLD assigned on or after D, a merger
    recorded late, is NEW's as of every date), that the task reached open: not done or
    cancelled, by its current record, before the step's date (then it stays where it was).
    The steps along a chain are dated in order, so the latest step that qualifies is reached.
    """
    closed_before = (
        f"({t}.done_on IS NOT NULL AND {t}.done_on < m.merged_on)"
        f" OR ({t}.cancelled_on IS NOT NULL AND {t}.cancelled_on < m.merged_on)"
    )
    return (
        f"coalesce((SELECT m.to_id FROM agency_as_of m WHERE m.from_id = {t}.agency_id"
        f" AND (m.merged_on <= {as_of} OR m.merged_on <= {t}.assigned_on) AND NOT ({closed_before})"
        f" ORDER BY m.merged_on DESC, m.step DESC LIMIT 1), {t}.agency_id)"
    )
