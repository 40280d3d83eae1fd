"""What the command line says about its own use, in the output language (SPEC §6; README
"Language and output"): every command's help and click's usage errors as one sentence.

The texts are the catalogue's (taskreg/messages/help.py); a declaration names only its
option and its placeholder (`typer.Option("--due", metavar="DATE")`). `Command` and `Group`
are the classes taskreg.cli.app gives typer for every command: when help is shown, `localize`
puts each command's description, each option's help and each placeholder in the language
`lang_for` finds, and typer renders them. Running a command translates nothing and imports
no catalogue: this module imports only typer, which start-up has imported already.
"""

import os
from typing import Optional

import typer
from typer._click.exceptions import UsageError  # typer's bundled click (pyproject: typer<0.29)
from typer._click.types import IntParamType, ParamType
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from taskreg.cli.session import Session
from taskreg.domain.model import LANGS
from taskreg.domain.text import printable
from taskreg.present import i18n
from taskreg.present.messages import MESSAGES
from taskreg.present.messages.help import EXAMPLES
from taskreg.storage import peek_setting

#: The name every catalogue key starts from: the root command's, whatever the program is called.
ROOT = "taskreg"


# -- the output language, before any command has run ---------------------------------------------


def typed_lang(words) -> Optional[str]:
    """`--lang vi|en` as typed: the last one, so that a command's own (after the command)
    wins over the global one (before it), as in Session."""
    found = None
    for i, word in enumerate(words):
        if word == "--lang" and i + 1 < len(words) and words[i + 1] in LANGS:
            found = words[i + 1]
        elif word.startswith("--lang=") and word[7:] in LANGS:
            found = word[7:]
    return found


def typed_db(words) -> Optional[str]:
    """`--db PATH` as typed, if it was."""
    for i, word in enumerate(words):
        if word == "--db" and i + 1 < len(words):
            return words[i + 1]
        if isinstance(word, str) and word.startswith("--db="):
            return word[5:]
    return None


def lang_for(words) -> str:
    """The language of what is said before a command runs (help, a usage error): --lang as
    typed, else TASKREG_LANG, else the register's `config lang` when it can be read cheaply
    (read as a reader reads it: nothing created, migrated or locked), else the locale."""

    typed = typed_lang(words)
    if typed or i18n.env_lang():
        return i18n.resolve(typed, None)
    return i18n.resolve(None, register_lang(typed_db(words)))


def register_lang(db: Optional[str]) -> Optional[str]:
    """The `config lang` of the register `--db` (else TASKREG_DB, else the default) names."""
    from datetime import date

    target = Session(db_option=db, today=date.min, now="", actor="").path()  # the one rule for which register
    return peek_setting(target, "lang")  # None when it cannot be read (its engine's driver missing too)


# -- the texts put on the commands ---------------------------------------------------------------


class _Quiet(ParamType):
    """A parameter's type, said by its placeholder alone: typer's panel shows an argument's
    type (<integer>) beside its name unless the type names none."""

    def __init__(self, inner: ParamType) -> None:
        self.inner = inner
        self.name = inner.name

    def get_metavar(self, param, ctx) -> str:
        return ""

    def convert(self, value, param, ctx):
        return self.inner.convert(value, param, ctx)

    def shell_complete(self, ctx, param, incomplete):
        return self.inner.shell_complete(ctx, param, incomplete)


def _typed(param, ctx, value):
    """The word of `value` that `param`'s type refuses (the first, for several)."""
    if not isinstance(value, (tuple, list)):
        return value
    for word in value:
        try:
            param.type.convert(word, param, ctx)
        except UsageError:
            return word
    return None


def _cast(param, cast, ctx, value):
    """`cast(ctx, value)`, keeping the word the type refused on the usage error (`typed`), so
    that the error can say it (click's own message has it only inside its English)."""
    try:
        return cast(ctx, value)
    except UsageError as e:
        e.typed = _typed(param, ctx, value)  # type: ignore[attr-defined]
        raise


