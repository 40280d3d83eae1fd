-- Which imports brought history (a JSON export's events, marked imported_by): a report
-- looks at each imported task's events only for those imports (storage/sql.py
-- `recorded_after`); a register with no imported history keeps this index empty.
CREATE INDEX events_imported ON events (imported_by) WHERE imported_by IS NOT NULL;

-- The hardening triggers of 0001 and 0005 judged once per statement where they judged
-- each row: an import's INSERT … SELECT of a million tasks called them a million times
-- each (README, Performance). What they admit is unchanged.

-- Ids in order: the rows of one statement must continue the table's ids with no gap and
-- none above them (as rows taken one by one at max + 1 do), except the office's.
CREATE FUNCTION taskreg_next_ids_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    lo integer;
    hi integer;
    n bigint;
    last integer;
    top integer;
BEGIN
    IF taskreg_is_office() THEN
        RETURN NULL;
    END IF;
    SELECT min(id), max(id), count(*) INTO lo, hi, n FROM added;
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT coalesce(max(id), 0) FROM %I WHERE id < $1', TG_TABLE_NAME) INTO last USING lo;
    EXECUTE format('SELECT max(id) FROM %I', TG_TABLE_NAME) INTO top;
    IF lo <> last + 1 OR hi - lo + 1 <> n OR top <> hi THEN
        RAISE EXCEPTION 'the next % id is %, not %', TG_TABLE_NAME, last + 1,
            CASE WHEN lo <> last + 1 THEN lo ELSE hi END
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER tasks_next_id ON tasks;
DROP TRIGGER events_next_id ON events;
DROP TRIGGER deadlines_next_id ON deadlines;
DROP TRIGGER publications_next_id ON publications;
CREATE TRIGGER tasks_next_id AFTER INSERT ON tasks REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_next_ids_only();
CREATE TRIGGER events_next_id AFTER INSERT ON events REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_next_ids_only();
CREATE TRIGGER deadlines_next_id AFTER INSERT ON deadlines REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_next_ids_only();
CREATE TRIGGER publications_next_id AFTER INSERT ON publications REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_next_ids_only();
DROP FUNCTION taskreg_next_id_only();

-- Every new deadline, and every task an import brings, names the event that made it
-- (deadlines.event_id, tasks.import_event), written before it in the same transaction
-- (taskreg writes the event first: taskreg/service.py, taskreg/bulk.py): checked when the
-- statement ends, one query for all its rows. A row whose event is not an import of this
-- transaction passes only if its task has an event of this transaction, as in
-- taskreg_require_event. A task added with no import_event, an update of a task and a
-- change of coordinating agencies are still checked row by row at commit (their event
-- is written after them).
CREATE FUNCTION taskreg_require_events() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now_xid xid := pg_current_xact_id()::xid;
    via integer;
    task integer;
BEGIN
    IF TG_TABLE_NAME = 'tasks' THEN
        FOR via IN SELECT DISTINCT a.import_event FROM added a WHERE a.import_event IS NOT NULL LOOP
            CONTINUE WHEN EXISTS (SELECT 1 FROM events e WHERE e.id = via AND e.action = 'import' AND e.xmin = now_xid);
            SELECT a.id INTO task FROM added a WHERE a.import_event = via
                AND NOT EXISTS (SELECT 1 FROM events e WHERE e.task_id = a.id AND e.xmin = now_xid) LIMIT 1;
            EXIT WHEN FOUND;
        END LOOP;
    ELSE
        FOR via IN SELECT DISTINCT a.event_id FROM added a LOOP
            CONTINUE WHEN EXISTS (SELECT 1 FROM events e WHERE e.id = via AND e.action = 'import' AND e.xmin = now_xid);
            SELECT a.task_id INTO task FROM added a WHERE a.event_id = via
                AND NOT EXISTS (SELECT 1 FROM events e WHERE e.task_id = a.task_id AND e.xmin = now_xid) LIMIT 1;
            EXIT WHEN FOUND;
        END LOOP;
    END IF;
    IF task IS NOT NULL THEN
        RAISE EXCEPTION 'task %: a change needs its event in the same transaction', task
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER tasks_audited ON tasks;
DROP TRIGGER deadlines_audited ON deadlines;
CREATE CONSTRAINT TRIGGER tasks_audited AFTER UPDATE ON tasks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskreg_require_event();
CREATE CONSTRAINT TRIGGER tasks_added AFTER INSERT ON tasks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.import_event IS NULL)
    EXECUTE FUNCTION taskreg_require_event();
CREATE TRIGGER tasks_imported AFTER INSERT ON tasks REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_require_events();
CREATE TRIGGER deadlines_audited AFTER INSERT ON deadlines REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_require_events();
