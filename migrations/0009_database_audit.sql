-- On PostgreSQL the database now writes the audit trail and marks who wrote each event
-- (migrations/postgresql/ of this name). A file register's events are all written by taskreg
-- itself: the same column, saying so.
ALTER TABLE events ADD COLUMN written_by TEXT DEFAULT 'client';
UPDATE events SET written_by = 'client';
