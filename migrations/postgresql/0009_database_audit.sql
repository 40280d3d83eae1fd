-- The database writes the audit trail (SPEC §9, issue 23): what any login changes, through
-- taskreg or plain SQL, is recorded with its real before and after, the session's login and
-- the server's time; taskreg supplies only the why. Publications are the office's, and
-- `lock-published` is the database's to enforce.

-- Events written before this migration are the client's word: marked so.
ALTER TABLE events ADD COLUMN written_by ctext;
UPDATE events SET written_by = 'client';

-- What a task is, as an event describes it (taskreg.domain.model TASK_FIELDS, and the
-- cancellation's reason), read from the table.
CREATE FUNCTION taskreg_task_view(task integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'uid', t.uid, 'title', t.title, 'agency', a.code,
        'co_agencies', coalesce((SELECT jsonb_agg(ca.code ORDER BY ca.code) FROM task_co_agencies c
                                 JOIN agencies ca ON ca.id = c.agency_id WHERE c.task_id = t.id), '[]'::jsonb),
        'assigned_on', t.assigned_on, 'due_on', t.due_on, 'done_on', t.done_on,
        'cancelled_on', t.cancelled_on, 'cancel_reason', t.cancel_reason, 'source', t.source,
        'source_date', t.source_date, 'assigned_by', t.assigned_by, 'note', t.note, 'result', t.result)
    FROM tasks t JOIN agencies a ON a.id = t.agency_id WHERE t.id = task
$$;

-- The tasks changed in each transaction, with what they were before its first change (NULL:
-- added by it): written by the triggers below, consumed at commit. Nobody else reads it.
CREATE TABLE audit_pending (
    xact    xid8 NOT NULL,
    task_id integer NOT NULL,
    before  jsonb,
    PRIMARY KEY (xact, task_id)
);
REVOKE ALL ON audit_pending FROM PUBLIC;

CREATE FUNCTION taskreg_audit_task() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_pending VALUES (pg_current_xact_id(), NEW.id, NULL) ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    INSERT INTO audit_pending VALUES (pg_current_xact_id(), OLD.id, taskreg_task_view(OLD.id))
        ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;
-- Before an update (the row as it was); after a task added by hand (an import's tasks are
-- its event's, checked per statement by 0008's tasks_imported).
CREATE TRIGGER tasks_audit_before BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION taskreg_audit_task();
CREATE TRIGGER tasks_audit_added AFTER INSERT ON tasks
    FOR EACH ROW WHEN (NEW.import_event IS NULL) EXECUTE FUNCTION taskreg_audit_task();

-- Coordinating agencies: once per statement; the task as it was before the statement is the
-- task now with the statement's rows put back. A task an import of this transaction brought
-- is its import's.
CREATE FUNCTION taskreg_audit_co() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_pending
        SELECT pg_current_xact_id(), x.task_id,
               taskreg_task_view(x.task_id) || jsonb_build_object('co_agencies', coalesce(
                   (SELECT jsonb_agg(ca.code ORDER BY ca.code) FROM task_co_agencies c
                    JOIN agencies ca ON ca.id = c.agency_id
                    WHERE c.task_id = x.task_id
                      AND NOT EXISTS (SELECT 1 FROM co_changed n WHERE n.task_id = c.task_id
                                      AND n.agency_id = c.agency_id)), '[]'::jsonb))
        FROM (SELECT DISTINCT n.task_id FROM co_changed n) x
        JOIN tasks t ON t.id = x.task_id
        WHERE t.import_event IS NULL OR NOT EXISTS (
            SELECT 1 FROM events e WHERE e.id = t.import_event AND e.action = 'import'
              AND e.xmin = pg_current_xact_id()::xid)
        ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO audit_pending
        SELECT pg_current_xact_id(), x.task_id,
               taskreg_task_view(x.task_id) || jsonb_build_object('co_agencies', coalesce(
                   (SELECT jsonb_agg(code ORDER BY code) FROM (
                        SELECT ca.code FROM task_co_agencies c JOIN agencies ca ON ca.id = c.agency_id
                        WHERE c.task_id = x.task_id
                        UNION
                        SELECT ca.code FROM co_changed o JOIN agencies ca ON ca.id = o.agency_id
                        WHERE o.task_id = x.task_id) AS codes), '[]'::jsonb))
        FROM (SELECT DISTINCT o.task_id FROM co_changed o) x
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER co_audit_added AFTER INSERT ON task_co_agencies REFERENCING NEW TABLE AS co_changed
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_audit_co();
CREATE TRIGGER co_audit_removed AFTER DELETE ON task_co_agencies REFERENCING OLD TABLE AS co_changed
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_audit_co();

-- At commit, each changed task's event: the one taskreg gave the why of (its command's
-- action, reason and claimed dates), its before and after rewritten from the rows, every
-- changed field in it; or, for a change that came with no event (plain SQL), one the
-- database writes itself. An event must describe what its action says.
CREATE FUNCTION taskreg_audit_commit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now_xid xid := pg_current_xact_id()::xid;
    now_row jsonb := taskreg_task_view(NEW.task_id);
    was jsonb := NEW.before;
    why events%ROWTYPE;
    keys text[];
    said jsonb;
    new_before jsonb;
    new_after jsonb;
