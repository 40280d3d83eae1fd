"""The lock on published figures (README "Publications"): `config set lock-published on`.

Kept apart from taskreg.domain.publications so that the commands that change tasks import
only this at start-up.
"""

from taskreg.domain.errors import BadInput, Publication, Ref, Refused
from taskreg.domain.store import Store
from taskreg.domain.text import nfc


class Guard:
    """Inside a write: a change that moves a published figure (a task's membership or state
    as of a publication's as-of date) is refused while `lock-published` is on, unless the
    command was given `--amend-published REASON`, which is then recorded as an event."""

    def __init__(self, store: Store, amend: str | None = None):
        self.store = store
        self.amend = nfc(amend) or None
        if amend is not None and not (self.amend or "").strip():
            raise BadInput("amend_reason_needed")
        self.locked = store.setting("lock-published") == "on"
        self.pubs: list[dict] = []
        if self.locked or self.amend:
            latest: dict[tuple, dict] = {}
            for p in store.publications(with_body=False):
                key = (p["start_on"], p["end_on"], p["agency_id"], p["as_of"])
                if key not in latest or latest[key]["version"] < p["version"]:
                    latest[key] = p
            self.pubs = list(latest.values())

    def before(self, task_id: int | None) -> dict:
        if not self.pubs or task_id is None:
            return {}
        return self.store.positions(task_id, sorted({p["as_of"] for p in self.pubs}))

    @staticmethod
    def _place(positions: dict, p: dict):
        here = positions.get(p["as_of"])
        if here is None:
            return None
        inside = p["start_on"] <= here["assigned_on"] <= min(p["end_on"], p["as_of"])
        if not inside or (p["agency_id"] is not None and here["agency_id"] != p["agency_id"]):
            return None
        return here["status"], here["agency_id"] if p["agency_id"] is None else None

    def after(self, task_id: int, before: dict, new: bool = False) -> None:
        """Refuse, or record the amendment of, what the change of `task_id` moved."""
        if not self.pubs:
            return
        now = self.store.positions(task_id, sorted({p["as_of"] for p in self.pubs}))
        moved = [p for p in self.pubs if self._place(before, p) != self._place(now, p)]
        # a task that no moved publication counted yet would join it: said so
        joins = not new and all(self._place(before, p) is None for p in moved)
        self._settle(moved, task_id, new, joins=joins)

    def imported(self, import_event: int) -> None:
        """Refuse, or record, an import that brought tasks into a published period."""
        moved, first = [], None
        for p in self.pubs:
            ids = self.store.imported_into(import_event, p["start_on"], min(p["end_on"], p["as_of"]), p["agency_id"])
            if ids:
                moved.append(p)
                first = first or ids[0]
        self._settle(moved, first, new=True, many=True)

    def _settle(self, moved: list[dict], task_id, new: bool, many: bool = False, joins: bool = False) -> None:
        if not moved:
            return
        if self.amend:
            self.store.may_amend()  # on PostgreSQL, the office's alone
            self.store.event(
                "amend_published",
                None if many else task_id,
                after={"publications": [str(p["id"]) for p in moved]},
                reason=self.amend,
            )
            return
        if not self.locked:
            return
        p = moved[0]
        key = (
            "published_locked_import"
            if many
            else "published_locked_new"
            if new
            else "published_locked_join"
            if joins
            else "published_locked"
        )
        raise Refused(key, id=task_id, publication=Publication(p), more=Ref("pub_more") if len(moved) > 1 else "")
