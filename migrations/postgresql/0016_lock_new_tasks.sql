-- `lock-published on` holds against a task added into a published period too, by hand or by
-- an import, through taskreg or plain SQL (taskreg.domain.guard: Guard.after with new=True,
-- Guard.imported). 0009's tasks_lock_published sees only updates.
--
-- Once per statement, and only while the lock is on, the statement's new tasks that a
-- latest publication counts are noted; at commit each noted task is refused unless the
-- office amended the figures in the same transaction (`--amend-published`: its
-- amend_published event names the task, or names none for an import). With the lock off a
-- statement costs one settings lookup, so a large import pays nothing per row.
CREATE TABLE lock_pending (
    xact    xid8 NOT NULL,
    task_id integer NOT NULL,
    publication integer NOT NULL,
    PRIMARY KEY (xact, task_id)
);
REVOKE ALL ON lock_pending FROM PUBLIC;

CREATE FUNCTION taskreg_lock_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM settings WHERE key = 'lock-published' AND value = 'on') THEN
        RETURN NULL;
    END IF;
    INSERT INTO lock_pending
    SELECT DISTINCT ON (a.id) pg_current_xact_id(), a.id, p.id
    FROM added a
    JOIN (SELECT DISTINCT ON (start_on, end_on, coalesce(agency_id, 0), as_of) *
          FROM publications ORDER BY start_on, end_on, coalesce(agency_id, 0), as_of, version DESC) p
      ON taskreg_published_place(a.assigned_on, a.agency_id, a.due_on, a.done_on, a.cancelled_on,
                                 p.start_on, p.end_on, p.agency_id, p.as_of) IS NOT NULL
    ORDER BY a.id, p.id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER tasks_lock_added AFTER INSERT ON tasks REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_lock_added();

CREATE FUNCTION taskreg_lock_added_commit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM lock_pending WHERE xact = NEW.xact AND task_id = NEW.task_id;
    IF taskreg_is_office() AND EXISTS (
            SELECT 1 FROM events e WHERE e.action = 'amend_published'
              AND (e.task_id = NEW.task_id OR e.task_id IS NULL)
              AND e.xmin = pg_current_xact_id()::xid) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'task %: lock-published is on and the new task moves the figures of publication %',
        NEW.task_id, NEW.publication USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE CONSTRAINT TRIGGER lock_pending_commit AFTER INSERT ON lock_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskreg_lock_added_commit();
