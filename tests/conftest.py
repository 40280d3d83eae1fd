"""Shared fixtures: the real CLI, run in-process, on a real register in a temp dir.

Every test that uses `tr` (or `reg`) runs twice: on an SQLite file, and on a fresh
PostgreSQL database of a throwaway cluster (tests/pgcluster.py), connected as an office
login, which row-level security holds to its rules like any other (never a superuser or
the owner, which it does not). A test of the file register itself is marked
`sqlite_only`. Without PostgreSQL's server binaries the PostgreSQL runs skip with one
line saying why; under CI (TASKREG_REQUIRE_PG=1) they fail instead.
"""

import fcntl
import itertools
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from taskreg.cli.app import app

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
    """The throwaway PostgreSQL cluster: URLs, and fresh registers made from a template.

    One test run (all its xdist workers) shares one cluster, CI's included: every database the
    run makes is named after the run's tag (its templates, `TAG_template` and `TAG_reg`, and
    each test's, `TAG_reg_PID_N`), so that runs sharing a cluster never touch each other's, and
    the run drops them all when it ends (pytest_unconfigure)."""

    def __init__(self, base_url: str, tag: str = "taskreg"):
        self.base = base_url
        self.tag = tag
        self.template = f"{tag}_template"  # upgraded, the office granted: `tr`'s
        self.reg_template = f"{tag}_reg"  # and REG_COMMANDS run in it: `reg`'s
        self.counter = itertools.count()
        self._admin = None

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

    def _connection(self):
        """A connection kept by this process to the `postgres` database (which no template
        is), for the CREATE and DROP DATABASE around every PostgreSQL test."""
        import psycopg

        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.url("postgres", "postgres"), autocommit=True)
        return self._admin

    def prepare(self):
        """The logins and the template register: upgraded by the superuser (an
        administrator), the pinned clock allowed (a test register), the office granted."""
        import psycopg

        for login in (OFFICE, LIAISON, OTHER_LIAISON, READER):
            try:
                self.sql(f"CREATE ROLE {login} LOGIN")
            except (psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation):  # another run, meanwhile
                pass
        self.sql(f"DROP DATABASE IF EXISTS {self.template}", f"CREATE DATABASE {self.template}")
        env = {"TASKREG_TODAY": None, "TASKREG_DB": None}
        runner = CliRunner()
        admin = self.url("postgres", self.template)
        result = runner.invoke(app, ["--db", admin, "db", "upgrade"], env=env)
        assert result.exit_code == 0, result.stdout + result.stderr
        # The office's grant as `admin grant` makes it, but without its event: the
        # register's history starts empty, as a new file register's does.
        self.sql(
            f"GRANT taskreg_office TO {OFFICE}",
            f"INSERT INTO writers VALUES ('{OFFICE}', 'office', NULL)",
            "INSERT INTO register_options VALUES ('pinned-clock', 'allowed')",
            dbname=self.template,
        )
        # `reg`'s register, built once by the same commands (see `reg` below) and cloned.
        self.sql(
            f"DROP DATABASE IF EXISTS {self.reg_template}",
            f"CREATE DATABASE {self.reg_template} TEMPLATE {self.template}",
        )
        env = {
            "TASKREG_TODAY": TODAY,
            "TASKREG_USER": OFFICE,
            "TASKREG_LANG": None,
            "TASKREG_DB": self.url(OFFICE, self.reg_template),
        }
        for args in REG_COMMANDS:
            if args[0] == "init":  # a database register is named, not created (Taskreg.init)
                args = ["config", "set", "org", args[2]]
            result = runner.invoke(app, args, env=env)
            assert result.exit_code == 0, result.stdout + result.stderr

    def fresh_empty(self) -> str:
        """A database that no `db upgrade` has touched."""
        name = f"{self.tag}_bare_{os.getpid()}_{next(self.counter)}"
        self._connection().execute(f"CREATE DATABASE {name}")
        return name

    def fresh(self, template=None, name=None) -> str:
        """A new database copied from `template` (by default `tr`'s empty register)."""
        name = name or f"{self.tag}_reg_{os.getpid()}_{next(self.counter)}"
        conn = self._connection()
        # FILE_COPY (before PostgreSQL 15 the only way), not 15's WAL_LOG, which writes the
        # whole copy (some 8 MB of catalogs) to the WAL: alone, 18 ms a copy against 98 ms; in
        # a whole run, where its checkpoints also flush the other workers' writes, a little quicker.
        strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {template or self.template}{strategy}")
        return name

    def drop(self, name: str) -> None:
        self._connection().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def drop_run(self) -> None:
        """Drop every database this run made (its tag's)."""
        import psycopg

        with psycopg.connect(self.url("postgres", "postgres"), autocommit=True) as conn:
            names = conn.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [f"{self.tag}_"]
            ).fetchall()
            for (name,) in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- one test run, its xdist workers included ------------------------------------------------------
