"""What an engine package declares to the registry (taskreg.storage): which registers it
takes, what they can do, and how one is opened, created, peeked into, administered and
removed, and which of its failures a user can cause.

Each engine package (storage/sqlite/, storage/postgresql/) defines one `Backend` as
`ENGINE`; the registry lists them and hands each register's name to the first that takes
it. Nothing outside taskreg/storage/ sees a backend: commands ask the registry.
"""

from pathlib import Path
from typing import Protocol

from taskreg.domain.errors import Refused
from taskreg.storage.engine import Features
from taskreg.storage.sql import SqlStore


class Administration(Protocol):
    """`taskreg db upgrade` and `taskreg admin` on a register whose features have `roles`."""

    #: The roles a login may be granted, as `admin grant --role` takes them.
    roles: tuple[str, ...]

    def upgrade(self) -> list[str]:
        """Apply the migrations not yet applied; the names applied."""
        ...

    def make_roles(self) -> list[str]:
        """Create the roles that are missing; the names created."""
        ...

    def grant(self, login: str, role: str, agencies: list[dict]) -> None: ...

    def revoke(self, login: str) -> bool:
        """Take away what `login` may write; False if it had nothing here."""
        ...

    def users(self) -> list[dict]:
        """Who may do what: login, role, agencies (codes), sorted by login."""
        ...


class Backend:
    """An engine as the registry knows it. A register's name (`--db`, TASKREG_DB) is the
    engine's if it starts with one of its `schemes`; an engine with no scheme takes a file
    path (the registry asks it last)."""

    #: The engine's name (tests and messages for developers; no command compares it).
    name = ""
    #: The prefixes of the names of its registers: URL schemes, libpq's `service=`.
    schemes: tuple[str, ...] = ()
    #: What its registers can do (its store's `features` too).
    features = Features()

    def takes(self, name: str) -> bool:
        """Whether `name` names a register of this engine."""
        return name.startswith(self.schemes) if self.schemes else True

    def target(self, name: str) -> Path | str:
        """The register as this engine names it: a Path for a file, else the name as typed."""
        return Path(name) if self.features.files else name

    def open(
        self, target, *, create: bool, actor: str, now: str, clock: str | None = None
    ) -> tuple[SqlStore, list[Path] | None]:
        """The register at `target` (for a command that writes, created if `create` and the
        engine creates registers), and the folders made for it if this created it, else None."""
        raise NotImplementedError

    def create(self, target, *, actor: str, now: str, clock: str | None, fill, replace: bool) -> list[Path]:
        """A whole new register at `target` (`init`, the demo), `fill(store)` written in it
        before it appears; the folders made for it."""
        raise NotImplementedError

    def peek_setting(self, target, key: str) -> str | None:
        """A setting read without opening the register as a store (cheaply, creating and
        locking nothing); None if it cannot be read so (the driver missing too)."""
        return None

    def peek_rows(self, target, sql: str, args: dict) -> list[tuple] | None:
        """A query's rows (storage/sql.py's `:name` parameters), read as `peek_setting` reads."""
        return None

    def remove(self, target) -> None:
        """Delete a register this command created and then failed in (features.files)."""

    def is_database(self, path: str) -> bool:
        """Whether the existing file at `path` is a database of this engine, which no output
        may replace (OSError if it cannot be read)."""
        return False

    def errors(self) -> tuple[type[Exception], ...]:
        """The engine's own errors that may reach a command (once its driver is loaded)."""
        return ()

    def failure(self, target, error: Exception) -> Refused | None:
        """One of this engine's failures as the one sentence that says what went wrong, or
        None when it is none that a user can cause."""
        return None

    def administration(self, target) -> Administration | None:
        """The register's administration (features.roles), else None."""
        return None
