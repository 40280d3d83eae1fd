"""The catalogue: every key in both languages, each text well formed, every key the code names
in it, and every setting labelled."""

import ast
import re
import string
from pathlib import Path

import taskreg
from taskreg.domain.model import SETTINGS
from taskreg.present import i18n
from taskreg.present.messages import MESSAGES, PARTS

#: Calls that name a catalogue key: the errors (BadInput, Refused …), a value naming another
#: entry (Ref), and rendering (i18n.t, session.text/say/err, and the `t` helpers around them).
KEY_CALLS = {"BadInput", "Refused", "TaskregError", "ImportInvalid", "Ref", "t", "text", "say", "err"}
KEY = re.compile(r"[a-z][a-z0-9_]*")


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _failing(check, keys=None) -> list[str]:
    """The keys (of the catalogue, unless given) for which `check(key)` fails, each with why."""
    failed = []
    for key in sorted(MESSAGES) if keys is None else keys:
        try:
            check(key)
        except Exception as e:  # an assertion, or a text that does not render at all
            failed.append(f"{key}: {type(e).__name__}: {e}")
    return failed


def _renders_in_both_languages(key):
    english, vietnamese = MESSAGES[key]
    assert english.strip() and vietnamese.strip()
    values = {name: "1" for name in _fields(english) | _fields(vietnamese)}
    for lang in ("en", "vi"):
        assert "{" not in i18n.t(lang, key, **values)


def test_every_message_renders_in_both_languages():
    """Every key checked, each failing one named (one test, not one per key: ~650 keys)."""
    failed = _failing(_renders_in_both_languages)
    assert not failed, f"{len(failed)} keys:\n" + "\n".join(failed)


def _renders_as_the_plural_aware_formatter(key):
    from taskreg.domain.errors import Count, Day

    english, vietnamese = MESSAGES[key]
    for sample in ("2", 1, Count(1068), "{x} [b]", Day("2021-03-31")):
        values = {name: sample for name in _fields(english) | _fields(vietnamese)}
        for lang in ("en", "vi"):
            text = MESSAGES[key][1 if lang == "vi" else 0]
            assert i18n.t(lang, key, **values) == i18n._FORMATTER.vformat(text, (), values), (lang, repr(sample))


def test_every_message_renders_as_the_plural_aware_formatter_renders_it():
    """i18n.t leaves a text with no plural spec to str.format: the same text, for values of
    each kind the messages are given (a number, a date, text with braces). Every key
    checked, each failing one named."""
    failed = _failing(_renders_as_the_plural_aware_formatter)
    assert not failed, f"{len(failed)} keys:\n" + "\n".join(failed)


def test_no_key_is_defined_in_two_parts():
    keys = [k for part in PARTS for k in part]
    assert len(keys) == len(set(keys))


def _literals(node, assigned: dict):
    """The texts an argument gives as it is written: a literal, either branch of `a if c else
    b`, or what a name was given in the same function (`key = "a" if many else "b"`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body, assigned)
        yield from _literals(node.orelse, assigned)
    elif isinstance(node, ast.Name):
        for value in assigned.pop(node.id, ()):  # popped: a name given its own value is read once
            yield from _literals(value, assigned)


def _keys_in_code() -> dict[str, str]:
    """Every catalogue key the source names as a literal, with where: an argument of a
    KEY_CALLS call, or the key of a (key, {values}) pair (a message inside another, a warning)."""
    found: dict[str, str] = {}
    root = Path(taskreg.__file__).parent
    for path in sorted(root.rglob("*.py")):
        if "messages" in path.relative_to(root).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
            assigned: dict[str, list] = {}  # a module's own names, or a function's
            for node in scope.body if isinstance(scope, ast.Module) else ast.walk(scope):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, []).append(node.value)
            for node in ast.walk(scope):
                named = []
                if isinstance(node, ast.Call):
                    func = node.func
                    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                    if name in KEY_CALLS:
                        named = node.args
                elif isinstance(node, ast.Tuple):
                    named = [a for a, b in zip(node.elts, node.elts[1:]) if isinstance(b, ast.Dict)]
                for arg in named:
                    for c in _literals(arg, dict(assigned)):
                        if KEY.fullmatch(c.value):
                            found.setdefault(c.value, f"{path.relative_to(root.parent)}:{c.lineno}")
    return found


def test_the_catalogue_has_every_key_the_code_names():
    found = _keys_in_code()
    assert len(found) > 200  # the scan sees the errors and messages it looks for
    missing = {key: where for key, where in found.items() if key not in MESSAGES}
    assert not missing, missing


def _labelled(setting):
    english, vietnamese = MESSAGES[f"setting:{setting}"]
    assert english.strip() and vietnamese.strip() and english != vietnamese
    assert "{" not in english + vietnamese  # a label, not a sentence with values


def test_every_setting_has_a_label_in_both_languages():
    """Every setting checked, each failing one named."""
    failed = _failing(_labelled, sorted(SETTINGS))
    assert not failed, "\n".join(failed)
