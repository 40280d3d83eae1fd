"""Publications (README "Publications"): what a report said when it was published, kept so
that it cannot silently change, and what has moved since.

A publication is identified by its period's first and last day, its scope (all agencies,
or one) and its as-of date; the latest version counts. It is stored whole as canonical
JSON with the SHA-256 digest of that text, the same on both engines. States are never
decided here: the store classifies, with taskreg.domain.states, and this module compares.
"""

import json
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date

from taskreg.domain.canonical import FORMAT, canonical, digest_of, figures_from, figures_json, verify
from taskreg.domain.dates import Period, from_iso, iso
from taskreg.domain.errors import BadInput, Day, Ref, Refused
from taskreg.domain.figures import Figures, Report, build
from taskreg.domain.model import COUNTS, FIGURE_FIELDS
from taskreg.domain.states import FOUR
from taskreg.domain.store import Store
from taskreg.domain.text import nfc

#: Events that can move a task's membership or state (an edit only with a figure field).
MOVING = ("add", "import", "done", "reopen", "return", "extend", "cancel", "amend_published")


# -- periods --------------------------------------------------------------------------------


def period_of(start: date, end: date) -> Period:
    """The period [start, end], named as a quarter, month or year when it is one."""
    if start.day == 1 and end.day == monthrange(end.year, end.month)[1] and start.year == end.year:
        months = end.month - start.month + 1
        if months == 12:
            return Period("year", start, end)
        if months == 3 and start.month % 3 == 1:
            return Period("quarter", start, end, (start.month - 1) // 3 + 1)
        if months == 1:
            return Period("month", start, end, start.month)
    return Period("range", start, end)


# -- publishing -----------------------------------------------------------------------------


def publish(
    store: Store,
    today: date,
    period: Period,
    as_of: date,
    agency: dict | None,
    org: str,
    basis: str,
    symbol: str | None = None,
    doc_date: date | None = None,
    reason: str | None = None,
) -> dict:
    """Store what the report of `period` (of `agency`, or all) as of `as_of` says now, with
    its `publish` event, in one transaction. A second publication of the same period, scope
    and as-of date is the next version and needs a reason."""
    if as_of > today:
        raise BadInput("publish_future", day=Day(as_of))
    if as_of < period.start:
        raise BadInput("publish_before_period", day=Day(as_of))
    symbol, reason = nfc(symbol) or None, nfc(reason) or None
    scope = agency["id"] if agency else None
    with store.write():
        try:
            store.may_write(scope)
        except Refused as e:  # said as what it is: a publication refused, and what the login may do
            raise Refused(
                "publish_denied",
                login=e.values.get("login", ""),
                scope=agency["code"] if agency else Ref("pub_all"),
                may=e.values.get("may", ""),
            ) from None
        store.may_publish()
        earlier = [
            p
            for p in store.publications(iso(period.start), iso(period.end), with_body=False)
            if p["agency_id"] == scope and p["as_of"] == iso(as_of)
        ]
        version = max((p["version"] for p in earlier), default=0) + 1
        if earlier and not reason:
            raise BadInput("publish_reason_needed", version=version)
        report = build(store, period, as_of, basis, agency, by_agency=agency is None)
        end = min(period.end, as_of)
        tasks = [
            {"id": t["id"], "uid": t["uid"], "agency": t["agency"], "state": t["status"], "due_on": t["due_on"]}
            for t in store.tasks(
                iso(as_of), agency_id=scope, assigned_from=iso(period.start), assigned_to=iso(end), with_co=False
            )
        ]
        doc_day = iso(doc_date or today)
        what = {"start": iso(period.start), "end": iso(period.end), "agency": agency["code"] if agency else None}
        event_id = store.event(
            "publish",
            after={**what, "as_of": iso(as_of), "version": version, "symbol": symbol, "date": doc_day},
            reason=reason,
        )
        at, actor = store.event_stamp(event_id)
        body = {
            "taskreg_publication": FORMAT,
            "period": {"kind": period.kind, "start": iso(period.start), "end": iso(period.end)},
            "agency": agency["code"] if agency else None,
            "agency_name": agency["name"] if agency else None,
            "as_of": iso(as_of),
            "version": version,
            "org": org,
            "rate_basis": basis,
            "figures": figures_json(report.whole, basis),
            "rows": [figures_json(r, basis) for r in report.rows],
            "tasks": tasks,
            "published_at": at,
            "published_by": actor,
            "symbol": symbol,
            "date": doc_day,
            "reason": reason,
        }
        text = canonical(body)
        row = {
            "start_on": iso(period.start),
            "end_on": iso(period.end),
            "agency_id": scope,
            "as_of": iso(as_of),
            "version": version,
            "at": at,
            "actor": actor,
            "symbol": symbol,
            "doc_date": doc_day,
            "reason": reason,
            "digest": digest_of(text),
            "body": text,
            "event_id": event_id,
        }
        row["id"] = store.add_publication(row)
    return {**row, "agency": agency["code"] if agency else None, "report": report}


def restore(store: Store, entries: list, import_event: int) -> int:
    """Publications a JSON export carries, into the register its import just filled: each
    checked against its digest (bad input naming it if it does not match), marked imported."""
    by_code = {a["code"]: a["id"] for a in store.agencies()}
    count = 0
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("body"), dict):
            raise BadInput("import_publication_bad", n=n)
        body, digest = entry["body"], entry.get("digest")
        text = canonical(body)
        if digest_of(text) != digest:
            raise BadInput("import_publication_digest", n=n)
        try:
            code = body["agency"]
            if code is not None and code not in by_code:
                raise BadInput("import_publication_agency", n=n, code=str(code))
            row = {
                "start_on": body["period"]["start"],
                "end_on": body["period"]["end"],
                "agency_id": by_code[code] if code is not None else None,
                "as_of": body["as_of"],
                "version": int(body["version"]),
                "at": body["published_at"],
                "actor": body["published_by"],
                "symbol": body["symbol"],
                "doc_date": body["date"],
                "reason": body["reason"],
                "digest": digest,
                "body": text,
                "event_id": import_event,
                "imported_by": import_event,
            }
        except (KeyError, TypeError, ValueError):
            raise BadInput("import_publication_bad", n=n) from None
        store.add_publication(row)
        count += 1
    return count


