-- Mergers (sáp nhập; docs/commands.md "agency merge, unmerge"): the table of the SQLite
-- migration of this name. Only the office merges and unmerges (docs/postgresql.md): every
-- login reads the mergers (each lead agency as of a date is worked out from them,
-- taskreg/domain/states.py `lead_sql`), the office alone writes them, whatever the grants
-- say. The `agency_merge` and `agency_unmerge` events have no task: 0017's events_add lets
-- the office alone record them. Liaisons' grants are unchanged.

CREATE TABLE mergers (
    id            integer PRIMARY KEY,
    old_agency_id integer NOT NULL REFERENCES agencies (id),
    new_agency_id integer NOT NULL REFERENCES agencies (id),
    merged_on     date NOT NULL,
    event_id      integer NOT NULL,
    undone_event  integer,
    CHECK (old_agency_id <> new_agency_id)
);
CREATE UNIQUE INDEX mergers_old ON mergers (old_agency_id) WHERE undone_event IS NULL;

CREATE TRIGGER mergers_next_id AFTER INSERT ON mergers REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION taskreg_next_ids_only();

ALTER TABLE mergers ENABLE ROW LEVEL SECURITY;
ALTER TABLE mergers FORCE ROW LEVEL SECURITY;
CREATE POLICY mergers_read ON mergers FOR SELECT USING (true);
CREATE POLICY mergers_add ON mergers FOR INSERT WITH CHECK (taskreg_is_office());
CREATE POLICY mergers_undo ON mergers FOR UPDATE USING (taskreg_is_office()) WITH CHECK (taskreg_is_office());

GRANT SELECT ON mergers TO taskreg_reader, taskreg_liaison, taskreg_office;
GRANT INSERT, UPDATE (undone_event) ON mergers TO taskreg_office;
