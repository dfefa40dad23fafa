-- Keeps ratings_current (the latest rating per member × skill × rater kind)
-- in step with the append-only history: every insert into ratings upserts
-- its key in the same transaction. Concurrent inserts for one key serialise
-- on the upsert, so the winner is deterministic: newest rated_at, then
-- highest id, exactly the order the history readers use.
CREATE OR REPLACE FUNCTION skillgrid_track_current_rating() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- One statement may insert many rows (bulk loads, imports): take the
  -- latest per key among them first, then upsert once per key.
  INSERT INTO ratings_current AS c (framework_id, user_id, skill_key, rater_kind, rating_id, proficiency, not_applicable, interest, quarter, rated_at)
  SELECT DISTINCT ON (framework_id, user_id, skill_key, rater_kind)
         framework_id, user_id, skill_key, rater_kind, id, proficiency, not_applicable, interest, quarter, rated_at
  FROM inserted
  ORDER BY framework_id, user_id, skill_key, rater_kind, rated_at DESC, id DESC
  ON CONFLICT (framework_id, user_id, skill_key, rater_kind) DO UPDATE
    SET rating_id = EXCLUDED.rating_id, proficiency = EXCLUDED.proficiency, not_applicable = EXCLUDED.not_applicable,
        interest = EXCLUDED.interest, quarter = EXCLUDED.quarter, rated_at = EXCLUDED.rated_at
    WHERE (EXCLUDED.rated_at, EXCLUDED.rating_id) > (c.rated_at, c.rating_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ratings_track_current AFTER INSERT ON "ratings"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION skillgrid_track_current_rating();
--> statement-breakpoint
-- Existing databases: fill it from the history once.
INSERT INTO ratings_current (framework_id, user_id, skill_key, rater_kind, rating_id, proficiency, not_applicable, interest, quarter, rated_at)
SELECT DISTINCT ON (framework_id, user_id, skill_key, rater_kind)
       framework_id, user_id, skill_key, rater_kind, id, proficiency, not_applicable, interest, quarter, rated_at
FROM ratings
ORDER BY framework_id, user_id, skill_key, rater_kind, rated_at DESC, id DESC
ON CONFLICT DO NOTHING;
