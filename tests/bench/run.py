"""Benchmarks at scale: a register of 1,000,000 tasks over 40 agencies and 5 years.

Not part of the test run. Prints a table of medians (and ratios against the
floors they are compared with). Usage, from the project root, in a venv where
taskreg is installed:

    python tests/bench/run.py [--tasks 1000000] [--runs 5] [--dir /tmp/taskreg-bench]
        [--engine sqlite|postgresql] [--pg postgresql://postgres@/postgres?host=...&port=...]
        [--import-runs 1] [--reuse]

Floors: the stack's start-up (../shared/bench/floor.py, when present, else an
equivalent script written here) and the sqlite3 shell running the same
aggregate on a minimal table of the same rows with a covering index. The SQLite
import's floor is import_floor.py beside this script (the same rows written into the
register's tables and indexes in one transaction, nothing checked), run alternately
with the import --import-runs times (default 1: a 1M import takes minutes), the ratio
taken pair by pair. `list --status overdue --agency DV03`'s floor is the start-up floor
plus the engine's shell selecting the same rows from the register; `weekly` is given
as its cost per printed line over the start-up of `list` on the empty register.

On PostgreSQL (--engine postgresql, --pg a superuser's URL; its user and database are
replaced, its ?host=&port= kept) the databases bench_big, bench_empty and bench_scratch
are dropped and made again, upgraded and granted to the login `bench` (made if missing)
as the office, and every taskreg command runs as `bench`. The floors there: start-up is
pg_floor.py beside this script; the report's is psql on the minimal table (made by the
superuser in bench_big); the import's is psql's \\copy of the CSV into a table of text
columns (in bench_scratch).
"""

import argparse
import csv
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

FLOOR = """import sqlite_utils
import typer

app = typer.Typer(add_completion=False)


@app.command()
def add(title: str, agency: str = typer.Option(...), db: str = typer.Option(...),
        due: str = typer.Option(None)):
    database = sqlite_utils.Database(db)
    database.execute("select count(*) from sqlite_master").fetchall()
    print(1)


@app.command()
def noop():
    pass


if __name__ == "__main__":
    app()
"""

CSV_COLUMNS = ["title", "agency", "co_agencies", "assigned_on", "due_on", "done_on", "source"]
LOGIN = "bench"  # the PostgreSQL login every taskreg command of the benchmark runs as


#: The progress reports the big register is given after its import (`taskreg update`, which
#: a CSV cannot carry), so that the update rate's lookups find some: a report 10 days after
#: the assignment of every third task, and 40 days after that of every seventh.
PROGRESS = ((10, 3), (40, 7))


def report_sql(engine: str, a: str, b: str, d: str, by_agency: bool = False) -> str:
    """The aggregate of a report on the minimal table t: the tasks assigned from a to b and
    their states on d. SQLite's sum(s='x') is PostgreSQL's count(*) FILTER (WHERE s='x'),
    and there the dates are date literals, compared with date columns."""
    if engine == "postgresql":
        tally, day, alias = "count(*) FILTER (WHERE {})".format, "DATE '{}'".format, " AS r"
    else:
        tally, day, alias = "sum({})".format, "'{}'".format, ""
    key = "agency_id, " if by_agency else ""
    counts = ", ".join(
        tally(c)
        for c in (
            "s='on_time'",
            "s='late'",
            "s='overdue'",
            "s='in_progress'",
            "s='cancelled'",
            "due_on IS NULL AND s!='cancelled'",
        )
    )
    d = day(d)
    return (
        f"SELECT {key}count(*), {counts}"
        f" FROM (SELECT {key}due_on, CASE WHEN cancelled_on IS NOT NULL AND cancelled_on <= {d} THEN 'cancelled'"
        f" WHEN done_on IS NOT NULL AND done_on <= {d} THEN CASE WHEN due_on IS NULL OR done_on <= due_on"
        f" THEN 'on_time' ELSE 'late' END WHEN due_on IS NOT NULL AND due_on < {d} THEN 'overdue'"
        f" ELSE 'in_progress' END AS s FROM t WHERE assigned_on BETWEEN {day(a)} AND {day(b)}){alias}"
        + (" GROUP BY agency_id" if by_agency else "")
    )


def run(cmd, runs, env=None):
    """Median wall seconds and the largest peak RSS (MiB) of `runs` runs after one warm-up
    (`runs` 0: one run, no warm-up)."""
    walls, peaks = [], []
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})}
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(map(str, cmd))}")
        if i or not runs:
            walls.append(wall)
            peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), max(peaks)


