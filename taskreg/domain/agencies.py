"""The agency directory's rules: finding an agency as users type it, and what adding,
renaming and retiring one checks (README "agency"). Each change is one transaction with
its audit event."""

import difflib
import functools
import re
from datetime import date

from taskreg.domain.addresses import check_addresses
from taskreg.domain.dates import iso, parse_date
from taskreg.domain.errors import BadInput, Day, Refused
from taskreg.domain.store import Store
from taskreg.domain.text import fold, nfc


def agency_label(agency: dict) -> str:
    return f"{agency['code']} ({agency['name']})"


def _close_agencies(agencies: list[dict], key: str) -> list[dict]:
    """Agencies a folded text might have meant: those it is a prefix of, then look-alikes."""
    close = [a for a in agencies if key and (a["code_fold"].startswith(key) or a["name_fold"].startswith(key))]
    by_fold = {a["name_fold"]: a for a in agencies} | {a["code_fold"]: a for a in agencies}
    for match in difflib.get_close_matches(key, list(by_fold), n=3, cutoff=0.6):
        if by_fold[match] not in close:
            close.append(by_fold[match])
    return close


@functools.lru_cache(maxsize=8192)
def _skeleton(text: str) -> str:
    """The letters and digits of a text's confusable skeleton, folded: 'Sở Y-tế', 'so y te'
    and 'Sở Ytế.' share one skeleton, and so do 'STC', 'ЅTC' (Cyrillic Ѕ) and 'ＳＴＣ'
    (fullwidth). Given the text as typed, not its fold: folding case first would turn a
    Greek Υ (which looks like Y) into υ (which looks like u).

    The skeleton is Unicode's (UTS #39 §4, with the current confusables.txt), from disarm's
    `skeleton_key`, which also folds case and width and drops invisible characters; its
    digit policy "tr39" keeps the standard's 1 ≡ l and 0 ≡ O. disarm is imported here, the
    first time an agency is added, renamed or created, never at start-up.
    """
    from disarm import skeleton_key  # Unicode's confusables: lazy, only agencies need it

    plain = "".join(c for c in fold(text) if c.isalnum())
    # A text of characters the skeleton removes altogether (invisible ones) keeps its own
    # letters and digits rather than an empty skeleton every such text would share.
    return "".join(c for c in fold(skeleton_key(text, digit_policy="tr39")) if c.isalnum()) or plain


def initials(folded: str) -> str:
    """The initials of a folded agency name, as offices make codes from names: 'so y te'
    gives 'syt', 'so giao duc va dao tao' gives 'sgddt' ("và" skipped; đ already d)."""
    return "".join(w[0] for w in re.findall(r"[^\W_]+", folded) if w != "va")


def near_duplicates(agencies: list[dict], new_code: str, new_name: str) -> list[dict]:
    """Registered agencies that a new one (its code and full name, as typed) would nearly
    duplicate, splitting reports. `agency add` and `import --create-agencies` refuse the same.

    - its name has the same letters and digits as another's name or code once spaces,
      hyphens and punctuation go ('Sở Y-tế' next to 'Sở Y tế', 'UBND HCX' next to
      UBND-HCX), or is the other's first words ('Sở Y' next to 'Sở Y tế');
    - its code has the same letters and digits as another's code (SY-T next to SYT);
    - one of the two is known only by its code and the other's name gives that code by
      its initials ('Sở Y tế' next to an agency named only SYT, and the other way round).

    Letters and digits are compared in their confusable skeletons (Unicode's UTS #39): a
    letter of another script that looks the same ('ЅTC' with a Cyrillic Ѕ) or a fullwidth
    form ('ＳＹＴ') is the letter it looks like.

    Distinct agencies with close names ('Sở Nội vụ', 'Sở Ngoại vụ') and short codes that
    look alike (STC, SYT; SNV, SNGV) are not near-duplicates.
    """
    name_fold = fold(new_name)
    code, name = _skeleton(new_code), _skeleton(new_name)
    code_only = name == code  # a code with no full name yet
    words = name_fold.split()
    found = []
    for a in agencies:
        other_code, other_name = _skeleton(a["code"]), _skeleton(a["name"])
        other_code_only = other_name == other_code
        other_words = a["name_fold"].split()
        shorter = min(len(words), len(other_words))
        near = (
            code == other_code
            or (code_only and code == other_name)
            or (
                not code_only
                and (name in (other_name, other_code) or (shorter >= 2 and words[:shorter] == other_words[:shorter]))
            )
            or (other_code_only and not code_only and initials(name_fold) == other_code)
            or (code_only and not other_code_only and code == initials(a["name_fold"]))
        )
        if near:
            found.append(a)
    return found


def find_agency(agencies: list[dict], typed: str) -> dict:
    """The agency a user means by code or full name, ignoring case and diacritics.

    A prefix is never a match, only a suggestion; nothing is guessed.
    """
    key = fold(typed or "")
    hits = [a for a in agencies if key in (a["code_fold"], a["name_fold"])]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise BadInput("agency_ambiguous", text=typed, names=", ".join(map(agency_label, hits)))
    close = _close_agencies(agencies, key)
    raise BadInput(
        "agency_unknown",
        text=typed,
        close=(("agency_close", {"names": ", ".join(map(agency_label, close[:3]))}) if close else ""),
    )


