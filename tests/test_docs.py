"""The documentation is true. Every command has help and a place in docs/; the README is short
and says the two commands; every example in README.md and docs/*.md is a command line taskreg
takes, and most of them are run here (RUN), on a register made for them (SCENES)."""

import ast
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
import typer.main
from typer.core import TyperGroup
from typer.testing import CliRunner

from taskreg.cli.app import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
#: Every page an example can be on: the README, then the reference.
PAGES = {"README.md": README} | {
    f"docs/{path.name}": path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md"))
}
DOCS = "\n".join(text for page, text in PAGES.items() if page.startswith("docs/"))


def _commands():
    group = typer.main.get_command(app)
    group.load_all()  # a run builds only its own command; this asks for all of them
    for name, cmd in group.commands.items():
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
def test_every_command_has_help_and_is_in_the_docs(tr, command):
    words = " ".join(tr(*command, "--help").stdout.split())
    assert f"Example: taskreg {' '.join(command)} " in words, words
    assert re.search(r"taskreg " + r"\s+".join(map(re.escape, command)) + r"\b", DOCS), command


def test_readme_states_the_two_commands():
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/taskreg demo" in README
    assert (
        "<!-- test-command -->\n```sh\npython3 -m venv .venv && .venv/bin/pip install '.[test]'"
        " && .venv/bin/python -m pytest\n```" in README
    )


def test_the_readme_is_a_short_page_that_leads_to_every_other():
    assert len(README.splitlines()) < 300
    first = next(b for b in BLOCKS if b.page == "README.md")
    assert first.lines == ["python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/taskreg demo"]
    for page in PAGES:
        if page != "README.md":
            assert f"]({page})" in README, f"the README does not lead to {page}"


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
        PYTHONPATH=str(ROOT),
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


# The examples. A code block is fenced (its kind the fence's language: sh, cron, text, or none)
# or indented (kind "indented"): a transcript when its lines start with `$ `, the commands to
# type when every line starts with `taskreg `, else an excerpt of help.


@dataclass
class Block:
    page: str
    heading: str  # the nearest heading above it
    kind: str
    lines: list

    @property
    def key(self) -> tuple:
        return self.page, self.heading

    @property
    def transcript(self) -> bool:
        return self.kind == "indented" and any(line.startswith("$ ") for line in self.lines)

    @property
    def help_excerpt(self) -> bool:
        return (
            self.kind == "indented"
            and not self.transcript
            and not all(line.startswith("taskreg ") for line in self.lines if line.strip())
        )

    def __str__(self) -> str:
        return f"{self.page} {self.heading} ({self.kind or 'code'})"


def _blocks(page: str, text: str):
    heading, lines, i = "", text.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        if line.startswith("```"):
            end = lines.index("```", i + 1)
            yield Block(page, heading, line[3:].strip(), lines[i + 1 : end])
            i = end
        elif line.startswith("    ") and not lines[i - 1].strip():
            body = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            while not body[-1].strip():
                body.pop()
            yield Block(page, heading, "indented", body)
            continue
        i += 1


BLOCKS = [block for page, text in PAGES.items() for block in _blocks(page, text)]
#: Where one taskreg run ends on a shell line.
SHELL_STOPS = {"&&", "||", "|", ";", ">", ">>", "<"}


def _shell_lines(lines: list) -> list:
    """The lines as the shell reads them: a line ending in a backslash goes on."""
    joined, pending = [], ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
        else:
            joined.append(pending + line)
            pending = ""
    return joined


def _runs(line: str) -> list:
    """The arguments of each taskreg run on a shell line: `id=$(taskreg …)` is the run inside;
    `[--option VALUE]` (optional, in the examples' notation) is given; a `$variable` is 1."""
    inside = re.match(r"^\s*\w+=\$\((.*)\)\s*(#.*)?$", line)
    line = re.sub(r"\[(--[^\]]*)\]", r"\1", inside.group(1) if inside else line)
    runs, args, at_start = [], None, True
    for word in shlex.split(line, comments=True):
        if args is None:
            if at_start and (word == "taskreg" or word.endswith("/taskreg")):
                args = []
            at_start = word in SHELL_STOPS or (at_start and re.match(r"^[A-Z_]+=", word) is not None)
        elif word in SHELL_STOPS or word.startswith((">", "2>")):
            runs.append(args)
            args, at_start = None, word in SHELL_STOPS
        else:
            args.append("1" if word.startswith("$") else word)
    return runs + ([args] if args is not None else [])


