-- Mergers (sáp nhập; docs/commands.md "agency merge, unmerge"): OLD merged into NEW on a
-- date. The lead agency as of a date is worked out when read (taskreg/domain/states.py
-- `lead_sql`): a task's stored agency_id stays the agency that was given it.
--   merged_on     the merger's date D: as of D or later OLD's tasks are NEW's, unless done or
--                 cancelled before D;
--   event_id      the `agency_merge` event that recorded it;
--   undone_event  the `agency_unmerge` event that undid it (a mistaken merger), else NULL.
-- An agency is merged into one other at most, until the merger is undone.
CREATE TABLE mergers (
    id            INTEGER PRIMARY KEY,
    old_agency_id INTEGER NOT NULL REFERENCES agencies (id),
    new_agency_id INTEGER NOT NULL REFERENCES agencies (id),
    merged_on     TEXT NOT NULL,
    event_id      INTEGER NOT NULL,
    undone_event  INTEGER,
    CHECK (old_agency_id <> new_agency_id)
);
CREATE UNIQUE INDEX mergers_old ON mergers (old_agency_id) WHERE undone_event IS NULL;