def paired(cmd, floor, runs, env=None):
    """The median of per-pair ratios cmd/floor, run alternately so drift cancels; `floor`
    is one command or a tuple of commands run one after the other, their walls added
    (start-up plus the engine's shell). Medians of cmd's walls, the floor's, the ratios."""
    floors = floor if isinstance(floor, tuple) else (floor,)
    ratios, a_walls, b_walls = [], [], []
    for _ in range(runs):
        a, _ = run(cmd, 1, env)
        b = sum(run(f, 1, env)[0] for f in floors)
        ratios.append(a / b)
        a_walls.append(a)
        b_walls.append(b)
    return statistics.median(a_walls), statistics.median(b_walls), statistics.median(ratios)


def make_csv(path: Path, n: int, agencies: list[str]) -> None:
    rng = random.Random(1)
    start = date(2021, 1, 1)
    today = date(2025, 12, 31)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        for i in range(n):
            assigned = start + timedelta(days=rng.randrange(0, 5 * 365))
            due = assigned + timedelta(days=rng.randrange(7, 120)) if rng.random() > 0.05 else None
            done = None
            # Old tasks are nearly all closed; recent ones often still open.
            if rng.random() < (0.999 if assigned < today - timedelta(days=365) else 0.85):
                done = assigned + timedelta(days=rng.randrange(1, 150))
                if done > today:
                    done = None
            co = ";".join(rng.sample(agencies, rng.randrange(0, 3)))
            w.writerow(
                [
                    f"Nhiệm vụ số {i} về rà soát thủ tục hành chính",
                    rng.choice(agencies),
                    co,
                    assigned.isoformat(),
                    due.isoformat() if due else "",
                    done.isoformat() if done else "",
                    f"{i % 5000}/KH-UBND",
                ]
            )


REPORT_COLUMNS = "assigned_on, agency_id, due_on, done_on, cancelled_on"
MINIMAL_SQL = [
    f"CREATE TABLE t AS SELECT {REPORT_COLUMNS} FROM {{tasks}}",
    f"CREATE INDEX t_cover ON t ({REPORT_COLUMNS})",
]


def minimal_copy(register: Path, target: Path) -> None:
    """The sqlite3 floor's table: the same rows, only the report's columns, a covering index."""
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    conn.execute("ATTACH ? AS r", [str(register)])
    for statement in MINIMAL_SQL:
        conn.execute(statement.format(tasks="r.tasks"))
    conn.commit()
    conn.close()


class SQLite:
    """Registers in files under the work folder; the floors' shell is sqlite3."""

    name, shell_name = "sqlite", "sqlite3"
    create = ["init"]  # what makes an empty register, before its agencies

    def __init__(self, work: Path, args):
        self.big, self.empty, self.minimal = work / "big.db", work / "empty.db", work / "minimal.db"
        self.template, self.floor_db = work / "template.db", work / "import-floor.db"
        self.floor = Path(__file__).resolve().parents[3] / "shared" / "bench" / "floor.py"
        if not self.floor.exists():
            self.floor = work / "floor.py"
            self.floor.write_text(FLOOR)

    def version(self) -> str:
        return f"SQLite {sqlite3.sqlite_version}"

    def reset(self, taskreg: str) -> None:
        for path in (self.big, self.empty):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

    def after_import(self) -> None:
        conn = sqlite3.connect(self.big)
        with conn:
            for days, every in PROGRESS:
                day = f"date(t.assigned_on, '+{days} days')"
                conn.execute(
                    "INSERT INTO events (id, at, actor, action, task_id, after, claimed_on)"
                    f" SELECT m.n + t.id, {day} || 'T09:00:00+07:00', 'bench', 'update', t.id,"
                    f' \'{{"progress": "Đang thực hiện"}}\', {day}'
                    f" FROM tasks t, (SELECT max(id) AS n FROM events) m WHERE t.id % {every} = 0"
                )
        conn.close()
        minimal_copy(self.big, self.minimal)

    def shell(self, sql: str, register: bool = False) -> list:
        return ["sqlite3", self.big if register else self.minimal, sql]

    def import_floor(self, source: Path, runs: int) -> float | None:
        return None

    def paired_import(self, taskreg: str, source: Path, runs: int, env: dict):
        """The import into a copy of the register with its agencies, alternately with
        import_floor.py writing the same rows; the last import's register is kept as big.
        (median import wall, largest peak MiB, median floor wall, median pair ratio)."""
        floor = [sys.executable, str(Path(__file__).resolve().with_name("import_floor.py")), source, self.floor_db]
        shutil.copyfile(self.big, self.template)
        walls, floors, ratios, peak = [], [], [], 0.0
        for _ in range(runs):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.big}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(self.template, self.big)
            wall, mib = run([taskreg, "--db", self.big, "import", source], 0, env)
            base, _ = run(floor, 0)
            walls.append(wall)
            floors.append(base)
            ratios.append(wall / base)
            peak = max(peak, mib)
        return statistics.median(walls), peak, statistics.median(floors), statistics.median(ratios)


