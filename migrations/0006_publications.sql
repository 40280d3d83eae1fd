-- Publications (README "Publications"): what a report said when it was published, kept
-- whole as canonical JSON (`body`) with its SHA-256 `digest`. Append-only, as the audit
-- log is: the triggers below refuse UPDATE and DELETE.
CREATE TABLE publications (
    id          INTEGER PRIMARY KEY,
    start_on    TEXT NOT NULL,         -- the period's first and last day
    end_on      TEXT NOT NULL,
    agency_id   INTEGER REFERENCES agencies (id),  -- NULL: all agencies
    as_of       TEXT NOT NULL,
    version     INTEGER NOT NULL,
    at          TEXT NOT NULL,         -- when it was published (its event's time)
    actor       TEXT NOT NULL,
    symbol      TEXT,                  -- the report document's number, 45/BC-UBND
    doc_date    TEXT NOT NULL,         -- the report document's date
    reason      TEXT,                  -- why a new version was published
    digest      TEXT NOT NULL,
    body        TEXT NOT NULL,
    event_id    INTEGER NOT NULL REFERENCES events (id),  -- its `publish` event, or the import
    imported_by INTEGER                -- the import that restored it from a JSON export
);
CREATE UNIQUE INDEX publications_identity ON publications
    (start_on, end_on, coalesce(agency_id, 0), as_of, version);

CREATE TRIGGER publications_no_update BEFORE UPDATE ON publications
BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;
CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications
BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;
