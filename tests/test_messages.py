"""The catalogue: every key in both languages, each text well formed."""

import string

import pytest

from taskreg.present import i18n
from taskreg.present.messages import MESSAGES, PARTS


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_renders_in_both_languages(key):
    english, vietnamese = MESSAGES[key]
    assert english.strip() and vietnamese.strip()
    values = {name: "1" for name in _fields(english) | _fields(vietnamese)}
    for lang in ("en", "vi"):
        assert "{" not in i18n.t(lang, key, **values)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_renders_as_the_plural_aware_formatter_renders_it(key):
    """i18n.t leaves a text with no plural spec to str.format: the same text, for values of
    each kind the messages are given (a number, a date, text with braces)."""
    from taskreg.domain.errors import Count, Day

    english, vietnamese = MESSAGES[key]
    for sample in ("2", 1, Count(1068), "{x} [b]", Day("2021-03-31")):
        values = {name: sample for name in _fields(english) | _fields(vietnamese)}
        for lang in ("en", "vi"):
            text = MESSAGES[key][1 if lang == "vi" else 0]
            assert i18n.t(lang, key, **values) == i18n._FORMATTER.vformat(text, (), values)


def test_no_key_is_defined_in_two_parts():
    keys = [k for part in PARTS for k in part]
    assert len(keys) == len(set(keys))
