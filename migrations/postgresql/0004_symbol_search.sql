-- On SQLite this migration refolds the searched text of tasks with a source; a
-- PostgreSQL register has always had it folded by taskreg as it writes (with each
-- source's symbol key): nothing to refold, only the column's meaning to record.
COMMENT ON COLUMN tasks.search IS 'folded title and source with its symbol key (taskreg.text.search_text)';
