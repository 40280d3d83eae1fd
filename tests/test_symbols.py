"""Document symbols (số, ký hiệu): kept as typed, warned about when odd, found however typed."""

import json

import pytest
from sqlite_utils import Database

from taskreg.domain.text import symbol_doubt, symbol_key
from taskreg.storage.sqlite import _migrations


@pytest.mark.parametrize(
    "symbol",
    [
        "863/KH-UBND",
        "108/QĐ-UBND",
        "326/2021/NQ-HĐND",
        "30/2020/NĐ-CP",
        "5749/UBND-TH",
        "3562/SKHCN-KHTC",
        "36-KL/TU",
        "95-CTr/TU",
        "30c/NQ-CP",
        "12/QyĐ-UBND",
    ],
)
def test_symbols_of_every_kind_in_domain_read_as_symbols(symbol):
    assert symbol_doubt(symbol) is None


@pytest.mark.parametrize(
    "symbol, key",
    [
        ("1961/QĐUBND", "symbol_shape"),
        ("863 / KH-UBND", "symbol_shape"),
        ("Công văn 12", "symbol_shape"),
        ("108/QD-UBND", "symbol_unstroked"),
        ("30/2020/ND-CP", "symbol_unstroked"),
    ],
)
def test_odd_symbols_are_doubted(symbol, key):
    assert symbol_doubt(symbol)[0] == key


def test_one_symbol_however_typed():
    assert (
        len(
            {symbol_key(s) for s in ("1961/QĐ-UBND", "1961/QĐUBND", "1961/QD-UBND", "1961 / qđ-ubnd", "1961/QĐ – UBND")}
        )
        == 1
    )


def test_an_odd_symbol_is_warned_about_and_kept_as_typed(reg):
    result = reg("add", "Việc", "--agency", "SYT", "--source", "1961/QĐUBND")
    assert result.stdout == "1\n"
    assert result.stderr == (
        "The document symbol '1961/QĐUBND' does not read as NUMBER/TYPE-ISSUER "
        "(863/KH-UBND) or NUMBER-TYPE/BODY (36-KL/TU); it is kept as typed.\n"
    )
    result = reg("edit", "1", "--source", "108/QD-UBND")
    assert result.stderr == "The document symbol '108/QD-UBND' has QD where QĐ is usual; it is kept as typed.\n"
    assert json.loads(reg("show", "1", "--format", "json").stdout)["source"] == "108/QD-UBND"
    assert reg("add", "Việc khác", "--agency", "SYT", "--source", "863/KH-UBND").stderr == ""


def test_search_finds_a_symbol_however_it_was_typed(reg):
    reg("add", "Việc một", "--agency", "SYT", "--source", "1961/QĐUBND")
    reg("add", "Việc hai", "--agency", "SYT", "--source", "863 / KH-UBND")
    reg("add", "Việc ba", "--agency", "SYT", "--source", "19/KH-UBND")

    def found(term):
        return [t["id"] for t in json.loads(reg("list", "--search", term, "--format", "json").stdout)]

    assert found("1961/QĐ-UBND") == found("1961/qd-ubnd") == found("1961/QĐUBND") == [1]
    assert found("863/KH-UBND") == [2]
    assert found("kh-ubnd") == [2, 3]
    assert found("viec mot") == [1] and found("mot viec") == []


def test_import_warns_row_by_row_and_imports(reg, tmp_path):
    path = tmp_path / "giao.csv"
    path.write_text(
        "title,agency,assigned_on,source\nMột,SYT,4/1/2021,863/KH-UBND\nHai,SYT,4/1/2021,1961/QĐUBND\n",
        encoding="utf-8",
    )
    result = reg("import", path)
    assert result.stderr == (
        "Row 3: The document symbol '1961/QĐUBND' does not read as NUMBER/TYPE-ISSUER "
        "(863/KH-UBND) or NUMBER-TYPE/BODY (36-KL/TU); it is kept as typed.\n"
    )
    assert result.stdout.startswith("Imported 2 of 2 rows")


def test_upgrading_a_register_makes_its_symbols_searchable(tr, tmp_path):
    old = tmp_path / "old.db"
    db = Database(old)
    _migrations().apply(db, stop_before="0004_symbol_search")
    db.execute("INSERT INTO agencies (code, name, code_fold, name_fold) VALUES ('SYT', 'Sở Y tế', 'syt', 'so y te')")
    db.execute(
        "INSERT INTO tasks (uid, title, agency_id, assigned_on, source, search)"
        " VALUES ('u1', 'Việc', 1, '2021-01-04', '1961/QĐUBND', 'viec 1961/qdubnd')"
    )
    db.conn.commit()
    db.close()
    assert tr("--db", old, "list", "--search", "1961/QĐ-UBND", "--format", "csv").stdout.count("\n") == 2
