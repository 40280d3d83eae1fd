"""What the rules need of a register: the store they are handed (README "Design").

The domain never opens a register; the command line opens one (taskreg.storage) and hands it
to the rules. `Store` says what they call on it: storage's `SqlStore` is one, on either
engine, and mypy checks it where the two meet. Dates go in and come out as ISO text, rows as
dicts, `before`/`after` as JSON values.
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Batch(Protocol):
    """An import's rows written in its one transaction (storage/batch.py `ImportBatch`)."""

    event_id: int  # the import's event, taken first for its tasks and deadlines to name
    last_task: int  # the register's last task id before the import
    conflicts: list[tuple]  # (row, reason) of rows the register's constraints refused

    def uid_exists(self, uid: str) -> bool: ...

    def add(self, fields: dict, co_ids: list[int], deadlines: list[tuple], number=None) -> int: ...

    def finish(self) -> None: ...


class Store(Protocol):
    """An open register as the rules use it. Writes happen inside `write()`: one
    transaction, its lock taken first, each change with its event (SPEC §4)."""

    @property
    def row_conflict(self) -> type[Exception]:
        """A row the register's constraints refuse (a task id taken twice, say)."""
        ...

    def write(self) -> AbstractContextManager[Any]: ...

    def may_write(self, agency_id: int | None) -> None: ...

    def may_publish(self) -> None: ...

    def may_amend(self) -> None: ...

    def may_confirm(self) -> None: ...

    def completion_awaits(self) -> bool: ...
    def may_remind(self) -> None: ...

    # -- the audit log and the settings

    def event(
        self,
        action: str,
        task_id: int | None = None,
        before=None,
        after=None,
        reason: str | None = None,
        event_id: int | None = None,
        at: str | None = None,
        actor: str | None = None,
        claimed_on: str | None = None,
        correction_from: str | None = None,
        imported_by: int | None = None,
        clock: str | None = None,
    ) -> int: ...

    def events(
        self, task_id: int | None = None, since: str | None = None, actor: str | None = None, with_import: bool = False
    ) -> list[dict]: ...

    def setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...

    # -- agencies

    def agencies(self) -> list[dict]: ...

    def add_agency(
        self, code: str, name: str, kind: str | None, email: str | None = None, short_name: str | None = None
    ) -> int: ...

    def set_agency_short(self, agency_id: int, short_name: str | None) -> None: ...

    def set_agency_email(self, agency_id: int, email: str | None) -> None: ...

    def merged(self) -> bool: ...

    def mergers(self) -> list[dict]: ...

    def add_merger(self, old_id: int, new_id: int, on: str, event_id: int) -> None: ...

    def undo_merger(self, merger_id: int, event_id: int) -> None: ...

    def merger_event(self, event_id: int) -> dict | None: ...

    def merger_chains(self) -> dict[int, list[tuple[str, str]]]: ...

    def task_ids(self, agency_ids: list[int]) -> list[int]: ...

    def open_with_co(self, agency_id: int) -> list[int]: ...

    def retire_agency(self, agency_id: int, on: str) -> None: ...

    def rename_agency(self, agency_id: int, name: str) -> None: ...

    # -- tasks and their deadlines

    def task(self, task_id: int, as_of: str) -> dict | None: ...

    def tasks(
        self,
        as_of: str,
        statuses=None,
        agency_id=None,
        assigned_from=None,
        assigned_to=None,
        due_from=None,
        due_to=None,
        done_from=None,
        done_to=None,
        search=None,
        sort: str = "id",
        with_co: bool = True,
        existing: bool = True,
        stale_since: str | None = None,
        starred: bool = False,
        awaiting: bool = False,
    ) -> Iterator[dict]: ...

    def insert_task(self, fields: dict, co_ids: list[int]) -> int: ...

    def update_task(self, task_id: int, fields: dict) -> None: ...

    def set_co_agencies(self, task_id: int, co_ids: list[int], replace: bool = True) -> None: ...

    def add_deadline(
        self, task_id: int, due_on: str | None, kind: str, decided_on: str, reason: str | None, event_id: int
    ) -> None: ...

    def import_batch(self) -> Batch: ...

    # -- series of periodic tasks (docs/commands.md "recur")

    def series(self, series_id: int | None = None) -> list[dict]: ...

    def insert_series(self, fields: dict, co_ids: list[int]) -> int: ...

    def update_series(self, series_id: int, fields: dict) -> None: ...

    def set_series_co(self, series_id: int, co_ids: list[int], replace: bool = True) -> None: ...

    def series_tasks(self, series_id: int) -> dict[str, int]: ...

    # -- reports

    def counts(
        self,
        start: str,
        end: str,
        as_of: str,
        updated_since: str,
        agency_id: int | None = None,
        by_agency: bool = False,
        starred: bool = False,
        group: str | None = None,
    ) -> list[dict]: ...

    def recorded_after(
        self, start: str, end: str, as_of: str, after: str, agency_id: int | None = None, starred: bool = False
    ) -> tuple[int, int]: ...

    # -- publications

    def publications(self, start: str | None = None, end: str | None = None, with_body: bool = True) -> list[dict]: ...

    def add_publication(self, fields: dict) -> int: ...

    def event_stamp(self, event_id: int) -> tuple[str, str]: ...

    def event_of(self, event_id: int) -> dict | None: ...

    def positions(self, task_id: int, days: list[str]) -> dict[str, dict]: ...

    def imported_into(self, import_event: int, start: str, end: str, agency_id: int | None) -> list[int]: ...

    def tasks_by_uid(self, uids: list[str]) -> dict[str, dict]: ...