def _examples(block: Block) -> list:
    """The taskreg runs a block shows (a transcript's are its `$` lines)."""
    if block.help_excerpt:
        return []
    lines = [line[2:] for line in block.lines if line.startswith("$ ")] if block.transcript else block.lines
    if block.kind == "cron":  # a crontab line: five time fields, then the command
        lines = [" ".join(line.split()[5:]) if line[:1].isdigit() or line[:1] == "*" else line for line in lines]
    return [args for line in _shell_lines(lines) for args in _runs(line)]


def _parse(args: list):
    """`taskreg ARGS` parsed by the command line itself, as far as the command it names:
    every option known and every value of its type. Nothing is run."""
    group = typer.main.get_command(app)
    ctx = group.make_context("taskreg", list(args))
    command, rest = group, [*ctx._protected_args, *ctx.args]
    while isinstance(command, TyperGroup):
        name, command, rest = command.resolve_command(ctx, rest)
        ctx = command.make_context(name, rest, parent=ctx)
        rest = [*getattr(ctx, "_protected_args", []), *ctx.args]
    assert not rest, rest


#: Options that act as soon as they are read (they install or print completion): checked as
#: declared rather than parsed.
ACTING_OPTIONS = ("--install-completion", "--show-completion")
COMMAND_BLOCKS = [b for b in BLOCKS if _examples(b) and not b.transcript]


@pytest.mark.parametrize("block", COMMAND_BLOCKS, ids=str)
def test_every_example_is_a_command_line_taskreg_takes(block):
    """A renamed option or command, or a value of the wrong kind, fails here for every example
    (the transcripts, some of which show usage errors on purpose, are run below instead)."""
    declared = {name for param in typer.main.get_command(app).params for name in param.opts}
    for args in _examples(block):
        if args and all(a in ACTING_OPTIONS for a in args):
            assert set(args) <= declared, args
            continue
        try:
            _parse(args)
        except Exception as e:
            pytest.fail(f"`taskreg {shlex.join(args)}` in {block}: {e}")


# Running the examples. Each runs on a fresh register of one of these scenes (made by the
# commands listed, in a folder of its own that is the current directory), every command of the
# block in order, and each must succeed (exit 0).

