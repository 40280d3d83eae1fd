-- The year-by-agency report counts each agency's tasks assigned in a period: with the
-- agency first, the aggregate reads each agency's range of this index in turn and groups
-- as it reads, where `tasks_report` (assigned_on first) has every row sorted by agency
-- again (storage/sql.py `counts`).
CREATE INDEX tasks_agency_report ON tasks (agency_id, assigned_on, due_on, done_on, cancelled_on);
