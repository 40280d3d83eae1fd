"""CSV and JSON as commands print them, to standard output or a file: text a spreadsheet
never runs (SPEC §8), numbers as numbers, tasks headed by their JSON field names."""

import csv
import json
import sys

from taskreg.domain.model import TASK_FIELDS
from taskreg.domain.tasks import public

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_cell(value):
    """A value as a CSV cell holds it: text beginning with one of FORMULA_STARTS gets a
    leading ', so no spreadsheet runs it; numbers and everything else are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def cell_of(value):
    """A task field's value as one CSV cell: codes joined by ';', true/false as JSON has them."""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def write_csv(headers: list[str], rows, out=None, numbers=frozenset()) -> None:
    """CSV whose text a spreadsheet never runs: a text cell beginning with =, +, -, @, a tab,
    a CR or ' gets a leading ', which taskreg's import removes (SPEC §8). Numbers are not
    text: an int, and every cell of the columns whose index is in `numbers` (a rate
    formatted as "-1.50"), are written as they are.

    A row holding a CR is written with every cell quoted: csv quotes a cell holding a line
    break only if the break is in its line terminator ("\\n"), and a CR left bare would end
    the row for every reader."""
    out = out or sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow([csv_cell(h) for h in headers])
    for row in rows:
        cells = [v if i in numbers else csv_cell(v) for i, v in enumerate(row)]
        if any(isinstance(v, str) and "\r" in v for v in cells):
            quoted.writerow(cells)
        else:
            writer.writerow(cells)


def write_tasks_csv(tasks, out=None, headers: list[str] | None = None, states: dict | None = None) -> int:
    """Tasks as CSV headed by their JSON field names (or `headers`, one per field, in their
    order); co_agencies joined by ';'; each state by its name in `states` if given (the
    Vietnamese ones under `export --lang vi`; import ignores the column). Returns the count."""
    count = 0

    def rows():
        nonlocal count
        for task in tasks:
            count += 1
            fields = public(task)
            if states is not None:
                fields["status"] = states.get(fields["status"], fields["status"])
            yield [cell_of(v) for v in fields.values()]

    write_csv(headers or list(TASK_FIELDS), rows(), out)
    return count
