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
