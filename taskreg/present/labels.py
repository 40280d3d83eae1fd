"""How messages name what the register holds: a report's period with its scope and as-of
date ("quý I/2021 đến ngày 31/3/2021, SYT"), a publication. The errors of the rules carry
the things themselves (taskreg.domain.errors.Publication); these give their names."""

from datetime import date

from taskreg.domain.dates import Period, from_iso
from taskreg.domain.figures import GroupRow
from taskreg.domain.publications import period_of
from taskreg.present.i18n import day, t
from taskreg.present.prose import period_label


def scope_label(lang: str, period: Period, as_of: date, agency: dict | None) -> str:
    """A period, its scope and as-of date, as messages name them: "quý I/2021 đến ngày 31/3/2021"."""
    text = t(lang, "pub_scope", period=period_label(lang, period), day=day(lang, as_of))
    return f"{text}, {agency['code']}" if agency else text


def pub_label(lang: str, pub: dict) -> str:
    """A publication as messages name it: its period, scope, as-of date, version and number."""
    start, end, as_of = from_iso(pub["start_on"]), from_iso(pub["end_on"]), from_iso(pub["as_of"])
    assert start and end and as_of  # stored NOT NULL
    scope = {"code": pub["agency"]} if pub["agency"] else None
    text = scope_label(lang, period_of(start, end), as_of, scope)
    text += ", " + t(lang, "pub_version", n=pub["version"])
    if pub["symbol"]:
        text += ", " + t(lang, "pub_symbol", symbol=pub["symbol"])
    return text


def group_header(lang: str, group: str) -> str:
    """The first column's header of a report by source document or leader (`report --by`)."""
    return t(lang, f"t_{group}")


def group_label(lang: str, row: GroupRow) -> str:
    """A row of a report by source document ("45/KH-UBND (2021)") or leader, or the row of
    the tasks without one ("(không có văn bản)", "(không ghi người giao)")."""
    if row.label is None:
        return t(lang, f"t_no_{row.group}")
    if row.group == "source":
        return t(lang, "t_source_year", symbol=row.label, year=row.year)
    return row.label
