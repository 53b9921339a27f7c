CREATE TABLE "catalog_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resource" text NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"share_type" text NOT NULL,
	"legal_basis" text,
	"update_cycle" text NOT NULL,
	"published_on" date NOT NULL,
	"updated_on" date NOT NULL,
	"status" text NOT NULL,
	"batch_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "data_objections" (
	"objection" text PRIMARY KEY NOT NULL,
	"consumer" text NOT NULL,
	"provider" text NOT NULL,
	"resource" text NOT NULL,
	"kind" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"outcome" text NOT NULL,
	"note" text,
	"source" text DEFAULT 'platform' NOT NULL,
	"due_on" date NOT NULL,
	"batch_id" text,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_set_asides" (
	"id" serial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"provider" text NOT NULL,
	"consumer" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "ledger_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ledger" text NOT NULL,
	"item_id" text NOT NULL,
	"row" jsonb NOT NULL,
	"superseded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_requests" (
	"request" text PRIMARY KEY NOT NULL,
	"consumer" text NOT NULL,
	"provider" text NOT NULL,
	"resource" text,
	"purpose" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"replied_at" timestamp with time zone,
	"decision" text NOT NULL,
	"reason" text,
	"delivered_at" timestamp with time zone,
	"rating" integer,
	"rating_source" text,
	"reply_due_on" date NOT NULL,
	"delivery_due_on" date,
	"batch_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "ledger_kind" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "ledger_id" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "flag" text;--> statement-breakpoint
ALTER TABLE "schemes" ADD COLUMN "effective_from" date;--> statement-breakpoint
ALTER TABLE "integrity_set_asides" ADD CONSTRAINT "integrity_set_asides_period_periods_code_fk" FOREIGN KEY ("period") REFERENCES "public"."periods"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_current" ON "catalog_versions" USING btree ("resource") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "catalog_versions_provider" ON "catalog_versions" USING btree ("provider","resource","updated_on");--> statement-breakpoint
CREATE INDEX "data_objections_provider" ON "data_objections" USING btree ("provider","due_on");--> statement-breakpoint
CREATE INDEX "data_objections_consumer" ON "data_objections" USING btree ("consumer");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_set_asides_active" ON "integrity_set_asides" USING btree ("period","provider","consumer") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "ledger_history_item" ON "ledger_history" USING btree ("ledger","item_id");--> statement-breakpoint
CREATE INDEX "sharing_requests_provider" ON "sharing_requests" USING btree ("provider","reply_due_on");--> statement-breakpoint
CREATE INDEX "sharing_requests_consumer" ON "sharing_requests" USING btree ("consumer");--> statement-breakpoint
CREATE INDEX "sharing_requests_delivery_due" ON "sharing_requests" USING btree ("delivery_due_on");