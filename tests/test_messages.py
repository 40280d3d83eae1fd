"""The catalogue: every key in both languages, each text well formed."""

import string

from taskreg import i18n
from taskreg.messages import MESSAGES, PARTS


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _failing(check) -> list[str]:
    """The keys of the catalogue for which `check(key)` fails, each with why."""
    failed = []
    for key in sorted(MESSAGES):
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
    from taskreg.errors import Count, Day

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
