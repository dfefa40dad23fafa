CREATE TABLE "ratings_current" (
	"framework_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"rater_kind" "rater_kind" NOT NULL,
	"rating_id" bigint NOT NULL,
	"proficiency" smallint,
	"not_applicable" boolean NOT NULL,
	"interest" smallint,
	"quarter" text NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_current_framework_id_user_id_skill_key_rater_kind_pk" PRIMARY KEY("framework_id","user_id","skill_key","rater_kind")
);
