-- Periodic tasks (nhiệm vụ định kỳ; docs/commands.md "recur"): a series makes one ordinary
-- task per period (month, quarter, half-year, year) by its rule, and names it.
--   uid         stable across registers: a period's task's uid is a UUID5 of it and the
--               period's start (taskreg.domain.series), so a moved register never repeats one;
--   agency_id   the lead agency of the tasks not yet created; co agencies in series_co_agencies;
--   every       month | quarter | half-year | year;
--   due_day     the day (1-31, clipped to the month's end) of the period's last month, or with
--               due_after of the month after the period;
--   from_on     the first day a task may be assigned on; stopped_on: no period starting after it.
-- Its changes are events (recur_add, recur_edit, recur_stop) naming it in `after` ("series").
CREATE TABLE series (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    agency_id  INTEGER NOT NULL REFERENCES agencies (id),
    every      TEXT NOT NULL CHECK (every IN ('month', 'quarter', 'half-year', 'year')),
    due_day    INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 31),
    due_after  BOOLEAN NOT NULL DEFAULT 0 CHECK (due_after IN (0, 1)),
    starred    BOOLEAN NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    from_on    TEXT NOT NULL,
    stopped_on TEXT
);

CREATE TABLE series_co_agencies (
    series_id INTEGER NOT NULL REFERENCES series (id),
    agency_id INTEGER NOT NULL REFERENCES agencies (id),
    PRIMARY KEY (series_id, agency_id)
) WITHOUT ROWID;

-- A period's task names its series and the period's first day; a series has at most one
-- task per period, so that no sync, however often run, makes a second.
ALTER TABLE tasks ADD COLUMN series_id INTEGER REFERENCES series (id);
ALTER TABLE tasks ADD COLUMN period_start TEXT;
CREATE UNIQUE INDEX tasks_series_period ON tasks (series_id, period_start) WHERE series_id IS NOT NULL;
