"""The catalogue: every sentence and label the user sees, in English and Vietnamese.

One catalogue in parts, one per area of the program; commands and errors
name a key, and nothing else holds user-facing text. taskreg.present.i18n renders it.
"""

from taskreg.present.messages import (
    agencies,
    commands,
    commands_data,
    database,
    document,
    help,
    publications,
    register,
    reports,
    series,
    settings,
    tasks,
    transfer,
)

PARTS = (
    register.MESSAGES,
    agencies.MESSAGES,
    settings.MESSAGES,
    tasks.MESSAGES,
    reports.MESSAGES,
    transfer.MESSAGES,
    database.MESSAGES,
    publications.MESSAGES,
    help.MESSAGES,
    commands.MESSAGES,
    commands_data.MESSAGES,
    document.MESSAGES,
    series.MESSAGES,
)

MESSAGES: dict[str, tuple[str, str]] = {}
for _part in PARTS:
    MESSAGES.update(_part)
assert len(MESSAGES) == sum(map(len, PARTS)), "a message key is defined in two parts"
