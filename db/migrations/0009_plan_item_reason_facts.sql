-- An accepted plan item's reason as facts (codes, numbers, names), rendered in
-- the viewer's language. Rows accepted before keep reason_facts null and show
-- their stored English text. No grant: the runtime role's table-level
-- privileges (db/roles.ts) cover a new column.
ALTER TABLE "plan_items" ADD COLUMN "reason_facts" jsonb;
