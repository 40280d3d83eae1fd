-- Which imports brought history (a JSON export's events, marked imported_by): a report
-- looks at each imported task's events only for those imports (storage/sql.py
-- `recorded_after`); a register with no imported history keeps this index empty.
CREATE INDEX events_imported ON events (imported_by) WHERE imported_by IS NOT NULL;
