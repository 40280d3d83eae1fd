"""Help and usage errors follow the output language (SPEC §6; README "Language and output").

Every command's description, option help and placeholder come from the catalogue
(taskreg/messages/help.py); the Vietnamese renderings are checked word by word for English
left untranslated, the exact text of a few at a fixed width.
"""

import re
import unicodedata

import pytest
import typer
from typer.testing import CliRunner

from taskreg.cli.app import app
from taskreg.cli.help import help_key, walk
from taskreg.domain.model import SETTINGS
from taskreg.domain.states import ALL, FILTERS, GROUPS
from taskreg.present import i18n
from taskreg.present.messages import MESSAGES
from taskreg.present.messages import commands as commands_part
from taskreg.present.messages import help as help_part

ROOT = typer.main.get_command(app)
PATHS = [path for path, _ in walk(ROOT)]
LEAVES = [path for path, command in walk(ROOT) if not getattr(command, "commands", None)]


def _parameters():
    for path, command in walk(ROOT):
        for param in command.params:
            yield path, param


# -- Vietnamese with no English in it --------------------------------------------------------------

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|nh|ng|[cmnpt])?"
)
#: English words that are also well-formed Vietnamese syllables, and would slip through.
LOOKALIKES = {"the", "see", "by", "can", "he", "she", "we"}
#: What Vietnamese text may hold that is not Vietnamese: names, formats, commands, values.
ALLOWED = {"taskreg", "JSON", "CSV", "XLSX", "SHA-256", "URL", "PostgreSQL", "SQLite", "UBND", "SYT", "Tab"}
ALLOWED |= {"bash", "zsh", "fish", "PowerShell", "cron", "createuser", *SETTINGS, *ALL, *GROUPS, *FILTERS}
ALLOWED |= {word for path in PATHS for word in path.split()}  # command names
ALLOWED |= {value for _, p in _parameters() if p.metavar and not p.metavar.isupper() for value in p.metavar.split("|")}


def _vietnamese_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONES]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    if len(tones) > 1 or not SYLLABLE.fullmatch(bare):
        return False
    if re.search(r"(c|ch|p|t)$", bare) and not set(tones) & {"\u0301", "\u0323"}:
        return False  # a syllable that ends in a stop has the sắc or nặng tone
    return bare not in LOOKALIKES


def english_in(text: str) -> list[str]:
    """The words of `text` that are not Vietnamese: leaving out examples, quoted and
    backquoted text (what the user typed, commands), options, dates, paths and the allowed."""
    text = re.sub(r"(Ví dụ|Example): .*?(?=\n\s*\n|\Z)", "", text, flags=re.S)
    text = re.sub(r"`[^`]*`|\"[^\"]*\"|'[^']*'", " ", text)
    found = []
    for token in text.split():
        token = token.strip(".,;:()[]…*?")
        if not token or token.startswith("-") or re.search(r"[\d/._@=:]", token) or token in ALLOWED:
            continue
        if all(value in ALLOWED for value in token.split("|")):
            continue  # a list of choices, typed as it is (agency|source|assigned-by)
        for part in re.split(r"[-|]", token):
            if re.search(r"\w", part) and part not in ALLOWED and not _vietnamese_syllable(part):
                found.append(part)
    return found


def test_the_check_finds_english():
    assert english_in("Thiếu tuỳ chọn --agency ĐƠN-VỊ; xem `taskreg add --help`.") == []
    assert english_in("Missing option --agency; see the help.") == ["Missing", "option", "see", "the", "help"]
    assert english_in("Không có lệnh 'lst' (có phải ý bạn là 'list'?)") == []


# -- the catalogue covers every command --------------------------------------------------------------


def test_every_command_and_parameter_has_its_help_in_the_catalogue():
    for path in PATHS:
        assert f"cmd:{path}" in MESSAGES, path
    for path in LEAVES:
        assert path in help_part.EXAMPLES and help_part.EXAMPLES[path].startswith(path), path
    for path, param in _parameters():
        assert help_key(path, param) in MESSAGES, (path, param.name)
        flag = getattr(param, "is_flag", False)
        assert flag or param.metavar, f"{path} {param.name} says nothing of what to type"
        if param.metavar and param.metavar.isupper():
            assert f"ph:{param.metavar}" in MESSAGES, (path, param.metavar)


def test_no_help_entry_is_left_unused():
    used = {f"cmd:{path}" for path in PATHS} | {"opt:--help"}
    used |= {help_key(path, param) for path, param in _parameters()}
    used |= {f"ph:{p.metavar}" for _, p in _parameters() if p.metavar and p.metavar.isupper()}
    entries = {
        k for k in {**help_part.MESSAGES, **commands_part.MESSAGES} if k.split(":")[0] in ("cmd", "opt", "arg", "ph")
    }
    assert entries - used == set()
    assert set(help_part.EXAMPLES) <= set(PATHS)


