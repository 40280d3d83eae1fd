"""The terminal layout at 80, 100, 120 and 200 columns (README "Language and output"): prose wrapped
at word boundaries, the by-agency table readable at 80 columns, long titles folded to a few
lines on a terminal and cut with … when piped, states in colour on a terminal only, and a
cancellation in its own column. Whole outputs, compared with golden files.

TASKREG_UPDATE_GOLDEN=1 rewrites the golden files from the program's output (then read
them: a golden file is only as right as the person who looked at it).
"""

import os
import re
from pathlib import Path

import pytest
from conftest import as_built

from taskreg.present.cells import cell_len

GOLDEN = Path(__file__).parent / "golden"
STYLES = re.compile(r"\x1b\[[0-9;]*m")
LONG = " ".join(["Rà soát, tổng hợp và báo cáo tình hình thực hiện nhiệm vụ"] * 40)  # ~2,300 characters
#: A title in fullwidth letters and CJK: each of its characters two cells wide on a terminal.
WIDE = "Ｂáｏ ｃáｏ ｃｈｕｙểｎ đổｉ ｓố 数字化转型 và 全角 ｔｏàｎ ｔỉｎｈ"


@pytest.fixture
def layout(request, reg):
    """SYT: on time, late, overdue, and a task with a 2,300-character title; STC: in
    progress and cancelled; all in Q1/2021, recorded on 30/6/2021."""

    def build(reg):
        on = {"TASKREG_TODAY": "2021-06-30"}

        def add(title, agency, assigned, due=None, done=None, cancel=None):
            args = ["add", title, "--agency", agency, "--assigned", assigned] + (["--due", due] if due else [])
            task_id = reg(*args, env=on).stdout.strip()
            if done:
                reg("done", task_id, "--on", done, env=on)
            if cancel:
                reg("cancel", task_id, "--on", cancel, "--reason", "Dừng", env=on)

        add("Báo cáo tình hình giải ngân vốn đầu tư công", "SYT", "4/1/2021", "31/1/2021", "31/1/2021")
        add("Tham mưu phương án phòng, chống dịch", "SYT", "5/1/2021", "28/2/2021", "5/3/2021")
        add(LONG, "SYT", "6/1/2021", "15/2/2021")
        add("Hoàn thiện hồ sơ đề án", "STC", "8/3/2021", "30/6/2021")
        add("Xây dựng kế hoạch năm", "STC", "9/3/2021", "30/4/2021", cancel="20/3/2021")
        add(WIDE, "STC", "10/3/2021", "31/3/2021")

    return as_built(request, reg, build)


def _screen(layout, *args, columns: int, terminal: bool = True, lang: str = "vi"):
    env = {"COLUMNS": str(columns), "TTY_COMPATIBLE": "1" if terminal else "0"}
    out = layout(*args, "--lang", lang, env=env).stdout
    return STYLES.sub("", out)  # rich's bold headers and italic title (NO_COLOR is set)


def _golden(name: str, text: str) -> str:
    path = GOLDEN / f"layout_{name}.txt"
    if os.environ.get("TASKREG_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


CASES = {
    "report_text": ("report", "--quarter", "I/2021"),
    "report_agency": ("report", "--quarter", "I/2021", "--by", "agency", "--format", "table"),
    "list_all": ("list", "--all", "--as-of", "31/3/2021"),
}


@pytest.mark.parametrize("columns", [80, 100, 120, 200])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_terminal_output_at_a_width(layout, case, columns, lang):
    out = _screen(layout, *CASES[case], columns=columns, lang=lang)
    assert out == _golden(f"{case}_{lang}_{columns}", out)
    # nothing passes the width, measured in display cells (rich pads lines to it exactly)
    assert max(cell_len(line) for line in out.splitlines()) <= columns


@pytest.mark.parametrize("columns", [80, 100, 120])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_list_breaks_no_header_word_nor_code_and_gives_the_title_the_room(layout, columns, lang):
    """Issue 26 finding 7: at 80-100 columns "Chưa HT trong hạn" and "Đơn vị chủ trì" broke
    over four lines, a word split, while the title had room to spare."""
    from taskreg.present import i18n

    out = _screen(layout, "list", "--all", "--as-of", "31/3/2021", columns=columns, lang=lang)
    words = set(out.split())
    for key in ("f_id", "f_status", "f_agency", "f_title", "f_assigned", "f_due", "f_done"):
        assert set(i18n.t(lang, key).split()) <= words, key  # each header word whole
    for state in ("on_time", "late", "overdue", "in_progress"):
        label = i18n.state(lang, state, short=True)
        assert set(label.split()) <= words
        assert label in out or columns < 120  # whole on its line where there is room
    assert {"SYT", "STC"} <= words
    header_lines = [line for line in out.split("─")[0].splitlines() if line.strip()]
    assert len(header_lines) <= 2  # headers on two lines at most
    # the title takes what the other columns leave: the rows reach the width
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) >= columns - 3
    # the wide title keeps within the width and is not cut mid-character
    assert all(cell_len(line) <= columns for line in out.splitlines())
    assert "Ｂáｏ" in out