#
# The controller (or the lone process without xdist) makes a folder and a tag for the run and
# hands them to its workers; what the run builds once (the PostgreSQL cluster when it starts one,
# the templates, a large fixture file) is built by the first process that needs it, under a lock
# in that folder, and the others use it. The controller cleans up when the run ends.


def pytest_configure(config):
    if "taskreg_shared" in getattr(config, "workerinput", {}):
        config.taskreg_run = (Path(config.workerinput["taskreg_shared"]), config.workerinput["taskreg_tag"])
    else:  # the controller, or a lone process (or a worker whose controller never read this file)
        config.taskreg_run = (Path(tempfile.mkdtemp(prefix="taskreg-tests-")), f"t{secrets.token_hex(4)}")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """`-n auto` (pyproject's addopts): one worker more than the CPUs, as many tests wait on
    PostgreSQL or on the processes they start (on 2 cores, whole runs on a busy machine: 2
    workers 190 s, 3 139-146 s, 4 140-152 s, 6 168 s). PYTEST_XDIST_AUTO_NUM_WORKERS still rules."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cpus + 1


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """xdist: each worker gets the run's folder and tag."""
    shared, tag = node.config.taskreg_run
    node.workerinput["taskreg_shared"], node.workerinput["taskreg_tag"] = str(shared), tag


def pytest_unconfigure(config):
    if "taskreg_shared" in getattr(config, "workerinput", {}) or not hasattr(config, "taskreg_run"):
        return  # a worker: the controller cleans up
    shared, tag = config.taskreg_run
    state = shared / "pg.json"
    if state.exists():
        state = json.loads(state.read_text())
        if state.get("root"):  # started by this run: stopped, and its databases with it
            pgcluster.stop(Path(state["root"]))
        elif state.get("url"):
            try:
                Cluster(state["url"], tag).drop_run()
            except Exception as e:  # a cluster gone meanwhile: nothing left to drop
                print(f"taskreg tests: could not drop the run's databases ({e})", file=sys.stderr)
    shutil.rmtree(shared, ignore_errors=True)


