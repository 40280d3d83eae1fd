"""Start-up of the commands a liaison types all day, against the stack's floor.

Not part of the test run. The floor is ../shared/bench/floor.py (when present, else the
same script as tests/bench/run.py writes) run by a Python whose environment has only
typer 0.28.0 and sqlite-utils: the lightest stack taskreg's dependencies allow. Make it once:

    python3 -m venv /tmp/floor && /tmp/floor/bin/pip install typer==0.28.0 sqlite-utils

then, from the project root, with taskreg installed as a user installs it (`pip install .`:
compiled bytecode; an editable install under PYTHONDONTWRITEBYTECODE compiles taskreg on
every run):

    python tests/bench/startup.py --floor-python /tmp/floor/bin/python [--runs 15]

Each taskreg command runs alternately with its floor, on a copy of the demo register (Q1/2021),
and the ratio is taken pair by pair: `--version` against the floor's `noop`, `--help` against
its `--help`, and `add`, `done`, `list` and `report` against its `add` (three options parsed
and one query on the register). Prints the median walls and the median of the ratios.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import FLOOR  # noqa: E402  (the same floor as the scale benchmarks)


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor-python", required=True, help="a Python with typer==0.28.0 and sqlite-utils only")
    parser.add_argument("--taskreg", default=shutil.which("taskreg") or "taskreg")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="taskreg-startup-"))
    shared = HERE.parents[2] / "shared" / "bench" / "floor.py"
    floor = shared if shared.exists() else work / "floor.py"
    if not shared.exists():
        floor.write_text(FLOOR, encoding="utf-8")
    db = str(work / "demo.db")
    subprocess.run([args.taskreg, "--db", db, "demo"], capture_output=True, check=True, cwd=work)
    opened = subprocess.run(
        [args.taskreg, "--db", db, "list", "--format", "json"], capture_output=True, text=True, check=True
    ).stdout
    open_ids = iter([t["id"] for t in json.loads(opened)])  # done takes a new open task each run
    f = [args.floor_python, str(floor)]
    f_add = [*f, "add", "x", "--agency", "A", "--db", db]
    t = [args.taskreg, "--db", db]
    cases = [
        ("--version", lambda: [args.taskreg, "--version"], [*f, "noop"]),
        ("--help", lambda: [args.taskreg, "--help"], [*f, "--help"]),
        ("add", lambda: [*t, "add", "Rà soát", "--agency", "SYT", "--due", "+30d"], f_add),
        ("done", lambda: [*t, "done", str(next(open_ids))], f_add),
        ("list", lambda: [*t, "list"], f_add),
        ("report --quarter I/2021", lambda: [*t, "report", "--quarter", "I/2021"], f_add),
    ]
    print(f"{'command':<26}{'taskreg s':>11}{'floor s':>10}{'ratio':>8}")
    for name, cmd, base in cases:
        wall(cmd()), wall(base)  # warm-up, not counted
        a, b, ratios = [], [], []
        for _ in range(args.runs):
            x, y = wall(cmd()), wall(base)
            a.append(x)
            b.append(y)
            ratios.append(x / y)
        print(f"{name:<26}{statistics.median(a):>11.3f}{statistics.median(b):>10.3f}{statistics.median(ratios):>8.2f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
