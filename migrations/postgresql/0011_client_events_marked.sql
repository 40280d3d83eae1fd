-- Migration 0009 meant to mark the events written before it as the client's, but its
-- UPDATE ran as the owner under forced row-level security, which has no UPDATE policy for
-- events of earlier transactions: it changed no row. Every event written since 0009 has
-- its mark (taskreg_stamp_event), so the unmarked ones are exactly those before it. Row
-- security is lifted for this one statement, inside this migration's transaction.
ALTER TABLE events NO FORCE ROW LEVEL SECURITY;
ALTER TABLE events DISABLE ROW LEVEL SECURITY;
UPDATE events SET written_by = 'client' WHERE written_by IS NULL;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;