def exported(store: Store) -> list[dict]:
    """The publications as a JSON export carries them: each body with its digest."""
    return [{"digest": p["digest"], "body": json.loads(p["body"])} for p in store.publications()]


# -- reading --------------------------------------------------------------------------------


def find(store: Store, period: Period, as_of: date, agency: dict | None) -> dict | None:
    """The latest version of the publication a report of this period, scope and as-of date
    shows; for one agency, failing its own, the publication of all agencies (which
    publishes each agency's row). With `body` parsed."""
    rows = [p for p in store.publications(iso(period.start), iso(period.end)) if p["as_of"] == iso(as_of)]
    scope = agency["id"] if agency else None
    chosen = [p for p in rows if p["agency_id"] == scope] or (
        [p for p in rows if p["agency_id"] is None] if agency else []
    )
    if not chosen:
        return None
    latest = max(chosen, key=lambda p: p["version"])
    return {**latest, "body": json.loads(latest["body"])}


def report_of(pub: dict, period: Period, agency: dict | None) -> Report:
    """The published figures as a report of `period` (of `agency`, or all)."""
    body = pub["body"]
    basis = body["rate_basis"]
    as_of = from_iso(body["as_of"])
    assert as_of is not None
    rows = [figures_from(r) for r in body["rows"]]
    if agency is not None and body["agency"] is None:  # one agency's row of all agencies'
        found = next((r for r in rows if r.agency == agency["code"]), None)
        rows = [found] if found else []
        whole = Figures(**{k: getattr(found, k) for k in COUNTS}) if found else Figures()
        whole.oldest_overdue_days = found.oldest_overdue_days if found else None
    else:
        whole = figures_from(body["figures"])
        if agency is not None:  # a publication of this agency alone
            row = figures_from(body["figures"])
            row.agency, row.agency_name = agency["code"], agency["name"]
            rows = [row] if whole.population else []
        whole.agency = whole.agency_name = None
    # What was published: no update rate, which is never a published figure (docs/reports.md).
    return Report(period, as_of, basis, whole, rows, window=None)


