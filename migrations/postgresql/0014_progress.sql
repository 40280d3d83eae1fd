-- Progress reports (`taskreg update`, docs/commands.md): each one an `update` event of its
-- task, its text in `after` ({"progress": …}) and its date in `claimed_on` (the day it was
-- recorded: never backdated; an imported one keeps the day its file gives). The update
-- rate and `updated_on` (taskreg.domain.states) look a task's reports up by this index,
-- which holds only them. A liaison reports on its own agencies' tasks only: 0009's
-- events_add policy (through taskreg_event) already holds it to them.
CREATE INDEX events_progress ON events (task_id, claimed_on) WHERE action = 'update';

-- A report is dated the day it is recorded: its claimed date within a day of the time the
-- database stamped on it (a day either way: the client's day is Viet Nam's, the stamp
-- UTC), and it must say something. An imported one keeps its file's date.
CREATE FUNCTION taskreg_progress_dated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.claimed_on IS NULL OR abs(NEW.claimed_on - left(NEW.at, 10)::date) > 1 THEN
        RAISE EXCEPTION 'task %: a progress report is dated the day it is recorded, not %',
            NEW.task_id, coalesce(NEW.claimed_on::text, 'no day') USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.task_id IS NULL OR coalesce(btrim(NEW.after::json ->> 'progress'), '') = '' THEN
        RAISE EXCEPTION 'a progress report names its task and says something'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_progress_dated AFTER INSERT ON events FOR EACH ROW
    WHEN (NEW.action = 'update' AND NEW.imported_by IS NULL)
    EXECUTE FUNCTION taskreg_progress_dated();