def pg_url(url: str, dbname: str, user: str | None = None) -> str:
    """`url` naming another database (and, given `user`, another login); its query kept."""
    parts = urlsplit(url)
    netloc = parts.netloc if user is None else f"{quote(user, safe='')}@{parts.netloc.rpartition('@')[2]}"
    return urlunsplit(parts._replace(netloc=netloc, path="/" + quote(dbname, safe="")))


def pg_sql(url: str, *statements: str) -> list:
    """Run statements in autocommit (VACUUM needs it); the last one's rows, if it has any."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            cur = conn.execute(statement)
        return cur.fetchall() if cur.description else []


class PostgreSQL:
    """Registers in databases of the cluster at --pg, used by the login `bench` (an office);
    the superuser of --pg makes them and the floors' tables. The floors' shell is psql."""

    name, shell_name = "postgresql", "psql"
    create = ["config", "set", "org", "UBND"]  # `init` is refused on PostgreSQL: it is named
    databases = ("bench_big", "bench_empty", "bench_scratch")

    def __init__(self, work: Path, args):
        if not args.pg:
            sys.exit("--engine postgresql needs --pg, a superuser's URL of the cluster")
        self.admin = args.pg
        self.big, self.empty = (pg_url(args.pg, db, LOGIN) for db in self.databases[:2])
        self.floor = Path(__file__).resolve().with_name("pg_floor.py")
        self.psql = shutil.which("psql") or "/usr/bin/psql"

    def version(self) -> str:
        return "PostgreSQL " + pg_sql(self.admin, "SHOW server_version")[0][0]

    def reset(self, taskreg: str) -> None:
        """The databases made again, upgraded, granted to `bench` as the office, the pinned
        clock allowed (TASKREG_TODAY is refused otherwise); as the superuser."""
        pg_sql(
            self.admin,
            *[f"DROP DATABASE IF EXISTS {db} WITH (FORCE)" for db in self.databases],
            *[f"CREATE DATABASE {db}" for db in self.databases],
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{LOGIN}')"
            f" THEN CREATE ROLE {LOGIN} LOGIN; END IF; END $$",
        )
        env = {k: v for k, v in os.environ.items() if k not in ("TASKREG_TODAY", "TASKREG_DB")}
        for db in self.databases[:2]:
            url = pg_url(self.admin, db)
            for args_ in (["db", "upgrade"], ["admin", "grant", LOGIN, "--role", "office"]):
                subprocess.run([taskreg, "--db", url, *args_], check=True, env=env, stdout=subprocess.DEVNULL)
            pg_sql(url, "INSERT INTO register_options VALUES ('pinned-clock', 'allowed')")

    def after_import(self) -> None:
        """The minimal table beside the register, and statistics for both (as a DBA would,
        so that neither is measured before autovacuum has been by); as the superuser."""
        day = "(t.assigned_on + {days})"
        pg_sql(
            pg_url(self.admin, "bench_big"),
            "SET session_replication_role = replica",  # bench data, written past the audit triggers
            *[
                "INSERT INTO events (id, at, actor, action, task_id, after, claimed_on, written_by)"
                f" SELECT m.n + t.id, {day.format(days=days)}::text || 'T09:00:00+07:00', 'bench', 'update',"
                f" t.id, '{{\"progress\": \"Đang thực hiện\"}}', {day.format(days=days)}, 'database'"
                f" FROM tasks t, (SELECT max(id) AS n FROM events) m WHERE t.id % {every} = 0"
                for days, every in PROGRESS
            ],
            "RESET session_replication_role",
            "VACUUM ANALYZE",
            *[statement.format(tasks="tasks") for statement in MINIMAL_SQL],
            "VACUUM ANALYZE t",
        )

    def shell(self, sql: str, register: bool = False) -> list:
        return [self.psql, "-X", "-q", "-At", "-d", pg_url(self.admin, "bench_big"), "-c", sql]

    paired_import = None  # the import runs once: psql's \\copy is its floor

    def import_floor(self, source: Path, runs: int) -> float:
        """psql's \\copy of the CSV into a new table of as many text columns (bench_scratch)."""
        columns = ", ".join(f"{c} text" for c in CSV_COLUMNS)
        path = str(source.resolve()).replace("'", "''")
        wall, _ = run(
            [
                self.psql,
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                pg_url(self.admin, "bench_scratch"),
                "-c",
                "DROP TABLE IF EXISTS import_floor",
                "-c",
                f"CREATE TABLE import_floor ({columns})",
                "-c",
                f"\\copy import_floor FROM '{path}' CSV HEADER",
            ],
            runs,
        )
        return wall


