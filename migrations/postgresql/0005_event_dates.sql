-- Every event keeps when it was recorded (`at`) and the date it claims (`claimed_on`);
-- `correction_from`, `clock` and `imported_by` as in the SQLite migration of this name.
ALTER TABLE events ADD COLUMN claimed_on date;
ALTER TABLE events ADD COLUMN correction_from date;
ALTER TABLE events ADD COLUMN clock ctext;
ALTER TABLE events ADD COLUMN imported_by integer;
CREATE INDEX tasks_import ON tasks (import_event, assigned_on, agency_id);
CREATE TRIGGER events_stamp BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION taskreg_stamp_event();
