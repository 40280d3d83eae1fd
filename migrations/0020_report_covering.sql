-- The report's aggregate (taskreg/storage/reporting.py `counts`) reads only its two indexes,
-- never the table: since the completion's confirmation (0015) and key tasks (0012) it also
-- reads `awaiting_since`, `confirmed_on` and `starred`, so they join the indexes' columns
-- (the task's id, for the update rate's lookup, is in every SQLite index already: the rowid).
DROP INDEX tasks_report;
CREATE INDEX tasks_report ON tasks
    (assigned_on, agency_id, due_on, done_on, cancelled_on, awaiting_since, confirmed_on, starred);
DROP INDEX tasks_agency_report;
CREATE INDEX tasks_agency_report ON tasks
    (agency_id, assigned_on, due_on, done_on, cancelled_on, awaiting_since, confirmed_on, starred);
