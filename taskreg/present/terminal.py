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
from taskreg.present.cells import cell_len, cut, longest_word, narrowest, wrap


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
    """Print prose: on a terminal wrapped at word boundaries to its width (in display cells,
    taskreg.present.cells); piped, one line per sentence as written, since scripts grep it."""
    if is_terminal():
        text = "\n".join(wrap(text, width(), break_words=False))
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
    """Text folded at word boundaries into at most `lines` lines of `room` cells (the last
    one ending with … if that is not all of it)."""
    if not isinstance(text, str):
        return text
    folded = wrap(text, room) or [""]
    if len(folded) > lines:
        folded = folded[: lines - 1] + [cut(" ".join(folded[lines - 1 :]), room)]
    return "\n".join(folded)


def _cut(text: str, room: int) -> str:
    return cut(text, room)


def _shown(cell) -> str:
    """A cell's text as it shows: a string, or a rich Text's plain text."""
    return cell if isinstance(cell, str) else cell.plain


def _layout(
    headers: list[str], rows: list[list], wrap_at: int | None, room: int, last_step: int = 2
) -> tuple[list[int], int, bool]:
    """Each column's width in cells, and the padding between columns (1, or 0 where only that
    fits), for a table whose headers break between words: every column at its widest cell
    and header where the width holds them; else narrowed a step at a time, the step that
    saves most first, in this order: a header on two lines, a cell on two lines, then
    (`last_step` 4, and always for a table with no free text) a header on more lines and
    each cell at its longest word. A header word or a code is never broken. The
    free text (column `wrap_at`) then takes the room left (30 cells or, where that cannot
    be, 18), up to its longest text. The last says whether the table fits the width."""
    count = len(headers)
    texts = [[headers[i]] + [_shown(r[i]) for r in rows] for i in range(count)]
    fixed = [i for i in range(count) if i != wrap_at]
    cells_whole = {i: max((cell_len(c) for c in texts[i][1:]), default=1) for i in fixed}
    two = {i: narrowest(headers[i], 2) for i in fixed}  # a header on two lines
    cells_two = {i: max((narrowest(c, 2) for c in texts[i][1:]), default=1) for i in fixed}
    steps = {
        i: [
            max(cell_len(headers[i]), cells_whole[i]),
            max(two[i], cells_whole[i]),
            max(two[i], cells_two[i]),
            max(longest_word(headers[i]), cells_two[i]),
            max(longest_word(c) for c in texts[i]),
        ]
        for i in fixed
    }
    widths: dict[int, int] = {}
    last_step = min(last_step, 4) if wrap_at is not None else 4

    def needed(pad: int, free: int) -> int:  # the columns, dividers and edges, and the free text
        return sum(widths.values()) + (pad + 1) * (count - 1) + 2 + free

    # Tried in turn until one fits: two spaces between columns (a padding and the box's
    # divider) or one, the free text 30 cells or 18 (none without one).
    least = 0
    for least, pad in ((30, 1), (30, 0), (18, 1), (18, 0)):
        least = least if wrap_at is not None else 0
        widths = {i: steps[i][0] for i in fixed}
        for step in range(1, last_step + 1):
            for i in sorted(fixed, key=lambda i: widths[i] - min(widths[i], steps[i][step]), reverse=True):
                if needed(pad, least) <= room:
                    break
                widths[i] = min(widths[i], steps[i][step])
        if needed(pad, least) <= room:
            break
    out = [widths.get(i, 0) for i in range(count)]
    if wrap_at is not None:
        longest = max(cell_len(c) for c in texts[wrap_at])
        out[wrap_at] = max(min(room - needed(pad, 0), longest), least)
    return out, pad, needed(pad, least) <= room


