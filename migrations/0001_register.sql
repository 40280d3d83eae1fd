-- The register: agencies, tasks, their coordinating agencies, deadline history,
-- the audit log and settings. Dates are ISO YYYY-MM-DD text; timestamps ISO UTC.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE agencies (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    kind      TEXT,
    code_fold TEXT NOT NULL UNIQUE,   -- code without case or diacritics
    name_fold TEXT NOT NULL UNIQUE    -- name without case or diacritics
);

-- The audit log. Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE events (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,            -- ISO timestamp, UTC
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,            -- add, done, reopen, extend, edit, cancel, import, ...
    task_id INTEGER,                  -- no foreign key: an event outlives nothing, refers only
    before  TEXT,                     -- JSON of the changed fields before
    after   TEXT,                     -- JSON of the changed fields after
    reason  TEXT
);
CREATE INDEX events_task ON events (task_id, id);
CREATE INDEX events_at ON events (at);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE tasks (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    agency_id     INTEGER NOT NULL REFERENCES agencies (id),
    assigned_on   TEXT NOT NULL,
    due_on        TEXT,
    done_on       TEXT,
    result        TEXT,
    source        TEXT,
    source_date   TEXT,
    assigned_by   TEXT,
    note          TEXT,
    cancelled_on  TEXT,
    cancel_reason TEXT,
    search        TEXT NOT NULL,      -- folded title and source, for diacritic-free search
    import_event  INTEGER REFERENCES events (id),
    CHECK (due_on IS NULL OR due_on >= assigned_on),
    CHECK (done_on IS NULL OR done_on >= assigned_on),
    CHECK (cancelled_on IS NULL OR cancelled_on >= assigned_on),
    CHECK (done_on IS NULL OR cancelled_on IS NULL)
);
-- Reports count tasks assigned in a period, overall and by agency: this index
-- covers that aggregate, so it never touches the table.
CREATE INDEX tasks_report ON tasks (assigned_on, agency_id, due_on, done_on, cancelled_on);
-- Lists by agency, and the open-overdue sweep of the weekly digest.
CREATE INDEX tasks_agency ON tasks (agency_id, due_on);
CREATE INDEX tasks_due ON tasks (due_on, done_on);

CREATE TABLE task_co_agencies (
    task_id   INTEGER NOT NULL REFERENCES tasks (id),
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    PRIMARY KEY (task_id, agency_id)
) WITHOUT ROWID;

-- Every deadline a task ever had: the first, extensions (decided before the
-- deadline they replace) and corrections of a mistyped date.
CREATE TABLE deadlines (
    id         INTEGER PRIMARY KEY,
    task_id    INTEGER NOT NULL REFERENCES tasks (id),
    due_on     TEXT,                  -- NULL: the deadline was removed
    kind       TEXT NOT NULL CHECK (kind IN ('initial', 'extension', 'correction')),
    decided_on TEXT NOT NULL,
    reason     TEXT,
    event_id   INTEGER NOT NULL REFERENCES events (id)
);
CREATE INDEX deadlines_task ON deadlines (task_id, id);