@contextmanager
def _locked(path: Path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(config, name: str, build) -> Path:
    """The file (or folder) `name`, made by `build(path)` once in the whole run, by the first
    worker that asks, and shared by every worker: read it or copy it, never change it."""
    shared, _ = config.taskreg_run
    path = shared / name
    with _locked(shared / f"{name}.lock"):
        if not path.exists():
            building = shared / f"building-{name}"
            if building.is_dir():  # what a failed build left
                shutil.rmtree(building)
            building.unlink(missing_ok=True)
            build(building)
            building.rename(path)
    return path


def _start_cluster() -> dict:
    """The cluster's URL (and its folder, when started here), or why there is none."""
    url = os.environ.get("TASKREG_TEST_PG")
    if url:
        return {"url": url}
    if pgcluster.bin_dir() is None:
        return {"skip": "PostgreSQL tests skipped: no server binaries found (set PG_BIN)"}
    # Not under pytest's own temp folder, which the server's user may not enter; in memory
    # where it can be (pgcluster.in_memory).
    root = Path(tempfile.mkdtemp(prefix="taskreg-pg-", dir=pgcluster.in_memory()))
    try:
        return {"url": pgcluster.start(root), "root": str(root)}
    except (OSError, subprocess.CalledProcessError) as e:  # e.g. root, and no `postgres` user
        pgcluster.stop(root)
        return {"skip": f"PostgreSQL tests skipped: the throwaway cluster did not start ({e})"}


@pytest.fixture(scope="session")
def pg(request):
    """The cluster (TASKREG_TEST_PG: one already running, as .ci/run starts it), else one
    started here, else a skip saying why (a failure under TASKREG_REQUIRE_PG=1). One per
    run, its templates made once: the first worker to ask makes them, the others wait."""
    shared, tag = request.config.taskreg_run
    with _locked(shared / "pg.lock"):
        state_file = shared / "pg.json"
        if state_file.exists():
            state = json.loads(state_file.read_text())
        else:
            state = _start_cluster()
            state_file.write_text(json.dumps(state))  # the controller stops what was started
            if "url" in state:
                Cluster(state["url"], tag).prepare()
                state["ready"] = True
                state_file.write_text(json.dumps(state))
    if "skip" in state:
        if os.environ.get("TASKREG_REQUIRE_PG"):
            pytest.fail(state["skip"])
        pytest.skip(state["skip"])
    if not state.get("ready"):
        pytest.fail("the PostgreSQL templates could not be made (see the first PostgreSQL test's error)")
    return Cluster(state["url"], tag)


def pytest_collection_modifyitems(items):
    """The tests marked `slow` first, in their order: xdist hands out tests in this order, so
    the long ones start at once, side by side, rather than last on one worker."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames:
        if metafunc.definition.get_closest_marker("sqlite_only"):
            engines = ENGINES[:1]
        elif metafunc.definition.get_closest_marker("postgresql_only"):
            engines = ENGINES[1:]
        else:
            engines = ENGINES
        metafunc.parametrize("engine", engines)


def _env(path) -> dict:
    return {
        "TASKREG_DB": str(path),
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
def env(tmp_path):
    return _env(tmp_path / "reg.db")


@pytest.fixture
def tr(request, tmp_path, env, engine):
    """A fresh register: a file path not yet created, or an empty upgraded database."""
    if engine == "sqlite":
        yield Taskreg(tmp_path / "reg.db", env)
        return
    cluster = request.getfixturevalue("pg")
    # `reg` asked for: its three agencies are already there (built by its own commands)
    dbname = cluster.fresh(cluster.reg_template if "reg" in request.fixturenames else cluster.template)
    env["TASKREG_DB"] = cluster.url(OFFICE, dbname)
    yield Taskreg(tmp_path / "reg.db", env, engine, cluster, dbname)
    cluster.drop(dbname)


REG_COMMANDS = (
    ["init", "--org", "UBND tỉnh Quảng Nam"],
    ["agency", "add", "SYT", "Sở Y tế", "--kind", "sở"],
    ["agency", "add", "STC", "Sở Tài chính", "--kind", "sở"],
    ["agency", "add", "SGDDT", "Sở Giáo dục và Đào tạo", "--kind", "sở"],
)


def copy_register(source: Path, target: Path) -> None:
    """A file register copied as it lies, its WAL and shared memory files with it if any."""
    for suffix in ("", "-wal", "-shm"):
        if source.with_name(source.name + suffix).exists():
            shutil.copy(source.with_name(source.name + suffix), target.with_name(target.name + suffix))


@pytest.fixture(scope="session")
def _reg_file(tmp_path_factory):
    """`reg`'s file register, built once by REG_COMMANDS with `tr`'s environment (copied for each test)."""
    path = tmp_path_factory.mktemp("reg-template") / "reg.db"
    built = Taskreg(path, _env(path))
    for args in REG_COMMANDS:
        built(*args)
    return path


@pytest.fixture(scope="session")
def _built_registers():
    """The registers `as_built` made, by builder and engine, for this process (on PostgreSQL
    dropped with the run's other databases)."""
    return {}


def as_built(request, tr: Taskreg, build) -> Taskreg:
    """`tr`'s register as `build(tr)` leaves it, for a fixture whose every test starts from the
    same register: `build` runs once per process and engine (on a register like `tr`'s, `reg`'s
    if the test asked for `reg`), then each test gets a copy, a file copied or, on PostgreSQL, a
    database made from it as a template. `build` must do the same each time it is called."""
    made = request.getfixturevalue("_built_registers")
    key = (build.__module__, build.__qualname__, tr.engine, "reg" in request.fixturenames)
    if key not in made:
        if tr.engine == "sqlite":
            path = request.getfixturevalue("tmp_path_factory").mktemp("built") / "reg.db"
            if tr.path.exists():
                copy_register(tr.path, path)
            base = Taskreg(path, {**tr.env, "TASKREG_DB": str(path)})
        else:
            name = tr.pg.fresh(tr.dbname)
            base = Taskreg(None, {**tr.env, "TASKREG_DB": tr.pg.url(OFFICE, name)}, tr.engine, tr.pg, name)
        build(base)
        made[key] = base
    base = made[key]
    if tr.engine == "sqlite":
        copy_register(base.path, tr.path)
    else:
        tr.pg.drop(tr.dbname)
        tr.pg.fresh(base.dbname, name=tr.dbname)
    return tr


@pytest.fixture
def reg(request, tr):
    """A register with three agencies: a copy of one that these commands built (on
    PostgreSQL a database made from it as a template, see `tr`)."""
    if tr.engine == "sqlite":
        copy_register(request.getfixturevalue("_reg_file"), tr.path)
    return tr