class _Argument(TyperArgument):
    """An argument shown by its placeholder in the output language (SỐ..., TỆP), never by
    typer's type (<integer>) or braces ({ids})."""

    placeholder: Optional[str] = None

    @property
    def display_name_raw(self) -> str:
        name = self.placeholder or declared(self) or (self.name or "").upper()
        return name + ("..." if self.nargs != 1 else "")

    def type_cast_value(self, ctx, value):
        return _cast(self, super().type_cast_value, ctx, value)

    def make_metavar(self, ctx, *, usage: bool = False) -> str:
        return self.display_name_raw if self.required or not usage else f"[{self.display_name_raw}]"

    def get_usage_pieces(self, ctx) -> list[str]:
        return [self.make_metavar(ctx, usage=True)]


class _Option(TyperOption):
    """An option shown with its placeholder in the output language (--due NGÀY); a flag
    with none (never typer's BOOLEAN)."""

    placeholder: Optional[str] = None

    def type_cast_value(self, ctx, value):
        return _cast(self, super().type_cast_value, ctx, value)

    def make_metavar(self, ctx) -> str:
        if self.is_flag or not self.placeholder:
            return super().make_metavar(ctx)
        return self.placeholder


def declared(param) -> Optional[str]:
    """The placeholder a declaration names (metavar="DATE"), before help put it in a language."""
    return param.__dict__.get("declared", param.metavar)


def _adopt(param):
    """typer's argument or option, shown as taskreg shows them (a class of the same shape)."""
    if type(param) is TyperArgument:
        param.__class__ = _Argument
    elif type(param) is TyperOption:
        param.__class__ = _Option
    return param


def _adopt_all(command) -> None:
    for param in command.params:
        _adopt(param)


def walk(command, path: str = ROOT):
    """Every command under `command` (itself first), with its path: "taskreg agency add"."""
    yield path, command
    if hasattr(command, "load_all"):  # the program builds its commands when asked (taskreg.cli.app)
        command.load_all()
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, f"{path} {name}")


def long_name(param) -> str:
    """An option's name as the catalogue knows it (--output, not -o); an argument's name."""
    if param.param_type_name != "option":
        return param.name
    return next((o for o in param.opts if o.startswith("--")), param.opts[0])


def help_key(path: str, param) -> str:
    """The catalogue entry of a parameter: its command's own, else the option's everywhere."""

    kind = "opt" if param.param_type_name == "option" else "arg"
    own = f"{kind}:{path} {long_name(param)}"
    return own if own in MESSAGES else f"{kind}:{long_name(param)}"


def placeholder(lang: str, metavar: Optional[str]) -> Optional[str]:
    """What a declaration's placeholder says in `lang`: DATE → NGÀY; the values to type
    (text|json, agency), in lower case, as they are."""

    if metavar is None or not metavar.isupper():
        return metavar
    return i18n.t(lang, f"ph:{metavar}")


def description(lang: str, path: str) -> str:
    """A command's help: its description, then its example (a paragraph of its own)."""

    text = i18n.t(lang, f"cmd:{path}")
    if path in EXAMPLES:
        text += f"\n\n{i18n.t(lang, 'help_example')}: {EXAMPLES[path]}"
    return text


def localize(root, lang: str) -> None:
    """Put every description, parameter help and placeholder under `root` in `lang`."""

    root.help_lang = lang
    for path, command in walk(root):
        command.help = description(lang, path)
        command.short_help = None
        command.options_metavar = f"[{i18n.t(lang, 'help_options_metavar')}]"
        if isinstance(command, TyperGroup):
            command.subcommand_metavar = (
                f"{i18n.t(lang, 'help_command_metavar')} [{i18n.t(lang, 'help_args_metavar')}]..."
            )
        helper = getattr(command, "_help_option", None)  # made by click when first asked for
        for param in [*command.params, *([helper] if helper is not None else [])]:
            param = _adopt(param)
            param.help = i18n.t(lang, "opt:--help" if param is helper else help_key(path, param))
            param.declared = declared(param)
            param.placeholder = placeholder(lang, param.declared)
            if isinstance(param, _Argument):  # typer's panel names an argument by its metavar
                param.metavar = param.display_name_raw
                if not isinstance(param.type, _Quiet):
                    param.type = _Quiet(param.type)


