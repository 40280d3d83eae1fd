"""The register's queries, written once for both engines (the README's "Design").

`SqlStore` holds every query the commands and the service use (the report's in
storage/reporting.py, the publications' in storage/published.py, all on storage/engine.py's
primitives); `SQLiteStore` (storage/sqlite/) and `PostgresStore` (storage/postgresql/) add
how to connect, how a write transaction takes its lock, an import's batch (built on
storage/batch.py), and the few spellings that differ (`_co_codes`, `_json_text`). Queries
name their parameters `:name`; the PostgreSQL store rewrites them for psycopg. Values go in
and come out as the domain uses them: dates as ISO text, `before`/`after` as JSON values,
coordinating agencies as a list of codes.
"""

import json
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from taskreg.domain.errors import Refused
from taskreg.domain.states import (
    AGENCY_AS_OF,
    STALE,
    awaiting_sql,
    freshness_sql,
    lead_sql,
    necessary_sql,
    status_sql,
    updated_on_sql,
)
from taskreg.domain.text import fold, search_text
from taskreg.storage.published import PublicationQueries
from taskreg.storage.reporting import STARRED, ReportQueries

if TYPE_CHECKING:
    from taskreg.domain.store import Store

#: `list --sort` choices, as the store orders rows; callers only ever name a key.
SORTS = {
    "id": "id",
    "due": "due_on IS NULL, due_on, id",
    "assigned": "assigned_on, id",
    "agency": "agency, id",
    # never updated first, then the oldest report (`list --stale`)
    "updated": "updated_on IS NOT NULL, updated_on, id",
}

#: A task as the store returns it (the select list of every task query).
TASK_SELECT = (
    "t.id, t.uid, t.title, a.code AS agency, a.name AS agency_name, "
    "{co} AS co_agencies, t.assigned_on, t.due_on, t.done_on, "
    "t.cancelled_on, t.cancel_reason, t.source, t.source_date, t.assigned_by, "
    "t.note, t.result, t.starred, t.agency_id, t.awaiting_since, t.confirmed_on, "
    "t.series_id AS series, t.period_start, " + updated_on_sql() + " AS updated_on"
)

#: The task columns a caller may set; anything else is a programming error.
WRITABLE_COLUMNS = (
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
    "starred",
    "awaiting_since",
    "confirmed_on",
    # a period's task (docs/commands.md "recur"): its series and the period's first day
    "series_id",
    "period_start",
)
#: The series columns a caller may set (migration 0017).
SERIES_COLUMNS = (
    "id",
    "uid",
    "title",
    "agency_id",
    "every",
    "due_day",
    "due_after",
    "starred",
    "from_on",
    "stopped_on",
)
#: The largest id either engine's integer column holds.
MAX_ID = 2**31 - 1


