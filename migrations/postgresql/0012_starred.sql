-- Key tasks (nhiệm vụ trọng tâm, "gắn sao"; docs/commands.md `add --star`): a task is
-- starred or not, never null. A liaison or the office may change it, as any field a
-- command edits (0001's column grants).
ALTER TABLE tasks ADD COLUMN starred boolean NOT NULL DEFAULT false;
GRANT UPDATE (starred) ON tasks TO taskreg_liaison, taskreg_office;

-- What a task is, as an event describes it (0009's, with `starred`): the database's record
-- of an add or an edit says whether the task is starred, and a change of it, from what to what.
CREATE OR REPLACE FUNCTION taskreg_task_view(task integer) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'uid', t.uid, 'title', t.title, 'agency', a.code,
        'co_agencies', coalesce((SELECT jsonb_agg(ca.code ORDER BY ca.code) FROM task_co_agencies c
                                 JOIN agencies ca ON ca.id = c.agency_id WHERE c.task_id = t.id), '[]'::jsonb),
        'assigned_on', t.assigned_on, 'due_on', t.due_on, 'done_on', t.done_on,
        'cancelled_on', t.cancelled_on, 'cancel_reason', t.cancel_reason, 'source', t.source,
        'source_date', t.source_date, 'assigned_by', t.assigned_by, 'note', t.note, 'result', t.result,
        'starred', t.starred)
    FROM tasks t JOIN agencies a ON a.id = t.agency_id WHERE t.id = task
$$;