def table(
    headers: list[str],
    rows: list[list[Any]],
    right: set[int] | frozenset[int] = frozenset(),
    title: str | None = None,
    wrap: int | None = None,
    wrap_headers: bool = False,
    lines: int = 3,
    cut: bool = False,
    optional: int = 0,
) -> None:
    """Print a table; columns whose index is in `right` are right-aligned (numbers).

    On a terminal only column `wrap` (the free text) folds, to at most `lines` lines (then
    …); the others keep one line. Piped, with `cut`, the `wrap` column is cut with … so
    that a row fits the width (CSV and JSON keep the text whole). Cells that are not text (a rich
    state bar, a coloured state) are drawn as they are. With `wrap_headers`, the last
    `optional` columns are left out of a terminal's table that cannot hold them (`list`'s
    dates of cancellation and of the latest report at 80 columns).
    """
    title = printable(title) if title else title
    if is_terminal():
        headers = [printable(h) for h in headers]
        rows = [[printable(c) if isinstance(c, str) else c for c in row] for row in rows]
        from rich import box
        from rich.table import Table

        room = width()
        grid = Table(
            title=title,
            box=box.SIMPLE_HEAD,
            title_justify="left",
            pad_edge=False,
            collapse_padding=True,
        )
        if wrap_headers:  # widths measured here, in display cells: see _layout
            widths, pad, fits = _layout(headers, rows, wrap, room)
            while not fits and optional:  # the last columns left out where they cannot fit
                headers, rows, optional = headers[:-1], [row[:-1] for row in rows], optional - 1
                widths, pad, fits = _layout(headers, rows, wrap, room)
            if not fits:  # a cell a word a line
                widths, pad, fits = _layout(headers, rows, wrap, room, last_step=4)
            if wrap is not None:
                rows = [[_fold(c, widths[wrap], lines) if i == wrap else c for i, c in enumerate(row)] for row in rows]
            grid.padding = (0, pad, 0, 0)
            for i, header in enumerate(headers):
                grid.add_column(header, justify="right" if i in right else "left", overflow="fold", width=widths[i])
        else:
            _plain_columns(grid, headers, rows, right, wrap, lines, room)
            if wrap is not None:
                free = grid.columns[wrap].min_width or 12
                rows = [[_fold(c, free, lines) if i == wrap else c for i, c in enumerate(row)] for row in rows]
        for row in rows:
            grid.add_row(*row)
        console().print(grid)
        return
    if title:
        print(title)
    print(plain(headers, rows, right, cut=wrap if cut else None))


def _plain_columns(grid, headers, rows, right, wrap_at, lines, room) -> None:
    """A table's columns where only the free text (column `wrap_at`) folds: the others keep
    one line (widths in display cells); the free text takes the room they leave it, 12
    cells at least."""
    widths = [max((cell_len(_shown(r[i])) for r in rows), default=1) for i in range(len(headers))]
    whole = [max(cell_len(h), w) for h, w in zip(headers, widths)]
    tight = (
        sum(w for i, w in enumerate(widths) if i != wrap_at)
        + 2 * (len(widths) - 1)
        + (20 if wrap_at is not None else 0)
        > room
    )
    pad = 0 if tight else 1
    grid.padding = (0, pad, 0, 0)
    free = 0
    if wrap_at is not None:
        # at the other columns' whole width where they fit, else at their cells' width
        natural = sum(w for i, w in enumerate(whole) if i != wrap_at) + (pad + 1) * (len(widths) - 1)
        others = sum(w for i, w in enumerate(widths) if i != wrap_at) + (pad + 1) * (len(widths) - 1)
        free = max(room - 2 - (natural if natural + 22 <= room else others), 12)
    for i, header in enumerate(headers):
        grid.add_column(
            header,
            justify="right" if i in right else "left",
            overflow="fold",
            no_wrap=wrap_at is not None and i != wrap_at,
            min_width=free if i == wrap_at else None,
            max_width=free if i == wrap_at else None,
        )


def plain(headers: list[str], rows: list[list[str]], right=frozenset(), cut: int | None = None) -> str:
    """Columns separated by two spaces, the last one unpadded; no box drawing; each cell
    on one line, its control characters escaped. Column `cut` (the free text) is cut with
    … where a row would pass the width (never below 20 characters)."""
    headers = [printable(str(h)) for h in headers]
    rows = [[printable(str(c)) for c in row] for row in rows]
    widths = [max(cell_len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    if cut is not None:
        room = max(width() - sum(w for i, w in enumerate(widths) if i != cut) - 2 * (len(widths) - 1), 20)
        if widths[cut] > room:
            rows = [[_cut(c, room) if i == cut else c for i, c in enumerate(row)] for row in rows]
            widths[cut] = max(cell_len(headers[cut]), max((cell_len(r[cut]) for r in rows), default=0))
    lines = []
    for row in [headers, *rows]:
        cells = []
        for i, cell in enumerate(row):
            last = i == len(row) - 1
            space = " " * (widths[i] - cell_len(cell))  # padded in display cells
            if i in right:
                cells.append(space + cell)
            else:
                cells.append(cell if last else cell + space)
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
