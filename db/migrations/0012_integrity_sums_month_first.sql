ALTER TABLE "integrity_monthly_calls" DROP CONSTRAINT "integrity_monthly_calls_pkey";
--> statement-breakpoint
ALTER TABLE "integrity_monthly_calls" ADD CONSTRAINT "integrity_monthly_calls_pkey" PRIMARY KEY("month","provider");--> statement-breakpoint
ALTER TABLE "integrity_monthly_pairs" DROP CONSTRAINT "integrity_monthly_pairs_pkey";
--> statement-breakpoint
ALTER TABLE "integrity_monthly_pairs" ADD CONSTRAINT "integrity_monthly_pairs_pkey" PRIMARY KEY("month","provider","consumer");