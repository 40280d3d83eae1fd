"""A large import into a SQLite register: its rows loaded first and the indexes built after,
inside the import's one transaction (README "Performance").
"""

import sqlite3

from taskreg.storage.batch import ImportBatch
from taskreg.storage.sql import SqlStore


class LoadBatch(ImportBatch):
    """An import's rows written in chunks on SQLite's own connection (no sqlite-utils
    layer per statement), and, for a large load into a small register, the tables' indexes
    dropped before it and built again after it, inside the same transaction.

    SQLite maintains every index row by row as a row is inserted: for a million tasks that
    was most of the import's time (issue 15). Building an index once over the loaded table
    sorts it instead. DROP INDEX and CREATE INDEX are part of the transaction, so a killed
    import leaves the register with every index and none of its rows (SPEC §5). Only plain
    indexes are dropped: the uid's UNIQUE index (the skip of a repeated row reads it) and
    any other unique one stay, so nothing the register refuses is let in meanwhile. So does
    an index that leads with a column referring to `tasks` (`deadlines_task`): while the
    import's own event is not yet written its references are outstanding, and SQLite then
    looks up, for every task inserted, the rows that name it (fkey.c, fkScanChildren);
    without that index each lookup would read the whole table.
    """

    TABLES = ("tasks", "deadlines", "task_co_agencies")
    #: The page cache while an import writes (KiB; the default is 2,000): the uid index and
    #: the tables' last pages stay in memory instead of being spilled and read back.
    CACHE_KIB = 65_536

    def __init__(self, store: SqlStore, conn: sqlite3.Connection):
        """`conn`: the store's own connection, inside its write transaction."""
        super().__init__(store)
        self.conn = conn
        self.dropped: list[tuple[str, str]] = []  # (name, CREATE INDEX …) to build again
        self.cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")

    def _stored_uid(self, uid: str) -> bool:
        return self.conn.execute("SELECT 1 FROM tasks WHERE uid = ?", (uid,)).fetchone() is not None

    def _load_first(self) -> None:
        """Drop the tables' plain indexes once this import has added as many tasks as the
        register held: from then on building them again costs less than keeping them."""
        if self.dropped or self.written + len(self.pending["tasks"]) < max(self.CHUNK, self.last_task):
            return
        marks = ", ".join("?" for _ in self.TABLES)
        referring = {
            (table, fk[3])  # (table, column) of a reference to tasks
            for table in self.TABLES
            for fk in self.conn.execute(f"PRAGMA foreign_key_list({table})")
            if fk[2] == "tasks"
        }
        self.dropped = [
            (name, sql)
            for name, table, sql in self.conn.execute(
                f"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks})"
                " AND sql IS NOT NULL ORDER BY name",
                self.TABLES,
            )
            if not sql.lstrip().upper().startswith("CREATE UNIQUE")
            and (table, self.conn.execute(f'PRAGMA index_info("{name}")').fetchone()[2]) not in referring
        ]
        for name, _ in self.dropped:
            self.conn.execute(f'DROP INDEX "{name}"')

    def _write_pending(self) -> None:
        self._load_first()
        self.conn.execute("SAVEPOINT import_chunk")
        try:
            self._insert(self.pending["tasks"], self.pending["task_co_agencies"], self.pending["deadlines"])
        except sqlite3.IntegrityError:
            # A row the register refuses (the caller's checks should have caught it): write
            # the chunk row by row to name each such row; the import then writes nothing.
            self.conn.execute("ROLLBACK TO import_chunk")
            self._one_by_one()
        self.conn.execute("RELEASE import_chunk")

    def _insert(self, tasks: list, co: list, deadlines: list) -> None:
        for table, columns, rows in (
            ("tasks", self.TASK_COLUMNS, tasks),
            ("task_co_agencies", self.CO_COLUMNS, co),
            ("deadlines", self.DEADLINE_COLUMNS, deadlines),
        ):
            if rows:
                marks = ", ".join("?" for _ in columns)
                self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _one_by_one(self) -> None:
        co: dict[int, list] = {}
        deadlines: dict[int, list] = {}
        for row in self.pending["task_co_agencies"]:
            co.setdefault(row[0], []).append(row)
        for row in self.pending["deadlines"]:
            deadlines.setdefault(row[1], []).append(row)
        for number, task in zip(self.numbers, self.pending["tasks"]):
            self.conn.execute("SAVEPOINT import_row")
            try:
                self._insert([task], co.get(task[0], []), deadlines.get(task[0], []))
            except sqlite3.IntegrityError as e:
                self.conn.execute("ROLLBACK TO import_row")
                self.conflicts.append((number, str(e)))
            self.conn.execute("RELEASE import_row")

    def finish(self) -> None:
        super().finish()
        for _, sql in self.dropped:
            self.conn.execute(sql)
        self.dropped = []
        self.conn.execute(f"PRAGMA cache_size = {self.cache}")
