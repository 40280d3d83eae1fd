"""The report's queries (README "Design"): its aggregate by state, and what was corrected or
entered after the as-of date. A part of `SqlStore` (storage/sql.py), written for both engines.
"""

from taskreg.domain.model import GROUPS
from taskreg.domain.states import AGENCY_AS_OF, UPDATED, awaiting_sql, freshness_sql, lead_sql, status_sql
from taskreg.storage.engine import Engine

#: The condition that keeps only key tasks (`list --starred`, `report --starred`), a truth value on both engines:
#: SQLite's 0/1 (migrations/0012_starred.sql), PostgreSQL's boolean.
STARRED = "t.starred"


#: The events that change no task (progress reports, reminders: most of a register's events
#: in time): the search for corrections after an as-of date reads past them by the index
#: `events_changes` (migration 0021), whose condition this is, word for word. The query reads
#: the events first (SQLite takes a CROSS JOIN's order as written; PostgreSQL plans it as any
#: join): a quarter's tasks each with its progress reports are far more than its corrections;
#: it groups by `+e.task_id`, which no index orders, lest SQLite read every event in the
#: order of `events_task` to save the grouping's sort.
NO_CHANGE = "'update', 'remind'"


class ReportQueries(Engine):
    """`SqlStore`'s report queries."""

    def counts(
        self,
        start: str,
        end: str,
        as_of: str,
        updated_since: str,
        agency_id: int | None = None,
        by_agency: bool = False,
        starred: bool = False,
        group: str | None = None,
    ) -> list[dict]:
        """The report's aggregate: one query counting the tasks assigned in [start, end]

        by their state as of `as_of` (end is already capped at as_of by the caller), and
        how many of them must be updated and were, in the update window that begins on
        `updated_since` (taskreg.domain.states `freshness_sql`), and how many of its
        completed tasks awaited the office's confirmation then (`awaiting`, SPEC §12: no
        published figure). One row (none for an empty population), or one per lead agency
        with a task. `starred`: the key tasks alone (`report --starred`).

        `group` ("source" or "assigned_by", taskreg.domain.model `GROUPS`): one row per value
        of that field as stored (`group_text`, None for a task without one) and, for a
        source, the year of its document (`group_year`: of `source_date`, else of
        `assigned_on`; None without a source). Spellings of one document or leader are
        folded into one row by the caller (taskreg.domain.figures `build`): the normal form
        is Python's (taskreg.domain.text), and the raw groups are few.
        """
        where = "t.assigned_on BETWEEN :start AND :end"
        if starred:
            where += f" AND {STARRED}"
        args: dict = {"start": start, "end": end, "as_of": as_of, "updated_since": updated_since}
        # Once a merger is in force, each task's lead agency as of the date (taskreg.domain.states
        # `lead_sql`), still in this one query; with none, the plan is the one it always was.
        # Only a count by agency or of one agency reads it.
        merged = self.merged() and (agency_id is not None or by_agency)
        prefix, lead = (AGENCY_AS_OF, lead_sql()) if merged else ("", "t.agency_id")
        if agency_id is not None:
            where += f" AND {lead} = :agency_id"
            args["agency_id"] = agency_id
        elif by_agency:
            # Agency by agency, each one's period a range of `tasks_agency_report` (migration
            # 0007) read in agency order: grouped as it is read, never sorted (a task names
            # a registered agency: the reference is the register's, storage/sql.py `references`).
            where = self._by_agency_range() + where
        keys, inner, grouped = "", "", "GROUP BY agency_id ORDER BY agency_id" if by_agency else ""
        if group is not None:
            assert group in GROUPS and not by_agency
            year = (
                f"CASE WHEN t.source IS NULL THEN NULL ELSE {self._year('coalesce(t.source_date, t.assigned_on)')} END"
                if group == "source"
                else "NULL"
            )
            keys, inner = "group_text, group_year, ", f", t.{group} AS group_text, {year} AS group_year"
            grouped = "GROUP BY group_text, group_year"
        sql = f"""{prefix}
            SELECT {"agency_id" if by_agency else "NULL"} AS agency_id, {keys}count(*) AS population,
                   count(CASE WHEN status = 'on_time' THEN 1 END) AS on_time,
                   count(CASE WHEN status = 'late' THEN 1 END) AS late,
                   count(CASE WHEN status = 'overdue' THEN 1 END) AS overdue,
                   count(CASE WHEN status = 'in_progress' THEN 1 END) AS in_progress,
                   count(CASE WHEN status = 'cancelled' THEN 1 END) AS cancelled,
                   count(CASE WHEN due_on IS NULL AND status <> 'cancelled' THEN 1 END) AS no_deadline,
                   min(CASE WHEN status = 'overdue' THEN due_on END) AS oldest_overdue_due,
                   count(freshness) AS must_update,
                   count(CASE WHEN freshness = '{UPDATED}' THEN 1 END) AS updated,
                   count(CASE WHEN awaiting = 1 AND status IN ('on_time', 'late') THEN 1 END) AS awaiting
            FROM (SELECT s.agency_id, {keys}s.due_on, s.status, s.awaiting, {freshness_sql("s")} AS freshness
                  FROM (SELECT t.id, {lead} AS agency_id, t.due_on, t.assigned_on, {status_sql()} AS status,
                               {awaiting_sql()} AS awaiting{inner}
                        FROM tasks t WHERE {where}) AS s{self._fence()}) AS classified
            {grouped}"""
        return [r for r in self._rows(sql, args) if r["population"]]

    def _merged_after(
        self, start: str, end: str, as_of: str, after: str, agency_id: int | None, starred: bool
    ) -> set[int]:
        """The tasks of [start, end] whose lead agency as of `as_of` a merger (or its undoing)
        recorded on or after `after` changed (docs/commands.md "agency merge, unmerge"): those
        of its old agencies (and of agencies merged into them) it reached open, when the
        merger took effect by `as_of`; with `agency_id`, only if it is one of those agencies
        or the one they merged into. Mergers are few: read one by one."""
        found: set[int] = set()
        if not self._rows("SELECT 1 AS hit FROM mergers LIMIT 1"):
            return found  # no merger was ever recorded: nothing to look for among the events
        events = self._rows(
            "SELECT id FROM events WHERE action IN ('agency_merge', 'agency_unmerge') AND at >= :after"
            " AND correction_from <= :as_of",
            {"after": after, "as_of": as_of},
        )
        if not events:
            return found
        ids = {r["id"] for r in events}
        mergers = self._rows("SELECT old_agency_id, new_agency_id, merged_on, event_id, undone_event FROM mergers")
        for m in mergers:
            if (m["event_id"] not in ids and m["undone_event"] not in ids) or m["merged_on"] > as_of:
                continue
            chained, grew = {m["old_agency_id"]}, True
            while grew:
                grew = False
                for o in mergers:
                    if o["new_agency_id"] in chained and o["old_agency_id"] not in chained:
                        chained.add(o["old_agency_id"])
                        grew = True
            if agency_id is not None and agency_id not in chained | {m["new_agency_id"]}:
                continue
            marks = {f"a{n}": a for n, a in enumerate(sorted(chained))}
            found |= {
                r["id"]
                for r in self._rows(
                    "SELECT id FROM tasks t WHERE t.assigned_on BETWEEN :start AND :end"
                    f" AND t.agency_id IN ({', '.join(':' + k for k in marks)})"
                    " AND (t.done_on IS NULL OR t.done_on >= :on) AND (t.cancelled_on IS NULL OR t.cancelled_on >= :on)"
                    + (f" AND {STARRED}" if starred else ""),
                    {**marks, "start": start, "end": end, "on": m["merged_on"]},
                )
            }
        return found

    def recorded_after(
        self, start: str, end: str, as_of: str, after: str, agency_id: int | None = None, starred: bool = False
    ) -> tuple[int, int]:
        """Of the tasks a report of [start, end] as of `as_of` counted or counts, how many
        were corrected and how many entered late on or after the day `after` (the day
        after `as_of`): (corrected, entered).

        A correction counts when its effect reaches back to `as_of` or earlier, and an
        edit that moved a task out of the period or agency counts too. A task entered
        late was added with a past assignment date or brought by an import. History an
        import brings (a JSON export's) keeps the dates its file claims, so a moved register
        says what the register it came from said; an imported row without history is
        entered late on the day of its import.
        """
        args = {"start": start, "end": end, "as_of": as_of, "after": after, "agency_id": agency_id}
        now_in = "t.assigned_on BETWEEN :start AND :end"
        key = f" AND {STARRED}" if starred else ""  # a key task now (`report --starred`)
        was_in = (
            f"coalesce({self._date(self._json_text('e.before', 'assigned_on'))}, t.assigned_on) BETWEEN :start AND :end"
        )
        if agency_id is not None:
            now_in += " AND t.agency_id = :agency_id"
            was_in += (
                f" AND coalesce({self._json_text('e.before', 'agency')}, a.code)"
                " = (SELECT code FROM agencies WHERE id = :agency_id)"
            )
        rows = self._rows(
            f"""
            SELECT +e.task_id AS task_id, max(CASE WHEN e.action = 'add' THEN 1 ELSE 0 END) AS added,
                   max(CASE WHEN e.action <> 'add' THEN 1 ELSE 0 END) AS changed
            FROM events e CROSS JOIN tasks t JOIN agencies a ON a.id = t.agency_id
            WHERE t.id = e.task_id AND e.at >= :after AND e.action NOT IN ({NO_CHANGE})
              AND (e.action = 'add' OR e.correction_from <= :as_of)
              AND (({now_in}) OR (e.action = 'edit' AND {was_in})){key}
            GROUP BY +e.task_id""",
            args,
        )
        entered = {r["task_id"] for r in rows if r["added"]}
        corrected = {r["task_id"] for r in rows if r["changed"]} - entered
        corrected |= self._merged_after(start, end, as_of, after, agency_id, starred) - entered
        imports = [
            r["id"]
            for r in self._rows(
                f"SELECT id FROM events WHERE action = 'import' AND at >= :after AND action NOT IN ({NO_CHANGE})",
                {"after": after},
            )
        ]
        brought = 0
        if imports:  # only a report as of a day before an import: counted in the index
            # A task whose file brought its history (a JSON export: a register moved) is
            # judged by that history's own dates, above, as in the register it came from;
            # only an import that brought history needs each task's events looked at
            # (`events_imported`, migration 0008, finds which did).
            marks = {f"i{n}": i for n, i in enumerate(imports)}
            with_history = {
                r["imported_by"]
                for r in self._rows(
                    "SELECT DISTINCT imported_by FROM events"
                    f" WHERE imported_by IN ({', '.join(':' + k for k in marks)})",
                    marks,
                )
            }
            agency = " AND agency_id = :agency_id" if agency_id is not None else ""
            key_of_tasks = " AND starred" if starred else ""  # STARRED, of `tasks` unaliased
            groups = []
            for history, ids in ((False, [i for i in imports if i not in with_history]), (True, sorted(with_history))):
                if ids:
                    scope = {f"i{n}": i for n, i in enumerate(ids)}
                    where = (
                        f"import_event IN ({', '.join(':' + k for k in scope)})"
                        f" AND assigned_on BETWEEN :start AND :end{agency}{key_of_tasks}"
                    )
                    if history:
                        where += (
                            " AND NOT EXISTS (SELECT 1 FROM events h WHERE h.task_id = tasks.id"
                            " AND h.imported_by = tasks.import_event AND h.action = 'add')"
                        )
                    groups.append((where, {**scope, "start": start, "end": end, "agency_id": agency_id}))
            for where, scope in groups:
                brought += self._one(f"SELECT count(*) AS n FROM tasks WHERE {where}", scope)
            ids = sorted(corrected)  # an imported task corrected since counts once, as entered
            for i in range(0, len(ids), 10_000):
                chunk = {f"c{n}": t for n, t in enumerate(ids[i : i + 10_000])}
                for where, scope in groups:
                    corrected -= {
                        r["id"]
                        for r in self._rows(
                            f"SELECT id FROM tasks WHERE {where} AND id IN ({', '.join(':' + k for k in chunk)})",
                            {**scope, **chunk},
                        )
                    }
        return len(corrected), len(entered) + brought
