"""The import's write path (issue 15): rows written in chunks, what repeats read once, and on
SQLite a large load into a small register with its indexes built after it, in the same
transaction. What it writes is what a row-by-row import wrote."""

import unicodedata
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taskreg.domain.imports import _search, _source_folds, _uuid5
from taskreg.domain.text import fold, search_text
from taskreg.storage.batch import ImportBatch

TITLES = ["Việc tốt", "  Rà   soát\tthủ tục  ", "\u0301Đầu", "ĐĐ đ", "x\u0301", "ǅ ß İ", "\u0301"]
SOURCES = [None, "863/KH-UBND", "1961 / QĐ-UBND", "\u0301", " \u0301abc", "ΣΑΣ", "a\u00a0b"]


@pytest.mark.parametrize("name", ["taskreg:", "taskreg:việc|SYT|2021-01-04|", "x" * 1000, "Đ\u0301"])
def test_the_uid_is_uuid5s(name):
    assert _uuid5(name) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("source", SOURCES)
def test_the_searched_text_from_the_folds_is_search_texts(title, source):
    source_fold, key = _source_folds(source or "")
    assert _search(fold(title), source_fold, key) == search_text(title, source)


def _fold_one_by_one(text: str) -> str:
    """fold() as it was first written: each character of the NFD form filtered in Python."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(st.text())
def test_the_fold_by_translation_is_the_fold_character_by_character(text):
    """fold() drops combining marks through a table of code points it has seen (text.py
    `_Bare`); every text folds as when each character was judged in turn (uids depend on it)."""
    assert fold(text) == _fold_one_by_one(text)


def test_the_folds_table_stays_bounded(monkeypatch):
    from taskreg.domain import text

    monkeypatch.setattr(text._Bare, "LIMIT", 10)
    monkeypatch.setattr(text, "_BARE", text._Bare())
    every = "".join(map(chr, range(0x300, 0x400)))
    assert fold(every) == _fold_one_by_one(every) and len(text._BARE) == 10


def _csv(tmp_path, n, first=0):
    path = tmp_path / f"many-{first}.csv"
    lines = ["title,agency,co_agencies,assigned_on,due_on,source"]
    for i in range(first, first + n):
        co = "STC;SGDDT" if i % 3 == 0 else ""
        due = f"{10 + i % 18}/2/2021" if i % 4 else ""
        lines.append(f"Việc {i},{'SYT' if i % 2 else 'Sở Tài chính'},{co},{1 + i % 28}/1/2021,{due},{i % 7}/KH-UBND")
    lines.append(lines[1])  # a repeated row: skipped, as before
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_large_import_in_chunks_writes_what_a_row_by_row_one_did(reg, tmp_path, monkeypatch):
    monkeypatch.setattr(ImportBatch, "CHUNK", 7)
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    before = reg.rows(indexes) if reg.engine == "sqlite" else None
    result = reg("import", _csv(tmp_path, 50))
    assert "50 of 51 rows" in result.stdout and "1 already" in result.stdout
    reg("import", _csv(tmp_path, 30, first=40))  # into a register that has tasks: 10 repeated
    assert reg.rows("SELECT count(*), min(id), max(id) FROM tasks") == [(70, 1, 70)]
    co = sum(2 if i % 2 else 1 for i in range(70) if i % 3 == 0)  # the lead is never its own co-agency
    assert reg.rows("SELECT count(*) FROM task_co_agencies") == [(co,)]
    assert reg.rows("SELECT count(*), min(id), max(id) FROM deadlines") == [(52, 1, 52)]
    assert reg.rows("SELECT count(*) FROM tasks t JOIN deadlines d ON d.task_id = t.id AND d.due_on = t.due_on") == [
        (52,)
    ]
    rows = reg.rows("SELECT title, source, search FROM tasks")
    assert all(search == search_text(title, source) for title, source, search in rows)
    if before is not None:
        assert reg.rows(indexes) == before  # every index built again, as it was
        assert reg.rows("PRAGMA integrity_check") == [("ok",)]


def test_a_row_the_register_refuses_when_its_chunk_is_written_is_named(reg, tmp_path, monkeypatch):
    if reg.engine != "sqlite":
        pytest.skip("the file register's chunk writer")
    from taskreg.storage.sqlite.load import LoadBatch

    monkeypatch.setattr(ImportBatch, "CHUNK", 4)
    original = LoadBatch._insert

    def refuse_row_6(self, tasks, co, deadlines):
        # The fifth task (row 6 of the file) without its title, which the table refuses.
        tasks = [t if t[0] != 5 else (*t[:2], None, *t[3:]) for t in tasks]
        original(self, tasks, co, deadlines)

    monkeypatch.setattr(LoadBatch, "_insert", refuse_row_6)
    result = reg("import", _csv(tmp_path, 9), code=2)
    assert result.stderr.startswith("Row 6")
    assert reg.rows("SELECT count(*) FROM tasks") == [(0,)]
