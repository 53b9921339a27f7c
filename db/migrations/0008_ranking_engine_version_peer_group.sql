ALTER TABLE "departments" ADD COLUMN "peer_group" text;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "engine_version" integer DEFAULT 1 NOT NULL;