ORG = ["init", "--org", "UBND tỉnh Quảng Nam"]
SCENES = {
    "an empty folder": ({}, []),
    "the demo register": ({}, [["demo", "--db", "{db}"]]),
    "the demo register and its exports": (
        {},
        [
            ["demo", "--db", "{db}"],
            ["export", "--format", "xlsx", "-o", "giao-viec-quy1.xlsx", "--quarter", "I/2021"],
            ["export", "-o", "danh-sach.csv"],
            ["export", "--format", "json", "-o", "sao-luu.json"],
        ],
    ),
    # as of 30/6/2026: the examples' dates (done on 20/3, extended on 25/6, due in Q2/2026)
    "fourteen tasks of spring 2026": (
        {"TASKREG_TODAY": "2026-06-30"},
        [
            ORG,
            *(
                ["agency", "add", code, name]
                for code, name in (
                    ("SYT", "Sở Y tế"),
                    ("STC", "Sở Tài chính"),
                    ("SNV", "Sở Nội vụ"),
                    ("SXD", "Sở Xây dựng"),
                )
            ),
            *(
                ["add", f"Nhiệm vụ {n}", "--agency", "SYT", "--assigned", "2/3/2026", "--due", "30/6/2026"]
                for n in range(1, 15)
            ),
        ],
    ),
    # the mergers of 01/3/2025, recorded in October: two departments' tasks of January
    "four departments before their mergers": (
        {"TASKREG_TODAY": "2025-10-01"},
        [
            ORG,
            *(
                ["agency", "add", code, name]
                for code, name in (
                    ("STC", "Sở Tài chính"),
                    ("SKHDT", "Sở Kế hoạch và Đầu tư"),
                    ("SNV", "Sở Nội vụ"),
                    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội"),
                )
            ),
            ["add", "Kế hoạch đầu tư công", "--agency", "SKHDT", "--assigned", "10/1/2025", "--due", "30/6/2025"],
            ["add", "Báo cáo vốn", "--agency", "SKHDT", "--assigned", "10/1/2025", "--due", "30/6/2025"],
            ["done", "2", "--on", "10/2/2025"],
            ["add", "Rà soát hộ nghèo", "--agency", "SLDTBXH", "--assigned", "10/1/2025", "--co", "SKHDT"],
        ],
    ),
    # before the merger of 01/7/2025: the agency to rename, the district to retire, and one close
    # to the board added as distinct
    "an agency directory of 2025": (
        {},
        [
            ORG,
            ["agency", "add", "SKHDT", "Sở Kế hoạch và Đầu tư"],
            ["agency", "add", "UBND-HKA", "UBND huyện Kỳ Anh"],
            ["agency", "add", "BQLDA", "Ban Quản lý dự án"],
        ],
    ),
    # the transcripts' day, 01/12/2026: task 12 due on 31/12/2026
    "twelve tasks of December 2026": (
        {"TASKREG_TODAY": "2026-12-01"},
        [
            ORG,
            ["agency", "add", "SYT", "Sở Y tế"],
            *(
                ["add", f"Nhiệm vụ {n}", "--agency", "SYT", "--assigned", "1/11/2026", "--due", "31/12/2026"]
                for n in range(1, 13)
            ),
        ],
    ),
}
#: The `sh` blocks run here, by the heading they are under, and the scene they run on.
RUN = {
    ("docs/commands.md", "init"): "an empty folder",
    ("docs/commands.md", "config"): "the demo register",
    ("docs/commands.md", "agency"): "an agency directory of 2025",
    ("docs/commands.md", "agency merge, unmerge"): "four departments before their mergers",
    ("docs/commands.md", "add"): "fourteen tasks of spring 2026",
    ("docs/commands.md", "done, reopen"): "fourteen tasks of spring 2026",
    ("docs/commands.md", "update"): "fourteen tasks of spring 2026",
    ("docs/commands.md", "confirm, return"): "fourteen tasks of spring 2026",
    ("docs/commands.md", "extend"): "fourteen tasks of spring 2026",
    ("docs/commands.md", "cancel"): "fourteen tasks of spring 2026",
    ("docs/commands.md", "edit"): "fourteen tasks of spring 2026",
    ("docs/commands.md", "list"): "the demo register",
    ("docs/commands.md", "show"): "the demo register",
    ("docs/commands.md", "history"): "the demo register",
    ("docs/commands.md", "remind"): "the demo register",
    ("docs/commands.md", "days-off"): "an agency directory of 2025",
    ("docs/commands.md", "recur"): "an agency directory of 2025",
    ("docs/reports.md", "report"): "the demo register",
    ("docs/reports.md", "weekly"): "the demo register",
    ("docs/publications.md", "Publications"): "the demo register",
    ("docs/publications.md", "publish, publications"): "the demo register",
    ("docs/document.md", "The report as a document"): "the demo register",
    ("docs/import-export.md", "import"): "the demo register and its exports",
    ("docs/import-export.md", "export"): "the demo register",
    ("docs/safety.md", "Shared registers and safety"): "an empty folder",
}
#: The `sh` blocks parsed only (above), and why they are not run here.
NOT_RUN = {
    ("README.md", "Two commands"): ".ci/run runs them: a fresh venv, the demo, the whole suite",
    ("README.md", "Quickstart"): "run by bash, as typed: test_the_quickstart_runs_as_written_on_any_day",
    ("docs/commands.md", "demo"): "it writes /tmp/demo.db, outside the test's folder (tests/test_demo.py)",
    ("docs/commands.md", "backup, check"): "it backs up into /srv/sao-luu/ (tests/test_register.py)",
    ("docs/commands.md", "db upgrade, admin"): "a PostgreSQL administrator's (tests/test_postgres.py)",
    (
        "docs/postgresql.md",
        "Several offices: PostgreSQL",
    ): "a server, its superuser and ~/.pgpass (tests/test_postgres.py)",
}
ENV = {
    "TASKREG_USER": "lan",
    "TASKREG_TODAY": None,
    "TASKREG_LANG": None,
    "COLUMNS": "100",
    "LANG": "C.UTF-8",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "LANGUAGE": None,
    "TTY_COMPATIBLE": None,
    "NO_COLOR": "1",
}


