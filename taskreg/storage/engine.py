"""What every query of `SqlStore` runs on: reading rows and running statements, and the few
spellings that differ between the engines. storage/sqlite.py and storage/postgres.py
provide them; storage/sql.py, storage/reporting.py and storage/published.py build on them.
"""


class Engine:
    """The primitives each engine's store provides."""

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

    def _one(self, sql: str, args: dict | None = None):
        rows = self._rows(sql, args)
        return next(iter(rows[0].values())) if rows else None

    def _next_id(self, table: str) -> int:
        """The next id of `table`, inside the write lock: ids have no gaps on either engine."""
        return self._one(f"SELECT coalesce(max(id), 0) + 1 AS n FROM {table}")

    def may_write(self, agency_id: int | None) -> None:
        """Refuse (naming the agency and what this login may write) a write to a task led by
        `agency_id`, or with None to the directory and settings; a file register allows all."""