def test_no_help_text_is_written_in_the_code():
    """The catalogue holds every help text once: declarations and docstrings hold none
    (typer's own two completion options aside, whose texts the catalogue replaces)."""
    fresh = typer.main.get_command(app)
    for path, command in walk(fresh):
        assert not command.help, path
        for param in command.params:
            if param.name not in ("install_completion", "show_completion"):
                assert param.help is None, (path, param.name)


def test_help_texts_hold_no_markup():
    """typer renders help as rich markup: a [bracket] would be eaten, so the texts have none."""
    for key, texts in {**help_part.MESSAGES, **commands_part.MESSAGES}.items():
        if key.split(":")[0] in ("cmd", "opt", "arg"):
            assert "[" not in "".join(texts), key


# -- help in both languages ----------------------------------------------------------------------------


@pytest.fixture
def run(env):
    """taskreg in-process, with no register (help reads none), at the fixture's width."""
    runner = CliRunner()

    def invoke(*args, code=0, **more):
        result = runner.invoke(app, list(args), env={**env, **more})
        assert result.exit_code == code, result.stdout + result.stderr
        return result

    return invoke


def _lines(text: str) -> str:
    """Help as it prints, without the spaces rich pads each line with, nor blank lines around it."""
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def _help_in_the_language(run, path, lang):
    shown = run(*path.split()[1:], "--help", TASKREG_LANG=lang).stdout
    assert not re.search(r"<[\w\[\]|, ]+>|\{\w+\}", shown), shown  # typer's <str>, <list[str]>, {ids}
    heading = "Cách dùng:" if lang == "vi" else "Usage:"
    assert shown.lstrip().startswith(f"{heading} taskreg"), shown
    if lang == "vi":
        assert english_in(shown) == [], shown
        assert "Ví dụ: taskreg" in shown or path not in help_part.EXAMPLES


def test_every_help_is_in_the_language_with_placeholders_that_say_what_to_type(run):
    """Every command's help in both languages, each failing one named (one test, not one per
    command and language)."""
    failed = []
    for path in PATHS:
        for lang in ("vi", "en"):
            try:
                _help_in_the_language(run, path, lang)
            except Exception as e:
                failed.append(f"{path} --help ({lang}): {type(e).__name__}: {e}")
    assert not failed, f"{len(failed)} of {2 * len(PATHS)}:\n" + "\n".join(failed)


ADD_HELP_VI = """
 Cách dùng: taskreg add [TUỲ-CHỌN] NỘI-DUNG

 Ghi một nhiệm vụ mới và in số của nhiệm vụ.

 Ví dụ: taskreg add "Rà soát thủ tục" --agency SYT --due 30/6/2026

╭─ Đối số ─────────────────────────────────────────────────────────────────────────────────────────╮
│ *    NỘI-DUNG        Nội dung nhiệm vụ. [bắt buộc]                                               │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
╭─ Tuỳ chọn ───────────────────────────────────────────────────────────────────────────────────────╮
│ *  --agency                   ĐƠN-VỊ      Đơn vị chủ trì, theo mã hoặc tên. [bắt buộc]           │
│    --co                       ĐƠN-VỊ      Đơn vị phối hợp; lặp lại cho mỗi đơn vị.               │
│    --due                      HẠN         Hạn hoàn thành: một ngày, hoặc một tháng hay một quý,  │
│                                           tức ngày cuối của tháng hay quý đó (12/2026, Q2/2026). │
│    --assigned                 NGÀY        Ngày giao (mặc định hôm nay).                          │
│    --source                   SỐ-KÝ-HIỆU  Số ký hiệu văn bản giao, ví dụ 863/KH-UBND.            │
│    --source-date              NGÀY        Ngày của văn bản giao.                                 │
│    --assigned-by              TÊN         Người giao.                                            │
│    --note                     VĂN-BẢN     Ghi chú.                                               │
│    --star                                 Gắn sao: đánh dấu là nhiệm vụ trọng tâm.               │
│    --format                   text|json   text in số nhiệm vụ, json in cả bản ghi.               │
│                                           [mặc định: text]                                       │
│    --amend-published          LÝ-DO       Vẫn thay đổi số liệu đã công bố (bị khoá khi `config   │
│                                           set lock-published on`); có ghi lịch sử.               │
│    --lang                     vi|en       Ngôn ngữ của kết quả và thông báo của lệnh này.        │
│    --help             -h                  Xem trợ giúp này rồi thoát.                            │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
"""

