"""Both engines' schemas agree (issue 22): the same tables, the same columns (by name, their
types by affinity), the same primary keys and the same indexes (by table and columns), read
from the databases themselves — a fresh file register, and a fresh PostgreSQL register made
as tests/conftest.py makes every one (`db upgrade` by an administrator).

Left out: what only PostgreSQL has for its rights and its audit (`writers`, `write_lock`,
`register_options`, `audit_pending`, `lock_pending`), and each migration tool's bookkeeping (sqlite-utils' `_sqlite_migrations`,
yoyo's tables). A migration added to one folder and not the other fails here.
"""

import re
import sqlite3

import psycopg
import pytest

from taskreg.storage import create_store

#: PostgreSQL's own tables: who may write what, the write lock, the register's options, and
#: the tasks a transaction changed until its commit writes their events (migration 0009), the
#: tasks it added into a published period until its commit checks them (migration 0016).
PG_ONLY = {"writers", "write_lock", "register_options", "audit_pending", "lock_pending"}
#: The migration tools' bookkeeping.
BOOKKEEPING = {"_sqlite_migrations", "_yoyo_migration", "_yoyo_log", "_yoyo_version", "yoyo_lock"}

# Known differences, on purpose, that this comparison reads past:
# - dates are ISO `TEXT` on SQLite and `date` on PostgreSQL (read back as ISO text by the
#   store, storage/postgresql/connection.py): `affinity` reads a date as text;
# - PostgreSQL's text columns are the domain `ctext` (text COLLATE "C", to sort by code point
#   as SQLite does): information_schema gives their base type, text;
# - PostgreSQL's `tasks_import` also INCLUDEs `id`, which every SQLite index holds anyway (the
#   rowid): only an index's key columns are compared; a partial index's WHERE is not;
# - constraints beyond the primary key (CHECKs, references, PostgreSQL's DEFERRABLE ones),
#   triggers, policies and grants are not compared.


