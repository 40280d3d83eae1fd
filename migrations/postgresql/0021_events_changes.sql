-- The events after a day that may have changed a task (a report's "corrected or entered
-- after the as-of date", taskreg/storage/reporting.py `recorded_after`), without the progress
-- reports and reminders that change none and, in time, make most of a register's events.
-- The query names the same condition (`NO_CHANGE`), so the planner can use this index.
CREATE INDEX events_changes ON events (at) WHERE action NOT IN ('update', 'remind');
