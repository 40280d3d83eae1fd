"""Shared fixtures: the real CLI, run in-process, on a real SQLite file in a temp dir."""

import sqlite3

import pytest
from typer.testing import CliRunner

from taskreg.cli import app

TODAY = "2021-03-31"


class Taskreg:
    """Runs `taskreg ARGS` against one register, at a fixed width, date and user."""

    def __init__(self, path, env):
        self.path = path
        self.env = env
        self.runner = CliRunner()

    def __call__(self, *args, code=0, env=None):
        result = self.runner.invoke(app, [str(a) for a in args], env={**self.env, **(env or {})})
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == code, (
            f"exit {result.exit_code} != {code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")
        return result

    def rows(self, sql, args=()):
        conn = sqlite3.connect(self.path)
        try:
            return conn.execute(sql, args).fetchall()
        finally:
            conn.close()


@pytest.fixture
def env(tmp_path):
    return {
        "TASKREG_DB": str(tmp_path / "reg.db"), "TASKREG_TODAY": TODAY, "TASKREG_USER": "lan",
        "COLUMNS": "100", "TASKREG_LANG": None, "LANG": "C.UTF-8", "LC_ALL": None,
        "LC_MESSAGES": None, "TTY_COMPATIBLE": None, "NO_COLOR": "1",
    }


@pytest.fixture
def tr(tmp_path, env):
    """A fresh register path (not yet created)."""
    return Taskreg(tmp_path / "reg.db", env)


@pytest.fixture
def reg(tr):
    """A register with three agencies."""
    tr("init", "--org", "UBND tỉnh Quảng Nam")
    tr("agency", "add", "SYT", "Sở Y tế", "--kind", "sở")
    tr("agency", "add", "STC", "Sở Tài chính", "--kind", "sở")
    tr("agency", "add", "SGDDT", "Sở Giáo dục và Đào tạo", "--kind", "sở")
    return tr
