-- Key tasks (nhiệm vụ trọng tâm, "gắn sao"; docs/commands.md `add --star`): a task is
-- starred or not, 0 or 1, never null. BOOLEAN so that both engines' columns read alike
-- (tests/test_schema_parity.py reads its affinity, NUMERIC, as PostgreSQL's boolean).
ALTER TABLE tasks ADD COLUMN starred BOOLEAN NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
