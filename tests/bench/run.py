"""Benchmarks at scale: a register of 1,000,000 tasks over 40 agencies and 5 years.

Not part of the test run. Prints a table of medians (and ratios against the
floors they are compared with). Usage, from the project root, in a venv where
taskreg is installed:

    python tests/bench/run.py [--tasks 1000000] [--runs 5] [--dir /tmp/taskreg-bench]

Floors: the stack's start-up (../shared/bench/floor.py, when present, else an
equivalent script written here) and the sqlite3 shell running the same
aggregate on a minimal table of the same rows with a covering index.
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

QUARTER_SQL = """SELECT count(*), sum(s='on_time'), sum(s='late'), sum(s='overdue'),
 sum(s='in_progress'), sum(s='cancelled'), sum(due_on IS NULL AND s!='cancelled')
 FROM (SELECT due_on, CASE WHEN cancelled_on IS NOT NULL AND cancelled_on <= '{d}' THEN 'cancelled'
  WHEN done_on IS NOT NULL AND done_on <= '{d}' THEN CASE WHEN due_on IS NULL OR done_on <= due_on
  THEN 'on_time' ELSE 'late' END WHEN due_on IS NOT NULL AND due_on < '{d}' THEN 'overdue'
  ELSE 'in_progress' END AS s FROM t WHERE assigned_on BETWEEN '{a}' AND '{b}')"""
BY_AGENCY_SQL = QUARTER_SQL.replace("SELECT count(*)", "SELECT agency_id, count(*)").replace(
    "SELECT due_on, CASE", "SELECT agency_id, due_on, CASE") + " GROUP BY agency_id"


def run(cmd, runs, env=None):
    """Median wall seconds and the largest peak RSS (MiB) of `runs` runs after one warm-up."""
    walls, peaks = [], []
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(map(str, cmd))}")
        if i:
            walls.append(wall)
            peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), max(peaks)


def paired(cmd, floor, runs, env=None):
    """The median of per-pair ratios cmd/floor, run alternately so drift cancels."""
    ratios, a_walls, b_walls = [], [], []
    for _ in range(runs):
        a, _ = run(cmd, 1, env)
        b, _ = run(floor, 1, env)
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
        w.writerow(["title", "agency", "co_agencies", "assigned_on", "due_on", "done_on", "source"])
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
            w.writerow([f"Nhiệm vụ số {i} về rà soát thủ tục hành chính", rng.choice(agencies), co,
                        assigned.isoformat(), due.isoformat() if due else "",
                        done.isoformat() if done else "", f"{i % 5000}/KH-UBND"])


def minimal_copy(register: Path, target: Path) -> None:
    """The sqlite3 floor's table: the same rows, only the report's columns, a covering index."""
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    conn.execute("ATTACH ? AS r", [str(register)])
    conn.execute("CREATE TABLE t AS SELECT assigned_on, agency_id, due_on, done_on, cancelled_on"
                 " FROM r.tasks")
    conn.execute("CREATE INDEX t_cover ON t (assigned_on, agency_id, due_on, done_on, cancelled_on)")
    conn.commit()
    conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default="/tmp/taskreg-bench")
    args = parser.parse_args()
    work = Path(args.dir)
    work.mkdir(parents=True, exist_ok=True)
    taskreg = (shutil.which("taskreg", path=str(Path(sys.executable).parent))  # this venv's, activated or not
               or shutil.which("taskreg") or sys.exit("taskreg is not installed in this environment"))
    floor = Path(__file__).resolve().parents[3] / "shared" / "bench" / "floor.py"
    if not floor.exists():
        floor = work / "floor.py"
        floor.write_text(FLOOR)
    py = sys.executable
    env = {"TASKREG_TODAY": "2025-12-31", "TASKREG_USER": "bench"}
    agencies = [f"DV{i:02d}" for i in range(40)]
    rows = []

    big, empty, source = work / "big.db", work / "empty.db", work / f"tasks-{args.tasks}.csv"
    if not source.exists():
        make_csv(source, args.tasks, agencies)
    for path in (big, empty):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    for path in (big, empty):
        subprocess.run([taskreg, "--db", path, "init"], check=True, env={**os.environ, **env},
                       stderr=subprocess.DEVNULL)
        for code in agencies:
            subprocess.run([taskreg, "--db", path, "agency", "add", code, f"Đơn vị {code}"],
                           check=True, env={**os.environ, **env}, stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    proc = subprocess.Popen([taskreg, "--db", big, "import", source], stdout=subprocess.DEVNULL,
                            env={**os.environ, **env})
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "import failed"
    rows.append((f"import {args.tasks:,}-row CSV", time.perf_counter() - start, None, None,
                 f"peak {usage.ru_maxrss / 1024:.0f} MiB (target < 300)"))

    minimal = work / "minimal.db"
    minimal_copy(big, minimal)
    noop, _ = run([py, floor, "noop"], args.runs)
    q_sql = QUARTER_SQL.format(a="2024-04-01", b="2024-06-30", d="2024-06-30")
    y_sql = BY_AGENCY_SQL.format(a="2024-01-01", b="2024-12-31", d="2024-12-31")
    for label, cmd, sql in [
        ("report --quarter 2024Q2", [taskreg, "--db", big, "report", "--quarter", "2024Q2", "--format", "json"], q_sql),
        ("report --year 2024 --by agency", [taskreg, "--db", big, "report", "--year", "2024", "--by", "agency", "--format", "json"], y_sql),
    ]:
        mine, _ = run(cmd, args.runs, env)
        shell, _ = run(["sqlite3", minimal, sql], args.runs)
        rows.append((label, mine, noop + shell, mine / (noop + shell),
                     f"floor = start-up {noop * 1000:.0f} ms + sqlite3 {shell * 1000:.0f} ms"))

    for label, args_ in [("add", ["add", "Nhiệm vụ mới", "--agency", "DV01", "--due", "+7d"])]:
        on_big, _ = run([taskreg, "--db", big, *args_], args.runs, env)
        on_empty, _ = run([taskreg, "--db", empty, *args_], args.runs, env)
        rows.append((f"{label} (1M vs empty register)", on_big, on_empty, on_big / on_empty, ""))
    open_ids = subprocess.run([taskreg, "--db", big, "list", "--status", "open", "--agency", "DV02",
                               "--format", "csv"], capture_output=True, text=True, env={**os.environ, **env}
                              ).stdout.splitlines()[1:args.runs + 2]
    empty_ids = [subprocess.run([taskreg, "--db", empty, "add", "x", "--agency", "DV01"], capture_output=True,
                                text=True, env={**os.environ, **env}).stdout.strip() for _ in range(args.runs + 1)]
    done_big, done_empty = [], []
    for big_row, empty_id in zip(open_ids, empty_ids):
        for ids, db, out in ((big_row.split(",")[0], big, done_big), (empty_id, empty, done_empty)):
            t0 = time.perf_counter()
            subprocess.run([taskreg, "--db", db, "done", ids], check=True, stdout=subprocess.DEVNULL,
                           env={**os.environ, **env})
            out.append(time.perf_counter() - t0)
    b, e = statistics.median(done_big[1:]), statistics.median(done_empty[1:])
    rows.append(("done (1M vs empty register)", b, e, b / e, ""))

    for label, args_ in [("weekly", ["weekly"]),
                         ("list --status overdue --agency DV03", ["list", "--status", "overdue", "--agency", "DV03"]),
                         ("show 500000", ["show", "500000"])]:
        mine, _ = run([taskreg, "--db", big, *args_], args.runs, env)
        rows.append((label, mine, None, None, "target < 1 s"))

    floor_add = [py, floor, "add", "x", "--agency", "A", "--db", empty]
    for label, cmd, base in [
        ("start-up: --version", [taskreg, "--version"], [py, floor, "noop"]),
        ("start-up: add", [taskreg, "--db", empty, "add", "x", "--agency", "DV01"], floor_add),
        ("start-up: list", [taskreg, "--db", empty, "list"], floor_add),
    ]:
        mine, base_wall, ratio = paired(cmd, base, args.runs, env)
        rows.append((label, mine, base_wall, ratio, "paired with the floor"))

    print(f"{'measurement':42} {'median':>9} {'floor':>9} {'ratio':>6}  note")
    for label, mine, base, ratio, note in rows:
        print(f"{label:42} {mine * 1000:7.0f}ms "
              f"{'' if base is None else f'{base * 1000:7.0f}ms':>9} "
              f"{'' if ratio is None else f'{ratio:6.2f}':>6}  {note}")


if __name__ == "__main__":
    main()
