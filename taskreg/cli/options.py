"""The options several commands take, each declared once (its help is the catalogue's,
taskreg/present/messages/help.py; its choices complete and are checked by
taskreg.cli.session.command)."""

from typing import Annotated, Optional

import typer

from taskreg.cli import completion
from taskreg.domain.model import LANGS

Opt = Optional[str]

# The commands that can move a published figure take this (README "Publications").
Amend = Annotated[
    Optional[str],
    typer.Option("--amend-published", metavar="REASON", show_default=False),
]

# Every command takes --lang: its messages, errors included, in Vietnamese or English.
# Help texts of options: taskreg/present/messages/help.py (README "Language and output").
Lang = Annotated[Optional[str], typer.Option("--lang", show_default=False, **completion.choices(*LANGS))]

AsOf = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="DATE", show_default=False),
]
# list's filters; export takes the same ones.
Status = Annotated[
    Optional[list[str]],
    typer.Option(
        "--status",
        metavar="STATE",
        autocompletion=completion.states,
        show_default=False,
    ),
]
All = Annotated[bool, typer.Option("--all")]
# Key tasks alone (nhiệm vụ trọng tâm; docs/commands.md `list`): list, export and report take it.
Starred = Annotated[bool, typer.Option("--starred")]
Agency = Annotated[Opt, typer.Option("--agency", metavar="AGENCY", autocompletion=completion.agencies)]
Quarter = Annotated[Opt, typer.Option("--quarter", metavar="QUARTER")]
Month = Annotated[Opt, typer.Option("--month", metavar="MONTH")]
Year = Annotated[Opt, typer.Option("--year", metavar="YEAR")]
From = Annotated[Opt, typer.Option("--from", metavar="DATE")]
To = Annotated[Opt, typer.Option("--to", metavar="DATE")]
DueWithin = Annotated[Optional[int], typer.Option("--due-within", metavar="DAYS")]
Search = Annotated[Opt, typer.Option("--search", metavar="TEXT")]
Sort = Annotated[
    Optional[str], typer.Option("--sort", metavar="id|due|assigned|agency|updated", autocompletion=completion.sorts)
]