def test_weekly_and_reminders_keep_wide_titles_within_their_width(layout):
    """Issue 26 finding 7: a title in fullwidth letters made a weekly line 170 columns wide."""
    on = {"TASKREG_TODAY": "2021-06-30"}
    layout("add", " ".join([WIDE] * 3), "--agency", "STC", "--assigned", "1/3/2021", "--due", "20/3/2021", env=on)
    weekly = layout("weekly", "--as-of", "31/3/2021", "--lang", "vi").stdout
    assert "Ｂáｏ" in weekly
    assert max(cell_len(line) for line in weekly.splitlines()) <= 99
    reminders = layout("remind", "--as-of", "31/3/2021", "--agency", "STC", "--within", "30", "--lang", "vi").stdout
    assert max(cell_len(line) for line in reminders.splitlines()) <= 99


def test_prose_is_wrapped_at_word_boundaries_on_a_terminal_only(layout):
    piped = _screen(layout, "report", "--quarter", "I/2021", columns=80, terminal=False)
    on_screen = _screen(layout, "report", "--quarter", "I/2021", columns=80)
    assert len(piped.splitlines()) == 4  # one line per sentence, for scripts to grep
    assert " ".join(on_screen.split()) == " ".join(piped.split())  # the same words …
    words = set(piped.split())
    assert all(set(line.split()) <= words for line in on_screen.splitlines())  # … none broken


def test_a_long_title_is_folded_on_a_terminal_and_cut_when_piped(layout):
    screen = _screen(layout, "list", "--all", "--as-of", "31/3/2021", columns=80).splitlines()
    first = next(n for n, line in enumerate(screen) if line.lstrip().startswith("3 "))
    after = next(n for n, line in enumerate(screen) if line.lstrip().startswith("4 "))
    title_lines = screen[first:after]
    assert 1 < len(title_lines) <= 3 and "…" in title_lines[-1]
    piped = _screen(layout, "list", "--all", "--as-of", "31/3/2021", columns=120, terminal=False).splitlines()
    row = next(line for line in piped if line.lstrip().startswith("3 "))
    assert len(row) <= 120 and "…" in row  # cut to the width (a title keeps 20 characters at least)
    # CSV and JSON keep it whole
    assert LONG in layout("list", "--all", "--format", "csv").stdout


def test_states_are_coloured_on_a_terminal_and_not_when_piped(layout):
    coloured = layout("list", "--as-of", "31/3/2021", env={"TTY_COMPATIBLE": "1", "NO_COLOR": None}).stdout
    assert "\x1b[1;31m" in coloured  # overdue: bold red, as the report's bar
    assert "\x1b[34m" in coloured  # in progress: blue
    piped = layout("list", "--as-of", "31/3/2021", env={"TTY_COMPATIBLE": "0", "NO_COLOR": None}).stdout
    assert "\x1b[" not in piped


def test_a_cancellation_has_its_own_column(layout):
    out = _screen(layout, "list", "--all", "--as-of", "31/3/2021", columns=200, terminal=False, lang="en")
    header, *rows = out.splitlines()
    assert header.split()[-2:] == ["Done", "Cancelled"]
    cancelled = next(r for r in rows if "Xây dựng kế hoạch năm" in r)
    assert cancelled.split()[-2:] == ["—", "2021-03-20"]
    # without a cancelled task listed, no such column
    assert "Cancelled" not in _screen(layout, "list", columns=200, terminal=False, lang="en")


def test_cells_are_counted_as_rich_counts_them():
    """taskreg.present.cells measures as rich's tables do, without importing rich."""
    import unicodedata

    from rich.cells import cell_len as rich_len

    for text in (WIDE, LONG[:200], "Sở Y tế", unicodedata.normalize("NFD", "Chưa HT quá hạn"), "★ 12", "✓ ⏎ …"):
        assert cell_len(text) == rich_len(text), text
