"""The floor of `taskreg import` on SQLite: what the import writes, and nothing else.

    python tests/bench/import_floor.py TASKS.csv NEW.db [--agencies 40]

A new SQLite file gets the register's own schema (the migrations in migrations/*.sql,
applied as `taskreg init` applies them: the same tables, indexes and triggers), the 40
agencies DV00…DV39 and one import event; then, in one transaction, every row of the
benchmark CSV (tests/bench/run.py `make_csv`) as the import writes it: the task with its
uid (uuid5 of the folded title, agency code, assignment date and folded source, as
taskreg.domain.imports computes it), its searched text (taskreg.domain.text.search_text), its coordinating
agencies and its first deadline, inserted with executemany into the indexed tables.

It checks nothing: no cell is validated, no date parsed, no agency resolved beyond a
dict lookup, no uid looked up. The import's time over this one is taskreg's own overhead
(issue 15).
"""

import argparse
import csv
import sqlite3
import uuid
from pathlib import Path

from taskreg.domain.text import fold, search_text

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 5_000


def schema(conn: sqlite3.Connection) -> None:
    """The register's tables as the migrations make them (storage/sqlite.py `_migrations`)."""
    from taskreg.storage.sqlite import _statements

    conn.create_function("taskreg_search", 2, search_text, deterministic=True)
    for path in sorted((ROOT / "migrations").glob("*.sql")):
        for statement in _statements(path.read_text(encoding="utf-8")):
            conn.execute(statement)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("db")
    parser.add_argument("--agencies", type=int, default=40)
    args = parser.parse_args()
    Path(args.db).unlink(missing_ok=True)
    conn = sqlite3.connect(args.db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    schema(conn)
    ids = {}
    for i in range(args.agencies):
        code = f"DV{i:02d}"
        name = f"Đơn vị {code}"
        ids[code] = i + 1
        conn.execute(
            "INSERT INTO agencies (id, code, name, code_fold, name_fold) VALUES (?, ?, ?, ?, ?)",
            (i + 1, code, name, fold(code), fold(name)),
        )
    conn.execute("COMMIT")

    conn.execute("BEGIN IMMEDIATE")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    event = 1
    tasks, co, deadlines = [], [], []
    task_id = deadline_id = 0

    def flush() -> None:
        conn.executemany(
            "INSERT INTO tasks (id, uid, title, agency_id, assigned_on, due_on, done_on, source, search,"
            " import_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tasks,
        )
        conn.executemany("INSERT INTO task_co_agencies (task_id, agency_id) VALUES (?, ?)", co)
        conn.executemany(
            "INSERT INTO deadlines (id, task_id, due_on, kind, decided_on, reason, event_id)"
            " VALUES (?, ?, ?, 'initial', ?, NULL, ?)",
            deadlines,
        )
        tasks.clear()
        co.clear()
        deadlines.clear()

    with open(args.csv, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for title, agency, co_agencies, assigned_on, due_on, done_on, source in reader:
            task_id += 1
            lead = ids[agency]
            uid = str(
                uuid.uuid5(uuid.NAMESPACE_URL, "taskreg:" + "|".join([fold(title), agency, assigned_on, fold(source)]))
            )
            tasks.append(
                (
                    task_id,
                    uid,
                    title,
                    lead,
                    assigned_on,
                    due_on or None,
                    done_on or None,
                    source or None,
                    search_text(title, source or None),
                    event,
                )
            )
            co += [(task_id, ids[c]) for c in dict.fromkeys(co_agencies.split(";")) if c and ids[c] != lead]
            if due_on:
                deadline_id += 1
                deadlines.append((deadline_id, task_id, due_on, assigned_on, event))
            if len(tasks) >= CHUNK:
                flush()
    flush()
    conn.execute(
        "INSERT INTO events (id, at, actor, action, after) VALUES (?, '2025-12-31T00:00:00+00:00', 'bench',"
        " 'import', ?)",
        (event, f'{{"file": "{args.csv}", "imported": {task_id}}}'),
    )
    conn.execute("COMMIT")
    conn.close()
    print(task_id)


if __name__ == "__main__":
    main()
