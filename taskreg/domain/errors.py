"""The two ways a command fails: bad input (exit 2) and a refused operation (exit 1).

Each error carries a catalogue key and its values, not a sentence: the command
edge renders it in the user's language (see taskreg.present.i18n).
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


class Day(str):
    """A calendar date put into a message: ISO in English, 01/12/2026 in Vietnamese
    (taskreg.present.i18n.day; README "Language and output"). Made from a date or an ISO text; as a plain str it is
    the ISO text, so a message rendered without a language still reads."""

    def __new__(cls, value):
        return super().__new__(cls, value.isoformat() if hasattr(value, "isoformat") else str(value))


def os_reason(error: OSError, writing: bool = True):
    """Why the file system refused, as a message value: a catalogue sentence in the
    message's language for the failures a user can cause (a missing folder, no permission,
    a full or read-only disk); the system's own text for any other."""
    import errno

    keys = {
        errno.ENOENT: "os_no_folder" if writing else "no_such_file",
        errno.ENOTDIR: "os_not_folder",
        errno.EACCES: "os_denied_write" if writing else "os_denied_read",
        errno.EPERM: "os_denied_write" if writing else "os_denied_read",
        errno.ENOSPC: "os_disk_full",
        getattr(errno, "EDQUOT", -1): "os_quota",  # not on every platform
        errno.EROFS: "os_read_only",
        errno.ENAMETOOLONG: "os_name_too_long",
        errno.EIO: "os_io",
    }
    key = keys.get(error.errno) if error.errno is not None else None
    return Ref(key) if key else (error.strerror or str(error))


class Publication(dict):
    """A value of an error that names a publication: the store's row of it (its period,
    scope, as-of date, version and number). The edge gives its name in the message's
    language (taskreg.present.labels.pub_label)."""


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
