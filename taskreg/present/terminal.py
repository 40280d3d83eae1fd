"""Putting rows on the screen: a rich table on a terminal, plain aligned text when piped.

rich is imported only when a terminal table is drawn, so scripts and cron pay
nothing for it. User text is never read as markup, and every cell is printed through
taskreg.domain.text.printable: no control character in it reaches the terminal raw and a line
break in it is a mark, so a title cannot forge a row (SPEC §8).
"""

import os
import sys
from typing import Any

from taskreg.domain.text import printable


def is_terminal() -> bool:
    """stdout is a terminal (TTY_COMPATIBLE=1/0 forces the answer, as rich itself honours)."""
    forced = os.environ.get("TTY_COMPATIBLE")
    if forced in ("0", "1"):
        return forced == "1"
    return sys.stdout.isatty()


def console():
    from rich.console import Console

    return Console(markup=False, highlight=False, emoji=False)


def width() -> int:
    """The width output is laid out to: the terminal's; piped, COLUMNS or 80."""
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 20)


def paragraph(text: str) -> None:
    """Print prose: on a terminal wrapped at word boundaries to its width; piped, one line
    per sentence as written, since scripts grep it."""
    if is_terminal():
        import textwrap

        text = textwrap.fill(text, width(), break_long_words=False, break_on_hyphens=False)
    print(text)


#: How a task's state is coloured on a terminal (the report's bar has the same colours).
STATE_STYLES = {"on_time": "green", "late": "yellow", "in_progress": "blue", "overdue": "bold red", "cancelled": "dim"}


def state_cell(label: str, state: str | None, terminal: bool):
    """A state's name as a table cell: coloured on a terminal (`terminal`: is_terminal(),
    asked once for a whole table), plain text when piped."""
    if not terminal or state not in STATE_STYLES:
        return label
    from rich.text import Text

    return Text(printable(label), style=STATE_STYLES[state])


#: The mark beside a key task's id (nhiệm vụ trọng tâm, docs/commands.md `list`): one column wide in any
#: terminal font that has it, and left of the id so that right-aligned ids stay aligned.
STAR = "★"


def id_cell(task_id: int, starred: bool) -> str:
    """A task's id as `list` shows it: "★ 12" for a key task, "12" for any other."""
    return f"{STAR} {task_id}" if starred else str(task_id)


def _fold(text, room: int, lines: int):
    """Text folded at word boundaries into at most `lines` lines of `room` (the last one
    ending with … if that is not all of it)."""
    if not isinstance(text, str):
        return text
    import textwrap

    folded = textwrap.wrap(text, room, break_on_hyphens=False) or [""]
    if len(folded) > lines:
        folded = folded[: lines - 1] + [_cut(" ".join(folded[lines - 1 :]), room)]
    return "\n".join(folded)


def _cut(text: str, room: int) -> str:
    return text if len(text) <= room else text[: max(room - 1, 1)].rstrip() + "…"


def table(
    headers: list[str],
    rows: list[list[Any]],
    right: set[int] | frozenset[int] = frozenset(),
    title: str | None = None,
    wrap: int | None = None,
    wrap_headers: bool = False,
    lines: int = 3,
    cut: bool = False,
) -> None:
    """Print a table; columns whose index is in `right` are right-aligned (numbers).

    On a terminal only column `wrap` (the free text) folds, to at most `lines` lines (then
    …); the others keep one line. Piped, with `cut`, the `wrap` column is cut with … so
    that a row fits the width (CSV and JSON keep the text whole). Cells that are not text (a rich
    state bar, a coloured state) are drawn as they are.
    """
    title = printable(title) if title else title
    if is_terminal():
        headers = [printable(h) for h in headers]
        rows = [[printable(c) if isinstance(c, str) else c for c in row] for row in rows]
        from rich import box
        from rich.table import Table

        def longest_word(c) -> int:
            return max((len(w) for w in (c if isinstance(c, str) else c.plain).split()), default=1)

        widths = []
        for i, header in enumerate(headers):
            if wrap_headers:  # headers and cells break between words where room is short, never in one
                widths.append(max(longest_word(header), max((longest_word(row[i]) for row in rows), default=1)))
            else:
                widths.append(
                    max((len(c) if isinstance(c, str) else c.cell_len for c in (r[i] for r in rows)), default=1)
                )
        room = width()
        # Two spaces between columns (a padding and the box's divider), or one where that
        # is what makes the table fit.
        tight = (
            sum(w for i, w in enumerate(widths) if i != wrap) + 2 * (len(widths) - 1) + (20 if wrap is not None else 0)
            > room
        )
        pad = 0 if tight else 1
        # Headers whole on one line where they fit, else each column as narrow as its widest
        # cell or header word, its header broken between words.
        whole = [
            max([len(h)] + [len(r[i]) if isinstance(r[i], str) else r[i].cell_len for r in rows])
            for i, h in enumerate(headers)
        ]
        squeeze = wrap_headers and (
            sum(w for i, w in enumerate(whole) if i != wrap) + 2 * (len(whole) - 1) + (20 if wrap is not None else 0)
            > room
        )
        free = 0
        if wrap is not None:
            # the free text takes the room the other columns leave it (at their whole
            # width where they fit), folding to at most `lines` lines
            natural = sum(w for i, w in enumerate(whole) if i != wrap) + (pad + 1) * (len(widths) - 1)
            others = sum(w for i, w in enumerate(widths) if i != wrap) + (pad + 1) * (len(widths) - 1)
            free = max(room - 2 - (natural if natural + 22 <= room else others), 12)
            rows = [[_fold(c, free, lines) if i == wrap else c for i, c in enumerate(row)] for row in rows]
        grid = Table(
            title=title,
            box=box.SIMPLE_HEAD,
            title_justify="left",
            pad_edge=False,
            collapse_padding=True,
            padding=(0, pad, 0, 0),
        )
        for i, header in enumerate(headers):
            grid.add_column(
                header,
                justify="right" if i in right else "left",
                overflow="fold",
                no_wrap=wrap is not None and i != wrap and not wrap_headers,
                min_width=free if i == wrap else widths[i] if wrap_headers else None,
                max_width=free if i == wrap else widths[i] if squeeze else None,
            )
        for row in rows:
            grid.add_row(*row)
        console().print(grid)
        return
    if title:
        print(title)
    print(plain(headers, rows, right, cut=wrap if cut else None))


def plain(headers: list[str], rows: list[list[str]], right=frozenset(), cut: int | None = None) -> str:
    """Columns separated by two spaces, the last one unpadded; no box drawing; each cell
    on one line, its control characters escaped. Column `cut` (the free text) is cut with
    … where a row would pass the width (never below 20 characters)."""
    headers = [printable(str(h)) for h in headers]
    rows = [[printable(str(c)) for c in row] for row in rows]
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    if cut is not None:
        room = max(width() - sum(w for i, w in enumerate(widths) if i != cut) - 2 * (len(widths) - 1), 20)
        if widths[cut] > room:
            rows = [[_cut(c, room) if i == cut else c for i, c in enumerate(row)] for row in rows]
            widths[cut] = max(len(headers[cut]), max((len(r[cut]) for r in rows), default=0))
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
