CREATE TABLE "closed_quarter_ratings" (
	"cycle_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"rater_kind" "rater_kind" NOT NULL,
	"rating_id" bigint NOT NULL,
	"proficiency" smallint,
	"not_applicable" boolean NOT NULL,
	"interest" smallint,
	"quarter" text NOT NULL,
	CONSTRAINT "closed_quarter_ratings_cycle_id_framework_id_user_id_skill_key_rater_kind_pk" PRIMARY KEY("cycle_id","framework_id","user_id","skill_key","rater_kind")
);
--> statement-breakpoint
ALTER TABLE "assessment_cycles" ADD COLUMN "ratings_snapshot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "closed_quarter_ratings" ADD CONSTRAINT "closed_quarter_ratings_cycle_id_assessment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Quarters closed before snapshots existed: their ratings as of the close,
-- from the append-only history (the same rows the history read gives).
INSERT INTO closed_quarter_ratings (cycle_id, framework_id, user_id, skill_key, rater_kind, rating_id, proficiency, not_applicable, interest, quarter)
SELECT DISTINCT ON (c.id, r.framework_id, r.user_id, r.skill_key, r.rater_kind)
       c.id, r.framework_id, r.user_id, r.skill_key, r.rater_kind, r.id, r.proficiency, r.not_applicable, r.interest, r.quarter
FROM assessment_cycles c JOIN ratings r ON r.rated_at <= c.closed_at
WHERE c.status = 'closed' AND c.closed_at IS NOT NULL
ORDER BY c.id, r.framework_id, r.user_id, r.skill_key, r.rater_kind, r.rated_at DESC, r.id DESC;
--> statement-breakpoint
UPDATE assessment_cycles SET ratings_snapshot_at = now() WHERE status = 'closed' AND closed_at IS NOT NULL;
