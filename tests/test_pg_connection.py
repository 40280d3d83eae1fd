"""Reaching a PostgreSQL register: what is said when it cannot be reached (SPEC §8, §9).

A plain `pip install taskreg` has neither psycopg nor yoyo-migrations: naming a PostgreSQL
register then is one sentence naming the extra to install (issue 23 finding 5). These run
taskreg in a process of its own, in which the module is blocked (`sys.modules[name] = None`
makes every import of it fail as a missing one does): nothing is uninstalled.
"""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.postgresql_only

EXTRA = "pip install 'taskreg[postgresql]'"


def _without(modules, *args, env):
    """`taskreg ARGS` in a process of its own in which `modules` cannot be imported."""
    blocked = "".join(f"sys.modules[{m!r}] = None; " for m in modules)
    code = f"import runpy, sys; {blocked}runpy.run_module('taskreg', run_name='__main__')"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        env={**os.environ, **{k: v for k, v in env.items() if v is not None}, "TASKREG_DB": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("args", [["list"], ["add", "Việc", "--agency", "SYT"], ["admin", "users"], ["db", "upgrade"]])
def test_a_postgresql_register_without_psycopg_is_one_sentence_naming_the_extra(tr, args):
    before = tr.tables()
    result = _without(["psycopg"], "--db", tr.db, *args, env=tr.env)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "its driver (psycopg) is not installed" in result.stderr and EXTRA in result.stderr
    vi = _without(["psycopg"], "--db", tr.db, *args, "--lang", "vi", env=tr.env).stderr
    assert "chưa cài trình kết nối (psycopg)" in vi and EXTRA in vi
    assert tr.tables() == before


def test_db_upgrade_without_yoyo_is_one_sentence_naming_the_extra(tr, pg):
    name = pg.fresh_empty()
    try:
        result = _without(["yoyo"], "--db", pg.url("postgres", name), "db", "upgrade", env=tr.env)
        assert result.returncode == 1, result.stderr
        assert result.stderr == (
            "`db upgrade` applies the migrations with yoyo-migrations, which is not installed: "
            f"install taskreg's PostgreSQL extra, `{EXTRA}`.\n"
        )
        # nothing was done: no role made, no table
        assert pg_tables(pg, name) == []
    finally:
        pg.drop(name)


def pg_tables(pg, dbname) -> list:
    import psycopg

    with psycopg.connect(pg.url("postgres", dbname), autocommit=True) as conn:
        return conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