def _scene(name: str, folder: Path, monkeypatch) -> dict:
    """The environment of a fresh register of scene `name`, in `folder`, now the current directory."""
    folder.mkdir()
    monkeypatch.chdir(folder)
    db = folder / "register.db"
    extra, commands = SCENES[name]
    env = {**ENV, **extra, "TASKREG_DB": str(db)}
    for args in commands:
        result = CliRunner().invoke(app, [a.replace("{db}", str(db)) for a in args], env=env)
        assert result.exit_code == 0, (name, args, result.stdout, result.stderr)
    return env


def _run(key: tuple, folder: Path, monkeypatch) -> list:
    """Every command of the `sh` blocks under heading `key`, run in order on a fresh scene."""
    env = _scene(RUN[key], folder, monkeypatch)
    runs = []
    for block in (b for b in BLOCKS if b.key == key and b.kind == "sh"):
        for args in _examples(block):
            result = CliRunner().invoke(app, args, env=env)
            assert result.exit_code == 0, (
                f"`taskreg {shlex.join(args)}` in {block} exits {result.exit_code} on {RUN[key]}:\n"
                f"{result.stdout}{result.stderr}"
            )
            runs.append(result)
    return runs


def test_every_example_block_is_run_or_says_why_not():
    shell = {b.key for b in BLOCKS if b.kind == "sh"}
    assert shell == set(RUN) | set(NOT_RUN), "a block to add to RUN (with its scene) or to NOT_RUN (saying why)"
    assert not set(RUN) & set(NOT_RUN)
    assert set(RUN.values()) <= set(SCENES)


@pytest.mark.parametrize("key", RUN, ids=" ".join)
def test_the_examples_run(key, tmp_path, monkeypatch):
    assert _run(key, tmp_path / "scene", monkeypatch)


def test_the_publication_example_gives_the_figures_its_comments_state(tmp_path, monkeypatch):
    published, done, report, live, changes = _run(("docs/publications.md", "Publications"), tmp_path / "s", monkeypatch)
    figures = "{} completed on time, 123 completed late, 41 open past their deadline, {} open within"
    assert figures.format(506, "1,068") in published.stdout
    assert figures.format(506, "1,068") in report.stdout  # still, and a drift sentence
    assert "on time +1, late 0, overdue 0, in progress −1" in report.stdout
    assert figures.format(507, "1,067") in live.stdout
    assert "#72 " in changes.stdout


def test_the_weekly_mail_shown_is_the_real_one(tmp_path, monkeypatch):
    page = PAGES["docs/reports.md"]
    shown = page.split("the demo register):\n\n```text\n")[1].split("```")[0]
    env = _scene("the demo register", tmp_path / "s", monkeypatch)
    args = ["weekly", "--as-of", "31/3/2021", "--lang", "vi", "--agency", "SYT"]
    assert CliRunner().invoke(app, args, env=env).stdout == shown


def test_the_reminder_shown_is_the_real_one(tmp_path, monkeypatch):
    page = PAGES["docs/commands.md"]
    shown = page.split("would mail to STC):\n\n```text\n")[1].split("```")[0]
    env = _scene("the demo register", tmp_path / "s", monkeypatch)
    args = ["remind", "--as-of", "31/3/2021", "--agency", "STC", "--lang", "vi"]
    assert CliRunner().invoke(app, args, env=env).stdout == shown


def _same_line(shown: str, printed: str) -> bool:
    """A line of a transcript against the line printed: an event's number and time of day are
    the scene's and the clock's, and a shown line ending in … is the start of the printed one."""
    shown, printed = (re.sub(r"^\s*\d+(?=  )|\d\d:\d\d", "#", s) for s in (shown, printed))
    return printed.startswith(shown[:-1]) if shown.endswith("…") else printed == shown


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.transcript], ids=str)
def test_the_transcripts_show_what_taskreg_prints(block, tmp_path, monkeypatch):
    """Each `$ taskreg …` run on the scene of December 2026, its lines found in what it prints, in order."""
    env = _scene("twelve tasks of December 2026", tmp_path / "s", monkeypatch)
    steps, shown = [], None
    for line in block.lines:
        if line.startswith("$ "):
            shown = []
            steps.append((_runs(line[2:])[0], shown))
        elif line.strip():
            shown.append(line)
    for args, shown in steps:
        result = CliRunner().invoke(app, args, env=env)
        printed = (result.stdout + result.stderr).splitlines()
        at = 0
        for line in shown:
            found = next((n for n in range(at, len(printed)) if _same_line(line, printed[n])), None)
            assert found is not None, f"`taskreg {shlex.join(args)}` does not print {line!r}:\n" + "\n".join(printed)
            at = found + 1


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.help_excerpt], ids=str)
def test_the_help_excerpts_are_the_real_help(block):
    usage = block.lines[0].split()
    command = [w for w in usage[1:] if w.isascii() and w.isalpha() and w.islower()]
    result = CliRunner().invoke(app, [*command, "--help", "--lang", "vi"], env=ENV)
    help_text = " ".join(result.stdout.split())
    assert " ".join(usage) in help_text, help_text
    for option, placeholder in re.findall(r"(--[a-z-]+) (\S+)", " ".join(block.lines)):
        assert re.search(rf"{option}\s+{re.escape(placeholder)}", help_text), (option, placeholder)