BEGIN
    DELETE FROM audit_pending WHERE xact = NEW.xact AND task_id = NEW.task_id;
    SELECT * INTO why FROM events e
    WHERE e.task_id = NEW.task_id AND e.xmin = now_xid AND e.imported_by IS NULL
      AND e.action IN ('add', 'done', 'reopen', 'extend', 'cancel', 'edit')
    ORDER BY e.id LIMIT 1;
    -- the fields that changed, and those the why names (with their real values)
    SELECT coalesce(array_agg(k), '{}') INTO keys FROM jsonb_object_keys(now_row) k
    WHERE was IS NULL OR was -> k IS DISTINCT FROM now_row -> k;
    IF was IS NULL THEN  -- a new task: all of it (its cancellation's reason when it has one)
        keys := ARRAY(SELECT k FROM jsonb_object_keys(now_row) k
                      WHERE k <> 'cancel_reason' OR now_row ->> k IS NOT NULL);
    END IF;
    IF cardinality(keys) = 0 AND why.id IS NULL THEN
        RETURN NULL;  -- written as it was: nothing changed
    END IF;
    IF why.id IS NOT NULL THEN
        IF (why.action = 'add') <> (was IS NULL)
           OR (why.action = 'done' AND (now_row ->> 'done_on' IS NULL OR NOT 'done_on' = ANY (keys)))
           OR (why.action = 'reopen' AND (now_row ->> 'done_on' IS NOT NULL OR NOT 'done_on' = ANY (keys)))
           OR (why.action = 'cancel' AND (now_row ->> 'cancelled_on' IS NULL OR NOT 'cancelled_on' = ANY (keys)))
           OR (why.action = 'extend' AND NOT 'due_on' = ANY (keys))
           OR (why.action = 'edit' AND cardinality(keys) = 0) THEN
            RAISE EXCEPTION 'task %: the event % says what did not happen', NEW.task_id, why.action
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        said := coalesce(why.before::jsonb, '{}') || coalesce(why.after::jsonb, '{}');
        -- the cancellation's reason is the event's own reason
        IF why.action = 'cancel' AND now_row ->> 'cancel_reason' IS NOT DISTINCT FROM why.reason THEN
            keys := array_remove(keys, 'cancel_reason');
        END IF;
        keys := ARRAY(SELECT DISTINCT k FROM (SELECT unnest(keys) AS k
                      UNION SELECT k FROM jsonb_object_keys(said) k WHERE now_row ? k) AS ks);
    END IF;
    IF was IS NOT NULL THEN
        SELECT coalesce(jsonb_object_agg(k, was -> k), '{}') INTO new_before FROM unnest(keys) k;
    END IF;
    SELECT coalesce(jsonb_object_agg(k, now_row -> k), '{}') INTO new_after FROM unnest(keys) k;
    IF why.id IS NULL THEN
        INSERT INTO events (id, at, actor, action, task_id, before, after, written_by)
        VALUES ((SELECT coalesce(max(id), 0) + 1 FROM events), '', '',
                CASE WHEN was IS NULL THEN 'add' ELSE 'edit' END, NEW.task_id,
                new_before::text, new_after::text, 'database');
    ELSE
        -- what the why adds that is no field: the completion was backdated, the day decided
        new_after := new_after || coalesce((SELECT jsonb_object_agg(k, v) FROM jsonb_each(why.after::jsonb) AS j(k, v)
                                            WHERE k IN ('backdated', 'decided_on')), '{}');
        UPDATE events SET before = new_before::text, after = new_after::text, written_by = 'database'
        WHERE id = why.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER audit_pending_commit AFTER INSERT ON audit_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskreg_audit_commit();

-- The owner's functions finish this transaction's events (the only update of an event).
CREATE POLICY events_finish ON events FOR UPDATE TO taskreg_owner
    USING (xmin = pg_current_xact_id()::xid) WITH CHECK (true);

-- An event of a change must describe one that happened in its transaction: when the
-- transaction commits, it has been finished from the rows (above), or is about to be.
CREATE FUNCTION taskreg_event_of_a_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM events e WHERE e.id = NEW.id AND e.written_by = 'database')
       OR EXISTS (SELECT 1 FROM audit_pending p WHERE p.xact = pg_current_xact_id() AND p.task_id = NEW.task_id) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'task %: the event % describes no change of this transaction', NEW.task_id, NEW.action
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE CONSTRAINT TRIGGER events_of_a_change AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.task_id IS NOT NULL AND NEW.imported_by IS NULL
                       AND NEW.action IN ('add', 'done', 'reopen', 'extend', 'cancel', 'edit'))
    EXECUTE FUNCTION taskreg_event_of_a_change();

