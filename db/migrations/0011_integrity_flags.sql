CREATE TABLE "integrity_flag_sets" (
	"period" text PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"flags" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_flags" (
	"period" text NOT NULL,
	"department" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"evidence" jsonb NOT NULL,
	CONSTRAINT "integrity_flags_pkey" PRIMARY KEY("period","department","position")
);
--> statement-breakpoint
CREATE TABLE "integrity_monthly_call_sets" (
	"month" text PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_monthly_calls" (
	"provider" text NOT NULL,
	"month" text NOT NULL,
	"calls" double precision NOT NULL,
	CONSTRAINT "integrity_monthly_calls_pkey" PRIMARY KEY("provider","month")
);
--> statement-breakpoint
CREATE TABLE "integrity_monthly_pairs" (
	"provider" text NOT NULL,
	"consumer" text NOT NULL,
	"month" text NOT NULL,
	"calls" double precision NOT NULL,
	"days_used" integer NOT NULL,
	CONSTRAINT "integrity_monthly_pairs_pkey" PRIMARY KEY("provider","consumer","month")
);
