"""A publication's canonical form and its digest (README "Publications"): the text a
SHA-256 is taken of, the same on both engines, and the check of a stored one."""

import json
import unicodedata

from taskreg.domain.figures import Figures
from taskreg.domain.model import COUNTS

FORMAT = 1


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value


def canonical(value) -> str:
    """UTF-8 JSON with sorted keys and no spaces, strings in NFC (dates are ISO text and
    rates two-decimal strings already): the text a digest is taken of."""
    return json.dumps(_nfc(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest_of(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rate(value: float | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def figures_json(f: Figures, basis: str) -> dict:
    out: dict = {k: getattr(f, k) for k in COUNTS}
    out.update(
        total=f.total,
        oldest_overdue_days=f.oldest_overdue_days,
        completion_rate=_rate(f.completion_rate(basis)),
        on_time_rate=_rate(f.on_time_rate),
    )
    if f.agency is not None:
        out.update(agency=f.agency, name=f.agency_name)
    return out


def figures_from(d: dict) -> Figures:
    return Figures(
        **{k: d[k] for k in COUNTS},
        oldest_overdue_days=d["oldest_overdue_days"],
        agency=d.get("agency"),
        agency_name=d.get("name"),
    )


def verify(row: dict) -> str | None:
    """Why a stored publication does not match its digest (a catalogue key), or None."""
    try:
        body = json.loads(row["body"])
    except ValueError:
        return "pub_bad_json"
    if digest_of(row["body"]) != row["digest"] or canonical(body) != row["body"]:
        return "pub_bad_digest"
    same = (
        body.get("period", {}).get("start") == row["start_on"]
        and body["period"].get("end") == row["end_on"]
        and body.get("as_of") == row["as_of"]
        and body.get("version") == row["version"]
        and body.get("agency") == row["agency"]
        and body.get("published_at") == row["at"]
        and body.get("published_by") == row["actor"]
        and body.get("symbol") == row["symbol"]
        and body.get("date") == row["doc_date"]
    )
    return None if same else "pub_bad_columns"