DONE_HELP_EN = """
 Usage: taskreg done [OPTIONS] ID...

 Mark tasks done (all or none).

 Example: taskreg done 12 13 --on 20/3/2026 --result "Báo cáo số 45/BC-SYT"

╭─ Arguments ──────────────────────────────────────────────────────────────────────────────────────╮
│ *    ID...        One or more task ids. [required]                                               │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
╭─ Options ────────────────────────────────────────────────────────────────────────────────────────╮
│ --on                       DATE    The day they were completed (default today).                  │
│ --result                   TEXT    What was delivered.                                           │
│ --amend-published          REASON  Move published figures all the same (they are locked by       │
│                                    `config set lock-published on`); audited.                     │
│ --lang                     vi|en   The language of this command's output and messages.           │
│ --help             -h              Show this help and exit.                                      │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
"""

AGENCY_HELP_VI = """
 Cách dùng: taskreg agency [TUỲ-CHỌN] LỆNH [ĐỐI-SỐ]...

 Danh mục đơn vị: add, list, rename, edit, retire, merge, unmerge.

╭─ Tuỳ chọn ───────────────────────────────────────────────────────────────────────────────────────╮
│ --help  -h        Xem trợ giúp này rồi thoát.                                                    │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
╭─ Lệnh ───────────────────────────────────────────────────────────────────────────────────────────╮
│ add      Đăng ký một đơn vị.                                                                     │
│ list     Liệt kê các đơn vị.                                                                     │
│ rename   Đổi tên một đơn vị; mã và các nhiệm vụ của đơn vị giữ nguyên.                           │
│ edit     Sửa địa chỉ thư điện tử của một đơn vị (có ghi lịch sử).                                │
│ retire   Thôi dùng một đơn vị đã sáp nhập hoặc giải thể; các nhiệm vụ và báo cáo của đơn vị giữ  │
│          nguyên.                                                                                 │
│ merge    Sáp nhập các đơn vị vào một đơn vị khác từ một ngày: từ ngày đó nhiệm vụ của các đơn vị │
│          này thuộc đơn vị tiếp nhận, trừ nhiệm vụ đã hoàn thành hoặc huỷ trước ngày đó.          │
│ unmerge  Huỷ một việc sáp nhập ghi nhầm: nhiệm vụ của đơn vị trở lại như trước (đính chính).     │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
"""


def test_add_help_in_vietnamese_as_it_prints(run):
    assert _lines(run("add", "--help", TASKREG_LANG="vi").stdout) == ADD_HELP_VI.strip("\n")


def test_done_help_in_english_as_it_prints(run):
    assert _lines(run("done", "--help", TASKREG_LANG="en").stdout) == DONE_HELP_EN.strip("\n")


def test_a_groups_help_lists_its_commands_in_the_language(run):
    assert _lines(run("agency", "--help", TASKREG_LANG="vi").stdout) == AGENCY_HELP_VI.strip("\n")


@pytest.mark.parametrize(
    "args, more",
    [
        (["add", "--help", "--lang", "vi"], {}),  # after the command
        (["--lang", "vi", "add", "--help"], {}),  # before it
        (["--lang", "en", "add", "--lang", "vi", "--help"], {}),  # the command's own wins
        (["add", "--help"], {"TASKREG_LANG": "vi"}),
        (["add", "--help"], {"LANG": "vi_VN.UTF-8"}),  # the locale
        (["--lang", "vi", "add", "--help"], {"TASKREG_LANG": "en"}),  # --lang over TASKREG_LANG
    ],
)
def test_help_finds_its_language_as_messages_do(run, args, more):
    assert run(*args, **more).stdout.lstrip().startswith("Cách dùng: taskreg add")


def test_help_is_in_the_registers_language_and_reads_it_as_a_reader(reg):
    reg("config", "set", "lang", "vi")
    before = reg.tables()
    assert reg("add", "--help").stdout.lstrip().startswith("Cách dùng: taskreg add")
    assert reg("--help").stdout.lstrip().startswith("Cách dùng: taskreg [TUỲ-CHỌN] LỆNH")
    assert reg("add", "--help", env={"TASKREG_LANG": "en"}).stdout.lstrip().startswith("Usage: taskreg add")
    assert reg.tables() == before


@pytest.mark.sqlite_only  # a file that help must not create
def test_help_creates_no_register(tr):
    assert tr("add", "--help").stdout.lstrip().startswith("Usage: taskreg add")
    assert not tr.path.exists()


# -- usage errors ----------------------------------------------------------------------------------------

