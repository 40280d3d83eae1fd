"""The administrator's steps in docs/postgresql.md work in the order written, as the logins
they name (issue 26 finding 10): `admin grant lan --role liaison --agency SYT` came before
any agency existed, and `createuser --pwprompt lan` had no `-U`.

Each line of the documentation's block runs verbatim in a process of its own, on a fresh
cluster of this module's own (its logins are the documentation's: `lan` is also the run's
cluster's office login) that asks every login but the superuser for its password; the
passwords are typed at `--pwprompt` and found in ~/.pgpass, as the documentation says.
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import pgcluster
import pytest

pytestmark = pytest.mark.slow  # a cluster of its own, and some twenty processes

DOC = Path(__file__).parents[1] / "docs" / "postgresql.md"
PASSWORDS = {"quantri": "mk-quantri", "vanphong": "mk-vanphong", "lan": "mk-lan", "lanhdao": "mk-lanhdao"}


def administrator_steps() -> list[str]:
    """The command lines of the block that follows "**For the administrator**"."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"\*\*For the administrator\*\*.*?```sh\n(.*?)```", text, re.S)
    assert block, "docs/postgresql.md has no administrator's block"
    return [line for line in block.group(1).splitlines() if shlex.split(line, comments=True)]


@pytest.fixture(scope="module")
def cluster():
    if pgcluster.bin_dir() is None:
        if os.environ.get("TASKREG_REQUIRE_PG"):
            pytest.fail("no PostgreSQL server binaries for the administrator's steps (set PG_BIN)")
        pytest.skip("no PostgreSQL server binaries for the administrator's steps (set PG_BIN)")
    root = Path(tempfile.mkdtemp(prefix="taskreg-pgadmin-", dir=pgcluster.in_memory()))
    try:
        pgcluster.start(root, hba="local all postgres trust\nlocal all all scram-sha-256\n")
        yield root
    finally:
        pgcluster.stop(root)


def test_the_administrators_steps_run_verbatim_in_the_order_written(cluster, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    pgpass = home / ".pgpass"
    pgpass.write_text("".join(f"*:*:*:{login}:{pw}\n" for login, pw in PASSWORDS.items()))
    pgpass.chmod(0o600)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PGHOST": str(cluster / "socket"),  # the Unix socket's folder, as the documentation says
        "PGPORT": str(pgcluster.PORT),
    }
    binaries = pgcluster.bin_dir()

    def run(line: str) -> subprocess.CompletedProcess:
        argv = shlex.split(line, comments=True)
        if argv[0] == "taskreg":
            argv = [sys.executable, "-m", "taskreg", *argv[1:]]
        else:  # PostgreSQL's own tools, from the server's binaries
            argv = [str(binaries / argv[0]), *argv[1:]]
        typed = ""
        if "--pwprompt" in argv:  # the new login's password, twice
            typed = f"{PASSWORDS[argv[-1]]}\n" * 2
        # A session of its own has no terminal, so --pwprompt reads the password from stdin.
        return subprocess.run(
            argv, input=typed, env=env, capture_output=True, text=True, timeout=60, start_new_session=True
        )

    steps = administrator_steps()
    assert any("admin grant lan --role liaison --agency SYT" in s for s in steps)
    for line in steps:
        result = run(line)
        assert result.returncode == 0, f"{line}\nexit {result.returncode}\n{result.stdout}\n{result.stderr}"
    users = run("taskreg --db postgresql://quantri@/taskreg admin users").stdout
    assert re.search(r"lan\b.*liaison.*SYT", users) and "vanphong" in users and "lanhdao" in users
    # each login does what its role allows, connected as the documentation connects it
    liaison = run("taskreg --db postgresql://lan@/taskreg add 'Rà soát thủ tục' --agency SYT --due 2030-12-31")
    assert liaison.returncode == 0, liaison.stderr
    assert run("taskreg --db postgresql://lanhdao@/taskreg list --all").returncode == 0
    assert run("taskreg --db postgresql://lanhdao@/taskreg add 'X' --agency SYT").returncode == 1
    # and the revoke the documentation names takes the liaison's rights away
    assert run("taskreg --db postgresql://quantri@/taskreg admin revoke lan").returncode == 0
    assert run("taskreg --db postgresql://lan@/taskreg add 'Y' --agency SYT").returncode == 1
