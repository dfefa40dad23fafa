-- Rating history and the audit trail are append-only: nothing may rewrite or
-- remove a row once written, whatever role the application connects as.
CREATE OR REPLACE FUNCTION skillgrid_reject_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ratings_append_only BEFORE UPDATE OR DELETE ON "ratings"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_reject_history_change();
