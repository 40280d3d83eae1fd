-- The register on PostgreSQL (README "Several offices: PostgreSQL"): the same tables as
-- the SQLite migration of this name, owned by taskreg_owner and applied by
-- `taskreg db upgrade`, with the rights of SPEC §9 enforced by the database itself.
-- Dates are `date` columns; text compares and sorts by code point, as SQLite's does.

CREATE DOMAIN ctext AS text COLLATE "C";

CREATE TABLE settings (
    key   ctext PRIMARY KEY,
    value ctext NOT NULL
);

CREATE TABLE agencies (
    id        integer PRIMARY KEY,
    code      ctext NOT NULL UNIQUE,
    name      ctext NOT NULL,
    kind      ctext,
    code_fold ctext NOT NULL UNIQUE,
    name_fold ctext NOT NULL UNIQUE
);

-- The audit log: nobody but the owner may change or delete an event (no such grant).
CREATE TABLE events (
    id      integer PRIMARY KEY,
    at      ctext NOT NULL,
    actor   ctext NOT NULL,
    action  ctext NOT NULL,
    task_id integer,
    before  ctext,
    after   ctext,
    reason  ctext
);
CREATE INDEX events_task ON events (task_id, id);
CREATE INDEX events_at ON events (at);

CREATE TABLE tasks (
    id            integer PRIMARY KEY,
    uid           ctext NOT NULL UNIQUE,
    title         ctext NOT NULL,
    agency_id     integer NOT NULL REFERENCES agencies (id),
    assigned_on   date NOT NULL,
    due_on        date,
    done_on       date,
    result        ctext,
    source        ctext,
    source_date   date,
    assigned_by   ctext,
    note          ctext,
    cancelled_on  date,
    cancel_reason ctext,
    search        ctext NOT NULL,
    import_event  integer REFERENCES events (id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (due_on IS NULL OR due_on >= assigned_on),
    CHECK (done_on IS NULL OR done_on >= assigned_on),
    CHECK (cancelled_on IS NULL OR cancelled_on >= assigned_on),
    CHECK (done_on IS NULL OR cancelled_on IS NULL)
);
CREATE INDEX tasks_report ON tasks (assigned_on, agency_id, due_on, done_on, cancelled_on);
CREATE INDEX tasks_agency ON tasks (agency_id, due_on);
CREATE INDEX tasks_due ON tasks (due_on, done_on);

CREATE TABLE task_co_agencies (
    task_id   integer NOT NULL REFERENCES tasks (id),
    agency_id integer NOT NULL REFERENCES agencies (id),
    PRIMARY KEY (task_id, agency_id)
);

CREATE TABLE deadlines (
    id         integer PRIMARY KEY,
    task_id    integer NOT NULL REFERENCES tasks (id),
    due_on     date,
    kind       ctext NOT NULL CHECK (kind IN ('initial', 'extension', 'correction')),
    decided_on date NOT NULL,
    reason     ctext,
    event_id   integer NOT NULL REFERENCES events (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX deadlines_task ON deadlines (task_id, id);

-- Who may write what in this register (group roles are shared by every register on a
-- server; a grant here gives nothing in another). Written by `taskreg admin` as the owner.
CREATE TABLE writers (
    login     ctext NOT NULL,
    role      ctext NOT NULL CHECK (role IN ('office', 'liaison', 'reader')),
    agency_id integer REFERENCES agencies (id),
    CHECK ((role = 'liaison') = (agency_id IS NOT NULL))
);
CREATE UNIQUE INDEX writers_one ON writers (login, coalesce(agency_id, 0));

-- What only the owner decides: 'pinned-clock' = 'allowed' lets TASKREG_TODAY pin the
-- date of what is recorded (a test register, SPEC §2).
CREATE TABLE register_options (
    key   ctext PRIMARY KEY,
    value ctext NOT NULL
);

-- The rights, read by the policies: SECURITY DEFINER, so that they read `writers` as the
-- owner, and judged by session_user, the login (SET ROLE does not change it). Their
-- search_path puts pg_temp last, so that no session's temporary table shadows a table.
CREATE FUNCTION taskreg_is_office() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'taskreg_office', 'MEMBER')
       AND EXISTS (SELECT 1 FROM writers WHERE login = session_user AND role = 'office')
$$;

CREATE FUNCTION taskreg_may_write(agency integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT taskreg_is_office()
        OR (pg_has_role(session_user, 'taskreg_liaison', 'MEMBER')
            AND EXISTS (SELECT 1 FROM writers
                        WHERE login = session_user AND role = 'liaison' AND agency_id = agency))
$$;

CREATE FUNCTION taskreg_is_liaison() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'taskreg_liaison', 'MEMBER')
       AND EXISTS (SELECT 1 FROM writers WHERE login = session_user AND role = 'liaison')
$$;

CREATE FUNCTION taskreg_task_agency(task integer) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT agency_id FROM tasks WHERE id = task
$$;

-- The register's write lock: every taskreg writer takes this row FOR UPDATE first, so
-- writers queue as SQLite's do and ids stay gap-free; only writers may take it.
CREATE TABLE write_lock (id integer PRIMARY KEY CHECK (id = 1));
INSERT INTO write_lock VALUES (1);

-- Ids are taken in order (max + 1, inside the write lock): a row that jumps ahead (an id
-- of 2147483647 would stop every later write) is refused, except from the office, whose
-- import of a JSON export keeps the file's ids.
CREATE FUNCTION taskreg_next_id_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    last integer;
BEGIN
    IF taskreg_is_office() THEN  -- first: an office import of many rows reads no max(id)
        RETURN NEW;
    END IF;
    EXECUTE format('SELECT coalesce(max(id), 0) FROM %I', TG_TABLE_NAME) INTO last;
    IF NEW.id <> last + 1 THEN
        RAISE EXCEPTION 'the next % id is %, not %', TG_TABLE_NAME, last + 1, NEW.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER tasks_next_id BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION taskreg_next_id_only();
CREATE TRIGGER events_next_id BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION taskreg_next_id_only();
CREATE TRIGGER deadlines_next_id BEFORE INSERT ON deadlines FOR EACH ROW EXECUTE FUNCTION taskreg_next_id_only();

-- Row-level security, forced (the owner too is held to it; only a superuser is not).
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings FORCE ROW LEVEL SECURITY;
ALTER TABLE agencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE agencies FORCE ROW LEVEL SECURITY;
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
ALTER TABLE task_co_agencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_co_agencies FORCE ROW LEVEL SECURITY;
ALTER TABLE deadlines ENABLE ROW LEVEL SECURITY;
ALTER TABLE deadlines FORCE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;

CREATE POLICY settings_read ON settings FOR SELECT USING (true);
CREATE POLICY settings_add ON settings FOR INSERT WITH CHECK (taskreg_is_office());
CREATE POLICY settings_change ON settings FOR UPDATE USING (taskreg_is_office())
    WITH CHECK (taskreg_is_office());

CREATE POLICY agencies_read ON agencies FOR SELECT USING (true);
CREATE POLICY agencies_add ON agencies FOR INSERT WITH CHECK (taskreg_is_office());
CREATE POLICY agencies_change ON agencies FOR UPDATE USING (taskreg_is_office())
    WITH CHECK (taskreg_is_office());

CREATE POLICY tasks_read ON tasks FOR SELECT USING (true);
CREATE POLICY tasks_add ON tasks FOR INSERT WITH CHECK (taskreg_may_write(agency_id));
CREATE POLICY tasks_change ON tasks FOR UPDATE USING (taskreg_may_write(agency_id))
    WITH CHECK (taskreg_may_write(agency_id));

CREATE POLICY co_read ON task_co_agencies FOR SELECT USING (true);
CREATE POLICY co_add ON task_co_agencies FOR INSERT
    WITH CHECK (taskreg_may_write(taskreg_task_agency(task_id)));
CREATE POLICY co_remove ON task_co_agencies FOR DELETE
    USING (taskreg_may_write(taskreg_task_agency(task_id)));

CREATE POLICY deadlines_read ON deadlines FOR SELECT USING (true);
CREATE POLICY deadlines_add ON deadlines FOR INSERT
    WITH CHECK (taskreg_may_write(taskreg_task_agency(task_id)));

CREATE POLICY events_read ON events FOR SELECT USING (true);
-- `taskreg admin grant|revoke` records what it changed, working as the owner.
CREATE POLICY events_owner ON events FOR INSERT TO taskreg_owner
    WITH CHECK (action IN ('admin_grant', 'admin_revoke') AND task_id IS NULL);
CREATE POLICY events_add ON events FOR INSERT WITH CHECK (
    CASE WHEN task_id IS NULL THEN taskreg_is_office() OR (action = 'import' AND taskreg_is_liaison())
         ELSE taskreg_may_write(taskreg_task_agency(task_id)) END
    -- an event that says a task came from another agency is that agency's too
    AND ((before::json ->> 'agency') IS NULL
         OR taskreg_may_write((SELECT a.id FROM agencies a WHERE a.code = before::json ->> 'agency'))));

GRANT SELECT ON settings, agencies, events, tasks, task_co_agencies, deadlines, writers,
    register_options, write_lock TO taskreg_reader, taskreg_liaison, taskreg_office;
GRANT UPDATE ON write_lock TO taskreg_liaison, taskreg_office;
-- Nobody else creates objects here (PostgreSQL 15's default; older servers granted it).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT INSERT, UPDATE ON settings, agencies TO taskreg_office;
GRANT INSERT ON tasks TO taskreg_liaison, taskreg_office;
-- Not the id, the uid or the import a task came with: only what a command changes.
GRANT UPDATE (title, agency_id, assigned_on, due_on, done_on, result, source, source_date,
              assigned_by, note, cancelled_on, cancel_reason, search)
    ON tasks TO taskreg_liaison, taskreg_office;
GRANT INSERT, DELETE ON task_co_agencies TO taskreg_liaison, taskreg_office;
GRANT INSERT ON deadlines, events TO taskreg_liaison, taskreg_office;
