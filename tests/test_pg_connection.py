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


# -- issue 23 finding 10: a connection that fails says why, in the output language ----------------
#
# The run's cluster trusts every login on its socket (tests/pgcluster.py), so no password is
# ever asked there: the password cases run against a second throwaway cluster of this module's
# own, whose pg_hba.conf asks every login but the superuser for its password (scram-sha-256).


@pytest.fixture(scope="module")
def password_cluster():
    """The URL of a login `clerk` (password "right") to a register database `reg`, on a cluster
    that asks for passwords."""
    import tempfile
    from pathlib import Path

    import pgcluster

    if pgcluster.bin_dir() is None:
        if os.environ.get("TASKREG_REQUIRE_PG"):
            pytest.fail("no PostgreSQL server binaries for the password cluster (set PG_BIN)")
        pytest.skip("no PostgreSQL server binaries for the password cluster (set PG_BIN)")
    root = Path(tempfile.mkdtemp(prefix="taskreg-pgpw-", dir=pgcluster.in_memory()))
    try:
        admin = pgcluster.start(root, hba="local all postgres trust\nlocal all all scram-sha-256\n")
        import psycopg

        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("CREATE ROLE clerk LOGIN PASSWORD 'right'")
            conn.execute("CREATE DATABASE reg")
        yield pgcluster.url(root, "clerk", "reg")
    finally:
        pgcluster.stop(root)


def _pgpass(tmp_path, password: str) -> dict:
    path = tmp_path / "pgpass"
    path.write_text(f"*:*:*:clerk:{password}\n")
    path.chmod(0o600)
    return {"PGPASSFILE": str(path), "PGPASSWORD": None}


def _connect_fails(tr, url, env, lang="en") -> str:
    result = tr("--db", url, "--lang", lang, "list", code=1, env=env)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_a_wrong_password_says_the_server_refused_it(tr, tmp_path, password_cluster):
    """The issue: a wrong password in ~/.pgpass said only `…: password retrieved from file "~/.pgpass".`"""
    env = _pgpass(tmp_path, "wrong")
    said = _connect_fails(tr, password_cluster, env)
    assert said == (
        f"Cannot connect to the register at {password_cluster}: the server refused the password of the login "
        f'clerk (libpq: password authentication failed for user "clerk"; password retrieved from file '
        f'"{env["PGPASSFILE"]}").\n'
    )
    vi = _connect_fails(tr, password_cluster, env, "vi")
    assert ": máy chủ từ chối mật khẩu của tài khoản clerk (libpq: password authentication failed" in vi


def test_no_password_at_all_is_said_in_the_output_language_alone(tr, tmp_path, password_cluster):
    """The issue: with no password the Vietnamese sentence ended in libpq's English."""
    env = {"PGPASSFILE": str(tmp_path / "none"), "PGPASSWORD": None, "PGSERVICEFILE": str(tmp_path / "none")}
    assert _connect_fails(tr, password_cluster, env).endswith(
        ": the server asks for a password and none was found: put it in ~/.pgpass or a service file.\n"
    )
    vi = _connect_fails(tr, password_cluster, env, "vi")
    assert vi.endswith(
        ": máy chủ yêu cầu mật khẩu nhưng không tìm thấy mật khẩu nào: hãy ghi mật khẩu vào ~/.pgpass "
        "hoặc một tệp dịch vụ.\n"
    )
    assert "password" not in vi and "supplied" not in vi


def test_the_right_password_connects(tr, tmp_path, password_cluster):
    """The cluster does ask for passwords, and takes the right one (the register is not one yet)."""
    result = tr("--db", password_cluster, "list", code=1, env=_pgpass(tmp_path, "right"))
    assert "db upgrade" in result.stderr and "password" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    "change, said, vi",
    [
        ("database", "the server has no database taskreg_nowhere.", "máy chủ không có cơ sở dữ liệu taskreg_nowhere."),
        ("login", "the server has no login taskreg_nobody.", "máy chủ không có tài khoản đăng nhập taskreg_nobody."),
        ("socket", "no PostgreSQL server answers there (libpq: connection to server on socket", "không có máy chủ"),
        ("port", "no PostgreSQL server answers there (libpq: connection to server at", "không có máy chủ"),
    ],
)
def test_each_common_connection_failure_says_its_cause(tr, tmp_path, change, said, vi):
    import re

    url = tr.url()
    url = {
        "database": lambda: url.replace(f"@/{tr.dbname}", "@/taskreg_nowhere"),
        "login": lambda: url.replace("postgresql://lan@", "postgresql://taskreg_nobody@"),
        "socket": lambda: re.sub(r"host=[^&]*", f"host={tmp_path}", url),
        "port": lambda: "postgresql://lan@127.0.0.1:1/postgres",
    }[change]()
    assert said in _connect_fails(tr, url, {})
    assert vi in _connect_fails(tr, url, {}, "vi")
