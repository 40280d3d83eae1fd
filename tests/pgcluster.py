"""A throwaway PostgreSQL cluster for the tests: `python tests/pgcluster.py start DIR`
prints the libpq URL of its superuser; `stop DIR` stops it and removes DIR;
`python tests/pgcluster.py where` prints the folder to make DIR in (in memory if it can).

The server refuses to run as root, so as root it runs as the `postgres` user (or
TASKREG_PG_USER); it listens only on a Unix socket inside DIR, on a private port.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PORT = int(os.environ.get("TASKREG_PG_PORT", "54329"))
CANDIDATES = (
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/15/bin",
    "/usr/local/pgsql/bin",
    "/opt/homebrew/bin",
    "/usr/local/bin",
    "/usr/bin",
)


def in_memory() -> str | None:
    """Where a cluster's files are best kept: /dev/shm, in memory, where there is one. Every
    PostgreSQL test copies a template database (some 8 MB of catalogs) and drops it: on a
    virtual disk that writing, not the tests, set the pace (a subset of the suite 31-36 s on
    disk against 17-21 s in memory, fsync already off)."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def bin_dir() -> Path | None:
    """Where the server binaries are (PG_BIN, else the usual places), or None."""
    for place in filter(None, (os.environ.get("PG_BIN"), *CANDIDATES)):
        if (Path(place) / "initdb").is_file() and (Path(place) / "pg_ctl").is_file():
            return Path(place)
    return None


def _as_server_user(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    user = os.environ.get("TASKREG_PG_USER", "postgres")
    return ["runuser", "-u", user, "--", *args]


def url(root: Path, user: str = "postgres", db: str = "postgres") -> str:
    return f"postgresql://{user}@/{db}?host={root / 'socket'}&port={PORT}"


def start(root: Path, hba: str | None = None) -> str:
    """Start a cluster in `root`; its superuser's URL. `hba`, when given, is its pg_hba.conf
    (tests/test_pg_connection.py: logins that authenticate by password)."""
    binaries = bin_dir()
    if binaries is None:
        raise SystemExit("no PostgreSQL server binaries (set PG_BIN)")
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    (root / "socket").mkdir(exist_ok=True)
    if os.geteuid() == 0:
        user = os.environ.get("TASKREG_PG_USER", "postgres")
        shutil.chown(root, user)
        shutil.chown(root / "socket", user)
    data = root / "data"
    run = lambda args: subprocess.run(
        _as_server_user(args),
        check=True,  # noqa: E731
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ]
    )
    if hba is not None:
        (data / "pg_hba.conf").write_text(hba)
    options = (
        f"-k {root / 'socket'} -p {PORT} -c listen_addresses='' -c fsync=off"
        " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    )
    run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", options, "-w", "start"])
    for _ in range(100):
        if (root / "socket" / f".s.PGSQL.{PORT}").exists():
            break
        time.sleep(0.1)
    return url(root)


def stop(root: Path) -> None:
    binaries = bin_dir()
    if binaries and (root / "data").is_dir():
        subprocess.run(
            _as_server_user([str(binaries / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1] == "where":
        print(in_memory() or os.environ.get("TMPDIR", "/tmp"))
        sys.exit()
    action, where = sys.argv[1], Path(sys.argv[2]).resolve()
    if action == "start":
        print(start(where))
    else:
        stop(where)
