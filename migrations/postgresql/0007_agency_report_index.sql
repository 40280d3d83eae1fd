-- The year-by-agency report counts each agency's tasks assigned in a period: with the
-- agency first, the aggregate reads each agency's range of this index in turn and groups
-- as it reads, where `tasks_report` (assigned_on first) has every row sorted by agency
-- again (storage/sql.py `counts`).
CREATE INDEX tasks_agency_report ON tasks (agency_id, assigned_on, due_on, done_on, cancelled_on);

-- The office's rows are judged once per statement, not once per row: a policy's
-- taskreg_may_write(...) is a SECURITY DEFINER call per row (about 0.1 ms each, most of a
-- 1M import's time, issue 15), while `(SELECT taskreg_is_office())` is a subquery of no
-- row, which PostgreSQL evaluates once per statement (an InitPlan); OR stops at it for the
-- office. taskreg_may_write begins with taskreg_is_office() itself, so each policy admits
-- exactly the rows it admitted before.
ALTER POLICY tasks_add ON tasks
    WITH CHECK ((SELECT taskreg_is_office()) OR taskreg_may_write(agency_id));
ALTER POLICY tasks_change ON tasks
    USING ((SELECT taskreg_is_office()) OR taskreg_may_write(agency_id))
    WITH CHECK ((SELECT taskreg_is_office()) OR taskreg_may_write(agency_id));
ALTER POLICY co_add ON task_co_agencies
    WITH CHECK ((SELECT taskreg_is_office()) OR taskreg_may_write(taskreg_task_agency(task_id)));
ALTER POLICY co_remove ON task_co_agencies
    USING ((SELECT taskreg_is_office()) OR taskreg_may_write(taskreg_task_agency(task_id)));
ALTER POLICY deadlines_add ON deadlines
    WITH CHECK ((SELECT taskreg_is_office()) OR taskreg_may_write(taskreg_task_agency(task_id)));
