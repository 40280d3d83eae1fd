-- Publications, as in the SQLite migration of this name. Append-only: nobody is granted
-- UPDATE or DELETE, forced row-level security has no policy for either (so the owner's
-- change nothing), and a trigger refuses both to a superuser too. Who publishes and when is
-- the `publish` event's (stamped by the server, 0005), checked here; a publication of all
-- agencies is the office's, one agency's that agency's writers'; only the office restores
-- publications from a JSON export.
CREATE TABLE publications (
    id          integer PRIMARY KEY,
    start_on    date NOT NULL,
    end_on      date NOT NULL,
    agency_id   integer REFERENCES agencies (id),
    as_of       date NOT NULL,
    version     integer NOT NULL,
    at          ctext NOT NULL,
    actor       ctext NOT NULL,
    symbol      ctext,
    doc_date    date NOT NULL,
    reason      ctext,
    digest      ctext NOT NULL,
    body        ctext NOT NULL,
    event_id    integer NOT NULL REFERENCES events (id) DEFERRABLE INITIALLY DEFERRED,
    imported_by integer
);
CREATE UNIQUE INDEX publications_identity ON publications
    (start_on, end_on, coalesce(agency_id, 0), as_of, version);

CREATE FUNCTION taskreg_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
    FOR EACH ROW EXECUTE FUNCTION taskreg_append_only();
CREATE TRIGGER publications_next_id BEFORE INSERT ON publications
    FOR EACH ROW EXECUTE FUNCTION taskreg_next_id_only();

-- A publication names the event that published it, recorded in this transaction, with that
-- event's time and login; a restored one names this transaction's import.
CREATE FUNCTION taskreg_check_publication() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.imported_by IS NOT NULL THEN
        IF NOT taskreg_is_office() OR NOT EXISTS (
                SELECT 1 FROM events e WHERE e.id = NEW.imported_by AND e.id = NEW.event_id
                  AND e.action = 'import' AND e.xmin = pg_current_xact_id()::xid) THEN
            RAISE EXCEPTION 'a restored publication needs the office''s import in this transaction'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NOT EXISTS (
            SELECT 1 FROM events e WHERE e.id = NEW.event_id AND e.action = 'publish'
              AND e.at = NEW.at AND e.actor = NEW.actor AND e.xmin = pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'a publication needs its publish event in this transaction'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER publications_checked BEFORE INSERT ON publications
    FOR EACH ROW EXECUTE FUNCTION taskreg_check_publication();

ALTER TABLE publications ENABLE ROW LEVEL SECURITY;
ALTER TABLE publications FORCE ROW LEVEL SECURITY;
CREATE POLICY publications_read ON publications FOR SELECT USING (true);
CREATE POLICY publications_add ON publications FOR INSERT WITH CHECK (
    CASE WHEN agency_id IS NULL THEN taskreg_is_office() ELSE taskreg_may_write(agency_id) END);
GRANT SELECT ON publications TO taskreg_reader, taskreg_liaison, taskreg_office;
GRANT INSERT ON publications TO taskreg_liaison, taskreg_office;

-- A liaison publishes their agency's figures; only the office amends published figures.
ALTER POLICY events_add ON events WITH CHECK (
    CASE WHEN task_id IS NULL
         THEN taskreg_is_office() OR (action IN ('import', 'publish') AND taskreg_is_liaison())
         ELSE taskreg_may_write(taskreg_task_agency(task_id))
              AND (action <> 'amend_published' OR taskreg_is_office()) END
    AND ((before::json ->> 'agency') IS NULL
         OR taskreg_may_write((SELECT a.id FROM agencies a WHERE a.code = before::json ->> 'agency'))));