ENGINES = {"sqlite": SQLite, "postgresql": PostgreSQL}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default="/tmp/taskreg-bench")
    parser.add_argument("--engine", choices=ENGINES, default="sqlite")
    parser.add_argument("--pg", help="PostgreSQL: a superuser's libpq URL of the cluster")
    parser.add_argument("--reuse", action="store_true", help="measure an earlier run's registers, no import")
    parser.add_argument("--import-runs", type=int, default=1, help="SQLite: imports paired with the floor")
    args = parser.parse_args()
    work = Path(args.dir)
    work.mkdir(parents=True, exist_ok=True)
    taskreg = (
        shutil.which("taskreg", path=str(Path(sys.executable).parent))  # this venv's, activated or not
        or shutil.which("taskreg")
        or sys.exit("taskreg is not installed in this environment")
    )
    engine = ENGINES[args.engine](work, args)
    env = {"TASKREG_TODAY": "2025-12-31", "TASKREG_USER": "bench"}
    agencies = [f"DV{i:02d}" for i in range(40)]
    rows = []

    big, empty, source = engine.big, engine.empty, work / f"tasks-{args.tasks}.csv"
    if not source.exists():
        make_csv(source, args.tasks, agencies)
    if args.reuse:  # the registers of an earlier run, its import not measured again
        return measure(args, engine, taskreg, env, [])
    engine.reset(taskreg)
    for path in (big, empty):
        subprocess.run(
            [taskreg, "--db", path, *engine.create], check=True, env={**os.environ, **env}, stderr=subprocess.DEVNULL
        )
        for code in agencies:
            subprocess.run(
                [taskreg, "--db", path, "agency", "add", code, f"Đơn vị {code}"],
                check=True,
                env={**os.environ, **env},
                stderr=subprocess.DEVNULL,
            )
    if engine.paired_import is not None:
        imported, peak, base, ratio = engine.paired_import(taskreg, source, args.import_runs, env)
        rows.append(
            (
                f"import {args.tasks:,}-row CSV",
                imported,
                base,
                ratio,
                f"peak {peak:.0f} MiB (target < 300); floor = import_floor.py, {args.import_runs} pair(s)",
            )
        )
        copy = None
    else:
        imported, peak = run([taskreg, "--db", big, "import", source], 0, env)
        copy = engine.import_floor(source, args.runs)
        rows.append(
            (
                f"import {args.tasks:,}-row CSV",
                imported,
                copy,
                imported / copy,
                f"peak {peak:.0f} MiB (target < 300); floor = import via psql \\copy",
            )
        )
    if copy is not None:
        rows.append(("import via psql \\copy", copy, None, None, "the CSV into a table of text columns"))

    engine.after_import()
    measure(args, engine, taskreg, env, rows)


