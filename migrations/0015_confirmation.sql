-- The office's confirmation of a completion (docs/states.md "Awaiting confirmation"): the
-- two dates that say, as of any day D, whether a task's completion awaited confirmation then
-- (taskreg.domain.states `awaiting_sql`, the one definition).
--   awaiting_since  the day a completion that needs the office's confirmation was recorded
--                   (NULL: its completion needs none, or it is not done);
--   confirmed_on    the day the office confirmed it (NULL: not yet).
-- `reopen` and `return` clear both, with the completion; a new `done` raises the flag again.
ALTER TABLE tasks ADD COLUMN awaiting_since TEXT;
ALTER TABLE tasks ADD COLUMN confirmed_on TEXT;
