"""Run taskreg as `python -m taskreg`."""

from taskreg.cli import app

app(prog_name="taskreg")