def _headings(lang: str) -> None:
    """typer's own words in its rich help (module settings it reads as it renders)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = i18n.t(lang, "help_arguments")
    rich_utils.OPTIONS_PANEL_TITLE = i18n.t(lang, "help_options")
    rich_utils.COMMANDS_PANEL_TITLE = i18n.t(lang, "help_commands")
    rich_utils.DEFAULT_STRING = f"[{i18n.t(lang, 'help_default')}: {{}}]"
    rich_utils.REQUIRED_LONG_STRING = f"[{i18n.t(lang, 'help_required')}]"


def _prepare(command, ctx) -> None:
    """Before `command`'s help is rendered: the whole tree in the output language (a group
    lists its commands' descriptions), its --help option and typer's headings too."""
    root = ctx.find_root().command
    lang = getattr(root, "help_lang", None) or lang_for(getattr(root, "words", ()))
    command.get_help_option(ctx)  # so that localize finds it
    localize(root, lang)
    _headings(lang)


def _write_usage(command, ctx, formatter) -> bool:
    """The usage line with its heading in the output language; False when help was not
    prepared (then click's own line)."""
    lang = getattr(ctx.find_root().command, "help_lang", None)
    if lang is None:
        return False

    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{i18n.t(lang, 'help_usage')}: ")
    return True


class UnknownCommand(UsageError):
    """A command name that is none of the group's."""

    def __init__(self, name: str, possibilities: list[str], ctx) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name
        self.possibilities = possibilities


class MissingCommand(UsageError):
    """A group given options but no command."""

    def __init__(self, ctx) -> None:
        super().__init__("Missing command.", ctx)


class ExtraArguments(UsageError):
    """Arguments that no parameter takes."""

    def __init__(self, extra: list[str], ctx) -> None:
        super().__init__(f"Got unexpected extra arguments ({' '.join(extra)}).", ctx)
        self.extra = extra


def _attach(error, ctx) -> None:
    """click's parser raises some usage errors without the command they concern."""
    if getattr(error, "ctx", None) is None:
        error.ctx = ctx
        error.cmd = ctx.command


class _InTheLanguage:
    """Help and the usage line in the output language: what a taskreg command and group share."""

    def format_help(self, ctx, formatter) -> None:
        _prepare(self, ctx)
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx, formatter) -> None:
        if not _write_usage(self, ctx, formatter):
            super().format_usage(ctx, formatter)  # type: ignore[misc]


class Command(_InTheLanguage, TyperCommand):
    """A taskreg command: help in the output language, usage errors that say which command."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        _adopt_all(self)  # so that a refused value is kept for the usage error
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True  # told apart below
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as e:
            _attach(e, ctx)
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(rest, ctx)
        return rest


class Group(_InTheLanguage, TyperGroup):
    """A taskreg group: as Command, and an unknown or missing command said as such."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        _adopt_all(self)
        try:
            return super().parse_args(ctx, args)
        except UsageError as e:
            _attach(e, ctx)
            raise

    def resolve_command(self, ctx, args: list[str]):
        name = args[0]
        # A word that starts like an option is click's to refuse (no such option).
        if self.get_command(ctx, name) is None and name[:1].isalnum() and not ctx.resilient_parsing:
            from difflib import get_close_matches

            raise UnknownCommand(name, get_close_matches(name, self.list_commands(ctx)), ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx):
        if not ctx._protected_args and not self.invoke_without_command:
            raise MissingCommand(ctx)
        return super().invoke(ctx)


def adopt(app: typer.Typer) -> None:
    """Give every command and group of `app` (and of its groups) taskreg's classes."""
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):  # typer's default
            info.cls = Command
    for group in app.registered_groups:
        group.cls = Group
        if group.typer_instance is not None:
            adopt(group.typer_instance)


# -- usage errors --------------------------------------------------------------------------------


def usage_error(error, words) -> str:
    """A usage error (click's, or this module's) as one sentence in the output language:
    what is wrong, then where the help is."""

    ctx = getattr(error, "ctx", None)
    lang = lang_for(words)
    if ctx is not None:
        localize(ctx.find_root().command, lang)  # the placeholders the sentence names
    problem = _problem(error, ctx, lang).rstrip()
    command = printable(ctx.command_path) if ctx is not None else ROOT
    return i18n.t(lang, "help_usage_error", problem=problem, command=command)


