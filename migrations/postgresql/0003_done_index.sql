-- The weekly digest lists the tasks completed in a week: find them by completion date.
CREATE INDEX tasks_done ON tasks (done_on);
