-- Since 01/7/2025 several departments merged and districts were abolished: an
-- agency can be retired (it keeps its tasks and old reports) rather than deleted.
ALTER TABLE agencies ADD COLUMN retired_on TEXT;