def _did_you_mean(lang: str, names: list[str]) -> str:

    return i18n.t(lang, "help_did_you_mean", names=names[0]) if names else ""  # the closest alone


def _problem(error, ctx, lang: str) -> str:

    t = lambda key, **values: i18n.t(lang, key, **values)  # noqa: E731
    kinds = {c.__name__ for c in type(error).__mro__}
    if isinstance(error, UnknownCommand):
        return t("help_no_such_command", name=printable(error.name)) + _did_you_mean(
            lang, [f"'{m}'" for m in error.possibilities]
        )
    if isinstance(error, MissingCommand):
        return t("help_missing_command")
    if isinstance(error, ExtraArguments):
        shown = ", ".join(f"'{printable(a)}'" for a in error.extra)
        return t("help_extra_arguments", n=len(error.extra), args=shown)
    param = getattr(error, "param", None)
    if "MissingParameter" in kinds and param is not None:
        param = _adopt(param)
        if param.param_type_name == "argument":
            return t("help_missing_argument", placeholder=param.display_name_raw)
        return t("help_missing_option", option=long_name(param), placeholder=param.placeholder or "")
    if "NoSuchOption" in kinds:
        return _no_such_option(error, ctx, lang)
    if "BadOptionUsage" in kinds and ctx is not None:
        found = next(
            (p for p in ctx.command.get_params(ctx) if error.option_name in (*p.opts, *p.secondary_opts)), None
        )
        if found is not None:
            found = _adopt(found)
            option = printable(error.option_name)
            if found.is_flag:
                return t("help_takes_no_value", option=option)
            return t("help_needs_value", option=option, placeholder=found.placeholder or "")
    if "BadParameter" in kinds and param is not None:
        return _bad_value(error, _adopt(param), lang)
    return printable(error.format_message().strip()).rstrip(".")


def _no_such_option(error, ctx, lang: str) -> str:
    """An unknown option; a global one typed after the command is told where it goes."""

    option = printable(error.option_name)
    if ctx is not None and ctx.parent is not None:
        root = ctx.find_root()
        here = next((_adopt(p) for p in root.command.params if error.option_name in p.opts), None)
        if here is not None:
            words = [root.info_name or ROOT, option, here.placeholder, *ctx.command_path.split()[1:]]
            usage = " ".join(w for w in words if w)
            return i18n.t(lang, "help_global_option", option=option, usage=printable(usage))
    names = [printable(p) for p in error.possibilities or ()]  # closest first (difflib)
    return i18n.t(lang, "help_no_such_option", option=option) + _did_you_mean(lang, names)


def _bad_value(error, param, lang: str) -> str:
    """A value of the wrong kind: a task id or a number of days that is not a number."""

    what = long_name(param) if param.param_type_name == "option" else param.display_name_raw
    typed = getattr(error, "typed", None)
    kind = param.type.inner if isinstance(param.type, _Quiet) else param.type
    if isinstance(kind, IntParamType) and isinstance(typed, str):
        if declared(param) == "ID":
            return i18n.t(lang, "help_not_an_id", text=printable(typed))
        return i18n.t(lang, "help_not_a_whole_number", what=what, text=printable(typed))
    return i18n.t(lang, "help_bad_value", what=what, reason=printable(str(error.message)).rstrip("."))


def install_completion(ctx, param, value):
    """`--install-completion`: typer's installation, said in the output language."""
    if not value or ctx.resilient_parsing:
        return value
    from typer.completion import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    lang = lang_for(getattr(ctx.find_root().command, "words", ()))
    print(i18n.t(lang, "help_completion_installed", shell=shell, path=path))
    raise typer.Exit(0)


def completing() -> Optional[list[str]]:
    """The words being completed, when the shell asks for completions (README "Language and
    output"), else None."""
    if not os.environ.get("_TASKREG_COMPLETE"):
        return None
    typed = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    return typed.split()[1:]
