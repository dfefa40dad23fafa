ALTER TABLE "ratings" ADD COLUMN "request_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_request_id_key" ON "ratings" USING btree ("request_id");