"""An import's rows written in its one transaction, a chunk at a time (README "Performance").

`ImportBatch` is the write path both engines share; storage/sqlite/load.py's `LoadBatch`
also builds the indexes after a large load, and storage/postgresql/'s `CopyBatch` copies
the rows in with COPY. Each engine's store makes its own (`SqlStore.import_batch`).
"""

from taskreg.domain.text import search_text
from taskreg.storage.sql import WRITABLE_COLUMNS, SqlStore


class ImportBatch:
    """A whole file's tasks written in the import's one transaction (SPEC §5: all or none).

    Opened inside `store.write()`: the import's event id is taken first, for the tasks and
    deadlines to name (the event itself is written with the counts, before `finish()`). Validation is
    the caller's (taskreg/domain/imports.py); this only writes. `add` gives a task its id at once
    (ids have no gaps: the next one is counted here, inside the write lock) and keeps its
    rows; every `CHUNK` tasks they are written with one executemany per table, so memory
    holds one chunk and the uids of that chunk. PostgreSQL's copies them instead
    (storage/postgresql/); SQLite's also builds the indexes after a large load
    (storage/sqlite/load.py).
    """

    TASK_COLUMNS = (*WRITABLE_COLUMNS, "search")
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
