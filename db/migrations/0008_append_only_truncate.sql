-- Row triggers (0001) do not fire for TRUNCATE, which empties a table in one
-- statement: refuse it on the history tables too, for every role, including
-- a TRUNCATE of another table that would CASCADE into them. The function
-- from 0001 serves statement triggers as well (TG_OP is 'TRUNCATE'; it
-- raises before any return value matters).
CREATE TRIGGER ratings_no_truncate BEFORE TRUNCATE ON "ratings"
  FOR EACH STATEMENT EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION skillgrid_reject_history_change();
