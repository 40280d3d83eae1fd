"""What `import --create-agencies` creates: the agencies a file names, planned before any is
created, so that a code and the full name it abbreviates become one agency and nothing
nearly duplicates a registered one (SPEC §5); and what the import then says about them.

Used by taskreg.domain.imports, inside the import's transaction; no storage here: a planned
agency is created by the import when a row that names it is written.
"""

import re

from taskreg.domain.agencies import _skeleton, agency_label, find_agency, initials, near_duplicates
from taskreg.domain.errors import BadInput
from taskreg.domain.import_rows import UnsavedFormula, cell, text_problem
from taskreg.domain.text import fold, nfc


def agency_code(folded_name: str, taken: set[str]) -> str:
    """A code for an agency created by an import: the initials of its folded name ("và"
    skipped, as offices make codes), made unique against the skeletons in `taken`."""
    base = initials(folded_name).upper()[:10] or "DV"
    code, n = base, 2
    while _skeleton(code) in taken:
        code, n = f"{base}{n}", n + 1
    return code


def created_warnings(created: list[dict]) -> list[tuple]:
    """What to say of the agencies an import created: those known only by a code (one
    line, to be renamed), and full names typed without any Vietnamese diacritics."""
    out = []
    code_only = sorted(a["code"] for a in created if a["name_fold"] == a["code_fold"])
    if code_only:
        out.append(("import_code_only", {"codes": ", ".join(code_only)}))
    for a in created:
        if a["name_fold"] != a["code_fold"] and a["name"].isascii():
            out.append(("import_no_diacritics", {"code": a["code"], "name": a["name"]}))
    return out


# -- agencies an import creates ----------------------------------------------------------------


def agency_text(value) -> str | None:
    """An agency cell's text as the import reads it; None for a cell it will report instead."""
    if value is None or isinstance(value, (bool, UnsavedFormula)) or not isinstance(value, (str, int, float)):
        return None
    text = cell("agency", value)
    if not text or not text.strip() or text_problem(text):
        return None
    return text.strip()


def agency_cells(rows, columns: list[tuple]) -> dict[str, dict]:
    """Every distinct agency a file names (lead and coordinating), by folded text, with the
    ways it is written and the first row naming it. Only the distinct cells are kept.
    `rows`: (number, {header: cell}); `columns`: (header, field) of the file's columns."""
    columns = [(h, f) for h, f in columns if f in ("agency", "co_agencies")]
    cells: dict[str, dict] = {}
    for number, raw in rows:
        if not isinstance(raw, dict):
            continue
        for header, field in columns:
            text = agency_text(raw.get(header))
            if text is None:
                continue
            for typed in re.split(r"[;\n]", text) if field == "co_agencies" else [text]:
                typed = typed.strip()
                if not typed:
                    continue
                cell = cells.setdefault(fold(typed), {"texts": [], "row": number})
                if typed not in cell["texts"] and len(cell["texts"]) < 20:
                    cell["texts"].append(typed)
    return cells


def looks_like_code(typed: str) -> bool:
    return len(typed.split()) == 1 and len(typed) <= 15


def full_name(texts: list[str]) -> str:
    """Of the ways a file writes one name, the first with Vietnamese diacritics."""
    return next((t for t in texts if not t.isascii()), texts[0])


def plan_agencies(cells: dict, registered: list[dict], directory: dict) -> dict:
    """What each agency cell of a file becomes under --create-agencies: a registered agency,
    a new one (a dict, created when first used), or the row error it gives (key, values).

    Within the file, a code and a full name whose initials give it ("SYT", "Sở Y tế") are
    one new agency named by the full name; a code that fits two names is an error; a new
    agency never nearly duplicates a registered one or another new one (SPEC §5).
    """
    planner = _Planner(cells, registered)
    unknown = [k for k in cells if k not in planner.by_fold]
    planner.from_directory(unknown, directory)  # a JSON export names its agencies in full: first
    rest = [k for k in unknown if k not in planner.plan]
    names = [k for k in rest if not looks_like_code(cells[k]["texts"][0])]
    codes = [k for k in rest if looks_like_code(cells[k]["texts"][0])]
    planner.taken.update(_skeleton(k) for k in codes)  # a code the file types is not one to generate
    partner = planner.pair(codes, names)
    for key in rest:  # in the order the file first names them
        if key not in planner.plan:
            planner.typed(key, partner.get(key), key in codes)
    return planner.plan


