"""Widths as a terminal or a fixed-width mail shows text: in display cells, not characters.

A fullwidth letter or a CJK character takes two cells, a combining mark none, so a line
measured in characters (`len`) of such text runs past its limit: "ＡＢＣ" is 3 characters and
6 cells. Every width taskreg lays text out to (the terminal's tables and prose, the weekly
digest, the reminders) is measured here, as rich's tables measure it (`rich.cells.cell_len`),
with Unicode's East Asian widths: importing rich costs cron's weekly run some 25 ms.
"""

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=4096)
def _char_cells(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0  # a combining mark (NFD Vietnamese), or a zero-width format character
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


#: Text whose every character takes one cell: printable ASCII, Latin-1 and Latin Extended
#: (the soft hyphen, a format character, aside), and Latin Extended Additional, which holds
#: Vietnamese's precomposed letters (NFC), with the dashes and the ellipsis; most text is.
_ONE_CELL = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u1e00-\u1eff\u2013\u2014\u2026]*")


def cell_len(text: str) -> int:
    """How many cells `text` takes on a terminal, as rich's `rich.cells.cell_len` counts
    them (tests/test_terminal_layout.py compares the two)."""
    if text.isascii() or _ONE_CELL.fullmatch(text):
        return len(text)
    return sum(map(_char_cells, text))


def cut(text: str, room: int) -> str:
    """`text` as it is if it fits `room` cells, else cut to fit with … at its end."""
    if cell_len(text) <= room:
        return text
    room = max(room - 1, 1)
    if text.isascii() or _ONE_CELL.fullmatch(text):
        return text[:room].rstrip() + "…"
    kept, used = [], 0
    for char in text:
        size = _char_cells(char)
        if used + size > room:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + "…"


def _split(word: str, room: int) -> list[str]:
    """A word longer than `room` cells in pieces of at most `room` cells."""
    pieces, piece, used = [], "", 0
    for char in word:
        size = cell_len(char)
        if piece and used + size > room:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += size
    return pieces + [piece]


def wrap(text: str, room: int, initial: str = "", subsequent: str = "", break_words: bool = True) -> list[str]:
    """`text` wrapped at spaces into lines of at most `room` cells (with their indents), as
    textwrap.wrap does in characters: the spaces between words kept as they are, those at
    a line's ends dropped; a word longer than a line is broken across lines (unless
    `break_words` is false: then it overflows its line)."""
    lines: list[str] = []
    line, used, words = initial, cell_len(initial), 0  # words: on this line
    gap = ""
    for chunk in re.findall(r"\S+|\s+", text):
        if chunk.isspace():
            gap = chunk if words else ""
            continue
        size = cell_len(chunk)
        if words and used + cell_len(gap) + size <= room:
            line, used, words, gap = line + gap + chunk, used + cell_len(gap) + size, words + 1, ""
            continue
        if words or lines:
            if words:
                lines.append(line)
            line, used = subsequent, cell_len(subsequent)
        gap, words = "", 1
        if size > room - used and break_words:
            *whole, chunk = _split(chunk, max(room - used, 1))
            for piece in whole:
                lines.append(line + piece)
            size = cell_len(chunk)
        line, used = line + chunk, used + size
    if words:
        lines.append(line)
    return lines


def lines_at(text: str, room: int) -> int:
    """How many lines `text` takes wrapped at spaces in `room` cells, no word broken."""
    return len(wrap(text, room, break_words=False)) or 1


def longest_word(text: str) -> int:
    return max((cell_len(w) for w in text.split()), default=1)


def narrowest(text: str, lines: int) -> int:
    """The fewest cells `text` fits in within `lines` lines, no word broken (its longest word
    at least)."""
    low, high = longest_word(text), max(cell_len(text), 1)
    while low < high:
        middle = (low + high) // 2
        if lines_at(text, middle) <= lines:
            high = middle
        else:
            low = middle + 1
    return low
