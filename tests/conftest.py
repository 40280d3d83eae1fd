"""Shared fixtures: the real CLI, run in-process, on a real register in a temp dir.

Every test that uses `tr` (or `reg`) runs twice: on an SQLite file, and on a fresh
PostgreSQL database of a throwaway cluster (tests/pgcluster.py), connected as an office
login, which row-level security holds to its rules like any other (never a superuser or
the owner, which it does not). A test of the file register itself is marked
`sqlite_only`. Without PostgreSQL's server binaries the PostgreSQL runs skip with one
line saying why; under CI (TASKREG_REQUIRE_PG=1) they fail instead.
"""

import itertools
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from taskreg.cli import app

sys.path.insert(0, str(Path(__file__).parent))
import pgcluster  # noqa: E402

TODAY = "2021-03-31"
ENGINES = ("sqlite", "postgresql")
#: The logins the PostgreSQL runs use (made once per cluster, granted in the template).
#: The office login is "lan", the TASKREG_USER of the file runs: the same actor in every history.
OFFICE, LIAISON, OTHER_LIAISON, READER = "lan", "tr_liaison", "tr_liaison2", "tr_reader"


class Taskreg:
    """Runs `taskreg ARGS` against one register, at a fixed width, date and user."""

    def __init__(self, path, env, engine="sqlite", pg=None, dbname=None):
        self.path = path
        self.env = env
        self.engine = engine
        self.pg = pg
        self.dbname = dbname
        self.runner = CliRunner()

    def __call__(self, *args, code=0, env=None):
        result = self.runner.invoke(app, [str(a) for a in args], env={**self.env, **(env or {})})
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == code, (
            f"exit {result.exit_code} != {code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
        return result

    @property
    def db(self):
        """The register as --db takes it: the file's path, or the office login's URL."""
        return self.path if self.engine == "sqlite" else self.url()

    def tables(self) -> dict:
        """Every table's rows, to tell whether a failed command changed anything (read on one
        connection: this runs around many commands)."""
        if self.engine == "sqlite":
            if not self.path.exists():
                return {}
            conn = sqlite3.connect(self.path)
            try:
                names = [
                    r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                ]
                return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in names}
            finally:
                conn.close()
        import psycopg

        with psycopg.connect(self.pg.url("postgres", self.dbname), autocommit=True) as conn:
            names = [
                r[0]
                for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            ]
            return {t: _plain(conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in names}

    def user_env(self, name: str) -> dict:
        """The environment that makes `name` the actor: TASKREG_USER on a file register; on
        PostgreSQL, where the actor is the login, an office login of that name."""
        if self.engine == "sqlite":
            return {"TASKREG_USER": name}
        from psycopg import errors, sql

        try:
            self.pg.sql(sql.SQL("CREATE ROLE {} LOGIN IN ROLE taskreg_office").format(sql.Identifier(name)))
        except errors.DuplicateObject:
            pass
        self.pg.sql(
            sql.SQL("INSERT INTO writers VALUES ({}, 'office', NULL)").format(sql.Literal(name)), dbname=self.dbname
        )
        return {"TASKREG_DB": self.url(name)}

    def url(self, login=OFFICE) -> str:
        """The register's URL for `login` (PostgreSQL only)."""
        return self.pg.url(login, self.dbname)

    def init(self, org="UBND tỉnh Quảng Nam"):
        """A register named for `org`: `init` on a file, `config set org` on a database,
        which its administrator created (SPEC §9)."""
        if self.engine == "sqlite":
            return self("init", "--org", org)
        return self("config", "set", "org", org)

    def rows(self, sql, args=()):
        """Rows read with the engine's own SQL, as the register's owner would."""
        if self.engine == "sqlite":
            conn = sqlite3.connect(self.path)
            try:
                return conn.execute(sql, args).fetchall()
            finally:
                conn.close()
        import psycopg

        sql = re.sub(r"\?", "%s", sql)
        with psycopg.connect(self.pg.url("postgres", self.dbname), autocommit=True) as conn:
            cur = conn.execute(sql, args or None)
            rows = cur.fetchall() if cur.description else []
        return _plain(rows)


def _plain(rows) -> list[tuple]:
    """PostgreSQL's rows with dates and times as the ISO text SQLite keeps."""
    return [tuple(v.isoformat() if hasattr(v, "isoformat") else v for v in r) for r in rows]


class Cluster:
    """The throwaway PostgreSQL cluster: URLs, and fresh registers made from a template."""

    def __init__(self, base_url: str):
        self.base = base_url
        self.counter = itertools.count()

    def url(self, login: str, dbname: str) -> str:
        from urllib.parse import quote

        return re.sub(
            r"postgresql://[^@]*@/[^?]*", lambda _: f"postgresql://{quote(login, safe='')}@/{dbname}", self.base
        )

    def sql(self, *statements, dbname="postgres"):
        import psycopg

        with psycopg.connect(self.url("postgres", dbname), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def prepare(self):
        """The logins and the template register: upgraded by the superuser (an
        administrator), the pinned clock allowed (a test register), the office granted."""
        import psycopg

        for login in (OFFICE, LIAISON, OTHER_LIAISON, READER):
            try:
                self.sql(f"CREATE ROLE {login} LOGIN")
            except psycopg.errors.DuplicateObject:
                pass
        self.sql("DROP DATABASE IF EXISTS taskreg_template", "CREATE DATABASE taskreg_template")
        env = {"TASKREG_TODAY": None, "TASKREG_DB": None}
        runner = CliRunner()
        admin = self.url("postgres", "taskreg_template")
        result = runner.invoke(app, ["--db", admin, "db", "upgrade"], env=env)
        assert result.exit_code == 0, result.stdout + result.stderr
        # The office's grant as `admin grant` makes it, but without its event: the
        # register's history starts empty, as a new file register's does.
        self.sql(
            f"GRANT taskreg_office TO {OFFICE}",
            f"INSERT INTO writers VALUES ('{OFFICE}', 'office', NULL)",
            "INSERT INTO register_options VALUES ('pinned-clock', 'allowed')",
            dbname="taskreg_template",
        )
        # `reg`'s register, built once by the same commands (see `reg` below) and cloned.
        self.sql(
            "DROP DATABASE IF EXISTS taskreg_reg_template",
            "CREATE DATABASE taskreg_reg_template TEMPLATE taskreg_template",
        )
        env = {
            "TASKREG_TODAY": TODAY,
            "TASKREG_USER": OFFICE,
            "TASKREG_LANG": None,
            "TASKREG_DB": self.url(OFFICE, "taskreg_reg_template"),
        }
        for args in REG_COMMANDS:
            if args[0] == "init":  # a database register is named, not created (Taskreg.init)
                args = ["config", "set", "org", args[2]]
            result = runner.invoke(app, args, env=env)
            assert result.exit_code == 0, result.stdout + result.stderr

    def fresh_empty(self) -> str:
        """A database that no `db upgrade` has touched."""
        name = f"bare_{os.getpid()}_{next(self.counter)}"
        self.sql(f"CREATE DATABASE {name}")
        return name

    def fresh(self, template="taskreg_template") -> str:
        name = f"reg_{os.getpid()}_{next(self.counter)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {template}")
        return name


@pytest.fixture(scope="session")
def pg():
    """The cluster (TASKREG_TEST_PG: one already running, as .ci/run starts it), else one
    started here, else a skip saying why (a failure under TASKREG_REQUIRE_PG=1)."""
    url = os.environ.get("TASKREG_TEST_PG")
    root = None
    if not url:
        if pgcluster.bin_dir() is None:
            reason = "PostgreSQL tests skipped: no server binaries found (set PG_BIN)"
            if os.environ.get("TASKREG_REQUIRE_PG"):
                pytest.fail(reason)
            pytest.skip(reason)
        import tempfile

        # Not under pytest's own temp folder, which the server's user may not enter.
        root = Path(tempfile.mkdtemp(prefix="taskreg-pg-"))
        try:
            url = pgcluster.start(root)
        except (OSError, subprocess.CalledProcessError) as e:  # e.g. root, and no `postgres` user
            pgcluster.stop(root)
            reason = f"PostgreSQL tests skipped: the throwaway cluster did not start ({e})"
            if os.environ.get("TASKREG_REQUIRE_PG"):
                pytest.fail(reason)
            pytest.skip(reason)
    cluster = Cluster(url)
    cluster.prepare()
    yield cluster
    if root is not None:
        pgcluster.stop(root)


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames:
        if metafunc.definition.get_closest_marker("sqlite_only"):
            engines = ENGINES[:1]
        elif metafunc.definition.get_closest_marker("postgresql_only"):
            engines = ENGINES[1:]
        else:
            engines = ENGINES
        metafunc.parametrize("engine", engines)


@pytest.fixture
def env(tmp_path):
    return {
        "TASKREG_DB": str(tmp_path / "reg.db"),
        "TASKREG_TODAY": TODAY,
        "TASKREG_USER": "lan",
        "COLUMNS": "100",
        "TASKREG_LANG": None,
        "LANG": "C.UTF-8",
        "LC_ALL": None,
        "LC_MESSAGES": None,
        "TTY_COMPATIBLE": None,
        "NO_COLOR": "1",
    }


@pytest.fixture
def tr(request, tmp_path, env, engine):
    """A fresh register: a file path not yet created, or an empty upgraded database."""
    if engine == "sqlite":
        yield Taskreg(tmp_path / "reg.db", env)
        return
    cluster = request.getfixturevalue("pg")
    # `reg` asked for: its three agencies are already there (built by its own commands)
    dbname = cluster.fresh("taskreg_reg_template" if "reg" in request.fixturenames else "taskreg_template")
    env["TASKREG_DB"] = cluster.url(OFFICE, dbname)
    yield Taskreg(tmp_path / "reg.db", env, engine, cluster, dbname)
    cluster.sql(f"DROP DATABASE {dbname} WITH (FORCE)")


REG_COMMANDS = (
    ["init", "--org", "UBND tỉnh Quảng Nam"],
    ["agency", "add", "SYT", "Sở Y tế", "--kind", "sở"],
    ["agency", "add", "STC", "Sở Tài chính", "--kind", "sở"],
    ["agency", "add", "SGDDT", "Sở Giáo dục và Đào tạo", "--kind", "sở"],
)


@pytest.fixture
def reg(tr):
    """A register with three agencies (on PostgreSQL, a copy of one these commands built)."""
    if tr.engine == "sqlite":
        for args in REG_COMMANDS:
            tr(*args)
    return tr