def _counts(f: Figures) -> tuple:
    return tuple(getattr(f, k) for k in COUNTS)


def drift(published: Report, live: Report) -> dict:
    """How the live figures differ from the published ones: per state (live − published),
    and the agencies whose rows differ."""
    out: dict = {k: getattr(live.whole, k) - getattr(published.whole, k) for k in (*FOUR, "cancelled")}
    before = {r.agency: _counts(r) for r in published.rows}
    after = {r.agency: _counts(r) for r in live.rows}
    out["agencies"] = sorted(str(c) for c in set(before) | set(after) if before.get(c) != after.get(c))
    return out


def differs(d: dict | None) -> bool:
    if not d:
        return False
    return any(d[k] for k in (*FOUR, "cancelled")) or bool(d["agencies"])


@dataclass
class Shown:
    """What a report prints: the published figures of a published period (unless --live),
    else the live ones; the publication, and how the live figures drift from it."""

    report: Report
    live: Report
    publication: dict | None = None
    drift: dict | None = None
    published: Report | None = field(default=None, repr=False)
    agency_id: int | None = None  # the report's agency, if one
    agency_code: str | None = None

    @property
    def figures(self) -> str:
        return "live" if self.report is self.live else "published"

    def overdue_tasks(self, store: Store) -> list[dict]:
        """The population's open overdue tasks as of the as-of date, most overdue first: id,
        uid, title, agency, due_on, source, source_date. For published figures, those the
        publication counted so, with their deadline then (and their title and assigning
        document now)."""
        r = self.report
        if self.figures == "published" and self.publication is not None:
            body = self.publication["body"]
            listed = [t for t in body["tasks"] if t["state"] == "overdue"]
            if body["agency"] is None and self.agency_code:  # one agency's row of all agencies'
                listed = [t for t in listed if t["agency"] == self.agency_code]
            titles = store.tasks_by_uid([t["uid"] for t in listed])
            now = lambda t, key: titles[t["uid"]][key] if t["uid"] in titles else None  # noqa: E731
            return [
                {**t, "title": now(t, "title") or "", "source": now(t, "source"), "source_date": now(t, "source_date")}
                for t in sorted(listed, key=lambda t: (t["due_on"], t["id"]))
            ]
        rows = store.tasks(
            iso(r.as_of),
            statuses=["overdue"],
            agency_id=self.agency_id,
            assigned_from=iso(r.period.start),
            assigned_to=iso(min(r.period.end, r.as_of)),
            with_co=False,
            sort="due",
            starred=r.starred,
        )
        return [{k: t[k] for k in ("id", "uid", "title", "agency", "due_on", "source", "source_date")} for t in rows]

    def as_json(self) -> dict:
        """What a JSON report adds to its fixed fields (SPEC §10)."""
        return {
            "figures": self.figures,
            "publication": None if self.publication is None else publication_json(self.publication),
            "drift": self.drift,
        }


def publication_json(pub: dict) -> dict:
    return {
        "id": pub["id"],
        "version": pub["version"],
        "published_at": pub["at"],
        "published_by": pub["actor"],
        "symbol": pub["symbol"],
        "date": pub["doc_date"],
        "reason": pub["reason"],
        "digest": pub["digest"],
    }


