-- Every event keeps when it was recorded (`at`) and the date it claims (`claimed_on`);
-- `correction_from`, `clock` and `imported_by` as in the SQLite migration of this name.
ALTER TABLE events ADD COLUMN claimed_on date;
ALTER TABLE events ADD COLUMN correction_from date;
ALTER TABLE events ADD COLUMN clock ctext;
ALTER TABLE events ADD COLUMN imported_by integer;
-- INCLUDE (id): a report's count of what an import brought reads the index alone (SQLite's
-- indexes carry the row id by themselves).
CREATE INDEX tasks_import ON tasks (import_event, assigned_on, agency_id) INCLUDE (id);
-- An event's actor is the login, and its time the server's (unless the owner allowed a
-- pinned clock): set here, so that TASKREG_USER cannot forge either. History an import
-- brings keeps what its file claims, marked by imported_by, and only for a task that
-- this transaction's own import brought: nobody writes "imported" events of their own.
CREATE FUNCTION taskreg_stamp_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.imported_by IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM events i JOIN tasks t ON t.import_event = i.id
            WHERE i.id = NEW.imported_by AND i.action = 'import' AND t.id = NEW.task_id
              AND i.xmin = pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'imported history must be of a task brought by this transaction''s import'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.imported_by IS NULL THEN
        NEW.actor := session_user;
        IF NEW.clock IS DISTINCT FROM 'pinned' OR NOT EXISTS (
                SELECT 1 FROM register_options WHERE key = 'pinned-clock' AND value = 'allowed') THEN
            NEW.at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00';
            NEW.clock := NULL;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER events_stamp BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION taskreg_stamp_event();

-- Every change of a task, its deadlines and its coordinating agencies comes with its event
-- in the same transaction (taskreg always writes both), checked at commit: a session that
-- changes a task with plain SQL and no event is refused, so the audit log misses nothing.
CREATE FUNCTION taskreg_require_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    task integer;
    via integer;  -- the event that names the change itself, when the row says which
    now_xid xid := pg_current_xact_id()::xid;
BEGIN
    IF TG_TABLE_NAME = 'tasks' THEN
        task := NEW.id;
        IF TG_OP = 'INSERT' THEN via := NEW.import_event; END IF;
    ELSIF TG_TABLE_NAME = 'deadlines' THEN
        task := NEW.task_id;
        via := NEW.event_id;
    ELSIF TG_OP = 'DELETE' THEN
        task := OLD.task_id;
    ELSE
        task := NEW.task_id;
        SELECT t.import_event INTO via FROM tasks t WHERE t.id = task;
    END IF;
    IF via IS NOT NULL AND EXISTS (SELECT 1 FROM events e WHERE e.id = via AND e.xmin = now_xid
                                   AND (e.task_id = task OR e.action = 'import')) THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM events e WHERE e.task_id = task AND e.xmin = now_xid) THEN
        RAISE EXCEPTION 'task %: a change needs its event in the same transaction', task
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER tasks_audited AFTER INSERT OR UPDATE ON tasks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskreg_require_event();
CREATE CONSTRAINT TRIGGER deadlines_audited AFTER INSERT ON deadlines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskreg_require_event();
CREATE CONSTRAINT TRIGGER co_agencies_audited AFTER INSERT OR DELETE ON task_co_agencies
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskreg_require_event();
