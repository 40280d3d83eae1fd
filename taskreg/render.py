"""Putting rows on the screen: a rich table on a terminal, plain aligned text when piped.

rich is imported only when a terminal table is drawn, so scripts and cron pay
nothing for it. User text is never read as markup, and every cell is printed through
taskreg.text.printable: no control character in it reaches the terminal raw and a line
break in it is a mark, so a title cannot forge a row (SPEC §8).
"""

import csv
import json
import os
import sys
from typing import Any

from taskreg.text import printable


def is_terminal() -> bool:
    """stdout is a terminal (TTY_COMPATIBLE=1/0 forces the answer, as rich itself honours)."""
    forced = os.environ.get("TTY_COMPATIBLE")
    if forced in ("0", "1"):
        return forced == "1"
    return sys.stdout.isatty()


def console():
    from rich.console import Console

    return Console(markup=False, highlight=False, emoji=False)


def table(
    headers: list[str],
    rows: list[list[Any]],
    right: set[int] | frozenset[int] = frozenset(),
    title: str | None = None,
    wrap: int | None = None,
    wrap_headers: bool = False,
) -> None:
    """Print a table; columns whose index is in `right` are right-aligned (numbers).

    On a terminal only column `wrap` (the free text) folds; the others keep one line.
    Cells that are not text (a rich state bar) are drawn as they are.
    """
    title = printable(title) if title else title
    if is_terminal():
        headers = [printable(h) for h in headers]
        rows = [[printable(c) if isinstance(c, str) else c for c in row] for row in rows]
        from rich import box
        from rich.table import Table

        grid = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False, collapse_padding=True)
        for i, header in enumerate(headers):
            widest = max((len(row[i]) if isinstance(row[i], str) else row[i].cell_len for row in rows), default=1)
            grid.add_column(
                header,
                justify="right" if i in right else "left",
                overflow="fold",
                no_wrap=wrap is not None and i != wrap and not wrap_headers,
                # long headers over narrow numbers: the header breaks, not the number
                min_width=widest if wrap_headers else None,
            )
        for row in rows:
            grid.add_row(*row)
        console().print(grid)
        return
    if title:
        print(title)
    print(plain(headers, rows, right))


def plain(headers: list[str], rows: list[list[str]], right=frozenset()) -> str:
    """Columns separated by two spaces, the last one unpadded; no box drawing; each cell
    on one line, its control characters escaped."""
    headers = [printable(str(h)) for h in headers]
    rows = [[printable(str(c)) for c in row] for row in rows]
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, *rows]:
        cells = []
        for i, cell in enumerate(row):
            last = i == len(row) - 1
            if i in right:
                cells.append(str(cell).rjust(widths[i]))
            else:
                cells.append(str(cell) if last else str(cell).ljust(widths[i]))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


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
    from taskreg.transfer import csv_cell

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


def write_tasks_csv(tasks, out=None, headers: list[str] | None = None) -> int:
    """Tasks as CSV headed by their JSON field names (or `headers`, one per field, in their
    order); co_agencies joined by ';'. Returns the count."""
    from taskreg.service import TASK_FIELDS, public

    count = 0

    def rows():
        nonlocal count
        for task in tasks:
            count += 1
            yield [";".join(v) if isinstance(v, list) else v for v in public(task).values()]

    write_csv(headers or list(TASK_FIELDS), rows(), out)
    return count


BAR_STYLES = ("green", "yellow", "blue", "red")  # on time, late, in progress, overdue


def bar(counts: list[int], width: int = 20):
    """A small inline bar of the four states, for a terminal table."""
    from rich.text import Text

    total = sum(counts)
    text = Text()
    if not total:
        return text
    cells = [round(c * width / total) for c in counts]
    for count, size, style in zip(counts, cells, BAR_STYLES):
        if count and not size:
            size = 1  # a state that exists is always visible
        text.append("█" * size, style=style)
    return text
