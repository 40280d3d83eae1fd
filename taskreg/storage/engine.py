"""What every query of `SqlStore` runs on: reading rows and running statements, and the few
spellings that differ between the engines; and what a register can do (`Features`), which
commands ask instead of naming an engine. storage/sqlite/ and storage/postgresql/ provide
them; storage/sql.py, storage/reporting.py and storage/published.py build on them.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Features:
    """What a register can do that a command branches on (`store.features`, and before a
    register is opened taskreg.storage `features(target)`): no command names an engine."""

    #: The register is a file at a path: the first command that writes to it creates it (and
    #: removes it again when it then fails), `init` and the demo build it whole, an output
    #: (`export -o`, `report -o`) may never be written over it. Otherwise it is a database
    #: its administrator makes.
    files: bool = False
    #: The files beside it that are part of it, by the suffix added to its name.
    sidecars: tuple[str, ...] = ()
    #: Logins with roles (`taskreg admin`) and a schema its administrator upgrades
    #: (`taskreg db upgrade`, through taskreg.storage `administration`); otherwise opening
    #: a register upgrades it.
    roles: bool = False


def shipped_migrations(*folder: str) -> Path:
    """A folder of the schema's migrations: in the wheel they ship inside the package
    (taskreg/migrations, pyproject's force-include), in a checkout they are the top-level
    migrations/ (the project's agreed layout). Each engine names its own folder."""
    package = Path(__file__).resolve().parents[1]  # the taskreg package
    shipped = package / "migrations"
    return (shipped if shipped.is_dir() else package.parent / "migrations").joinpath(*folder)


class Engine:
    """The primitives each engine's store provides."""

    #: What the register can do (each engine's store says; the registry reads the same).
    features = Features()
    #: Whether a merger is in force, once read (`merged`).
    _merged: bool | None = None

    def _rows(self, sql: str, args: dict | None = None) -> list[dict]:
        raise NotImplementedError

    def _iter(self, sql: str, args: dict | None = None):
        """Rows one at a time, as the engine reads them."""
        return iter(self._rows(sql, args))

    def _run(self, sql: str, args: dict | None = None) -> int:
        """Run a statement; the number of rows it changed."""
        raise NotImplementedError

    def _run_many(self, sql: str, rows: list[dict]) -> None:
        raise NotImplementedError

    def _co_codes(self) -> str:
        """The lead task `t`'s coordinating agencies' codes, sorted, joined by ';'."""
        raise NotImplementedError

    def _json_text(self, column: str, key: str) -> str:
        """The text at `key` of the JSON object in `column`."""
        raise NotImplementedError

    def _date(self, expression: str) -> str:
        """`expression` (text) as a date the engine compares with date columns."""
        return expression

    def _year(self, expression: str) -> str:
        """The year (an integer) of `expression`, a date column: SQLite's ISO text."""
        return f"CAST(substr({expression}, 1, 4) AS INTEGER)"

    def _by_agency_range(self) -> str:
        """A condition every task meets (each names a registered agency) that leads SQLite to
        read a report by agency as ranges of `tasks_agency_report`, agency by agency, so that
        it groups as it reads and never sorts (storage/reporting.py `counts`)."""
        return "t.agency_id IN (SELECT id FROM agencies) AND "

    def _fence(self) -> str:
        """What ends a subquery so that the planner computes its columns once per row rather
        than copying their expressions into the outer query (SQLite does not flatten a
        subquery with a LIMIT into an aggregate: sqlite.org/optoverview.html#flattening)."""
        return " LIMIT -1"

    def _one(self, sql: str, args: dict | None = None):
        rows = self._rows(sql, args)
        return next(iter(rows[0].values())) if rows else None

    def _next_id(self, table: str) -> int:
        """The next id of `table`, inside the write lock: ids have no gaps on either engine."""
        return self._one(f"SELECT coalesce(max(id), 0) + 1 AS n FROM {table}")

    def merged(self) -> bool:
        """Whether a merger is in force (docs/commands.md "agency merge, unmerge"): only then
        do the task and report queries work out the lead agency as of their date
        (taskreg.domain.states `lead_sql`); a register with none keeps its plans. Read once
        per command (one indexed row), and again after a merger is recorded or undone."""
        if self._merged is None:
            self._merged = bool(self._rows("SELECT 1 AS hit FROM mergers WHERE undone_event IS NULL LIMIT 1"))
        return self._merged

    def may_write(self, agency_id: int | None) -> None:
        """Refuse (naming the agency and what this login may write) a write to a task led by
        `agency_id`, or with None to the directory and settings; a file register allows all."""
