-- An agency can be retired (it keeps its tasks and old reports) rather than deleted.
ALTER TABLE agencies ADD COLUMN retired_on date;
