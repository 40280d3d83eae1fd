"""Every command has help and is documented in the README; the README's commands are real."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from taskreg.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_command(app)
    group.load_all()  # the program builds a command when first asked for (taskreg.cli COMMANDS)
    for name, cmd in sorted(group.commands.items()):
        subcommands = getattr(cmd, "commands", None)
        if subcommands:
            for sub in sorted(subcommands):
                yield [name, sub]
        else:
            yield [name]


COMMANDS = list(_commands())


def test_the_command_list_is_what_the_spec_names():
    names = {" ".join(c) for c in COMMANDS}
    assert {
        "init",
        "config get",
        "config set",
        "agency add",
        "agency list",
        "agency rename",
        "add",
        "done",
        "reopen",
        "extend",
        "cancel",
        "edit",
        "list",
        "show",
        "history",
        "report",
        "weekly",
        "demo",
    } <= names


@pytest.mark.sqlite_only  # help reads no register
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(tr, command):
    words = " ".join(tr(*command, "--help").stdout.split())
    assert f"Example: taskreg {' '.join(command)} " in words, words
    assert re.search(r"taskreg " + r"\s+".join(map(re.escape, command)) + r"\b", README), command


def test_readme_states_the_two_commands():
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/taskreg demo" in README
    assert (
        "<!-- test-command -->\n```sh\npython3 -m venv .venv && .venv/bin/pip install '.[test]'"
        " && .venv/bin/python -m pytest\n```" in README
    )


@pytest.mark.slow
def test_the_quickstart_runs_as_written_on_any_day(tmp_path):
    """The README's quickstart, run by bash on a fresh register, with the real clock."""
    block = README.split("## Quickstart", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    script = 'set -euo pipefail\ntaskreg() { "$PYTHON" -m taskreg "$@"; }\n' + block
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TASKREG_", "LC_", "LANGUAGE"))}
    env.update(
        HOME=str(tmp_path),
        PYTHON=sys.executable,
        COLUMNS="100",
        LANG="C.UTF-8",
        PYTHONPATH=str(Path(__file__).parent.parent),
    )
    result = subprocess.run(["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    from datetime import date, timedelta

    day = lambda n: (date.today() + timedelta(days=n)).isoformat()  # noqa: E731
    assert f"Task 1 done on {day(0)} (completed on time)." in result.stdout
    assert f"Task 2: deadline {day(5)} → {day(20)}." in result.stdout
    assert re.search(rf"\n 3  overdue +SYT +Tổng hợp kiến nghị cử tri +{day(-15)}  {day(-3)}", result.stdout)
    assert re.search(r"\nAll agencies +3 +1 +0 +1 +1 +0 +50\.00% +100\.00%", result.stdout)
    # a normal life: everything recorded on the day it happened, so nothing is a correction
    assert "Corrected" not in result.stdout and "correction" not in result.stdout
    assert (tmp_path / "so-y-te.db").exists()


def test_every_command_module_can_be_imported_first():
    """Commands import what they share from taskreg.session, never taskreg.cli: no cycle."""
    import pkgutil

    import taskreg.commands

    for module in pkgutil.iter_modules(taskreg.commands.__path__):
        name = f"taskreg.commands.{module.name}"
        result = subprocess.run(
            [sys.executable, "-c", f"import {name}"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
        )
        assert result.returncode == 0, (name, result.stderr)


def test_only_the_storage_package_names_a_database_driver():
    """No sqlite3, sqlite_utils or psycopg outside taskreg/storage/ (README "Design")."""
    root = Path(__file__).parent.parent / "taskreg"
    pattern = re.compile(r"^\s*(import|from)\s+(sqlite3|sqlite_utils|psycopg|yoyo)\b", re.M)
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "storage" not in path.relative_to(root).parts and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert pattern.search((root / "storage" / "sqlite.py").read_text(encoding="utf-8"))  # the check can fail


def test_a_file_register_never_imports_the_postgresql_driver(tmp_path):
    """psycopg is imported for a postgresql:// register only, and yoyo by `db upgrade` alone."""
    script = (
        "import sys\n"
        "from taskreg.cli import app\n"
        "for args in (['init'], ['add', 'x', '--agency', 'A'], ['list'], ['report'], ['db', 'upgrade']):\n"
        "    try:\n"
        "        app(['--db', sys.argv[1], *args])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'yoyo')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "reg.db")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent), "TASKREG_TODAY": "2021-03-31"},
    )
    assert result.stdout.splitlines()[-1] == "[]", result.stderr