def affinity(declared: str) -> str:
    """A column's type as SQLite's affinity rules read it (sqlite.org/datatype3.html §3.1),
    PostgreSQL's date and time types read as text (ISO text on SQLite)."""
    name = declared.upper()
    if name in ("DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITHOUT TIME ZONE", "JSON"):
        return "TEXT"
    if "INT" in name:
        return "INTEGER"
    if any(word in name for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not name or "BLOB" in name or name == "BYTEA":
        return "BLOB"
    if any(word in name for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def _expression(text: str) -> str:
    """An index's key expression, spelled alike on both engines."""
    return "expr:" + re.sub(r"\s+", "", text).lower()


def _key_terms(create_index: str) -> list[str]:
    """The terms of a CREATE INDEX statement's key list, split at its top-level commas."""
    start = create_index.index("(", re.search(r"\bON\b", create_index, re.I).end())
    depth, term, terms = 0, "", []
    for ch in create_index[start + 1 :]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        if ch == "," and depth == 0:
            terms.append(term.strip())
            term = ""
        else:
            term += ch
    return [*terms, term.strip()]


def sqlite_schema(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not name.startswith("sqlite_") and name not in BOOKKEEPING
        ]
        columns, keys, indexes = {}, {}, set()
        for table in tables:
            info = conn.execute(f"PRAGMA table_info({table})").fetchall()
            columns[table] = {name: affinity(declared) for _, name, declared, *_ in info}
            keys[table] = tuple(name for _, name, _, _, _, pk in sorted(info, key=lambda r: r[5]) if pk)
            for _, name, unique, origin, _ in conn.execute(f"PRAGMA index_list({table})").fetchall():
                if origin == "pk":
                    continue  # the primary key, compared as such
                parts = conn.execute(f'PRAGMA index_xinfo("{name}")').fetchall()
                named = [p[2] for p in parts if p[5]]  # key columns (not the rowid SQLite appends)
                if None in named:  # an expression: read from the statement that made it
                    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
                    named = [c if c is not None else _expression(t) for c, t in zip(named, _key_terms(sql))]
                indexes.add((table, tuple(named), bool(unique)))
        return {"tables": set(tables), "columns": columns, "keys": keys, "indexes": indexes}
    finally:
        conn.close()


def postgresql_schema(url: str) -> dict:
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
            if name not in PG_ONLY | BOOKKEEPING
        ]
        columns, keys, indexes = {}, {}, set()
        for table in tables:
            columns[table] = {
                name: affinity(data_type)
                for name, data_type in conn.execute(
                    "SELECT column_name, data_type FROM information_schema.columns"
                    " WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
                    [table],
                )
            }
            keys[table] = tuple(
                name
                for (name,) in conn.execute(
                    "SELECT k.column_name FROM information_schema.table_constraints c"
                    " JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)"
                    " WHERE c.table_schema = 'public' AND c.table_name = %s AND c.constraint_type = 'PRIMARY KEY'"
                    " ORDER BY k.ordinal_position",
                    [table],
                )
            )
            # Each index's key columns (not those it only INCLUDEs), an expression as it reads.
            for oid, unique, count in conn.execute(
                "SELECT i.indexrelid, i.indisunique, i.indnkeyatts FROM pg_index i"
                " WHERE i.indrelid = %s::regclass AND NOT i.indisprimary",
                [f"public.{table}"],
            ).fetchall():
                named = []
                for k in range(1, count + 1):
                    (term, is_column) = conn.execute(
                        "SELECT pg_get_indexdef(%s, %s, true),"
                        " (SELECT indkey[%s - 1] <> 0 FROM pg_index WHERE indexrelid = %s)",
                        [oid, k, k, oid],
                    ).fetchone()
                    named.append(term if is_column else _expression(term))
                indexes.add((table, tuple(named), bool(unique)))
    return {"tables": set(tables), "columns": columns, "keys": keys, "indexes": indexes}


@pytest.fixture
def schemas(pg, tmp_path):
    path = tmp_path / "reg.db"
    create_store(path, actor="parity", now="2021-03-31T09:00:00+07:00")
    dbname = pg.fresh()
    try:
        yield sqlite_schema(path), postgresql_schema(pg.url("postgres", dbname))
    finally:
        pg.sql(f"DROP DATABASE {dbname} WITH (FORCE)")


def test_both_engines_have_the_same_tables(schemas):
    on_sqlite, on_postgresql = schemas
    assert on_sqlite["tables"] == on_postgresql["tables"]
    assert {"tasks", "agencies", "events", "deadlines", "task_co_agencies", "settings", "publications"} <= set(
        on_sqlite["tables"]
    )  # the comparison compares something


def test_every_table_has_the_same_columns_and_types(schemas):
    on_sqlite, on_postgresql = schemas
    for table in sorted(on_sqlite["tables"] & on_postgresql["tables"]):
        lite, pg = on_sqlite["columns"][table], on_postgresql["columns"][table]
        assert set(lite) == set(pg), table
        assert lite == pg, table


def test_every_table_has_the_same_primary_key(schemas):
    on_sqlite, on_postgresql = schemas
    shared = on_sqlite["tables"] & on_postgresql["tables"]
    assert {t: on_sqlite["keys"][t] for t in shared} == {t: on_postgresql["keys"][t] for t in shared}


def test_both_engines_have_the_same_indexes(schemas):
    """By table, key columns (an expression as written) and uniqueness; a UNIQUE column's
    index counts too."""
    on_sqlite, on_postgresql = schemas
    shared = on_sqlite["tables"] & on_postgresql["tables"]
    lite = {i for i in on_sqlite["indexes"] if i[0] in shared}
    pg = {i for i in on_postgresql["indexes"] if i[0] in shared}
    assert lite == pg
    assert ("tasks", ("uid",), True) in lite and ("events", ("task_id", "id"), False) in lite  # read, not empty
