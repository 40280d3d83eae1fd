"""The two ways a command fails: bad input (exit 2) and a refused operation (exit 1).

Each error carries a catalogue key and its values, not a sentence: the command
edge renders it in the user's language (see taskreg.i18n).
"""


class Ref(str):
    """A value of an error that names another catalogue entry (rendered in the same language).

    A type of its own, so that user text (which may start with anything) is never
    mistaken for a reference.
    """


class Count(int):
    """A value that counts things: written with the language's thousands separator (1,783; 1.783).

    Task ids and years stay plain ints and are never grouped.
    """


class Rendered:
    """A value of an error that only a language can render (a publication's label, say):
    `fn(lang, *args)` gives its text in the message's language."""

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def render(self, lang: str) -> str:
        return self.fn(lang, *self.args)


class TaskregError(Exception):
    exit_code = 1

    def __init__(self, key: str, /, **values):
        super().__init__(key)
        self.key = key
        self.values = values


class BadInput(TaskregError):
    """The user typed something taskreg cannot accept: exit 2, nothing written."""

    exit_code = 2


class Refused(TaskregError):
    """A well-formed request the register refuses (no such task, already done): exit 1."""

    exit_code = 1
