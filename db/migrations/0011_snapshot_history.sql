CREATE TABLE "team_member_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_member_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"is_lead" boolean NOT NULL,
	"current_level_key" text,
	"target_level_key" text,
	"present" boolean NOT NULL,
	"effective_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_target_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_target_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"target_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" "target_kind" NOT NULL,
	"capability_key" text,
	"skill_key" text,
	"required_proficiency" smallint NOT NULL,
	"required_headcount" smallint NOT NULL,
	"target_quarter" text NOT NULL,
	"importance" smallint NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone,
	"present" boolean NOT NULL,
	"effective_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_member_history" ADD CONSTRAINT "team_member_history_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member_history" ADD CONSTRAINT "team_member_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_target_history" ADD CONSTRAINT "team_target_history_target_id_team_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."team_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_target_history" ADD CONSTRAINT "team_target_history_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_member_history_team_idx" ON "team_member_history" USING btree ("team_id","user_id","effective_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "team_target_history_team_idx" ON "team_target_history" USING btree ("team_id","target_id","effective_at" DESC NULLS LAST);--> statement-breakpoint
-- Memberships: every start, change (lead flag, levels) and end is recorded in
-- the same transaction, whichever code path (or operator) makes it. A row's
-- history starts at its created_at (never later than now), so a membership
-- created with an earlier date (the demo's, a migration's) reads as such.
CREATE OR REPLACE FUNCTION skillgrid_track_team_member() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (NEW.team_id, NEW.user_id) IS DISTINCT FROM (OLD.team_id, OLD.user_id)) THEN
    INSERT INTO team_member_history (team_id, user_id, is_lead, current_level_key, target_level_key, present, effective_at)
    VALUES (OLD.team_id, OLD.user_id, OLD.is_lead, OLD.current_level_key, OLD.target_level_key, false, now());
  END IF;
  IF TG_OP = 'INSERT'
     OR (TG_OP = 'UPDATE' AND (NEW.team_id, NEW.user_id, NEW.is_lead, NEW.current_level_key, NEW.target_level_key)
                              IS DISTINCT FROM (OLD.team_id, OLD.user_id, OLD.is_lead, OLD.current_level_key, OLD.target_level_key)) THEN
    INSERT INTO team_member_history (team_id, user_id, is_lead, current_level_key, target_level_key, present, effective_at)
    VALUES (NEW.team_id, NEW.user_id, NEW.is_lead, NEW.current_level_key, NEW.target_level_key, true,
            CASE WHEN TG_OP = 'INSERT' THEN least(NEW.created_at, now()) ELSE now() END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER team_members_track AFTER INSERT OR UPDATE OR DELETE ON "team_members"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_track_team_member();
--> statement-breakpoint
-- Targets: every insert and change (an edit, an archive) as a full row. A
-- target is never deleted: its history references it.
CREATE OR REPLACE FUNCTION skillgrid_track_team_target() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT'
     OR (NEW.team_id, NEW.kind, NEW.capability_key, NEW.skill_key, NEW.required_proficiency, NEW.required_headcount, NEW.target_quarter, NEW.importance, NEW.note, NEW.archived_at)
        IS DISTINCT FROM (OLD.team_id, OLD.kind, OLD.capability_key, OLD.skill_key, OLD.required_proficiency, OLD.required_headcount, OLD.target_quarter, OLD.importance, OLD.note, OLD.archived_at) THEN
    INSERT INTO team_target_history (target_id, team_id, kind, capability_key, skill_key, required_proficiency, required_headcount,
                                     target_quarter, importance, note, created_at, archived_at, present, effective_at)
    VALUES (NEW.id, NEW.team_id, NEW.kind, NEW.capability_key, NEW.skill_key, NEW.required_proficiency, NEW.required_headcount,
            NEW.target_quarter, NEW.importance, NEW.note, NEW.created_at, NEW.archived_at, NEW.archived_at IS NULL,
            CASE WHEN TG_OP = 'INSERT' THEN least(NEW.created_at, now()) ELSE now() END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER team_targets_track AFTER INSERT OR UPDATE ON "team_targets"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_track_team_target();
--> statement-breakpoint
-- A team's roadmap history also starts at the team's created_at (0010 used
-- now() on insert; the same for every team the app creates).
CREATE OR REPLACE FUNCTION skillgrid_track_team_framework() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.framework_version_id IS DISTINCT FROM OLD.framework_version_id THEN
    INSERT INTO team_framework_history (team_id, framework_id, framework_version_id, effective_at)
    VALUES (NEW.id, NEW.framework_id, NEW.framework_version_id,
            CASE WHEN TG_OP = 'INSERT' THEN least(NEW.created_at, now()) ELSE now() END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Existing rows: a history starting at their creation time, so a closed
-- quarter that no later edit touched reads exactly as before. An archived
-- target was live from its creation until its archive.
INSERT INTO team_member_history (team_id, user_id, is_lead, current_level_key, target_level_key, present, effective_at)
SELECT team_id, user_id, is_lead, current_level_key, target_level_key, true, created_at FROM team_members;
--> statement-breakpoint
INSERT INTO team_target_history (target_id, team_id, kind, capability_key, skill_key, required_proficiency, required_headcount,
                                 target_quarter, importance, note, created_at, archived_at, present, effective_at)
SELECT id, team_id, kind, capability_key, skill_key, required_proficiency, required_headcount, target_quarter, importance, note, created_at, NULL, true, created_at
FROM team_targets
UNION ALL
SELECT id, team_id, kind, capability_key, skill_key, required_proficiency, required_headcount, target_quarter, importance, note, created_at, archived_at, false, archived_at
FROM team_targets WHERE archived_at IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER team_member_history_append_only BEFORE UPDATE OR DELETE ON "team_member_history"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER team_member_history_no_truncate BEFORE TRUNCATE ON "team_member_history"
  FOR EACH STATEMENT EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER team_target_history_append_only BEFORE UPDATE OR DELETE ON "team_target_history"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER team_target_history_no_truncate BEFORE TRUNCATE ON "team_target_history"
  FOR EACH STATEMENT EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
-- Accepted plan items are history themselves: never changed, never removed.
CREATE TRIGGER plan_items_append_only BEFORE UPDATE OR DELETE ON "plan_items"
  FOR EACH ROW EXECUTE FUNCTION skillgrid_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER plan_items_no_truncate BEFORE TRUNCATE ON "plan_items"
  FOR EACH STATEMENT EXECUTE FUNCTION skillgrid_reject_history_change();
