CREATE TYPE "public"."cycle_status" AS ENUM('planned', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."framework_status" AS ENUM('draft', 'published', 'retired');--> statement-breakpoint
CREATE TYPE "public"."plan_recommendation" AS ENUM('train', 'hire', 'train_hire');--> statement-breakpoint
CREATE TYPE "public"."rater_kind" AS ENUM('self', 'manager');--> statement-breakpoint
CREATE TYPE "public"."target_kind" AS ENUM('capability', 'skill');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'manager', 'member');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text,
	"subject" text,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"role" "user_role" DEFAULT 'member' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capability_skills" (
	"capability_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"required_proficiency" smallint DEFAULT 3 NOT NULL,
	CONSTRAINT "capability_skills_capability_id_skill_id_pk" PRIMARY KEY("capability_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "framework_status" DEFAULT 'draft' NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"intro_zh" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"growth_table" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transition_path" jsonb,
	"conclusion_zh" text DEFAULT '' NOT NULL,
	"conclusion_en" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"tagline_zh" text DEFAULT '' NOT NULL,
	"tagline_en" text DEFAULT '' NOT NULL,
	"summary_zh" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"work_style_zh" text DEFAULT '' NOT NULL,
	"work_style_en" text DEFAULT '' NOT NULL,
	"work_style_note_zh" text DEFAULT '' NOT NULL,
	"work_style_note_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_capabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"importance" smallint DEFAULT 2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"descriptors" jsonb,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	"current_level_key" text,
	"target_level_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"framework_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"archived_at" timestamp with time zone,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"rater_kind" "rater_kind" NOT NULL,
	"rater_id" uuid NOT NULL,
	"proficiency" smallint,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"interest" smallint,
	"evidence" text,
	"comment" text,
	"quarter" text NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_proficiency_range" CHECK ("ratings"."proficiency" is null or "ratings"."proficiency" between 0 and 4),
	CONSTRAINT "ratings_interest_range" CHECK ("ratings"."interest" is null or "ratings"."interest" between 0 and 2),
	CONSTRAINT "ratings_value_present" CHECK (("ratings"."not_applicable" and "ratings"."proficiency" is null) or (not "ratings"."not_applicable" and "ratings"."proficiency" is not null)),
	CONSTRAINT "ratings_quarter_format" CHECK ("ratings"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "assessment_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "cycle_status" DEFAULT 'planned' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_cycles_dates" CHECK ("assessment_cycles"."starts_on" <= "assessment_cycles"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"target_id" uuid,
	"skill_key" text NOT NULL,
	"quarter" text NOT NULL,
	"recommendation" "plan_recommendation" NOT NULL,
	"reason" text NOT NULL,
	"candidate_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accepted_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" "target_kind" NOT NULL,
	"capability_key" text,
	"skill_key" text,
	"required_proficiency" smallint NOT NULL,
	"required_headcount" smallint NOT NULL,
	"target_quarter" text NOT NULL,
	"importance" smallint DEFAULT 2 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"archived_at" timestamp with time zone,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_targets_subject" CHECK (("team_targets"."kind" = 'capability') = ("team_targets"."capability_key" is not null)),
	CONSTRAINT "team_targets_proficiency" CHECK ("team_targets"."required_proficiency" between 1 and 4),
	CONSTRAINT "team_targets_headcount" CHECK ("team_targets"."required_headcount" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capability_skills" ADD CONSTRAINT "capability_skills_capability_id_platform_capabilities_id_fk" FOREIGN KEY ("capability_id") REFERENCES "public"."platform_capabilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_skills" ADD CONSTRAINT "capability_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levels" ADD CONSTRAINT "levels_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_capabilities" ADD CONSTRAINT "platform_capabilities_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycles" ADD CONSTRAINT "assessment_cycles_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_target_id_team_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."team_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_accepted_by_id_users_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_targets" ADD CONSTRAINT "team_targets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_targets" ADD CONSTRAINT "team_targets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_issuer_subject_key" ON "users" USING btree ("issuer","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "capability_skills_skill_idx" ON "capability_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_version_key_key" ON "categories" USING btree ("framework_version_id","key");--> statement-breakpoint
CREATE INDEX "categories_level_idx" ON "categories" USING btree ("level_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_framework_version_key" ON "framework_versions" USING btree ("framework_id","version");--> statement-breakpoint
CREATE INDEX "framework_versions_status_idx" ON "framework_versions" USING btree ("framework_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_key_key" ON "frameworks" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "levels_version_key_key" ON "levels" USING btree ("framework_version_id","key");--> statement-breakpoint
CREATE INDEX "levels_version_position_idx" ON "levels" USING btree ("framework_version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_capabilities_version_key_key" ON "platform_capabilities" USING btree ("framework_version_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_version_key_key" ON "skills" USING btree ("framework_version_id","key");--> statement-breakpoint
CREATE INDEX "skills_category_idx" ON "skills" USING btree ("category_id","position");--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "teams_framework_idx" ON "teams" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "ratings_latest_idx" ON "ratings" USING btree ("framework_id","user_id","skill_key","rater_kind","rated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ratings_skill_idx" ON "ratings" USING btree ("framework_id","skill_key","rated_at");--> statement-breakpoint
CREATE INDEX "ratings_quarter_idx" ON "ratings" USING btree ("framework_id","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_cycles_quarter_key" ON "assessment_cycles" USING btree ("quarter");--> statement-breakpoint
CREATE INDEX "plan_items_team_idx" ON "plan_items" USING btree ("team_id","quarter");--> statement-breakpoint
CREATE INDEX "team_targets_team_idx" ON "team_targets" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "audit_events_created_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","created_at");