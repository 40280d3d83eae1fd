"""Run taskreg as `python -m taskreg`."""

from taskreg.cli.app import app

app(prog_name="taskreg")
