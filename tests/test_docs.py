"""Every command has help and is documented in the README; the README's commands are real."""

import re
from pathlib import Path

import pytest
import typer

from taskreg.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_command(app)
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
    assert {"init", "config get", "config set", "agency add", "agency list", "agency rename",
            "add", "done", "reopen", "extend", "cancel", "edit", "list", "show", "history",
            "report", "weekly", "demo"} <= names


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(tr, command):
    result = tr(*command, "--help")
    assert "Example:" in result.stdout or "Usage" in result.stdout
    assert re.search(r"taskreg " + r"\s+".join(map(re.escape, command)) + r"\b", README), command


def test_readme_states_the_two_commands():
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/taskreg demo" in README
    assert "<!-- test-command -->\n```sh\npython3 -m venv .venv && .venv/bin/pip install '.[test]'" \
           " && .venv/bin/python -m pytest\n```" in README
