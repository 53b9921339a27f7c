CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"ended_by" text,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_live" ON "sessions" USING btree ("user_id") WHERE ended_at is null;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "session_version";--> statement-breakpoint
-- Only the exchange platform's unbound token writes events (docs/security.md, "API tokens"): a department-bound token loses events:write.
UPDATE "api_tokens" SET "scopes" = "scopes" - 'events:write' WHERE "department_code" IS NOT NULL AND "scopes" @> '["events:write"]'::jsonb;
