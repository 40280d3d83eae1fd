"""Putting rows on the screen: a rich table on a terminal, plain aligned text when piped.

rich is imported only when a terminal table is drawn, so scripts and cron pay
nothing for it. User text is never read as markup.
"""

import csv
import json
import os
import sys


def is_terminal() -> bool:
    """stdout is a terminal (TTY_COMPATIBLE=1/0 forces the answer, as rich itself honours)."""
    forced = os.environ.get("TTY_COMPATIBLE")
    if forced in ("0", "1"):
        return forced == "1"
    return sys.stdout.isatty()


def console():
    from rich.console import Console

    return Console(markup=False, highlight=False, emoji=False)


def table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset(),
          title: str | None = None, wrap: int | None = None,
          wrap_headers: bool = False) -> None:
    """Print a table; columns whose index is in `right` are right-aligned (numbers).

    On a terminal only column `wrap` (the free text) folds; the others keep one line.
    """
    if is_terminal():
        from rich import box
        from rich.table import Table

        grid = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                     collapse_padding=True)
        for i, header in enumerate(headers):
            widest = max((len(row[i]) if isinstance(row[i], str) else row[i].cell_len
                          for row in rows), default=1)
            grid.add_column(header, justify="right" if i in right else "left", overflow="fold",
                            no_wrap=wrap is not None and i != wrap and not wrap_headers,
                            # long headers over narrow numbers: the header breaks, not the number
                            min_width=widest if wrap_headers else None)
        for row in rows:
            grid.add_row(*row)
        console().print(grid)
        return
    if title:
        print(title)
    print(plain(headers, rows, right))


def plain(headers: list[str], rows: list[list[str]], right=frozenset()) -> str:
    """Columns separated by two spaces, the last one unpadded; no box drawing."""
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


def write_csv(headers: list[str], rows, out=None) -> None:
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)


def write_tasks_csv(tasks, out=None) -> int:
    """Tasks as CSV headed by their JSON field names; co_agencies joined by ';'. Returns the count."""
    from taskreg.service import TASK_FIELDS, public

    count = 0

    def rows():
        nonlocal count
        for task in tasks:
            count += 1
            yield [";".join(v) if isinstance(v, list) else v for v in public(task).values()]

    write_csv(list(TASK_FIELDS), rows(), out)
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
