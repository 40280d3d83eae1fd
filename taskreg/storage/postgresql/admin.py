"""`taskreg db upgrade` and `taskreg admin` on a PostgreSQL register (SPEC §9).

Run by the administrator: a login that is a member of taskreg_owner (or a superuser).
Migrations are applied by yoyo-migrations, imported here alone, each in its own
transaction and as taskreg_owner, so that the tables belong to the owner role and not to
whoever ran the upgrade. Commands reach it through the registry (taskreg.storage
`administration`), as an `Administration` of the register's URL. psycopg and yoyo are
imported when a function here runs, never at start-up.
"""

from taskreg.domain import model
from taskreg.domain.errors import BadInput, Refused
from taskreg.storage.postgresql.connection import (
    GROUPS,
    OWNER,
    connect,
    known_migrations,
    migrations_dir,
    require,
    value,
)
from taskreg.storage.sql import dumps

ROLES = dict(zip(model.ROLES, GROUPS))  # a role as `admin grant --role` names it → its group role


def _is_superuser(conn) -> bool:
    return bool(value(conn, "SELECT rolsuper FROM pg_roles WHERE rolname = session_user"))


def _missing_roles(conn) -> list[str]:
    have = {
        r["rolname"] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", [[OWNER, *GROUPS]])
    }
    return [r for r in (OWNER, *GROUPS) if r not in have]


def create_groups(conn, url: str) -> list[str]:
    """Create the owner and group roles that are missing (NOLOGIN); the names created."""
    import psycopg
    from psycopg import sql

    missing = _missing_roles(conn)
    for role in missing:
        try:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
        except psycopg.errors.InsufficientPrivilege:
            raise Refused("pg_cannot_create_roles", url=url, roles=", ".join(missing)) from None
        except psycopg.errors.DuplicateObject:  # another administrator, meanwhile
            pass
    return missing


def _require_owner(conn, url: str) -> None:
    member = value(conn, "SELECT pg_has_role(session_user, %s, 'MEMBER')", [OWNER])
    if not member and not _is_superuser(conn):
        raise Refused("pg_not_owner", url=url, login=conn.info.user, owner=OWNER)


def upgrade(url: str) -> list[str]:
    """Apply the migrations not yet applied, as taskreg_owner; the names applied."""
    require(url, "psycopg", "yoyo")
    import psycopg
    from psycopg import sql
    from yoyo import read_migrations
    from yoyo.backends.core.postgresql import PostgresqlPsycopgBackend
    from yoyo.connections import parse_uri

    conn = connect(url)
    try:
        create_groups(conn, url)
        _require_owner(conn, url)
        if _is_superuser(conn):  # PostgreSQL 15 lets nobody but the owner create in public
            conn.execute(sql.SQL("GRANT CREATE, USAGE ON SCHEMA public TO {}").format(sql.Identifier(OWNER)))
    finally:
        conn.close()

    class Backend(PostgresqlPsycopgBackend):
        """yoyo's psycopg backend, connected through taskreg's own URL (libpq's syntax, which
        yoyo's URL parser does not take whole) and working as the owner role."""

        def connect(self, dburi):
            connection = psycopg.connect(url, autocommit=True)
            connection.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(OWNER)))
            return connection

    backend = Backend(parse_uri("postgresql+psycopg:///taskreg"), "_yoyo_migration")
    backend.init_database()
    try:
        migrations = read_migrations(str(migrations_dir()))
        with backend.lock():
            pending = backend.to_apply(migrations)
            names = [m.id for m in pending]
            backend.apply_migrations(pending)
            backend.execute("GRANT SELECT ON _yoyo_migration TO " + ", ".join(GROUPS))
            backend.commit()
    finally:
        backend.connection.close()
    return names


def _connect_as_owner(url: str):
    conn = connect(url)
    try:
        _require_owner(conn, url)
        applied = (
            {r["migration_id"] for r in conn.execute("SELECT migration_id FROM _yoyo_migration")}
            if value(conn, "SELECT to_regclass('_yoyo_migration')")
            else set()
        )
        if set(known_migrations()) - applied:
            raise Refused("pg_needs_upgrade", url=url)
    except BaseException:
        conn.close()
        raise
    return conn


