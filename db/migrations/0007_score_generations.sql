CREATE SEQUENCE "public"."score_generation" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "score_generations" (
	"period" text PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "period_scores" ADD COLUMN "generation" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Scores marked stale before this migration stay stale: their period gets a generation above theirs (0).
INSERT INTO "score_generations" ("period", "generation") SELECT "period", nextval('score_generation') FROM "period_scores" WHERE "stale";--> statement-breakpoint
ALTER TABLE "period_scores" DROP COLUMN "stale";