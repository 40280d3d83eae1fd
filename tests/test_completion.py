"""Tab completion, driven by the protocol the shells use (README "Language and output"):
`_TASKREG_COMPLETE=complete_bash` with COMP_WORDS and COMP_CWORD (bash), `complete_zsh` and
`complete_fish` with _TYPER_COMPLETE_ARGS; the whole output compared.

Values come from their one definition (taskreg.domain.states, storage.SORTS, the settings) and
from the register, read as a reader reads it: never created, migrated or locked.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from taskreg.domain.model import SETTINGS
from taskreg.domain.states import ALL, FILTERS, GROUPS
from taskreg.storage import SORTS


def bash(tr, line: str) -> str:
    """What bash is offered for the last word of `line` (a trailing space: a new word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {"_TASKREG_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}
    return tr(env=env).stdout


def shell(tr, name: str, line: str) -> str:
    """zsh's or fish's offer, with each value's description."""
    env = {"_TASKREG_COMPLETE": f"complete_{name}", "_TYPER_COMPLETE_ARGS": line}
    if name == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return tr(env=env).stdout


def lines(*values) -> str:
    return "".join(f"{v}\n" for v in values)


# -- choices, from their one definition ----------------------------------------------------------


@pytest.mark.sqlite_only  # nothing here reads a register
@pytest.mark.parametrize(
    "line, offered",
    [
        ("taskreg list --status ", lines(*ALL, *GROUPS, *FILTERS)),
        ("taskreg export --status o", lines("on_time", "overdue", "open")),
        ("taskreg list --sort ", lines(*SORTS)),
        ("taskreg export --sort a", lines("assigned", "agency")),
        ("taskreg --lang ", lines("vi", "en")),
        ("taskreg weekly --lang v", lines("vi")),
        ("taskreg report --by ", lines("agency", "source", "assigned-by")),
        ("taskreg admin grant lan --role ", lines("office", "liaison", "reader")),
        ("taskreg config get ", lines(*SETTINGS)),
        ("taskreg config set r", lines("rate-basis", "recipients", "remind-days", "remind-within")),
        ("taskreg config set rate-basis ", lines("due", "assigned")),
        ("taskreg config set lang ", lines("vi", "en")),
        ("taskreg config set org ", "\n"),  # free text: nothing (bash then offers files)
        ("taskreg li", lines("list")),
        ("taskreg agency re", lines("rename", "retire")),
    ],
)
def test_an_options_values_complete(tr, line, offered):
    assert bash(tr, line) == offered


FORMATS = {
    "add Việc --agency SYT": ("text", "json"),
    "list": ("table", "csv", "json"),
    "show 1": ("text", "json"),
    "history": ("table", "json"),
    "report": ("text", "table", "json", "csv", "docx"),
    "publications": ("table", "json"),
    "import x.csv": ("csv", "xlsx", "json"),
    "export": ("csv", "xlsx", "json"),
    "agency list": ("table", "csv", "json"),
    "admin users": ("table", "json"),
}


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", FORMATS)
def test_each_commands_formats_complete_and_are_the_ones_it_takes(tr, command):
    assert bash(tr, f"taskreg {command} --format ") == lines(*FORMATS[command])
    if command.split()[0] not in ("import", "admin"):  # import knows a format by the file; admin needs PostgreSQL
        refused = tr(*command.split(), "--format", "nosuch", code=2).stderr
        assert ", ".join(FORMATS[command]) in refused, refused


def test_state_names_are_the_descriptions_in_the_registers_language(reg):
    reg("config", "set", "lang", "vi")
    assert shell(reg, "fish", "taskreg list --status o") == (
        "on_time\thoàn thành đúng hạn\n"
        "overdue\tchưa hoàn thành quá hạn\n"
        "open\tchưa hoàn thành: quá hạn hoặc còn trong hạn\n"
    )


# -- what the register holds -------------------------------------------------------------------------


def test_agencies_complete_by_code_with_their_names(reg):
    assert bash(reg, "taskreg add Việc --agency ") == lines("SGDDT", "STC", "SYT")
    assert bash(reg, "taskreg add Việc --agency SYT --co S") == lines("SGDDT", "STC", "SYT")
    assert bash(reg, "taskreg list --agency SG") == lines("SGDDT")
    assert bash(reg, "taskreg agency rename ST") == lines("STC")
    assert shell(reg, "zsh", "taskreg report --agency ST") == lines("""_arguments '*: :(("STC":"Sở Tài chính"))'""")
    assert shell(reg, "fish", "taskreg edit 1 --co S") == (
        "SGDDT\tSở Giáo dục và Đào tạo\nSTC\tSở Tài chính\nSYT\tSở Y tế\n"
    )


def test_task_ids_complete_with_the_tasks_a_command_applies_to(reg):
    for title in ("Việc một", "Việc hai", "Việc ba", "Việc\x1b[31m bốn"):
        reg("add", title, "--agency", "SYT", "--assigned", "1/3/2021")
    reg("done", "3", "--on", "15/3/2021")
    reg("cancel", "2", "--reason", "Theo TB 45/TB-UBND")
    assert bash(reg, "taskreg done ") == lines("1", "4")
    assert bash(reg, "taskreg done 1 ") == lines("4")  # not one already given
    for command in ("extend", "cancel", "edit", "show"):
        assert bash(reg, f"taskreg {command} ") == lines("1", "4"), command
    assert bash(reg, "taskreg reopen ") == lines("3")  # only a done task can be reopened
    assert shell(reg, "fish", "taskreg done ") == "1\tViệc một\n4\tViệc\\x1b[31m bốn\n"  # escaped (SPEC §8)


@pytest.mark.sqlite_only  # a file that completion must not create
def test_no_register_completes_nothing_and_creates_nothing(tr):
    assert bash(tr, "taskreg add Việc --agency ") == "\n"
    assert bash(tr, "taskreg done ") == "\n"
    missing = tr.path.parent / "elsewhere" / "reg.db"
    assert bash(tr, f"taskreg --db {missing} list --agency ") == "\n"
    assert not tr.path.exists() and not missing.parent.exists()


def test_completion_opens_no_store(reg, monkeypatch):
    """Read as a reader reads: never the store that migrates a register and takes its write lock."""
    reg("add", "Việc một", "--agency", "SYT")
    before = reg.tables()

    def refuse(*args, **kwargs):
        raise AssertionError("completion opened the register as a store")

    monkeypatch.setattr("taskreg.storage.open_store", refuse)
    monkeypatch.setattr("taskreg.storage.sqlite.SQLiteStore.open", refuse)
    assert bash(reg, "taskreg done ") == lines("1")
    assert bash(reg, "taskreg list --agency SY") == lines("SYT")
    assert reg.tables() == before


@pytest.mark.sqlite_only
def test_completion_leaves_the_files_as_they_were(reg):
    reg("add", "Việc một", "--agency", "SYT")
    folder = reg.path.parent
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert bash(reg, "taskreg done ") == lines("1")
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == files


@pytest.mark.sqlite_only
def test_completing_imports_nothing_a_register_store_needs(reg):
    """Fast: a tab press loads sqlite3 and the query, not sqlite_utils (nor the numpy it pulls in)."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TASKREG_")},
        **{k: v for k, v in reg.env.items() if v is not None},
        "PYTHONPATH": str(Path(__file__).parent.parent),
        "_TASKREG_COMPLETE": "complete_bash",
        "COMP_WORDS": "taskreg add Việc --agency ",
        "COMP_CWORD": "4",
    }
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from taskreg.cli.app import app; app(prog_name='taskreg')"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout == lines("SGDDT", "STC", "SYT"), result.stderr[-2000:]
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "sqlite3" in loaded and not loaded & {"sqlite_utils", "numpy", "psycopg"}
