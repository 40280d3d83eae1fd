"""Events as people read them: one line of history, a correction in words, a moment in the
output language, and an event as JSON (`show`, `history`, `report --changes`, `publications`)."""

from taskreg.domain import tasks as service
from taskreg.domain.dates import ISO_DATE, from_iso
from taskreg.domain.model import SETTINGS
from taskreg.domain.tasks import is_correction
from taskreg.present import i18n

FIELD_LABELS = {
    "title": "f_title",
    "agency": "f_agency",
    "co_agencies": "f_co",
    "assigned_on": "f_assigned",
    "due_on": "f_due",
    "done_on": "f_done",
    "cancelled_on": "f_cancelled",
    "source": "f_source",
    "source_date": "f_source_date",
    "assigned_by": "f_assigned_by",
    "note": "f_note",
    "result": "f_result",
    "starred": "f_starred",
    "cancel_reason": "f_cancel_reason",
    "uid": "f_uid",
    "id": "f_id",
    "awaiting_since": "f_awaiting_since",
    "confirmed_on": "f_confirmed_on",
    # an agency's events
    "code": "h_code",
    "name": "h_name",
    "kind": "h_kind",
    "retired_on": "h_retired",
    "distinct": "f_distinct",
    "email": "h_email",
    "short_name": "h_short",
    # a change of rights (PostgreSQL)
    "login": "f_login",
    "role": "f_role",
    "agencies": "f_agencies",
    # a series of periodic tasks (docs/commands.md "recur")
    "series": "s_series",
    "every": "s_every",
    "due_day": "s_due_day",
    "due_after": "s_due_after",
    "from_on": "s_from",
    "stopped_on": "s_stopped",
}


def event_json(e: dict) -> dict:
    """An event as JSON: what it changed, when it was recorded and the date it claims,
    whether it is a correction, and whether a pinned clock or an imported file gave its time."""

    out = {k: e[k] for k in ("id", "at", "actor", "action", "task_id", "before", "after", "reason")}
    out.update(
        claimed_on=e.get("claimed_on"),
        correction=is_correction(e),
        pinned_clock=e.get("clock") == "pinned",
        imported=e.get("imported_by") is not None,
    )
    return out


_NOUNS = {
    "extend": "n_extend",
    "done": "n_done",
    "cancel": "n_cancel",
    "reopen": "n_reopen",
    "return": "n_return",
    "edit": "n_edit",
}


def correction_words(lang: str, e: dict) -> str:
    """A correction in words: "extension recorded on 01/12/2026, decided on 29/6/2026"."""

    after = e["after"] or {}
    claimed = {
        "extend": ("claimed_decided", after.get("decided_on")),
        "done": ("claimed_done", after.get("done_on")),
        "cancel": ("claimed_cancelled", after.get("cancelled_on")),
    }.get(e["action"])
    if claimed and claimed[1]:
        how = i18n.t(lang, claimed[0], day=_value(lang, claimed[1]))
    else:
        how = i18n.t(lang, "claimed_changed", day=_value(lang, e.get("correction_from") or ""))
    return i18n.t(
        lang,
        "recorded_claimed",
        what=i18n.t(lang, _NOUNS.get(e["action"], "n_edit")),
        recorded=_value(lang, str(e["at"])[:10]),
        claimed=how,
    )


def _value(lang: str, value) -> str:
    """A field's value in the history: dates in the language's style, lists joined, yes or no."""

    if value in (None, [], ""):
        return "—"
    if isinstance(value, bool):
        return i18n.t(lang, "yes" if value else "no")
    if isinstance(value, list):
        return ";".join(map(str, value))
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return i18n.day(lang, from_iso(value))
    return str(value)


def field_label(lang: str, key: str) -> str:
    """What a history line calls a field or a setting: its label in the language (a
    setting's in English is the name `config set` takes)."""
    if key in FIELD_LABELS:
        return i18n.t(lang, FIELD_LABELS[key])
    if key in SETTINGS:
        return i18n.t(lang, "hs:" + key)
    return key


def _shown(lang: str, key: str, value) -> str:
    """A field's value in a history line; a login's role by its name in the language."""
    if key == "role" and isinstance(value, str) and "role_" + value in i18n.MESSAGES:
        return i18n.t(lang, "role_" + value)
    return _value(lang, value)


def describe(lang: str, e: dict) -> str:
    """One line for an event: its action, what changed from what to what, and why."""

    action = i18n.t(lang, "a_" + e["action"]) if "a_" + e["action"] in i18n.MESSAGES else e["action"]
    if e["action"] == "remind":  # "đã đôn đốc ngày 07/12/2026": the day it was sent
        action = i18n.t(lang, "a_remind", day=_value(lang, e.get("claimed_on") or str(e["at"])[:10]))
    parts = [action]
    before, after = e["before"] or {}, e["after"] or {}
    if e["action"] == "import" and after.get("file"):
        parts.append(i18n.t(lang, "import_from", file=after["file"], imported=i18n.num(lang, after.get("imported", 0))))
    if e["action"] == "update":  # a progress report: what it says
        parts.append(str(after.get("progress", "")))
    elif e["action"] == "amend_published":
        ids = ", ".join(str(i) for i in after.get("publications", []))
        parts.append(i18n.t(lang, "amended_which", ids=ids))
    elif e["action"] in ("agency_merge", "agency_unmerge"):  # which agencies, into which, from when
        merger = after if e["action"] == "agency_merge" else before
        olds = merger.get("agencies") or [merger.get("code")]
        on = _value(lang, merger.get("on"))
        parts.append(i18n.t(lang, "merge_what", olds=", ".join(map(str, olds)), into=merger.get("into"), on=on))
    elif e["action"] not in ("add", "init", "import", "remind"):  # whom a reminder went to: its JSON
        for key, new in after.items():
            if key in ("backdated", "decided_on"):
                continue
            old = before.get(key)
            if old == new:
                continue
            parts.append(f"{field_label(lang, key)}: {_shown(lang, key, old)} → {_shown(lang, key, new)}")
        if after.get("decided_on") and not service.is_correction(e):  # else said below
            parts.append(i18n.t(lang, "decided", day=_value(lang, after["decided_on"])))
    if e["reason"]:
        parts.append(i18n.t(lang, "because", reason=e["reason"]))
    if service.is_correction(e):
        parts.append(i18n.t(lang, "mark_correction") + ": " + correction_words(lang, e))
    if e.get("clock") == "pinned":
        parts.append(i18n.t(lang, "mark_pinned"))
    if e.get("imported_by") is not None:
        parts.append(i18n.t(lang, "mark_imported", at=moment(lang, e["at"]), actor=e["actor"]))
    return "; ".join(parts)


def moment(lang: str, at) -> str:
    """An event's time: as recorded (ISO) in English; `09:04 ngày 01/12/2026` in Vietnamese
    (README "Language and output"). JSON keeps it ISO. A time an imported file gives that
    is not ISO is shown as the file gives it."""
    from datetime import datetime

    text = str(at)
    if lang != "vi":
        return text
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return i18n.t(lang, "h_moment", iso=text, time=f"{moment:%H:%M}", day=i18n.day(lang, moment.date()))
