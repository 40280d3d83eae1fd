-- Progress reports (`taskreg update`, docs/commands.md): each one an `update` event of its
-- task, its text in `after` ({"progress": …}) and its date in `claimed_on` (the day it was
-- recorded: never backdated; an imported one keeps the day its file gives). The update
-- rate and `updated_on` (taskreg.domain.states) look a task's reports up by this index,
-- which holds only them.
CREATE INDEX events_progress ON events (task_id, claimed_on) WHERE action = 'update';
