-- Every event keeps when it was recorded (`at`, read from the clock) and the date it
-- claims (`claimed_on`: the day a decision was taken, a task completed or cancelled,
-- a task assigned; NULL when that is the day it was recorded).
ALTER TABLE events ADD COLUMN claimed_on TEXT;
-- A correction changes what a report as of an earlier day said: the first such day.
-- NULL for an event that changes nothing already reported (see README "Corrections").
ALTER TABLE events ADD COLUMN correction_from TEXT;
-- 'pinned': recorded while TASKREG_TODAY pinned the date; NULL: the real clock.
ALTER TABLE events ADD COLUMN clock TEXT;
-- History brought by an import: the import's event. Its `at` and `actor` are what the
-- file claims; the register recorded it when the import event says.
ALTER TABLE events ADD COLUMN imported_by INTEGER;
-- A report as of a day before an import counts the tasks that import brought as entered
-- late: find them by their import and assignment date without reading the table.
CREATE INDEX tasks_import ON tasks (import_event, assigned_on, agency_id);
