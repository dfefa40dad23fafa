CREATE TABLE "team_framework_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_framework_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"effective_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_framework_history" ADD CONSTRAINT "team_framework_history_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_framework_history" ADD CONSTRAINT "team_framework_history_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_framework_history" ADD CONSTRAINT "team_framework_history_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_framework_history_team_idx" ON "team_framework_history" USING btree ("team_id","effective_at" DESC NULLS LAST);--> statement-breakpoint
-- Every change of a team's roadmap version is recorded in the same
-- transaction, whichever code path (or operator) makes it: a trigger, not
-- application code. now() is the transaction's start, as for ratings.
CREATE OR REPLACE FUNCTION skillgrid_track_team_framework() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.framework_version_id IS DISTINCT FROM OLD.framework_version_id THEN
    INSERT INTO team_framework_history (team_id, framework_id, framework_version_id, effective_at)
    VALUES (NEW.id, NEW.framework_id, NEW.framework_version_id, now());
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER teams_track_framework AFTER INSERT OR UPDATE OF framework_version_id ON "teams"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_track_team_framework();
--> statement-breakpoint
-- Existing teams: rebuilt from what is known. Each switch left an audit row
-- (team.framework_switched, with the versions before and after); before the
-- first switch — or since creation, for a team never switched — the team
-- used the version it has now or the first switch's "before".
INSERT INTO team_framework_history (team_id, framework_id, framework_version_id, effective_at)
SELECT t.id,
       coalesce((first_switch.before ->> 'frameworkId')::uuid, t.framework_id),
       coalesce((first_switch.before ->> 'versionId')::uuid, t.framework_version_id),
       t.created_at
FROM teams t
LEFT JOIN LATERAL (
  SELECT a.before FROM audit_events a
  WHERE a.action = 'team.framework_switched' AND a.entity_id = t.id::text
  ORDER BY a.created_at, a.id LIMIT 1
) first_switch ON true
UNION ALL
SELECT t.id, (a.after ->> 'frameworkId')::uuid, (a.after ->> 'versionId')::uuid, a.created_at
FROM audit_events a JOIN teams t ON a.entity_id = t.id::text
WHERE a.action = 'team.framework_switched';
--> statement-breakpoint
CREATE TRIGGER team_framework_history_append_only BEFORE UPDATE OR DELETE ON "team_framework_history"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER team_framework_history_no_truncate BEFORE TRUNCATE ON "team_framework_history"
  FOR EACH STATEMENT EXECUTE FUNCTION skillgrid_reject_history_change();