USAGE_ERRORS = [
    (
        ["add", "Việc"],
        "Missing option --agency AGENCY; see `taskreg add --help`.",
        "Thiếu tuỳ chọn --agency ĐƠN-VỊ; xem `taskreg add --help`.",
    ),
    (
        ["agency", "add", "SYT"],
        "Missing argument NAME; see `taskreg agency add --help`.",
        "Thiếu đối số TÊN; xem `taskreg agency add --help`.",
    ),
    (["done"], "Missing argument ID...; see `taskreg done --help`.", "Thiếu đối số SỐ...; xem `taskreg done --help`."),
    (
        ["done", "1", "--bogus"],
        "No such option --bogus; see `taskreg done --help`.",
        "Không có tuỳ chọn --bogus; xem `taskreg done --help`.",
    ),
    (
        ["list", "--agncy", "SYT"],
        "No such option --agncy (did you mean --agency?); see `taskreg list --help`.",
        "Không có tuỳ chọn --agncy (có phải ý bạn là --agency?); xem `taskreg list --help`.",
    ),
    (
        ["lst"],
        "No such command 'lst' (did you mean 'list'?); see `taskreg --help`.",
        "Không có lệnh 'lst' (có phải ý bạn là 'list'?); xem `taskreg --help`.",
    ),
    (
        ["agency", "frob"],
        "No such command 'frob'; see `taskreg agency --help`.",
        "Không có lệnh 'frob'; xem `taskreg agency --help`.",
    ),
    (
        ["done", "abc"],
        "'abc' is not a task id (a whole number); see `taskreg done --help`.",
        "'abc' không phải số nhiệm vụ (một số nguyên); xem `taskreg done --help`.",
    ),
    (
        ["history", "--task", "x"],
        "'x' is not a task id (a whole number); see `taskreg history --help`.",
        "'x' không phải số nhiệm vụ (một số nguyên); xem `taskreg history --help`.",
    ),
    (
        ["list", "--due-within", "soon"],
        "--due-within takes a whole number, not 'soon'; see `taskreg list --help`.",
        "--due-within nhận một số nguyên, không phải 'soon'; xem `taskreg list --help`.",
    ),
    (
        ["reopen", "1", "2", "--reason", "nhầm"],
        "Unexpected argument: '2'; see `taskreg reopen --help`.",
        "Thừa đối số: '2'; xem `taskreg reopen --help`.",
    ),
    (
        ["cancel", "1", "2", "3", "--reason", "nhầm"],
        "Unexpected arguments: '2', '3'; see `taskreg cancel --help`.",
        "Thừa đối số: '2', '3'; xem `taskreg cancel --help`.",
    ),
    (
        ["add", "Việc", "--agency"],
        "--agency needs a value: AGENCY; see `taskreg add --help`.",
        "--agency cần một giá trị: ĐƠN-VỊ; xem `taskreg add --help`.",
    ),
    (
        ["list", "--all=yes"],
        "--all takes no value; see `taskreg list --help`.",
        "--all không nhận giá trị; xem `taskreg list --help`.",
    ),
    (
        ["list", "--db", "other.db"],
        "--db goes before the command, as in `taskreg --db PATH list`; see `taskreg list --help`.",
        "--db phải đặt trước lệnh, như `taskreg --db ĐƯỜNG-DẪN list`; xem `taskreg list --help`.",
    ),
    (["--db", "other.db"], "Missing a command; see `taskreg --help`.", "Thiếu lệnh; xem `taskreg --help`."),
]


@pytest.mark.parametrize("args, english, vietnamese", USAGE_ERRORS, ids=[" ".join(a) for a, _, _ in USAGE_ERRORS])
def test_a_usage_error_is_one_sentence_in_the_language(reg, args, english, vietnamese):
    before = reg.tables()
    assert reg(*args, code=2).stderr == english + "\n"
    said = reg(*args, code=2, env={"TASKREG_LANG": "vi"}).stderr
    assert said == vietnamese + "\n"
    assert english_in(said) == [] and "?." not in said
    assert reg.tables() == before


def test_usage_errors_are_in_the_registers_language_before_any_command_runs(reg):
    reg("config", "set", "lang", "vi")
    assert reg("add", "Việc", code=2).stderr == "Thiếu tuỳ chọn --agency ĐƠN-VỊ; xem `taskreg add --help`.\n"
    assert reg("lst", code=2).stderr == "Không có lệnh 'lst' (có phải ý bạn là 'list'?); xem `taskreg --help`.\n"
    assert reg("--lang", "en", "lst", code=2).stderr.startswith("No such command 'lst'")


def test_lang_before_the_command_sets_the_language_and_the_commands_own_wins(reg):
    assert reg("--lang", "vi", "list").stdout == i18n.t("vi", "no_tasks") + "\n"
    assert reg("--lang", "vi", "list", "--lang", "en").stdout == i18n.t("en", "no_tasks") + "\n"
    assert reg("--lang", "vi", "add", "Việc", code=2).stderr.startswith("Thiếu tuỳ chọn --agency")
    said = reg("--lang", "fr", "list", code=2).stderr
    assert said == i18n.t("en", "bad_choice", text="fr", what="--lang", choices="vi, en") + "\n"