def dumps(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _sorted(pairs: list) -> dict:
    return dict(sorted(pairs))


def loads(text):
    """An event's `before` or `after`, its keys in order (as `dumps` writes them; PostgreSQL's
    database writes them from the rows in jsonb's own order)."""
    return None if text is None else json.loads(text, object_pairs_hook=_sorted)


def _task(row: dict) -> dict:
    row = dict(row)
    row["co_agencies"] = row["co_agencies"].split(";") if row["co_agencies"] else []
    row["starred"] = bool(row["starred"])  # SQLite's 0/1, PostgreSQL's boolean
    row["awaiting_confirmation"] = bool(row["awaiting_confirmation"])
    return row


class SqlStore(ReportQueries, PublicationQueries):
    """An open register. Writes go through `write()`, which takes the register's write
    lock up front, so that a check and the write it allows see the same rows."""

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

    # -- what each engine provides (and storage/engine.py `Engine`) --------------------

    @contextmanager
    def transaction(self):
        """The engine's own write transaction (its lock taken first)."""
        raise NotImplementedError
        yield

    def may_publish(self) -> None:
        """Refuse `publish` to a login that may not publish (PostgreSQL: the office's alone)."""

    def may_amend(self) -> None:
        """Refuse `--amend-published` to a login that may not amend published figures."""

    def may_confirm(self) -> None:
        """Refuse `confirm` and `return` to a login that is not the office (PostgreSQL); a file
        register has no roles: anyone confirms."""

    def completion_awaits(self) -> bool:
        """Whether a completion this login records awaits the office's confirmation while
        `confirm-completion` is on (SPEC §12): anyone's on a file register, which has no
        roles; on PostgreSQL anyone's but the office's (and the database raises it itself)."""
        return True

    def may_remind(self) -> None:
        """Refuse `remind --send` to a login that may not send reminders (PostgreSQL: the office's alone)."""

    def close(self) -> None:
        raise NotImplementedError

    @property
    def row_conflict(self) -> type[Exception]:
        """A row the register's constraints refuse (a task id taken twice, say): the engine's own error."""
        return Exception

    def defer_references(self) -> None:
        """Check references at commit: an import's rows may be written before what they name."""

    def import_batch(self):
        """An import's rows written in its one transaction: each engine's own batch, built on
        storage/batch.py `ImportBatch` (which builds on this module)."""
        raise NotImplementedError

    # -- transactions and the audit log -----------------------------------------------------

    @contextmanager
    def write(self):
        """One write transaction (SPEC §4: every change with its event, or nothing)."""
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
        self._insert_event(
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
            }
        )
        if action == "add" and task_id is not None and imported_by is None:
            self._adding.append(task_id)
        return event_id

    def _insert_event(self, row: dict) -> None:
        """The event row itself. The file register writes it; PostgreSQL hands the database
        the why and the database writes the event (storage/postgresql/)."""
        self._run(
            "INSERT INTO events (id, at, actor, action, task_id, before, after, reason,"
            " claimed_on, correction_from, clock, imported_by)"
            " VALUES (:id, :at, :actor, :action, :task_id, :before, :after, :reason,"
            " :claimed_on, :correction_from, :clock, :imported_by)",
            row,
        )

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
        """Every agency by code; one merged into another (a merger in force) says into which
        (`merged_into`, its code) and from what day (`merged_on`)."""
        return self._rows(
            "SELECT a.id, a.code, a.name, a.kind, a.code_fold, a.name_fold, a.retired_on, a.email, a.short_name,"
            " m.merged_on, n.code AS merged_into FROM agencies a"
            " LEFT JOIN mergers m ON m.old_agency_id = a.id AND m.undone_event IS NULL"
            " LEFT JOIN agencies n ON n.id = m.new_agency_id ORDER BY a.code"
        )

    # -- mergers (docs/commands.md "agency merge, unmerge") ---------------------------------

    def mergers(self) -> list[dict]:
        """Every merger recorded, undone ones too, in order, with both agencies' codes."""
        return self._rows(
            "SELECT m.id, m.old_agency_id, o.code AS old, m.new_agency_id, n.code AS new, m.merged_on,"
            " m.event_id, m.undone_event FROM mergers m JOIN agencies o ON o.id = m.old_agency_id"
            " JOIN agencies n ON n.id = m.new_agency_id ORDER BY m.id"
        )

    def add_merger(self, old_id: int, new_id: int, on: str, event_id: int) -> None:
        """Record that `old_id` merged into `new_id` on `on` (its `agency_merge` event's id)."""
        self.may_write(None)  # the directory's: on PostgreSQL the office's alone
        self._run(
            "INSERT INTO mergers (id, old_agency_id, new_agency_id, merged_on, event_id)"
            " VALUES (:id, :old, :new, :on, :event_id)",
            {"id": self._next_id("mergers"), "old": old_id, "new": new_id, "on": on, "event_id": event_id},
        )
        self._merged = True

    def undo_merger(self, merger_id: int, event_id: int) -> None:
        """Mark a merger undone by its `agency_unmerge` event."""
        self.may_write(None)
        self._run("UPDATE mergers SET undone_event = :e WHERE id = :id", {"e": event_id, "id": merger_id})
        self._merged = None

    def merger_event(self, event_id: int) -> dict | None:
        """What a merger's `agency_merge` event recorded (its `after`)."""
        return loads(self._one("SELECT after FROM events WHERE id = :id", {"id": event_id}))

    def merger_chains(self) -> dict[int, list[tuple[str, str]]]:
        """Each merged agency's chain (taskreg.domain.states `AGENCY_AS_OF`): its id → the
        codes its tasks pass to, with each step's day, in order. Empty with no merger."""
        if not self.merged():
            return {}
        chains: dict[int, list[tuple[str, str]]] = {}
        for r in self._rows(
            f"{AGENCY_AS_OF}SELECT m.from_id, a.code, m.merged_on FROM agency_as_of m"
            " JOIN agencies a ON a.id = m.to_id ORDER BY m.from_id, m.merged_on, m.step"
        ):
            chains.setdefault(r["from_id"], []).append((r["code"], r["merged_on"]))
        return chains

    def task_ids(self, agency_ids: list[int]) -> list[int]:
        """The ids of the tasks stored as led by one of `agency_ids` (before any merger)."""
        if not agency_ids:
            return []
        marks = {f"a{n}": a for n, a in enumerate(agency_ids)}
        return [
            r["id"]
            for r in self._rows(
                f"SELECT id FROM tasks WHERE agency_id IN ({', '.join(':' + k for k in marks)}) ORDER BY id", marks
            )
        ]

    def open_with_co(self, agency_id: int) -> list[int]:
        """The open tasks (neither done nor cancelled) that `agency_id` coordinates."""
        return [
            r["task_id"]
            for r in self._rows(
                "SELECT c.task_id FROM task_co_agencies c JOIN tasks t ON t.id = c.task_id"
                " WHERE c.agency_id = :a AND t.done_on IS NULL AND t.cancelled_on IS NULL ORDER BY c.task_id",
                {"a": agency_id},
            )
        ]

    def add_agency(
        self, code: str, name: str, kind: str | None, email: str | None = None, short_name: str | None = None
    ) -> int:
        """A new agency; the folded code and name it is matched by are the store's to keep.
        `email`: its addresses, separated by `;` (taskreg.domain.addresses); `short_name`:
        the report chart's label (migration 0019)."""
        self.may_write(None)
        agency_id = self._next_id("agencies")
        self._run(
            "INSERT INTO agencies (id, code, name, kind, code_fold, name_fold, email, short_name)"
            " VALUES (:id, :code, :name, :kind, :code_fold, :name_fold, :email, :short_name)",
            {
                "id": agency_id,
                "code": code,
                "name": name,
                "kind": kind,
                "code_fold": fold(code),
                "name_fold": fold(name),
                "email": email,
                "short_name": short_name,
            },
        )
        return agency_id

    def set_agency_short(self, agency_id: int, short_name: str | None) -> None:
        self.may_write(None)
        self._run("UPDATE agencies SET short_name = :short WHERE id = :id", {"short": short_name, "id": agency_id})

    def set_agency_email(self, agency_id: int, email: str | None) -> None:
        self.may_write(None)
        self._run("UPDATE agencies SET email = :email WHERE id = :id", {"email": email, "id": agency_id})

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
        columns = [c for c in fields if c in WRITABLE_COLUMNS or c == "search"]
        self._run(f"INSERT INTO tasks ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})", fields)
        self.set_co_agencies(fields["id"], co_ids, replace=False)

    def update_task(self, task_id: int, fields: dict) -> None:
        """Change a task's fields (their searched text with them). On PostgreSQL a row the
        login may not write is refused before, never left unchanged in silence."""
        if not fields:
            return
        unknown = set(fields) - set(WRITABLE_COLUMNS)
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
        prefix, lead = (AGENCY_AS_OF, lead_sql()) if self.merged() else ("", "t.agency_id")
        rows = self._rows(
            f"{prefix}SELECT {TASK_SELECT.format(co=self._co_codes())}, {status_sql()} AS status,"
            f" {awaiting_sql()} AS awaiting_confirmation FROM tasks t"
            f" JOIN agencies a ON a.id = {lead} WHERE t.id = :id",
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
        stale_since: str | None = None,
        starred: bool = False,
        awaiting: bool = False,
    ):
        """Tasks with their state as of `as_of`, filtered; a generator (an export of a
        million tasks never holds them all).

        `stale_since` keeps only the tasks that must be updated and were not, in the update
        window that begins that day (taskreg.domain.states `freshness_sql`).

        `existing=False` also gives tasks assigned after `as_of` (state None): an
        export with no filter is a whole copy. `with_co=False` leaves out the
        coordinating agencies (a long digest does not print them). `starred` keeps only
        the key tasks (`list --starred`). `awaiting` keeps only the tasks whose completion
        awaited confirmation as of `as_of` (`list --status awaiting`).
        """
        where = ["t.assigned_on <= :as_of" if existing else "1 = 1"]
        args: dict = {"as_of": as_of}
        # the lead agency as of the date (taskreg.domain.states `lead_sql`), once merged
        prefix, lead = (AGENCY_AS_OF, lead_sql()) if self.merged() else ("", "t.agency_id")
        for condition, name, value in (
            (f"{lead} = :agency_id", "agency_id", agency_id),
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
        if starred:
            where.append(STARRED)
        if search:  # the folded texts to look for: any of them matches
            likes = []
            for n, text in enumerate(dict.fromkeys(search)):
                likes.append(f"t.search LIKE :search{n} ESCAPE '\\'")
                escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                args[f"search{n}"] = f"%{escaped}%"
            where.append(f"({' OR '.join(likes)})")
        if statuses and (narrow := necessary_sql(statuses)):
            where.append(f"({narrow})")
        if awaiting:
            where.append(f"{awaiting_sql()} = 1")
        columns = TASK_SELECT.format(co=self._co_codes() if with_co else "NULL")
        inner = (
            f"SELECT {columns}, {status_sql()} AS status, {awaiting_sql()} AS awaiting_confirmation FROM tasks t"
            f" JOIN agencies a ON a.id = {lead} WHERE {' AND '.join(where)}"
        )
        sql = f"{prefix}SELECT * FROM ({inner}) AS listed"
        kept = []
        if statuses:
            marks = ", ".join(f":s{i}" for i in range(len(statuses)))
            args.update({f"s{i}": s for i, s in enumerate(statuses)})
            kept.append(f"status IN ({marks})")
        if stale_since is not None:
            kept.append(f"{freshness_sql('listed', since=':updated_since')} = '{STALE}'")
            args["updated_since"] = stale_since
        if kept:
            sql += " WHERE " + " AND ".join(kept)
        sql += f" ORDER BY {SORTS[sort]}"
        for row in self._iter(sql, args):
            yield _task(row)

    # -- series of periodic tasks (docs/commands.md "recur") -----------------------------------

    def series(self, series_id: int | None = None) -> list[dict]:
        """Every series (or the one numbered `series_id`), by id: its lead agency's code, its
        coordinating agencies' codes, and how many tasks it has made."""
        if series_id is not None and not 0 < series_id <= MAX_ID:
            return []
        rows = self._rows(
            "SELECT s.id, s.uid, s.title, s.agency_id, a.code AS agency, s.every, s.due_day, s.due_after,"
            " s.starred, s.from_on, s.stopped_on,"
            " (SELECT count(*) FROM tasks t WHERE t.series_id = s.id) AS tasks"
            " FROM series s JOIN agencies a ON a.id = s.agency_id"
            + (" WHERE s.id = :id" if series_id is not None else "")
            + " ORDER BY s.id",
            {"id": series_id},
        )
        co: dict[int, list[str]] = {}
        for r in self._rows(
            "SELECT c.series_id, a.code FROM series_co_agencies c JOIN agencies a ON a.id = c.agency_id"
            + (" WHERE c.series_id = :id" if series_id is not None else "")
            + " ORDER BY a.code",
            {"id": series_id},
        ):
            co.setdefault(r["series_id"], []).append(r["code"])
        return [
            dict(r, due_after=bool(r["due_after"]), starred=bool(r["starred"]), co_agencies=co.get(r["id"], []))
            for r in rows
        ]

    def insert_series(self, fields: dict, co_ids: list[int]) -> int:
        """A new series (its id the next one unless `fields` names it)."""
        self.may_write(fields["agency_id"])
        fields = {"id": fields.get("id") or self._next_id("series"), **fields}
        columns = [c for c in fields if c in SERIES_COLUMNS]
        self._run(f"INSERT INTO series ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})", fields)
        self.set_series_co(fields["id"], co_ids, replace=False)
        return fields["id"]

    def update_series(self, series_id: int, fields: dict) -> None:
        """Change a series (on PostgreSQL a series the login may not write is refused first)."""
        unknown = set(fields) - set(SERIES_COLUMNS)
        if unknown:
            raise ValueError(f"not a series field: {', '.join(sorted(unknown))}")
        current = self._one("SELECT agency_id FROM series WHERE id = :id", {"id": series_id})
        self.may_write(current)
        if "agency_id" in fields:
            self.may_write(fields["agency_id"])
        if not fields:
            return
        assignments = ", ".join(f"{column} = :{column}" for column in fields)
        changed = self._run(
            f"UPDATE series SET {assignments} WHERE id = :series_id_", {**fields, "series_id_": series_id}
        )
        if changed != 1:
            self._refused_silently(current)

    def set_series_co(self, series_id: int, co_ids: list[int], replace: bool = True) -> None:
        if replace:
            self._run("DELETE FROM series_co_agencies WHERE series_id = :id", {"id": series_id})
        if co_ids:
            self._run_many(
                "INSERT INTO series_co_agencies (series_id, agency_id) VALUES (:series_id, :agency_id)",
                [{"series_id": series_id, "agency_id": a} for a in co_ids],
            )

    def series_tasks(self, series_id: int) -> dict[str, int]:
        """The tasks a series has made: the period's first day → the task's id."""
        return {
            r["period_start"]: r["id"]
            for r in self._rows(
                "SELECT id, period_start FROM tasks WHERE series_id = :id ORDER BY period_start", {"id": series_id}
            )
        }

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


if TYPE_CHECKING:

    def _handed(store: SqlStore) -> Store:
        """A store is what the rules are handed (taskreg.domain.store.Store): mypy checks it here."""
        return store
