-- The office's confirmation of a completion (SPEC §12; docs/postgresql.md "Confirmation of a
-- completion"): the columns of the SQLite migration of this name, and what the database
-- enforces. A liaison's change of a completion raises the flag while `confirm-completion` is
-- on (the trigger below, whatever the client sends); only the office confirms (sets
-- `confirmed_on`) or returns (its `return` event; `confirm` too), through taskreg or plain
-- SQL; reopening or returning clears the flag. The audit trail records both dates: they are
-- part of a task as an event describes it, and `confirm` and `return` are events of a change.

ALTER TABLE tasks ADD COLUMN awaiting_since date;
ALTER TABLE tasks ADD COLUMN confirmed_on date;
-- What the trigger below lets each login write of them.
GRANT UPDATE (awaiting_since, confirmed_on) ON tasks TO taskreg_liaison, taskreg_office;

-- The flag, as the database keeps it. The office writes it as it wishes (it confirms, and
-- its own completions await nobody); anyone else: a change of the completion raises it while
-- the setting is on (dated today: the server's day, or a test register's pinned day that the
-- client sent) and keeps it as it was while the setting is off; confirming, or changing the
-- flag otherwise, is refused. No completion (reopened, returned, never done): no flag.
CREATE FUNCTION taskreg_confirmation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    was_since date;
    was_confirmed date;
    was_done date;
    today date := (now() AT TIME ZONE 'UTC')::date;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        was_since := OLD.awaiting_since;
        was_confirmed := OLD.confirmed_on;
        was_done := OLD.done_on;
    END IF;
    IF NEW.done_on IS NULL THEN
        NEW.awaiting_since := NULL;
        NEW.confirmed_on := NULL;
        RETURN NEW;
    END IF;
    IF taskreg_is_office() THEN
        RETURN NEW;
    END IF;
    IF NEW.confirmed_on IS NOT NULL AND NEW.confirmed_on IS DISTINCT FROM was_confirmed THEN
        RAISE EXCEPTION 'task %: only the office confirms a completion', NEW.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.done_on IS DISTINCT FROM was_done THEN
        IF EXISTS (SELECT 1 FROM settings WHERE key = 'confirm-completion' AND value = 'on') THEN
            IF NEW.awaiting_since IS NOT NULL AND NEW.awaiting_since IS DISTINCT FROM was_since AND EXISTS (
                    SELECT 1 FROM register_options WHERE key = 'pinned-clock' AND value = 'allowed') THEN
                today := NEW.awaiting_since;
            END IF;
            NEW.awaiting_since := today;
            NEW.confirmed_on := NULL;
        ELSE
            NEW.awaiting_since := was_since;
            NEW.confirmed_on := was_confirmed;
        END IF;
    ELSIF NEW.awaiting_since IS DISTINCT FROM was_since OR NEW.confirmed_on IS DISTINCT FROM was_confirmed THEN
        RAISE EXCEPTION 'task %: only the office confirms or returns a completion', NEW.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER tasks_confirmation BEFORE UPDATE OF done_on, awaiting_since, confirmed_on ON tasks
    FOR EACH ROW EXECUTE FUNCTION taskreg_confirmation();
CREATE TRIGGER tasks_confirmation_added BEFORE INSERT ON tasks
    FOR EACH ROW WHEN (NEW.done_on IS NOT NULL OR NEW.awaiting_since IS NOT NULL OR NEW.confirmed_on IS NOT NULL)
    EXECUTE FUNCTION taskreg_confirmation();

-- A task as an event describes it (migration 0009, with 0012's `starred`) holds the two
-- dates too, so that the audit trail records a flag raised, a confirmation and a return with
-- their real values.
CREATE OR REPLACE FUNCTION taskreg_task_view(task integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'uid', t.uid, 'title', t.title, 'agency', a.code,
        'co_agencies', coalesce((SELECT jsonb_agg(ca.code ORDER BY ca.code) FROM task_co_agencies c
                                 JOIN agencies ca ON ca.id = c.agency_id WHERE c.task_id = t.id), '[]'::jsonb),
        'assigned_on', t.assigned_on, 'due_on', t.due_on, 'done_on', t.done_on,
        'cancelled_on', t.cancelled_on, 'cancel_reason', t.cancel_reason, 'source', t.source,
        'source_date', t.source_date, 'assigned_by', t.assigned_by, 'note', t.note, 'result', t.result,
        'starred', t.starred, 'awaiting_since', t.awaiting_since, 'confirmed_on', t.confirmed_on)
    FROM tasks t JOIN agencies a ON a.id = t.agency_id WHERE t.id = task
$$;

-- `confirm` and `return` are events of a change, finished from the rows at commit like
-- 0009's: a confirmation must have set `confirmed_on`, a return must have undone the completion.
CREATE OR REPLACE FUNCTION taskreg_audit_commit() RETURNS trigger
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
      AND e.action IN ('add', 'done', 'reopen', 'extend', 'cancel', 'edit', 'confirm', 'return')
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
           OR (why.action = 'edit' AND cardinality(keys) = 0)
           OR (why.action = 'confirm' AND (now_row ->> 'confirmed_on' IS NULL OR NOT 'confirmed_on' = ANY (keys)))
           OR (why.action = 'return' AND (now_row ->> 'done_on' IS NOT NULL OR NOT 'done_on' = ANY (keys))) THEN
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
            WHEN NEW.task_id IS NOT NULL
                 AND NEW.action IN ('add', 'done', 'reopen', 'extend', 'cancel', 'edit', 'confirm', 'return')
                THEN 'pending'  -- until its transaction's commit finishes it from the rows
            ELSE 'database' END;
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER events_of_a_change ON events;
CREATE CONSTRAINT TRIGGER events_of_a_change AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.task_id IS NOT NULL AND NEW.imported_by IS NULL
                       AND NEW.action IN ('add', 'done', 'reopen', 'extend', 'cancel', 'edit', 'confirm', 'return'))
    EXECUTE FUNCTION taskreg_event_of_a_change();

-- Confirming and returning are the office's, as amending a published figure is (and, as
-- 0013 says, sending reminders, but for a reminder an import brings).
ALTER POLICY events_add ON events WITH CHECK (
    CASE WHEN task_id IS NULL
         THEN taskreg_is_office() OR (action = 'import' AND taskreg_is_liaison())
         ELSE taskreg_may_write(taskreg_task_agency(task_id))
              AND (action NOT IN ('amend_published', 'confirm', 'return') OR taskreg_is_office())
              AND (action <> 'remind' OR imported_by IS NOT NULL OR taskreg_is_office()) END
    AND ((before::json ->> 'agency') IS NULL
         OR taskreg_may_write((SELECT a.id FROM agencies a WHERE a.code = before::json ->> 'agency'))));
