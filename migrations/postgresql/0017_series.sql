-- Periodic tasks (nhiệm vụ định kỳ; docs/commands.md "recur"): the tables of the SQLite
-- migration of this name, and the rights of docs/postgresql.md. A series belongs to its lead agency's
-- writers: a liaison adds, edits and stops only the series of its agencies, and records
-- their events (recur_add, recur_edit, recur_stop, through 0009's taskreg_event, each
-- naming its series in `after`); the office, every series.

CREATE TABLE series (
    id         integer PRIMARY KEY,
    uid        ctext NOT NULL UNIQUE,
    title      ctext NOT NULL,
    agency_id  integer NOT NULL REFERENCES agencies (id),
    every      ctext NOT NULL CHECK (every IN ('month', 'quarter', 'half-year', 'year')),
    due_day    integer NOT NULL CHECK (due_day BETWEEN 1 AND 31),
    due_after  boolean NOT NULL DEFAULT false,
    starred    boolean NOT NULL DEFAULT false,
    from_on    date NOT NULL,
    stopped_on date
);

CREATE TABLE series_co_agencies (
    series_id integer NOT NULL REFERENCES series (id),
    agency_id integer NOT NULL REFERENCES agencies (id),
    PRIMARY KEY (series_id, agency_id)
);

-- A period's task names its series and the period's first day: at most one per period.
-- DEFERRABLE: an import writes a JSON export's series and tasks in one transaction.
ALTER TABLE tasks ADD COLUMN series_id integer REFERENCES series (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE tasks ADD COLUMN period_start date;
CREATE UNIQUE INDEX tasks_series_period ON tasks (series_id, period_start) WHERE series_id IS NOT NULL;

CREATE FUNCTION taskreg_series_agency(s integer) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT agency_id FROM series WHERE id = s
$$;

-- Ids in order, as 0008's tables (the office's import of a JSON export keeps the file's).
CREATE TRIGGER series_next_id AFTER INSERT ON series REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_next_ids_only();

ALTER TABLE series ENABLE ROW LEVEL SECURITY;
ALTER TABLE series FORCE ROW LEVEL SECURITY;
ALTER TABLE series_co_agencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE series_co_agencies FORCE ROW LEVEL SECURITY;

CREATE POLICY series_read ON series FOR SELECT USING (true);
CREATE POLICY series_add ON series FOR INSERT WITH CHECK (taskreg_may_write(agency_id));
-- moved to another agency: the login must write both (USING the old row, CHECK the new)
CREATE POLICY series_change ON series FOR UPDATE USING (taskreg_may_write(agency_id))
    WITH CHECK (taskreg_may_write(agency_id));

CREATE POLICY series_co_read ON series_co_agencies FOR SELECT USING (true);
CREATE POLICY series_co_add ON series_co_agencies FOR INSERT
    WITH CHECK (taskreg_may_write(taskreg_series_agency(series_id)));
CREATE POLICY series_co_remove ON series_co_agencies FOR DELETE
    USING (taskreg_may_write(taskreg_series_agency(series_id)));

GRANT SELECT ON series, series_co_agencies TO taskreg_reader, taskreg_liaison, taskreg_office;
GRANT INSERT ON series TO taskreg_liaison, taskreg_office;
-- Not the id, the uid, the period or the first day: only what `recur edit` and `recur stop` change.
GRANT UPDATE (title, agency_id, due_day, due_after, starred, stopped_on) ON series
    TO taskreg_liaison, taskreg_office;
GRANT INSERT, DELETE ON series_co_agencies TO taskreg_liaison, taskreg_office;

-- A task as an event describes it (0015's, with its series): a period's task's `add` says
-- which series made it.
CREATE OR REPLACE FUNCTION taskreg_task_view(task integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'uid', t.uid, 'title', t.title, 'agency', a.code,
        'co_agencies', coalesce((SELECT jsonb_agg(ca.code ORDER BY ca.code) FROM task_co_agencies c
                                 JOIN agencies ca ON ca.id = c.agency_id WHERE c.task_id = t.id), '[]'::jsonb),
        'assigned_on', t.assigned_on, 'due_on', t.due_on, 'done_on', t.done_on,
        'cancelled_on', t.cancelled_on, 'cancel_reason', t.cancel_reason, 'source', t.source,
        'source_date', t.source_date, 'assigned_by', t.assigned_by, 'note', t.note, 'result', t.result,
        'starred', t.starred, 'awaiting_since', t.awaiting_since, 'confirmed_on', t.confirmed_on,
        'series', t.series_id)
    FROM tasks t JOIN agencies a ON a.id = t.agency_id WHERE t.id = task
$$;

-- 0015's events_add, whole, and a series' events: a liaison records those of its own
-- agencies' series (the series named in `after`, as it is once the change is made; a series
-- moved from another agency is that agency's too, by the `before` clause below).
ALTER POLICY events_add ON events WITH CHECK (
    CASE WHEN task_id IS NULL
         THEN taskreg_is_office() OR (action = 'import' AND taskreg_is_liaison())
              OR (action IN ('recur_add', 'recur_edit', 'recur_stop') AND imported_by IS NULL
                  AND taskreg_may_write(taskreg_series_agency((after::json ->> 'series')::integer)))
         ELSE taskreg_may_write(taskreg_task_agency(task_id))
              AND (action NOT IN ('amend_published', 'confirm', 'return') OR taskreg_is_office())
              AND (action <> 'remind' OR imported_by IS NOT NULL OR taskreg_is_office()) END
    AND ((before::json ->> 'agency') IS NULL
         OR taskreg_may_write((SELECT a.id FROM agencies a WHERE a.code = before::json ->> 'agency'))));

-- The database audits a series too (docs/postgresql.md, migration 0009): a change of a series with no recur event of it
-- in its transaction (plain SQL) gets one the database writes itself, with the row before and
-- after; a series an import brings is its import's.
CREATE FUNCTION taskreg_series_view(s series) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('series', s.id, 'uid', s.uid, 'title', s.title, 'agency_id', s.agency_id,
                              'every', s.every, 'due_day', s.due_day, 'due_after', s.due_after,
                              'starred', s.starred, 'from_on', s.from_on, 'stopped_on', s.stopped_on)
$$;

CREATE FUNCTION taskreg_audit_series() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now_xid xid := pg_current_xact_id()::xid;
BEGIN
    IF EXISTS (SELECT 1 FROM events e WHERE e.xmin = now_xid AND e.task_id IS NULL
                 AND ((e.action IN ('recur_add', 'recur_edit', 'recur_stop')
                       AND (e.after::json ->> 'series') = NEW.id::text)
                      OR e.action = 'import')) THEN
        RETURN NULL;
    END IF;
    INSERT INTO events (id, at, actor, action, task_id, before, after, written_by)
    VALUES ((SELECT coalesce(max(id), 0) + 1 FROM events), '', '',
            CASE WHEN TG_OP = 'INSERT' THEN 'recur_add' ELSE 'recur_edit' END, NULL,
            CASE WHEN TG_OP = 'UPDATE' THEN taskreg_series_view(OLD)::text END,
            taskreg_series_view(NEW)::text, 'database');
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER series_audited AFTER INSERT OR UPDATE ON series
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskreg_audit_series();