def honoured(
    store: Store,
    period: Period,
    as_of: date,
    basis: str,
    agency: dict | None,
    by_agency: bool,
    show_live: bool = False,
    starred: bool = False,
) -> Shown:
    """What a report of this period, scope and as-of date shows (SPEC §10). A published
    period's live figures are counted by agency too, to compare with the published rows.
    A report of the key tasks alone (`starred`) is never a publication's: its figures are live."""
    pub = None if starred else find(store, period, as_of, agency)
    live = build(store, period, as_of, basis, agency, by_agency=by_agency or pub is not None, starred=starred)
    shown = Shown(
        live, live, agency_id=agency["id"] if agency else None, agency_code=agency["code"] if agency else None
    )
    if pub is None:
        return shown
    published = report_of(pub, period, agency)
    # How many completions await confirmation is no published figure: always the live count.
    published.whole.awaiting = live.whole.awaiting
    awaiting = {r.agency: r.awaiting for r in live.rows}
    for row in published.rows:
        row.awaiting = awaiting.get(row.agency, 0)
    shown.publication, shown.published, shown.drift = pub, published, drift(published, live)
    if not show_live:
        shown.report = published
    return shown


def live_by(
    store: Store, period: Period, as_of: date, basis: str, agency: dict | None, group: str, starred: bool = False
) -> Shown:
    """A report by assigning document or directing leader (`report --by source|assigned-by`,
    docs/reports.md): always its live figures, since a publication keeps rows by agency
    alone; with the period's publication, if any, so that the report says its figures are
    live (no drift: the published rows are not these)."""
    pub = None if starred else find(store, period, as_of, agency)
    live = build(store, period, as_of, basis, agency, starred=starred, group=group)
    return Shown(
        live,
        live,
        publication=pub,
        agency_id=agency["id"] if agency else None,
        agency_code=agency["code"] if agency else None,
    )


def status_of(store: Store, pub: dict) -> bool:
    """Whether the live figures still agree with a publication (its whole and its rows)."""
    start, end, as_of = from_iso(pub["start_on"]), from_iso(pub["end_on"]), from_iso(pub["as_of"])
    assert start and end and as_of
    agency = None
    if pub["agency_id"] is not None:
        agency = next(a for a in store.agencies() if a["id"] == pub["agency_id"])
    period = period_of(start, end)
    body = json.loads(pub["body"])
    live = build(store, period, as_of, body["rate_basis"], agency, by_agency=True)  # rows, as `honoured`
    return not differs(drift(report_of({**pub, "body": body}, period, agency), live))


# -- what moved since ------------------------------------------------------------------------


def changes(store: Store, pub: dict, agency: dict | None = None) -> tuple[list[dict], list[dict]]:
    """Each task whose membership or state as of the publication's as-of date has moved
    since it was published (joined, left, changed), with the events that moved it; and the
    amendments of the publication that name no task (an import's)."""
    body = pub["body"]
    as_of, start = body["as_of"], body["period"]["start"]
    end = min(body["period"]["end"], as_of)
    published = {t["uid"]: t for t in body["tasks"]}
    live = {
        t["uid"]: t
        for t in store.tasks(as_of, agency_id=pub["agency_id"], assigned_from=start, assigned_to=end, with_co=False)
    }
    code = agency["code"] if agency and body["agency"] is None else None
    moved = []
    for uid in sorted(set(published) | set(live), key=lambda u: (live.get(u) or published[u])["id"]):
        was, now = published.get(uid), live.get(uid)
        before = (was["state"], was["agency"]) if was else None
        after = (now["status"], now["agency"]) if now else None
        if before == after:
            continue
        if code and code not in {x[1] for x in (before, after) if x}:
            continue
        moved.append({"uid": uid, "published": was, "live": now})
    if moved:
        found = store.tasks_by_uid([m["uid"] for m in moved if m["live"] is None])
        for m in moved:
            task = m["live"] or found.get(m["uid"]) or {"id": m["published"]["id"], "title": "", "agency": None}
            m["task"] = task
            events = [e for e in store.events(task_id=task["id"], with_import=True) if _since(e, pub)]
            m["events"] = [
                e
                for e in events
                if e["action"] in MOVING or (e["action"] == "edit" and FIGURE_FIELDS & set(e["after"] or {}))
            ]
    amendments = [
        e
        for e in store.events()
        if e["action"] == "amend_published"
        and e["task_id"] is None
        and str(pub["id"]) in (e["after"] or {}).get("publications", [])
    ]
    return moved, amendments


