"""The register's queries, written once for both engines (the README's "Design").

`SqlStore` holds every query the commands and the service use; `SQLiteStore`
(storage/sqlite.py) and `PostgresStore` (storage/postgres.py) add how to connect, how a
write transaction takes its lock, and the few spellings that differ (`_co_codes`,
`_json_text`). Queries name their parameters `:name`; the PostgreSQL store rewrites them
for psycopg. Values go in and come out as the domain uses them: dates as ISO text,
`before`/`after` as JSON values, coordinating agencies as a list of codes.
"""

import json
from contextlib import contextmanager
from pathlib import Path

from taskreg.states import necessary_sql, status_sql
from taskreg.text import fold, search_text

#: `list --sort` choices, as the store orders rows; callers only ever name a key.
SORTS = {"id": "id", "due": "due_on IS NULL, due_on, id", "assigned": "assigned_on, id", "agency": "agency, id"}

TASK_COLUMNS = (
    "t.id, t.uid, t.title, a.code AS agency, a.name AS agency_name, "
    "{co} AS co_agencies, t.assigned_on, t.due_on, t.done_on, "
    "t.cancelled_on, t.cancel_reason, t.source, t.source_date, t.assigned_by, "
    "t.note, t.result, t.agency_id"
)

#: The task columns a caller may set; anything else is a programming error.
TASK_FIELDS = (
    "id",
    "uid",
    "title",
    "agency_id",
    "assigned_on",
    "due_on",
    "done_on",
    "result",
    "source",
    "source_date",
    "assigned_by",
    "note",
    "cancelled_on",
    "cancel_reason",
    "import_event",
)
#: The largest id either engine's integer column holds.
MAX_ID = 2**31 - 1


def dumps(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def loads(text):
    return None if text is None else json.loads(text)


def _task(row: dict) -> dict:
    row = dict(row)
    row["co_agencies"] = row["co_agencies"].split(";") if row["co_agencies"] else []
    return row


class ImportBatch:
    """A whole file's tasks written in the import's one transaction (SPEC §5: all or none).

    Opened inside `store.write()`: the import's event id is taken first, for the tasks and
    deadlines to name (the event itself is written with the counts, before `finish()`). Validation is
    the caller's (taskreg/bulk.py); this only writes. `add` gives a task its id at once
    (ids have no gaps: the next one is counted here, inside the write lock) and keeps its
    rows; every `CHUNK` tasks they are written with one executemany per table, so memory
    holds one chunk and the uids of that chunk. PostgreSQL's copies them instead
    (storage/postgres.py); SQLite's also builds the indexes after a large load
    (storage/sqlite.py).
    """

    TASK_COLUMNS = (*TASK_FIELDS, "search")
    CO_COLUMNS = ("task_id", "agency_id")
    DEADLINE_COLUMNS = ("id", "task_id", "due_on", "kind", "decided_on", "reason", "event_id")
    CHUNK = 5_000

    def __init__(self, store: "SqlStore"):
        self.store = store
        store.defer_references()
        self.event_id, self.last_task = store.next_ids()
        self.next_task = self.last_task + 1
        self.next_deadline = store._next_id("deadlines")
        self.pending: dict[str, list[tuple]] = {"tasks": [], "task_co_agencies": [], "deadlines": []}
        self.numbers: list = []  # each pending task's row in the file, for a conflict to name
        self.pending_uids: set[str] = set()
        self.ids: set[int] = set()  # ids the file gave (a JSON export into an empty register)
        self.written = 0  # tasks written so far
        #: (row, reason) of each pending row the register's constraints refused when written:
        #: the caller reports them as the row's error (nothing is then committed).
        self.conflicts: list[tuple] = []

    def uid_exists(self, uid: str) -> bool:
        """Whether a task has `uid`: one of this file's pending rows, or one in the register
        (this file's written rows included)."""
        return uid in self.pending_uids or ((self.last_task > 0 or self.written > 0) and self._stored_uid(uid))

    def _stored_uid(self, uid: str) -> bool:
        return self.store.uid_exists(uid)

    def add(self, fields: dict, co_ids: list[int], deadlines: list[tuple], number=None) -> int:
        """One task, its coordinating agencies and its deadlines (due_on, kind, decided_on,
        reason); its id is the file's (`fields["id"]`) or the next one. `fields` may carry
        its searched text already (`search`); else it is computed here."""
        self.store.may_write(fields["agency_id"])
        task_id = fields.get("id")
        if task_id is None:
            task_id = self.next_task
        elif task_id in self.ids:
            raise self.store.row_conflict(f"task id {task_id} twice")
        else:
            self.ids.add(task_id)
        self.next_task = max(self.next_task, task_id + 1)
        self.pending_uids.add(fields["uid"])
        row = {**fields, "id": task_id}
        if "search" not in row:
            row["search"] = search_text(fields["title"], fields.get("source"))
        self.pending["tasks"].append(tuple(map(row.get, self.TASK_COLUMNS)))
        self.pending["task_co_agencies"] += [(task_id, a) for a in co_ids]
        for d in deadlines:
            self.pending["deadlines"].append((self.next_deadline, task_id, *d, self.event_id))
            self.next_deadline += 1
        self.numbers.append(number)
        if len(self.pending["tasks"]) >= self.CHUNK:
            self._flush()
        return task_id

    def _flush(self) -> None:
        """The pending rows written, then forgotten."""
        if self.pending["tasks"]:
            self._write_pending()
        self.written += len(self.pending["tasks"])
        for rows in self.pending.values():
            rows.clear()
        self.numbers.clear()
        self.pending_uids.clear()

    def _write_pending(self) -> None:
        for table, columns in (
            ("tasks", self.TASK_COLUMNS),
            ("task_co_agencies", self.CO_COLUMNS),
            ("deadlines", self.DEADLINE_COLUMNS),
        ):
            rows = self.pending[table]
            if rows:
                names = ", ".join(columns)
                self.store._run_many(
                    f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + c for c in columns)})",
                    [dict(zip(columns, r)) for r in rows],
                )

    def finish(self) -> None:
        """Everything added is written (before the import's own event)."""
        self._flush()


