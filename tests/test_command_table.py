"""The program builds only the command it runs (taskreg.cli.app.COMMANDS): the table names every
command the modules declare, in help's order, and a run imports no other command's module."""

import subprocess
import sys
from importlib import import_module

import typer
import typer.main

from taskreg.cli.app import COMMANDS


def test_the_table_is_what_the_modules_declare():
    for module in dict.fromkeys(COMMANDS.values()):
        declared = typer.Typer()
        import_module(f"taskreg.cli.commands.{module}").install(declared)
        names = set(typer.main.get_group(declared).commands)
        assert names == {name for name, m in COMMANDS.items() if m == module}, module


def test_help_lists_every_command_in_the_table_order():
    from typer.testing import CliRunner

    from taskreg.cli.app import app

    shown = CliRunner().invoke(app, ["--help"], env={"TASKREG_LANG": "en", "COLUMNS": "100"}).stdout
    places = [shown.find(f"│ {name} ") for name in COMMANDS]
    assert -1 not in places, shown
    assert places == sorted(places), shown


def test_a_run_imports_only_its_own_command_module(tmp_path):
    probe = (
        "import sys; sys.argv = ['taskreg', '--version']\n"
        "from taskreg.cli.app import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('taskreg.cli.commands.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]", out
    probe = probe.replace("'--version'", f"'--db', {str(tmp_path / 'r.db')!r}, 'list'")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "['taskreg.cli.commands.views']", out


HEAVY = ("docx", "openpyxl", "matplotlib", "psycopg", "yoyo", "lxml", "numpy", "pydantic", "holidays")


def test_the_commands_typed_all_day_load_no_heavy_library(tmp_path):
    """python-docx, openpyxl, matplotlib, psycopg and yoyo are imported by what needs them
    alone (docs/performance.md): not by a report, a list or a change on a file register."""
    db = str(tmp_path / "r.db")
    runs = [
        ["agency", "add", "SYT", "Sở Y tế"],
        ["add", "Rà soát", "--agency", "SYT", "--due", "+30d"],
        ["done", "1"],
        ["list", "--all"],
        ["show", "1"],
        ["report", "--format", "table"],
        ["weekly"],
        ["export", "-o", str(tmp_path / "out.csv")],
    ]
    for words in runs:
        probe = (
            f"import sys; sys.argv = ['taskreg', '--db', {db!r}, *{words!r}]\n"
            "from taskreg.cli.app import app\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})), file=sys.stderr)\n"
        )
        run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        assert run.stderr.strip().splitlines()[-1] == "[]", (words, run.stderr)