def _since(e: dict, pub: dict) -> bool:
    """Whether an event was recorded after the publication (history an import brought:
    whether the register it came from recorded it after)."""
    if e["id"] <= pub["event_id"]:
        return False
    return e.get("imported_by") is None or str(e["at"]) > str(pub["at"])


# -- check ---------------------------------------------------------------------------------------


def unsound(store: Store, pubs: list[dict]) -> list[tuple[dict, str]]:
    """Each publication `check` finds wrong, with why (a catalogue key), in order (SPEC §10):
    its digest and columns (canonical.verify); its figures against its own list of tasks
    and states; and its event: a publication taskreg made names the publish event that
    made it — of its period, scope, as-of date, version, symbol and date, with its actor
    and time — and no other publication names that event; one restored by an import names
    that import's event. A row inserted behind taskreg's back (a recomputed digest, a
    reused publish event, another actor) fails one of them."""
    whys: dict[int, str] = {}
    made: dict[int, list[int]] = {}  # each publish event: the publications it could have made
    for pub in pubs:
        why = verify(pub)
        if why is None:
            body = json.loads(pub["body"])
            if not _counts_its_tasks(body):
                why = "check_publication_counts"
            elif not _made_by_its_event(store, pub, body):
                why = "check_publication_event"
            elif pub["imported_by"] is None:
                made.setdefault(pub["event_id"], []).append(pub["id"])
        if why is not None:
            whys[pub["id"]] = why
    for ids in made.values():  # one publish event, one publication: two alike are both named
        if len(ids) > 1:
            whys.update(dict.fromkeys(ids, "check_publication_event"))
    return [(pub, whys[pub["id"]]) for pub in pubs if pub["id"] in whys]


def _counts_its_tasks(body: dict) -> bool:
    """Whether a publication's figures (its whole, and each agency's row) are what its own
    list of tasks and states counts: a body whose numbers were written by hand is not."""
    try:
        tasks, basis = body["tasks"], body["rate_basis"]
        if not _recounts(body["figures"], tasks, basis):
            return False
        if body["agency"] is not None:
            return not body["rows"] and all(t["agency"] == body["agency"] for t in tasks)
        rows = {r["agency"]: r for r in body["rows"]}
        if len(rows) != len(body["rows"]) or set(rows) != {t["agency"] for t in tasks}:
            return False
        return all(_recounts(row, [t for t in tasks if t["agency"] == code], basis) for code, row in rows.items())
    except (KeyError, TypeError, AttributeError):
        return False


def _recounts(stored: dict, tasks: list[dict], basis: str) -> bool:
    counts = dict.fromkeys((*FOUR, "cancelled"), 0)
    for t in tasks:
        if t["state"] not in counts:
            return False
        counts[t["state"]] += 1
    recounted = Figures(
        population=len(tasks),
        **counts,
        no_deadline=sum(1 for t in tasks if t["due_on"] is None and t["state"] != "cancelled"),
        oldest_overdue_days=stored["oldest_overdue_days"],  # days, not a count: not in the list
        agency=stored.get("agency"),
        agency_name=stored.get("name"),
    )
    return figures_json(recounted, basis) == stored


def _made_by_its_event(store: Store, pub: dict, body: dict) -> bool:
    """Whether the event a publication names is the one that made it (or, restored by an
    import, that import's event)."""
    event = store.event_of(pub["event_id"])
    if event is None:
        return False
    if pub["imported_by"] is not None:
        return pub["imported_by"] == pub["event_id"] and event["action"] == "import"
    after = event["after"] if isinstance(event["after"], dict) else {}
    claimed = {
        "start": pub["start_on"],
        "end": pub["end_on"],
        "agency": body.get("agency"),
        "as_of": pub["as_of"],
        "version": pub["version"],
        "symbol": pub["symbol"],
        "date": pub["doc_date"],
    }
    return (
        event["action"] == "publish"
        and event["imported_by"] is None
        and {k: after.get(k) for k in claimed} == claimed
        and (event["at"], event["actor"]) == (pub["at"], pub["actor"])
    )