class SqlStore:
    """An open register. Writes go through `write()`, which takes the register's write
    lock up front, so that a check and the write it allows see the same rows."""

    engine = ""
    #: What a store is called in messages: the file's path, or the database's URL.
    where = ""

    def __init__(self, actor: str, now: str, writable: bool, clock: str | None = None):
        self.actor = actor
        self.now = now
        self.clock = clock  # 'pinned' under TASKREG_TODAY: marked on every event recorded
        self.writable = writable
        self.backup_path: Path | None = None  # set when opening upgraded an existing register
        self.commits = 0  # write transactions committed: what a later failure must not hide
        self.added: list[int] = []  # the tasks those transactions added (their `add` events)
        self.rollbacks = 0  # write transactions given up
        self._adding: list[int] = []

    # -- what each engine provides -----------------------------------------------------

    def _rows(self, sql: str, args: dict | None = None) -> list[dict]:
        raise NotImplementedError

    def _iter(self, sql: str, args: dict | None = None):
        """Rows one at a time, as the engine reads them."""
        return iter(self._rows(sql, args))

    def _run(self, sql: str, args: dict | None = None) -> int:
        """Run a statement; the number of rows it changed."""
        raise NotImplementedError

    def _run_many(self, sql: str, rows: list[dict]) -> None:
        raise NotImplementedError

    def _co_codes(self) -> str:
        """The lead task `t`'s coordinating agencies' codes, sorted, joined by ';'."""
        raise NotImplementedError

    def _json_text(self, column: str, key: str) -> str:
        """The text at `key` of the JSON object in `column`."""
        raise NotImplementedError

    def _date(self, expression: str) -> str:
        """`expression` (text) as a date the engine compares with date columns."""
        return expression

    @contextmanager
    def transaction(self):
        """The engine's own write transaction (its lock taken first)."""
        raise NotImplementedError
        yield

    def may_write(self, agency_id: int | None) -> None:
        """Refuse (naming the agency and what this login may write) a write to a task led by
        `agency_id`, or with None to the directory and settings; a file register allows all."""

    def may_amend(self) -> None:
        """Refuse `--amend-published` to a login that may not amend published figures."""

    def close(self) -> None:
        raise NotImplementedError

    #: A row the register's constraints refuse (a task id taken twice, say).
    row_conflict: type[Exception] = Exception

    def defer_references(self) -> None:
        """Check references at commit: an import's tasks name its event, written last."""

    def import_batch(self) -> ImportBatch:
        return ImportBatch(self)

    def _one(self, sql: str, args: dict | None = None):
        rows = self._rows(sql, args)
        return next(iter(rows[0].values())) if rows else None

    # -- transactions and the audit log -----------------------------------------------------

    @contextmanager
    def write(self):
        """One write transaction (SPEC §4: every change with its event, or nothing)."""
        from taskreg.errors import Refused

        if not self.writable:
            raise Refused("register_read_only", path=self.where)
        self._adding = []
        try:
            with self.transaction():
                yield self
        except BaseException:
            self.rollbacks += 1
            raise
        self.commits += 1
        self.added += self._adding

    def _next_id(self, table: str) -> int:
        """The next id of `table`, inside the write lock: ids have no gaps on either engine."""
        return self._one(f"SELECT coalesce(max(id), 0) + 1 AS n FROM {table}")

    def event(
        self,
        action: str,
        task_id: int | None = None,
        before=None,
        after=None,
        reason: str | None = None,
        event_id: int | None = None,
        at: str | None = None,
        actor: str | None = None,
        claimed_on: str | None = None,
        correction_from: str | None = None,
        imported_by: int | None = None,
        clock: str | None = None,
    ) -> int:
        """Append an event. `at` and `actor` default to this command's clock and user;
        an imported event gives the file's own (and `imported_by`, the import's event);
        the demo gives the simulated day (`clock='demo'`)."""
        if clock is None and at is None:
            clock = self.clock
        event_id = event_id or self._next_id("events")
        self._run(
            "INSERT INTO events (id, at, actor, action, task_id, before, after, reason,"
            " claimed_on, correction_from, clock, imported_by)"
            " VALUES (:id, :at, :actor, :action, :task_id, :before, :after, :reason,"
            " :claimed_on, :correction_from, :clock, :imported_by)",
            {
                "id": event_id,
                "at": at or self.now,
                "actor": actor or self.actor,
                "action": action,
                "task_id": task_id,
                "before": dumps(before),
                "after": dumps(after),
                "reason": reason,
                "claimed_on": claimed_on,
                "correction_from": correction_from,
                "clock": clock,
                "imported_by": imported_by,
            },
        )
        if action == "add" and task_id is not None and imported_by is None:
            self._adding.append(task_id)
        return event_id

    def next_ids(self) -> tuple[int, int]:
        """The next event id and the last task id; stable inside a write transaction."""
        return self._next_id("events"), self._next_id("tasks") - 1

    def events(
        self, task_id: int | None = None, since: str | None = None, actor: str | None = None, with_import: bool = False
    ) -> list[dict]:
        """Events in order; for one task, its own, and with `with_import` the import that brought it."""
        if task_id is not None and not 0 < task_id <= MAX_ID:
            return []  # no id the register can hold: no task has it
        where, args = [], {"task_id": task_id, "since": since, "actor": actor}
        if task_id is not None and with_import:
            where.append("(task_id = :task_id OR id = (SELECT import_event FROM tasks WHERE id = :task_id))")
        elif task_id is not None:
            where.append("task_id = :task_id")
        if since:
            where.append("at >= :since")
        if actor:
            where.append("actor = :actor")
        sql = (
            "SELECT id, at, actor, action, task_id, before, after, reason, claimed_on,"
            " correction_from, clock, imported_by FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        )
        rows = self._rows(sql + " ORDER BY id", args)
        return [dict(r, before=loads(r["before"]), after=loads(r["after"])) for r in rows]

    # -- settings ---------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        return self._one("SELECT value FROM settings WHERE key = :key", {"key": key})

    def set_setting(self, key: str, value: str) -> None:
        self.may_write(None)
        self._run(
            "INSERT INTO settings (key, value) VALUES (:key, :value)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            {"key": key, "value": value},
        )

    # -- agencies ---------------------------------------------------------------------------

    def agencies(self) -> list[dict]:
        return self._rows("SELECT id, code, name, kind, code_fold, name_fold, retired_on FROM agencies ORDER BY code")

    def add_agency(self, code: str, name: str, kind: str | None) -> int:
        """A new agency; the folded code and name it is matched by are the store's to keep."""
        self.may_write(None)
        agency_id = self._next_id("agencies")
        self._run(
            "INSERT INTO agencies (id, code, name, kind, code_fold, name_fold)"
            " VALUES (:id, :code, :name, :kind, :code_fold, :name_fold)",
            {
                "id": agency_id,
                "code": code,
                "name": name,
                "kind": kind,
                "code_fold": fold(code),
                "name_fold": fold(name),
            },
        )
        return agency_id

    def retire_agency(self, agency_id: int, on: str) -> None:
        self.may_write(None)
        self._run("UPDATE agencies SET retired_on = :on WHERE id = :id", {"on": on, "id": agency_id})

    def rename_agency(self, agency_id: int, name: str) -> None:
        self.may_write(None)
        self._run(
            "UPDATE agencies SET name = :name, name_fold = :fold WHERE id = :id",
            {"name": name, "fold": fold(name), "id": agency_id},
        )

    # -- tasks ------------------------------------------------------------------------------

    def insert_task(self, fields: dict, co_ids: list[int]) -> int:
        """A new task (its id the next one unless `fields` names it); the searched text is
        the store's to keep."""
        self.may_write(fields["agency_id"])
        fields = {
            "id": fields.get("id") or self._next_id("tasks"),
            **fields,
            "search": search_text(fields["title"], fields.get("source")),
        }
        self._insert_task(fields, co_ids)
        return fields["id"]

    def _insert_task(self, fields: dict, co_ids: list[int]) -> None:
        columns = [c for c in fields if c in TASK_FIELDS or c == "search"]
        self._run(f"INSERT INTO tasks ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})", fields)
        self.set_co_agencies(fields["id"], co_ids, replace=False)

    def update_task(self, task_id: int, fields: dict) -> None:
        """Change a task's fields (their searched text with them). On PostgreSQL a row the
        login may not write is refused before, never left unchanged in silence."""
        if not fields:
            return
        unknown = set(fields) - set(TASK_FIELDS)
        if unknown:
            raise ValueError(f"not a task field: {', '.join(sorted(unknown))}")
        current = self._rows("SELECT agency_id, title, source FROM tasks WHERE id = :id", {"id": task_id})
        if not current:
            return
        self.may_write(current[0]["agency_id"])
        if "agency_id" in fields:
            self.may_write(fields["agency_id"])
        values = dict(fields)
        if "title" in fields or "source" in fields:
            merged = {**current[0], **fields}
            values["search"] = search_text(merged["title"], merged["source"])
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        changed = self._run(f"UPDATE tasks SET {assignments} WHERE id = :task_id_", {**values, "task_id_": task_id})
        if changed != 1:
            self._refused_silently(current[0]["agency_id"])

    def _refused_silently(self, agency_id: int) -> None:
        """An UPDATE the database's rules let through as 0 rows: never taken as done."""
        raise AssertionError(f"task of agency {agency_id} was not updated")

    def set_co_agencies(self, task_id: int, co_ids: list[int], replace: bool = True) -> None:
        if replace:
            self._run("DELETE FROM task_co_agencies WHERE task_id = :task_id", {"task_id": task_id})
        if co_ids:
            self._run_many(
                "INSERT INTO task_co_agencies (task_id, agency_id) VALUES (:task_id, :agency_id)",
                [{"task_id": task_id, "agency_id": a} for a in co_ids],
            )

    def add_deadline(
        self, task_id: int, due_on: str | None, kind: str, decided_on: str, reason: str | None, event_id: int
    ) -> None:
        self._run(
            "INSERT INTO deadlines (id, task_id, due_on, kind, decided_on, reason, event_id)"
            " VALUES (:id, :task_id, :due_on, :kind, :decided_on, :reason, :event_id)",
            {
                "id": self._next_id("deadlines"),
                "task_id": task_id,
                "due_on": due_on,
                "kind": kind,
                "decided_on": decided_on,
                "reason": reason,
                "event_id": event_id,
            },
        )

    def deadlines(self, task_id: int) -> list[dict]:
        return self._rows(
            "SELECT d.id, d.task_id, d.due_on, d.kind, d.decided_on, d.reason, d.event_id,"
            " e.actor, e.at FROM deadlines d JOIN events e ON e.id = d.event_id"
            " WHERE d.task_id = :task_id ORDER BY d.id",
            {"task_id": task_id},
        )

    def _lock_task(self, task_id: int) -> None:
        """Inside a write: hold the task's row until the transaction ends (PostgreSQL)."""

    def task(self, task_id: int, as_of: str) -> dict | None:
        """One task with its state as of `as_of` (None if there is no such task); inside a
        write its row stays locked until the write ends, so what a check read still holds."""
        if not 0 < task_id <= MAX_ID:
            return None
        self._lock_task(task_id)
        rows = self._rows(
            f"SELECT {TASK_COLUMNS.format(co=self._co_codes())}, {status_sql()} AS status FROM tasks t"
            " JOIN agencies a ON a.id = t.agency_id WHERE t.id = :id",
            {"id": task_id, "as_of": as_of},
        )
        return _task(rows[0]) if rows else None

    def tasks(
        self,
        as_of: str,
        statuses=None,
        agency_id=None,
        assigned_from=None,
        assigned_to=None,
        due_from=None,
        due_to=None,
        done_from=None,
        done_to=None,
        search=None,
        sort: str = "id",
        with_co: bool = True,
        existing: bool = True,
    ):
        """Tasks with their state as of `as_of`, filtered; a generator (an export of a
        million tasks never holds them all).

        `existing=False` also gives tasks assigned after `as_of` (state None): an
        export with no filter is a whole copy. `with_co=False` leaves out the
        coordinating agencies (a long digest does not print them).
        """
        where = ["t.assigned_on <= :as_of" if existing else "1 = 1"]
        args: dict = {"as_of": as_of}
        for condition, name, value in (
            ("t.agency_id = :agency_id", "agency_id", agency_id),
            ("t.assigned_on >= :assigned_from", "assigned_from", assigned_from),
            ("t.assigned_on <= :assigned_to", "assigned_to", assigned_to),
            ("t.due_on >= :due_from", "due_from", due_from),
            ("t.due_on <= :due_to", "due_to", due_to),
            ("t.done_on >= :done_from", "done_from", done_from),
            ("t.done_on <= :done_to", "done_to", done_to),
        ):
            if value not in (None, ""):
                where.append(condition)
                args[name] = value
        if search:  # the folded texts to look for: any of them matches
            likes = []
            for n, text in enumerate(dict.fromkeys(search)):
                likes.append(f"t.search LIKE :search{n} ESCAPE '\\'")
                escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                args[f"search{n}"] = f"%{escaped}%"
            where.append(f"({' OR '.join(likes)})")
        if statuses and (narrow := necessary_sql(statuses)):
            where.append(f"({narrow})")
        columns = TASK_COLUMNS.format(co=self._co_codes() if with_co else "NULL")
        inner = (
            f"SELECT {columns}, {status_sql()} AS status FROM tasks t"
            f" JOIN agencies a ON a.id = t.agency_id WHERE {' AND '.join(where)}"
        )
        sql = f"SELECT * FROM ({inner}) AS listed"
        if statuses:
            marks = ", ".join(f":s{i}" for i in range(len(statuses)))
            args.update({f"s{i}": s for i, s in enumerate(statuses)})
            sql += f" WHERE status IN ({marks})"
        sql += f" ORDER BY {SORTS[sort]}"
        for row in self._iter(sql, args):
            yield _task(row)

    def counts(
        self, start: str, end: str, as_of: str, agency_id: int | None = None, by_agency: bool = False
    ) -> list[dict]:
        """The report's aggregate: one query counting the tasks assigned in [start, end]

        by their state as of `as_of` (end is already capped at as_of by the caller).
        One row (none for an empty population), or one per lead agency with a task.
        """
        where = "t.assigned_on BETWEEN :start AND :end"
        args: dict = {"start": start, "end": end, "as_of": as_of}
        if agency_id is not None:
            where += " AND t.agency_id = :agency_id"
            args["agency_id"] = agency_id
        elif by_agency:
            # Agency by agency, each one's period a range of `tasks_agency_report` (migration
            # 0007) read in agency order: grouped as it is read, never sorted (a task names
            # a registered agency: the reference is the register's, storage/sql.py `references`).
            where = "t.agency_id IN (SELECT id FROM agencies) AND " + where
        sql = f"""
            SELECT {"agency_id" if by_agency else "NULL"} AS agency_id, count(*) AS population,
                   count(CASE WHEN status = 'on_time' THEN 1 END) AS on_time,
                   count(CASE WHEN status = 'late' THEN 1 END) AS late,
                   count(CASE WHEN status = 'overdue' THEN 1 END) AS overdue,
                   count(CASE WHEN status = 'in_progress' THEN 1 END) AS in_progress,
                   count(CASE WHEN status = 'cancelled' THEN 1 END) AS cancelled,
                   count(CASE WHEN due_on IS NULL AND status <> 'cancelled' THEN 1 END) AS no_deadline,
                   min(CASE WHEN status = 'overdue' THEN due_on END) AS oldest_overdue_due
            FROM (SELECT t.agency_id, t.due_on, {status_sql()} AS status
                  FROM tasks t WHERE {where}) AS classified
            {"GROUP BY agency_id ORDER BY agency_id" if by_agency else ""}"""
        return [r for r in self._rows(sql, args) if r["population"]]

    def recorded_after(
        self, start: str, end: str, as_of: str, after: str, agency_id: int | None = None
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
            SELECT e.task_id, max(CASE WHEN e.action = 'add' THEN 1 ELSE 0 END) AS added,
                   max(CASE WHEN e.action <> 'add' THEN 1 ELSE 0 END) AS changed
            FROM events e JOIN tasks t ON t.id = e.task_id JOIN agencies a ON a.id = t.agency_id
            WHERE e.at >= :after
              AND (e.action = 'add' OR e.correction_from <= :as_of)
              AND (({now_in}) OR (e.action = 'edit' AND {was_in}))
            GROUP BY e.task_id""",
            args,
        )
        entered = {r["task_id"] for r in rows if r["added"]}
        corrected = {r["task_id"] for r in rows if r["changed"]} - entered
        imports = [
            r["id"]
            for r in self._rows("SELECT id FROM events WHERE action = 'import' AND at >= :after", {"after": after})
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
            groups = []
            for history, ids in ((False, [i for i in imports if i not in with_history]), (True, sorted(with_history))):
                if ids:
                    scope = {f"i{n}": i for n, i in enumerate(ids)}
                    where = (
                        f"import_event IN ({', '.join(':' + k for k in scope)})"
                        f" AND assigned_on BETWEEN :start AND :end{agency}"
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

    def uid_exists(self, uid: str) -> bool:
        return bool(self._rows("SELECT 1 AS hit FROM tasks WHERE uid = :uid", {"uid": uid}))

    def span(self) -> tuple[str | None, str | None]:
        """The first and last assignment dates in the register."""
        row = self._rows("SELECT min(assigned_on) AS first, max(assigned_on) AS last FROM tasks")[0]
        return row["first"], row["last"]

    def references(self) -> list[str]:
        """Rows that name a row that is not there (a damaged or hand-edited register)."""
        out = []
        for table, column, target in (
            ("tasks", "agency_id", "agencies"),
            ("tasks", "import_event", "events"),
            ("task_co_agencies", "task_id", "tasks"),
            ("task_co_agencies", "agency_id", "agencies"),
            ("deadlines", "task_id", "tasks"),
            ("deadlines", "event_id", "events"),
        ):
            key = "task_id" if table == "task_co_agencies" else "id"
            for r in self._rows(
                f"SELECT x.{key} AS k, x.{column} AS v FROM {table} x"
                f" WHERE x.{column} IS NOT NULL AND NOT EXISTS"
                f" (SELECT 1 FROM {target} y WHERE y.id = x.{column}) ORDER BY 1 LIMIT 100"
            ):
                out.append(f"{table} row {r['k']} → {target} {r['v']}")
        return out

    # -- publications (README "Publications") -------------------------------------------------

    PUBLICATION_COLUMNS = (
        "p.id, p.start_on, p.end_on, p.agency_id, a.code AS agency, p.as_of, p.version, p.at, p.actor,"
        " p.symbol, p.doc_date, p.reason, p.digest, p.event_id, p.imported_by"
    )

    def publications(self, start: str | None = None, end: str | None = None, with_body: bool = True) -> list[dict]:
        """Every publication (of the period [start, end] if given), oldest first; `body` is
        the canonical JSON text as stored."""
        where, args = "", {}
        if start is not None:
            where, args = " WHERE p.start_on = :start AND p.end_on = :end", {"start": start, "end": end}
        return self._rows(
            f"SELECT {self.PUBLICATION_COLUMNS}{', p.body' if with_body else ''} FROM publications p"
            f" LEFT JOIN agencies a ON a.id = p.agency_id{where} ORDER BY p.id",
            args,
        )

    def add_publication(self, fields: dict) -> int:
        """Append a publication; its id is the next one."""
        if fields.get("agency_id") is not None:
            self.may_write(fields["agency_id"])
        else:
            self.may_write(None)
        row = {"id": self._next_id("publications"), "imported_by": None, **fields}
        columns = list(row)
        self._run(
            f"INSERT INTO publications ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})", row
        )
        return row["id"]

    def event_stamp(self, event_id: int) -> tuple[str, str]:
        """The time and login an event was recorded with (on PostgreSQL the server's)."""
        row = self._rows("SELECT at, actor FROM events WHERE id = :id", {"id": event_id})[0]
        return row["at"], row["actor"]

    def positions(self, task_id: int, days: list[str]) -> dict[str, dict]:
        """A task's assignment date, lead agency and state as of each of `days` (none if
        there is no such task): what a publication of those days counted it as."""
        out: dict[str, dict] = {}
        for day in days:
            rows = self._rows(
                f"SELECT t.assigned_on, t.agency_id, {status_sql()} AS status FROM tasks t WHERE t.id = :id",
                {"id": task_id, "as_of": day},
            )
            if rows:
                out[day] = rows[0]
        return out

    def imported_into(self, import_event: int, start: str, end: str, agency_id: int | None) -> list[int]:
        """The ids (the first ten) of the tasks an import brought assigned in [start, end]."""
        agency = " AND agency_id = :agency_id" if agency_id is not None else ""
        rows = self._rows(
            "SELECT id FROM tasks WHERE import_event = :e AND assigned_on BETWEEN :start AND :end"
            f"{agency} ORDER BY id LIMIT 10",
            {"e": import_event, "start": start, "end": end, "agency_id": agency_id},
        )
        return [r["id"] for r in rows]

    def tasks_by_uid(self, uids: list[str]) -> dict[str, dict]:
        """Tasks (id, uid, title, agency code, import event) by uid."""
        out: dict[str, dict] = {}
        for i in range(0, len(uids), 500):
            chunk = {f"u{n}": u for n, u in enumerate(uids[i : i + 500])}
            if not chunk:
                continue
            for r in self._rows(
                "SELECT t.id, t.uid, t.title, a.code AS agency, t.import_event FROM tasks t"
                f" JOIN agencies a ON a.id = t.agency_id WHERE t.uid IN ({', '.join(':' + k for k in chunk)})",
                chunk,
            ):
                out[r["uid"]] = r
        return out
