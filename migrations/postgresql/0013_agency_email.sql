-- Each agency's addresses for `taskreg remind --send` (docs/commands.md "remind"): one text,
-- the addresses separated by `;`, as `agency add|edit --email` checked them; NULL: none.
ALTER TABLE agencies ADD COLUMN email ctext;

-- The database audits them with the rest of the directory (0010): an agency as its events
-- describe it has its addresses, `agency edit` (agency_edit) is an event of the directory
-- that must describe a change of its transaction, and an agency added with addresses has
-- them in its agency_add event.
CREATE OR REPLACE FUNCTION taskreg_agency_view(a agencies) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('code', a.code, 'name', a.name, 'kind', a.kind, 'retired_on', a.retired_on,
                              'email', a.email)
$$;

CREATE OR REPLACE FUNCTION taskreg_audit_directory() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now_xid xid := pg_current_xact_id()::xid;
    was jsonb;
    now_row jsonb;
    why events%ROWTYPE;
    keys text[];
    actions text[];
    name text;
BEGIN
    IF TG_TABLE_NAME = 'agencies' THEN
        SELECT taskreg_agency_view(a) INTO now_row FROM agencies a WHERE a.id = NEW.id;
        IF TG_OP = 'UPDATE' THEN was := taskreg_agency_view(OLD); END IF;
        actions := ARRAY['agency_add', 'agency_rename', 'agency_retire', 'agency_edit'];
        name := NEW.code;
        SELECT * INTO why FROM events e
        WHERE e.xmin = now_xid AND e.task_id IS NULL AND e.imported_by IS NULL AND e.action = ANY (actions)
          AND coalesce(e.after::jsonb ->> 'code', e.before::jsonb ->> 'code') = NEW.code
        ORDER BY e.id LIMIT 1;
    ELSE
        SELECT jsonb_build_object(s.key, s.value) INTO now_row FROM settings s WHERE s.key = NEW.key;
        was := jsonb_build_object(NEW.key, CASE WHEN TG_OP = 'UPDATE' THEN OLD.value END);
        actions := ARRAY['config_set'];
        name := NEW.key;
        SELECT * INTO why FROM events e
        WHERE e.xmin = now_xid AND e.task_id IS NULL AND e.imported_by IS NULL AND e.action = 'config_set'
          AND e.after::jsonb ? NEW.key
        ORDER BY e.id LIMIT 1;
    END IF;
    SELECT coalesce(array_agg(k), '{}') INTO keys FROM jsonb_object_keys(now_row) k
    WHERE was IS NULL OR was -> k IS DISTINCT FROM now_row -> k;
    IF TG_TABLE_NAME = 'agencies' AND was IS NULL THEN
        keys := ARRAY['code', 'name', 'kind']
                || CASE WHEN now_row ->> 'email' IS NULL THEN '{}'::text[] ELSE ARRAY['email'] END;
    END IF;
    IF cardinality(keys) = 0 AND why.id IS NULL THEN
        RETURN NULL;
    END IF;
    -- an agency an import creates is its import's (the import event counts agencies_created)
    IF why.id IS NULL AND was IS NULL AND TG_TABLE_NAME = 'agencies' AND EXISTS (
            SELECT 1 FROM events e WHERE e.xmin = now_xid AND e.action = 'import'
              AND (e.after::jsonb ->> 'agencies_created')::integer > 0) THEN
        RETURN NULL;
    END IF;
    IF why.id IS NULL THEN
        INSERT INTO events (id, at, actor, action, task_id, before, after, written_by)
        SELECT (SELECT coalesce(max(id), 0) + 1 FROM events), '', '',
               CASE WHEN TG_TABLE_NAME = 'settings' THEN 'config_set'
                    WHEN was IS NULL THEN 'agency_add' ELSE 'agency_change' END, NULL,
               CASE WHEN was IS NULL THEN NULL
                    ELSE (SELECT jsonb_object_agg(k, was -> k) FROM unnest(keys) k)::text END,
               (SELECT jsonb_object_agg(k, now_row -> k) FROM unnest(keys) k)::text, 'database';
        RETURN NULL;
    END IF;
    IF (why.action = 'agency_add') <> (was IS NULL AND TG_TABLE_NAME = 'agencies')
       OR (why.action = 'agency_rename' AND NOT 'name' = ANY (keys))
       OR (why.action = 'agency_retire' AND (now_row ->> 'retired_on' IS NULL OR NOT 'retired_on' = ANY (keys)))
       OR (why.action = 'agency_edit' AND cardinality(keys) = 0) THEN
        RAISE EXCEPTION 'agency %: the event % says what did not happen', name, why.action
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    keys := ARRAY(SELECT DISTINCT k FROM (
        SELECT unnest(keys) AS k
        UNION SELECT k FROM jsonb_object_keys(coalesce(why.before::jsonb, '{}') || coalesce(why.after::jsonb, '{}')) k
        WHERE now_row ? k) AS ks);
    UPDATE events SET
        before = CASE WHEN was IS NULL OR why.before IS NULL AND why.action = 'agency_add' THEN NULL
                      ELSE (SELECT jsonb_object_agg(k, was -> k) FROM unnest(keys) k)::text END,
        -- what the why adds that is no field: the office said a near-duplicate is distinct
        after = ((SELECT jsonb_object_agg(k, now_row -> k) FROM unnest(keys) k)
                 || coalesce((SELECT jsonb_object_agg(k, v) FROM jsonb_each(why.after::jsonb) AS j(k, v)
                              WHERE k = 'distinct'), '{}'))::text,
        written_by = 'database'
    WHERE id = why.id;
    RETURN NULL;
END
$$;
DROP TRIGGER events_of_a_setting ON events;
CREATE CONSTRAINT TRIGGER events_of_a_setting AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.task_id IS NULL AND NEW.imported_by IS NULL
                       AND NEW.action IN ('config_set', 'agency_add', 'agency_rename', 'agency_retire', 'agency_edit'))
    EXECUTE FUNCTION taskreg_event_of_a_setting();

-- A reminder sent (`remind --send`, an event that describes no change of data, recorded
-- through taskreg_event of 0009) is the office's (docs/commands.md "remind"): a
-- liaison records none, through taskreg or SQL; history an import brings keeps its own.
ALTER POLICY events_add ON events WITH CHECK (
    CASE WHEN task_id IS NULL
         THEN taskreg_is_office() OR (action = 'import' AND taskreg_is_liaison())
         ELSE taskreg_may_write(taskreg_task_agency(task_id))
              AND (action <> 'amend_published' OR taskreg_is_office())
              AND (action <> 'remind' OR imported_by IS NOT NULL OR taskreg_is_office()) END
    AND ((before::json ->> 'agency') IS NULL
         OR taskreg_may_write((SELECT a.id FROM agencies a WHERE a.code = before::json ->> 'agency'))));