def grant(url: str, login: str, role: str, agencies: list[dict]) -> None:
    """Let `login` write as `role` in this register (a liaison: the tasks of `agencies`,
    found by the caller). Replaces what the login had here."""
    require(url, "psycopg")
    import psycopg
    from psycopg import sql

    if role not in ROLES:
        raise BadInput("bad_choice", text=role, what="--role", choices=", ".join(ROLES))
    if role == "liaison" and not agencies:
        raise BadInput("admin_liaison_needs_agency")
    if role != "liaison" and agencies:
        raise BadInput("admin_agency_only_liaison", role=role)
    conn = _connect_as_owner(url)
    try:
        exists = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", [login]).fetchone()
        if exists is None:
            raise Refused("admin_no_login", login=login)
        if not exists["rolcanlogin"]:
            raise Refused("admin_not_a_login", login=login)
        with conn.transaction():
            conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER)))
            chosen = list({a["id"]: a for a in agencies}.values())
            before = _rights(conn, login)
            conn.execute("DELETE FROM writers WHERE login = %s", [login])
            for agency_id in [a["id"] for a in chosen] or [None]:
                conn.execute(
                    "INSERT INTO writers (login, role, agency_id) VALUES (%s, %s, %s)", [login, role, agency_id]
                )
            _audit(conn, "admin_grant", before, _rights(conn, login))
            conn.execute("RESET ROLE")
            # Group roles are the server's: another register may still need the login's other
            # memberships, so none is taken away; the `writers` table decides here.
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(ROLES[role]), sql.Identifier(login)))
    except psycopg.errors.InsufficientPrivilege as e:
        raise Refused("pg_denied", url=url, reason=str(e).strip().splitlines()[0]) from None
    finally:
        conn.close()


def _rights(conn, login: str) -> dict | None:
    rows = conn.execute(
        "SELECT w.role, a.code FROM writers w LEFT JOIN agencies a ON a.id = w.agency_id"
        ' WHERE w.login = %s ORDER BY a.code COLLATE "C"',
        [login],
    ).fetchall()
    if not rows:
        return None
    return {"login": login, "role": rows[0]["role"], "agencies": [r["code"] for r in rows if r["code"]]}


def _audit(conn, action: str, before, after) -> None:
    """The event of a change of rights, in its transaction; the trigger sets who and when."""
    conn.execute("SELECT id FROM write_lock FOR UPDATE")  # ids without gaps
    conn.execute(
        "INSERT INTO events (id, at, actor, action, before, after)"
        " VALUES ((SELECT coalesce(max(id), 0) + 1 FROM events), '', '', %s, %s, %s)",
        [action, dumps(before), dumps(after)],
    )


def revoke(url: str, login: str) -> bool:
    """Take away what `login` may write in this register; False if it had nothing here.
    Its group role stays (another register on the server may name it): here it reads."""
    require(url, "psycopg")
    import psycopg
    from psycopg import sql

    conn = _connect_as_owner(url)
    try:
        with conn.transaction():
            conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER)))
            before = _rights(conn, login)
            gone = conn.execute("DELETE FROM writers WHERE login = %s", [login]).rowcount
            if gone:
                _audit(conn, "admin_revoke", before, None)
    except psycopg.errors.InsufficientPrivilege as e:
        raise Refused("pg_denied", url=url, reason=str(e).strip().splitlines()[0]) from None
    finally:
        conn.close()
    return bool(gone)


def users(url: str) -> list[dict]:
    """Who may do what in this register: login, role, agencies (codes), sorted by login; and
    of those agencies, the ones retired or merged away (`retired`: code → its day, and the
    agency it merged into or None)."""
    require(url, "psycopg")
    import psycopg

    conn = connect(url)
    try:
        rows = conn.execute(
            "SELECT w.login, w.role, a.code, a.retired_on, m.merged_on, n.code AS merged_into FROM writers w"
            " LEFT JOIN agencies a ON a.id = w.agency_id"
            " LEFT JOIN mergers m ON m.old_agency_id = a.id AND m.undone_event IS NULL"
            " LEFT JOIN agencies n ON n.id = m.new_agency_id"
            ' ORDER BY w.login COLLATE "C", a.code COLLATE "C"'
        ).fetchall()
    except psycopg.errors.UndefinedTable:
        raise Refused("pg_needs_upgrade", url=url) from None
    finally:
        conn.close()
    out: dict[str, dict] = {}
    for r in rows:
        entry = out.setdefault(r["login"], {"login": r["login"], "role": r["role"], "agencies": [], "retired": {}})
        if r["code"]:
            entry["agencies"].append(r["code"])
            # a grant of an agency retired or merged away stays (docs/commands.md "agency merge"): flagged
            if r["merged_on"] or r["retired_on"]:
                day = r["merged_on"] or r["retired_on"]
                entry["retired"][r["code"]] = {"on": str(day), "into": r["merged_into"]}
    for entry in out.values():
        if not entry["retired"]:
            del entry["retired"]  # only a grant that names such an agency says so
    return list(out.values())


class Administration:
    """The administration of the register at `url` (storage/backend.py `Administration`)."""

    roles = tuple(ROLES)

    def __init__(self, url: str):
        self.url = url

    def upgrade(self) -> list[str]:
        return upgrade(self.url)

    def make_roles(self) -> list[str]:
        conn = connect(self.url)
        try:
            return create_groups(conn, self.url)
        finally:
            conn.close()

    def grant(self, login: str, role: str, agencies: list[dict]) -> None:
        grant(self.url, login, role, agencies)

    def revoke(self, login: str) -> bool:
        return revoke(self.url, login)

    def users(self) -> list[dict]:
        return users(self.url)