def measure(args, engine, taskreg: str, env: dict, rows: list) -> None:
    """The reports, writes, weekly, list and start-up on the imported register; the table printed."""
    big, empty, floor, py = engine.big, engine.empty, engine.floor, sys.executable
    noop, _ = run([py, floor, "noop"], args.runs)
    q_sql = report_sql(engine.name, a="2024-04-01", b="2024-06-30", d="2024-06-30")
    y_sql = report_sql(engine.name, a="2024-01-01", b="2024-12-31", d="2024-12-31", by_agency=True)
    for label, cmd, sql in [
        ("report --quarter 2024Q2", [taskreg, "--db", big, "report", "--quarter", "2024Q2", "--format", "json"], q_sql),
        (
            "report --year 2024 --by agency",
            [taskreg, "--db", big, "report", "--year", "2024", "--by", "agency", "--format", "json"],
            y_sql,
        ),
    ]:
        shell, _ = run(engine.shell(sql), args.runs)
        mine, base, ratio = paired(cmd, ([py, floor, "noop"], engine.shell(sql)), args.runs, env)
        rows.append(
            (
                label,
                mine,
                base,
                ratio,
                f"paired; floor = start-up {noop * 1000:.0f} ms + {engine.shell_name} {shell * 1000:.0f} ms",
            )
        )

    for label, args_ in [("add", ["add", "Nhiệm vụ mới", "--agency", "DV01", "--due", "+7d"])]:
        on_big, _ = run([taskreg, "--db", big, *args_], args.runs, env)
        on_empty, _ = run([taskreg, "--db", empty, *args_], args.runs, env)
        rows.append((f"{label} (1M vs empty register)", on_big, on_empty, on_big / on_empty, ""))
    open_ids = subprocess.run(
        [taskreg, "--db", big, "list", "--status", "open", "--agency", "DV02", "--format", "csv"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    ).stdout.splitlines()[1 : args.runs + 2]
    empty_ids = [
        subprocess.run(
            [taskreg, "--db", empty, "add", "x", "--agency", "DV01"],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
        ).stdout.strip()
        for _ in range(args.runs + 1)
    ]
    done_big, done_empty = [], []
    for big_row, empty_id in zip(open_ids, empty_ids):
        for ids, db, out in ((big_row.split(",")[0], big, done_big), (empty_id, empty, done_empty)):
            t0 = time.perf_counter()
            subprocess.run(
                [taskreg, "--db", db, "done", ids], check=True, stdout=subprocess.DEVNULL, env={**os.environ, **env}
            )
            out.append(time.perf_counter() - t0)
    b, e = statistics.median(done_big[1:]), statistics.median(done_empty[1:])
    rows.append(("done (1M vs empty register)", b, e, b / e, ""))

    # weekly: its cost per line it prints, over the start-up of a `list` on the empty register.
    lines = subprocess.run(
        [taskreg, "--db", big, "weekly"], capture_output=True, text=True, env={**os.environ, **env}, check=True
    ).stdout.count("\n")
    weekly, _ = run([taskreg, "--db", big, "weekly"], args.runs, env)
    start_list, _ = run([taskreg, "--db", empty, "list"], args.runs, env)
    per_line = (weekly - start_list) / max(lines, 1)
    rows.append(
        ("weekly", weekly, start_list, None, f"{lines:,} lines: {per_line * 1e6:.1f} µs a line over `list` on empty")
    )
    # list --status overdue --agency DV03: start-up plus the shell selecting the same rows.
    overdue = (
        "SELECT t.id, t.title, a.code, t.assigned_on, t.due_on FROM tasks t JOIN agencies a ON a.id = t.agency_id"
        " WHERE a.code = 'DV03' AND t.due_on < '2025-12-31' AND (t.done_on IS NULL OR t.done_on > '2025-12-31')"
        " AND (t.cancelled_on IS NULL OR t.cancelled_on > '2025-12-31') ORDER BY t.id"
    )
    shell, _ = run(engine.shell(overdue, register=True), args.runs)
    mine, base, ratio = paired(
        [taskreg, "--db", big, "list", "--status", "overdue", "--agency", "DV03"],
        ([py, floor, "noop"], engine.shell(overdue, register=True)),
        args.runs,
        env,
    )
    rows.append(
        (
            "list --status overdue --agency DV03",
            mine,
            base,
            ratio,
            f"paired; floor = start-up {noop * 1000:.0f} ms + {engine.shell_name} {shell * 1000:.0f} ms",
        )
    )
    mine, _ = run([taskreg, "--db", big, "show", str(args.tasks // 2)], args.runs, env)  # 500000 at 1M
    rows.append((f"show {args.tasks // 2}", mine, None, None, "target < 1 s"))

    floor_add = [py, floor, "add", "x", "--agency", "A", "--db", empty]
    for label, cmd, base in [
        ("start-up: --version", [taskreg, "--version"], [py, floor, "noop"]),
        ("start-up: add", [taskreg, "--db", empty, "add", "x", "--agency", "DV01"], floor_add),
        ("start-up: list", [taskreg, "--db", empty, "list"], floor_add),
    ]:
        mine, base_wall, ratio = paired(cmd, base, args.runs, env)
        rows.append((label, mine, base_wall, ratio, "paired with the floor"))

    print(f"engine: {engine.name} ({engine.version()})")
    print(f"{'measurement':42} {'median':>9} {'floor':>9} {'ratio':>6}  note")
    for label, mine, base, ratio, note in rows:
        print(
            f"{label:42} {mine * 1000:7.0f}ms "
            f"{'' if base is None else f'{base * 1000:7.0f}ms':>9} "
            f"{'' if ratio is None else f'{ratio:6.2f}':>6}  {note}"
        )


if __name__ == "__main__":
    main()
