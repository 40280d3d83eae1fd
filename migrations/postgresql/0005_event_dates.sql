-- Every event keeps when it was recorded (`at`) and the date it claims (`claimed_on`);
-- `correction_from`, `clock` and `imported_by` as in the SQLite migration of this name.
ALTER TABLE events ADD COLUMN claimed_on date;
ALTER TABLE events ADD COLUMN correction_from date;
ALTER TABLE events ADD COLUMN clock ctext;
ALTER TABLE events ADD COLUMN imported_by integer;
CREATE INDEX tasks_import ON tasks (import_event, assigned_on, agency_id);
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