@pytest.mark.slow  # a process for each command module
def test_every_command_module_can_be_imported_first():
    """Commands import what they share from taskreg.cli.session, never taskreg.cli.app: no cycle."""
    import pkgutil

    import taskreg.cli.commands

    for module in pkgutil.iter_modules(taskreg.cli.commands.__path__):
        name = f"taskreg.cli.commands.{module.name}"
        result = subprocess.run(
            [sys.executable, "-c", f"import {name}"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert result.returncode == 0, (name, result.stderr)


TASKREG = Path(__file__).parent.parent / "taskreg"
#: The database drivers and the migration tool: taskreg/storage/'s alone to import.
DRIVERS = {"sqlite3", "sqlite_utils", "psycopg", "psycopg_pool", "psycopg2", "yoyo"}
#: The modules of one engine: behind taskreg.storage's own functions, never named outside it.
ENGINE_MODULES = ("taskreg.storage.postgresql", "taskreg.storage.sqlite")


def _imports(node: ast.AST, package: str) -> list[str]:
    """The modules an import names, made absolute (`from ..storage import postgresql` in
    taskreg.cli names taskreg.storage and taskreg.storage.postgresql), and those that
    importlib.import_module or __import__ is given as a literal."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        if node.level:
            parts = package.split(".")
            module = ".".join(parts[: len(parts) - node.level + 1] + ([module] if module else []))
        return [module] + [f"{module}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
            return [node.args[0].value]
    return []


def _engine_knowledge(source: str, module: str) -> list[tuple[int, str, str]]:
    """Where `source` (the module `module`) knows which engine a register is on: (line,
    rule, what). Rules: "driver" (imports a database driver or yoyo), "engine module"
    (imports taskreg.storage.postgresql or .sqlite), "engine check" (compares an
    `.engine` attribute, or asks `is_url`)."""
    package = module if module.endswith("__init__") else module.rpartition(".")[0]
    package = package.removesuffix(".__init__")
    found = []
    for node in ast.walk(ast.parse(source)):
        names = _imports(node, package)
        driver = [n for n in names if n.split(".")[0] in DRIVERS]
        engine = [n for n in names if any(n == m or n.startswith(m + ".") for m in ENGINE_MODULES)]
        if driver:
            found.append((node.lineno, "driver", f"imports {driver[0]}"))
        elif engine:
            found.append((node.lineno, "engine module", f"imports {engine[0]}"))
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Attribute) and o.attr == "engine" for o in operands):
                found.append((node.lineno, "engine check", f"compares .engine: {ast.unparse(node)}"))
        elif isinstance(node, ast.Match) and isinstance(node.subject, ast.Attribute) and node.subject.attr == "engine":
            found.append((node.lineno, "engine check", f"matches on .engine: {ast.unparse(node.subject)}"))
        elif isinstance(node, ast.Name | ast.Attribute) and "is_url" in (
            getattr(node, "id", None),
            getattr(node, "attr", None),
        ):
            found.append((node.lineno, "engine check", "asks is_url"))
        elif isinstance(node, ast.ImportFrom) and any(a.name == "is_url" and a.asname for a in node.names):
            found.append((node.lineno, "engine check", "imports is_url under another name"))
    return sorted(set(found))


def _outside_storage(rules: set[str]) -> list[tuple[str, int, str, str]]:
    """Every finding of `rules` in taskreg/ outside taskreg/storage/: (file, line, rule, what)."""
    out = []
    for path in sorted(TASKREG.rglob("*.py")):
        relative = path.relative_to(TASKREG)
        if relative.parts[0] == "storage":
            continue
        module = ".".join(("taskreg", *relative.with_suffix("").parts))
        for line, rule, what in _engine_knowledge(path.read_text(encoding="utf-8"), module):
            if rule in rules:
                out.append((f"taskreg/{relative.as_posix()}", line, rule, what))
    return out


def _said(findings) -> str:
    return "\n".join(f"{file}:{line}: {what}" for file, line, _, what in findings)


def test_only_the_storage_package_names_a_database_driver():
    """No sqlite3, sqlite_utils, psycopg or yoyo outside taskreg/storage/ (docs/design.md)."""
    offenders = _outside_storage({"driver"})
    assert not offenders, "A database driver imported outside taskreg/storage/:\n" + _said(offenders)
    # the check can fail: storage's own modules name their drivers
    sqlite = _engine_knowledge(
        (TASKREG / "storage" / "sqlite" / "__init__.py").read_text(encoding="utf-8"), "taskreg.storage.sqlite.__init__"
    )
    assert any(rule == "driver" for _, rule, _ in sqlite)


@pytest.mark.parametrize(
    "source, module, rule",
    [
        ("import sqlite3", "taskreg.domain.files", "driver"),
        ("from psycopg import sql", "taskreg.cli.session", "driver"),
        ("import yoyo.backends", "taskreg.cli.commands.database", "driver"),
        (
            "def f():\n    import importlib\n    importlib.import_module('sqlite_utils')",
            "taskreg.domain.imports",
            "driver",
        ),
        ("from taskreg.storage.postgresql import connect", "taskreg.cli.commands.database", "engine module"),
        ("import taskreg.storage.sqlite as s", "taskreg.cli.session", "engine module"),
        ("from taskreg.storage import postgresql", "taskreg.cli.commands.database", "engine module"),
        ("from ...storage.postgresql import connect", "taskreg.cli.commands.database", "engine module"),
        ("from ...storage import sqlite", "taskreg.cli.commands.report", "engine module"),
        ("from ..storage.sqlite import load", "taskreg.domain.imports", "engine module"),
        ("from . import postgresql", "taskreg.storage.__init__", "engine module"),  # _outside_storage skips it
        ("__import__('taskreg.storage.postgresql')", "taskreg.cli.app", "engine module"),
        ("if store.engine == 'sqlite':\n    pass", "taskreg.cli.commands.report", "engine check"),
        ("x = 'postgresql' != session.store().engine", "taskreg.cli.commands.report", "engine check"),
        ("ok = store.engine in ('sqlite',)", "taskreg.cli.commands.report", "engine check"),
        ("match store.engine:\n    case 'sqlite':\n        pass", "taskreg.cli.commands.report", "engine check"),
        ("from taskreg.storage import is_url\nif is_url(t):\n    pass", "taskreg.cli.session", "engine check"),
        ("import taskreg.storage as s\ns.is_url(t)", "taskreg.cli.session", "engine check"),
        ("from taskreg.storage import is_url as remote", "taskreg.cli.session", "engine check"),
    ],
)
def test_the_engine_guard_catches_each_way_of_naming_an_engine(source, module, rule):
    assert rule in {r for _, r, _ in _engine_knowledge(source, module)}, source


def test_the_engine_guard_lets_the_storage_packages_functions_be_used():
    source = (
        "from taskreg.storage import open_store, peek_setting\nfrom taskreg.storage.sql import SqlStore\nengine = 1"
    )
    assert _engine_knowledge(source, "taskreg.cli.session") == []


def test_only_the_storage_package_knows_which_engine_a_register_is_on():
    """Outside taskreg/storage/, nothing imports a driver or an engine's module
    (taskreg.storage.postgresql, .sqlite), compares an `.engine`, or asks
    `is_url`: a command asks taskreg.storage what it needs, whatever the engine."""
    offenders = _outside_storage({"driver", "engine module", "engine check"})
    assert not offenders, "Engine knowledge outside taskreg/storage/:\n" + _said(offenders)


def test_a_file_register_never_imports_the_postgresql_driver(tmp_path):
    """psycopg is imported for a postgresql:// register only, and yoyo by `db upgrade` alone."""
    script = (
        "import sys\n"
        "from taskreg.cli.app import app\n"
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
        env={**os.environ, "PYTHONPATH": str(ROOT), "TASKREG_TODAY": "2021-03-31"},
    )
    assert result.stdout.splitlines()[-1] == "[]", result.stderr
