"""The publications' queries (README "Publications"): the stored publications, a new one,
and what a publication's check and restore read. A part of `SqlStore` (storage/sql.py).
"""

import json

from taskreg.domain.states import AGENCY_AS_OF, lead_sql, status_sql
from taskreg.storage.engine import Engine


class PublicationQueries(Engine):
    """`SqlStore`'s publication queries."""

    PUBLICATION_COLUMNS = (
        "p.id, p.start_on, p.end_on, p.agency_id, a.code AS agency, p.as_of, p.version, p.at, p.actor,"
        " p.symbol, p.doc_date, p.reason, p.digest, p.event_id, p.imported_by"
    )

    def publications(self, start: str | None = None, end: str | None = None, with_body: bool = True) -> list[dict]:
        """Every publication (of the period [start, end] if given), oldest first; `body` is
        the canonical JSON text as stored."""
        where, args = "", {}
        if start is not None:
            where, args = " WHERE p.start_on = :start AND p.end_on = :end", {"start": start, "end": end}
        return self._rows(
            f"SELECT {self.PUBLICATION_COLUMNS}{', p.body' if with_body else ''} FROM publications p"
            f" LEFT JOIN agencies a ON a.id = p.agency_id{where} ORDER BY p.id",
            args,
        )

    def add_publication(self, fields: dict) -> int:
        """Append a publication; its id is the next one."""
        if fields.get("agency_id") is not None:
            self.may_write(fields["agency_id"])
        else:
            self.may_write(None)
        row = {"id": self._next_id("publications"), "imported_by": None, **fields}
        columns = list(row)
        self._run(
            f"INSERT INTO publications ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})", row
        )
        return row["id"]

    def event_stamp(self, event_id: int) -> tuple[str, str]:
        """The time and login an event was recorded with (on PostgreSQL the server's)."""
        row = self._rows("SELECT at, actor FROM events WHERE id = :id", {"id": event_id})[0]
        return row["at"], row["actor"]

    def event_of(self, event_id: int) -> dict | None:
        """One event (id, at, actor, action, after as a JSON value, imported_by), or None:
        the event a publication names, as `check` reads it."""
        rows = self._rows(
            "SELECT id, at, actor, action, after, imported_by FROM events WHERE id = :id", {"id": event_id}
        )
        if not rows:
            return None
        after = rows[0]["after"]
        return dict(rows[0], after=json.loads(after) if isinstance(after, str) else after)

    def positions(self, task_id: int, days: list[str]) -> dict[str, dict]:
        """A task's assignment date, lead agency and state as of each of `days` (none if
        there is no such task): what a publication of those days counted it as."""
        out: dict[str, dict] = {}
        for day in days:
            prefix, lead = (AGENCY_AS_OF, lead_sql()) if self.merged() else ("", "t.agency_id")
            rows = self._rows(
                f"{prefix}SELECT t.assigned_on, {lead} AS agency_id, {status_sql()} AS status FROM tasks t"
                " WHERE t.id = :id",
                {"id": task_id, "as_of": day},
            )
            if rows:
                out[day] = rows[0]
        return out

    def imported_into(self, import_event: int, start: str, end: str, agency_id: int | None) -> list[int]:
        """The ids (the first ten) of the tasks an import brought assigned in [start, end]."""
        agency = " AND agency_id = :agency_id" if agency_id is not None else ""
        rows = self._rows(
            "SELECT id FROM tasks WHERE import_event = :e AND assigned_on BETWEEN :start AND :end"
            f"{agency} ORDER BY id LIMIT 10",
            {"e": import_event, "start": start, "end": end, "agency_id": agency_id},
        )
        return [r["id"] for r in rows]

    def tasks_by_uid(self, uids: list[str]) -> dict[str, dict]:
        """Tasks (id, uid, title, agency code, import event, assigning document and its date) by uid."""
        out: dict[str, dict] = {}
        for i in range(0, len(uids), 500):
            chunk = {f"u{n}": u for n, u in enumerate(uids[i : i + 500])}
            if not chunk:
                continue
            for r in self._rows(
                "SELECT t.id, t.uid, t.title, a.code AS agency, t.import_event, t.source, t.source_date FROM tasks t"
                f" JOIN agencies a ON a.id = t.agency_id WHERE t.uid IN ({', '.join(':' + k for k in chunk)})",
                chunk,
            ):
                out[r["uid"]] = r
        return out