def add_agency(
    store: Store,
    code: str,
    name: str,
    kind: str | None,
    distinct: bool = False,
    email: str | None = None,
    short: str | None = None,
) -> dict:
    """Register an agency. A near-duplicate of a registered one is refused unless the user
    says it is another agency (`distinct`), which its `agency_add` event records. `email`:
    its addresses, separated by `;` (taskreg.domain.addresses); `short`: its short name, the
    report chart's label (docs/document.md "The chart")."""
    # nfc gives a text for a text: `or ""` only tells mypy so (empty is refused just below).
    code, name, kind = nfc(code) or "", nfc(name) or "", nfc(kind) or None
    email = check_addresses(email)
    short = short_name(short)
    if not code or not name:
        raise BadInput("agency_empty")
    if len(code.split()) != 1:
        raise BadInput("agency_code_spaces", text=code)
    code_fold, name_fold = fold(code), fold(name)
    with store.write():
        agencies = store.agencies()
        for other in agencies:
            if {code_fold, name_fold} & {other["code_fold"], other["name_fold"]}:
                clash = code if code_fold in (other["code_fold"], other["name_fold"]) else name
                raise Refused("agency_duplicate", text=clash, other=agency_label(other))
        close = near_duplicates(agencies, code, name)
        if close and not distinct:  # never silently beside a near-duplicate (SPEC §4)
            raise Refused("agency_near_refused", code=code, name=name, names=", ".join(map(agency_label, close[:3])))
        store.add_agency(code, name, kind, email, short)
        after: dict[str, str | bool | None] = {"code": code, "name": name, "kind": kind}
        if email:
            after["email"] = email
        if short:
            after["short_name"] = short
        if distinct:
            after["distinct"] = True
        store.event("agency_add", after=after)
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "email": email,
        "short_name": short,
        "close": close,
        "distinct": distinct,
    }


def short_name(typed: str | None) -> str | None:
    """A short name as typed, NFC, its spaces collapsed; an empty one is none."""
    return " ".join((nfc(typed) or "").split()) or None


def edit_agency_short(store: Store, typed: str, short: str | None) -> tuple[dict, str | None, bool]:
    """Change an agency's short name (`agency edit --short`; an empty text removes it), with
    its `agency_edit` event; the same again changes and records nothing (the agency, its
    short name, whether it changed)."""
    short = short_name(short)
    with store.write():
        agency = find_agency(store.agencies(), typed)
        if agency["short_name"] == short:
            return agency, short, False
        store.set_agency_short(agency["id"], short)
        store.event(
            "agency_edit",
            before={"code": agency["code"], "short_name": agency["short_name"]},
            after={"code": agency["code"], "short_name": short},
        )
    return agency, short, True


def edit_agency(store: Store, typed: str, email: str | None) -> tuple[dict, str | None, bool]:
    """Change an agency's addresses (`agency edit --email`; an empty text removes them), with
    its `agency_edit` event. The same addresses again change nothing and record nothing
    (the agency, its addresses, whether they changed)."""
    email = check_addresses(email)
    with store.write():
        agency = find_agency(store.agencies(), typed)
        if agency["email"] == email:
            return agency, email, False
        store.set_agency_email(agency["id"], email)
        store.event(
            "agency_edit",
            before={"code": agency["code"], "email": agency["email"]},
            after={"code": agency["code"], "email": email},
        )
    return agency, email, True


def rename_agency(store: Store, typed: str, name: str, distinct: bool = False) -> tuple[dict, str]:
    """Give an agency a new name. The name may not nearly duplicate another agency, by the
    rule `agency add` uses, unless `distinct` (audited); closeness the agency already had
    under its old name does not stop a rename."""
    name = nfc(name) or ""  # a text for a text; empty is refused just below
    if not name:
        raise BadInput("agency_empty")
    with store.write():
        agencies = store.agencies()
        agency = find_agency(agencies, typed)
        name_fold = fold(name)
        others = [a for a in agencies if a["id"] != agency["id"]]
        for other in others:
            if name_fold in (other["code_fold"], other["name_fold"]):
                raise Refused("agency_duplicate", text=name, other=agency_label(other))
        already = near_duplicates(others, agency["code"], agency["name"])
        close = [a for a in near_duplicates(others, agency["code"], name) if a not in already]
        if close and not distinct:
            raise Refused(
                "agency_near_refused", code=agency["code"], name=name, names=", ".join(map(agency_label, close[:3]))
            )
        store.rename_agency(agency["id"], name)
        after = {"code": agency["code"], "name": name}
        if close:
            after["distinct"] = True
        store.event("agency_rename", before={"code": agency["code"], "name": agency["name"]}, after=after)
    return agency, name


def retire_agency(store: Store, today: date, typed: str, on=None) -> tuple[dict, str]:
    """Retire an agency (merged, abolished): it keeps its tasks and reports, takes no new ones."""
    day = iso(parse_date(on, today) if on else today)
    with store.write():
        agency = find_agency(store.agencies(), typed)
        if agency["retired_on"]:
            raise Refused("agency_already_retired", code=agency["code"], on=Day(agency["retired_on"]))
        store.retire_agency(agency["id"], day)
        store.event(
            "agency_retire",
            before={"code": agency["code"], "retired_on": None},
            after={"code": agency["code"], "retired_on": day},
        )
    return agency, day


def check_merged(agency: dict, day: str) -> dict:
    """An agency merged into another by `day` takes no task for that day, as lead or
    coordinator: bad input naming the agency it merged into (docs/commands.md "agency merge")."""
    if agency.get("merged_on") and agency["merged_on"] <= day:
        raise BadInput("agency_merged", code=agency["code"], into=agency["merged_into"], on=Day(agency["merged_on"]))
    return agency


def check_lead(agency: dict, assigned: str) -> dict:
    """A task's lead agency must not have been retired, or merged away, by its assignment date."""
    check_merged(agency, assigned)
    if agency.get("retired_on") and agency["retired_on"] <= assigned:
        raise BadInput("agency_retired", code=agency["code"], on=Day(agency["retired_on"]))
    return agency
