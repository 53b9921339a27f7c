CREATE TABLE "sharing_event_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"day" date NOT NULL,
	"consumer" text NOT NULL,
	"resource" text NOT NULL,
	"calls" bigint NOT NULL,
	"records" bigint NOT NULL,
	"failures" bigint NOT NULL,
	"batch_id" text,
	"superseded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_by" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sharing_event_history_key" ON "sharing_event_history" USING btree ("provider","day","consumer","resource");