-- The database's own checks of 0005 replace these: a change with no event gets one.
DROP TRIGGER tasks_audited ON tasks;
DROP TRIGGER tasks_added ON tasks;
DROP TRIGGER co_agencies_audited ON task_co_agencies;

-- Who and when are the database's (as 0005), and so is every event from now on: a change's
-- event is finished at commit from the rows (written_by 'database' then); an imported
-- event keeps its file's actor and time and says so.
CREATE OR REPLACE FUNCTION taskreg_stamp_event() RETURNS trigger
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
    IF NEW.written_by IS DISTINCT FROM 'database' THEN
        NEW.written_by := CASE
            WHEN NEW.imported_by IS NOT NULL THEN 'import'
            WHEN NEW.task_id IS NOT NULL AND NEW.action IN ('add', 'done', 'reopen', 'extend', 'cancel', 'edit')
                THEN 'pending'  -- until its transaction's commit finishes it from the rows
            ELSE 'database' END;
    END IF;
    RETURN NEW;
END
$$;

-- No group role inserts an event: taskreg gives the why through this function, which
-- inserts it as the owner under the same policies (judged by the login, session_user), the
-- database stamping who and when; an event of a change is then finished from the rows.
CREATE FUNCTION taskreg_event(
    id integer, action text, task_id integer, before text, after text, reason text,
    claimed_on date, correction_from date, clock text, imported_by integer, at text, actor text
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT (pg_has_role(session_user, 'taskreg_office', 'MEMBER')
            OR pg_has_role(session_user, 'taskreg_liaison', 'MEMBER')) THEN
        RAISE EXCEPTION 'the login % may record no event', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO events (id, at, actor, action, task_id, before, after, reason, claimed_on,
                        correction_from, clock, imported_by)
    VALUES (taskreg_event.id, coalesce(taskreg_event.at, ''), coalesce(taskreg_event.actor, ''),
            taskreg_event.action, taskreg_event.task_id, taskreg_event.before, taskreg_event.after,
            taskreg_event.reason, taskreg_event.claimed_on, taskreg_event.correction_from,
            taskreg_event.clock, taskreg_event.imported_by);
    RETURN taskreg_event.id;
END
$$;
REVOKE ALL ON FUNCTION taskreg_event FROM PUBLIC;
GRANT EXECUTE ON FUNCTION taskreg_event TO taskreg_liaison, taskreg_office;
REVOKE INSERT ON events FROM taskreg_liaison, taskreg_office;

-- A deadline names the event that made it: an import of this transaction that brought its
-- task, or an event of this transaction of its own task that sets deadlines.
CREATE OR REPLACE FUNCTION taskreg_require_events() RETURNS trigger
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
        SELECT a.task_id INTO task FROM added a
        WHERE NOT EXISTS (
                SELECT 1 FROM events e JOIN tasks t ON t.import_event = e.id
                WHERE e.id = a.event_id AND e.action = 'import' AND e.xmin = now_xid AND t.id = a.task_id)
          AND NOT EXISTS (
                SELECT 1 FROM events e WHERE e.id = a.event_id AND e.task_id = a.task_id
                  AND e.action IN ('add', 'extend', 'edit') AND e.xmin = now_xid)
        LIMIT 1;
    END IF;
    IF task IS NOT NULL THEN
        RAISE EXCEPTION 'task %: a change needs its event in the same transaction', task
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

-- Publications are the office's (SPEC §9, §10): a liaison publishes nothing, through
-- taskreg or SQL.
ALTER POLICY publications_add ON publications WITH CHECK ((SELECT taskreg_is_office()));
REVOKE INSERT ON publications FROM taskreg_liaison;
ALTER POLICY events_add ON events WITH CHECK (
    CASE WHEN task_id IS NULL
         THEN taskreg_is_office() OR (action = 'import' AND taskreg_is_liaison())
         ELSE taskreg_may_write(taskreg_task_agency(task_id))
              AND (action <> 'amend_published' OR taskreg_is_office()) END
    AND ((before::json ->> 'agency') IS NULL
         OR taskreg_may_write((SELECT a.id FROM agencies a WHERE a.code = before::json ->> 'agency'))));

-- `lock-published on`: a change of a task that moves a published figure (its membership,
-- state or lead agency as of a publication's as-of date, taskreg.domain.guard) is refused at
-- commit, unless the office amends it (`--amend-published`: its amend_published event of
-- this task in this transaction).
CREATE FUNCTION taskreg_published_place(
    assigned_on date, agency_id integer, due_on date, done_on date, cancelled_on date,
    start_on date, end_on date, scope integer, as_of date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN assigned_on < start_on OR assigned_on > least(end_on, as_of) THEN NULL
        WHEN scope IS NOT NULL AND agency_id <> scope THEN NULL
        ELSE (CASE
                WHEN cancelled_on IS NOT NULL AND cancelled_on <= as_of THEN 'cancelled'
                WHEN done_on IS NOT NULL AND done_on <= as_of THEN
                    CASE WHEN due_on IS NULL OR done_on <= due_on THEN 'on_time' ELSE 'late' END
                WHEN due_on IS NOT NULL AND due_on < as_of THEN 'overdue'
                ELSE 'in_progress' END)
             || CASE WHEN scope IS NULL THEN ':' || agency_id ELSE '' END
    END
$$;

CREATE FUNCTION taskreg_lock_published() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM settings WHERE key = 'lock-published' AND value = 'on') THEN
        RETURN NULL;
    END IF;
    IF taskreg_is_office() AND EXISTS (
            SELECT 1 FROM events e WHERE e.action = 'amend_published' AND e.task_id = NEW.id
              AND e.xmin = pg_current_xact_id()::xid) THEN
        RETURN NULL;
    END IF;
    FOR p IN SELECT DISTINCT ON (start_on, end_on, coalesce(agency_id, 0), as_of) *
             FROM publications ORDER BY start_on, end_on, coalesce(agency_id, 0), as_of, version DESC LOOP
        IF taskreg_published_place(OLD.assigned_on, OLD.agency_id, OLD.due_on, OLD.done_on, OLD.cancelled_on,
                                   p.start_on, p.end_on, p.agency_id, p.as_of)
           IS DISTINCT FROM
           taskreg_published_place(NEW.assigned_on, NEW.agency_id, NEW.due_on, NEW.done_on, NEW.cancelled_on,
                                   p.start_on, p.end_on, p.agency_id, p.as_of) THEN
            RAISE EXCEPTION 'task %: lock-published is on and the change moves the figures of publication %',
                NEW.id, p.id USING ERRCODE = 'insufficient_privilege';
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER tasks_lock_published AFTER UPDATE ON tasks DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION taskreg_lock_published();