class _Planner:
    """plan_agencies' work: the plan so far, the agencies a new one must not nearly
    duplicate (the registered and the planned), and the skeletons of codes taken."""

    def __init__(self, cells: dict, registered: list[dict]):
        self.cells = cells
        self.by_fold = {a["code_fold"]: a for a in registered} | {a["name_fold"]: a for a in registered}
        self.pool = list(registered)  # what a new agency must not nearly duplicate
        self.taken = {_skeleton(a[k]) for a in registered for k in ("code", "name")}
        self.plan: dict = {}
        self.new_by_fold: dict = {}

    def add(self, code: str, name: str, kind=None, retired=None, email=None) -> dict:
        new = {
            "id": None,
            "code": code,
            "name": name,
            "kind": kind,
            "retired_on": retired,
            "email": email,
            "code_fold": fold(code),
            "name_fold": fold(name),
        }
        self.pool.append(new)
        self.taken.update({_skeleton(code), _skeleton(name)})
        self.new_by_fold[new["code_fold"]] = self.new_by_fold[new["name_fold"]] = new
        return new

    def near(self, code: str, name: str, typed: str):
        """The row error of a new agency that would nearly duplicate one (key, values), or None."""
        close = near_duplicates(self.pool, code, name)
        if not close:
            return None
        only = close[0]
        if len(close) == 1 and fold(name) != fold(code) and only["name_fold"] == only["code_fold"]:
            # the full name of an agency so far known only by its code: name it, then import
            return ("agency_near_code_only", {"text": typed, "code": only["code"], "name": name})
        # never a silent near-duplicate that would split a report
        return ("agency_near", {"text": typed, "names": ", ".join(map(agency_label, close[:3]))})

    def from_directory(self, unknown: list[str], directory: dict) -> None:
        """The cells a JSON export's agency directory names (by code or by name)."""
        known_dir = {}
        for key, entry in directory.items():
            known_dir[key] = entry
            if entry.get("name"):
                known_dir.setdefault(fold(entry["name"]), entry)
        for key in unknown:
            entry = known_dir.get(key)
            if entry is None:
                continue
            code, name = nfc(entry["code"]), nfc(entry.get("name") or entry["code"])
            assert code is not None and name is not None  # texts: json_extras checked the directory
            same = next(
                (
                    found[k]
                    for found in (self.by_fold, self.new_by_fold)
                    for k in (fold(name), fold(code))
                    if k in found
                ),
                None,
            )  # the register (or the file) knows it under another code
            self.plan[key] = same or self.add(
                code, name, nfc(entry.get("kind")) or None, entry.get("retired_on"), entry.get("email")
            )

    def pair(self, codes: list[str], names: list[str]) -> dict[str, str]:
        """Each code typed with the one full name whose initials give it, both ways; a code
        that fits two names is planned as that error."""
        cells, partner = self.cells, {}
        for code in codes:
            fits = [n for n in names if initials(n) == _skeleton(code)]
            if len(fits) > 1:
                self.plan[code] = (
                    "agency_code_fits_two",
                    {
                        "text": cells[code]["texts"][0],
                        "names": ", ".join(f"'{full_name(cells[n]['texts'])}'" for n in fits[:3]),
                    },
                )
            elif fits and fits[0] not in partner:
                partner[code], partner[fits[0]] = fits[0], code
        return partner

    def typed(self, key: str, other: str | None, is_code: bool) -> None:
        """A cell the register does not know: with its partner one agency named in full;
        a code alone, an agency named by it (listed to be renamed); a name alone, an agency
        with a code made from its initials."""
        cells, texts = self.cells, self.cells[key]["texts"]
        if other is not None:  # a code and its full name: one agency, named in full
            code_key, name_key = (key, other) if is_code else (other, key)
            code, name = nfc(cells[code_key]["texts"][0]), nfc(full_name(cells[name_key]["texts"]))
            assert code is not None and name is not None  # nfc of a cell's text is a text
            code = code.upper()
            problem = self.near(code, name, texts[0])
            if problem:
                self.plan[code_key] = (problem[0], {**problem[1], "text": cells[code_key]["texts"][0]})
                self.plan[name_key] = (problem[0], {**problem[1], "text": cells[name_key]["texts"][0]})
            else:
                self.plan[code_key] = self.plan[name_key] = self.add(code, name)
        elif is_code:  # known only by its code: named by it, listed to be renamed
            code = nfc(texts[0])
            assert code is not None  # nfc of a cell's text is a text
            code = code.upper()
            self.plan[key] = self.near(code, code, texts[0]) or self.add(code, code)
        else:
            name = nfc(full_name(texts))
            assert name is not None  # nfc of a cell's text is a text
            code = agency_code(key, self.taken)
            self.plan[key] = self.near(code, name, texts[0]) or self.add(code, name)


def planned_agency(typed: str, by_fold: dict, plan: dict, registered: list[dict]) -> dict:
    """The agency a cell names: a registered one, else (--create-agencies) the new one planned
    for it, whose id is None until the import creates it; else bad input saying why not
    (the closest registered agency, or the plan's near-duplicate or code of two names)."""
    key = fold(typed)
    if key in by_fold:
        return by_fold[key]
    planned = plan.get(key)
    if planned is None:
        find_agency(registered, typed)  # raises, naming the closest
    assert planned is not None  # find_agency raised: `typed` is no registered agency
    if isinstance(planned, tuple):  # a near-duplicate, or a code of two names
        raise BadInput(planned[0], **planned[1])
    return planned
